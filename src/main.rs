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
}

#[derive(Args, Clone)]
struct Input {
    /// Files or folders to open (a folder means every .txt/.md file in it); `-` reads standard input.
    /// Without a path, the bundled story opens.
    paths: Vec<String>,
    /// Reference date (YYYY-MM-DD) for relative expressions such as "Friday" or "last month".
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the analysis without the terminal UI.
    Analyze {
        #[command(flatten)]
        input: Input,
        /// Print the full analysis as JSON (format version 1).
        #[arg(long)]
        json: bool,
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

fn parse_date(value: &str) -> Result<Date, String> {
    value
        .parse::<Date>()
        .map_err(|_| format!("'{value}' is not a date of the form YYYY-MM-DD"))
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
    let cli = Cli::parse();
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
            let (corpus, analysis) = load_and_analyze(&cli.input)?;
            if !std::io::stdout().is_terminal() {
                bail!("standard output is not a terminal: use `storyscope analyze` or `storyscope render` instead");
            }
            tui::run(&corpus, &analysis)
        }
        Some(Command::Analyze { input, json }) => {
            let (corpus, analysis) = load_and_analyze(&input)?;
            let output = if json {
                export::to_json(&corpus, &analysis)
            } else {
                export::summary(&corpus, &analysis)
            };
            println!("{}", output.trim_end());
            Ok(())
        }
        Some(Command::Render { input, size, keys }) => {
            let (corpus, analysis) = load_and_analyze(&input)?;
            let screen = tui::render_to_string(&corpus, &analysis, size.0, size.1, &keys)
                .context("render")?;
            print!("{screen}");
            Ok(())
        }
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

fn load_and_analyze(input: &Input) -> Result<(Corpus, analysis::Analysis)> {
    let corpus = if input.paths.is_empty() {
        corpus::load_bundled()
    } else {
        corpus::load_paths(&input.paths)?
    };
    let options = AnalysisOptions {
        reference_date: input.date,
    };
    let analysis = analysis::analyze(&corpus, &options);
    Ok((corpus, analysis))
}
