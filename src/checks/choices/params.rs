//! The parameters of a `choices` check as the course file writes them (options with their
//! accepted spellings, questions with the expected option and a nudge), how a written choice
//! is matched, and what `course validate` finds wrong with them.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::i18n::Localized;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The answer file, relative to the workspace root.
    pub file: String,
    /// Minimum length of each reason in characters, after trimming.
    #[serde(default = "default_min_reason")]
    pub min_reason: usize,
    /// Canonical option name -> accepted spellings, in the order they are offered.
    pub options: Options,
    pub questions: Vec<Question>,
    /// [`Params::problems`], once found: the parameters do not change after loading, and a
    /// batch would otherwise validate them again for every submission (15% of grading time).
    #[serde(skip)]
    checked: std::sync::OnceLock<Vec<String>>,
}

fn default_min_reason() -> usize {
    10
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The top-level key of this question in the answer file.
    pub key: String,
    /// The canonical option that is right.
    pub expected: String,
    /// What the question asks about (shown by `course answer`).
    pub prompt: Localized,
    /// Shown when the choice is wrong: a question that makes the learner think, not the answer.
    #[serde(default)]
    pub nudge: Localized,
    /// The words a reason may use without adding anything ([`super::restates`]), worked out
    /// once: a batch checks every submission's reasons against the same question.
    #[serde(skip)]
    words: std::sync::OnceLock<super::restates::QuestionWords>,
}

impl Question {
    /// [`super::restates::QuestionWords`] of this question with `options`, found once (the
    /// options are those of the parameters the question was loaded with).
    pub(super) fn words(&self, options: &Options) -> &super::restates::QuestionWords {
        self.words
            .get_or_init(|| super::restates::QuestionWords::of(self, options))
    }
}

/// One option: its canonical name and the spellings accepted for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub spellings: Vec<String>,
}

/// The options of a `choices` check, in the order written in the course file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options(pub Vec<Choice>);

impl<'de> Deserialize<'de> for Options {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Options;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from each option to its accepted spellings, e.g. `{jupyter: [jupyter, notebook], script: [script, py]}`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Options, A::Error> {
                let mut out: Vec<Choice> = Vec::new();
                while let Some((name, spellings)) = map.next_entry::<String, Vec<String>>()? {
                    if out.iter().any(|c| c.name == name) {
                        return Err(serde::de::Error::custom(format!(
                            "option `{name}` is listed twice"
                        )));
                    }
                    out.push(Choice { name, spellings });
                }
                Ok(Options(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// How a typed or written choice is compared: trimmed, case-insensitive (Unicode lowercase).
pub fn normalise(s: &str) -> String {
    s.trim().to_lowercase()
}

impl Params {
    /// The option a choice means (its canonical name or any accepted spelling), by index.
    pub fn option_index(&self, input: &str) -> Option<usize> {
        let wanted = normalise(input);
        if wanted.is_empty() {
            return None;
        }
        // Every spelling as written (the repeats `spellings` drops cannot change the answer).
        self.options.0.iter().position(|c| {
            std::iter::once(&c.name)
                .chain(&c.spellings)
                .any(|s| normalise(s) == wanted)
        })
    }

    /// The canonical name followed by the other accepted spellings of `choice`, without repeats.
    pub fn spellings<'a>(&self, choice: &'a Choice) -> Vec<&'a str> {
        let mut out: Vec<&str> = vec![choice.name.as_str()];
        for s in &choice.spellings {
            if !out.iter().any(|o| normalise(o) == normalise(s)) {
                out.push(s);
            }
        }
        out
    }

    /// Every accepted spelling, for messages: `jupyter, notebook, ... | script, py, ...`.
    pub fn all_spellings(&self) -> String {
        self.options
            .0
            .iter()
            .map(|c| self.spellings(c).join(", "))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// [`Params::problems`] of the parameters as loaded, found once.
    pub fn problems_once(&self) -> &[String] {
        self.checked.get_or_init(|| self.problems())
    }

    /// Mistakes in the course file itself (for `course validate`): an `expected` that is not
    /// an option, a key or spelling used twice, no questions.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.options.0.len() < 2 {
            out.push("`options` needs at least two options".to_string());
        }
        if self.questions.is_empty() {
            out.push("`questions` is empty; add at least one question".to_string());
        }
        if self.file.trim().is_empty()
            || std::path::Path::new(&self.file).is_absolute()
            || self.file.split(['/', '\\']).any(|p| p == "..")
        {
            out.push(format!(
                "`file: {}` must be a relative path inside the workspace, e.g. answers/x.yaml",
                self.file
            ));
        }
        for (i, a) in self.options.0.iter().enumerate() {
            for s in self.spellings(a) {
                if let Some(b) = self.options.0[i + 1..].iter().find(|b| {
                    self.spellings(b)
                        .iter()
                        .any(|t| normalise(t) == normalise(s))
                }) {
                    out.push(format!(
                        "spelling `{s}` is accepted for both `{}` and `{}`; give it to one option",
                        a.name, b.name
                    ));
                }
            }
        }
        let names: Vec<&str> = self.options.0.iter().map(|c| c.name.as_str()).collect();
        for (i, q) in self.questions.iter().enumerate() {
            if q.key.trim().is_empty() {
                out.push(format!("question {}: `key` is empty", i + 1));
            }
            if self.questions[..i].iter().any(|p| p.key == q.key) {
                out.push(format!("question key `{}` is used twice", q.key));
            }
            if !names.contains(&q.expected.as_str()) {
                out.push(format!(
                    "question `{}`: `expected: {}` is not an option; use one of: {}",
                    q.key,
                    q.expected,
                    names.join(", ")
                ));
            }
            if q.prompt.is_empty() {
                out.push(format!("question `{}`: `prompt` is empty", q.key));
            }
            // The prompt is shown with a wrong choice and the nudge is its hint: neither may
            // give the answer away.
            if let Some(expected) = self.options.0.iter().find(|c| c.name == q.expected) {
                for (field, text) in [("prompt", &q.prompt), ("nudge", &q.nudge)] {
                    for lang in crate::i18n::Lang::ALL {
                        let Some(text) = text.slot(lang) else {
                            continue;
                        };
                        if let Some(s) = self
                            .spellings(expected)
                            .into_iter()
                            .find(|s| mentions(text, s))
                        {
                            out.push(format!(
                                "question `{}`: the {lang} `{field}` says `{s}`, which gives the answer away; reword it",
                                q.key
                            ));
                        }
                    }
                }
            }
        }
        out
    }
}

/// Does `text` mention `word` (case-insensitive)? ASCII words must stand alone (`py` is not in
/// `happy`); other text matches anywhere (Korean attaches particles: `스크립트로`).
fn mentions(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_lowercase(), normalise(word));
    if word.is_empty() {
        return false;
    }
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    text.match_indices(&word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        (!alnum(word.chars().next()) || !alnum(before))
            && (!alnum(word.chars().next_back()) || !alnum(after))
    })
}

/// Whether `spelling` is shown in a `lang` interface: Hangul spellings only in Korean (they
/// are accepted in both).
pub fn shown_in(spelling: &str, lang: crate::i18n::Lang) -> bool {
    lang == crate::i18n::Lang::Ko
        || !spelling.chars().any(|c| {
            matches!(c, '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' | '\u{a960}'..='\u{a97f}' | '\u{ac00}'..='\u{d7af}' | '\u{d7b0}'..='\u{d7ff}')
        })
}

#[cfg(test)]
mod tests {
    use super::super::tests::params;
    use super::*;

    #[test]
    fn options_keep_their_order() {
        let p = params();
        let names: Vec<&str> = p.options.0.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["jupyter", "script"]);
        assert!(p.problems().is_empty(), "{:?}", p.problems());
    }

    #[test]
    fn spellings_match_case_insensitively_after_trimming() {
        let p = params();
        assert_eq!(p.option_index(" Notebook "), Some(0));
        assert_eq!(p.option_index("주피터"), Some(0));
        assert_eq!(p.option_index(".PY"), Some(1));
        assert_eq!(p.option_index("스크립트"), Some(1));
        assert_eq!(p.option_index("SCRIPT"), Some(1));
        assert_eq!(p.option_index("colab"), None);
        assert_eq!(p.option_index("  "), None);
    }

    #[test]
    fn prompts_and_nudges_must_not_give_the_answer_away() {
        let mut p = params();
        p.questions[1].nudge = Localized::new("스크립트로 돌리면?", "Happy? Try train.py");
        let problems = p.problems().join("\n");
        assert!(
            problems.contains("the ko `nudge` says `스크립트`"),
            "{problems}"
        );
        assert!(problems.contains("the en `nudge` says `py`"), "{problems}");
        p.questions[1].nudge =
            Localized::new("밤새 돌린다면?", "Happy to wait all night? Copy it?");
        assert!(p.problems().is_empty(), "{:?}", p.problems());
        assert!(mentions("Use PY here", "py") && !mentions("numpy", "py"));
    }

    #[test]
    fn duplicate_options_are_rejected() {
        let e =
            serde_yaml::from_str::<Params>("file: a\noptions: {a: [x], a: [y]}\nquestions: []\n")
                .unwrap_err();
        assert!(
            e.to_string().contains("twice") || e.to_string().contains("duplicate"),
            "{e}"
        );
    }

    #[test]
    fn hangul_spellings_are_shown_only_in_korean() {
        use crate::i18n::Lang;
        assert!(shown_in("notebook", Lang::En) && shown_in(".py", Lang::En));
        assert!(!shown_in("주피터", Lang::En) && !shown_in("ㅈ", Lang::En));
        assert!(shown_in("주피터", Lang::Ko) && shown_in("notebook", Lang::Ko));
    }
}
