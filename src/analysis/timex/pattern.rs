//! Compiles the rule patterns of `rules.rs` and matches them on tokens.

use std::sync::OnceLock;

use super::lexicon::{Lexicon, PartOfDay, Season, Shape, Tok, Unit};
use super::rules::{Rule, DATE_PREFIXES, QUANTITY_PREFIXES, RULES};

/// A word class of the pattern language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Month,
    Day,
    Year,
    MonthNumber,
    Weekday,
    Weekdays,
    Number,
    Few,
    Unit,
    SingularUnit,
    PluralUnit,
    Ordinal,
    PartOfDay,
    Season,
    Decade,
    Clock,
    Shift,
    /// "and a half" after a unit ("a minute and a half").
    AndAHalf,
}

impl Class {
    /// Whether a token with digits can belong to the class.
    fn can_be_digits(self) -> bool {
        matches!(
            self,
            Class::Day
                | Class::Year
                | Class::MonthNumber
                | Class::Number
                | Class::Ordinal
                | Class::Decade
                | Class::Clock
        )
    }

    /// Whether a word with these meanings belongs to the class (the
    /// classes defined by word lists are handled by the caller).
    fn contains_word(self, lex: &super::lexicon::Lex) -> bool {
        match self {
            Class::Month => lex.month.is_some(),
            // Spelled years: "nineteen ninety-six", "two thousand".
            Class::Year => matches!(lex.number, Some(19 | 2)),
            Class::Weekday | Class::Weekdays => lex.weekday.is_some(),
            Class::Number => lex.number.is_some(),
            Class::Unit | Class::SingularUnit | Class::PluralUnit => lex.unit.is_some(),
            Class::Ordinal => lex.ordinal.is_some(),
            Class::PartOfDay => lex.part_of_day.is_some(),
            Class::Season => lex.season.is_some(),
            Class::Decade => lex.decade_word.is_some(),
            _ => false,
        }
    }

    fn parse(name: &str) -> Option<Class> {
        Some(match name {
            "MONTH" => Class::Month,
            "DAY" => Class::Day,
            "YEAR" => Class::Year,
            "MONTHNUM" => Class::MonthNumber,
            "WEEKDAY" => Class::Weekday,
            "WEEKDAYS" => Class::Weekdays,
            "NUM" => Class::Number,
            "FEW" => Class::Few,
            "UNIT" => Class::Unit,
            "UNIT1" => Class::SingularUnit,
            "UNITS" => Class::PluralUnit,
            "ORD" => Class::Ordinal,
            "POD" => Class::PartOfDay,
            "SEASON" => Class::Season,
            "DECADE" => Class::Decade,
            "CLOCK" => Class::Clock,
            "SHIFT" => Class::Shift,
            "HALF" => Class::AndAHalf,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
pub enum Element {
    Words(Vec<u16>),
    Punct(char),
    Class(Class),
}

#[derive(Debug, Clone)]
pub struct Item {
    element: Element,
    optional: bool,
}

/// What a match captured; the normaliser turns it into a value.
#[derive(Debug, Clone, Copy, Default)]
pub struct Captures {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub weekday: Option<u8>,
    pub number: Option<u32>,
    /// "5 1/2": a half is added to `number`.
    pub half: bool,
    /// "a few", "several": a number nobody gave.
    pub fuzzy: bool,
    pub unit: Option<Unit>,
    /// The unit was plural ("years"): without a number, an unknown count.
    pub plural: bool,
    pub ordinal: Option<u8>,
    pub part_of_day: Option<PartOfDay>,
    pub season: Option<Season>,
    /// "1990s" = 199.
    pub decade: Option<i32>,
    pub hour: Option<u8>,
    pub minute: Option<u8>,
    /// last = -1, this = 0, next = +1.
    pub shift: Option<i32>,
    /// A lone month name that is also a common word.
    pub ambiguous_month: bool,
}

/// A compiled rule.
pub struct CompiledRule {
    pub rule: Rule,
    items: Vec<Item>,
}

/// The lexicon and every compiled pattern, built once per process.
pub struct Grammar {
    pub lexicon: Lexicon,
    pub rules: Vec<CompiledRule>,
    pub date_prefixes: Vec<Vec<Item>>,
    pub quantity_prefixes: Vec<Vec<Item>>,
    shift_words: [u16; 9],
    /// Rules that can start at a word, by lexicon id.
    rules_by_word: Vec<Vec<u16>>,
    /// Rules that can start at a token with digits.
    rules_by_digits: Vec<u16>,
    /// Rules that can start at an apostrophe ("'80s").
    rules_by_apostrophe: Vec<u16>,
}

/// Words of the `FEW` class: a number nobody gave.
const FEW_WORDS: [&str; 5] = ["few", "several", "many", "some", "couple"];
/// Words of the `CLOCK` class, with their hour.
const CLOCK_WORDS: [(&str, u8); 3] = [("noon", 12), ("midday", 12), ("midnight", 24)];

const SHIFT_WORDS: [(&str, i32); 9] = [
    ("last", -1),
    ("previous", -1),
    ("latest", -1),
    ("past", -1),
    ("this", 0),
    ("current", 0),
    ("next", 1),
    ("coming", 1),
    ("following", 1),
];

impl Grammar {
    pub fn get() -> &'static Grammar {
        static GRAMMAR: OnceLock<Grammar> = OnceLock::new();
        GRAMMAR.get_or_init(Grammar::build)
    }

    fn build() -> Grammar {
        let mut lexicon = Lexicon::build();
        let rules = RULES
            .iter()
            .map(|rule| CompiledRule {
                rule: *rule,
                items: compile(rule.pattern, &mut lexicon),
            })
            .collect();
        let date_prefixes = DATE_PREFIXES
            .iter()
            .map(|p| compile(p, &mut lexicon))
            .collect();
        let quantity_prefixes = QUANTITY_PREFIXES
            .iter()
            .map(|p| compile(p, &mut lexicon))
            .collect();
        let shift_words = SHIFT_WORDS.map(|(word, _)| lexicon.intern(word));
        let few_words = FEW_WORDS.map(|word| lexicon.intern(word));
        let clock_words = CLOCK_WORDS.map(|(word, _)| lexicon.intern(word));
        let mut grammar = Grammar {
            lexicon,
            rules,
            date_prefixes,
            quantity_prefixes,
            shift_words,
            rules_by_word: Vec::new(),
            rules_by_digits: Vec::new(),
            rules_by_apostrophe: Vec::new(),
        };
        grammar.index_rules(&few_words, &clock_words);
        grammar
    }

    /// Indexes the rules by the tokens they can start with, so that a
    /// position only tries the few rules that can match there.
    fn index_rules(&mut self, few_words: &[u16], clock_words: &[u16]) {
        let mut by_word = vec![Vec::new(); self.lexicon.len()];
        let mut by_digits = Vec::new();
        let mut by_apostrophe = Vec::new();
        for (index, rule) in self.rules.iter().enumerate() {
            let index = index as u16;
            for item in &rule.items {
                match &item.element {
                    Element::Words(ids) => {
                        for &id in ids {
                            by_word[usize::from(id)].push(index);
                        }
                    }
                    Element::Punct('\'') => by_apostrophe.push(index),
                    Element::Punct(_) => {}
                    Element::Class(class) => {
                        if class.can_be_digits() {
                            by_digits.push(index);
                        }
                        for (id, rules) in by_word.iter_mut().enumerate().skip(1) {
                            let id = id as u16;
                            let member = match class {
                                Class::Few => few_words.contains(&id),
                                Class::Clock => clock_words.contains(&id),
                                Class::Shift => self.shift_words.contains(&id),
                                other => other.contains_word(self.lexicon.lex(id)),
                            };
                            if member {
                                rules.push(index);
                            }
                        }
                    }
                }
                if !item.optional {
                    break;
                }
            }
        }
        for rules in &mut by_word {
            rules.sort_unstable();
            rules.dedup();
        }
        by_digits.dedup();
        by_apostrophe.dedup();
        self.rules_by_word = by_word;
        self.rules_by_digits = by_digits;
        self.rules_by_apostrophe = by_apostrophe;
    }

    /// The rules that can start at `token`, in table order.
    fn candidates(&self, token: Tok) -> &[u16] {
        match token.shape {
            Shape::Word => self
                .rules_by_word
                .get(usize::from(token.word))
                .map_or(&[], Vec::as_slice),
            Shape::Digits | Shape::Mixed => &self.rules_by_digits,
            Shape::Punct('\'') => &self.rules_by_apostrophe,
            Shape::Punct(_) => &[],
        }
    }

    /// The longest rule match starting at token `at`: (rule index, end token, captures).
    pub fn longest_match(
        &self,
        text: &str,
        tokens: &[Tok],
        at: usize,
        accept: impl Fn(&CompiledRule, usize, &Captures) -> bool,
    ) -> Option<(usize, usize, Captures)> {
        let mut best: Option<(usize, usize, Captures)> = None;
        let &first = tokens.get(at)?;
        for &index in self.candidates(first) {
            let index = usize::from(index);
            let rule = &self.rules[index];
            let mut captures = Captures::default();
            let Some(end) = self.match_items(&rule.items, text, tokens, at, &mut captures) else {
                continue;
            };
            if end > at
                && best.is_none_or(|(_, best_end, _)| end > best_end)
                && accept(rule, end, &captures)
            {
                best = Some((index, end, captures));
            }
        }
        best
    }

    /// The start of the longest prefix that ends right before token `at`.
    pub fn prefix_start(
        &self,
        prefixes: &[Vec<Item>],
        text: &str,
        tokens: &[Tok],
        at: usize,
    ) -> usize {
        let mut start = at;
        for prefix in prefixes {
            let len = prefix.len();
            if len > at || at - len >= start {
                continue;
            }
            let mut captures = Captures::default();
            if self.match_items(prefix, text, tokens, at - len, &mut captures) == Some(at) {
                start = at - len;
            }
        }
        start
    }

    fn match_items(
        &self,
        items: &[Item],
        text: &str,
        tokens: &[Tok],
        at: usize,
        captures: &mut Captures,
    ) -> Option<usize> {
        let Some((item, rest)) = items.split_first() else {
            return Some(at);
        };
        let mut attempt = *captures;
        if let Some(next) = self.match_element(&item.element, text, tokens, at, &mut attempt) {
            if let Some(end) = self.match_items(rest, text, tokens, next, &mut attempt) {
                *captures = attempt;
                return Some(end);
            }
        }
        if item.optional {
            return self.match_items(rest, text, tokens, at, captures);
        }
        None
    }

    fn match_element(
        &self,
        element: &Element,
        text: &str,
        tokens: &[Tok],
        at: usize,
        captures: &mut Captures,
    ) -> Option<usize> {
        let token = *tokens.get(at)?;
        match element {
            Element::Words(ids) => (token.word != 0 && ids.contains(&token.word)).then_some(at + 1),
            Element::Punct(c) => token.is_punct(*c).then_some(at + 1),
            Element::Class(class) => self.match_class(*class, text, tokens, at, captures),
        }
    }

    fn match_class(
        &self,
        class: Class,
        text: &str,
        tokens: &[Tok],
        at: usize,
        captures: &mut Captures,
    ) -> Option<usize> {
        let token = tokens[at];
        let lex = self.lexicon.lex(token.word);
        let after_period = |next: usize| {
            if tokens
                .get(next)
                .is_some_and(|t| t.is_punct('.') && t.start == token.end)
            {
                next + 1
            } else {
                next
            }
        };
        match class {
            Class::Month => {
                let month = lex.month?;
                if !token.capital {
                    return None;
                }
                captures.month = Some(month);
                captures.ambiguous_month = lex.month_ambiguous;
                Some(if lex.abbreviation {
                    after_period(at + 1)
                } else {
                    at + 1
                })
            }
            Class::Weekday | Class::Weekdays => {
                let day = lex.weekday?;
                if !token.capital || lex.weekday_plural != (class == Class::Weekdays) {
                    return None;
                }
                let next = if lex.abbreviation {
                    let next = after_period(at + 1);
                    if next == at + 1 {
                        return None;
                    }
                    next
                } else {
                    at + 1
                };
                captures.weekday = Some(day);
                Some(next)
            }
            Class::Day => {
                let day = day_number(token, text)?;
                captures.day = Some(day);
                Some(at + 1)
            }
            Class::Year => {
                if let Some((year, next)) = self.spelled_year(text, tokens, at) {
                    captures.year = Some(year);
                    return Some(next);
                }
                if token.shape != Shape::Digits || token.digit_count() != 4 {
                    return None;
                }
                if !(1000..2200).contains(&token.digits) {
                    return None;
                }
                captures.year = Some(token.digits as i32);
                Some(at + 1)
            }
            Class::MonthNumber => {
                if token.shape != Shape::Digits || token.digit_count() > 2 {
                    return None;
                }
                let month = u8::try_from(token.digits)
                    .ok()
                    .filter(|m| (1..=12).contains(m))?;
                captures.month = Some(month);
                Some(at + 1)
            }
            Class::Number => self.match_number(text, tokens, at, captures),
            Class::Few => {
                let word = token.text(text);
                let fuzzy = FEW_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w));
                if !fuzzy {
                    return None;
                }
                let couple = word.eq_ignore_ascii_case("couple");
                // "a couple of years" is two years (P2Y), as TimeBank and
                // HeidelTime read it; "a few" stays vague.
                if couple {
                    captures.number = Some(2);
                } else {
                    captures.fuzzy = true;
                }
                let next = at + 1;
                // "a couple of days"
                let of = tokens
                    .get(next)
                    .is_some_and(|t| t.text(text).eq_ignore_ascii_case("of"));
                Some(if couple && of { next + 1 } else { next })
            }
            Class::Unit | Class::SingularUnit | Class::PluralUnit => {
                let unit = lex.unit?;
                let wanted = match class {
                    Class::SingularUnit => !lex.unit_plural,
                    Class::PluralUnit => lex.unit_plural,
                    _ => true,
                };
                if !wanted {
                    return None;
                }
                captures.unit = Some(unit);
                captures.plural = lex.unit_plural;
                Some(at + 1)
            }
            Class::Ordinal => {
                let ordinal = match lex.ordinal {
                    Some(n) => n,
                    None => ordinal_number(token, text)?,
                };
                captures.ordinal = Some(ordinal);
                Some(at + 1)
            }
            Class::PartOfDay => {
                captures.part_of_day = Some(lex.part_of_day?);
                Some(at + 1)
            }
            Class::AndAHalf => {
                let words = tokens.get(at..at + 3)?;
                let matches = words
                    .iter()
                    .zip(["and", "a", "half"])
                    .all(|(t, w)| t.text(text).eq_ignore_ascii_case(w));
                captures.half = matches;
                matches.then_some(at + 3)
            }
            Class::Season => {
                captures.season = Some(lex.season?);
                Some(at + 1)
            }
            Class::Decade => {
                let decade = match lex.decade_word {
                    Some(d) => 190 + i32::from(d),
                    None => decade_number(token, text)?,
                };
                // "80s" alone is an age ("in his 30s"); "the '80s" a decade.
                let short = token.digit_count() == 3;
                let marked = at.checked_sub(1).is_some_and(|i| {
                    tokens[i].is_punct('\'') || tokens[i].text(text).eq_ignore_ascii_case("the")
                });
                if short && !marked {
                    return None;
                }
                captures.decade = Some(decade);
                Some(at + 1)
            }
            Class::Clock => clock(text, tokens, at, captures),
            Class::Shift => {
                let position = self.shift_words.iter().position(|&id| id == token.word)?;
                captures.shift = Some(SHIFT_WORDS[position].1);
                Some(at + 1)
            }
        }
    }

    /// "nineteen ninety-six", "two thousand": (year, next token).
    fn spelled_year(&self, text: &str, tokens: &[Tok], at: usize) -> Option<(i32, usize)> {
        let word = tokens[at].text(text);
        let next_word = |i: usize| tokens.get(i).map(|t| t.text(text)).unwrap_or_default();
        if word.eq_ignore_ascii_case("two") && next_word(at + 1).eq_ignore_ascii_case("thousand") {
            // Far more often a quantity ("two thousand pounds", "two thousand
            // a year") than a year: a year unless a lowercase word follows,
            // or when "year" precedes it ("the year two thousand problem").
            let after_year = at
                .checked_sub(1)
                .is_some_and(|i| tokens[i].text(text).eq_ignore_ascii_case("year"));
            let quantity =
                next_word(at + 2).starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
            return (after_year || !quantity).then_some((2000, at + 2));
        }
        if !word.eq_ignore_ascii_case("nineteen") {
            return None;
        }
        let tens_token = *tokens.get(at + 1)?;
        let tens_lex = self.lexicon.lex(tens_token.word);
        if !tens_lex.tens {
            return None;
        }
        let mut year = 1900 + tens_lex.number? as i32;
        let mut next = at + 2;
        if tokens.get(next).is_some_and(|t| t.is_punct('-')) {
            if let Some(ones) = tokens
                .get(next + 1)
                .and_then(|t| self.lexicon.lex(t.word).number)
            {
                if ones < 10 {
                    year += ones as i32;
                    next += 2;
                }
            }
        }
        Some((year, next))
    }

    fn match_number(
        &self,
        text: &str,
        tokens: &[Tok],
        at: usize,
        captures: &mut Captures,
    ) -> Option<usize> {
        let token = tokens[at];
        let (mut value, mut next) = if token.shape == Shape::Digits && token.digit_count() <= 4 {
            // Not part of "1,000" or "2.5".
            let glued = tokens
                .get(at + 1)
                .is_some_and(|t| (t.is_punct(',') || t.is_punct('.')) && t.start == token.end)
                && tokens
                    .get(at + 2)
                    .is_some_and(|t| t.shape == Shape::Digits && t.start == token.end + 1);
            // "the 1988 quarter" is a year, not 1988 quarters.
            let year_like = token.digit_count() == 4 && (1000..2200).contains(&token.digits);
            if glued || year_like {
                return None;
            }
            (token.digits, at + 1)
        } else {
            let lex = self.lexicon.lex(token.word);
            let value = lex.number?;
            let mut next = at + 1;
            let mut value = value;
            // "twenty-five"
            if lex.tens && tokens.get(next).is_some_and(|t| t.is_punct('-')) {
                if let Some(ones) = tokens
                    .get(next + 1)
                    .and_then(|t| self.lexicon.lex(t.word).number)
                {
                    if ones < 10 {
                        value += ones;
                        next += 2;
                    }
                }
            }
            (value, next)
        };
        // "two hundred"
        if tokens
            .get(next)
            .is_some_and(|t| t.text(text).eq_ignore_ascii_case("hundred"))
            && value < 100
        {
            value *= 100;
            next += 1;
        }
        // "5 1/2"
        if let [whole, slash, two] = tokens.get(next..next + 3).unwrap_or(&[]) {
            if whole.shape == Shape::Digits
                && whole.digits == 1
                && slash.is_punct('/')
                && two.shape == Shape::Digits
                && two.digits == 2
            {
                captures.half = true;
                next += 3;
            }
        }
        captures.number = Some(value);
        Some(next)
    }
}

fn compile(pattern: &'static str, lexicon: &mut Lexicon) -> Vec<Item> {
    pattern
        .split_whitespace()
        .map(|raw| {
            let (body, optional) = match raw.strip_suffix('?') {
                Some(body) if !body.is_empty() => (body, true),
                _ => (raw, false),
            };
            let element = if let Some(class) = Class::parse(body) {
                Element::Class(class)
            } else if body.chars().all(|c| c.is_ascii_lowercase() || c == '|') {
                Element::Words(body.split('|').map(|w| lexicon.intern(w)).collect())
            } else {
                let mut chars = body.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_alphanumeric() => Element::Punct(c),
                    _ => panic!("rule pattern {pattern:?}: unknown item {body:?}"),
                }
            };
            Item { element, optional }
        })
        .collect()
}

/// "24", "24th", "1st" as a day of the month.
fn day_number(token: Tok, text: &str) -> Option<u8> {
    let value = match token.shape {
        Shape::Digits if token.digit_count() <= 2 => token.digits,
        Shape::Mixed => u32::from(ordinal_number(token, text)?),
        _ => return None,
    };
    u8::try_from(value).ok().filter(|d| (1..=31).contains(d))
}

/// "3rd", "21st", "20th".
fn ordinal_number(token: Tok, text: &str) -> Option<u8> {
    let word = token.text(text);
    let digits_end = word.find(|c: char| !c.is_ascii_digit())?;
    let (digits, suffix) = word.split_at(digits_end);
    let suffix = suffix.to_ascii_lowercase();
    if digits.is_empty() || digits.len() > 2 || !["st", "nd", "rd", "th"].contains(&suffix.as_str())
    {
        return None;
    }
    digits.parse().ok()
}

/// "1990s" = 199, "80s" = 198.
fn decade_number(token: Tok, text: &str) -> Option<i32> {
    let digits = token.text(text).strip_suffix('s')?;
    if !digits.ends_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i32 = digits.parse().ok()?;
    match digits.len() {
        4 => Some(value / 10),
        2 => Some(190 + value / 10),
        _ => None,
    }
}

/// "8:30", "8:30 a.m.", "8 p.m.", "noon", "midnight".
fn clock(text: &str, tokens: &[Tok], at: usize, captures: &mut Captures) -> Option<usize> {
    let token = tokens[at];
    let word = token.text(text);
    for (name, hour) in CLOCK_WORDS {
        if word.eq_ignore_ascii_case(name) {
            captures.hour = Some(hour);
            captures.minute = Some(0);
            return Some(at + 1);
        }
    }
    if token.shape != Shape::Digits || token.digit_count() > 2 || token.digits > 24 {
        return None;
    }
    let mut hour = token.digits as u8;
    let mut minute = 0;
    let mut next = at + 1;
    let has_minutes = matches!(
        tokens.get(next..next + 2),
        Some([colon, m]) if colon.is_punct(':') && m.shape == Shape::Digits && m.digit_count() == 2 && m.digits < 60
    );
    if has_minutes {
        minute = tokens[next + 1].digits as u8;
        next += 2;
    }
    let meridiem = meridiem(text, tokens, next);
    match meridiem {
        Some((pm, after)) => {
            if hour == 0 || hour > 12 {
                return None;
            }
            if pm && hour < 12 {
                hour += 12;
            } else if !pm && hour == 12 {
                hour = 0;
            }
            next = after;
        }
        None if !has_minutes => return None,
        None => {}
    }
    captures.hour = Some(hour);
    captures.minute = Some(minute);
    Some(next)
}

/// "a.m.", "am", "p.m", "PM": (is afternoon, next token).
fn meridiem(text: &str, tokens: &[Tok], at: usize) -> Option<(bool, usize)> {
    let token = tokens.get(at)?;
    let word = token.text(text).to_ascii_lowercase();
    match word.as_str() {
        "am" => return Some((false, at + 1)),
        "pm" => return Some((true, at + 1)),
        "a" | "p" => {}
        _ => return None,
    }
    let pm = word == "p";
    match tokens.get(at + 1..at + 3) {
        Some([dot, m]) if dot.is_punct('.') && m.text(text).eq_ignore_ascii_case("m") => {
            let next = at + 3;
            let closing = tokens
                .get(next)
                .is_some_and(|t| t.is_punct('.') && t.start == m.end);
            Some((pm, if closing { next + 1 } else { next }))
        }
        _ => None,
    }
}
