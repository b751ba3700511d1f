//! LitBank's gold names as training sentences for the tagger.
//!
//! LitBank (`gold.json` + `docs/`, see `../shared/data/litbank-dev/README.md`)
//! marks every proper-name mention (`prop: PROP`) of people, places,
//! facilities, organisations and vehicles. They become CoNLL-style spans:
//! PER -> PER, GPE/LOC/FAC -> LOC, ORG -> ORG, VEH -> MISC. A leading title
//! ("Mr. Bennet", "Sir John") and a leading "the" ("the Admiral Benbow") are
//! left out of the span, as CoNLL-2003 does ("Mr. [Kohl]"), so the two corpora
//! teach one convention and the mention cleaner keeps reading titles as cues.
//! Nested names keep the outermost; only sentences inside the annotated
//! excerpt are used. Tokens and sentences come from the app's own tokenizer,
//! so training sees exactly what the analysis will.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

use super::conll::{Document, Sentence};
use super::{NerSpan, NerType};
use crate::analysis::entities::lexicon::lexicon;
use crate::analysis::tokens;

#[derive(Deserialize)]
struct Gold {
    docs: BTreeMap<String, GoldDocument>,
}

#[derive(Deserialize)]
struct GoldDocument {
    annotated: Range,
    #[serde(default)]
    entities: Vec<GoldMention>,
}

#[derive(Deserialize, Clone, Copy)]
struct Range {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct GoldMention {
    start: usize,
    end: usize,
    label: String,
    prop: String,
}

/// One annotated book: its file name and its sentences with gold names.
#[derive(Debug, Clone)]
pub struct Book {
    /// The file name under `docs/`, e.g. `1342_pride_and_prejudice.txt`.
    pub name: String,
    pub document: Document,
}

/// Reads every book of a LitBank folder (`gold.json` and `docs/`), sorted by name.
pub fn load(dir: &Path) -> Result<Vec<Book>> {
    let gold_path = dir.join("gold.json");
    let gold: Gold = serde_json::from_str(
        &std::fs::read_to_string(&gold_path)
            .with_context(|| format!("reading {}", gold_path.display()))?,
    )
    .with_context(|| format!("{}: not LitBank gold JSON", gold_path.display()))?;
    gold.docs
        .into_iter()
        .map(|(name, doc)| {
            let path = dir.join("docs").join(&name);
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let document = sentences_with_names(&text, &doc);
            Ok(Book { name, document })
        })
        .collect()
}

fn ner_type(label: &str) -> Option<NerType> {
    Some(match label {
        "PER" => NerType::Per,
        "GPE" | "LOC" | "FAC" => NerType::Loc,
        "ORG" => NerType::Org,
        "VEH" => NerType::Misc,
        _ => return None,
    })
}

/// The outermost proper-name spans, in text order, without overlaps.
fn outermost_names(doc: &GoldDocument) -> Vec<(usize, usize, NerType)> {
    let mut names: Vec<(usize, usize, NerType)> = doc
        .entities
        .iter()
        .filter(|m| m.prop == "PROP")
        .filter_map(|m| Some((m.start, m.end, ner_type(&m.label)?)))
        .collect();
    // Longest first among those starting together, so the outer one wins.
    names.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut kept: Vec<(usize, usize, NerType)> = Vec::new();
    for name in names {
        if kept.last().is_none_or(|last| name.0 >= last.1) {
            kept.push(name);
        }
    }
    kept
}

fn sentences_with_names(text: &str, doc: &GoldDocument) -> Document {
    let tokens = tokens::tokenize(text, 0..text.len());
    let sentences = tokens::sentences(text, &tokens);
    let names = outermost_names(doc);
    let mut document = Document::default();
    for sentence in &sentences {
        let inside =
            sentence.bytes.start >= doc.annotated.start && sentence.bytes.end <= doc.annotated.end;
        if !inside || sentence.tokens.is_empty() {
            continue;
        }
        let sentence_tokens = &tokens[sentence.tokens.clone()];
        let words: Vec<&str> = sentence_tokens.iter().map(|t| t.text(text)).collect();
        let mut entities = Vec::new();
        for &(start, end, label) in names
            .iter()
            .filter(|n| n.0 >= sentence.bytes.start && n.1 <= sentence.bytes.end)
        {
            let first = sentence_tokens.iter().position(|t| t.start >= start);
            let last = sentence_tokens.iter().rposition(|t| t.end <= end);
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            if first > last {
                continue;
            }
            let first = first + leading_words_to_drop(&words[first..=last], label);
            if first <= last {
                entities.push(NerSpan {
                    tokens: first..last + 1,
                    label,
                });
            }
        }
        document.sentences.push(Sentence {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            entities,
        });
    }
    document
}

/// How many words at the front of a gold name CoNLL would leave out: "the",
/// and a person's titles ("Mr.", "Sir", "Lady"), as long as a name remains.
fn leading_words_to_drop(name: &[&str], label: NerType) -> usize {
    let mut dropped = 0;
    if name.len() > 1 && name[0].eq_ignore_ascii_case("the") {
        dropped = 1;
    }
    if label == NerType::Per {
        while let Some((n, _)) = lexicon().title_at_start(&name[dropped..]) {
            if dropped + n >= name.len() {
                break;
            }
            dropped += n;
        }
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(entities: &[(usize, usize, &str, &str)], annotated: usize) -> GoldDocument {
        GoldDocument {
            annotated: Range {
                start: 0,
                end: annotated,
            },
            entities: entities
                .iter()
                .map(|&(start, end, label, prop)| GoldMention {
                    start,
                    end,
                    label: label.to_owned(),
                    prop: prop.to_owned(),
                })
                .collect(),
        }
    }

    fn spans(document: &Document) -> Vec<(String, NerType)> {
        document
            .sentences
            .iter()
            .flat_map(|s| {
                s.entities
                    .iter()
                    .map(|e| (s.words[e.tokens.clone()].join(" "), e.label))
            })
            .collect()
    }

    #[test]
    fn titles_and_articles_are_left_out_as_in_conll() {
        let text = "Mr. Ledbury walked to the Blue Anchor with Sir Tom Vane.";
        let at = |needle: &str| text.find(needle).unwrap_or(0);
        let doc = gold(
            &[
                (at("Mr."), at(" walked"), "PER", "PROP"),
                (at("the Blue"), at(" with"), "FAC", "PROP"),
                (at("Sir"), text.len() - 1, "PER", "PROP"),
                (at("Tom"), at(" Vane"), "PER", "PROP"),
                (at("walked"), at(" to"), "PER", "NOM"),
            ],
            text.len(),
        );
        let document = sentences_with_names(text, &doc);
        assert_eq!(
            spans(&document),
            vec![
                ("Ledbury".to_owned(), NerType::Per),
                ("Blue Anchor".to_owned(), NerType::Loc),
                ("Tom Vane".to_owned(), NerType::Per),
            ]
        );
    }

    #[test]
    fn sentences_outside_the_excerpt_are_skipped() {
        let text = "Jem ran.\n\nKit sat.";
        let doc = gold(&[(0, 3, "PER", "PROP")], 9);
        let document = sentences_with_names(text, &doc);
        assert_eq!(document.sentences.len(), 1);
        assert_eq!(spans(&document), vec![("Jem".to_owned(), NerType::Per)]);
    }

    #[test]
    fn a_bare_title_stays_a_name() {
        assert_eq!(leading_words_to_drop(&["the", "Colonel"], NerType::Per), 1);
        assert_eq!(leading_words_to_drop(&["Lady", "Ann"], NerType::Per), 1);
        assert_eq!(leading_words_to_drop(&["Lady", "Ann"], NerType::Loc), 0);
    }
}
