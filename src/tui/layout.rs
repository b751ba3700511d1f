//! Where each pane goes, as a pure function of the screen size and focus, so
//! that drawing and mouse hit-testing agree.

use ratatui::layout::{Constraint, Layout, Rect};

use super::app::Pane;

/// Screens at least this wide show the three panes side by side.
pub const WIDE_MIN_WIDTH: u16 = 100;
/// Narrower screens at least this tall stack paragraphs over the two lists.
pub const STACKED_MIN_HEIGHT: u16 = 20;
pub const STACKED_MIN_WIDTH: u16 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Entities | paragraphs | timeline.
    Wide,
    /// Paragraphs above, entities and timeline below.
    Stacked,
    /// One pane at a time, with a tab line to switch.
    Single,
}

/// The areas of one frame; a pane that is not shown has no area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub mode: Mode,
    pub entities: Option<Rect>,
    pub paragraphs: Option<Rect>,
    pub timeline: Option<Rect>,
    /// The tab line of single-pane mode.
    pub tabs: Option<Rect>,
    pub status: Rect,
}

impl Areas {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Entities => self.entities,
            Pane::Paragraphs => self.paragraphs,
            Pane::Timeline => self.timeline,
        }
    }

    /// The pane under a screen position.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let position = ratatui::layout::Position::new(column, row);
        Pane::ALL
            .into_iter()
            .find(|pane| self.pane(*pane).is_some_and(|r| r.contains(position)))
    }
}

pub fn mode_for(area: Rect) -> Mode {
    if area.width >= WIDE_MIN_WIDTH && area.height >= 10 {
        Mode::Wide
    } else if area.width >= STACKED_MIN_WIDTH && area.height >= STACKED_MIN_HEIGHT {
        Mode::Stacked
    } else {
        Mode::Single
    }
}

pub fn areas(area: Rect, focus: Pane) -> Areas {
    let [main, status] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    let mode = mode_for(area);
    let mut areas = Areas {
        mode,
        entities: None,
        paragraphs: None,
        timeline: None,
        tabs: None,
        status,
    };
    match mode {
        Mode::Wide => {
            let side = (area.width / 5).clamp(24, 40);
            let [entities, paragraphs, timeline] = Layout::horizontal([
                Constraint::Length(side),
                Constraint::Min(40),
                Constraint::Length(side + 4),
            ])
            .areas(main);
            areas.entities = Some(entities);
            areas.paragraphs = Some(paragraphs);
            areas.timeline = Some(timeline);
        }
        Mode::Stacked => {
            let [paragraphs, lists] =
                Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .areas(main);
            let [entities, timeline] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(lists);
            areas.entities = Some(entities);
            areas.paragraphs = Some(paragraphs);
            areas.timeline = Some(timeline);
        }
        Mode::Single => {
            let [tabs, pane] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(main);
            areas.tabs = Some(tabs);
            match focus {
                Pane::Entities => areas.entities = Some(pane),
                Pane::Paragraphs => areas.paragraphs = Some(pane),
                Pane::Timeline => areas.timeline = Some(pane),
            }
        }
    }
    areas
}

/// The inside of a pane's border.
pub fn inner(area: Rect) -> Rect {
    ratatui::widgets::Block::bordered().inner(area)
}
