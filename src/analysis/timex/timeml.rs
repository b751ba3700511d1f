//! Reads TimeML (`.tml`) files: the text of the TEXT element with the
//! gold TIMEX3 spans, and the document creation time.

use anyhow::{Context as _, Result};
use jiff::civil::Date;
use roxmltree::{Document, Node};

use crate::analysis::TimexType;

/// A gold temporal expression; offsets are bytes into [`TimemlDocument::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub start: usize,
    pub end: usize,
    pub timex_type: Option<TimexType>,
    pub value: String,
}

/// One annotated document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDocument {
    /// Character content of TEXT: tags removed, entities decoded.
    pub text: String,
    /// The value of the TIMEX3 with `functionInDocument="CREATION_TIME"`.
    pub creation_date: Option<Date>,
    pub timexes: Vec<GoldTimex>,
}

/// Parses one TimeML document.
pub fn parse(xml: &str) -> Result<TimemlDocument> {
    let document = Document::parse(xml).context("not well-formed XML")?;
    let creation_date = document
        .descendants()
        .find(|n| {
            n.has_tag_name("TIMEX3") && n.attribute("functionInDocument") == Some("CREATION_TIME")
        })
        .and_then(|n| n.attribute("value"))
        .and_then(|v| v.get(..10))
        .and_then(|v| v.parse::<Date>().ok());
    let body = document
        .descendants()
        .find(|n| n.has_tag_name("TEXT"))
        .context("no TEXT element")?;
    let mut parsed = TimemlDocument {
        text: String::new(),
        creation_date,
        timexes: Vec::new(),
    };
    collect(body, &mut parsed);
    Ok(parsed)
}

fn collect(node: Node, into: &mut TimemlDocument) {
    for child in node.children() {
        if child.is_text() {
            into.text.push_str(child.text().unwrap_or_default());
        } else if child.is_element() {
            let start = into.text.len();
            collect(child, into);
            if child.has_tag_name("TIMEX3") {
                into.timexes.push(GoldTimex {
                    start,
                    end: into.text.len(),
                    timex_type: child.attribute("type").and_then(parse_type),
                    value: child.attribute("value").unwrap_or_default().to_string(),
                });
            }
        }
    }
}

fn parse_type(name: &str) -> Option<TimexType> {
    Some(match name {
        "DATE" => TimexType::Date,
        "TIME" => TimexType::Time,
        "DURATION" => TimexType::Duration,
        "SET" => TimexType::Set,
        _ => return None,
    })
}
