//! The HTML report as text, without a browser: self-contained, escaped,
//! well nested where mentions and quotes overlap or a quote runs over
//! paragraphs, and one row per entity and one item per quote.

mod export_fixture;

use storyscope::analysis::quotes::Quote;
use storyscope::analysis::{self, AnalysisOptions};
use storyscope::export::html;

/// The tags that open and close inside the text, checked like a parser
/// would: every close matches the last open.
fn assert_well_nested(html: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("a tag ends");
        let tag = &rest[..end];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split([' ', '\n'])
            .next()
            .unwrap_or("");
        if ![
            "p", "mark", "span", "a", "li", "ol", "tr", "td", "table", "section", "article",
        ]
        .contains(&name)
        {
            continue;
        }
        if closing {
            assert_eq!(
                stack.pop(),
                Some(name),
                "</{name}> closes the last open tag"
            );
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn body(html: &str) -> &str {
    let start = html.find("<main>").expect("main");
    let end = html.find("</main>").expect("main ends");
    &html[start..end]
}

#[test]
fn the_report_loads_nothing_and_escapes_everything() {
    let corpus = export_fixture::corpus();
    for analysis in [
        export_fixture::analysis(&corpus),
        analysis::analyze(&corpus, &AnalysisOptions::default()),
    ] {
        let report = html::report(&corpus, &analysis);
        for outside in [
            "http://", "https://", "src=", "@import", "url(", "<link", "<iframe", "<img",
        ] {
            assert!(
                !report.contains(outside),
                "the report refers outside: {outside}"
            );
        }
        assert!(report.contains("Content-Security-Policy\" content=\"default-src 'none'"));
        assert_eq!(
            report.matches("<script").count(),
            2,
            "only the report's own scripts"
        );
        assert!(!report.contains("<b>bold</b>"));
        assert!(report.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!report.contains('\u{1b}'), "no raw escape character");
        assert_well_nested(body(&report));
        for entity in &analysis.entities {
            assert!(report.contains(&format!("<tr id=\"e-{}\"", entity.id)));
        }
        assert_eq!(
            report.matches("<li class=\"quote\"").count(),
            analysis.quotes.len()
        );
    }
}

#[test]
fn quotes_over_paragraphs_and_across_mentions_stay_well_nested() {
    let corpus = export_fixture::corpus();
    let mut analysis = export_fixture::analysis(&corpus);
    // One quote from the middle of "Mara Quint" in ¶2 to "replied" in ¶4:
    // it cuts a mention, spans three paragraphs and holds other quotes
    // (where two quotes overlap, the first one marks the text).
    let (start, _) = export_fixture::find("Quint", 0);
    let (_, end) = export_fixture::find("replied", 0);
    let text = &export_fixture::TEXT[start..end];
    analysis.quotes.push(Quote {
        id: 4,
        document: 0,
        paragraph: corpus.paragraph_at(0, start).expect("in a paragraph"),
        start,
        end,
        text: text.to_string(),
        speaker: Some(2),
        cue: None,
    });
    let report = html::report(&corpus, &analysis);
    assert_well_nested(body(&report));
    let marked = report.matches("data-q=\"4\"").count();
    assert_eq!(marked, 3, "one mark in each paragraph it touches");
    assert!(report.contains("data-speaker=\"Jerry\""));
    // The mention "Mara Quint" is cut in two marks, both of the entity.
    let text_section = &report[report.find("<section id=\"text\">").expect("text")..];
    let paragraph = &text_section[text_section.find("<p id=\"p-1\"").expect("¶2")..];
    let paragraph = &paragraph[..paragraph.find("</p>").expect("end")];
    assert_eq!(paragraph.matches("data-e=\"0\"").count(), 2, "{paragraph}");
}
