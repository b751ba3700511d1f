//! Entities of the bundled news story, end to end (tokenizer, tagger,
//! mention cleaning, clustering).

use storyscope::analysis::{analyze, Analysis, AnalysisOptions, Entity, EntityKind};
use storyscope::corpus;

fn analysis() -> (corpus::Corpus, Analysis) {
    let corpus = corpus::load_bundled();
    let analysis = analyze(&corpus, &AnalysisOptions::default());
    (corpus, analysis)
}

fn forms(entity: &Entity) -> impl Iterator<Item = &str> {
    std::iter::once(entity.name.as_str()).chain(entity.aliases.iter().map(String::as_str))
}

/// The entities that go by any of `names`.
fn entities_named<'a>(analysis: &'a Analysis, names: &[&str]) -> Vec<&'a Entity> {
    analysis
        .entities
        .iter()
        .filter(|e| forms(e).any(|form| names.contains(&form)))
        .collect()
}

fn listing(analysis: &Analysis) -> String {
    analysis
        .entities
        .iter()
        .map(|e| format!("{} [{}] {:?}\n", e.name, e.kind.as_str(), e.aliases))
        .collect()
}

#[test]
fn dates_and_sentence_openers_are_not_entities() {
    let (_, analysis) = analysis();
    for junk in ["Friday", "Since", "Apparently", "Constitutionally", "Death"] {
        assert!(
            entities_named(&analysis, &[junk]).is_empty(),
            "{junk} is an entity:\n{}",
            listing(&analysis)
        );
    }
}

#[test]
fn short_forms_and_demonyms_join_their_place() {
    let (_, analysis) = analysis();
    for names in [
        &[
            "United States",
            "US",
            "U.S.",
            "America",
            "American",
            "Americans",
        ][..],
        &["Iraq", "Iraqi", "Iraqis"],
        &["Iran", "Iranian", "Iranians"],
    ] {
        let found = entities_named(&analysis, names);
        assert_eq!(found.len(), 1, "{names:?}:\n{}", listing(&analysis));
    }
}

#[test]
fn mentions_slice_back_to_the_text_without_titles_or_possessives() {
    let (corpus, analysis) = analysis();
    for entity in &analysis.entities {
        for mention in &entity.mentions {
            let text = &corpus.documents[mention.document].text;
            assert_eq!(&text[mention.start..mention.end], mention.text);
            for bad_end in ["'s", "’s", " ", "."] {
                assert!(!mention.text.ends_with(bad_end), "{:?}", mention.text);
            }
            for title in ["General ", "Grand Ayatollah ", "Cleric ", "President "] {
                assert!(!mention.text.starts_with(title), "{:?}", mention.text);
            }
        }
    }
}

#[test]
fn the_story_has_one_entity_for_each_of_its_actors() {
    use EntityKind::{Organization, Person, Place};
    let (_, analysis) = analysis();
    let expected: &[(&str, EntityKind, &[&str])] = &[
        (
            "Muqtada al-Sadr",
            Person,
            &["al-Sadr", "Al-Sadr", "Sadr", "Muqtada"],
        ),
        (
            "Ali al-Sistani",
            Person,
            &["Al-Sistani", "al-Sistani", "Sistani"],
        ),
        ("Qassem Soleimani", Person, &["Soleimani"]),
        (
            "Abu Mahdi al-Muhandis",
            Person,
            &["al-Muhandis", "Muhandis"],
        ),
        ("Adel Abdul-Mahdi", Person, &["Abdul-Mahdi"]),
        ("Hadi al-Ameri", Person, &["al-Ameri", "Ameri"]),
        ("Ali Shamkhani", Person, &["Shamkhani"]),
        ("United States", Place, &["US", "U.S.", "America"]),
        ("Iraq", Place, &[]),
        ("Iran", Place, &[]),
        ("Baghdad", Place, &[]),
        ("Tahrir Square", Place, &[]),
        ("Green Zone", Place, &[]),
        ("Popular Mobilization Units", Organization, &["PMU"]),
        ("Islamic State Group", Organization, &["ISIS"]),
    ];
    for (name, kind, other_names) in expected {
        let mut names = other_names.to_vec();
        names.push(name);
        let found = entities_named(&analysis, &names);
        assert_eq!(found.len(), 1, "{name}: {found:?}\n{}", listing(&analysis));
        assert_eq!(found[0].name, *name, "\n{}", listing(&analysis));
        assert_eq!(found[0].kind, *kind, "{name}\n{}", listing(&analysis));
    }
}
