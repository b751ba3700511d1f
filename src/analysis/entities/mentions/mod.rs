//! From tagger spans to clean mentions: titles, possessives and punctuation
//! trimmed, junk dropped, CoNLL types mapped to entity kinds.

mod clean;
mod kinds;
mod known;
mod split;

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use super::acronyms;
use super::lexicon::{lexicon, Gender};
use super::names;
use super::{KindVotes, MentionHints, RawMention, CUE_WEIGHT};
use crate::analysis::ner::{self, NerType};
use crate::analysis::tokens::abbreviations::{self, AbbreviationKind};
use crate::analysis::tokens::{Sentence, Token};
use crate::analysis::EntityKind;

use clean::*;
use kinds::*;
use known::*;
use split::*;

/// Tags one document and returns its cleaned mentions in text order.
/// The document-wide tables (which words it writes capitalised or
/// lowercase, the names it knows) are built once; the work per sentence
/// runs in parallel, in order.
pub fn find_mentions(
    tagger: &ner::Tagger,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Vec<RawMention> {
    let words: Vec<Vec<&str>> = sentences
        .par_iter()
        .with_min_len(SENTENCES_PER_TASK)
        .map(|s| {
            tokens[s.tokens.clone()]
                .iter()
                .map(|t| t.text(text))
                .collect()
        })
        .collect();
    let (tagged, context) = rayon::join(
        || tagger.tag_document_scored(&words),
        || DocumentContext::new(&words),
    );
    let found: Vec<Vec<Found>> = words
        .par_iter()
        .with_min_len(SENTENCES_PER_TASK)
        .zip(tagged)
        .map(|(words, spans)| cleaned_spans(&context, words, spans))
        .collect();
    let known = KnownNames::collect(&words, &found);
    let mut mentions: Vec<RawMention> = sentences
        .par_iter()
        .with_min_len(SENTENCES_PER_TASK)
        .zip(&words)
        .zip(found)
        .flat_map_iter(|((sentence, words), mut found)| {
            known.split_joined_names(words, &mut found, &context);
            known.tag_untagged(words, &mut found, &context);
            tag_group_words(words, &mut found);
            found.sort_by_key(|f| f.tokens.start);
            // A span extended over its head word may now cover the next one.
            let mut covered = 0;
            found.retain(|f| {
                let keep = f.tokens.start >= covered;
                covered = covered.max(f.tokens.end);
                keep
            });
            link_acronym_definitions(words, &mut found);
            for f in found.iter_mut() {
                add_context_votes(words, f);
            }
            let sentence_tokens = &tokens[sentence.tokens.clone()];
            found
                .into_iter()
                .map(move |f| raw_mention(text, sentence_tokens, f))
        })
        .collect();
    mark_set_apart(text, &mut mentions);
    mentions
}

/// Sentences per parallel task: a sentence is a few microseconds of work.
const SENTENCES_PER_TASK: usize = 64;

/// The tagger's spans of one sentence, split where they join two names and
/// cleaned; the tagger's type scores vote for the kind unless a cue decided it.
fn cleaned_spans(
    context: &DocumentContext,
    words: &[&str],
    spans: Vec<ner::ScoredSpan>,
) -> Vec<Found> {
    spans
        .into_iter()
        .filter(|scored| {
            let tokens = &scored.span.tokens;
            tokens.start < tokens.end && tokens.end <= words.len()
        })
        .flat_map(|scored| {
            let parts = split_span(words, scored.span.tokens, scored.span.label);
            parts.into_iter().map(move |(t, l)| (t, l, scored.types))
        })
        .filter_map(|(tokens, label, types)| {
            let mut found = context.clean(words, tokens, label)?;
            if !found.cued {
                found.votes = tagger_votes(&types);
            }
            Some(found)
        })
        .collect()
}

/// A cleaned span of a sentence as a mention with byte offsets.
fn raw_mention(text: &str, sentence_tokens: &[Token], f: Found) -> RawMention {
    let start = sentence_tokens[f.tokens.start].start + f.cut_start;
    let end = sentence_tokens[f.tokens.end - 1].end - f.cut_end;
    RawMention {
        start,
        end,
        kind: f.kind,
        hints: MentionHints {
            title: f.title,
            defines: f.defines.map(|r| {
                text[sentence_tokens[r.start].start..sentence_tokens[r.end - 1].end].to_string()
            }),
            kind_votes: f.votes,
        },
    }
}

/// How the text sets a name apart: nothing, double quotes around it alone
/// ("Hernani", "Red Death") or underscores, Gutenberg's italics
/// (_Edinburgh Castle_, _Daily Telegraph_).
#[derive(Clone, Copy, PartialEq)]
enum SetApart {
    No,
    Quoted,
    Italic,
}

fn set_apart(text: &str, start: usize, end: usize) -> SetApart {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    match (before, after) {
        (Some('"' | '“'), Some('"' | '”')) => SetApart::Quoted,
        (Some('_'), Some('_')) => SetApart::Italic,
        _ => SetApart::No,
    }
}

/// A name alone in double quotes is a title or a word quoted, not a
/// character or a place (LitBank names none), unless the document also
/// uses it unquoted; a name in italics is a ship, a book or a paper: other.
fn mark_set_apart(text: &str, mentions: &mut Vec<RawMention>) {
    let apart: Vec<SetApart> = mentions
        .iter()
        .map(|m| set_apart(text, m.start, m.end))
        .collect();
    if apart.iter().all(|&a| a == SetApart::No) {
        return;
    }
    let unquoted: HashSet<&str> = mentions
        .iter()
        .zip(&apart)
        .filter(|(_, &a)| a == SetApart::No)
        .map(|(m, _)| &text[m.start..m.end])
        .collect();
    let mut apart = apart.into_iter();
    mentions.retain_mut(|m| match apart.next() {
        Some(SetApart::Quoted) => unquoted.contains(&text[m.start..m.end]),
        Some(SetApart::Italic) if m.kind != EntityKind::Group => {
            m.kind = EntityKind::Other;
            m.hints.kind_votes = single_vote(EntityKind::Other, true);
            true
        }
        _ => true,
    });
}

/// A cleaned span inside one sentence (token indices relative to the sentence).
pub(super) struct Found {
    pub(super) tokens: Range<usize>,
    /// Bytes of the first and last token left out of the name ("anti-US").
    pub(super) cut_start: usize,
    pub(super) cut_end: usize,
    pub(super) kind: EntityKind,
    pub(super) title: Option<String>,
    /// Tokens of the other half of an acronym definition.
    pub(super) defines: Option<Range<usize>>,
    /// What this mention says about its entity's kind (see [`MentionHints::kind_votes`]).
    pub(super) votes: KindVotes,
    /// The kind comes from a strong cue (honorific, head word, group word),
    /// not from the tagger's label.
    pub(super) cued: bool,
}

/// "Shia", "Iraqi", "Sadrist": nationality and group words are group
/// mentions wherever the tagger left them (a tagger trained on novels, whose
/// gold names no nationalities, often does).
fn tag_group_words(words: &[&str], found: &mut Vec<Found>) {
    let lex = lexicon();
    let mut covered = vec![false; words.len()];
    for f in found.iter() {
        covered[f.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    for (i, word) in words.iter().enumerate() {
        let is_group = word.starts_with(char::is_uppercase)
            && word.chars().any(char::is_lowercase)
            && (lex.demonym_place(word).is_some() || lex.is_listed_group_word(word));
        if covered[i] || !is_group {
            continue;
        }
        found.push(Found {
            tokens: i..i + 1,
            cut_start: 0,
            cut_end: 0,
            kind: EntityKind::Group,
            title: None,
            defines: None,
            votes: single_vote(EntityKind::Group, true),
            cued: true,
        });
    }
}

/// The first word of a sentence (possibly after opening quotes, brackets or
/// dashes) or of a quotation inside it: a capital there says nothing.
pub(super) fn is_clause_initial(words: &[&str], i: usize) -> bool {
    is_sentence_initial(words, i) || (i > 0 && opens_clause(words[i - 1]))
}

pub(super) fn is_sentence_initial(words: &[&str], i: usize) -> bool {
    words[..i].iter().all(|w| !is_wordlike(w))
}

pub(super) fn opens_clause(word: &str) -> bool {
    matches!(word, "“" | "‘" | "«" | "\"" | ":")
}

/// "anti-" in "anti-US", "pro-" in "pro-Western": lowercase hyphen parts
/// before a capitalised name ("al-" belongs to the name).
pub(super) fn lowercase_prefix_len(word: &str) -> usize {
    let mut cut = 0;
    for part in word.split_inclusive('-') {
        let is_prefix = part.ends_with('-')
            && part.starts_with(char::is_lowercase)
            && !matches!(part, "al-" | "el-");
        if !is_prefix {
            break;
        }
        cut += part.len();
    }
    let rest = &word[cut..];
    if rest.starts_with(char::is_uppercase) {
        cut
    } else {
        0
    }
}

/// "-led" in "US-led", "-backed" in "Iran-backed".
pub(super) fn lowercase_suffix_len(word: &str) -> usize {
    let mut keep = word.len();
    while let Some(hyphen) = word[..keep].rfind('-') {
        let part = &word[hyphen + 1..keep];
        if part.is_empty() || !part.chars().all(char::is_lowercase) {
            break;
        }
        keep = hyphen;
    }
    if word[..keep].starts_with(char::is_uppercase) || word[..keep].starts_with("al-") {
        word.len() - keep
    } else {
        0
    }
}

pub(super) fn is_wordlike(word: &str) -> bool {
    word.starts_with(char::is_alphanumeric)
}

pub(super) fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(sentence: &str, span: Range<usize>, label: NerType) -> Option<(String, Found)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let context = DocumentContext::new(std::slice::from_ref(&words));
        let found = context.clean(&words, span, label)?;
        let mut name = words[found.tokens.clone()].join(" ");
        name.truncate(name.len() - found.cut_end);
        Some((name[found.cut_start..].to_string(), found))
    }

    fn name(sentence: &str, span: Range<usize>, label: NerType) -> Option<String> {
        clean(sentence, span, label).map(|(name, _)| name)
    }

    #[test]
    fn titles_are_stripped_and_remembered() {
        let (name, found) =
            clean("said Grand Ayatollah Ali al-Sistani .", 1..5, NerType::Per).unwrap();
        assert_eq!(name, "Ali al-Sistani");
        assert_eq!(found.title.as_deref(), Some("Grand Ayatollah"));
        let (name, found) = clean("the late General Qassem Soleimani", 2..5, NerType::Per).unwrap();
        assert_eq!(name, "Qassem Soleimani");
        assert_eq!(found.title.as_deref(), Some("General"));
        assert_eq!(
            name_of("Cleric Mohammad Hassan Abutorabifard led", 0..4),
            "Mohammad Hassan Abutorabifard"
        );
    }

    fn name_of(sentence: &str, span: Range<usize>) -> String {
        name(sentence, span, NerType::Per).unwrap_or_default()
    }

    #[test]
    fn a_title_just_before_the_span_is_remembered() {
        let (name, found) = clean("said Mr. Darcy .", 2..3, NerType::Per).unwrap();
        assert_eq!(name, "Darcy");
        assert_eq!(found.title.as_deref(), Some("Mr."));
    }

    #[test]
    fn a_capitalised_word_the_tagger_left_before_a_person_joins_it() {
        assert_eq!(
            name(
                "militia commander Abu Mahdi al-Muhandis .",
                3..5,
                NerType::Per
            )
            .as_deref(),
            Some("Abu Mahdi al-Muhandis")
        );
        assert_eq!(
            name("an Iraqi Ali Saleh said", 2..4, NerType::Per).as_deref(),
            Some("Ali Saleh")
        );
        assert_eq!(
            name("said General Qassem Soleimani", 2..4, NerType::Per).as_deref(),
            Some("Qassem Soleimani")
        );
    }

    #[test]
    fn separating_punctuation_splits_a_span() {
        let words: Vec<&str> = "West Asia News Agency / Reuters )".split(' ').collect();
        let parts = split_span(&words, 0..6, NerType::Org);
        assert_eq!(parts, [(0..4, NerType::Org), (5..6, NerType::Org)]);
    }

    #[test]
    fn people_joined_by_a_conjunction_are_split() {
        let words: Vec<&str> = "Collins and Lizzy , Procter and Gamble"
            .split(' ')
            .collect();
        let parts = split_span(&words, 0..3, NerType::Per);
        assert_eq!(parts, [(0..1, NerType::Per), (2..3, NerType::Per)]);
        let words: Vec<&str> = "Sónya love Nicholas , Catherine de Bourgh"
            .split(' ')
            .collect();
        let parts = split_span(&words, 0..3, NerType::Per);
        assert_eq!(parts, [(0..1, NerType::Per), (2..3, NerType::Per)]);
        let parts = split_span(&words, 4..7, NerType::Per);
        assert_eq!(parts, [(4..7, NerType::Per)]);
        let parts = split_span(&words, 4..7, NerType::Org);
        assert_eq!(parts, [(4..7, NerType::Org)]);
        let words: Vec<&str> = "Dólokhov ’s Cossack".split(' ').collect();
        let parts = split_span(&words, 0..3, NerType::Misc);
        assert_eq!(parts, [(0..1, NerType::Misc), (2..3, NerType::Misc)]);
    }

    #[test]
    fn honorifics_make_a_person_whatever_the_label() {
        let (bingley, found) = clean("met Mr. Bingley there", 1..3, NerType::Loc).unwrap();
        assert_eq!(bingley, "Bingley");
        assert_eq!(found.kind, EntityKind::Person);
        let (_, found) = clean("met Mr. Bingley there", 2..3, NerType::Org).unwrap();
        assert_eq!(found.kind, EntityKind::Person);
        assert_eq!(found.title.as_deref(), Some("Mr."));
        let (andrew, found) = clean("said Prince Andrew .", 1..3, NerType::Loc).unwrap();
        assert_eq!(andrew, "Andrew");
        assert_eq!(found.kind, EntityKind::Person);
        // A place named after a prince stays a place.
        assert_eq!(
            name("on Prince Edward Island", 1..4, NerType::Loc).as_deref(),
            Some("Prince Edward Island")
        );
    }

    #[test]
    fn head_words_decide_the_kind_and_extend_the_span() {
        let kind =
            |s: &str, span: Range<usize>, label| clean(s, span, label).map(|(n, f)| (n, f.kind));
        assert_eq!(
            kind("on Tahrir Square ,", 1..3, NerType::Per),
            Some(("Tahrir Square".into(), EntityKind::Place))
        );
        assert_eq!(
            kind("fortified Green Zone ,", 1..2, NerType::Per),
            Some(("Green Zone".into(), EntityKind::Place))
        );
        assert_eq!(
            kind("the West Asia News Agency", 1..5, NerType::Loc),
            Some(("West Asia News Agency".into(), EntityKind::Organization))
        );
        assert_eq!(
            kind("said Bill Park .", 1..3, NerType::Per),
            Some(("Bill Park".into(), EntityKind::Person))
        );
        // A creature is other, with a qualifier or alone.
        assert_eq!(
            kind("a Grey Whale rose", 1..3, NerType::Org),
            Some(("Grey Whale".into(), EntityKind::Other))
        );
        assert_eq!(
            kind("this Leviathan rose", 1..2, NerType::Per),
            Some(("Leviathan".into(), EntityKind::Other))
        );
    }

    #[test]
    fn a_span_that_is_only_a_title_is_dropped() {
        assert_eq!(name("the President said", 1..2, NerType::Per), None);
        assert_eq!(name("the Emperor said", 1..2, NerType::Org), None);
    }

    #[test]
    fn organisations_keep_title_like_words() {
        assert_eq!(
            name("shares of General Motors fell", 2..4, NerType::Org).as_deref(),
            Some("General Motors")
        );
    }

    #[test]
    fn possessives_and_punctuation_are_trimmed() {
        assert_eq!(
            name("Iran ’s army", 0..2, NerType::Loc).as_deref(),
            Some("Iran")
        );
        assert_eq!(
            name("“ Iran ” said", 0..3, NerType::Loc).as_deref(),
            Some("Iran")
        );
        assert_eq!(
            name("in the Green Zone .", 1..4, NerType::Loc).as_deref(),
            Some("Green Zone")
        );
    }

    #[test]
    fn lowercase_hyphen_parts_around_a_name_are_cut() {
        assert_eq!(
            name("an anti-US rally", 1..2, NerType::Misc).as_deref(),
            Some("US")
        );
        assert_eq!(
            name("the US-led invasion", 1..2, NerType::Misc).as_deref(),
            Some("US")
        );
        assert_eq!(
            name("said al-Sadr .", 1..2, NerType::Per).as_deref(),
            Some("al-Sadr")
        );
        assert_eq!(
            name("outgoing Adel Abdul-Mahdi .", 1..3, NerType::Per).as_deref(),
            Some("Adel Abdul-Mahdi")
        );
    }

    #[test]
    fn lowercase_leads_go_but_name_particles_stay() {
        assert_eq!(
            name("my dear Jane !", 1..3, NerType::Per).as_deref(),
            Some("Jane")
        );
        assert_eq!(
            name("said de Bourgh .", 1..3, NerType::Per).as_deref(),
            Some("de Bourgh")
        );
    }

    #[test]
    fn chapter_numbers_and_lone_initials_are_not_entities() {
        assert_eq!(name("CHAPTER XLIX .", 1..2, NerType::Org), None);
        assert_eq!(name("Chapter IV.", 1..2, NerType::Misc), None);
        assert_eq!(name("signed B.", 1..2, NerType::Loc), None);
        assert_eq!(
            name("visited Rome .", 1..2, NerType::Loc).as_deref(),
            Some("Rome")
        );
    }

    #[test]
    fn dates_and_function_words_are_not_entities() {
        assert_eq!(name("on Friday , they", 1..2, NerType::Misc), None);
        assert_eq!(name("In September the", 1..2, NerType::Misc), None);
        assert_eq!(name("and However it", 1..2, NerType::Org), None);
        assert_eq!(
            name("they popular mobilization units", 1..4, NerType::Org),
            None
        );
    }

    #[test]
    fn capitalised_common_words_opening_a_sentence_are_dropped() {
        assert_eq!(name("Apparently they tried", 0..1, NerType::Misc), None);
        assert_eq!(name("“ Constitutionally , the", 1..2, NerType::Misc), None);
        assert_eq!(name("Since the middle", 0..1, NerType::Org), None);
        assert_eq!(
            name("the text : “ Death to America", 4..5, NerType::Misc),
            None
        );
        // Names opening a sentence stay.
        assert_eq!(
            name("Iran has long", 0..1, NerType::Loc).as_deref(),
            Some("Iran")
        );
    }

    #[test]
    fn a_common_word_also_capitalised_mid_sentence_is_a_name() {
        let words: Vec<Vec<&str>> = vec![
            "Hope was there .".split(' ').collect(),
            "They called on Hope today .".split(' ').collect(),
        ];
        let context = DocumentContext::new(&words);
        assert!(context.clean(&words[0], 0..1, NerType::Per).is_some());
    }

    #[test]
    fn kinds_follow_the_label_and_the_group_lists() {
        let kind = |s: &str, span: Range<usize>, label| clean(s, span, label).map(|(_, f)| f.kind);
        assert_eq!(
            kind("the Iraqi army", 1..2, NerType::Misc),
            Some(EntityKind::Group)
        );
        assert_eq!(
            kind("57 Canadians died", 1..2, NerType::Misc),
            Some(EntityKind::Group)
        );
        assert_eq!(
            kind("the Iraqi army", 1..2, NerType::Loc),
            Some(EntityKind::Group)
        );
        assert_eq!(
            kind("many Shiite clerics", 1..2, NerType::Misc),
            Some(EntityKind::Group)
        );
        assert_eq!(
            kind("at Christmas time", 1..2, NerType::Misc),
            Some(EntityKind::Other)
        );
        assert_eq!(
            kind("in Baghdad .", 1..2, NerType::Loc),
            Some(EntityKind::Place)
        );
        assert_eq!(
            kind("the Quds Force", 1..3, NerType::Org),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            kind("said Amer Saad", 1..3, NerType::Per),
            Some(EntityKind::Person)
        );
    }

    #[test]
    fn names_the_tagger_found_once_are_found_everywhere_in_the_document() {
        let sentences: Vec<Vec<&str>> = vec![
            "they thanked al-Sadr .".split(' ').collect(),
            "Al-Sadr said that al-Sadr will win .".split(' ').collect(),
            "Will you come ?".split(' ').collect(),
            "He met Will there .".split(' ').collect(),
        ];
        let context = DocumentContext::new(&sentences);
        let tagged = vec![
            vec![context.clean(&sentences[0], 2..3, NerType::Per).unwrap()],
            vec![],
            vec![],
            vec![context.clean(&sentences[3], 2..3, NerType::Per).unwrap()],
        ];
        let known = KnownNames::collect(&sentences, &tagged);
        let mut found = Vec::new();
        known.tag_untagged(&sentences[1], &mut found, &context);
        let spans: Vec<_> = found.iter().map(|f| (f.tokens.clone(), f.kind)).collect();
        assert_eq!(
            spans,
            [(0..1, EntityKind::Person), (3..4, EntityKind::Person)]
        );
        let mut found = Vec::new();
        known.tag_untagged(&sentences[2], &mut found, &context);
        assert!(
            found.is_empty(),
            "the verb opening a question is not the name"
        );
    }

    #[test]
    fn two_names_without_a_comma_between_them_are_split() {
        let sentences: Vec<Vec<&str>> = vec![
            "Pierre came .".split(' ').collect(),
            "Pierre left .".split(' ').collect(),
            "He saw Moscow .".split(' ').collect(),
            "Moscow burned .".split(' ').collect(),
            "in Moscow Pierre had waited .".split(' ').collect(),
            "of October Pierre went out .".split(' ').collect(),
            "Washington Irving wrote .".split(' ').collect(),
            "in Washington .".split(' ').collect(),
            "Washington is big .".split(' ').collect(),
            "Irving smiled .".split(' ').collect(),
            "Irving left .".split(' ').collect(),
        ];
        let context = DocumentContext::new(&sentences);
        let tag = |s: usize, span: Range<usize>, label| context.clean(&sentences[s], span, label);
        let mut tagged: Vec<Vec<Found>> = vec![
            vec![tag(0, 0..1, NerType::Per).unwrap()],
            vec![tag(1, 0..1, NerType::Per).unwrap()],
            vec![tag(2, 2..3, NerType::Loc).unwrap()],
            vec![tag(3, 0..1, NerType::Loc).unwrap()],
            vec![tag(4, 1..3, NerType::Loc).unwrap()],
            vec![tag(5, 1..3, NerType::Misc).unwrap()],
            vec![tag(6, 0..2, NerType::Per).unwrap()],
            vec![tag(7, 1..2, NerType::Loc).unwrap()],
            vec![tag(8, 0..1, NerType::Loc).unwrap()],
            vec![tag(9, 0..1, NerType::Per).unwrap()],
            vec![tag(10, 0..1, NerType::Per).unwrap()],
        ];
        let known = KnownNames::collect(&sentences, &tagged);
        let spans = |s: usize, found: &mut Vec<Found>| {
            known.split_joined_names(&sentences[s], found, &context);
            found.sort_by_key(|f| f.tokens.start);
            found
                .iter()
                .map(|f| (f.tokens.clone(), f.kind))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            spans(4, &mut tagged[4]),
            [(1..2, EntityKind::Place), (2..3, EntityKind::Person)]
        );
        assert_eq!(spans(5, &mut tagged[5]), [(2..3, EntityKind::Person)]);
        assert_eq!(
            spans(6, &mut tagged[6]),
            [(0..2, EntityKind::Person)],
            "a person's full name stays whole"
        );
    }

    #[test]
    fn two_people_tagged_as_one_are_split_but_a_full_name_is_not() {
        let mut sentences: Vec<Vec<&str>> = Vec::new();
        for _ in 0..8 {
            sentences.push("Orrin came .".split(' ').collect());
            sentences.push("Tamsin smiled .".split(' ').collect());
            sentences.push("Mr. Kelby bowed .".split(' ').collect());
        }
        sentences.push("Orrin Kelby arrived .".split(' ').collect());
        sentences.push(
            "On seeing Tamsin Orrin grew animated ."
                .split(' ')
                .collect(),
        );
        sentences.push("On seeing Orrin Kelby left .".split(' ').collect());
        let context = DocumentContext::new(&sentences);
        let mut tagged: Vec<Vec<Found>> = sentences
            .iter()
            .map(|words| {
                let start = words
                    .iter()
                    .position(|w| w.starts_with(char::is_uppercase) && *w != "On" && *w != "Mr.");
                let start = start.unwrap_or(0);
                let end = (start..words.len())
                    .find(|&i| !words[i].starts_with(char::is_uppercase))
                    .unwrap_or(words.len());
                context
                    .clean(
                        words,
                        words.iter().position(|w| *w == "Mr.").unwrap_or(start)..end,
                        NerType::Per,
                    )
                    .into_iter()
                    .collect()
            })
            .collect();
        let known = KnownNames::collect(&sentences, &tagged);
        let mut spans = |s: usize| {
            let found = &mut tagged[s];
            known.split_joined_names(&sentences[s], found, &context);
            found.sort_by_key(|f| f.tokens.start);
            found.iter().map(|f| f.tokens.clone()).collect::<Vec<_>>()
        };
        // "Orrin" also begins "Orrin Kelby": a given name after another person.
        assert_eq!(spans(25), [2..3, 3..4]);
        // "Kelby" follows "Mr.": a surname, so "Orrin Kelby" is one man.
        assert_eq!(spans(26).as_slice(), std::slice::from_ref(&(2..4)));
    }

    #[test]
    fn acronym_definitions_link_both_halves() {
        let words: Vec<&str> = "fight the Islamic State Group ( ISIS ) ."
            .split(' ')
            .collect();
        let context = DocumentContext::new(std::slice::from_ref(&words));
        let mut found: Vec<Found> = context
            .clean(&words, 2..5, NerType::Org)
            .into_iter()
            .collect();
        link_acronym_definitions(&words, &mut found);
        assert_eq!(found.len(), 2, "the tagger-missed acronym is added");
        assert_eq!(found[0].defines, Some(6..7));
        assert_eq!(found[1].tokens, 6..7);
        assert_eq!(found[1].defines, Some(2..5));
        assert_eq!(found[1].kind, EntityKind::Organization);
    }

    #[test]
    fn exclamations_are_not_entities() {
        assert_eq!(
            name("“ Good God , what a night !", 2..3, NerType::Per),
            None
        );
        assert_eq!(name("God knows where he went", 0..1, NerType::Per), None);
        assert_eq!(name("Oh Lord , not again", 1..2, NerType::Per), None);
        assert_eq!(
            name("and God created the light", 1..2, NerType::Per).as_deref(),
            Some("God")
        );
    }

    #[test]
    fn personifications_and_shouted_words_are_not_entities() {
        assert_eq!(name("for Nature had been kind", 1..2, NerType::Org), None);
        assert_eq!(name("the BOARD met", 1..2, NerType::Org), None);
        assert_eq!(
            name("the NATO summit", 1..2, NerType::Org).as_deref(),
            Some("NATO")
        );
    }

    #[test]
    fn an_abbreviation_inside_a_name_does_not_end_it() {
        assert_eq!(
            name("met Madame St. Orvel today", 1..3, NerType::Per).as_deref(),
            Some("St. Orvel")
        );
        assert_eq!(
            name("then Jas. Pellow spoke", 1..2, NerType::Per).as_deref(),
            Some("Jas. Pellow")
        );
    }

    #[test]
    fn a_misc_word_ending_like_a_people_is_a_group() {
        let (_, found) = clean("the Martians landed", 1..2, NerType::Misc).unwrap();
        assert_eq!(found.kind, EntityKind::Group);
        let (_, found) = clean("the Civil War began", 1..3, NerType::Misc).unwrap();
        assert_eq!(found.kind, EntityKind::Other);
    }

    #[test]
    fn words_around_a_mention_vote_for_its_kind() {
        let words: Vec<&str> = "they walked to Brackmoor , and at Brackmoor Quenby said no"
            .split(' ')
            .collect();
        let context = DocumentContext::new(std::slice::from_ref(&words));
        let mut place = context.clean(&words, 7..8, NerType::Per).unwrap();
        let before = place.votes;
        add_context_votes(&words, &mut place);
        assert_eq!(
            place.votes[EntityKind::Place as usize],
            before[EntityKind::Place as usize] + 1.0
        );
        let mut person = context.clean(&words, 8..9, NerType::Loc).unwrap();
        add_context_votes(&words, &mut person);
        assert_eq!(person.votes[EntityKind::Person as usize], 1.0);
    }

    #[test]
    fn a_lowercase_ending_other_than_a_modifier_makes_a_common_word() {
        assert_eq!(name("sang Yo-ho-ho and a bottle", 1..2, NerType::Per), None);
        assert_eq!(
            name("under Gorsey-marble canopies", 1..2, NerType::Loc),
            None
        );
        assert_eq!(
            name("the Vardania-led coalition", 1..2, NerType::Loc).as_deref(),
            Some("Vardania")
        );
        assert_eq!(
            name("a Tirwen-born sailor", 1..2, NerType::Loc).as_deref(),
            Some("Tirwen")
        );
    }

    #[test]
    fn a_group_word_after_a_descriptive_title_is_a_group() {
        let (_, found) = clean("a young Russian lady", 1..3, NerType::Misc).unwrap();
        assert_eq!(found.kind, EntityKind::Group);
    }

    #[test]
    fn a_person_name_after_the_is_a_thing() {
        let (name, found) = clean("aboard the Quandary sailed", 2..3, NerType::Per).unwrap();
        assert_eq!(name, "Quandary");
        assert_eq!(found.kind, EntityKind::Other);
        // A family is written after "the"; a given name is no ship.
        let (_, found) = clean("the Harlows came", 1..2, NerType::Per).unwrap();
        assert_ne!(found.kind, EntityKind::Other);
        let (_, found) = clean("the Mary sank", 1..2, NerType::Per).unwrap();
        assert_eq!(found.kind, EntityKind::Person);
    }

    #[test]
    fn one_word_companies_and_banks_are_organisations() {
        let (_, found) = clean("shares of Zentrogroup fell", 2..3, NerType::Per).unwrap();
        assert_eq!(found.kind, EntityKind::Organization);
        let (_, found) = clean("the Vellbank said", 1..2, NerType::Per).unwrap();
        assert_eq!(found.kind, EntityKind::Organization);
        assert!(!is_compound_organisation("Rank"));
    }

    #[test]
    fn names_set_apart_by_quotes_or_italics() {
        let text = r#"a duet from "Zampa" on the _Orvieto_ with "Tessaly" and Tessaly"#;
        let raw = |word: &str, nth: usize| {
            let start = text.match_indices(word).nth(nth).map(|(i, _)| i).unwrap();
            RawMention {
                start,
                end: start + word.len(),
                kind: EntityKind::Person,
                hints: MentionHints::default(),
            }
        };
        let mut mentions = vec![
            raw("Zampa", 0),
            raw("Orvieto", 0),
            raw("Tessaly", 0),
            raw("Tessaly", 1),
        ];
        mark_set_apart(text, &mut mentions);
        let kept: Vec<(&str, EntityKind)> = mentions
            .iter()
            .map(|m| (&text[m.start..m.end], m.kind))
            .collect();
        // "Zampa", quoted and nowhere else, is a title; "Tessaly" is also
        // written unquoted, so a name; the italic ship is other.
        assert_eq!(
            kept,
            [
                ("Orvieto", EntityKind::Other),
                ("Tessaly", EntityKind::Person),
                ("Tessaly", EntityKind::Person)
            ]
        );
    }
}
