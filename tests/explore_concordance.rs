//! Keyword in context: alignment with wide characters, cutting, blank
//! collapsing, and hit lists for entities and queries.

use storyscope::analysis::concordance::{
    entity_hits, kwic_line, query_hits, Concordance, Hit, KwicLayout,
};
use storyscope::analysis::search::Query;
use storyscope::analysis::{Entity, EntityKind, Mention};
use storyscope::corpus::{self, Corpus};
use unicode_width::UnicodeWidthStr;

const TEXT: &str = "東京の夜、Pierre は笑った。\n\n\
Long ago,\tin\r\na town, Pierre met 🙂🙂 friends and\nspoke.\n\n\
Pierre\n\n\
Nobody here.\n\n\
Natasha saw Pierre; pierre saw her.";

fn story() -> Corpus {
    let document = corpus::document_from_bytes("t.txt", TEXT.as_bytes().to_vec()).expect("utf-8");
    Corpus::from_documents(vec![document])
}

fn pierre(corpus: &Corpus) -> Entity {
    let text = &corpus.documents[0].text;
    let mentions = text
        .match_indices("Pierre")
        .map(|(start, name)| Mention {
            document: 0,
            paragraph: corpus.paragraph_at(0, start).expect("inside a paragraph"),
            start,
            end: start + name.len(),
            kind: EntityKind::Person,
            text: name.to_string(),
            form: storyscope::analysis::MentionForm::Name,
        })
        .collect();
    Entity {
        id: 0,
        name: "Pierre".into(),
        kind: EntityKind::Person,
        aliases: Vec::new(),
        mentions,
    }
}

const LAYOUT: KwicLayout = KwicLayout {
    left: 12,
    keyword: 10,
    right: 8,
};

#[test]
fn keywords_align_in_one_column_whatever_the_characters() {
    let corpus = story();
    let concordance = Concordance::for_entity(&pierre(&corpus));
    assert_eq!(concordance.len(), 4);
    let lines = concordance.lines(&corpus, 0..concordance.len(), LAYOUT);
    for line in &lines {
        assert_eq!(line.left.width(), LAYOUT.left, "{line:?}");
        assert!(line.right.width() <= LAYOUT.right, "{line:?}");
        assert_eq!(line.keyword, "Pierre");
        assert!(!line.left.contains(['\n', '\t', '\r']), "{line:?}");
        assert!(!line.right.contains(['\n', '\t', '\r']), "{line:?}");
    }
    // CJK on the left: 東京の夜、 is 10 columns, padded to 12. On the
    // right, " は笑っ" is 7 columns: the "た" would make 9.
    assert_eq!(lines[0].left, "  東京の夜、");
    assert_eq!(lines[0].right, " は笑っ");
    // The left context keeps its end, blanks collapsed; the right keeps its
    // start and does not split the second emoji.
    assert_eq!(lines[1].left, " in a town, ");
    assert_eq!(lines[1].right, " met 🙂");
    // A paragraph holding only the keyword has no context.
    assert_eq!(lines[2].left, " ".repeat(12));
    assert_eq!(lines[2].right, "");
    assert_eq!(lines[3].left, "Natasha saw ");
}

#[test]
fn lines_know_where_they_come_from() {
    let corpus = story();
    let entity = pierre(&corpus);
    let lines = Concordance::for_entity(&entity).lines(&corpus, 1..2, LAYOUT);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].paragraph, 1);
    assert_eq!(lines[0].document, 0);
    let range = lines[0].keyword_range.clone();
    assert_eq!(&TEXT[range], "Pierre");
    // Rows follow the paragraph pane.
    let concordance = Concordance::for_entity(&entity);
    assert_eq!(concordance.first_row_from(0), Some(0));
    assert_eq!(concordance.first_row_from(2), Some(2));
    assert_eq!(
        concordance.first_row_from(3),
        Some(3),
        "next paragraph with a hit"
    );
    assert_eq!(concordance.first_row_from(5), None);
    // Rows past the end are simply not there.
    assert!(Concordance::for_entity(&entity)
        .lines(&corpus, 10..20, LAYOUT)
        .is_empty());
}

#[test]
fn query_hits_are_case_insensitive_in_text_order_and_countable() {
    let corpus = story();
    let query = Query::parse("pierre").expect("valid").expect("non-empty");
    let all = Concordance::for_query(&corpus, &query, None);
    assert_eq!(all.len(), 5, "four 'Pierre' and one 'pierre'");
    let starts: Vec<usize> = all.hits().iter().map(|h| h.keyword.start).collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted);
    for hit in all.hits() {
        assert!(TEXT[hit.keyword.clone()].eq_ignore_ascii_case("pierre"));
    }
    // Only the paragraphs a filter left.
    let filtered = Concordance::for_query(&corpus, &query, Some(&[4, 2]));
    let paragraphs: Vec<usize> = filtered.hits().iter().map(|h| h.paragraph).collect();
    assert_eq!(paragraphs, vec![4, 4, 2]);
    // Lazily: the first few without searching the rest.
    let first_two: Vec<Hit> = query_hits(&corpus, &query, 0..corpus.paragraphs.len())
        .take(2)
        .collect();
    assert_eq!(first_two, all.hits()[..2].to_vec());
    assert_eq!(entity_hits(&pierre(&corpus)).count(), 4);
}

#[test]
fn a_long_keyword_is_cut_with_an_ellipsis() {
    let corpus = story();
    let query = Query::parse("re:(?s)long.*town")
        .expect("valid")
        .expect("non-empty");
    let concordance = Concordance::for_query(&corpus, &query, None);
    assert_eq!(concordance.len(), 1);
    let line = &concordance.lines(&corpus, 0..1, LAYOUT)[0];
    assert_eq!(line.keyword, "Long ago,…");
    assert_eq!(line.keyword.width(), LAYOUT.keyword);
    assert_eq!(line.left, " ".repeat(12));
}

#[test]
fn stale_hits_do_not_panic() {
    let corpus = story();
    let inside_a_character = Hit {
        document: 0,
        paragraph: 0,
        keyword: 1..4,
    };
    let line = kwic_line(&corpus, &inside_a_character, LAYOUT);
    assert_eq!(line.left.width(), LAYOUT.left);
    let nowhere = Hit {
        document: 7,
        paragraph: 99,
        keyword: 1000..2000,
    };
    let line = kwic_line(&corpus, &nowhere, LAYOUT);
    assert_eq!(line.keyword, "");
}

#[test]
fn concordance_of_a_query_in_the_bundled_story() {
    let story = corpus::load_bundled();
    let query = Query::parse("baghdad").expect("valid").expect("non-empty");
    let concordance = Concordance::for_query(&story, &query, None);
    let layout = KwicLayout {
        left: 28,
        keyword: 10,
        right: 28,
    };
    let rendered: Vec<String> = concordance
        .lines(&story, 0..concordance.len(), layout)
        .iter()
        .map(|line| {
            format!(
                "{:>3} {}[{}]{}",
                line.paragraph, line.left, line.keyword, line.right
            )
        })
        .collect();
    insta::assert_snapshot!("explore_concordance_baghdad", rendered.join("\n"));
}
