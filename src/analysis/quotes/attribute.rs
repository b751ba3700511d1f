//! Choosing each quotation's speaker, rule by rule:
//! 1. a term or scare quote ("a "million man" march") has none;
//! 2. an explicit cue names it (a name, or a pronoun resolved by coreference;
//!    "said the old man" names no entity);
//! 3. a quote without a cue shares the speaker of a cued quote in its
//!    paragraph (a quote split by its cue is one speaker);
//! 4. a character named (or a pronoun subject) in the paragraph's narration;
//! 5. the turns of a conversation: the one the previous quote spoke to, else
//!    the speaker before the last.
//!
//! A name said *to* someone inside the quote ("My dear Mr. Bennet, …") is
//! never its speaker.

use std::ops::Range;

use super::cues::{self, Cue, Slot};
use super::detect::Found;
use super::lexicon::lexicon;
use super::pieces::pieces;
use crate::analysis::coref::{Case, Person, PersonMention, Pronoun};

/// A quotation with what the text around it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attributed {
    pub start: usize,
    pub end: usize,
    /// Index into the document's paragraphs of the first paragraph.
    pub paragraph: usize,
    pub cue: Option<Cue>,
    /// A term, title or scare quote, not speech.
    pub term: bool,
    /// A few words inside a sentence: a partial quote or a term.
    pub phrase: bool,
    /// Entities the quote speaks to ("Jane, come here").
    pub addressees: Vec<usize>,
    pub speaker: Option<usize>,
}

/// Words at most in a phrase quote ("stood before Iranians").
const PHRASE_WORDS: usize = 4;

/// One document's text and what the entity and pronoun stages found in it.
pub struct DocumentText<'a> {
    pub text: &'a str,
    pub paragraphs: &'a [Range<usize>],
    pub persons: &'a [PersonMention],
    pub pronouns: &'a [Pronoun],
}

/// Cues, terms and addressees of each found quotation (speakers not yet chosen).
pub fn annotate(doc: &DocumentText, found: &[Found]) -> Vec<Attributed> {
    found
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let paragraph = doc
                .paragraphs
                .partition_point(|p| p.end <= q.start)
                .min(doc.paragraphs.len().saturating_sub(1));
            let bounds = doc.paragraphs.get(paragraph).cloned().unwrap_or(q.start..q.end);
            let next_start = found.get(i + 1).map_or(usize::MAX, |n| n.start);
            let previous_end = i
                .checked_sub(1)
                .map_or(0, |p| found[p].end)
                .max(bounds.start);
            let paragraph_end = doc
                .paragraphs
                .iter()
                .skip(paragraph)
                .find(|p| p.end >= q.end)
                .map_or(bounds.end, |p| p.end);
            let after = q.end..next_start.min(paragraph_end).max(q.end);
            let before = previous_end.min(q.start)..q.start;
            let words = pieces(doc.text, q.start..q.end)
                .iter()
                .filter(|p| p.is_word)
                .count();
            let word_before = previous_word(doc.text, bounds.start, q.start);
            let phrase = words <= PHRASE_WORDS
                && word_before.is_some()
                && !ends_with_sentence_mark(&doc.text[q.start..q.end]);
            let term = phrase
                && word_before.is_some_and(|w| lexicon().is_term_lead(&w.to_lowercase()));
            let cue = if term {
                None
            } else {
                cues::trailing(doc.text, doc.persons, after)
                    .or_else(|| cues::leading(doc.text, doc.persons, before))
            };
            Attributed {
                start: q.start,
                end: q.end,
                paragraph,
                cue,
                term,
                phrase,
                addressees: addressees(doc.text, doc.persons, q),
                speaker: None,
            }
        })
        .collect()
}

/// The word right before `at` in its paragraph, when nothing but spaces
/// separates them (the quote continues a sentence).
fn previous_word(text: &str, from: usize, at: usize) -> Option<&str> {
    let before = text[from..at].trim_end();
    let last = before.chars().next_back()?;
    if !last.is_alphanumeric() {
        return None;
    }
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    Some(&before[start..])
}

fn ends_with_sentence_mark(quote: &str) -> bool {
    let inner = quote.trim_end_matches(|c: char| !c.is_alphanumeric() && !".!?,".contains(c));
    inner.ends_with(['.', '!', '?', ','])
}

/// Names said to someone inside the quote: at its start or after a comma or
/// "dear"/"oh", and followed by punctuation ("Oh, Jane!", "My dear Mr. Bennet,").
fn addressees(text: &str, persons: &[PersonMention], q: &Found) -> Vec<usize> {
    let all = pieces(text, q.start..q.end);
    let mut out = Vec::new();
    let first = persons.partition_point(|m| m.start < q.start);
    for m in persons[first..].iter().take_while(|m| m.end <= q.end) {
        let Some(at) = all.iter().position(|p| p.start >= m.start) else {
            continue;
        };
        let mut k = at;
        while k > 0 && all[k - 1].is_word && {
            let w = all[k - 1].text(text);
            (w.ends_with('.') && w.starts_with(char::is_uppercase))
                || lexicon().is_vocative_lead(&w.to_lowercase())
        } {
            k -= 1;
        }
        let opens = k == 0 || !all[k - 1].is_word;
        let after = all.iter().find(|p| p.start >= m.end);
        let closes = after.is_none_or(|p| !p.is_word && !matches!(p.text(text), "'" | "’"));
        if opens && closes && !out.contains(&m.entity) {
            out.push(m.entity);
        }
    }
    out
}

/// Chooses every speaker (rules in the module comment). `pronoun_entity`
/// gives the character a pronoun starting at a byte refers to.
pub fn assign(
    doc: &DocumentText,
    quotes: &mut [Attributed],
    pronoun_entity: &dyn Fn(usize) -> Option<usize>,
) {
    let mut decided = vec![false; quotes.len()];
    for (i, q) in quotes.iter_mut().enumerate() {
        if q.term {
            decided[i] = true;
            continue;
        }
        if let Some(cue) = q.cue {
            let speaker = match cue.slot {
                Slot::Name(m) => Some(doc.persons[m].entity),
                Slot::Pronoun(at) => pronoun_entity(at),
                Slot::Nominal => None,
            };
            q.speaker = speaker.filter(|s| !q.addressees.contains(s));
            decided[i] = true;
        }
    }
    let mut i = 0;
    while i < quotes.len() {
        let paragraph = quotes[i].paragraph;
        let end = i + quotes[i..]
            .iter()
            .take_while(|q| q.paragraph == paragraph)
            .count();
        for k in i..end {
            if decided[k] {
                continue;
            }
            let shared = (i..k)
                .rev()
                .chain(k + 1..end)
                .find_map(|j| quotes[j].speaker.filter(|_| decided[j]));
            let speaker = shared
                .or_else(|| {
                    if quotes[k].phrase {
                        return None;
                    }
                    narration_speaker(doc, quotes, k, pronoun_entity)
                        .or_else(|| turn_speaker(quotes, k))
                })
                .filter(|s| !quotes[k].addressees.contains(s));
            quotes[k].speaker = speaker;
            decided[k] = speaker.is_some();
        }
        i = end;
    }
}

/// The first character the paragraph's narration names or refers to with a
/// subject pronoun, before the quote, else after it.
fn narration_speaker(
    doc: &DocumentText,
    quotes: &[Attributed],
    k: usize,
    pronoun_entity: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let range = doc.paragraphs.get(quotes[k].paragraph)?.clone();
    let inside = |at: usize| quotes.iter().any(|q| q.start <= at && at < q.end);
    let first = doc.persons.partition_point(|m| m.start < range.start);
    let names = doc.persons[first..]
        .iter()
        .take_while(|m| m.start < range.end)
        .filter(|m| !inside(m.start))
        .map(|m| (m.start, Some(m.entity)));
    let first = doc.pronouns.partition_point(|p| p.start < range.start);
    let pronouns = doc.pronouns[first..]
        .iter()
        .take_while(|p| p.start < range.end)
        .filter(|p| {
            p.form.person == Person::Third
                && p.form.case == Case::Subject
                && !p.form.plural
                && !inside(p.start)
        })
        .map(|p| (p.start, pronoun_entity(p.start)));
    let mut references: Vec<(usize, Option<usize>)> = names.chain(pronouns).collect();
    references.sort_by_key(|(at, _)| *at);
    let quote_start = quotes[k].start;
    let before = references.iter().find(|(at, _)| *at < quote_start);
    let after = references.iter().find(|(at, _)| *at >= quote_start);
    before.or(after).and_then(|(_, entity)| *entity)
}

/// A conversation's turns for a quote with no cue and no narration: the one
/// the previous quote spoke to, else the speaker before the previous one.
fn turn_speaker(quotes: &[Attributed], k: usize) -> Option<usize> {
    let paragraph = quotes[k].paragraph;
    let previous = quotes[..k].iter().rev().find(|q| !q.term)?;
    // A conversation runs over adjacent paragraphs.
    if previous.paragraph + 1 < paragraph {
        return None;
    }
    let last = previous.speaker?;
    if let Some(&addressee) = previous.addressees.iter().find(|&&a| a != last) {
        return Some(addressee);
    }
    let before = quotes[..k]
        .iter()
        .rev()
        .filter(|q| !q.term && q.paragraph < previous.paragraph)
        .take_while(|q| q.paragraph + 2 >= previous.paragraph)
        .find_map(|q| q.speaker.filter(|&s| s != last));
    before
}
