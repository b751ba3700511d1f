//! Quotations in the app: which quotes each paragraph holds and who says
//! them, every quote of an entity (its card and the concordance of its
//! speech), and the paragraphs where it speaks (a filter).

use std::collections::HashMap;
use std::ops::Range;

use crate::analysis::concordance::{Concordance, Hit};
use crate::analysis::Analysis;
use crate::corpus::Corpus;

use super::app::{App, Filter, ListCursor};
use super::concordance::ConcordanceView;
use super::text;
use super::theme::kind_letter;

/// Columns at most of the speaker's name in the paragraph margin.
const SPEAKER_COLUMNS: usize = 12;
/// Paragraph views at least this wide get the whole margin...
const FULL_MARGIN_WIDTH: usize = 100;
/// ...narrower ones a short one of this many columns...
const SHORT_MARGIN: usize = 8;
/// ...and views narrower than this none.
const MARGIN_MIN_WIDTH: usize = 60;

/// A quote as the paragraph view draws it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte range in the document, marks included (may run on into later paragraphs).
    pub range: Range<usize>,
    /// Index into `Analysis::entities` of the speaker.
    pub speaker: Option<usize>,
}

/// Lookups over the analysis's quotes, built once.
#[derive(Debug, Default)]
pub struct SpeechIndex {
    /// Per paragraph, the quotes it holds (a quote over several paragraphs is in each).
    pub in_paragraph: Vec<Vec<QuoteSpan>>,
    /// Per entity index, its quotes (indices into `Analysis::quotes`), in text order.
    pub of_entity: Vec<Vec<usize>>,
    /// Per entity index, the paragraphs where it speaks, sorted.
    pub speaking_paragraphs: Vec<Vec<usize>>,
    /// Columns of the speaker margin (0 when no quote has a speaker).
    pub margin: usize,
}

impl SpeechIndex {
    pub fn build(corpus: &Corpus, analysis: &Analysis) -> SpeechIndex {
        let index_of: HashMap<usize, usize> = analysis
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id, i))
            .collect();
        let mut in_paragraph = vec![Vec::new(); corpus.paragraphs.len()];
        let mut of_entity = vec![Vec::new(); analysis.entities.len()];
        let mut speaking_paragraphs: Vec<Vec<usize>> = vec![Vec::new(); analysis.entities.len()];
        let mut widest = 0;
        for (q, quote) in analysis.quotes.iter().enumerate() {
            let speaker = quote.speaker.and_then(|id| index_of.get(&id).copied());
            let mut paragraph = quote.paragraph;
            while let Some(p) = corpus.paragraphs.get(paragraph) {
                if p.document != quote.document || p.start >= quote.end {
                    break;
                }
                in_paragraph[paragraph].push(QuoteSpan {
                    range: quote.start..quote.end,
                    speaker,
                });
                if let Some(s) = speaker {
                    speaking_paragraphs[s].push(paragraph);
                }
                paragraph += 1;
            }
            if let Some(s) = speaker {
                of_entity[s].push(q);
                let name = &analysis.entities[s].name;
                widest = widest.max(unicode_width::UnicodeWidthStr::width(name.as_str()));
            }
        }
        for list in &mut speaking_paragraphs {
            list.dedup();
        }
        SpeechIndex {
            in_paragraph,
            of_entity,
            speaking_paragraphs,
            margin: if widest == 0 {
                0
            } else {
                widest.min(SPEAKER_COLUMNS) + 1
            },
        }
    }
}

impl App<'_> {
    /// Columns of the speaker margin in the paragraph view at its current width.
    pub fn speaker_margin(&self) -> usize {
        let width = self.paragraph_view().width as usize;
        let margin = self.index.speech.margin;
        if width >= FULL_MARGIN_WIDTH {
            margin
        } else if width >= MARGIN_MIN_WIDTH {
            margin.min(SHORT_MARGIN)
        } else {
            0
        }
    }

    /// The speaker's name as the margin shows it, cut to `columns`.
    pub fn speaker_label(&self, entity: usize, columns: usize) -> String {
        self.analysis
            .entities
            .get(entity)
            .map(|e| text::truncate(&text::one_line(&e.name), columns))
            .unwrap_or_default()
    }

    /// The concordance of everything `entity` says: one line per quote.
    pub fn quote_concordance(&self, entity: usize) -> Result<ConcordanceView, &'static str> {
        let Some(entity_data) = self.analysis.entities.get(entity) else {
            return Err("no entity selected: pick one in the entity list");
        };
        let quotes = self
            .index
            .speech
            .of_entity
            .get(entity)
            .map_or(&[][..], Vec::as_slice);
        if quotes.is_empty() {
            return Err("no quote is attributed to this entity");
        }
        let hits = quotes
            .iter()
            .map(|&q| {
                let quote = &self.analysis.quotes[q];
                Hit {
                    document: quote.document,
                    paragraph: quote.paragraph,
                    keyword: quote.start..quote.end,
                }
            })
            .collect();
        let mut view = ConcordanceView {
            title: format!(
                "{} {} says",
                kind_letter(entity_data.kind),
                entity_data.name
            ),
            concordance: Concordance::from_hits(hits),
            cursor: ListCursor::default(),
            speech: true,
        };
        if let Some(row) = self
            .selected_paragraph()
            .and_then(|p| view.concordance.first_row_from(p))
        {
            view.cursor.selected = row;
            view.cursor.offset = row;
        }
        Ok(view)
    }

    /// Paragraphs of `candidates` where every speaker filter's entity speaks.
    pub fn retain_speakers(&self, mut candidates: Vec<usize>) -> Vec<usize> {
        for filter in &self.filters {
            if let Filter::Speaks(entity) = filter {
                let speaking = self
                    .index
                    .speech
                    .speaking_paragraphs
                    .get(*entity)
                    .map_or(&[][..], Vec::as_slice);
                candidates.retain(|p| speaking.binary_search(p).is_ok());
            }
        }
        candidates
    }
}

/// The entity of the open card, else the subject entity; with neither, the
/// status bar says how to pick one.
fn entity_in_question(app: &mut App) -> Option<usize> {
    let entity = app
        .card
        .as_ref()
        .map(|c| c.entity())
        .or_else(|| app.subject_entity());
    if entity.is_none() {
        app.message = Some("no entity selected: pick one in the entity list".to_string());
    }
    entity
}

/// `"`: the concordance of the subject entity's quotes.
pub fn open_quote_concordance(app: &mut App) {
    let Some(entity) = entity_in_question(app) else {
        return;
    };
    match app.quote_concordance(entity) {
        Ok(view) => {
            app.card = None;
            app.message = Some(format!(
                "{} quotes · Enter jumps · Esc closes",
                view.concordance.len()
            ));
            app.concordance = Some(view);
        }
        Err(message) => app.message = Some(message.to_string()),
    }
}

/// `S`: only the paragraphs where the subject entity speaks (a filter; Esc drops it).
pub fn filter_speaker(app: &mut App) {
    let Some(entity) = entity_in_question(app) else {
        return;
    };
    let speaks = app
        .index
        .speech
        .speaking_paragraphs
        .get(entity)
        .is_some_and(|p| !p.is_empty());
    if !speaks {
        app.message = Some("no quote is attributed to this entity".to_string());
        return;
    }
    app.card = None;
    app.record_jump();
    app.push_filter(Filter::Speaks(entity));
}
