//! The story views that span documents: the document list, an entity's
//! timeline and the distinctive words. Each is a popup list with its own
//! keys; this module holds their state and their key handling.

use jiff::civil::Date;

use crate::analysis::entity_timeline::{self, EntityEvent};
use crate::analysis::keyness::{self, Keyword};

use super::action::Action;
use super::app::{App, Filter, ListCursor, Pane};
use super::popups::{keep_visible, moved};

/// The open story views (at most one is shown at a time).
#[derive(Debug, Clone, Default)]
pub struct StoryViews {
    pub documents: Option<DocumentsView>,
    pub timeline: Option<EntityTimelineView>,
    pub keyness: Option<KeynessView>,
}

impl StoryViews {
    fn any_open(&self) -> bool {
        self.documents.is_some() || self.timeline.is_some() || self.keyness.is_some()
    }
}

/// One row of the document list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    pub document: usize,
    pub date: Option<Date>,
    pub title: String,
    /// Ids of its paragraphs (contiguous).
    pub paragraphs: std::ops::Range<usize>,
    /// Distinct entities mentioned in it.
    pub entities: usize,
}

#[derive(Debug, Clone, Default)]
pub struct DocumentsView {
    /// By date, undated ones last, then in folder order.
    pub rows: Vec<DocumentRow>,
    pub cursor: ListCursor,
    /// Marked document ids, sorted.
    pub marked: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct EntityTimelineView {
    pub entity: usize,
    pub events: Vec<EntityEvent>,
    pub cursor: ListCursor,
}

#[derive(Debug, Clone)]
pub struct KeynessView {
    /// What the words set apart: "document 3", "2 documents", "the filter".
    pub subject: String,
    pub keywords: Vec<Keyword>,
    pub cursor: ListCursor,
}

/// Keywords listed at most.
const KEYWORD_LIMIT: usize = 200;

/// The document list's rows.
pub fn document_rows(app: &App) -> Vec<DocumentRow> {
    let corpus = app.corpus;
    let mut entities_in = vec![Vec::new(); corpus.documents.len()];
    for (index, entity) in app.analysis.entities.iter().enumerate() {
        for mention in &entity.mentions {
            if let Some(list) = entities_in.get_mut(mention.document) {
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
        }
    }
    let mut rows: Vec<DocumentRow> = corpus
        .documents
        .iter()
        .map(|doc| {
            let ids: Vec<usize> = corpus.paragraphs_of(doc.id).map(|p| p.id).collect();
            let paragraphs = match (ids.first(), ids.last()) {
                (Some(&first), Some(&last)) => first..last + 1,
                _ => 0..0,
            };
            let mut entities = std::mem::take(&mut entities_in[doc.id]);
            entities.sort_unstable();
            entities.dedup();
            DocumentRow {
                document: doc.id,
                date: doc.date,
                title: doc.title.clone(),
                paragraphs,
                entities: entities.len(),
            }
        })
        .collect();
    rows.sort_by_key(|r| (r.date.is_none(), r.date, r.document));
    rows
}

/// "2 documents: 003, 017" style label of a document filter.
pub fn filter_label(app: &App, documents: &[usize]) -> String {
    match documents {
        [one] => {
            let title = app
                .corpus
                .documents
                .get(*one)
                .map_or(String::new(), |d| d.title.clone());
            format!(
                "doc {}",
                super::text::truncate(&super::text::one_line(&title), 30)
            )
        }
        many => format!("{} documents", many.len()),
    }
}

impl DocumentRow {
    /// Whether some paragraph of it passes the current filters.
    pub fn in_filter(&self, visible: &[usize]) -> bool {
        let first = visible.partition_point(|&p| p < self.paragraphs.start);
        visible.get(first).is_some_and(|&p| p < self.paragraphs.end)
    }
}

/// Handles the story views' keys; false for keys left to the app.
pub fn update(app: &mut App, action: Action) -> bool {
    match action {
        Action::Documents => {
            toggle_documents(app);
            return true;
        }
        Action::EntityTimeline => {
            open_entity_timeline(app);
            return true;
        }
        Action::Keyness => {
            open_keyness(app);
            return true;
        }
        _ => {}
    }
    if !app.stories.any_open() {
        return false;
    }
    if matches!(
        action,
        Action::Quit
            | Action::Resize { .. }
            | Action::Help
            | Action::JumpBack
            | Action::JumpForward
    ) {
        if matches!(action, Action::JumpBack | Action::JumpForward) {
            app.stories = StoryViews::default();
        }
        return false;
    }
    let page = super::panes::concordance::rows_shown(app.screen);
    if app.stories.timeline.is_some() {
        update_timeline(app, action);
    } else if app.stories.keyness.is_some() {
        update_keyness(app, action);
    } else {
        update_documents(app, action);
    }
    let views = &mut app.stories;
    if let Some(view) = views.documents.as_mut() {
        keep_visible(&mut view.cursor, view.rows.len(), page);
    }
    if let Some(view) = views.timeline.as_mut() {
        keep_visible(&mut view.cursor, view.events.len(), page);
    }
    if let Some(view) = views.keyness.as_mut() {
        keep_visible(&mut view.cursor, view.keywords.len(), page);
    }
    true
}

fn toggle_documents(app: &mut App) {
    if app.stories.documents.is_some() {
        app.stories.documents = None;
        return;
    }
    let rows = document_rows(app);
    // Start on the document being read.
    let current = app
        .selected_paragraph()
        .and_then(|p| app.corpus.paragraphs.get(p))
        .map(|p| p.document);
    let selected = rows
        .iter()
        .position(|r| Some(r.document) == current)
        .unwrap_or(0);
    let marked = app
        .filters
        .iter()
        .rev()
        .find_map(|f| match f {
            Filter::Documents(kept) => Some(kept.clone()),
            _ => None,
        })
        .unwrap_or_default();
    app.card = None;
    app.concordance = None;
    app.stories = StoryViews {
        documents: Some(DocumentsView {
            rows,
            cursor: ListCursor {
                selected,
                offset: 0,
            },
            marked,
        }),
        ..StoryViews::default()
    };
}

fn update_documents(app: &mut App, action: Action) {
    let Some(view) = app.stories.documents.as_mut() else {
        return;
    };
    let row = view.rows.get(view.cursor.selected).cloned();
    match action {
        Action::Cancel => app.stories.documents = None,
        Action::MarkDocument => {
            if let Some(row) = row {
                match view.marked.binary_search(&row.document) {
                    Ok(at) => {
                        view.marked.remove(at);
                    }
                    Err(at) => view.marked.insert(at, row.document),
                }
                view.cursor.selected += 1;
            }
        }
        Action::KeepDocuments => {
            let mut kept = view.marked.clone();
            if kept.is_empty() {
                kept.extend(row.map(|r| r.document));
            }
            if kept.is_empty() {
                return;
            }
            let count = kept.len();
            app.stories.documents = None;
            app.record_jump();
            app.push_filter(Filter::Documents(kept));
            app.focus = Pane::Paragraphs;
            app.message = Some(format!("kept {count} document(s); Esc drops the filter"));
        }
        Action::Select => {
            app.stories.documents = None;
            if let Some(row) = row.filter(|r| !r.paragraphs.is_empty()) {
                let paragraph = row.paragraphs.start;
                let start = app.corpus.paragraphs[paragraph].start;
                super::update::jump_to(app, paragraph, start..start);
                app.focus = Pane::Paragraphs;
            }
        }
        _ => {
            if let Some(selected) = moved(view.cursor.selected, view.rows.len(), action) {
                view.cursor.selected = selected;
            }
        }
    }
}

/// The entity the timeline is for: the card's, else the subject entity.
fn timeline_entity(app: &App) -> Option<usize> {
    app.card
        .as_ref()
        .map(|card| card.profile.entity)
        .or_else(|| app.subject_entity())
}

fn open_entity_timeline(app: &mut App) {
    let Some(entity) = timeline_entity(app) else {
        app.message = Some("no entity: pick one in the entity list first".to_string());
        return;
    };
    let Some(data) = app.analysis.entities.get(entity) else {
        return;
    };
    let timeline = entity_timeline::build(app.corpus, &app.analysis, data);
    if timeline.events.is_empty() {
        app.message = Some(format!("no dated event for {}", data.name));
        return;
    }
    app.card = None;
    app.concordance = None;
    app.stories = StoryViews {
        timeline: Some(EntityTimelineView {
            entity,
            events: timeline.events,
            cursor: ListCursor::default(),
        }),
        ..StoryViews::default()
    };
}

fn update_timeline(app: &mut App, action: Action) {
    let Some(view) = app.stories.timeline.as_mut() else {
        return;
    };
    match action {
        Action::Cancel | Action::EntityTimeline => app.stories.timeline = None,
        Action::Select => {
            let event = view.events.get(view.cursor.selected).cloned();
            app.stories.timeline = None;
            if let Some(event) = event {
                super::update::jump_to(app, event.paragraph, event.start..event.end);
                app.focus = Pane::Paragraphs;
            }
        }
        _ => {
            if let Some(selected) = moved(view.cursor.selected, view.events.len(), action) {
                view.cursor.selected = selected;
            }
        }
    }
}

/// The paragraphs whose words are set apart, and how to call them: the
/// marked documents, else the filter's paragraphs, else the document
/// being read.
fn keyness_target(app: &App) -> Option<(Vec<usize>, String)> {
    let paragraphs_of = |documents: &[usize]| -> Vec<usize> {
        documents
            .iter()
            .flat_map(|&d| app.corpus.paragraphs_of(d).map(|p| p.id))
            .collect()
    };
    if let Some(view) = app
        .stories
        .documents
        .as_ref()
        .filter(|v| !v.marked.is_empty())
    {
        let label = format!("{} marked documents", view.marked.len());
        return Some((paragraphs_of(&view.marked), label));
    }
    if !app.filters.is_empty() && app.visible.len() < app.corpus.paragraphs.len() {
        let label = app.filters_label().unwrap_or_else(|| "the filter".into());
        return Some((app.visible.clone(), label));
    }
    let document = match &app.stories.documents {
        Some(view) => view.rows.get(view.cursor.selected).map(|r| r.document),
        None => app
            .selected_paragraph()
            .and_then(|p| app.corpus.paragraphs.get(p))
            .map(|p| p.document),
    }?;
    if app.corpus.documents.len() < 2 {
        return None;
    }
    let title = &app.corpus.documents[document].title;
    Some((paragraphs_of(&[document]), format!("“{title}”")))
}

fn open_keyness(app: &mut App) {
    let Some((target, subject)) = keyness_target(app) else {
        app.message = Some(
            "nothing to compare: filter, keep documents or open a story of several".to_string(),
        );
        return;
    };
    let keywords = keyness::keywords(app.corpus, &target, KEYWORD_LIMIT);
    app.card = None;
    app.concordance = None;
    app.stories = StoryViews {
        keyness: Some(KeynessView {
            subject,
            keywords,
            cursor: ListCursor::default(),
        }),
        ..StoryViews::default()
    };
}

fn update_keyness(app: &mut App, action: Action) {
    let Some(view) = app.stories.keyness.as_mut() else {
        return;
    };
    match action {
        Action::Cancel | Action::Keyness => app.stories.keyness = None,
        Action::Select => {
            let word = view
                .keywords
                .get(view.cursor.selected)
                .map(|k| k.word.clone());
            app.stories.keyness = None;
            if let Some(word) = word {
                // The whole word, not "fellow" for "fell"; a phrase across
                // any spacing.
                let words: Vec<String> = word.split(' ').map(regex::escape).collect();
                let pattern = format!(r"re:\b{}\b", words.join(r"\s+"));
                let (filter, _) = Filter::text(&pattern);
                app.record_jump();
                app.push_filter(filter);
                app.focus = Pane::Paragraphs;
            }
        }
        _ => {
            if let Some(selected) = moved(view.cursor.selected, view.keywords.len(), action) {
                view.cursor.selected = selected;
            }
        }
    }
}
