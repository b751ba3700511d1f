//! Fast, deterministic hashing of words and feature keys (no allocation).
//! Hashes are part of the model format: changing them invalidates a model.

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Folds `value` into `state`.
#[inline]
pub fn mix(state: u64, value: u64) -> u64 {
    (state.rotate_left(26) ^ value).wrapping_mul(MULTIPLIER)
}

/// Hash of a sequence of characters (as code points).
#[inline]
pub fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(SEED, |h, c| mix(h, u64::from(c)))
}

pub const SEED: u64 = 0x51_7C_C1_B7_27_22_0A_95;

/// Lowercase form with every digit read as `0`, so "1996" and "2001" share features.
#[inline]
pub fn normalized_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars()
        .map(plain_punctuation)
        .flat_map(char::to_lowercase)
        .map(digit_as_zero)
}

/// Typographic quotes and dashes read as their ASCII forms, which is what
/// the training text uses: "’s" is "'s" and "“" is `"`.
#[inline]
pub fn plain_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        _ => c,
    }
}

#[inline]
pub fn digit_as_zero(c: char) -> char {
    if c.is_ascii_digit() {
        '0'
    } else {
        c
    }
}

/// The hash under which gazetteers and word lists look a word up.
#[inline]
pub fn lower_hash(word: &str) -> u64 {
    hash_chars(normalized_chars(word))
}

/// Folds the next word of a phrase into the phrase's hash.
#[inline]
pub fn extend_phrase(phrase: u64, word_lower_hash: u64) -> u64 {
    mix(phrase ^ 0x2545_F491_4F6C_DD1D, word_lower_hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hash_ignores_case_and_digit_values() {
        assert_eq!(lower_hash("Paris"), lower_hash("PARIS"));
        assert_eq!(lower_hash("1996"), lower_hash("2001"));
        assert_ne!(lower_hash("Paris"), lower_hash("Pariss"));
        assert_ne!(lower_hash("ab"), lower_hash("ba"));
    }
}
