//! The concordance popup's state: every mention of an entity, or every hit
//! of the text query in the shown paragraphs, one keyword-in-context line
//! each. The hits are found once when it opens; lines are formatted only
//! for the rows on screen (see the pane).

use crate::analysis::concordance::{Concordance, KwicLayout};

use super::app::{App, ListCursor};
use super::theme::kind_letter;

#[derive(Debug, Clone)]
pub struct ConcordanceView {
    /// What the lines are for: "P Ada Lovelace" or "“ferry”".
    pub title: String,
    pub concordance: Concordance,
    pub cursor: ListCursor,
    /// Lines of speech (see [`App::quote_concordance`]): the quote column is wide.
    pub speech: bool,
}

/// Column layout for lines of speech: most of the width for the quote.
pub fn speech_layout(width: usize) -> KwicLayout {
    let left = width / 6;
    let right = width / 12;
    KwicLayout {
        left,
        keyword: width.saturating_sub(left + right).max(1),
        right,
    }
}

/// Column layout for `width` display columns of context and keyword, the
/// keyword column as wide as the widest shown keyword (within limits).
pub fn layout_for(width: usize, widest_keyword: usize) -> KwicLayout {
    let keyword = widest_keyword.clamp(1, (width / 4).clamp(6, 28));
    let context = width.saturating_sub(keyword);
    let left = context / 2;
    KwicLayout {
        left,
        keyword,
        right: context - left,
    }
}

impl App<'_> {
    /// The concordance of the subject entity (see [`App::subject_entity`])
    /// when the entity list has focus or no text query is active; else of
    /// the text query in the shown paragraphs.
    pub fn build_concordance(&self) -> Result<ConcordanceView, &'static str> {
        let entity = self.subject_entity();
        let query = self.text_query();
        let prefer_entity = self.focus == super::app::Pane::Entities || query.is_none();
        let view = match (entity, query) {
            (Some(entity), _) if prefer_entity => {
                let entity_data = &self.analysis.entities[entity];
                ConcordanceView {
                    title: format!("{} {}", kind_letter(entity_data.kind), entity_data.name),
                    concordance: Concordance::for_entity(entity_data),
                    cursor: ListCursor::default(),
                    speech: false,
                }
            }
            (_, Some(query)) => ConcordanceView {
                title: format!("“{}”", self.typed_query().unwrap_or(query.source())),
                concordance: Concordance::for_query(self.corpus, query, Some(&self.visible)),
                cursor: ListCursor::default(),
                speech: false,
            },
            _ => return Err("no entity or search to list: pick an entity or type / first"),
        };
        let mut view = view;
        // Start at the reader's place in the story.
        if let Some(row) = self
            .selected_paragraph()
            .and_then(|p| view.concordance.first_row_from(p))
        {
            view.cursor.selected = row;
            view.cursor.offset = row;
        }
        Ok(view)
    }
}
