//! Entity cards on a hand-built analysis: dispersion bins over the whole
//! story and co-occurrence counts by shared paragraph.

use storyscope::analysis::profile::{dispersion_strip, Cooccurrence, MentionPosition, Profiles};
use storyscope::analysis::{Analysis, Entity, EntityKind, Mention};
use storyscope::corpus::{self, Corpus};

/// Two documents of four 10-byte paragraphs separated by blank lines:
/// paragraphs start at bytes 0, 12, 24 and 36 of each 46-byte document.
fn two_documents() -> Corpus {
    let doc = |name: &str| {
        let text = ["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "dddddddddd"].join("\n\n");
        corpus::document_from_bytes(name, text.into_bytes()).expect("utf-8")
    };
    Corpus::from_documents(vec![doc("one.txt"), doc("two.txt")])
}

/// An entity mentioned once at the start of each listed global paragraph.
fn entity(corpus: &Corpus, id: usize, name: &str, paragraphs: &[usize]) -> Entity {
    let mentions = paragraphs
        .iter()
        .map(|&p| {
            let paragraph = corpus.paragraphs[p];
            Mention {
                document: paragraph.document,
                paragraph: p,
                start: paragraph.start,
                end: paragraph.start + 1,
                kind: EntityKind::Person,
                text: name.to_string(),
                form: storyscope::analysis::MentionForm::Name,
            }
        })
        .collect();
    Entity {
        id,
        name: name.to_string(),
        kind: EntityKind::Person,
        aliases: vec![format!("{name} alias")],
        mentions,
    }
}

fn analysis(corpus: &Corpus) -> Analysis {
    Analysis {
        entities: vec![
            // Pierre twice in paragraph 0 (the second mention counts once).
            entity(corpus, 0, "Pierre", &[0, 0, 1, 2, 5, 7]),
            entity(corpus, 1, "Natasha", &[1, 2, 7]),
            entity(corpus, 2, "Andrew", &[0, 1, 5]),
            entity(corpus, 3, "Boris", &[3, 4]),
            entity(corpus, 4, "Anna", &[5, 7, 6]),
        ],
        timeline: Vec::new(),
        quotes: Vec::new(),
    }
}

#[test]
fn the_card_has_names_counts_and_first_and_last_mentions() {
    let corpus = two_documents();
    let analysis = analysis(&corpus);
    let profiles = Profiles::build(&corpus, &analysis);
    let card = profiles.profile(&analysis, 0, 4, 10).expect("known entity");
    assert_eq!(card.name, "Pierre");
    assert_eq!(card.kind, EntityKind::Person);
    assert_eq!(card.aliases, vec!["Pierre alias"]);
    assert_eq!(card.mention_count, 6);
    let p7 = corpus.paragraphs[7];
    assert_eq!(
        card.first,
        Some(MentionPosition {
            document: 0,
            paragraph: 0,
            start: 0
        })
    );
    assert_eq!(
        card.last,
        Some(MentionPosition {
            document: 1,
            paragraph: 7,
            start: p7.start
        })
    );
    assert!(profiles.profile(&analysis, 99, 4, 10).is_none());
}

#[test]
fn first_and_last_follow_text_order_not_list_order() {
    let corpus = two_documents();
    let analysis = analysis(&corpus);
    let profiles = Profiles::build(&corpus, &analysis);
    // Anna's mentions are listed 5, 7, 6.
    let card = profiles.profile(&analysis, 4, 1, 0).expect("known entity");
    assert_eq!(card.first.map(|m| m.paragraph), Some(5));
    assert_eq!(card.last.map(|m| m.paragraph), Some(7));
    assert!(card.cooccurring.is_empty(), "top 0 lists nobody");
}

#[test]
fn dispersion_bins_cover_the_documents_end_to_end() {
    let corpus = two_documents();
    let analysis = analysis(&corpus);
    let profiles = Profiles::build(&corpus, &analysis);
    // Each document is 46 bytes; the story is 92. With 2 bins, each bin is
    // one document.
    let card = profiles.profile(&analysis, 0, 2, 0).expect("known entity");
    assert_eq!(card.dispersion, vec![4, 2]);
    // With 4 bins of 23 bytes, story positions 0, 12, 24, 36 (first
    // document) and 46, 58, 70, 82 (second) fall in bins 0, 0, 1, 1, 2, 2, 3, 3.
    // Pierre is in paragraphs 0 (twice), 1, 2, 5 and 7.
    let card = profiles.profile(&analysis, 0, 4, 0).expect("known entity");
    assert_eq!(card.dispersion, vec![3, 1, 1, 1]);
    assert_eq!(card.dispersion.iter().sum::<usize>(), card.mention_count);
    assert_eq!(dispersion_strip(&card.dispersion, 4), "█▃▃▃");
    let boris = profiles.profile(&analysis, 3, 4, 0).expect("known entity");
    assert_eq!(boris.dispersion, vec![0, 1, 1, 0]);
    assert_eq!(dispersion_strip(&boris.dispersion, 4), " ██ ");
    assert!(profiles
        .profile(&analysis, 0, 0, 0)
        .expect("known entity")
        .dispersion
        .is_empty());
}

#[test]
fn any_positions_get_a_strip_and_columns_map_back_to_them() {
    let corpus = two_documents();
    let profiles = Profiles::build(&corpus, &Analysis::default());
    let second_document_end = (1, corpus.documents[1].text.len());
    let positions = [(0, 0), (0, 45), second_document_end];
    assert_eq!(profiles.dispersion_of(positions, 2), vec![2, 1]);
    assert_eq!(profiles.bin_of(0, 45, 2), Some(0));
    assert_eq!(profiles.bin_of(1, 0, 2), Some(1));
    // The last byte belongs to the last bin, not one past it.
    assert_eq!(profiles.bin_of(1, usize::MAX, 4), Some(3));
    assert_eq!(profiles.bin_of(0, 0, 0), None);
    // An unknown document counts at the end of the story.
    assert_eq!(profiles.bin_of(9, 0, 4), Some(3));
}

#[test]
fn cooccurrence_counts_shared_paragraphs_sorted_by_count_then_name() {
    let corpus = two_documents();
    let analysis = analysis(&corpus);
    let profiles = Profiles::build(&corpus, &analysis);
    let card = profiles.profile(&analysis, 0, 4, 10).expect("known entity");
    let shared = |entity, paragraphs| Cooccurrence { entity, paragraphs };
    // Pierre's paragraphs: 0, 1, 2, 5, 7.
    // Andrew: 0, 1, 5 -> 3. Natasha: 1, 2, 7 -> 3. Anna: 5, 7 -> 2. Boris: none.
    assert_eq!(
        card.cooccurring,
        vec![shared(2, 3), shared(1, 3), shared(4, 2)]
    );
    let top_two = profiles.cooccurring(&analysis, 0, 2);
    assert_eq!(top_two, vec![shared(2, 3), shared(1, 3)]);
}

#[test]
fn paragraphs_list_their_entities() {
    let corpus = two_documents();
    let analysis = analysis(&corpus);
    let profiles = Profiles::build(&corpus, &analysis);
    assert_eq!(
        profiles.entities_in_paragraph(0).collect::<Vec<_>>(),
        vec![0, 2]
    );
    assert_eq!(
        profiles.entities_in_paragraph(7).collect::<Vec<_>>(),
        vec![0, 1, 4]
    );
    assert_eq!(
        profiles.entities_in_paragraph(3).collect::<Vec<_>>(),
        vec![3]
    );
    assert_eq!(profiles.entities_in_paragraph(100).count(), 0);
    assert_eq!(profiles.paragraphs_of_entity(0), &[0, 1, 2, 5, 7]);
}

#[test]
fn an_empty_analysis_gives_empty_cards() {
    let corpus = two_documents();
    let profiles = Profiles::build(&corpus, &Analysis::default());
    assert!(profiles.profile(&Analysis::default(), 0, 10, 10).is_none());
    assert_eq!(profiles.entities_in_paragraph(0).count(), 0);
}
