//! Application state, built once from the corpus and the analysis. Drawing
//! reads it; only [`super::update::update`] changes it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use ratatui::layout::Rect;
use rayon::prelude::*;

use super::card::Card;
use super::concordance::ConcordanceView;
use super::entity_list::EntityList;
pub use super::filters::Filter;
use super::history::History;
use super::keymap::Keymap;
use super::layout::{self, Areas};
use super::panes::timeline::TimelineView;
use super::text;
use super::theme::Theme;
use crate::analysis::profile::Profiles;
use crate::analysis::search::{Query, SearchIndex};
use crate::analysis::{Analysis, DateInterval, EntityKind};
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

/// A mention placed in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionSpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// Index into `Analysis::entities`.
    pub entity: usize,
    /// A pronoun linked to the entity ("she"), not a name.
    pub pronoun: bool,
}

/// Lookups built once so that no keystroke walks the whole story.
#[derive(Debug, Default)]
pub struct Index {
    /// Per paragraph, its mentions sorted by start.
    pub mentions: PerParagraph<MentionSpan>,
    /// Entity indices by mention count (then name).
    pub entity_order: Vec<usize>,
    /// Timeline entry indices: dated entries by date, undated ones last.
    pub timeline_order: Vec<usize>,
    /// The timeline's rows without and with durations and sets.
    pub timeline_views: [TimelineView; 2],
    /// Paragraph lists per entity, kind and date, for combined filters.
    pub search: SearchIndex,
    /// Per-paragraph entities, dispersion and co-occurrence, for the card.
    pub profiles: Profiles,
    /// Digits of the largest paragraph number.
    pub number_width: usize,
    /// Quotes per paragraph and per speaker.
    pub speech: super::speech::SpeechIndex,
}

impl Index {
    /// Its parts are independent: built side by side (a folder of 10,000
    /// articles has 370,000 paragraphs to index).
    pub fn build(corpus: &Corpus, analysis: &Analysis) -> Index {
        let ((mentions, (entity_order, timeline)), ((search, profiles), speech)) = rayon::join(
            || {
                rayon::join(
                    || mentions_by_paragraph(corpus, analysis),
                    || {
                        rayon::join(
                            || entity_order(analysis),
                            || timeline_views(corpus, analysis),
                        )
                    },
                )
            },
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || SearchIndex::build(corpus, analysis),
                            || Profiles::build(corpus, analysis),
                        )
                    },
                    || super::speech::SpeechIndex::build(corpus, analysis),
                )
            },
        );
        let (timeline_order, timeline_views) = timeline;
        Index {
            mentions,
            entity_order,
            timeline_order,
            timeline_views,
            search,
            profiles,
            number_width: corpus.paragraphs.len().max(1).to_string().len(),
            speech,
        }
    }
}

/// Each paragraph's mentions, sorted by start (longest first).
fn mentions_by_paragraph(corpus: &Corpus, analysis: &Analysis) -> PerParagraph<MentionSpan> {
    let paragraph_count = corpus.paragraphs.len();
    let spans = analysis
        .entities
        .iter()
        .enumerate()
        .flat_map(|(entity_index, entity)| {
            entity.mentions.iter().map(move |mention| {
                let span = MentionSpan {
                    start: mention.start,
                    end: mention.end,
                    kind: mention.kind,
                    entity: entity_index,
                    pronoun: mention.form == crate::analysis::MentionForm::Pronoun,
                };
                (mention.paragraph, span)
            })
        })
        .filter(|(paragraph, _)| *paragraph < paragraph_count);
    let mut mentions = PerParagraph::group(paragraph_count, spans);
    mentions.sort_each_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    mentions
}

/// Entity indices by mention count, then name.
fn entity_order(analysis: &Analysis) -> Vec<usize> {
    let mut entity_order: Vec<usize> = (0..analysis.entities.len()).collect();
    let counts: Vec<usize> = analysis.entities.iter().map(|e| e.name_count()).collect();
    entity_order.sort_by(|&a, &b| {
        counts[b]
            .cmp(&counts[a])
            .then_with(|| analysis.entities[a].name.cmp(&analysis.entities[b].name))
    });
    entity_order
}

/// Timeline entries in date order (undated last), and the timeline's rows
/// without and with durations and sets.
fn timeline_views(corpus: &Corpus, analysis: &Analysis) -> (Vec<usize>, [TimelineView; 2]) {
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
    let (without, with) = rayon::join(
        || TimelineView::build(corpus, analysis, &timeline_order, false),
        || TimelineView::build(corpus, analysis, &timeline_order, true),
    );
    (timeline_order, [without, with])
}

/// Items grouped by paragraph in one allocation: `per[p]` is paragraph
/// `p`'s slice (a vector per paragraph would be 370,000 allocations for a
/// folder of 10,000 articles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerParagraph<T> {
    /// Where each paragraph's items start in `items`, and the total last.
    starts: Vec<usize>,
    items: Vec<T>,
}

impl<T> Default for PerParagraph<T> {
    fn default() -> Self {
        PerParagraph {
            starts: vec![0],
            items: Vec::new(),
        }
    }
}

impl<T> PerParagraph<T> {
    /// Groups `(paragraph, item)` pairs (every paragraph below `paragraphs`),
    /// keeping their order within a paragraph.
    pub fn group(paragraphs: usize, pairs: impl Iterator<Item = (usize, T)> + Clone) -> Self {
        let mut starts = vec![0usize; paragraphs + 1];
        for (paragraph, _) in pairs.clone() {
            starts[paragraph + 1] += 1;
        }
        for p in 0..paragraphs {
            starts[p + 1] += starts[p];
        }
        let mut slots: Vec<Option<T>> = Vec::new();
        slots.resize_with(starts[paragraphs], || None);
        let mut next = starts.clone();
        for (paragraph, item) in pairs {
            slots[next[paragraph]] = Some(item);
            next[paragraph] += 1;
        }
        PerParagraph {
            starts,
            items: slots.into_iter().flatten().collect(),
        }
    }

    /// Sorts each paragraph's items.
    pub fn sort_each_by_key<K: Ord>(&mut self, mut key: impl FnMut(&T) -> K) {
        for window in self.starts.windows(2) {
            self.items[window[0]..window[1]].sort_by_key(&mut key);
        }
    }

    /// Number of paragraphs.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Paragraph `p`'s items; none past the last paragraph.
    pub fn get(&self, p: usize) -> Option<&[T]> {
        let range = *self.starts.get(p)?..*self.starts.get(p + 1)?;
        self.items.get(range)
    }
}

impl<T> std::ops::Index<usize> for PerParagraph<T> {
    type Output = [T];

    fn index(&self, p: usize) -> &[T] {
        self.get(p).unwrap_or(&[])
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
    /// The analysis as shown: the reader's corrections applied (see
    /// [`super::correcting`]).
    pub analysis: std::borrow::Cow<'a, Analysis>,
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
    /// Whether the timeline also lists durations and sets.
    pub list_durations: bool,
    pub reader: Reader,
    /// The text being typed after `/`, while the input is open.
    pub search_input: Option<String>,
    /// Why the typed query does not compile (a bad `re:` pattern).
    pub query_error: Option<String>,
    /// The help overlay's scroll offset, when it is shown.
    pub help: Option<usize>,
    /// The entity card popup, when shown.
    pub card: Option<Card>,
    /// The concordance popup, when shown.
    pub concordance: Option<ConcordanceView>,
    /// The first end of a date range being marked on the timeline.
    pub date_mark: Option<DateInterval>,
    pub screen: Rect,
    /// A one-line note for the status bar (wrapped search, nothing found).
    pub message: Option<String>,
    pub jump: Option<JumpTarget>,
    /// The entity and mention index `n`/`N` last moved to.
    pub mention_cursor: Option<(usize, usize)>,
    pub history: History,
    /// The document list, entity timeline and keyword popups.
    pub stories: super::documents::StoryViews,
    pub quit: bool,
    /// Markdown export prompt, queued clipboard and file effects, state file.
    pub share: super::share::Share,
    /// The reader's corrections of the cast: marks, prompt, undo list.
    pub correcting: super::correcting::Correcting<'a>,
    cache: RefCell<Cache>,
}

impl<'a> App<'a> {
    /// The timeline's rows as currently listed.
    pub fn timeline_view(&self) -> &TimelineView {
        &self.index.timeline_views[usize::from(self.list_durations)]
    }

    pub fn new(corpus: &'a Corpus, analysis: &'a Analysis, keymap: Keymap, theme: Theme) -> Self {
        let index = Index::build(corpus, analysis);
        let entity_list = EntityList {
            shown: index.entity_order.clone(),
            ..EntityList::default()
        };
        App {
            corpus,
            analysis: std::borrow::Cow::Borrowed(analysis),
            index,
            entity_list,
            keymap,
            theme,
            filters: Vec::new(),
            visible: (0..corpus.paragraphs.len()).collect(),
            focus: Pane::Paragraphs,
            entities: ListCursor::default(),
            timeline: ListCursor::default(),
            list_durations: false,
            reader: Reader::default(),
            search_input: None,
            query_error: None,
            help: None,
            card: None,
            concordance: None,
            date_mark: None,
            screen: Rect::new(0, 0, 80, 24),
            message: None,
            jump: None,
            mention_cursor: None,
            history: History::default(),
            stories: Default::default(),
            quit: false,
            share: Default::default(),
            correcting: super::correcting::Correcting::new(analysis),
            cache: RefCell::new(Cache::default()),
        }
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.screen, self.focus)
    }

    /// Columns of the paragraph gutter: a selection bar, the number, a space.
    pub fn gutter_width(&self) -> usize {
        self.index.number_width + 2 + self.speaker_margin()
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
            _ => None,
        });
        filtered.or_else(|| {
            (self.focus == Pane::Entities)
                .then(|| self.cursor_entity())
                .flatten()
        })
    }

    /// The entities whose mentions are highlighted: every filtered one, else
    /// the one under the cursor while the entity list has focus.
    pub fn highlighted_entities(&self) -> Vec<usize> {
        let filtered: Vec<usize> = self
            .filters
            .iter()
            .filter_map(|f| match f {
                Filter::Entity(e) => Some(*e),
                _ => None,
            })
            .collect();
        if filtered.is_empty() {
            self.highlighted_entity().into_iter().collect()
        } else {
            filtered
        }
    }

    /// The compiled text filter, when one is active and valid.
    pub fn text_query(&self) -> Option<&Query> {
        self.filters.iter().rev().find_map(|f| match f {
            Filter::Text { query, .. } => query.as_ref(),
            _ => None,
        })
    }

    /// The text filter as the reader typed it.
    pub fn typed_query(&self) -> Option<&str> {
        self.filters.iter().rev().find_map(|f| match f {
            Filter::Text { typed, .. } => Some(typed.as_str()),
            _ => None,
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
        let Some(query) = self.text_query() else {
            return Vec::new();
        };
        let p = &self.corpus.paragraphs[paragraph];
        let text = &self.corpus.documents[p.document].text;
        let margin = query.source().len() * 4 + 256;
        let start = text::floor_boundary(text, range.start.saturating_sub(margin).max(p.start));
        let end = text::floor_boundary(text, (range.end + margin).min(p.end)).max(start);
        query
            .matches(&text[start..end])
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

    /// Paragraphs passing every filter: the index lists narrow first (see
    /// [`SearchIndex::matching_paragraphs`]), then the text query runs in
    /// parallel on what is left, or only on `candidates` when given.
    pub(super) fn filtered_paragraphs(&self, candidates: Option<Vec<usize>>) -> Vec<usize> {
        let mut filter = self.search_filter();
        let query = filter.query.take();
        let candidates = match candidates {
            Some(candidates) => candidates,
            None if filter.is_empty() => (0..self.corpus.paragraphs.len()).collect(),
            None => self.index.search.matching_paragraphs(self.corpus, &filter),
        };
        let candidates = self.retain_speakers(candidates);
        let Some(query) = query else {
            return candidates;
        };
        let corpus = self.corpus;
        candidates
            .into_par_iter()
            .filter(|&p| query.is_match(corpus.paragraph_text(&corpus.paragraphs[p])))
            .collect()
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
