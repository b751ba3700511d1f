//! The card's quote rows: how many quotes the entity says, the keys that
//! list them and filter to them, and the first few lines it says.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::card::Card;
use crate::tui::text;

/// Quotes quoted on the card at most.
const QUOTES_SHOWN: usize = 3;

/// The rows, `width` columns wide with a label column of `label` columns.
pub fn rows(app: &App, card: &Card, width: usize, label: usize) -> Vec<Line<'static>> {
    let key = |action| app.keymap.first_key(action).unwrap_or("?").to_string();
    let room = width.saturating_sub(label);
    let summary = if card.quotes.is_empty() {
        "none attributed".to_string()
    } else {
        format!(
            "{} · {} lists them · {} filters to them",
            card.quotes.len(),
            key(Action::QuoteConcordance),
            key(Action::FilterSpeaker)
        )
    };
    let mut rows = vec![Line::from(vec![
        Span::styled(format!("{:<label$}", "Quotes"), app.theme.bold()),
        Span::raw(text::truncate(&summary, room)),
    ])];
    for &q in card.quotes.iter().take(QUOTES_SHOWN) {
        let Some(quote) = app.analysis.quotes.get(q) else {
            continue;
        };
        let place = format!(" ¶{}", quote.paragraph + 1);
        let said = text::truncate(
            &text::one_line(&quote.text),
            width.saturating_sub(2 + place.width()),
        );
        rows.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(said, Style::new().add_modifier(Modifier::ITALIC)),
            Span::styled(place, app.theme.dim()),
        ]));
    }
    rows
}
