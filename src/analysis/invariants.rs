//! The span invariants every analysis keeps, as one checker shared by the
//! property tests and the fuzz targets: paragraphs ordered, disjoint and on
//! char boundaries inside their document; every mention, timeline entry and
//! quote on char boundaries inside the file, mentions and timeline entries
//! inside their paragraph and spelling the text they claim.

use super::Analysis;
use crate::corpus::Corpus;

/// The first broken invariant, described.
pub fn check(corpus: &Corpus, analysis: &Analysis) -> Result<(), String> {
    check_paragraphs(corpus)?;
    for entity in &analysis.entities {
        for m in &entity.mentions {
            let what = format!("mention {:?} of {}", m.text, entity.name);
            check_span(corpus, m.document, Some(m.paragraph), m.start, m.end, &what)?;
            let text = &corpus.documents[m.document].text[m.start..m.end];
            if text != m.text {
                return Err(format!("{what}: the file says {text:?}"));
            }
        }
    }
    for t in &analysis.timeline {
        let what = format!("timeline entry {:?}", t.text);
        check_span(corpus, t.document, Some(t.paragraph), t.start, t.end, &what)?;
    }
    for q in &analysis.quotes {
        check_span(corpus, q.document, None, q.start, q.end, "quote")?;
        if let Some(cue) = q.cue {
            check_span(corpus, q.document, None, cue.start, cue.end, "quote cue")?;
        }
    }
    Ok(())
}

fn check_paragraphs(corpus: &Corpus) -> Result<(), String> {
    for (i, p) in corpus.paragraphs.iter().enumerate() {
        if p.id != i {
            return Err(format!("paragraph {i} has id {}", p.id));
        }
        let Some(doc) = corpus.documents.get(p.document) else {
            return Err(format!("paragraph {i} of a missing document"));
        };
        let fits = p.start < p.end
            && p.end <= doc.text.len()
            && doc.text.is_char_boundary(p.start)
            && doc.text.is_char_boundary(p.end)
            && doc.body.start <= p.start
            && p.end <= doc.body.end;
        if !fits {
            return Err(format!(
                "paragraph {i} {}..{} outside its body",
                p.start, p.end
            ));
        }
        if let Some(next) = corpus.paragraphs.get(i + 1) {
            let ordered =
                next.document > p.document || (next.document == p.document && next.start >= p.end);
            if !ordered {
                return Err(format!(
                    "paragraphs {i} and {} overlap or are out of order",
                    i + 1
                ));
            }
        }
    }
    Ok(())
}

fn check_span(
    corpus: &Corpus,
    document: usize,
    paragraph: Option<usize>,
    start: usize,
    end: usize,
    what: &str,
) -> Result<(), String> {
    let Some(doc) = corpus.documents.get(document) else {
        return Err(format!("{what}: no document {document}"));
    };
    let on_boundaries = start <= end
        && end <= doc.text.len()
        && doc.text.is_char_boundary(start)
        && doc.text.is_char_boundary(end);
    if !on_boundaries {
        return Err(format!(
            "{what}: {start}..{end} not on char boundaries of the file"
        ));
    }
    let source = doc.source.range_to_source(start..end);
    if source.start > source.end || source.end > doc.source_len {
        return Err(format!("{what}: source bytes {source:?} outside the file"));
    }
    if let Some(paragraph) = paragraph {
        let Some(p) = corpus.paragraphs.get(paragraph) else {
            return Err(format!("{what}: no paragraph {paragraph}"));
        };
        if p.document != document || start < p.start || end > p.end {
            return Err(format!(
                "{what}: {start}..{end} outside paragraph {paragraph} ({}..{})",
                p.start, p.end
            ));
        }
    }
    Ok(())
}
