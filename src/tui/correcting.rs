//! Correcting the cast in the app: mark entities and merge them, split an
//! alias out, rename, re-type, hide; undo and redo. Each correction goes to
//! the story's journal, the shown analysis is rebuilt from the uncorrected
//! one by replaying the journal ([`crate::corrections::apply`]), every
//! entity id the app holds (filters, history, marks, cursor, card) is
//! carried over to the rebuilt cast, and the list is saved at once.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use super::action::Action;
use super::app::{App, Filter, Index};
use crate::analysis::{Analysis, EntityKind};
use crate::corrections::{self, store, Correction, Journal, Outcome};

/// What a correction prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// The name to keep for these entities.
    MergeName(Vec<usize>),
    Rename(usize),
    Retype(usize),
    /// Which of the entity's aliases to split out.
    SplitAlias(usize),
    /// Where the alias goes: a new entity (empty) or the one typed.
    SplitInto(usize, String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub ask: Ask,
    pub typed: String,
}

/// The correction state of the app.
#[derive(Debug, Clone)]
pub struct Correcting<'a> {
    /// The analysis before any correction.
    pub base: &'a Analysis,
    pub journal: Journal,
    /// Per entity shown, the facts that come from a correction.
    pub notes: Vec<Vec<String>>,
    /// What became of each correction in force.
    pub outcomes: Vec<Outcome>,
    /// Entities marked for a merge.
    pub marked: Vec<usize>,
    pub prompt: Option<Prompt>,
    /// Where the list is saved; None: not saved.
    pub file: Option<PathBuf>,
}

impl<'a> Correcting<'a> {
    pub fn new(base: &'a Analysis) -> Self {
        Correcting {
            base,
            journal: Journal::default(),
            notes: vec![Vec::new(); base.entities.len()],
            outcomes: Vec::new(),
            marked: Vec::new(),
            prompt: None,
            file: None,
        }
    }

    /// The facts of `entity` that come from a correction.
    pub fn notes_of(&self, entity: usize) -> &[String] {
        self.notes.get(entity).map_or(&[], Vec::as_slice)
    }
}

/// At startup: the story's corrections applied, where to save them, and a
/// note on what did not match (once).
pub fn attach(app: &mut App, opened: store::Opened) {
    app.correcting.file = opened.path;
    app.correcting.journal = Journal::new(opened.corrections);
    // Without corrections the app's indexes are already those of the cast.
    if !app.correcting.journal.list.is_empty() {
        rebuild(app);
    }
    let unmatched: Vec<String> = app
        .correcting
        .outcomes
        .iter()
        .filter(|o| !o.applied)
        .map(|o| o.correction.describe())
        .collect();
    let mut notes = opened.notes;
    let applied = app.correcting.outcomes.len() - unmatched.len();
    if applied > 0 {
        notes.push(match applied {
            1 => "1 correction of yours applied".to_string(),
            n => format!("{n} corrections of yours applied"),
        });
    }
    if !unmatched.is_empty() {
        notes.push(format!(
            "{} no longer match (kept): {}",
            unmatched.len(),
            unmatched.join("; ")
        ));
    }
    if !notes.is_empty() {
        app.message = Some(notes.join(" · "));
    }
}

/// Keys for corrections and their prompt; false for those it leaves.
pub fn update(app: &mut App, action: Action) -> bool {
    if app.correcting.prompt.is_some() {
        return update_prompt(app, action);
    }
    match action {
        Action::MarkEntity => mark(app),
        Action::MergeEntities => ask_merge(app),
        Action::RenameEntity => ask(app, |e, app| {
            let name = app.analysis.entities[e].name.clone();
            (Ask::Rename(e), name)
        }),
        Action::RetypeEntity => ask(app, |e, _| (Ask::Retype(e), String::new())),
        Action::SplitAlias => ask_split(app),
        Action::HideEntity => {
            if let Some(e) = subject(app) {
                let entity = app.analysis.entities[e].name.clone();
                commit(app, Correction::Hide { entity });
            } else {
                no_subject(app);
            }
        }
        Action::UndoCorrection => undo(app),
        Action::RedoCorrection => redo(app),
        _ => return false,
    }
    true
}

/// The entity a correction is about: the card's, else the one under the
/// entity cursor or highlighted.
fn subject(app: &App) -> Option<usize> {
    app.card
        .as_ref()
        .map(|c| c.entity())
        .or_else(|| app.subject_entity())
}

fn no_subject(app: &mut App) {
    app.message = Some("no entity selected: pick one in the entity list".to_string());
}

fn ask(app: &mut App, prompt: impl FnOnce(usize, &App) -> (Ask, String)) {
    let Some(e) = subject(app) else {
        return no_subject(app);
    };
    let (ask, typed) = prompt(e, app);
    app.correcting.prompt = Some(Prompt { ask, typed });
}

fn mark(app: &mut App) {
    let Some(e) = app.cursor_entity() else {
        return no_subject(app);
    };
    let marked = &mut app.correcting.marked;
    let name = &app.analysis.entities[e].name;
    app.message = Some(if let Some(i) = marked.iter().position(|&m| m == e) {
        marked.remove(i);
        format!("unmarked {name}")
    } else {
        marked.push(e);
        let key = app.keymap.first_key(Action::MergeEntities).unwrap_or("?");
        format!("marked {name} · {key} merges")
    });
}

fn ask_merge(app: &mut App) {
    let mut entities = app.correcting.marked.clone();
    if let Some(e) = subject(app) {
        if !entities.contains(&e) {
            entities.push(e);
        }
    }
    if entities.len() < 2 {
        let key = app.keymap.first_key(Action::MarkEntity).unwrap_or("?");
        app.message = Some(format!(
            "mark an entity ({key}), select another, then merge"
        ));
        return;
    }
    // The longest full form: most words, then most letters.
    let proposal = entities
        .iter()
        .map(|&e| app.analysis.entities[e].name.as_str())
        .max_by_key(|n| (n.split_whitespace().count(), n.chars().count()))
        .unwrap_or_default()
        .to_string();
    app.correcting.prompt = Some(Prompt {
        ask: Ask::MergeName(entities),
        typed: proposal,
    });
}

fn ask_split(app: &mut App) {
    let Some(e) = subject(app) else {
        return no_subject(app);
    };
    let entity = &app.analysis.entities[e];
    let Some(first) = entity.aliases.first() else {
        app.message = Some(format!("{} has no other name to split out", entity.name));
        return;
    };
    app.correcting.prompt = Some(Prompt {
        ask: Ask::SplitAlias(e),
        typed: first.clone(),
    });
}

fn update_prompt(app: &mut App, action: Action) -> bool {
    let Some(prompt) = app.correcting.prompt.as_mut() else {
        return false;
    };
    match action {
        Action::SearchInput(c) => prompt.typed.push(c),
        Action::SearchBackspace => {
            prompt.typed.pop();
        }
        Action::SearchAbort => app.correcting.prompt = None,
        Action::SearchConfirm => confirm(app),
        Action::Quit | Action::Resize { .. } | Action::Suspend => return false,
        _ => {}
    }
    true
}

/// The prompt's question, what was typed, and what Enter will do.
pub fn prompt_line(app: &App) -> Option<(String, String, String)> {
    let prompt = app.correcting.prompt.as_ref()?;
    let name = |e: usize| {
        app.analysis
            .entities
            .get(e)
            .map_or(String::new(), |x| x.name.clone())
    };
    let typed = prompt.typed.clone();
    let (question, outcome) = match &prompt.ask {
        Ask::MergeName(entities) => (
            format!("merge {} as", entities.len()),
            "Enter merges".to_string(),
        ),
        Ask::Rename(e) => (format!("rename {}", name(*e)), "Enter renames".to_string()),
        Ask::Retype(e) => (
            format!("kind of {} (p/o/l/g/x)", name(*e)),
            match kind_typed(&typed) {
                Some(kind) => format!("Enter: {}", kind.as_str()),
                None => "person organization place group other".to_string(),
            },
        ),
        Ask::SplitAlias(e) => (
            format!("split from {}", name(*e)),
            match alias_typed(app, *e, &typed) {
                Some(alias) => format!("Enter: \"{alias}\""),
                None => "no such alias".to_string(),
            },
        ),
        Ask::SplitInto(e, alias) => (
            format!("move \"{alias}\" to"),
            match entity_typed(app, *e, &typed) {
                _ if typed.trim().is_empty() => "Enter: a new entity".to_string(),
                Some(target) => format!("Enter: {}", name(target)),
                None => "no match".to_string(),
            },
        ),
    };
    Some((question, typed, format!("{outcome} · Esc cancels")))
}

fn kind_typed(typed: &str) -> Option<EntityKind> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    if typed.chars().count() == 1 {
        let letter = typed.chars().next()?.to_ascii_uppercase();
        return EntityKind::ALL.into_iter().find(|k| k.letter() == letter);
    }
    EntityKind::ALL
        .into_iter()
        .find(|k| k.as_str().starts_with(&typed))
}

/// The alias of `entity` the reader means: the one typed (any case), else
/// the best fuzzy match.
fn alias_typed(app: &App, entity: usize, typed: &str) -> Option<String> {
    let aliases = &app.analysis.entities.get(entity)?.aliases;
    if let Some(exact) = aliases
        .iter()
        .find(|a| a.eq_ignore_ascii_case(typed.trim()))
    {
        return Some(exact.clone());
    }
    let best = super::entity_list::fuzzy_filter(typed, (0..aliases.len()).collect(), |i| {
        std::iter::once(&aliases[i])
    });
    best.first().map(|&i| aliases[i].clone())
}

/// The entity typed (fuzzy over names and aliases), other than `not`.
fn entity_typed(app: &App, not: usize, typed: &str) -> Option<usize> {
    if typed.trim().is_empty() {
        return None;
    }
    let entities = &app.analysis.entities;
    let candidates: Vec<usize> = app
        .index
        .entity_order
        .iter()
        .copied()
        .filter(|&e| e != not)
        .collect();
    if let Some(&exact) = candidates
        .iter()
        .find(|&&e| entities[e].name.eq_ignore_ascii_case(typed.trim()))
    {
        return Some(exact);
    }
    super::entity_list::fuzzy_filter(typed, candidates, |e| {
        std::iter::once(&entities[e].name).chain(&entities[e].aliases)
    })
    .first()
    .copied()
}

fn confirm(app: &mut App) {
    let Some(prompt) = app.correcting.prompt.take() else {
        return;
    };
    let name = |e: usize| app.analysis.entities[e].name.clone();
    let typed = prompt.typed.trim().to_string();
    let correction = match prompt.ask {
        Ask::MergeName(_) | Ask::Rename(_) if typed.is_empty() => {
            app.message = Some("a name is needed".to_string());
            app.correcting.prompt = Some(prompt);
            return;
        }
        Ask::MergeName(entities) => Correction::Merge {
            entities: entities.into_iter().map(name).collect(),
            name: typed,
        },
        Ask::Rename(e) => Correction::Rename {
            entity: name(e),
            name: typed,
        },
        Ask::Retype(e) => match kind_typed(&typed) {
            Some(kind) => Correction::Retype {
                entity: name(e),
                kind,
            },
            None => {
                app.message = Some("type p, o, l, g or x (or the kind's name)".to_string());
                app.correcting.prompt = Some(prompt);
                return;
            }
        },
        Ask::SplitAlias(e) => {
            match alias_typed(app, e, &typed) {
                Some(alias) => {
                    app.correcting.prompt = Some(Prompt {
                        ask: Ask::SplitInto(e, alias),
                        typed: String::new(),
                    })
                }
                None => {
                    app.message = Some("not one of its aliases".to_string());
                    app.correcting.prompt = Some(prompt);
                }
            }
            return;
        }
        Ask::SplitInto(e, alias) => {
            let into = match entity_typed(app, e, &typed) {
                _ if typed.is_empty() => None,
                Some(target) => Some(name(target)),
                None => {
                    app.message = Some("no entity of that name".to_string());
                    app.correcting.prompt = Some(Prompt {
                        ask: Ask::SplitInto(e, alias),
                        typed,
                    });
                    return;
                }
            };
            Correction::Split {
                entity: name(e),
                alias,
                into,
            }
        }
    };
    app.correcting.marked.clear();
    commit(app, correction);
}

/// Adds a correction, applies it, saves, and says what it did.
fn commit(app: &mut App, correction: Correction) {
    app.correcting.journal.push(correction.clone());
    rebuild(app);
    let outcome = app.correcting.outcomes.last();
    let undo = app.keymap.first_key(Action::UndoCorrection).unwrap_or("?");
    app.message = Some(match outcome {
        Some(o) if o.applied => format!("{} · {undo} undoes", short(&o.correction)),
        Some(o) => format!("{}: {}", o.correction.describe(), o.note),
        None => correction.describe(),
    });
    save(app);
}

/// What a correction did, short enough for the status bar beside the filters.
fn short(correction: &Correction) -> String {
    match correction {
        Correction::Merge { entities, name } => {
            format!("merged {} into \"{name}\"", entities.len())
        }
        other => other.describe(),
    }
}

fn undo(app: &mut App) {
    let Some(undone) = app.correcting.journal.undo().cloned() else {
        app.message = Some("no correction to undo".to_string());
        return;
    };
    rebuild(app);
    save(app);
    app.message = Some(format!("undone: {}", short(&undone)));
}

fn redo(app: &mut App) {
    let Some(redone) = app.correcting.journal.redo().cloned() else {
        app.message = Some("no correction to redo".to_string());
        return;
    };
    rebuild(app);
    save(app);
    app.message = Some(format!("redone: {}", short(&redone)));
}

fn save(app: &mut App) {
    let Some(path) = app.correcting.file.clone() else {
        return;
    };
    if let Err(error) = store::save(&path, app.corpus, app.correcting.journal.in_force()) {
        app.message = Some(format!(
            "corrections not saved to {}: {error}",
            path.display()
        ));
    }
}

/// Replays the journal over the uncorrected analysis and moves every
/// entity id the app holds to the rebuilt cast.
pub fn rebuild(app: &mut App) {
    let base = app.correcting.base;
    let corrected = corrections::apply(base, app.correcting.journal.in_force());
    let in_force = !app.correcting.journal.in_force().is_empty();
    let map = remap(&app.analysis, &corrected.analysis);
    let follow = |e: usize| map.get(e).copied().flatten();
    let cursor = app.cursor_entity().and_then(follow);
    let row = app.entities.selected;
    let card = app.card.as_ref().and_then(|c| follow(c.entity()));
    app.analysis = if in_force {
        Cow::Owned(corrected.analysis)
    } else {
        Cow::Borrowed(base)
    };
    app.correcting.notes = corrected.notes;
    app.correcting.outcomes = corrected.outcomes;
    app.correcting.marked = app
        .correcting
        .marked
        .iter()
        .filter_map(|&e| follow(e))
        .collect();
    app.correcting.marked.dedup();
    app.filters = app
        .filters
        .iter()
        .filter_map(|f| remap_filter(f, &follow))
        .collect();
    app.history.remap_entities(|f| remap_filter(f, &follow));
    app.index = Index::build(app.corpus, &app.analysis);
    app.mention_cursor = None;
    app.concordance = None;
    app.stories = Default::default();
    app.refresh_entity_list(false);
    // The cursor stays on its entity, or (it was hidden) on the same row.
    let shown = &app.entity_list.shown;
    app.entities.selected = cursor
        .and_then(|e| shown.iter().position(|&s| s == e))
        .unwrap_or(row.min(shown.len().saturating_sub(1)));
    app.card = card.and_then(|e| app.build_card(e));
    app.apply_filters();
}

fn remap_filter(filter: &Filter, follow: &impl Fn(usize) -> Option<usize>) -> Option<Filter> {
    Some(match filter {
        Filter::Entity(e) => Filter::Entity(follow(*e)?),
        Filter::Speaks(e) => Filter::Speaks(follow(*e)?),
        other => other.clone(),
    })
}

/// Where each entity of `old` is in `new`: among those now holding its
/// mentions, the one that kept its name, else the one with most of its
/// name mentions (a merge moved them), else of its mentions; an entity
/// without mentions goes to one of the same name; None when hidden.
pub fn remap(old: &Analysis, new: &Analysis) -> Vec<Option<usize>> {
    let mut owner: HashMap<(usize, usize, usize), usize> = HashMap::new();
    for (i, entity) in new.entities.iter().enumerate() {
        for m in &entity.mentions {
            owner.insert((m.document, m.start, m.end), i);
        }
    }
    old.entities
        .iter()
        .map(|entity| {
            let at =
                |m: &crate::analysis::Mention| owner.get(&(m.document, m.start, m.end)).copied();
            let holders: Vec<usize> = entity.mentions.iter().filter_map(at).collect();
            // What kept its name is itself (a split leaves the rest behind).
            let same_name = holders
                .iter()
                .copied()
                .find(|&h| new.entities[h].name == entity.name);
            same_name
                .or_else(|| most_common(entity.names().filter_map(at)))
                .or_else(|| most_common(holders.into_iter()))
                .or_else(|| {
                    entity
                        .mentions
                        .is_empty()
                        .then(|| new.entities.iter().position(|e| e.name == entity.name))
                        .flatten()
                })
        })
        .collect()
}

/// The most frequent item (ties: the smallest).
fn most_common(items: impl Iterator<Item = usize>) -> Option<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(item, n)| (n, std::cmp::Reverse(item)))
        .map(|(item, _)| item)
}
