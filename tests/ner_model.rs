//! The shipped NER model: it loads and tags plain sentences right.

use storyscope::analysis::ner::{tag_document, NerSpan, NerType, Tagger};

fn span(tokens: std::ops::Range<usize>, label: NerType) -> NerSpan {
    NerSpan { tokens, label }
}

#[test]
fn shipped_model_tags_people_organisations_and_places() {
    let sentence = "Angela Merkel met Microsoft executives in Paris .";
    let tokens: Vec<&str> = sentence.split(' ').collect();
    let spans = tag_document(&[tokens]);
    assert_eq!(
        spans,
        vec![vec![
            span(0..2, NerType::Per),
            span(3..4, NerType::Org),
            span(6..7, NerType::Loc),
        ]]
    );
}

#[test]
fn shipped_model_tags_every_sentence_of_a_document() {
    let document = [
        "U.S. President Bill Clinton arrived in Baghdad on Friday .",
        "Clinton 's visit was praised by the United Nations .",
        "",
    ];
    let sentences: Vec<Vec<&str>> = document
        .iter()
        .map(|s| s.split(' ').filter(|w| !w.is_empty()).collect())
        .collect();
    let spans = tag_document(&sentences);
    assert_eq!(spans.len(), 3);
    assert!(
        spans[0].contains(&span(0..1, NerType::Loc)),
        "{:?}",
        spans[0]
    );
    assert!(
        spans[0].contains(&span(2..4, NerType::Per)),
        "{:?}",
        spans[0]
    );
    assert!(
        spans[0].contains(&span(6..7, NerType::Loc)),
        "{:?}",
        spans[0]
    );
    assert!(
        spans[1].contains(&span(0..1, NerType::Per)),
        "{:?}",
        spans[1]
    );
    assert!(
        spans[1].contains(&span(7..9, NerType::Org)),
        "{:?}",
        spans[1]
    );
    assert!(spans[2].is_empty());
}

#[test]
fn shipped_model_file_loads_and_tags() {
    // Its load time is reported by `storyscope eval-ner`, not asserted here.
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/ner/ner.model"))
        .expect("the model file ships in assets/ner");
    let tagger = Tagger::from_bytes(&bytes).expect("the shipped model is valid");
    assert!(!tagger.tag_document(&[vec!["Paris"]])[0].is_empty());
}

#[test]
fn corrupt_models_are_refused() {
    assert!(Tagger::from_bytes(b"not a model").is_err());
}

#[test]
fn odd_input_is_tagged_without_failing() {
    let long: Vec<&str> = ["Paris", "and", "London", ","].repeat(2500);
    let odd = vec![
        "",
        "Ünïcödé",
        "東京",
        "al-Sadr",
        "’s",
        "😀",
        "-DOCSTART-",
        "\u{0}",
    ];
    let spans = tag_document(&[long.clone(), odd.clone(), Vec::new()]);
    assert_eq!(spans.len(), 3);
    assert!(
        spans[0].len() >= 2000,
        "{} spans in the long sentence",
        spans[0].len()
    );
    for span in spans.iter().flatten() {
        assert!(span.tokens.start < span.tokens.end);
    }
    assert!(spans[1].iter().all(|s| s.tokens.end <= odd.len()));
}

/// The model reads both kinds of text it was trained on: a wire report and a
/// novel's dialogue with titles.
#[test]
fn shipped_model_tags_news_and_novel_sentences() {
    let news = "Shares of Vantor Corp rose in Frankfurt , Reuters reported .";
    let novel =
        "“ I cannot think , ” said Mr. Fenwick to Miss Ellery , “ why Harriet went to Bath . ”";
    let sentences: Vec<Vec<&str>> = [news, novel]
        .iter()
        .map(|s| s.split(' ').collect())
        .collect();
    let spans = tag_document(&sentences);
    let named = |s: usize, label: NerType| -> Vec<String> {
        spans[s]
            .iter()
            .filter(|span| span.label == label)
            .map(|span| sentences[s][span.tokens.clone()].join(" "))
            .collect()
    };
    assert!(
        named(0, NerType::Loc).contains(&"Frankfurt".to_string()),
        "{:?}",
        spans[0]
    );
    assert!(
        named(0, NerType::Org).contains(&"Reuters".to_string()),
        "{:?}",
        spans[0]
    );
    let people = named(1, NerType::Per);
    for person in ["Fenwick", "Ellery", "Harriet"] {
        assert!(
            people.iter().any(|p| p.ends_with(person)),
            "{person}: {:?}",
            spans[1]
        );
    }
    assert!(
        named(1, NerType::Loc).contains(&"Bath".to_string()),
        "{:?}",
        spans[1]
    );
}
