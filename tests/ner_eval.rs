//! `storyscope eval-ner` on a small CoNLL fixture.

use std::process::Command;

fn eval_ner(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .arg("eval-ner")
        .args(args)
        .output()
        .expect("storyscope runs")
}

fn field(line: &str, name: &str) -> f64 {
    let mut words = line.split_whitespace();
    words.position(|w| w == name).expect("field present");
    words.next().and_then(|v| v.parse().ok()).expect("a number")
}

#[test]
fn eval_ner_reports_scores_per_label_and_speed() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ner_sample.conll"
    );
    let output = eval_ner(&[fixture, "--runs", "3"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    for label in ["PER ", "ORG ", "LOC ", "MISC "] {
        assert!(
            stdout.lines().any(|l| l.starts_with(label)),
            "no {label}line in\n{stdout}"
        );
    }
    let overall = stdout
        .lines()
        .find(|l| l.starts_with("overall precision"))
        .expect("overall line");
    assert!(overall.contains("gold 16,"), "{overall}");
    let f1 = field(overall, "f1");
    assert!((0.8..=1.0).contains(&f1), "{overall}");
    let speed = stdout
        .lines()
        .find(|l| l.starts_with("speed"))
        .expect("speed line");
    assert!(field(speed, "speed") > 0.0, "{speed}");
}

#[test]
fn eval_ner_fails_cleanly_on_a_missing_file() {
    let output = eval_ner(&["/nonexistent/file.conll"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("reading"));
}
