//! Name forms: how a mention is written, and the key that ignores what does
//! not tell two names apart (case, periods, "al-" prefixes, possessives).

/// The words of a name as written, with whitespace runs (a hard-wrapped line
/// break in a novel) collapsed and a possessive "'s" removed.
pub fn surface(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let trimmed = strip_possessive(&out).len();
    out.truncate(trimmed);
    out
}

fn strip_possessive(name: &str) -> &str {
    ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .filter(|rest| !rest.is_empty() && !rest.ends_with(' '))
        .unwrap_or(name)
}

/// The comparison key of a name: lowercase words, without periods or
/// Arabic article prefixes: "Al-Sadr's", "al-Sadr" and "Sadr" share "sadr";
/// "U.S." and "US" share "us".
pub fn key(name: &str) -> String {
    let name = strip_possessive(name.trim());
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        let word = strip_article(word);
        let before = key.len();
        if before > 0 {
            key.push(' ');
        }
        let start = key.len();
        key.extend(
            word.chars()
                .filter(|&c| c != '.')
                .map(|c| if c == '’' { '\'' } else { c })
                .flat_map(char::to_lowercase),
        );
        // A word of periods alone ("...") adds nothing, not even a space.
        if key.len() == start {
            key.truncate(before);
        }
    }
    key
}

/// "al-Sadr" -> "Sadr", "El-Baradei" -> "Baradei"; "al-" alone stays.
fn strip_article(word: &str) -> &str {
    // Most words start with another letter: skip the seven prefix compares.
    if !matches!(word.as_bytes().first(), Some(b'a' | b'A' | b'e' | b'E')) {
        return word;
    }
    for prefix in ["al-", "Al-", "AL-", "el-", "El-", "al‑", "Al‑"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.starts_with(char::is_alphabetic) {
                return rest;
            }
        }
    }
    word
}

/// True when the name has at least one capitalised word or a digit: spans
/// made only of lowercase words are tagger noise.
pub fn has_capital(name: &str) -> bool {
    name.split_whitespace().any(|word| {
        strip_article(word)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_periods_articles_and_possessives() {
        assert_eq!(key("Muqtada al-Sadr"), "muqtada sadr");
        assert_eq!(key("Al-Sadr"), "sadr");
        assert_eq!(key("al-Sadr's"), "sadr");
        assert_eq!(key("al-Sadr’s"), "sadr");
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("US"), "us");
        assert_eq!(key("Adel Abdul-Mahdi"), "adel abdul-mahdi");
        assert_eq!(key("Elizabeth\n  Bennet"), "elizabeth bennet");
        assert_eq!(key(". St. . John"), "st john");
        assert_eq!(key("..."), "");
    }

    #[test]
    fn surfaces_collapse_whitespace_and_drop_possessives() {
        assert_eq!(surface("Mr\nDarcy"), "Mr Darcy");
        assert_eq!(surface("Iran’s"), "Iran");
        assert_eq!(surface("'s"), "'s");
    }

    #[test]
    fn capitals() {
        assert!(has_capital("al-Sadr"));
        assert!(!has_capital("popular mobilization units"));
    }
}
