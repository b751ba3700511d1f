//! What a mention says about its entity's kind: the tagger's confidence,
//! head words, group words and the words around it.

use super::*;

/// "at Meryton", "Lizzy said": the words around a mention add a vote for
/// the kind they tell (see `assets/entities/kind_cues.tsv`).
pub(super) fn add_context_votes(words: &[&str], found: &mut Found) {
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
pub(super) fn tagger_votes(types: &[f32; 4]) -> KindVotes {
    let mut votes = KindVotes::default();
    votes[EntityKind::Person as usize] = types[0];
    votes[EntityKind::Organization as usize] = types[1];
    votes[EntityKind::Place as usize] = types[2];
    votes[EntityKind::Other as usize] = types[3];
    votes
}

/// Votes for one kind: a strong cue's, or a weak default for a mention
/// without tagger scores (a known name found again untagged).
pub(super) fn single_vote(kind: EntityKind, cued: bool) -> KindVotes {
    let mut votes = KindVotes::default();
    votes[kind as usize] = if cued { CUE_WEIGHT } else { 0.5 };
    votes
}

/// "Tahrir Square" is a place and "Quds Force" an organisation, whatever
/// the tagger said (only strong heads overrule a person label). A creature
/// ("Sperm Whale", or "Whale" alone) is other.
pub(super) fn head_kind(name: &[&str], label: NerType) -> Option<EntityKind> {
    let [.., last] = name else {
        return None;
    };
    if name.len() < 2 {
        let creature = lexicon().head_noun(last) == Some((EntityKind::Other, true));
        return if creature {
            Some(EntityKind::Other)
        } else {
            is_compound_organisation(last).then_some(EntityKind::Organization)
        };
    }
    let (kind, strong) = lexicon().head_noun(last)?;
    (label != NerType::Per || strong).then_some(kind)
}

/// PER -> person, ORG -> organization, LOC -> place, MISC -> other; but
/// nationalities and religious or political group words are groups whatever
/// the tagger called them.
pub(super) fn kind_of(name: &[&str], label: NerType) -> EntityKind {
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
pub(super) fn has_people_suffix(word: &str) -> bool {
    const SUFFIXES: &[&str] = &["ian", "ians", "ans", "ese", "ish", "man", "men"];
    word.chars().count() > 5 && SUFFIXES.iter().any(|s| word.ends_with(s))
}

/// "Citigroup", "Commerzbank", "Bundesbank": one word ending in "group" or
/// "bank" after a stem of its own is a company or a bank.
pub(super) fn is_compound_organisation(word: &str) -> bool {
    const ENDINGS: &[&str] = &["group", "bank"];
    let lower = word.to_lowercase();
    word.starts_with(char::is_uppercase)
        && ENDINGS.iter().any(|ending| {
            lower
                .strip_suffix(ending)
                .is_some_and(|stem| stem.chars().count() >= 4)
        })
}
