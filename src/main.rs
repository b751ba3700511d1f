//! The command line: parse arguments, dispatch, report errors.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand};
use jiff::civil::Date;

use storyscope::analysis::ner::commands::{eval_ner, train_ner};
use storyscope::analysis::ner::train::TrainOptions;
use storyscope::analysis::{self, AnalysisOptions};
use storyscope::cache::{self, Cache};
use storyscope::corpus::{self, Corpus};
use storyscope::{corrections, export, tui};

/// Explore a story in the terminal: its people, places and timeline.
#[derive(Parser)]
#[command(
    name = "storyscope",
    version,
    about,
    args_conflicts_with_subcommands = true,
    after_help = EXAMPLES
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
    /// Start at the top with no filters, ignoring where you left this story
    /// (the place is still saved on quitting).
    #[arg(long)]
    fresh: bool,
    /// Colours for a light or a dark terminal (default: the `background` of
    /// theme.toml beside the key file, else what the terminal reports).
    #[arg(long, value_enum)]
    theme: Option<tui::theme_config::Background>,
}

const EXAMPLES: &str = "\
Examples:
  storyscope                                  Explore the bundled news story
  storyscope pride_and_prejudice.txt          Explore a novel
  storyscope news/ --date 2020-01-24          A folder of articles; \"Friday\" read from that date
  storyscope --theme light --fresh novel.txt  Light colours, start at the top
  storyscope analyze --json story.txt > story.json
  storyscope export novel.txt --format html --out novel.html
  storyscope export novel.txt --format csv --out novel-tables/
  storyscope completions bash > ~/.local/share/bash-completion/completions/storyscope
  storyscope man --out ~/.local/share/man/man1

In the app, ? lists every key.";

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
    /// Corrections of the cast to apply (and, in the app, to save to) instead of
    /// the story's own in $XDG_DATA_HOME/storyscope/corrections.
    #[arg(long, value_name = "FILE")]
    corrections: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the analysis without the terminal UI.
    Analyze {
        #[command(flatten)]
        input: Input,
        /// Print the full analysis as JSON (format version 2).
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
    /// Count how far back undated texts anchor the calendar values of relative expressions;
    /// exits non-zero when more than --max-far of them come from over 30 paragraphs back.
    EvalAnchors {
        /// Undated texts (novels).
        paths: Vec<String>,
        /// Highest share of far anchors allowed over all the texts.
        #[arg(long, default_value_t = 0.10)]
        max_far: f64,
    },
    /// Score entity timelines against a gold file (tests/fixtures/entity_timeline_gold.tsv).
    EvalEntityTimelines {
        /// Gold TSV: entity, document file prefix, date or FIRST..LAST, sentence start.
        gold: PathBuf,
        /// The story folder the gold describes.
        paths: Vec<String>,
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
    /// Cross-validate the analysis on LitBank: per fold, train the tagger without the fold's
    /// books, analyse them, and write one JSON file per book for score_litbank.py.
    EvalLitbank {
        /// LitBank folder (gold.json and docs/).
        dir: PathBuf,
        /// CoNLL-2003 training file, trained on in every fold.
        #[arg(long)]
        conll_train: PathBuf,
        /// CoNLL-2003 development file that picks each fold's epoch.
        #[arg(long)]
        conll_dev: PathBuf,
        /// Number of folds over the books.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Folder for the per-book JSON analyses.
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training data in each fold.
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: usize,
        /// Keep each fold's tagger in DIR (fold-K.bin) and reuse it while it was trained
        /// from the same data and tagger code; otherwise train and save it.
        #[arg(long, value_name = "DIR")]
        models: Option<PathBuf>,
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
        /// A LitBank folder (gold.json and docs/) whose names are trained on too.
        #[arg(long, value_name = "DIR")]
        litbank: Option<PathBuf>,
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
    /// Write the analysis as a self-contained HTML report or as CSV tables.
    Export {
        #[command(flatten)]
        input: Input,
        /// `html`: one page to open in a browser; `csv`: documents, entities,
        /// mentions, quotes and timeline tables in a folder.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The HTML file (or a folder to put it in; `-` for standard output), or the
        /// folder for the CSV files.
        #[arg(long, value_name = "DIR_OR_FILE")]
        out: PathBuf,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff), or write it and one page per command into a folder.
    Man {
        /// Folder for storyscope.1 and storyscope-COMMAND.1.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    Html,
    Csv,
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
            let theme = tui::theme_config::resolve(cli.theme, cli.keys_file.as_deref())?;
            let options = tui::Options {
                mouse: !cli.no_mouse,
                keys_file: cli.keys_file,
                theme,
                fresh: cli.fresh,
                cache: cache_for(&cli.input),
                corrections: cli.input.corrections.clone(),
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
            let (corrected, notes) =
                corrections::open_and_apply(&corpus, analysis, input.corrections.as_deref())?;
            for note in notes {
                eprintln!("storyscope: {note}");
            }
            let analysis = corrected.analysis;
            let output = if json {
                export::to_json_corrected(&corpus, &analysis, &corrected.outcomes)
            } else {
                export::summary(&corpus, &analysis)
            };
            print_output(&format!("{}\n", output.trim_end()))
        }
        Some(Command::Render { input, size, keys }) => {
            let (corpus, analysis) = load_and_analyze(&input)?;
            let screen = tui::render_to_string(&corpus, &analysis, size.0, size.1, &keys)
                .context("render")?;
            let printed = print_output(&screen);
            // The process ends here: its memory goes back at once, where
            // freeing a large analysis piece by piece takes a tenth of a second.
            std::mem::forget((corpus, analysis));
            printed
        }
        Some(Command::Cache { action }) => cache_command(action),
        Some(Command::EvalTimex { dir, errors }) => eval_timex(&dir, errors.as_deref()),
        Some(Command::EvalAnchors { paths, max_far }) => eval_anchors(&paths, max_far),
        Some(Command::EvalEntityTimelines { gold, paths }) => eval_entity_timelines(&gold, &paths),
        Some(Command::EvalNer {
            file,
            model,
            runs,
            show_errors,
        }) => eval_ner(&file, model.as_deref(), runs, show_errors),
        Some(Command::EvalLitbank {
            dir,
            conll_train,
            conll_dev,
            folds,
            out,
            epochs,
            models,
        }) => {
            let eval = storyscope::litbank_eval::EvalLitbank {
                dir: &dir,
                conll_train: &conll_train,
                conll_dev: &conll_dev,
                folds,
                out: &out,
                models: models.as_deref(),
            };
            let options = TrainOptions {
                epochs,
                ..TrainOptions::default()
            };
            let written = storyscope::litbank_eval::run(&eval, &options)?;
            println!("wrote {} analyses to {}", written.len(), out.display());
            Ok(())
        }
        Some(Command::TrainNer {
            train,
            dev,
            litbank,
            out,
            epochs,
            bits,
        }) => {
            let options = TrainOptions {
                epochs,
                bits,
                ..TrainOptions::default()
            };
            train_ner(&train, &dev, litbank.as_deref(), &out, &options)
        }
        Some(Command::Export { input, format, out }) => {
            let (corpus, corrected) = load_and_correct(&input)?;
            run_export(&corpus, &corrected, format, &out)
        }
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "storyscope", &mut script);
            print_output(&String::from_utf8_lossy(&script))
        }
        Some(Command::Man { out }) => man_pages(out.as_deref()),
    }
}

/// The man page from the same definition as `--help`: to stdout, or into
/// `dir` with a page per command (`cargo manpage` writes target/man).
fn man_pages(dir: Option<&std::path::Path>) -> Result<()> {
    let command = Cli::command();
    let render = |command: clap::Command| -> Result<Vec<u8>> {
        let mut page = Vec::new();
        clap_mangen::Man::new(command).render(&mut page)?;
        Ok(page)
    };
    let Some(dir) = dir else {
        return print_output(&String::from_utf8_lossy(&render(command)?));
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut pages = vec![("storyscope.1".to_string(), render(command.clone())?)];
    for sub in command.get_subcommands() {
        let name = format!("storyscope-{}", sub.get_name());
        let page = render(
            sub.clone()
                .display_name(name.clone())
                .bin_name(format!("storyscope {}", sub.get_name())),
        )?;
        pages.push((format!("{name}.1"), page));
    }
    for (name, page) in pages {
        let path = dir.join(name);
        std::fs::write(&path, page).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// Writes the report or the tables and says where on stderr.
fn run_export(
    corpus: &Corpus,
    corrected: &corrections::Corrected,
    format: ExportFormat,
    out: &std::path::Path,
) -> Result<()> {
    let analysis = &corrected.analysis;
    let outcomes = &corrected.outcomes;
    let html = || {
        let section = export::corrections::html_section(outcomes);
        export::html::report_with(corpus, analysis, &section)
    };
    let written = match format {
        ExportFormat::Html if out == std::path::Path::new("-") => {
            return print_output(&html());
        }
        ExportFormat::Csv if out == std::path::Path::new("-") => {
            bail!("CSV export writes five files: give --out a folder");
        }
        ExportFormat::Html => {
            let path = if out.is_dir() {
                out.join(format!("{}.html", export::file_stem(corpus)))
            } else {
                out.to_path_buf()
            };
            std::fs::write(&path, html())
                .with_context(|| format!("cannot write {}", path.display()))?;
            vec![path]
        }
        ExportFormat::Csv => {
            let mut written = export::csv::write_tables(corpus, analysis, out)?;
            if !outcomes.is_empty() {
                let path = out.join(export::corrections::CSV_FILE);
                std::fs::write(&path, export::corrections::csv(outcomes)?)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                written.push(path);
            }
            written
        }
    };
    for path in written {
        eprintln!("wrote {}", path.display());
    }
    Ok(())
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

fn eval_entity_timelines(gold: &std::path::Path, paths: &[String]) -> Result<()> {
    use storyscope::analysis::entity_timeline_eval;
    let text =
        std::fs::read_to_string(gold).with_context(|| format!("reading {}", gold.display()))?;
    let gold_events = entity_timeline_eval::parse_gold(&text, &gold.display().to_string())?;
    let corpus = corpus::load_paths(paths)?;
    let analysis = analysis::analyze(&corpus, &AnalysisOptions::default());
    for score in entity_timeline_eval::score(&corpus, &analysis, &gold_events)? {
        println!("{score}");
    }
    Ok(())
}

fn eval_anchors(paths: &[String], max_far: f64) -> Result<()> {
    use storyscope::analysis::timex::anchoring;
    let corpus = corpus::load_paths(paths)?;
    let reports = anchoring::report(&corpus);
    let (mut anchored, mut far) = (0, 0);
    for report in &reports {
        println!("{report}");
        anchored += report.anchored;
        far += report.far;
    }
    let share = if anchored == 0 {
        0.0
    } else {
        far as f64 / anchored as f64
    };
    println!(
        "total: anchored {anchored} far {far} ({:.1}%)",
        100.0 * share
    );
    if share > max_far {
        bail!(
            "{:.1}% of anchored values come from over {} paragraphs back (at most {:.1}% allowed)",
            100.0 * share,
            anchoring::FAR_PARAGRAPHS,
            100.0 * max_far
        );
    }
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
        ..AnalysisOptions::default()
    }
}

fn load_and_analyze(input: &Input) -> Result<(Corpus, analysis::Analysis)> {
    let (corpus, corrected) = load_and_correct(input)?;
    Ok((corpus, corrected.analysis))
}

/// The story analysed, with its corrections applied (and told on stderr).
fn load_and_correct(input: &Input) -> Result<(Corpus, corrections::Corrected)> {
    let corpus = load(input)?;
    let progress = analysis::Progress::default();
    let cache = cache_for(input);
    let analysis = cache::analyze(&corpus, &analysis_options(input), &progress, &cache);
    let (corrected, notes) =
        corrections::open_and_apply(&corpus, analysis, input.corrections.as_deref())?;
    for note in notes {
        eprintln!("storyscope: {note}");
    }
    Ok((corpus, corrected))
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
