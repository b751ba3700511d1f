//! Names found once in a document, found again where the tagger missed them.

use super::*;

/// The names the tagger found somewhere in a document: the same words left
/// untagged elsewhere in it are the same name (the tagger found "al-Sadr"
/// twice out of ten).
pub(super) struct KnownNames {
    /// Key of the whole name -> votes per kind.
    kinds: HashMap<String, [usize; EntityKind::ALL.len()]>,
    /// Keys of first words, to skip most tokens at once.
    first_words: HashSet<String>,
    /// Keys of names written after a title that takes a surname ("Mr.
    /// Bennet") -> how many times.
    surname_uses: HashMap<String, usize>,
    /// Keys of the first words of names of several words ("pierre" of "Pierre Bezúkhov").
    leading_words: HashSet<String>,
    longest: usize,
}

impl KnownNames {
    pub(super) fn collect(words: &[Vec<&str>], found: &[Vec<Found>]) -> KnownNames {
        let mut known = KnownNames {
            kinds: HashMap::default(),
            first_words: HashSet::default(),
            surname_uses: HashMap::default(),
            leading_words: HashSet::default(),
            longest: 0,
        };
        for (words, found) in words.iter().zip(found) {
            for f in found.iter().filter(|f| f.cut_start == 0 && f.cut_end == 0) {
                let name = &words[f.tokens.clone()];
                known.kinds.entry(sequence_key(name)).or_default()[f.kind as usize] += 1;
                known.first_words.insert(names::key(name[0]));
                if name.len() > 1 {
                    known.leading_words.insert(names::key(name[0]));
                }
                if f.title
                    .as_deref()
                    .is_some_and(|t| lexicon().title_takes_surname(t))
                {
                    *known.surname_uses.entry(sequence_key(name)).or_default() += 1;
                }
                known.longest = known.longest.max(name.len());
            }
        }
        known
    }

    /// Adds the known names found among the untagged words of a sentence.
    pub(super) fn tag_untagged(
        &self,
        words: &[&str],
        found: &mut Vec<Found>,
        context: &DocumentContext,
    ) {
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
    pub(super) fn split_joined_names(
        &self,
        words: &[&str],
        found: &mut Vec<Found>,
        context: &DocumentContext,
    ) {
        let mut replaced = Vec::new();
        found.retain(|f| {
            let whole = &words[f.tokens.clone()];
            let joined =
                f.cut_start == 0 && f.cut_end == 0 && f.title.is_none() && whole.len() >= 2;
            let at = if f.kind == EntityKind::Person {
                self.person_after_person(words, f.tokens.clone())
            } else {
                self.person_after(words, f.tokens.clone())
            };
            let Some(at) = at.filter(|_| joined) else {
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
    pub(super) fn person_after(&self, words: &[&str], span: Range<usize>) -> Option<usize> {
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

    /// "On seeing Natásha Pierre grew animated", "in Orël Pierre had": a
    /// span tagged as one person once or twice that is a person's name the document
    /// knows far better alone, after another known person's name (when
    /// the right part also begins a longer name, as a given name does) or
    /// after a known name of another kind that is no given name. The right part must not be a
    /// surname ("Elizabeth Bennet" beside "Mr. Bennet" stays whole).
    pub(super) fn person_after_person(&self, words: &[&str], span: Range<usize>) -> Option<usize> {
        const ALONE: usize = 3;
        // "Charlotte Lucas", written eight times, is her name.
        const ONE_OFF: usize = 2;
        let whole = self.count(&words[span.clone()]);
        if whole > ONE_OFF {
            return None;
        }
        let far_better = |part: &[&str]| self.count(part) >= ALONE * (whole + 1);
        (span.start + 1..span.end).find(|&at| {
            let (left, right) = (&words[span.start..at], &words[at..span.end]);
            // "Pierre Bezúkhov" is one man, "Natásha Pierre" two people:
            // "Pierre" also begins a longer name, "Bezúkhov" does not.
            let left_is_person = far_better(left)
                && self.label_of(left) == Some(NerType::Per)
                && self.leading_words.contains(&names::key(right[0]));
            // "Citoyen Bibot": an unknown word before a name may be its title.
            let left_is_other = left.len() == 1
                && self.count(left) > 0
                && self.label_of(left) != Some(NerType::Per)
                && lexicon().given_name_gender(left[0]) == Gender::Unknown;
            far_better(right)
                && self.label_of(right) == Some(NerType::Per)
                && !self.is_mostly_surname(right)
                && (left_is_person || left_is_other)
        })
    }

    /// "Bennet", nearly always after "Mr." or "Mrs.", unlike "Pierre" after
    /// an odd "Monsieur": at least a quarter of its uses.
    fn is_mostly_surname(&self, name: &[&str]) -> bool {
        let titled = self.surname_uses.get(&sequence_key(name)).copied();
        4 * titled.unwrap_or(0) >= self.count(name).max(1)
    }

    /// How many tagged mentions had exactly this name.
    pub(super) fn count(&self, name: &[&str]) -> usize {
        self.kinds
            .get(&sequence_key(name))
            .map_or(0, |votes| votes.iter().sum())
    }

    /// The end of the longest known name starting at `i` in untagged words.
    pub(super) fn match_at(&self, words: &[&str], covered: &[bool], i: usize) -> Option<usize> {
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
    pub(super) fn label_of(&self, name: &[&str]) -> Option<NerType> {
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
pub(super) fn sequence_key(words: &[&str]) -> String {
    names::key(&words.join(" "))
}
