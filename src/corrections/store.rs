//! Where corrections are kept: one small TOML file per story in
//! `$XDG_DATA_HOME/storyscope/corrections/` (else
//! `~/.local/share/storyscope/corrections/`), named by the content of the
//! story's files (the key the saved place uses), or a file given with
//! `--corrections`. Written atomically; a file that cannot be read is
//! reported and, in the store, moved aside, never overwritten.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Correction;
use crate::corpus::Corpus;

/// The `format` line that tells a corrections file from any other TOML.
pub const FORMAT: &str = "storyscope-corrections";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    version: u32,
    /// The content key of the story it was made for (hex).
    #[serde(default)]
    story: String,
    /// The story's files when it was written, for the reader.
    #[serde(default)]
    files: Vec<String>,
    #[serde(default, rename = "correction")]
    corrections: Vec<Correction>,
}

/// Why a corrections file was not used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {why}")]
    Unreadable { path: String, why: String },
    #[error("{path}: not a valid corrections file: {why}")]
    Corrupt { path: String, why: String },
    #[error("{path}: not a storyscope corrections file ({why})")]
    Foreign { path: String, why: String },
}

/// A file read: its corrections, and a note when it was made for another story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub corrections: Vec<Correction>,
    pub note: Option<String>,
}

/// `$XDG_DATA_HOME/storyscope` (absolute paths only), else
/// `~/.local/share/storyscope`.
pub fn data_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local").join("share"))
        })?;
    Some(base.join("storyscope"))
}

fn story_key(corpus: &Corpus) -> String {
    format!("{:016x}", crate::tui::state::content_key(corpus))
}

/// The story's file in the store.
pub fn story_file(dir: &Path, corpus: &Corpus) -> PathBuf {
    dir.join("corrections")
        .join(format!("{}.toml", story_key(corpus)))
}

/// Reads a corrections file; a missing one is an empty list.
pub fn load(path: &Path, corpus: &Corpus) -> Result<Loaded, LoadError> {
    let shown = path.display().to_string();
    let text = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::default()),
        Err(e) => {
            return Err(LoadError::Unreadable {
                path: shown,
                why: e.to_string(),
            })
        }
    };
    let text = String::from_utf8(text).map_err(|_| LoadError::Corrupt {
        path: shown.clone(),
        why: "not UTF-8 text".into(),
    })?;
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| LoadError::Corrupt {
            path: shown.clone(),
            why: one_line(&e.to_string()),
        })?;
    match table.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(LoadError::Foreign {
                path: shown,
                why: format!("format is \"{other}\""),
            })
        }
        None => {
            return Err(LoadError::Foreign {
                path: shown,
                why: format!("no format = \"{FORMAT}\" line"),
            })
        }
    }
    let file: File = toml::from_str(&text).map_err(|e| LoadError::Corrupt {
        path: shown.clone(),
        why: one_line(&e.to_string()),
    })?;
    if file.version > VERSION {
        return Err(LoadError::Foreign {
            path: shown,
            why: format!(
                "version {} is newer than this storyscope's {VERSION}",
                file.version
            ),
        });
    }
    let key = story_key(corpus);
    let note = (!file.story.is_empty() && file.story != key).then(|| {
        format!(
            "{shown}: made for another text ({}); applied by names",
            if file.files.is_empty() {
                file.story.clone()
            } else {
                file.files.join(", ")
            }
        )
    });
    Ok(Loaded {
        corrections: file.corrections,
        note,
    })
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The file's text for `corrections` of this story.
pub fn to_toml(corpus: &Corpus, corrections: &[Correction]) -> String {
    let file = File {
        format: FORMAT.to_string(),
        version: VERSION,
        story: story_key(corpus),
        files: corpus.documents.iter().map(|d| d.path.clone()).collect(),
        corrections: corrections.to_vec(),
    };
    let body = toml::to_string(&file).unwrap_or_default();
    format!("# How the reader corrected the cast of this story (storyscope).\n{body}")
}

/// Writes beside the target and renames over it.
pub fn save(path: &Path, corpus: &Corpus, corrections: &[Correction]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let temporary = path.with_extension(format!("toml.{}.tmp", std::process::id()));
    std::fs::write(&temporary, to_toml(corpus, corrections))?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

/// Moves an unreadable file out of the way (`NAME.corrupt-SECONDS`) so that
/// the next save does not overwrite it; returns where it went.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".corrupt-{seconds}"));
    let aside = path.with_file_name(name);
    std::fs::rename(path, &aside)?;
    Ok(aside)
}

/// The corrections a run starts with, and where changes are saved.
#[derive(Debug, Clone, Default)]
pub struct Opened {
    pub corrections: Vec<Correction>,
    /// Where to save; None when there is no home directory.
    pub path: Option<PathBuf>,
    /// Lines to tell the reader once (a file set aside, another story's file).
    pub notes: Vec<String>,
}

/// Opens `explicit` (an error when it cannot be used: the reader named it),
/// else the story's file in the store (one that cannot be used is moved
/// aside, reported, and a new list starts).
pub fn open(corpus: &Corpus, explicit: Option<&Path>) -> Result<Opened, LoadError> {
    if let Some(path) = explicit {
        let loaded = load(path, corpus)?;
        let mut notes: Vec<String> = loaded.note.into_iter().collect();
        if !path.exists() {
            // Most likely a new file to fill in the app, but maybe a typo.
            notes.push(format!(
                "{}: no such file yet; corrections made in the app will be written there",
                path.display()
            ));
        }
        return Ok(Opened {
            corrections: loaded.corrections,
            path: Some(path.to_path_buf()),
            notes,
        });
    }
    let Some(dir) = data_dir() else {
        return Ok(Opened::default());
    };
    let path = story_file(&dir, corpus);
    match load(&path, corpus) {
        Ok(loaded) => Ok(Opened {
            corrections: loaded.corrections,
            path: Some(path),
            notes: loaded.note.into_iter().collect(),
        }),
        Err(LoadError::Unreadable { .. }) => Ok(Opened {
            // Neither read nor written: it may come back (permissions).
            notes: vec![format!(
                "{}: cannot read the corrections; not saving any",
                path.display()
            )],
            ..Opened::default()
        }),
        Err(error) => {
            let note = match set_aside(&path) {
                Ok(aside) => format!("{error}; kept as {}", aside.display()),
                Err(_) => format!("{error}; not saving corrections"),
            };
            let writable = !path.exists();
            Ok(Opened {
                corrections: Vec::new(),
                path: writable.then_some(path),
                notes: vec![note],
            })
        }
    }
}
