//! The paragraph view: numbered, wrapped, mentions styled by kind, the
//! highlighted entity (its pronouns a step dimmer), quotes in italics with
//! their speaker in the margin, search hits and the last jump target
//! marked. Only the rows on screen are built.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::tui::app::{App, MentionSpan, Pane};
use crate::tui::speech::QuoteSpan;
use crate::tui::text;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let total = app.corpus.paragraphs.len();
    let detail = if app.visible.len() == total {
        String::new()
    } else {
        format!(" ({} of {total})", app.visible.len())
    };
    let inner = super::pane_block(app, Pane::Paragraphs, detail, area, buf);
    if total == 0 {
        super::render_note(
            app,
            "This story is empty: there are no paragraphs to show.",
            inner,
            buf,
        );
        return;
    }
    if app.visible.is_empty() {
        super::render_note(
            app,
            "No paragraph matches the filters. Esc clears the last one.",
            inner,
            buf,
        );
        return;
    }
    let gutter = app.gutter_width();
    let mut pos = app.reader.top;
    pos.item = pos.item.min(app.visible.len() - 1);
    let mut row: u16 = 0;
    while row < inner.height && pos.item < app.visible.len() {
        let paragraph = app.visible[pos.item];
        let lines = app.lines(paragraph);
        let heading = app.heading_rows(pos.item);
        let first_line = pos.line.saturating_sub(heading);
        let last_line = (first_line + inner.height as usize).min(lines.len());
        let drawn_bytes = match (
            lines.get(first_line),
            lines.get(last_line.saturating_sub(1)),
        ) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => 0..0,
        };
        let styler = Styler::new(app, paragraph, drawn_bytes);
        let selected = pos.item == app.reader.selected;
        for item_row in pos.line..app.item_rows(pos.item) {
            if row >= inner.height {
                break;
            }
            let y = inner.y + row;
            if item_row < heading {
                let line = document_heading(app, paragraph, inner.width as usize);
                buf.set_line(inner.x, y, &line, inner.width);
            } else if let Some(range) = lines.get(item_row - heading) {
                let line_index = item_row - heading;
                let mut spans = gutter_spans(app, paragraph, line_index, selected, gutter);
                spans.push(speaker_span(app, paragraph, range.clone()));
                spans.extend(styler.spans(range.clone()));
                buf.set_line(inner.x, y, &Line::from(spans), inner.width);
            }
            row += 1;
        }
        pos.item += 1;
        pos.line = 0;
    }
}

/// "── 3/12 · Title · 2011-03-18 ─────": where a document of a
/// many-document story begins.
fn document_heading(app: &App, paragraph: usize, width: usize) -> Line<'static> {
    let documents = &app.corpus.documents;
    let index = app.corpus.paragraphs[paragraph].document;
    let document = &documents[index];
    let mut label = format!(
        "── {}/{} · {}",
        index + 1,
        documents.len(),
        text::one_line(&document.title)
    );
    if let Some(date) = document.date {
        label.push_str(&format!(" · {date}"));
    }
    let label = text::truncate(&format!("{label} "), width);
    let fill = width.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
    Line::from(vec![
        Span::styled(label, app.theme.bold()),
        Span::styled("─".repeat(fill), app.theme.dim()),
    ])
}

fn gutter_spans(
    app: &App,
    paragraph: usize,
    line: usize,
    selected: bool,
    width: usize,
) -> Vec<Span<'static>> {
    let bar = if selected { "▌" } else { " " };
    let digits = width.saturating_sub(2 + app.speaker_margin());
    let number = if line == 0 {
        format!("{:>digits$} ", paragraph + 1)
    } else {
        " ".repeat(digits + 1)
    };
    let number_style = if selected {
        app.theme.selected_gutter()
    } else {
        app.theme.dim()
    };
    vec![
        Span::styled(bar, app.theme.selected_gutter()),
        Span::styled(number, number_style),
    ]
}

/// The speaker margin of one wrapped line: the name of whoever says the
/// quote that opens on it, padded to the margin's width.
fn speaker_span(app: &App, paragraph: usize, line: Range<usize>) -> Span<'static> {
    let margin = app.speaker_margin();
    if margin == 0 {
        return Span::raw("");
    }
    let speaker = app.index.speech.in_paragraph[paragraph]
        .iter()
        .filter(|q| line.contains(&q.range.start))
        .find_map(|q| q.speaker);
    let label = speaker.map_or_else(String::new, |s| app.speaker_label(s, margin - 1));
    let padding = margin.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
    Span::styled(
        format!("{label}{}", " ".repeat(padding)),
        app.theme.speaker(),
    )
}

/// Styles of one paragraph's text by byte offset.
struct Styler<'a> {
    app: &'a App<'a>,
    text: &'a str,
    mentions: &'a [MentionSpan],
    quotes: &'a [QuoteSpan],
    /// Every filtered entity, or the one under the entity cursor.
    highlighted: Vec<usize>,
    hits: Vec<Range<usize>>,
    jump: Option<Range<usize>>,
}

impl<'a> Styler<'a> {
    fn new(app: &'a App<'a>, paragraph: usize, drawn: Range<usize>) -> Self {
        let document = app.corpus.paragraphs[paragraph].document;
        Styler {
            app,
            text: &app.corpus.documents[document].text,
            mentions: &app.index.mentions[paragraph],
            quotes: &app.index.speech.in_paragraph[paragraph],
            highlighted: app.highlighted_entities(),
            hits: app.search_hits(paragraph, drawn),
            jump: app
                .jump
                .as_ref()
                .filter(|j| j.paragraph == paragraph)
                .map(|j| j.range.clone()),
        }
    }

    fn style_at(&self, offset: usize) -> Style {
        let theme = &self.app.theme;
        let mut style = Style::new();
        if self.quotes.iter().any(|q| q.range.contains(&offset)) {
            style = theme.quote();
        }
        if let Some(mention) = containing(self.mentions, offset, |m| m.start..m.end) {
            let highlighted = self.highlighted.contains(&mention.entity);
            if !mention.pronoun {
                style = style.patch(theme.mention(mention.kind));
                if highlighted {
                    style = style.patch(theme.highlighted_mention());
                }
            } else if highlighted {
                style = style.patch(theme.highlighted_pronoun());
            }
        }
        if containing(&self.hits, offset, Range::clone).is_some() {
            style = style.patch(theme.search_hit());
        }
        if self.jump.as_ref().is_some_and(|j| j.contains(&offset)) {
            style = style.patch(theme.jump_target());
        }
        style
    }

    /// One wrapped line as spans: whitespace runs drawn as one space,
    /// control characters made visible, runs of equal style merged.
    fn spans(&self, range: Range<usize>) -> Vec<Span<'static>> {
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut current = String::new();
        let mut current_style = Style::new();
        let mut in_space = false;
        for (relative, grapheme) in self.text[range.clone()].grapheme_indices(true) {
            let offset = range.start + relative;
            let style = self.style_at(offset);
            let shown = if text::is_space(grapheme) {
                if in_space {
                    continue;
                }
                in_space = true;
                std::borrow::Cow::Borrowed(" ")
            } else {
                in_space = false;
                text::displayed(grapheme)
            };
            if style != current_style && !current.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut current), current_style));
            }
            current_style = style;
            current.push_str(&shown);
        }
        if !current.is_empty() {
            spans.push(Span::styled(current, current_style));
        }
        spans
    }
}

/// The item of a start-sorted list whose range contains `offset`.
fn containing<T>(items: &[T], offset: usize, range: impl Fn(&T) -> Range<usize>) -> Option<&T> {
    let after = items.partition_point(|item| range(item).start <= offset);
    items[..after]
        .iter()
        .rev()
        .take(4)
        .find(|item| range(item).contains(&offset))
}
