//! Named-entity mentions and their grouping into entities.
//! (First version: capitalised phrases; see the issue tracker.)

use std::collections::HashMap;

use super::tokens::{Sentence, Token};
use super::{Entity, EntityKind, Mention};

/// A mention found in one document, before clustering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// Capitalised phrases that do not start a sentence.
pub fn find_mentions(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<RawMention> {
    let mut mentions = Vec::new();
    for sentence in sentences {
        let mut i = sentence.tokens.start + 1;
        while i < sentence.tokens.end {
            if is_capitalised(tokens[i].text(text)) {
                let start = i;
                while i < sentence.tokens.end && is_capitalised(tokens[i].text(text)) {
                    i += 1;
                }
                mentions.push(RawMention {
                    start: tokens[start].start,
                    end: tokens[i - 1].end,
                    kind: EntityKind::Other,
                });
            }
            i += 1;
        }
    }
    mentions
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Groups mentions into entities by exact name; most mentioned first.
pub fn cluster(mentions: Vec<Mention>) -> Vec<Entity> {
    let mut by_name: HashMap<String, Vec<Mention>> = HashMap::new();
    for mention in mentions {
        by_name
            .entry(mention.text.clone())
            .or_default()
            .push(mention);
    }
    let mut entities: Vec<Entity> = by_name
        .into_iter()
        .map(|(name, mentions)| Entity {
            id: 0,
            kind: mentions[0].kind,
            name,
            aliases: Vec::new(),
            mentions,
        })
        .collect();
    entities.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    for (id, entity) in entities.iter_mut().enumerate() {
        entity.id = id;
    }
    entities
}
