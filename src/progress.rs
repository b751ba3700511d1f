//! Analysis on a worker thread, with progress shown when it takes longer
//! than half a second: a gauge in the app, a bar on stderr for `analyze`.
//!
//! The fraction comes from the pipeline itself
//! ([`crate::analysis::Progress`]), which counts finished stages per document.

use std::io::IsTerminal;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::analysis::{Analysis, AnalysisOptions, Progress as AnalysisProgress};
use crate::cache::Cache;
use crate::corpus::Corpus;

/// Quicker analyses show no progress at all.
pub const SHOW_AFTER: Duration = Duration::from_millis(500);
/// How often the progress is redrawn.
pub const TICK: Duration = Duration::from_millis(80);
/// How far an analysis has come.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub elapsed: Duration,
    /// Size of the text being analysed.
    pub bytes: usize,
    /// Share of the work done, from 0 to 1.
    pub done: f64,
}

impl Progress {
    /// Fraction done, from 0 to 1.
    pub fn fraction(&self) -> f64 {
        self.done.clamp(0.0, 1.0)
    }

    /// "analysing 12.4 MB · 30% · 2.3 s".
    pub fn label(&self) -> String {
        format!(
            "analysing {:.1} MB · {:.0}% · {:.1} s",
            self.bytes as f64 / 1e6,
            self.fraction() * 100.0,
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
    analyze_cached_with_progress(corpus, options, Arc::new(Cache::disabled()), tick)
}

/// [`analyze_with_progress`] through `cache` (see [`crate::cache::analyze`]).
pub fn analyze_cached_with_progress(
    corpus: Arc<Corpus>,
    options: AnalysisOptions,
    cache: Arc<Cache>,
    tick: impl FnMut(Progress) -> Result<bool>,
) -> Result<Option<Analysis>> {
    let bytes = corpus_bytes(&corpus);
    let progress = Arc::new(AnalysisProgress::default());
    let reported = progress.clone();
    run_with_progress(
        move || crate::cache::analyze(&corpus, &options, &progress, &cache),
        bytes,
        move || reported.fraction(),
        tick,
    )
}

/// Runs `work` on a worker thread, calling `tick` as
/// [`analyze_with_progress`] does.
pub fn run_with_progress<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
    bytes: usize,
    done: impl Fn() -> f64,
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
            done: done(),
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
    cache: Arc<Cache>,
) -> Result<Analysis> {
    let on_terminal = std::io::stderr().is_terminal();
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(1000),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(indicatif::ProgressStyle::with_template("{bar:40} {msg}")?.progress_chars("█▌ "));
    let analysis = analyze_cached_with_progress(corpus, options, cache, |progress| {
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
    fn the_fraction_is_the_share_done_and_stays_in_range() {
        let at = |done| Progress {
            elapsed: Duration::from_millis(1000),
            bytes: 4_000_000,
            done,
        };
        assert_eq!(at(0.25).fraction(), 0.25);
        assert_eq!(at(1.5).fraction(), 1.0);
        assert_eq!(at(-1.0).fraction(), 0.0);
        assert!(at(0.5).label().contains("4.0 MB"));
    }

    #[test]
    fn slow_work_ticks_after_half_a_second_and_can_be_abandoned() {
        let slow = || std::thread::sleep(Duration::from_millis(900));
        let mut seen = Vec::new();
        let done = run_with_progress(
            slow,
            1000,
            || 0.5,
            |progress| {
                seen.push(progress.elapsed);
                Ok(true)
            },
        )
        .expect("runs");
        assert!(done.is_some());
        assert!(!seen.is_empty(), "ticked");
        assert!(seen[0] >= SHOW_AFTER, "not before half a second");
        assert!(seen.windows(2).all(|w| w[0] <= w[1]));

        let abandoned = run_with_progress(slow, 1000, || 0.5, |_| Ok(false)).expect("runs");
        assert!(abandoned.is_none());
    }

    #[test]
    fn quick_work_shows_no_progress_and_the_analysis_comes_back() {
        let mut ticks = 0;
        let done = run_with_progress(
            || 42,
            10,
            || 1.0,
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
        assert_eq!(
            analysis,
            crate::analysis::analyze(&corpus, &AnalysisOptions::default())
        );
    }
}
