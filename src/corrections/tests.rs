use super::store::{self, LoadError};
use super::*;
use crate::analysis::quotes::{Quote, Span};
use crate::analysis::{Analysis, Entity, Mention, MentionForm, TimelineEntry, TimexType};

fn mention(paragraph: usize, start: usize, text: &str, form: MentionForm) -> Mention {
    Mention {
        document: 0,
        paragraph,
        start,
        end: start + text.len(),
        kind: EntityKind::Person,
        text: text.to_string(),
        form,
    }
}

fn entity(id: usize, name: &str, aliases: &[&str], mentions: Vec<Mention>) -> Entity {
    Entity {
        id,
        name: name.to_string(),
        kind: EntityKind::Person,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions,
    }
}

/// John (with "Cavendish" wrongly among his names), Mr. Cavendish, Heaven.
fn analysis() -> Analysis {
    use MentionForm::{Name, Pronoun};
    let john = entity(
        0,
        "John",
        &["Cavendish"],
        vec![
            mention(0, 0, "John", Name),
            mention(0, 10, "he", Pronoun),
            mention(1, 100, "Cavendish", Name),
            mention(1, 120, "he", Pronoun),
            mention(2, 200, "John", Name),
        ],
    );
    let cavendish = entity(
        1,
        "Mr. Cavendish",
        &[],
        vec![
            mention(1, 140, "Mr. Cavendish", Name),
            mention(3, 300, "Mr. Cavendish", Name),
        ],
    );
    let heaven = entity(2, "Heaven", &[], vec![mention(2, 220, "Heaven", Name)]);
    Analysis {
        entities: vec![john, cavendish, heaven],
        timeline: vec![TimelineEntry {
            id: 0,
            document: 0,
            paragraph: 1,
            start: 90,
            end: 98,
            text: "May 1915".into(),
            timex_type: TimexType::Date,
            value: "1915-05".into(),
            event: "Cavendish came".into(),
            entities: vec![0, 1],
            interval: None,
        }],
        quotes: vec![
            Quote {
                id: 0,
                document: 0,
                paragraph: 1,
                start: 60,
                end: 95,
                text: "\"Hello\"".into(),
                speaker: Some(0),
                cue: Some(Span {
                    start: 100,
                    end: 115,
                }),
            },
            Quote {
                id: 1,
                document: 0,
                paragraph: 2,
                start: 230,
                end: 240,
                text: "\"Bye\"".into(),
                speaker: Some(2),
                cue: None,
            },
        ],
    }
}

fn names(a: &Analysis) -> Vec<&str> {
    a.entities.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn no_corrections_change_nothing() {
    let base = analysis();
    let out = apply(&base, &[]);
    assert_eq!(out.analysis, base);
    assert!(out.outcomes.is_empty());
}

#[test]
fn merge_joins_mentions_aliases_and_speakers() {
    let base = analysis();
    let merge = Correction::Merge {
        entities: vec!["John".into(), "Mr. Cavendish".into()],
        name: "John Cavendish".into(),
    };
    let out = apply(&base, &[merge]);
    assert!(out.outcomes[0].applied, "{:?}", out.outcomes);
    assert_eq!(names(&out.analysis), ["John Cavendish", "Heaven"]);
    let merged = &out.analysis.entities[0];
    assert_eq!(merged.mentions.len(), 7);
    assert!(merged.mentions.windows(2).all(|w| w[0].start < w[1].start));
    assert_eq!(merged.aliases, ["John", "Cavendish", "Mr. Cavendish"]);
    assert_eq!(out.analysis.timeline[0].entities, [0]);
    assert_eq!(out.analysis.quotes[0].speaker, Some(0));
    assert_eq!(
        out.analysis.quotes[1].speaker,
        Some(1),
        "Heaven is now id 1"
    );
    assert!(out.notes[0][0].contains("merged by you from John, Mr. Cavendish"));
    assert!(out.notes[1].is_empty());
}

#[test]
fn split_moves_an_alias_and_its_pronouns_out() {
    let base = analysis();
    let split = Correction::Split {
        entity: "John".into(),
        alias: "Cavendish".into(),
        into: None,
    };
    let out = apply(&base, &[split]);
    assert!(out.outcomes[0].applied, "{:?}", out.outcomes);
    assert_eq!(
        names(&out.analysis),
        ["John", "Cavendish", "Mr. Cavendish", "Heaven"]
    );
    let john = &out.analysis.entities[0];
    assert_eq!(john.mentions.len(), 3);
    assert!(john.aliases.is_empty());
    let cavendish = &out.analysis.entities[1];
    let texts: Vec<&str> = cavendish.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Cavendish", "he"]);
    // The quote's cue names Cavendish, so he says it now; the timeline entry's
    // paragraph has Cavendish, not John.
    assert_eq!(out.analysis.quotes[0].speaker, Some(1));
    assert_eq!(out.analysis.timeline[0].entities, [1, 2]);
    assert_eq!(out.notes[1], ["split by you out of John"]);
}

#[test]
fn split_into_another_entity() {
    let base = analysis();
    let split = Correction::Split {
        entity: "John".into(),
        alias: "Cavendish".into(),
        into: Some("Mr. Cavendish".into()),
    };
    let out = apply(&base, &[split]);
    assert!(out.outcomes[0].applied);
    let cavendish = &out.analysis.entities[1];
    assert_eq!(cavendish.name, "Mr. Cavendish");
    assert_eq!(cavendish.mentions.len(), 4);
    assert_eq!(cavendish.aliases, ["Cavendish"]);
    assert_eq!(out.analysis.quotes[0].speaker, Some(1));
}

#[test]
fn rename_retype_and_hide() {
    let base = analysis();
    let list = [
        Correction::Rename {
            entity: "Mr. Cavendish".into(),
            name: "Lawrence Cavendish".into(),
        },
        Correction::Retype {
            entity: "Lawrence Cavendish".into(),
            kind: EntityKind::Place,
        },
        Correction::Hide {
            entity: "Heaven".into(),
        },
    ];
    let out = apply(&base, &list);
    assert!(out.outcomes.iter().all(|o| o.applied), "{:?}", out.outcomes);
    assert_eq!(names(&out.analysis), ["John", "Lawrence Cavendish"]);
    let renamed = &out.analysis.entities[1];
    assert_eq!(renamed.aliases, ["Mr. Cavendish"]);
    assert_eq!(renamed.kind, EntityKind::Place);
    assert!(renamed.mentions.iter().all(|m| m.kind == EntityKind::Place));
    assert_eq!(out.notes[1].len(), 2);
    assert_eq!(out.analysis.quotes[1].speaker, None, "Heaven is gone");
}

#[test]
fn an_alias_finds_its_entity_when_the_name_changed() {
    // A later analysis calls John "John Smith": the correction written
    // against "Cavendish" (an alias) still finds him.
    let mut base = analysis();
    base.entities[0].name = "John Smith".into();
    let split = Correction::Split {
        entity: "Cavendish".into(),
        alias: "Cavendish".into(),
        into: Some("mr. cavendish".into()),
    };
    let out = apply(&base, &[split]);
    assert!(out.outcomes[0].applied, "{:?}", out.outcomes);
    assert_eq!(out.analysis.entities[1].mentions.len(), 4);
}

#[test]
fn corrections_that_no_longer_match_are_reported_and_kept() {
    // The analysis changed: "Cavendish" is no longer one of John's names,
    // and Heaven is split differently (not found at all).
    let mut base = analysis();
    base.entities[0].aliases.clear();
    base.entities[0].mentions.retain(|m| m.text != "Cavendish");
    base.entities.truncate(2);
    let list = vec![
        Correction::Split {
            entity: "John".into(),
            alias: "Cavendish".into(),
            into: None,
        },
        Correction::Hide {
            entity: "Heaven".into(),
        },
        Correction::Rename {
            entity: "John".into(),
            name: "Johnny".into(),
        },
    ];
    let out = apply(&base, &list);
    let applied: Vec<bool> = out.outcomes.iter().map(|o| o.applied).collect();
    assert_eq!(applied, [false, false, true]);
    assert_eq!(out.unmatched().count(), 2);
    assert!(out.outcomes[0].note.contains("no mention \"Cavendish\""));
    assert!(out.outcomes[1].note.contains("no entity \"Heaven\""));
    // The list itself is untouched: the caller keeps it whole.
    assert_eq!(out.outcomes.len(), list.len());
}

#[test]
fn a_merge_with_one_name_missing_still_merges_the_rest() {
    let base = analysis();
    let merge = Correction::Merge {
        entities: vec!["John".into(), "Heaven".into(), "Nobody".into()],
        name: "John".into(),
    };
    let out = apply(&base, &[merge]);
    assert!(out.outcomes[0].applied);
    assert!(out.outcomes[0].note.contains("\"Nobody\""));
    assert_eq!(names(&out.analysis), ["John", "Mr. Cavendish"]);
    let one = Correction::Merge {
        entities: vec!["John".into(), "Nobody".into()],
        name: "John".into(),
    };
    assert!(!apply(&base, &[one]).outcomes[0].applied);
}

#[test]
fn splitting_every_name_is_refused() {
    let base = analysis();
    let split = Correction::Split {
        entity: "Heaven".into(),
        alias: "Heaven".into(),
        into: None,
    };
    let out = apply(&base, &[split]);
    assert!(!out.outcomes[0].applied);
    assert_eq!(out.analysis, base);
}

#[test]
fn merged_then_split_then_merged_again() {
    let base = analysis();
    let list = [
        Correction::Merge {
            entities: vec!["John".into(), "Mr. Cavendish".into()],
            name: "John Cavendish".into(),
        },
        Correction::Split {
            entity: "John Cavendish".into(),
            alias: "Mr. Cavendish".into(),
            into: None,
        },
        Correction::Merge {
            entities: vec!["Mr. Cavendish".into(), "Heaven".into()],
            name: "Mr. Cavendish".into(),
        },
    ];
    let out = apply(&base, &list);
    assert!(out.outcomes.iter().all(|o| o.applied), "{:?}", out.outcomes);
    assert_eq!(names(&out.analysis), ["John Cavendish", "Mr. Cavendish"]);
    let total: usize = out.analysis.entities.iter().map(|e| e.mentions.len()).sum();
    assert_eq!(total, 8, "no mention lost or doubled");
    assert_eq!(out.analysis.quotes[1].speaker, Some(1));
}

#[test]
fn undo_and_redo_replay_the_list() {
    let base = analysis();
    let mut journal = Journal::default();
    journal.push(Correction::Hide {
        entity: "Heaven".into(),
    });
    journal.push(Correction::Rename {
        entity: "John".into(),
        name: "Johnny".into(),
    });
    let now = |j: &Journal| names(&apply(&base, j.in_force()).analysis).join(",");
    assert_eq!(now(&journal), "Johnny,Mr. Cavendish");
    assert!(matches!(journal.undo(), Some(Correction::Rename { .. })));
    assert_eq!(now(&journal), "John,Mr. Cavendish");
    assert!(matches!(journal.undo(), Some(Correction::Hide { .. })));
    assert!(journal.undo().is_none());
    assert_eq!(apply(&base, journal.in_force()).analysis, base);
    assert!(journal.redo().is_some());
    assert!(journal.redo().is_some());
    assert!(journal.redo().is_none());
    assert_eq!(now(&journal), "Johnny,Mr. Cavendish");
    // A new correction after an undo drops the undone one.
    journal.undo();
    journal.push(Correction::Retype {
        entity: "John".into(),
        kind: EntityKind::Other,
    });
    assert_eq!(journal.list.len(), 2);
    assert!(journal.redo().is_none());
    assert_eq!(now(&journal), "John,Mr. Cavendish");
}

fn corpus() -> crate::corpus::Corpus {
    let doc =
        crate::corpus::document_from_text("story.txt".into(), "John met Mr. Cavendish.\n".into());
    crate::corpus::Corpus::from_documents(vec![doc])
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("storyscope-corr-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn sample() -> Vec<Correction> {
    vec![
        Correction::Merge {
            entities: vec!["John".into(), "Mr. Cavendish".into()],
            name: "John Cavendish".into(),
        },
        Correction::Split {
            entity: "John".into(),
            alias: "Cavendish".into(),
            into: None,
        },
        Correction::Retype {
            entity: "Styles".into(),
            kind: EntityKind::Place,
        },
        Correction::Hide {
            entity: "Heaven".into(),
        },
    ]
}

#[test]
fn the_file_round_trips_and_is_readable_toml() {
    let dir = temp_dir("roundtrip");
    let corpus = corpus();
    let path = store::story_file(&dir, &corpus);
    store::save(&path, &corpus, &sample()).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.contains("format = \"storyscope-corrections\""),
        "{text}"
    );
    assert!(
        text.contains("[[correction]]\naction = \"merge\""),
        "{text}"
    );
    let loaded = store::load(&path, &corpus).expect("load");
    assert_eq!(loaded.corrections, sample());
    assert_eq!(loaded.note, None);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_corrupt_file_is_reported_and_kept_aside() {
    let dir = temp_dir("corrupt");
    let corpus = corpus();
    let path = dir.join("mine.toml");
    std::fs::write(
        &path,
        "format = \"storyscope-corrections\"\nversion = 1\n[[correction]\n",
    )
    .expect("write");
    let error = store::load(&path, &corpus).expect_err("corrupt");
    assert!(matches!(error, LoadError::Corrupt { .. }), "{error}");
    assert!(error.to_string().contains("mine.toml"));
    // A correction of an unknown action is corrupt too, not silently dropped.
    std::fs::write(
        &path,
        "format = \"storyscope-corrections\"\nversion = 1\n[[correction]]\naction = \"explode\"\nentity = \"X\"\n",
    )
    .expect("write");
    assert!(matches!(
        store::load(&path, &corpus),
        Err(LoadError::Corrupt { .. })
    ));
    let aside = store::set_aside(&path).expect("aside");
    assert!(!path.exists());
    assert!(std::fs::read_to_string(&aside)
        .expect("kept")
        .contains("explode"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn foreign_files_are_told_apart() {
    let dir = temp_dir("foreign");
    let corpus = corpus();
    let path = dir.join("other.toml");
    // Some other program's TOML.
    std::fs::write(&path, "[package]\nname = \"x\"\n").expect("write");
    assert!(matches!(
        store::load(&path, &corpus),
        Err(LoadError::Foreign { .. })
    ));
    std::fs::write(&path, "format = \"storyscope-corrections\"\nversion = 9\n").expect("write");
    let error = store::load(&path, &corpus).expect_err("newer");
    assert!(error.to_string().contains("version 9"), "{error}");
    // Made for another story: applied by names, with a note.
    let other = crate::corpus::Corpus::from_documents(vec![crate::corpus::document_from_text(
        "other.txt".into(),
        "Another text.\n".into(),
    )]);
    store::save(&path, &other, &sample()).expect("save");
    let loaded = store::load(&path, &corpus).expect("load");
    assert_eq!(loaded.corrections, sample());
    assert!(loaded.note.as_deref().unwrap_or("").contains("other.txt"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_owned_analysis_without_corrections_comes_back_as_it_was() {
    let base = crate::analysis::analyze(
        &crate::corpus::load_bundled(),
        &crate::analysis::AnalysisOptions::default(),
    );
    let corrected = super::apply_owned(base.clone(), &[]);
    assert_eq!(corrected.analysis, base);
    assert!(corrected.outcomes.is_empty());
    assert_eq!(corrected.notes.len(), base.entities.len());
}
