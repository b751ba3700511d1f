//! The BILOU label set: which labels may follow which, and conversion
//! between label sequences and entity spans.

use super::{NerSpan, NerType};

/// The four entity types, in label order.
pub const TYPES: [NerType; 4] = [NerType::Per, NerType::Org, NerType::Loc, NerType::Misc];

/// `O` plus Begin/Inside/Last/Unit for each of the four types.
pub const N_LABELS: usize = 1 + 4 * TYPES.len();

/// The label of tokens outside any entity.
pub const OUTSIDE: u8 = 0;

/// Where a token sits inside its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

pub fn type_index(label: NerType) -> usize {
    match label {
        NerType::Per => 0,
        NerType::Org => 1,
        NerType::Loc => 2,
        NerType::Misc => 3,
    }
}

pub fn label(kind: NerType, part: Part) -> u8 {
    let part_index = PARTS.iter().position(|&p| p == part).unwrap_or(0);
    (1 + type_index(kind) * 4 + part_index) as u8
}

/// The type and part of a label, or `None` for `O`.
pub fn decode(label: u8) -> Option<(NerType, Part)> {
    let index = usize::from(label).checked_sub(1)?;
    Some((*TYPES.get(index / 4)?, PARTS[index % 4]))
}

/// Whether `next` may directly follow `previous` in a well-formed sequence.
pub fn may_follow(previous: u8, next: u8) -> bool {
    let open = |l: u8| matches!(decode(l), Some((_, Part::Begin | Part::Inside)));
    match (decode(previous), decode(next)) {
        (Some((a, Part::Begin | Part::Inside)), Some((b, Part::Inside | Part::Last))) => a == b,
        _ => !open(previous) && !matches!(decode(next), Some((_, Part::Inside | Part::Last))),
    }
}

/// Whether a sentence may start with `label`.
pub fn may_start(label: u8) -> bool {
    may_follow(OUTSIDE, label)
}

/// Whether a sentence may end with `label`.
pub fn may_end(label: u8) -> bool {
    may_follow(label, OUTSIDE)
}

/// The BILOU labels of a sentence of `len` tokens with these spans.
pub fn from_spans(spans: &[NerSpan], len: usize) -> Vec<u8> {
    let mut labels = vec![OUTSIDE; len];
    for span in spans {
        let range = span.tokens.start.min(len)..span.tokens.end.min(len);
        if range.is_empty() {
            continue;
        }
        if range.len() == 1 {
            labels[range.start] = label(span.label, Part::Unit);
            continue;
        }
        for i in range.clone() {
            labels[i] = label(span.label, Part::Inside);
        }
        labels[range.start] = label(span.label, Part::Begin);
        labels[range.end - 1] = label(span.label, Part::Last);
    }
    labels
}

/// The spans of a label sequence. Ill-formed sequences are read leniently:
/// an entity continues while the type stays the same and no new entity begins.
pub fn to_spans(labels: &[u8]) -> Vec<NerSpan> {
    let mut spans: Vec<NerSpan> = Vec::new();
    let mut open: Option<(NerType, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let current = decode(l);
        if let Some((kind, start)) = open {
            let continues = matches!(current, Some((k, Part::Inside | Part::Last)) if k == kind);
            if !continues {
                spans.push(NerSpan {
                    tokens: start..i,
                    label: kind,
                });
                open = None;
            }
        }
        match current {
            Some((kind, Part::Begin | Part::Unit)) => open = Some((kind, i)),
            Some((kind, _)) if open.is_none() => open = Some((kind, i)),
            _ => {}
        }
        if let (Some((kind, start)), Some((_, Part::Last | Part::Unit))) = (open, current) {
            spans.push(NerSpan {
                tokens: start..i + 1,
                label: kind,
            });
            open = None;
        }
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
            span(4..7, NerType::Org),
        ];
        let labels = from_spans(&spans, 8);
        assert_eq!(labels[0], label(NerType::Per, Part::Begin));
        assert_eq!(labels[1], label(NerType::Per, Part::Last));
        assert_eq!(labels[3], label(NerType::Loc, Part::Unit));
        assert_eq!(labels[5], label(NerType::Org, Part::Inside));
        assert_eq!(to_spans(&labels), spans);
    }

    #[test]
    fn transitions_follow_bilou() {
        let per_b = label(NerType::Per, Part::Begin);
        let per_i = label(NerType::Per, Part::Inside);
        let per_l = label(NerType::Per, Part::Last);
        let org_l = label(NerType::Org, Part::Last);
        let loc_u = label(NerType::Loc, Part::Unit);
        assert!(may_follow(per_b, per_i) && may_follow(per_i, per_l));
        assert!(!may_follow(per_b, org_l) && !may_follow(per_b, OUTSIDE));
        assert!(may_follow(per_l, loc_u) && may_follow(OUTSIDE, per_b));
        assert!(!may_follow(OUTSIDE, per_i) && !may_follow(loc_u, per_l));
        assert!(may_start(per_b) && !may_start(per_l) && may_end(per_l) && !may_end(per_b));
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
