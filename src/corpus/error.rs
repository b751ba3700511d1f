use std::path::PathBuf;

/// Why an input could not be opened. Each message is one line that names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file or folder")]
    NotFound { path: PathBuf },
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: folder has no .txt or .md files")]
    NoTextFiles { path: PathBuf },
    #[error("{path}: binary file (NUL byte at offset {offset}), expected text")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { path: PathBuf, offset: usize },
}
