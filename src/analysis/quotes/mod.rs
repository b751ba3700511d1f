//! Quotations of direct speech and who says them.

use serde::{Deserialize, Serialize};

/// A byte range into a document's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One quotation: the span covers its quote marks; a quote running over
/// several paragraphs is one item whose `paragraph` is the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub id: usize,
    pub document: usize,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Id of the speaking entity, when one can be named.
    pub speaker: Option<usize>,
    /// The speech cue ("said Elizabeth") that names the speaker, if any.
    pub cue: Option<Span>,
}

pub mod attribute;
pub mod cues;
pub mod detect;
mod identify;
mod lexicon;
mod pieces;
mod turns;

pub use attribute::{Attributed, DocumentText, Unnamed, UNNAMED_BASE};
pub use detect::{detect, Found};

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::analysis::coref::resolve::{resolve, Context};
use crate::analysis::coref::{Person, Pronoun};
use crate::analysis::entities::Gender;

/// One document's quotations with their speakers, and the character each of
/// its pronouns refers to (by index into `DocumentText::pronouns`).
#[derive(Debug, Clone, Default)]
pub struct Speech {
    pub quotes: Vec<Attributed>,
    pub pronoun_links: Vec<Option<usize>>,
    /// Who I/me/my in narration were linked to.
    pub narrator: Option<usize>,
    /// Speakers named only by a common noun; quote speakers and pronoun
    /// links to them are provisional ids from [`UNNAMED_BASE`].
    pub unnamed: Vec<Unnamed>,
}

/// A first-person narrator of a document, as far as known before speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Narration {
    /// The entity "I" links to.
    pub entity: usize,
    /// False when the text gave no name: the character the others address
    /// in dialogue may be taken instead.
    pub named: bool,
}

/// Speakers and pronoun links need each other ("he said" needs the pronoun's
/// character; "I" inside a quote and the turns after it need the speaker), so
/// they are found in turns: pronouns in narration, speakers, pronouns again
/// with the speakers known, speakers again, and a last pronoun pass.
pub fn speakers_and_pronouns(
    doc: &DocumentText,
    sentences: &[Range<usize>],
    found: &[Found],
    genders: &HashMap<usize, Gender>,
) -> Speech {
    speakers_and_pronouns_narrated(doc, sentences, found, genders, None)
}

/// [`speakers_and_pronouns`] of a text with a first-person narrator.
pub fn speakers_and_pronouns_narrated(
    doc: &DocumentText,
    sentences: &[Range<usize>],
    found: &[Found],
    genders: &HashMap<usize, Gender>,
    narration: Option<Narration>,
) -> Speech {
    let names = identify::NameIndex::new(doc);
    let ranked = identify::with_rank_mentions(doc, &names);
    let with_ranks;
    let doc = match &ranked {
        Some(persons) => {
            with_ranks = DocumentText { persons, ..*doc };
            &with_ranks
        }
        None => doc,
    };
    let mut quotes = attribute::annotate(doc, found);
    let narrator = narration.map(|n| match n.named {
        true => n.entity,
        false => {
            let addressed: Vec<usize> = quotes.iter().flat_map(|q| q.addressees.clone()).collect();
            let spans: Vec<Range<usize>> = quotes.iter().map(|q| q.start..q.end).collect();
            crate::analysis::coref::narrator::addressed_name(&addressed, doc.persons, &spans)
                .unwrap_or(n.entity)
        }
    });
    let (unnamed, mut unnamed_ids) = attribute::unnamed_speakers(doc, &quotes);
    // Found once from the cues; `unnamed_ids` follows them as they are identified.
    let provisional = unnamed_ids.clone();
    let relink = |quotes: &[Attributed], ids: &[Option<usize>]| {
        // Pronouns may also find an unnamed speaker where its noun stands in
        // the narration ("The old man looked up." before "he said").
        let (persons, unnamed_genders) =
            identify::nominal_mentions(doc, quotes, &unnamed, &provisional, ids);
        if persons.len() == doc.persons.len() {
            return link_pronouns(doc, sentences, quotes, genders, narrator);
        }
        let mut all_genders = genders.clone();
        all_genders.extend(unnamed_genders);
        let with_nouns = DocumentText {
            persons: &persons,
            ..*doc
        };
        link_pronouns(&with_nouns, sentences, quotes, &all_genders, narrator)
    };
    let mut links = relink(&quotes, &unnamed_ids);
    for pass in 0..2 {
        for q in quotes.iter_mut() {
            q.speaker = None;
        }
        let entity_at = |at: usize| linked_at(doc.pronouns, &links, at);
        attribute::assign(
            doc,
            &mut quotes,
            &entity_at,
            genders,
            narrator,
            &unnamed_ids,
        );
        links = relink(&quotes, &unnamed_ids);
        if pass == 0 {
            // Who the unnamed speakers are shows once the named ones speak.
            let entity_at = |at: usize| linked_at(doc.pronouns, &links, at);
            let named = identify::identify(
                doc,
                &names,
                &quotes,
                &unnamed,
                &unnamed_ids,
                genders,
                &entity_at,
            );
            // Their cues, and the pronouns already linked to them ("returned she").
            for id in unnamed_ids.iter_mut().chain(links.iter_mut()).flatten() {
                *id = named.get(id).copied().unwrap_or(*id);
            }
        }
    }
    // Pronouns link to named characters: a "he" whose antecedent is an
    // unnamed speaker ("said the man") stays unlinked, though it may name
    // that speaker in a cue ("said he"). "I" in its quotes is its own.
    for (link, pronoun) in links.iter_mut().zip(doc.pronouns) {
        if pronoun.form.person == Person::Third && link.is_some_and(|e| e >= UNNAMED_BASE) {
            *link = None;
        }
    }
    Speech {
        quotes,
        pronoun_links: links,
        narrator,
        unnamed,
    }
}

/// The character the pronoun starting at byte `at` is linked to.
fn linked_at(pronouns: &[Pronoun], links: &[Option<usize>], at: usize) -> Option<usize> {
    let i = pronouns.partition_point(|p| p.start < at);
    pronouns
        .get(i)
        .filter(|p| p.start == at)
        .and_then(|_| links.get(i).copied().flatten())
}

fn link_pronouns(
    doc: &DocumentText,
    sentences: &[Range<usize>],
    quotes: &[Attributed],
    genders: &HashMap<usize, Gender>,
    narrator: Option<usize>,
) -> Vec<Option<usize>> {
    let spans: Vec<(Range<usize>, Option<usize>)> =
        quotes.iter().map(|q| (q.start..q.end, q.speaker)).collect();
    resolve(&Context {
        text: doc.text,
        paragraphs: doc.paragraphs,
        sentences,
        persons: doc.persons,
        pronouns: doc.pronouns,
        quotes: &spans,
        genders,
        narrator,
    })
}

#[cfg(test)]
mod tests;
