//! Temporal expressions and their TIMEX3 normalisation.
//!
//! The text is cut into tokens, 64 KB at a time; at each token the rules of
//! [`rules::RULES`] are tried and the longest match wins. Its value is
//! computed by [`normalize`] against the reference date: the document date,
//! or, without one (novels), the narrative reference time of [`narrative`].

pub mod anchoring;
pub mod eval;
pub mod lexicon;
pub mod narrative;
pub mod normalize;
pub mod pattern;
pub mod rules;
pub mod timeml;

use std::ops::Range;

use jiff::civil::Date;

use lexicon::{Shape, Tok};
use normalize::{Anchor, Context, Norm, Tense};
use pattern::{Captures, CompiledRule, Grammar};
use rules::Guard;

use super::TimexType;

/// A temporal expression found in one document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TimeExpression {
    pub start: usize,
    pub end: usize,
    pub timex_type: TimexType,
    pub value: String,
    /// In an undated text, the start of the expression whose reference time
    /// gave this relative expression its calendar value.
    pub anchored_at: Option<usize>,
}

/// Finds and normalises the temporal expressions of `text[range]`; byte
/// offsets are into `text`. Without a `reference`, relative expressions
/// are resolved against the last explicit date before them.
pub fn tag(text: &str, range: Range<usize>, reference: Option<Date>) -> Vec<TimeExpression> {
    let Some(body) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut found = tag_text(body, reference);
    for expression in &mut found {
        expression.start += range.start;
        expression.end += range.start;
        if let Some(at) = expression.anchored_at.as_mut() {
            *at += range.start;
        }
    }
    found
}

/// [`tag`] on a whole string.
pub fn tag_text(text: &str, reference: Option<Date>) -> Vec<TimeExpression> {
    tag_text_in_pieces(text, reference, PIECE_BYTES)
}

/// How much text is cut into tokens at a time: the tokens of a whole novel
/// would be the largest thing in memory (a million tokens of 32 bytes).
const PIECE_BYTES: usize = 1 << 16;
/// Tokens kept before the current one: more than any rule looks back.
const CONTEXT_BEHIND: usize = 512;
/// Tokens kept after the current one: more than any rule spans or looks at.
const CONTEXT_AHEAD: usize = 512;

fn tag_text_in_pieces(text: &str, reference: Option<Date>, piece: usize) -> Vec<TimeExpression> {
    let grammar = Grammar::get();
    let mut tagger = Tagger {
        grammar,
        text,
        tokens: Vec::new(),
        scanned: 0,
        piece: piece.max(1),
        anchor: reference.map(Anchor::from_date).unwrap_or_default(),
        narrative: reference.is_none(),
        sections: match reference {
            None => narrative::Sections::new(text),
            Some(_) => narrative::Sections::default(),
        },
        reference: None,
        stated_quarter: None,
        mentioned: None,
        mentioned_at: 0,
    };
    tagger.run()
}

/// The first ASCII whitespace at or after `at` (a place no token spans), or
/// the end of the text.
fn piece_end(text: &str, at: usize) -> usize {
    text.as_bytes()
        .get(at..)
        .and_then(|rest| rest.iter().position(u8::is_ascii_whitespace))
        .map_or(text.len(), |offset| at + offset)
}

struct Tagger<'a> {
    grammar: &'static Grammar,
    text: &'a str,
    /// A window of the text's tokens around the current one (byte offsets
    /// into `text`); see [`Tagger::keep_tokens_around`].
    tokens: Vec<Tok>,
    /// Where the next piece of text to tokenize starts.
    scanned: usize,
    /// Bytes tokenized at a time.
    piece: usize,
    anchor: Anchor,
    /// No document date: the anchor follows the story's reference time.
    narrative: bool,
    /// Paragraphs and chapters, in narrative mode.
    sections: narrative::Sections,
    /// The narrative reference time, once the story has set one.
    reference: Option<narrative::ReferenceTime>,
    /// The last calendar date the text mentioned, for "that year".
    mentioned: Option<Anchor>,
    /// Byte offset of that mention.
    mentioned_at: usize,
    /// The last quarter named in the text (start byte, value), for "a year ago".
    stated_quarter: Option<(usize, String)>,
}

impl Tagger<'_> {
    /// Slides the token window so that it holds [`CONTEXT_AHEAD`] tokens
    /// after `at` (or the rest of the text) and at most [`CONTEXT_BEHIND`]
    /// before it, shifting the token indices `at` and `previous_end`; false
    /// once `at` is past the last token.
    fn keep_tokens_around(&mut self, at: &mut usize, previous_end: &mut usize) -> bool {
        while self.scanned < self.text.len() && *at + CONTEXT_AHEAD >= self.tokens.len() {
            let behind = at.saturating_sub(CONTEXT_BEHIND);
            self.tokens.drain(..behind);
            *at -= behind;
            *previous_end = previous_end.saturating_sub(behind);
            let end = piece_end(self.text, self.scanned + self.piece);
            let lexicon = &self.grammar.lexicon;
            lexicon::tokenize_range(self.text, self.scanned..end, lexicon, &mut self.tokens);
            self.scanned = end;
        }
        *at < self.tokens.len()
    }

    fn run(&mut self) -> Vec<TimeExpression> {
        let mut found = Vec::new();
        let mut at = 0;
        let mut previous_end = 0;
        while self.keep_tokens_around(&mut at, &mut previous_end) {
            let matched =
                self.grammar
                    .longest_match(self.text, &self.tokens, at, |rule, end, captures| {
                        self.guard_passes(rule, at, end, captures)
                    });
            let Some((index, end, captures)) = matched else {
                at += 1;
                continue;
            };
            let rule = self.grammar.rules[index].rule;
            let place = self.sections.locate(self.tokens[at].start);
            if self.narrative {
                self.anchor = self.reference_at(place);
            }
            if let Some(expression) = self.signalled_duration(rule.norm, at, end, &captures) {
                found.push(expression);
                previous_end = end;
                at = end;
                continue;
            }
            // A story is told in the past tense throughout: there the tense
            // says nothing about which side of the anchor a date lies.
            let tense = if self.narrative {
                Tense::Present
            } else {
                self.tense(at, end)
            };
            let anchor = match rule.norm {
                // "in the morning": of the day under discussion.
                Norm::FromMentioned(_) if captures.part_of_day.is_some() => self.recent_day(at),
                Norm::FromMentioned(_) => self.mentioned_for(captures.unit),
                // "at 10 p.m.": on the day under discussion.
                Norm::Clock if captures.month.is_none() && captures.weekday.is_none() => {
                    self.recent_day(at)
                }
                _ => self.anchor,
            };
            let context = Context { anchor, tense };
            let Some(mut value) = normalize::value(rule.norm, &captures, &context) else {
                at += 1;
                continue;
            };
            if let Some(quarter) = self.year_before_quarter(rule.norm, &captures, at) {
                value = quarter;
            }
            if matches!(
                rule.norm,
                Norm::Quarter | Norm::QuarterOfYear(_) | Norm::QuarterShift(-1..=1)
            ) {
                self.stated_quarter = Some((self.tokens[at].start, value.clone()));
            }
            let start = self.extend_left(at, previous_end, rule.norm, rule.timex_type);
            if matches!(rule.norm, Norm::Calendar | Norm::Weekday) {
                if let Some(mentioned) = anchor_of(&value) {
                    self.mentioned = Some(mentioned);
                    self.mentioned_at = self.tokens[at].start;
                }
            }
            let anchored_at = self.anchored_at(rule.norm, &captures, &context, &value);
            if self.narrative {
                // Explicit dates of the story, and days reached from them
                // ("two days later"), become the reference for what follows.
                let explicit = rule.norm == Norm::Calendar && captures.year.is_some();
                let story_time = if explicit {
                    self.is_story_time(at)
                } else {
                    anchored_at.is_some()
                };
                match anchor_of(&value) {
                    Some(anchor) if story_time && (explicit || anchor.day.is_some()) => {
                        self.reference = Some(narrative::ReferenceTime {
                            anchor,
                            at: self.tokens[at].start,
                            place,
                        });
                    }
                    _ => {}
                }
            }
            let second_day = self.second_day(rule.norm, &captures, &value, end);
            found.push(TimeExpression {
                start: self.tokens[start].start,
                end: self.tokens[end - 1].end,
                timex_type: rule.timex_type,
                value,
                anchored_at,
            });
            previous_end = end;
            at = end;
            if let Some(expression) = second_day {
                found.push(expression);
                previous_end = end + 2;
                at = end + 2;
            }
        }
        found
    }

    /// The narrative anchor valid at `place`, or none (placeholders).
    fn reference_at(&self, place: narrative::Place) -> Anchor {
        self.reference
            .filter(|reference| reference.reaches(place))
            .map(|reference| reference.anchor)
            .unwrap_or_default()
    }

    /// In narrative mode, where the reference time that gave `value` a
    /// calendar value was set: the value differs from the one without it.
    fn anchored_at(
        &self,
        norm: Norm,
        captures: &Captures,
        context: &Context,
        value: &str,
    ) -> Option<usize> {
        let reference = self.reference?;
        let calendar = value.starts_with(|c: char| c.is_ascii_digit());
        if !self.narrative || context.anchor == Anchor::default() || !calendar {
            return None;
        }
        let bare = Context {
            anchor: Anchor::default(),
            tense: context.tense,
        };
        (normalize::value(norm, captures, &bare).as_deref() != Some(value)).then_some(reference.at)
    }

    /// An explicit date is a time of the story unless a cue a few words
    /// before it in the sentence says otherwise ("born in", "A.D.") or it
    /// is the source line of a quoted extract.
    fn is_story_time(&self, at: usize) -> bool {
        const REACH: usize = 6;
        let cues = narrative::not_story_time_cues();
        let mut letters = String::new();
        for index in (at.saturating_sub(REACH)..at).rev() {
            // The period of "A.D. 1671" right before the date ends nothing.
            if index + 1 < at && self.ends_sentence(index) {
                break;
            }
            let token = self.tokens[index];
            if token.shape != Shape::Word {
                continue;
            }
            let word = token.text(self.text).to_lowercase();
            // "A.D.", "B.C." come as single letters.
            if word.chars().count() == 1 {
                letters.insert_str(0, &word);
                if cues.contains(&letters.as_str()) {
                    return false;
                }
                continue;
            }
            letters.clear();
            if cues.contains(&word.as_str()) {
                return false;
            }
        }
        let start = self.tokens[at].start;
        !narrative::in_citation(self.text, self.sections.paragraph_start(start), start)
    }

    /// "three days later", "two weeks before" in a dated document count from
    /// an event of the text, not from the document date: as TimeML annotates
    /// them, "three days" is a DURATION and "later" a signal. In a narrative
    /// the anchor is the last date told, so the date itself is kept.
    fn signalled_duration(
        &self,
        norm: Norm,
        at: usize,
        end: usize,
        captures: &Captures,
    ) -> Option<TimeExpression> {
        if self.narrative || !matches!(norm, Norm::Ago(_)) {
            return None;
        }
        let signal = self.tokens[end - 1];
        // "a year earlier" in a report is the year-ago period (a date);
        // "a day earlier" counts from the event just told.
        use lexicon::Unit;
        let short_unit = matches!(
            captures.unit,
            Some(Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week)
        );
        let is_signal = self.is_any(signal, &["later", "before"])
            || (short_unit && self.is_any(signal, &["earlier"]));
        if end - at < 2 || !is_signal {
            return None;
        }
        let start =
            self.grammar
                .prefix_start(&self.grammar.quantity_prefixes, self.text, &self.tokens, at);
        let context = Context {
            anchor: self.anchor,
            tense: Tense::Present,
        };
        Some(TimeExpression {
            start: self.tokens[start].start,
            end: self.tokens[end - 2].end,
            timex_type: TimexType::Duration,
            value: normalize::value(Norm::Duration, captures, &context)?,
            anchored_at: None,
        })
    }

    /// "April 24 and 25": the bare day after a full date is a date of the
    /// same month, tagged on its own as TimeBank does.
    fn second_day(
        &self,
        norm: Norm,
        captures: &Captures,
        value: &str,
        end: usize,
    ) -> Option<TimeExpression> {
        if norm != Norm::Calendar || captures.month.is_none() || captures.day.is_none() {
            return None;
        }
        let [joint, day] = self.tokens.get(end..end + 2)? else {
            return None;
        };
        let is_day = day.shape == Shape::Digits
            && day.digit_count() <= 2
            && captures
                .day
                .is_some_and(|first| u32::from(first) < day.digits);
        if !self.is_any(*joint, &["and", "or", "through", "to"]) || !is_day {
            return None;
        }
        // "May 3 and 4 percent" or "June 1 and 2 others" are not days.
        let after_is_clear = self.tokens.get(end + 2).is_none_or(|t| {
            matches!(t.shape, Shape::Punct(_))
                || self.is_any(*t, &["at", "in", "on", "when", "with", "for", "of", "and"])
        });
        if !after_is_clear {
            return None;
        }
        let (month_part, _) = value.rsplit_once('-')?;
        let date = format!("{month_part}-{:02}", day.digits);
        // Reject 31 April and the like (an unknown year checks as a leap year).
        date.replacen("XXXX", "2000", 1).parse::<Date>().ok()?;
        Some(TimeExpression {
            start: day.start,
            end: day.end,
            timex_type: TimexType::Date,
            value: date,
            anchored_at: None,
        })
    }

    /// The day the text is talking about at token `at`: a day named in the
    /// last few hundred bytes, else the anchor. A clock time or "the
    /// morning" far from any named day is on the document date.
    fn recent_day(&self, at: usize) -> Anchor {
        const REACH: usize = 800;
        let near = self.tokens[at].start.saturating_sub(self.mentioned_at) <= REACH;
        if near {
            self.mentioned_for(None)
        } else {
            self.anchor
        }
    }

    /// The last mentioned date when it is precise enough to count `unit`s
    /// from, else the anchor.
    fn mentioned_for(&self, unit: Option<lexicon::Unit>) -> Anchor {
        use lexicon::Unit;
        let precise = |m: &Anchor| match unit {
            Some(Unit::Year | Unit::Decade | Unit::Century) => m.year.is_some(),
            Some(Unit::Month | Unit::Quarter) => m.month.is_some(),
            _ => m.day.is_some(),
        };
        if self.narrative {
            return self.anchor;
        }
        self.mentioned.filter(precise).unwrap_or(self.anchor)
    }

    /// "a year ago" / "last year" in a sentence about a quarter ("profit
    /// rose in the third quarter from $5 a year earlier") is that quarter
    /// a year before.
    fn year_before_quarter(&self, norm: Norm, captures: &Captures, at: usize) -> Option<String> {
        let year_back = match norm {
            Norm::Ago(-1) => !captures.fuzzy && captures.number.unwrap_or(1) == 1,
            Norm::Shift => captures.shift == Some(-1),
            _ => false,
        };
        // "the 1988 period": that quarter of the year named.
        let period_of_year = norm == Norm::PeriodOfYear && captures.year.is_some();
        if !period_of_year && (!year_back || captures.unit != Some(lexicon::Unit::Year)) {
            return None;
        }
        let (start, value) = self.stated_quarter.as_ref()?;
        // Same sentence for "last year"; "a year ago" may look a few
        // sentences back (bounded, so a text without periods stays linear).
        const REACH: usize = 300;
        let sentences_back = if norm == Norm::Shift { 1 } else { 4 };
        let mut boundaries = (at.saturating_sub(REACH)..at)
            .rev()
            .filter(|&i| self.ends_sentence(i));
        let window_start = boundaries
            .nth(sentences_back - 1)
            .map_or(self.tokens[at.saturating_sub(REACH)].start, |i| {
                self.tokens[i].end
            });
        if *start < window_start {
            return None;
        }
        let (year, quarter) = value.split_once("-Q")?;
        let year: i32 = match captures.year.filter(|_| period_of_year) {
            Some(named) => named,
            None => year.parse::<i32>().ok()? - 1,
        };
        Some(format!("{year:04}-Q{quarter}"))
    }

    /// Takes in modifiers before the match ("early", "nearly", "the end of").
    fn extend_left(
        &self,
        at: usize,
        previous_end: usize,
        norm: Norm,
        timex_type: TimexType,
    ) -> usize {
        let mut start = at;
        let quantity =
            matches!(norm, Norm::Duration | Norm::Ago(_)) || timex_type == TimexType::Duration;
        if quantity {
            start = self.grammar.prefix_start(
                &self.grammar.quantity_prefixes,
                self.text,
                &self.tokens,
                start,
            );
        }
        if timex_type != TimexType::Duration && timex_type != TimexType::Set {
            start = self.grammar.prefix_start(
                &self.grammar.date_prefixes,
                self.text,
                &self.tokens,
                start,
            );
        }
        let mut start = start.max(previous_end.min(at));
        // A modifier in the paragraph before is not this expression's.
        while start < at && self.crosses_paragraph_break(start, at + 1) {
            start += 1;
        }
        start
    }

    /// Whether tokens `at..end` span a blank line: an expression never runs
    /// from one paragraph into the next ("two days later\n\n3 March").
    fn crosses_paragraph_break(&self, at: usize, end: usize) -> bool {
        let end = end.min(self.tokens.len());
        self.tokens.get(at..end).is_some_and(|tokens| {
            tokens.windows(2).any(|pair| {
                let gap = self
                    .text
                    .get(pair[0].end..pair[1].start)
                    .unwrap_or_default();
                gap.matches('\n').count() >= 2 && gap.trim().is_empty()
            })
        })
    }

    fn guard_passes(
        &self,
        rule: &CompiledRule,
        at: usize,
        end: usize,
        captures: &Captures,
    ) -> bool {
        if self.crosses_paragraph_break(at, end) {
            return false;
        }
        let before = at.checked_sub(1).map(|i| self.tokens[i]);
        let after = self.tokens.get(end).copied();
        let word_before = |words: &[&str]| before.is_some_and(|t| self.is_any(t, words));
        match rule.rule.guard {
            Guard::None => true,
            Guard::BareMonth => {
                let next_is_name = after.is_some_and(|t| t.shape == Shape::Word && t.capital);
                if next_is_name {
                    return false;
                }
                !captures.ambiguous_month
                    || before.is_some_and(|t| t.is_punct('-'))
                    || word_before(&[
                        "in", "since", "until", "till", "by", "of", "last", "next", "this",
                        "early", "late", "mid", "during", "from", "through", "before", "after",
                        "to", "between", "and", "or", "through", "end",
                    ])
            }
            Guard::BareYear => self.plausible_year(at, captures),
            Guard::NotAge => {
                let hyphen_old = self.tokens.get(end..end + 2).is_some_and(|pair| {
                    pair[0].is_punct('-') && self.is_any(pair[1], &["old", "olds"])
                });
                let old = after.is_some_and(|t| self.is_any(t, &["old"]));
                !hyphen_old && !old
            }
            Guard::NotRate => {
                let rate = before.is_some_and(|t| {
                    t.shape == Shape::Digits
                        || (t.shape == Shape::Word
                            && !t.capital
                            && t.text(self.text).ends_with('s')
                            && !self.is_any(t, &["was", "is", "has", "as", "its", "this", "his"]))
                        || self.is_any(t, &["million", "billion", "dozen", "hundred", "thousand"])
                });
                !rate && captures.unit != Some(lexicon::Unit::Second)
            }
            Guard::AfterModal => word_before(&[
                "will", "would", "could", "may", "might", "can", "shall", "ll",
            ]),
            Guard::AfterFrequency => {
                self.is_any(self.tokens[at], &["per"])
                    || word_before(&["once", "twice", "thrice", "times"])
            }
            Guard::AfterDurationCue => word_before(&[
                "for", "over", "within", "after", "took", "take", "takes", "taking", "lasted",
                "spent", "in",
            ]),
            Guard::NotGeneric => {
                let possessive = self
                    .tokens
                    .get(end..end + 2)
                    .is_some_and(|pair| pair[0].is_punct('\'') && self.is_any(pair[1], &["s"]));
                !(possessive && word_before(&["in", "of", "for"]))
            }
            Guard::AfterPreposition if after.is_some_and(|t| self.is_any(t, &["of"])) => false,
            Guard::AfterPreposition => word_before(&[
                "in",
                "on",
                "during",
                "of",
                "by",
                "until",
                "through",
                "throughout",
                "since",
                "into",
                "all",
                "over",
                "for",
                "at",
                "early",
                "late",
                "mid",
            ]),
            Guard::BeforeEnded => after.is_some_and(|t| self.is_any(t, &["ended", "ending"])),
            Guard::CalendarUnit => matches!(
                captures.unit,
                Some(
                    lexicon::Unit::Week
                        | lexicon::Unit::Weekend
                        | lexicon::Unit::Month
                        | lexicon::Unit::Year
                )
            ),
            Guard::NotBeforeNumber => !after.is_some_and(|t| {
                t.shape == Shape::Digits || {
                    let lex = self.grammar.lexicon.lex(t.word);
                    lex.number.is_some() || lex.unit.is_some()
                }
            }),
        }
    }

    /// A lone four-digit number reads as a year unless it looks like an
    /// amount ("$1990", "1990 tons", "1,990").
    fn plausible_year(&self, at: usize, captures: &Captures) -> bool {
        let Some(year) = captures.year else {
            return false;
        };
        let token = self.tokens[at];
        let before = at.checked_sub(1).map(|i| self.tokens[i]);
        let after = self.tokens.get(at + 1).copied();
        let prepositions = [
            "in", "since", "of", "by", "from", "until", "before", "after", "during", "to",
            "between", "circa", "and", "through", "early", "late", "mid",
        ];
        let after_preposition = before.is_some_and(|t| self.is_any(t, &prepositions));
        if before.is_some_and(|t| {
            matches!(t.shape, Shape::Punct('$' | '#' | '.' | ',')) && t.end == token.start
        }) {
            return false;
        }
        if after.is_some_and(|t| {
            matches!(t.shape, Shape::Punct('%' | '/'))
                || (matches!(t.shape, Shape::Punct(',' | '.')) && t.start == token.end && {
                    self.tokens
                        .get(at + 2)
                        .is_some_and(|n| n.shape == Shape::Digits && n.start == t.end)
                })
                || self.is_any(t, &["percent", "pct", "million", "billion"])
        }) {
            return false;
        }
        // "post-1959 politics", "pre-1990 levels": a year as a modifier.
        let prefixed = before.is_some_and(|t| t.is_punct('-') && t.end == token.start)
            && at
                .checked_sub(2)
                .is_some_and(|i| self.is_any(self.tokens[i], &["post", "pre", "mid"]));
        if after_preposition || prefixed {
            return (1000..2100).contains(&year);
        }
        // "the Russell 2000 Index", "Windows 2000 Server": part of a name.
        let in_name = before.is_some_and(|t| t.shape == Shape::Word && t.capital && t.word == 0)
            && after.is_some_and(|t| t.shape == Shape::Word && t.capital);
        if in_name {
            return false;
        }
        // "2000 people": a count. "the 1990 budget", "1990 was": a year.
        let modifier_position = before.is_some_and(|t| {
            self.is_any(
                t,
                &[
                    "the", "a", "its", "their", "his", "her", "s", "that", "this",
                ],
            )
        });
        let noun_after = after.is_some_and(|t| {
            t.shape == Shape::Word && !t.capital && !self.is_any(t, YEAR_FOLLOWERS)
        });
        (1900..2100).contains(&year) && (modifier_position || !noun_after)
    }

    fn is_any(&self, token: Tok, words: &[&str]) -> bool {
        token.shape == Shape::Word && {
            let word = token.text(self.text);
            words.iter().any(|w| word.eq_ignore_ascii_case(w))
        }
    }

    /// The tense of the nearest tense cue within the sentence around the
    /// expression.
    fn tense(&self, start: usize, end: usize) -> Tense {
        const WINDOW: usize = 10;
        let mut best: Option<(usize, Tense)> = None;
        let mut consider = |distance: usize, cue: Option<Tense>| {
            if let Some(tense) = cue {
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, tense));
                }
            }
        };
        for (distance, index) in (start.saturating_sub(WINDOW)..start).rev().enumerate() {
            if self.ends_sentence(index) {
                break;
            }
            consider(distance, self.tense_cue(index));
        }
        // The verb an adverbial dates usually comes before it ("met
        // Friday"), so cues after the expression count as twice as far.
        for (distance, index) in (end..(end + WINDOW).min(self.tokens.len())).enumerate() {
            if self.ends_sentence(index) {
                break;
            }
            consider(distance * 2, self.tense_cue(index));
        }
        best.map_or(Tense::Present, |(_, tense)| tense)
    }

    /// Sentence punctuation: `;`, `!`, `?`, or a period before a space
    /// (not the one in "1.9" or "a.m.").
    fn ends_sentence(&self, index: usize) -> bool {
        let token = self.tokens[index];
        match token.shape {
            Shape::Punct('!' | '?' | ';') => true,
            Shape::Punct('.') => self.tokens.get(index + 1).is_none_or(|next| {
                next.start > token.end && (next.capital || next.shape != Shape::Word)
            }),
            _ => false,
        }
    }

    /// The tense a word points to.
    fn tense_cue(&self, index: usize) -> Option<Tense> {
        let token = self.tokens[index];
        if token.shape != Shape::Word {
            return None;
        }
        let word = token.text(self.text);
        const FUTURE: &[&str] = &[
            "will",
            "ll",
            "shall",
            "going",
            "plans",
            "plan",
            "planning",
            "planned",
            "scheduled",
            "expected",
            "expects",
            "due",
            "upcoming",
            "next",
            "tomorrow",
            "would",
            "hopes",
            "wants",
            "intends",
            "until",
            "soon",
            "ahead",
            "payable",
            "supposed",
            "effective",
            "expire",
            "expires",
        ];

        const FINITE_PAST: &[&str] = &[
            "was",
            "were",
            "had",
            "did",
            "since",
            "ago",
            "last",
            "yesterday",
            "came",
            "went",
            "began",
            "took",
            "gave",
            "saw",
            "became",
            "knew",
            "ran",
        ];
        // Past forms that double as participles ("was paid", "will be paid").
        const PAST: &[&str] = &[
            "been", "said", "told", "made", "met", "won", "lost", "left", "fell", "rose", "held",
            "got", "led", "sent", "spent", "brought", "bought", "sold", "thought", "found",
            "struck", "shot", "fought", "paid",
        ];
        let is_any = |words: &[&str]| words.iter().any(|w| word.eq_ignore_ascii_case(w));
        // After a determiner a verb form is a noun or an adjective ("the
        // plan", "an unspecified date"): no tense.
        const DETERMINERS: &[&str] = &[
            "the", "a", "an", "its", "their", "his", "her", "this", "that",
        ];
        let after_determiner = (index.saturating_sub(3)..index)
            .rev()
            .map(|i| self.tokens[i])
            .find(|t| {
                !(t.shape == Shape::Word
                    && (t.text(self.text).ends_with("ly") || self.is_any(*t, &["still", "yet"])))
            })
            .is_some_and(|t| self.is_any(t, DETERMINERS));
        if after_determiner && !is_any(FINITE_PAST) {
            return None;
        }
        if is_any(FUTURE) {
            return Some(Tense::Future);
        }
        // "is to resume trading Tuesday": an arrangement still ahead.
        let be_to = is_any(&["to"])
            && index
                .checked_sub(1)
                .is_some_and(|i| self.is_any(self.tokens[i], &["is", "are", "am"]));
        if be_to {
            return Some(Tense::Future);
        }
        if is_any(FINITE_PAST) {
            // "were planning to", "was due to": a future seen from the past,
            // still ahead in a report.
            let future_next = self.tokens.get(index + 1).is_some_and(|&next| {
                self.is_any(
                    next,
                    &["planning", "due", "scheduled", "expected", "supposed"],
                )
            });
            if future_next && self.is_any(token, &["was", "were"]) {
                return Some(Tense::Future);
            }
            return Some(Tense::Past);
        }
        let past_participle =
            is_any(PAST) || (word.len() > 4 && word.ends_with("ed") && !token.capital);
        if past_participle {
            return self.participle_tense(index);
        }
        None
    }

    /// A past form may be a participle whose auxiliaries carry the tense:
    /// "will be paid" is future, "is paid" present, "was paid" or "paid" past.
    fn participle_tense(&self, index: usize) -> Option<Tense> {
        const ADVERBS: &[&str] = &["not", "t", "n", "also", "still", "now", "then", "already"];
        for before in (index.saturating_sub(4)..index).rev() {
            let token = self.tokens[before];
            if self.is_any(token, &["be", "been", "being"]) || self.is_any(token, ADVERBS) {
                continue;
            }
            if token.shape == Shape::Punct('\'') {
                continue;
            }
            if self.is_any(token, &["will", "would", "shall", "ll", "to"]) {
                return Some(Tense::Future);
            }
            if self.is_any(token, &["is", "are", "am", "s", "re", "can", "may", "must"]) {
                return None;
            }
            break;
        }
        Some(Tense::Past)
    }
}

/// Lower-case words that may follow a year used alone ("1990 was", "1990 and 1991").
const YEAR_FOLLOWERS: &[&str] = &[
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "as",
    "when",
    "was",
    "were",
    "had",
    "is",
    "has",
    "that",
    "the",
    "through",
    "until",
    "but",
    "after",
    "before",
    "with",
    "from",
    "for",
    "by",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "there",
    "saw",
    "brought",
    "elections",
    "election",
];

/// The anchor a calendar value sets: "1812" -> year, "1812-06-24" -> day.
fn anchor_of(value: &str) -> Option<Anchor> {
    let mut parts = value.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next().and_then(|m| m.parse().ok());
    let day = parts
        .next()
        .and_then(|d| d.get(..2))
        .and_then(|d| d.parse().ok());
    Some(Anchor {
        year: Some(year),
        month,
        day: month.and(day),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cutting the text into small pieces must not change a single
    /// expression: the token window always reaches far enough around.
    #[test]
    fn pieces_find_what_the_whole_text_finds() {
        let story = include_str!("../../../assets/bundled_story.txt");
        let novel = "CHAPTER I\n\nIt was on the 3rd of March 1843 that we left. Two days \
                     later, at 10 p.m., the ship sailed; the next morning was cold.\n\n"
            .repeat(40);
        let dated = Date::new(2024, 3, 3).ok();
        for (text, reference) in [(story, dated), (novel.as_str(), None), (story, None)] {
            let whole = tag_text_in_pieces(text, reference, usize::MAX);
            assert!(!whole.is_empty());
            for piece in [1, 7, 64, 1000] {
                assert_eq!(
                    tag_text_in_pieces(text, reference, piece),
                    whole,
                    "piece {piece}"
                );
            }
        }
    }

    #[test]
    fn a_piece_ends_at_whitespace_or_the_end() {
        assert_eq!(piece_end("ab cd", 0), 2);
        assert_eq!(piece_end("ab cd", 3), 5);
        assert_eq!(piece_end("abcd", 9), 4);
        assert_eq!(piece_end("é é", 1), 2);
    }
}
