//! Timeline entries name the entities of their own clause, and `--date`
//! style reference dates resolve relative expressions.

use jiff::civil::date;
use storyscope::analysis::timeline::{build, Located};
use storyscope::analysis::timex::tag;
use storyscope::analysis::{analyze, AnalysisOptions, Entity, EntityKind, Mention};
use storyscope::corpus::{document_from_bytes, Corpus};

const STORY: &str =
    "Al-Sadr won the most seats in the May 2018 elections, while Iran fired missiles last week.\n";

fn corpus() -> Corpus {
    let document = document_from_bytes("story.txt", STORY.as_bytes().to_vec()).expect("plain text");
    Corpus::from_documents(vec![document])
}

fn entity(id: usize, name: &str, kind: EntityKind) -> Entity {
    let start = STORY.find(name).unwrap_or_default();
    Entity {
        id,
        name: name.to_string(),
        kind,
        aliases: Vec::new(),
        mentions: vec![Mention {
            document: 0,
            paragraph: 0,
            start,
            end: start + name.len(),
            kind,
            text: name.to_string(),
            form: storyscope::analysis::MentionForm::Name,
        }],
    }
}

#[test]
fn entries_list_the_entities_of_their_clause_only() {
    let corpus = corpus();
    let text = &corpus.documents[0].text;
    let located: Vec<Located> = tag(text, 0..text.len(), Some(date(2020, 1, 24)))
        .into_iter()
        .map(|expression| Located {
            document: 0,
            paragraph: 0,
            expression,
            sentence: 0..text.len(),
        })
        .collect();
    let entities = [
        entity(0, "Al-Sadr", EntityKind::Person),
        entity(1, "Iran", EntityKind::Place),
    ];
    let timeline = build(&corpus, located, &entities);
    let may = timeline
        .iter()
        .find(|e| e.value == "2018-05")
        .expect("May 2018");
    assert_eq!(may.entities, [0]);
    let week = timeline
        .iter()
        .find(|e| e.text == "last week")
        .expect("last week");
    assert_eq!(week.value, "2020-W03");
    assert_eq!(week.entities, [1]);
    assert_eq!(timeline[0].value, "2018-05", "sorted by date");
}

#[test]
fn a_reference_date_option_resolves_relative_expressions() {
    let options = AnalysisOptions {
        reference_date: Some(date(2020, 1, 24)),
        ..AnalysisOptions::default()
    };
    let analysis = analyze(&corpus(), &options);
    assert!(analysis.timeline.iter().any(|e| e.value == "2020-W03"));
    // Without one, "last week" keeps its placeholder.
    let analysis = analyze(&corpus(), &AnalysisOptions::default());
    assert!(analysis.timeline.iter().any(|e| e.value == "XXXX-WXX"));
}
