//! Spans that name several things, and acronym definitions.

use super::*;

/// Splits spans that name several things: "West Asia News Agency /
/// Reuters" (separating punctuation), "Collins and Lizzy", "Sónya love
/// Nicholas" (a person span, or one opening with "Mr.", joined by a
/// conjunction, comma or other lowercase word but a name particle) and "Dólokhov’s Cossack" (a possessive inside).
/// Organisation names keep conjunctions and possessives ("Procter and
/// Gamble", "McDonald's").
pub(super) fn split_span(
    words: &[&str],
    span: Range<usize>,
    label: NerType,
) -> Vec<(Range<usize>, NerType)> {
    let is_joint = |w: &str| matches!(w, "and" | "or" | "nor" | "&" | ",");
    let is_separator = |w: &str| {
        matches!(
            w,
            "/" | "(" | ")" | "[" | "]" | ";" | ":" | "|" | "–" | "—" | "--" | "\"" | "“" | "”"
        )
    };
    let people =
        label == NerType::Per || lexicon().is_honorific(&words[span.start..span.start + 1]);
    let mut parts = Vec::new();
    let mut start = span.start;
    for i in span.clone() {
        let splits = is_separator(words[i])
            || (people && (is_joint(words[i]) || is_lowercase_lead(words[i])))
            || (label != NerType::Org && is_possessive(words[i]) && i + 1 < span.end);
        if splits {
            parts.push((start..i, label));
            start = i + 1;
        }
    }
    parts.push((start..span.end, label));
    parts.retain(|(part, _)| !part.is_empty());
    parts
}

/// "Islamic State Group (ISIS)" and "ISIS (Islamic State Group)": the two
/// halves point at each other; an acronym the tagger missed becomes a mention.
pub(super) fn link_acronym_definitions(words: &[&str], found: &mut Vec<Found>) {
    let mut added = Vec::new();
    for i in 0..found.len() {
        let outer = found[i].tokens.clone();
        let inner_start = outer.end + 1;
        if words.get(outer.end) != Some(&"(") {
            continue;
        }
        let inner = match found.iter().position(|f| f.tokens.start == inner_start) {
            Some(j) if words.get(found[j].tokens.end) == Some(&")") => Some(j),
            _ => None,
        };
        let (long, short) = match inner {
            Some(j) if is_short_form(words, &found[j].tokens) => {
                (outer.clone(), found[j].tokens.clone())
            }
            Some(j) if is_short_form(words, &outer) => (found[j].tokens.clone(), outer.clone()),
            Some(_) => continue,
            None => {
                let acronym = inner_start..inner_start + 1;
                if words.get(acronym.end) != Some(&")") || !is_short_form(words, &acronym) {
                    continue;
                }
                added.push(Found {
                    tokens: acronym.clone(),
                    cut_start: 0,
                    cut_end: 0,
                    kind: found[i].kind,
                    title: None,
                    defines: None,
                    votes: found[i].votes,
                    cued: found[i].cued,
                });
                (outer.clone(), acronym)
            }
        };
        if long.len() < 2 {
            continue;
        }
        for f in found.iter_mut().chain(added.iter_mut()) {
            if f.tokens == long {
                f.defines = Some(short.clone());
            } else if f.tokens == short {
                f.defines = Some(long.clone());
            }
        }
    }
    found.extend(added);
    found.sort_by_key(|f| f.tokens.start);
}

pub(super) fn is_short_form(words: &[&str], span: &Range<usize>) -> bool {
    span.len() == 1 && acronyms::is_acronym(words[span.start])
}
