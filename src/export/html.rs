//! The HTML report: one self-contained page (no network, no external script
//! or font) with the entity table, quotes, timeline and the marked-up text.
//! Every piece of input text goes through [`escape`]; the style sheet and
//! the small sorting script are data in `assets/export/`.

use std::fmt::Write as _;

use crate::analysis::profile::Profiles;
use crate::analysis::quotes::Quote;
use crate::analysis::{Analysis, Entity, EntityKind, MentionForm, TimelineEntry};
use crate::corpus::{Corpus, Paragraph};

use super::{entity_by_id, first_mention, speaker_name};

const STYLE: &str = include_str!("../../assets/export/report.css");
const SCRIPT: &str = include_str!("../../assets/export/report.js");
/// Runs first, so that a failing script leaves a trace in the DOM
/// (`data-js-errors` on `<html>`) that a test or a reader can see.
const ERROR_TRAP: &str = "window.addEventListener('error',function(e){var h=document.documentElement;h.setAttribute('data-js-errors',(h.getAttribute('data-js-errors')||'')+e.message+'; ');});";

/// Above this many documents the list of them is folded.
const FOLD_DOCUMENTS: usize = 3;

/// Slices of the story in an entity's dispersion strip.
const DISPERSION_BINS: usize = 100;

/// The whole report as one HTML document.
pub fn report(corpus: &Corpus, analysis: &Analysis) -> String {
    report_with(corpus, analysis, "")
}

/// [`report`] with `extra` (a whole section, such as the corrections) at
/// the end of the main part.
pub fn report_with(corpus: &Corpus, analysis: &Analysis, extra: &str) -> String {
    let mut out = String::with_capacity(
        corpus.documents.iter().map(|d| d.text.len()).sum::<usize>() * 3 + 64 * 1024,
    );
    let title = report_title(corpus);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"storyscope {}\">\n\
         <title>{} · storyscope</title>\n<script>{ERROR_TRAP}</script>\n<style>\n{STYLE}{}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title),
        kind_letter_rules()
    );
    header(&mut out, corpus, analysis, &title);
    out.push_str("<main>\n");
    entity_section(&mut out, corpus, analysis);
    quote_section(&mut out, corpus, analysis);
    timeline_section(&mut out, analysis);
    text_section(&mut out, corpus, analysis);
    out.push_str(extra);
    let _ = write!(
        out,
        "</main>\n<footer><p>Made by storyscope {}. Spans are byte offsets into the files as read.</p></footer>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// `.k-person { --letter: "P"; }` for each kind: the letters come from
/// [`EntityKind::letter`], as in the app.
fn kind_letter_rules() -> String {
    EntityKind::ALL
        .iter()
        .map(|kind| {
            format!(
                ".k-{} {{ --letter: \"{}\"; }}\n",
                kind.as_str(),
                kind.letter()
            )
        })
        .collect()
}

fn report_title(corpus: &Corpus) -> String {
    match corpus.documents.as_slice() {
        [] => "(empty story)".to_string(),
        [only] => only.title.clone(),
        [first, rest @ ..] => format!("{} and {} more", first.title, rest.len()),
    }
}

fn header(out: &mut String, corpus: &Corpus, analysis: &Analysis, title: &str) {
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(title));
    // Many documents (a folder of articles) fold away behind their count.
    let folded = corpus.documents.len() > FOLD_DOCUMENTS;
    if folded {
        let dates: Vec<_> = corpus.documents.iter().filter_map(|d| d.date).collect();
        let span = match (dates.iter().min(), dates.iter().max()) {
            (Some(first), Some(last)) if first != last => format!(" · {first} – {last}"),
            (Some(first), _) => format!(" · {first}"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "<details class=\"documents\"><summary>{} documents{span}</summary>",
            corpus.documents.len()
        );
    }
    out.push_str("<ul class=\"documents\">\n");
    for doc in &corpus.documents {
        let date = doc.date.map(|d| format!(" · {d}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "<li><a href=\"#d-{}\">{}</a> <span class=\"path\">{}</span>{date}</li>",
            doc.id,
            escape(&doc.title),
            escape(&doc.path)
        );
    }
    out.push_str("</ul>\n");
    if folded {
        out.push_str("</details>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"counts\">{} paragraphs · {} entities · {} quotes · {} temporal expressions</p>",
        corpus.paragraphs.len(),
        analysis.entities.len(),
        analysis.quotes.len(),
        analysis.timeline.len()
    );
    out.push_str(
        "<nav><a href=\"#entities\">Entities</a> <a href=\"#quotes\">Quotes</a> \
         <a href=\"#timeline\">Timeline</a> <a href=\"#text\">Text</a></nav>\n",
    );
    out.push_str("<p class=\"legend\">Kinds: ");
    for kind in EntityKind::ALL {
        let _ = write!(out, "<span class=\"m k-{0}\">{0}</span> ", kind.as_str());
    }
    out.push_str(
        "<span class=\"m pron k-person\">pronoun</span> <span class=\"qt\">“quotation”</span></p>\n</header>\n",
    );
}

fn entity_section(out: &mut String, corpus: &Corpus, analysis: &Analysis) {
    let profiles = Profiles::build(corpus, analysis);
    let _ = writeln!(
        out,
        "<section id=\"entities\">\n<h2>Entities <span class=\"count\">{}</span></h2>\n\
         <p class=\"hint\">Click a column to sort; a name or ¶ leads to the first mention.</p>\n\
         <div class=\"table-wrap\"><table id=\"entity-table\" class=\"sortable\">\n<thead><tr>\
         <th scope=\"col\" data-key=\"kind\"><button type=\"button\">Kind</button></th>\
         <th scope=\"col\" data-key=\"name\"><button type=\"button\">Name</button></th>\
         <th scope=\"col\" data-key=\"mentions\" data-type=\"number\" aria-sort=\"descending\"><button type=\"button\">Mentions</button></th>\
         <th scope=\"col\" data-key=\"paragraphs\" data-type=\"number\" class=\"paras\"><button type=\"button\">¶s</button></th>\
         <th scope=\"col\" data-key=\"first\" data-type=\"number\"><button type=\"button\">First</button></th>\
         <th scope=\"col\">Across the story</th>\
         <th scope=\"col\" data-key=\"aliases\" class=\"aliases\"><button type=\"button\">Aliases</button></th></tr></thead>\n<tbody>",
        analysis.entities.len()
    );
    for entity in &analysis.entities {
        entity_row(out, corpus, &profiles, entity);
    }
    out.push_str("</tbody></table></div>\n</section>\n");
}

fn entity_row(out: &mut String, corpus: &Corpus, profiles: &Profiles, entity: &Entity) {
    let kind = entity.kind.as_str();
    let first = first_mention(entity).map(|m| m.paragraph);
    let link = first.map(|p| format!("#p-{p}")).unwrap_or_default();
    let first_cell = first.map_or_else(String::new, |p| {
        format!("<a href=\"{link}\">¶{}</a>", p + 1)
    });
    let paragraphs = entity.paragraph_ids().len();
    let name = escape(&entity.name);
    let aliases = escape(&entity.aliases.join(", "));
    // Counted by name, like the app; linked pronouns are shown apart.
    let names = super::name_count(entity);
    let _ = write!(
        out,
        "<tr id=\"e-{id}\" class=\"entity\" data-kind=\"{kind}\">\
         <td data-v=\"{kind}\" class=\"kind\"><span class=\"badge k-{kind}\">{letter}</span> <span class=\"kind-word\">{kind}</span></td>\
         <td data-v=\"{name}\" class=\"name\"><a href=\"{link}\">{name}</a>{inline_aliases}</td>\
         <td data-v=\"{names}\" class=\"num\">{names}{pronouns}</td>\
         <td data-v=\"{paragraphs}\" class=\"num paras\">{paragraphs}</td>\
         <td data-v=\"{first_value}\" class=\"num\">{first_cell}</td><td>",
        id = entity.id,
        letter = entity.kind.letter(),
        inline_aliases = if aliases.is_empty() {
            String::new()
        } else {
            format!("<span class=\"alias-inline\">{aliases}</span>")
        },
        pronouns = match entity.mentions.len() - names {
            0 => String::new(),
            n => format!(" <span class=\"pron-count\" title=\"and {n} pronouns linked to it\">+{n}</span>"),
        },
        first_value = first.unwrap_or(corpus.paragraphs.len()),
    );
    dispersion_svg(
        out,
        &profiles.dispersion(entity, DISPERSION_BINS),
        &entity.name,
    );
    let _ = writeln!(
        out,
        "</td><td data-v=\"{aliases}\" class=\"aliases\">{aliases}</td></tr>"
    );
}

/// Mention counts per slice of the story as bars; heights grow with the
/// square root of the count so that a few mentions still show.
fn dispersion_svg(out: &mut String, bins: &[usize], name: &str) {
    let max = bins.iter().copied().max().unwrap_or(0).max(1) as f64;
    let _ = write!(
        out,
        "<svg class=\"disp\" viewBox=\"0 0 {} 16\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"mentions of {} from the start to the end of the story\"><rect class=\"axis\" x=\"0\" y=\"15.5\" width=\"{}\" height=\"0.5\"/>",
        bins.len(),
        escape(name),
        bins.len()
    );
    for (x, &count) in bins.iter().enumerate().filter(|(_, &c)| c > 0) {
        let height = (1.0 + 14.0 * (count as f64 / max).sqrt()).min(15.0);
        let _ = write!(
            out,
            "<rect x=\"{x}\" y=\"{:.1}\" width=\"1\" height=\"{height:.1}\"/>",
            15.5 - height
        );
    }
    out.push_str("</svg>");
}

fn quote_section(out: &mut String, corpus: &Corpus, analysis: &Analysis) {
    let _ = writeln!(
        out,
        "<section id=\"quotes\">\n<h2>Quotes <span class=\"count\">{}</span></h2>",
        analysis.quotes.len()
    );
    if analysis.quotes.is_empty() {
        out.push_str(
            "<p class=\"empty\">No quotations of direct speech were found.</p>\n</section>\n",
        );
        return;
    }
    out.push_str("<ol class=\"quotes\">\n");
    for quote in &analysis.quotes {
        quote_item(out, corpus, analysis, quote);
    }
    out.push_str("</ol>\n</section>\n");
}

fn quote_item(out: &mut String, corpus: &Corpus, analysis: &Analysis, quote: &Quote) {
    let text = corpus
        .documents
        .get(quote.document)
        .and_then(|d| d.text.get(quote.start..quote.end))
        .unwrap_or(&quote.text);
    let speaker = match (speaker_name(analysis, quote), quote.speaker) {
        (Some(name), Some(id)) => {
            format!("<a class=\"speaker\" href=\"#e-{id}\">{}</a>", escape(name))
        }
        _ => "<span class=\"speaker unknown\">speaker not named</span>".to_string(),
    };
    let data_speaker = speaker_name(analysis, quote)
        .map(|name| format!(" data-speaker=\"{}\"", escape(name)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<li class=\"quote\" id=\"q-{id}\"{data_speaker}><blockquote>{}</blockquote>\
         <p class=\"by\">— {speaker} · <a href=\"#p-{p}\">¶{}</a></p></li>",
        escape(text),
        quote.paragraph + 1,
        id = quote.id,
        p = quote.paragraph,
    );
}

fn timeline_section(out: &mut String, analysis: &Analysis) {
    let (dated, undated): (Vec<&TimelineEntry>, Vec<&TimelineEntry>) =
        analysis.timeline.iter().partition(|e| e.interval.is_some());
    let _ = writeln!(
        out,
        "<section id=\"timeline\">\n<h2>Timeline <span class=\"count\">{}</span></h2>",
        analysis.timeline.len()
    );
    if analysis.timeline.is_empty() {
        out.push_str("<p class=\"empty\">No temporal expressions were found.</p>\n");
    }
    if !dated.is_empty() {
        timeline_table(out, analysis, &dated);
    }
    if !undated.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>{} without a calendar date (durations, sets, times of day, “now”)</summary>",
            undated.len()
        );
        timeline_table(out, analysis, &undated);
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

fn timeline_table(out: &mut String, analysis: &Analysis, entries: &[&TimelineEntry]) {
    out.push_str(
        "<div class=\"table-wrap\"><table class=\"timeline\"><thead><tr><th scope=\"col\">When</th>\
         <th scope=\"col\">Expression</th><th scope=\"col\">What happened</th><th scope=\"col\">Who</th>\
         <th scope=\"col\">¶</th></tr></thead>\n<tbody>",
    );
    for entry in entries {
        let who: Vec<String> = entry
            .entities
            .iter()
            .filter_map(|&id| entity_by_id(analysis, id))
            .map(|e| format!("<a href=\"#e-{}\">{}</a>", e.id, escape(&e.name)))
            .collect();
        let _ = writeln!(
            out,
            "<tr><td class=\"when\"><time>{}</time> <span class=\"type\">{}</span></td><td>{}</td>\
             <td>{}</td><td>{}</td><td class=\"num\"><a href=\"#p-{p}\">¶{}</a></td></tr>",
            escape(&entry.value),
            entry.timex_type.as_str().to_lowercase(),
            escape(&entry.text),
            escape(&entry.event),
            who.join(", "),
            entry.paragraph + 1,
            p = entry.paragraph,
        );
    }
    out.push_str("</tbody></table></div>\n");
}

fn text_section(out: &mut String, corpus: &Corpus, analysis: &Analysis) {
    let marks = Marks::build(corpus, analysis);
    out.push_str("<section id=\"text\">\n<h2>Text</h2>\n");
    for doc in &corpus.documents {
        let _ = writeln!(
            out,
            "<article class=\"document\" id=\"d-{}\">\n<h3>{}{}</h3>",
            doc.id,
            escape(&doc.title),
            doc.date
                .map(|d| format!(" <time class=\"type\">{d}</time>"))
                .unwrap_or_default()
        );
        for paragraph in corpus.paragraphs_of(doc.id) {
            let _ = write!(
                out,
                "<p id=\"p-{0}\"><a class=\"pn\" href=\"#p-{0}\">{1}</a> ",
                paragraph.id,
                paragraph.id + 1
            );
            paragraph_html(out, corpus, analysis, &marks, paragraph);
            out.push_str("</p>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
}

/// A mention placed in its paragraph.
struct MarkedMention {
    start: usize,
    end: usize,
    kind: EntityKind,
    pronoun: bool,
    entity: usize,
}

/// Mentions and quote spans per paragraph, built once.
struct Marks {
    mentions: Vec<Vec<MarkedMention>>,
    /// Quote indices overlapping each paragraph.
    quotes: Vec<Vec<usize>>,
}

impl Marks {
    fn build(corpus: &Corpus, analysis: &Analysis) -> Marks {
        let count = corpus.paragraphs.len();
        let mut mentions: Vec<Vec<MarkedMention>> = (0..count).map(|_| Vec::new()).collect();
        for (index, entity) in analysis.entities.iter().enumerate() {
            for m in &entity.mentions {
                if let Some(list) = mentions.get_mut(m.paragraph) {
                    list.push(MarkedMention {
                        start: m.start,
                        end: m.end,
                        kind: m.kind,
                        pronoun: m.form == MentionForm::Pronoun,
                        entity: index,
                    });
                }
            }
        }
        for list in &mut mentions {
            list.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        }
        let mut quotes: Vec<Vec<usize>> = (0..count).map(|_| Vec::new()).collect();
        for (index, quote) in analysis.quotes.iter().enumerate() {
            let following = corpus.paragraphs.iter().skip(quote.paragraph);
            for (paragraph, list) in following.zip(quotes.iter_mut().skip(quote.paragraph)) {
                if paragraph.document != quote.document || paragraph.start >= quote.end {
                    break;
                }
                if paragraph.end > quote.start {
                    list.push(index);
                }
            }
        }
        Marks { mentions, quotes }
    }
}

/// The paragraph's text cut at every mention and quote boundary; each piece
/// is wrapped in the quote and mention markup that covers it. Overlapping
/// mentions keep the first (longest) one.
fn paragraph_html(
    out: &mut String,
    corpus: &Corpus,
    analysis: &Analysis,
    marks: &Marks,
    paragraph: &Paragraph,
) {
    let text = &corpus.documents[paragraph.document].text;
    let range = paragraph.start..paragraph.end;
    let mut mentions: Vec<&MarkedMention> = Vec::new();
    let mut last_end = range.start;
    for m in &marks.mentions[paragraph.id] {
        let fits = m.start >= last_end && m.end <= range.end && m.start < m.end;
        if fits && text.is_char_boundary(m.start) && text.is_char_boundary(m.end) {
            last_end = m.end;
            mentions.push(m);
        }
    }
    let quotes: Vec<(usize, usize, usize)> = marks.quotes[paragraph.id]
        .iter()
        .map(|&q| {
            let quote = &analysis.quotes[q];
            (quote.start.max(range.start), quote.end.min(range.end), q)
        })
        .filter(|(s, e, _)| s < e && text.is_char_boundary(*s) && text.is_char_boundary(*e))
        .collect();
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for m in &mentions {
        cuts.extend([m.start, m.end]);
    }
    for (s, e, _) in &quotes {
        cuts.extend([*s, *e]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut open_quote: Option<usize> = None;
    let mut open_mention: Option<usize> = None;
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let quote = quotes
            .iter()
            .find(|(s, e, _)| *s <= start && end <= *e)
            .map(|q| q.2);
        let mention = mentions
            .iter()
            .position(|m| m.start <= start && end <= m.end);
        if open_mention.is_some() && (mention != open_mention || quote != open_quote) {
            out.push_str("</mark>");
            open_mention = None;
        }
        if quote != open_quote {
            if open_quote.is_some() {
                out.push_str("</span>");
            }
            if let Some(q) = quote {
                quote_open_tag(out, analysis, q);
            }
            open_quote = quote;
        }
        if mention != open_mention {
            if let Some(i) = mention {
                mention_open_tag(out, analysis, mentions[i]);
            }
            open_mention = mention;
        }
        out.push_str(&escape(&text[start..end]));
    }
    if open_mention.is_some() {
        out.push_str("</mark>");
    }
    if open_quote.is_some() {
        out.push_str("</span>");
    }
}

fn quote_open_tag(out: &mut String, analysis: &Analysis, index: usize) {
    let quote = &analysis.quotes[index];
    let title = match speaker_name(analysis, quote) {
        Some(name) => format!("said by {name}"),
        None => "quotation".to_string(),
    };
    let _ = write!(
        out,
        "<span class=\"qt\" data-q=\"{}\" title=\"{}\">",
        quote.id,
        escape(&title)
    );
}

fn mention_open_tag(out: &mut String, analysis: &Analysis, mention: &MarkedMention) {
    let entity = &analysis.entities[mention.entity];
    let pronoun = if mention.pronoun { " pron" } else { "" };
    let _ = write!(
        out,
        "<mark class=\"m k-{kind}{pronoun}\" data-e=\"{id}\" title=\"{} ({kind})\">",
        escape(&entity.name),
        kind = mention.kind.as_str(),
        id = entity.id,
    );
}

/// Text made safe for HTML content and attribute values: the five special
/// characters become entities and control characters become their visible
/// symbols (an escape sequence in the story shows as `␛[31m`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            '\r' => {}
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('␡'),
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup_and_shows_control_characters() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{1b}[31mred\r\n"), "a␛[31mred\n");
    }

    #[test]
    fn dispersion_draws_one_bar_per_slice_with_mentions() {
        let mut out = String::new();
        dispersion_svg(&mut out, &[0, 4, 0, 1], "A <b>");
        assert_eq!(out.matches("<rect x=").count(), 2);
        assert!(out.contains("mentions of A &lt;b&gt;"));
        assert!(
            out.contains("height=\"15.0\""),
            "the fullest slice is full height: {out}"
        );
    }
}
