//! Who an unnamed speaker is. A speaker the cues call only by a common noun
//! ("said the doctor", "said her mother") is taken for a named character when
//! the text leaves one candidate:
//! - the noun is the rank or profession written before exactly one
//!   character's name ("the doctor" of Dr. Archie, "the sergeant" of Sergeant
//!   Bibot);
//! - the noun stands in apposition to exactly one character's name ("the
//!   artist himself, Basil Hallward", "Basil Hallward, the painter");
//! - the noun heads a family ("her mother", "his wife") and exactly one
//!   character with a married title of its gender ("Mrs. Bennet") speaks near
//!   the unnamed speaker's quotes;
//! - the speaker says who they are ("I am Parson Tringham");
//! - in a conversation of two parties, the turns of the unnamed speaker are
//!   later taken by a name ("said the gentleman" ... "said Mr. Greyson").
//!
//! Otherwise the speaker stays unnamed: one person under a noun and a name
//! splits their quotes, but two people under one name mixes them.

use rustc_hash::FxHashMap as HashMap;

use super::attribute::{inside_quote, pronoun_at, Attributed, DocumentText, Unnamed, UNNAMED_BASE};
use super::cues::Slot;
use super::lexicon::lexicon;
use super::pieces::pieces;
use crate::analysis::coref::narrator::introduced_in;
use crate::analysis::coref::{mentions_within, PersonMention};
use crate::analysis::entities::Gender;
use crate::analysis::titles::{titles, Marital};

/// Paragraphs around an unnamed speaker's quotes in which a family head's
/// named candidates must speak.
const FAMILY_REACH: usize = 40;
/// Bytes around a name searched for a noun in apposition.
const APPOSITION_WINDOW: usize = 40;
/// Paragraphs a conversation's next quote may lie ahead (one of narration
/// between two turns).
const TURN_GAP: usize = 2;

/// The named character each identified unnamed speaker is, by provisional id
/// (`UNNAMED_BASE + k`). `quotes` carry the speakers of a first pass and
/// `ids` each quote's provisional unnamed id; `pronoun_entity` gives the
/// character a pronoun starting at a byte refers to.
pub fn identify(
    doc: &DocumentText,
    names: &NameIndex,
    quotes: &[Attributed],
    unnamed: &[Unnamed],
    ids: &[Option<usize>],
    genders: &HashMap<usize, Gender>,
    pronoun_entity: &dyn Fn(usize) -> Option<usize>,
) -> HashMap<usize, usize> {
    let mut found = HashMap::default();
    if unnamed.is_empty() {
        return found;
    }
    let mut own: Vec<Vec<usize>> = vec![Vec::new(); unnamed.len()];
    for (k, id) in ids.iter().enumerate() {
        if let Some(slot) = id.and_then(|id| id.checked_sub(UNNAMED_BASE)) {
            if let Some(list) = own.get_mut(slot) {
                list.push(k);
            }
        }
    }
    let conversations = conversations(quotes);
    for (k, speaker) in unnamed.iter().enumerate() {
        let id = UNNAMED_BASE + k;
        let own: Vec<&Attributed> = own[k].iter().map(|&i| &quotes[i]).collect();
        let noun = speaker.noun.as_str();
        if speaker.name.is_some() {
            continue; // "Pink observed": a name of its own
        }
        // Said of themselves ("I am Parson Tringham"), else not named in their own quotes.
        let named = introduced(doc, quotes, id)
            .or_else(|| answers_name(doc, quotes, id))
            .or_else(|| {
                names
                    .rank(noun)
                    .or_else(|| names.apposition.get(noun).copied().flatten())
                    .or_else(|| of_the_family(doc.text, names, noun, &own, pronoun_entity))
                    .or_else(|| family_head(doc.text, names, quotes, noun, &own))
                    .or_else(|| {
                        let run = conversations
                            .iter()
                            .find(|r| r.iter().any(|q| q.speaker == Some(id)))?;
                        named_in_turns(names, run, id, genders)
                    })
                    .or_else(|| other_party(quotes, unnamed, noun, id, genders))
                    .or_else(|| {
                        let first_quote = own.first()?.start;
                        // Named after the stranger first spoke, and by the narration,
                        // not only in someone's speech ("I know! Cyril Matvéich...").
                        same_turns(&conversations, id, lexicon().noun_gender(noun), genders)
                            .filter(|n| {
                                names.first_named.get(n).is_some_and(|&at| at > first_quote)
                            })
                            .filter(|&n| {
                                doc.persons
                                    .iter()
                                    .any(|m| m.entity == n && !inside_quote(quotes, m.start))
                            })
                    })
                    .filter(|&e| !names_in_own_quotes(doc, quotes, id, e))
            });
        if let Some(entity) = named {
            found.insert(id, entity);
        }
    }
    // "the other" may be found to be "the man", himself found to be a name.
    let ids: Vec<usize> = found.keys().copied().collect();
    for id in ids {
        let mut to = found[&id];
        for _ in 0..unnamed.len() {
            match found.get(&to) {
                Some(&next) if next != id => to = next,
                _ => break,
            }
        }
        found.insert(id, to);
    }
    found
}

/// True when a quote of the unnamed speaker `id` names `entity`: said to
/// them ("How do you mean, Mr Cotter?") or of them ("Mr Cotter here has just
/// told us"), they are someone else.
fn names_in_own_quotes(
    doc: &DocumentText,
    quotes: &[Attributed],
    id: usize,
    entity: usize,
) -> bool {
    quotes.iter().filter(|q| q.speaker == Some(id)).any(|q| {
        mentions_within(doc.persons, q.start..q.end)
            .iter()
            .any(|m| m.entity == entity)
    })
}

/// Paragraphs back a conversation's other party may have last spoken.
const OTHER_PARTY_REACH: usize = 12;

/// "said the other", "replied his companion": the party of the conversation
/// who is not the one just answered (the last speaker before the one who
/// spoke the turn before it), when the speaker's noun says so ("other",
/// "companion"), or when that party is a stranger too and the one answered
/// has a name ("said a rough voice" ... "asked Dick" ... "said the porter"),
/// and their nouns agree in gender.
fn other_party(
    quotes: &[Attributed],
    unnamed: &[Unnamed],
    noun: &str,
    id: usize,
    genders: &HashMap<usize, Gender>,
) -> Option<usize> {
    let relational = lexicon().is_other_party(noun);
    let first = quotes.iter().position(|q| q.speaker == Some(id))?;
    let paragraph = quotes[first].paragraph;
    let mut before = quotes[..first]
        .iter()
        .rev()
        .take_while(|q| q.paragraph + OTHER_PARTY_REACH >= paragraph)
        .filter(|q| !q.term && !q.phrase)
        .filter_map(|q| q.speaker);
    let answered = before.next()?;
    // "“Randolph,” said the young lady": she speaks to someone else.
    let addressed = &quotes[first].addressees;
    if !addressed.is_empty() && !addressed.contains(&answered) {
        return None;
    }
    let party = before.find(|&s| s != answered && s != id)?;
    let gender = |s: usize| match s.checked_sub(UNNAMED_BASE).and_then(|k| unnamed.get(k)) {
        Some(u) => lexicon().noun_gender(&u.noun),
        None => genders.get(&s).copied().unwrap_or_default(),
    };
    // Any other noun may be a stranger answering again ("said a rough voice",
    // "said Dick", "said the porter"), not a named character.
    let stranger = party >= UNNAMED_BASE && answered < UNNAMED_BASE;
    ((relational || stranger) && gender(party).compatible(gender(id))).then_some(party)
}

/// What the names of a document say, gathered in one pass over its person
/// mentions: each is looked up once per unnamed speaker.
pub struct NameIndex {
    /// A word of a rank or profession before (or opening) a name, lowercase
    /// without its period ("dr", "parson") -> the one character it comes
    /// with (None for several). Titles of a gender ("Mr.", "Lady") say
    /// nothing of a profession and are left out.
    ranks: HashMap<String, Option<usize>>,
    /// The abbreviations among `ranks` ("dr", "sgt").
    abbreviations: Vec<String>,
    /// A noun in apposition to a name ("the artist himself, Basil
    /// Hallward") -> the one character it is said of.
    apposition: HashMap<String, Option<usize>>,
    /// Where each character is first named.
    first_named: HashMap<usize, usize>,
    /// Characters with a married title of a gender before some mention.
    married: rustc_hash::FxHashSet<(usize, Gender)>,
    /// The last word of each character's longest name ("Bennet" of
    /// "Elizabeth Bennet"), with that name's length.
    surnames: HashMap<usize, (usize, String)>,
    /// A married title's gender and the surname after it -> the one
    /// character so written ("Mrs." "Bennet").
    married_surnames: HashMap<(Gender, String), Option<usize>>,
}

impl NameIndex {
    pub fn new(doc: &DocumentText) -> NameIndex {
        let mut index = NameIndex {
            ranks: HashMap::default(),
            abbreviations: Vec::new(),
            apposition: HashMap::default(),
            first_named: HashMap::default(),
            married: Default::default(),
            surnames: HashMap::default(),
            married_surnames: HashMap::default(),
        };
        let text = doc.text;
        for m in doc.persons {
            index.first_named.entry(m.entity).or_insert(m.start);
            let word_before = last_word(&text[..m.start]);
            let name = &text[m.start..m.end];
            let surname = name.rsplit(char::is_whitespace).next().unwrap_or(name);
            if let Some(gender) = married_title(word_before) {
                index.married.insert((m.entity, gender));
                let key = (gender, surname.to_string());
                let entry = index.married_surnames.entry(key).or_insert(Some(m.entity));
                if *entry != Some(m.entity) {
                    *entry = None;
                }
            }
            let longest = index.surnames.entry(m.entity).or_default();
            if name.len() > longest.0 {
                *longest = (name.len(), surname.to_string());
            }
            let opening = name
                .split_whitespace()
                .next()
                .filter(|w| w.len() < name.len());
            for word in std::iter::once(word_before).chain(opening) {
                if word.starts_with(char::is_uppercase) && !is_gendered_title(word) {
                    let bare = word.trim_end_matches('.').to_lowercase();
                    if titles().get(&[word]).is_some_and(|t| t.abbreviation)
                        && !index.abbreviations.contains(&bare)
                    {
                        index.abbreviations.push(bare.clone());
                    }
                    only_one(&mut index.ranks, bare, m.entity);
                }
            }
            let before = &text[floor(text, m.start.saturating_sub(APPOSITION_WINDOW))..m.start];
            let after = &text[m.end..floor(text, m.end + APPOSITION_WINDOW)];
            for noun in noun_before_comma(before)
                .into_iter()
                .chain(noun_after_comma(after))
            {
                only_one(&mut index.apposition, noun, m.entity);
            }
        }
        index
    }

    /// The one character with the rank `noun` names: "doctor" of "Doctor
    /// Archie", or of "Dr. Archie" through the abbreviation whose letters
    /// the noun has in order from its first.
    fn rank(&self, noun: &str) -> Option<usize> {
        if let Some(&entity) = self.ranks.get(noun) {
            return entity;
        }
        let ranks = lexicon().ranks_of(noun);
        if !ranks.is_empty() {
            // "the clergyman": the one character with any of its ranks.
            let mut named = ranks.iter().filter_map(|rank| self.rank(rank));
            let first = named.next()?;
            return named.all(|e| e == first).then_some(first);
        }
        let mut written = self
            .abbreviations
            .iter()
            .filter(|a| a.chars().next() == noun.chars().next() && in_order(a, noun))
            .map(|a| self.ranks.get(a).copied().flatten());
        let first = written.next()??;
        written.all(|e| e == Some(first)).then_some(first)
    }
}

/// The persons of `doc` with "the doctor" added wherever a rank names one
/// character ("Dr. Archie"), in text order, so that a pronoun after "The
/// doctor shut the door" finds him and "The doctor asked:" is his cue. None
/// when no rank does.
pub fn with_rank_mentions(doc: &DocumentText, names: &NameIndex) -> Option<Vec<PersonMention>> {
    // Ranks of the titles table only ("doctor", "captain"), by the word
    // written before a name or by its abbreviation ("Dr.").
    let nouns: Vec<(&str, usize)> = titles()
        .one_word_keys()
        .chain(lexicon().rank_nouns())
        .filter(|noun| !names.abbreviations.iter().any(|a| a == noun))
        .filter_map(|noun| Some((noun, names.rank(noun)?)))
        .collect();
    if nouns.is_empty() {
        return None;
    }
    let text = doc.text;
    // One pass over the text for all of them.
    let finder = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(nouns.iter().map(|(noun, _)| noun))
        .ok()?;
    let mut added: Vec<PersonMention> = Vec::new();
    for found in finder.find_iter(text) {
        let (start, end) = (found.start(), found.end());
        let word = !text[end..].starts_with(char::is_alphanumeric)
            && !text[..start].ends_with(char::is_alphanumeric);
        if word && after_the(&text[floor(text, start.saturating_sub(ARTICLE_BYTES))..start]) {
            let entity = nouns[found.pattern().as_usize()].1;
            added.push(PersonMention { start, end, entity });
        }
    }
    if added.is_empty() {
        return None;
    }
    let named = |m: &PersonMention| {
        let i = doc.persons.partition_point(|p| p.end <= m.start);
        doc.persons.get(i).is_some_and(|p| p.start < m.end)
    };
    added.retain(|m| !named(m));
    added.extend_from_slice(doc.persons);
    added.sort_by_key(|m| (m.start, m.end));
    Some(added)
}

/// The one character an unnamed speaker's quotes say they are ("when I be
/// plain Jack Durbeyfield").
fn introduced(doc: &DocumentText, quotes: &[Attributed], id: usize) -> Option<usize> {
    let mut said = quotes
        .iter()
        .filter(|q| q.speaker == Some(id))
        .filter_map(|q| introduced_in(doc.text, q.start..q.end, doc.persons));
    let first = said.next()?;
    said.all(|e| e == first).then_some(first)
}

/// The character an unnamed speaker names when just asked for their name
/// (see [`name_answered`]).
fn answers_name(doc: &DocumentText, quotes: &[Attributed], id: usize) -> Option<usize> {
    quotes.windows(2).find_map(|pair| {
        let [question, answer] = pair else {
            return None;
        };
        if answer.speaker != Some(id) || question.speaker == Some(id) {
            return None;
        }
        name_answered(doc, question.start..question.end, answer.start..answer.end)
    })
}

/// The name a quote opens with, ending its clause, right after a question
/// that asks for one ("“What name?”" … "“Greyson,--office on second
/// floor.”"): the answer's speaker's own, not said to anyone.
pub(super) fn name_answered(
    doc: &DocumentText,
    question: std::ops::Range<usize>,
    answer: std::ops::Range<usize>,
) -> Option<usize> {
    let marks = |c: char| c.is_whitespace() || "“”‘’\"'".contains(c);
    // Most quotes ask nothing: lowercase only a question.
    let asked = doc.text[question].trim_end_matches(marks);
    if !asked.ends_with('?') || !lexicon().asks_name(&asked.to_lowercase()) {
        return None;
    }
    let name = mentions_within(doc.persons, answer.clone()).first()?;
    let opens = doc.text[answer.start..name.start].chars().all(marks);
    let ends = doc.text[name.end..answer.end]
        .chars()
        .next()
        .is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
    (opens && ends).then_some(name.entity)
}

/// Paragraphs after an unnamed speaker's last quote in which its noun in
/// the narration ("the old man") is taken for it.
const NOMINAL_REACH: usize = 3;
/// Paragraphs before its first quote in which an unnamed speaker's noun is
/// taken for it: the narration may bring it in well before it speaks ("The
/// child, who was diminutive for his years, ..." ten paragraphs before "said
/// the child").
const NOMINAL_LOOKBACK: usize = 15;

/// The persons of `doc` with the narration's "the <noun>" of each unnamed
/// speaker added near its quotes, as a mention of the speaker's current id
/// (`ids`: each quote's, identified since `provisional`, the ids
/// [`super::attribute::unnamed_speakers`] gave), in text order; and the
/// gender each noun tells.
pub fn nominal_mentions(
    doc: &DocumentText,
    quotes: &[Attributed],
    unnamed: &[Unnamed],
    provisional: &[Option<usize>],
    ids: &[Option<usize>],
) -> (Vec<PersonMention>, HashMap<usize, Gender>) {
    let mut persons = doc.persons.to_vec();
    let mut genders = HashMap::default();
    if unnamed.is_empty() {
        return (persons, genders);
    }
    // Each unnamed speaker's current id and the paragraphs of its quotes.
    let mut spans: Vec<Option<(usize, usize, usize)>> = vec![None; unnamed.len()];
    for ((q, original), current) in quotes.iter().zip(provisional).zip(ids) {
        let (Some(original), Some(current)) = (original, current) else {
            continue;
        };
        let Some(span) = original
            .checked_sub(UNNAMED_BASE)
            .and_then(|k| spans.get_mut(k))
        else {
            continue;
        };
        let (_, first, last) = span.get_or_insert((*current, q.paragraph, q.paragraph));
        *first = (*first).min(q.paragraph);
        *last = (*last).max(q.paragraph);
    }
    let lexicon = lexicon();
    for (speaker, span) in unnamed.iter().zip(&spans) {
        let Some((id, first, last)) = *span else {
            continue;
        };
        let gender = lexicon.noun_gender(&speaker.noun);
        if id >= UNNAMED_BASE && gender != Gender::Unknown {
            genders.insert(id, gender);
        }
        let from = doc
            .paragraphs
            .get(first.saturating_sub(NOMINAL_LOOKBACK))
            .map_or(0, |p| p.start);
        let until = doc
            .paragraphs
            .get(last + NOMINAL_REACH)
            .or(doc.paragraphs.last())
            .map_or(doc.text.len(), |p| p.end);
        let stretch = &doc.text[from..until.max(from)];
        let written = speaker.name.as_deref().unwrap_or(&speaker.noun);
        for (at, _) in stretch.match_indices(written) {
            let (start, end) = (from + at, from + at + written.len());
            let word = !doc.text[end..].starts_with(char::is_alphanumeric)
                && !doc.text[..start].ends_with(char::is_alphanumeric);
            let before =
                &doc.text[floor(doc.text, start.saturating_sub(ARTICLE_BYTES)).max(from)..start];
            let named = speaker.name.is_some() || after_the(before);
            if word && named && !inside_quote(quotes, start) {
                persons.push(PersonMention {
                    start,
                    end,
                    entity: id,
                });
            }
        }
    }
    if persons.len() > doc.persons.len() {
        persons.sort_by_key(|m| (m.start, m.end));
        persons.dedup_by(|later, earlier| later.start < earlier.end);
    }
    (persons, genders)
}

/// Words before a noun that make it "the old man": "the" (or "The") and at
/// most two lowercase words, within so many bytes.
const ARTICLE_REACH: usize = 3;
const ARTICLE_BYTES: usize = 40;

fn after_the(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    for _ in 0..ARTICLE_REACH {
        match words.next() {
            Some("the" | "The") => return true,
            Some(w) if w.chars().all(|c| c.is_lowercase() || c == '-') => continue,
            _ => return false,
        }
    }
    false
}

/// The "the <noun>" that a cue's "he" or "she" stands for when no character
/// is named between them: the last noun of the pronoun's gender in the
/// narration of the quote's paragraph or the one before ("The old lady
/// pulled her spectacles down … She looked perplexed, and then said:"). The
/// pronoun may still find a named character; this gives it a noun to find.
pub fn pronoun_noun(
    doc: &DocumentText,
    quotes: &[Attributed],
    q: &Attributed,
    at: usize,
) -> Option<std::ops::Range<usize>> {
    let form = pronoun_at(doc, at)?.form;
    if form.plural || form.gender == Gender::Unknown {
        return None;
    }
    let paragraph_start = doc
        .paragraphs
        .get(q.paragraph.saturating_sub(1))
        .map_or(0, |p| p.start);
    let named = doc.persons[..doc.persons.partition_point(|m| m.start < at)]
        .iter()
        .rev()
        .find(|m| !inside_quote(quotes, m.start))
        .map_or(0, |m| m.end);
    let from = paragraph_start.max(named).min(at);
    let lexicon = lexicon();
    pieces(doc.text, from..at)
        .iter()
        .filter(|p| p.is_word && !inside_quote(quotes, p.start))
        .filter(|p| lexicon.noun_gender(&p.text(doc.text).to_lowercase()) == form.gender)
        .filter(|p| {
            let before = floor(doc.text, p.start.saturating_sub(ARTICLE_BYTES)).max(from);
            after_the(&doc.text[before..p.start])
        })
        .map(|p| p.start..p.end)
        .next_back()
}

/// Records that `key` is said of `entity`; a key said of two characters
/// names neither.
fn only_one(map: &mut HashMap<String, Option<usize>>, key: String, entity: usize) {
    map.entry(key)
        .and_modify(|e| {
            if *e != Some(entity) {
                *e = None;
            }
        })
        .or_insert(Some(entity));
}

fn last_word(text: &str) -> &str {
    text.trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

fn in_order(short: &str, long: &str) -> bool {
    let mut letters = long.chars();
    short.chars().all(|c| letters.any(|l| l == c))
}

fn is_gendered_title(word: &str) -> bool {
    titles()
        .get(&[word])
        .is_some_and(|t| t.gender != Gender::Unknown)
}

/// The gender of a married title: a woman's "Mrs." or "Madame", a man's
/// "Mr." (the table says nothing of a man's marriage, so any title of a man
/// that takes a surname).
fn married_title(word: &str) -> Option<Gender> {
    let title = titles().get(&[word])?;
    let married = title.honorific
        && match title.gender {
            Gender::Female => title.marital == Marital::Married,
            Gender::Male => title.takes_surname,
            Gender::Unknown => false,
        };
    married.then_some(title.gender)
}

/// "...the artist himself, " or "...the painter, " right before a name: the
/// noun ("artist").
fn noun_before_comma(before: &str) -> Option<String> {
    let phrase = before.trim_end().strip_suffix(',')?;
    let mut words = phrase.split_whitespace().rev().map(str::to_lowercase);
    let mut noun = words.next()?;
    if matches!(noun.as_str(), "himself" | "herself") {
        noun = words.next()?;
    }
    let article = words.next()?;
    matches!(article.as_str(), "the" | "a" | "an").then_some(noun)
}

/// ", the painter" right after a name: the word after the article and, when
/// no mark ends it, the next (", the old doctor": "old" and "doctor").
fn noun_after_comma(after: &str) -> Vec<String> {
    let Some(phrase) = after.strip_prefix(", ") else {
        return Vec::new();
    };
    let mut words = phrase.split_whitespace();
    if !words
        .next()
        .is_some_and(|a| matches!(a.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        return Vec::new();
    }
    let mut nouns = Vec::new();
    for word in words.take(2) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        nouns.push(bare.to_lowercase());
        if bare.len() < word.len() {
            break;
        }
    }
    nouns
}

fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// "said her mother": the one character with a married title of the noun's
/// gender who speaks within [`FAMILY_REACH`] paragraphs of the unnamed
/// speaker's quotes. "lady" counts only as a spouse ("his lady").
fn family_head(
    text: &str,
    names: &NameIndex,
    quotes: &[Attributed],
    noun: &str,
    own: &[&Attributed],
) -> Option<usize> {
    let lexicon = lexicon();
    let heads_family = lexicon.is_family_head(noun)
        || lexicon.is_elder(noun)
        || (lexicon.is_spouse(noun) && own.iter().any(|q| possessive_before(text, q).is_some()));
    let gender = lexicon.noun_gender(noun);
    if !heads_family || gender == Gender::Unknown {
        return None;
    }
    let first = own.iter().map(|q| q.paragraph).min()?;
    let last = own.iter().map(|q| q.paragraph).max()?;
    let from = quotes.partition_point(|q| q.paragraph + FAMILY_REACH < first);
    let mut candidates = quotes[from..]
        .iter()
        .take_while(|q| q.paragraph <= last + FAMILY_REACH)
        .filter_map(|q| q.speaker.filter(|&s| s < UNNAMED_BASE))
        .filter(|&s| names.married.contains(&(s, gender)));
    let one = candidates.next()?;
    candidates.all(|s| s == one).then_some(one)
}

/// "said her father" of Elizabeth Bennet: the one character with a married
/// title of the noun's gender and her surname ("Mr. Bennet"), other than
/// her. Any of the unnamed speaker's cues may say it.
fn of_the_family(
    text: &str,
    names: &NameIndex,
    noun: &str,
    own: &[&Attributed],
    pronoun_entity: &dyn Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let lexicon = lexicon();
    let gender = lexicon.noun_gender(noun);
    if !(lexicon.is_family_head(noun) || lexicon.is_spouse(noun)) || gender == Gender::Unknown {
        return None;
    }
    own.iter().find_map(|q| {
        let relative = pronoun_entity(possessive_before(text, q)?)?;
        let (_, surname) = names.surnames.get(&relative)?;
        let head = names
            .married_surnames
            .get(&(gender, surname.clone()))
            .copied()??;
        (head != relative).then_some(head)
    })
}

/// Where "his" or "her" stands right before the cue's head noun ("said his
/// lady").
fn possessive_before(text: &str, q: &Attributed) -> Option<usize> {
    let Some(Slot::Nominal(_, Some(head))) = q.cue.map(|c| c.slot) else {
        return None;
    };
    let before = text[..head.start].trim_end();
    let word = last_word(before);
    matches!(word.to_lowercase().as_str(), "his" | "her").then(|| before.len() - word.len())
}

/// The runs of quotes at most [`TURN_GAP`] paragraphs apart.
fn conversations(quotes: &[Attributed]) -> Vec<&[Attributed]> {
    let mut runs = Vec::new();
    let mut start = 0;
    while start < quotes.len() {
        let end = start
            + 1
            + quotes[start..]
                .windows(2)
                .take_while(|w| w[1].paragraph <= w[0].paragraph + TURN_GAP)
                .count();
        runs.push(&quotes[start..end]);
        start = end;
    }
    runs
}

/// The one named character who takes the unnamed speaker's turns in its
/// conversations: both answer the same party and never each other ("said
/// the old lady" and "said Aunt Polly", each to Tom, in one scene).
fn same_turns(
    conversations: &[&[Attributed]],
    id: usize,
    gender: Gender,
    genders: &HashMap<usize, Gender>,
) -> Option<usize> {
    let mut adjacent: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut present: Vec<usize> = Vec::new();
    for run in conversations
        .iter()
        .filter(|r| r.iter().any(|q| q.speaker == Some(id)))
    {
        let mut turns: Vec<Option<usize>> = run
            .iter()
            .filter(|q| !q.term && !q.phrase)
            .map(|q| q.speaker)
            .collect();
        turns.dedup();
        for pair in turns.windows(2) {
            if let [Some(a), Some(b)] = *pair {
                adjacent.entry(a).or_default().push(b);
                adjacent.entry(b).or_default().push(a);
            }
        }
        present.extend(turns.into_iter().flatten());
    }
    let partners = adjacent.get(&id)?;
    present.sort_unstable();
    present.dedup();
    let mut candidates = present.into_iter().filter(|&n| {
        n < UNNAMED_BASE
            && !partners.contains(&n)
            && adjacent
                .get(&n)
                .is_some_and(|theirs| theirs.iter().any(|t| partners.contains(t)))
            // "the countess" is a woman the text says is one, not anyone unsexed.
            && match gender {
                Gender::Unknown => true,
                known => genders.get(&n) == Some(&known),
            }
    });
    let first = candidates.next()?;
    candidates.next().is_none().then_some(first)
}

/// A conversation between the unnamed speaker `id` and one other party, in
/// which a character named for the first time after `id` began to speak
/// also speaks: the stranger's name was given ("How much?" asked a
/// gentleman ... "I wonder," said Mr. Greyson).
fn named_in_turns(
    names: &NameIndex,
    run: &[Attributed],
    id: usize,
    genders: &HashMap<usize, Gender>,
) -> Option<usize> {
    let first_quote = run.iter().find(|q| q.speaker == Some(id))?.start;
    let mut speakers: Vec<usize> = run
        .iter()
        .filter_map(|q| q.speaker)
        .filter(|&s| s != id)
        .collect();
    speakers.sort_unstable();
    speakers.dedup();
    let (newcomers, others): (Vec<usize>, Vec<usize>) = speakers.iter().partition(|&&s| {
        s < UNNAMED_BASE
            && names
                .first_named
                .get(&s)
                .is_some_and(|&at| at > first_quote)
    });
    let unnamed_gender = run
        .iter()
        .filter(|q| q.speaker == Some(id))
        .find_map(|q| match q.cue.map(|c| c.slot) {
            Some(Slot::Nominal(g, _)) if g != Gender::Unknown => Some(g),
            _ => None,
        })
        .unwrap_or_default();
    let [named] = newcomers[..] else {
        return None;
    };
    let gender = genders.get(&named).copied().unwrap_or_default();
    (others.len() <= 1 && unnamed_gender.compatible(gender)).then_some(named)
}
