//! Finding quotations in one document: which marks it uses for dialogue,
//! pairing them within paragraphs, carrying a quote over the paragraphs that
//! reopen it, and capping an unclosed quote at its paragraph's end so that it
//! never swallows the rest of a book.

use std::ops::Range;

use super::lexicon::lexicon;
use super::pieces::pieces;

/// How a document marks its dialogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// “…” or "…" (single marks inside are nested quotes).
    Double,
    /// ‘…’ or '…' (British editions; double marks inside are nested).
    Single,
    /// A dash opens each line of dialogue and the paragraph's end closes it.
    Dash,
}

/// A quotation: its byte range, marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Found {
    pub start: usize,
    pub end: usize,
}

/// Paragraphs a quote may run over by reopening each one, before it is cut.
const MAX_PARAGRAPHS: usize = 12;
/// Dash paragraphs needed before a document counts as dash-led dialogue.
const MIN_DASH_PARAGRAPHS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight double quote: opens or closes by position.
    Either,
}

/// Every quotation of a document, in text order. `paragraphs` are the
/// document's paragraph byte ranges, in order.
pub fn detect(text: &str, paragraphs: &[Range<usize>]) -> Vec<Found> {
    match style(text, paragraphs) {
        Style::Dash => dash_quotes(text, paragraphs),
        style => marked_quotes(text, paragraphs, style),
    }
}

/// Which marks the document uses for dialogue, by counting them.
pub fn style(text: &str, paragraphs: &[Range<usize>]) -> Style {
    // Openings of each kind: a straight double mark opens every other time.
    let mut double_open = 0usize;
    let mut straight = 0usize;
    let mut single_open = 0usize;
    let mut dash = 0usize;
    for range in paragraphs {
        let body = &text[range.clone()];
        if starts_with_dash(body) {
            dash += 1;
        }
        let mut prev = None;
        let mut chars = body.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '“' | '„' | '«' => double_open += 1,
                '"' => straight += 1,
                '‘' => single_open += 1,
                // A straight single mark opens only at a word's start ("'Tis" aside).
                '\'' if !prev.is_some_and(|p: char| !p.is_whitespace() && p != '(')
                    && chars.peek().is_some_and(|n| n.is_alphanumeric()) =>
                {
                    single_open += 1
                }
                _ => {}
            }
            prev = Some(c);
        }
    }
    let double = double_open + straight / 2;
    if dash >= MIN_DASH_PARAGRAPHS && dash > double {
        Style::Dash
    } else if single_open > double && single_open >= 2 {
        Style::Single
    } else {
        Style::Double
    }
}

fn starts_with_dash(paragraph: &str) -> bool {
    let trimmed = paragraph.trim_start();
    trimmed.starts_with('—') || trimmed.starts_with('―')
}

/// Characters that can be quote marks in some style.
fn is_mark_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '«' | '»')
}

/// What the character at byte `i` is in the document's style, if a mark.
fn mark_at(text: &str, i: usize, c: char, style: Style) -> Option<Mark> {
    let prev = text[..i].chars().next_back();
    let after = &text[i + c.len_utf8()..];
    let next = after.chars().next();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match style {
        Style::Double => match c {
            '“' | '„' | '«' => Some(Mark::Open),
            '”' | '»' => Some(Mark::Close),
            '"' => Some(straight_double(prev, next)),
            _ => None,
        },
        Style::Single => match c {
            '‘' => Some(Mark::Open),
            '’' | '\'' => {
                if word(prev) && word(next) {
                    return None; // "don't"
                }
                if !prev.is_some_and(|p| !p.is_whitespace() && p != '(' && p != '—') {
                    // At a word's start: a straight mark opens, a curly one is an elision ("’tis").
                    return (c == '\'' && next.is_some_and(|n| !n.is_whitespace()))
                        .then_some(Mark::Open);
                }
                if prev == Some('s') && is_plural_possessive(after) {
                    return None; // "the boys' books"
                }
                Some(Mark::Close)
            }
            _ => None,
        },
        Style::Dash => None,
    }
}

/// A straight double mark opens before a word and after a space, closes
/// after a word before a space; otherwise its position in the pairing decides.
fn straight_double(prev: Option<char>, next: Option<char>) -> Mark {
    let space_or_edge = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([—".contains(c));
    match (space_or_edge(prev), space_or_edge(next)) {
        (true, false) => Mark::Open,
        (false, true) => Mark::Close,
        _ => Mark::Either,
    }
}

/// After "boys'": a space and a lowercase word means a possessive, not a closing mark.
fn is_plural_possessive(after: &str) -> bool {
    let mut chars = after.chars();
    chars.next() == Some(' ') && chars.next().is_some_and(char::is_lowercase)
}

/// A short heading ("CHAPTER IV", "BOOK TWO") ends any quote still open.
fn is_heading(paragraph: &str) -> bool {
    let trimmed = paragraph.trim();
    trimmed.len() < 60
        && (trimmed.starts_with("CHAPTER")
            || trimmed.starts_with("Chapter ")
            || (trimmed.chars().any(char::is_alphabetic)
                && !trimmed.chars().any(char::is_lowercase)))
}

/// Byte offset of the paragraph's first mark when it opens the paragraph.
fn opening_mark(text: &str, range: &Range<usize>, style: Style) -> Option<usize> {
    let body = &text[range.clone()];
    let offset = body.len() - body.trim_start().len();
    let c = body[offset..].chars().next()?;
    let at = range.start + offset;
    matches!(mark_at(text, at, c, style), Some(Mark::Open | Mark::Either)).then_some(at)
}

/// The end of `range` without trailing whitespace.
fn trimmed_end(text: &str, range: Range<usize>) -> usize {
    range.start + text[range].trim_end().len()
}

fn marked_quotes(text: &str, paragraphs: &[Range<usize>], style: Style) -> Vec<Found> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    let mut carried = 0;
    // The reopening mark of a continued paragraph is not a new quote.
    let mut skip_mark: Option<usize> = None;
    // The previous paragraph's quote was cut at its end, unclosed.
    let mut capped = false;
    // Marks before this byte belong to a quote nested in the open one.
    let mut nested_until = 0;
    for (index, range) in paragraphs.iter().enumerate() {
        let first_in_paragraph = found.len();
        for (offset, c) in text[range.clone()].char_indices() {
            let at = range.start + offset;
            if !is_mark_char(c) {
                continue;
            }
            if skip_mark == Some(at) {
                skip_mark = None;
                continue;
            }
            if at < nested_until {
                continue;
            }
            let Some(mark) = mark_at(text, at, c, style) else {
                continue;
            };
            let end_of_mark = at + c.len_utf8();
            match (mark, open) {
                (Mark::Open | Mark::Either, None) => open = Some(at),
                (Mark::Close | Mark::Either, Some(start)) => {
                    found.push(Found {
                        start,
                        end: end_of_mark,
                    });
                    open = None;
                    carried = 0;
                }
                (Mark::Open, Some(start)) => {
                    if text[end_of_mark..range.end].trim().is_empty()
                        || text[end_of_mark..].starts_with(char::is_whitespace)
                    {
                        // An opening mark typed for a closing one ("crisis. “").
                        found.push(Found {
                            start,
                            end: end_of_mark,
                        });
                        open = None;
                        carried = 0;
                    } else if let Some(inner_end) =
                        same_mark_nested(text, end_of_mark, range.end, style)
                    {
                        // “… [for “afternoon”] I'll …”: a quote inside the quote.
                        nested_until = inner_end;
                    } else {
                        // The previous quote was never closed: it ends here.
                        found.push(Found {
                            start,
                            end: trimmed_end(text, start..at),
                        });
                        open = Some(at);
                    }
                }
                (Mark::Close, None) => {
                    // A quote run on from the paragraph before without reopening marks
                    // ("...Russia.\n\nThis is our top priority," he said): it closes here.
                    // It is one quote with the part cut at the paragraph before.
                    if capped && found.len() == first_in_paragraph {
                        if let Some(last) = found.last_mut() {
                            last.end = end_of_mark;
                        }
                    }
                }
            }
        }
        let Some(start) = open else {
            capped = false;
            continue;
        };
        let next = paragraphs.get(index + 1);
        let reopened = next.and_then(|n| {
            (carried + 1 < MAX_PARAGRAPHS && !is_heading(&text[n.clone()]))
                .then(|| opening_mark(text, n, style))
                .flatten()
        });
        match reopened {
            Some(at) => {
                skip_mark = Some(at);
                carried += 1;
                capped = false;
            }
            None => {
                // Unclosed: cap it at this paragraph's end and start afresh.
                found.push(Found {
                    start,
                    end: trimmed_end(text, range.clone()),
                });
                open = None;
                carried = 0;
                capped = true;
            }
        }
    }
    found
}

/// Where a quote opened at `from` inside an open quote of the same marks
/// ends, when it is nested in it: it closes within a few words and the outer
/// quote closes later in the paragraph (`until`) with no mark opening
/// between.
fn same_mark_nested(text: &str, from: usize, until: usize, style: Style) -> Option<usize> {
    let mut marks = text[from..until]
        .char_indices()
        .filter(|&(_, c)| is_mark_char(c))
        .filter_map(|(offset, c)| {
            let at = from + offset;
            Some((at + c.len_utf8(), mark_at(text, at, c, style)?))
        });
    let (inner_end, inner) = marks.next()?;
    let short = text[from..inner_end].split_whitespace().count() <= NESTED_WORDS;
    let outer_closes = matches!(marks.next(), Some((_, Mark::Close | Mark::Either)));
    (short && inner != Mark::Open && outer_closes).then_some(inner_end)
}

/// Words at most in a quote nested in one of the same marks.
const NESTED_WORDS: usize = 4;

/// Dash-led dialogue: each dash paragraph is speech up to its end, cut
/// around a speech cue ("—Back to barracks! he said sternly. Come up.").
fn dash_quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<Found> {
    let mut found = Vec::new();
    for range in paragraphs {
        let body = &text[range.clone()];
        if !starts_with_dash(body) {
            continue;
        }
        let start = range.start + (body.len() - body.trim_start().len());
        let end = trimmed_end(text, range.clone());
        split_at_cues(text, start..end, &mut found);
    }
    found
}

/// Pushes the speech parts of `range`, leaving out each cue clause.
fn split_at_cues(text: &str, range: Range<usize>, found: &mut Vec<Found>) {
    let all = pieces(text, range.clone());
    let mut speech_start = Some(range.start);
    let mut i = 0;
    while i < all.len() {
        let piece = all[i];
        let punct = !piece.is_word && matches!(piece.text(text), "," | "!" | "?" | ".");
        if let (true, Some(start)) = (punct, speech_start) {
            if let Some(cue_words) = cue_after(text, &all[i + 1..]) {
                found.push(Found {
                    start,
                    end: piece.end,
                });
                // The cue runs to the end of its clause; speech may resume after it.
                let mut j = i + 1 + cue_words;
                while j < all.len() && !matches!(all[j].text(text), "." | ";" | ":" | "!" | "?") {
                    j += 1;
                }
                speech_start = all.get(j + 1).map(|p| p.start);
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    if let Some(start) = speech_start {
        if start < range.end {
            found.push(Found {
                start,
                end: range.end,
            });
        }
    }
}

/// How many words of a speech cue open `rest` ("he said", "said Stephen",
/// "Buck Mulligan said"), if one does.
fn cue_after(text: &str, rest: &[super::pieces::Piece]) -> Option<usize> {
    let words: Vec<String> = rest
        .iter()
        .take(4)
        .take_while(|p| p.is_word)
        .map(|p| p.text(text).to_lowercase())
        .collect();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let lexicon = lexicon();
    if lexicon.speech_verb(&refs).is_some() {
        return Some(1);
    }
    // A pronoun or a capitalised name of up to two words, then the verb.
    for subject_len in 1..=2usize.min(refs.len()) {
        let subject_ok = (0..subject_len).all(|k| {
            let original = rest[k].text(text);
            matches!(refs[k], "he" | "she" | "i" | "they")
                || original.starts_with(char::is_uppercase)
        });
        if subject_ok && lexicon.speech_verb(&refs[subject_len..]).is_some() {
            return Some(subject_len + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            out.push(start..start + part.len());
            start += part.len() + 2;
        }
        out
    }

    fn quotes(text: &str) -> Vec<&str> {
        detect(text, &paragraphs(text))
            .into_iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn curly_double_quotes_split_by_their_cue() {
        let text = "“I shall go,” said Ann, “and soon.” She went.";
        assert_eq!(quotes(text), ["“I shall go,”", "“and soon.”"]);
    }

    #[test]
    fn a_short_quote_in_the_same_marks_inside_a_quote_is_nested() {
        let text = "“He will play hookey this [for “afternoon”] and I'll make him work.” Tom ran.";
        assert_eq!(
            quotes(text),
            ["“He will play hookey this [for “afternoon”] and I'll make him work.”"]
        );
        // An opening mark with no closing one after it still ends the open quote.
        let unclosed = "“He will play. “Come here,” she said.";
        assert_eq!(quotes(unclosed), ["“He will play.", "“Come here,”"]);
    }

    #[test]
    fn straight_double_quotes_pair_by_position() {
        let text = "\"Come here,\" he said. \"Now.\"";
        assert_eq!(quotes(text), ["\"Come here,\"", "\"Now.\""]);
    }

    #[test]
    fn single_quotes_with_apostrophes_inside_words() {
        let text = "‘I don’t know,’ said Tom. ‘It’s the boys’ dog.’\n\n'Can't you see?' she asked.";
        assert_eq!(
            quotes(text),
            [
                "‘I don’t know,’",
                "‘It’s the boys’ dog.’",
                "'Can't you see?'"
            ]
        );
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        let text = "“He said ‘never’ to me,” she cried.";
        assert_eq!(quotes(text), ["“He said ‘never’ to me,”"]);
        let british = "‘He wrote “never” twice,’ she said. ‘Twice!’";
        assert_eq!(quotes(british), ["‘He wrote “never” twice,’", "‘Twice!’"]);
    }

    #[test]
    fn a_quote_reopened_on_each_paragraph_is_one_quote() {
        let text = "“The first part.\n\n“The second part.\n\n“The end.” He stopped.";
        assert_eq!(quotes(text), [text.split(" He").next().unwrap_or("")]);
    }

    #[test]
    fn an_unclosed_quote_stops_at_its_paragraph() {
        let text = "“This never closes.\n\nThe narrator goes on. “Here,” said Bo.";
        assert_eq!(quotes(text), ["“This never closes.", "“Here,”"]);
    }

    #[test]
    fn a_quote_run_on_without_reopening_marks_closes_in_the_next_paragraph() {
        let text = "\"There is no task more urgent.\n\nThis is our priority,\" he said. \"Next.\"";
        assert_eq!(
            quotes(text),
            [
                "\"There is no task more urgent.\n\nThis is our priority,\"",
                "\"Next.\""
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_stops_at_a_chapter_heading() {
        let text = "“Still talking.\n\nCHAPTER II\n\n“Hello,” said Bo.";
        assert_eq!(quotes(text), ["“Still talking.", "“Hello,”"]);
    }

    #[test]
    fn an_opening_mark_typed_for_a_closing_one() {
        let text = "“it is an important step. “\n\nNext.";
        assert_eq!(quotes(text), ["“it is an important step. “"]);
    }

    #[test]
    fn dash_dialogue_is_cut_around_its_cue() {
        let text = "—Come up, Kinch!\n\n—Back to barracks! he said sternly. Come up now.\n\n—Tell me, Mulligan, Stephen said quietly.\n\nHe laughed.";
        assert_eq!(
            quotes(text),
            [
                "—Come up, Kinch!",
                "—Back to barracks!",
                "Come up now.",
                "—Tell me, Mulligan,"
            ]
        );
    }
}
