//! Distinctive words: log-likelihood keyness of a target part of the story
//! against the rest (Dunning 1993, as AntConc's Keyword list computes it).
//!
//! With `a` hits in a target of `c` words and `b` in a reference of `d`:
//! `E1 = c(a+b)/(c+d)`, `E2 = d(a+b)/(c+d)`,
//! `LL = 2(a ln(a/E1) + b ln(b/E2))`. Only words relatively more frequent
//! in the target (positive keyness) are listed, strongest first; 3.84 is
//! p < 0.05 and 15.13 p < 0.0001 with one degree of freedom.

use std::collections::HashMap;

use crate::corpus::Corpus;

/// One distinctive word.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub word: String,
    /// Occurrences in the target and in the rest of the story.
    pub target: usize,
    pub reference: usize,
    pub log_likelihood: f64,
}

/// Words below this many hits in the target are left out (noise).
const MIN_TARGET_HITS: usize = 2;
/// Keyness below p < 0.05 is left out (AntConc's default threshold).
const MIN_LOG_LIKELIHOOD: f64 = 3.84;

/// Keywords of the paragraphs `target` (ids, any order) against every other
/// paragraph of the corpus, strongest first, at most `limit`.
pub fn keywords(corpus: &Corpus, target: &[usize], limit: usize) -> Vec<Keyword> {
    let mut in_target = vec![false; corpus.paragraphs.len()];
    for &p in target {
        if let Some(flag) = in_target.get_mut(p) {
            *flag = true;
        }
    }
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let (mut c, mut d) = (0usize, 0usize);
    for paragraph in &corpus.paragraphs {
        let chosen = in_target[paragraph.id];
        let mut count = |term: String| {
            let entry = counts.entry(term).or_default();
            if chosen {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        };
        let mut previous: Option<String> = None;
        for word in words(corpus.paragraph_text(paragraph)) {
            // Two-word phrases count beside their words; the sizes
            // compared are in words.
            if let Some(before) = previous.take() {
                count(format!("{before} {word}"));
            }
            count(word.clone());
            if chosen {
                c += 1;
            } else {
                d += 1;
            }
            previous = Some(word);
        }
    }
    let mut found: Vec<Keyword> = counts
        .into_iter()
        .filter(|(_, (a, _))| *a >= MIN_TARGET_HITS)
        .filter_map(|(word, (a, b))| {
            let ll = log_likelihood(a, b, c, d)?;
            Some(Keyword {
                word,
                target: a,
                reference: b,
                log_likelihood: ll,
            })
        })
        .filter(|k| k.log_likelihood >= MIN_LOG_LIKELIHOOD)
        .collect();
    found.sort_by(|x, y| {
        y.log_likelihood
            .total_cmp(&x.log_likelihood)
            .then_with(|| x.word.cmp(&y.word))
    });
    found.truncate(limit);
    found
}

/// Positive keyness only: `None` when the word is not relatively more
/// frequent in the target, or either part is empty.
pub fn log_likelihood(a: usize, b: usize, c: usize, d: usize) -> Option<f64> {
    if c == 0 || d == 0 {
        return None;
    }
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    if a / c <= b / d {
        return None;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let term = |observed: f64, expected: f64| {
        if observed == 0.0 {
            0.0
        } else {
            observed * (observed / expected).ln()
        }
    };
    Some(2.0 * (term(a, e1) + term(b, e2)))
}

/// Lower-case words of letters (an inner apostrophe, hyphen or period
/// kept: "don't", "sub-prime", "u.s"); numbers are left out.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.')))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dunning_log_likelihood() {
        // 10 of 1000 words against 10 of 10000: LL = 2(10 ln(10/1.818) + 10 ln(10/18.18)).
        let ll = log_likelihood(10, 10, 1000, 10000).unwrap_or_default();
        let expected =
            2.0 * (10.0 * (10.0f64 / (20.0 / 11.0)).ln() + 10.0 * (10.0f64 / (200.0 / 11.0)).ln());
        assert!((ll - expected).abs() < 1e-9, "{ll} vs {expected}");
        assert_eq!(
            log_likelihood(1, 10, 1000, 10000),
            None,
            "rarer in the target"
        );
    }
}
