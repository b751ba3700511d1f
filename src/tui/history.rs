//! Jump history: where the reader was before each jump (entity filter,
//! mention, timeline entry), so Ctrl-o can go back and forward again.

use super::app::{App, Filter, Pane, ScrollPos};

/// Kept jumps; older ones are forgotten.
const HISTORY_LIMIT: usize = 200;

/// A reading position that survives filter changes: paragraph ids, not
/// positions in the filtered list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub filters: Vec<Filter>,
    pub focus: Pane,
    pub selected: Option<usize>,
    /// The paragraph at the top of the view and the row inside it.
    pub top: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    back: Vec<Location>,
    forward: Vec<Location>,
}

impl History {
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// Carries the kept places over to a corrected cast: each filter mapped,
    /// or dropped when its entity is gone.
    pub fn remap_entities(&mut self, remap: impl Fn(&Filter) -> Option<Filter>) {
        for location in self.back.iter_mut().chain(self.forward.iter_mut()) {
            location.filters = location.filters.iter().filter_map(&remap).collect();
        }
    }
}

impl App<'_> {
    pub fn location(&self) -> Location {
        Location {
            filters: self.filters.clone(),
            focus: self.focus,
            selected: self.selected_paragraph(),
            top: self
                .visible
                .get(self.reader.top.item)
                .map(|&p| (p, self.reader.top.line)),
        }
    }

    /// Call before a jump: remembers where the reader is.
    pub fn record_jump(&mut self) {
        let here = self.location();
        if self.history.back.last() != Some(&here) {
            self.history.back.push(here);
            if self.history.back.len() > HISTORY_LIMIT {
                self.history.back.remove(0);
            }
        }
        self.history.forward.clear();
    }

    /// Ctrl-o: back to where the last jump started. False when there is none.
    pub fn jump_back(&mut self) -> bool {
        let Some(previous) = self.history.back.pop() else {
            return false;
        };
        let here = self.location();
        self.history.forward.push(here);
        self.restore(previous);
        true
    }

    /// Undoes a `jump_back`. False when there is nothing to redo.
    pub fn jump_forward(&mut self) -> bool {
        let Some(next) = self.history.forward.pop() else {
            return false;
        };
        let here = self.location();
        self.history.back.push(here);
        self.restore(next);
        true
    }

    fn restore(&mut self, location: Location) {
        self.filters = location.filters;
        self.search_input = None;
        self.focus = location.focus;
        self.jump = None;
        self.mention_cursor = None;
        self.visible = self.filtered_paragraphs(None);
        let item_of = |visible: &[usize], p: usize| visible.partition_point(|&v| v < p);
        self.reader.selected = location.selected.map_or(0, |p| item_of(&self.visible, p));
        self.reader.top = location
            .top
            .map_or(ScrollPos::default(), |(p, line)| ScrollPos {
                item: item_of(&self.visible, p),
                line,
            });
        self.clamp_scroll();
        self.reveal_selected(false);
    }
}
