//! Speakers whose names the tagger missed: the speech cue shows they are
//! people ("“…,” Pink observed"), end to end through the analysis.

use storyscope::analysis::{analyze, Analysis, AnalysisOptions, EntityKind, MentionForm};
use storyscope::corpus::{document_from_text, Corpus};

const RANCH: &str = "The boys were grouped around the door of the bunk-house when the \
stranger rode in.\n\n\
“He's some gaudy to look at,” Irish murmured under his breath.\n\n\
“And I'll gamble that's a spot higher than he stacks up,” Pink observed with a grin.\n\n\
Pink rolled a cigarette and looked at the stranger again.\n\n\
“Just take a look at him!” cried Pink.\n";

fn analysis() -> Analysis {
    let corpus = Corpus::from_documents(vec![document_from_text(
        "ranch.txt".to_string(),
        RANCH.to_string(),
    )]);
    analyze(&corpus, &AnalysisOptions::default())
}

fn speaker_of<'a>(
    analysis: &'a Analysis,
    opening: &str,
) -> Option<&'a storyscope::analysis::Entity> {
    let quote = analysis
        .quotes
        .iter()
        .find(|q| q.text.starts_with(opening))?;
    analysis
        .entities
        .iter()
        .find(|e| Some(e.id) == quote.speaker)
}

#[test]
fn a_nickname_in_a_cue_is_one_person_speaking_all_its_quotes() {
    let analysis = analysis();
    let gamble = speaker_of(&analysis, "“And I'll gamble").expect("a speaker for Pink's quote");
    let look = speaker_of(&analysis, "“Just take a look").expect("a speaker for Pink's cry");
    assert_eq!(gamble.id, look.id);
    assert_eq!(gamble.kind, EntityKind::Person);
    assert!(gamble.name.contains("Pink"), "{}", gamble.name);
    // "Pink rolled a cigarette" is one of his name mentions.
    let rolled = RANCH.find("Pink rolled").unwrap();
    assert!(
        gamble
            .mentions
            .iter()
            .any(|m| m.form == MentionForm::Name && m.start == rolled),
        "{:?}",
        gamble.mentions
    );
}

#[test]
fn a_demonym_used_as_a_name_in_a_cue_is_a_person_not_a_place() {
    let analysis = analysis();
    let irish = speaker_of(&analysis, "“He's some gaudy").expect("a speaker for Irish's quote");
    assert_eq!(irish.kind, EntityKind::Person, "{irish:?}");
    assert!(irish.name.contains("Irish"), "{}", irish.name);
    // No place is left that only the demonym named, and "Irish" is his name.
    let murmured = RANCH.find("Irish murmured").unwrap();
    assert!(
        irish.mentions.iter().any(|m| m.start == murmured),
        "{irish:?}"
    );
    assert!(
        !analysis
            .entities
            .iter()
            .any(|e| e.kind != EntityKind::Person
                && e.mentions.iter().any(|m| m.start == murmured)),
        "{:?}",
        analysis.entities
    );
}
