//! Acronyms: recognising them and matching them to their long form.

/// Words skipped when taking initials ("Islamic State of Iraq" -> "ISI" or "ISOI").
const FUNCTION_WORDS: &[&str] = &["of", "the", "and", "for", "in", "on", "at", "to", "&", "de"];

/// "ISIS", "PMU", "U.N.", "AT&T": two to eight letters, mostly capitals.
pub fn is_acronym(word: &str) -> bool {
    let letters = || word.chars().filter(|c| !matches!(c, '.' | '&' | '-'));
    let len = letters().count();
    let upper = letters().filter(|c| c.is_uppercase()).count();
    (2..=8).contains(&len)
        && letters().all(char::is_alphanumeric)
        && upper >= 2
        && len - upper <= 1
        && !word.contains(' ')
}

/// The letters of an acronym, uppercase, without periods: "U.N." -> "UN".
pub fn letters(acronym: &str) -> String {
    acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Initials a long form may be abbreviated to: with and without its function
/// words, and counting the parts of hyphenated words.
pub fn initials(long_form: &str) -> Vec<String> {
    let words: Vec<&str> = long_form.split_whitespace().collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let first_letters = |skip_function_words: bool, split_hyphens: bool| -> String {
        words
            .iter()
            .filter(|w| {
                !(skip_function_words && FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
            })
            .flat_map(|w| {
                let parts: Vec<&str> = if split_hyphens {
                    w.split('-').collect()
                } else {
                    vec![w]
                };
                parts
                    .into_iter()
                    .filter_map(|p| p.chars().next())
                    .filter(|c| c.is_alphanumeric())
                    .collect::<Vec<_>>()
            })
            .flat_map(char::to_uppercase)
            .collect()
    };
    let mut all = vec![
        first_letters(true, false),
        first_letters(false, false),
        first_letters(true, true),
    ];
    all.sort();
    all.dedup();
    all.retain(|i| i.len() >= 2);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronym_shapes() {
        assert!(is_acronym("ISIS"));
        assert!(is_acronym("PMU"));
        assert!(is_acronym("U.N."));
        assert!(is_acronym("AT&T"));
        assert!(is_acronym("PMUs"));
        assert!(!is_acronym("Iraq"));
        assert!(!is_acronym("I"));
        assert!(!is_acronym("Al-Sadr"));
    }

    #[test]
    fn initials_of_long_forms() {
        assert!(initials("Popular Mobilization Units").contains(&"PMU".to_string()));
        assert!(initials("Bank of America").contains(&"BA".to_string()));
        assert!(initials("Bank of America").contains(&"BOA".to_string()));
        assert!(initials("Iraq").is_empty());
        assert_eq!(letters("U.N."), "UN");
    }
}
