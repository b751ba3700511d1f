//! Taking things out of the app: the shown paragraphs to a Markdown file
//! (its name proposed and editable in a one-line prompt, never overwriting
//! without asking), and the selected paragraph or quote to the clipboard
//! with OSC 52 (works over ssh). `update` only queues [`Effect`]s; the
//! terminal loop performs them with [`perform_effects`] and reports back in
//! the status bar, so the state machine stays free of I/O.

use std::io::Write;
use std::path::PathBuf;

use super::action::Action;
use super::app::App;
use super::text;
use crate::export;

/// The clipboard payload is capped: many terminals drop longer OSC 52.
const MAX_COPY_BYTES: usize = 74_000;

/// What the app keeps for sharing.
#[derive(Debug, Clone, Default)]
pub struct Share {
    /// The file-name prompt of the Markdown export, while open.
    pub prompt: Option<SavePrompt>,
    /// Side effects waiting for the terminal loop.
    pub effects: Vec<Effect>,
    /// Where exported files go (the working folder unless a test says).
    pub export_dir: PathBuf,
    /// The last copied quote: (paragraph, position among its quotes).
    pub quote_cursor: Option<(usize, usize)>,
    /// Where the reader's place is saved on quitting, when it is.
    pub state_file: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavePrompt {
    /// The file name as typed.
    pub name: String,
    /// The Markdown, made when the prompt opened (the view it shows).
    pub contents: String,
    /// Set once the file turned out to exist: the next Enter overwrites.
    pub confirm_overwrite: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put `text` on the clipboard; `what` says what it was.
    Copy { text: String, what: String },
    /// Write a file, refusing to replace one unless `overwrite`.
    Write {
        path: PathBuf,
        contents: String,
        overwrite: bool,
    },
}

/// `w`: opens the prompt with a proposed file name.
pub fn open_export_prompt(app: &mut App) {
    let filters: Vec<String> = app.filters.iter().filter_map(|f| f.label(app)).collect();
    let bold = app.highlighted_entities();
    let contents = export::markdown::view(
        app.corpus,
        &app.analysis,
        &export::markdown::View {
            paragraphs: &app.visible,
            filters: &filters,
            bold_entities: &bold,
        },
    );
    let name = proposed_name(app, &filters);
    app.share.prompt = Some(SavePrompt {
        name,
        contents,
        confirm_overwrite: false,
    });
}

/// `<story>-<filters>.md`, or `<story>-view.md`, with `-2`, `-3`... added
/// until no such file exists in the export folder.
fn proposed_name(app: &App, filters: &[String]) -> String {
    let stem = export::file_stem(app.corpus);
    let detail = export::slug(&filters.join(" "));
    let base = if detail.is_empty() {
        format!("{stem}-view")
    } else {
        format!("{stem}-{detail}")
    };
    (1..1000)
        .map(|n| {
            if n == 1 {
                format!("{base}.md")
            } else {
                format!("{base}-{n}.md")
            }
        })
        .find(|name| !app.share.export_dir.join(name).exists())
        .unwrap_or_else(|| format!("{base}.md"))
}

/// Keys while the prompt is open; true when the prompt took the action.
pub fn update_prompt(app: &mut App, action: Action) -> bool {
    let Some(prompt) = app.share.prompt.as_mut() else {
        return false;
    };
    match action {
        Action::SearchInput(c) => {
            prompt.name.push(c);
            prompt.confirm_overwrite = false;
        }
        Action::SearchBackspace => {
            prompt.name.pop();
            prompt.confirm_overwrite = false;
        }
        Action::SearchAbort => {
            app.share.prompt = None;
            app.message = Some("nothing written".to_string());
        }
        Action::SearchConfirm => confirm_prompt(app),
        Action::Quit | Action::Resize { .. } => return false,
        _ => {}
    }
    true
}

fn confirm_prompt(app: &mut App) {
    let Some(prompt) = app.share.prompt.as_ref() else {
        return;
    };
    let name = prompt.name.trim();
    if name.is_empty() {
        app.message = Some("type a file name, or Esc".to_string());
        return;
    }
    let effect = Effect::Write {
        path: app.share.export_dir.join(name),
        contents: prompt.contents.clone(),
        overwrite: prompt.confirm_overwrite,
    };
    app.share.effects.push(effect);
}

/// `y`: the selected paragraph's text.
pub fn copy_paragraph(app: &mut App) {
    let Some(id) = app.selected_paragraph() else {
        app.message = Some("no paragraph to copy".to_string());
        return;
    };
    let paragraph = &app.corpus.paragraphs[id];
    let text = text_for_clipboard(app.corpus.paragraph_text(paragraph));
    app.share.effects.push(Effect::Copy {
        text,
        what: format!("¶{}", id + 1),
    });
}

/// `Y`: a quote in the selected paragraph, with its speaker: the one the
/// last jump landed in, else the next one each time.
pub fn copy_quote(app: &mut App) {
    let Some(id) = app.selected_paragraph() else {
        app.message = Some("no paragraph selected".to_string());
        return;
    };
    let paragraph = app.corpus.paragraphs[id];
    let quotes: Vec<usize> = (0..app.analysis.quotes.len())
        .filter(|&q| {
            let quote = &app.analysis.quotes[q];
            quote.document == paragraph.document
                && quote.start < paragraph.end
                && paragraph.start < quote.end
        })
        .collect();
    if quotes.is_empty() {
        app.message = Some(format!("no quote in ¶{}", id + 1));
        return;
    }
    let at_jump = app
        .jump
        .as_ref()
        .filter(|j| j.paragraph == id)
        .and_then(|j| {
            quotes.iter().position(|&q| {
                let quote = &app.analysis.quotes[q];
                quote.start <= j.range.start && j.range.start < quote.end
            })
        });
    let position = match (app.share.quote_cursor, at_jump) {
        (Some((p, n)), _) if p == id => (n + 1) % quotes.len(),
        (_, Some(n)) => n,
        _ => 0,
    };
    app.share.quote_cursor = Some((id, position));
    let quote = &app.analysis.quotes[quotes[position]];
    let document = &app.corpus.documents[quote.document].text;
    let said = document.get(quote.start..quote.end).unwrap_or(&quote.text);
    let speaker = export::speaker_name(&app.analysis, quote);
    let mut text = text_for_clipboard(said);
    if let Some(name) = speaker {
        text.push_str(&format!(" — {}", text::one_line(name)));
    }
    let what = format!(
        "quote {}/{} of ¶{}{}",
        position + 1,
        quotes.len(),
        id + 1,
        speaker
            .map(|n| format!(" ({})", text::one_line(n)))
            .unwrap_or_default()
    );
    app.share.effects.push(Effect::Copy { text, what });
}

/// Soft line breaks joined and control characters made visible, so the
/// clipboard never carries an escape sequence from the story.
fn text_for_clipboard(raw: &str) -> String {
    text::one_line(raw)
}

/// Performs the queued effects: OSC 52 to `terminal`, files to disk; each
/// result becomes the status-bar message.
pub fn perform_effects(app: &mut App, terminal: &mut impl Write) {
    for effect in std::mem::take(&mut app.share.effects) {
        app.message = Some(match effect {
            Effect::Copy { text, what } => copy_to_clipboard(terminal, &text, &what),
            Effect::Write {
                path,
                contents,
                overwrite,
            } => write_file(app, &path, &contents, overwrite),
        });
    }
}

fn copy_to_clipboard(terminal: &mut impl Write, text: &str, what: &str) -> String {
    if text.len() > MAX_COPY_BYTES {
        return format!(
            "{what} is too long for the clipboard ({} bytes)",
            text.len()
        );
    }
    let sequence = osc52(text);
    let mut sent = terminal.write_all(sequence.as_bytes());
    if std::env::var_os("TMUX").is_some() {
        // tmux passes it on with `allow-passthrough on`; with
        // `set-clipboard on` it takes the plain one above.
        let wrapped = format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"));
        sent = sent.and_then(|()| terminal.write_all(wrapped.as_bytes()));
    }
    match sent.and_then(|()| terminal.flush()) {
        Ok(()) => format!("copied {what} to the clipboard (OSC 52)"),
        Err(error) => format!("could not copy: {error}"),
    }
}

fn write_file(app: &mut App, path: &std::path::Path, contents: &str, overwrite: bool) -> String {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if overwrite {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let result = options
        .open(path)
        .and_then(|mut file| file.write_all(contents.as_bytes()));
    match result {
        Ok(()) => {
            app.share.prompt = None;
            format!("wrote {}", path.display())
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            if let Some(prompt) = app.share.prompt.as_mut() {
                prompt.confirm_overwrite = true;
            }
            format!(
                "{} exists: Enter replaces it, or edit the name",
                path.display()
            )
        }
        Err(error) => format!("cannot write {}: {error}", path.display()),
    }
}

/// The OSC 52 sequence that sets the system clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> shift & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
