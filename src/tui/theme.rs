//! Styles. The default palette uses the 16 ANSI colours (they follow the
//! user's terminal palette); with `NO_COLOR` every meaning stays visible
//! through markers, bold, underline and reverse video.

use ratatui::style::{Color, Modifier, Style};

use super::theme_config::Background;
use crate::analysis::EntityKind;

#[derive(Debug, Clone)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

/// The colours of each role. The dark palette uses the bright-looking ANSI
/// colours; the light one swaps those that fade on white (yellow, cyan)
/// for darker ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    pub person: Color,
    pub organization: Color,
    pub place: Color,
    pub group: Color,
    pub other: Color,
    /// The focused border and the selected paragraph's gutter.
    pub accent: Color,
    pub date: Color,
    pub jump: Color,
    pub muted: Color,
}

impl Palette {
    pub fn for_background(background: Background) -> Palette {
        match background {
            Background::Dark => Palette {
                person: Color::Cyan,
                organization: Color::Magenta,
                place: Color::Green,
                group: Color::Yellow,
                other: Color::Blue,
                accent: Color::Cyan,
                date: Color::Yellow,
                jump: Color::LightRed,
                muted: Color::DarkGray,
            },
            Background::Light => Palette {
                person: Color::Blue,
                organization: Color::Magenta,
                place: Color::Green,
                group: Color::Red,
                other: Color::DarkGray,
                accent: Color::Blue,
                date: Color::Red,
                jump: Color::Red,
                muted: Color::DarkGray,
            },
        }
    }
}

impl Theme {
    /// The dark palette, in colour or not.
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            palette: Palette::for_background(Background::Dark),
        }
    }

    /// Colour unless `NO_COLOR` is set to a non-empty value (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(!no_color)
    }

    /// Colour (unless `NO_COLOR`) for a light or dark background.
    pub fn for_background(background: Background) -> Theme {
        Theme {
            palette: Palette::for_background(background),
            ..Theme::from_env()
        }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// A mention in running text: coloured by kind, and set apart without
    /// colour by a different combination of underline, bold and italic.
    pub fn mention(&self, kind: EntityKind) -> Style {
        let p = &self.palette;
        let (color, modifier) = match kind {
            EntityKind::Person => (p.person, Modifier::UNDERLINED | Modifier::BOLD),
            EntityKind::Organization => (p.organization, Modifier::UNDERLINED | Modifier::ITALIC),
            EntityKind::Place => (p.place, Modifier::UNDERLINED),
            EntityKind::Group => (p.group, Modifier::ITALIC),
            EntityKind::Other if self.color => (p.other, Modifier::UNDERLINED),
            EntityKind::Other => (Color::Reset, Modifier::DIM | Modifier::UNDERLINED),
        };
        self.fg(color).add_modifier(modifier)
    }

    /// The kind letter in the entity list.
    pub fn kind_marker(&self, kind: EntityKind) -> Style {
        self.mention(kind)
            .remove_modifier(Modifier::UNDERLINED | Modifier::ITALIC)
    }

    /// Mentions of the selected entity.
    pub fn highlighted_mention(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The mention or date reached by the last jump.
    pub fn jump_target(&self) -> Style {
        let style =
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED);
        if self.color {
            style.fg(self.palette.jump)
        } else {
            style
        }
    }

    /// Text-filter matches.
    pub fn search_hit(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
        } else {
            self.fg(self.palette.muted)
        }
    }

    /// The cursor row of a list.
    pub fn cursor(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// The gutter of the selected paragraph.
    pub fn selected_gutter(&self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn status_bar(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Quoted speech: italic, and tinted where colour is on.
    pub fn quote(&self) -> Style {
        self.fg(Color::LightYellow).add_modifier(Modifier::ITALIC)
    }

    /// A pronoun of the selected entity: a step below its names' reverse video.
    pub fn highlighted_pronoun(&self) -> Style {
        self.fg(Color::Cyan)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    /// The speaker's name in the paragraph margin.
    pub fn speaker(&self) -> Style {
        self.fg(Color::Cyan)
            .add_modifier(Modifier::DIM | Modifier::BOLD)
    }

    pub fn date(&self) -> Style {
        self.fg(self.palette.date).add_modifier(Modifier::BOLD)
    }
}

/// The letter shown for a kind where colour may be missing.
pub fn kind_letter(kind: EntityKind) -> char {
    kind.letter()
}
