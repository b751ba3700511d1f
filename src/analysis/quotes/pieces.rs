//! A small lexer for the few words around a quotation: words and single
//! punctuation marks with their byte ranges (whitespace skipped).

/// A word ("Bennet", "don't", "18-year-old") or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub is_word: bool,
}

impl Piece {
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Apostrophes and hyphens join letters into one word ("don't", "well-known").
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-')
}

/// The pieces of `text[range]`, in order.
pub fn pieces(text: &str, range: std::ops::Range<usize>) -> Vec<Piece> {
    let mut out = Vec::new();
    let slice = &text[range.clone()];
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let start = range.start + i;
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(Piece {
                start,
                end: start + c.len_utf8(),
                is_word: false,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                end = range.start + j + d.len_utf8();
                chars.next();
                continue;
            }
            // A joiner continues the word only when a letter follows it.
            let after = slice[j + d.len_utf8()..].chars().next();
            if is_joiner(d) && after.is_some_and(is_word_char) {
                chars.next();
                continue;
            }
            break;
        }
        // "Mr." keeps its period: titles and initials are one piece.
        if text[end..].starts_with('.') && takes_period(&text[start..end]) {
            end += 1;
            chars.next();
        }
        out.push(Piece {
            start,
            end,
            is_word: true,
        });
    }
    out
}

/// "Mr", "Mrs", "Dr", "St", a single capital initial: their period is not a sentence end.
fn takes_period(word: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "St", "Mme", "Mlle", "Messrs", "Capt", "Col", "Gen", "Lt", "Rev",
        "Prof", "Sr", "Jr", "Hon", "Sgt", "Maj",
    ];
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_apostrophes_hyphens_and_title_periods() {
        let text = "said Mr. Bennet, don't--an 18-year-old. ";
        let got: Vec<&str> = pieces(text, 0..text.len())
            .into_iter()
            .map(|p| p.text(text))
            .collect();
        assert_eq!(
            got,
            [
                "said",
                "Mr.",
                "Bennet",
                ",",
                "don't",
                "-",
                "-",
                "an",
                "18-year-old",
                "."
            ]
        );
    }
}
