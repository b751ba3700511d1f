//! Speech cues around a quotation: "…," said X / X said / he replied /
//! X told Y that "…" / according to X / X: "…". A cue names its speaker by a
//! name, a pronoun (resolved by coreference) or a common noun ("said the old
//! man"), which names no entity.

use std::ops::Range;

use super::lexicon::lexicon;
use super::pieces::{pieces, Piece};
use super::Span;
use crate::analysis::coref::{is_possessive_after, PersonMention};
use crate::analysis::entities::lexicon::lexicon as entity_lexicon;
use crate::analysis::entities::{is_title, Gender};

/// Who a cue says is speaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A person's name: index into the document's person mentions.
    Name(usize),
    /// A pronoun starting at this byte ("he said").
    Pronoun(usize),
    /// A common noun or an untagged word: someone, but no named entity; the
    /// gender its noun tells ("his wife"), if any, and the byte range of its
    /// head noun ("man" in "the old man"), which the attribution keys an
    /// unnamed speaker by.
    Nominal(Gender, Option<Span>),
    /// "said the parson": a title used as a noun (the byte range of "parson"),
    /// which may name the one character the text gives that title.
    Titled(usize, usize),
    /// "Pink observed", "said Big Medicine": a capitalised name the tagger did
    /// not take for a person (the byte range of its words), which the cue
    /// shows is one.
    Untagged(Span),
}

/// A speech cue: its byte span (verb and speaker) and who it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub slot: Slot,
    /// Its verb answers someone ("he replied").
    pub replies: bool,
}

/// Words a cue may take before its verb ("Mr. Bennet quietly said").
const SUBJECT_WORDS: usize = 5;
/// Words between a verb and the name it inverts ("said an 18-year-old protester, Amer Saad").
const INVERTED_WORDS: usize = 8;
/// Pieces a leading verb may stand before its quote ("told worshipers that Iraqis").
const LEADING_TAIL: usize = 10;

fn is_subject_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "i" | "they" | "we")
}

fn is_sentence_end(text: &str) -> bool {
    matches!(text, "." | "!" | "?" | ";" | ":")
}

fn is_opening_mark(text: &str) -> bool {
    matches!(text, "“" | "\"" | "‘" | "«")
}

/// The person mention covering byte `at`, if any.
pub fn person_at(persons: &[PersonMention], at: usize) -> Option<usize> {
    let next = persons.partition_point(|m| m.start <= at);
    let i = next.checked_sub(1)?;
    (at < persons[i].end).then_some(i)
}

/// The person mention overlapping a piece ("Sadr" inside "al-Sadr"), if any.
fn person_in(persons: &[PersonMention], piece: &Piece) -> Option<usize> {
    let next = persons.partition_point(|m| m.start < piece.end);
    let i = next.checked_sub(1)?;
    (persons[i].end > piece.start).then_some(i)
}

fn lower_words(text: &str, pieces: &[Piece]) -> Vec<String> {
    pieces.iter().map(|p| p.text(text).to_lowercase()).collect()
}

/// The cue after a quote: in `after` (from the closing mark to the next quote
/// or the paragraph's end), up to the end of its clause.
pub fn trailing(text: &str, persons: &[PersonMention], after: Range<usize>) -> Option<Cue> {
    let all = pieces(text, after);
    let stop = all
        .iter()
        .position(|p| {
            !p.is_word && (is_sentence_end(p.text(text)) || is_opening_mark(p.text(text)))
        })
        .unwrap_or(all.len());
    let clause = &all[..stop];
    let lead = clause.iter().take_while(|p| !p.is_word).count();
    let clause = &clause[lead..];
    let lower = lower_words(text, clause);
    let refs: Vec<&str> = lower.iter().map(String::as_str).collect();
    let lexicon = lexicon();
    for k in 0..clause.len().min(SUBJECT_WORDS + 1) {
        if !clause[k].is_word {
            break; // "Elizabeth, laughing, said" is too loose to trust
        }
        let Some(verb) = lexicon.speech_verb(&refs[k..]) else {
            continue;
        };
        if k > 0 && lexicon.is_nominal(refs[k - 1]) {
            continue; // "his answer"
        }
        let verb_end = clause[k + verb.words - 1].end;
        let slot = if k == 0 {
            if !verb.inverts {
                return None;
            }
            after_verb(text, persons, &clause[verb.words..], &refs[verb.words..])?
        } else {
            subject(text, persons, &clause[..k], &refs[..k])?
        };
        let (start, end) = match slot {
            Slot::Name(i) if k == 0 => (clause[0].start, persons[i].end),
            _ if k == 0 => (
                clause[0].start,
                clause.get(verb.words).map_or(verb_end, |p| p.end),
            ),
            _ => (clause[0].start, verb_end),
        };
        return Some(Cue {
            span: Span { start, end },
            slot,
            replies: verb.replies,
        });
    }
    None
}

/// Who the words after an inverting verb name: "said Mr. Bennet", "said he",
/// "said an 18-year-old protester, Amer Saad", "said the old man".
fn after_verb(
    text: &str,
    persons: &[PersonMention],
    rest: &[Piece],
    lower: &[&str],
) -> Option<Slot> {
    let mut nominal = false;
    // "said Uralsib analyst Chris Weafer": an untagged capitalised word opens
    // a phrase that may end in the name; a linking word ("to", "of") ends it.
    let mut untagged = false;
    for (j, piece) in rest.iter().enumerate().take(INVERTED_WORDS) {
        if let Some(i) = person_in(persons, piece) {
            if is_possessive_after(text, persons[i].end) {
                // "said Elizabeth's mother"; "asked the man, eyeing Dick's coat" is the man.
                let phrase = if nominal { rest } else { &rest[j + 1..] };
                return Some(nominal_phrase(text, phrase));
            }
            if j == 0
                || nominal
                || untagged
                || titles_before(rest, j, text)
                || rest[j - 1].text(text) == ","
            {
                return Some(Slot::Name(i));
            }
            return None;
        }
        if !piece.is_word {
            if piece.text(text) == "," && nominal {
                continue; // an apposition follows: "a protester, Amer Saad"
            }
            break;
        }
        // "said I." is lexed as one piece, like an initial.
        if j == 0 && (is_subject_pronoun(lower[j]) || lower[j] == "i.") {
            return Some(Slot::Pronoun(piece.start));
        }
        if j == 0 && lexicon().is_nominal(lower[j]) {
            if lower[j] == "the" {
                if let Some(noun) = titled_noun(text, &rest[1..]) {
                    return Some(noun);
                }
            }
            nominal = true;
            continue;
        }
        if untagged {
            if lexicon().is_link_word(lower[j]) {
                break;
            }
            continue;
        }
        if nominal {
            continue;
        }
        if j == 0 && piece.text(text).starts_with(char::is_uppercase) {
            let titled = piece.text(text).ends_with('.') || is_title(piece.text(text));
            let name_next = rest.get(1).is_some_and(|p| person_in(persons, p).is_some());
            if titled || name_next {
                continue; // a title before the name ("Mr.", "Miss")
            }
            untagged = true; // a name the tagger missed, or a phrase before one
            continue;
        }
        break;
    }
    if untagged {
        return Some(untagged_name(text, rest).unwrap_or(Slot::Nominal(Gender::Unknown, None)));
    }
    nominal.then(|| nominal_phrase(text, rest))
}

/// True when byte `at` starts a sentence: only closing marks and spaces
/// stand between it and a sentence end or the text's start.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() || "”’\"'".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';'])
}

/// Capitalised words at most in a name the tagger missed.
const UNTAGGED_WORDS: usize = 3;

/// The slot of a cue's subject made only of capitalised words ("Pink",
/// "Big Medicine") up to the end of its clause: a name nobody tagged. At a
/// sentence's start the capital may only open the sentence ("“Go!” And
/// Natásha said"): there the first word must not be a common one.
fn untagged_name(text: &str, words: &[Piece]) -> Option<Slot> {
    let name: Vec<&Piece> = words.iter().take_while(|p| p.is_word).collect();
    let opening = name.first().map(|p| p.text(text).to_lowercase());
    if opening
        .is_some_and(|w| opens_sentence(text, name[0].start) && entity_lexicon().is_common_word(&w))
    {
        return None;
    }
    let ends = words.get(name.len()).is_none_or(|p| !p.is_word);
    let capitalised = |p: &&Piece| {
        let word = p.text(text);
        word.starts_with(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && !is_title(word)
            && !lexicon().is_nominal(&word.to_lowercase())
            && !is_subject_pronoun(&word.to_lowercase())
    };
    let (first, last) = (name.first()?, name.last()?);
    (ends && name.len() <= UNTAGGED_WORDS && name.iter().all(capitalised)).then_some(
        Slot::Untagged(Span {
            start: first.start,
            end: last.end,
        }),
    )
}

/// The slot of a common-noun phrase: its gender and head noun.
fn nominal_phrase(text: &str, phrase: &[Piece]) -> Slot {
    Slot::Nominal(phrase_gender(text, phrase), phrase_head(text, phrase))
}

/// Words of a common-noun phrase read for its head ("the senior market
/// strategist").
const HEAD_WORDS: usize = 4;
/// The same for a sentence's subject before its verb, which no comma or
/// linking word may end: a determiner and two more ("the old lady", not
/// "the old lady reached").
const SUBJECT_HEAD_WORDS: usize = 3;

/// The head noun of a common-noun phrase: its last lowercase word before a
/// comma, a linking word ("the man with the basket"), a capitalised word, an
/// adverb ("his wife impatiently") or a second determiner ("the man a little
/// impatiently"), leaving out its determiners.
fn phrase_head(text: &str, phrase: &[Piece]) -> Option<Span> {
    let lexicon = lexicon();
    let mut head = None;
    for piece in phrase.iter().take_while(|p| p.is_word).take(HEAD_WORDS) {
        let word = piece.text(text);
        let lower = word.to_lowercase();
        let determiner = lexicon.is_nominal(&lower);
        if !determiner && !word.starts_with(char::is_lowercase) {
            // "the persevering Mrs. Bennet": the words before run into a name.
            return None;
        }
        let ends =
            lexicon.is_link_word(&lower) || lower.ends_with("ly") || (determiner && head.is_some());
        if ends {
            break;
        }
        if !determiner && word.chars().all(|c| c.is_alphabetic() || c == '-') {
            head = Some(Span {
                start: piece.start,
                end: piece.end,
            });
        }
    }
    head
}

/// The gender a common-noun phrase's nouns tell, up to its first comma.
fn phrase_gender(text: &str, phrase: &[Piece]) -> Gender {
    phrase
        .iter()
        .take_while(|p| p.is_word)
        .take(INVERTED_WORDS)
        .map(|p| lexicon().noun_gender(&p.text(text).to_lowercase()))
        .find(|g| *g != Gender::Unknown)
        .unwrap_or_default()
}

/// True when every piece before `j` is a capitalised title ("Mr.", "Miss").
fn titles_before(rest: &[Piece], j: usize, text: &str) -> bool {
    rest[..j].iter().all(|p| {
        let word = p.text(text);
        word.starts_with(char::is_uppercase) && (word.ends_with('.') || is_title(word))
    })
}

/// "parson" in "the parson," or "the doctor.": one lowercase title word
/// closing the cue.
fn titled_noun(text: &str, rest: &[Piece]) -> Option<Slot> {
    let noun = rest.first().filter(|p| p.is_word)?;
    let word = noun.text(text);
    let closes = rest.get(1).is_none_or(|p| !p.is_word);
    let mut chars = word.chars();
    let capitalised: String = chars.next()?.to_uppercase().chain(chars).collect();
    (closes && word.starts_with(char::is_lowercase) && is_title(&capitalised))
        .then_some(Slot::Titled(noun.start, noun.end))
}

/// Who the words before a verb name: "Mr. Bennet", "he", "the old man";
/// nobody before a passive verb ("This was said").
fn subject(text: &str, persons: &[PersonMention], words: &[Piece], lower: &[&str]) -> Option<Slot> {
    let first = words.first()?;
    if lower.last().is_some_and(|w| lexicon().is_passive(w)) {
        return None;
    }
    // Up to one adverb may stand between the subject and its verb ("he quietly said").
    let adverb = |p: &Piece| p.text(text).ends_with("ly");
    let ends_before_verb = |from: usize| {
        let between = &words[from..];
        between.is_empty() || (between.len() == 1 && adverb(&between[0]))
    };
    if words.len() <= 2 && is_subject_pronoun(lower[0]) && ends_before_verb(1) {
        return Some(Slot::Pronoun(first.start));
    }
    let name_from = words
        .iter()
        .position(|p| {
            let word = p.text(text);
            !(word.starts_with(char::is_uppercase) && (word.ends_with('.') || is_title(word)))
        })
        .unwrap_or(0);
    if let Some(i) = words.get(name_from).and_then(|p| person_in(persons, p)) {
        let after_name = words
            .iter()
            .position(|p| p.start >= persons[i].end)
            .unwrap_or(words.len());
        if is_possessive_after(text, persons[i].end) {
            return Some(nominal_phrase(text, &words[after_name..]));
        }
        return ends_before_verb(after_name).then_some(Slot::Name(i));
    }
    if lower[0] == "the" && words.len() == 2 {
        if let Some(noun) = titled_noun(text, &words[1..]) {
            return Some(noun);
        }
    }
    if lexicon().is_nominal(lower[0]) && words.iter().all(|p| p.is_word) {
        return Some(nominal_phrase(text, words));
    }
    untagged_name(text, words)
}

/// The cue before a quote: in `before` (from the paragraph's start or the
/// previous quote to the opening mark), within the last sentence.
pub fn leading(text: &str, persons: &[PersonMention], before: Range<usize>) -> Option<Cue> {
    let all = pieces(text, before);
    let from = all
        .iter()
        .rposition(|p| !p.is_word && matches!(p.text(text), "." | "!" | "?" | "”" | "’"))
        .map_or(0, |i| i + 1);
    let sentence = &all[from..];
    let last = sentence.last()?;
    // "Ann: "…"" and "Ann said:" name the speaker right before the colon.
    if last.text(text) == ":" && sentence.len() >= 2 {
        if let Some(i) = person_in(persons, &sentence[sentence.len() - 2]) {
            return Some(Cue {
                span: Span {
                    start: persons[i].start,
                    end: last.end,
                },
                slot: Slot::Name(i),
                replies: false,
            });
        }
    }
    let lower = lower_words(text, sentence);
    let refs: Vec<&str> = lower.iter().map(String::as_str).collect();
    let lexicon = lexicon();
    // A colon announces the quote however long the sentence ("and then said,
    // not fiercely, but loud enough for the furniture to hear:").
    let tail = match last.text(text) {
        ":" => sentence.len(),
        _ => LEADING_TAIL,
    };
    let verb_at = (0..sentence.len()).rev().take(tail).find(|&k| {
        // "her state pair", "his answer": after a determiner it is a noun.
        let noun = k > 0 && lexicon.is_nominal(refs[k - 1]);
        sentence[k].is_word && !noun && lexicon.speech_verb(&refs[k..]).is_some()
    })?;
    let verb = lexicon.speech_verb(&refs[verb_at..])?;
    let verb_end = sentence[verb_at + verb.words - 1].end;
    // "…, said Elizabeth: "…"" and "according to X, "…"" name the speaker after the verb.
    if verb.inverts {
        if let Some(i) = sentence
            .get(verb_at + verb.words)
            .and_then(|p| person_in(persons, p))
        {
            return Some(Cue {
                span: Span {
                    start: sentence[verb_at].start,
                    end: persons[i].end,
                },
                slot: Slot::Name(i),
                replies: verb.replies,
            });
        }
    }
    // Otherwise its subject: the first person named or pronoun before the
    // verb, unless the verb is passive ("it was said").
    if verb_at > 0 && lexicon.is_passive(refs[verb_at - 1]) {
        return None;
    }
    // ...within the verb's clause: "Emma smiled; but it was impossible for
    // him not to say" is his cue, not hers.
    let clause_start = sentence[..verb_at]
        .iter()
        .rposition(|p| !p.is_word && matches!(p.text(text), ";" | ":"))
        .map_or(0, |i| i + 1);
    let (sentence, refs, verb_at) = (
        &sentence[clause_start..],
        &refs[clause_start..],
        verb_at - clause_start,
    );
    let opens_nominal = refs.first().is_some_and(|w| lexicon.is_nominal(w));
    let slot = sentence[..verb_at].iter().enumerate().find_map(|(k, p)| {
        if let Some(i) = person_in(persons, p) {
            if !is_possessive_after(text, persons[i].end) {
                return Some(Slot::Name(i));
            }
            // "Ann's mother said:"; "The old lady felt Tom's shirt and said:";
            // "On Ann's asking, she added": the subject comes later.
            return if k == 0 || titles_before(sentence, k, text) {
                Some(nominal_phrase(text, &sentence[k + 1..verb_at]))
            } else if opens_nominal {
                Some(nominal_phrase(
                    text,
                    &sentence[..verb_at.min(SUBJECT_HEAD_WORDS)],
                ))
            } else {
                None
            };
        }
        is_subject_pronoun(refs[k]).then_some(Slot::Pronoun(p.start))
    });
    // "My uncle saw me staring and said to me:": a common-noun subject.
    let slot = match slot {
        Some(slot) => slot,
        None if opens_nominal => {
            // Its head is a noun of a person ("uncle"), not the verb after it ("saw").
            let head = sentence[..verb_at.min(SUBJECT_HEAD_WORDS)]
                .iter()
                .position(|p| {
                    lexicon.noun_gender(&p.text(text).to_lowercase()) != Gender::Unknown
                })?;
            nominal_phrase(text, &sentence[..=head])
        }
        None => return None,
    };
    let start = match slot {
        Slot::Name(i) => persons[i].start,
        Slot::Pronoun(at) => at,
        Slot::Nominal(..) | Slot::Titled(..) => sentence[0].start,
        Slot::Untagged(name) => name.start,
    };
    Some(Cue {
        span: Span {
            start,
            end: verb_end,
        },
        slot,
        replies: verb.replies,
    })
}
