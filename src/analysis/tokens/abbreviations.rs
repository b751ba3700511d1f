//! Which words keep their trailing period, and which of those may end a sentence.

/// Abbreviations that precede what they qualify ("e.g.", "St."): a sentence
/// never ends right after them. Abbreviated titles ("Mr.", "Capt.") come from
/// the shared title table (`assets/titles.tsv`).
const NEVER_END: &[&str] = &[
    "Ft", "Mt", "St", "cf", "e.g", "i.e", "vs", "viz", "approx", "ca", "pp", "vol", "Vol", "fig",
    "Fig", // Given names written short before a surname ("Jas. Smith", "Wm. Pitt").
    "Jas", "Wm", "Chas", "Thos", "Geo", "Jno", "Benj", "Robt", "Saml", "Edw", "Jos", "Richd",
];

/// Abbreviations that may also close a sentence ("... for Apple Inc. The
/// shares ..."). Dotted acronyms (U.S., a.m.) and initials are recognised by
/// shape and belong here too.
const MAY_END: &[&str] = &[
    "Inc", "Ltd", "Corp", "Co", "Bros", "Jr", "Sr", "Esq", "Plc", "PLC", "etc", "al", "Jan", "Feb",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Tue", "Tues", "Thu", "Thur",
    "Thurs", "Fri", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ga", "Kan", "Ky", "Md",
    "Mich", "Minn", "Mont", "Neb", "Nev", "Okla", "Ore", "Tenn", "Tex", "Vt", "Wis", "Wyo", "Ave",
    "Blvd", "Rd", "Dept", "Univ", "Assn", "ft", "lb", "lbs", "oz", "yr", "yrs", "hr", "hrs", "est",
];

/// How an abbreviation (a token ending with its period) relates to sentence ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationKind {
    NeverEnds,
    MayEnd,
}

/// True when `word` (without the period) followed by "." is an abbreviation
/// that keeps its period as one token.
pub fn takes_period(word: &str) -> bool {
    let last_part = word.rsplit('-').next().unwrap_or(word);
    is_dotted_acronym(last_part) || is_initial(word) || never_ends(word) || MAY_END.contains(&word)
}

/// Classifies a token that ends with a period it kept (not a lone ".").
pub fn classify(token: &str) -> Option<AbbreviationKind> {
    let stem = token.strip_suffix('.')?;
    if stem.is_empty() || stem.ends_with('.') {
        return None;
    }
    if never_ends(stem) {
        Some(AbbreviationKind::NeverEnds)
    } else {
        Some(AbbreviationKind::MayEnd)
    }
}

fn never_ends(stem: &str) -> bool {
    NEVER_END.contains(&stem) || crate::analysis::titles::titles().is_abbreviated_title(stem)
}

/// "U.S", "a.m", "Ph.D", "U.N": short letter groups joined by periods.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            !part.is_empty() && part.len() <= 3 && part.chars().all(char::is_alphabetic)
        })
}

/// A single capital letter: an initial as in "J. R. R. Tolkien".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Capitalised words that usually begin a sentence rather than continue a
/// name: after "U.S." they signal that the abbreviation closed the sentence.
pub fn is_sentence_starter(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "A",
        "After",
        "Again",
        "All",
        "Also",
        "Although",
        "An",
        "And",
        "Another",
        "Any",
        "As",
        "At",
        "Because",
        "Before",
        "Both",
        "But",
        "By",
        "Despite",
        "During",
        "Each",
        "Even",
        "Every",
        "For",
        "From",
        "He",
        "Her",
        "Here",
        "His",
        "How",
        "However",
        "I",
        "If",
        "In",
        "Instead",
        "It",
        "Its",
        "Many",
        "Meanwhile",
        "Moreover",
        "Most",
        "My",
        "No",
        "Nor",
        "Not",
        "Now",
        "Of",
        "On",
        "Once",
        "One",
        "Only",
        "Or",
        "Our",
        "She",
        "Since",
        "So",
        "Some",
        "Still",
        "Such",
        "That",
        "The",
        "Their",
        "Then",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "Though",
        "Thus",
        "To",
        "Under",
        "Unlike",
        "Until",
        "We",
        "What",
        "When",
        "Where",
        "Whether",
        "Which",
        "While",
        "Who",
        "Why",
        "With",
        "Yet",
        "You",
        "Your",
    ];
    STARTERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_never_end_but_company_suffixes_may() {
        assert_eq!(classify("Mr."), Some(AbbreviationKind::NeverEnds));
        assert_eq!(classify("Inc."), Some(AbbreviationKind::MayEnd));
        assert_eq!(classify("U.S."), Some(AbbreviationKind::MayEnd));
        assert_eq!(classify("."), None);
        assert_eq!(classify("..."), None);
    }

    #[test]
    fn shapes_that_keep_their_period() {
        assert!(takes_period("U.S"));
        assert!(takes_period("a.m"));
        assert!(takes_period("Ph.D"));
        assert!(takes_period("J"));
        assert!(takes_period("Gen"));
        assert!(takes_period("anti-U.S"));
        assert!(!takes_period("troops"));
        assert!(!takes_period("US"));
        assert!(!takes_period("j"));
        assert!(!takes_period("3.5"));
    }
}
