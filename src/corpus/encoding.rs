//! Text encodings: UTF-8 first; a UTF-16 byte-order mark; otherwise the
//! encoding `chardetng` guesses (or the one `--encoding` forces), decoded
//! with `encoding_rs`.
//!
//! The analysis works on the decoded UTF-8 text, so its spans are offsets
//! into that text. A decoded document keeps a [`SourceMap`] from those
//! offsets back to the file's own bytes, and every span leaves the program
//! (JSON, `--jsonl`) through it: sliced from the raw file and decoded, a
//! reported span gives the mention's text. For UTF-8 files the map is the
//! identity and costs nothing.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// The decoded text of a file and how to find its bytes again.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// `None` for UTF-8, which is used as read.
    pub encoding: Option<&'static Encoding>,
    pub map: SourceMap,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL character at this byte offset of the file: binary data.
    Binary { offset: usize },
    /// UTF-8 was required (forced) and this offset is not.
    InvalidUtf8 { offset: usize },
}

/// Maps offsets into decoded text to offsets into the source bytes.
///
/// Stored as runs of characters that have the same width in both (for a
/// Latin-1 novel: long ASCII runs between accented letters), so the map of
/// a mostly ASCII file is small.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    runs: Vec<Run>,
    decoded_len: usize,
    source_len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    decoded: usize,
    source: usize,
    decoded_width: u32,
    source_width: u32,
}

impl SourceMap {
    /// Whether offsets are the same in both (UTF-8 read as is).
    pub fn is_identity(&self) -> bool {
        self.runs.is_empty()
    }

    /// The source byte offset of decoded offset `decoded` (a char boundary;
    /// the end of the text maps to the end of the file).
    pub fn to_source(&self, decoded: usize) -> usize {
        if self.runs.is_empty() {
            return decoded;
        }
        if decoded >= self.decoded_len {
            return self.source_len;
        }
        let index = self.runs.partition_point(|r| r.decoded <= decoded);
        let Some(run) = index.checked_sub(1).map(|i| self.runs[i]) else {
            return 0;
        };
        let into = decoded - run.decoded;
        let width = run.decoded_width.max(1) as usize;
        let (chars, rest) = (into / width, into % width);
        let source_width = run.source_width as usize;
        run.source + chars * source_width + rest.min(source_width)
    }

    /// The source range of a decoded range.
    pub fn range_to_source(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.to_source(range.start)..self.to_source(range.end)
    }

    fn builder(first_source: usize) -> MapBuilder {
        MapBuilder {
            map: SourceMap::default(),
            decoded: 0,
            source: first_source,
        }
    }
}

struct MapBuilder {
    map: SourceMap,
    decoded: usize,
    source: usize,
}

impl MapBuilder {
    /// One decoded character of `decoded_width` bytes from `source_width` bytes.
    fn push(&mut self, decoded_width: usize, source_width: usize) {
        // Widths are small (a character), but bytes a decoder swallows
        // (an escape sequence) are credited to the next one.
        let dw = u32::try_from(decoded_width).unwrap_or(u32::MAX);
        let sw = u32::try_from(source_width).unwrap_or(u32::MAX);
        let extends = self
            .map
            .runs
            .last()
            .is_some_and(|run| run.decoded_width == dw && run.source_width == sw);
        if !extends {
            self.map.runs.push(Run {
                decoded: self.decoded,
                source: self.source,
                decoded_width: dw,
                source_width: sw,
            });
        }
        self.decoded += decoded_width;
        self.source += source_width;
    }

    fn finish(mut self, source_len: usize) -> SourceMap {
        self.map.decoded_len = self.decoded;
        self.map.source_len = source_len;
        if self.map.runs.is_empty() {
            // Nothing decoded: keep one run so the map is not the identity.
            self.map.runs.push(Run {
                decoded: 0,
                source: self.source,
                decoded_width: 1,
                source_width: 0,
            });
        }
        self.map
    }
}

/// Looks an encoding up by a WHATWG label (`latin1`, `windows-1252`,
/// `utf-16le`, `shift_jis`...).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Decodes a file's bytes: with `forced`, in that encoding; otherwise UTF-8
/// when valid, UTF-16 after its byte-order mark, else the guessed encoding.
pub fn decode(bytes: Vec<u8>, forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    let bom = Encoding::for_bom(&bytes);
    let encoding = match (forced, bom) {
        (Some(forced), _) => forced,
        (None, Some((bom, _))) if bom != UTF_8 => bom,
        (None, _) => {
            if let Some(offset) = memchr::memchr(0, &bytes) {
                return Err(DecodeError::Binary { offset });
            }
            match String::from_utf8(bytes) {
                Ok(text) => return Ok(utf8(text)),
                Err(error) => {
                    let bytes = error.into_bytes();
                    let guessed = guess(&bytes);
                    return finish(decode_as(&bytes, guessed));
                }
            }
        }
    };
    if encoding == UTF_8 {
        if let Some(offset) = memchr::memchr(0, &bytes) {
            return Err(DecodeError::Binary { offset });
        }
        return String::from_utf8(bytes)
            .map(utf8)
            .map_err(|e| DecodeError::InvalidUtf8 {
                offset: e.utf8_error().valid_up_to(),
            });
    }
    finish(decode_as(&bytes, encoding))
}

fn utf8(text: String) -> Decoded {
    Decoded {
        text,
        encoding: None,
        map: SourceMap::default(),
    }
}

/// Refuses decoded text with NUL characters (binary data in any encoding).
fn finish(decoded: Decoded) -> Result<Decoded, DecodeError> {
    match memchr::memchr(0, decoded.text.as_bytes()) {
        Some(at) => Err(DecodeError::Binary {
            offset: decoded.map.to_source(at),
        }),
        None => Ok(decoded),
    }
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, false)
}

/// Decodes `bytes` (without a UTF-8 check) in `encoding`, building the map.
fn decode_as(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    // A byte-order mark of the same encoding is not text.
    let skip = match Encoding::for_bom(bytes) {
        Some((bom, length)) if bom == encoding => length,
        _ => 0,
    };
    let body = &bytes[skip..];
    let (text, map) = if encoding == UTF_16LE || encoding == UTF_16BE {
        let (text, _) = encoding.decode_without_bom_handling(body);
        let map = utf16_map(&text, skip, bytes.len());
        (text.into_owned(), map)
    } else if encoding.is_single_byte() {
        let (text, _) = encoding.decode_without_bom_handling(body);
        let mut builder = SourceMap::builder(skip);
        for c in text.chars() {
            builder.push(c.len_utf8(), 1);
        }
        (text.into_owned(), builder.finish(bytes.len()))
    } else {
        multi_byte(body, encoding, skip, bytes.len())
    };
    Decoded {
        text,
        encoding: Some(encoding),
        map,
    }
}

fn utf16_map(text: &str, skip: usize, source_len: usize) -> SourceMap {
    let mut builder = SourceMap::builder(skip);
    for c in text.chars() {
        // A lone trailing byte decodes to U+FFFD: one byte, not two.
        let width = (c.len_utf16() * 2).min(source_len - builder.source);
        builder.push(c.len_utf8(), width);
    }
    builder.finish(source_len)
}

/// Variable-width legacy encodings (Shift_JIS, GBK, EUC-KR...): fed one byte
/// at a time, each character is credited with the bytes read since the
/// previous one.
fn multi_byte(
    body: &[u8],
    encoding: &'static Encoding,
    skip: usize,
    source_len: usize,
) -> (String, SourceMap) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(body.len() * 2);
    let mut builder = SourceMap::builder(skip);
    let mut pending = 0usize;
    let mut out = [0u8; 64];
    let mut feed = |input: &[u8],
                    last: bool,
                    text: &mut String,
                    builder: &mut MapBuilder,
                    pending: &mut usize| {
        *pending += input.len();
        let (_, _, written, _) = decoder.decode_to_utf8(input, &mut out, last);
        let produced = std::str::from_utf8(&out[..written]).unwrap_or_default();
        let count = produced.chars().count();
        for (i, c) in produced.chars().enumerate() {
            // The last character takes what the earlier ones leave.
            let width = if i + 1 == count {
                *pending
            } else {
                usize::from(*pending > count - i - 1)
            };
            builder.push(c.len_utf8(), width);
            *pending -= width;
        }
        text.push_str(produced);
    };
    for byte in body.chunks(1) {
        feed(byte, false, &mut text, &mut builder, &mut pending);
    }
    feed(&[], true, &mut text, &mut builder, &mut pending);
    (text, builder.finish(source_len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_spans(source: &[u8], decoded: &Decoded) {
        // Every char of the decoded text maps into the file, in order, and
        // decoding its source bytes gives the char back.
        let encoding = decoded.encoding.unwrap_or(UTF_8);
        let mut previous = decoded.map.to_source(0);
        for (at, c) in decoded.text.char_indices() {
            let range = decoded.map.range_to_source(at..at + c.len_utf8());
            assert!(
                range.start >= previous && range.end <= source.len(),
                "{c:?} {range:?}"
            );
            previous = range.end;
            if c != '\u{fffd}' {
                let (back, _) = encoding.decode_without_bom_handling(&source[range.clone()]);
                assert_eq!(back, c.to_string(), "at {at}: {range:?}");
            }
        }
        assert_eq!(decoded.map.to_source(decoded.text.len()), source.len());
    }

    #[test]
    fn utf8_is_read_as_is() {
        let decoded = decode("Café au lait".as_bytes().to_vec(), None).expect("utf-8");
        assert!(decoded.encoding.is_none() && decoded.map.is_identity());
        assert_eq!(decoded.map.to_source(5), 5);
    }

    #[test]
    fn latin1_is_detected_and_maps_back_to_its_bytes() {
        let source =
            b"Le caf\xe9 de Ren\xe9e \xe0 Paris, pr\xe8s de l'\xe9glise o\xf9 il \xe9tait."
                .to_vec();
        let decoded = decode(source.clone(), None).expect("decodes");
        assert_eq!(decoded.encoding, Some(encoding_rs::WINDOWS_1252));
        assert!(decoded.text.starts_with("Le café de Renée à Paris"));
        let renee = decoded.text.find("Renée").expect("found");
        let range = decoded.map.range_to_source(renee..renee + "Renée".len());
        assert_eq!(&source[range], b"Ren\xe9e");
        check_spans(&source, &decoded);
    }

    #[test]
    fn utf16_with_a_bom_both_orders() {
        for (encoding, bom) in [(UTF_16LE, [0xff, 0xfe]), (UTF_16BE, [0xfe, 0xff])] {
            let mut source = bom.to_vec();
            for unit in "Zoë met 東京 🎶 friends".encode_utf16() {
                let bytes = if encoding == UTF_16LE {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                source.extend(bytes);
            }
            let decoded = decode(source.clone(), None).expect("decodes");
            assert_eq!(decoded.encoding, Some(encoding));
            assert_eq!(decoded.text, "Zoë met 東京 🎶 friends");
            assert_eq!(decoded.map.to_source(0), 2, "after the mark");
            check_spans(&source, &decoded);
        }
    }

    #[test]
    fn a_lone_trailing_utf16_byte_still_maps_inside_the_file() {
        let source = vec![0xff, 0xfe, b'a', 0, b'b'];
        let decoded = decode(source.clone(), None).expect("decodes");
        assert_eq!(decoded.text, "a\u{fffd}");
        check_spans(&source, &decoded);
    }

    #[test]
    fn forced_encodings_win_and_forced_utf8_reports_the_bad_byte() {
        let source = "Déjà vu".as_bytes().to_vec();
        let decoded = decode(source.clone(), encoding_for_label("latin1")).expect("decodes");
        assert_eq!(decoded.text, "DÃ©jÃ\u{a0} vu", "what the reader asked for");
        check_spans(&source, &decoded);
        assert_eq!(
            decode(b"ab\xffc".to_vec(), Some(UTF_8)).map(|d| d.text),
            Err(DecodeError::InvalidUtf8 { offset: 2 })
        );
        assert!(encoding_for_label("no-such-encoding").is_none());
    }

    #[test]
    fn shift_jis_maps_each_character_to_its_bytes() {
        let (source, _, _) = encoding_rs::SHIFT_JIS.encode("東京の旅行者 Kenji は言った。");
        let decoded = decode(source.to_vec(), Some(encoding_rs::SHIFT_JIS)).expect("decodes");
        assert_eq!(decoded.text, "東京の旅行者 Kenji は言った。");
        check_spans(&source, &decoded);
    }

    #[test]
    fn iso_2022_jp_escapes_are_credited_to_the_next_character() {
        let text = "Kenji: 東京から京都へ, then Osaka.";
        let (source, _, _) = encoding_rs::ISO_2022_JP.encode(text);
        let decoded = decode(source.to_vec(), Some(encoding_rs::ISO_2022_JP)).expect("decodes");
        assert_eq!(decoded.text, text);
        // Each character's bytes decode to it in context; here: the map is
        // monotone, inside the file, and the ASCII after the escapes lines up.
        let osaka = decoded.text.find("Osaka").expect("found");
        let range = decoded.map.range_to_source(osaka..osaka + 5);
        assert_eq!(&source[range], b"Osaka");
        let mut previous = 0;
        for (at, _) in decoded.text.char_indices() {
            let here = decoded.map.to_source(at);
            assert!(here >= previous && here <= source.len());
            previous = here;
        }
    }

    #[test]
    fn nul_is_binary_in_every_encoding() {
        assert_eq!(
            decode(b"ab\0c".to_vec(), None).map(|d| d.text),
            Err(DecodeError::Binary { offset: 2 })
        );
        let source = vec![0xff, 0xfe, b'a', 0, 0, 0];
        assert_eq!(
            decode(source, None).map(|d| d.text),
            Err(DecodeError::Binary { offset: 4 })
        );
    }
}
