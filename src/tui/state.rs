//! Where the reader was in a story, saved on quitting and restored when the
//! same story (by content, wherever its files are) opens again: the
//! selected entity (by name, so a changed analysis still finds it), the
//! filters, the focused pane, the paragraph scroll and the timeline cursor.
//! Files live in `$XDG_STATE_HOME/storyscope` (else
//! `~/.local/state/storyscope`), are written atomically, and one that
//! cannot be read is ignored.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::app::{App, Filter, Pane, ScrollPos};
use crate::analysis::{DateInterval, EntityKind};
use crate::corpus::Corpus;

const STATE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedState {
    pub version: u32,
    /// The entity under the entity cursor.
    pub entity: Option<SavedEntity>,
    /// The filter stack, bottom first.
    pub filters: Vec<SavedFilter>,
    pub focus: SavedPane,
    /// The selected paragraph (its id) and the paragraph row at the top.
    pub paragraph: Option<usize>,
    pub top_paragraph: Option<usize>,
    pub top_line: usize,
    pub timeline: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedEntity {
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SavedFilter {
    Entity(SavedEntity),
    Kind(String),
    Text(String),
    Dates {
        first: String,
        last: String,
    },
    /// The kept documents, by path.
    Documents(Vec<String>),
    /// The paragraphs where this entity speaks.
    Speaks(SavedEntity),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SavedPane {
    Entities,
    Paragraphs,
    Timeline,
}

/// `$XDG_STATE_HOME/storyscope` (absolute paths only, as the spec says),
/// else `~/.local/state/storyscope`.
pub fn state_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local").join("state"))
        })?;
    Some(base.join("storyscope"))
}

/// The state file of a story: named by a hash of its documents' text.
pub fn state_file(dir: &Path, corpus: &Corpus) -> PathBuf {
    dir.join(format!("{:016x}.json", content_key(corpus)))
}

/// FNV-1a (64 bits) over each document's length and text: stable across
/// runs, platforms and versions, unlike `std`'s hasher.
pub fn content_key(corpus: &Corpus) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for doc in &corpus.documents {
        feed(&(doc.text.len() as u64).to_le_bytes());
        feed(doc.text.as_bytes());
    }
    hash
}

/// Reads a state file; `Err` says why it was ignored (missing is `Ok(None)`).
pub fn load(path: &Path) -> Result<Option<SavedState>, String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error.to_string()),
    };
    let state: SavedState = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    if state.version != STATE_VERSION {
        return Err(format!("state version {}", state.version));
    }
    Ok(Some(state))
}

/// Writes beside the target and renames over it, so a crash mid-write
/// never leaves half a file.
pub fn save(path: &Path, state: &SavedState) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_vec_pretty(state).map_err(std::io::Error::other)?;
    let temporary = path.with_extension(format!("json.{}.tmp", std::process::id()));
    std::fs::write(&temporary, json)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

fn saved_entity(app: &App, index: usize) -> Option<SavedEntity> {
    app.analysis.entities.get(index).map(|e| SavedEntity {
        name: e.name.clone(),
        kind: e.kind.as_str().to_string(),
    })
}

/// The entity with this name, preferring the same kind; then any of that name.
fn find_entity(app: &App, saved: &SavedEntity) -> Option<usize> {
    let entities = &app.analysis.entities;
    entities
        .iter()
        .position(|e| e.name == saved.name && e.kind.as_str() == saved.kind)
        .or_else(|| entities.iter().position(|e| e.name == saved.name))
}

fn kind_named(name: &str) -> Option<EntityKind> {
    EntityKind::ALL.into_iter().find(|k| k.as_str() == name)
}

/// The app's place as a state to save.
pub fn capture(app: &App) -> SavedState {
    let filters = app
        .filters
        .iter()
        .filter_map(|filter| match filter {
            Filter::Entity(e) => saved_entity(app, *e).map(SavedFilter::Entity),
            Filter::Speaks(e) => saved_entity(app, *e).map(SavedFilter::Speaks),
            Filter::Kind(kind) => Some(SavedFilter::Kind(kind.as_str().to_string())),
            Filter::Text { typed, query } => {
                query.as_ref().map(|_| SavedFilter::Text(typed.clone()))
            }
            Filter::Dates(range) => Some(SavedFilter::Dates {
                first: range.first.to_string(),
                last: range.last.to_string(),
            }),
            Filter::Documents(documents) => Some(SavedFilter::Documents(
                documents
                    .iter()
                    .filter_map(|&d| app.corpus.documents.get(d).map(|doc| doc.path.clone()))
                    .collect(),
            )),
        })
        .collect();
    SavedState {
        version: STATE_VERSION,
        entity: app.cursor_entity().and_then(|e| saved_entity(app, e)),
        filters,
        focus: match app.focus {
            Pane::Entities => SavedPane::Entities,
            Pane::Paragraphs => SavedPane::Paragraphs,
            Pane::Timeline => SavedPane::Timeline,
        },
        paragraph: app.selected_paragraph(),
        top_paragraph: app.visible.get(app.reader.top.item).copied(),
        top_line: app.reader.top.line,
        timeline: app.timeline.selected,
    }
}

/// Puts the app back where the state says. Names that no longer match an
/// entity, and values that no longer parse, are skipped.
pub fn restore(app: &mut App, state: &SavedState) {
    app.filters = state
        .filters
        .iter()
        .filter_map(|saved| match saved {
            SavedFilter::Entity(entity) => find_entity(app, entity).map(Filter::Entity),
            SavedFilter::Speaks(entity) => find_entity(app, entity).map(Filter::Speaks),
            SavedFilter::Kind(kind) => kind_named(kind).map(Filter::Kind),
            SavedFilter::Text(typed) => match Filter::text(typed) {
                (filter, None) => Some(filter),
                _ => None,
            },
            SavedFilter::Dates { first, last } => match (first.parse(), last.parse()) {
                (Ok(first), Ok(last)) => Some(Filter::Dates(DateInterval { first, last })),
                _ => None,
            },
            SavedFilter::Documents(paths) => {
                let documents: Vec<usize> = app
                    .corpus
                    .documents
                    .iter()
                    .filter(|doc| paths.contains(&doc.path))
                    .map(|doc| doc.id)
                    .collect();
                (!documents.is_empty()).then_some(Filter::Documents(documents))
            }
        })
        .collect();
    app.apply_filters();
    if let Some(entity) = state.entity.as_ref().and_then(|e| find_entity(app, e)) {
        if let Some(row) = app.entity_list.shown.iter().position(|&e| e == entity) {
            app.entities.selected = row;
        }
    }
    app.focus = match state.focus {
        SavedPane::Entities => Pane::Entities,
        SavedPane::Paragraphs => Pane::Paragraphs,
        SavedPane::Timeline => Pane::Timeline,
    };
    let item_of = |p: Option<usize>| p.and_then(|p| app.visible.binary_search(&p).ok());
    if let Some(item) = item_of(state.paragraph) {
        app.reader.selected = item;
    }
    if let Some(item) = item_of(state.top_paragraph) {
        let line = state.top_line.min(app.rows(item).saturating_sub(1));
        app.reader.top = ScrollPos { item, line };
    }
    app.timeline.selected = state
        .timeline
        .min(app.timeline_view().entries.len().saturating_sub(1));
}

/// At startup: where to save, and the saved place unless `fresh`. A state
/// file that cannot be read is ignored, with a note in the status bar.
pub fn attach(app: &mut App, fresh: bool) {
    let Some(dir) = state_dir() else {
        return;
    };
    let path = state_file(&dir, app.corpus);
    if !fresh {
        match load(&path) {
            Ok(Some(state)) => {
                restore(app, &state);
                app.message = Some("back where you left this story (--fresh starts over)".into());
            }
            Ok(None) => {}
            Err(_) => app.message = Some("saved place unreadable: starting at the top".into()),
        }
    }
    app.share.state_file = Some(path);
}

/// On quitting: saves the place, if a state file was attached. A failure
/// is not worth an error on the way out.
pub fn save_on_exit(app: &App) {
    if let Some(path) = &app.share.state_file {
        let _ = save(path, &capture(app));
    }
}
