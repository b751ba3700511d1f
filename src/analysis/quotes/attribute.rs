//! Choosing each quotation's speaker, rule by rule:
//! 1. a term or scare quote ("a "million man" march") has none;
//! 2. an explicit cue names it (a name, or a pronoun resolved by coreference);
//!    a common noun ("said the old man") names an unnamed speaker, one per
//!    head noun within a stretch of the text;
//! 3. a quote without a cue shares the speaker of a cued quote in its
//!    paragraph (a quote split by its cue is one speaker);
//! 4. a character named (or a pronoun subject) in the paragraph's narration;
//! 5. the turns of a conversation: the one the previous quote spoke to, else
//!    the speaker before the last.
//!
//! A name said *to* someone inside the quote ("My dear Mr. Bennet, …") is
//! never its speaker.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::cues::{self, Cue, Slot};
use super::detect::Found;
use super::lexicon::lexicon;
use super::pieces::pieces;
use super::Span;
use crate::analysis::coref::{mentions_within, Case, Person, PersonMention, Pronoun};
use crate::analysis::entities::{title_gender, Gender};

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
    /// Name mentions of organisations, places and groups, in text order.
    pub others: &'a [PersonMention],
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
            let bounds = doc
                .paragraphs
                .get(paragraph)
                .cloned()
                .unwrap_or(q.start..q.end);
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
            // A cue sits within a clause of the quote: look no further.
            let after_end = floor_boundary(doc.text, q.end + CUE_WINDOW);
            let after = q.end..next_start.min(paragraph_end).min(after_end).max(q.end);
            let before_start = ceil_boundary(doc.text, q.start.saturating_sub(CUE_WINDOW));
            let before = previous_end.max(before_start).min(q.start)..q.start;
            let words = pieces(doc.text, q.start..q.end)
                .iter()
                .filter(|p| p.is_word)
                .count();
            let word_before = previous_word(doc.text, bounds.start, q.start);
            let phrase = words <= PHRASE_WORDS
                && word_before.is_some()
                && !ends_with_sentence_mark(&doc.text[q.start..q.end]);
            let term =
                phrase && word_before.is_some_and(|w| lexicon().is_term_lead(&w.to_lowercase()));
            let cue = if term {
                None
            } else {
                cues::trailing(doc.text, doc.persons, after)
                    .or_else(|| cues::leading(doc.text, doc.persons, before.clone()))
                    .or_else(|| {
                        let opens_paragraph = doc.text[before].trim().is_empty();
                        let previous = paragraph.checked_sub(1).map(|p| doc.paragraphs[p].clone());
                        previous
                            .filter(|p| opens_paragraph && introduces_speech(&doc.text[p.clone()]))
                            .and_then(|p| {
                                // Its last sentence is all a cue needs.
                                let from =
                                    ceil_boundary(doc.text, p.end.saturating_sub(CUE_WINDOW));
                                cues::leading(doc.text, doc.persons, from.max(p.start)..p.end)
                            })
                    })
            };
            // A few words inside a sentence that end in a comma but lead to
            // no cue are a phrase too ("built for “style,” not service").
            let quoted = &doc.text[q.start..q.end];
            let phrase = phrase
                || (cue.is_none()
                    && words <= PHRASE_WORDS
                    && word_before.is_some()
                    && quoted
                        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
                        .ends_with(','));
            let mut addressees = addressees(doc.text, doc.persons, q);
            // "“What name?”" "“Greyson,--…”": the name answers, it calls no one.
            let question = i.checked_sub(1).map(|p| found[p].start..found[p].end);
            if let Some(own) = question
                .and_then(|asked| super::identify::name_answered(doc, asked, q.start..q.end))
            {
                addressees.retain(|&a| a != own);
            }
            Attributed {
                start: q.start,
                end: q.end,
                paragraph,
                cue,
                term,
                phrase,
                addressees,
                speaker: None,
            }
        })
        .collect()
}

/// Bytes around a quote searched for its cue.
const CUE_WINDOW: usize = 400;

/// The nearest char boundary at or before `at` (clamped to the text).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest char boundary at or after `at` (clamped to the text).
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// A paragraph ending in a colon ("he said:") or a comma ("as he had said
/// at dinner,") introduces the quote below it.
fn introduces_speech(paragraph: &str) -> bool {
    paragraph
        .trim_end()
        .trim_end_matches(['-', '—'])
        .ends_with([':', ','])
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
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
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
    for m in mentions_within(persons, q.start..q.end) {
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
        // "“Bingley.”" answers a question and "“M. GARDINER.”" signs a
        // letter: the name is said, not spoken to (but "“Randolph,” said the
        // young lady" and "“Tom!”" call him).
        let calls = after.is_some_and(|p| matches!(p.text(text), "," | "!"));
        let lead_start = all.get(k).map_or(m.start, |p| p.start);
        if !calls
            && all
                .iter()
                .filter(|p| p.is_word)
                .all(|p| p.start >= lead_start && p.end <= m.end)
        {
            continue;
        }
        let closes = after.is_none_or(|p| !p.is_word && !matches!(p.text(text), "'" | "’"));
        if opens && closes && !out.contains(&m.entity) {
            out.push(m.entity);
        }
    }
    out
}

/// What the explicit rules left open for a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Open {
    /// Decided (a speaker, or none for a term or a named nobody).
    Decided,
    /// No cue: any rule may choose.
    Free,
    /// A cue whose speaker has no name ("said his wife", an unresolved "he"):
    /// only the conversation's turns may choose, within this gender.
    Turns(Gender),
}

/// Provisional ids of unnamed speakers start here: the `k`th speaker of
/// [`unnamed_speakers`]' list is `UNNAMED_BASE + k` until the caller makes it
/// an entity.
pub const UNNAMED_BASE: usize = usize::MAX / 2;
/// Paragraphs after an unnamed speaker's last quote beyond which the same
/// noun ("said the man") is taken for someone new.
const UNNAMED_REACH: usize = 40;

/// A speaker the text calls only by a common noun ("said the man").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unnamed {
    /// The head noun, lowercase ("man"), or the untagged name, lowercase ("pink").
    pub noun: String,
    /// The untagged name as written ("Pink"), when the cue gave one.
    pub name: Option<String>,
    /// Byte range of its first head noun.
    pub first: Range<usize>,
}

/// The unnamed speakers of one document's quotes, in order of their first
/// cue, and each quote's provisional id (from [`UNNAMED_BASE`]) when its cue
/// is a common noun. Found once from the cues alone, so the ids hold over
/// every pass of [`assign`]; the ones a named character takes ("said the
/// captain" of Captain Gray, "his wife") go unused.
pub fn unnamed_speakers(
    doc: &DocumentText,
    quotes: &[Attributed],
) -> (Vec<Unnamed>, Vec<Option<usize>>) {
    let text = doc.text;
    let mut list: Vec<Unnamed> = Vec::new();
    // Head noun -> (index into `list`, paragraph of its last quote).
    let mut latest: HashMap<String, (usize, usize)> = HashMap::default();
    let ids = quotes
        .iter()
        .map(|q| {
            let head = match q.cue?.slot {
                Slot::Titled(start, end) => start..end,
                Slot::Nominal(_, Some(head)) | Slot::Untagged(head) => head.start..head.end,
                Slot::Pronoun(at) => super::identify::pronoun_noun(doc, quotes, q, at)?,
                _ => return None,
            };
            let proper = matches!(q.cue?.slot, Slot::Untagged(_));
            if proper
                && other_named(
                    doc,
                    Span {
                        start: head.start,
                        end: head.end,
                    },
                )
                .is_some()
            {
                return None;
            }
            let noun = text[head.clone()].to_lowercase();
            let index = match latest.get(&noun) {
                // A name is one person however far apart.
                Some(&(k, last)) if proper || q.paragraph <= last + UNNAMED_REACH => k,
                _ => {
                    list.push(Unnamed {
                        noun: noun.clone(),
                        name: proper.then(|| text[head.clone()].to_string()),
                        first: head,
                    });
                    list.len() - 1
                }
            };
            latest.insert(noun, (index, q.paragraph));
            Some(UNNAMED_BASE + index)
        })
        .collect();
    (list, ids)
}

/// Chooses every speaker (rules in the module comment). `pronoun_entity`
/// gives the character a pronoun starting at a byte refers to; `genders`
/// the characters' genders; `narrator` the first-person narrator, if any;
/// `unnamed` each quote's unnamed speaker from [`unnamed_speakers`].
pub fn assign(
    doc: &DocumentText,
    quotes: &mut [Attributed],
    pronoun_entity: &dyn Fn(usize) -> Option<usize>,
    genders: &HashMap<usize, Gender>,
    narrator: Option<usize>,
    unnamed: &[Option<usize>],
) {
    let any_titled = quotes
        .iter()
        .any(|q| matches!(q.cue.map(|c| c.slot), Some(Slot::Titled(..))));
    let titled = if any_titled {
        titled_characters(doc)
    } else {
        HashMap::default()
    };
    let mut open: Vec<Open> = quotes
        .iter_mut()
        .zip(unnamed)
        .map(|(q, &unnamed)| explicit(doc, q, pronoun_entity, &titled, unnamed))
        .collect();
    replies_change_turns(doc, quotes, &mut open, pronoun_entity);
    share_within_paragraphs(quotes, &mut open, genders);
    // Paragraphs with a cue of their own: its narration names the listener, not the speaker.
    let cued: std::collections::HashSet<usize> = quotes
        .iter()
        .zip(&open)
        .filter(|(_, o)| **o != Open::Free)
        .map(|(q, _)| q.paragraph)
        .collect();
    for k in 0..quotes.len() {
        if open[k] != Open::Free || quotes[k].phrase || cued.contains(&quotes[k].paragraph) {
            continue;
        }
        let speaker = narration_speaker(doc, quotes, k, pronoun_entity)
            .filter(|s| !quotes[k].addressees.contains(s));
        if speaker.is_some() {
            quotes[k].speaker = speaker;
            open[k] = Open::Decided;
        }
    }
    share_within_paragraphs(quotes, &mut open, genders);
    super::turns::conversation_turns(doc, quotes, &mut open, genders, narrator);
    share_within_paragraphs(quotes, &mut open, genders);
}

/// The organisation, place or group whose name mention covers `name`.
fn other_named(doc: &DocumentText, name: Span) -> Option<usize> {
    let i = super::cues::person_at(doc.others, name.start)?;
    (doc.others[i].end >= name.end).then_some(doc.others[i].entity)
}

/// Rules 1 and 2: terms and explicit cues.
fn explicit(
    doc: &DocumentText,
    q: &mut Attributed,
    pronoun_entity: &dyn Fn(usize) -> Option<usize>,
    titled: &HashMap<String, Option<usize>>,
    unnamed: Option<usize>,
) -> Open {
    if q.term {
        return Open::Decided;
    }
    let Some(cue) = q.cue else {
        return Open::Free;
    };
    let speaker = match cue.slot {
        Slot::Name(m) => Some(doc.persons[m].entity),
        Slot::Pronoun(at) => {
            // Unresolved, it may still stand for a noun before it ("The old lady …").
            let resolved = pronoun_entity(at).or(unnamed);
            if resolved.is_none() {
                return Open::Turns(pronoun_gender(doc, at));
            }
            resolved
        }
        Slot::Titled(start, end) => match titled.get(&doc.text[start..end].to_lowercase()) {
            Some(&Some(entity)) => Some(entity),
            _ => unnamed,
        },
        Slot::Nominal(_, Some(head)) => {
            spouse_of(doc, head.start..head.end, pronoun_entity).or(unnamed)
        }
        Slot::Nominal(gender, None) => return Open::Turns(gender),
        // "Reuters said", or a nickname the tagger took for a place: that entity.
        Slot::Untagged(name) => other_named(doc, name).or(unnamed),
    };
    q.speaker = speaker.filter(|s| !q.addressees.contains(s));
    Open::Decided
}

/// The pronoun starting at byte `at`, if one does.
pub(super) fn pronoun_at<'a>(doc: &DocumentText<'a>, at: usize) -> Option<&'a Pronoun> {
    let i = doc.pronouns.partition_point(|p| p.start < at);
    doc.pronouns.get(i).filter(|p| p.start == at)
}

/// The gender of the pronoun starting at byte `at`.
fn pronoun_gender(doc: &DocumentText, at: usize) -> Gender {
    pronoun_at(doc, at).map_or(Gender::Unknown, |p| p.form.gender)
}

/// ""…," he answered" does not answer the one who spoke the paragraph
/// before: a reply whose pronoun was taken for that speaker goes to the
/// conversation's turns instead.
fn replies_change_turns(
    doc: &DocumentText,
    quotes: &mut [Attributed],
    open: &mut [Open],
    pronoun_entity: &dyn Fn(usize) -> Option<usize>,
) {
    for k in 1..quotes.len() {
        let Some(Cue {
            slot: Slot::Pronoun(at),
            replies: true,
            ..
        }) = quotes[k].cue
        else {
            continue;
        };
        let paragraph = quotes[k].paragraph;
        // The paragraph's first quote, after the paragraph before.
        let first = k - quotes[..k]
            .iter()
            .rev()
            .take_while(|q| q.paragraph == paragraph)
            .count();
        if open[k] != Open::Decided || first == 0 || quotes[first - 1].paragraph + 1 != paragraph {
            continue;
        }
        // Who spoke the paragraph before, by any of its cues or else its narration.
        let before = || {
            (0..first)
                .rev()
                .take_while(|&j| quotes[j].paragraph + 1 == paragraph)
                .filter(|&j| !quotes[j].term && !quotes[j].phrase)
        };
        let answered = before()
            .filter(|&j| open[j] == Open::Decided)
            .find_map(|j| quotes[j].speaker)
            .or_else(|| {
                let j = before().last()?;
                (open[j] == Open::Free)
                    .then(|| narration_speaker(doc, quotes, j, pronoun_entity))
                    .flatten()
            });
        if answered.is_some() && answered == quotes[k].speaker {
            quotes[k].speaker = None;
            open[k] = Open::Turns(pronoun_gender(doc, at));
        }
    }
}

/// "his wife" of Mr. Bennet: the character written with a title of the
/// spouse's gender before the surname of the one "his"/"her" refers to
/// ("Mrs. Bennet"), when exactly one is.
fn spouse_of(
    doc: &DocumentText,
    head: Range<usize>,
    pronoun_entity: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let lexicon = lexicon();
    let noun = doc.text[head.clone()].to_lowercase();
    if !lexicon.is_spouse(&noun) {
        return None;
    }
    let before = doc.text[..head.start].trim_end();
    let possessive = before.rsplit(char::is_whitespace).next()?;
    if !matches!(possessive.to_lowercase().as_str(), "his" | "her") {
        return None;
    }
    let partner = pronoun_entity(before.len() - possessive.len())?;
    let gender = lexicon.noun_gender(&noun);
    let surname_of = |m: &PersonMention| doc.text[m.start..m.end].rsplit(' ').next();
    let surname = doc
        .persons
        .iter()
        .filter(|m| m.entity == partner && m.start < head.start)
        .filter_map(surname_of)
        .next_back()?;
    let mut found = doc.persons.iter().filter(|m| {
        let title = title_word(doc.text, m.start);
        let title_fits = lexicon.is_spouse_title(&title.to_lowercase())
            && title_gender(title) != Gender::Unknown
            && (gender == Gender::Unknown || title_gender(title) == gender);
        m.entity != partner && title_fits && surname_of(m) == Some(surname)
    });
    let first = found.next()?.entity;
    found.all(|m| m.entity == first).then_some(first)
}

/// The word right before byte `start` ("Mrs." before "Bennet").
fn title_word(text: &str, start: usize) -> &str {
    text[..start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// The word before each name, lowercase ("captain" in "Captain Gray"), and the
/// one character it comes before (None when it comes before several).
fn titled_characters(doc: &DocumentText) -> HashMap<String, Option<usize>> {
    let mut found: HashMap<String, Option<usize>> = HashMap::default();
    for m in doc.persons {
        let before = doc.text[..m.start].trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if word.is_empty() || !word.starts_with(char::is_uppercase) {
            continue;
        }
        found
            .entry(word.to_lowercase())
            .and_modify(|e| {
                if *e != Some(m.entity) {
                    *e = None;
                }
            })
            .or_insert(Some(m.entity));
    }
    found
}

/// Rule 3: quotes of one paragraph left open take the speaker of a decided
/// one beside them (the previous first).
fn share_within_paragraphs(
    quotes: &mut [Attributed],
    open: &mut [Open],
    genders: &HashMap<usize, Gender>,
) {
    let mut i = 0;
    while i < quotes.len() {
        let paragraph = quotes[i].paragraph;
        let end = i + quotes[i..]
            .iter()
            .take_while(|q| q.paragraph == paragraph)
            .count();
        for k in i..end {
            if open[k] == Open::Decided || quotes[k].term {
                continue;
            }
            // An unresolved "he said" does not take her turn ("she answered, “No.”").
            let wanted = match open[k] {
                Open::Turns(gender) => gender,
                _ => Gender::Unknown,
            };
            let fits =
                |s: &usize| !quotes[k].addressees.contains(s) && gender_fits(genders, *s, wanted);
            let shared = (i..k)
                .rev()
                .chain(k + 1..end)
                .filter(|&j| open[j] == Open::Decided && !quotes[j].term)
                .find_map(|j| quotes[j].speaker)
                .filter(fits);
            if shared.is_some() {
                quotes[k].speaker = shared;
                open[k] = Open::Decided;
            }
        }
        i = end;
    }
}

/// The first character the paragraph's narration names or refers to with a
/// subject pronoun before the quote ("Elizabeth smiled. "…""), or after it
/// when the quote opens the paragraph (""…" Elizabeth turned away."), or
/// else the one of the paragraph of narration before it.
fn narration_speaker(
    doc: &DocumentText,
    quotes: &[Attributed],
    k: usize,
    pronoun_entity: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let range = doc.paragraphs.get(quotes[k].paragraph)?.clone();
    let quote_start = quotes[k].start;
    let opens_paragraph = doc.text[range.start..quote_start].trim().is_empty();
    let references = narration_references(doc, quotes, range, pronoun_entity);
    let before = references.iter().find(|(at, _)| *at < quote_start);
    let after = references
        .iter()
        .find(|(at, _)| *at >= quote_start)
        .filter(|_| opens_paragraph);
    match before.or(after) {
        Some((_, entity)) => *entity,
        None if opens_paragraph => previous_narration_speaker(doc, quotes, k, pronoun_entity),
        None => None,
    }
}

/// A quote alone in its paragraph after a paragraph of narration without
/// quotes: the one its last sentence is about ("Then she stopped short and
/// stooped down to wipe his wet face." before "“Why, Emil!…”").
fn previous_narration_speaker(
    doc: &DocumentText,
    quotes: &[Attributed],
    k: usize,
    pronoun_entity: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let previous = doc
        .paragraphs
        .get(quotes[k].paragraph.checked_sub(1)?)?
        .clone();
    let has_quotes = k > 0 && quotes[k - 1].end > previous.start;
    if has_quotes || doc.text[previous.clone()].trim().is_empty() {
        return None;
    }
    let body = doc.text[previous.clone()].trim_end();
    let last_sentence = body
        .trim_end_matches(['.', '!', '?', '”', '’', '"', '\''])
        .rfind(['.', '!', '?'])
        .map_or(previous.start, |i| previous.start + i + 1);
    let references = narration_references(doc, quotes, previous, pronoun_entity);
    references
        .iter()
        .find(|(at, _)| *at >= last_sentence)
        .and_then(|(_, entity)| *entity)
        .filter(|s| !quotes[k].addressees.contains(s))
}

/// The characters a paragraph's narration names or refers to with a subject
/// pronoun, in order: (byte, character if known).
fn narration_references(
    doc: &DocumentText,
    quotes: &[Attributed],
    range: Range<usize>,
    pronoun_entity: &dyn Fn(usize) -> Option<usize>,
) -> Vec<(usize, Option<usize>)> {
    let inside = |at: usize| inside_quote(quotes, at);
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
    references
}

/// The character `s` may be of the gender `wanted` (either unknown, or the same).
pub(super) fn gender_fits(genders: &HashMap<usize, Gender>, s: usize, wanted: Gender) -> bool {
    genders
        .get(&s)
        .copied()
        .unwrap_or_default()
        .compatible(wanted)
}

/// Byte `at` lies inside one of `quotes` (in text order, not overlapping).
pub(super) fn inside_quote(quotes: &[Attributed], at: usize) -> bool {
    let next = quotes.partition_point(|q| q.start <= at);
    next.checked_sub(1).is_some_and(|q| at < quotes[q].end)
}
