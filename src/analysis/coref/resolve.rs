//! Linking pronouns to characters by salience: a walk through the text that
//! remembers who was mentioned recently and picks, for each pronoun, the
//! nearest character of its gender.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::lexicon::{Case, Person};
use super::{is_possessive_after, PersonMention, Pronoun};
use crate::analysis::entities::Gender;

/// One document, as the walk sees it.
pub struct Context<'a> {
    pub text: &'a str,
    pub paragraphs: &'a [Range<usize>],
    /// Sentence byte ranges, in order.
    pub sentences: &'a [Range<usize>],
    /// Name mentions of people, in text order.
    pub persons: &'a [PersonMention],
    /// Pronouns, in text order.
    pub pronouns: &'a [Pronoun],
    /// Quotations, in text order, with their speakers when known.
    pub quotes: &'a [(Range<usize>, Option<usize>)],
    pub genders: &'a HashMap<usize, Gender>,
    /// The narrator of a first-person narration, whom I/me/my outside
    /// quotes refer to (see `narrator`).
    pub narrator: Option<usize>,
}

/// How many paragraphs back a pronoun may reach for a character.
const PARAGRAPH_WINDOW: usize = 3;
/// A character of unknown gender is taken only this close (paragraphs).
const UNKNOWN_GENDER_WINDOW: usize = 1;
/// What being the first character named in its sentence (its likely
/// subject) is worth, in sentences of distance.
const SUBJECT_BONUS: f32 = 1.0;
/// What an unknown gender costs against a matching one, in sentences.
const UNKNOWN_GENDER_COST: f32 = 0.5;
/// What a possessive name ("Stephen's face") costs: it is rarely the one a
/// later "he" continues with.
const POSSESSIVE_COST: f32 = 1.0;

/// A recent mention of a character.
#[derive(Debug, Clone, Copy)]
struct Recent {
    entity: usize,
    gender: Gender,
    paragraph: usize,
    sentence: usize,
    subject: bool,
    possessive: bool,
}

enum Event {
    Name(usize),
    Pronoun(usize),
    QuoteEnd(usize),
}

/// The character each pronoun refers to (by index into `ctx.pronouns`), or
/// None. First-person pronouns inside a quote go to its speaker; in narration
/// to the narrator, when the text has one.
pub fn resolve(ctx: &Context) -> Vec<Option<usize>> {
    let mut events: Vec<(usize, Event)> = Vec::new();
    events.extend(
        ctx.persons
            .iter()
            .enumerate()
            .map(|(i, m)| (m.start, Event::Name(i))),
    );
    events.extend(
        ctx.pronouns
            .iter()
            .enumerate()
            .map(|(i, p)| (p.start, Event::Pronoun(i))),
    );
    events.extend(
        ctx.quotes
            .iter()
            .enumerate()
            .map(|(i, (range, _))| (range.end, Event::QuoteEnd(i))),
    );
    events.sort_by_key(|(at, _)| *at);

    let mut linked = vec![None; ctx.pronouns.len()];
    let mut recent: Vec<Recent> = Vec::new();
    let mut paragraph = 0;
    let mut sentence = 0;
    // The sentence whose subject (first character named) is already taken, and who.
    let mut subject_taken = (usize::MAX, usize::MAX);
    for (at, event) in events {
        while paragraph + 1 < ctx.paragraphs.len() && ctx.paragraphs[paragraph].end <= at {
            paragraph += 1;
        }
        while sentence + 1 < ctx.sentences.len() && ctx.sentences[sentence].end <= at {
            sentence += 1;
        }
        let quote = quote_at(ctx.quotes, at);
        let gender_of = |entity: usize| ctx.genders.get(&entity).copied().unwrap_or_default();
        // The subject's later mentions in its sentence ("Ann took his arm
        // in Tom's as she…") stay the subject's.
        let mut here = |entity: usize, possessive: bool, recent: &mut Vec<Recent>| {
            if subject_taken.0 != sentence {
                subject_taken = (sentence, entity);
            }
            recent.push(Recent {
                entity,
                gender: gender_of(entity),
                paragraph,
                sentence,
                subject: subject_taken.1 == entity,
                possessive,
            });
        };
        match event {
            Event::Name(i) => {
                // Names inside quotes are often said to someone, or of someone absent.
                if quote.is_none() {
                    let possessive = is_possessive_after(ctx.text, ctx.persons[i].end);
                    here(ctx.persons[i].entity, possessive, &mut recent);
                }
            }
            Event::QuoteEnd(q) => {
                if let Some(speaker) = ctx.quotes[q].1 {
                    recent.push(Recent {
                        entity: speaker,
                        gender: gender_of(speaker),
                        paragraph,
                        sentence,
                        subject: false,
                        possessive: false,
                    });
                }
            }
            Event::Pronoun(i) => {
                let pronoun = ctx.pronouns[i];
                let speaker = quote.and_then(|q| ctx.quotes[q].1);
                let entity = match (pronoun.form.person, quote) {
                    (Person::First, Some(_)) => speaker,
                    (Person::First, None) => ctx.narrator,
                    (Person::Third, Some(_)) => None,
                    (Person::Third, None) if pronoun.form.plural => None,
                    (Person::Third, None) => {
                        antecedent(&recent, (paragraph, sentence), pronoun.form.gender)
                    }
                };
                linked[i] = entity;
                // The narrator's "I" is no antecedent for a "he" or "she".
                let third = pronoun.form.person == Person::Third;
                if let (Some(entity), None, true) = (entity, quote, third) {
                    here(entity, pronoun.form.case == Case::Possessive, &mut recent);
                }
            }
        }
        if recent.len() > 64 {
            recent.drain(..32);
        }
    }
    linked
}

/// The quote containing byte `at` (its marks included), if any.
fn quote_at(quotes: &[(Range<usize>, Option<usize>)], at: usize) -> Option<usize> {
    let next = quotes.partition_point(|(range, _)| range.start <= at);
    let q = next.checked_sub(1)?;
    (at < quotes[q].0.end).then_some(q)
}

/// The best recent character of `gender`: near, and the subject of its
/// sentence; one of unknown gender only when very near.
fn antecedent(
    recent: &[Recent],
    (paragraph, sentence): (usize, usize),
    gender: Gender,
) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    for (i, r) in recent.iter().enumerate().rev() {
        if r.paragraph + PARAGRAPH_WINDOW < paragraph {
            break;
        }
        let known = r.gender;
        let cost = if known == gender {
            0.0
        } else if known == Gender::Unknown && r.paragraph + UNKNOWN_GENDER_WINDOW >= paragraph {
            UNKNOWN_GENDER_COST
        } else {
            continue;
        };
        let distance = sentence.saturating_sub(r.sentence) as f32;
        let possessive = if r.possessive { POSSESSIVE_COST } else { 0.0 };
        let score = -distance - cost - possessive + if r.subject { SUBJECT_BONUS } else { 0.0 };
        // Only a character's most recent mention competes.
        if recent[i + 1..].iter().any(|later| later.entity == r.entity) {
            continue;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, r.entity));
        }
    }
    best.map(|(_, entity)| entity)
}
