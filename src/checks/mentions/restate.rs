//! What a folder's line says when it says nothing of its own (issue 9, release-build learner
//! audit): the folder's name in other words (`- src/: 소스`, `- configs/: 설정`,
//! `- notebooks/: Jupyter notebooks`), or keyboard mash (`- src/: asdf`, by
//! [`crate::prose::mash`], the rule commit messages, requirement comments and reasons answer
//! to). Each is told as what it is, not as "names only".

use super::weigh::{filler, generic, says_something, tokens, with_particle};
use super::{without_words, Code, Finding};
use crate::tr;

/// The expected folders of the built-in course and the words that only name them again: the
/// Korean name and its common spellings, and the English singular (`- configs/: config`). A line about the
/// folder needs a word beyond these (`- data/: 학습 데이터`, `- notebooks/: 데이터 탐색용
/// 노트북`, `- configs/: 실험 설정 파일`); a word for files beside one is left to `weigh`.
// A learner's words, not messages: the register and glossary scans skip the marked lines.
#[rustfmt::skip]
const NAMES: &[(&str, &[&str])] = &[
    ("src", &["소스", "소스들", "소오스"]), // glossary: a learner's word
    ("scripts", &["스크립트", "스크립트들", "script"]), // glossary: a learner's word
    ("configs", &["설정", "설정들", "설정값", "설정값들", "환경설정", "컨피그", "콘피그", "config"]), // glossary: a learner's word
    ("data", &["데이터", "데이타", "데이터들", "자료"]), // glossary: a learner's word
    ("notebooks", &["노트북", "노트북들", "주피터", "쥬피터", "notebook", "jupyter"]), // glossary: a learner's word
    ("tests", &["테스트", "테스트들", "test"]), // glossary: a learner's word
];

/// Words for files: `설정 파일` says the folder holds files of settings, more than `설정`,
/// so beside a name's translation they count as a word of their own here.
const FILE_WORDS: &[&str] = &["파일", "파일들", "file", "files"];

/// Why a line about a folder says nothing of its own, beyond the names only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Empty {
    /// Keyboard mash (`asdf`, `ㅁㄴㅇㄹ`).
    Mash,
    /// Only a name of `words` in other words: the word written (`소스`).
    Translation(String),
}

/// Does `others` (a line with the folders' names taken out) say only a name of `words` in
/// other words, or keyboard mash?
pub(super) fn empty(others: &str, words: &[String]) -> Option<Empty> {
    let said: Vec<&str> = tokens(others).filter(|t| !generic(t)).collect();
    if crate::prose::mash(&said.join(" ")) {
        return Some(Empty::Mash);
    }
    let names = |token: &str| {
        let token = token.to_lowercase();
        NAMES
            .iter()
            .filter(|(name, _)| words.iter().any(|w| w.trim_end_matches('/') == *name))
            .flat_map(|(_, others)| others.iter())
            .any(|other| with_particle(&token, other))
    };
    let mut translation = None;
    for token in said {
        let lower = token.to_lowercase();
        if names(token) {
            translation.get_or_insert(token);
        } else if !filler(&lower) || FILE_WORDS.iter().any(|f| with_particle(&lower, f)) {
            return None;
        }
    }
    translation.map(|t| Empty::Translation(t.to_string()))
}

/// A folder, the first line naming it (1-based), and what its line is.
type Told<'a> = (&'a str, usize, Empty);

/// Split the folders named but not explained (each with the first line naming it, 1-based)
/// into those whose line (or the line after a bare `## src`) is only names and filler, and
/// those whose line is [`Empty`], with what it is.
pub(super) fn split<'a>(
    lines: &[&str],
    words: &[String],
    unexplained: &[(&'a str, usize)],
) -> (Vec<(&'a str, usize)>, Vec<Told<'a>>) {
    let mut names_only = Vec::new();
    let mut said = Vec::new();
    for &(word, line) in unexplained {
        let at = |i: usize| without_words(lines.get(i).copied().unwrap_or_default(), words);
        let mut others = at(line - 1);
        if !says_something(&others) {
            // `## src` alone: what was written for it is on the next non-empty line.
            if let Some(next) = (line..lines.len()).find(|&i| !lines[i].trim().is_empty()) {
                others = at(next);
            }
        }
        match empty(&others, words) {
            Some(why) => said.push((word, line, why)),
            None => names_only.push((word, line)),
        }
    }
    (names_only, said)
}

/// The findings of the folders whose lines are [`Empty`]: one for the mash, one for the
/// names said again in other words, each at its first line.
pub(super) fn findings(file: &str, said: &[Told]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mash: Vec<&Told> = said.iter().filter(|s| s.2 == Empty::Mash).collect();
    if let Some((_, line, _)) = mash.first() {
        let names = join(mash.iter().map(|(w, ..)| format!("`{w}`")));
        findings.push(
            Finding::fail(
                Code::MentionsNotExplained,
                tr!(
                    "`{file}`: what is written for {names} is keyboard mash (keys side by side, or Korean letters never made into syllables), not an explanation",
                    "`{file}`에서 {names}에 쓴 말은 자판을 이어서 누른 글자(또는 음절을 이루지 않은 자모)일 뿐이라 설명이 아닙니다"
                ),
            )
            .file_named(file)
            .line(*line as u32),
        );
    }
    let translated: Vec<(&str, usize, &str)> = said
        .iter()
        .filter_map(|(w, line, why)| match why {
            Empty::Translation(t) => Some((*w, *line, t.as_str())),
            Empty::Mash => None,
        })
        .collect();
    if let Some((_, line, _)) = translated.first() {
        let pairs = join(translated.iter().map(|(w, _, t)| format!("`{w}` (`{t}`)")));
        let (en, ko) = if translated.len() == 1 {
            ("that folder", "그 폴더에")
        } else {
            ("each folder", "각 폴더에")
        };
        findings.push(
            Finding::fail(
                Code::MentionsNotExplained,
                tr!(
                    "`{file}` only says the name again in other words for {pairs}; it does not say what goes in {en}",
                    "`{file}`의 {pairs} 설명은 이름을 다른 말로 옮긴 것일 뿐, {ko} 무엇을 두는지 말하지 않습니다"
                ),
            )
            .file_named(file)
            .line(*line as u32),
        );
    }
    findings
}

/// `a, b, c`.
fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Vec<String> {
        ["src", "scripts", "configs", "data", "notebooks", "tests"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn issue9_names_in_other_words_say_nothing() {
        for (others, said) in [
            ("- : 소스", "소스"),
            ("- : 스크립트", "스크립트"),
            ("- : 설정", "설정"),
            ("- : 데이터", "데이터"),
            ("- : 노트북", "노트북"),
            ("- : 테스트", "테스트"),
            ("- : 이것은 소스 폴더입니다", "소스"),
            ("- : 데이터입니다", "데이터입니다"),
            ("- : 주피터 노트북", "주피터"),
            ("- : Jupyter notebook", "Jupyter"),
            ("| | config |", "config"),
            ("- : 데이타", "데이타"),
        ] {
            assert_eq!(
                empty(others, &words()),
                Some(Empty::Translation(said.to_string())),
                "{others}"
            );
        }
    }

    #[test]
    fn issue9_mash_is_mash() {
        for others in ["- : asdf", "- : qwerqwer", "- : ㅁㄴㅇㄹ", "| | jkjk |"] {
            assert_eq!(empty(others, &words()), Some(Empty::Mash), "{others}");
        }
    }

    #[test]
    fn issue9_a_word_of_its_own_says_something() {
        for others in [
            "- : 학습 데이터",
            "- : 데이터 탐색용 노트북",
            "- : 실험 설정 파일",
            "- : 설정 파일",
            "- : 이것은 설정 파일입니다",
            "- : 소스 코드",
            "- : 단위 테스트",
            "- : 데이터셋",
            "- : raw data",
            "- : YAML settings",
            "- : settings",
            "- : source code for training",
            "- : 모델 코드",
            "- : sad",
            "",
            "- : ",
        ] {
            assert_eq!(empty(others, &words()), None, "{others}");
        }
    }

    /// A folder the table does not know is never told it was translated.
    #[test]
    fn only_the_expected_folders_translations_count() {
        assert_eq!(empty("- : 데이터", &["src".to_string()]), None);
        assert_eq!(
            empty("- : 데이터", &["data/".to_string()]),
            Some(Empty::Translation("데이터".to_string()))
        );
    }
}
