//! Scrolling the paragraph view. Positions are (shown paragraph, row inside
//! it), so every move wraps only the paragraphs it passes, never the book.

use super::app::{App, ScrollPos};

impl App<'_> {
    /// Rows of the paragraph view.
    pub fn view_height(&self) -> usize {
        (self.paragraph_view().height as usize).max(1)
    }

    /// Rows a shown paragraph takes: a document heading when it is the first
    /// shown paragraph of a document in a many-document story, its lines,
    /// then a blank separator (except after the last one).
    pub fn item_rows(&self, item: usize) -> usize {
        let separator = usize::from(item + 1 < self.visible.len());
        self.text_rows(item) + separator
    }

    /// The heading and the lines of a shown paragraph.
    pub fn text_rows(&self, item: usize) -> usize {
        self.visible
            .get(item)
            .map_or(0, |&p| self.heading_rows(item) + self.lines(p).len())
    }

    /// 1 when a document heading is drawn above shown paragraph `item`.
    pub fn heading_rows(&self, item: usize) -> usize {
        if self.corpus.documents.len() < 2 {
            return 0;
        }
        let document = |item: usize| {
            self.visible
                .get(item)
                .map(|&p| self.corpus.paragraphs[p].document)
        };
        usize::from(item == 0 || document(item - 1) != document(item))
    }

    /// The scroll position that puts the last row at the bottom.
    pub fn max_top(&self) -> ScrollPos {
        let mut remaining = self.view_height();
        let mut item = self.visible.len();
        while item > 0 {
            let rows = self.item_rows(item - 1);
            if rows >= remaining {
                return ScrollPos {
                    item: item - 1,
                    line: rows - remaining,
                };
            }
            remaining -= rows;
            item -= 1;
        }
        ScrollPos::default()
    }

    pub fn clamp_scroll(&mut self) {
        let len = self.visible.len();
        if len == 0 {
            self.reader = Default::default();
            return;
        }
        self.reader.selected = self.reader.selected.min(len - 1);
        self.reader.top.item = self.reader.top.item.min(len - 1);
        let rows = self.item_rows(self.reader.top.item);
        self.reader.top.line = self.reader.top.line.min(rows.saturating_sub(1));
        let max = self.max_top();
        if key(self.reader.top) > key(max) {
            self.reader.top = max;
        }
    }

    pub fn scroll_down(&mut self, rows: usize) {
        let max = self.max_top();
        let mut pos = self.reader.top;
        let mut rows = rows;
        while rows > 0 && key(pos) < key(max) {
            let item_rows = self.item_rows(pos.item);
            if pos.line + rows < item_rows {
                pos.line += rows;
                rows = 0;
            } else {
                rows -= item_rows - pos.line;
                pos = ScrollPos {
                    item: pos.item + 1,
                    line: 0,
                };
            }
        }
        self.reader.top = if key(pos) > key(max) { max } else { pos };
    }

    pub fn scroll_up(&mut self, rows: usize) {
        let mut pos = self.reader.top;
        let mut rows = rows;
        while rows > 0 {
            if pos.line >= rows {
                pos.line -= rows;
                break;
            }
            rows -= pos.line;
            if pos.item == 0 {
                pos.line = 0;
                break;
            }
            pos.item -= 1;
            pos.line = self.item_rows(pos.item);
        }
        self.reader.top = pos;
    }

    /// Row of the view where shown paragraph `item` starts (negative when it
    /// starts above), or `None` when it starts above the top paragraph.
    /// Stops counting once past the bottom.
    pub fn row_of_item(&self, item: usize) -> Option<isize> {
        let top = self.reader.top;
        if item < top.item {
            return None;
        }
        let height = self.view_height() as isize;
        let mut row = -(top.line as isize);
        for i in top.item..item {
            row += self.item_rows(i) as isize;
            if row > height {
                break;
            }
        }
        Some(row)
    }

    /// Scrolls the least needed to show the selected paragraph; a paragraph
    /// taller than the view shows its start, or its end when `from_below`
    /// is false and the reader is moving up into it.
    pub fn reveal_selected(&mut self, moving_up: bool) {
        let item = self.reader.selected;
        if item >= self.visible.len() {
            return;
        }
        let height = self.view_height();
        let lines = self.text_rows(item);
        match self.row_of_item(item) {
            // Far below (where the count stopped early): start at its top.
            Some(row) if row > height as isize => {
                self.reader.top = ScrollPos { item, line: 0 };
            }
            Some(row) if row >= 0 => {
                let end = row as usize + lines;
                if end > height {
                    if lines >= height {
                        self.reader.top = ScrollPos { item, line: 0 };
                    } else {
                        self.scroll_down(end - height);
                    }
                }
            }
            _ => {
                let line = if moving_up {
                    lines.saturating_sub(height)
                } else {
                    0
                };
                self.reader.top = ScrollPos { item, line };
            }
        }
        self.clamp_scroll();
    }

    /// Makes line `line` of the selected paragraph visible; when it has to
    /// scroll, the line lands a third of the way down the view.
    pub fn reveal_line(&mut self, line: usize) {
        let height = self.view_height();
        let item = self.reader.selected;
        let line = line + self.heading_rows(item);
        let visible = self
            .row_of_item(item)
            .map(|row| row + line as isize)
            .is_some_and(|row| row >= 0 && (row as usize) < height);
        if !visible {
            self.reader.top = ScrollPos {
                item,
                line: line.saturating_sub(height / 3),
            };
            self.clamp_scroll();
        }
    }

    /// After scrolling, moves the selection into the view if it left it.
    pub fn select_within_view(&mut self) {
        let height = self.view_height() as isize;
        let selected = self.reader.selected;
        let start = self.row_of_item(selected);
        let end = start.map(|row| row + self.item_rows(selected) as isize);
        if start.is_none() || end.is_some_and(|end| end <= 0) {
            // Above: take the first paragraph with a row in view.
            let top = self.reader.top;
            let top_rest = self.item_rows(top.item).saturating_sub(top.line);
            let next_starts_in_view =
                top.line > 0 && top_rest <= 1 && top.item + 1 < self.visible.len();
            self.reader.selected = top.item + usize::from(next_starts_in_view);
        } else if start.is_some_and(|row| row >= height) {
            // Below: take the last paragraph starting in view.
            let mut item = self.reader.top.item;
            while item + 1 < self.visible.len()
                && self.row_of_item(item + 1).is_some_and(|row| row < height)
            {
                item += 1;
            }
            self.reader.selected = item;
        }
    }

    /// The shown paragraph drawn at `row` of the view.
    pub fn item_at_row(&self, row: usize) -> Option<usize> {
        let top = self.reader.top;
        let mut remaining = row + top.line;
        let mut item = top.item;
        while item < self.visible.len() {
            let rows = self.item_rows(item);
            if remaining < rows {
                return Some(item);
            }
            remaining -= rows;
            item += 1;
        }
        None
    }
}

fn key(pos: ScrollPos) -> (usize, usize) {
    (pos.item, pos.line)
}
