//! CoNLL-2003 files: documents split by `-DOCSTART-`, sentences by blank
//! lines, the token in the first column and its IOB1 entity tag in the last.

use super::{NerSpan, NerType};

/// One annotated sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub entities: Vec<NerSpan>,
}

/// The sentences of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

impl Document {
    pub fn words(&self) -> Vec<Vec<&str>> {
        self.sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect()
    }

    pub fn tokens(&self) -> usize {
        self.sentences.iter().map(|s| s.words.len()).sum()
    }
}

/// Parses CoNLL text. Lines with a single column count as untagged (`O`).
pub fn parse(text: &str) -> Vec<Document> {
    let mut documents = Vec::new();
    let mut document = Document::default();
    let mut words = Vec::new();
    let mut tags: Vec<&str> = Vec::new();
    let end_sentence = |words: &mut Vec<String>, tags: &mut Vec<&str>, document: &mut Document| {
        if !words.is_empty() {
            let entities = iob1_spans(tags);
            document.sentences.push(Sentence {
                words: std::mem::take(words),
                entities,
            });
            tags.clear();
        }
    };
    for line in text.lines() {
        let mut columns = line.split_whitespace();
        let Some(token) = columns.next() else {
            end_sentence(&mut words, &mut tags, &mut document);
            continue;
        };
        if token == "-DOCSTART-" {
            end_sentence(&mut words, &mut tags, &mut document);
            if !document.sentences.is_empty() {
                documents.push(std::mem::take(&mut document));
            }
            continue;
        }
        words.push(token.to_owned());
        tags.push(columns.last().unwrap_or("O"));
    }
    end_sentence(&mut words, &mut tags, &mut document);
    if !document.sentences.is_empty() {
        documents.push(document);
    }
    documents
}

fn parse_tag(tag: &str) -> Option<(bool, NerType)> {
    let (prefix, kind) = tag.split_once('-')?;
    let kind = match kind {
        "PER" => NerType::Per,
        "ORG" => NerType::Org,
        "LOC" => NerType::Loc,
        "MISC" => NerType::Misc,
        _ => return None,
    };
    Some((prefix == "B", kind))
}

/// Entity spans of IOB1 (or IOB2) tags: a span starts at `B-X`, or at `I-X`
/// after a token that is not in an `X` entity, and runs over the `I-X` after it.
pub fn iob1_spans(tags: &[&str]) -> Vec<NerSpan> {
    let mut spans: Vec<NerSpan> = Vec::new();
    let mut open: Option<(NerType, usize)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let parsed = parse_tag(tag);
        let continues = matches!((open, parsed), (Some((a, _)), Some((false, b))) if a == b);
        if !continues {
            if let Some((label, start)) = open.take() {
                spans.push(NerSpan {
                    tokens: start..i,
                    label,
                });
            }
            open = parsed.map(|(_, kind)| (kind, i));
        }
    }
    if let Some((label, start)) = open {
        spans.push(NerSpan {
            tokens: start..tags.len(),
            label,
        });
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(tokens: std::ops::Range<usize>, label: NerType) -> NerSpan {
        NerSpan { tokens, label }
    }

    #[test]
    fn iob1_starts_spans_at_b_and_at_type_changes() {
        let tags = [
            "I-ORG", "O", "I-PER", "I-PER", "B-PER", "I-LOC", "I-MISC", "O", "I-LOC",
        ];
        assert_eq!(
            iob1_spans(&tags),
            vec![
                span(0..1, NerType::Org),
                span(2..4, NerType::Per),
                span(4..5, NerType::Per),
                span(5..6, NerType::Loc),
                span(6..7, NerType::Misc),
                span(8..9, NerType::Loc),
            ]
        );
    }

    #[test]
    fn parses_documents_and_sentences() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n\
                    -DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";
        let documents = parse(text);
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].sentences.len(), 2);
        assert_eq!(documents[0].sentences[0].words, vec!["EU", "rejects"]);
        assert_eq!(
            documents[0].sentences[0].entities,
            vec![span(0..1, NerType::Org)]
        );
        assert_eq!(
            documents[1].sentences[0].entities,
            vec![span(0..1, NerType::Loc)]
        );
        assert_eq!(documents[1].tokens(), 1);
    }
}
