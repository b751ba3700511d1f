//! Analysis on a worker thread, with progress shown when it takes longer
//! than half a second: a gauge in the app, a bar on stderr for `analyze`.
//!
//! The analysis pipeline reports no progress of its own, so the fraction is
//! an estimate from the input size and the time spent: it rises quickly at
//! first and slows as it nears the end, without ever claiming to be done.

use std::io::IsTerminal;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::analysis::{analyze, Analysis, AnalysisOptions};
use crate::corpus::Corpus;

/// Quicker analyses show no progress at all.
pub const SHOW_AFTER: Duration = Duration::from_millis(500);
/// How often the progress is redrawn.
pub const TICK: Duration = Duration::from_millis(80);
/// Bytes analysed per second assumed for the estimate, on the slow side.
const ASSUMED_BYTES_PER_SECOND: f64 = 4_000_000.0;

/// How far an analysis has come.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub elapsed: Duration,
    /// Size of the text being analysed.
    pub bytes: usize,
}

impl Progress {
    /// Estimated fraction done, in [0, 1): `1 - e^(-t/T)` for an expected
    /// time T, so it never stalls at a false 100 %.
    pub fn fraction(&self) -> f64 {
        let expected = (self.bytes as f64 / ASSUMED_BYTES_PER_SECOND).max(0.1);
        1.0 - (-self.elapsed.as_secs_f64() / expected).exp()
    }

    /// "analysing 12.4 MB · 2.3 s".
    pub fn label(&self) -> String {
        format!(
            "analysing {:.1} MB · {:.1} s",
            self.bytes as f64 / 1e6,
            self.elapsed.as_secs_f64()
        )
    }
}

/// Total text bytes of a corpus.
pub fn corpus_bytes(corpus: &Corpus) -> usize {
    corpus.documents.iter().map(|d| d.text.len()).sum()
}

/// Analyses `corpus` on a worker thread. After [`SHOW_AFTER`], calls `tick`
/// every [`TICK`] until the analysis is done; when `tick` answers false
/// (the reader quit) the result is abandoned and `None` returned.
pub fn analyze_with_progress(
    corpus: Arc<Corpus>,
    options: AnalysisOptions,
    mut tick: impl FnMut(Progress) -> Result<bool>,
) -> Result<Option<Analysis>> {
    let bytes = corpus_bytes(&corpus);
    let start = Instant::now();
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("analysis".to_string())
        .spawn(move || {
            // The receiver may be gone when the reader quit; nothing to do.
            let _ = sender.send(analyze(&corpus, &options));
        })?;
    let mut wait = SHOW_AFTER;
    loop {
        match receiver.recv_timeout(wait) {
            Ok(analysis) => return Ok(Some(analysis)),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                anyhow::bail!("the analysis stopped unexpectedly")
            }
        }
        let progress = Progress {
            elapsed: start.elapsed(),
            bytes,
        };
        if !tick(progress)? {
            return Ok(None);
        }
        wait = TICK;
    }
}

/// Analyses with a progress bar on stderr, only when stderr is a terminal
/// and the analysis takes longer than [`SHOW_AFTER`].
pub fn analyze_reporting_on_stderr(
    corpus: Arc<Corpus>,
    options: AnalysisOptions,
) -> Result<Analysis> {
    let on_terminal = std::io::stderr().is_terminal();
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(1000),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(indicatif::ProgressStyle::with_template("{bar:40} {msg}")?.progress_chars("█▌ "));
    let analysis = analyze_with_progress(corpus, options, |progress| {
        if on_terminal {
            bar.set_position((progress.fraction() * 1000.0) as u64);
            bar.set_message(progress.label());
        }
        Ok(true)
    })?;
    bar.finish_and_clear();
    analysis.ok_or_else(|| anyhow::anyhow!("the analysis was abandoned"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_rises_and_never_reaches_the_end() {
        let at = |ms| Progress {
            elapsed: Duration::from_millis(ms),
            bytes: 4_000_000,
        };
        assert!(at(0).fraction() < 0.01);
        assert!(at(500).fraction() < at(1000).fraction());
        assert!(at(60_000).fraction() < 1.0 + f64::EPSILON);
        assert!(at(1000).label().contains("4.0 MB"));
    }

    #[test]
    fn a_quick_analysis_shows_no_progress() {
        let corpus = Arc::new(crate::corpus::load_bundled());
        let mut ticks = 0;
        let analysis = analyze_with_progress(corpus, AnalysisOptions::default(), |_| {
            ticks += 1;
            Ok(true)
        })
        .expect("analysis runs");
        assert!(analysis.is_some_and(|a| !a.entities.is_empty()));
        assert_eq!(ticks, 0);
    }
}
