//! Descriptions taken from the bundled story, with mentions placed by hand
//! (the entity tagger is not involved).

use storyscope::analysis::descriptions::{describe, Description};
use storyscope::analysis::{Entity, EntityKind, Mention};
use storyscope::corpus::{self, Corpus};

/// An entity whose mentions are every occurrence of each of `names`.
fn entity_named(corpus: &Corpus, names: &[&str]) -> Entity {
    let text = &corpus.documents[0].text;
    let mut mentions: Vec<Mention> = names
        .iter()
        .flat_map(|name| text.match_indices(name))
        .filter(|&(start, name)| is_whole_word(text, start, start + name.len()))
        .filter_map(|(start, name)| {
            Some(Mention {
                document: 0,
                paragraph: corpus.paragraph_at(0, start)?,
                start,
                end: start + name.len(),
                kind: EntityKind::Person,
                text: name.to_string(),
                form: storyscope::analysis::MentionForm::Name,
            })
        })
        .collect();
    mentions.sort_by_key(|m| m.start);
    // A shorter name inside a longer one ("al-Sadr" in "Muqtada al-Sadr") is
    // the same mention.
    mentions.dedup_by(|later, earlier| later.start < earlier.end);
    Entity {
        id: 0,
        name: names[0].to_string(),
        kind: EntityKind::Person,
        aliases: names[1..].iter().map(|n| n.to_string()).collect(),
        mentions,
    }
}

fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn texts(found: &[Description]) -> Vec<&str> {
    found.iter().map(|d| d.text.as_str()).collect()
}

#[test]
fn appositive_of_a_title_with_of() {
    let story = corpus::load_bundled();
    let shamkhani = entity_named(&story, &["Ali Shamkhani"]);
    assert_eq!(
        texts(&describe(&story, &shamkhani, 5)),
        vec!["the secretary of the Supreme National Security Council of Iran"]
    );
}

#[test]
fn titles_and_appositives_of_a_cleric_in_text_order() {
    let story = corpus::load_bundled();
    let sadr = entity_named(
        &story,
        &["Muqtada al-Sadr", "al-Sadr", "Al-Sadr", "Muqtada"],
    );
    let found = describe(&story, &sadr, 10);
    assert_eq!(
        texts(&found),
        vec![
            "radical cleric",
            "the Iraqi clergyman",
            "a huge thorn in the side of the American occupation after the 2003 invasion"
        ],
        "{found:#?}"
    );
    assert!(found.iter().all(|d| d.count == 1));
    assert!(found
        .windows(2)
        .all(|w| w[0].first_offset < w[1].first_offset));
}

#[test]
fn several_kinds_of_description_for_one_person() {
    let story = corpus::load_bundled();
    let soleimani = entity_named(&story, &["Qassem Soleimani", "Soleimani"]);
    let found = describe(&story, &soleimani, 10);
    assert_eq!(
        texts(&found),
        vec![
            "highest Iranian general",
            "late General",
            "head of the Quds Force elite"
        ],
        "{found:#?}"
    );
    let sistani = entity_named(&story, &["Ali al-Sistani", "Al-Sistani"]);
    assert_eq!(
        texts(&describe(&story, &sistani, 10)),
        vec![
            "Grand Ayatollah",
            "the most respected Shia clergyman of Iraq"
        ]
    );
}

#[test]
fn appositives_before_a_name() {
    let story = corpus::load_bundled();
    let saad = entity_named(&story, &["Amer Saad"]);
    assert_eq!(
        texts(&describe(&story, &saad, 5)),
        vec!["an 18-year-old protester"]
    );
    let alaadin = entity_named(&story, &["Farhad Alaadin"]);
    assert_eq!(
        texts(&describe(&story, &alaadin, 5)),
        vec!["head of the Iraqi advisory board and a former presidential advisor"]
    );
}

#[test]
fn places_get_their_own_descriptions_only() {
    let story = corpus::load_bundled();
    for name in ["Baghdad", "Iraq", "Iran", "Shia", "Israel"] {
        let place = entity_named(&story, &[name]);
        let found = describe(&story, &place, 10);
        assert!(found.is_empty(), "{name}: {found:#?}");
    }
    let tehran = entity_named(&story, &["Tehran"]);
    assert_eq!(
        texts(&describe(&story, &tehran, 5)),
        vec!["Iranian capital"]
    );
    let zone = entity_named(&story, &["Green Zone"]);
    assert_eq!(
        texts(&describe(&story, &zone, 5)),
        vec!["the seat of the Iraqi government"]
    );
}

#[test]
fn repeated_descriptions_rank_first_and_the_limit_holds() {
    let text = "Pierre, a rich count, came.\n\nLater Pierre, the host, spoke.\n\n\
                Then Pierre, a rich Count, left.\n\nPierre, the host, said no.\n\n\
                Pierre, a rich count, sat.";
    let document = corpus::document_from_bytes("t.txt", text.as_bytes().to_vec()).expect("utf-8");
    let story = Corpus::from_documents(vec![document]);
    let pierre = entity_named(&story, &["Pierre"]);
    let found = describe(&story, &pierre, 10);
    assert_eq!(texts(&found), vec!["a rich count", "the host"]);
    assert_eq!(found[0].count, 3);
    assert_eq!(found[1].count, 2);
    assert_eq!(describe(&story, &pierre, 1).len(), 1);
}
