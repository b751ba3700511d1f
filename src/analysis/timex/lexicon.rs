//! Word tables (months, weekdays, numbers, units...) and the raw-text
//! tokenizer the rules match against. Each word is looked up once, so the
//! rules compare small integers instead of strings.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Part of a day, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
        }
    }
}

/// A season, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Position in the year, for "last winter" arithmetic.
    pub fn index(self) -> u8 {
        match self {
            Season::Spring => 1,
            Season::Summer => 2,
            Season::Fall => 3,
            Season::Winter => 4,
        }
    }

    pub fn of_month(month: u8) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }
}

/// What a word can mean in a temporal expression (several at once: "second"
/// is an ordinal and a unit).
#[derive(Debug, Clone, Copy, Default)]
pub struct Lex {
    pub month: Option<u8>,
    /// The month name is a common word too ("may", "march").
    pub month_ambiguous: bool,
    /// ISO weekday, Monday = 1.
    pub weekday: Option<u8>,
    /// "Fridays": a set, not a date.
    pub weekday_plural: bool,
    /// Abbreviation that needs a following period or a capital ("Fri.").
    pub abbreviation: bool,
    pub number: Option<u32>,
    /// Tens that can take a hyphenated unit ("twenty-five").
    pub tens: bool,
    pub ordinal: Option<u8>,
    pub unit: Option<Unit>,
    pub unit_plural: bool,
    pub part_of_day: Option<PartOfDay>,
    pub season: Option<Season>,
    /// "nineties" = 9.
    pub decade_word: Option<u8>,
}

pub const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

pub const MONTH_ABBREVIATIONS: &[(&str, u8)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month names that are also ordinary words; alone they need a cue.
pub const AMBIGUOUS_MONTHS: &[&str] = &["may", "march", "august"];

pub const WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
];

pub const WEEKDAY_ABBREVIATIONS: &[(&str, u8)] = &[
    ("mon", 1),
    ("tue", 2),
    ("tues", 2),
    ("wed", 3),
    ("thu", 4),
    ("thur", 4),
    ("thurs", 4),
    ("fri", 5),
    ("sat", 6),
    ("sun", 7),
];

pub const NUMBERS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
];

pub const ORDINALS: &[(&str, u8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("twenty-first", 21),
];

pub const UNITS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("minute", Unit::Minute),
    ("hour", Unit::Hour),
    ("day", Unit::Day),
    ("weekend", Unit::Weekend),
    ("week", Unit::Week),
    ("month", Unit::Month),
    ("quarter", Unit::Quarter),
    ("year", Unit::Year),
    ("decade", Unit::Decade),
    ("century", Unit::Century),
];

pub const PARTS_OF_DAY: &[(&str, PartOfDay)] = &[
    ("morning", PartOfDay::Morning),
    ("afternoon", PartOfDay::Afternoon),
    ("evening", PartOfDay::Evening),
    ("night", PartOfDay::Night),
];

pub const SEASONS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("fall", Season::Fall),
    ("autumn", Season::Fall),
    ("winter", Season::Winter),
];

pub const DECADE_WORDS: &[(&str, u8)] = &[
    ("twenties", 2),
    ("thirties", 3),
    ("forties", 4),
    ("fifties", 5),
    ("sixties", 6),
    ("seventies", 7),
    ("eighties", 8),
    ("nineties", 9),
];

/// Interned lower-case words; id 0 is "not a known word".
pub struct Lexicon {
    ids: HashMap<&'static str, u16>,
    entries: Vec<Lex>,
}

impl Lexicon {
    /// The word tables; rule literals are added with [`Lexicon::intern`].
    pub fn build() -> Lexicon {
        let mut lexicon = Lexicon {
            ids: HashMap::default(),
            entries: vec![Lex::default()],
        };
        for &(word, month) in MONTHS {
            let entry = lexicon.entry(word);
            entry.month = Some(month);
            entry.month_ambiguous = AMBIGUOUS_MONTHS.contains(&word);
        }
        for &(word, month) in MONTH_ABBREVIATIONS {
            let entry = lexicon.entry(word);
            entry.month = Some(month);
            entry.abbreviation = true;
        }
        for &(word, day) in WEEKDAYS {
            lexicon.entry(word).weekday = Some(day);
            let plural = lexicon.entry(leak(format!("{word}s")));
            plural.weekday = Some(day);
            plural.weekday_plural = true;
        }
        for &(word, day) in WEEKDAY_ABBREVIATIONS {
            let entry = lexicon.entry(word);
            entry.weekday = Some(day);
            entry.abbreviation = true;
        }
        for &(word, n) in NUMBERS {
            let entry = lexicon.entry(word);
            entry.number = Some(n);
            entry.tens = (20..100).contains(&n);
        }
        for &(word, n) in ORDINALS {
            lexicon.entry(word).ordinal = Some(n);
        }
        for &(word, unit) in UNITS {
            lexicon.entry(word).unit = Some(unit);
            let plural = match word {
                "century" => "centuries",
                other => leak(format!("{other}s")),
            };
            let entry = lexicon.entry(plural);
            entry.unit = Some(unit);
            entry.unit_plural = true;
        }
        for &(word, part) in PARTS_OF_DAY {
            lexicon.entry(word).part_of_day = Some(part);
        }
        for &(word, season) in SEASONS {
            lexicon.entry(word).season = Some(season);
        }
        for &(word, decade) in DECADE_WORDS {
            lexicon.entry(word).decade_word = Some(decade);
        }
        lexicon
    }

    fn entry(&mut self, word: &'static str) -> &mut Lex {
        let id = self.intern(word);
        &mut self.entries[usize::from(id)]
    }

    /// The id of a literal word used by a rule, adding it if new.
    pub fn intern(&mut self, word: &'static str) -> u16 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u16::try_from(self.entries.len()).unwrap_or(u16::MAX);
        self.ids.insert(word, id);
        self.entries.push(Lex::default());
        id
    }

    /// The id of `word` (any case), or 0.
    pub fn lookup(&self, word: &str) -> u16 {
        let mut buffer = [0u8; 24];
        let bytes = word.as_bytes();
        if bytes.len() > buffer.len() || !word.is_ascii() {
            return 0;
        }
        for (slot, byte) in buffer.iter_mut().zip(bytes) {
            *slot = byte.to_ascii_lowercase();
        }
        std::str::from_utf8(&buffer[..bytes.len()])
            .ok()
            .and_then(|lower| self.ids.get(lower).copied())
            .unwrap_or(0)
    }

    /// Number of ids, including 0.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.len() <= 1
    }

    pub fn lex(&self, id: u16) -> &Lex {
        &self.entries[usize::from(id)]
    }
}

fn leak(word: String) -> &'static str {
    // Built once per process for a fixed, small table.
    Box::leak(word.into_boxed_str())
}

/// What a token looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Letters only.
    Word,
    /// Digits only.
    Digits,
    /// Letters and digits ("1990s", "21st").
    Mixed,
    /// One punctuation character, normalised (’ -> ', – -> -).
    Punct(char),
}

/// A token of the raw text.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    /// Lexicon id of the lower-cased word (0 when unknown).
    pub word: u16,
    /// Starts with an upper-case letter.
    pub capital: bool,
    /// The value of an all-digit token (saturating).
    pub digits: u32,
}

impl Tok {
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub fn is_punct(self, c: char) -> bool {
        self.shape == Shape::Punct(c)
    }

    pub fn digit_count(self) -> usize {
        self.end - self.start
    }
}

/// Splits `text` into alphanumeric runs and single punctuation marks;
/// whitespace is skipped. Offsets are relative to `text`.
pub fn tokenize(text: &str, lexicon: &Lexicon, tokens: &mut Vec<Tok>) {
    tokens.clear();
    tokenize_range(text, 0..text.len(), lexicon, tokens);
}

/// Appends the tokens of `text[range]` (offsets into `text`); `range` must
/// start and end where no token runs across (whitespace or the text's ends).
pub fn tokenize_range(text: &str, range: Range<usize>, lexicon: &Lexicon, tokens: &mut Vec<Tok>) {
    let Some(text) = text.get(..range.end) else {
        return;
    };
    let bytes = text.as_bytes();
    let mut i = range.start;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii_alphanumeric() {
            let start = i;
            let (mut letters, mut digits) = (false, false);
            let mut value: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                if bytes[i].is_ascii_digit() {
                    digits = true;
                    value = value
                        .saturating_mul(10)
                        .saturating_add(u32::from(bytes[i] - b'0'));
                } else {
                    letters = true;
                }
                i += 1;
            }
            let word = &text[start..i];
            let shape = match (letters, digits) {
                (true, true) => Shape::Mixed,
                (false, true) => Shape::Digits,
                _ => Shape::Word,
            };
            tokens.push(Tok {
                start,
                end: i,
                shape,
                word: if shape == Shape::Word {
                    lexicon.lookup(word)
                } else {
                    0
                },
                capital: b.is_ascii_uppercase(),
                digits: if shape == Shape::Digits { value } else { 0 },
            });
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if c.is_alphanumeric() {
            // Non-ASCII letters: one opaque word token.
            let start = i;
            while let Some(d) = text[i..].chars().next() {
                if !d.is_alphanumeric() {
                    break;
                }
                i += d.len_utf8();
            }
            tokens.push(Tok {
                start,
                end: i,
                shape: Shape::Word,
                word: 0,
                capital: c.is_uppercase(),
                digits: 0,
            });
            continue;
        }
        let normalised = match c {
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{201c}' | '\u{201d}' => '"',
            other => other,
        };
        tokens.push(Tok {
            start: i,
            end: i + len,
            shape: Shape::Punct(normalised),
            word: 0,
            capital: false,
            digits: 0,
        });
        i += len;
    }
}
