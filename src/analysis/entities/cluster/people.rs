//! Joining a person's names: short names to the full name they belong to,
//! nicknames to the given name, and an ambiguous short name to the person
//! mentioned nearest before it.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::{EntityKind, Gender, Marital, Name, NameId, Names, Sets};
use crate::analysis::entities::lexicon::lexicon;

/// A person's partial name ("Sadr", "Muqtada", "Mahdi al-Muhandis", "Mr.
/// Darcy") joins the full name that contains it when exactly one person in
/// the story fits; "Ali" beside "Ali al-Sistani" and "Ali Shamkhani" stays
/// apart. Longer names are settled first so a short name sees whole people;
/// then titled one-word names ("Mr. Bingley"), all at once so that a full
/// name claimed by both a "Mr." and a "Miss" goes to neither; then bare ones.
/// Returns the bare names that fit several people: each of their mentions is
/// settled later, by [`nearest_person`].
pub(super) fn link_short_names(names: &Names, sets: &mut Sets) -> Vec<Ambiguous> {
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
    let mut ambiguous = Vec::new();
    for id in longer {
        let mut roots = index.full_name_roots(names, sets, id);
        roots.retain(|&root| same_sex(sets, id, root));
        match roots[..] {
            [root] if fits(sets, id, root) => sets.union(root, id),
            [_, _, ..] if !outnumbers(names, sets, id, &roots) => ambiguous.push(Ambiguous {
                name: id,
                candidates: roots,
            }),
            _ => {}
        }
    }
    // "Master Reed" beside "John Reed", "Eliza Reed" and "Georgiana Reed" is
    // John: full names whose given name says another sex are no candidates.
    let claims: Vec<(NameId, NameId)> = titled
        .iter()
        .filter_map(|&id| {
            let mut roots = index.full_name_roots(names, sets, id);
            roots.retain(|&root| same_sex(sets, id, root));
            match roots[..] {
                [root] if fits(sets, id, root) => Some((id, root)),
                _ => None,
            }
        })
        .collect();
    // A full name claimed by "Mr." and "Mrs." is neither's; one claimed by
    // "Miss" and "Mrs." goes to the one used far more ("Miss Harlow" for
    // "Caroline Harlow", beside the "Mrs. Harlow" her brother's wife becomes).
    let mut claimants: HashMap<NameId, Claimants> = HashMap::new();
    for &(id, root) in &claims {
        let seen = claimants.entry(root).or_default();
        let name = &names.names[id];
        match name.gender {
            Gender::Male => seen.male = true,
            Gender::Female => seen.female = true,
            Gender::Unknown => {}
        }
        match name.marital {
            Marital::Married => seen.married += name.mentions.len(),
            Marital::Unmarried => seen.unmarried += name.mentions.len(),
            Marital::Unknown => {}
        }
    }
    for (id, root) in claims {
        let contested = claimants
            .get(&root)
            .is_some_and(|seen| !seen.grants(names.names[id].marital));
        if !contested {
            sets.union(root, id);
        }
    }
    for &id in &bare {
        let full_roots = index.full_name_roots(names, sets, id);
        let mut titled_roots = index.titled_roots(names, sets, id);
        // "Dr. Hale" beside "Mrs. Hale" and "Miss Hale" is neither: a rank
        // or office that says no sex is, beside women's titles, a man's.
        if names.names[id].neutral_titled {
            titled_roots.retain(|&root| sets.gender(root) != Gender::Female);
        }
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
        match target {
            Some(root) if fits(sets, id, root) => sets.union(root, id),
            Some(_) => {}
            None if roots.len() > 1 => {
                let candidates: Vec<NameId> = roots
                    .into_iter()
                    .filter(|&r| same_sex(sets, id, r))
                    .collect();
                match candidates[..] {
                    [root] if fits(sets, id, root) => sets.union(root, id),
                    [_, _, ..] if !outnumbers(names, sets, id, &candidates) => {
                        ambiguous.push(Ambiguous {
                            name: id,
                            candidates,
                        })
                    }
                    _ => {}
                }
            }
            None => {}
        }
    }
    link_given_names_to_full_names(names, sets, &index, &bare);
    link_given_name_and_surname(names, sets, &index);
    ambiguous
}

/// "Nicholas" and "Rostóv", each used far more than all the longer names
/// they fit and so left on their own, are one man when the story also
/// writes "Nicholas Rostóv": both join that full name. A surname that
/// follows "Mr." or "Mrs." ("Mr. Woodhouse") is not the given name's
/// bearer, and a word that is also a given name is no surname here.
fn link_given_name_and_surname(names: &Names, sets: &mut Sets, index: &PersonIndex) {
    let lex = lexicon();
    let bare_name = |key: &str| {
        names.by_key.get(key).and_then(|ids| {
            ids.iter()
                .copied()
                .find(|&id| names.names[id].gender == Gender::Unknown && may_join(names, id))
        })
    };
    for (full, name) in names.names.iter().enumerate() {
        let [given, surname] = name.words.as_slice() else {
            continue;
        };
        if name.kind != EntityKind::Person
            || lex.given_name_gender_of_key(surname) != Gender::Unknown
        {
            continue;
        }
        let (Some(given_id), Some(surname_id)) = (bare_name(given), bare_name(surname)) else {
            continue;
        };
        let surname_titled = names.by_key[surname.as_str()]
            .iter()
            .any(|&id| names.names[id].surname_titled);
        // Alone in its set: not yet part of any other name.
        let on_its_own = |sets: &mut Sets, id: NameId| {
            let root = sets.find(id);
            let roots = index.full_name_roots(names, sets, id);
            sets.size[root] == names.names[id].mentions.len() && outnumbers(names, sets, id, &roots)
        };
        if surname_titled || !on_its_own(sets, given_id) || !on_its_own(sets, surname_id) {
            continue;
        }
        if fits(sets, full, given_id) && fits(sets, full, surname_id) {
            sets.union(full, given_id);
            sets.union(full, surname_id);
        }
    }
}

/// Who claims a full name: titles of each sex, and mentions under each marriage title.
#[derive(Default)]
struct Claimants {
    male: bool,
    female: bool,
    married: usize,
    unmarried: usize,
}

impl Claimants {
    /// Whether a claimant with this marriage title gets the name.
    fn grants(&self, marital: Marital) -> bool {
        const DOMINANCE: usize = 3;
        let (own, other) = match marital {
            Marital::Married => (self.married, self.unmarried),
            Marital::Unmarried => (self.unmarried, self.married),
            Marital::Unknown => (1, 0),
        };
        !(self.male && self.female) && (other == 0 || own >= DOMINANCE * other)
    }
}

/// "Pierre", used far more than the longer names it fits ("Pierre
/// Bezúkhov", "Comte Pierre Besouhoff") and so not shared out, still joins
/// the one of them that it begins (see [`PersonIndex::sole_full_name_starting`]).
fn link_given_names_to_full_names(
    names: &Names,
    sets: &mut Sets,
    index: &PersonIndex,
    bare: &[NameId],
) {
    for &id in bare {
        let mut roots = index.full_name_roots(names, sets, id);
        roots.retain(|&root| same_sex(sets, id, root));
        if roots.is_empty() || !outnumbers(names, sets, id, &roots) {
            continue;
        }
        if let Some(root) = index.sole_full_name_starting(names, sets, id) {
            if fits(sets, id, root) {
                sets.union(root, id);
            }
        }
    }
}

/// "Ahab" beside one-off "Old Ahab" and "Parsee Ahab": a short name used
/// far more than all the longer ones it fits is the character itself, not
/// a part of one of them, and is not shared out.
fn outnumbers(names: &Names, sets: &mut Sets, id: NameId, candidates: &[NameId]) -> bool {
    const MAJORITY: usize = 2;
    let own = names.names[id].mentions.len();
    let theirs: usize = candidates
        .iter()
        .map(|&c| {
            let root = sets.find(c);
            sets.size[root]
        })
        .sum();
    own > MAJORITY * theirs
}

/// A bare name ("Pontellier", "Anthony") that fits several people of the story.
pub(super) struct Ambiguous {
    pub name: NameId,
    /// Names of the people it may be, in sets that stay apart.
    pub candidates: Vec<NameId>,
}

/// Where a mention is: document, then byte offset.
pub(super) type Position = (usize, usize);

/// BookNLP's rule for an ambiguous short name: the mention is the candidate
/// person mentioned nearest before it in the same document, else the one
/// mentioned first after it. `positions[root]` lists where each set's own
/// names are mentioned, sorted.
pub(super) fn nearest_person(
    at: Position,
    candidates: &[NameId],
    positions: &HashMap<NameId, Vec<Position>>,
) -> Option<NameId> {
    let mut before: Option<(Position, NameId)> = None;
    let mut after: Option<(Position, NameId)> = None;
    for &root in candidates {
        let Some(list) = positions.get(&root) else {
            continue;
        };
        let split = list.partition_point(|&p| p < at);
        if let Some(&p) = split
            .checked_sub(1)
            .map(|i| &list[i])
            .filter(|p| p.0 == at.0)
        {
            if before.is_none_or(|(q, _)| p > q) {
                before = Some((p, root));
            }
        }
        if let Some(&p) = list.get(split).filter(|p| p.0 == at.0) {
            if after.is_none_or(|(q, _)| p < q) {
                after = Some((p, root));
            }
        }
    }
    before.or(after).map(|(_, root)| root)
}

/// "Lizzy" is Elizabeth, "Jack Durbeyfield" is John Durbeyfield: a name
/// whose first word is a common nickname joins the one person of the story
/// who has the given name behind it (with the same other words), when the
/// story has exactly one such person and their titles agree.
pub(super) fn link_nicknames(names: &Names, sets: &mut Sets) {
    link_nicknames_of(names, sets, |_| true);
}

/// [`link_nicknames`] for full names only ("Jack Durbeyfield" and "John
/// Durbeyfield"), run before short names are linked so that "Durbeyfield"
/// sees one person there, not two.
pub(super) fn link_full_name_nicknames(names: &Names, sets: &mut Sets) {
    link_nicknames_of(names, sets, |words| words.len() > 1);
}

fn link_nicknames_of(names: &Names, sets: &mut Sets, eligible: impl Fn(&[String]) -> bool) {
    let lex = lexicon();
    let mut by_first_word: HashMap<&str, Vec<NameId>> = HashMap::new();
    for (id, name) in names.names.iter().enumerate() {
        if name.kind == EntityKind::Person {
            by_first_word.entry(&name.words[0]).or_default().push(id);
        }
    }
    let part_of_other_names = names_in_other_names(names, sets);
    for id in (0..names.names.len()).filter(|&id| may_join(names, id)) {
        if !eligible(&names.names[id].words) {
            continue;
        }
        // "Dick", already part of "Moby Dick", is not also "Richard III";
        // "Lizzy", joined only by "Miss Lizzy", is still Elizabeth.
        if part_of_other_names[id] {
            continue;
        }
        let words = &names.names[id].words;
        let given_names = lex.given_names_of(&words[0]);
        if given_names.is_empty() {
            continue;
        }
        let own_root = sets.find(id);
        let mut roots: Vec<NameId> = given_names
            .iter()
            .flat_map(|given| by_first_word.get(given).into_iter().flatten())
            .filter(|&&other| {
                let other_words = &names.names[other].words;
                words.len() == 1 || other_words[1..] == words[1..]
            })
            .map(|&other| sets.find(other))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        // Already with one of them ("Eliza" joined "Eliza Bennet"): the
        // others ("Louisa", of whom "Eliza" is also short) stay apart.
        match roots[..] {
            [root] if root != own_root && fits(sets, id, root) => sets.union(root, id),
            _ => {}
        }
    }
}

/// For each name: whether its set already holds a name that does not start
/// with its words ("Dick" with "Moby Dick"), so it is settled as part of
/// another name. Titled and longer forms of itself ("Miss Lizzy", "Lizzy
/// Bennet") do not count.
fn names_in_other_names(names: &Names, sets: &mut Sets) -> Vec<bool> {
    let mut members: HashMap<NameId, Vec<NameId>> = HashMap::new();
    for id in 0..names.names.len() {
        members.entry(sets.find(id)).or_default().push(id);
    }
    let mut settled = vec![false; names.names.len()];
    for ids in members.values() {
        for &id in ids {
            let words = &names.names[id].words;
            settled[id] = ids
                .iter()
                .any(|&other| !names.names[other].words.starts_with(words));
        }
    }
    settled
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
                } else if words.len() == 1 {
                    // "Ulysses" is not "Adam Ulysses Patch": a middle name
                    // is seldom used alone.
                    candidate[0] == words[0] || candidate.last() == words.last()
                } else {
                    contains_run(candidate, words) || is_first_and_last(candidate, words)
                }
        });
        let own_root = sets.find(id);
        let mut roots: Vec<NameId> = longer.map(|&c| sets.find(c)).collect();
        roots.retain(|&r| r != own_root);
        roots.sort_unstable();
        roots.dedup();
        roots
    }

    /// "Pierre" used thousands of times beside "Pierre Bezúkhov" and junk
    /// such as "Bolótnoe Place Pierre": the one set, fitting its gender,
    /// with a longer name that begins with this word (a given name), or the
    /// one of them mentioned far more than the others ([`dominant`]).
    fn sole_full_name_starting(
        &self,
        names: &Names,
        sets: &mut Sets,
        id: NameId,
    ) -> Option<NameId> {
        let word = names.names[id].words[0].as_str();
        let candidates = self.full_names.get(word).into_iter().flatten();
        let starting = candidates.filter(|&&c| names.names[c].words[0] == word);
        let roots = compatible_roots(sets, id, starting.copied());
        match roots[..] {
            [root] => Some(root),
            _ => dominant(sets, &roots),
        }
    }

    /// Sets of the titled one-word names with the same word ("Mr. Darcy" for "Darcy").
    fn titled_roots(&self, names: &Names, sets: &mut Sets, id: NameId) -> Vec<NameId> {
        let word = names.names[id].words[0].as_str();
        let candidates = self.titled_names.get(word).into_iter().flatten();
        compatible_roots(sets, id, candidates.copied())
    }
}

/// The distinct sets of `candidates`, other than `id`'s own, whose titles fit `id`'s.
fn compatible_roots(
    sets: &mut Sets,
    id: NameId,
    candidates: impl Iterator<Item = NameId>,
) -> Vec<NameId> {
    let own_root = sets.find(id);
    let mut roots: Vec<NameId> = Vec::new();
    for candidate in candidates {
        let root = sets.find(candidate);
        if root != own_root && same_sex(sets, root, id) {
            roots.push(root);
        }
    }
    roots.sort_unstable();
    roots.dedup();
    roots
}

/// True unless the titles of `id`'s set and `root`'s set disagree ("Mr."
/// and "Miss", "Miss" and "Mrs.").
fn fits(sets: &mut Sets, id: NameId, root: NameId) -> bool {
    sets.compatible(id, root)
}

/// True unless the two sets' titles or given names say another sex. Only
/// sex rules candidates out: "Mrs. Harlow" beside "Jane Harlow" and "Miss
/// Kate Harlow" is no sign that she is Jane (the mother's own name is
/// seldom written), so a marriage title only vetoes a join.
fn same_sex(sets: &mut Sets, id: NameId, root: NameId) -> bool {
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

/// "Adam Patch" in "Adam J. Patch", "Anthony Patch" in "Anthony Comstock
/// Patch": the same first and last words around a middle name or initial.
fn is_first_and_last(full: &[String], words: &[String]) -> bool {
    words.len() >= 2 && full.first() == words.first() && full.last() == words.last()
}

/// True when `words` occur in `full` as a contiguous run.
fn contains_run(full: &[String], words: &[String]) -> bool {
    full.windows(words.len()).any(|window| window == words)
}
