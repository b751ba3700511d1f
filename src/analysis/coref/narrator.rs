//! The narrator of a first-person narration: "I", "me", "my" outside quotes
//! link to one entity. A text is first-person narrated when those pronouns
//! are frequent in its narration (a rate per word outside quotes, so the
//! "I" of a quoted witness in a news story does not make a narrator). The
//! narrator's name comes from the text when it gives one ("Call me
//! Ishmael", "my name is Lockwood", "I, John Carter, ..."; the phrases are
//! in `assets/coref/narrator_names.tsv`), else from the name the other
//! characters call the narrator by in dialogue ("Well, Watson, ..."): the
//! character most often addressed whose name the narration itself hardly
//! uses. Failing both, it is "Narrator".

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::lexicon::Person;
use super::{PersonMention, Pronoun};

const NAME_PHRASES: &str = include_str!("../../../assets/coref/narrator_names.tsv");

/// First-person pronouns per word of narration above which the text is
/// narrated in the first person. On the LitBank books, first-person ones
/// are at 0.015 and above, third-person ones at 0.009 and below.
pub const FIRST_PERSON_RATE: f64 = 0.012;
/// The lower rate that is enough when the narration also names its
/// narrator ("Call me Ishmael"): over a whole novel, long chapters without
/// "I" dilute the rate (Moby-Dick's is 0.011), and the phrase is evidence
/// of its own.
pub const SELF_NAMED_RATE: f64 = 0.006;
/// Fewer first-person pronouns than this in narration is too little to tell.
pub const MIN_FIRST_PERSON: usize = 10;
/// The display name of a narrator the text does not name.
pub const UNNAMED: &str = "Narrator";

/// Times a character must be addressed in dialogue to be taken for the narrator.
const MIN_ADDRESSED: usize = 2;
/// Of its name mentions, the share inside quotes it needs (the narration
/// says "I", not the narrator's name).
const MIN_SHARE_IN_QUOTES: f64 = 0.7;

/// Whether `pronoun` is a singular first-person form (I, me, my, mine, myself).
pub fn is_first_person(pronoun: &Pronoun) -> bool {
    pronoun.form.person == Person::First && !pronoun.form.plural
}

/// Whether the text in `body` is narrated in the first person.
pub fn is_narrated(
    text: &str,
    body: Range<usize>,
    quotes: &[Range<usize>],
    pronouns: &[Pronoun],
) -> bool {
    let first_person = pronouns
        .iter()
        .filter(|p| is_first_person(p) && !inside(quotes, p.start))
        .count();
    if first_person < MIN_FIRST_PERSON {
        return false;
    }
    let words = narration_words(text, body.clone(), quotes);
    let rate = match words {
        0 => return false,
        _ => first_person as f64 / words as f64,
    };
    rate >= FIRST_PERSON_RATE
        || (rate >= SELF_NAMED_RATE && self_named(text, body, quotes).is_some())
}

/// Whether byte `at` lies in one of `quotes` (sorted, not overlapping).
pub fn inside(quotes: &[Range<usize>], at: usize) -> bool {
    let next = quotes.partition_point(|q| q.start <= at);
    next.checked_sub(1).is_some_and(|q| at < quotes[q].end)
}

fn narration_words(text: &str, body: Range<usize>, quotes: &[Range<usize>]) -> usize {
    let end = body.end.min(text.len());
    let start = body.start.min(end);
    // The gaps between quotes, scanned once each: no lookup per word.
    let first = quotes.partition_point(|q| q.end <= start);
    let mut words = 0;
    let mut at = start;
    for quote in &quotes[first..] {
        if quote.start >= end {
            break;
        }
        words += word_starts(text, at..quote.start.clamp(at, end), start);
        at = at.max(quote.end.min(end));
    }
    words + word_starts(text, at..end, start)
}

/// Letters that start a word in `text[gap]`; a letter continues a word when
/// the character before it (inside a quote or not) is a letter too, except
/// at `body_start`, where no word runs in.
fn word_starts(text: &str, gap: Range<usize>, body_start: usize) -> usize {
    if gap.is_empty() || !text.is_char_boundary(gap.start) || !text.is_char_boundary(gap.end) {
        return 0;
    }
    let mut in_word = gap.start > body_start
        && text[body_start..gap.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
    let mut words = 0;
    for c in text[gap].chars() {
        let alphabetic = c.is_alphabetic();
        words += usize::from(alphabetic && !in_word);
        in_word = alphabetic;
    }
    words
}

/// Lowercase word sequences after which a speaker gives their own name,
/// and whether only inside a quote.
fn name_phrases() -> &'static [(Vec<String>, bool)] {
    static PHRASES: OnceLock<Vec<(Vec<String>, bool)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        NAME_PHRASES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (phrase, place) = l.split_once('\t').unwrap_or((l, ""));
                let words = phrase.split_whitespace().map(str::to_lowercase).collect();
                (words, place.trim() == "quote")
            })
            .collect()
    })
}

/// Lowercase words a speaker may put between a naming phrase and the name
/// ("I be plain Jack Durbeyfield").
const NAME_GAP: usize = 1;

/// The character a quote's speaker says they are: a name mention right after
/// a naming phrase inside the quote, ending its clause ("I am Parson
/// Tringham, the antiquary", "my name is Dick.").
pub fn introduced_in(text: &str, quote: Range<usize>, persons: &[PersonMention]) -> Option<usize> {
    let inside = super::mentions_within(persons, quote.clone());
    if inside.is_empty() {
        return None;
    }
    let words = words(&text[quote.clone()]);
    let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
    let mention_at = |at: usize| inside.iter().find(|m| m.start == quote.start + words[at].0);
    for i in 0..words.len() {
        for (phrase, _) in name_phrases() {
            let n = phrase.len();
            if i + n >= words.len() || lower[i..i + n] != phrase[..] {
                continue;
            }
            let mut at = i + n;
            while at < words.len() && at < i + n + NAME_GAP && mention_at(at).is_none() {
                if !words[at].1.starts_with(char::is_lowercase) {
                    break;
                }
                at += 1;
            }
            // The name ends its clause: "I am Tom, sir", not "I am sure Tom will".
            let ends_clause = |m: &PersonMention| {
                text[m.end..quote.end]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace())
            };
            let phrase_end = quote.start + words[i + n - 1].0 + words[i + n - 1].1.len();
            let unbroken = |m: &PersonMention| {
                text[phrase_end..m.start.max(phrase_end)]
                    .chars()
                    .all(|c| c.is_alphabetic() || c.is_whitespace())
            };
            if let Some(m) = words.get(at).and_then(|_| mention_at(at)) {
                if unbroken(m) && ends_clause(m) {
                    return Some(m.entity);
                }
            }
        }
    }
    None
}

/// The words of `text` with their byte offsets; a word is letters with
/// inner apostrophes, hyphens and periods ("Mr.", "O'Hara").
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '’' | '-' | '.'));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out.into_iter()
        .map(|(s, w)| (s, w.trim_end_matches(['\'', '’', '-'])))
        .collect()
}

/// The name the narration gives its narrator, with its byte range: the
/// capitalised words after a naming phrase outside quotes ("Call me
/// Ishmael"), or between commas after "I" ("I, John Carter, ...").
pub fn self_named(
    text: &str,
    body: Range<usize>,
    quotes: &[Range<usize>],
) -> Option<(String, Range<usize>)> {
    let end = body.end.min(text.len());
    let start = body.start.min(end);
    let words = words(&text[start..end]);
    let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
    let name_at = |from: usize| -> Option<(String, Range<usize>)> {
        let mut last = from;
        while last < words.len() && last < from + 3 && is_name_word(words[last].1) {
            last += 1;
            // A full stop ends the name, unless after an initial or a title ("J.", "Mr.").
            let word = words[last - 1].1;
            if word.ends_with('.') && word.chars().count() > 3 {
                break;
            }
        }
        if last == from {
            return None;
        }
        let first_byte = start + words[from].0;
        let (end_at, end_word) = words[last - 1];
        let end_byte = start + end_at + end_word.trim_end_matches('.').len();
        Some((text[first_byte..end_byte].to_string(), first_byte..end_byte))
    };
    for i in 0..words.len() {
        if inside(quotes, start + words[i].0) {
            continue;
        }
        for (phrase, _) in name_phrases().iter().filter(|(_, quote_only)| !quote_only) {
            let n = phrase.len();
            if i + n < words.len() && lower[i..i + n] == phrase[..] {
                if let Some(found) = name_at(i + n) {
                    return Some(found);
                }
            }
        }
        // "I, John Carter, ..."
        if words[i].1 == "I" {
            let after = start + words[i].0 + 1;
            if text[after..].starts_with(", ") {
                if let Some((name, range)) = name_at(i + 1) {
                    if text[range.end..].starts_with(',') {
                        return Some((name, range));
                    }
                }
            }
        }
    }
    None
}

/// A capitalised word that is not "I" nor a sentence-opening function word.
fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let capital = chars.next().is_some_and(char::is_uppercase);
    let rest_lower = word.chars().skip(1).any(char::is_lowercase) || word.ends_with('.');
    capital && rest_lower && !matches!(word, "I" | "The" | "A" | "An" | "And" | "But" | "It")
}

/// The character the others call the narrator by: the one addressed most
/// often in quotes (`addressed`, entity ids, one per quote and addressee)
/// whose name mentions are mostly inside quotes.
pub fn addressed_name(
    addressed: &[usize],
    persons: &[PersonMention],
    quotes: &[Range<usize>],
) -> Option<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for &e in addressed {
        *counts.entry(e).or_default() += 1;
    }
    let mut in_quotes: HashMap<usize, (usize, usize)> = HashMap::new();
    for m in persons {
        let slot = in_quotes.entry(m.entity).or_default();
        slot.1 += 1;
        if inside(quotes, m.start) {
            slot.0 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= MIN_ADDRESSED)
        .filter(|(e, _)| {
            in_quotes
                .get(e)
                .is_some_and(|&(inq, all)| inq as f64 >= MIN_SHARE_IN_QUOTES * all as f64)
        })
        .max_by_key(|&(e, n)| (n, std::cmp::Reverse(e)))
        .map(|(e, _)| e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::coref::find_pronouns;
    use proptest::prelude::*;

    /// The count [`narration_words`] speeds up: every letter after a
    /// non-letter, outside the quotes.
    fn words_one_by_one(text: &str, body: Range<usize>, quotes: &[Range<usize>]) -> usize {
        let mut words = 0;
        let mut in_word = false;
        for (i, c) in text[body.clone()].char_indices() {
            let alphabetic = c.is_alphabetic();
            words += usize::from(alphabetic && !in_word && !inside(quotes, body.start + i));
            in_word = alphabetic;
        }
        words
    }

    proptest! {
        #[test]
        fn narration_words_are_counted_as_one_by_one(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "I", "me", " ", "said", "“", "”", "\"", "ß", "é", "-", "ab", "\n\n", "42",
            ]), 0..40),
            cuts in prop::collection::vec(0usize..200, 0..8),
            body_cut in 0usize..20,
        ) {
            let text: String = pieces.concat();
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let at = |n: usize| boundaries[n % boundaries.len()];
            let mut points: Vec<usize> = cuts.iter().map(|&c| at(c)).collect();
            points.sort_unstable();
            points.dedup();
            let quotes: Vec<Range<usize>> = points.chunks_exact(2).map(|p| p[0]..p[1]).collect();
            let body = at(body_cut).min(text.len())..text.len();
            prop_assert_eq!(
                narration_words(&text, body.clone(), &quotes),
                words_one_by_one(&text, body, &quotes)
            );
        }
    }

    fn narrated(text: &str, quotes: &[Range<usize>]) -> bool {
        is_narrated(
            text,
            0..text.len(),
            quotes,
            &find_pronouns(text, 0..text.len()),
        )
    }

    #[test]
    fn first_person_narration_is_told_by_a_rate() {
        let memoir = "I went down to the harbour, and my father came with me. I thought the \
            sea was grey. I saw a ship and I wanted it; my heart was in my mouth. I ran. "
            .repeat(3);
        assert!(narrated(&memoir, &[]));
        // A news story quoting a witness: many "I" in quotes, none in narration.
        let quote = "\"I saw it, I heard it, I ran, my car was hit, I called my wife,\" ";
        let news = format!(
            "{quote}{}",
            "said the witness. The police said the road would stay closed for the day. ".repeat(4)
        );
        let quotes = [Range {
            start: 0,
            end: quote.len() - 1,
        }];
        assert!(!narrated(&news, &quotes));
        // A long third-person text with a few "I" in narration is not narrated.
        let novel = "She walked to the town and he followed her over the hill. ".repeat(200)
            + &"I think. ".repeat(12);
        assert!(!narrated(&novel, &[]));
    }

    #[test]
    fn a_narrator_who_names_himself_needs_a_lower_rate() {
        // About 0.8% first-person pronouns: too few alone, enough with the name.
        let sea = "The whale swims in the cold northern sea, and the ships follow it for \
            months across the water; the men hunt it with boats and lines. ";
        let chapter = sea.repeat(4) + "I watched. ";
        let named = format!("Call me Ishmael. {}", chapter.repeat(40));
        let unnamed = format!("Call the doctor. {}", chapter.repeat(40));
        assert!(narrated(&named, &[]));
        assert!(!narrated(&unnamed, &[]));
    }

    #[test]
    fn names_from_the_narration() {
        let cases = [
            (
                "Call me Ishmael. Some years ago I went to sea.",
                Some("Ishmael"),
            ),
            (
                "My name is Lemuel Gulliver, and I was born in Kent.",
                Some("Lemuel Gulliver"),
            ),
            (
                "I called myself Pip, and came to be called Pip.",
                Some("Pip"),
            ),
            (
                "I, John Carter, am writing this at home.",
                Some("John Carter"),
            ),
            ("I, too, was there.", None),
            ("Call me when you can. I am tired.", None),
        ];
        for (text, expected) in cases {
            let found = self_named(text, 0..text.len(), &[]);
            assert_eq!(found.as_ref().map(|(n, _)| n.as_str()), expected, "{text}");
            if let Some((name, range)) = found {
                assert_eq!(&text[range], name);
            }
        }
        // Said by a character inside a quote, it is not the narrator's name.
        let text = "\"Call me Ishmael,\" he said. I laughed.";
        let quotes = [Range { start: 0, end: 17 }];
        assert_eq!(self_named(text, 0..text.len(), &quotes), None);
    }

    #[test]
    fn a_quote_says_who_its_speaker_is() {
        let mention = |text: &str, name: &str, entity| {
            let start = text.find(name).expect("name in text");
            PersonMention {
                start,
                end: start + name.len(),
                entity,
            }
        };
        let said =
            |text: &str, name: &str| introduced_in(text, 0..text.len(), &[mention(text, name, 3)]);
        assert_eq!(
            said(
                "\"I am Parson Tringham, of Stagfoot Lane.\"",
                "Parson Tringham"
            ),
            Some(3)
        );
        assert_eq!(
            said("\"When I be plain Jack Durbeyfield?\"", "Jack Durbeyfield"),
            Some(3)
        );
        assert_eq!(said("\"My name is Dick.\"", "Dick"), Some(3));
        // Not after the phrase, or too far after it: not who the speaker is.
        assert_eq!(said("\"I am sure Tom will come.\"", "Tom"), None);
        assert_eq!(said("\"I am glad, Tom.\"", "Tom"), None);
        assert_eq!(said("\"Tom, I am here.\"", "Tom"), None);
        // "I am" names only inside quotes, never the narrator.
        assert_eq!(
            self_named("I am Tom and this is my story.", 0..30, &[]),
            None
        );
    }

    #[test]
    fn the_most_addressed_character_named_mostly_in_quotes() {
        let quotes = [0..20, 30..50, 60..80];
        let person = |start, entity| PersonMention {
            start,
            end: start + 5,
            entity,
        };
        // 7 (Watson) is addressed twice and named only in quotes; 3 (Holmes)
        // is addressed three times but named mostly in narration.
        let persons = [
            person(2, 7),
            person(21, 3),
            person(25, 3),
            person(27, 3),
            person(32, 7),
            person(62, 3),
            person(90, 3),
        ];
        assert_eq!(addressed_name(&[7, 7, 3, 3, 3], &persons, &quotes), Some(7));
        assert_eq!(addressed_name(&[7], &persons, &quotes), None);
    }
}
