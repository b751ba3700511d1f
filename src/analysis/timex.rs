//! Temporal expressions and their TIMEX3 normalisation.
//! (First version: four-digit years only; see the issue tracker.)

use jiff::civil::Date;

use super::tokens::{Sentence, Token};
use super::TimexType;

/// A temporal expression found in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpression {
    pub start: usize,
    pub end: usize,
    pub timex_type: TimexType,
    pub value: String,
}

/// Finds and normalises temporal expressions; `reference` resolves relative ones.
pub fn tag(
    text: &str,
    tokens: &[Token],
    _sentences: &[Sentence],
    _reference: Option<Date>,
) -> Vec<TimeExpression> {
    tokens
        .iter()
        .filter(|t| {
            let word = t.text(text);
            word.len() == 4
                && word.bytes().all(|b| b.is_ascii_digit())
                && word.starts_with(['1', '2'])
        })
        .map(|t| TimeExpression {
            start: t.start,
            end: t.end,
            timex_type: TimexType::Date,
            value: t.text(text).to_string(),
        })
        .collect()
}
