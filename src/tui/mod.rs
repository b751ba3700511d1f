//! The terminal app. (Placeholder until the TUI lands; see the issue tracker.)

use crate::analysis::Analysis;
use crate::corpus::Corpus;

/// Runs the interactive app in the real terminal.
pub fn run(_corpus: &Corpus, _analysis: &Analysis) -> anyhow::Result<()> {
    anyhow::bail!("the interactive app is not built yet")
}

/// Draws the app headlessly at `width` x `height` after feeding it `keys`.
pub fn render_to_string(
    corpus: &Corpus,
    _analysis: &Analysis,
    _width: u16,
    _height: u16,
    _keys: &str,
) -> anyhow::Result<String> {
    Ok(format!("{} paragraphs\n", corpus.paragraphs.len()))
}
