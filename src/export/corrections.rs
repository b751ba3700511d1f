//! The reader's corrections in the exports: a `corrections.csv` table
//! beside the others and a section of the HTML report, both written only
//! when the story has corrections.

use std::fmt::Write as _;

use anyhow::{Context, Result};

use super::html::escape;
use crate::corrections::{Correction, Outcome};

/// The name of the CSV table.
pub const CSV_FILE: &str = "corrections.csv";

/// One row per correction, in the order applied.
pub fn csv(outcomes: &[Outcome]) -> Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "action", "entity", "alias", "into", "name", "kind", "applied", "note",
    ])?;
    for o in outcomes {
        let (action, entity, alias, into, name, kind) = match &o.correction {
            Correction::Merge { entities, name } => {
                ("merge", entities.join("; "), "", "", name.as_str(), "")
            }
            Correction::Split {
                entity,
                alias,
                into,
            } => (
                "split",
                entity.clone(),
                alias.as_str(),
                into.as_deref().unwrap_or(""),
                "",
                "",
            ),
            Correction::Rename { entity, name } => {
                ("rename", entity.clone(), "", "", name.as_str(), "")
            }
            Correction::Retype { entity, kind } => {
                ("retype", entity.clone(), "", "", "", kind.as_str())
            }
            Correction::Hide { entity } => ("hide", entity.clone(), "", "", "", ""),
        };
        let applied = if o.applied { "true" } else { "false" };
        writer.write_record([action, &entity, alias, into, name, kind, applied, &o.note])?;
    }
    let bytes = writer.into_inner().context("CSV buffer")?;
    String::from_utf8(bytes).context("CSV text")
}

/// The report's section listing the corrections ("" without any).
pub fn html_section(outcomes: &[Outcome]) -> String {
    if outcomes.is_empty() {
        return String::new();
    }
    let mut out =
        String::from("<section id=\"corrections\">\n<h2>Corrections by the reader</h2>\n<ul>\n");
    for o in outcomes {
        let state = if o.applied {
            "applied"
        } else {
            "matched nothing (kept)"
        };
        let _ = writeln!(
            out,
            "<li>{} <small>({state}: {})</small></li>",
            escape(&o.correction.describe()),
            escape(&o.note)
        );
    }
    out.push_str("</ul>\n</section>\n");
    out
}
