//! Applying a list of corrections to an analysis. Entities are worked on as
//! slots (the analysis's entities, then those split out); at the end the
//! live slots become the new entity list, and quote speakers and timeline
//! entities follow their mentions to wherever they went.

use std::collections::HashMap;

use super::{Correction, Outcome};
use crate::analysis::{Analysis, Entity, EntityKind, Mention, MentionForm};

/// An analysis with corrections applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrected {
    pub analysis: Analysis,
    /// One per correction, in order.
    pub outcomes: Vec<Outcome>,
    /// Per entity of `analysis`, the facts a correction gave it (for the card).
    pub notes: Vec<Vec<String>>,
}

impl Corrected {
    /// The corrections that matched nothing.
    pub fn unmatched(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| !o.applied)
    }
}

struct Slot {
    entity: Entity,
    hidden: bool,
    /// The slot it was merged into.
    merged_into: Option<usize>,
    notes: Vec<String>,
    /// Where it is listed: its own position, or its source's (split ones).
    order: (usize, usize),
}

struct Work {
    slots: Vec<Slot>,
}

/// [`apply`] to an analysis the caller hands over: without corrections it
/// is kept as it is rather than copied (a novel's analysis is tens of MB).
pub fn apply_owned(base: Analysis, corrections: &[Correction]) -> Corrected {
    if corrections.is_empty() {
        return uncorrected(base);
    }
    apply(&base, corrections)
}

/// The analysis as it is, with no corrections and no notes.
fn uncorrected(analysis: Analysis) -> Corrected {
    Corrected {
        notes: vec![Vec::new(); analysis.entities.len()],
        analysis,
        outcomes: Vec::new(),
    }
}

/// Applies `corrections` in order to `base`: pure, and the identity for an
/// empty list.
pub fn apply(base: &Analysis, corrections: &[Correction]) -> Corrected {
    if corrections.is_empty() {
        return uncorrected(base.clone());
    }
    let mut work = Work {
        slots: base
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| Slot {
                entity: e.clone(),
                hidden: false,
                merged_into: None,
                notes: Vec::new(),
                order: (i, 0),
            })
            .collect(),
    };
    let outcomes = corrections
        .iter()
        .map(|c| {
            let result = work.apply(c);
            Outcome {
                correction: c.clone(),
                applied: result.is_ok(),
                note: result.unwrap_or_else(|why| why),
            }
        })
        .collect();
    let (analysis, notes) = work.finish(base);
    Corrected {
        analysis,
        outcomes,
        notes,
    }
}

/// A name as mentions are compared: spaces collapsed, a possessive dropped.
fn normal(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = joined.strip_suffix(suffix) {
            return stem.to_string();
        }
    }
    joined
}

fn same_name(a: &str, b: &str) -> bool {
    normal(a).to_lowercase() == normal(b).to_lowercase()
}

impl Work {
    fn live(&self, mut slot: usize) -> usize {
        while let Some(next) = self.slots[slot].merged_into {
            slot = next;
        }
        slot
    }

    fn is_live(&self, slot: usize) -> bool {
        let s = &self.slots[slot];
        s.merged_into.is_none() && !s.hidden
    }

    /// The entity a correction means by `name`: its display name, exactly,
    /// then ignoring case and spacing; else the entity with that alias that
    /// names it most.
    fn find(&self, name: &str) -> Option<usize> {
        let live = || (0..self.slots.len()).filter(|&s| self.is_live(s));
        live()
            .find(|&s| self.slots[s].entity.name == name)
            .or_else(|| live().find(|&s| same_name(&self.slots[s].entity.name, name)))
            .or_else(|| {
                live()
                    .filter(|&s| {
                        self.slots[s]
                            .entity
                            .aliases
                            .iter()
                            .any(|a| same_name(a, name))
                    })
                    .max_by_key(|&s| {
                        let named = self.slots[s]
                            .entity
                            .names()
                            .filter(|m| same_name(&m.text, name));
                        (named.count(), std::cmp::Reverse(s))
                    })
            })
    }

    fn found(&self, name: &str) -> Result<usize, String> {
        self.find(name)
            .ok_or_else(|| format!("no entity \"{name}\" in this analysis"))
    }

    fn apply(&mut self, correction: &Correction) -> Result<String, String> {
        match correction {
            Correction::Merge { entities, name } => self.merge(entities, name),
            Correction::Split {
                entity,
                alias,
                into,
            } => self.split(entity, alias, into.as_deref()),
            Correction::Rename { entity, name } => {
                let slot = self.found(entity)?;
                let old = self.rename(slot, name);
                self.slots[slot]
                    .notes
                    .push(format!("name set by you (was {old})"));
                Ok(format!("renamed {old}"))
            }
            Correction::Retype { entity, kind } => {
                let slot = self.found(entity)?;
                let old = self.slots[slot].entity.kind;
                set_kind(&mut self.slots[slot].entity, *kind);
                self.slots[slot]
                    .notes
                    .push(format!("kind set by you (was {})", old.as_str()));
                Ok(format!("was {}", old.as_str()))
            }
            Correction::Hide { entity } => {
                let slot = self.found(entity)?;
                self.slots[slot].hidden = true;
                Ok(format!(
                    "{} mentions hidden",
                    self.slots[slot].entity.mentions.len()
                ))
            }
        }
    }

    /// Sets the display name; the old one stays as an alias. Returns the old.
    fn rename(&mut self, slot: usize, name: &str) -> String {
        let entity = &mut self.slots[slot].entity;
        let old = std::mem::replace(&mut entity.name, name.to_string());
        entity.aliases.retain(|a| a != name);
        if old != name && !entity.aliases.contains(&old) {
            entity.aliases.insert(0, old.clone());
        }
        old
    }

    fn merge(&mut self, names: &[String], name: &str) -> Result<String, String> {
        let mut slots: Vec<usize> = Vec::new();
        let mut missing = Vec::new();
        for n in names {
            match self.find(n) {
                Some(s) if !slots.contains(&s) => slots.push(s),
                Some(_) => {}
                None => missing.push(format!("\"{n}\"")),
            }
        }
        if slots.len() < 2 {
            return Err(match missing.is_empty() {
                true => "these names are already one entity".to_string(),
                false => format!("not found: {}", missing.join(", ")),
            });
        }
        let keeper = *slots
            .iter()
            .max_by_key(|&&s| (self.slots[s].entity.name_count(), std::cmp::Reverse(s)))
            .unwrap_or(&slots[0]);
        let kind = self.slots[keeper].entity.kind;
        let mut merged_names = Vec::new();
        let mut aliases: Vec<String> = Vec::new();
        let mut mentions: Vec<Mention> = Vec::new();
        for &s in &slots {
            let entity = &mut self.slots[s].entity;
            merged_names.push(entity.name.clone());
            for alias in std::iter::once(entity.name.clone()).chain(entity.aliases.drain(..)) {
                if alias != name && !aliases.contains(&alias) {
                    aliases.push(alias);
                }
            }
            mentions.append(&mut entity.mentions);
            if s != keeper {
                self.slots[s].merged_into = Some(keeper);
            }
        }
        mentions.sort_by_key(|m| (m.document, m.start, m.end));
        mentions.dedup_by(|b, a| (a.document, a.start, a.end) == (b.document, b.start, b.end));
        let slot = &mut self.slots[keeper];
        slot.entity.name = name.to_string();
        slot.entity.aliases = aliases;
        slot.entity.mentions = mentions;
        set_kind(&mut slot.entity, kind);
        slot.notes
            .push(format!("merged by you from {}", merged_names.join(", ")));
        Ok(match missing.is_empty() {
            true => format!("{} entities", slots.len()),
            false => format!(
                "{} entities; not found: {}",
                slots.len(),
                missing.join(", ")
            ),
        })
    }

    fn split(&mut self, entity: &str, alias: &str, into: Option<&str>) -> Result<String, String> {
        let source = self.found(entity)?;
        let target = match into {
            Some(into) => {
                let target = self.found(into)?;
                if target == source {
                    return Err(format!("\"{into}\" is \"{entity}\" itself"));
                }
                Some(target)
            }
            None => None,
        };
        let from = &self.slots[source].entity;
        let moves = moved_mentions(&from.mentions, alias);
        let moved_names = moves
            .iter()
            .zip(&from.mentions)
            .filter(|(moved, m)| **moved && m.form == MentionForm::Name)
            .count();
        if moved_names == 0 {
            return Err(format!("\"{}\" has no mention \"{alias}\"", from.name));
        }
        if moved_names == from.name_count() {
            return Err(format!(
                "every name of \"{}\" is \"{alias}\": rename it instead",
                from.name
            ));
        }
        let source_name = from.name.clone();
        let kind = from.kind;
        let all = std::mem::take(&mut self.slots[source].entity.mentions);
        let (taken, kept): (Vec<_>, Vec<_>) =
            all.into_iter().zip(moves).partition(|(_, moved)| *moved);
        let taken: Vec<Mention> = taken.into_iter().map(|(m, _)| m).collect();
        let from = &mut self.slots[source].entity;
        from.mentions = kept.into_iter().map(|(m, _)| m).collect();
        from.aliases.retain(|a| !same_name(a, alias));
        if same_name(&from.name, alias) {
            let next = most_frequent_name(from).unwrap_or_else(|| source_name.clone());
            self.rename(source, &next);
            self.slots[source]
                .entity
                .aliases
                .retain(|a| !same_name(a, alias));
        }
        let count = taken.len();
        match target {
            None => {
                let order = (self.slots[source].order.0, self.slots.len() + 1);
                let mut entity = Entity {
                    id: 0,
                    name: normal(alias),
                    kind,
                    aliases: Vec::new(),
                    mentions: taken,
                };
                set_kind(&mut entity, kind);
                self.slots.push(Slot {
                    entity,
                    hidden: false,
                    merged_into: None,
                    notes: vec![format!("split by you out of {source_name}")],
                    order,
                });
                Ok(format!("{count} mentions to a new entity"))
            }
            Some(target) => {
                let slot = &mut self.slots[target];
                let kind = slot.entity.kind;
                slot.entity.mentions.extend(taken);
                slot.entity
                    .mentions
                    .sort_by_key(|m| (m.document, m.start, m.end));
                set_kind(&mut slot.entity, kind);
                let alias = normal(alias);
                if slot.entity.name != alias && !slot.entity.aliases.contains(&alias) {
                    slot.entity.aliases.push(alias.clone());
                }
                slot.notes
                    .push(format!("\"{alias}\" moved here by you from {source_name}"));
                Ok(format!("{count} mentions moved"))
            }
        }
    }

    /// The live slots as entities in list order, with quotes and the
    /// timeline pointing at them.
    fn finish(self, base: &Analysis) -> (Analysis, Vec<Vec<String>>) {
        let mut order: Vec<usize> = (0..self.slots.len()).filter(|&s| self.is_live(s)).collect();
        order.sort_by_key(|&s| self.slots[s].order);
        let mut final_id = vec![None; self.slots.len()];
        for (id, &s) in order.iter().enumerate() {
            final_id[s] = Some(id);
        }
        // Where each mention went, by its span.
        let mut owner_of: HashMap<(usize, usize, usize), usize> = HashMap::new();
        for (id, &s) in order.iter().enumerate() {
            for m in &self.slots[s].entity.mentions {
                owner_of.insert((m.document, m.start, m.end), id);
            }
        }
        let successor = |old: usize| -> Option<usize> {
            let slot = self.live(old);
            final_id[slot]
        };
        let mut analysis = Analysis {
            entities: Vec::with_capacity(order.len()),
            timeline: base.timeline.clone(),
            quotes: base.quotes.clone(),
        };
        for quote in &mut analysis.quotes {
            let Some(old) = quote.speaker else { continue };
            // The speaker follows the mention in its cue ("said Cavendish"), if any.
            let from_cue = quote.cue.and_then(|cue| {
                base.entities.get(old)?.mentions.iter().find_map(|m| {
                    let inside =
                        m.document == quote.document && m.start >= cue.start && m.end <= cue.end;
                    inside
                        .then(|| owner_of.get(&(m.document, m.start, m.end)).copied())
                        .flatten()
                })
            });
            quote.speaker = from_cue.or_else(|| {
                (old < base.entities.len())
                    .then(|| successor(old))
                    .flatten()
            });
        }
        for entry in &mut analysis.timeline {
            let mut now: Vec<usize> = Vec::new();
            for &old in &entry.entities {
                let Some(entity) = base.entities.get(old) else {
                    continue;
                };
                let here: Vec<usize> = entity
                    .mentions
                    .iter()
                    .filter(|m| m.document == entry.document && m.paragraph == entry.paragraph)
                    .filter_map(|m| owner_of.get(&(m.document, m.start, m.end)).copied())
                    .collect();
                if here.is_empty() {
                    now.extend(successor(old));
                } else {
                    now.extend(here);
                }
            }
            let mut seen = std::collections::HashSet::new();
            now.retain(|id| seen.insert(*id));
            entry.entities = now;
        }
        let mut slots: Vec<Option<Slot>> = self.slots.into_iter().map(Some).collect();
        let mut notes = Vec::with_capacity(order.len());
        for (id, &s) in order.iter().enumerate() {
            let Some(slot) = slots[s].take() else {
                continue;
            };
            let mut entity = slot.entity;
            entity.id = id;
            analysis.entities.push(entity);
            notes.push(slot.notes);
        }
        (analysis, notes)
    }
}

/// One kind for the entity and its mentions; a demonym stays a group mention.
fn set_kind(entity: &mut Entity, kind: EntityKind) {
    entity.kind = kind;
    for m in entity.mentions.iter_mut() {
        if m.kind != EntityKind::Group {
            m.kind = kind;
        }
    }
}

/// Which mentions go with `alias`: its name mentions, and each pronoun whose
/// nearest name before it (in its document) is one of them.
fn moved_mentions(mentions: &[Mention], alias: &str) -> Vec<bool> {
    let alias = normal(alias);
    let mut last_name: Option<(usize, bool)> = None;
    mentions
        .iter()
        .map(|m| match m.form {
            MentionForm::Name => {
                let moved = normal(&m.text) == alias;
                last_name = Some((m.document, moved));
                moved
            }
            MentionForm::Pronoun => {
                matches!(last_name, Some((document, true)) if document == m.document)
            }
        })
        .collect()
}

/// Its most frequent name mention.
fn most_frequent_name(entity: &Entity) -> Option<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for m in entity.names() {
        *counts.entry(normal(&m.text)).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(name, _)| name)
}
