//! Application state, built once from the corpus and the analysis. Drawing
//! reads it; only [`super::update::update`] changes it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use ratatui::layout::Rect;
use rayon::prelude::*;

use super::entity_list::EntityList;
use super::history::History;
use super::keymap::Keymap;
use super::layout::{self, Areas};
use super::text;
use super::theme::Theme;
use crate::analysis::{Analysis, EntityKind};
use crate::corpus::Corpus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Entities,
    Paragraphs,
    Timeline,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Entities, Pane::Paragraphs, Pane::Timeline];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Entities => "Entities",
            Pane::Paragraphs => "Paragraphs",
            Pane::Timeline => "Timeline",
        }
    }

    pub fn next(self) -> Pane {
        match self {
            Pane::Entities => Pane::Paragraphs,
            Pane::Paragraphs => Pane::Timeline,
            Pane::Timeline => Pane::Entities,
        }
    }

    pub fn previous(self) -> Pane {
        self.next().next()
    }
}

/// One condition a paragraph must meet to be shown; all must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Mentions this entity (index into `Analysis::entities`).
    Entity(usize),
    /// Contains this text, case-insensitively.
    Text { typed: String, folded: String },
}

/// A mention placed in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionSpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// Index into `Analysis::entities`.
    pub entity: usize,
}

/// Lookups built once so that no keystroke walks the whole story.
#[derive(Debug, Default)]
pub struct Index {
    /// Per paragraph, its mentions sorted by start.
    pub mentions: Vec<Vec<MentionSpan>>,
    /// Per entity, the paragraphs mentioning it, ascending.
    pub entity_paragraphs: Vec<Vec<usize>>,
    /// Entity indices by mention count (then name).
    pub entity_order: Vec<usize>,
    /// Timeline entry indices: dated entries by date, undated ones last.
    pub timeline_order: Vec<usize>,
    /// Per paragraph, its text folded for case-insensitive search.
    pub folded: Vec<String>,
    /// Digits of the largest paragraph number.
    pub number_width: usize,
}

impl Index {
    pub fn build(corpus: &Corpus, analysis: &Analysis) -> Index {
        let paragraph_count = corpus.paragraphs.len();
        let mut mentions = vec![Vec::new(); paragraph_count];
        let mut entity_paragraphs = Vec::with_capacity(analysis.entities.len());
        for (entity_index, entity) in analysis.entities.iter().enumerate() {
            let mut paragraphs = Vec::new();
            for mention in &entity.mentions {
                let Some(list) = mentions.get_mut(mention.paragraph) else {
                    continue;
                };
                list.push(MentionSpan {
                    start: mention.start,
                    end: mention.end,
                    kind: mention.kind,
                    entity: entity_index,
                });
                paragraphs.push(mention.paragraph);
            }
            paragraphs.sort_unstable();
            paragraphs.dedup();
            entity_paragraphs.push(paragraphs);
        }
        for list in &mut mentions {
            list.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        }
        let mut entity_order: Vec<usize> = (0..analysis.entities.len()).collect();
        entity_order.sort_by(|&a, &b| {
            let (a, b) = (&analysis.entities[a], &analysis.entities[b]);
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then_with(|| a.name.cmp(&b.name))
        });
        let mut timeline_order: Vec<usize> = (0..analysis.timeline.len()).collect();
        timeline_order.sort_by_key(|&i| {
            let entry = &analysis.timeline[i];
            (
                entry.interval.is_none(),
                entry.interval,
                entry.document,
                entry.start,
            )
        });
        let folded = corpus
            .paragraphs
            .par_iter()
            .map(|p| text::fold(corpus.paragraph_text(p)))
            .collect();
        Index {
            mentions,
            entity_paragraphs,
            entity_order,
            timeline_order,
            folded,
            number_width: paragraph_count.max(1).to_string().len(),
        }
    }
}

/// Cursor and scroll offset of a list pane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    /// First visible row item.
    pub offset: usize,
}

/// A position in the paragraph view: a row of a shown paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScrollPos {
    /// Index into `App::visible`.
    pub item: usize,
    /// Row inside that paragraph (its wrapped lines, then one blank row).
    pub line: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reader {
    /// Index into `App::visible` of the selected paragraph.
    pub selected: usize,
    /// The paragraph row at the top of the view.
    pub top: ScrollPos,
}

/// A span the last jump landed on, highlighted until the next jump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JumpTarget {
    pub paragraph: usize,
    pub range: Range<usize>,
}

/// Wrapped lines of the paragraphs drawn so far, for one text width.
#[derive(Debug, Default)]
struct Cache {
    width: usize,
    lines: HashMap<usize, Rc<[Range<usize>]>>,
}

/// Cached paragraphs beyond this are dropped (all at once; cheap to rebuild).
const CACHE_LIMIT: usize = 20_000;

pub struct App<'a> {
    pub corpus: &'a Corpus,
    pub analysis: &'a Analysis,
    pub index: Index,
    pub keymap: Keymap,
    pub theme: Theme,
    pub filters: Vec<Filter>,
    /// Paragraph ids that pass every filter, in story order.
    pub visible: Vec<usize>,
    pub focus: Pane,
    pub entities: ListCursor,
    /// What the entity pane lists (kind, sort, fuzzy query).
    pub entity_list: EntityList,
    pub timeline: ListCursor,
    pub reader: Reader,
    /// The text being typed after `/`, while the input is open.
    pub search_input: Option<String>,
    /// The help overlay's scroll offset, when it is shown.
    pub help: Option<usize>,
    pub screen: Rect,
    /// A one-line note for the status bar (wrapped search, nothing found).
    pub message: Option<String>,
    pub jump: Option<JumpTarget>,
    /// The entity and mention index `n`/`N` last moved to.
    pub mention_cursor: Option<(usize, usize)>,
    pub history: History,
    pub quit: bool,
    cache: RefCell<Cache>,
}

impl<'a> App<'a> {
    pub fn new(corpus: &'a Corpus, analysis: &'a Analysis, keymap: Keymap, theme: Theme) -> Self {
        let index = Index::build(corpus, analysis);
        let entity_list = EntityList {
            shown: index.entity_order.clone(),
            ..EntityList::default()
        };
        App {
            corpus,
            analysis,
            index,
            entity_list,
            keymap,
            theme,
            filters: Vec::new(),
            visible: (0..corpus.paragraphs.len()).collect(),
            focus: Pane::Paragraphs,
            entities: ListCursor::default(),
            timeline: ListCursor::default(),
            reader: Reader::default(),
            search_input: None,
            help: None,
            screen: Rect::new(0, 0, 80, 24),
            message: None,
            jump: None,
            mention_cursor: None,
            history: History::default(),
            quit: false,
            cache: RefCell::new(Cache::default()),
        }
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.screen, self.focus)
    }

    /// Columns of the paragraph gutter: a selection bar, the number, a space.
    pub fn gutter_width(&self) -> usize {
        self.index.number_width + 2
    }

    /// Columns left free on the right of the text, off the border.
    const RIGHT_MARGIN: usize = 1;

    /// The paragraph pane's inside, wherever it is shown.
    pub fn paragraph_view(&self) -> Rect {
        layout::areas(self.screen, Pane::Paragraphs)
            .paragraphs
            .map(layout::inner)
            .unwrap_or_default()
    }

    pub fn text_width(&self) -> usize {
        (self.paragraph_view().width as usize)
            .saturating_sub(self.gutter_width() + Self::RIGHT_MARGIN)
            .max(1)
    }

    /// The entity under the entity cursor.
    pub fn cursor_entity(&self) -> Option<usize> {
        self.entity_list.shown.get(self.entities.selected).copied()
    }

    /// The entity whose mentions are highlighted: the filtered one, else the
    /// one under the cursor while the entity list has focus.
    pub fn highlighted_entity(&self) -> Option<usize> {
        let filtered = self.filters.iter().rev().find_map(|f| match f {
            Filter::Entity(e) => Some(*e),
            Filter::Text { .. } => None,
        });
        filtered.or_else(|| {
            (self.focus == Pane::Entities)
                .then(|| self.cursor_entity())
                .flatten()
        })
    }

    pub fn text_query(&self) -> Option<&str> {
        self.filters.iter().rev().find_map(|f| match f {
            Filter::Text { folded, .. } => Some(folded.as_str()),
            Filter::Entity(_) => None,
        })
    }

    pub fn selected_paragraph(&self) -> Option<usize> {
        self.visible.get(self.reader.selected).copied()
    }

    /// The wrapped lines of a paragraph at the current text width, as
    /// absolute byte ranges.
    pub fn lines(&self, paragraph: usize) -> Rc<[Range<usize>]> {
        let width = self.text_width();
        let mut cache = self.cache.borrow_mut();
        if cache.width != width || cache.lines.len() > CACHE_LIMIT {
            cache.width = width;
            cache.lines.clear();
        }
        cache
            .lines
            .entry(paragraph)
            .or_insert_with(|| {
                let p = &self.corpus.paragraphs[paragraph];
                let text = self.corpus.paragraph_text(p);
                text::wrap(text, width)
                    .into_iter()
                    .map(|r| r.start + p.start..r.end + p.start)
                    .collect()
            })
            .clone()
    }

    /// Rows a shown paragraph takes: its lines and a blank separator.
    pub fn rows(&self, item: usize) -> usize {
        self.visible
            .get(item)
            .map_or(0, |&p| self.lines(p).len() + 1)
    }

    /// Matches of the text filter within `range` of a paragraph, as
    /// absolute byte ranges. Only the drawn part is searched, so a huge
    /// paragraph costs no more than a short one; the range is widened so a
    /// match that starts or ends just outside it is still found.
    pub fn search_hits(&self, paragraph: usize, range: Range<usize>) -> Vec<Range<usize>> {
        let Some(query) = self.text_query().filter(|q| !q.is_empty()) else {
            return Vec::new();
        };
        let p = &self.corpus.paragraphs[paragraph];
        let text = &self.corpus.documents[p.document].text;
        let margin = query.len() * 4 + 256;
        let start = text::floor_boundary(text, range.start.saturating_sub(margin).max(p.start));
        let end = text::floor_boundary(text, (range.end + margin).min(p.end));
        text::find_folded(&text[start..end], query)
            .into_iter()
            .map(|r| r.start + start..r.end + start)
            .collect()
    }

    /// Recomputes the shown paragraphs from the filters, keeping the
    /// selection on the same paragraph or the next one still shown.
    pub fn apply_filters(&mut self) {
        let selected = self.selected_paragraph();
        self.visible = self.filtered_paragraphs(None);
        self.reselect(selected);
    }

    /// Like [`App::apply_filters`] when the only change is a longer text
    /// query: the new matches are a subset of the shown paragraphs.
    pub fn narrow_filters(&mut self) {
        let selected = self.selected_paragraph();
        let current = std::mem::take(&mut self.visible);
        self.visible = self.filtered_paragraphs(Some(current));
        self.reselect(selected);
    }

    pub(super) fn filtered_paragraphs(&self, candidates: Option<Vec<usize>>) -> Vec<usize> {
        let mut candidates = candidates.unwrap_or_else(|| {
            let entity = self.filters.iter().find_map(|f| match f {
                Filter::Entity(e) => Some(*e),
                Filter::Text { .. } => None,
            });
            match entity {
                Some(e) => self
                    .index
                    .entity_paragraphs
                    .get(e)
                    .cloned()
                    .unwrap_or_default(),
                None => (0..self.corpus.paragraphs.len()).collect(),
            }
        });
        for filter in &self.filters {
            match filter {
                Filter::Entity(e) => {
                    let with = self.index.entity_paragraphs.get(*e).map_or(&[][..], |v| v);
                    candidates.retain(|p| with.binary_search(p).is_ok());
                }
                Filter::Text { folded, .. } if !folded.is_empty() => {
                    let finder = memchr::memmem::Finder::new(folded.as_bytes());
                    let texts = &self.index.folded;
                    candidates = candidates
                        .into_par_iter()
                        .filter(|&p| finder.find(texts[p].as_bytes()).is_some())
                        .collect();
                }
                Filter::Text { .. } => {}
            }
        }
        candidates
    }

    fn reselect(&mut self, paragraph: Option<usize>) {
        let item = paragraph.map_or(0, |p| self.visible.partition_point(|&v| v < p));
        self.reader.selected = item.min(self.visible.len().saturating_sub(1));
        self.reader.top = ScrollPos {
            item: self.reader.selected,
            line: 0,
        };
        self.clamp_scroll();
    }
}
