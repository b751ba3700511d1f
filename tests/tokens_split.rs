//! Tokenizer and sentence splitter: CoNLL-style tokens, byte offsets, sentence ends.

use storyscope::analysis::tokens::{self, Sentence};

fn words(text: &str) -> Vec<&str> {
    tokens::tokenize(text, 0..text.len())
        .into_iter()
        .map(|t| t.text(text))
        .collect()
}

fn sentence_texts(text: &str) -> Vec<&str> {
    let toks = tokens::tokenize(text, 0..text.len());
    tokens::sentences(text, &toks)
        .into_iter()
        .map(|s: Sentence| &text[s.bytes])
        .collect()
}

#[test]
fn abbreviations_keep_their_period() {
    assert_eq!(
        words("Mr. Smith met Dr. Jones and Gen. Lee at 9 a.m. in the U.S. on Jan. 5."),
        [
            "Mr.", "Smith", "met", "Dr.", "Jones", "and", "Gen.", "Lee", "at", "9", "a.m.", "in",
            "the", "U.S.", "on", "Jan.", "5", "."
        ]
    );
    assert_eq!(
        words("Apple Inc. and Acme Ltd. and the U.N., e.g. St. Louis"),
        [
            "Apple", "Inc.", "and", "Acme", "Ltd.", "and", "the", "U.N.", ",", "e.g.", "St.",
            "Louis"
        ]
    );
}

#[test]
fn sentence_final_period_is_its_own_token() {
    assert_eq!(words("troops leave."), ["troops", "leave", "."]);
    assert_eq!(words("anti-US. Sentiment"), ["anti-US", ".", "Sentiment"]);
}

#[test]
fn numbers_stay_whole() {
    assert_eq!(
        words("3.5 percent of 1,000 and 20,000 troops, 5,200 in 2003, $2.2 billion"),
        [
            "3.5", "percent", "of", "1,000", "and", "20,000", "troops", ",", "5,200", "in", "2003",
            ",", "$", "2.2", "billion"
        ]
    );
    // A comma between a number and a word or short digit group separates.
    assert_eq!(words("1,2 and 5,"), ["1", ",", "2", "and", "5", ","]);
}

#[test]
fn possessives_and_negations_split_off() {
    assert_eq!(
        words("Iran's army didn't say it can't. The clergyman’s aim isn’t clear."),
        [
            "Iran",
            "'s",
            "army",
            "did",
            "n't",
            "say",
            "it",
            "ca",
            "n't",
            ".",
            "The",
            "clergyman",
            "’s",
            "aim",
            "is",
            "n’t",
            "clear",
            "."
        ]
    );
    assert_eq!(
        words("the Americans’ exit"),
        ["the", "Americans", "’", "exit"]
    );
    assert_eq!(words("O'Brien we're"), ["O'Brien", "we", "'re"]);
}

#[test]
fn hyphenated_words_are_one_token() {
    assert_eq!(
        words("al-Sadr anti-US Abdul-Mahdi 18-year-old US-led -- well"),
        [
            "al-Sadr",
            "anti-US",
            "Abdul-Mahdi",
            "18-year-old",
            "US-led",
            "--",
            "well"
        ]
    );
}

#[test]
fn quotes_are_separate_tokens() {
    assert_eq!(
        words("“No, not America!” he said \"yes\" 'no'"),
        [
            "“", "No", ",", "not", "America", "!", "”", "he", "said", "\"", "yes", "\"", "'", "no",
            "'"
        ]
    );
}

#[test]
fn urls_and_emails_are_one_token() {
    assert_eq!(
        words("see (https://example.com/a-b?x=1). Mail jo.doe@example.org, now"),
        [
            "see",
            "(",
            "https://example.com/a-b?x=1",
            ")",
            ".",
            "Mail",
            "jo.doe@example.org",
            ",",
            "now"
        ]
    );
}

#[test]
fn ellipses_are_one_token() {
    assert_eq!(words("wait... what…"), ["wait", "...", "what", "…"]);
}

#[test]
fn offsets_slice_back_to_the_text() {
    let text = "  Über-Café’s “naïve” señor—ok? 東京 is 3.5km…\r\n\r\nMr. Ng's";
    let toks = tokens::tokenize(text, 0..text.len());
    let mut previous_end = 0;
    for token in &toks {
        assert!(token.start >= previous_end && token.start < token.end);
        assert!(!token.text(text).trim().is_empty());
        previous_end = token.end;
    }
    let joined: String = toks.iter().map(|t| t.text(text)).collect();
    let without_space: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(joined, without_space);
}

#[test]
fn tokenizes_a_subrange_with_absolute_offsets() {
    let text = "HEADER\nBody text.";
    let toks = tokens::tokenize(text, 7..text.len());
    assert_eq!(toks[0].start, 7);
    assert_eq!(toks[0].text(text), "Body");
}

#[test]
fn titles_never_end_a_sentence() {
    assert_eq!(
        sentence_texts("He met Mr. Darcy. Dr. Jones came too."),
        ["He met Mr. Darcy.", "Dr. Jones came too."]
    );
}

#[test]
fn us_ends_a_sentence_only_before_a_sentence_opener() {
    assert_eq!(
        sentence_texts("Troops left the U.S. The war went on. The U.S. Army stayed."),
        [
            "Troops left the U.S.",
            "The war went on.",
            "The U.S. Army stayed."
        ]
    );
    assert_eq!(
        sentence_texts("He works for Acme Inc. in Ohio."),
        ["He works for Acme Inc. in Ohio."]
    );
}

#[test]
fn initials_do_not_end_sentences() {
    assert_eq!(
        sentence_texts("J. R. R. Tolkien wrote it. George W. Bush read it."),
        ["J. R. R. Tolkien wrote it.", "George W. Bush read it."]
    );
}

#[test]
fn decimals_do_not_end_sentences() {
    assert_eq!(
        sentence_texts("It rose 3.5 percent. Then it fell."),
        ["It rose 3.5 percent.", "Then it fell."]
    );
}

#[test]
fn quotes_after_the_period_stay_in_the_sentence() {
    assert_eq!(
        sentence_texts("He said, \"Go home.\" She left. “Death to all.” Then silence."),
        [
            "He said, \"Go home.\"",
            "She left.",
            "“Death to all.”",
            "Then silence."
        ]
    );
    // An exclamation inside a quote followed by a lowercase word continues.
    assert_eq!(
        sentence_texts("Loudspeakers “No, not America!” on a square. Next."),
        ["Loudspeakers “No, not America!” on a square.", "Next."]
    );
}

#[test]
fn a_quote_mark_that_opens_nothing_closes_the_sentence() {
    assert_eq!(
        sentence_texts("“It is a step toward the crisis. “\n\nThe march."),
        ["“It is a step toward the crisis. “", "The march."]
    );
}

#[test]
fn ellipses_end_a_sentence_only_before_a_capital() {
    assert_eq!(
        sentence_texts("Well... I think so... maybe not. Done."),
        ["Well...", "I think so... maybe not.", "Done."]
    );
}

#[test]
fn blank_lines_always_end_sentences() {
    assert_eq!(
        sentence_texts("A heading without a period\n\nThe body starts\nhere. End"),
        [
            "A heading without a period",
            "The body starts\nhere.",
            "End"
        ]
    );
    assert_eq!(sentence_texts("one\r\n\r\ntwo"), ["one", "two"]);
}

#[test]
fn lowercase_after_a_period_continues() {
    assert_eq!(
        sentence_texts("watched al-Sadr’s anti-US. rally but no confrontation."),
        ["watched al-Sadr’s anti-US. rally but no confrontation."]
    );
}

#[test]
fn sentences_cover_every_token_in_order() {
    let text = "One. Two! Three? \"Four.\" (Five.) Six";
    let toks = tokens::tokenize(text, 0..text.len());
    let sents = tokens::sentences(text, &toks);
    let mut next = 0;
    for s in &sents {
        assert_eq!(s.tokens.start, next);
        assert_eq!(s.bytes.start, toks[s.tokens.start].start);
        assert_eq!(s.bytes.end, toks[s.tokens.end - 1].end);
        next = s.tokens.end;
    }
    assert_eq!(next, toks.len());
    assert_eq!(sents.len(), 6);
}

#[test]
fn empty_text_has_no_tokens_or_sentences() {
    let toks = tokens::tokenize("  \n ", 0..4);
    assert!(toks.is_empty());
    assert!(tokens::sentences("  \n ", &toks).is_empty());
}
