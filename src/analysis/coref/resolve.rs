//! Linking pronouns to characters by salience: a walk through the text that
//! remembers who was mentioned recently and picks, for each pronoun, the
//! nearest character of its gender.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::lexicon::{lexicon, Case, Person};
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

/// Someone a pronoun refers to who has no name in the text.
const NOBODY: usize = usize::MAX;

/// A recent mention of a character.
#[derive(Debug, Clone, Copy)]
struct Recent {
    entity: usize,
    gender: Gender,
    paragraph: usize,
    sentence: usize,
    subject: bool,
    possessive: bool,
    /// A name right after a preposition ("in front of Winterbourne"): the
    /// byte it ends at.
    after_preposition: Option<usize>,
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
    let mut walk = Walk {
        recent: Vec::new(),
        paragraph: 0,
        sentence: 0,
        subject_taken: (usize::MAX, usize::MAX),
    };
    for (at, event) in events {
        walk.move_to(ctx, at);
        let quote = quote_at(ctx.quotes, at);
        let gender_of = |entity: usize| ctx.genders.get(&entity).copied().unwrap_or_default();
        match event {
            Event::Name(i) => {
                // Names inside quotes are often said to someone, or of someone absent.
                if quote.is_none() {
                    let m = ctx.persons[i];
                    walk.mention(Recent {
                        possessive: is_possessive_after(ctx.text, m.end),
                        after_preposition: follows_preposition(ctx.text, m.start).then_some(m.end),
                        ..walk.recent_of(m.entity, gender_of(m.entity))
                    });
                }
            }
            Event::QuoteEnd(q) => {
                if let Some(speaker) = ctx.quotes[q].1 {
                    let heard = walk.recent_of(speaker, gender_of(speaker));
                    walk.recent.push(heard);
                }
            }
            Event::Pronoun(i) => {
                let pronoun = ctx.pronouns[i];
                let speaker = quote.and_then(|q| ctx.quotes[q].1);
                let third = pronoun.form.person == Person::Third;
                let subject = pronoun.form.case == Case::Subject;
                let entity = match (pronoun.form.person, quote) {
                    (Person::First, Some(_)) => speaker,
                    (Person::First, None) => ctx.narrator,
                    (Person::Third, Some(_)) => None,
                    (Person::Third, None) if pronoun.form.plural => None,
                    (Person::Third, None) => {
                        let bound = subject
                            .then(|| walk.bound_by_preposition(ctx.text, pronoun.start))
                            .flatten();
                        if let Some(bound) = bound {
                            walk.not_subject(bound);
                        }
                        antecedent(&walk, pronoun.form.gender, bound)
                    }
                };
                linked[i] = entity;
                // The narrator's "I" is no antecedent for a "he" or "she".
                if quote.is_none() && third {
                    match entity {
                        Some(entity) => walk.mention(Recent {
                            possessive: pronoun.form.case == Case::Possessive,
                            ..walk.recent_of(entity, gender_of(entity))
                        }),
                        // A "he" of no one named ("a small boy came … He
                        // paused") is still whom the next "he" most likely means.
                        None if subject && !pronoun.form.plural => {
                            walk.mention(walk.recent_of(NOBODY, pronoun.form.gender))
                        }
                        None => {}
                    }
                }
            }
        }
        if walk.recent.len() > 64 {
            walk.recent.drain(..32);
        }
    }
    linked
}

/// Where the walk through a document is, and whom it has met lately.
struct Walk {
    recent: Vec<Recent>,
    paragraph: usize,
    sentence: usize,
    /// The sentence whose subject (first character met) is already taken, and who.
    subject_taken: (usize, usize),
}

impl Walk {
    fn move_to(&mut self, ctx: &Context, at: usize) {
        while self.paragraph + 1 < ctx.paragraphs.len() && ctx.paragraphs[self.paragraph].end <= at
        {
            self.paragraph += 1;
        }
        while self.sentence + 1 < ctx.sentences.len() && ctx.sentences[self.sentence].end <= at {
            self.sentence += 1;
        }
    }

    /// A plain mention of `entity` here (no subject, no possessive).
    fn recent_of(&self, entity: usize, gender: Gender) -> Recent {
        Recent {
            entity,
            gender,
            paragraph: self.paragraph,
            sentence: self.sentence,
            subject: false,
            possessive: false,
            after_preposition: None,
        }
    }

    /// Records a mention in the narration: the first in its sentence is the
    /// subject, and the subject's later mentions in its sentence ("Ann took
    /// his arm in Tom's as she…") stay the subject's.
    fn mention(&mut self, mut r: Recent) {
        if self.subject_taken.0 != self.sentence {
            self.subject_taken = (self.sentence, r.entity);
        }
        r.subject = self.subject_taken.1 == r.entity;
        self.recent.push(r);
    }

    /// The character a subject pronoun at byte `at` cannot be: one just
    /// named as the object of a preposition in its sentence, with nothing
    /// but a comma between ("In front of Winterbourne he paused", "Turning
    /// to Mary, she said").
    fn bound_by_preposition(&self, text: &str, at: usize) -> Option<usize> {
        let last = self.recent.last().filter(|r| r.sentence == self.sentence)?;
        let between = text.get(last.after_preposition?..at)?;
        between
            .chars()
            .all(|c| c.is_whitespace() || c == ',')
            .then_some(last.entity)
    }

    /// `entity`, named in this sentence, is not its subject: the pronoun
    /// after it is.
    fn not_subject(&mut self, entity: usize) {
        let sentence = self.sentence;
        for r in self.recent.iter_mut().filter(|r| r.sentence == sentence) {
            r.subject &= r.entity != entity;
        }
        if self.subject_taken == (sentence, entity) {
            self.subject_taken = (usize::MAX, usize::MAX);
        }
    }
}

/// The quote containing byte `at` (its marks included), if any.
fn quote_at(quotes: &[(Range<usize>, Option<usize>)], at: usize) -> Option<usize> {
    let next = quotes.partition_point(|(range, _)| range.start <= at);
    let q = next.checked_sub(1)?;
    (at < quotes[q].0.end).then_some(q)
}

/// True when the word before byte `start` is a preposition.
fn follows_preposition(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    before.ends_with(char::is_alphabetic) && lexicon().is_preposition(&word.to_lowercase())
}

/// The best recent character of `gender` other than `excluded`: near, and
/// the subject of its sentence; one of unknown gender only when very near.
fn antecedent(walk: &Walk, gender: Gender, excluded: Option<usize>) -> Option<usize> {
    let (recent, paragraph, sentence) = (&walk.recent, walk.paragraph, walk.sentence);
    let mut best: Option<(f32, usize)> = None;
    // Only a character's most recent mention competes: the walk goes back
    // from it, so a character already met is passed over.
    let mut met: Vec<usize> = Vec::new();
    for r in recent.iter().rev() {
        if r.paragraph + PARAGRAPH_WINDOW < paragraph {
            break;
        }
        if met.contains(&r.entity) {
            continue;
        }
        met.push(r.entity);
        if Some(r.entity) == excluded {
            continue;
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
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, r.entity));
        }
    }
    best.map(|(_, entity)| entity).filter(|&e| e != NOBODY)
}
