//! Feature extraction. Every word is reduced once to its "atoms" (hashes of its
//! forms, shape, affixes, list memberships, document statistics); a token's
//! features then combine the atoms of the token and its neighbours, and come
//! out as 64-bit keys that the model hashes into its weight table.

use rustc_hash::FxHashMap;

use super::hashing::{digit_as_zero, lower_hash, mix, plain_punctuation, SEED};
use super::lexicon::{Gazetteer, List, WordFrequencies};

/// The letter case of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(u8)]
pub enum Case {
    /// Starts with a lowercase letter and has no capital: "the".
    #[default]
    Lower = 0,
    /// Starts with a capital and has lowercase letters: "Paris", "McDonald".
    Title = 1,
    /// Letters, all capitals: "NATO", "U.S.", "A".
    Upper = 2,
    /// Starts lowercase, has capitals: "iPhone".
    Mixed = 3,
    /// No letters, some digits: "1996", "3-1".
    Number = 4,
    /// Neither letters nor digits: ",", "--".
    Symbol = 5,
}

const AFFIXES: usize = 4;
const MAX_SHAPE: usize = 8;

/// What the features need to know about one word, computed once per word
/// type of a document (gazetteer marks, which depend on the neighbours, are
/// kept per token in [`DocumentAtoms::gazetteer`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Atoms {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    pub prefixes: [u64; AFFIXES],
    pub suffixes: [u64; AFFIXES],
    pub case: Case,
    pub chars: u8,
    /// General-English frequency bucket.
    pub frequency: u8,
    /// How the word is written elsewhere in its document (`DOC_*` bits).
    pub document: u8,
    /// Where this word's contexts elsewhere in the document are in
    /// [`DocumentAtoms::contexts`].
    pub contexts: (u32, u32),
}

/// The word is written capitalised inside a normally-cased sentence, not first.
const DOC_TITLE: u8 = 1;
/// The word is written in lowercase somewhere in the document.
const DOC_LOWER: u8 = 2;
/// The word is written in capitals inside a normally-cased sentence.
const DOC_UPPER: u8 = 4;
/// The word ends a run of capitalised words ("Angela Merkel").
const DOC_RUN_LAST: u8 = 8;
/// The word starts a run of capitalised words.
const DOC_RUN_FIRST: u8 = 16;
/// The word follows a first name ("Alex O'Brien").
const DOC_AFTER_FIRST_NAME: u8 = 32;
/// The word follows a personal title ("Mr. Kohl", "President Chirac").
const DOC_AFTER_TITLE: u8 = 64;
/// The word precedes a company suffix ("Comelf Inc").
const DOC_BEFORE_COMPANY: u8 = 128;

/// Words that announce a person's name or end a company's.
struct Cues {
    personal: rustc_hash::FxHashSet<u64>,
    corporate: Vec<u64>,
}

static CUES: std::sync::LazyLock<Cues> = std::sync::LazyLock::new(|| Cues {
    // Every one-word title of the shared table, with and without its period.
    personal: crate::analysis::titles::titles()
        .one_word_keys()
        .flat_map(|key| [lower_hash(key), lower_hash(&format!("{key}."))])
        .collect(),
    corporate: [
        "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "co", "co.", "plc", "group", "ag", "sa",
        "nv", "bank", "airlines", "holdings",
    ]
    .map(lower_hash)
    .to_vec(),
});

/// The bits about casing alone.
const DOC_CASING: u8 = DOC_TITLE | DOC_LOWER | DOC_UPPER;

impl Atoms {
    pub fn of(word: &str) -> Atoms {
        if word.is_ascii() {
            Atoms::of_ascii(word.as_bytes())
        } else {
            Atoms::of_unicode(word)
        }
    }

    /// The same as [`Atoms::of_unicode`] for ASCII words, in one pass over bytes.
    fn of_ascii(word: &[u8]) -> Atoms {
        let mut atoms = Atoms::default();
        let (mut hash, mut lower, mut shape) = (SEED, SEED, SEED);
        let (mut previous_class, mut shape_len) = (0u8, 0);
        let (mut uppers, mut lowers, mut digits) = (0u32, 0u32, 0u32);
        for (n, &b) in word.iter().enumerate() {
            hash = mix(hash, u64::from(b));
            if n < AFFIXES {
                atoms.prefixes[n] = hash;
            }
            let class = match b {
                b'A'..=b'Z' => {
                    uppers += 1;
                    b'X'
                }
                b'a'..=b'z' => {
                    lowers += 1;
                    b'x'
                }
                b'0'..=b'9' => {
                    digits += 1;
                    b'd'
                }
                _ => b,
            };
            lower = mix(lower, u64::from(ascii_normalized(b)));
            if class != previous_class && shape_len < MAX_SHAPE {
                shape = mix(shape, u64::from(class));
                shape_len += 1;
                previous_class = class;
            }
        }
        atoms.chars = word.len().min(usize::from(u8::MAX)) as u8;
        (atoms.word, atoms.lower, atoms.shape) = (hash, lower, shape);
        let mut suffix = SEED;
        for (k, &b) in word.iter().rev().take(AFFIXES).enumerate() {
            suffix = mix(suffix, u64::from(ascii_normalized(b)));
            atoms.suffixes[k] = suffix;
        }
        atoms.case = case_of(
            uppers,
            lowers,
            digits,
            word.first().is_some_and(u8::is_ascii_lowercase),
        );
        atoms
    }

    fn of_unicode(word: &str) -> Atoms {
        let mut atoms = Atoms {
            lower: lower_hash(word),
            ..Atoms::default()
        };
        let (mut hash, mut shape) = (SEED, SEED);
        let (mut previous_class, mut shape_len) = ('\0', 0);
        let (mut uppers, mut lowers, mut digits) = (0u32, 0u32, 0u32);
        let mut first_lower = false;
        for (n, c) in word.chars().map(plain_punctuation).enumerate() {
            hash = mix(hash, u64::from(c));
            if n < AFFIXES {
                atoms.prefixes[n] = hash;
            }
            let class = if c.is_uppercase() {
                uppers += 1;
                'X'
            } else if c.is_lowercase() {
                lowers += 1;
                first_lower |= n == 0;
                'x'
            } else if c.is_numeric() {
                digits += 1;
                'd'
            } else {
                c
            };
            if class != previous_class && shape_len < MAX_SHAPE {
                shape = mix(shape, u64::from(class));
                shape_len += 1;
                previous_class = class;
            }
            atoms.chars = atoms.chars.saturating_add(1);
        }
        atoms.word = hash;
        atoms.shape = shape;
        let mut suffix = SEED;
        let reversed = word
            .chars()
            .rev()
            .map(plain_punctuation)
            .flat_map(char::to_lowercase)
            .map(digit_as_zero);
        for (k, c) in reversed.take(AFFIXES).enumerate() {
            suffix = mix(suffix, u64::from(c));
            atoms.suffixes[k] = suffix;
        }
        atoms.case = case_of(uppers, lowers, digits, first_lower);
        atoms
    }

    fn has_letters(&self) -> bool {
        matches!(
            self.case,
            Case::Lower | Case::Title | Case::Upper | Case::Mixed
        )
    }
}

/// The case of a word from its counts of capitals, lowercase letters and digits.
fn case_of(uppers: u32, lowers: u32, digits: u32, first_lower: bool) -> Case {
    match (uppers, lowers, digits) {
        (0, 0, 0) => Case::Symbol,
        (0, 0, _) => Case::Number,
        (_, 0, _) => Case::Upper,
        (0, _, _) => Case::Lower,
        _ if first_lower => Case::Mixed,
        _ => Case::Title,
    }
}

/// An ASCII byte as [`super::hashing::normalized_chars`] reads it.
#[inline]
fn ascii_normalized(b: u8) -> u8 {
    if b.is_ascii_digit() {
        b'0'
    } else {
        b.to_ascii_lowercase()
    }
}

/// Atoms of a document's word types, and for each token its type and its
/// gazetteer marks, with per-sentence facts. Per type rather than per token:
/// a novel has some 30 times fewer types than tokens, so the table is a
/// fraction of the memory and each word is hashed once.
#[derive(Debug, Default)]
pub struct DocumentAtoms {
    /// One entry per distinct word of the document, in order of first use.
    pub types: Vec<Atoms>,
    /// The type of each token (an index into `types`), sentence after sentence.
    pub tokens: Vec<u32>,
    /// Gazetteer membership bits of each token (see [`Gazetteer::mark`]).
    pub gazetteer: Vec<u32>,
    /// Start index of each sentence in `tokens`, plus the total at the end.
    pub bounds: Vec<usize>,
    /// Whether each sentence is written in capitals (headlines, datelines).
    pub capitals: Vec<bool>,
    /// Lowercase words seen around each capitalised word, over the whole
    /// document (keys of word and offset), grouped by word.
    pub contexts: Vec<u64>,
}

/// One sentence of a [`DocumentAtoms`]: its tokens' atoms and marks.
#[derive(Debug, Clone, Copy)]
pub struct SentenceAtoms<'a> {
    types: &'a [Atoms],
    tokens: &'a [u32],
    gazetteer: &'a [u32],
}

impl<'a> SentenceAtoms<'a> {
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The atoms of token `i`, or `None` past the sentence's edges.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&'a Atoms> {
        self.tokens.get(i).map(|&t| &self.types[t as usize])
    }

    /// The word type of token `i` (an index into [`DocumentAtoms::types`]).
    #[inline]
    pub fn type_of(&self, i: usize) -> usize {
        self.tokens[i] as usize
    }

    /// The gazetteer marks of token `i`; none past the sentence's edges.
    #[inline]
    pub fn gazetteer(&self, i: usize) -> u32 {
        self.gazetteer.get(i).copied().unwrap_or(0)
    }
}

impl std::ops::Index<usize> for SentenceAtoms<'_> {
    type Output = Atoms;

    fn index(&self, i: usize) -> &Atoms {
        &self.types[self.tokens[i] as usize]
    }
}

impl DocumentAtoms {
    pub fn sentence(&self, index: usize) -> SentenceAtoms<'_> {
        let tokens = self.bounds[index]..self.bounds[index + 1];
        SentenceAtoms {
            types: &self.types,
            tokens: &self.tokens[tokens.clone()],
            gazetteer: &self.gazetteer[tokens],
        }
    }

    pub fn sentences(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }
}

/// Computes the atoms of a document's word types, the gazetteer marks of its
/// tokens and the document-level casing statistics.
pub fn document_atoms<S: AsRef<str>>(
    sentences: &[Vec<S>],
    gazetteer: &Gazetteer,
    frequencies: &WordFrequencies,
) -> DocumentAtoms {
    let total = sentences.iter().map(Vec::len).sum();
    let mut document = DocumentAtoms {
        tokens: Vec::with_capacity(total),
        gazetteer: vec![0; total],
        bounds: Vec::with_capacity(sentences.len() + 1),
        capitals: Vec::with_capacity(sentences.len()),
        ..DocumentAtoms::default()
    };
    let mut type_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut lowers = Vec::new();
    for sentence in sentences {
        let start = document.tokens.len();
        document.bounds.push(start);
        for word in sentence {
            let word = word.as_ref();
            let id = *type_ids.entry(word).or_insert_with(|| {
                let mut atoms = Atoms::of(word);
                atoms.frequency = frequencies.zipf(atoms.lower);
                document.types.push(atoms);
                (document.types.len() - 1) as u32
            });
            document.tokens.push(id);
        }
        let ids = &document.tokens[start..];
        lowers.clear();
        lowers.extend(ids.iter().map(|&t| document.types[t as usize].lower));
        gazetteer.mark(&lowers, &mut document.gazetteer[start..start + ids.len()]);
        let case = |&t: &u32| document.types[t as usize].case;
        let capitalised = ids.iter().filter(|t| case(t) == Case::Upper).count();
        let cased = ids
            .iter()
            .filter(|t| matches!(case(t), Case::Lower | Case::Title))
            .count();
        document.capitals.push(capitalised > 0 && cased == 0);
    }
    document.bounds.push(document.tokens.len());
    add_document_casing(&mut document);
    add_document_contexts(&mut document);
    document
}

/// Marks each word with how the same word is written elsewhere in the
/// document, which tells a sentence-initial or headline name from a common word.
fn add_document_casing(document: &mut DocumentAtoms) {
    let mut seen: FxHashMap<u64, u8> = FxHashMap::default();
    let first_name = 1 << (List::FirstName as u32 * 4 + 3);
    for s in 0..document.sentences() {
        let atoms = document.sentence(s);
        let capitals = document.capitals[s];
        let capitalised = |i: usize| atoms.get(i).is_some_and(|a| a.case == Case::Title);
        for position in 0..atoms.len() {
            let atom = &atoms[position];
            let mut bits = match atom.case {
                Case::Lower => DOC_LOWER,
                Case::Title if position > 0 && !capitals => DOC_TITLE,
                Case::Upper if !capitals && atom.chars > 1 => DOC_UPPER,
                _ => continue,
            };
            if bits == DOC_TITLE {
                let after = position.checked_sub(1).filter(|&p| capitalised(p));
                if after.is_some() && !capitalised(position + 1) {
                    bits |= DOC_RUN_LAST;
                }
                if after.is_some_and(|p| atoms.gazetteer(p) & first_name != 0) {
                    bits |= DOC_AFTER_FIRST_NAME;
                }
            }
            if atom.case == Case::Title && !capitals && capitalised(position + 1) {
                bits |= DOC_RUN_FIRST;
            }
            if matches!(atom.case, Case::Title | Case::Upper) {
                let cues = &*CUES;
                if position
                    .checked_sub(1)
                    .is_some_and(|p| cues.personal.contains(&atoms[p].lower))
                {
                    bits |= DOC_AFTER_TITLE;
                }
                if atoms
                    .get(position + 1)
                    .is_some_and(|a| cues.corporate.contains(&a.lower))
                {
                    bits |= DOC_BEFORE_COMPANY;
                }
            }
            *seen.entry(atom.lower).or_insert(0) |= bits;
        }
    }
    for atom in &mut document.types {
        if atom.has_letters() {
            atom.document = seen.get(&atom.lower).copied().unwrap_or(0);
        }
    }
}

/// The most contexts kept for one word.
const MAX_CONTEXTS: usize = 64;

/// Collects, for each capitalised word, the lowercase words around all its
/// occurrences in the document: "general manager of Petofi" and "Petofi
/// printing house" tell what Petofi is wherever it appears.
fn add_document_contexts(document: &mut DocumentAtoms) {
    let mut contexts: FxHashMap<u64, Vec<u64>> = FxHashMap::default();
    let capitalised = |a: &Atoms| matches!(a.case, Case::Title | Case::Upper);
    for s in 0..document.sentences() {
        let atoms = document.sentence(s);
        for position in (0..atoms.len()).filter(|&p| capitalised(&atoms[p])) {
            let around = contexts.entry(atoms[position].lower).or_default();
            for offset in NEIGHBOURS {
                let neighbour = position
                    .checked_add_signed(offset)
                    .and_then(|p| atoms.get(p));
                if let Some(neighbour) = neighbour.filter(|n| n.case == Case::Lower) {
                    around.push(mix(neighbour.lower, offset as u64));
                }
            }
        }
    }
    let mut ranges: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    for atom in &mut document.types {
        let Some(around) = contexts.get_mut(&atom.lower) else {
            continue;
        };
        let range = *ranges.entry(atom.lower).or_insert_with(|| {
            around.sort_unstable();
            around.dedup();
            around.truncate(MAX_CONTEXTS);
            let start = document.contexts.len() as u32;
            document.contexts.extend_from_slice(around);
            (start, document.contexts.len() as u32)
        });
        atom.contexts = range;
    }
}

/// Stands in for words beyond the sentence's edges.
const EDGE: u64 = 0xB0B0_CAFE_F00D_0001;

/// Feature template identifiers (part of the model format).
mod template {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const PREFIX: u64 = 10; // + length - 1
    pub const SUFFIX: u64 = 20; // + length - 1
    pub const POSITION: u64 = 30;
    pub const NEIGHBOUR_LOWER: u64 = 40; // + neighbour slot
    pub const NEIGHBOUR_SHAPE: u64 = 50;
    pub const NEIGHBOUR_WORD: u64 = 60;
    pub const NEIGHBOUR_FREQUENCY: u64 = 65;
    pub const SHAPE_PAIR: u64 = 70;
    pub const GAZETTEER: u64 = 80;
    pub const NEIGHBOUR_GAZETTEER: u64 = 90;
    pub const DOCUMENT: u64 = 100;
    pub const FREQUENCY: u64 = 110;
    pub const CAPITALS: u64 = 120;
    pub const LOWER_PAIR: u64 = 130;
    pub const CAPITALISED_RUN: u64 = 140;
    pub const DOCUMENT_RUNS: u64 = 150;
    pub const DOCUMENT_CONTEXT: u64 = 160;
}

#[inline]
fn key(template: u64, value: u64) -> u64 {
    mix(value, template)
}

/// Where the neighbours whose words are features sit, relative to the token.
pub const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

/// Calls `emit` with the key of every feature of token `i` of a sentence:
/// those of the word itself, of its neighbours' words, and of its context.
#[inline]
pub fn for_each_feature(
    sentence: SentenceAtoms,
    i: usize,
    capitals: bool,
    contexts: &[u64],
    mut emit: impl FnMut(u64),
) {
    for_each_word_feature(&sentence[i], &mut emit);
    for (slot, offset) in NEIGHBOURS.into_iter().enumerate() {
        let neighbour = i.checked_add_signed(offset).and_then(|j| sentence.get(j));
        for_each_neighbour_feature(neighbour, slot, &mut emit);
    }
    for_each_context_feature(sentence, i, capitals, contexts, &mut emit);
}

/// Features that depend on the word alone (so their sum can be cached per word).
#[inline]
pub fn for_each_word_feature(this: &Atoms, emit: &mut impl FnMut(u64)) {
    use template::*;
    emit(key(WORD, this.word));
    emit(key(LOWER, this.lower));
    emit(key(SHAPE, this.shape));
    for k in 0..usize::from(this.chars).min(AFFIXES) {
        emit(key(PREFIX + k as u64, this.prefixes[k]));
        emit(key(SUFFIX + k as u64, this.suffixes[k]));
    }
    emit(key(
        FREQUENCY,
        u64::from(this.frequency / 5) << 4 | this.case as u64,
    ));
}

/// Features that the word in neighbour slot `slot` (see [`NEIGHBOURS`]) gives
/// a token; `None` is the sentence edge.
#[inline]
pub fn for_each_neighbour_feature(
    neighbour: Option<&Atoms>,
    slot: usize,
    emit: &mut impl FnMut(u64),
) {
    use template::*;
    let slot_id = slot as u64;
    emit(key(
        NEIGHBOUR_LOWER + slot_id,
        neighbour.map_or(EDGE, |a| a.lower),
    ));
    emit(key(
        NEIGHBOUR_SHAPE + slot_id,
        neighbour.map_or(EDGE, |a| a.shape),
    ));
    if NEIGHBOURS[slot].abs() == 1 {
        emit(key(
            NEIGHBOUR_WORD + slot_id,
            neighbour.map_or(EDGE, |a| a.word),
        ));
        let frequency = neighbour.map_or(EDGE, |a| u64::from(a.frequency / 5) << 4 | a.case as u64);
        emit(key(NEIGHBOUR_FREQUENCY + slot_id, frequency));
    }
}

/// Features of the token in its sentence and document.
#[inline]
pub fn for_each_context_feature(
    sentence: SentenceAtoms,
    i: usize,
    capitals: bool,
    contexts: &[u64],
    emit: &mut impl FnMut(u64),
) {
    let position = position_in_sentence(i, sentence.len());
    for_each_type_context_feature(&sentence[i], position, capitals, contexts, emit);
    for_each_token_context_feature(sentence, i, emit);
}

/// Where a token sits in its sentence, as the features see it: first,
/// last, second, elsewhere.
#[inline]
pub fn position_in_sentence(i: usize, len: usize) -> usize {
    match i {
        0 => 0,
        _ if i + 1 == len => 1,
        1 => 2,
        _ => 3,
    }
}

/// How many values [`position_in_sentence`] takes.
pub const POSITIONS: usize = 4;

/// The context features that depend on the word, its position and whether
/// the sentence is in capitals, not on its neighbours (so their sum can be
/// kept per word type of a document).
#[inline]
pub fn for_each_type_context_feature(
    this: &Atoms,
    position: usize,
    capitals: bool,
    contexts: &[u64],
    emit: &mut impl FnMut(u64),
) {
    use template::*;
    let case = this.case as u64;
    let position = position as u64;
    emit(key(BIAS, 0));
    let (start, end) = this.contexts;
    for &context in contexts
        .get(start as usize..end as usize)
        .unwrap_or_default()
    {
        emit(key(DOCUMENT_CONTEXT, context));
    }
    emit(key(POSITION, mix(this.shape, position)));
    let casing = u64::from(this.document & DOC_CASING);
    emit(key(
        DOCUMENT,
        u64::from(this.document) << 8 | case << 4 | position,
    ));
    emit(key(CAPITALS, u64::from(capitals) << 8 | case << 4 | casing));
    let runs = u64::from(this.document & !DOC_CASING);
    emit(key(
        DOCUMENT_RUNS,
        runs << 8 | case << 4 | u64::from(capitals),
    ));
}

/// The context features of a token that depend on its neighbours or on its
/// gazetteer marks.
#[inline]
pub fn for_each_token_context_feature(
    sentence: SentenceAtoms,
    i: usize,
    emit: &mut impl FnMut(u64),
) {
    use template::*;
    let at = |offset: isize| -> Option<&Atoms> { sentence.get(i.checked_add_signed(offset)?) };
    let gazetteer_at = |offset: isize| {
        i.checked_add_signed(offset)
            .map_or(0, |j| sentence.gazetteer(j))
    };
    let this = &sentence[i];
    let case = this.case as u64;
    for (slot, offset) in NEIGHBOURS.into_iter().enumerate() {
        for_each_bit(gazetteer_at(offset), |bit| {
            emit(key(NEIGHBOUR_GAZETTEER + slot as u64, bit))
        });
    }
    let previous = at(-1).map_or((EDGE, EDGE), |a| (a.shape, a.lower));
    let next = at(1).map_or((EDGE, EDGE), |a| (a.shape, a.lower));
    emit(key(SHAPE_PAIR, mix(previous.0, this.shape)));
    emit(key(SHAPE_PAIR + 1, mix(this.shape, next.0)));
    emit(key(LOWER_PAIR, mix(previous.1, this.lower)));
    emit(key(LOWER_PAIR + 1, mix(this.lower, next.1)));
    for_each_bit(sentence.gazetteer(i), |bit| {
        emit(key(GAZETTEER, mix(bit, case)))
    });
    let capitalised = |a: &Atoms| matches!(a.case, Case::Title | Case::Upper);
    if capitalised(this) {
        // How far the run of capitalised words around the token reaches.
        let left = (1..=3)
            .take_while(|&k| at(-k).is_some_and(capitalised))
            .count() as u64;
        let right = (1..=3)
            .take_while(|&k| at(k).is_some_and(capitalised))
            .count() as u64;
        emit(key(CAPITALISED_RUN, left << 4 | right));
    }
}

#[inline]
fn for_each_bit(mut bits: u32, mut f: impl FnMut(u64)) {
    while bits != 0 {
        f(u64::from(bits.trailing_zeros()));
        bits &= bits - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::hashing::lower_hash;

    #[test]
    fn ascii_fast_path_matches_the_general_one() {
        for word in [
            "Paris",
            "U.S.",
            "iPhone",
            "1996-08-30",
            ",",
            "al-Sadr",
            "McDONALD",
            "a",
            "x9Y",
        ] {
            let (fast, general) = (Atoms::of_ascii(word.as_bytes()), Atoms::of_unicode(word));
            assert_eq!(format!("{fast:?}"), format!("{general:?}"), "{word}");
        }
    }

    #[test]
    fn typographic_punctuation_reads_as_ascii() {
        for (fancy, plain) in [
            ("\u{2019}s", "'s"),
            ("\u{201C}", "\""),
            ("Abdul\u{2013}Mahdi", "Abdul-Mahdi"),
        ] {
            assert_eq!(
                format!("{:?}", Atoms::of(fancy)),
                format!("{:?}", Atoms::of(plain)),
                "{fancy}"
            );
        }
    }

    #[test]
    fn atoms_read_case_shape_and_affixes() {
        let paris = Atoms::of("Paris");
        assert_eq!(paris.case, Case::Title);
        assert_eq!(paris.shape, Atoms::of("London").shape);
        assert_ne!(paris.shape, Atoms::of("NATO").shape);
        assert_eq!(paris.suffixes[2], Atoms::of("chris").suffixes[2]);
        assert_eq!(paris.prefixes[1], Atoms::of("Pa").prefixes[1]);
        assert_eq!(Atoms::of("U.S.").case, Case::Upper);
        assert_eq!(Atoms::of("iPhone").case, Case::Mixed);
        assert_eq!(Atoms::of("1996-08-30").case, Case::Number);
        assert_eq!(Atoms::of(",").case, Case::Symbol);
        assert_eq!(Atoms::of("al-Sadr").lower, lower_hash("AL-SADR"));
    }

    #[test]
    fn document_casing_sees_other_sentences() {
        let sentences = vec![
            vec!["WHITE", "HOUSE", "SAYS", "NO"],
            vec!["The", "White", "House", "said", "no", "."],
        ];
        let document = document_atoms(
            &sentences,
            &Gazetteer::default(),
            &WordFrequencies::default(),
        );
        assert_eq!(document.capitals, vec![true, false]);
        let headline = document.sentence(0);
        assert_eq!(headline[0].document, DOC_TITLE | DOC_RUN_FIRST);
        assert_eq!(headline[1].document, DOC_TITLE | DOC_RUN_LAST);
        assert_eq!(headline[3].document, DOC_LOWER);
        // "The" is only ever sentence-initial, so its casing says nothing.
        assert_eq!(document.sentence(1)[0].document, 0);
    }

    #[test]
    fn document_notes_names_after_titles_and_first_names() {
        let sentences = vec![
            vec![
                "Yesterday",
                "Mr.",
                "Kohl",
                "met",
                "Alex",
                "O'Brien",
                "of",
                "Comelf",
                "Inc",
                ".",
            ],
            vec!["KOHL", "AND", "O'BRIEN", "MEET"],
        ];
        let mut gazetteer = Gazetteer::default();
        gazetteer.add_lines("first\tAlex\n");
        let document = document_atoms(&sentences, &gazetteer, &WordFrequencies::default());
        let headline = document.sentence(1);
        assert_ne!(headline[0].document & DOC_AFTER_TITLE, 0);
        assert_ne!(headline[2].document & DOC_AFTER_FIRST_NAME, 0);
        assert_ne!(document.sentence(0)[7].document & DOC_BEFORE_COMPANY, 0);
        assert_eq!(headline[1].document & !DOC_CASING, 0);
    }

    #[test]
    fn capitalised_words_share_their_contexts_across_the_document() {
        let sentences = vec![
            vec!["the", "manager", "of", "Petofi", "resigned"],
            vec!["Petofi", "said", "nothing", "."],
        ];
        let document = document_atoms(
            &sentences,
            &Gazetteer::default(),
            &WordFrequencies::default(),
        );
        let first = document.sentence(0)[3].contexts;
        let second = document.sentence(1)[0].contexts;
        assert_eq!(first, second);
        // "manager", "of", "resigned" around the first; "said", "nothing" after the second.
        assert_eq!((first.1 - first.0) as usize, 5);
        assert_eq!(document.sentence(0)[1].contexts, (0, 0));
        let mut keys = Vec::new();
        let atoms = document.sentence(1);
        for_each_feature(atoms, 0, false, &document.contexts, |k| keys.push(k));
        let mut without = Vec::new();
        for_each_feature(atoms, 0, false, &[], |k| without.push(k));
        assert_eq!(keys.len(), without.len() + 5);
    }

    #[test]
    fn features_depend_on_neighbours() {
        let one_sentence = |words: [&str; 3]| {
            document_atoms(
                &[words.to_vec()],
                &Gazetteer::default(),
                &WordFrequencies::default(),
            )
        };
        let (here, there) = (
            one_sentence(["in", "Paris", "today"]),
            one_sentence(["to", "Paris", "today"]),
        );
        let mut keys = Vec::new();
        for_each_feature(here.sentence(0), 1, false, &[], |k| keys.push(k));
        let mut other_keys = Vec::new();
        for_each_feature(there.sentence(0), 1, false, &[], |k| other_keys.push(k));
        assert_eq!(keys.len(), other_keys.len());
        let shared = keys.iter().filter(|k| other_keys.contains(k)).count();
        assert!(
            shared > 0 && shared < keys.len(),
            "{shared} of {}",
            keys.len()
        );
        let mut edge_keys = Vec::new();
        for_each_feature(here.sentence(0), 0, false, &[], |k| edge_keys.push(k));
        assert!(!edge_keys.is_empty());
    }

    #[test]
    fn a_word_type_is_stored_once_and_marks_stay_per_token() {
        let sentences = vec![
            vec!["Alex", "met", "Alex", "Smith"],
            vec!["Alex", "left", "."],
        ];
        let mut gazetteer = Gazetteer::default();
        gazetteer.add_lines("PER\tAlex Smith\n");
        let document = document_atoms(&sentences, &gazetteer, &WordFrequencies::default());
        assert_eq!(document.types.len(), 5);
        let (first, second) = (document.sentence(0), document.sentence(1));
        assert_eq!(first.type_of(0), first.type_of(2));
        assert_eq!(first.type_of(0), second.type_of(0));
        // Only the "Alex" of "Alex Smith" is marked as the start of a listed name.
        assert_eq!(first.gazetteer(0), 0);
        assert_ne!(first.gazetteer(2), 0);
        assert_eq!(second.gazetteer(0), 0);
        assert_eq!(first.gazetteer(9), 0);
    }
}
