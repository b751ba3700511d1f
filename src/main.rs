//! The command line: parse arguments, dispatch, report errors.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use jiff::civil::Date;

use storyscope::analysis::ner::commands::{eval_ner, train_ner};
use storyscope::analysis::ner::train::TrainOptions;
use storyscope::analysis::{self, AnalysisOptions};
use storyscope::cache::{self, Cache};
use storyscope::corpus::{self, Corpus};
use storyscope::{export, tui};

/// Explore a story in the terminal: its people, places and timeline.
#[derive(Parser)]
#[command(
    name = "storyscope",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    input: Input,
    /// Leave the mouse to the terminal (no wheel scrolling or clicks in the app).
    #[arg(long)]
    no_mouse: bool,
    /// Key file merged over the default keys (default: $XDG_CONFIG_HOME/storyscope/keys.toml).
    #[arg(long, value_name = "PATH")]
    keys_file: Option<std::path::PathBuf>,
}

#[derive(Args, Clone)]
struct Input {
    /// Files or folders to open (a folder means every .txt/.md file in it); `-` reads standard input.
    /// Without a path, the bundled story opens.
    paths: Vec<String>,
    /// Reference date (YYYY-MM-DD) for relative expressions such as "Friday" or "last month".
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// Read every file in this encoding (`latin1`, `windows-1252`, `utf-16le`,
    /// `shift_jis`...) instead of detecting it.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    encoding: Option<&'static encoding_rs::Encoding>,
    /// Neither read nor write the analysis cache ($XDG_CACHE_HOME/storyscope).
    #[arg(long)]
    no_cache: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Print the analysis without the terminal UI.
    Analyze {
        #[command(flatten)]
        input: Input,
        /// Print the full analysis as JSON (format version 1).
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Print one JSON object per document, one per line, as documents
        /// finish (in input order; ids local to each document).
        #[arg(long)]
        jsonl: bool,
    },
    /// Draw the app headlessly after a key script and print the final screen.
    Render {
        #[command(flatten)]
        input: Input,
        /// Screen size as WIDTHxHEIGHT.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Space-separated keys: `Tab`, `j`, `Enter`, `Esc`, `C-c`, `S-Tab`, `PageDown`, `"text"`.
        #[arg(long, default_value = "")]
        keys: String,
    },
    /// Score the temporal tagger on TimeML (.tml) files under DIR, TempEval-3 style.
    EvalTimex {
        /// Folder searched recursively for .tml files.
        dir: std::path::PathBuf,
        /// Write misses, false positives and wrong values to this file.
        #[arg(long)]
        errors: Option<std::path::PathBuf>,
    },
    /// Tag a CoNLL-2003 file with the NER model; print precision, recall, F1 and speed.
    EvalNer {
        /// CoNLL file: token first column, IOB1 entity tag last, `-DOCSTART-` between documents.
        file: PathBuf,
        /// A model file to use instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Timed tagging runs (the median speed is reported).
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Also print every sentence where the tagger and the gold tags disagree.
        #[arg(long)]
        show_errors: bool,
    },
    /// Show the analysis cache: where it is and how big; `cache clear` empties it.
    Cache {
        #[command(subcommand)]
        action: Option<CacheAction>,
    },
    /// Train the NER model on CoNLL-2003 data (deterministic: same data, same bytes).
    TrainNer {
        /// Training file (eng.train).
        #[arg(long)]
        train: PathBuf,
        /// Development file (eng.testa) that picks the best epoch.
        #[arg(long)]
        dev: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "assets/ner/ner.model")]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: usize,
        /// log2 of the number of rows in the hashed weight table.
        #[arg(long, default_value_t = TrainOptions::default().bits, value_parser = clap::value_parser!(u32).range(12..=24))]
        bits: u32,
    },
}

#[derive(Subcommand)]
enum CacheAction {
    /// Remove every cached analysis.
    Clear,
}

fn parse_date(value: &str) -> Result<Date, String> {
    value
        .parse::<Date>()
        .map_err(|_| format!("'{value}' is not a date of the form YYYY-MM-DD"))
}

fn parse_encoding(value: &str) -> Result<&'static encoding_rs::Encoding, String> {
    corpus::encoding::encoding_for_label(value).ok_or_else(|| {
        format!("'{value}' is not an encoding name (try utf-8, windows-1252, latin1, utf-16le)")
    })
}

fn parse_size(value: &str) -> Result<(u16, u16), String> {
    let invalid = || format!("'{value}' is not a size of the form WIDTHxHEIGHT, such as 120x40");
    let (w, h) = value.split_once(['x', 'X']).ok_or_else(invalid)?;
    let width: u16 = w.trim().parse().map_err(|_| invalid())?;
    let height: u16 = h.trim().parse().map_err(|_| invalid())?;
    if width == 0 || height == 0 {
        return Err(invalid());
    }
    Ok((width, height))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => error.exit(),
        Err(error) => {
            // One line, like every other error, instead of clap's usage block.
            let rendered = error.to_string();
            let first = rendered.lines().next().unwrap_or_default();
            eprintln!("storyscope: {}", first.trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("storyscope: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        None => {
            let corpus = load(&cli.input)?;
            if !std::io::stdout().is_terminal() {
                bail!("standard output is not a terminal: use `storyscope analyze` or `storyscope render` instead");
            }
            let options = tui::Options {
                mouse: !cli.no_mouse,
                keys_file: cli.keys_file,
                cache: cache_for(&cli.input),
                ..tui::Options::default()
            };
            // Analysed on a worker thread while the app shows progress.
            tui::run_analyzing(corpus, analysis_options(&cli.input), &options)
        }
        Some(Command::Analyze {
            input, jsonl: true, ..
        }) => {
            let load = corpus::LoadOptions {
                encoding: input.encoding,
            };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let cache = cache_for(&input);
            let written = storyscope::jsonl::write(
                &input.paths,
                load,
                &analysis_options(&input),
                &cache,
                &mut out,
            );
            match written {
                Err(error) if is_broken_pipe(&error) => Ok(()),
                other => other.map(|_| ()),
            }
        }
        Some(Command::Analyze { input, json, .. }) => {
            let corpus = std::sync::Arc::new(load(&input)?);
            let analysis = storyscope::progress::analyze_reporting_on_stderr(
                corpus.clone(),
                analysis_options(&input),
                cache_for(&input),
            )?;
            let output = if json {
                export::to_json(&corpus, &analysis)
            } else {
                export::summary(&corpus, &analysis)
            };
            print_output(&format!("{}\n", output.trim_end()))
        }
        Some(Command::Render { input, size, keys }) => {
            let (corpus, analysis) = load_and_analyze(&input)?;
            let screen = tui::render_to_string(&corpus, &analysis, size.0, size.1, &keys)
                .context("render")?;
            print_output(&screen)
        }
        Some(Command::Cache { action }) => cache_command(action),
        Some(Command::EvalTimex { dir, errors }) => eval_timex(&dir, errors.as_deref()),
        Some(Command::EvalNer {
            file,
            model,
            runs,
            show_errors,
        }) => eval_ner(&file, model.as_deref(), runs, show_errors),
        Some(Command::TrainNer {
            train,
            dev,
            out,
            epochs,
            bits,
        }) => {
            let options = TrainOptions {
                epochs,
                bits,
                ..TrainOptions::default()
            };
            train_ner(&train, &dev, &out, &options)
        }
    }
}

/// Writes to stdout; a closed pipe (`storyscope analyze | head`) is not an error.
fn print_output(text: &str) -> Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(error).context("cannot write to standard output")
        }
        _ => Ok(()),
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

fn eval_timex(dir: &std::path::Path, errors: Option<&std::path::Path>) -> Result<()> {
    use storyscope::analysis::timex::eval;
    let report = match errors {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("creating {}", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            eval::evaluate(dir, Some(&mut out))?
        }
        None => eval::evaluate(dir, None)?,
    };
    println!("{report}");
    Ok(())
}

fn load(input: &Input) -> Result<Corpus> {
    if input.paths.is_empty() {
        Ok(corpus::load_bundled())
    } else {
        let options = corpus::LoadOptions {
            encoding: input.encoding,
        };
        let loaded = corpus::load_paths_with(&input.paths, options)?;
        for warning in &loaded.warnings {
            eprintln!("storyscope: {warning}");
        }
        Ok(loaded.corpus)
    }
}

fn analysis_options(input: &Input) -> AnalysisOptions {
    AnalysisOptions {
        reference_date: input.date,
    }
}

fn load_and_analyze(input: &Input) -> Result<(Corpus, analysis::Analysis)> {
    let corpus = load(input)?;
    let progress = analysis::Progress::default();
    let cache = cache_for(input);
    let analysis = cache::analyze(&corpus, &analysis_options(input), &progress, &cache);
    Ok((corpus, analysis))
}

fn cache_for(input: &Input) -> std::sync::Arc<Cache> {
    std::sync::Arc::new(if input.no_cache {
        Cache::disabled()
    } else {
        Cache::user()
    })
}

fn cache_command(action: Option<CacheAction>) -> Result<()> {
    let cache = Cache::user();
    let Some(dir) = cache.dir() else {
        bail!("no cache directory: neither XDG_CACHE_HOME nor HOME is set");
    };
    let mb = |bytes: u64| bytes as f64 / 1e6;
    match action {
        None => {
            let usage = cache.usage();
            print_output(&format!(
                "{}\n{} entries, {:.1} MB (limit {:.0} MB)\n",
                dir.display(),
                usage.entries,
                mb(usage.bytes),
                mb(cache.max_bytes())
            ))
        }
        Some(CacheAction::Clear) => {
            let removed = cache
                .clear()
                .with_context(|| format!("cannot clear {}", dir.display()))?;
            print_output(&format!(
                "removed {} entries, {:.1} MB, from {}\n",
                removed.entries,
                mb(removed.bytes),
                dir.display()
            ))
        }
    }
}
