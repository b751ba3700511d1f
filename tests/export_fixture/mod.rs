//! The hostile-text fixture (markup, `&`, quote marks, escape sequences)
//! with a hand-made analysis that has quotes, speakers and a pronoun, so
//! the export tests do not depend on how the analysis evolves.

#![allow(dead_code)]

use storyscope::analysis::quotes::{Quote, Span};
use storyscope::analysis::{Analysis, Entity, EntityKind, Mention, MentionForm};
use storyscope::corpus::{self, Corpus};

pub const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile.txt");
pub const TEXT: &str = include_str!("../fixtures/hostile.txt");

pub fn corpus() -> Corpus {
    let document = corpus::document_from_bytes("hostile.txt", TEXT.as_bytes().to_vec())
        .expect("fixture loads");
    Corpus::from_documents(vec![document])
}

/// The byte range of the `nth` occurrence of `needle`.
pub fn find(needle: &str, nth: usize) -> (usize, usize) {
    let start = TEXT
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("fixture has no {needle:?} #{nth}"))
        .0;
    (start, start + needle.len())
}

fn mention(corpus: &Corpus, needle: &str, nth: usize, form: MentionForm) -> Mention {
    let (start, end) = find(needle, nth);
    Mention {
        document: 0,
        paragraph: corpus.paragraph_at(0, start).expect("in a paragraph"),
        start,
        end,
        kind: EntityKind::Person,
        text: needle.to_string(),
        form,
    }
}

fn quote(
    corpus: &Corpus,
    id: usize,
    needle: &str,
    speaker: Option<usize>,
    cue: Option<&str>,
) -> Quote {
    let (start, end) = find(needle, 0);
    Quote {
        id,
        document: 0,
        paragraph: corpus.paragraph_at(0, start).expect("in a paragraph"),
        start,
        end,
        text: needle.to_string(),
        speaker,
        cue: cue.map(|cue| {
            let (start, end) = find(cue, 0);
            Span { start, end }
        }),
    }
}

pub fn analysis(corpus: &Corpus) -> Analysis {
    use MentionForm::*;
    let m = |needle, nth, form| mention(corpus, needle, nth, form);
    let person = |id, name: &str, mentions| Entity {
        id,
        name: name.to_string(),
        kind: EntityKind::Person,
        aliases: Vec::new(),
        mentions,
    };
    let mut gazette = person(
        3,
        "\"Friends\" Gazette",
        vec![m("\"Friends\" Gazette", 0, Name)],
    );
    gazette.kind = EntityKind::Organization;
    gazette.mentions[0].kind = EntityKind::Organization;
    let mut mara = person(
        0,
        "Mara Quint",
        vec![
            m("Mara Quint", 0, Name),
            m("Mara", 1, Name),
            m("she", 0, Pronoun),
        ],
    );
    mara.aliases = vec!["Mara".to_string()];
    let entities = vec![
        mara,
        person(1, "Tom", vec![m("Tom", 0, Name), m("Tom", 1, Name)]),
        person(2, "Jerry", vec![m("Jerry", 0, Name)]),
        gazette,
    ];
    let quotes = vec![
        quote(
            corpus,
            0,
            "\"Close the doors & windows,\"",
            Some(0),
            Some("said Mara Quint"),
        ),
        quote(
            corpus,
            1,
            "\"<script>alert(1)</script> is not a greeting.\"",
            Some(0),
            None,
        ),
        quote(
            corpus,
            2,
            "\"We leave at dawn,\"",
            Some(1),
            Some("Tom replied"),
        ),
        quote(corpus, 3, "\"Who's there?\"", None, None),
    ];
    Analysis {
        entities,
        timeline: Vec::new(),
        quotes,
    }
}
