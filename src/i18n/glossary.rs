//! The glossary: one Korean word for each term the lessons and the messages share (issue 9).
//!
//! A learner who reads 가상환경 in a lesson and 가상 환경 in a message wonders whether they are
//! two things. Authors pick the word from [`TERMS`]; the test below reads the Korean lessons,
//! the exercise files and every Korean line in src/ and fails on a rejected spelling.

/// A shared term: the Korean word to use, the English one it pairs with, and the spellings
/// that must not appear.
pub struct Term {
    pub ko: &'static str,
    pub en: &'static str,
    pub rejected: &'static [&'static str],
}

pub const TERMS: &[Term] = &[
    Term {
        ko: "가상환경",
        en: "virtual environment",
        rejected: &["가상 환경"],
    },
    Term {
        ko: "요구사항",
        en: "requirement",
        rejected: &["요구 사항"],
    },
    Term {
        ko: "작업 폴더",
        en: "workspace",
        rejected: &["작업폴더", "작업 공간", "워크스페이스"],
    },
    Term {
        ko: "저장소",
        en: "repository",
        rejected: &["레포", "리포지토리"],
    },
    Term {
        ko: "의존성",
        en: "dependency",
        rejected: &["종속성"],
    },
    Term {
        ko: "폴더",
        en: "folder, directory",
        rejected: &["디렉토리", "디렉터리"],
    },
    Term {
        ko: "명령",
        en: "command",
        rejected: &["명령어"],
    },
    Term {
        ko: "주석",
        en: "comment",
        rejected: &["코멘트"],
    },
    Term {
        ko: "연습 문제",
        en: "exercise",
        rejected: &["연습문제"],
    },
    Term {
        ko: "설정 파일",
        en: "settings file",
        rejected: &["설정파일"],
    },
    Term {
        ko: "환경 변수",
        en: "environment variable",
        rejected: &["환경변수"],
    },
    // The lessons write the language's name in Latin letters, as code and `python` show it.
    Term {
        ko: "Python",
        en: "Python",
        rejected: &["파이썬"],
    },
    // The lessons' verb for `source .venv/bin/activate`.
    Term {
        ko: "활성화",
        en: "activate",
        rejected: &["환경을 켠", "환경을 켜", "환경을 켭"],
    },
];

/// A source line that holds a rejected spelling on purpose (a word a learner may write, which
/// the program must recognise) carries this mark in a comment.
pub const LEARNER_WORD: &str = "glossary: a learner's word";

/// The rejected spellings in `text`, each with the word to use instead.
pub fn rejected_terms(text: &str) -> Vec<(&'static str, &'static str)> {
    TERMS
        .iter()
        .flat_map(|t| t.rejected.iter().map(move |r| (*r, t.ko)))
        .filter(|(r, _)| text.contains(r))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("readable") {
            let path = entry.expect("readable").path();
            if path.is_dir() {
                // Fixtures are a learner's files, not the course's words.
                if !path.ends_with("fixtures") {
                    files(&path, ext, out);
                }
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }

    #[test]
    fn rejected_spellings_are_found() {
        assert_eq!(
            rejected_terms("가상 환경을 만듭니다"),
            [("가상 환경", "가상환경")]
        );
        assert!(rejected_terms("가상환경과 요구사항, 작업 폴더").is_empty());
        assert_eq!(
            rejected_terms("환경을 켠 뒤 파이썬을"),
            [("파이썬", "Python"), ("환경을 켠", "활성화")]
        );
    }

    /// Lessons (Korean), exercises, the course file and every Korean line of src/ use the
    /// glossary's words (test code left out). This file and the particle tables hold the
    /// rejected words on purpose.
    #[test]
    fn issue9_lessons_and_messages_use_the_glossary() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = vec![root.join("course.yaml")];
        files(&root.join("lessons/ko"), "md", &mut paths);
        files(&root.join("exercises"), "yaml", &mut paths);
        let lessons = paths.len();
        files(&root.join("src"), "rs", &mut paths);
        assert!(lessons > 8 && paths.len() > lessons + 50, "{paths:?}");
        let skip = ["glossary.rs", "josa.rs", "register_scan.rs"];
        let mut problems = Vec::new();
        for path in paths
            .iter()
            .filter(|p| !skip.iter().any(|s| p.ends_with(s)))
        {
            let text = std::fs::read_to_string(path).expect("UTF-8");
            // Test code may name files with a space on purpose (`요구 사항.txt`).
            let text = text.split("#[cfg(test)]").next().unwrap_or("");
            for (n, line) in text.lines().enumerate() {
                if line.contains(LEARNER_WORD) {
                    continue;
                }
                for (bad, good) in rejected_terms(line) {
                    problems.push(format!("{}:{}: {bad} -> {good}", path.display(), n + 1));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
