//! The persisted analysis: hits, one new article analysed alone, damaged
//! entries ignored and rewritten, LRU eviction, unusable directories, and
//! the `cache` command. Every cache here lives in a temp dir.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use storyscope::analysis::{self, AnalysisOptions, DocumentAnalysis, Progress};
use storyscope::cache::{self, Cache};
use storyscope::corpus::{document_from_bytes, Corpus};

const ARTICLES: [&str; 3] = [
    "date 2020-01-24\n\nAda Lovelace met Charles Babbage in London on Friday.\n\nThey talked about engines.\n",
    "date 2020-02-03\n\nCharles Babbage wrote to Ada Lovelace from Paris on Monday.\n",
    "date 2020-03-09\n\nMary Somerville visited Ada Lovelace in Oxford last week.\n",
];

fn corpus(articles: &[&str]) -> Corpus {
    let documents = articles
        .iter()
        .enumerate()
        .map(|(i, text)| {
            document_from_bytes(&format!("{i}.txt"), text.as_bytes().to_vec()).expect("loads")
        })
        .collect();
    Corpus::from_documents(documents)
}

fn run(corpus: &Corpus, cache: &Cache) -> analysis::Analysis {
    cache::analyze(
        corpus,
        &AnalysisOptions::default(),
        &Progress::default(),
        cache,
    )
}

/// Every entry file under `dir` (temporary files have dots in their names).
fn entry_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .file_name()
                .is_some_and(|name| !name.to_string_lossy().contains('.'))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn under<'a>(files: &'a [PathBuf], kind: &str) -> Vec<&'a PathBuf> {
    files
        .iter()
        .filter(|p| p.components().any(|c| c.as_os_str() == kind))
        .collect()
}

#[test]
fn a_second_run_reads_what_the_first_wrote_and_nothing_is_written_beside_the_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = Cache::at(dir.path().join("storyscope"));
    let corpus = corpus(&ARTICLES);
    let fresh = analysis::analyze(&corpus, &AnalysisOptions::default());
    assert_eq!(run(&corpus, &cache), fresh);
    let files = entry_files(dir.path());
    assert_eq!(under(&files, "documents").len(), 3, "{files:?}");
    assert_eq!(under(&files, "corpora").len(), 1, "{files:?}");
    assert_eq!(
        run(&corpus, &cache),
        fresh,
        "the cached analysis is the same"
    );
    assert_eq!(entry_files(dir.path()), files, "a hit writes nothing new");
    assert_eq!(cache.usage().entries, 4);
}

#[test]
fn adding_one_article_analyses_only_that_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = Cache::at(dir.path());
    run(&corpus(&ARTICLES[..2]), &cache);
    // Replace the first article's entry by a valid one that found nothing:
    // if the next run reads it, the first article contributes no mention.
    let two = corpus(&ARTICLES[..2]);
    let key = Cache::document_key(&two.documents[0], &AnalysisOptions::default());
    cache.store_document(&key, &DocumentAnalysis::default());
    let three = corpus(&ARTICLES);
    let analysis = run(&three, &cache);
    let documents: Vec<usize> = analysis
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.document))
        .collect();
    assert!(
        !documents.contains(&0),
        "article 0 came from the cache: {documents:?}"
    );
    assert!(
        documents.contains(&1) && documents.contains(&2),
        "{documents:?}"
    );
    let files = entry_files(dir.path());
    assert_eq!(
        under(&files, "documents").len(),
        3,
        "one new document entry"
    );
    assert_eq!(under(&files, "corpora").len(), 2);
}

#[test]
fn corrupt_truncated_foreign_and_stale_entries_are_ignored_and_rewritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = Cache::at(dir.path());
    let corpus = corpus(&ARTICLES[..1]);
    let fresh = run(&corpus, &cache);
    let files = entry_files(dir.path());
    assert_eq!(files.len(), 2, "a document and a corpus entry");
    let originals: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).expect("read"))
        .collect();
    type Damage = fn(&mut Vec<u8>);
    let damages: [(&str, Damage); 5] = [
        ("corrupt", |bytes| {
            let (middle, last) = (bytes.len() / 2 + 40, bytes.len() - 1);
            bytes[middle] ^= 0x04;
            bytes[last] ^= 0xff;
        }),
        ("truncated", |bytes| bytes.truncate(bytes.len() / 2)),
        ("foreign", |bytes| {
            *bytes = b"PNG\x89 not ours at all".repeat(20)
        }),
        ("stale", |bytes| bytes[12] ^= 0x01),
        ("empty", |bytes| bytes.clear()),
    ];
    for (name, damage) in damages {
        for (file, original) in files.iter().zip(&originals) {
            let mut bytes = original.clone();
            damage(&mut bytes);
            std::fs::write(file, &bytes).expect("damage");
        }
        assert_eq!(run(&corpus, &cache), fresh, "{name} entries are ignored");
        for (file, original) in files.iter().zip(&originals) {
            assert_eq!(
                &std::fs::read(file).expect("read"),
                original,
                "{name} entry rewritten"
            );
        }
    }
}

#[test]
fn an_intact_entry_whose_spans_do_not_fit_the_text_is_not_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = Cache::at(dir.path());
    let corpus = corpus(&ARTICLES[..1]);
    let key = Cache::document_key(&corpus.documents[0], &AnalysisOptions::default());
    let mut wrong = DocumentAnalysis::default();
    wrong.sentences.push(5..1_000_000);
    cache.store_document(&key, &wrong);
    assert_eq!(
        run(&corpus, &cache),
        analysis::analyze(&corpus, &AnalysisOptions::default())
    );
}

#[test]
fn the_reference_date_is_part_of_the_key() {
    let corpus = corpus(&ARTICLES[..1]);
    let plain = Cache::document_key(&corpus.documents[0], &AnalysisOptions::default());
    let dated = AnalysisOptions {
        reference_date: Some(jiff::civil::date(2001, 9, 1)),
        ..AnalysisOptions::default()
    };
    assert_ne!(plain, Cache::document_key(&corpus.documents[0], &dated));
}

#[test]
fn past_the_cap_the_least_recently_used_entries_go() {
    let dir = tempfile::tempdir().expect("temp dir");
    let probe = Cache::at(dir.path().join("probe"));
    run(&corpus(&ARTICLES[..1]), &probe);
    let one_run = probe.usage().bytes;
    // Room for about two runs' entries.
    let cache = Cache::at(dir.path().join("lru")).with_max_bytes(one_run * 5 / 2);
    let day = std::time::Duration::from_secs(86_400);
    let mut when = std::time::SystemTime::now() - day * 10;
    for article in ARTICLES {
        run(&corpus(&[article]), &cache);
        // Make the order of use unambiguous, oldest first.
        for file in entry_files(&dir.path().join("lru")) {
            let bytes = std::fs::metadata(&file).expect("meta");
            if bytes.modified().expect("mtime") > when + day {
                std::fs::File::options()
                    .write(true)
                    .open(&file)
                    .expect("open")
                    .set_modified(when)
                    .expect("touch");
            }
        }
        when += day;
    }
    let usage = cache.usage();
    assert!(
        usage.bytes <= cache.max_bytes(),
        "{usage:?} over {}",
        cache.max_bytes()
    );
    // The newest article is still cached; the oldest is gone.
    let key = |text: &str| {
        Cache::document_key(&corpus(&[text]).documents[0], &AnalysisOptions::default())
    };
    let newest = corpus(&[ARTICLES[2]]);
    assert!(cache
        .load_document(&key(ARTICLES[2]), &newest.documents[0])
        .is_some());
    let oldest = corpus(&[ARTICLES[0]]);
    assert!(cache
        .load_document(&key(ARTICLES[0]), &oldest.documents[0])
        .is_none());
}

#[test]
fn an_unusable_cache_directory_only_costs_speed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "not a folder").expect("write");
    let corpus = corpus(&ARTICLES);
    let fresh = analysis::analyze(&corpus, &AnalysisOptions::default());
    for unusable in [
        blocker.join("cache"),
        PathBuf::from("/proc/storyscope-cache"),
    ] {
        let cache = Cache::at(&unusable);
        assert_eq!(run(&corpus, &cache), fresh);
        assert_eq!(run(&corpus, &cache), fresh);
        assert_eq!(cache.usage().entries, 0);
    }
    assert_eq!(
        std::fs::read_to_string(&blocker).expect("read"),
        "not a folder"
    );
}

fn storyscope(cache_home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(args)
        .env("XDG_CACHE_HOME", cache_home)
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

#[test]
fn the_cache_command_shows_and_clears_and_no_cache_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let story = dir.path().join("story.txt");
    std::fs::write(&story, ARTICLES[0]).expect("write");
    let story = story.to_string_lossy().into_owned();
    let home = dir.path().join("cache-home");
    let shown = storyscope(&home, &["cache"]);
    assert!(shown.status.success());
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(
        text.contains("storyscope") && text.contains("0 entries"),
        "{text}"
    );

    let without = storyscope(&home, &["analyze", "--no-cache", "--json", &story]);
    assert!(without.status.success());
    assert!(entry_files(&home).is_empty(), "--no-cache writes nothing");

    let with = storyscope(&home, &["analyze", "--json", &story]);
    assert_eq!(with.stdout, without.stdout, "same output either way");
    let again = storyscope(&home, &["analyze", "--json", &story]);
    assert_eq!(again.stdout, without.stdout, "same output from the cache");
    let text = String::from_utf8_lossy(&storyscope(&home, &["cache"]).stdout).into_owned();
    assert!(text.contains("2 entries"), "{text}");

    let cleared = storyscope(&home, &["cache", "clear"]);
    assert!(cleared.status.success());
    assert!(String::from_utf8_lossy(&cleared.stdout).contains("removed 2 entries"));
    assert!(entry_files(&home).is_empty());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("story.txt")).expect("read"),
        ARTICLES[0]
    );
}

#[test]
fn temporaries_left_by_a_killed_writer_are_removed_later() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache = Cache::at(dir.path());
    std::fs::create_dir_all(dir.path().join("tmp")).expect("mkdir");
    let (old, fresh) = (
        dir.path().join("tmp/dead.1.0"),
        dir.path().join("tmp/busy.2.0"),
    );
    std::fs::write(&old, "half an entry").expect("write");
    std::fs::write(&fresh, "being written").expect("write");
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .expect("open")
        .set_modified(two_hours_ago)
        .expect("touch");
    run(&corpus(&ARTICLES[..1]), &cache);
    assert!(!old.exists(), "the abandoned temporary is gone");
    assert!(fresh.exists(), "a recent one may still be in use");
}
