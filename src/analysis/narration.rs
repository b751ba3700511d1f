//! The narrator entity of each first-person document, found before the
//! speakers and pronouns (see [`super::coref::narrator`]): the character the
//! narration names itself as, when one of the cast has that name; else a new
//! entity of that name (its self-naming a name mention), or "Narrator".

use super::coref::narrator;
use super::quotes::Narration;
use super::{DocumentAnalysis, Entity, EntityKind, Mention, MentionForm};
use crate::corpus::Corpus;

/// Per document, its narrator (None for third-person ones). New narrator
/// entities are appended to `entities`.
pub(super) fn narrators(
    corpus: &Corpus,
    per_document: &[DocumentAnalysis],
    entities: &mut Vec<Entity>,
) -> Vec<Option<Narration>> {
    let narrated: Vec<bool> = per_document.iter().map(|r| r.narrated).collect();
    let unnamed_count = narrated.iter().filter(|&&n| n).count();
    let mut out = Vec::with_capacity(narrated.len());
    for (d, narrated) in narrated.into_iter().enumerate() {
        if !narrated {
            out.push(None);
            continue;
        }
        let doc = &corpus.documents[d];
        let quotes = quote_spans(&per_document[d]);
        let named = narrator::self_named(&doc.text, doc.body.clone(), &quotes);
        let known = named.as_ref().and_then(|(name, range)| {
            person_named(entities, name).or_else(|| named_at(entities, d, range))
        });
        let entity = match (known, named) {
            (Some(entity), _) => Narration {
                entity,
                named: true,
            },
            (None, Some((name, range))) => {
                let mention = corpus
                    .paragraph_at(d, range.start)
                    .map(|paragraph| Mention {
                        document: d,
                        paragraph,
                        start: range.start,
                        end: range.end,
                        kind: EntityKind::Person,
                        text: name.clone(),
                        form: MentionForm::Name,
                    });
                Narration {
                    entity: push_entity(entities, name, mention),
                    named: true,
                }
            }
            (None, None) => {
                let name = match unnamed_count {
                    1 => narrator::UNNAMED.to_string(),
                    _ => format!("{} ({})", narrator::UNNAMED, doc.title),
                };
                Narration {
                    entity: push_entity(entities, name, None),
                    named: false,
                }
            }
        };
        out.push(Some(entity));
    }
    out
}

fn quote_spans(result: &DocumentAnalysis) -> Vec<std::ops::Range<usize>> {
    result.quotes.iter().map(|q| q.start..q.end).collect()
}

/// The person of the cast who goes by `name`: by display name or alias, or
/// whose name has every word of it ("Lockwood" for "Mr. Lockwood"); the
/// most named one.
fn person_named(entities: &[Entity], name: &str) -> Option<usize> {
    let words: Vec<&str> = name.split_whitespace().collect();
    entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter(|e| {
            e.name.eq_ignore_ascii_case(name)
                || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
                || words
                    .iter()
                    .all(|w| e.name.split_whitespace().any(|n| n == *w))
        })
        .max_by_key(|e| (e.name_count(), std::cmp::Reverse(e.id)))
        .map(|e| e.id)
}

/// The entity the tagger made of the self-naming span itself ("Call me
/// [Ishmael]" tagged a place): the narrator, so a person.
fn named_at(
    entities: &mut [Entity],
    document: usize,
    range: &std::ops::Range<usize>,
) -> Option<usize> {
    let entity = entities.iter_mut().find(|e| {
        e.names()
            .any(|m| m.document == document && m.start < range.end && range.start < m.end)
    })?;
    entity.kind = EntityKind::Person;
    for m in entity
        .mentions
        .iter_mut()
        .filter(|m| m.kind != EntityKind::Group)
    {
        m.kind = EntityKind::Person;
    }
    Some(entity.id)
}

fn push_entity(entities: &mut Vec<Entity>, name: String, mention: Option<Mention>) -> usize {
    let id = entities.len();
    entities.push(Entity {
        id,
        name,
        kind: EntityKind::Person,
        aliases: Vec::new(),
        mentions: mention.into_iter().collect(),
    });
    id
}

/// Drops trailing narrator entities that nothing links to (the dialogue
/// named the narrator after all), so no entity is left without mentions.
pub(super) fn drop_unused(
    entities: &mut Vec<Entity>,
    narrations: &[Option<Narration>],
    speech: &[super::quotes::Speech],
) {
    let placeholders: Vec<usize> = narrations
        .iter()
        .flatten()
        .filter(|n| !n.named)
        .map(|n| n.entity)
        .collect();
    while let Some(last) = entities.last() {
        let unused = last.mentions.is_empty()
            && placeholders.contains(&last.id)
            && speech.iter().all(|s| {
                s.narrator != Some(last.id) && s.quotes.iter().all(|q| q.speaker != Some(last.id))
            });
        if !unused {
            break;
        }
        entities.pop();
    }
}
