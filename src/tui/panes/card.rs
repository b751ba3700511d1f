//! The entity card popup: kind, aliases, mention count, first and last
//! mention, a dispersion strip over the whole story, descriptions from the
//! text, and the entities it shares paragraphs with (a list to pick from).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::analysis::profile::{dispersion_strip, MentionPosition};
use crate::tui::app::App;
use crate::tui::card::Card;
use crate::tui::text;
use crate::tui::theme::kind_letter;

/// Width of the label column ("Mentions  ").
const LABEL: usize = 11;
/// Widest card.
const MAX_WIDTH: u16 = 96;

/// Where the card goes on a screen of `area` (the status bar stays free).
pub fn popup_area(app: &App, card: &Card, area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(MAX_WIDTH);
    let wanted = (header_rows(app, card, width as usize).len()
        + 1
        + card.profile.cooccurring.len().max(1)
        + 2) as u16;
    let height = wanted.min(area.height.saturating_sub(1));
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(Rect {
            height: area.height.saturating_sub(1),
            ..popup
        });
    popup
}

/// Rows of co-occurring entities the card shows at once.
pub fn list_rows(app: &App, card: &Card, area: Rect) -> usize {
    let popup = popup_area(app, card, area);
    let inner = popup.height.saturating_sub(2) as usize;
    let header = header_rows(app, card, popup.width.saturating_sub(2) as usize).len() + 1;
    inner.saturating_sub(header).max(1)
}

pub fn render(app: &App, card: &Card, area: Rect, buf: &mut Buffer) {
    let popup = popup_area(app, card, area);
    Clear.render(popup, buf);
    let profile = &card.profile;
    let title = format!(
        " {} {} ",
        kind_letter(profile.kind),
        text::one_line(&profile.name)
    );
    let block = Block::bordered()
        .border_style(app.theme.border(true))
        .title(Span::styled(title, app.theme.kind_marker(profile.kind)))
        .title_bottom(Line::from(footer(app)).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    let width = inner.width as usize;
    let mut y = inner.y;
    for line in header_rows(app, card, width) {
        if y >= inner.bottom() {
            return;
        }
        buf.set_line(inner.x, y, &line, inner.width);
        y += 1;
    }
    if y >= inner.bottom() {
        return;
    }
    let with = format!("Appears with ({})", profile.cooccurring.len());
    buf.set_line(
        inner.x,
        y,
        &Line::styled(with, app.theme.bold()),
        inner.width,
    );
    y += 1;
    if profile.cooccurring.is_empty() {
        if y < inner.bottom() {
            let note = Line::styled("  no other entity shares a paragraph", app.theme.dim());
            buf.set_line(inner.x, y, &note, inner.width);
        }
        return;
    }
    let page = inner.bottom().saturating_sub(y) as usize;
    let offset = super::entities::effective_offset(card.offset, card.cursor, page);
    let count_width = profile
        .cooccurring
        .first()
        .map_or(1, |c| c.paragraphs.to_string().len());
    for (position, together) in profile.cooccurring.iter().enumerate().skip(offset) {
        if y >= inner.bottom() {
            break;
        }
        let Some(entity) = app.analysis.entities.get(together.entity) else {
            continue;
        };
        let is_cursor = position == card.cursor;
        let suffix = format!("{:>count_width$} ¶ shared", together.paragraphs);
        // "▶ P " before the name, a space and the suffix after it.
        let name_width = width.saturating_sub(suffix.width() + 5);
        let name = text::truncate(&text::one_line(&entity.name), name_width);
        let padding = name_width.saturating_sub(name.width());
        let mut line = Line::from(vec![
            Span::raw(if is_cursor { "▶ " } else { "  " }),
            Span::styled(
                kind_letter(entity.kind).to_string(),
                app.theme.kind_marker(entity.kind),
            ),
            Span::raw(format!(" {name}{} ", " ".repeat(padding))),
            Span::styled(suffix, app.theme.dim()),
        ]);
        if is_cursor {
            line = line.style(app.theme.cursor(true));
        }
        buf.set_line(inner.x, y, &line, inner.width);
        y += 1;
    }
}

fn footer(app: &App) -> String {
    let key = |action| app.keymap.first_key(action).unwrap_or("?");
    use crate::tui::action::Action;
    format!(
        " {} selects · {} concordance · {} quotes · {} closes ",
        key(Action::Select),
        key(Action::Concordance),
        key(Action::QuoteConcordance),
        key(Action::Cancel)
    )
}

/// Everything above the co-occurring list, `width` columns wide.
fn header_rows(app: &App, card: &Card, width: usize) -> Vec<Line<'static>> {
    let profile = &card.profile;
    let label = |name: &str| Span::styled(format!("{name:<LABEL$}"), app.theme.bold());
    let room = width.saturating_sub(LABEL);
    let mut rows = vec![Line::from(vec![
        label("Kind"),
        Span::styled(
            profile.kind.as_str().to_string(),
            app.theme.mention(profile.kind),
        ),
    ])];
    let aliases = if profile.aliases.is_empty() {
        "none".to_string()
    } else {
        profile
            .aliases
            .iter()
            .map(|a| text::one_line(a))
            .collect::<Vec<_>>()
            .join(", ")
    };
    rows.push(Line::from(vec![
        label("Aliases"),
        Span::raw(text::truncate(&aliases, room)),
    ]));
    // Facts from the reader's corrections, marked as theirs.
    for (i, note) in app.correcting.notes_of(profile.entity).iter().enumerate() {
        rows.push(Line::from(vec![
            if i == 0 {
                label("Corrected")
            } else {
                Span::raw(" ".repeat(LABEL))
            },
            Span::styled(text::truncate(&format!("✎ {note}"), room), app.theme.dim()),
        ]));
    }
    let mut mentions = format!("{}", profile.mention_count);
    if profile.pronoun_count > 0 {
        mentions.push_str(&format!(" + {} pronouns", profile.pronoun_count));
    }
    if let Some(first) = profile.first {
        mentions.push_str(&format!(" · first {}", position_label(app, first)));
    }
    if let Some(last) = profile.last {
        mentions.push_str(&format!(" · last {}", position_label(app, last)));
    }
    rows.push(Line::from(vec![
        label("Mentions"),
        Span::raw(text::truncate(&mentions, room)),
    ]));
    let strip_width = room.saturating_sub(2);
    let strip = dispersion_strip(&profile.dispersion, strip_width);
    rows.push(Line::from(vec![
        label("Where"),
        Span::styled("▕", app.theme.dim()),
        Span::styled(
            strip,
            app.theme.mention(profile.kind).remove_modifier(
                ratatui::style::Modifier::UNDERLINED | ratatui::style::Modifier::ITALIC,
            ),
        ),
        Span::styled("▏", app.theme.dim()),
    ]));
    rows.push(Line::from(vec![
        Span::raw(" ".repeat(LABEL)),
        Span::styled(story_axis(strip_width + 2), app.theme.dim()),
    ]));
    if profile.kind == crate::analysis::EntityKind::Person || !card.quotes.is_empty() {
        rows.extend(super::card_quotes::rows(app, card, width, LABEL));
    }
    rows.extend(super::stories::trend_rows(app, profile.entity, LABEL, room));
    rows.push(Line::styled("Described as", app.theme.bold()));
    if card.descriptions.is_empty() {
        rows.push(Line::styled(
            "  no description found in the text",
            app.theme.dim(),
        ));
    }
    for description in &card.descriptions {
        let count = if description.count > 1 {
            format!(" ×{}", description.count)
        } else {
            String::new()
        };
        let line = text::truncate(
            &text::one_line(&description.text),
            width.saturating_sub(4 + count.width()),
        );
        rows.push(Line::from(vec![
            Span::raw("  “"),
            Span::styled(
                line,
                Style::new().add_modifier(ratatui::style::Modifier::ITALIC),
            ),
            Span::raw("”"),
            Span::styled(count, app.theme.dim()),
        ]));
    }
    rows
}

/// "start ... end" under the strip.
fn story_axis(width: usize) -> String {
    let (start, end) = ("start", "end");
    if width < start.len() + end.len() + 1 {
        return String::new();
    }
    format!(
        "{start}{}{end}",
        " ".repeat(width - start.len() - end.len())
    )
}

/// "¶12" or, in a many-document story, "¶12 (doc 3)".
fn position_label(app: &App, position: MentionPosition) -> String {
    let mut label = format!("¶{}", position.paragraph + 1);
    if app.corpus.documents.len() > 1 {
        label.push_str(&format!(" (doc {})", position.document + 1));
    }
    label
}
