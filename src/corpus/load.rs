//! Reading paths (files, folders, `-`) into documents.

use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::{front_matter, gutenberg, Corpus, Document, LoadError};

/// The story shipped inside the binary.
pub const BUNDLED_STORY: &str = include_str!("../../assets/bundled_story.txt");
/// The name the bundled story is reported under.
pub const BUNDLED_PATH: &str = "assets/bundled_story.txt";

/// The bundled story as a corpus.
pub fn load_bundled() -> Corpus {
    let doc = document_from_text(BUNDLED_PATH.to_string(), BUNDLED_STORY.to_string());
    Corpus::from_documents(vec![doc])
}

/// Loads every path given on the command line, in order. A folder contributes
/// its `.txt` and `.md` files, recursively, sorted by path; `-` is standard input.
pub fn load_paths(paths: &[String]) -> Result<Corpus, LoadError> {
    let mut documents = Vec::new();
    for given in paths {
        if given == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| LoadError::Unreadable {
                    path: PathBuf::from("-"),
                    source,
                })?;
            documents.push(document_from_bytes("-", bytes)?);
            continue;
        }
        let path = Path::new(given);
        let meta = std::fs::metadata(path).map_err(|source| io_error(path, source))?;
        if meta.is_dir() {
            let files = text_files_in(path)?;
            if files.is_empty() {
                return Err(LoadError::NoTextFiles {
                    path: path.to_path_buf(),
                });
            }
            for file in files {
                documents.push(read_document(&file)?);
            }
        } else {
            documents.push(read_document(path)?);
        }
    }
    Ok(Corpus::from_documents(documents))
}

fn io_error(path: &Path, source: std::io::Error) -> LoadError {
    if source.kind() == std::io::ErrorKind::NotFound {
        LoadError::NotFound {
            path: path.to_path_buf(),
        }
    } else {
        LoadError::Unreadable {
            path: path.to_path_buf(),
            source,
        }
    }
}

fn read_document(path: &Path) -> Result<Document, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| io_error(path, source))?;
    document_from_bytes(&path.to_string_lossy(), bytes)
}

/// `.txt`/`.md` files below `dir`, sorted by path. Symlinked folders are not
/// followed, so a link cycle cannot loop forever.
fn text_files_in(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|source| io_error(&folder, source))?;
        for entry in entries {
            let entry = entry.map_err(|source| io_error(&folder, source))?;
            let path = entry.path();
            let file_type = entry
                .file_type()
                .map_err(|source| io_error(&path, source))?;
            if file_type.is_dir() {
                pending.push(path);
            } else if is_text_file_name(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

fn is_text_file_name(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt") | Some("md")
    )
}

/// Validates raw bytes (no NUL, valid UTF-8) and builds a document.
pub fn document_from_bytes(path: &str, bytes: Vec<u8>) -> Result<Document, LoadError> {
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(LoadError::Binary {
            path: PathBuf::from(path),
            offset,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| LoadError::InvalidUtf8 {
        path: PathBuf::from(path),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(document_from_text(path.to_string(), text))
}

/// Builds a document from text: finds the date header, the Gutenberg
/// boilerplate and the title. The id is assigned by `Corpus::from_documents`.
pub fn document_from_text(path: String, text: String) -> Document {
    let mut body = 0..text.len();
    if text.starts_with('\u{feff}') {
        body.start = '\u{feff}'.len_utf8();
    }
    let date = match parse_date_header(&text[body.clone()]) {
        Some((date, consumed)) => {
            body.start += consumed;
            Some(date)
        }
        None => None,
    };
    let mut title = None;
    if let Some((inner, header_title)) = gutenberg::strip(&text, body.clone()) {
        // An edition's title page, preface and contents are not the story.
        body = front_matter::story_start(&text, inner.clone())..inner.end;
        title = header_title;
    }
    let title = title
        .or_else(|| first_line_title(&text[body.clone()]))
        .unwrap_or_else(|| file_name_title(&path));
    Document {
        id: 0,
        path,
        title,
        date,
        text,
        body,
    }
}

/// A leading `date YYYY-MM-DD` (after optional whitespace) followed by
/// whitespace or the end. Returns the date and the bytes it consumed,
/// including the whitespace after it.
fn parse_date_header(text: &str) -> Option<(Date, usize)> {
    let lead = text.len() - text.trim_start().len();
    let rest = text[lead..].strip_prefix("date")?;
    let after_keyword = rest.trim_start_matches([' ', '\t']);
    if after_keyword.len() == rest.len() {
        return None;
    }
    let digits = after_keyword.get(..10)?;
    let tail = &after_keyword[10..];
    if !(tail.is_empty() || tail.starts_with(char::is_whitespace)) {
        return None;
    }
    let date: Date = digits.parse().ok()?;
    let consumed = text.len() - tail.trim_start().len();
    Some((date, consumed))
}

const TITLE_MAX_CHARS: usize = 60;

/// The first non-blank line, shortened at a word boundary when it is long.
fn first_line_title(body: &str) -> Option<String> {
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.chars().count() <= TITLE_MAX_CHARS {
        return Some(line.to_string());
    }
    let cut: String = line.chars().take(TITLE_MAX_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > TITLE_MAX_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    Some(format!("{}…", cut.trim_end_matches([',', ';', ':', ' '])))
}

fn file_name_title(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        document_from_text("story.txt".into(), text.into())
    }

    #[test]
    fn date_header_on_same_line_as_first_paragraph() {
        let d = doc(" date 2020-01-24 Thousands gathered.\n\nSecond.");
        assert_eq!(d.date, Some(jiff::civil::date(2020, 1, 24)));
        assert_eq!(&d.text[d.body.clone()], "Thousands gathered.\n\nSecond.");
        let corpus = Corpus::from_documents(vec![d]);
        assert_eq!(corpus.paragraphs[0].start, 17);
        assert_eq!(
            corpus.paragraph_text(&corpus.paragraphs[0]),
            "Thousands gathered."
        );
    }

    #[test]
    fn date_header_on_its_own_line_with_bom_and_crlf() {
        let d = doc("\u{feff}date 2007-02-27\r\n\r\nTitle here\r\n\r\nBody text.\r\n");
        assert_eq!(d.date, Some(jiff::civil::date(2007, 2, 27)));
        assert_eq!(d.title, "Title here");
        let corpus = Corpus::from_documents(vec![d]);
        let texts: Vec<_> = corpus
            .paragraphs
            .iter()
            .map(|p| corpus.paragraph_text(p))
            .collect();
        assert_eq!(texts, vec!["Title here", "Body text."]);
        assert_eq!(corpus.paragraphs[0].start, 3 + 15 + 4);
    }

    #[test]
    fn not_a_date_header() {
        assert_eq!(doc("dated letters").date, None);
        assert_eq!(doc("date 2020-13-45 text").date, None);
        assert_eq!(doc("date 2020-01-2444").date, None);
    }

    #[test]
    fn gutenberg_title_and_body() {
        let d = doc("Title: Emma\n\n*** START OF THE PROJECT GUTENBERG EBOOK EMMA ***\n\nChapter 1\n\n*** END OF THE PROJECT GUTENBERG EBOOK EMMA ***\nLicence.\n");
        assert_eq!(d.title, "Emma");
        let corpus = Corpus::from_documents(vec![d]);
        assert_eq!(corpus.paragraphs.len(), 1);
        assert_eq!(corpus.paragraph_text(&corpus.paragraphs[0]), "Chapter 1");
    }

    #[test]
    fn long_first_line_is_shortened_and_empty_uses_file_name() {
        let d = doc("Thousands gathered in Baghdad on Friday to demand that American troops leave the country.");
        assert!(d.title.ends_with('…'));
        assert!(d.title.chars().count() <= TITLE_MAX_CHARS + 1);
        assert_eq!(doc("").title, "story");
    }

    #[test]
    fn binary_and_invalid_utf8_are_rejected_with_offsets() {
        match document_from_bytes("a.txt", b"ab\0c".to_vec()) {
            Err(LoadError::Binary { offset, .. }) => assert_eq!(offset, 2),
            other => panic!("expected binary error, got {other:?}"),
        }
        match document_from_bytes("a.txt", b"abc\xffdef".to_vec()) {
            Err(LoadError::InvalidUtf8 { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("expected UTF-8 error, got {other:?}"),
        }
    }

    #[test]
    fn bundled_story_loads() {
        let corpus = load_bundled();
        assert_eq!(
            corpus.documents[0].date,
            Some(jiff::civil::date(2020, 1, 24))
        );
        assert!(corpus.paragraphs.len() > 5);
        assert_eq!(corpus.paragraphs[0].start, 17);
    }
}
