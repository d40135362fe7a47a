//! When a comment explains a requirement: real text, fair to Korean.
//!
//! A comment explains when it has at least one *word* that is not the package's name (nor a
//! part of it, nor a version) and that is real text: at least two different letters, and at
//! least 3 letters, a Hangul syllable or CJK character counting as 2 (so the two-syllable
//! Korean words `학습`, `배열`, `기록` pass, like `api` or `deep learning`). It does not when
//! it is punctuation or digits only, one character repeated (`aaa`, `ㅋㅋㅋ`, `하하`), keyboard
//! mash as a commit message would be judged (`asdf`, `ㅁㄴㅇㄹ`, `jkjk`), or only
//! the package's name again (`torch  # torch`, `# PyTorch 2.1`, `scikit-learn  # sklearn`),
//! nor when its only other words are ones that fit any package and so say nothing about this
//! one (`words.rs`: `# package`, `# 필요한 라이브러리`, `# torch 패키지`, `# needed`, and how much
//! it matters, `# 중요`, `# important`, `# 기본 패키지`, `# 설치해야 함`) or a link
//! (`# https://pypi.org/project/torch`), nor when it is a placeholder left to fill in
//! (`# TODO`, `# 설명`, `# 여기에 설명`, `# description`, `# <...>`).

/// Why a comment does not explain its requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weak {
    /// No letters at all: punctuation, symbols or digits (`# ---`, `# 1.0`).
    NoText,
    /// One character repeated (`# aaa`, `# ㅋㅋㅋ`).
    Repeated,
    /// Keyboard mash (`# asdf`, `# ㅁㄴㅇㄹ`, `# jkjk`): [`crate::prose::mash`], the rule a
    /// commit message is held to too.
    Mash,
    /// Only the package's name (and versions).
    OnlyName,
    /// Words, but none long enough to say anything (`# ok`, `# 책`).
    TooShort,
    /// Only words that fit every package (`# package`, `# 필요한 라이브러리`) or a link.
    Filler,
    /// A placeholder left to fill in (`# TODO`, `# 설명`, `# description`, `# <...>`).
    Placeholder,
}

mod words;
use words::{is_filler, is_placeholder};

/// The comment without links (`https://...`): a link names where the package is, not why
/// the project needs it.
fn without_links(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !w.contains("://") && !w.starts_with("www."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Letters-and-digits words of `text`, lowercased.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !crate::prose::is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// A Hangul syllable or a CJK ideograph: one character that is a whole syllable or word.
fn is_syllable(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Is `word` one of the name's words, or does it hold one (`pytorch` for `torch`)?
fn is_name(word: &str, name_words: &[String]) -> bool {
    let joined: String = name_words.concat();
    name_words
        .iter()
        .any(|n| n == word || (n.chars().count() >= 3 && word.contains(n.as_str())))
        || (!joined.is_empty()
            && (word == joined || joined.contains(word) && word.chars().count() >= 3))
}

/// Does `word` say something: two different letters, weight at least 3?
fn is_real_word(word: &str) -> bool {
    let letters: Vec<char> = word
        .chars()
        .filter(|&c| crate::prose::is_letter(c))
        .collect();
    let first = letters.first().copied();
    let varied = letters.iter().any(|c| Some(*c) != first);
    let weight: usize = letters
        .iter()
        .map(|&c| if is_syllable(c) { 2 } else { 1 })
        .sum();
    varied && weight >= 3
}

/// Judge a comment (the text after `#`) as the explanation of a package whose name has
/// `name_words` (see [`words`]).
pub fn judge(comment: &str, name_words: &[String]) -> Result<(), Weak> {
    let text = comment.trim_start_matches(|c: char| c == '#' || c.is_whitespace());
    let letters: Vec<char> = text
        .chars()
        .filter(|&c| crate::prose::is_letter(c))
        .collect();
    if letters.is_empty() {
        return Err(Weak::NoText);
    }
    if letters.len() > 1
        && letters
            .iter()
            .all(|c| c.to_lowercase().eq(letters[0].to_lowercase()))
    {
        return Err(Weak::Repeated);
    }
    if text.trim_end().starts_with('<') && text.trim_end().ends_with('>') {
        return Err(Weak::Placeholder); // `# <what it does for the project>`
    }
    if crate::prose::mash(text) {
        return Err(Weak::Mash);
    }
    let all = words(&without_links(text));
    let named: Vec<&String> = all
        .iter()
        .filter(|w| !is_name(w, name_words) && w.chars().any(crate::prose::is_letter))
        .filter(|w| !looks_like_version(w))
        .collect();
    let other: Vec<&String> = named
        .iter()
        .copied()
        .filter(|w| !is_filler(w) && !is_placeholder(w))
        .collect();
    if other.is_empty() {
        // A word of both lists (`나중에`: `# 나중에 주석 추가`, `# 나중에 쓸 것`) marks a
        // placeholder only beside a word that is nothing else (`주석`, `todo`).
        if named.iter().any(|w| is_placeholder(w) && !is_filler(w)) {
            return Err(Weak::Placeholder);
        }
        let only_name = named.is_empty() && !text.contains("://");
        return Err(if only_name {
            Weak::OnlyName
        } else {
            Weak::Filler
        });
    }
    let distinct = |w: &str| {
        let mut letters: Vec<char> = w.chars().filter(|&c| crate::prose::is_letter(c)).collect();
        letters.sort_unstable();
        letters.dedup();
        letters.len()
    };
    if other.iter().all(|w| distinct(w) <= 1) && other.iter().any(|w| w.chars().count() > 1) {
        return Err(Weak::Repeated); // `# aaa bbb`
    }
    if other.iter().any(|w| is_real_word(w)) {
        Ok(())
    } else {
        Err(Weak::TooShort)
    }
}

/// A comment as compared with the others of the file (lowercase, the words only): two
/// requirements with the same key share one explanation.
pub fn same_key(comment: &str) -> String {
    words(comment).join(" ")
}

/// `v2`, `cu118`, `py3`: letters glued to digits, a version or build tag rather than a word.
fn looks_like_version(word: &str) -> bool {
    let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
    digits > 0 && word.chars().filter(|&c| crate::prose::is_letter(c)).count() <= 3
}

#[cfg(test)]
mod tests;
