//! The HTML report in a real browser: headless Chromium renders the bundled
//! story's report and a novel's to PNG at 1280 and 390 pixels wide with no
//! console message, and the DOM it builds is checked: the entity table holds
//! the story's entities, every quote carries its speaker, the hostile text
//! shows `<script>` as text, and the table sorts. Skips with a message when
//! Chromium is missing (`.ci/run` installs it); the novel skips without
//! ../shared.

mod export_fixture;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use storyscope::analysis::{self, Analysis, AnalysisOptions};
use storyscope::corpus::{self, Corpus};
use storyscope::export::html;

const BINARY: &str = env!("CARGO_BIN_EXE_storyscope");
const NOVEL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/pride_and_prejudice.txt"
);
/// Only a guard against a hung browser, not a speed check.
const HANG_GUARD: Duration = Duration::from_secs(180);

fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser"]
        .into_iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|dir| dir.join(name))
                    .find(|path| path.is_file())
            })
        });
    if found.is_none() {
        eprintln!("skipping: chromium is not installed (apt-get install chromium)");
    }
    found
}

struct Browser {
    binary: PathBuf,
}

struct Run {
    stdout: String,
    stderr: String,
}

impl Browser {
    /// Runs headless Chromium on `url` with a fresh profile and no network
    /// services; returns what it printed.
    fn run(&self, url: &str, extra: &[String]) -> Run {
        let profile = tempfile::tempdir().expect("profile dir");
        let output_dir = tempfile::tempdir().expect("output dir");
        let stdout_path = output_dir.path().join("stdout");
        let stderr_path = output_dir.path().join("stderr");
        let mut child = Command::new(&self.binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--enable-logging=stderr",
                "--v=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(url)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&stdout_path).expect("stdout file"))
            .stderr(std::fs::File::create(&stderr_path).expect("stderr file"))
            .spawn()
            .expect("chromium starts");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if start.elapsed() > HANG_GUARD {
                let _ = child.kill();
                panic!("chromium hung on {url}");
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        let run = Run {
            stdout: std::fs::read_to_string(&stdout_path).unwrap_or_default(),
            stderr: std::fs::read_to_string(&stderr_path).unwrap_or_default(),
        };
        assert!(status.success(), "chromium failed on {url}: {}", run.stderr);
        run
    }

    /// The DOM after the page's scripts ran.
    fn dom(&self, file: &Path, fragment: &str) -> String {
        let run = self.run(&file_url(file, fragment), &["--dump-dom".to_string()]);
        assert_no_console_message(&run.stderr, file);
        run.stdout
    }

    /// A PNG of the top of the page at `width` pixels; returns its path.
    fn screenshot(&self, file: &Path, width: u32, out: &Path) {
        let run = self.run(
            &file_url(file, ""),
            &[
                format!("--window-size={width},2000"),
                format!("--screenshot={}", out.display()),
            ],
        );
        assert_no_console_message(&run.stderr, file);
        let png = std::fs::read(out).expect("screenshot written");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
        let png_width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        assert_eq!(png_width, width, "rendered at the asked width");
        assert!(png.len() > 10_000, "not a blank page: {} bytes", png.len());
    }
}

fn file_url(file: &Path, fragment: &str) -> String {
    let absolute = std::fs::canonicalize(file).expect("report exists");
    format!("file://{}{fragment}", absolute.display())
}

/// The page logs nothing: no script error, no blocked resource.
fn assert_no_console_message(stderr: &str, file: &Path) {
    let console: Vec<&str> = stderr.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(
        console.is_empty(),
        "console messages on {}: {console:#?}",
        file.display()
    );
}

/// Checks what the scripts left in the DOM: they ran and nothing threw.
fn assert_scripts_ran(dom: &str) {
    assert!(dom.contains("data-js=\"ready\""), "the sorting script ran");
    assert!(
        !dom.contains("data-js-errors=\""),
        "a script error was trapped"
    );
}

/// The text between `open` and the next `close`, for every `open`.
fn elements<'a>(dom: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    dom.match_indices(open)
        .map(|(start, _)| {
            let rest = &dom[start..];
            let end = rest[open.len()..]
                .find(close)
                .map_or(rest.len(), |end| open.len() + end + close.len());
            &rest[..end]
        })
        .collect()
}

/// What the browser serialises for text content.
fn as_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

/// Whitespace runs as one space, as the browser shows them.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The entity table holds one row per entity, each with its name, and
/// every quote with a speaker names that speaker.
fn check_report_dom(dom: &str, analysis: &Analysis) {
    assert_scripts_ran(dom);
    let rows = elements(dom, "<tr id=\"e-", "</tr>");
    assert_eq!(rows.len(), analysis.entities.len(), "one row per entity");
    for entity in &analysis.entities {
        let row = rows
            .iter()
            .find(|r| r.starts_with(&format!("<tr id=\"e-{}\"", entity.id)))
            .unwrap_or_else(|| panic!("no row for {}", entity.name));
        let name = as_text(&storyscope::tui::text::one_line(&entity.name));
        let row = squash(row);
        assert!(
            row.contains(&format!(">{name}</a>")),
            "row names {name}: {row}"
        );
        assert!(row.contains("<svg"), "row has its dispersion strip");
    }
    let quotes = elements(dom, "<li class=\"quote\"", "</li>");
    assert_eq!(quotes.len(), analysis.quotes.len(), "one item per quote");
    for (item, quote) in quotes.iter().zip(&analysis.quotes) {
        let Some(speaker) = quote
            .speaker
            .and_then(|s| analysis.entities.iter().find(|e| e.id == s))
        else {
            assert!(item.contains("speaker not named"), "{item}");
            continue;
        };
        let name = as_text(&storyscope::tui::text::one_line(&speaker.name));
        let item = squash(item);
        assert!(
            item.contains(&format!(">{name}</a>")),
            "quote {} names {name}: {item}",
            quote.id
        );
        assert!(item.contains(&format!("href=\"#e-{}\"", speaker.id)));
    }
}

fn write_report(dir: &Path, name: &str, corpus: &Corpus, analysis: &Analysis) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, html::report(corpus, analysis)).expect("report written");
    path
}

/// Keeps the PNGs where a person can look at them: the target dir.
fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}

#[test]
fn bundled_story_report_renders_and_holds_its_entities() {
    let Some(binary) = chromium() else { return };
    let browser = Browser { binary };
    let dir = tempfile::tempdir().expect("temp dir");
    let report = dir.path().join("bundled.html");
    // Through the command line, as a reader would make it.
    let output = Command::new(BINARY)
        .args(["export", "--format", "html", "--out"])
        .arg(&report)
        .output()
        .expect("export runs");
    assert!(output.status.success(), "{output:?}");
    let corpus = corpus::load_bundled();
    let analysis = analysis::analyze(&corpus, &AnalysisOptions::default());
    assert!(analysis.entities.len() >= 15);

    let dom = browser.dom(&report, "");
    check_report_dom(&dom, &analysis);
    for name in [
        "Muqtada al-Sadr",
        "Baghdad",
        "Qassem Soleimani",
        "Tahrir Square",
    ] {
        assert!(dom.contains(&format!(">{name}</a>")), "{name} in the table");
    }
    let shots = screenshot_dir();
    for width in [1280, 390] {
        browser.screenshot(&report, width, &shots.join(format!("bundled-{width}.png")));
    }
}

#[test]
fn entity_table_sorts_by_the_column_named_in_the_address() {
    let Some(binary) = chromium() else { return };
    let browser = Browser { binary };
    let corpus = corpus::load_bundled();
    let analysis = analysis::analyze(&corpus, &AnalysisOptions::default());
    let dir = tempfile::tempdir().expect("temp dir");
    let report = write_report(dir.path(), "bundled.html", &corpus, &analysis);
    let names_in_order = |dom: &str| -> Vec<String> {
        elements(dom, "<tr id=\"e-", "</tr>")
            .iter()
            .filter_map(|row| {
                let end = row.find("\" class=\"name\"")?;
                let start = row[..end].rfind("data-v=\"")? + "data-v=\"".len();
                Some(row[start..end].to_string())
            })
            .collect()
    };
    let dom = browser.dom(&report, "#sort=name");
    assert_scripts_ran(&dom);
    let names = names_in_order(&dom);
    assert_eq!(names.len(), analysis.entities.len());
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted, "sorted by name");
    assert!(dom.contains("data-key=\"name\" aria-sort=\"ascending\""));

    let dom = browser.dom(&report, "#sort=first-asc");
    let firsts: Vec<usize> = elements(&dom, "<tr id=\"e-", "</tr>")
        .iter()
        .filter_map(|row| {
            let link = elements(row, "class=\"num\"><a href=\"#p-", "\">");
            let first = link.first()?;
            first["class=\"num\"><a href=\"#p-".len()..first.len() - 2]
                .parse()
                .ok()
        })
        .collect();
    assert_eq!(firsts.len(), analysis.entities.len());
    assert!(
        firsts.windows(2).all(|w| w[0] <= w[1]),
        "by first paragraph: {firsts:?}"
    );
}

#[test]
fn hostile_text_shows_script_as_text_and_quotes_carry_speakers() {
    let Some(binary) = chromium() else { return };
    let browser = Browser { binary };
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = export_fixture::corpus();
    // The hand-made analysis with quotes and speakers, then the real one.
    let made = export_fixture::analysis(&corpus);
    let real = analysis::analyze(&corpus, &AnalysisOptions::default());
    for (name, analysis) in [("made.html", &made), ("real.html", &real)] {
        let report = write_report(dir.path(), name, &corpus, analysis);
        let dom = browser.dom(&report, "");
        check_report_dom(&dom, analysis);
        assert_eq!(
            dom.matches("<script").count(),
            2,
            "only the report's own two scripts"
        );
        assert!(!dom.contains("<b>bold</b>"), "no markup from the story");
        assert!(
            dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "<script> shown as text"
        );
        assert!(dom.contains("&lt;b&gt;bold&lt;/b&gt;"));
        assert!(
            dom.contains("&amp;amp; as typed"),
            "an entity in the story stays as typed"
        );
        assert!(
            dom.contains("␛[31mred␛[0m"),
            "escape sequences shown as symbols"
        );
        assert!(!dom.contains('\u{1b}'));
    }
    let report = write_report(dir.path(), "made.html", &corpus, &made);
    let dom = browser.dom(&report, "");
    let quotes = elements(&dom, "<li class=\"quote\"", "</li>");
    assert!(quotes[0].contains("data-speaker=\"Mara Quint\""));
    assert!(quotes[2].contains(">Tom</a>"));
    assert!(
        dom.contains("class=\"m k-person pron\""),
        "the pronoun is marked as one"
    );
    assert!(
        dom.contains("title=\"said by Mara Quint\""),
        "quotes in the text name the speaker"
    );
    let shots = screenshot_dir();
    browser.screenshot(&report, 390, &shots.join("hostile-390.png"));
}

#[test]
fn novel_report_renders_at_desktop_and_phone_width() {
    if !Path::new(NOVEL).exists() {
        eprintln!("skipping: {NOVEL} is missing");
        return;
    }
    let Some(binary) = chromium() else { return };
    let browser = Browser { binary };
    let corpus = corpus::load_paths(&[NOVEL.to_string()]).expect("novel loads");
    let analysis = analysis::analyze(&corpus, &AnalysisOptions::default());
    let dir = tempfile::tempdir().expect("temp dir");
    let report = write_report(dir.path(), "novel.html", &corpus, &analysis);
    let dom = browser.dom(&report, "");
    check_report_dom(&dom, &analysis);
    for name in ["Elizabeth", "Darcy", "Wickham"] {
        assert!(
            elements(&dom, "<tr id=\"e-", "</tr>")
                .iter()
                .any(|row| row.contains(name)),
            "{name} in the entity table"
        );
    }
    let shots = screenshot_dir();
    for width in [1280, 390] {
        browser.screenshot(&report, width, &shots.join(format!("novel-{width}.png")));
    }
}
