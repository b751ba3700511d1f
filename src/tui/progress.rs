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
    tick: impl FnMut(Progress) -> Result<bool>,
) -> Result<Option<Analysis>> {
    let bytes = corpus_bytes(&corpus);
    run_with_progress(move || analyze(&corpus, &options), bytes, tick)
}

/// Runs `work` on a worker thread, calling `tick` as
/// [`analyze_with_progress`] does.
pub fn run_with_progress<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
    bytes: usize,
    mut tick: impl FnMut(Progress) -> Result<bool>,
) -> Result<Option<T>> {
    let start = Instant::now();
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("analysis".to_string())
        .spawn(move || {
            // The receiver may be gone when the reader quit; nothing to do.
            let _ = sender.send(work());
        })?;
    let mut wait = SHOW_AFTER;
    loop {
        match receiver.recv_timeout(wait) {
            Ok(result) => return Ok(Some(result)),
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
    fn slow_work_ticks_after_half_a_second_and_can_be_abandoned() {
        let slow = || std::thread::sleep(Duration::from_millis(900));
        let mut seen = Vec::new();
        let done = run_with_progress(slow, 1000, |progress| {
            seen.push(progress.elapsed);
            Ok(true)
        })
        .expect("runs");
        assert!(done.is_some());
        assert!(!seen.is_empty(), "ticked");
        assert!(seen[0] >= SHOW_AFTER, "not before half a second");
        assert!(seen.windows(2).all(|w| w[0] <= w[1]));

        let abandoned = run_with_progress(slow, 1000, |_| Ok(false)).expect("runs");
        assert!(abandoned.is_none());
    }

    #[test]
    fn quick_work_shows_no_progress_and_the_analysis_comes_back() {
        let mut ticks = 0;
        let done = run_with_progress(
            || 42,
            10,
            |_| {
                ticks += 1;
                Ok(true)
            },
        )
        .expect("runs");
        assert_eq!((done, ticks), (Some(42), 0));

        let corpus = Arc::new(crate::corpus::load_bundled());
        let analysis =
            analyze_with_progress(corpus.clone(), AnalysisOptions::default(), |_| Ok(true))
                .expect("analysis runs")
                .expect("not abandoned");
        assert_eq!(analysis, analyze(&corpus, &AnalysisOptions::default()));
    }
}
