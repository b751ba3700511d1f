//! Folders as found in the wild: unreadable files, links that loop, special
//! files, and a great many files.

use std::path::Path;
use std::process::{Command, Stdio};

use storyscope::corpus::{load_paths_with, LoadOptions};

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

#[test]
fn unreadable_files_are_skipped_with_one_warning_each_and_links_and_fifos_not_followed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(&root.join("a.txt"), "Ada met Charles in London.\n");
    std::fs::create_dir(root.join("sub")).expect("mkdir");
    write(&root.join("sub/b.md"), "Charles wrote to Ada.\n");
    // A link cycle, a link to nowhere, a link to itself.
    std::os::unix::fs::symlink(root, root.join("sub/loop")).expect("link");
    std::os::unix::fs::symlink(root.join("missing.txt"), root.join("dangling.txt")).expect("link");
    std::os::unix::fs::symlink(root.join("self.txt"), root.join("self.txt")).expect("link");
    // A FIFO would block a reader forever.
    let fifo = root.join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .stderr(Stdio::null())
        .status();
    let has_fifo = made.is_ok_and(|s| s.success());
    // A file without read permission (root reads it anyway).
    let locked = root.join("locked.txt");
    write(&locked, "Secret.\n");
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000))
        .expect("chmod");
    let locked_unreadable = std::fs::read(&locked).is_err();

    let loaded = load_paths_with(
        &[root.to_string_lossy().into_owned()],
        LoadOptions::default(),
    )
    .expect("the rest opens");
    let paths: Vec<&str> = loaded
        .corpus
        .documents
        .iter()
        .map(|d| d.path.as_str())
        .collect();
    assert!(paths.iter().any(|p| p.ends_with("a.txt")), "{paths:?}");
    assert!(paths.iter().any(|p| p.ends_with("sub/b.md")), "{paths:?}");
    assert!(
        !paths.iter().any(|p| p.contains("loop")),
        "the cycle is not followed: {paths:?}"
    );
    let warned = |name: &str| loaded.warnings.iter().filter(|w| w.contains(name)).count();
    assert_eq!(warned("dangling.txt"), 1, "{:?}", loaded.warnings);
    assert_eq!(warned("self.txt"), 1, "{:?}", loaded.warnings);
    if has_fifo {
        assert_eq!(warned("pipe.txt"), 1, "{:?}", loaded.warnings);
    }
    if locked_unreadable {
        assert_eq!(warned("locked.txt"), 1, "{:?}", loaded.warnings);
        assert!(!paths.iter().any(|p| p.ends_with("locked.txt")));
    }
    assert!(
        loaded.warnings.iter().all(|w| !w.contains('\n')),
        "one line each"
    );
    let expected = if locked_unreadable { 2 } else { 3 };
    assert_eq!(loaded.corpus.documents.len(), expected, "{paths:?}");

    // On the binary: the warnings on stderr, the analysis on stdout.
    let output = Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(["analyze", &root.to_string_lossy()])
        .env("XDG_CACHE_HOME", root.join("cache"))
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("skipped") && l.contains("dangling.txt")),
        "{stderr}"
    );
}

#[test]
fn a_folder_of_100_000_files_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let count = 100_000;
    for shard in 0..100 {
        let folder = dir.path().join(format!("{shard:03}"));
        std::fs::create_dir(&folder).expect("mkdir");
        for i in 0..count / 100 {
            write(
                &folder.join(format!("{i:04}.txt")),
                &format!("Article {shard}-{i}.\n"),
            );
        }
    }
    let loaded = load_paths_with(
        &[dir.path().to_string_lossy().into_owned()],
        LoadOptions::default(),
    )
    .expect("loads");
    assert_eq!(loaded.corpus.documents.len(), count);
    assert!(loaded.warnings.is_empty());
    assert!(
        loaded
            .corpus
            .documents
            .windows(2)
            .all(|w| w[0].path < w[1].path),
        "sorted by path"
    );
}
