//! The pipeline stage after clustering: quotation speakers and pronoun
//! links, per document (in parallel), then pronoun mentions added to their
//! entities and quotes numbered in text order.

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

use super::coref::gender::{entity_genders, DocumentEvidence};
use super::coref::PersonMention;
use super::quotes::{self, DocumentText, Quote, Span};
use super::{DocumentAnalysis, Entity, EntityKind, Mention, MentionForm};
use crate::corpus::Corpus;

/// Fills in speakers and pronoun mentions; returns the corpus's quotes.
pub(super) fn find_speakers(
    corpus: &Corpus,
    per_document: &[DocumentAnalysis],
    entities: &mut Vec<Entity>,
) -> Vec<Quote> {
    let narrations = super::narration::narrators(corpus, per_document, entities);
    let persons = person_mentions(corpus.documents.len(), entities);
    let others = other_mentions(corpus.documents.len(), entities);
    let names: HashMap<usize, &str> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| (e.id, e.name.as_str()))
        .collect();
    let evidence: Vec<DocumentEvidence> = corpus
        .documents
        .iter()
        .zip(per_document)
        .zip(&persons)
        .map(|((doc, result), persons)| DocumentEvidence {
            text: &doc.text,
            persons,
            pronouns: &result.pronouns,
        })
        .collect();
    let genders = entity_genders(&names, &evidence);
    let paragraphs: Vec<Vec<std::ops::Range<usize>>> = (0..corpus.documents.len())
        .map(|d| corpus.paragraphs_of(d).map(|p| p.start..p.end).collect())
        .collect();
    let mut speech: Vec<quotes::Speech> = corpus
        .documents
        .par_iter()
        .enumerate()
        .map(|(d, doc)| {
            let text = DocumentText {
                text: &doc.text,
                paragraphs: &paragraphs[d],
                persons: &persons[d],
                others: &others[d],
                pronouns: &per_document[d].pronouns,
            };
            quotes::speakers_and_pronouns_narrated(
                &text,
                &per_document[d].sentences,
                &per_document[d].quotes,
                &genders,
                narrations[d],
            )
        })
        .collect();
    super::narration::drop_unused(entities, &narrations, &speech);
    // Only a speaker named by its cues ("Pink observed") needs every tagged mention.
    let cue_named = speech
        .iter()
        .flat_map(|s| &s.unnamed)
        .any(|u| u.name.is_some());
    let tagged = match cue_named {
        true => all_mentions(corpus.documents.len(), entities),
        false => Vec::new(),
    };
    add_unnamed_speakers(corpus, &tagged, &mut speech, entities);
    add_pronoun_mentions(corpus, per_document, &speech, entities);
    let mut out = Vec::new();
    for (d, result) in speech.into_iter().enumerate() {
        let text = &corpus.documents[d].text;
        for q in result.quotes {
            let Some(paragraph) = corpus.paragraph_at(d, q.start) else {
                continue;
            };
            out.push(Quote {
                id: out.len(),
                document: d,
                paragraph,
                start: q.start,
                end: q.end,
                text: text[q.start..q.end].to_string(),
                speaker: q.speaker,
                cue: q.cue.map(|c| Span {
                    start: c.span.start,
                    end: c.span.end,
                }),
            });
        }
    }
    out
}

/// Makes an entity ("the man") of each unnamed speaker that a quote or a
/// pronoun links to, and puts its id in place of the provisional one. It has
/// no name mention, the text never names it, unless its cues gave a name
/// the tagger missed ("Pink observed"): then every free "Pink" is one.
fn add_unnamed_speakers(
    corpus: &Corpus,
    tagged: &[Vec<PersonMention>],
    speech: &mut [quotes::Speech],
    entities: &mut Vec<Entity>,
) {
    for (d, result) in speech.iter_mut().enumerate() {
        if result.unnamed.is_empty() {
            continue;
        }
        let mut ids: Vec<Option<usize>> = vec![None; result.unnamed.len()];
        let provisional = |id: Option<usize>| id.and_then(|s| s.checked_sub(quotes::UNNAMED_BASE));
        let used = result
            .quotes
            .iter()
            .map(|q| q.speaker)
            .chain(result.pronoun_links.iter().copied())
            .filter_map(provisional);
        for k in used {
            if k < ids.len() && ids[k].is_none() {
                let name = result.unnamed[k].name.as_deref();
                if let Some(known) = name.and_then(|name| known_only_as(entities, name)) {
                    ids[k] = Some(known);
                    continue;
                }
                ids[k] = Some(entities.len());
                let taken = |start: usize, end: usize| {
                    let mentions = &tagged[d];
                    let i = mentions.partition_point(|m| m.end <= start);
                    mentions.get(i).is_some_and(|m| m.start < end)
                };
                let mentions =
                    name.map_or_else(Vec::new, |name| name_occurrences(corpus, d, name, &taken));
                entities.push(Entity {
                    id: entities.len(),
                    name: name
                        .map_or_else(|| format!("the {}", result.unnamed[k].noun), str::to_string),
                    kind: EntityKind::Person,
                    aliases: Vec::new(),
                    mentions,
                });
            }
        }
        let real = |id: Option<usize>| match provisional(id) {
            Some(k) => ids.get(k).copied().flatten(),
            None => id,
        };
        for q in &mut result.quotes {
            q.speaker = real(q.speaker);
        }
        for link in &mut result.pronoun_links {
            *link = real(*link);
        }
    }
}

/// The entity other than a person whose every mention is `name`, made the
/// person its cues show it is: a "place" known only by a demonym ("Irish
/// murmured" in a book that never names Ireland).
fn known_only_as(entities: &mut [Entity], name: &str) -> Option<usize> {
    let entity = entities.iter_mut().find(|e| {
        e.kind != EntityKind::Person
            && !e.mentions.is_empty()
            && e.mentions
                .iter()
                .all(|m| m.form == MentionForm::Name && m.text == name)
    })?;
    entity.kind = EntityKind::Person;
    entity.name = name.to_string();
    entity.aliases.clear();
    for m in &mut entity.mentions {
        m.kind = EntityKind::Person;
    }
    Some(entity.id)
}

/// Every whole-word `name` in document `d` that no tagged mention covers,
/// as name mentions of a person.
fn name_occurrences(
    corpus: &Corpus,
    d: usize,
    name: &str,
    taken: &dyn Fn(usize, usize) -> bool,
) -> Vec<Mention> {
    let text = &corpus.documents[d].text;
    text.match_indices(name)
        .map(|(start, _)| (start, start + name.len()))
        .filter(|&(start, end)| {
            !text[..start].ends_with(char::is_alphanumeric)
                && !text[end..].starts_with(char::is_alphanumeric)
                && !taken(start, end)
        })
        .filter_map(|(start, end)| {
            Some(Mention {
                document: d,
                paragraph: corpus.paragraph_at(d, start)?,
                start,
                end,
                kind: EntityKind::Person,
                text: name.to_string(),
                form: MentionForm::Name,
            })
        })
        .collect()
}

/// Name mentions of people, per document, in text order. Entity ids index
/// `entities` (they are its positions).
fn person_mentions(documents: usize, entities: &[Entity]) -> Vec<Vec<PersonMention>> {
    name_mentions(documents, entities, |entity, m| {
        entity.kind == EntityKind::Person && m.kind != EntityKind::Group
    })
}

/// Name mentions of everything else (organisations, places, groups), per
/// document, in text order: a speech cue naming one ("Reuters said",
/// "Iraqis say") names that entity. A demonym of one ("Irish murmured")
/// is left out: as a cue's subject it is someone's name.
fn other_mentions(documents: usize, entities: &[Entity]) -> Vec<Vec<PersonMention>> {
    name_mentions(documents, entities, |entity, m| {
        let one_of_a_people = m.kind == EntityKind::Group && !m.text.ends_with('s');
        (entity.kind != EntityKind::Person || m.kind == EntityKind::Group) && !one_of_a_people
    })
}

/// Every name mention of any entity, per document, in text order.
fn all_mentions(documents: usize, entities: &[Entity]) -> Vec<Vec<PersonMention>> {
    name_mentions(documents, entities, |_, _| true)
}

/// The name mentions `keep` takes, per document, in text order, one per byte.
fn name_mentions(
    documents: usize,
    entities: &[Entity],
    keep: impl Fn(&Entity, &Mention) -> bool,
) -> Vec<Vec<PersonMention>> {
    let mut per_document = vec![Vec::new(); documents];
    for entity in entities {
        for m in &entity.mentions {
            if m.form == MentionForm::Name && keep(entity, m) {
                per_document[m.document].push(PersonMention {
                    start: m.start,
                    end: m.end,
                    entity: entity.id,
                });
            }
        }
    }
    for mentions in &mut per_document {
        mentions.sort_by_key(|m| (m.start, m.end));
        // Nested or repeated spans: keep the first, so lookups see one mention per byte.
        mentions.dedup_by(|b, a| b.start < a.end);
    }
    per_document
}

/// Adds each linked pronoun to its entity's mentions, keeping text order.
fn add_pronoun_mentions(
    corpus: &Corpus,
    per_document: &[DocumentAnalysis],
    speech: &[quotes::Speech],
    entities: &mut [Entity],
) {
    let index: HashMap<usize, usize> = entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id, i))
        .collect();
    let mut touched = vec![false; entities.len()];
    for (d, result) in speech.iter().enumerate() {
        let text = &corpus.documents[d].text;
        for (pronoun, link) in per_document[d].pronouns.iter().zip(&result.pronoun_links) {
            let Some(&slot) = link.as_ref().and_then(|e| index.get(e)) else {
                continue;
            };
            let Some(paragraph) = corpus.paragraph_at(d, pronoun.start) else {
                continue;
            };
            entities[slot].mentions.push(Mention {
                document: d,
                paragraph,
                start: pronoun.start,
                end: pronoun.end,
                kind: EntityKind::Person,
                text: text[pronoun.start..pronoun.end].to_string(),
                form: MentionForm::Pronoun,
            });
            touched[slot] = true;
        }
    }
    for (entity, touched) in entities.iter_mut().zip(touched) {
        if touched {
            entity
                .mentions
                .sort_by_key(|m| (m.document, m.start, m.end));
        }
    }
}
