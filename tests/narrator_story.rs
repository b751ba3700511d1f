//! The narrator entity through the whole analysis: a first-person story
//! gets one, named from the text when it gives a name; a news story quoting
//! a witness does not.

use storyscope::analysis::{self, Analysis, AnalysisOptions, Entity, MentionForm};
use storyscope::corpus::{self, Corpus};

fn analyse(text: &str) -> (Corpus, Analysis) {
    let document =
        corpus::document_from_bytes("story.txt", text.as_bytes().to_vec()).expect("loads");
    let corpus = Corpus::from_documents(vec![document]);
    let analysis = analysis::analyze(&corpus, &AnalysisOptions::default());
    (corpus, analysis)
}

fn first_person(entity: &Entity) -> Vec<&str> {
    entity
        .mentions
        .iter()
        .filter(|m| m.form == MentionForm::Pronoun)
        .map(|m| m.text.as_str())
        .filter(|t| {
            matches!(
                t.to_lowercase().as_str(),
                "i" | "me" | "my" | "mine" | "myself"
            )
        })
        .collect()
}

const MEMOIR: &str = "Call me Ishmael. Some years ago I thought I would sail about a little \
and see the watery part of the world. It is a way I have of driving off the spleen.\n\n\
Whenever I find myself growing grim about the mouth, I account it high time to get to sea as \
soon as I can. My mind is made up. Captain Ahab met me at the quay, and he nodded.\n\n\
\"You are late,\" said Ahab. He turned away from me. I followed him up the plank, and my bag \
was heavy on my back. I did not mind.\n";

#[test]
fn a_first_person_story_has_a_named_narrator() {
    let (_, analysis) = analyse(MEMOIR);
    let narrator = analysis
        .entities
        .iter()
        .find(|e| e.name == "Ishmael")
        .unwrap_or_else(|| {
            panic!(
                "no Ishmael: {:?}",
                analysis
                    .entities
                    .iter()
                    .map(|e| &e.name)
                    .collect::<Vec<_>>()
            )
        });
    let linked = first_person(narrator);
    assert!(linked.len() >= 12, "{linked:?}");
    // "he" after the narrator's "me" is Ahab, not the narrator.
    assert!(narrator
        .mentions
        .iter()
        .all(|m| !matches!(m.text.as_str(), "he" | "He" | "him")));
    // Ids are positions, and nothing points past the list.
    for (i, e) in analysis.entities.iter().enumerate() {
        assert_eq!(e.id, i);
    }
    assert!(analysis
        .quotes
        .iter()
        .all(|q| q.speaker.is_none_or(|s| s < analysis.entities.len())));
}

#[test]
fn an_unnamed_narrator_is_the_narrator() {
    let text = MEMOIR.replace("Call me Ishmael. ", "");
    let (_, analysis) = analyse(&text);
    let narrator = analysis
        .entities
        .iter()
        .find(|e| e.name == "Narrator")
        .expect("a Narrator entity");
    assert_eq!(narrator.name_count(), 0);
    assert!(first_person(narrator).len() >= 12);
}

#[test]
fn a_witness_quoted_in_the_news_is_no_narrator() {
    let text = "Flooding closed the main road through Dover on Tuesday, officials said.\n\n\
\"I saw the water rise, I ran, I called my wife, and I told my neighbours to leave. I have never \
seen anything like it in my life,\" said Mary Jones, who lives by the river.\n\n\
The council said the road would stay closed until Friday while engineers inspect the bridge. \
Residents were told to avoid the area and to follow the advice of the emergency services.\n";
    let (_, analysis) = analyse(text);
    assert!(analysis
        .entities
        .iter()
        .all(|e| !e.name.starts_with("Narrator")));
    // Her "I" stays hers.
    let mary = analysis
        .entities
        .iter()
        .find(|e| e.name == "Mary Jones")
        .expect("Mary Jones");
    assert!(first_person(mary).len() >= 5, "{:?}", first_person(mary));
}
