//! TempEval-3 style scoring of the tagger on TimeML files.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context as _, Result};

use super::timeml::{self, GoldTimex, TimemlDocument};
use super::{tag_text, TimeExpression};

/// Counts behind the scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    /// Gold expressions with a prediction of exactly the same span.
    pub strict_gold: usize,
    pub strict_predicted: usize,
    /// Gold expressions overlapped by a prediction, and the reverse.
    pub relaxed_gold: usize,
    pub relaxed_predicted: usize,
    /// Over relaxed matches.
    pub type_correct: usize,
    pub value_correct: usize,
    pub bytes: usize,
    /// Median tagging throughput in MB/s (10^6 bytes).
    pub megabytes_per_second: f64,
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

impl Report {
    pub fn strict(&self) -> (f64, f64, f64) {
        let p = ratio(self.strict_predicted, self.predicted);
        let r = ratio(self.strict_gold, self.gold);
        (p, r, f1(p, r))
    }

    pub fn relaxed(&self) -> (f64, f64, f64) {
        let p = ratio(self.relaxed_predicted, self.predicted);
        let r = ratio(self.relaxed_gold, self.gold);
        (p, r, f1(p, r))
    }

    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_correct, self.relaxed_gold)
    }

    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.relaxed_gold)
    }

    /// TempEval-3: relaxed F1 times value accuracy.
    pub fn value_f1(&self) -> f64 {
        self.relaxed().2 * self.value_accuracy()
    }

    pub fn type_f1(&self) -> f64 {
        self.relaxed().2 * self.type_accuracy()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sp, sr, sf) = self.strict();
        let (rp, rr, rf) = self.relaxed();
        writeln!(
            f,
            "documents {} gold {} predicted {}",
            self.documents, self.gold, self.predicted
        )?;
        writeln!(f, "strict precision {sp:.4} recall {sr:.4} f1 {sf:.4}")?;
        writeln!(f, "relaxed precision {rp:.4} recall {rr:.4} f1 {rf:.4}")?;
        writeln!(
            f,
            "type accuracy {:.4} f1 {:.4}",
            self.type_accuracy(),
            self.type_f1()
        )?;
        writeln!(f, "value accuracy {:.4}", self.value_accuracy())?;
        writeln!(f, "value f1 {:.4}", self.value_f1())?;
        write!(
            f,
            "speed {:.1} MB/s ({} bytes, median of {SPEED_RUNS} runs)",
            self.megabytes_per_second, self.bytes
        )
    }
}

const SPEED_RUNS: usize = 5;

/// Every `.tml` file under `dir`, sorted.
pub fn find_tml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries =
            std::fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))?;
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "tml") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Scores the tagger on every `.tml` file under `dir`; misses, false
/// positives and wrong values go to `errors` when given.
pub fn evaluate(dir: &Path, mut errors: Option<&mut dyn Write>) -> Result<Report> {
    let files = find_tml_files(dir)?;
    anyhow::ensure!(!files.is_empty(), "no .tml files under {}", dir.display());
    let mut documents = Vec::with_capacity(files.len());
    for path in &files {
        let xml =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let document =
            timeml::parse(&xml).with_context(|| format!("parsing {}", path.display()))?;
        documents.push((path, document));
    }
    let mut report = Report {
        documents: documents.len(),
        ..Report::default()
    };
    for (path, document) in &documents {
        let predicted = tag_text(&document.text, document.creation_date);
        score_document(&mut report, document, &predicted);
        if let Some(out) = errors.as_deref_mut() {
            write_errors(out, path, document, &predicted)?;
        }
        report.bytes += document.text.len();
    }
    report.megabytes_per_second = median_speed(&documents, report.bytes);
    Ok(report)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn score_document(report: &mut Report, document: &TimemlDocument, predicted: &[TimeExpression]) {
    report.gold += document.timexes.len();
    report.predicted += predicted.len();
    for gold in &document.timexes {
        if predicted
            .iter()
            .any(|p| p.start == gold.start && p.end == gold.end)
        {
            report.strict_gold += 1;
        }
        if let Some(p) = predicted
            .iter()
            .find(|p| overlaps((p.start, p.end), (gold.start, gold.end)))
        {
            report.relaxed_gold += 1;
            report.type_correct += usize::from(gold.timex_type == Some(p.timex_type));
            report.value_correct += usize::from(gold.value == p.value);
        }
    }
    for p in predicted {
        let gold = &document.timexes;
        report.strict_predicted +=
            usize::from(gold.iter().any(|g| g.start == p.start && g.end == p.end));
        report.relaxed_predicted += usize::from(
            gold.iter()
                .any(|g| overlaps((p.start, p.end), (g.start, g.end))),
        );
    }
}

fn write_errors(
    out: &mut dyn Write,
    path: &Path,
    document: &TimemlDocument,
    predicted: &[TimeExpression],
) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let context = |start: usize, end: usize| {
        let from = floor_char(&document.text, start.saturating_sub(50));
        let to = ceil_char(&document.text, (end + 50).min(document.text.len()));
        format!(
            "{}[{}]{}",
            &document.text[from..start],
            &document.text[start..end],
            &document.text[end..to]
        )
        .replace('\n', " ")
    };
    let dct = document
        .creation_date
        .map(|d| d.to_string())
        .unwrap_or_default();
    for gold in &document.timexes {
        let matched: Vec<&TimeExpression> = predicted
            .iter()
            .filter(|p| overlaps((p.start, p.end), (gold.start, gold.end)))
            .collect();
        let line = gold_line(gold);
        match matched.first() {
            None => writeln!(
                out,
                "MISS\t{name}\t{dct}\t{line}\t{}",
                context(gold.start, gold.end)
            )?,
            Some(p) if p.value != gold.value || Some(p.timex_type) != gold.timex_type => writeln!(
                out,
                "VALUE\t{name}\t{dct}\t{line}\tgot {} {} {:?}\t{}",
                p.timex_type.as_str(),
                p.value,
                &document.text[p.start..p.end],
                context(gold.start, gold.end)
            )?,
            Some(p) => writeln!(
                out,
                "OK\t{name}\t{dct}\t{line}\t{:?}",
                &document.text[p.start..p.end]
            )?,
        }
    }
    for p in predicted {
        if !document
            .timexes
            .iter()
            .any(|g| overlaps((p.start, p.end), (g.start, g.end)))
        {
            writeln!(
                out,
                "FALSE\t{name}\t{dct}\t{} {} {:?}\t{}",
                p.timex_type.as_str(),
                p.value,
                &document.text[p.start..p.end],
                context(p.start, p.end)
            )?;
        }
    }
    Ok(())
}

fn gold_line(gold: &GoldTimex) -> String {
    format!(
        "{} {}",
        gold.timex_type.map(|t| t.as_str()).unwrap_or("?"),
        gold.value
    )
}

fn floor_char(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn ceil_char(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

/// Median over several runs of tagging every document once, in MB/s.
fn median_speed(documents: &[(&PathBuf, TimemlDocument)], bytes: usize) -> f64 {
    let mut speeds: Vec<f64> = (0..SPEED_RUNS)
        .map(|_| {
            let started = Instant::now();
            let mut count = 0;
            for (_, document) in documents {
                count += tag_text(&document.text, document.creation_date).len();
            }
            std::hint::black_box(count);
            bytes as f64 / 1e6 / started.elapsed().as_secs_f64().max(1e-9)
        })
        .collect();
    speeds.sort_by(|a, b| a.total_cmp(b));
    speeds[speeds.len() / 2]
}
