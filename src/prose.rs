//! Is a learner's sentence real text? One rule for every check that asks for words (a reason
//! in an answer file, a README's explanation of a folder), fair to Korean and English.
//!
//! Letters are what `char::is_alphabetic` says (Hangul syllables and jamo, Latin, ...).
//! Real text has letters, and enough different ones ([`MIN_DISTINCT`], a Hangul syllable
//! counting two, so that a two-syllable word such as `학습` or `기록` is enough):
//! `aaaaaaaaaa`, `ㅋㅋㅋㅋㅋㅋ`, `하하하하`, `..........` and `abababab` are not sentences;
//! `배열 계산`, `학습` and `arrays` are. How long a text must be is each rule's own parameter, counted by
//! [`weight`]: one Hangul syllable weighs as two Latin letters, because a Korean word says in
//! two or three syllables what English says in five to eight letters.

/// Different letters real text has at least, weighed as in [`weight`].
pub const MIN_DISTINCT: usize = 3;

/// Why a text is not real text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotProse {
    /// No letters at all (punctuation, digits, spaces).
    NoLetters,
    /// Too few different letters: one character (or two Latin letters) repeated.
    Repeated,
}

/// `Ok` when `text` reads as words rather than a run of one character or punctuation.
pub fn check(text: &str) -> Result<(), NotProse> {
    // The weight of the different letters seen so far; it only grows, so the first
    // [`MIN_DISTINCT`] reached settles it (every reason of every graded answer file comes
    // through here, and most are real sentences).
    let mut distinct: Vec<char> = Vec::new();
    let mut total = 0;
    for letter in text
        .chars()
        .filter(|&c| is_letter(c))
        .flat_map(char::to_lowercase)
    {
        if !distinct.contains(&letter) {
            distinct.push(letter);
            total += letter_weight(letter);
            if total >= MIN_DISTINCT {
                return Ok(());
            }
        }
    }
    match total {
        0 => Err(NotProse::NoLetters),
        _ => Err(NotProse::Repeated),
    }
}

/// The amount of text in letters: a Hangul syllable counts 2, any other letter 1; digits,
/// spaces and punctuation nothing.
pub fn weight(text: &str) -> usize {
    text.chars().map(letter_weight).sum()
}

fn letter_weight(c: char) -> usize {
    match c {
        '가'..='힣' => 2,
        c if is_letter(c) => 1,
        _ => 0,
    }
}

/// `char::is_alphabetic`, answering Hangul syllables without the Unicode table search
/// (which costs hundreds of instructions a character: most of the time a grade spent on
/// Korean comments and reasons).
pub fn is_letter(c: char) -> bool {
    matches!(c, '가'..='힣') || c.is_alphabetic()
}

/// `char::is_alphanumeric`, with the same shortcut for Hangul syllables as [`is_letter`].
pub fn is_letter_or_digit(c: char) -> bool {
    matches!(c, '가'..='힣') || c.is_alphanumeric()
}

/// Is `text` keyboard mash: its letters all bare Hangul jamo (`ㅁㄴㅇㄹ`, `ㅋㅋ ㅎㅎ`: no
/// syllable was formed), or its every word a walk over neighbouring keys of one keyboard row
/// (`key_walk`: `asdf`, `fdsa`, `jkl;`, `jkjk`, `asdfasdf`)? One rule for a commit message,
/// a requirement's comment, a jupyter-vs-script reason (and `course answer`'s prompt for it)
/// and a README's line about a folder: the same text cannot fail as one and pass as another.
pub fn mash(text: &str) -> bool {
    let letters = || text.chars().filter(|&c| is_letter(c));
    // Hangul compatibility jamo: consonants and vowels typed without forming a syllable.
    let jamo_only = letters().all(|c| matches!(c, '\u{3131}'..='\u{318E}'));
    if letters().next().is_some() && jamo_only {
        return true;
    }
    let mut words = text
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphabetic()))
        .peekable();
    words.peek().is_some() && words.all(key_walk)
}

/// Is `word` a walk over neighbouring keys of one keyboard row? It splits where two keys in a
/// row are not neighbours; each piece is a run of three keys or more one way (`asdf`, `fdsa`,
/// `asdf|asdf`), or four or more back and forth (`jkjk`, `hjklkj`). Words typed on one row
/// with a gap or a doubled key (`sad`, `flask`, `tree`, `add`) are not walks; three keys back
/// and forth (`pop`) are not either.
fn key_walk(word: &str) -> bool {
    const ROWS: [&str; 3] = ["qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./"];
    let word = word.to_ascii_lowercase();
    ROWS.iter().any(|row| {
        let Some(keys) = word
            .chars()
            .map(|c| row.find(c).map(|i| i as i64))
            .collect::<Option<Vec<i64>>>()
        else {
            return false;
        };
        keys.len() >= 3
            && keys
                .chunk_by(|a, b| a.abs_diff(*b) == 1)
                .all(|piece| match piece {
                    [a, b, c] => c - b == b - a,
                    _ => piece.len() >= 4,
                })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tricks_are_not_prose() {
        assert_eq!(check("aaaaaaaaaa"), Err(NotProse::Repeated));
        assert_eq!(check("AAAA aaaa"), Err(NotProse::Repeated));
        assert_eq!(check("ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ"), Err(NotProse::Repeated));
        assert_eq!(check("abababababab"), Err(NotProse::Repeated));
        assert_eq!(check("하하하하하하하하하하"), Err(NotProse::Repeated));
        assert_eq!(check(".........."), Err(NotProse::NoLetters));
        assert_eq!(check("1234567890"), Err(NotProse::NoLetters));
        assert_eq!(check(""), Err(NotProse::NoLetters));
    }

    #[test]
    fn honest_words_are_prose_in_both_languages() {
        for text in [
            "배열 계산",
            "학습",
            "기록",
            "데이터셋",
            "arrays",
            "the code",
            "GPU에서 며칠",
        ] {
            assert_eq!(check(text), Ok(()), "{text}");
        }
    }

    #[test]
    fn hangul_weighs_double() {
        assert_eq!(weight("학습"), 4);
        assert_eq!(weight("models"), 6);
        assert_eq!(weight("`src/`: 1, 2"), 3);
    }
}
