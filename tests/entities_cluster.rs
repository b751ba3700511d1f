//! Every clustering rule, on hand-built mentions.

use storyscope::analysis::entities::{cluster, cluster_annotated, MentionHints};
use storyscope::analysis::{Entity, EntityKind, Mention};

use EntityKind::{Group, Organization, Other, Person, Place};

/// Mentions in text order, 100 bytes apart, all in document 0.
fn mentions(items: &[(&str, EntityKind)]) -> Vec<Mention> {
    items
        .iter()
        .enumerate()
        .map(|(i, (text, kind))| Mention {
            document: 0,
            paragraph: i / 10,
            start: i * 100,
            end: i * 100 + text.len(),
            kind: *kind,
            text: text.to_string(),
            form: storyscope::analysis::MentionForm::Name,
        })
        .collect()
}

fn find<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity named {name:?} in {:?}", names(entities)))
}

fn names(entities: &[Entity]) -> Vec<&str> {
    entities.iter().map(|e| e.name.as_str()).collect()
}

fn titled(title: &str) -> MentionHints {
    MentionHints {
        title: Some(title.to_string()),
        ..MentionHints::default()
    }
}

#[test]
fn article_prefix_and_case_do_not_split_an_entity() {
    let entities = cluster(mentions(&[
        ("al-Sadr", Person),
        ("Al-Sadr", Person),
        ("al-Sadr", Person),
        ("Sadr", Person),
    ]));
    assert_eq!(names(&entities), ["al-Sadr"]);
    assert_eq!(entities[0].mentions.len(), 4);
    assert_eq!(entities[0].aliases, ["Al-Sadr", "Sadr"]);
}

#[test]
fn possessives_are_not_part_of_the_name() {
    let entities = cluster(mentions(&[
        ("Iran", Place),
        ("Iran's", Place),
        ("Iran’s", Place),
    ]));
    assert_eq!(names(&entities), ["Iran"]);
    assert!(entities[0].aliases.is_empty());
}

#[test]
fn surname_and_first_name_join_the_full_name() {
    let entities = cluster(mentions(&[
        ("Soleimani", Person),
        ("Qassem Soleimani", Person),
        ("Qassem Soleimani", Person),
        ("Muqtada", Person),
        ("Muqtada al-Sadr", Person),
        ("al-Sadr", Person),
        ("Al-Sadr", Person),
    ]));
    assert_eq!(names(&entities), ["Muqtada al-Sadr", "Qassem Soleimani"]);
    assert_eq!(find(&entities, "Qassem Soleimani").mentions.len(), 3);
    assert_eq!(find(&entities, "Muqtada al-Sadr").mentions.len(), 4);
}

#[test]
fn a_shared_first_name_goes_to_the_person_mentioned_nearest_before_it() {
    let entities = cluster(mentions(&[
        ("Ali al-Sistani", Person),
        ("Ali Shamkhani", Person),
        ("Ali", Person),
        ("Al-Sistani", Person),
        ("Ali", Person),
        ("Shamkhani", Person),
    ]));
    assert_eq!(entities.len(), 2, "{:?}", names(&entities));
    let sistani = find(&entities, "Ali al-Sistani");
    let shamkhani = find(&entities, "Ali Shamkhani");
    assert_eq!(shamkhani.mentions.len(), 3);
    assert_eq!(
        shamkhani.mentions[1].start, 200,
        "the first Ali follows Shamkhani"
    );
    assert_eq!(sistani.mentions.len(), 3);
    assert_eq!(
        sistani.mentions[2].start, 400,
        "the second Ali follows al-Sistani"
    );
}

#[test]
fn an_ambiguous_name_before_any_candidate_goes_to_the_first_one_after_it() {
    let entities = cluster(mentions(&[
        ("Tom", Person),
        ("Tom Harlow", Person),
        ("Tom Pike", Person),
    ]));
    assert_eq!(find(&entities, "Tom Harlow").mentions.len(), 2);
    assert_eq!(find(&entities, "Tom Pike").mentions.len(), 1);
}

#[test]
fn partial_runs_of_a_long_name_join_it() {
    let entities = cluster(mentions(&[
        ("Abu Mahdi al-Muhandis", Person),
        ("Mahdi al-Muhandis", Person),
        ("al-Muhandis", Person),
        ("Adel Abdul-Mahdi", Person),
        ("Abdul-Mahdi", Person),
    ]));
    assert_eq!(
        names(&entities),
        ["Abu Mahdi al-Muhandis", "Adel Abdul-Mahdi"]
    );
    assert_eq!(entities[0].mentions.len(), 3);
    assert_eq!(entities[1].mentions.len(), 2);
}

#[test]
fn only_people_absorb_partial_names() {
    let entities = cluster(mentions(&[
        ("Iran", Place),
        ("Supreme National Security Council of Iran", Organization),
        ("Baghdad", Place),
        ("Baghdad airport", Place),
        ("Sadr", Person),
        ("Sadr City", Place),
    ]));
    assert_eq!(entities.len(), 6, "{:?}", names(&entities));
}

#[test]
fn a_defined_acronym_joins_its_long_form() {
    let items = mentions(&[
        ("Islamic State Group", Organization),
        ("ISIS", Organization),
        ("ISIS", Organization),
    ]);
    let hints = vec![
        MentionHints {
            title: None,
            defines: Some("ISIS".into()),
            ..MentionHints::default()
        },
        MentionHints {
            title: None,
            defines: Some("Islamic State Group".into()),
            ..MentionHints::default()
        },
        MentionHints::default(),
    ];
    let entities = cluster_annotated(items.clone(), hints);
    assert_eq!(names(&entities), ["Islamic State Group"]);
    assert_eq!(entities[0].aliases, ["ISIS"]);
    // Without the definition the letters do not match: two entities.
    assert_eq!(cluster(items).len(), 2);
}

#[test]
fn an_acronym_joins_the_one_name_with_its_initials() {
    let entities = cluster(mentions(&[
        ("Popular Mobilization Units", Organization),
        ("PMU", Organization),
        ("PMUs", Organization),
        ("Bank of America", Organization),
        ("BoA", Organization),
    ]));
    assert_eq!(
        names(&entities),
        ["Popular Mobilization Units", "Bank of America"]
    );
    assert_eq!(entities[0].aliases, ["PMU", "PMUs"]);
}

#[test]
fn an_acronym_with_two_possible_long_forms_stays_apart() {
    let entities = cluster(mentions(&[
        ("Popular Mobilization Units", Organization),
        ("Public Media Union", Organization),
        ("PMU", Organization),
    ]));
    assert_eq!(entities.len(), 3);
}

#[test]
fn standard_short_forms_join_their_long_form() {
    let entities = cluster(mentions(&[
        ("US", Place),
        ("U.S.", Place),
        ("USA", Place),
        ("United States", Place),
        ("United States", Place),
        ("America", Place),
        ("UK", Place),
        ("Britain", Place),
        ("U.N.", Organization),
        ("United Nations", Organization),
    ]));
    assert_eq!(
        names(&entities),
        ["United States", "United Kingdom", "United Nations"]
    );
    let us = find(&entities, "United States");
    assert_eq!(us.aliases, ["America", "U.S.", "US", "USA"]);
    assert_eq!(find(&entities, "United Kingdom").aliases, ["Britain", "UK"]);
}

#[test]
fn demonyms_are_group_mentions_of_their_place() {
    let entities = cluster(mentions(&[
        ("Iraq", Place),
        ("Iraqi", Group),
        ("Iraqis", Group),
        ("Iraqi", Group),
        ("American", Group),
        ("US", Place),
        ("Shiite", Group),
    ]));
    let iraq = find(&entities, "Iraq");
    assert_eq!(iraq.kind, Place);
    assert_eq!(iraq.mentions.len(), 4);
    assert_eq!(iraq.aliases, ["Iraqi", "Iraqis"]);
    assert_eq!(iraq.mentions[1].kind, Group, "the mention keeps its kind");
    assert_eq!(find(&entities, "United States").aliases, ["American", "US"]);
    assert_eq!(find(&entities, "Shiite").kind, Group);
}

#[test]
fn a_demonym_alone_names_its_place() {
    let entities = cluster(mentions(&[("Canadians", Group), ("Americans", Group)]));
    let canada = find(&entities, "Canada");
    assert_eq!(canada.kind, Place);
    assert_eq!(canada.aliases, ["Canadians"]);
    assert_eq!(find(&entities, "United States").aliases, ["Americans"]);
}

#[test]
fn display_name_is_the_longest_form_that_repeats() {
    // Without a repeated full name, the longest form wins.
    let entities = cluster(mentions(&[
        ("ISIS", Organization),
        ("ISIS", Organization),
        ("Islamic State of Iraq and Syria", Organization),
        ("Islamic State", Organization),
    ]));
    assert_eq!(entities.len(), 2, "{:?}", names(&entities));
    assert_eq!(
        find(&entities, "Islamic State of Iraq and Syria").aliases,
        ["ISIS"]
    );

    // "Muqtada al-Sadr" occurs twice; the one-off "Muqtada Sadr Hakim" is
    // longer but does not repeat.
    let entities = cluster(mentions(&[
        ("Muqtada al-Sadr", Person),
        ("al-Sadr", Person),
        ("al-Sadr", Person),
        ("al-Sadr", Person),
        ("Muqtada al-Sadr", Person),
        ("Muqtada Sadr Hakim", Person),
    ]));
    assert_eq!(entities[0].name, "Muqtada al-Sadr");
    assert_eq!(entities[0].aliases, ["al-Sadr", "Muqtada Sadr Hakim"]);
}

#[test]
fn titles_keep_namesakes_apart_and_name_the_entity() {
    let items = mentions(&[
        ("Bennet", Person),
        ("Bennet", Person),
        ("Bennet", Person),
        ("Darcy", Person),
        ("Fitzwilliam Darcy", Person),
        ("Bennet", Person),
    ]);
    let hints = vec![
        titled("Mr."),
        titled("Mrs."),
        titled("Mr."),
        titled("Mr."),
        MentionHints::default(),
        MentionHints::default(),
    ];
    let entities = cluster_annotated(items, hints);
    assert_eq!(find(&entities, "Mrs. Bennet").mentions.len(), 1);
    // The untitled "Bennet" could be either: it goes to the Bennet
    // mentioned nearest before it.
    assert!(entities.iter().all(|e| e.name != "Bennet"));
    let mr_bennet = find(&entities, "Mr. Bennet");
    assert_eq!(mr_bennet.mentions.len(), 3);
    // "Mr. Darcy" joins the only Darcy with a full name, and as most of its
    // mentions carry the honorific, the entity is called so.
    let darcy = find(&entities, "Mr. Darcy");
    assert_eq!(darcy.mentions.len(), 2);
    assert_eq!(darcy.aliases, ["Fitzwilliam Darcy"]);
}

#[test]
fn an_untitled_surname_joins_the_one_titled_namesake() {
    let items = mentions(&[
        ("Collins", Person),
        ("Collins", Person),
        ("Collins", Person),
    ]);
    let hints = vec![titled("Mr."), MentionHints::default(), titled("Mr.")];
    let entities = cluster_annotated(items, hints);
    assert_eq!(names(&entities), ["Mr. Collins"]);
    assert_eq!(entities[0].mentions.len(), 3);
}

#[test]
fn line_breaks_inside_a_name_do_not_split_it() {
    let entities = cluster(mentions(&[
        ("Elizabeth\nBennet", Person),
        ("Elizabeth Bennet", Person),
        ("Elizabeth", Person),
    ]));
    assert_eq!(names(&entities), ["Elizabeth Bennet"]);
    assert_eq!(entities[0].mentions.len(), 3);
}

#[test]
fn kind_is_the_majority_of_mentions() {
    let entities = cluster(mentions(&[
        ("Washington", Place),
        ("Washington", Place),
        ("Washington", Person),
    ]));
    assert_eq!(entities[0].kind, Place);
}

#[test]
fn entities_are_sorted_by_count_then_name_with_mentions_in_text_order() {
    let mut items = mentions(&[
        ("Tehran", Place),
        ("Iran", Place),
        ("Baghdad", Place),
        ("Iran", Place),
        ("Amer Saad", Person),
    ]);
    items.reverse();
    let entities = cluster(items);
    assert_eq!(names(&entities), ["Iran", "Amer Saad", "Baghdad", "Tehran"]);
    for (id, entity) in entities.iter().enumerate() {
        assert_eq!(entity.id, id);
        assert!(entity.mentions.windows(2).all(|w| w[0].start < w[1].start));
    }
}

#[test]
fn mentions_are_kept_across_documents() {
    let mut items = mentions(&[("Iran", Place), ("Iran", Place)]);
    items[1].document = 1;
    items[1].start = 0;
    let entities = cluster(items);
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].mentions[0].document, 0);
    assert_eq!(entities[0].mentions[1].document, 1);
}

#[test]
fn clusters_a_novel_sized_story() {
    // 3,000 distinct people, each with a full name and a surname, 40,000 mentions.
    let mut items = Vec::new();
    for i in 0..40_000 {
        let person = i % 3_000;
        let text = if i % 4 == 0 {
            format!("Given{person} Family{person}")
        } else {
            format!("Family{person}")
        };
        items.push(Mention {
            document: 0,
            paragraph: 0,
            start: i * 20,
            end: i * 20 + text.len(),
            kind: Person,
            text,
            form: storyscope::analysis::MentionForm::Name,
        });
    }
    let entities = cluster(items);
    assert_eq!(entities.len(), 3_000);
}

#[test]
fn nothing_in_nothing_out() {
    assert!(cluster(Vec::new()).is_empty());
    let _ = Other;
}

#[test]
fn a_bare_surname_goes_to_a_far_more_frequent_titled_namesake() {
    let mut items = Vec::new();
    let mut hints = Vec::new();
    for (title, count) in [(Some("Mr."), 8), (Some("Miss"), 1), (None, 2)] {
        for _ in 0..count {
            items.push(("Darcy", Person));
            hints.push(title.map_or_else(MentionHints::default, titled));
        }
    }
    let entities = cluster_annotated(mentions(&items), hints);
    assert_eq!(names(&entities), ["Mr. Darcy", "Miss Darcy"]);
    assert_eq!(entities[0].mentions.len(), 10);
}

#[test]
fn a_full_name_goes_to_the_title_its_given_name_agrees_with() {
    let items = mentions(&[
        ("Caroline Bingley", Person),
        ("Bingley", Person),
        ("Bingley", Person),
        ("Bingley", Person),
    ]);
    let hints = vec![
        MentionHints::default(),
        titled("Mr."),
        titled("Mr."),
        titled("Miss"),
    ];
    let entities = cluster_annotated(items, hints);
    // "Caroline" is a woman's name: "Mr. Bingley" cannot be her.
    assert_eq!(names(&entities), ["Miss Bingley", "Mr. Bingley"]);
    assert_eq!(
        find(&entities, "Miss Bingley").aliases,
        ["Caroline Bingley"]
    );
}

#[test]
fn a_titled_name_makes_the_same_bare_word_a_person() {
    let items = mentions(&[
        ("Elizabeth", Place),
        ("Elizabeth", Place),
        ("Elizabeth", Person),
        ("Elizabeth", Person),
    ]);
    let hints = vec![
        MentionHints::default(),
        MentionHints::default(),
        titled("Miss"),
        titled("Miss"),
    ];
    let entities = cluster_annotated(items, hints);
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].kind, Person);
    assert!(entities[0].mentions.iter().all(|m| m.kind == Person));
}

#[test]
fn one_stray_title_does_not_make_a_place_a_person() {
    let mut items = vec![("Moscow", Person)];
    items.extend(std::iter::repeat_n(("Moscow", Place), 50));
    let mut hints = vec![titled("Mother")];
    hints.extend(std::iter::repeat_n(MentionHints::default(), 50));
    let entities = cluster_annotated(mentions(&items), hints);
    assert_eq!(names(&entities), ["Moscow", "Mother Moscow"]);
    assert_eq!(entities[0].kind, Place);
}

#[test]
fn a_bare_surname_between_namesakes_goes_to_the_one_mentioned_last() {
    let mut items = Vec::new();
    let mut hints = Vec::new();
    for (title, count) in [(Some("Mrs."), 3), (Some("Miss"), 2), (None, 2)] {
        for _ in 0..count {
            items.push(("Bingley", Person));
            hints.push(title.map_or_else(MentionHints::default, titled));
        }
    }
    let entities = cluster_annotated(mentions(&items), hints);
    assert_eq!(names(&entities), ["Miss Bingley", "Mrs. Bingley"]);
    assert_eq!(find(&entities, "Miss Bingley").mentions.len(), 4);
}

#[test]
fn a_bare_surname_between_a_man_and_a_woman_is_the_man() {
    let mut items = Vec::new();
    let mut hints = Vec::new();
    for (title, count) in [(Some("Mr."), 3), (Some("Miss"), 2), (None, 2)] {
        for _ in 0..count {
            items.push(("Bingley", Person));
            hints.push(title.map_or_else(MentionHints::default, titled));
        }
    }
    let entities = cluster_annotated(mentions(&items), hints);
    assert_eq!(names(&entities), ["Mr. Bingley", "Miss Bingley"]);
    assert_eq!(find(&entities, "Mr. Bingley").mentions.len(), 5);
}

#[test]
fn a_one_off_long_form_beside_a_frequent_name_does_not_name_it() {
    let mut items = vec![("’Tis Ahab", Person)];
    items.extend(std::iter::repeat_n(("Ahab", Person), 30));
    let entities = cluster(mentions(&items));
    assert_eq!(names(&entities), ["Ahab"]);
    assert_eq!(entities[0].aliases, ["’Tis Ahab"]);
}

#[test]
fn a_given_name_once_taken_for_a_place_joins_its_person() {
    let entities = cluster(mentions(&[
        ("Muqtada al-Sadr", Person),
        ("Muqtada", Place),
        ("George Washington", Person),
        ("Washington", Place),
        ("Washington", Place),
        ("Washington", Place),
    ]));
    assert_eq!(
        names(&entities),
        ["Washington", "Muqtada al-Sadr", "George Washington"]
    );
    assert_eq!(find(&entities, "Muqtada al-Sadr").kind, Person);
}

#[test]
fn other_counts_for_the_kind_only_when_nothing_else_does() {
    let entities = cluster(mentions(&[
        ("al-Sadr", Other),
        ("al-Sadr", Other),
        ("al-Sadr", Other),
        ("al-Sadr", Person),
        ("Nowruz", Other),
    ]));
    assert_eq!(find(&entities, "al-Sadr").kind, Person);
    assert_eq!(find(&entities, "Nowruz").kind, Other);
}

#[test]
fn clustering_is_deterministic() {
    let items = mentions(&[
        ("Bingley", Person),
        ("Bingley", Person),
        ("Caroline Bingley", Person),
        ("Iran", Place),
        ("Iraq", Place),
        ("PMU", Organization),
        ("Popular Mobilization Units", Organization),
        ("Ali", Person),
        ("Ali al-Sistani", Person),
        ("Ali Shamkhani", Person),
    ]);
    let hints = vec![titled("Mr."), titled("Miss")];
    let first = cluster_annotated(items.clone(), hints.clone());
    for _ in 0..20 {
        assert_eq!(cluster_annotated(items.clone(), hints.clone()), first);
    }
}

#[test]
fn a_titled_surname_among_a_family_of_full_names_stays_apart() {
    let items = mentions(&[
        ("Jane Bennet", Person),
        ("Lydia Bennet", Person),
        ("Lydia Bennet", Person),
        ("Bennet", Person),
    ]);
    let hints = vec![
        MentionHints::default(),
        titled("Miss"),
        titled("Miss"),
        titled("Mr."),
    ];
    let entities = cluster_annotated(items, hints);
    assert_eq!(find(&entities, "Mr. Bennet").mentions.len(), 1);
}

#[test]
fn surname_titles_match_surnames_and_given_name_titles_given_names() {
    let items = mentions(&[
        ("Fitzwilliam Darcy", Person),
        ("Fitzwilliam", Person),
        ("Catherine de Bourgh", Person),
        ("Catherine", Person),
    ]);
    let hints = vec![
        MentionHints::default(),
        titled("Colonel"),
        MentionHints::default(),
        titled("Lady"),
    ];
    let entities = cluster_annotated(items, hints);
    assert_eq!(find(&entities, "Fitzwilliam Darcy").mentions.len(), 1);
    assert_eq!(find(&entities, "Colonel Fitzwilliam").mentions.len(), 1);
    assert_eq!(find(&entities, "Lady Catherine").mentions.len(), 2);
}

#[test]
fn the_plural_of_a_persons_name_is_their_family() {
    let entities = cluster(mentions(&[
        ("Lucas", Person),
        ("Charlotte Lucas", Person),
        ("Lucases", Person),
        ("Rostóv", Person),
        ("Rostóvs", Organization),
        ("Jones", Person),
    ]));
    assert_eq!(find(&entities, "Lucases").kind, Group);
    assert_eq!(find(&entities, "Rostóvs").kind, Group);
    assert_eq!(find(&entities, "Jones").kind, Person);
    assert_eq!(find(&entities, "Charlotte Lucas").mentions.len(), 2);
}

#[test]
fn a_surname_ending_in_s_is_not_a_family() {
    let items = mentions(&[
        ("William", Person),
        ("Williams", Person),
        ("Serena Williams", Person),
        ("Robert", Person),
        ("Roberts", Person),
    ]);
    let hints = vec![
        MentionHints::default(),
        MentionHints::default(),
        MentionHints::default(),
        MentionHints::default(),
        titled("Mr."),
    ];
    let entities = cluster_annotated(items, hints);
    assert!(entities.iter().all(|e| e.kind == Person), "{entities:?}");
}

#[test]
fn a_nationality_before_a_known_name_does_not_split_it() {
    let entities = cluster(mentions(&[
        ("Nikkei", Other),
        ("Nikkei", Other),
        ("Japanese Nikkei", Other),
        ("American Airlines", Organization),
    ]));
    assert_eq!(names(&entities), ["Nikkei", "American Airlines"]);
    assert_eq!(entities[0].aliases, ["Japanese Nikkei"]);
}

#[test]
fn every_entity_has_a_name() {
    let mut items = vec![("Nikkei", Other)];
    items.extend(std::iter::repeat_n(("Japanese Nikkei", Other), 30));
    let entities = cluster(mentions(&items));
    assert_eq!(names(&entities), ["Japanese Nikkei"]);
}

#[test]
fn a_full_name_claimed_by_a_mr_and_a_miss_of_unknown_given_name_goes_to_neither() {
    let items = mentions(&[
        ("Quillon Harrowby", Person),
        ("Harrowby", Person),
        ("Harrowby", Person),
    ]);
    let hints = vec![MentionHints::default(), titled("Mr."), titled("Miss")];
    let entities = cluster_annotated(items, hints);
    assert_eq!(entities.len(), 3, "{:?}", names(&entities));
}

#[test]
fn a_nickname_joins_the_one_person_with_its_given_name() {
    let entities = cluster(mentions(&[
        ("Elizabeth Harlow", Person),
        ("Lizzy", Person),
        ("Bob", Person),
        ("Robert Pike", Person),
        ("Robert Quayle", Person),
    ]));
    let elizabeth = find(&entities, "Elizabeth Harlow");
    assert_eq!(elizabeth.aliases, ["Lizzy"]);
    // Two Roberts: "Bob" could be either, and stays on its own.
    assert_eq!(find(&entities, "Bob").mentions.len(), 1);
}

#[test]
fn a_nickname_in_a_full_name_joins_the_same_name_with_the_given_name() {
    let entities = cluster(mentions(&[
        ("John Tarrant", Person),
        ("Jack Tarrant", Person),
        ("Jack Wilmot", Person),
    ]));
    assert_eq!(entities.len(), 2, "{:?}", names(&entities));
    let tarrant = entities
        .iter()
        .find(|e| e.name.ends_with("Tarrant"))
        .expect("one Tarrant");
    assert_eq!(tarrant.mentions.len(), 2);
    assert_eq!(find(&entities, "Jack Wilmot").mentions.len(), 1);
}

#[test]
fn a_name_without_its_middle_name_joins_the_full_one() {
    let entities = cluster(mentions(&[
        ("Adam J. Pellow", Person),
        ("Adam Pellow", Person),
        ("Adam Ulysses Pellow", Person),
    ]));
    // Two full names fit "Adam Pellow": it goes to the one mentioned just before.
    assert_eq!(entities.len(), 2, "{:?}", names(&entities));
    assert_eq!(find(&entities, "Adam J. Pellow").mentions.len(), 2);
}

#[test]
fn a_full_name_titled_for_both_sexes_is_two_people() {
    let items = mentions(&[
        ("St. Orvel", Person),
        ("St. Orvel", Person),
        ("St. Orvel", Person),
        ("St. Orvel", Person),
    ]);
    let hints = vec![
        titled("Monsieur"),
        titled("Madame"),
        MentionHints::default(),
        titled("Monsieur"),
    ];
    let entities = cluster_annotated(items, hints);
    assert_eq!(names(&entities), ["Monsieur St. Orvel", "Madame St. Orvel"]);
    // The untitled one follows Madame's mention, but a bare surname is the man's.
    let monsieur = find(&entities, "Monsieur St. Orvel");
    assert_eq!(monsieur.mentions.len(), 3);
    assert_eq!(monsieur.mentions[1].start, 200);
}

fn voted(kind: EntityKind, weight: f32) -> MentionHints {
    let mut hints = MentionHints::default();
    hints.kind_votes[kind as usize] = weight;
    hints
}

#[test]
fn the_kind_is_voted_by_the_whole_entity_and_mentions_follow() {
    let items = mentions(&[
        ("Brackmoor", Place),
        ("Brackmoor", Place),
        ("Brackmoor", Person),
    ]);
    // Two hesitant place calls lose to one honorific.
    let hints = vec![
        voted(Place, 0.6),
        voted(Place, 0.6),
        voted(Person, storyscope::analysis::entities::CUE_WEIGHT),
    ];
    let entities = cluster_annotated(items, hints);
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].kind, Person);
    assert!(entities[0].mentions.iter().all(|m| m.kind == Person));
}

#[test]
fn a_bare_one_word_organisation_needs_evidence() {
    let hesitant = cluster_annotated(
        mentions(&[("Quenby", Organization), ("Quenby", Organization)]),
        vec![voted(Organization, 0.7), {
            let mut h = voted(Organization, 0.5);
            h.kind_votes[Person as usize] = 0.4;
            h
        }],
    );
    assert_eq!(hesitant[0].kind, Person);
    let sure = cluster_annotated(
        mentions(&[("Vexcorp", Organization)]),
        vec![voted(Organization, 0.97)],
    );
    assert_eq!(sure[0].kind, Organization);
    let several_words = cluster_annotated(
        mentions(&[("Quenby Mills Trust", Organization)]),
        vec![voted(Organization, 0.5)],
    );
    assert_eq!(several_words[0].kind, Organization);
}

#[test]
fn a_nickname_joined_only_by_its_own_titled_form_still_joins_the_given_name() {
    let mut items = vec![("Elizabeth Harlow", Person), ("Elizabeth", Person)];
    items.extend([("Lizzy", Person); 4]);
    items.push(("Lizzy", Person));
    let mut hints = vec![MentionHints::default(); items.len()];
    hints[items.len() - 1] = titled("Miss");
    let entities = cluster_annotated(mentions(&items), hints);
    assert_eq!(names(&entities), ["Elizabeth Harlow"]);
    assert_eq!(entities[0].mentions.len(), 7);
}

#[test]
fn a_nickname_already_part_of_another_name_stays_there() {
    let entities = cluster(mentions(&[
        ("Snowy Dick", Person),
        ("Dick", Person),
        ("Richard Vane", Person),
    ]));
    assert_eq!(find(&entities, "Snowy Dick").mentions.len(), 2);
    assert_eq!(find(&entities, "Richard Vane").mentions.len(), 1);
}

#[test]
fn a_given_name_used_far_more_than_its_full_names_joins_the_one_it_begins() {
    // "Orrin" outnumbers every longer name it fits, so it is not shared
    // out by nearness; it still joins "Orrin Kelby", the one it begins,
    // and not the junk span "Harbour Orrin".
    let mut items = vec![("Orrin Kelby", Person), ("Harbour Orrin", Person)];
    items.extend([("Orrin", Person); 12]);
    let entities = cluster(mentions(&items));
    let orrin = find(&entities, "Orrin Kelby");
    assert_eq!(orrin.mentions.len(), 13);
    assert_eq!(find(&entities, "Harbour Orrin").mentions.len(), 1);
}

#[test]
fn a_given_name_beginning_two_full_names_of_like_size_joins_neither() {
    let mut items = vec![
        ("Orrin Kelby", Person),
        ("Orrin Kelby", Person),
        ("Orrin Vance", Person),
        ("Orrin Vance", Person),
    ];
    items.extend([("Orrin", Person); 12]);
    let entities = cluster(mentions(&items));
    assert_eq!(find(&entities, "Orrin").mentions.len(), 12);
    assert_eq!(find(&entities, "Orrin Kelby").mentions.len(), 2);
    assert_eq!(find(&entities, "Orrin Vance").mentions.len(), 2);
}

#[test]
fn a_rare_form_that_does_not_begin_with_a_given_name_is_not_the_display_name() {
    let mut items = vec![("Massa Quill", Person), ("Massa Quill", Person)];
    items.extend([("Quill", Person); 120]);
    let entities = cluster(mentions(&items));
    assert_eq!(names(&entities), ["Quill"]);
    assert_eq!(entities[0].aliases, ["Massa Quill"]);
}
