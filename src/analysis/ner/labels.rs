//! The BIO label set: which labels may follow which, and conversion between
//! label sequences and entity spans. (BILOU labels scored about half a point
//! of F1 higher on the CoNLL dev file but made tagging a third slower.)

use super::{NerSpan, NerType};

/// The four entity types, in label order.
pub const TYPES: [NerType; 4] = [NerType::Per, NerType::Org, NerType::Loc, NerType::Misc];

/// Where a token sits inside its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
}

const PARTS: [Part; 2] = [Part::Begin, Part::Inside];

/// `O` plus Begin and Inside for each of the four types.
pub const N_LABELS: usize = 1 + PARTS.len() * TYPES.len();

/// The label of tokens outside any entity.
pub const OUTSIDE: u8 = 0;

pub fn type_index(label: NerType) -> usize {
    match label {
        NerType::Per => 0,
        NerType::Org => 1,
        NerType::Loc => 2,
        NerType::Misc => 3,
    }
}

pub fn label(kind: NerType, part: Part) -> u8 {
    let part_index = match part {
        Part::Begin => 0,
        Part::Inside => 1,
    };
    (1 + type_index(kind) * PARTS.len() + part_index) as u8
}

/// The type and part of a label, or `None` for `O`.
pub fn decode(label: u8) -> Option<(NerType, Part)> {
    let index = usize::from(label).checked_sub(1)?;
    Some((*TYPES.get(index / PARTS.len())?, PARTS[index % PARTS.len()]))
}

/// Whether `next` may directly follow `previous`: an Inside label only
/// continues an entity of its own type.
pub fn may_follow(previous: u8, next: u8) -> bool {
    match (decode(previous), decode(next)) {
        (Some((a, _)), Some((b, Part::Inside))) => a == b,
        (None, Some((_, Part::Inside))) => false,
        _ => true,
    }
}

/// Whether a sentence may start with `label`.
pub fn may_start(label: u8) -> bool {
    may_follow(OUTSIDE, label)
}

/// Whether a sentence may end with `label` (any label may).
pub fn may_end(label: u8) -> bool {
    decode(label).is_some() || label == OUTSIDE
}

/// The BIO labels of a sentence of `len` tokens with these spans.
pub fn from_spans(spans: &[NerSpan], len: usize) -> Vec<u8> {
    let mut labels = vec![OUTSIDE; len];
    for span in spans {
        let range = span.tokens.start.min(len)..span.tokens.end.min(len);
        if range.is_empty() {
            continue;
        }
        for i in range.clone() {
            labels[i] = label(span.label, Part::Inside);
        }
        labels[range.start] = label(span.label, Part::Begin);
    }
    labels
}

/// The spans of a label sequence. Ill-formed sequences are read leniently:
/// an Inside label that continues nothing starts an entity.
pub fn to_spans(labels: &[u8]) -> Vec<NerSpan> {
    let mut spans: Vec<NerSpan> = Vec::new();
    let mut open: Option<(NerType, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let current = decode(l);
        let continues =
            matches!((open, current), (Some((a, _)), Some((b, Part::Inside))) if a == b);
        if continues {
            continue;
        }
        if let Some((kind, start)) = open.take() {
            spans.push(NerSpan {
                tokens: start..i,
                label: kind,
            });
        }
        open = current.map(|(kind, _)| (kind, i));
    }
    if let Some((kind, start)) = open {
        spans.push(NerSpan {
            tokens: start..labels.len(),
            label: kind,
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
    fn spans_round_trip_through_labels() {
        let spans = vec![
            span(0..2, NerType::Per),
            span(3..4, NerType::Loc),
            span(4..7, NerType::Loc),
        ];
        let labels = from_spans(&spans, 8);
        assert_eq!(labels[0], label(NerType::Per, Part::Begin));
        assert_eq!(labels[1], label(NerType::Per, Part::Inside));
        assert_eq!(labels[3], label(NerType::Loc, Part::Begin));
        // Adjacent entities of one type stay apart.
        assert_eq!(labels[4], label(NerType::Loc, Part::Begin));
        assert_eq!(labels[7], OUTSIDE);
        assert_eq!(to_spans(&labels), spans);
    }

    #[test]
    fn transitions_follow_bio() {
        let per_b = label(NerType::Per, Part::Begin);
        let per_i = label(NerType::Per, Part::Inside);
        let org_i = label(NerType::Org, Part::Inside);
        let loc_b = label(NerType::Loc, Part::Begin);
        assert!(may_follow(per_b, per_i) && may_follow(per_i, per_i));
        assert!(!may_follow(per_b, org_i) && !may_follow(OUTSIDE, per_i));
        assert!(may_follow(per_i, loc_b) && may_follow(per_b, OUTSIDE));
        assert!(may_start(per_b) && !may_start(per_i) && may_end(per_i) && may_end(OUTSIDE));
    }

    #[test]
    fn ill_formed_sequences_still_give_spans() {
        let per_i = label(NerType::Per, Part::Inside);
        let org_i = label(NerType::Org, Part::Inside);
        assert_eq!(
            to_spans(&[per_i, per_i, org_i, OUTSIDE]),
            vec![span(0..2, NerType::Per), span(2..3, NerType::Org)]
        );
    }
}
