//! Grouping mentions into entities across the whole story.
//!
//! Mentions with the same name key (case, periods, "al-" and possessives
//! ignored; standard short forms and demonyms mapped to their place) form a
//! *name*. A word also written "Mr. X" is a person's name wherever it
//! appears. Names are then joined with a union-find: acronyms with the long
//! form they abbreviate, and a person's short name with the one full name it
//! belongs to. Work is proportional to the number of mentions plus the
//! number of distinct names; lookups go through hash indexes.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use super::acronyms;
use super::lexicon::{lexicon, Gender};
use super::names;
use super::MentionHints;
use crate::analysis::{Entity, EntityKind, Mention};

/// Groups mentions into entities; most mentioned first.
pub fn cluster(mentions: Vec<Mention>) -> Vec<Entity> {
    cluster_annotated(mentions, Vec::new())
}

/// Like [`cluster`], with what the text around each mention said (titles,
/// acronym definitions). `hints[i]` belongs to `mentions[i]`; missing hints
/// count as empty.
pub fn cluster_annotated(mentions: Vec<Mention>, hints: Vec<MentionHints>) -> Vec<Entity> {
    let no_hints = MentionHints::default();
    let infos: Vec<MentionInfo> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| MentionInfo::new(m, hints.get(i).unwrap_or(&no_hints)))
        .collect();
    let mut mentions = mentions;
    let mut names = Names::build(&mentions, &infos);
    relabel_titled_names_as_people(&mut names, &mut mentions);
    relabel_families_as_groups(&mut names, &mut mentions);
    let mut sets = Sets::new(&names, &infos);
    link_acronym_definitions(&names, &infos, &mut sets);
    link_acronyms_by_initials(&names, &infos, &mut sets);
    link_nationality_prefixed(&names, &infos, &mut sets);
    link_short_names(&names, &mut sets);
    build_entities(mentions, &infos, &names, &mut sets)
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
    gender: Gender,
    defines: Option<String>,
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
        MentionInfo {
            surface,
            own_key,
            name_key,
            demonym_of,
            title: hints.title.clone(),
            gender,
            defines: hints.defines.clone(),
        }
    }
}

/// The key of the standard name behind a short form: "us" -> "united states".
fn standard_key(key: &str) -> Option<String> {
    lexicon().standard_name(key).map(names::key)
}

type NameId = usize;

/// A distinct name: every mention with the same key (and, for a one-word
/// name, the same title gender: "Mr. Bennet" is not "Mrs. Bennet").
struct Name {
    words: Vec<String>,
    gender: Gender,
    kind: EntityKind,
    /// Mentions that are not demonyms, by kind (`EntityKind as usize`).
    kind_counts: [usize; EntityKind::ALL.len()],
    /// Mostly written after a title that goes with a surname ("Mr.", "Colonel").
    surname_titled: bool,
    mentions: Vec<usize>,
}

struct Names {
    names: Vec<Name>,
    /// Mention index -> name.
    of_mention: Vec<NameId>,
    by_key: HashMap<String, Vec<NameId>>,
}

impl Names {
    fn build(mentions: &[Mention], infos: &[MentionInfo]) -> Names {
        let mut names: Vec<Name> = Vec::new();
        let mut index: HashMap<(String, Gender), NameId> = HashMap::new();
        let mut of_mention = Vec::with_capacity(infos.len());
        for (i, info) in infos.iter().enumerate() {
            let single_word = !info.name_key.contains(' ');
            let gender = if single_word {
                info.gender
            } else {
                Gender::Unknown
            };
            let id = *index
                .entry((info.name_key.clone(), gender))
                .or_insert_with(|| {
                    names.push(Name {
                        words: info.name_key.split(' ').map(str::to_string).collect(),
                        gender,
                        kind: EntityKind::Other,
                        kind_counts: [0; EntityKind::ALL.len()],
                        surname_titled: false,
                        mentions: Vec::new(),
                    });
                    names.len() - 1
                });
            names[id].mentions.push(i);
            of_mention.push(id);
        }
        for name in &mut names {
            name.kind = majority_kind(name.mentions.iter().map(|&i| (&mentions[i], &infos[i])));
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
        }
        let mut by_key: HashMap<String, Vec<NameId>> = HashMap::new();
        for ((key, _), id) in index {
            by_key.entry(key).or_default().push(id);
        }
        Names {
            names,
            of_mention,
            by_key,
        }
    }
}

/// The most frequent kind among mentions that are not demonyms (ties go to
/// the first kind in `EntityKind` order). "Other" (the tagger's MISC, often
/// a hesitation) counts only when no mention says more; a place when all
/// mentions are demonyms.
fn majority_kind<'a>(mentions: impl Iterator<Item = (&'a Mention, &'a MentionInfo)>) -> EntityKind {
    let mut counts = [0usize; EntityKind::ALL.len()];
    for (mention, info) in mentions {
        if info.demonym_of.is_none() {
            counts[mention.kind as usize] += 1;
        }
    }
    let most_frequent = |skip_other: bool| {
        EntityKind::ALL
            .into_iter()
            .zip(counts)
            .filter(|&(kind, n)| n > 0 && !(skip_other && kind == EntityKind::Other))
            .max_by_key(|&(kind, n)| (n, Reverse(kind)))
            .map(|(kind, _)| kind)
    };
    most_frequent(true)
        .or_else(|| most_frequent(false))
        .unwrap_or(EntityKind::Place)
}

/// Document-level consistency: a word the story also writes as "Mr. X" or
/// "Miss X" names a person even where the tagger took it for a place
/// ("Elizabeth" beside "Miss Elizabeth"); its mentions become person
/// mentions. One stray title ("Mother Moscow") is not enough: the titled
/// uses must recur and make at least 1% of the bare ones.
fn relabel_titled_names_as_people(names: &mut Names, mentions: &mut [Mention]) {
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
                mentions[i].kind = EntityKind::Person;
            }
        }
    }
}

/// "the Rostóvs", "the Lucases": the plural of a person's name in the story
/// is their family, a group.
fn relabel_families_as_groups(names: &mut Names, mentions: &mut [Mention]) {
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
            mentions[i].kind = EntityKind::Group;
        }
    }
}

/// Union-find over names, with each set's title genders.
struct Sets {
    parent: Vec<NameId>,
    /// Mentions in each set.
    size: Vec<usize>,
    male: Vec<usize>,
    female: Vec<usize>,
}

impl Sets {
    fn new(names: &Names, infos: &[MentionInfo]) -> Sets {
        let count = |name: &Name, gender: Gender| {
            name.mentions
                .iter()
                .filter(|&&i| infos[i].gender == gender)
                .count()
        };
        Sets {
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

/// A person's partial name ("Sadr", "Muqtada", "Mahdi al-Muhandis", "Mr.
/// Darcy") joins the full name that contains it when exactly one person in
/// the story fits; "Ali" beside "Ali al-Sistani" and "Ali Shamkhani" stays
/// apart. Longer names are settled first so a short name sees whole people;
/// then titled one-word names ("Mr. Bingley"), all at once so that a full
/// name claimed by both a "Mr." and a "Miss" goes to neither; then bare ones.
fn link_short_names(names: &Names, sets: &mut Sets) {
    let index = PersonIndex::new(names);
    let mut order: Vec<NameId> = (0..names.names.len())
        .filter(|&id| may_join(names, id))
        .collect();
    order.sort_by_key(|&id| {
        let name = &names.names[id];
        (Reverse(name.words.len()), Reverse(name.mentions.len()), id)
    });
    let (longer, single): (Vec<NameId>, Vec<NameId>) = order
        .into_iter()
        .partition(|&id| names.names[id].words.len() > 1);
    let (titled, bare): (Vec<NameId>, Vec<NameId>) = single
        .into_iter()
        .partition(|&id| names.names[id].gender != Gender::Unknown);
    for id in longer {
        if let [root] = index.full_name_roots(names, sets, id)[..] {
            if fits(sets, id, root) {
                sets.union(root, id);
            }
        }
    }
    let claims: Vec<(NameId, NameId)> = titled
        .iter()
        .filter_map(|&id| match index.full_name_roots(names, sets, id)[..] {
            [root] if fits(sets, id, root) => Some((id, root)),
            _ => None,
        })
        .collect();
    let mut claimants: HashMap<NameId, (bool, bool)> = HashMap::new();
    for &(id, root) in &claims {
        let (male, female) = claimants.entry(root).or_default();
        match names.names[id].gender {
            Gender::Male => *male = true,
            Gender::Female => *female = true,
            Gender::Unknown => {}
        }
    }
    for (id, root) in claims {
        let contested = claimants.get(&root) == Some(&(true, true));
        if !contested {
            sets.union(root, id);
        }
    }
    for id in bare {
        let full_roots = index.full_name_roots(names, sets, id);
        let titled_roots = index.titled_roots(names, sets, id);
        let mut roots = [full_roots.as_slice(), titled_roots.as_slice()].concat();
        roots.sort_unstable();
        roots.dedup();
        let target = match roots[..] {
            [root] if fits(sets, id, root) => Some(root),
            [_] => None,
            _ if !titled_roots.is_empty() => {
                dominant(sets, &roots).filter(|root| titled_roots.contains(root))
            }
            _ => None,
        };
        if let Some(root) = target {
            sets.union(root, id);
        }
    }
}

/// People's names, and bare words the tagger did not clearly call a place or
/// an organisation: at least as many person or "other" labels as place or
/// organisation ones ("al-Sadr" tagged person, other, organization...), or
/// a place or organisation label at most twice (then checked against given
/// names only: see [`PersonIndex::full_name_roots`]).
fn may_join(names: &Names, id: NameId) -> bool {
    let name = &names.names[id];
    let single = name.words.len() == 1;
    match name.kind {
        EntityKind::Person => true,
        EntityKind::Group => false,
        _ => single && (leans_person(name) || is_weak_non_person(name)),
    }
}

fn leans_person(name: &Name) -> bool {
    let count = |kind: EntityKind| name.kind_counts[kind as usize];
    count(EntityKind::Person) + count(EntityKind::Other)
        >= count(EntityKind::Place) + count(EntityKind::Organization)
}

/// A bare word the tagger called a place or organisation at most twice:
/// too little evidence to keep it from a person whose given name it is
/// ("if Muqtada asks" beside "Muqtada al-Sadr").
fn is_weak_non_person(name: &Name) -> bool {
    matches!(name.kind, EntityKind::Place | EntityKind::Organization)
        && !leans_person(name)
        && name.mentions.len() <= 2
}

/// Person names by word: full names (two words or more) and titled one-word names.
struct PersonIndex<'a> {
    full_names: HashMap<&'a str, Vec<NameId>>,
    titled_names: HashMap<&'a str, Vec<NameId>>,
}

impl<'a> PersonIndex<'a> {
    fn new(names: &'a Names) -> PersonIndex<'a> {
        let mut full_names: HashMap<&str, Vec<NameId>> = HashMap::new();
        let mut titled_names: HashMap<&str, Vec<NameId>> = HashMap::new();
        for (id, name) in names.names.iter().enumerate() {
            if name.kind != EntityKind::Person {
                continue;
            }
            if name.words.len() >= 2 {
                for word in &name.words {
                    let ids = full_names.entry(word).or_default();
                    if ids.last() != Some(&id) {
                        ids.push(id);
                    }
                }
            } else if name.gender != Gender::Unknown {
                titled_names.entry(&name.words[0]).or_default().push(id);
            }
        }
        PersonIndex {
            full_names,
            titled_names,
        }
    }

    /// Sets of the longer person names containing `id`'s words, whatever
    /// their gender: a "Mr. Bennet" beside "Jane Bennet" and "Lydia Bennet" is
    /// ambiguous even if only one of them could be a man. A weakly placed bare
    /// word only matches given names (first words); a name used after "Mr."
    /// or "Colonel" only surnames (last words: "Colonel Fitzwilliam" is not
    /// "Fitzwilliam Darcy").
    fn full_name_roots(&self, names: &Names, sets: &mut Sets, id: NameId) -> Vec<NameId> {
        let name = &names.names[id];
        let words = &name.words;
        let given_name_only = is_weak_non_person(name);
        let candidates = self.full_names.get(words[0].as_str()).into_iter().flatten();
        let longer = candidates.filter(|&&c| {
            let candidate = &names.names[c].words;
            candidate.len() > words.len()
                && if given_name_only {
                    candidate[0] == words[0]
                } else if name.surname_titled {
                    candidate.ends_with(words)
                } else {
                    contains_run(candidate, words)
                }
        });
        let own_root = sets.find(id);
        let mut roots: Vec<NameId> = longer.map(|&c| sets.find(c)).collect();
        roots.retain(|&r| r != own_root);
        roots.sort_unstable();
        roots.dedup();
        roots
    }

    /// Sets of the titled one-word names with the same word ("Mr. Darcy" for "Darcy").
    fn titled_roots(&self, names: &Names, sets: &mut Sets, id: NameId) -> Vec<NameId> {
        let word = names.names[id].words[0].as_str();
        let candidates = self.titled_names.get(word).into_iter().flatten();
        compatible_roots(sets, id, candidates.copied())
    }
}

/// The distinct sets of `candidates`, other than `id`'s own, whose gender fits `id`'s.
fn compatible_roots(
    sets: &mut Sets,
    id: NameId,
    candidates: impl Iterator<Item = NameId>,
) -> Vec<NameId> {
    let own_gender = sets.gender(id);
    let own_root = sets.find(id);
    let mut roots: Vec<NameId> = Vec::new();
    for candidate in candidates {
        let root = sets.find(candidate);
        if root != own_root && sets.gender(root).compatible(own_gender) {
            roots.push(root);
        }
    }
    roots.sort_unstable();
    roots.dedup();
    roots
}

/// True unless the titles of `id`'s set and `root`'s set disagree ("Mr." and "Miss").
fn fits(sets: &mut Sets, id: NameId, root: NameId) -> bool {
    sets.gender(id).compatible(sets.gender(root))
}

/// A bare surname shared by several people, at least one of them titled
/// ("Darcy" beside "Mr. Darcy", "Miss Darcy" and "Georgiana Darcy"), goes
/// to the titled one the story mentions far more than all the others
/// together: a narrator's bare surname is the main character's. Names
/// without titles ("Ali" beside "Ali al-Sistani" and "Ali Shamkhani") never
/// get here.
fn dominant(sets: &mut Sets, roots: &[NameId]) -> Option<NameId> {
    const DOMINANCE: usize = 3;
    let sizes: Vec<usize> = roots
        .iter()
        .map(|&r| {
            let root = sets.find(r);
            sets.size[root]
        })
        .collect();
    let total: usize = sizes.iter().sum();
    let (best, &largest) = sizes.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    (roots.len() > 1 && largest >= DOMINANCE * (total - largest)).then(|| roots[best])
}

/// True when `words` occur in `full` as a contiguous run.
fn contains_run(full: &[String], words: &[String]) -> bool {
    full.windows(words.len()).any(|window| window == words)
}

fn build_entities(
    mentions: Vec<Mention>,
    infos: &[MentionInfo],
    names: &Names,
    sets: &mut Sets,
) -> Vec<Entity> {
    let mut members: HashMap<NameId, Vec<usize>> = HashMap::new();
    for (i, &name) in names.of_mention.iter().enumerate() {
        members.entry(sets.find(name)).or_default().push(i);
    }
    let mut slots: Vec<Option<Mention>> = mentions.into_iter().map(Some).collect();
    let mut entities: Vec<Entity> = members
        .into_values()
        .map(|mut ids| {
            ids.sort_by_key(|&i| {
                let m = slots[i].as_ref().map(|m| (m.document, m.start, m.end));
                (m, i)
            });
            let mentions: Vec<Mention> = ids.iter().filter_map(|&i| slots[i].take()).collect();
            let members: Vec<&MentionInfo> = ids.iter().map(|&i| &infos[i]).collect();
            let kind = entity_kind(&mentions, &members, names, &ids);
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

/// The majority kind of the mentions; but an entity built around a
/// person's full name is that person, whatever its short names were tagged.
fn entity_kind(
    mentions: &[Mention],
    members: &[&MentionInfo],
    names: &Names,
    ids: &[usize],
) -> EntityKind {
    let has_full_person_name = ids.iter().any(|&i| {
        let name = &names.names[names.of_mention[i]];
        name.words.len() > 1 && name.kind == EntityKind::Person
    });
    let has_short_name = ids
        .iter()
        .any(|&i| names.names[names.of_mention[i]].words.len() == 1);
    if has_full_person_name && has_short_name {
        EntityKind::Person
    } else {
        majority_kind(mentions.iter().zip(members.iter().copied()))
    }
}

/// The longest full form: among several-word forms that occur at least
/// twice when there are any, else among all forms but one-offs beside a
/// far more frequent form; a standard long form
/// ("United States" for "US") when the text only used short ones. A name
/// mostly written after an honorific is "Mr. Darcy"; a one-word name is
/// prefixed with its usual title ("General Soleimani"). An entity known only
/// through demonyms is named after its place. Also returns the name without
/// its title.
fn display_name(members: &[&MentionInfo]) -> (String, String) {
    let names: Vec<&&MentionInfo> = members.iter().filter(|m| m.demonym_of.is_none()).collect();
    if names.is_empty() {
        let place = members.first().and_then(|m| m.demonym_of).unwrap_or("");
        let name = lexicon().standard_name(&names::key(place)).unwrap_or(place);
        return (name.to_string(), name.to_string());
    }
    // In a novel "Mr. Darcy" is the name, whatever longer form appears.
    let (title, titled) = most_frequent(names.iter().filter_map(|m| m.title.as_deref()));
    let title_words: Vec<&str> = title.split_whitespace().collect();
    if 2 * titled >= names.len() && lexicon().is_honorific(&title_words) {
        let surfaces = names
            .iter()
            .filter(|m| m.title.as_deref() == Some(title))
            .map(|m| m.surface.as_str());
        let (surface, _) = most_frequent(surfaces);
        return (format!("{title} {surface}"), surface.to_string());
    }
    let mut forms: HashMap<&str, Vec<&str>> = HashMap::new();
    for m in &names {
        forms
            .entry(m.own_key.as_str())
            .or_default()
            .push(&m.surface);
    }
    let word_count = |s: &str| s.split(' ').count();
    let forms: Vec<(&str, usize)> = forms
        .into_values()
        .map(|surfaces| (most_frequent(surfaces.iter().copied()).0, surfaces.len()))
        .collect();
    // A one-off form beside a name used hundreds of times is noise ("’Tis
    // Ahab"), and "Japanese Nikkei" is "Nikkei" with a nationality.
    let top = forms.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let keys: HashSet<String> = forms.iter().map(|&(s, _)| names::key(s)).collect();
    let is_nationality_variant = |surface: &str| {
        surface.split_once(' ').is_some_and(|(first, rest)| {
            lexicon().demonym_place(first).is_some() && keys.contains(&names::key(rest))
        })
    };
    let kept: Vec<(&str, usize)> = forms
        .iter()
        .copied()
        .filter(|&(s, n)| (n >= 2 || n * 20 >= top) && !is_nationality_variant(s))
        .collect();
    let forms = if kept.is_empty() { forms } else { kept };
    let repeated_full_form = forms.iter().any(|&(s, n)| n >= 2 && word_count(s) >= 2);
    let mut best = forms
        .iter()
        .filter(|&&(s, n)| !repeated_full_form || (n >= 2 && word_count(s) >= 2))
        .max_by(|a, b| {
            let rank = |&(s, n): &(&str, usize)| (word_count(s), n, s.len());
            rank(a).cmp(&rank(b)).then_with(|| b.0.cmp(a.0))
        })
        .map_or("", |&(surface, _)| surface);
    if let Some(standard) = names
        .iter()
        .filter_map(|m| lexicon().standard_name(&m.own_key))
        .max_by_key(|s| word_count(s))
    {
        if word_count(standard) > word_count(best) {
            best = standard;
        }
    }
    let titles = names.iter().filter_map(|m| m.title.as_deref());
    match most_frequent(titles) {
        (title, n)
            if !best.contains(' ')
                && title.starts_with(char::is_uppercase)
                && 2 * n >= names.len() =>
        {
            (format!("{title} {best}"), best.to_string())
        }
        _ => (best.to_string(), best.to_string()),
    }
}

/// Surface forms other than the display name, most frequent first (ties
/// alphabetically).
fn aliases(members: &[&MentionInfo], name: &str) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in members {
        *counts.entry(m.surface.as_str()).or_default() += 1;
    }
    let mut aliases: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|(surface, _)| *surface != name)
        .collect();
    aliases.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    aliases.into_iter().map(|(s, _)| s.to_string()).collect()
}

/// The most frequent item and its count (ties go to the greatest item, so
/// "al-Sadr" wins over a sentence-initial "Al-Sadr").
fn most_frequent<'a>(items: impl Iterator<Item = &'a str>) -> (&'a str, usize) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(b.0)))
        .unwrap_or(("", 0))
}
