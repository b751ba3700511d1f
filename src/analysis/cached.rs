//! Serde for per-document types that do not derive it themselves, so
//! [`super::DocumentAnalysis`] can be stored in the cache. Each mirror
//! lists the fields of its type; a field added there must be added here
//! (the compiler says so), or the type can derive serde and drop its mirror.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::entities::{MentionHints, RawMention};
use super::EntityKind;

#[derive(Serialize, Deserialize)]
struct Mirror {
    start: usize,
    end: usize,
    kind: EntityKind,
    title: Option<String>,
    defines: Option<String>,
}

/// `#[serde(with = "cached::raw_mentions")]` for `Vec<RawMention>`.
pub mod raw_mentions {
    use super::*;

    pub fn serialize<S: Serializer>(
        mentions: &[RawMention],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(mentions.iter().map(|m| {
            let RawMention {
                start,
                end,
                kind,
                hints: MentionHints { title, defines },
            } = m.clone();
            Mirror {
                start,
                end,
                kind,
                title,
                defines,
            }
        }))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<RawMention>, D::Error> {
        let mirrors = Vec::<Mirror>::deserialize(deserializer)?;
        Ok(mirrors
            .into_iter()
            .map(|m| RawMention {
                start: m.start,
                end: m.end,
                kind: m.kind,
                hints: MentionHints {
                    title: m.title,
                    defines: m.defines,
                },
            })
            .collect())
    }
}
