//! Reading paths (files, folders, `-`) into documents.

use std::io::Read;

use rayon::prelude::*;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::encoding::{self, DecodeError, SourceMap};
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

/// How files are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Decode every file in this encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// A loaded corpus and what was skipped on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub corpus: Corpus,
    /// One line per file in a folder that was skipped, naming it.
    pub warnings: Vec<String>,
}

/// Loads every path given on the command line, in order; warnings about
/// skipped files go to stderr. See [`load_paths_with`].
pub fn load_paths(paths: &[String]) -> Result<Corpus, LoadError> {
    let loaded = load_paths_with(paths, LoadOptions::default())?;
    for warning in &loaded.warnings {
        eprintln!("storyscope: {warning}");
    }
    Ok(loaded.corpus)
}

/// Loads every path given on the command line, in order. A folder contributes
/// its `.txt` and `.md` files, recursively, sorted by path (a file in it that
/// cannot be read is skipped with a warning; links to folders and special
/// files are not followed); `-` is standard input. A file named on the
/// command line must load.
pub fn load_paths_with(paths: &[String], options: LoadOptions) -> Result<Loaded, LoadError> {
    let mut warnings = Vec::new();
    let sources = list_sources(paths, &mut warnings)?;
    let mut documents = Vec::with_capacity(sources.len());
    let mut first_skip = None;
    // Read and decoded in parallel (a folder of 10,000 articles), kept in order.
    let read: Vec<_> = sources
        .par_iter()
        .map(|source| read_source(source, options))
        .collect();
    for (source, result) in sources.iter().zip(read) {
        match result {
            Ok(document) => documents.push(document),
            Err(error) if source.in_folder() => {
                warnings.push(format!("skipped {error}"));
                first_skip.get_or_insert(error);
            }
            Err(error) => return Err(error),
        }
    }
    if let (true, Some(error)) = (documents.is_empty(), first_skip) {
        // Nothing could be read at all: that is an error, not a warning.
        return Err(error);
    }
    Ok(Loaded {
        corpus: Corpus::from_documents(documents),
        warnings,
    })
}

/// One input to read: standard input, a file named on the command line, or
/// a file found in a folder (which may be skipped when unreadable).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
    InFolder(PathBuf),
}

impl Source {
    pub fn in_folder(&self) -> bool {
        matches!(self, Source::InFolder(_))
    }
}

/// The inputs that `paths` name, in the order they are read: folders are
/// listed (sorted, recursively), named files and folders must exist.
pub fn list_sources(
    paths: &[String],
    warnings: &mut Vec<String>,
) -> Result<Vec<Source>, LoadError> {
    let mut sources = Vec::new();
    for given in paths {
        if given == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let path = Path::new(given);
        let meta = std::fs::metadata(path).map_err(|source| io_error(path, source))?;
        if meta.is_dir() {
            let files = text_files_in(path, warnings)?;
            if files.is_empty() {
                return Err(LoadError::NoTextFiles {
                    path: path.to_path_buf(),
                });
            }
            sources.extend(files.into_iter().map(Source::InFolder));
        } else {
            sources.push(Source::File(path.to_path_buf()));
        }
    }
    Ok(sources)
}

/// Reads and decodes one input.
pub fn read_source(source: &Source, options: LoadOptions) -> Result<Document, LoadError> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| LoadError::Unreadable {
                    path: PathBuf::from("-"),
                    source,
                })?;
            document_from_bytes_in("-", bytes, options.encoding)
        }
        Source::File(path) | Source::InFolder(path) => read_document(path, options),
    }
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

fn read_document(path: &Path, options: LoadOptions) -> Result<Document, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| io_error(path, source))?;
    document_from_bytes_in(&path.to_string_lossy(), bytes, options.encoding)
}

/// `.txt`/`.md` files below `dir`, sorted by path. Links to folders are not
/// followed (a link cycle cannot loop), nor links to or entries that are
/// not regular files (a FIFO would block the reading forever). A folder
/// that cannot be listed is skipped with a warning.
fn text_files_in(dir: &Path, warnings: &mut Vec<String>) -> Result<Vec<PathBuf>, LoadError> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(source) if folder == dir => return Err(io_error(&folder, source)),
            Err(source) => {
                warnings.push(format!(
                    "skipped {}: cannot read: {source}",
                    folder.display()
                ));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(source) => {
                    warnings.push(format!(
                        "skipped an entry of {}: {source}",
                        folder.display()
                    ));
                    continue;
                }
            };
            let path = entry.path();
            let Ok(file_type) = entry.file_type() else {
                warnings.push(format!("skipped {}: cannot tell its type", path.display()));
                continue;
            };
            if file_type.is_dir() {
                pending.push(path);
            } else if !is_text_file_name(&path) {
                continue;
            } else if file_type.is_file() {
                found.push(path);
            } else if file_type.is_symlink() {
                match std::fs::metadata(&path) {
                    Ok(target) if target.is_file() => found.push(path),
                    Ok(_) => warnings.push(format!(
                        "skipped {}: links to something that is not a file",
                        path.display()
                    )),
                    Err(source) => warnings.push(format!("skipped {}: {source}", path.display())),
                }
            } else {
                warnings.push(format!("skipped {}: not a regular file", path.display()));
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

/// Validates raw bytes (no NUL; UTF-8, or decoded from a detected
/// encoding) and builds a document.
pub fn document_from_bytes(path: &str, bytes: Vec<u8>) -> Result<Document, LoadError> {
    document_from_bytes_in(path, bytes, None)
}

/// [`document_from_bytes`], decoding in `encoding` when one is given.
pub fn document_from_bytes_in(
    path: &str,
    bytes: Vec<u8>,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<Document, LoadError> {
    let source_len = bytes.len();
    let decoded = encoding::decode(bytes, encoding).map_err(|error| match error {
        DecodeError::Binary { offset } => LoadError::Binary {
            path: PathBuf::from(path),
            offset,
        },
        DecodeError::InvalidUtf8 { offset } => LoadError::InvalidUtf8 {
            path: PathBuf::from(path),
            offset,
        },
    })?;
    let mut document = document_from_text(path.to_string(), decoded.text);
    document.encoding = decoded.encoding;
    document.source = decoded.map;
    document.source_len = source_len;
    Ok(document)
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
    let source_len = text.len();
    Document {
        id: 0,
        path,
        title,
        date,
        text,
        encoding: None,
        source: SourceMap::default(),
        source_len,
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
        match document_from_bytes_in("a.txt", b"abc\xffdef".to_vec(), Some(encoding_rs::UTF_8)) {
            Err(LoadError::InvalidUtf8 { offset, .. }) => assert_eq!(offset, 3),
            other => panic!("expected UTF-8 error, got {other:?}"),
        }
        let latin1 = document_from_bytes("a.txt", b"abc\xffdef".to_vec()).expect("decoded");
        assert_eq!(latin1.encoding_name(), Some("windows-1252"));
        assert_eq!(latin1.text, "abcÿdef");
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
