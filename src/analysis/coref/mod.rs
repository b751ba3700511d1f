//! Pronoun coreference: he/him/his/himself, she/her/hers/herself (and
//! they/them when one named character is meant) linked to the named
//! character they refer to, BookNLP's policy: pronouns link to named people
//! or stay unlinked, and names are never merged through a pronoun.
//!
//! `find_pronouns` runs per document beside the tagger; after clustering,
//! `gender::entity_genders` reads each character's gender from titles
//! ("Mrs."), first-name lists and the pronouns that follow its name, and
//! `resolve` walks the text keeping the recently mentioned characters,
//! preferring the nearest one of the pronoun's gender, subjects over
//! objects, narration over names inside quotes. First-person pronouns inside
//! a quote belong to its speaker (see `quotes`).

pub mod gender;
pub mod lexicon;
pub mod narrator;
pub mod resolve;

pub use lexicon::{Case, Person, PronounForm};

/// A name mention of a person entity, in one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonMention {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
}

/// The mentions of `persons` (in text order) that lie wholly inside `range`.
pub fn mentions_within(
    persons: &[PersonMention],
    range: std::ops::Range<usize>,
) -> &[PersonMention] {
    let first = persons.partition_point(|m| m.start < range.start);
    let count = persons[first..]
        .iter()
        .take_while(|m| m.end <= range.end)
        .count();
    &persons[first..first + count]
}

/// True when a name ending at byte `end` is followed by a possessive "'s".
pub fn is_possessive_after(text: &str, end: usize) -> bool {
    text.get(end..)
        .is_some_and(|rest| rest.starts_with("'s") || rest.starts_with("’s"))
}

/// A personal pronoun in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Pronoun {
    pub start: usize,
    pub end: usize,
    pub form: PronounForm,
}

/// Every linkable pronoun in `text[range]`, in order. Shouted forms ("HE"
/// in a heading) are left out; "I" counts only as a capital.
pub fn find_pronouns(text: &str, range: std::ops::Range<usize>) -> Vec<Pronoun> {
    let lexicon = lexicon::lexicon();
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = range.start;
    while i < range.end {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < range.end && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        // Words running on into non-ASCII letters ("Hé…") or digits are not pronouns.
        let joined_before = text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let joined_after = text[i..].chars().next().is_some_and(char::is_alphanumeric);
        let word = &text[start..i];
        // Every linked form starts with h, s, t, i or m and has at most 10 letters.
        let first = bytes[start].to_ascii_lowercase();
        if word.len() > 10 || !matches!(first, b'h' | b's' | b't' | b'i' | b'm') {
            continue;
        }
        if joined_before || joined_after {
            continue;
        }
        let shouted = word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase());
        if shouted || word == "i" {
            continue;
        }
        let mut lower = [0u8; 10];
        for (k, b) in word.bytes().enumerate() {
            lower[k] = b.to_ascii_lowercase();
        }
        let lower = std::str::from_utf8(&lower[..word.len()]).unwrap_or("");
        if let Some(form) = lexicon.pronoun(lower) {
            out.push(Pronoun {
                start,
                end: i,
                form,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pronouns_but_not_inside_words_or_shouted() {
        let text = "She told him his hat was HERS. I think; Hermione and the US. Myself!";
        let found: Vec<&str> = find_pronouns(text, 0..text.len())
            .iter()
            .map(|p| &text[p.start..p.end])
            .collect();
        assert_eq!(found, ["She", "him", "his", "I", "Myself"]);
    }
}
