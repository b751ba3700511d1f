//! Clustering rules that read a name's titles (marriage, rank), on hand-built
//! mentions with invented names.

use storyscope::analysis::entities::{cluster_annotated, MentionHints};
use storyscope::analysis::{Entity, EntityKind, Mention};

/// Person mentions in text order, 100 bytes apart, in document 0, each with its title.
fn titled_people(items: &[(&str, Option<&str>)]) -> Vec<Entity> {
    let mentions = items
        .iter()
        .enumerate()
        .map(|(i, (text, _))| Mention {
            document: 0,
            paragraph: i / 10,
            start: i * 100,
            end: i * 100 + text.len(),
            kind: EntityKind::Person,
            text: text.to_string(),
            form: storyscope::analysis::MentionForm::Name,
        })
        .collect();
    let hints = items
        .iter()
        .map(|(_, title)| MentionHints {
            title: title.map(str::to_string),
            ..MentionHints::default()
        })
        .collect();
    cluster_annotated(mentions, hints)
}

fn names(entities: &[Entity]) -> Vec<&str> {
    entities.iter().map(|e| e.name.as_str()).collect()
}

fn find<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity named {name:?} in {:?}", names(entities)))
}

#[test]
fn miss_and_mrs_of_one_surname_are_two_women() {
    let entities = titled_people(&[
        ("Quarrendon", Some("Miss")),
        ("Quarrendon", Some("Miss")),
        ("Quarrendon", Some("Mrs.")),
        ("Quarrendon", Some("Miss")),
    ]);
    assert_eq!(
        names(&entities),
        ["Miss Quarrendon", "Mrs. Quarrendon"],
        "{:?}",
        names(&entities)
    );
    assert_eq!(find(&entities, "Miss Quarrendon").mentions.len(), 3);
}

#[test]
fn a_full_name_claimed_by_a_miss_and_a_mrs_goes_to_neither() {
    let entities = titled_people(&[
        ("Orla Fennick", None),
        ("Fennick", Some("Miss")),
        ("Fennick", Some("Mrs.")),
    ]);
    assert_eq!(entities.len(), 3, "{:?}", names(&entities));
}

#[test]
fn a_title_that_does_not_say_marriage_joins_the_one_married_or_unmarried_form() {
    let entities = titled_people(&[
        ("Pellingham", Some("Mrs.")),
        ("Pellingham", Some("Mrs.")),
        ("Pellingham", Some("Aunt")),
    ]);
    assert_eq!(names(&entities), ["Mrs. Pellingham"]);
    assert_eq!(entities[0].mentions.len(), 3);
}

#[test]
fn beside_both_forms_such_a_title_goes_to_the_one_mentioned_just_before() {
    let entities = titled_people(&[
        ("Pellingham", Some("Mrs.")),
        ("Pellingham", Some("Miss")),
        ("Pellingham", Some("Aunt")),
        ("Pellingham", Some("Mrs.")),
    ]);
    assert_eq!(entities.len(), 2, "{:?}", names(&entities));
    let miss = find(&entities, "Miss Pellingham");
    assert_eq!(miss.mentions.len(), 2);
    assert_eq!(miss.mentions[1].start, 200);
}

#[test]
fn a_rank_that_says_no_sex_does_not_join_women_of_the_same_name() {
    let entities = titled_people(&[
        ("Thorncastle", Some("Miss")),
        ("Thorncastle", Some("Miss")),
        ("Thorncastle", Some("Miss")),
        ("Thorncastle", Some("Mrs.")),
        ("Thorncastle", Some("Dr")),
        ("Thorncastle", Some("Dr")),
    ]);
    assert_eq!(entities.len(), 3, "{:?}", names(&entities));
    assert_eq!(find(&entities, "Dr Thorncastle").mentions.len(), 2);
}

#[test]
fn a_rank_that_says_no_sex_still_joins_a_man_of_the_same_name() {
    let entities = titled_people(&[
        ("Thorncastle", Some("Mr.")),
        ("Thorncastle", Some("Mr.")),
        ("Thorncastle", Some("Mr.")),
        ("Thorncastle", Some("Captain")),
    ]);
    assert_eq!(names(&entities), ["Mr. Thorncastle"]);
}

#[test]
fn a_mrs_beside_daughters_with_full_names_is_not_the_one_left_unmarried() {
    // "Kate Harlow" is "Miss Kate Harlow", so she is no Mrs.; that leaves "Jane
    // Harlow", but the mother's own name is seldom written: no join.
    let entities = titled_people(&[
        ("Jane Harlow", None),
        ("Kate Harlow", Some("Miss")),
        ("Harlow", Some("Mrs.")),
        ("Harlow", Some("Mrs.")),
    ]);
    assert_eq!(find(&entities, "Mrs. Harlow").mentions.len(), 2);
    assert_eq!(find(&entities, "Jane Harlow").mentions.len(), 1);
}

#[test]
fn a_full_name_claimed_by_a_miss_used_far_more_than_a_mrs_is_the_miss() {
    let mut items = vec![("Caroline Wendle", None)];
    items.extend(std::iter::repeat_n(("Wendle", Some("Miss")), 6));
    items.push(("Wendle", Some("Mrs.")));
    let entities = titled_people(&items);
    assert_eq!(find(&entities, "Miss Wendle").mentions.len(), 7);
    assert_eq!(find(&entities, "Mrs. Wendle").mentions.len(), 1);
}

#[test]
fn a_bare_surname_shared_by_a_man_and_women_is_the_man() {
    // BookNLP's nearest-before rule would give the last "Dunmore" to Mrs.
    // Dunmore; a narrator's bare surname is the man's.
    let entities = titled_people(&[
        ("Dunmore", Some("Mr.")),
        ("Dunmore", Some("Mr.")),
        ("Dunmore", Some("Mrs.")),
        ("Dunmore", Some("Mrs.")),
        ("Dunmore", None),
    ]);
    assert_eq!(find(&entities, "Mr. Dunmore").mentions.len(), 3);
    assert_eq!(find(&entities, "Mrs. Dunmore").mentions.len(), 2);
}

#[test]
fn a_bare_word_that_is_also_a_given_name_still_goes_to_the_nearest() {
    // "Wallace" may be a man's given name as well as the family's surname:
    // BookNLP's nearest-before rule stands.
    let entities = titled_people(&[
        ("Wallace", Some("Mr.")),
        ("Wallace", Some("Mr.")),
        ("Wallace", Some("Mrs.")),
        ("Wallace", None),
    ]);
    assert_eq!(find(&entities, "Mrs. Wallace").mentions.len(), 2);
}

#[test]
fn a_surname_beside_a_full_name_and_its_nickname_form_joins_that_one_person() {
    // "Jack Tolliver" is "John Tolliver": one person, so "Tolliver" is his.
    let mut items = vec![("John Tolliver", None), ("Jack Tolliver", None)];
    items.extend(std::iter::repeat_n(("Tolliver", None), 5));
    let entities = titled_people(&items);
    assert_eq!(entities.len(), 1, "{:?}", names(&entities));
}

#[test]
fn a_given_name_and_a_surname_each_on_their_own_join_the_full_name_they_make() {
    let mut items = vec![
        ("Arkady Volnov", None),
        ("Arkady Pelsky", None),
        ("Sasha Volnov", None),
    ];
    items.extend(std::iter::repeat_n(("Arkady", None), 8));
    items.extend(std::iter::repeat_n(("Volnov", None), 8));
    let entities = titled_people(&items);
    assert_eq!(find(&entities, "Arkady Volnov").mentions.len(), 17);
    assert_eq!(find(&entities, "Sasha Volnov").mentions.len(), 1);
}

#[test]
fn a_surname_after_mr_does_not_join_a_given_name_into_a_full_name() {
    let mut items = vec![
        ("Arkady Volnov", None),
        ("Arkady Pelsky", None),
        ("Sasha Volnov", None),
    ];
    items.extend(std::iter::repeat_n(("Arkady", None), 8));
    items.extend(std::iter::repeat_n(("Volnov", Some("Mr.")), 8));
    let entities = titled_people(&items);
    let holding = |start: usize| {
        entities
            .iter()
            .position(|e| e.mentions.iter().any(|m| m.start == start))
    };
    // The first bare "Arkady" (mention 3) and the first "Mr. Volnov" (mention 11).
    assert_ne!(holding(300), holding(1100), "{:?}", names(&entities));
}

#[test]
fn a_wife_called_by_her_husbands_name_is_not_him() {
    let entities = titled_people(&[
        ("Tom Brannock", None),
        ("Tom Brannock", None),
        ("Tom Brannock", Some("Mrs.")),
    ]);
    assert_eq!(
        names(&entities),
        ["Tom Brannock", "Mrs. Tom Brannock"],
        "{:?}",
        names(&entities)
    );
}

#[test]
fn a_middle_name_alone_does_not_join_the_full_name() {
    let entities = titled_people(&[
        ("Edwin Lysander Crabbe", None),
        ("Lysander", None),
        ("Crabbe", None),
    ]);
    assert_eq!(find(&entities, "Edwin Lysander Crabbe").mentions.len(), 2);
    assert_eq!(find(&entities, "Lysander").mentions.len(), 1);
}
