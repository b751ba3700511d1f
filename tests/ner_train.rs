//! Training is deterministic and learns what it is shown.

use storyscope::analysis::ner::conll;
use storyscope::analysis::ner::evaluate::evaluate;
use storyscope::analysis::ner::train::{train, TrainOptions};
use storyscope::analysis::ner::Tagger;

fn fixture() -> Vec<conll::Document> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ner_sample.conll"
    );
    conll::parse(&std::fs::read_to_string(path).expect("fixture present"))
}

#[test]
fn training_twice_gives_the_same_model_bytes() {
    let documents = fixture();
    let options = TrainOptions {
        epochs: 3,
        bits: 14,
        ..TrainOptions::default()
    };
    let mut log = Vec::new();
    let first = train(&documents, &documents, &options, &mut log).expect("trains");
    let second = train(&documents, &documents, &options, &mut Vec::new()).expect("trains");
    assert_eq!(first.to_bytes(), second.to_bytes());
    assert!(String::from_utf8_lossy(&log).contains("dev f1"));

    let tagger = Tagger::from_bytes(&first.to_bytes()).expect("the trained model loads");
    let f1 = evaluate(&tagger, &documents, 1).scores.overall().f1();
    assert!(f1 > 0.9, "f1 {f1} on the training documents themselves");
}
