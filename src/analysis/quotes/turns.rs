//! Rule 5 of [`super::attribute`]: in a conversation, speakers take turns.

use rustc_hash::FxHashMap as HashMap;

use super::attribute::{gender_fits, inside_quote, Attributed, DocumentText, Open};
use crate::analysis::entities::Gender;

/// Turns of a conversation further than this are not counted on.
const TURN_REACH: usize = 6;
/// Quotes before a conversation whose speakers may be its other party.
const CONTEXT_QUOTES: usize = 12;

/// Rule 5: in a run of adjacent paragraphs with quotes, speakers alternate.
/// An open turn takes the speaker of the nearest decided turn an even number
/// of turns away, else the one the nearest turn before it spoke to, else the
/// other party of a turn an odd number away: another speaker of the run, of
/// the quotes just before it, or the first-person narrator.
pub(super) fn conversation_turns(
    doc: &DocumentText,
    quotes: &mut [Attributed],
    open: &mut [Open],
    genders: &HashMap<usize, Gender>,
    narrator: Option<usize>,
) {
    // One turn per paragraph: (paragraph, index of its first non-term quote).
    let mut turns: Vec<(usize, usize)> = Vec::new();
    for (k, q) in quotes.iter().enumerate() {
        if q.term || q.phrase {
            continue;
        }
        if turns.last().is_none_or(|&(p, _)| p != q.paragraph) {
            turns.push((q.paragraph, k));
        }
    }
    let mut run_start = 0;
    for t in 0..=turns.len() {
        let breaks = t == turns.len() || (t > 0 && turns[t - 1].0 + 1 != turns[t].0);
        if breaks && t > run_start {
            let run = &turns[run_start..t];
            let mut context = context_speakers(quotes, open, run[0].1, narrator);
            for named in named_before(doc, quotes, run[0].1) {
                if !context.contains(&named) {
                    context.push(named);
                }
            }
            fill_run(quotes, open, genders, run, &context);
            run_start = t;
        }
    }
}

/// Paragraphs before a conversation whose narration may name its parties.
const CONTEXT_PARAGRAPHS: usize = 2;

/// Characters named in the narration of the paragraphs just before the
/// quote `first` (and of its own paragraph before it), the last named
/// first: who may be in the conversation that starts there ("Emma smiled
/// ... he had said," before "“Poor Miss Taylor!”" and her answer).
fn named_before(doc: &DocumentText, quotes: &[Attributed], first: usize) -> Vec<usize> {
    let paragraph = quotes[first].paragraph;
    let from = doc
        .paragraphs
        .get(paragraph.saturating_sub(CONTEXT_PARAGRAPHS))
        .map_or(0, |p| p.start);
    let start = doc.persons.partition_point(|m| m.start < from);
    let end = doc
        .persons
        .partition_point(|m| m.start < quotes[first].start);
    let mut out: Vec<usize> = Vec::new();
    for m in doc.persons[start..end.max(start)].iter().rev() {
        if !inside_quote(quotes, m.start) && !out.contains(&m.entity) {
            out.push(m.entity);
        }
    }
    out
}

/// The speakers of the quotes before quote `first`, nearest first, then
/// whom they spoke to, then the narrator: who else may be in the
/// conversation that starts there.
fn context_speakers(
    quotes: &[Attributed],
    open: &[Open],
    first: usize,
    narrator: Option<usize>,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let earlier = || (first.saturating_sub(CONTEXT_QUOTES)..first).rev();
    // Those spoken to before are there too (“You TOM!” … “Nothing.”).
    let addressed = earlier().flat_map(|k| quotes[k].addressees.iter().copied());
    for s in earlier()
        .filter_map(|k| turn_speaker_of(quotes, open, k))
        .chain(addressed)
        .chain(narrator)
    {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn turn_speaker_of(quotes: &[Attributed], open: &[Open], k: usize) -> Option<usize> {
    (open[k] == Open::Decided)
        .then_some(quotes[k].speaker)
        .flatten()
}

fn fill_run(
    quotes: &mut [Attributed],
    open: &mut [Open],
    genders: &HashMap<usize, Gender>,
    run: &[(usize, usize)],
    context: &[usize],
) {
    let mut known: Vec<Option<usize>> = run
        .iter()
        .map(|&(_, k)| turn_speaker_of(quotes, open, k))
        .collect();
    // Everyone a turn speaks to, over all its quotes.
    let addressed: Vec<Vec<usize>> = run
        .iter()
        .map(|&(paragraph, k)| {
            quotes[k..]
                .iter()
                .take_while(|q| q.paragraph == paragraph)
                .flat_map(|q| q.addressees.iter().copied())
                .collect()
        })
        .collect();
    // Each pass may anchor the next: a turn decided now decides its neighbours.
    for _ in 0..3 {
        let mut changed = false;
        for (t, &(_, k)) in run.iter().enumerate() {
            let wanted = match open[k] {
                Open::Decided => continue,
                Open::Free => Gender::Unknown,
                Open::Turns(gender) => gender,
            };
            let fits = |s: &usize| !addressed[t].contains(s) && gender_fits(genders, *s, wanted);
            let turns = Turns {
                known: &known,
                addressed: &addressed,
                context,
            };
            if let Some(speaker) = turns.candidate(t, &fits) {
                quotes[k].speaker = Some(speaker);
                open[k] = Open::Decided;
                known[t] = Some(speaker);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// What a run of turns knows: each turn's speaker so far, whom each speaks
/// to, and who was speaking before the run.
struct Turns<'a> {
    known: &'a [Option<usize>],
    addressed: &'a [Vec<usize>],
    context: &'a [usize],
}

impl Turns<'_> {
    /// Turns `d` away from `t`, before and after it.
    fn at(&self, t: usize, d: usize) -> impl Iterator<Item = usize> {
        [
            t.checked_sub(d),
            Some(t + d).filter(|&u| u < self.known.len()),
        ]
        .into_iter()
        .flatten()
    }

    /// The speaker of turn `t` by alternation: the nearest turn an even
    /// number of turns away that has a speaker, or one an odd number away
    /// that speaks to someone; failing both, the other party of the nearest
    /// odd turn with a speaker.
    fn candidate(&self, t: usize, fits: &dyn Fn(&usize) -> bool) -> Option<usize> {
        for d in 1..=TURN_REACH {
            for u in self.at(t, d) {
                let candidate = if d % 2 == 0 {
                    self.known[u]
                } else {
                    self.addressed[u]
                        .iter()
                        .copied()
                        .find(|&a| Some(a) != self.known[u])
                };
                if let Some(c) = candidate.filter(|c| fits(c)) {
                    return Some(c);
                }
            }
        }
        (1..=TURN_REACH)
            .step_by(2)
            .flat_map(|d| self.at(t, d))
            .find_map(|u| self.other_party(t, self.known[u]?, fits))
    }

    /// Someone beside `speaker` in the conversation around turn `t`: another
    /// speaker of the run (nearest first), else of the quotes before it.
    fn other_party(
        &self,
        t: usize,
        speaker: usize,
        fits: &dyn Fn(&usize) -> bool,
    ) -> Option<usize> {
        let in_run = (1..=TURN_REACH)
            .flat_map(|d| self.at(t, d))
            .filter_map(|u| self.known[u]);
        in_run
            .chain(self.context.iter().copied())
            .find(|&s| s != speaker && fits(&s))
    }
}
