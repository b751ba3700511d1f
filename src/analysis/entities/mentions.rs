//! From tagger spans to clean mentions: titles, possessives and punctuation
//! trimmed, junk dropped, CoNLL types mapped to entity kinds.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::acronyms;
use super::lexicon::{lexicon, Gender};
use super::names;
use super::{KindVotes, MentionHints, RawMention, CUE_WEIGHT};
use crate::analysis::ner::{self, NerType};
use crate::analysis::tokens::abbreviations::{self, AbbreviationKind};
use crate::analysis::tokens::{Sentence, Token};
use crate::analysis::EntityKind;

/// Sentence adverbs ("Apparently", "Constitutionally") end like this.
const ADVERB_SUFFIXES: &[&str] = &[
    "ally", "ently", "antly", "ously", "ively", "fully", "ately", "ingly", "edly", "ibly", "ably",
];

/// Tags one document and returns its cleaned mentions in text order.
pub fn find_mentions(
    tagger: &ner::Tagger,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Vec<RawMention> {
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| {
            tokens[s.tokens.clone()]
                .iter()
                .map(|t| t.text(text))
                .collect()
        })
        .collect();
    let tagged = tagger.tag_document_scored(&words);
    let context = DocumentContext::new(&words);
    let mut found: Vec<Vec<Found>> = words
        .iter()
        .zip(tagged)
        .map(|(words, spans)| {
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
        })
        .collect();
    let known = KnownNames::collect(&words, &found);
    let mut mentions = Vec::new();
    for ((sentence, words), found) in sentences.iter().zip(&words).zip(&mut found) {
        known.split_joined_names(words, found, &context);
        known.tag_untagged(words, found, &context);
        found.sort_by_key(|f| f.tokens.start);
        // A span extended over its head word may now cover the next one.
        let mut covered = 0;
        found.retain(|f| {
            let keep = f.tokens.start >= covered;
            covered = covered.max(f.tokens.end);
            keep
        });
        link_acronym_definitions(words, found);
        for f in found.iter_mut() {
            add_context_votes(words, f);
        }
        let sentence_tokens = &tokens[sentence.tokens.clone()];
        mentions.extend(found.drain(..).map(|f| {
            let start = sentence_tokens[f.tokens.start].start + f.cut_start;
            let end = sentence_tokens[f.tokens.end - 1].end - f.cut_end;
            RawMention {
                start,
                end,
                kind: f.kind,
                hints: MentionHints {
                    title: f.title,
                    defines: f.defines.map(|r| {
                        text[sentence_tokens[r.start].start..sentence_tokens[r.end - 1].end]
                            .to_string()
                    }),
                    kind_votes: f.votes,
                },
            }
        }));
    }
    mentions
}

/// The names the tagger found somewhere in a document: the same words left
/// untagged elsewhere in it are the same name (the tagger found "al-Sadr"
/// twice out of ten).
struct KnownNames {
    /// Key of the whole name -> votes per kind.
    kinds: HashMap<String, [usize; EntityKind::ALL.len()]>,
    /// Keys of first words, to skip most tokens at once.
    first_words: HashSet<String>,
    longest: usize,
}

impl KnownNames {
    fn collect(words: &[Vec<&str>], found: &[Vec<Found>]) -> KnownNames {
        let mut known = KnownNames {
            kinds: HashMap::new(),
            first_words: HashSet::new(),
            longest: 0,
        };
        for (words, found) in words.iter().zip(found) {
            for f in found.iter().filter(|f| f.cut_start == 0 && f.cut_end == 0) {
                let name = &words[f.tokens.clone()];
                known.kinds.entry(sequence_key(name)).or_default()[f.kind as usize] += 1;
                known.first_words.insert(names::key(name[0]));
                known.longest = known.longest.max(name.len());
            }
        }
        known
    }

    /// Adds the known names found among the untagged words of a sentence.
    fn tag_untagged(&self, words: &[&str], found: &mut Vec<Found>, context: &DocumentContext) {
        let mut covered = vec![false; words.len()];
        for f in found.iter() {
            covered[f.tokens.clone()].iter_mut().for_each(|c| *c = true);
        }
        let mut i = 0;
        while i < words.len() {
            // "Will you come?": a word the document also writes in lowercase
            // is no name when it opens a sentence.
            let end = self.match_at(words, &covered, i).filter(|&end| {
                end > i + 1 || !is_clause_initial(words, i) || !context.has_lowercase(words[i])
            });
            let label = end.and_then(|end| self.label_of(&words[i..end]));
            let added = match (end, label) {
                (Some(end), Some(label)) => context.clean(words, i..end, label),
                _ => None,
            };
            match added {
                Some(f) => {
                    i = f.tokens.end;
                    covered[f.tokens.clone()].iter_mut().for_each(|c| *c = true);
                    found.push(f);
                }
                None => i += 1,
            }
        }
    }

    /// "arrived in Moscow Pierre had…", "of October Pierre went…": two names
    /// with no comma between them read as one span. Split it where a rarer
    /// whole is a non-person (or a date word) followed by a person's name the
    /// document knows better on its own. A person's full name ("Washington
    /// Irving", "Elizabeth Bennet") is left alone: the tagger read it as a person.
    fn split_joined_names(
        &self,
        words: &[&str],
        found: &mut Vec<Found>,
        context: &DocumentContext,
    ) {
        let mut replaced = Vec::new();
        found.retain(|f| {
            let whole = &words[f.tokens.clone()];
            let joined = f.kind != EntityKind::Person
                && f.cut_start == 0
                && f.cut_end == 0
                && f.title.is_none()
                && whole.len() >= 2;
            let Some(at) = joined
                .then(|| self.person_after(words, f.tokens.clone()))
                .flatten()
            else {
                return true;
            };
            let left = f.tokens.start..at;
            if !lexicon().is_calendar_word(words[left.start]) || left.len() > 1 {
                let label = self.label_of(&words[left.clone()]).unwrap_or(NerType::Misc);
                replaced.extend(context.clean(words, left, label));
            }
            // Cleaning would join a capitalised word before a person again.
            replaced.extend(
                context
                    .clean(words, at..f.tokens.end, NerType::Per)
                    .map(|person| Found {
                        tokens: at.max(person.tokens.start)..person.tokens.end,
                        cut_start: if person.tokens.start < at {
                            0
                        } else {
                            person.cut_start
                        },
                        ..person
                    }),
            );
            false
        });
        found.extend(replaced);
    }

    /// Where a known person's name starts inside `span`, when the name and
    /// what comes before it are each known better alone than together.
    fn person_after(&self, words: &[&str], span: Range<usize>) -> Option<usize> {
        let whole = self.count(&words[span.clone()]);
        (span.start + 1..span.end).find(|&at| {
            let (left, right) = (&words[span.start..at], &words[at..span.end]);
            let left_known = self.count(left) > whole
                || (left.len() == 1 && lexicon().is_calendar_word(left[0]));
            left_known
                && self.count(right) > whole
                && self.label_of(right) == Some(NerType::Per)
                && self.label_of(left) != Some(NerType::Per)
        })
    }

    /// How many tagged mentions had exactly this name.
    fn count(&self, name: &[&str]) -> usize {
        self.kinds
            .get(&sequence_key(name))
            .map_or(0, |votes| votes.iter().sum())
    }

    /// The end of the longest known name starting at `i` in untagged words.
    fn match_at(&self, words: &[&str], covered: &[bool], i: usize) -> Option<usize> {
        let first = words[i];
        let starts_name = first.starts_with(char::is_uppercase) || names::has_capital(first);
        if covered[i] || !starts_name || !self.first_words.contains(&names::key(first)) {
            return None;
        }
        let max_end = (i + self.longest).min(words.len());
        (i + 1..=max_end)
            .rev()
            .filter(|&end| !covered[i..end].contains(&true))
            .find(|&end| self.kinds.contains_key(&sequence_key(&words[i..end])))
    }

    /// The tagger label of the kind the name had in at least two thirds of
    /// its tagged mentions; MISC (unsure) when the tagger wavered.
    fn label_of(&self, name: &[&str]) -> Option<NerType> {
        let votes = self.kinds.get(&sequence_key(name))?;
        let total: usize = votes.iter().sum();
        let (kind, &n) = EntityKind::ALL
            .into_iter()
            .zip(votes)
            .max_by_key(|&(kind, n)| (*n, std::cmp::Reverse(kind)))?;
        let kind = if 3 * n >= 2 * total {
            kind
        } else {
            EntityKind::Other
        };
        Some(match kind {
            EntityKind::Person => NerType::Per,
            EntityKind::Organization => NerType::Org,
            EntityKind::Place => NerType::Loc,
            EntityKind::Group | EntityKind::Other => NerType::Misc,
        })
    }
}

/// The key of a run of words, as one name.
fn sequence_key(words: &[&str]) -> String {
    names::key(&words.join(" "))
}

/// A cleaned span inside one sentence (token indices relative to the sentence).
struct Found {
    tokens: Range<usize>,
    /// Bytes of the first and last token left out of the name ("anti-US").
    cut_start: usize,
    cut_end: usize,
    kind: EntityKind,
    title: Option<String>,
    /// Tokens of the other half of an acronym definition.
    defines: Option<Range<usize>>,
    /// What this mention says about its entity's kind (see [`MentionHints::kind_votes`]).
    votes: KindVotes,
    /// The kind comes from a strong cue (honorific, head word, group word),
    /// not from the tagger's label.
    cued: bool,
}

/// "at Meryton", "Lizzy said": the words around a mention add a vote for
/// the kind they tell (see `assets/entities/kind_cues.tsv`).
fn add_context_votes(words: &[&str], found: &mut Found) {
    let lex = lexicon();
    let before = found.tokens.start.checked_sub(1).map(|i| words[i]);
    let after = words.get(found.tokens.end).copied();
    let cues = [(before, false), (after, true)];
    for (word, is_after) in cues {
        let kind = word.and_then(|w| lex.kind_cue(&w.to_lowercase(), is_after));
        if let Some(kind) = kind.filter(|_| found.kind != EntityKind::Group) {
            found.votes[kind as usize] += 1.0;
        }
    }
}

/// The tagger's type probabilities (PER, ORG, LOC, MISC) as kind votes.
fn tagger_votes(types: &[f32; 4]) -> KindVotes {
    let mut votes = KindVotes::default();
    votes[EntityKind::Person as usize] = types[0];
    votes[EntityKind::Organization as usize] = types[1];
    votes[EntityKind::Place as usize] = types[2];
    votes[EntityKind::Other as usize] = types[3];
    votes
}

/// Votes for one kind: a strong cue's, or a weak default for a mention
/// without tagger scores (a known name found again untagged).
fn single_vote(kind: EntityKind, cued: bool) -> KindVotes {
    let mut votes = KindVotes::default();
    votes[kind as usize] = if cued { CUE_WEIGHT } else { 0.5 };
    votes
}

/// What the whole document says about words: which ones are written
/// capitalised in mid-sentence (so are names, not just sentence openers).
struct DocumentContext<'a> {
    capitalised_inside: HashSet<&'a str>,
    /// Words written starting with a lowercase letter somewhere.
    lowercase: HashSet<&'a str>,
}

impl<'a> DocumentContext<'a> {
    fn new(sentences: &[Vec<&'a str>]) -> DocumentContext<'a> {
        let mut capitalised_inside = HashSet::new();
        let mut lowercase = HashSet::new();
        for words in sentences {
            let mut seen_word = false;
            for (i, word) in words.iter().enumerate() {
                if word.starts_with(char::is_lowercase) {
                    lowercase.insert(*word);
                }
                let opens_quote = i > 0 && opens_clause(words[i - 1]);
                if seen_word && !opens_quote && word.starts_with(char::is_uppercase) {
                    capitalised_inside.insert(*word);
                }
                seen_word |= is_wordlike(word);
            }
        }
        DocumentContext {
            capitalised_inside,
            lowercase,
        }
    }

    /// True when the document also writes `word` in lowercase ("will" for "Will").
    fn has_lowercase(&self, word: &str) -> bool {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        let lower: String = first.to_lowercase().chain(chars).collect();
        // "al-Sadr" is the lowercase form of "Al-Sadr", and still a name.
        !names::has_capital(&lower) && self.lowercase.contains(lower.as_str())
    }

    /// Trims a tagged span to the name proper, or drops it as junk.
    fn clean(&self, words: &[&str], span: Range<usize>, label: NerType) -> Option<Found> {
        let lex = lexicon();
        let (a, mut b) = trim_edges(words, span, label);
        let a = extend_person_left(words, a, b, label);
        let titled = strip_titles(words, a..b, label)?;
        let a = titled.name_start;
        if a >= b {
            return None;
        }
        // "Green" + "Zone": a capitalised head word the tagger left out.
        while b < words.len() && lex.head_noun(words[b]).is_some() {
            b += 1;
        }
        // "St." + "Aubert", "Jas." + "Smith": an abbreviation that always
        // precedes what it qualifies does not end a name.
        while b < words.len()
            && words[b].starts_with(char::is_uppercase)
            && abbreviations::classify(words[b - 1]) == Some(AbbreviationKind::NeverEnds)
        {
            b += 1;
        }
        let cut_start = lowercase_prefix_len(words[a]);
        let cut_end = lowercase_suffix_len(&words[b - 1][if a + 1 == b { cut_start } else { 0 }..]);
        let mut name: Vec<&str> = words[a..b].to_vec();
        name[0] = &name[0][cut_start..];
        let last = name.len() - 1;
        name[last] = &name[last][..name[last].len() - cut_end];
        if self.is_junk(&name, is_clause_initial(words, a)) || is_exclamation(words, a, b) {
            return None;
        }
        let is_person = titled.honorific || (label == NerType::Misc && titled.title.is_some());
        let head = head_kind(&name, label);
        let kind = if is_person {
            EntityKind::Person
        } else {
            head.unwrap_or_else(|| kind_of(&name, label))
        };
        let cued = is_person || head.is_some() || kind == EntityKind::Group;
        Some(Found {
            tokens: a..b,
            cut_start,
            cut_end,
            kind,
            title: titled.title,
            defines: None,
            votes: single_vote(kind, cued),
            cued,
        })
    }

    fn is_junk(&self, name: &[&str], clause_initial: bool) -> bool {
        let lex = lexicon();
        if !name.iter().any(|w| names::has_capital(w)) {
            return true;
        }
        if name
            .iter()
            .all(|w| !is_wordlike(w) || lex.is_stop_name(w) || lex.is_calendar_word(w))
        {
            return true;
        }
        let [word] = name else {
            return false;
        };
        is_numbering(word)
            || (clause_initial && self.is_capitalised_common_word(word))
            || is_shouted_common_word(word)
    }

    /// "Apparently", "Since", "Death" opening a sentence: ordinary words that
    /// are capitalised only because they come first, and never elsewhere.
    fn is_capitalised_common_word(&self, word: &str) -> bool {
        if self.capitalised_inside.contains(word) {
            return false;
        }
        let lowercase = word.to_lowercase();
        let is_adverb = lowercase.chars().count() >= 7
            && ADVERB_SUFFIXES.iter().any(|s| lowercase.ends_with(s));
        is_adverb || lexicon().is_common_word(&lowercase)
    }
}

/// "Good God", "Lord knows": a one-word name that is part of an exclamation.
fn is_exclamation(words: &[&str], a: usize, b: usize) -> bool {
    let before = a.checked_sub(1).map(|i| words[i]);
    b == a + 1 && lexicon().is_exclamation(words[a], before, words.get(b).copied())
}

/// "BOARD", "NOBLESSE": an ordinary word in capitals (a heading, a shout,
/// an emphasis) is no name; short ones may be acronyms ("US", "WHO").
fn is_shouted_common_word(word: &str) -> bool {
    word.chars().count() >= 4
        && word.chars().all(char::is_uppercase)
        && lexicon().is_common_word(&word.to_lowercase())
}

/// "the", "dear" in "dear Jane", "who" in "Cossack who": a lowercase word
/// at the edge of a span is not part of the name, unless it is a name
/// particle ("de Bourgh", "van Gogh", "al-Sadr").
fn is_lowercase_lead(word: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "du", "da", "di", "del", "della", "der", "den", "des", "van", "von", "ter", "ten",
        "le", "la", "los", "las", "dos", "das", "bin", "ibn", "bint", "al", "el", "ben", "mac",
        "st", "d'", "l'",
    ];
    word.starts_with(char::is_lowercase)
        && !word.contains('-')
        && !word.contains('\'')
        && !PARTICLES.contains(&word)
}

/// Drops punctuation, possessives, a leading "the", capitalised openers the
/// tagger swept in ("But Elizabeth") and dates beside a person's name ("June
/// Kitty") from the edges of a span.
fn trim_edges(words: &[&str], span: Range<usize>, label: NerType) -> (usize, usize) {
    let lex = lexicon();
    let (mut a, mut b) = (span.start, span.end);
    while a < b && !is_wordlike(words[a]) {
        a += 1;
    }
    while b > a && (!is_wordlike(words[b - 1]) || is_possessive(words[b - 1])) {
        b -= 1;
    }
    let is_person = label == NerType::Per;
    while b - a > 1
        && (is_lowercase_lead(words[a])
            || (words[a] == "The" && is_sentence_initial(words, a))
            || (lex.is_stop_name(words[a]) && !lex.is_calendar_word(words[a]))
            || (is_person && lex.is_calendar_word(words[a])))
    {
        a += 1;
    }
    while b - a > 1
        && ((is_person && lex.is_calendar_word(words[b - 1])) || is_lowercase_lead(words[b - 1]))
    {
        b -= 1;
    }
    (a, b)
}

/// "commander Abu [Mahdi al-Muhandis]": a capitalised word inside the
/// sentence right before a person span, which is no title, date, common
/// opener or nationality, is the start of the name.
fn extend_person_left(words: &[&str], mut a: usize, b: usize, label: NerType) -> usize {
    if label != NerType::Per || a >= b {
        return a;
    }
    while a > 0 && starts_name_before(words, a - 1) {
        a -= 1;
    }
    a
}

fn starts_name_before(words: &[&str], i: usize) -> bool {
    let lex = lexicon();
    let word = words[i];
    if !word.starts_with(char::is_uppercase)
        || is_clause_initial(words, i)
        || lex.title_at_start(&[word]).is_some()
        || lex.is_stop_name(word)
        || lex.is_calendar_word(word)
    {
        return false;
    }
    lex.demonym_place(word).is_none() && !lex.is_group_word(word) && !acronyms::is_acronym(word)
}

/// A name with its titles taken off.
struct Titled {
    name_start: usize,
    /// The innermost title, in or just before the span, as written.
    title: Option<String>,
    /// One of the titles only ever precedes a person ("Mr.", "Colonel", or a
    /// gendered title such as "Prince" on a name without a head word).
    honorific: bool,
}

/// Strips titles from the front of a person's name ("Grand Ayatollah Ali
/// al-Sistani"), and notes a title just before it ("Mr." before "Darcy").
/// Personal honorifics go whatever the label: the tagger may take "Mr.
/// Bingley" for a place. A span that is only a title is no name (`None`).
fn strip_titles(words: &[&str], span: Range<usize>, label: NerType) -> Option<Titled> {
    let lex = lexicon();
    let strips_any_title = matches!(label, NerType::Per | NerType::Misc);
    let (mut a, b) = (span.start, span.end);
    let mut title = None;
    let mut honorific = false;
    // "Prince Andrew" taken for a place is still a person; "Prince Edward
    // Island" and "King's College" end with a head word and stay what they are.
    let ends_with_head = lex.head_noun(words[b.saturating_sub(1)]).is_some();
    while let Some((n, gender)) = lex.title_at_start(&words[a..b]) {
        if n == b - a {
            return None; // "General", "the Emperor"
        }
        let is_honorific =
            lex.is_honorific(&words[a..a + n]) || (gender != Gender::Unknown && !ends_with_head);
        if !(strips_any_title || is_honorific) {
            break; // "General Motors"
        }
        honorific |= is_honorific;
        title = Some(words[a..a + n].join(" "));
        a += n;
    }
    if title.is_none() {
        let before = (1..=2.min(a)).rev().find(|&n| {
            lex.title_at_start(&words[a - n..a])
                .is_some_and(|(len, _)| len == n)
        });
        if let Some(n) = before {
            let is_honorific = lex.is_honorific(&words[a - n..a]);
            if strips_any_title || is_honorific {
                honorific = is_honorific;
                title = Some(words[a - n..a].join(" "));
            }
        }
    }
    Some(Titled {
        name_start: a,
        title,
        honorific,
    })
}

/// Chapter numbers and lone initials: "XLIX", "IV.", "B.".
fn is_numbering(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    let is_initial = word.len() == 2 && word.ends_with('.') && word.starts_with(char::is_uppercase);
    (bare.len() >= 2 && is_chapter_numeral(bare)) || is_initial
}

/// A well-formed Roman numeral below 400 ("XLIX", not "DC" or "ICC").
fn is_chapter_numeral(word: &str) -> bool {
    const DIGITS: [[&str; 10]; 3] = [
        ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"],
        ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"],
        ["", "C", "CC", "CCC", "", "", "", "", "", ""],
    ];
    if !word.chars().all(|c| "IVXLC".contains(c)) {
        return false;
    }
    (1..400).any(|n: usize| {
        let numeral = format!(
            "{}{}{}",
            DIGITS[2][n / 100],
            DIGITS[1][n / 10 % 10],
            DIGITS[0][n % 10]
        );
        numeral == word
    })
}

/// "Tahrir Square" is a place and "Quds Force" an organisation, whatever
/// the tagger said (only strong heads overrule a person label).
fn head_kind(name: &[&str], label: NerType) -> Option<EntityKind> {
    let [.., last] = name else {
        return None;
    };
    if name.len() < 2 {
        return None;
    }
    let (kind, strong) = lexicon().head_noun(last)?;
    (label != NerType::Per || strong).then_some(kind)
}

/// Splits spans that name several things: "West Asia News Agency /
/// Reuters" (separating punctuation), "Collins and Lizzy", "Sónya love
/// Nicholas" (a person span, or one opening with "Mr.", joined by a
/// conjunction, comma or other lowercase word but a name particle) and "Dólokhov’s Cossack" (a possessive inside).
/// Organisation names keep conjunctions and possessives ("Procter and
/// Gamble", "McDonald's").
fn split_span(words: &[&str], span: Range<usize>, label: NerType) -> Vec<(Range<usize>, NerType)> {
    let is_joint = |w: &str| matches!(w, "and" | "or" | "nor" | "&" | ",");
    let is_separator = |w: &str| {
        matches!(
            w,
            "/" | "(" | ")" | "[" | "]" | ";" | ":" | "|" | "–" | "—" | "--" | "\"" | "“" | "”"
        )
    };
    let people =
        label == NerType::Per || lexicon().is_honorific(&words[span.start..span.start + 1]);
    let mut parts = Vec::new();
    let mut start = span.start;
    for i in span.clone() {
        let splits = is_separator(words[i])
            || (people && (is_joint(words[i]) || is_lowercase_lead(words[i])))
            || (label != NerType::Org && is_possessive(words[i]) && i + 1 < span.end);
        if splits {
            parts.push((start..i, label));
            start = i + 1;
        }
    }
    parts.push((start..span.end, label));
    parts.retain(|(part, _)| !part.is_empty());
    parts
}

/// PER -> person, ORG -> organization, LOC -> place, MISC -> other; but
/// nationalities and religious or political group words are groups whatever
/// the tagger called them.
fn kind_of(name: &[&str], label: NerType) -> EntityKind {
    let lex = lexicon();
    let joined = name.join(" ");
    let is_demonym = lex.demonym_place(&joined).is_some();
    let is_group = is_demonym
        || (name.len() == 1 && lex.is_group_word(&joined))
        || (label == NerType::Misc && name.len() == 1 && has_people_suffix(&joined));
    match label {
        _ if is_group => EntityKind::Group,
        NerType::Per => EntityKind::Person,
        NerType::Org => EntityKind::Organization,
        NerType::Loc => EntityKind::Place,
        NerType::Misc => EntityKind::Other,
    }
}

/// "Martians", "Cornish", "Scotchman", "Bostonians": a one-word MISC name
/// that ends like a people or its adjective is a group (CoNLL's MISC is
/// mostly nationalities).
fn has_people_suffix(word: &str) -> bool {
    const SUFFIXES: &[&str] = &["ian", "ians", "ans", "ese", "ish", "man", "men"];
    word.chars().count() > 5 && SUFFIXES.iter().any(|s| word.ends_with(s))
}

/// "Islamic State Group (ISIS)" and "ISIS (Islamic State Group)": the two
/// halves point at each other; an acronym the tagger missed becomes a mention.
fn link_acronym_definitions(words: &[&str], found: &mut Vec<Found>) {
    let mut added = Vec::new();
    for i in 0..found.len() {
        let outer = found[i].tokens.clone();
        let inner_start = outer.end + 1;
        if words.get(outer.end) != Some(&"(") {
            continue;
        }
        let inner = match found.iter().position(|f| f.tokens.start == inner_start) {
            Some(j) if words.get(found[j].tokens.end) == Some(&")") => Some(j),
            _ => None,
        };
        let (long, short) = match inner {
            Some(j) if is_short_form(words, &found[j].tokens) => {
                (outer.clone(), found[j].tokens.clone())
            }
            Some(j) if is_short_form(words, &outer) => (found[j].tokens.clone(), outer.clone()),
            Some(_) => continue,
            None => {
                let acronym = inner_start..inner_start + 1;
                if words.get(acronym.end) != Some(&")") || !is_short_form(words, &acronym) {
                    continue;
                }
                added.push(Found {
                    tokens: acronym.clone(),
                    cut_start: 0,
                    cut_end: 0,
                    kind: found[i].kind,
                    title: None,
                    defines: None,
                    votes: found[i].votes,
                    cued: found[i].cued,
                });
                (outer.clone(), acronym)
            }
        };
        if long.len() < 2 {
            continue;
        }
        for f in found.iter_mut().chain(added.iter_mut()) {
            if f.tokens == long {
                f.defines = Some(short.clone());
            } else if f.tokens == short {
                f.defines = Some(long.clone());
            }
        }
    }
    found.extend(added);
    found.sort_by_key(|f| f.tokens.start);
}

fn is_short_form(words: &[&str], span: &Range<usize>) -> bool {
    span.len() == 1 && acronyms::is_acronym(words[span.start])
}

/// The first word of a sentence (possibly after opening quotes, brackets or
/// dashes) or of a quotation inside it: a capital there says nothing.
fn is_clause_initial(words: &[&str], i: usize) -> bool {
    is_sentence_initial(words, i) || (i > 0 && opens_clause(words[i - 1]))
}

fn is_sentence_initial(words: &[&str], i: usize) -> bool {
    words[..i].iter().all(|w| !is_wordlike(w))
}

fn opens_clause(word: &str) -> bool {
    matches!(word, "“" | "‘" | "«" | "\"" | ":")
}

/// "anti-" in "anti-US", "pro-" in "pro-Western": lowercase hyphen parts
/// before a capitalised name ("al-" belongs to the name).
fn lowercase_prefix_len(word: &str) -> usize {
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
fn lowercase_suffix_len(word: &str) -> usize {
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

fn is_wordlike(word: &str) -> bool {
    word.starts_with(char::is_alphanumeric)
}

fn is_possessive(word: &str) -> bool {
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
}
