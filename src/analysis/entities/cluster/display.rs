//! What an entity is called: its display name and its other forms.

use std::collections::{HashMap, HashSet};

use super::MentionInfo;
use crate::analysis::entities::lexicon::{lexicon, Gender};
use crate::analysis::entities::names;

/// The longest full form: among several-word forms that occur at least
/// twice when there are any, else among all forms but one-offs beside a
/// far more frequent form; a standard long form
/// ("United States" for "US") when the text only used short ones. A name
/// mostly written after an honorific is "Mr. Darcy"; a one-word name is
/// prefixed with its usual title ("General Soleimani"). An entity known only
/// through demonyms is named after its place. Also returns the name without
/// its title.
pub(super) fn display_name(members: &[&MentionInfo]) -> (String, String) {
    let names: Vec<&&MentionInfo> = members.iter().filter(|m| m.demonym_of.is_none()).collect();
    if names.is_empty() {
        let place = members.first().and_then(|m| m.demonym_of).unwrap_or("");
        let name = lexicon().standard_name(&names::key(place)).unwrap_or(place);
        return (name.to_string(), name.to_string());
    }
    // In a novel "Mr. Darcy" is the name, whatever longer form appears.
    let (title, titled) = most_frequent(names.iter().filter_map(|m| m.title.as_deref()));
    let title_words: Vec<&str> = title.split_whitespace().collect();
    if 2 * titled >= names.len() && lexicon().is_honorific(&title_words) {
        let surfaces = names
            .iter()
            .filter(|m| m.title.as_deref() == Some(title))
            .map(|m| m.surface.as_str());
        let (surface, _) = most_frequent(surfaces);
        return (format!("{title} {surface}"), surface.to_string());
    }
    let mut forms: HashMap<&str, Vec<&str>> = HashMap::new();
    for m in &names {
        forms
            .entry(m.own_key.as_str())
            .or_default()
            .push(&m.surface);
    }
    let word_count = |s: &str| s.split(' ').count();
    let forms: Vec<(&str, usize)> = forms
        .into_values()
        .map(|surfaces| (most_frequent(surfaces.iter().copied()).0, surfaces.len()))
        .collect();
    // A one-off form beside a name used hundreds of times is noise ("’Tis
    // Ahab"), and "Japanese Nikkei" is "Nikkei" with a nationality.
    let top = forms.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let keys: HashSet<String> = forms.iter().map(|&(s, _)| names::key(s)).collect();
    let is_nationality_variant = |surface: &str| {
        surface.split_once(' ').is_some_and(|(first, rest)| {
            lexicon().demonym_place(first).is_some() && keys.contains(&names::key(rest))
        })
    };
    let kept: Vec<(&str, usize)> = forms
        .iter()
        .copied()
        .filter(|&(s, n)| (n >= 2 || n * 20 >= top) && !is_nationality_variant(s))
        .filter(|&(s, n)| !is_rare_epithet_form(s, n, top))
        .collect();
    let forms = if kept.is_empty() { forms } else { kept };
    let repeated_full_form = forms.iter().any(|&(s, n)| n >= 2 && word_count(s) >= 2);
    let mut best = forms
        .iter()
        .filter(|&&(s, n)| !repeated_full_form || (n >= 2 && word_count(s) >= 2))
        .max_by(|a, b| {
            let rank = |&(s, n): &(&str, usize)| (word_count(s), n, s.len());
            rank(a).cmp(&rank(b)).then_with(|| b.0.cmp(a.0))
        })
        .map_or("", |&(surface, _)| surface);
    if let Some(standard) = names
        .iter()
        .filter_map(|m| lexicon().standard_name(&m.own_key))
        .max_by_key(|s| word_count(s))
    {
        if word_count(standard) > word_count(best) {
            best = standard;
        }
    }
    let titles = names.iter().filter_map(|m| m.title.as_deref());
    match most_frequent(titles) {
        (title, n)
            if !best.contains(' ')
                && title.starts_with(char::is_uppercase)
                && 2 * n >= names.len() =>
        {
            (format!("{title} {best}"), best.to_string())
        }
        _ => (best.to_string(), best.to_string()),
    }
}

/// "Massa Stubb" twice beside "Stubb" hundreds of times: a longer form used
/// less than once in fifty, whose first word is no given name, is a way of
/// addressing the character, not the name to show.
fn is_rare_epithet_form(surface: &str, uses: usize, top: usize) -> bool {
    const RARE: usize = 50;
    let Some((first, _)) = surface.split_once(' ') else {
        return false;
    };
    uses * RARE < top && lexicon().given_name_gender(first) == Gender::Unknown
}

/// Surface forms other than the display name, most frequent first (ties
/// alphabetically).
pub(super) fn aliases(members: &[&MentionInfo], name: &str) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in members {
        *counts.entry(m.surface.as_str()).or_default() += 1;
    }
    let mut aliases: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|(surface, _)| *surface != name)
        .collect();
    aliases.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    aliases.into_iter().map(|(s, _)| s.to_string()).collect()
}

/// The most frequent item and its count (ties go to the greatest item, so
/// "al-Sadr" wins over a sentence-initial "Al-Sadr").
fn most_frequent<'a>(items: impl Iterator<Item = &'a str>) -> (&'a str, usize) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(b.0)))
        .unwrap_or(("", 0))
}
