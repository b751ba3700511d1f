//! Grouping mentions into entities across the whole story.
//!
//! Mentions with the same name key (case, periods, "al-" and possessives
//! ignored; standard short forms and demonyms mapped to their place) form a
//! *name*. A word also written "Mr. X" is a person's name wherever it
//! appears. Names are then joined with a union-find: acronyms with the long
//! form they abbreviate, and a person's short name with the one full name it
//! belongs to. Work is proportional to the number of mentions plus the
//! number of distinct names; lookups go through hash indexes.

use std::collections::{HashMap, HashSet};

use super::acronyms;
use super::lexicon::{lexicon, Gender, Marital};
use super::names;
use super::{winning_kind, KindVotes, MentionHints, CUE_WEIGHT};
use crate::analysis::{Entity, EntityKind, Mention};

mod display;
mod people;
use display::{aliases, display_name};
use people::{
    link_full_name_nicknames, link_nicknames, link_short_names, nearest_person, Ambiguous, Position,
};

/// Groups mentions into entities; most mentioned first.
pub fn cluster(mentions: Vec<Mention>) -> Vec<Entity> {
    cluster_annotated(mentions, Vec::new())
}

/// Like [`cluster`], with what the text around each mention said (titles,
/// acronym definitions). `hints[i]` belongs to `mentions[i]`; missing hints
/// count as empty.
pub fn cluster_annotated(mentions: Vec<Mention>, hints: Vec<MentionHints>) -> Vec<Entity> {
    let no_hints = MentionHints::default();
    let mut infos: Vec<MentionInfo> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| MentionInfo::new(m, hints.get(i).unwrap_or(&no_hints)))
        .collect();
    let mut mentions = mentions;
    let mut names = Names::build(&mentions, &infos);
    relabel_titled_names_as_people(&mut names, &mut mentions, &mut infos);
    relabel_families_as_groups(&mut names, &mut mentions, &mut infos);
    let mut sets = Sets::new(&names, &infos);
    link_acronym_definitions(&names, &infos, &mut sets);
    link_acronyms_by_initials(&names, &infos, &mut sets);
    link_nationality_prefixed(&names, &infos, &mut sets);
    link_full_name_nicknames(&names, &mut sets);
    let mut ambiguous = link_marital_variants(&names, &mut sets);
    ambiguous.extend(link_short_names(&names, &mut sets));
    ambiguous.extend(namesakes_of_both_sexes(&names));
    link_nicknames(&names, &mut sets);
    let targets = mention_targets(&mentions, &names, &mut sets, &ambiguous);
    build_entities(mentions, &infos, &names, &targets)
}

/// What clustering needs to know about one mention.
struct MentionInfo {
    /// As written, whitespace collapsed, without possessive.
    surface: String,
    /// Key of the surface itself ("us" for "U.S.").
    own_key: String,
    /// Key of the name it stands for ("united states" for "U.S." and "American").
    name_key: String,
    /// The place a demonym mention refers to ("Iraq" for "Iraqis").
    demonym_of: Option<&'static str>,
    title: Option<String>,
    /// The gender the title implies.
    gender: Gender,
    /// Whether the title says a woman is married ("Mrs.") or not ("Miss").
    marital: Marital,
    /// The title is a rank or office that says no sex ("Dr.", "General").
    neutral_title: bool,
    /// The gender of a full name's given name ("Emma Woodhouse"), when its
    /// title says none: it keeps "Mr. Woodhouse" out of her entity.
    given_gender: Gender,
    defines: Option<String>,
    votes: KindVotes,
}

impl MentionInfo {
    fn new(mention: &Mention, hints: &MentionHints) -> MentionInfo {
        let lex = lexicon();
        let surface = names::surface(&mention.text);
        let own_key = names::key(&surface);
        let demonym_of = if mention.kind == EntityKind::Group {
            lex.demonym_place(&surface)
        } else {
            None
        };
        let base_key = demonym_of.map_or_else(|| own_key.clone(), names::key);
        let name_key = standard_key(&base_key).unwrap_or(base_key);
        let gender = hints
            .title
            .as_deref()
            .map(|t| lex.title_gender(t))
            .unwrap_or_default();
        let marital = hints
            .title
            .as_deref()
            .map(|t| lex.title_marital(t))
            .unwrap_or_default();
        let neutral_title = gender == Gender::Unknown
            && hints
                .title
                .as_deref()
                .is_some_and(|t| lex.title_takes_surname(t));
        let given_gender = match surface.split_once(' ') {
            Some((given, _)) if gender == Gender::Unknown => lex.given_name_gender(given),
            _ => Gender::Unknown,
        };
        MentionInfo {
            given_gender,
            surface,
            own_key,
            name_key,
            demonym_of,
            title: hints.title.clone(),
            gender,
            marital,
            neutral_title,
            defines: hints.defines.clone(),
            votes: if hints.kind_votes.iter().any(|&v| v > 0.0) {
                hints.kind_votes
            } else {
                // Mentions from elsewhere (tests, hand-made analyses): their kind.
                let mut votes = KindVotes::default();
                votes[mention.kind as usize] = 1.0;
                votes
            },
        }
    }
}

/// The key of the standard name behind a short form: "us" -> "united states".
fn standard_key(key: &str) -> Option<String> {
    lexicon().standard_name(key).map(names::key)
}

pub(super) type NameId = usize;

/// A distinct name: every mention with the same key (and, for a one-word
/// name, the same title gender: "Mr. Bennet" is not "Mrs. Bennet", nor
/// "Miss Bennet" "Mrs. Bennet").
pub(super) struct Name {
    words: Vec<String>,
    gender: Gender,
    marital: Marital,
    kind: EntityKind,
    /// Mentions that are not demonyms, by kind (`EntityKind as usize`).
    kind_counts: [usize; EntityKind::ALL.len()],
    /// Mostly written after a title that goes with a surname ("Mr.", "Colonel").
    surname_titled: bool,
    /// Mostly written after a rank or office that says no sex ("Dr.", "General").
    neutral_titled: bool,
    mentions: Vec<usize>,
}

pub(super) struct Names {
    names: Vec<Name>,
    /// Mention index -> name.
    of_mention: Vec<NameId>,
    by_key: HashMap<String, Vec<NameId>>,
}

impl Names {
    fn build(mentions: &[Mention], infos: &[MentionInfo]) -> Names {
        let mut names: Vec<Name> = Vec::new();
        let mut index: HashMap<(String, Gender, Marital), NameId> = HashMap::new();
        let mut of_mention = Vec::with_capacity(infos.len());
        let shared_by_both_sexes = keys_titled_for_both_sexes(infos);
        for (i, info) in infos.iter().enumerate() {
            let single_word = !info.name_key.contains(' ');
            // "Mr. Bennet" is not "Mrs. Bennet", nor "Monsieur St. Aubert"
            // "Madame St. Aubert"; "Miss Elizabeth Bennet" is "Elizabeth Bennet".
            let gender = if single_word
                || shared_by_both_sexes.contains(info.name_key.as_str())
                || is_wifes_name(info)
            {
                info.gender
            } else {
                Gender::Unknown
            };
            let marital = if single_word {
                info.marital
            } else {
                Marital::Unknown
            };
            let id = *index
                .entry((info.name_key.clone(), gender, marital))
                .or_insert_with(|| {
                    names.push(Name {
                        words: info.name_key.split(' ').map(str::to_string).collect(),
                        gender,
                        marital,
                        kind: EntityKind::Other,
                        kind_counts: [0; EntityKind::ALL.len()],
                        surname_titled: false,
                        neutral_titled: false,
                        mentions: Vec::new(),
                    });
                    names.len() - 1
                });
            names[id].mentions.push(i);
            of_mention.push(id);
        }
        for name in &mut names {
            name.kind = voted_kind(name.mentions.iter().map(|&i| &infos[i]));
            for &i in &name.mentions {
                if infos[i].demonym_of.is_none() {
                    name.kind_counts[mentions[i].kind as usize] += 1;
                }
            }
            let surname_titles = name
                .mentions
                .iter()
                .filter(|&&i| {
                    infos[i]
                        .title
                        .as_deref()
                        .is_some_and(|t| lexicon().title_takes_surname(t))
                })
                .count();
            name.surname_titled = 2 * surname_titles > name.mentions.len();
            let neutral_titles = name
                .mentions
                .iter()
                .filter(|&&i| infos[i].neutral_title)
                .count();
            name.neutral_titled = 2 * neutral_titles > name.mentions.len();
        }
        let mut by_key: HashMap<String, Vec<NameId>> = HashMap::new();
        for ((key, _, _), id) in index {
            by_key.entry(key).or_default().push(id);
        }
        Names {
            names,
            of_mention,
            by_key,
        }
    }
}

/// "Mrs. Joe Gargery", "Mrs. John Dashwood": a married woman called by her
/// husband's name is not him.
fn is_wifes_name(info: &MentionInfo) -> bool {
    info.gender == Gender::Female
        && info
            .name_key
            .split_once(' ')
            .is_some_and(|(given, _)| lexicon().given_name_gender_of_key(given) == Gender::Male)
}

/// Names of several words written after both a man's and a woman's title
/// ("Monsieur St. Aubert", "Madame St. Aubert"): two people.
fn keys_titled_for_both_sexes(infos: &[MentionInfo]) -> HashSet<&str> {
    let mut sexes: HashMap<&str, (bool, bool)> = HashMap::new();
    for info in infos.iter().filter(|i| i.name_key.contains(' ')) {
        let (male, female) = sexes.entry(info.name_key.as_str()).or_default();
        match info.gender {
            Gender::Male => *male = true,
            Gender::Female => *female = true,
            Gender::Unknown => {}
        }
    }
    sexes
        .into_iter()
        .filter(|&(_, sexes)| sexes == (true, true))
        .map(|(key, _)| key)
        .collect()
}

/// The untitled form of a name that both a man and a woman bear ("St.
/// Aubert" beside "Monsieur St. Aubert" and "Madame St. Aubert"): each of its
/// mentions is one of them.
fn namesakes_of_both_sexes(names: &Names) -> Vec<Ambiguous> {
    let mut ambiguous = Vec::new();
    for ids in names.by_key.values() {
        let gendered: Vec<NameId> = ids
            .iter()
            .copied()
            .filter(|&id| names.names[id].gender != Gender::Unknown)
            .collect();
        let untitled = ids
            .iter()
            .copied()
            .find(|&id| names.names[id].gender == Gender::Unknown);
        if let (Some(name), true) = (untitled, gendered.len() > 1) {
            if names.names[name].words.len() > 1 {
                ambiguous.push(Ambiguous {
                    name,
                    candidates: gendered,
                });
            }
        }
    }
    ambiguous
}

/// "Aunt Shaw" or "Lady Grey", a woman's title that does not say whether
/// she is married, is the one "Mrs. Shaw" or "Miss Shaw" of the story; beside
/// both, each of its mentions is the one mentioned nearest before it.
fn link_marital_variants(names: &Names, sets: &mut Sets) -> Vec<Ambiguous> {
    let mut ambiguous = Vec::new();
    for ids in names.by_key.values() {
        for &id in ids {
            let name = &names.names[id];
            if name.gender == Gender::Unknown || name.marital != Marital::Unknown {
                continue;
            }
            let mut candidates: Vec<NameId> = ids
                .iter()
                .copied()
                .filter(|&other| {
                    let other = &names.names[other];
                    other.gender == name.gender && other.marital != Marital::Unknown
                })
                .collect();
            candidates.sort_unstable();
            match candidates[..] {
                [] => {}
                [one] => sets.union(one, id),
                _ => ambiguous.push(Ambiguous {
                    name: id,
                    candidates,
                }),
            }
        }
    }
    ambiguous
}

/// "Other" (the tagger's MISC) is often a hesitation between kinds: its
/// votes count for less.
const OTHER_DISCOUNT: f32 = 0.25;

/// The kind the mentions that are not demonyms vote for, each with the
/// tagger's confidence or the weight of a strong cue (see
/// [`MentionHints::kind_votes`]); a place when all mentions are demonyms.
fn voted_kind<'a>(infos: impl Iterator<Item = &'a MentionInfo>) -> EntityKind {
    winning_kind(&vote_totals(infos)).unwrap_or(EntityKind::Place)
}

/// The votes of the mentions that are not demonyms, added up, "other" discounted.
fn vote_totals<'a>(infos: impl Iterator<Item = &'a MentionInfo>) -> KindVotes {
    let mut total = KindVotes::default();
    for info in infos.filter(|info| info.demonym_of.is_none()) {
        for (sum, vote) in total.iter_mut().zip(info.votes) {
            *sum += vote;
        }
    }
    total[EntityKind::Other as usize] *= OTHER_DISCOUNT;
    total
}

/// A rule of the whole story settled this mention's kind: it outvotes the tagger.
fn settle_kind(mention: &mut Mention, info: &mut MentionInfo, kind: EntityKind) {
    mention.kind = kind;
    info.votes = KindVotes::default();
    info.votes[kind as usize] = CUE_WEIGHT;
}

/// Document-level consistency: a word the story also writes as "Mr. X" or
/// "Miss X" names a person even where the tagger took it for a place
/// ("Elizabeth" beside "Miss Elizabeth"); its mentions become person
/// mentions. One stray title ("Mother Moscow") is not enough: the titled
/// uses must recur and make at least 1% of the bare ones.
fn relabel_titled_names_as_people(
    names: &mut Names,
    mentions: &mut [Mention],
    infos: &mut [MentionInfo],
) {
    let mut relabel = Vec::new();
    for ids in names.by_key.values() {
        let titled_uses: usize = ids
            .iter()
            .map(|&id| &names.names[id])
            .filter(|name| name.gender != Gender::Unknown && name.kind == EntityKind::Person)
            .map(|name| name.mentions.len())
            .sum();
        relabel.extend(ids.iter().copied().filter(|&id| {
            let name = &names.names[id];
            name.words.len() == 1
                && titled_uses >= 2
                && titled_uses * 100 >= name.mentions.len()
                && matches!(
                    name.kind,
                    EntityKind::Place | EntityKind::Organization | EntityKind::Other
                )
        }));
    }
    for id in relabel {
        let name = &mut names.names[id];
        name.kind = EntityKind::Person;
        for &i in &name.mentions {
            if mentions[i].kind != EntityKind::Group {
                settle_kind(&mut mentions[i], &mut infos[i], EntityKind::Person);
            }
        }
    }
}

/// "the Rostóvs", "the Lucases": the plural of a person's name in the story
/// is their family, a group.
fn relabel_families_as_groups(
    names: &mut Names,
    mentions: &mut [Mention],
    infos: &mut [MentionInfo],
) {
    let is_person_key = |key: &str| {
        names.by_key.get(key).is_some_and(|ids| {
            ids.iter()
                .any(|&id| names.names[id].kind == EntityKind::Person)
        })
    };
    // "Williams" in "Serena Williams" or "Mr. Williams" is a surname, not a plural.
    let surnames: HashSet<&str> = names
        .names
        .iter()
        .filter(|name| name.words.len() > 1 && name.kind == EntityKind::Person)
        .filter_map(|name| name.words.last().map(String::as_str))
        .collect();
    let families: Vec<NameId> = names
        .by_key
        .iter()
        .filter(|(key, _)| !key.contains(' ') && !surnames.contains(key.as_str()))
        .filter(|(key, _)| {
            let singular = key.strip_suffix('s');
            let singular_es = key.strip_suffix("es");
            singular.is_some_and(is_person_key) || singular_es.is_some_and(is_person_key)
        })
        .flat_map(|(_, ids)| ids.iter().copied())
        .filter(|&id| names.names[id].gender != Gender::Male)
        .collect();
    for id in families {
        let name = &mut names.names[id];
        name.kind = EntityKind::Group;
        for &i in &name.mentions {
            settle_kind(&mut mentions[i], &mut infos[i], EntityKind::Group);
        }
    }
}

/// Union-find over names, with each set's title genders and marital titles.
pub(super) struct Sets {
    parent: Vec<NameId>,
    /// Mentions in each set.
    size: Vec<usize>,
    male: Vec<usize>,
    female: Vec<usize>,
    married: Vec<usize>,
    unmarried: Vec<usize>,
}

impl Sets {
    fn new(names: &Names, infos: &[MentionInfo]) -> Sets {
        let count = |name: &Name, gender: Gender| {
            name.mentions
                .iter()
                .filter(|&&i| infos[i].gender == gender || infos[i].given_gender == gender)
                .count()
        };
        let marital = |name: &Name, marital: Marital| {
            name.mentions
                .iter()
                .filter(|&&i| infos[i].marital == marital)
                .count()
        };
        Sets {
            married: names
                .names
                .iter()
                .map(|n| marital(n, Marital::Married))
                .collect(),
            unmarried: names
                .names
                .iter()
                .map(|n| marital(n, Marital::Unmarried))
                .collect(),
            parent: (0..names.names.len()).collect(),
            size: names.names.iter().map(|n| n.mentions.len()).collect(),
            male: names.names.iter().map(|n| count(n, Gender::Male)).collect(),
            female: names
                .names
                .iter()
                .map(|n| count(n, Gender::Female))
                .collect(),
        }
    }

    fn find(&mut self, mut id: NameId) -> NameId {
        while self.parent[id] != id {
            self.parent[id] = self.parent[self.parent[id]];
            id = self.parent[id];
        }
        id
    }

    fn union(&mut self, a: NameId, b: NameId) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.parent[b] = a;
            self.size[a] += self.size[b];
            self.male[a] += self.male[b];
            self.female[a] += self.female[b];
            self.married[a] += self.married[b];
            self.unmarried[a] += self.unmarried[b];
        }
    }

    fn gender(&mut self, id: NameId) -> Gender {
        let root = self.find(id);
        match self.male[root].cmp(&self.female[root]) {
            std::cmp::Ordering::Greater => Gender::Male,
            std::cmp::Ordering::Less => Gender::Female,
            std::cmp::Ordering::Equal => Gender::Unknown,
        }
    }

    /// Married when its titles mostly say so ("Mrs."), unmarried when they mostly say "Miss".
    fn marital(&mut self, id: NameId) -> Marital {
        let root = self.find(id);
        match self.married[root].cmp(&self.unmarried[root]) {
            std::cmp::Ordering::Greater => Marital::Married,
            std::cmp::Ordering::Less => Marital::Unmarried,
            std::cmp::Ordering::Equal => Marital::Unknown,
        }
    }

    /// True unless the two sets' titles disagree on sex ("Mr." and "Miss")
    /// or on marriage ("Miss" and "Mrs.").
    fn compatible(&mut self, a: NameId, b: NameId) -> bool {
        self.gender(a).compatible(self.gender(b)) && self.marital(a).compatible(self.marital(b))
    }
}

/// "Islamic State Group (ISIS)": the text said they are one.
fn link_acronym_definitions(names: &Names, infos: &[MentionInfo], sets: &mut Sets) {
    for (i, info) in infos.iter().enumerate() {
        let Some(other) = &info.defines else {
            continue;
        };
        let other_key = names::key(&names::surface(other));
        let other_key = standard_key(&other_key).unwrap_or(other_key);
        for &id in names.by_key.get(&other_key).into_iter().flatten() {
            sets.union(names.of_mention[i], id);
        }
    }
}

/// "PMU" joins "Popular Mobilization Units" when that is the only name in
/// the story with those initials.
fn link_acronyms_by_initials(names: &Names, infos: &[MentionInfo], sets: &mut Sets) {
    let mut by_initials: HashMap<String, Vec<NameId>> = HashMap::new();
    for (id, name) in names.names.iter().enumerate() {
        if name.words.len() < 2 || name.kind == EntityKind::Person {
            continue;
        }
        let surface = &infos[name.mentions[0]].surface;
        for initials in acronyms::initials(surface) {
            by_initials.entry(initials).or_default().push(id);
        }
    }
    for (id, name) in names.names.iter().enumerate() {
        let surface = &infos[name.mentions[0]].surface;
        if name.words.len() != 1 || !acronyms::is_acronym(surface) {
            continue;
        }
        let letters = acronyms::letters(surface);
        let singular = letters.strip_suffix('S').unwrap_or(&letters);
        let candidates = by_initials
            .get(&letters)
            .or_else(|| by_initials.get(singular))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut roots: Vec<NameId> = candidates.iter().map(|&c| sets.find(c)).collect();
        roots.sort_unstable();
        roots.dedup();
        if let [root] = roots[..] {
            sets.union(root, id);
        }
    }
}

/// "Japanese Nikkei" is the "Nikkei" the story also names without its
/// nationality (when the rest is one name of the same kind).
fn link_nationality_prefixed(names: &Names, infos: &[MentionInfo], sets: &mut Sets) {
    for (id, name) in names.names.iter().enumerate() {
        if name.words.len() < 2 || name.kind == EntityKind::Person {
            continue;
        }
        let surface = &infos[name.mentions[0]].surface;
        let Some((first, rest)) = surface.split_once(' ') else {
            continue;
        };
        if lexicon().demonym_place(first).is_none() {
            continue;
        }
        let same_kind: Vec<NameId> = names
            .by_key
            .get(&names::key(rest))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&other| {
                names.names[other].kind == name.kind
                    || names.names[other].kind == EntityKind::Other
                    || name.kind == EntityKind::Other
            })
            .collect();
        if let [other] = same_kind[..] {
            sets.union(other, id);
        }
    }
}

/// The set each mention ends in: its name's, but a mention of an ambiguous
/// short name goes to the candidate mentioned nearest before it.
fn mention_targets(
    mentions: &[Mention],
    names: &Names,
    sets: &mut Sets,
    ambiguous: &[Ambiguous],
) -> Vec<NameId> {
    let mut targets: Vec<NameId> = names.of_mention.iter().map(|&n| sets.find(n)).collect();
    if ambiguous.is_empty() {
        return targets;
    }
    let candidates_of: HashMap<NameId, Vec<NameId>> = ambiguous
        .iter()
        .map(|a| {
            let mut roots: Vec<NameId> = a.candidates.iter().map(|&c| sets.find(c)).collect();
            roots.sort_unstable();
            roots.dedup();
            let name = &names.names[a.name];
            let given_name = lexicon().given_name_gender_of_key(&name.words[0]) != Gender::Unknown;
            if name.gender == Gender::Unknown && !given_name {
                prefer_the_man(sets, &mut roots);
            }
            (a.name, roots)
        })
        .collect();
    let mut positions: HashMap<NameId, Vec<Position>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if !candidates_of.contains_key(&names.of_mention[i]) {
            positions
                .entry(targets[i])
                .or_default()
                .push((m.document, m.start));
        }
    }
    for list in positions.values_mut() {
        list.sort_unstable();
    }
    for (i, m) in mentions.iter().enumerate() {
        let Some(candidates) = candidates_of.get(&names.of_mention[i]) else {
            continue;
        };
        if let Some(root) = nearest_person((m.document, m.start), candidates, &positions) {
            targets[i] = root;
        }
    }
    targets
}

/// A bare surname (no given name) shared by a man and women ("Verloc" beside "Mr. Verloc"
/// and "Mrs. Verloc") is the man's: a narrator names the women by title or
/// given name, and a bare surname would not tell them from him.
fn prefer_the_man(sets: &mut Sets, roots: &mut Vec<NameId>) {
    let men: Vec<NameId> = roots
        .iter()
        .copied()
        .filter(|&r| sets.gender(r) == Gender::Male)
        .collect();
    let women = roots.iter().any(|&r| sets.gender(r) == Gender::Female);
    if !men.is_empty() && women {
        *roots = men;
    }
}

fn build_entities(
    mentions: Vec<Mention>,
    infos: &[MentionInfo],
    names: &Names,
    targets: &[NameId],
) -> Vec<Entity> {
    let mut members: HashMap<NameId, Vec<usize>> = HashMap::new();
    for (i, &target) in targets.iter().enumerate() {
        members.entry(target).or_default().push(i);
    }
    let mut slots: Vec<Option<Mention>> = mentions.into_iter().map(Some).collect();
    let mut entities: Vec<Entity> = members
        .into_values()
        .map(|mut ids| {
            ids.sort_by_key(|&i| {
                let m = slots[i].as_ref().map(|m| (m.document, m.start, m.end));
                (m, i)
            });
            let mut mentions: Vec<Mention> = ids.iter().filter_map(|&i| slots[i].take()).collect();
            let members: Vec<&MentionInfo> = ids.iter().map(|&i| &infos[i]).collect();
            let kind = entity_kind(&members, names, &ids);
            // One entity, one kind; a demonym stays a group mention of its place.
            for mention in mentions.iter_mut().filter(|m| m.kind != EntityKind::Group) {
                mention.kind = kind;
            }
            let (name, bare_name) = display_name(&members);
            let aliases = aliases(&members, &bare_name);
            Entity {
                id: 0,
                name,
                kind,
                aliases,
                mentions,
            }
        })
        .collect();
    // Ties by name, then by first mention, so that ids are stable.
    let first = |e: &Entity| e.mentions.first().map(|m| (m.document, m.start));
    entities.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| first(a).cmp(&first(b)))
    });
    for (id, entity) in entities.iter_mut().enumerate() {
        entity.id = id;
    }
    entities
}

/// The kind its mentions vote for; but an entity built around a person's
/// full name is that person, whatever its short names were tagged.
fn entity_kind(members: &[&MentionInfo], names: &Names, ids: &[usize]) -> EntityKind {
    let has_full_person_name = ids.iter().any(|&i| {
        let name = &names.names[names.of_mention[i]];
        name.words.len() > 1 && name.kind == EntityKind::Person
    });
    let has_short_name = ids
        .iter()
        .any(|&i| names.names[names.of_mention[i]].words.len() == 1);
    if has_full_person_name && has_short_name {
        return EntityKind::Person;
    }
    let kind = voted_kind(members.iter().copied());
    if kind == EntityKind::Organization && !is_evidently_organisation(members) {
        return voted_kind_except(members, EntityKind::Organization);
    }
    kind
}

/// How sure the tagger must be, on average, to call a bare one-word name
/// an organisation (LitBank folds: most such calls in novels are people).
const BARE_ORGANISATION_CONFIDENCE: f32 = 0.9;

/// An organisation needs more than a hesitant tagger: a name of several
/// words, an acronym, a head word ("Council"), or a confident call.
fn is_evidently_organisation(members: &[&MentionInfo]) -> bool {
    let names: Vec<&&MentionInfo> = members.iter().filter(|m| m.demonym_of.is_none()).collect();
    let several_words = names.iter().any(|m| m.surface.contains(' '));
    // "UN", "N.A.T.O.", not a shouted word ("MORBLEU").
    let acronym = names
        .iter()
        .any(|m| acronyms::is_acronym(&m.surface) && acronyms::letters(&m.surface).len() <= 5);
    let cued = names
        .iter()
        .any(|m| m.votes[EntityKind::Organization as usize] >= CUE_WEIGHT);
    let confidence = names
        .iter()
        .map(|m| m.votes[EntityKind::Organization as usize])
        .sum::<f32>()
        / names.len().max(1) as f32;
    several_words || acronym || cued || confidence >= BARE_ORGANISATION_CONFIDENCE
}

/// [`voted_kind`] among the kinds other than `excluded` (a person when nothing else has votes).
fn voted_kind_except(members: &[&MentionInfo], excluded: EntityKind) -> EntityKind {
    let mut total = vote_totals(members.iter().copied());
    total[excluded as usize] = 0.0;
    winning_kind(&total).unwrap_or(EntityKind::Person)
}
