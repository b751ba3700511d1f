//! Quotes of the bundled news story, end to end: every quote of speech gets
//! its speaker, slogans and scare quotes get none, and the JSON carries them.

use storyscope::analysis::{analyze, Analysis, AnalysisOptions, MentionForm};
use storyscope::corpus;

fn analysis() -> (corpus::Corpus, Analysis) {
    let corpus = corpus::load_bundled();
    let analysis = analyze(&corpus, &AnalysisOptions::default());
    (corpus, analysis)
}

/// The speaker's display name of the quote that starts with `opening`.
fn speaker_of<'a>(analysis: &'a Analysis, opening: &str) -> Option<&'a str> {
    let quote = analysis
        .quotes
        .iter()
        .find(|q| q.text.starts_with(opening))
        .unwrap_or_else(|| panic!("no quote opens with {opening:?}: {:#?}", analysis.quotes));
    let id = quote.speaker?;
    analysis
        .entities
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.name.as_str())
}

#[test]
fn every_speech_quote_gets_its_speaker() {
    let (_, analysis) = analysis();
    let expected = [
        ("“Constitutionally", "Sistani"),
        ("“it is an important step", "Sistani"),
        ("“the resistance will stop", "al-Sadr"),
        ("“again proved", "Farhad Alaadin"),
        ("“The American troops", "Amer Saad"),
        ("“I am ready to fight", "Amer Saad"),
        ("“I am not against", "Yahya Mohammed"),
        ("“It indicated", "Ali Shamkhani"),
        ("“stood before Iranians”", "Mohammad Hassan Abutorabifard"),
        ("“The legitimacy", "Mohammad Hassan Abutorabifard"),
    ];
    for (opening, speaker) in expected {
        let found = speaker_of(&analysis, opening);
        assert!(
            found.is_some_and(|name| name.contains(speaker)),
            "{opening}: expected {speaker}, got {found:?}"
        );
    }
}

#[test]
fn slogans_and_scare_quotes_have_no_speaker() {
    let (_, analysis) = analysis();
    for opening in ["“million man”", "“countdown”"] {
        assert_eq!(speaker_of(&analysis, opening), None, "{opening}");
    }
}

#[test]
fn quote_spans_cover_their_marks_and_cues_point_at_the_text() {
    let (corpus, analysis) = analysis();
    let text = &corpus.documents[0].text;
    assert!(analysis.quotes.len() >= 12, "{:#?}", analysis.quotes);
    for (i, quote) in analysis.quotes.iter().enumerate() {
        assert_eq!(quote.id, i);
        assert_eq!(&text[quote.start..quote.end], quote.text);
        assert!(quote.text.starts_with('“'), "{quote:?}");
        if let Some(cue) = quote.cue {
            assert!(cue.start < cue.end && cue.end <= text.len(), "{quote:?}");
        }
    }
}

#[test]
fn the_pronoun_of_a_cue_is_a_mention_of_the_speaker() {
    let (corpus, analysis) = analysis();
    let text = &corpus.documents[0].text;
    let shamkhani = analysis
        .entities
        .iter()
        .find(|e| e.name == "Ali Shamkhani")
        .expect("Ali Shamkhani");
    let he = shamkhani
        .mentions
        .iter()
        .find(|m| m.form == MentionForm::Pronoun)
        .expect("a pronoun linked to Ali Shamkhani");
    assert_eq!(&text[he.start..he.end], "he");
    assert_eq!(he.text, "he");
}

#[test]
fn json_version_2_has_quotes_and_mention_forms() {
    let (corpus, analysis) = analysis();
    let json: serde_json::Value =
        serde_json::from_str(&storyscope::export::to_json(&corpus, &analysis)).expect("json");
    assert_eq!(json["version"], 2);
    let quotes = json["quotes"].as_array().expect("quotes array");
    assert_eq!(quotes.len(), analysis.quotes.len());
    for key in [
        "id",
        "document",
        "paragraph",
        "start",
        "end",
        "text",
        "speaker",
        "cue",
    ] {
        assert!(
            quotes[0].get(key).is_some(),
            "quote lacks {key}: {}",
            quotes[0]
        );
    }
    let forms: Vec<&str> = json["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .flat_map(|e| e["mentions"].as_array().into_iter().flatten())
        .filter_map(|m| m["form"].as_str())
        .collect();
    assert!(
        forms.contains(&"name") && forms.contains(&"pronoun"),
        "{forms:?}"
    );
}
