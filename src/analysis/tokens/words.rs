//! Splitting text into tokens: one pass over each whitespace-separated chunk,
//! no regular expressions, no allocation besides the output vector.

use std::ops::Range;

use super::abbreviations;
use super::Token;

/// Splits `text[range]` into tokens.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(range.len() / 5);
    let body = &text[range.clone()];
    let mut chunk_start = None;
    for (i, c) in body.char_indices() {
        match (c.is_whitespace(), chunk_start) {
            (true, Some(start)) => {
                split_chunk(text, range.start + start..range.start + i, &mut tokens);
                chunk_start = None;
            }
            (false, None) => chunk_start = Some(i),
            _ => {}
        }
    }
    if let Some(start) = chunk_start {
        split_chunk(text, range.start + start..range.end, &mut tokens);
    }
    // The estimate above can be overshot and double the buffer: on a novel
    // that is megabytes kept for the whole analysis.
    tokens.shrink_to_fit();
    tokens
}

/// Tokenises one chunk of text that contains no whitespace.
fn split_chunk(text: &str, chunk: Range<usize>, tokens: &mut Vec<Token>) {
    let s = &text[chunk.clone()];
    let base = chunk.start;
    if looks_like_url_or_email(s) {
        split_url(s, base, tokens);
        return;
    }
    let mut pos = 0;
    while pos < s.len() {
        let c = char_at(s, pos);
        let end = if pos > 0 && is_word_char(prev_char(s, pos)) && is_word_char(c) {
            // Only "n't" can start right after a word: `scan_word` stopped before it.
            negation_clitic_len(&s[pos..]).map_or(pos + c.len_utf8(), |len| pos + len)
        } else if is_word_char(c) {
            scan_word(s, pos)
        } else {
            scan_punctuation(s, pos)
        };
        tokens.push(Token {
            start: base + pos,
            end: base + end,
        });
        pos = end;
    }
}

/// Scans a word starting at `pos`; returns its end. The word stops before a
/// clitic ("'s", "n't"), which becomes a token of its own.
fn scan_word(s: &str, start: usize) -> usize {
    let bytes = s.as_bytes();
    let mut pos = start;
    while let Some(c) = s[pos..].chars().next() {
        if is_word_char(c) {
            let negation_follows =
                (c == 'n' || c == 'N') && pos > start && negation_clitic_len(&s[pos..]).is_some();
            if negation_follows {
                break;
            }
            pos += c.len_utf8();
            continue;
        }
        let next = s[pos + c.len_utf8()..].chars().next();
        let next_is_word = next.is_some_and(is_word_char);
        let joins = match c {
            '-' | '‐' | '‑' => next_is_word,
            // "U.S" + "." + "-led": an abbreviation's period inside a compound.
            '.' => {
                next.is_some_and(char::is_alphanumeric)
                    || (next == Some('-')
                        && s[pos + 2..].starts_with(is_word_char)
                        && abbreviations::takes_period(&s[start..pos]))
            }
            ',' => is_thousands_separator(bytes, pos),
            '&' => next.is_some_and(char::is_uppercase) && prev_char(s, pos).is_uppercase(),
            '\'' | '’' => next_is_word && clitic_len(&s[pos..]).is_none(),
            _ => false,
        };
        if !joins {
            break;
        }
        pos += c.len_utf8();
    }
    // "U.S." and "Mr." keep their period, unless it starts an ellipsis.
    if s[pos..].starts_with('.')
        && !s[pos..].starts_with("..")
        && abbreviations::takes_period(&s[start..pos])
    {
        pos += 1;
    }
    pos
}

/// Scans punctuation starting at `pos`; returns its end.
fn scan_punctuation(s: &str, pos: usize) -> usize {
    let rest = &s[pos..];
    if let Some(len) = clitic_len(rest) {
        return pos + len;
    }
    for run in [b'.', b'-'] {
        let n = rest.bytes().take_while(|&b| b == run).count();
        if n >= 2 {
            return pos + n;
        }
    }
    if rest.starts_with("``") || rest.starts_with("''") {
        return pos + 2;
    }
    pos + char_at(s, pos).len_utf8()
}

/// Length of "'s", "'re", "'ve", "'ll", "'d", "'m" (straight or curly) at the
/// start of `s` when it ends the word.
fn clitic_len(s: &str) -> Option<usize> {
    let quote_len = if s.starts_with('\'') {
        1
    } else if s.starts_with('’') {
        '’'.len_utf8()
    } else {
        return None;
    };
    let rest = &s[quote_len..];
    let letters = rest.chars().take_while(|c| c.is_alphabetic()).count();
    let word = &rest[..rest
        .char_indices()
        .nth(letters)
        .map_or(rest.len(), |(i, _)| i)];
    let is_clitic = ["s", "re", "ve", "ll", "d", "m"]
        .iter()
        .any(|clitic| word.eq_ignore_ascii_case(clitic));
    is_clitic.then_some(quote_len + word.len())
}

/// Length of "n't" (straight or curly apostrophe) at the start of `s` when it ends the word.
fn negation_clitic_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    chars.next(); // the 'n'
    let (_, quote) = chars.next()?;
    if quote != '\'' && quote != '’' {
        return None;
    }
    let (t_at, t) = chars.next()?;
    if t != 't' && t != 'T' {
        return None;
    }
    let end = t_at + 1;
    let ends_word = s[end..].chars().next().is_none_or(|c| !is_word_char(c));
    ends_word.then_some(end)
}

/// A comma between digits followed by exactly three digits: "1,000".
fn is_thousands_separator(bytes: &[u8], pos: usize) -> bool {
    pos > 0
        && bytes[pos - 1].is_ascii_digit()
        && bytes.len() >= pos + 4
        && bytes[pos + 1..pos + 4].iter().all(u8::is_ascii_digit)
        && bytes.get(pos + 4).is_none_or(|b| !b.is_ascii_digit())
}

fn looks_like_url_or_email(s: &str) -> bool {
    let trimmed = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let starts_with = |prefix: &str| {
        trimmed.len() >= prefix.len()
            && trimmed.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    if ["http://", "https://", "ftp://", "www."]
        .iter()
        .any(|p| starts_with(p))
    {
        return true;
    }
    match trimmed.find('@') {
        Some(at) => {
            at > 0
                && trimmed[at + 1..].contains('.')
                && trimmed[at + 1..].starts_with(char::is_alphanumeric)
        }
        None => false,
    }
}

/// A URL or e-mail address is one token; brackets and quotes around it and
/// sentence punctuation after it are tokens of their own.
fn split_url(s: &str, base: usize, tokens: &mut Vec<Token>) {
    let body_start = s.find(|c: char| c.is_alphanumeric()).unwrap_or(0);
    for (i, c) in s[..body_start].char_indices() {
        tokens.push(Token {
            start: base + i,
            end: base + i + c.len_utf8(),
        });
    }
    let trimmed = s.trim_end_matches(|c: char| ".,;:!?)]}\"'’”»".contains(c));
    let body_end = trimmed.len().max(body_start);
    tokens.push(Token {
        start: base + body_start,
        end: base + body_end,
    });
    for (i, c) in s[body_end..].char_indices() {
        tokens.push(Token {
            start: base + body_end + i,
            end: base + body_end + i + c.len_utf8(),
        });
    }
}

fn char_at(s: &str, pos: usize) -> char {
    s[pos..].chars().next().unwrap_or(' ')
}

fn prev_char(s: &str, pos: usize) -> char {
    s[..pos].chars().next_back().unwrap_or(' ')
}

/// Letters, digits and combining marks make up words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}
