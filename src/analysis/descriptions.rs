//! Descriptions of an entity taken from the text around its mentions:
//! appositives ("Ali Shamkhani, the secretary of the Supreme National Security
//! Council of Iran,"), titles before a name ("radical cleric Muqtada al-Sadr")
//! and appositives before a name ("an 18-year-old protester, Amer Saad").
//!
//! Only general English patterns: punctuation, determiners, function words
//! and the shape of role nouns ("-er", "-ist", "minister", ...).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use super::titles::{titles, Gender};
use super::Entity;
use crate::corpus::Corpus;

/// One description with how often the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description {
    /// On one line, as first written.
    pub text: String,
    pub count: usize,
    /// Document and byte offset of the mention it was first found at.
    pub first_document: usize,
    pub first_offset: usize,
}

/// Words an appositive after a name may hold at most (longer runs are
/// clauses, not descriptions).
const MAX_APPOSITIVE_WORDS: usize = 16;
/// Words a title before a name may hold at most.
const MAX_TITLE_WORDS: usize = 6;
/// Words before a mention any pattern reads: an appositive before the name
/// with "one of", and the word preceding it.
const MAX_WORDS_BEFORE: usize = MAX_TITLE_WORDS + 6;
/// Bytes of text looked at on each side of a mention.
const WINDOW_BYTES: usize = 320;

/// The entity's descriptions, most frequent first (then first found), at
/// most `limit`, deduplicated case-insensitively.
pub fn describe(corpus: &Corpus, entity: &Entity, limit: usize) -> Vec<Description> {
    let mut found: Vec<Description> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for mention in entity.names() {
        let Some(document) = corpus.documents.get(mention.document) else {
            continue;
        };
        let bounds = corpus
            .paragraphs
            .get(mention.paragraph)
            .map_or(document.body.clone(), |p| p.start..p.end);
        for text in mention_descriptions(&document.text, bounds, mention.start..mention.end) {
            if is_a_name_of(&text, entity) {
                continue;
            }
            let key = text.to_lowercase();
            match index.get(&key) {
                Some(&i) => found[i].count += 1,
                None => {
                    index.insert(key, found.len());
                    found.push(Description {
                        text,
                        count: 1,
                        first_document: mention.document,
                        first_offset: mention.start,
                    });
                }
            }
        }
    }
    // A stable sort keeps first-found order among equal counts, since
    // mentions are visited in text order.
    found.sort_by_key(|d| std::cmp::Reverse(d.count));
    found.truncate(limit);
    found
}

fn is_a_name_of(text: &str, entity: &Entity) -> bool {
    std::iter::once(&entity.name)
        .chain(&entity.aliases)
        .any(|name| name.eq_ignore_ascii_case(text))
}

/// The descriptions around one mention at `mention` in `text`, looking no
/// further than `paragraph`.
pub fn mention_descriptions(
    text: &str,
    paragraph: Range<usize>,
    mention: Range<usize>,
) -> Vec<String> {
    let end = paragraph.end.min(text.len());
    let (Some(before), Some(after)) = (
        text.get(paragraph.start.min(mention.start)..mention.start),
        text.get(mention.end..end.max(mention.end)),
    ) else {
        return Vec::new();
    };
    let before = tail_window(before);
    let (after, reaches_paragraph_end) = head_window(after);
    let mut out = Vec::new();
    out.extend(title_before(&before));
    out.extend(appositive_before(&before));
    if !opens_with_fronted_phrase(&before) {
        out.extend(appositive_after(after, reaches_paragraph_end));
    }
    out
}

/// The last words before the mention, nearest first, as many as any
/// pattern reads; a word cut by the window is dropped.
fn tail_window(before: &str) -> Vec<&str> {
    // Something glued to the mention ("(", a quote, "al-") is no word before it.
    if !before.is_empty() && !before.ends_with(char::is_whitespace) {
        return Vec::new();
    }
    let mut start = before.len().saturating_sub(WINDOW_BYTES);
    while !before.is_char_boundary(start) {
        start += 1;
    }
    let window = &before[start..];
    let mut words: Vec<&str> = window
        .split_whitespace()
        .rev()
        .take(MAX_WORDS_BEFORE)
        .collect();
    let cut_word = start > 0 && !before[..start].ends_with(char::is_whitespace);
    if cut_word && words.last().is_some_and(|w| w.as_ptr() == window.as_ptr()) {
        words.pop();
    }
    words
}

/// The start of the text after the mention, and whether it runs to the end
/// of the paragraph.
fn head_window(after: &str) -> (&str, bool) {
    let mut end = after.len().min(WINDOW_BYTES);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    (&after[..end], end == after.len())
}

/// "In Baghdad, the capital ..." at the start of a sentence reads as a
/// fronted phrase: what follows the comma is the main clause, not an
/// appositive. `before` holds the words before the mention, nearest first.
fn opens_with_fronted_phrase(before: &[&str]) -> bool {
    match before {
        [word, rest @ ..] => {
            Words::Prepositions.has(word) && rest.first().is_none_or(|w| w.ends_with(SENTENCE_END))
        }
        [] => false,
    }
}

const SENTENCE_END: &[char] = &['.', '!', '?', '"', '”', ':', ';'];

/// ", the Y of Z," / " – a Y –" / ", head of Z," right after the mention.
fn appositive_after(after: &str, reaches_paragraph_end: bool) -> Option<String> {
    let rest = strip_opener(after)?;
    let mut words = Vec::new();
    let mut terminated = false;
    let mut tokens = rest.split_whitespace();
    for token in tokens.by_ref().take(MAX_APPOSITIVE_WORDS) {
        if token.starts_with(OPENING) || is_dash(token) {
            terminated = true;
            break;
        }
        let (core, ends) = split_trailing(token);
        if words.len() > 1 && Words::Relatives.has(core) {
            terminated = true;
            break;
        }
        if Words::ClauseVerbs.has(core) || is_finite_verb(words.last().copied(), core) {
            return None;
        }
        if !core.is_empty() {
            words.push(core);
        }
        if ends {
            terminated = true;
            break;
        }
    }
    // Running into the end of the paragraph also ends the appositive.
    if !terminated && (tokens.next().is_some() || !reaches_paragraph_end) {
        return None;
    }
    while words.last().is_some_and(|w| Words::Function.has(w)) {
        words.pop();
    }
    let phrase = starts_like_appositive(&words)?;
    let head = head_noun(phrase)?;
    let vague = Words::VagueHeads.has(head)
        || Words::TimeNouns.has(singular(head).as_str())
        || is_adjective(head);
    (!vague && has_content_word(phrase) && !reads_as_clause(phrase)).then(|| phrase.join(" "))
}

/// An adjective left without its noun ("Daggoo, a gigantic, coal-black
/// ..."), by its ending.
fn is_adjective(word: &str) -> bool {
    !Words::RoleNouns.has(word)
        && word.starts_with(|c: char| c.is_lowercase())
        && ["ic", "ous", "ful", "less", "able", "ible"]
            .iter()
            .any(|e| word.ends_with(e))
}

/// Signs of a clause in what looked like a noun phrase: a subject pronoun
/// ("the higher you rise"), a contraction ("there's"), a past form after a
/// noun ("dark nods replied") or a present "-s" verb between a noun and its
/// object ("his head presents an ...", "Radney still turns to").
fn reads_as_clause(words: &[&str]) -> bool {
    let pronoun_or_contraction = words.iter().any(|w| {
        Words::SubjectPronouns.has(w)
            || ["'s", "’s"].iter().any(|s| {
                w.strip_suffix(s)
                    .is_some_and(|stem| Words::Function.has(stem))
            })
    });
    let verb_pair = words
        .windows(2)
        .any(|pair| is_finite_verb(Some(pair[0]), pair[1]));
    let present_verb = words.windows(3).any(|w| {
        let [before, verb, after] = [w[0], w[1], w[2]];
        let noun_or_adverb = before.starts_with(|c: char| c.is_lowercase())
            && (!Words::Function.has(before) || Words::LeadingAdverbs.has(before));
        let object = is_determiner(after) || Words::Possessives.has(after) || after == "to";
        let plural_like = verb.len() > 3 && verb.ends_with('s') && !verb.ends_with("ss");
        noun_or_adverb && plural_like && object && verb.starts_with(|c: char| c.is_lowercase())
    });
    pronoun_or_contraction || verb_pair || present_verb
}

/// "the spy reported", "the Bank of Japan injected": a past form right after
/// a noun or pronoun is the verb of a clause. After a determiner, adverb or
/// preposition it is an adjective ("the newly elected", "of mixed race").
fn is_finite_verb(previous: Option<&str>, word: &str) -> bool {
    let Some(previous) = previous else {
        return false;
    };
    // "red", "bed", "speed" and "hundred" are no past forms.
    let regular_past =
        word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed") && !word.ends_with("dred");
    let looks_past = word.starts_with(|c: char| c.is_lowercase())
        && (regular_past || Words::CommonVerbs.has(word));
    let modifies = is_determiner(previous)
        || previous.ends_with("ly")
        || Words::Prepositions.has(previous)
        || Words::Qualifiers.has(previous);
    looks_past && !modifies
}

/// After the mention: optional spaces, then a comma or a dash, then space.
fn strip_opener(after: &str) -> Option<&str> {
    let trimmed = after.trim_start_matches([' ', '\t']);
    let rest = [",", "–", "—", "--"]
        .iter()
        .find_map(|opener| trimmed.strip_prefix(opener))?;
    rest.starts_with(char::is_whitespace).then_some(rest)
}

/// The appositive from its start: "[once] the|a|an ...", "one of the ...",
/// or a bare role "head of ...". `None` if it starts otherwise.
fn starts_like_appositive<'a, 'w>(words: &'a [&'w str]) -> Option<&'a [&'w str]> {
    let skip = usize::from(words.first().is_some_and(|w| Words::LeadingAdverbs.has(w)));
    let phrase = &words[skip..];
    let first = phrase.first()?;
    if is_determiner(first) && coordinates_names(&phrase[1..]) {
        return None;
    }
    let is_determined =
        is_determiner(first) && phrase.len() > 1 || (is_one(first) && phrase.get(1) == Some(&"of"));
    if is_determined {
        return Some(phrase);
    }
    // "his beloved wife" but not "his face red": after a possessive, a role.
    if Words::Possessives.has(first) && phrase.len() > 1 {
        return head_noun(phrase)
            .is_some_and(is_role_noun)
            .then_some(phrase);
    }
    // A bare role noun phrase needs its own "of": "head of the Quds Force".
    let of = phrase.iter().take(4).position(|w| *w == "of")?;
    let head = phrase[..of].last()?;
    let lowercase = first.starts_with(|c: char| c.is_lowercase());
    let modifiers_only = phrase[..of].iter().all(|w| is_title_modifier(w));
    (of > 0 && lowercase && modifiers_only && is_role_noun(head)).then_some(phrase)
}

/// The last word before the first preposition or relative pronoun, skipping
/// a leading "one of the".
fn head_noun<'w>(phrase: &[&'w str]) -> Option<&'w str> {
    let start = phrase
        .iter()
        .position(|w| !Words::Function.has(w) && !is_one(w))?;
    let body = &phrase[start..];
    let end = body
        .iter()
        .position(|w| Words::Function.has(w))
        .unwrap_or(body.len());
    body[..end].last().copied()
}

/// "the US and Israel": capitalised words joined by a conjunction are a list
/// of names, not a description.
fn coordinates_names(words: &[&str]) -> bool {
    let names = words
        .iter()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    names > 0
        && words
            .get(names)
            .is_some_and(|w| ["and", "or", "nor"].contains(w))
}

/// A title or role right before the mention: "radical cleric", "Iraqi Prime
/// Minister", "Iran's foreign minister". `before` is nearest first.
fn title_before(before: &[&str]) -> Option<String> {
    let (&head, rest) = before.split_first()?;
    // "Mrs." or "Sir" says only how the person is addressed (the name
    // keeps it), and words before it are no title ("after a short
    // silence Mrs. Bennet").
    if is_form_of_address(head) {
        return None;
    }
    let place = Words::PlaceNouns.has(head) && head.starts_with(|c: char| c.is_lowercase());
    if !place && !is_title_head(head) {
        return None;
    }
    let mut words = vec![head];
    for &word in rest.iter().take(MAX_TITLE_WORDS - 1) {
        if is_possessive(word) {
            words.push(word);
            break;
        }
        if !is_title_modifier(word) {
            break;
        }
        words.push(word);
    }
    // "the province Nicholas ..." is rather a relative clause: a place noun
    // needs a qualifier ("Iranian capital Tehran").
    if place && words.len() == 1 {
        return None;
    }
    words.reverse();
    Some(words.join(" "))
}

/// "an 18-year-old protester, X" / "one of the protesters, X": a determined
/// role phrase ending in a comma right before the mention.
fn appositive_before(before: &[&str]) -> Option<String> {
    let (&last, rest) = before.split_first()?;
    let last = last.strip_suffix(',')?;
    if has_punctuation(last) || Words::Function.has(last) {
        return None;
    }
    let mut words = vec![last];
    let mut remaining = rest.iter();
    loop {
        let &word = remaining.next()?;
        if has_punctuation(word)
            || Words::ClauseVerbs.has(word)
            || words.len() > MAX_TITLE_WORDS + 1
        {
            return None;
        }
        words.push(word);
        if is_determiner(word) {
            break;
        }
    }
    let determiner = words.len() - 1;
    let rest = remaining.as_slice();
    if let [of, one, ..] = rest {
        if *of == "of" && is_one(one) {
            words.extend([*of, *one]);
        }
    }
    // "In Baghdad, the capital, X" and "In the summer, X" describe something
    // else or nothing.
    let preceding = rest.get(words.len() - 1 - determiner);
    if preceding
        .is_some_and(|w| !w.ends_with(SENTENCE_END) && (w.ends_with(',') || Words::Function.has(w)))
    {
        return None;
    }
    words.reverse();
    let head = head_noun(&words)?;
    (is_role_noun(head) && has_content_word(&words) && !reads_as_clause(&words))
        .then(|| words.join(" "))
}

fn is_one(word: &str) -> bool {
    word.eq_ignore_ascii_case("one")
}

/// Characters that open a quotation or a parenthesis.
const OPENING: &[char] = &['(', '[', '"', '“', '‘', '\''];
/// Characters that end an appositive when they close a word.
const CLOSING: &[char] = &[
    ',', ';', ':', '.', '!', '?', ')', ']', '"', '”', '’', '\'', '–', '—',
];

/// The word without its trailing punctuation, and whether that punctuation
/// (or a dash inside it, "elements—sulphur") ends the phrase. An
/// abbreviation's final dot ("U.S.", "Dr.") does not.
fn split_trailing(token: &str) -> (&str, bool) {
    if let Some(dash) = token.find(['—', '–']).or_else(|| token.find("--")) {
        return (token[..dash].trim_end_matches(CLOSING), true);
    }
    let core = token.trim_end_matches(CLOSING);
    if core.len() == token.len() {
        return (core, false);
    }
    if &token[core.len()..] == "." && is_abbreviation(core) {
        return (token, false);
    }
    (core, true)
}

fn is_abbreviation(core: &str) -> bool {
    (core.contains('.') && core.chars().all(|c| c.is_alphabetic() || c == '.'))
        || (core.chars().count() == 1 && core.starts_with(char::is_uppercase))
        || Words::TitleAbbreviations.has(core)
}

fn is_dash(token: &str) -> bool {
    matches!(token, "-" | "--" | "–" | "—")
}

fn has_punctuation(word: &str) -> bool {
    word.contains(|c: char| CLOSING.contains(&c) || OPENING.contains(&c)) || word.contains("--")
}

/// A title of the shared table that is gendered and only ever before a
/// name, and so no role: "Mr.", "Mrs.", "Miss", "Madame", "Sir", "Lady".
fn is_form_of_address(word: &str) -> bool {
    titles()
        .get(&[word])
        .is_some_and(|t| t.honorific && t.gender != Gender::Unknown)
}

fn is_possessive(word: &str) -> bool {
    word.chars().count() > 2 && (word.ends_with("'s") || word.ends_with("’s"))
}

/// The word next to the name in a title: a capitalised title ("Minister",
/// "Dr.") or a lowercase role noun ("cleric", "protester"), singular.
fn is_title_head(word: &str) -> bool {
    if let Some(bare) = word.strip_suffix('.') {
        return Words::TitleAbbreviations.has(bare);
    }
    if has_punctuation(word) || Words::Function.has(word) {
        return false;
    }
    if word.starts_with(char::is_uppercase) {
        return Words::RoleNouns.has(word) || Words::CapitalisedTitles.has(word);
    }
    // "generals Kutuzov and ..." introduces a list; "asks Pierre" is a verb.
    let plural = word.ends_with('s') && !word.ends_with("ss") && !Words::RoleNouns.has(word);
    !plural && is_role_noun(word)
}

/// A word that can qualify a title: an adjective or noun, not a function
/// word, verb form or adverb.
fn is_title_modifier(word: &str) -> bool {
    if has_punctuation(word) || Words::Function.has(word) || Words::ClauseVerbs.has(word) {
        return false;
    }
    let lowercase = word.starts_with(|c: char| c.is_lowercase());
    !(lowercase
        && (Words::CommonVerbs.has(word) || ["ed", "ing", "ly"].iter().any(|s| word.ends_with(s))))
}

/// Lowercase, with a plural "-s"/"-sses" taken off.
fn singular(word: &str) -> String {
    let lower = word.to_lowercase();
    let stem = lower
        .strip_suffix("es")
        .filter(|s| s.ends_with("ss"))
        .or_else(|| lower.strip_suffix('s').filter(|s| !s.ends_with('s')))
        .unwrap_or(&lower);
    stem.to_string()
}

/// A noun naming a role, by word list or by an agent-noun ending long
/// enough not to be "letter" or "summer". The endings apply to lowercase
/// words only: a capitalised "Christian" is a name.
fn is_role_noun(word: &str) -> bool {
    let singular = singular(word);
    if Words::RoleNouns.has(word) || Words::RoleNouns.has(&singular) {
        return true;
    }
    if Words::Function.has(&singular)
        || Words::CommonVerbs.has(&singular)
        || !word.starts_with(|c: char| c.is_lowercase())
    {
        return false;
    }
    // Comparatives and adverbs that share the endings: "brighter",
    // "thither", "whenever", "superior".
    if ["ther", "ever", "ier", "ior", "ghter"]
        .iter()
        .any(|e| singular.ends_with(e))
    {
        return false;
    }
    let length = singular.chars().count();
    AGENT_ENDINGS
        .iter()
        .any(|&(ending, min_length)| singular.ends_with(ending) && length >= min_length)
}

fn has_content_word(words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_lowercase()) && !Words::Function.has(w))
}

fn is_determiner(word: &str) -> bool {
    ["the", "a", "an"]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(word))
}

/// Agent-noun endings with the shortest word they are trusted on.
const AGENT_ENDINGS: &[(&str, usize)] = &[("er", 7), ("or", 7), ("ist", 6), ("ian", 6), ("man", 6)];

/// The closed word lists, each looked up case-insensitively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Words {
    Function,
    Qualifiers,
    Possessives,
    SubjectPronouns,
    Prepositions,
    Relatives,
    LeadingAdverbs,
    ClauseVerbs,
    CommonVerbs,
    RoleNouns,
    CapitalisedTitles,
    PlaceNouns,
    TitleAbbreviations,
    TimeNouns,
    VagueHeads,
}

impl Words {
    const ALL: [Words; 15] = [
        Words::Function,
        Words::Qualifiers,
        Words::Possessives,
        Words::SubjectPronouns,
        Words::Prepositions,
        Words::Relatives,
        Words::LeadingAdverbs,
        Words::ClauseVerbs,
        Words::CommonVerbs,
        Words::RoleNouns,
        Words::CapitalisedTitles,
        Words::PlaceNouns,
        Words::TitleAbbreviations,
        Words::TimeNouns,
        Words::VagueHeads,
    ];

    fn source(self) -> &'static str {
        match self {
            Words::Function => FUNCTION_WORDS,
            // Words after which a past form is an adjective ("most respected").
            Words::Qualifiers => {
                "and or but most more less least very so too much well his her their its my our \
                 your"
            }
            Words::Possessives => "his her their its my our your",
            Words::SubjectPronouns => "i you he she we they",
            Words::Prepositions => PREPOSITIONS,
            Words::Relatives => "who whose whom which that where when",
            Words::LeadingAdverbs => "once now formerly later then also still never always often",
            Words::ClauseVerbs => CLAUSE_VERBS,
            Words::CommonVerbs => COMMON_VERBS,
            Words::RoleNouns => ROLE_NOUNS,
            // Lowercase, these are adjectives ("three major banks").
            Words::CapitalisedTitles => "major private",
            Words::PlaceNouns => PLACE_NOUNS,
            Words::TitleAbbreviations => TITLE_ABBREVIATIONS,
            Words::TimeNouns => TIME_NOUNS,
            Words::VagueHeads => "one ones other others same rest thing things",
        }
    }

    fn has(self, word: &str) -> bool {
        static SETS: LazyLock<Vec<HashSet<&'static str>>> = LazyLock::new(|| {
            Words::ALL
                .iter()
                .map(|list| list.source().split_whitespace().collect())
                .collect()
        });
        let set = &SETS[self as usize];
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            set.contains(word.to_lowercase().as_str())
        } else {
            set.contains(word)
        }
    }
}

const FUNCTION_WORDS: &str = "the a an and or but nor of in on at to for from by with without \
    about against between into through during before after above below under over near since \
    until upon as than this these those which who whom whose where when while if so not no his \
    her their its our my your he she it they we i you him them us me also even only just very \
    too there here both all each every some any other another such own same per via like unlike \
    whether either neither yet however thus ever never together rather whereas although though \
    because unless across along around behind beside beyond inside outside toward towards among \
    amongst within onto off out up down again already still then that whatever whoever later \
    earlier further once now soon most more less least much many few several always often";

const PREPOSITIONS: &str = "in on at to for from by with without about against between into \
    through during before after above below under over near since until upon across along \
    around behind beside beyond inside outside toward towards among within onto of like unlike \
    via per despite throughout";

/// Finite verbs that turn a phrase into a clause.
const CLAUSE_VERBS: &str = "is was were are am be been being had has have do does did said \
    says say told tells asked asks replied answered will would could should can may might must \
    shall went came";

/// Verbs that often stand right before a name ("met", "join"); regular past
/// forms are caught by their "-ed".
const COMMON_VERBS: &str = "met meet meets saw see sees told tell tells ask asks call calls \
    join joins follow follows support supports kill kills replace thank visit visits help helps \
    urge urges elect appoint name became become like likes love loves hate hates know knew knows \
    marry took take gave give made make found find thought left felt kept brought sent held led \
    won beat hit let put began chose drew drove fell fought forgot got grew hid lost meant paid \
    ran rode rose sat shot shook spoke stood struck taught threw understood wrote sought heard \
    remember consider deliver discover wonder gather offer order suffer enter cover recover \
    prefer bother answer whisper murmur assist insist resist exist persist consist";

const TITLE_ABBREVIATIONS: &str =
    "mr mrs ms dr st gen col capt lt sgt prof rev sen gov rep fr hon maj adm cpl pres";

const ROLE_NOUNS: &str = "head chief king queen prince princess count countess duke duchess \
    emperor empress tsar czar tsarina lord lady sir dame madame monsieur mademoiselle mister \
    miss saint pope bishop cardinal archbishop judge envoy aide deputy rival ally friend wife \
    husband son daughter uncle aunt cousin nephew niece brother sister father mother colonel \
    captain general admiral marshal baron baroness ayatollah imam sheikh rabbi priest monk nun \
    coach boss ceo mayor nominee candidate star poet pilot nurse clerk guard cleric clergyman \
    minister president premier chancellor secretary senator governor ambassador spokesman \
    spokeswoman spokesperson official dictator commander leader lieutenant sergeant corporal \
    tyrant monarch sultan shah emir caliph khan rebel militant gunman student professor doctor \
    lawyer attorney prosecutor detective officer soldier agent chairman chairwoman founder \
    colleague adviser advisor author host chef servant maid valet steward footman nanny tutor \
    heir widow widower fiancé fiancée bride groom cook peasant merchant banker chaplain critic \
    medic heretic mechanic actress hostess waitress mistress goddess heiress stewardess \
    resident opponent correspondent regent dissident assistant immigrant participant defendant \
    consultant attendant informant leader writer player farmer dealer editor sailor actor \
    singer driver worker owner teacher manager painter member hunter rider porter butler tailor \
    master rector vicar deacon squire knight earl marquis viscount hetman ataman prophet \
    apostle elder chieftain warrior notary emissary missionary dignitary adversary mercenary \
    luminary fighter courier cashier";

/// Places named by a title before the name ("Iranian capital Tehran").
const PLACE_NOUNS: &str = "capital city town village province district region country port \
    island river county kingdom republic empire";

const TIME_NOUNS: &str = "day morning afternoon evening night week month year time moment \
    hour minute season spring summer autumn winter";

#[cfg(test)]
mod tests {
    use super::*;

    /// Descriptions around the first occurrence of `name` in `text`, with
    /// the whole text as one paragraph.
    fn around(text: &str, name: &str) -> Vec<String> {
        let start = text.find(name).expect("name in text");
        mention_descriptions(text, 0..text.len(), start..start + name.len())
    }

    #[test]
    fn every_word_list_is_found_at_its_own_index() {
        for (index, list) in Words::ALL.iter().enumerate() {
            assert_eq!(*list as usize, index);
            let first = list.source().split_whitespace().next().expect("non-empty");
            assert!(
                list.has(first) && list.has(&first.to_uppercase()),
                "{list:?}"
            );
        }
    }

    #[test]
    fn appositive_after_a_comma_ends_at_punctuation() {
        assert_eq!(
            around(
                "In neighboring Iran, Ali Shamkhani, the secretary of the Supreme National \
                 Security Council of Iran, said the march was a countdown.",
                "Ali Shamkhani"
            ),
            vec!["the secretary of the Supreme National Security Council of Iran"]
        );
        assert_eq!(
            around(
                "It was called by Muqtada al-Sadr, an influential Shiite cleric, on Friday.",
                "Muqtada al-Sadr"
            ),
            vec!["an influential Shiite cleric"]
        );
    }

    #[test]
    fn appositive_after_a_dash_stops_before_a_relative_clause() {
        assert_eq!(
            around(
                "In a statement, al-Sadr – the Iraqi clergyman whose followers fought \
                 against US forces – published a list.",
                "al-Sadr"
            ),
            vec!["the Iraqi clergyman"]
        );
    }

    #[test]
    fn bare_role_with_of_is_an_appositive() {
        assert_eq!(
            around(
                "Farhad Alaadin, head of the advisory board, said so.",
                "Farhad Alaadin"
            ),
            vec!["head of the advisory board"]
        );
    }

    #[test]
    fn titles_before_the_name() {
        assert_eq!(
            around(
                "The numbers requested by radical cleric Muqtada al-Sadr fell.",
                "Muqtada"
            ),
            vec!["radical cleric"]
        );
        assert_eq!(
            around("He met Iraqi Prime Minister Adel Abdul-Mahdi.", "Adel"),
            vec!["Iraqi Prime Minister"]
        );
        assert_eq!(
            around("He met Iran's foreign minister Javad Zarif.", "Javad"),
            vec!["Iran's foreign minister"]
        );
        assert_eq!(around("Then Dr. Watson left.", "Watson"), vec!["Dr."]);
        assert_eq!(
            around("Then Colonel Brandt left.", "Brandt"),
            vec!["Colonel"]
        );
    }

    #[test]
    fn a_form_of_address_is_no_description() {
        assert!(around("Then Mrs. Harlow left.", "Harlow").is_empty());
        assert!(around("After a short silence Mrs. Harlow spoke.", "Harlow").is_empty());
        assert!(around("He bowed to Sir Anselm.", "Anselm").is_empty());
    }

    #[test]
    fn appositive_before_the_name() {
        assert_eq!(
            around(
                "“We will fight,” said an 18-year-old protester, Amer Saad.",
                "Amer Saad"
            ),
            vec!["an 18-year-old protester"]
        );
        assert_eq!(
            around(
                "said one of the anti government protesters, Yahya Mohammed.",
                "Yahya"
            ),
            vec!["one of the anti government protesters"]
        );
    }

    #[test]
    fn clauses_lists_and_verbs_are_not_descriptions() {
        // A verb before the name is no title.
        assert!(around("tweeted Farhad Alaadin, who was there.", "Farhad").is_empty());
        // A list of names is no appositive.
        assert!(around("Iran, the US and Israel met.", "Iran").is_empty());
        // A fronted phrase is followed by the main clause.
        assert!(around("In Moscow, the Countess said nothing.", "Moscow").is_empty());
        assert!(around("In Moscow, the old Countess went out.", "Moscow").is_empty());
        // An appositive of the previous name describes that name.
        assert!(around("In Baghdad, the capital, Ali spoke.", "Ali").is_empty());
        // Relative clauses and possessives.
        assert!(around("Al-Sadr, whose party won, spoke.", "Al-Sadr").is_empty());
        assert!(around("Al-Sadr’s rival, the cleric, spoke.", "Al-Sadr").is_empty());
        // A run with no end in sight is a clause, not an appositive.
        let long = format!("Pierre, the {} man came", "very ".repeat(20));
        assert!(around(&long, "Pierre").is_empty());
    }

    #[test]
    fn clauses_inside_an_appositive_are_not_descriptions() {
        // A past form after a noun or pronoun is a verb.
        assert!(around("Paris, the spy reported, was calm.", "Paris").is_empty());
        assert!(around("Friday, the Bank of Japan injected cash, fell.", "Friday").is_empty());
        assert!(around("Napoleon, the firmness he displayed, fell.", "Napoleon").is_empty());
        assert!(around("Wickham, the travellers soon found, left.", "Wickham").is_empty());
        // After a determiner or adverb it is an adjective.
        assert_eq!(
            around("Boris, the newly elected chief, spoke.", "Boris"),
            vec!["the newly elected chief"]
        );
        assert_eq!(
            around("Ali, the most respected cleric, spoke.", "Ali"),
            vec!["the most respected cleric"]
        );
        // A number ends a sentence with its dot.
        assert_eq!(
            around("UTC, an increase of 330.89. Then", "UTC"),
            vec!["an increase of 330.89"]
        );
        assert_eq!(
            around("Anna, his beloved wife, wept.", "Anna"),
            vec!["his beloved wife"]
        );
        assert!(around("Pierre, his face red, left.", "Pierre").is_empty());
        // Clauses from a novel that look like noun phrases.
        for (text, name) in [
            (
                "Ahab, the higher you rise the harder you toil, said.",
                "Ahab",
            ),
            ("by the Lord, the mast there’s budding.", "Lord"),
            ("A cluster of dark nods replied, Yes. Then", "Yes"),
            (
                "Whale, the front of his head presents an almost plane.",
                "Whale",
            ),
            (
                "Nantucket, the widow of Radney still turns to the sea.",
                "Nantucket",
            ),
            ("was Daggoo, a gigantic, coal-black savage.", "Daggoo"),
        ] {
            assert!(
                around(text, name).is_empty(),
                "{text}: {:?}",
                around(text, name)
            );
        }
        assert_eq!(
            around("Flask, a native of Tisbury, in Martha's Vineyard.", "Flask"),
            vec!["a native of Tisbury"]
        );
        assert_eq!(
            around(
                "Boris, the leader of the Cossacks in Moscow, came.",
                "Boris"
            ),
            vec!["the leader of the Cossacks in Moscow"]
        );
        // Time phrases and vague heads say nothing about the entity.
        assert!(around("Jane, the next day, left.", "Jane").is_empty());
        assert!(around("Pierre, the one, left.", "Pierre").is_empty());
        // A dash glued inside a word ends the phrase.
        assert_eq!(
            around("Mercury, the first element—sulphur next.", "Mercury"),
            vec!["the first element"]
        );
    }

    #[test]
    fn titles_need_a_role_not_an_adjective_or_a_plural() {
        for (text, name) in [
            ("It was brighter Pierre thought.", "Pierre"),
            ("He went thither Nicholas said.", "Nicholas"),
            ("On the contrary Pierre said.", "Pierre"),
            ("Three major US banks fell.", "US"),
            ("The old generals Kutuzov and Bagration.", "Kutuzov"),
            ("Then the province Nicholas loved.", "Nicholas"),
            ("Later the travelling Pierre.", "Pierre"),
            ("for myself--for I know.", "I"),
            ("an old maid soon, I think.", "I"),
        ] {
            assert!(
                around(text, name).is_empty(),
                "{text}: {:?}",
                around(text, name)
            );
        }
        assert_eq!(around("They met Major Tushin.", "Tushin"), vec!["Major"]);
        assert_eq!(
            around("in the Iranian capital Tehran today", "Tehran"),
            vec!["Iranian capital"]
        );
    }
}
