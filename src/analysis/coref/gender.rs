//! A character's gender, from the titles before its name ("Mrs. Bennet"),
//! its first name (census lists) and the pronouns that follow its name.

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::{lexicon, Person};
use super::{PersonMention, Pronoun};
use crate::analysis::entities::{title_gender, Gender};

/// Per-document evidence for [`entity_genders`].
pub struct DocumentEvidence<'a> {
    pub text: &'a str,
    /// Name mentions of people, in text order.
    pub persons: &'a [PersonMention],
    /// Pronouns, in text order.
    pub pronouns: &'a [Pronoun],
}

/// A pronoun this close after a name, with no other name between, votes for its gender.
const PRONOUN_WINDOW: usize = 120;

#[derive(Default, Clone, Copy)]
struct Votes {
    male: u32,
    female: u32,
}

impl Votes {
    fn add(&mut self, gender: Gender) {
        match gender {
            Gender::Male => self.male += 1,
            Gender::Female => self.female += 1,
            Gender::Unknown => {}
        }
    }

    /// The clear winner: every vote one way, or at least three times as many.
    fn winner(self, min: u32) -> Gender {
        if self.male >= min && self.male >= 3 * self.female {
            Gender::Male
        } else if self.female >= min && self.female >= 3 * self.male {
            Gender::Female
        } else {
            Gender::Unknown
        }
    }
}

/// The title written right before a name ("Mr." in "Mr. Bennet").
fn title_before(text: &str, start: usize) -> Gender {
    let before = text[..start].trim_end();
    if before.len() == text[..start].len() {
        return Gender::Unknown; // no space: not a separate word
    }
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '"' || c == '“' || c == '‘')
        .next()
        .unwrap_or("");
    title_gender(word)
}

/// The gender of each person entity in `names` (entity id -> display name),
/// Unknown when the evidence is missing or mixed. Titles decide first, then
/// the first name, then the pronouns after its mentions.
pub fn entity_genders(
    names: &HashMap<usize, &str>,
    documents: &[DocumentEvidence],
) -> HashMap<usize, Gender> {
    let mut titles: HashMap<usize, Votes> = HashMap::default();
    let mut pronouns: HashMap<usize, Votes> = HashMap::default();
    for doc in documents {
        for (i, mention) in doc.persons.iter().enumerate() {
            titles
                .entry(mention.entity)
                .or_default()
                .add(title_before(doc.text, mention.start));
            let next_name = doc.persons.get(i + 1).map_or(usize::MAX, |m| m.start);
            let limit = (mention.end + PRONOUN_WINDOW).min(next_name);
            let first = doc.pronouns.partition_point(|p| p.start < mention.end);
            if let Some(pronoun) = doc.pronouns[first..]
                .iter()
                .take_while(|p| p.start < limit)
                .find(|p| p.form.person == Person::Third && !p.form.plural)
            {
                pronouns
                    .entry(mention.entity)
                    .or_default()
                    .add(pronoun.form.gender);
            }
        }
    }
    names
        .iter()
        .map(|(&entity, name)| {
            let by_title = titles.get(&entity).copied().unwrap_or_default().winner(1);
            let gender = if by_title != Gender::Unknown {
                by_title
            } else if let Some(by_display) = display_title_gender(name) {
                // Mixed titles ("Mrs. Hall" and a "Mr. Hall" in one entity):
                // the title of the name the entity goes by.
                by_display
            } else {
                let by_name = first_name_gender(name);
                if by_name != Gender::Unknown {
                    by_name
                } else {
                    pronouns.get(&entity).copied().unwrap_or_default().winner(2)
                }
            };
            (entity, gender)
        })
        .collect()
}

/// The gender of the title a display name opens with ("Mrs. Hall"), if any.
fn display_title_gender(name: &str) -> Option<Gender> {
    let gender = title_gender(name.split_whitespace().next()?);
    (gender != Gender::Unknown).then_some(gender)
}

/// The census gender of a name's first word ("Mary Crawford" female).
pub fn first_name_gender(name: &str) -> Gender {
    let Some(first) = name.split_whitespace().next() else {
        return Gender::Unknown;
    };
    let mut chars = first.chars();
    let Some(initial) = chars.next() else {
        return Gender::Unknown;
    };
    let title_case: String = initial
        .to_uppercase()
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    lexicon().first_name_gender(&title_case)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_outrank_first_names_and_pronouns_decide_the_rest() {
        let text = "Mrs. Leslie came. Zorvan smiled and he left. Zorvan said he would.";
        let persons = [
            PersonMention {
                start: 5,
                end: 11,
                entity: 0,
            },
            PersonMention {
                start: 18,
                end: 24,
                entity: 1,
            },
            PersonMention {
                start: 45,
                end: 51,
                entity: 1,
            },
        ];
        let pronouns = super::super::find_pronouns(text, 0..text.len());
        let names = HashMap::from_iter([(0, "Leslie"), (1, "Zorvan")]);
        let genders = entity_genders(
            &names,
            &[DocumentEvidence {
                text,
                persons: &persons,
                pronouns: &pronouns,
            }],
        );
        assert_eq!(genders[&0], Gender::Female);
        assert_eq!(genders[&1], Gender::Male);
        assert_eq!(first_name_gender("MARY Crawford"), Gender::Female);
        assert_eq!(first_name_gender("Zorvan"), Gender::Unknown);
    }

    #[test]
    fn mixed_titles_take_the_title_of_the_display_name() {
        let text = "Mr. Hall came. Mrs. Hall smiled.";
        let mention = |start, end| PersonMention {
            start,
            end,
            entity: 0,
        };
        let persons = [mention(4, 8), mention(20, 24)];
        let pronouns = super::super::find_pronouns(text, 0..text.len());
        let genders = entity_genders(
            &HashMap::from_iter([(0, "Mrs. Hall")]),
            &[DocumentEvidence {
                text,
                persons: &persons,
                pronouns: &pronouns,
            }],
        );
        assert_eq!(genders[&0], Gender::Female);
    }
}
