//! Trimming a tagged span to the name proper, or dropping it as junk:
//! titles, possessives, lowercase leads, sentence openers, exclamations.

use super::*;

/// Sentence adverbs ("Apparently", "Constitutionally") end like this.
pub(super) const ADVERB_SUFFIXES: &[&str] = &[
    "ally", "ently", "antly", "ously", "ively", "fully", "ately", "ingly", "edly", "ibly", "ably",
];

/// What the whole document says about words: which ones are written
/// capitalised in mid-sentence (so are names, not just sentence openers).
pub(super) struct DocumentContext<'a> {
    capitalised_inside: HashSet<&'a str>,
    /// Words written starting with a lowercase letter somewhere.
    lowercase: HashSet<&'a str>,
}

impl<'a> DocumentContext<'a> {
    pub(super) fn new(sentences: &[Vec<&'a str>]) -> DocumentContext<'a> {
        let mut capitalised_inside = HashSet::default();
        let mut lowercase = HashSet::default();
        for words in sentences {
            let mut seen_word = false;
            for (i, word) in words.iter().enumerate() {
                if word.starts_with(char::is_lowercase) {
                    lowercase.insert(*word);
                }
                let opens_quote = i > 0 && opens_clause(words[i - 1]);
                if seen_word && !opens_quote && word.starts_with(char::is_uppercase) {
                    capitalised_inside.insert(*word);
                }
                seen_word |= is_wordlike(word);
            }
        }
        DocumentContext {
            capitalised_inside,
            lowercase,
        }
    }

    /// True when the document also writes `word` in lowercase ("will" for "Will").
    pub(super) fn has_lowercase(&self, word: &str) -> bool {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        let lower: String = first.to_lowercase().chain(chars).collect();
        // "al-Sadr" is the lowercase form of "Al-Sadr", and still a name.
        !names::has_capital(&lower) && self.lowercase.contains(lower.as_str())
    }

    /// Trims a tagged span to the name proper, or drops it as junk.
    pub(super) fn clean(
        &self,
        words: &[&str],
        span: Range<usize>,
        label: NerType,
    ) -> Option<Found> {
        let lex = lexicon();
        let (a, mut b) = trim_edges(words, span, label);
        let a = extend_person_left(words, a, b, label);
        let titled = strip_titles(words, a..b, label)?;
        let a = titled.name_start;
        if a >= b {
            return None;
        }
        // "Green" + "Zone": a capitalised head word the tagger left out.
        while b < words.len() && lex.head_noun(words[b]).is_some() {
            b += 1;
        }
        // "St." + "Aubert", "Jas." + "Smith": an abbreviation that always
        // precedes what it qualifies does not end a name.
        while b < words.len()
            && words[b].starts_with(char::is_uppercase)
            && abbreviations::classify(words[b - 1]) == Some(AbbreviationKind::NeverEnds)
        {
            b += 1;
        }
        let cut_start = lowercase_prefix_len(words[a]);
        let cut_end = lowercase_suffix_len(&words[b - 1][if a + 1 == b { cut_start } else { 0 }..]);
        let last_word = words[b - 1];
        if !is_modifier_suffix(&last_word[last_word.len() - cut_end..]) {
            return None; // "Yo-ho-ho", "Purbeck-marble": one common word
        }
        let mut name: Vec<&str> = words[a..b].to_vec();
        name[0] = &name[0][cut_start..];
        let last = name.len() - 1;
        name[last] = &name[last][..name[last].len() - cut_end];
        if self.is_junk(&name, is_clause_initial(words, a)) || is_exclamation(words, a, b) {
            return None;
        }
        // "a young Russian", "the veteran Scotchman": a group word after a
        // descriptive title is no person.
        let is_group_word =
            name.len() == 1 && (lex.demonym_place(name[0]).is_some() || lex.is_group_word(name[0]));
        let is_person = titled.honorific
            || (label == NerType::Misc && titled.title.is_some() && !is_group_word);
        let head = head_kind(&name, label);
        let kind = if is_person {
            EntityKind::Person
        } else {
            head.unwrap_or_else(|| kind_of(&name, label))
        };
        let thing = kind == EntityKind::Person
            && titled.title.is_none()
            && a > 0
            && is_thing_after_article(words[a - 1], &name);
        let kind = if thing { EntityKind::Other } else { kind };
        let cued = is_person || head.is_some() || kind == EntityKind::Group || thing;
        Some(Found {
            tokens: a..b,
            cut_start,
            cut_end,
            kind,
            title: titled.title,
            defines: None,
            votes: single_vote(kind, cued),
            cued,
        })
    }

    pub(super) fn is_junk(&self, name: &[&str], clause_initial: bool) -> bool {
        let lex = lexicon();
        if !name.iter().any(|w| names::has_capital(w)) {
            return true;
        }
        if name
            .iter()
            .all(|w| !is_wordlike(w) || lex.is_stop_name(w) || lex.is_calendar_word(w))
        {
            return true;
        }
        let [word] = name else {
            return false;
        };
        is_numbering(word)
            || (clause_initial && self.is_capitalised_common_word(word))
            || is_shouted_common_word(word)
    }

    /// "Apparently", "Since", "Death" opening a sentence: ordinary words that
    /// are capitalised only because they come first, and never elsewhere.
    pub(super) fn is_capitalised_common_word(&self, word: &str) -> bool {
        if self.capitalised_inside.contains(word) {
            return false;
        }
        let lowercase = word.to_lowercase();
        let is_adverb = lowercase.chars().count() >= 7
            && ADVERB_SUFFIXES.iter().any(|s| lowercase.ends_with(s));
        is_adverb || lexicon().is_common_word(&lowercase)
    }
}

/// "Good God", "Lord knows": a one-word name that is part of an exclamation.
pub(super) fn is_exclamation(words: &[&str], a: usize, b: usize) -> bool {
    let before = a.checked_sub(1).map(|i| words[i]);
    b == a + 1 && lexicon().is_exclamation(words[a], before, words.get(b).copied())
}

/// "BOARD", "NOBLESSE": an ordinary word in capitals (a heading, a shout,
/// an emphasis) is no name; short ones may be acronyms ("US", "WHO").
pub(super) fn is_shouted_common_word(word: &str) -> bool {
    word.chars().count() >= 4
        && word.chars().all(char::is_uppercase)
        && lexicon().is_common_word(&word.to_lowercase())
}

/// "the", "dear" in "dear Jane", "who" in "Cossack who": a lowercase word
/// at the edge of a span is not part of the name, unless it is a name
/// particle ("de Bourgh", "van Gogh", "al-Sadr").
pub(super) fn is_lowercase_lead(word: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "du", "da", "di", "del", "della", "der", "den", "des", "van", "von", "ter", "ten",
        "le", "la", "los", "las", "dos", "das", "bin", "ibn", "bint", "al", "el", "ben", "mac",
        "st", "d'", "l'",
    ];
    word.starts_with(char::is_lowercase)
        && !word.contains('-')
        && !word.contains('\'')
        && !PARTICLES.contains(&word)
}

/// Drops punctuation, possessives, a leading "the", capitalised openers the
/// tagger swept in ("But Elizabeth") and dates beside a person's name ("June
/// Kitty") from the edges of a span.
pub(super) fn trim_edges(words: &[&str], span: Range<usize>, label: NerType) -> (usize, usize) {
    let lex = lexicon();
    let (mut a, mut b) = (span.start, span.end);
    while a < b && !is_wordlike(words[a]) {
        a += 1;
    }
    while b > a && (!is_wordlike(words[b - 1]) || is_possessive(words[b - 1])) {
        b -= 1;
    }
    let is_person = label == NerType::Per;
    while b - a > 1
        && (is_lowercase_lead(words[a])
            || (words[a] == "The" && is_sentence_initial(words, a))
            || (lex.is_stop_name(words[a]) && !lex.is_calendar_word(words[a]))
            || (is_person && lex.is_calendar_word(words[a])))
    {
        a += 1;
    }
    while b - a > 1
        && ((is_person && lex.is_calendar_word(words[b - 1])) || is_lowercase_lead(words[b - 1]))
    {
        b -= 1;
    }
    (a, b)
}

/// "commander Abu [Mahdi al-Muhandis]": a capitalised word inside the
/// sentence right before a person span, which is no title, date, common
/// opener or nationality, is the start of the name.
pub(super) fn extend_person_left(words: &[&str], mut a: usize, b: usize, label: NerType) -> usize {
    if label != NerType::Per || a >= b {
        return a;
    }
    while a > 0 && starts_name_before(words, a - 1) {
        a -= 1;
    }
    a
}

pub(super) fn starts_name_before(words: &[&str], i: usize) -> bool {
    let lex = lexicon();
    let word = words[i];
    if !word.starts_with(char::is_uppercase)
        || is_clause_initial(words, i)
        || lex.title_at_start(&[word]).is_some()
        || lex.is_stop_name(word)
        || lex.is_calendar_word(word)
    {
        return false;
    }
    lex.demonym_place(word).is_none() && !lex.is_group_word(word) && !acronyms::is_acronym(word)
}

/// A name with its titles taken off.
pub(super) struct Titled {
    name_start: usize,
    /// The innermost title, in or just before the span, as written.
    title: Option<String>,
    /// One of the titles only ever precedes a person ("Mr.", "Colonel", or a
    /// gendered title such as "Prince" on a name without a head word).
    honorific: bool,
}

/// Strips titles from the front of a person's name ("Grand Ayatollah Ali
/// al-Sistani"), and notes a title just before it ("Mr." before "Darcy").
/// Personal honorifics go whatever the label: the tagger may take "Mr.
/// Bingley" for a place. A span that is only a title is no name (`None`).
pub(super) fn strip_titles(words: &[&str], span: Range<usize>, label: NerType) -> Option<Titled> {
    let lex = lexicon();
    let strips_any_title = matches!(label, NerType::Per | NerType::Misc);
    let (mut a, b) = (span.start, span.end);
    let mut title = None;
    let mut honorific = false;
    // "Prince Andrew" taken for a place is still a person; "Prince Edward
    // Island" and "King's College" end with a head word and stay what they are.
    let ends_with_head = lex.head_noun(words[b.saturating_sub(1)]).is_some();
    while let Some((n, gender)) = lex.title_at_start(&words[a..b]) {
        if n == b - a {
            return None; // "General", "the Emperor"
        }
        let is_honorific =
            lex.is_honorific(&words[a..a + n]) || (gender != Gender::Unknown && !ends_with_head);
        if !(strips_any_title || is_honorific) {
            break; // "General Motors"
        }
        honorific |= is_honorific;
        title = Some(words[a..a + n].join(" "));
        a += n;
    }
    if title.is_none() {
        let before = (1..=2.min(a)).rev().find(|&n| {
            lex.title_at_start(&words[a - n..a])
                .is_some_and(|(len, _)| len == n)
        });
        if let Some(n) = before {
            let is_honorific = lex.is_honorific(&words[a - n..a]);
            if strips_any_title || is_honorific {
                honorific = is_honorific;
                title = Some(words[a - n..a].join(" "));
            }
        }
    }
    Some(Titled {
        name_start: a,
        title,
        honorific,
    })
}

/// Chapter numbers and lone initials: "XLIX", "IV.", "B.".
pub(super) fn is_numbering(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    let is_initial = word.len() == 2 && word.ends_with('.') && word.starts_with(char::is_uppercase);
    (bare.len() >= 2 && is_chapter_numeral(bare)) || is_initial
}

/// A well-formed Roman numeral below 400 ("XLIX", not "DC" or "ICC").
pub(super) fn is_chapter_numeral(word: &str) -> bool {
    const DIGITS: [[&str; 10]; 3] = [
        ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"],
        ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"],
        ["", "C", "CC", "CCC", "", "", "", "", "", ""],
    ];
    if !word.chars().all(|c| "IVXLC".contains(c)) {
        return false;
    }
    (1..400).any(|n: usize| {
        let numeral = format!(
            "{}{}{}",
            DIGITS[2][n / 100],
            DIGITS[1][n / 10 % 10],
            DIGITS[0][n % 10]
        );
        numeral == word
    })
}

/// Endings that make a name into a modifier and leave the name in place:
/// "-led" in "US-led", "-born", "-style". Any other lowercase ending makes
/// one common word of it ("Yo-ho-ho", "Purbeck-marble", "Lizzie-boy").
/// `suffix` is what [`lowercase_suffix_len`] cut, "" when nothing was.
pub(super) fn is_modifier_suffix(suffix: &str) -> bool {
    const MODIFIERS: &[&str] = &[
        "born", "made", "run", "built", "grown", "bound", "wide", "style", "like", "type", "era",
        "centric", "class", "sized", "speaking",
    ];
    let Some(part) = suffix.rsplit('-').next().filter(|_| !suffix.is_empty()) else {
        return true;
    };
    part.ends_with("ed") || MODIFIERS.contains(&part)
}

/// "the Pequod", "the Fuwalda", "the Dow": a person's name is not written
/// after "the" (only a family is: "the Bennets"), a ship's or an index's is.
/// A name of one or two words, none of them a given name, after "the" that
/// the tagger took for a person is a thing.
pub(super) fn is_thing_after_article(before: &str, name: &[&str]) -> bool {
    let lex = lexicon();
    matches!(before, "the" | "The")
        && name.len() <= 2
        && name.last().is_some_and(|w| !w.ends_with('s'))
        && name
            .iter()
            .all(|w| lex.given_name_gender(w) == Gender::Unknown)
}
