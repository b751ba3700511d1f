//! Project Gutenberg header and footer detection.

use std::ops::Range;

/// Finds the body between `*** START OF THE/THIS PROJECT GUTENBERG EBOOK ... ***`
/// and `*** END OF ... ***`. Returns the body range and the title from the
/// header's `Title:` line (or from the START marker) when the markers exist.
pub fn strip(text: &str, range: Range<usize>) -> Option<(Range<usize>, Option<String>)> {
    let region = &text[range.clone()];
    let start_marker = find_marker_line(region, "*** START OF")?;
    let body_start = range.start + start_marker.end;
    let body_end = find_marker_line(&text[body_start..range.end], "*** END OF")
        .map(|m| body_start + m.start)
        .unwrap_or(range.end);
    let header = &region[..start_marker.start];
    let title = header_title(header).or_else(|| marker_title(&region[start_marker.clone()]));
    Some((body_start..body_end, title))
}

/// The byte range (within `text`) of the whole line holding a marker.
fn find_marker_line(text: &str, marker: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(marker) && trimmed.contains("PROJECT GUTENBERG") {
            return Some(offset..offset + line.len());
        }
        offset += line.len();
    }
    None
}

fn header_title(header: &str) -> Option<String> {
    let line = header
        .lines()
        .find_map(|l| l.trim().strip_prefix("Title:"))?
        .trim();
    (!line.is_empty()).then(|| line.to_string())
}

fn marker_title(marker_line: &str) -> Option<String> {
    let rest = marker_line.trim().trim_start_matches('*').trim();
    let rest = rest.trim_end_matches('*').trim();
    let idx = rest.find("EBOOK")? + "EBOOK".len();
    let title = rest[idx..].trim();
    (!title.is_empty()).then(|| title.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_header_and_footer_with_title() {
        let text = "\u{feff}The Project Gutenberg eBook\r\nTitle: Moby Dick\r\n\r\n*** START OF THE PROJECT GUTENBERG EBOOK MOBY DICK ***\r\nCall me Ishmael.\r\n*** END OF THE PROJECT GUTENBERG EBOOK MOBY DICK ***\r\nlicence\r\n";
        let (body, title) = strip(text, 0..text.len()).expect("markers");
        assert_eq!(&text[body], "Call me Ishmael.\r\n");
        assert_eq!(title.as_deref(), Some("Moby Dick"));
    }

    #[test]
    fn older_this_marker_and_title_from_marker() {
        let text = "*** START OF THIS PROJECT GUTENBERG EBOOK EMMA ***\nBody.\n";
        let (body, title) = strip(text, 0..text.len()).expect("markers");
        assert_eq!(&text[body], "Body.\n");
        assert_eq!(title.as_deref(), Some("EMMA"));
    }

    #[test]
    fn plain_text_has_no_markers() {
        assert!(strip("Just a story.", 0..13).is_none());
    }
}
