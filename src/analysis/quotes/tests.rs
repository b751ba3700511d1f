//! Attribution rules and pronoun links on invented sentences, with the
//! characters given by hand (the entity stages are tested on their own).

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::{
    detect, speakers_and_pronouns_narrated, DocumentText, Narration, Speech, UNNAMED_BASE,
};
use crate::analysis::coref::{find_pronouns, PersonMention};
use crate::analysis::entities::Gender;
use crate::analysis::tokens;

/// Characters: (name as written, entity id, gender).
type Cast<'a> = &'a [(&'a str, usize, Gender)];

fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        out.push(start..start + part.len());
        start += part.len() + 2;
    }
    out
}

fn run(text: &str, cast: Cast) -> Speech {
    let mut persons: Vec<PersonMention> = cast
        .iter()
        .flat_map(|&(name, entity, _)| {
            text.match_indices(name)
                .map(move |(start, _)| PersonMention {
                    start,
                    end: start + name.len(),
                    entity,
                })
        })
        .collect();
    persons.sort_by_key(|m| m.start);
    let genders: HashMap<usize, Gender> = cast.iter().map(|&(_, e, g)| (e, g)).collect();
    run_with(text, &persons, &genders)
}

/// [`run`] with the name mentions given by hand.
fn run_with(text: &str, persons: &[PersonMention], genders: &HashMap<usize, Gender>) -> Speech {
    run_narrated(text, persons, genders, None)
}

/// [`run_with`] in a story told by `narration`'s entity (None: third person).
fn run_narrated(
    text: &str,
    persons: &[PersonMention],
    genders: &HashMap<usize, Gender>,
    narration: Option<Narration>,
) -> Speech {
    let paragraphs = paragraphs(text);
    let pronouns = find_pronouns(text, 0..text.len());
    let token_list = tokens::tokenize(text, 0..text.len());
    let sentences: Vec<Range<usize>> = tokens::sentences(text, &token_list)
        .into_iter()
        .map(|s| s.bytes)
        .collect();
    let found = detect(text, &paragraphs);
    let doc = DocumentText {
        text,
        paragraphs: &paragraphs,
        persons,
        others: &[],
        pronouns: &pronouns,
    };
    speakers_and_pronouns_narrated(&doc, &sentences, &found, genders, narration)
}

fn speakers(text: &str, cast: Cast) -> Vec<Option<usize>> {
    run(text, cast).quotes.iter().map(|q| q.speaker).collect()
}

/// [`speakers`] with the name mentions given by hand.
fn speakers_with(
    text: &str,
    persons: &[PersonMention],
    genders: &HashMap<usize, Gender>,
) -> Vec<Option<usize>> {
    run_with(text, persons, genders)
        .quotes
        .iter()
        .map(|q| q.speaker)
        .collect()
}

/// The entity each pronoun spelled `word` is linked to, in order.
fn links(text: &str, cast: Cast, word: &str) -> Vec<Option<usize>> {
    let speech = run(text, cast);
    find_pronouns(text, 0..text.len())
        .iter()
        .zip(&speech.pronoun_links)
        .filter(|(p, _)| &text[p.start..p.end] == word)
        .map(|(_, link)| *link)
        .collect()
}

const ANN: (&str, usize, Gender) = ("Ann", 0, Gender::Female);
const TOM: (&str, usize, Gender) = ("Tom", 1, Gender::Male);
const MR_GRAY: (&str, usize, Gender) = ("Gray", 2, Gender::Male);

#[test]
fn cue_after_the_quote_names_the_speaker() {
    assert_eq!(speakers("“Go home,” said Ann.", &[ANN]), [Some(0)]);
    assert_eq!(speakers("“Go home,” Ann replied.", &[ANN]), [Some(0)]);
    assert_eq!(speakers("“Go home,” said Mr. Gray.", &[MR_GRAY]), [Some(2)]);
    assert_eq!(
        speakers("“Is it late?” asked Ann quietly.", &[ANN]),
        [Some(0)]
    );
}

#[test]
fn cue_before_the_quote_names_the_speaker() {
    assert_eq!(speakers("Ann said: “Go home.”", &[ANN]), [Some(0)]);
    assert_eq!(speakers("Ann: “Go home.”", &[ANN]), [Some(0)]);
    assert_eq!(
        speakers("Then Ann turned and cried, “Go home!”", &[ANN]),
        [Some(0)]
    );
}

#[test]
fn an_apposition_after_the_verb_names_the_speaker() {
    let text = "“We stay,” said a local farmer, Tom.";
    assert_eq!(speakers(text, &[TOM]), [Some(1)]);
}

#[test]
fn a_name_after_an_untagged_phrase_is_the_speaker_but_not_after_to() {
    let analyst = "“Sell now,” said Uralsib analyst Tom.";
    assert_eq!(speakers(analyst, &[TOM]), [Some(1)]);
    // "Jane" is no character here: the one spoken to is not taken instead.
    let listener = "“Sell now,” said Jane to Tom.";
    assert_eq!(speakers(listener, &[TOM]), [None]);
}

#[test]
fn according_to_and_told_name_the_subject_not_the_listener() {
    assert_eq!(
        speakers("“Prices rose,” according to Ann.", &[ANN]),
        [Some(0)]
    );
    let told = "Ann told Tom that the harvest “was the worst in years”.";
    assert_eq!(speakers(told, &[ANN, TOM]), [Some(0)]);
}

#[test]
fn a_quote_split_by_its_cue_is_one_speaker() {
    let text = "“I shall go,” said Tom, “and soon.”";
    assert_eq!(speakers(text, &[TOM]), [Some(1), Some(1)]);
}

#[test]
fn a_pronoun_cue_is_resolved_to_the_character_of_its_gender() {
    let text =
        "Ann met Tom at the gate.\n\n“You are late,” she said.\n\n“The train was slow,” he said.";
    assert_eq!(speakers(text, &[ANN, TOM]), [Some(0), Some(1)]);
}

#[test]
fn a_speaker_named_in_the_narration_before_speaks() {
    let text = "Tom looked up from his book. “Who is there?”";
    assert_eq!(speakers(text, &[TOM]), [Some(1)]);
}

#[test]
fn two_people_take_turns_without_cues() {
    let text = "“Are you coming?” asked Ann.\n\n“Not yet,” said Tom.\n\n“Why not?”\n\n“I am tired.”\n\n“Then rest.”";
    assert_eq!(
        speakers(text, &[ANN, TOM]),
        [Some(0), Some(1), Some(0), Some(1), Some(0)]
    );
}

#[test]
fn a_name_said_to_someone_is_not_the_speaker() {
    // The vocative is Tom; the one spoken to answers next.
    let text = "Ann and Tom sat down.\n\n“My dear Tom, you look pale,” she said.\n\n“Do I?”";
    assert_eq!(speakers(text, &[ANN, TOM]), [Some(0), Some(1)]);
    // Tom's sister has no name: an unnamed speaker, not Tom.
    let addressed = "“Oh, Tom!” said Tom's sister.";
    assert_eq!(speakers(addressed, &[TOM]), [Some(UNNAMED_BASE)]);
}

#[test]
fn a_common_noun_speaker_is_an_unnamed_speaker_not_a_named_one() {
    let text = "Ann waited.\n\n“Tickets, please,” said the old guard.";
    assert_eq!(speakers(text, &[ANN]), [Some(UNNAMED_BASE)]);
    let speech = run(text, &[ANN]);
    assert_eq!(speech.unnamed.len(), 1);
    assert_eq!(speech.unnamed[0].noun, "guard");
}

#[test]
fn one_head_noun_is_one_unnamed_speaker_and_another_noun_another() {
    let text = "“Stop there!” cried a tall man with a lantern.\n\n\
                “Who asks?” said the boy.\n\n\
                “Never you mind,” said the man, \
                stepping closer.\n\n\
                “I will not,” the boy answered.";
    let man = Some(UNNAMED_BASE);
    let boy = Some(UNNAMED_BASE + 1);
    assert_eq!(speakers(text, &[]), [man, boy, man, boy]);
    let nouns: Vec<String> = run(text, &[]).unnamed.into_iter().map(|u| u.noun).collect();
    assert_eq!(nouns, ["man", "boy"]);
}

#[test]
fn the_same_noun_far_apart_is_someone_new() {
    let gap = "Time passed.\n\n".repeat(60);
    let text = format!("“Halt!” said the man.\n\n{gap}“Halt!” said the man.");
    assert_eq!(
        speakers(&text, &[]),
        [Some(UNNAMED_BASE), Some(UNNAMED_BASE + 1)]
    );
}

#[test]
fn a_pronoun_cue_after_an_unnamed_speaker_names_it_but_stays_unlinked() {
    let text = "Ann sat by the fire.\n\n“Any news?” said the stranger.\n\n“None,” he said.";
    let speech = run(text, &[ANN]);
    let speakers: Vec<Option<usize>> = speech.quotes.iter().map(|q| q.speaker).collect();
    assert_eq!(speakers[0], Some(UNNAMED_BASE));
    assert_eq!(speakers[1], Some(UNNAMED_BASE));
    // "he" is not linked to the stranger: pronouns link to named characters.
    assert!(speech
        .pronoun_links
        .iter()
        .all(|l| l.is_none_or(|e| e < UNNAMED_BASE)));
}

#[test]
fn a_titled_noun_names_the_one_character_with_that_title() {
    let text = "Captain Gray rode by.\n\n“Good night,” said the captain.";
    assert_eq!(speakers(text, &[MR_GRAY]), [Some(2)]);
}

#[test]
fn terms_and_scare_quotes_have_no_speaker() {
    let text = "Ann said the march was a “turning point” for the town.";
    assert_eq!(speakers(text, &[ANN]), [None]);
    let title = "Tom read the “Daily Post” every day.";
    assert_eq!(speakers(title, &[TOM]), [None]);
}

#[test]
fn first_person_pronouns_inside_a_quote_belong_to_its_speaker() {
    let text = "“I think my train is late,” said Tom.";
    assert_eq!(links(text, &[TOM], "I"), [Some(1)]);
    assert_eq!(links(text, &[TOM], "my"), [Some(1)]);
}

#[test]
fn pronouns_agree_in_gender_with_their_character() {
    let text = "Ann and Tom walked home. She was tired and he was hungry. Tom opened his door.";
    assert_eq!(links(text, &[ANN, TOM], "She"), [Some(0)]);
    assert_eq!(links(text, &[ANN, TOM], "he"), [Some(1)]);
    assert_eq!(links(text, &[ANN, TOM], "his"), [Some(1)]);
}

#[test]
fn a_pronoun_prefers_the_subject_to_a_nearer_object() {
    let text = "Tom visited the grave of Gray. He stood there for an hour.";
    assert_eq!(links(text, &[TOM, MR_GRAY], "He"), [Some(1)]);
}

#[test]
fn a_pronoun_with_no_character_of_its_gender_stays_unlinked() {
    let text = "Tom waited at the station for hours.\n\nShe never came.";
    assert_eq!(links(text, &[TOM], "She"), [None]);
}

#[test]
fn a_turn_beside_a_known_speaker_goes_to_the_one_who_spoke_before() {
    // The conversation resumes after narration: Ann's answer has no cue,
    // and Tom is the only speaker beside it, so it is the other party's.
    let text = "“Come here,” said Tom.\n\n“Why?” said Ann.\n\nTom looked away.\n\n\
                “Because I say so,” said Tom.\n\n“No.”";
    assert_eq!(
        speakers(text, &[ANN, TOM]),
        [Some(1), Some(0), Some(1), Some(0)]
    );
}

#[test]
fn a_turn_beside_a_known_speaker_in_a_first_person_story_is_the_narrator() {
    let text = "I was alone on the road.\n\n“Who are you?” said the man.\n\n“Pip, sir.”";
    let narration = Narration {
        entity: 7,
        named: true,
    };
    let speech = run_narrated(text, &[], &HashMap::default(), Some(narration));
    let speakers: Vec<Option<usize>> = speech.quotes.iter().map(|q| q.speaker).collect();
    assert_eq!(speakers, [Some(UNNAMED_BASE), Some(7)]);
}

#[test]
fn an_unnamed_speaker_is_keyed_by_its_head_noun() {
    let nouns = |text: &str| -> Vec<String> {
        run(text, &[TOM])
            .unnamed
            .into_iter()
            .map(|u| u.noun)
            .collect()
    };
    assert_eq!(nouns("“Up!” said the man a little impatiently."), ["man"]);
    assert_eq!(
        nouns("“Sell,” said the senior market strategist for a bank."),
        ["strategist"]
    );
    assert_eq!(nouns("“Well?” cried his wife impatiently."), ["wife"]);
    assert_eq!(
        nouns("“Well?” asked the porter, eyeing Tom's coat."),
        ["porter"]
    );
    let leading = "The old lady reached out and felt Tom's shirt, and said:\n\n“You are warm.”";
    assert_eq!(nouns(leading), ["lady"]);
}

#[test]
fn said_i_at_a_sentence_end_is_a_first_person_cue() {
    let text = "“Who goes there?” said Tom.\n\n“A friend,” said I.";
    let speech = run(text, &[TOM]);
    assert!(speech.quotes[1].cue.is_some());
}

/// Mr. Gray (entity 2) and Mrs. Gray (entity 3): the first two "Gray"s of
/// `text`, as the tagger leaves titles out.
fn the_grays(text: &str) -> ([PersonMention; 2], HashMap<usize, Gender>) {
    let at = |n: usize| text.match_indices("Gray").nth(n).map_or(0, |(i, _)| i);
    let persons = [(at(0), 2), (at(1), 3)].map(|(start, entity)| PersonMention {
        start,
        end: start + 4,
        entity,
    });
    let genders = HashMap::from_iter([(2, Gender::Male), (3, Gender::Female)]);
    (persons, genders)
}

#[test]
fn his_wife_is_the_character_with_the_spouse_title_and_his_surname() {
    let text = "Mr. Gray sat down. Mrs. Gray was out.\n\n\
                Later he looked up. “You are late,” said his wife.";
    let (persons, genders) = the_grays(text);
    let speech = run_with(text, &persons, &genders);
    let speakers: Vec<Option<usize>> = speech.quotes.iter().map(|q| q.speaker).collect();
    assert_eq!(speakers, [Some(3)]);
    assert_unnamed_ids_are_listed(&speech);
}

/// Every provisional id a quote or pronoun has is one of `speech.unnamed`.
fn assert_unnamed_ids_are_listed(speech: &Speech) {
    let ids = speech.quotes.iter().map(|q| q.speaker);
    for id in ids.chain(speech.pronoun_links.iter().copied()).flatten() {
        if let Some(k) = id.checked_sub(UNNAMED_BASE) {
            assert!(k < speech.unnamed.len(), "{id} is not listed");
        }
    }
}

#[test]
fn unnamed_ids_hold_over_the_passes_when_a_spouse_is_found_late() {
    // The first pass links no "his" (no speakers yet), the second finds the
    // spouse: the unnamed ids of the other cues must not shift between them.
    let text = "Mr. Gray sat down. Mrs. Gray was out.\n\n\
                “Late,” said his wife.\n\n“Who?” said the boy.\n\n\
                “You,” said the man.\n\n“No,” he said.\n\n“Yes,” said the boy.";
    let (persons, genders) = the_grays(text);
    assert_unnamed_ids_are_listed(&run_with(text, &persons, &genders));
}

#[test]
fn a_name_that_is_the_whole_quote_is_an_answer_not_a_vocative() {
    // Tom is not spoken to: the turns alternate between Ann and the other speaker.
    let text = "“Who has come?” asked Ann.\n\n“Tom.”\n\n“Is he tall?”";
    let speakers = speakers(text, &[ANN, TOM]);
    assert_eq!(speakers[0], Some(0));
    assert_ne!(speakers[2], Some(1));
}

#[test]
fn no_unnamed_speaker_when_the_noun_phrase_runs_into_a_name() {
    let text = "“Go,” said the persevering Mrs. Zorvan.";
    assert!(run(text, &[]).unnamed.is_empty());
}

#[test]
fn a_possessive_inside_a_leading_clause_leaves_the_subject_to_the_pronoun() {
    let text = "Tom waited.\n\nOn Tom's asking, however, she added, “Very well.”";
    let speech = run(text, &[TOM]);
    assert!(matches!(
        speech.quotes[0].cue.map(|c| c.slot),
        Some(super::cues::Slot::Pronoun(_))
    ));
    assert!(speech.unnamed.is_empty());
}

const DR_ARCHIE: (&str, usize, Gender) = ("Archie", 4, Gender::Male);
const DR_BROWN: (&str, usize, Gender) = ("Brown", 5, Gender::Male);

#[test]
fn the_rank_before_one_name_is_that_character() {
    let text = "Dr. Archie came in.\n\n“Sit down,” said the doctor.";
    assert_eq!(speakers(text, &[DR_ARCHIE]), [Some(4)]);
    // Two doctors: "the doctor" is neither.
    let two = "Dr. Archie and Dr. Brown came in.\n\n“Sit down,” said the doctor.";
    assert!(speakers(two, &[DR_ARCHIE, DR_BROWN])[0].is_some_and(|s| s >= UNNAMED_BASE));
}

#[test]
fn a_rank_in_narration_is_a_mention_for_the_pronouns_after_it() {
    // Without "The doctor" as Dr. Archie, "he" would be Tom, the last named.
    let text = "Dr. Archie followed Tom in. Tom sat down by the stove. \
                The doctor shut the door and turned.\n\n“Feel sick?” he asked.";
    assert_eq!(speakers(text, &[DR_ARCHIE, TOM]), [Some(4)]);
}

#[test]
fn a_noun_in_apposition_to_a_name_is_that_character() {
    let text = "Before the easel sat the painter himself, Basil Hallward.\n\n\
                “It is my best work,” said the painter.";
    assert_eq!(
        speakers(text, &[("Basil Hallward", 6, Gender::Male)]),
        [Some(6)]
    );
}

/// A mention of `entity` at each `(name, nth occurrence)` of `text`, in order.
fn mentions_at(text: &str, names: &[(&str, usize, usize)]) -> Vec<PersonMention> {
    let mut persons: Vec<PersonMention> = names
        .iter()
        .filter_map(|&(name, nth, entity)| {
            let (start, _) = text.match_indices(name).nth(nth)?;
            Some(PersonMention {
                start,
                end: start + name.len(),
                entity,
            })
        })
        .collect();
    persons.sort_by_key(|m| m.start);
    persons
}

#[test]
fn her_mother_is_the_one_married_woman_speaking_near_by() {
    let text = "“It is late,” said Mrs. Gray.\n\n“Not so late,” said Ann.\n\n\
                “Bed, Ann,” said her mother.";
    let persons = mentions_at(text, &[("Gray", 0, 3), ("Ann", 0, 0), ("Ann", 1, 0)]);
    let genders = HashMap::from_iter([(0, Gender::Female), (3, Gender::Female)]);
    let speech = run_with(text, &persons, &genders);
    assert_eq!(speech.quotes[2].speaker, Some(3));
}

#[test]
fn her_mother_stays_unnamed_between_two_married_women() {
    let text = "“It is late,” said Mrs. Gray.\n\n“Not so late,” said Mrs. Dunn.\n\n\
                “Bed, child,” said her mother.";
    let persons = mentions_at(text, &[("Gray", 0, 3), ("Dunn", 0, 7)]);
    let genders = HashMap::from_iter([(3, Gender::Female), (7, Gender::Female)]);
    let speech = run_with(text, &persons, &genders);
    assert!(speech.quotes[2].speaker.is_some_and(|s| s >= UNNAMED_BASE));
}

#[test]
fn a_stranger_whose_name_is_given_in_the_conversation_is_that_character() {
    let text =
        "Tom waited by his box.\n\n“How much?” asked a gentleman.\n\n“Ten cents,” said Tom.\n\n\
                “Too steep,” said the gentleman.\n\n“It is fair,” said Tom.\n\n\
                “Then here,” said Mr. Gray, and walked on.";
    let cast = [("Tom", 0, 1), ("Tom", 1, 1), ("Tom", 2, 1), ("Gray", 0, 2)];
    let persons = mentions_at(text, &cast);
    let genders = HashMap::from_iter([(1, Gender::Male), (2, Gender::Male)]);
    let speakers = speakers_with(text, &persons, &genders);
    assert_eq!(speakers, [Some(2), Some(1), Some(2), Some(1), Some(2)]);
    // Named before the gentleman spoke, Mr. Gray is someone else.
    let known = format!("Mr. Gray stood by.\n\n{text}");
    let cast = [
        ("Gray", 0, 2),
        ("Tom", 0, 1),
        ("Tom", 1, 1),
        ("Tom", 2, 1),
        ("Gray", 1, 2),
    ];
    let persons = mentions_at(&known, &cast);
    let first = run_with(&known, &persons, &genders).quotes[0].speaker;
    assert!(first.is_some_and(|s| s >= UNNAMED_BASE));
}

#[test]
fn no_speaker_before_a_passive_verb() {
    let text = "“Come with me.” This was said with gravity.";
    let speech = run(text, &[]);
    assert!(speech.unnamed.is_empty());
    assert_eq!(speech.quotes[0].speaker, None);
}

#[test]
fn a_pronoun_cue_finds_an_unnamed_speaker_by_its_noun_in_the_narration() {
    let text = "Tom came to the gate.\n\n“Who is there?” asked the old man.\n\n\
                Tom gave his name.\n\nThe old man sighed and shook his head. “Go away,” he said.";
    let speakers = speakers(text, &[TOM]);
    assert!(speakers[0].is_some_and(|s| s >= UNNAMED_BASE));
    assert_eq!(speakers[1], speakers[0]);
}

#[test]
fn her_father_is_the_married_title_with_her_surname() {
    // Two men called "Mr." speak near by; the surname tells which is her father.
    let text = "“Good day,” said Mr. Dunn.\n\n“Good day,” said Mr. Gray.\n\n\
                Ann Gray came in. She smiled at the guests. “Papa, look,” she said.\n\n\
                “I see,” said her father.";
    let persons = mentions_at(text, &[("Dunn", 0, 7), ("Gray", 0, 2), ("Ann Gray", 0, 0)]);
    let genders = HashMap::from_iter([(0, Gender::Female), (2, Gender::Male), (7, Gender::Male)]);
    let speech = run_with(text, &persons, &genders);
    assert_eq!(speech.quotes[2].speaker, Some(0));
    assert_eq!(speech.quotes[3].speaker, Some(2));
}

#[test]
fn a_pronoun_cue_follows_its_unnamed_speaker_to_the_character_found() {
    // "his lady" is only found to be Mrs. Gray once she speaks by name; "returned
    // she", linked to the lady before that, goes with her.
    let text = "“My dear Mr. Gray,” said his lady to him one day.\n\n\
                Mr. Gray said nothing.\n\n“But it is,” returned she.\n\n\
                “Well?” cried Mrs. Gray.";
    let persons = mentions_at(text, &[("Gray", 0, 2), ("Gray", 1, 2), ("Gray", 2, 3)]);
    let genders = HashMap::from_iter([(2, Gender::Male), (3, Gender::Female)]);
    let speakers = speakers_with(text, &persons, &genders);
    assert_eq!(speakers, [Some(3), Some(3), Some(3)]);
}

#[test]
fn a_paragraph_ending_in_a_comma_leads_the_cue_of_its_clause_into_the_quote() {
    // The cue is "he had said" in the clause after the semicolon, not Emma, the
    // first name of the sentence.
    let text = "Mr. Woodhouse sighed. Emma smiled and chatted; but it was impossible for \
                him not to say exactly as he had said at dinner,\n\n“Poor Miss Taylor!”";
    let emma = ("Emma", 0, Gender::Female);
    let woodhouse = ("Woodhouse", 2, Gender::Male);
    assert_eq!(speakers(text, &[emma, woodhouse]), [Some(2)]);
}

#[test]
fn a_pronoun_continues_the_subject_not_a_possessive_named_after_it() {
    // "his" is Tom's, and "Gray's" a possessive: "he" goes on with Tom.
    let text = "Tom linked his arm in Gray's and walked round the tower.\n\n\
                “It is not fair,” he said kindly.";
    assert_eq!(speakers(text, &[TOM, MR_GRAY]), [Some(1)]);
}

#[test]
fn a_colon_announces_the_quote_after_a_long_sentence() {
    let text = "Ann looked perplexed for a moment, and then said, not fiercely, but \
                still loud enough for the furniture to hear:\n\n“Well, I never!”";
    assert_eq!(speakers(text, &[ANN]), [Some(0)]);
}

#[test]
fn a_pronoun_cue_with_no_named_character_is_the_noun_before_it() {
    // Nobody is named: "She" is the old lady, an unnamed speaker, and so is
    // the quote her pronoun leads to later.
    let text = "The old lady pulled her spectacles down and looked about the room. \
                She looked perplexed, and then said:\n\n“Where is that boy?”\n\n\
                She went to the door. “I never did see the beat of that boy!”";
    let speech = run(text, &[]);
    assert_eq!(speech.unnamed.len(), 1);
    assert_eq!(speech.unnamed[0].noun, "lady");
    let said: Vec<Option<usize>> = speech.quotes.iter().map(|q| q.speaker).collect();
    assert_eq!(said, [Some(UNNAMED_BASE), Some(UNNAMED_BASE)]);
    // A woman named since is who "she" is.
    let named = "The old lady looked up. Ann came in and sat down. She smiled, and said:\n\n\
                 “Good morning.”";
    assert_eq!(speakers(named, &[ANN]), [Some(0)]);
}

#[test]
fn a_short_quote_ending_in_a_comma_with_no_cue_is_a_phrase() {
    let text = "Ann wore her state pair, built for “style,” not service.";
    assert_eq!(speakers(text, &[ANN]), [None]);
    // A cue after the comma still makes it speech.
    assert_eq!(speakers("Then “Go,” said Ann.", &[ANN]), [Some(0)]);
}

#[test]
fn a_common_noun_stands_for_the_one_character_of_its_ranks() {
    let tringham = ("Tringham", 8, Gender::Male);
    let text = "Parson Tringham rode up.\n\n“I am glad,” said the clergyman.";
    assert_eq!(speakers(text, &[tringham]), [Some(8)]);
}

#[test]
fn an_unnamed_speaker_who_says_who_he_is_is_that_character() {
    // "the man" says he is Jack Durbeyfield; his other quote goes with him.
    let jack = ("Jack Durbeyfield", 9, Gender::Male);
    let text = "“Good night,” said the man with the basket.\n\n\
                “Good night, Sir,” said the parson.\n\n\
                “Why call me that, when I be plain Jack Durbeyfield?” asked the man.";
    let said = speakers(text, &[jack]);
    assert_eq!((said[0], said[2]), (Some(9), Some(9)));
    assert!(
        said[1].is_some_and(|s| s >= UNNAMED_BASE),
        "the parson: {said:?}"
    );
    let nobody = "“Good night,” said the man.\n\n“I know Jack Durbeyfield,” said the man.";
    assert!(speakers(nobody, &[jack])[0].is_some_and(|s| s >= UNNAMED_BASE));
}

#[test]
fn a_reply_is_not_spoken_by_the_one_it_answers() {
    // "he" would be Lord Henry, the last man named; "answered" makes it Basil.
    let basil = ("Basil", 10, Gender::Male);
    let henry = ("Henry", 11, Gender::Male);
    let text = "Basil sat before the easel.\n\n“It is your best work,” said Henry.\n\n\
                “I shall not send it anywhere,” he answered.";
    assert_eq!(speakers(text, &[basil, henry]), [Some(11), Some(10)]);
    let goes_on = "Basil sat before the easel.\n\n“It is your best work,” said Henry.\n\n\
                   “The very best,” he added.";
    assert_eq!(speakers(goes_on, &[basil, henry]), [Some(11), Some(11)]);
}

#[test]
fn the_other_is_the_party_before_the_one_just_answered() {
    let cameron = ("Cameron", 12, Gender::Male);
    let text = "Cameron sat by his fire.\n\n“May I make camp here?” said the man.\n\n“I never take a partner,” replied Cameron.\n\n\
                “You are alone; I am alone,” said the other.";
    let said = speakers(text, &[cameron]);
    assert!(said[0].is_some_and(|s| s >= UNNAMED_BASE), "{said:?}");
    assert_eq!((said[1], said[2]), (Some(12), said[0]));
}

#[test]
fn an_unnamed_speaker_is_not_a_character_named_in_its_own_quotes() {
    // The one man with a title speaking near by would be "her uncle", but the
    // uncle speaks of Mr Cotter.
    let cotter = ("Cotter", 5, Gender::Male);
    let text = "“I have my own theory,” said Mr. Cotter.\n\n\
                “Mr Cotter here has just told us,” said her uncle.";
    let said = speakers(text, &[cotter]);
    assert_eq!(said[0], Some(5));
    assert!(said[1].is_some_and(|s| s >= UNNAMED_BASE), "{said:?}");
}

#[test]
fn a_quote_after_narration_is_spoken_by_whom_its_last_sentence_is_about() {
    let emil = ("Emil", 13, Gender::Male);
    let text = "Ann walked along the street. She did not notice the little boy until he \
                pulled her coat. Then she stopped short and stooped down.\n\n\
                “Why, Emil! I told you to stay in the store.”";
    assert_eq!(speakers(text, &[ANN, emil]), [Some(0)]);
    // Only the last sentence counts: who it names nobody.
    let other = "Ann walked along the street. The wind rose.\n\n“Why, Emil!”";
    assert_eq!(speakers(other, &[ANN, emil]), [None]);
}

#[test]
fn an_unresolved_he_does_not_share_her_speech_in_its_paragraph() {
    // Nobody male is named: "he said" stays open, and Mrs. Hall's "No." in
    // the same paragraph is not his.
    let hall = ("Hall", 14, Gender::Female);
    let text = "Mrs. Hall lit the fire.\n\n“I have some luggage,” he said, “at the station,” \
                and seemed disappointed when she answered, “No.”";
    let said = speakers(text, &[hall]);
    assert_eq!(said[2], Some(14));
    assert_ne!(said[0], Some(14));
    assert_ne!(said[1], Some(14));
}

#[test]
fn a_stranger_answering_a_named_character_again_is_the_same_stranger() {
    let dick = ("Dick", 15, Gender::Male);
    let text = "Dick opened his eyes.\n\n“Wake up there,” said a rough voice.\n\n\
                “What time is it?” asked Dick.\n\n“Some boys get up earlier,” said the porter.";
    let said = speakers(text, &[dick]);
    assert!(said[0].is_some_and(|s| s >= UNNAMED_BASE), "{said:?}");
    assert_eq!((said[1], said[2]), (Some(15), said[0]));
    // A woman's noun after a man's is someone else.
    let two = "Dick opened his eyes.\n\n“Wake up there,” said the man.\n\n\
               “What time is it?” asked Dick.\n\n“Seven,” said the woman.";
    let said = speakers(two, &[dick]);
    assert_ne!(said[2], said[0]);
}

#[test]
fn a_subject_pronoun_is_not_the_name_right_after_a_preposition_before_it() {
    // The boy is never named: "he paused" is not Tom, nor is the "he" after it.
    let text = "Tom sat in the garden. Presently a small boy came along the path. \
                In front of Tom he paused.\n\n“Will you give me some sugar?” he asked.";
    assert_eq!(links(text, &[TOM], "he"), [None, None]);
    assert_eq!(speakers(text, &[TOM]), [None]);
    // Without the preposition the name is the subject, and the pronoun may be him.
    let plain = "Tom sat in the garden. Then he paused.";
    assert_eq!(links(plain, &[TOM], "he"), [Some(1)]);
}

#[test]
fn a_named_character_who_takes_a_strangers_turns_is_that_stranger() {
    // The old lady and Aunt Polly both answer Tom and never each other, and
    // her name comes after she first spoke.
    let tom = ("Tom", 1, Gender::Male);
    let polly = ("Aunt Polly", 3, Gender::Female);
    let text = "Tom came home late.\n\n“Where have you been?” asked the old lady.\n\n\
                “Nowhere,” said Tom.\n\n“Nowhere again?” said the old lady.\n\n\
                “Yes,” said Tom.\n\n“Go to bed,” said Aunt Polly.\n\n“I will,” said Tom.";
    let said = speakers(text, &[tom, polly]);
    assert_eq!((said[0], said[2], said[4]), (Some(3), Some(3), Some(3)));
    // A woman named before the stranger spoke is someone else.
    let known = "Aunt Polly slept upstairs.\n\n".to_string() + text;
    let said = speakers(&known, &[tom, polly]);
    assert!(said[0].is_some_and(|s| s >= UNNAMED_BASE), "{said:?}");
}

#[test]
fn a_stranger_calling_someone_else_by_name_is_not_the_one_who_answered() {
    // The young lady calls Randolph: she is not the boy who spoke with Win.
    let win = ("Win", 4, Gender::Male);
    let randolph = ("Randolph", 5, Gender::Male);
    let text = "Win sat in the garden.\n\n“Give me sugar,” said the child.\n\n\
                “Take one,” said Win.\n\n“Randolph,” said the young lady, “what are you doing?”";
    let said = speakers(text, &[win, randolph]);
    assert!(said[2].is_some_and(|s| s >= UNNAMED_BASE), "{said:?}");
    assert_ne!(said[2], said[0]);
}

#[test]
fn a_capitalised_word_the_tagger_missed_is_a_speaker_by_its_cue() {
    // Nobody tagged "Pink": his cues still make him one speaker.
    let text = "“He looks like a pair of trays,” Pink observed.\n\n\
                “He does,” said Tom.\n\n“Just take a look at him!” cried Pink.";
    let speech = run(text, &[TOM]);
    let said: Vec<Option<usize>> = speech.quotes.iter().map(|q| q.speaker).collect();
    assert!(said[0].is_some_and(|s| s >= UNNAMED_BASE), "{said:?}");
    assert_eq!((said[1], said[2]), (Some(1), said[0]));
    assert_eq!(speech.unnamed[0].name.as_deref(), Some("Pink"));
    // A capital that only opens a sentence is no name.
    let opening = "“Go away!” And said no more.\n\n“Never.” So said nothing.";
    assert!(run(opening, &[]).unnamed.is_empty());
}

#[test]
fn a_turn_after_quotes_calling_someone_is_the_one_called() {
    // Tom is named only in the quotes that call him; he gives the answers.
    let tom = ("TOM", 1, Gender::Male);
    let text =
        "Ann looked round. “You TOM!” she shouted.\n\nThere was a slight noise behind her.\n\n\
                “There! What have you been doing?” said Ann.\n\n“Nothing.”\n\n\
                “Nothing! Look at your hands.”";
    let said = speakers(text, &[ANN, tom]);
    assert_eq!((said[1], said[2]), (Some(0), Some(1)), "{said:?}");
    // A letter's signature calls no one.
    let signed = text.replace("“You TOM!” she shouted.", "“M. TOM.”");
    assert_ne!(speakers(&signed, &[ANN, tom])[2], Some(1));
}

#[test]
fn a_stranger_answering_what_name_with_a_name_is_that_character() {
    let dick = ("Dick", 15, Gender::Male);
    let greyson = ("Greyson", 16, Gender::Male);
    let text = "“How much?” asked a gentleman.\n\n“Ten cents,” said Dick.\n\n\
                “Bring it to my office,” said the gentleman.\n\n“Yes, sir. What name?”\n\n\
                “Greyson,--office on second floor.”\n\n“All right, sir,” said Dick.";
    let said = speakers(text, &[dick, greyson]);
    assert_eq!(
        said,
        [Some(16), Some(15), Some(16), Some(15), Some(16), Some(15)]
    );
}
