//! Does a reason add anything to its question? A reason adds nothing when each of its words
//! is the question's own (its prompt in either language, the words of its key), an option's
//! name, or a word that fits any reason (`because`, `it is better`, `때문이다`, `하기`,
//! `적합해서`): `결과 시각화를 하기 때문이다` and `visualization of the results` under
//! "결과 시각화 / Visualising results" (issue 9), where the old rule compared words exactly
//! and `시각화를` or `visualization` slipped past it.
//!
//! Words are compared as learners inflect them: a Korean word is the question's word with
//! particles and endings after it (`시각화를`, `배포용` -> `배포를`, `확인하기`); an English word
//! shares its stem (`visualising`/`visualization`, `deploy`/`deployment`, `runs`/`running`).
//! One word beyond those is enough to pass (`셀마다 그래프를 본다`, `plots inline`): the rule
//! fails only a reason with nothing of its own, never judges whether the reason is right.
//! A reason whose words are all options' names and fillers, none of the question's, would
//! fit any task and is told apart ([`Empty::Generic`]: `노트북이 더 좋아서`, `because jupyter
//! is better for this`; issue 9 learner audit); the word tables are in `fillers.rs`.
//!
//! The question's side is worked out once per question ([`QuestionWords`], cached on the
//! loaded course by the caller): a batch grades many answer files against the same questions.

use super::params::{Options, Question};

use super::fillers::{ENDINGS, ENGLISH_FILLER, KOREAN_CONTENT, KOREAN_FILLER};

/// The words a reason may use for question `q` without adding anything: the question's
/// Korean words without their endings, and the stems of its English words (prompt and key),
/// and every option's name and spellings (`all`); and the same without the question's own
/// words (`any`), for a reason that would fit any question.
#[derive(Clone, Debug, Default)]
pub struct QuestionWords {
    all: WordSet,
    any: WordSet,
}

/// Korean words (each with and without its endings) and English stems a reason may use.
#[derive(Clone, Debug, Default)]
struct WordSet {
    korean: Vec<String>,
    english: Vec<String>,
}

impl WordSet {
    /// The words of `texts`, then [`KOREAN_FILLER`] (English filler is looked up apart).
    fn of(texts: &[&str]) -> WordSet {
        let mut out = WordSet::default();
        for run in texts.iter().flat_map(|t| runs(t)) {
            let token = lowercase(run);
            if is_hangul(&token) {
                let bare = without_endings(&token);
                for w in [token.to_string(), bare.to_string()] {
                    if !out.korean.contains(&w) {
                        out.korean.push(w);
                    }
                }
            } else {
                let s = stem(&token).to_string();
                if !out.english.contains(&s) {
                    out.english.push(s);
                }
            }
        }
        // The fillers after the question's words: tried in one pass, without a chain.
        out.korean
            .extend(KOREAN_FILLER.iter().map(|w| w.to_string()));
        out
    }
}

impl QuestionWords {
    pub fn of(q: &Question, options: &Options) -> QuestionWords {
        let mut texts: Vec<&str> = Vec::new();
        for o in &options.0 {
            texts.push(&o.name);
            texts.extend(o.spellings.iter().map(String::as_str));
        }
        let any = WordSet::of(&texts);
        texts.extend(
            [&q.prompt.en, &q.prompt.ko]
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
        texts.push(&q.key);
        QuestionWords {
            all: WordSet::of(&texts),
            any,
        }
    }
}

/// What a reason with nothing of its own says instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Empty {
    /// Only words that fit any question: the options' names, `better`, `because`, `the
    /// lesson said` (`노트북이 더 좋아서`, `because jupyter is better for this`).
    Generic,
    /// The question's own words among those (`결과 시각화를 하기 때문이다`).
    Restates,
}

/// Does `reason` add nothing to the question whose words are `q`, and if so, what does it
/// say instead? (`None` for a reason without words: that has its own finding.)
pub fn empty(reason: &str, q: &QuestionWords) -> Option<Empty> {
    if !covered(reason, &q.all) {
        return None;
    }
    Some(if covered(reason, &q.any) {
        Empty::Generic
    } else {
        Empty::Restates
    })
}

/// Is each word of `reason` (and there is one) one of `set`'s or a filler?
fn covered(reason: &str, set: &WordSet) -> bool {
    let mut any = false;
    for run in runs(reason) {
        any = true;
        let covered = if is_hangul(run) {
            korean_covered(run, set, 0)
        } else {
            english_covered(&lowercase(run), set)
        };
        if !covered {
            return false;
        }
    }
    any
}

/// Runs of letters and digits, split where the script changes between Hangul and the rest
/// (`visualization을` -> `visualization`, `을`); slices of `text`, made as they are read so that
/// a reason is left at its first word of its own (most reasons: their first word).
fn runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !crate::prose::is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .flat_map(|word| {
            let mut rest = word;
            std::iter::from_fn(move || {
                let hangul = is_syllable(rest.chars().next()?);
                let end = rest
                    .char_indices()
                    .find(|&(_, c)| is_syllable(c) != hangul)
                    .map_or(rest.len(), |(i, _)| i);
                let (run, tail) = rest.split_at(end);
                rest = tail;
                Some(run)
            })
        })
}

/// `run` in lowercase, copied only when it has capitals.
fn lowercase(run: &str) -> std::borrow::Cow<'_, str> {
    if run.is_ascii() {
        if run.bytes().any(|b| b.is_ascii_uppercase()) {
            run.to_ascii_lowercase().into()
        } else {
            run.into()
        }
    } else {
        run.to_lowercase().into()
    }
}

fn is_syllable(c: char) -> bool {
    matches!(c, '가'..='힣')
}

fn is_hangul(token: &str) -> bool {
    token.chars().next().is_some_and(is_syllable)
}

fn all_endings(s: &str) -> bool {
    s.chars().all(is_ending)
}

/// Is `c` one of [`ENDINGS`]?
fn is_ending(c: char) -> bool {
    ENDINGS.binary_search(&c).is_ok()
}

/// A question's Korean word without the endings after it (`배포용` -> `배포`), as long as two
/// syllables stay (`결과` keeps its `과`).
fn without_endings(word: &str) -> &str {
    let mut end = word.len();
    for (i, c) in word.char_indices().rev() {
        if !is_ending(c) || word[..i].chars().count() < 2 {
            break;
        }
        end = i;
    }
    &word[..end]
}

/// Is the Korean `word` made of the question's words and fillers, each with endings after it
/// (`결과시각화를`: `결과` + `시각화` + `를`)? `depth` bounds the recursion.
fn korean_covered(word: &str, q: &WordSet, depth: usize) -> bool {
    if word.is_empty() {
        return true;
    }
    if depth == 0 && KOREAN_CONTENT.contains(&word) {
        return false;
    }
    if all_endings(word) && word.chars().count() <= 4 {
        return true;
    }
    if depth > 4 {
        return false;
    }
    q.korean.iter().filter(|s| !s.is_empty()).any(|s| {
        word.strip_prefix(s)
            .is_some_and(|rest| all_endings(rest) || korean_covered(rest, q, depth + 1))
    })
}

fn english_covered(word: &str, q: &WordSet) -> bool {
    if ENGLISH_FILLER.binary_search(&word).is_ok() || word.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let s = stem(word);
    q.english.iter().any(|t| {
        t == s || (t.len() >= 4 && s.starts_with(t.as_str())) || (s.len() >= 4 && t.starts_with(s))
    })
}

/// An English word without its inflection or derivation suffix (`visualising`,
/// `visualization` -> `visual`; `deployment` -> `deploy`; `running` -> `run`), as long as
/// three letters stay.
fn stem(word: &str) -> &str {
    const SUFFIXES: [&str; 24] = [
        "izations", "isations", "ization", "isation", "ations", "ation", "ments", "ment", "izing",
        "ising", "ized", "ised", "izes", "ises", "ize", "ise", "ences", "ence", "ions", "ion",
        "ings", "ing", "ed", "s",
    ];
    let Some(bare) = SUFFIXES
        .iter()
        .filter_map(|s| word.strip_suffix(s))
        .find(|b| b.len() >= 3)
    else {
        return word;
    };
    // `running` -> `runn` -> `run`
    let b = bare.as_bytes();
    if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiou".contains(&b[b.len() - 1]) {
        return &bare[..bare.len() - 1];
    }
    bare
}

#[cfg(test)]
mod tests {
    use super::super::Params;
    use super::*;

    /// The `choices` parameters of the built-in jupyter-vs-script exercise.
    fn jupyter_params() -> Params {
        let doc: serde_yaml::Value = serde_yaml::from_str(include_str!(
            "../../../exercises/jupyter-vs-script/exercise.yaml"
        ))
        .unwrap();
        let mut check = doc["checks"][0].clone();
        check.as_mapping_mut().unwrap().remove("kind");
        serde_yaml::from_value(check).unwrap()
    }

    fn restates(key: &str, reason: &str) -> bool {
        let p = jupyter_params();
        let q = p.questions.iter().find(|q| q.key == key).unwrap();
        empty(reason, &QuestionWords::of(q, &p.options)).is_some()
    }

    #[test]
    fn issue9_reasons_that_only_restate_the_situation() {
        for (key, reason) in [
            ("visualization", "결과 시각화를 하기 때문이다"),
            ("visualization", "visualization of the results"),
            ("visualization", "결과를 시각화할 수 있어서"),
            ("visualization", "결과시각화에 주피터가 적합하기 때문에"),
            (
                "visualization",
                "because it's better for visualizing results",
            ),
            ("visualization", "Visualising results"),
            ("data_exploration", "데이터 분포를 확인하기 위해서"),
            ("data_exploration", "for data exploration"),
            ("data_exploration", "to check the data distribution"),
            ("training", "모델 학습을 실행하는 작업이라서"),
            ("training", "because it runs the model training"),
            ("training", "training is done with a script"),
            ("inference", "배포를 위한 추론 코드이기 때문이다"),
            ("inference", "it is inference code for deployment"),
            ("inference", "deploying inference code"),
        ] {
            assert!(restates(key, reason), "{key}: {reason}");
        }
    }

    #[test]
    fn issue9_honest_short_reasons_add_something() {
        for (key, reason) in [
            ("visualization", "셀 단위로 바로 그래프를 보며 고칠 수 있다"),
            (
                "visualization",
                "see each plot at once and tweak it cell by cell",
            ),
            ("visualization", "plots inline"),
            ("visualization", "그래프를 코드 바로 아래에서 본다"),
            ("visualization", "결과 그래프를 바로 다시 그릴 수 있어서"),
            ("visualization", "the figure shows under the code"),
            (
                "data_exploration",
                "히스토그램을 보고 조건을 바꿔 다시 본다",
            ),
            ("data_exploration", "load the data once and rerun cells"),
            (
                "data_exploration",
                "데이터를 한 번 읽어 두고 셀만 다시 돌린다",
            ),
            ("training", "서버에서 며칠 동안 사람 없이 돈다"),
            ("training", "runs for days unattended"),
            ("training", "오래 걸리는 학습은 중간에 끊기면 안 된다"),
            ("training", "the same settings can be rerun later"),
            ("inference", "다른 코드가 import해서 쓴다"),
            ("inference", "the service imports it"),
            ("inference", "셀 실행 순서에 따라 결과가 달라지면 안 된다"),
            ("inference", "a robot runs it with one command"),
        ] {
            assert!(!restates(key, reason), "{key}: {reason}");
        }
    }

    fn judged(key: &str, reason: &str) -> Option<Empty> {
        let p = jupyter_params();
        let q = p.questions.iter().find(|q| q.key == key).unwrap();
        empty(reason, &QuestionWords::of(q, &p.options))
    }

    /// Issue 9 (learner audit): a reason that would fit any task is generic, not a restating
    /// of the question (`because jupyter is better for this` was labelled as one).
    #[test]
    fn issue9_reasons_that_fit_any_task_are_generic() {
        for reason in [
            "노트북이 더 좋아서",
            "스크립트가 더 좋다",
            "주피터가 레슨에서 추천한 도구라서",
            "수업에서 그렇게 배웠기 때문이다",
            "이게 더 효율적이라서",
            "this is what the lesson said",
            "because jupyter is better for this",
            "a script is the right tool here",
            "it is the recommended option",
            "the notebook is easier",
        ] {
            for q in ["data_exploration", "training", "visualization", "inference"] {
                assert_eq!(judged(q, reason), Some(Empty::Generic), "{q}: {reason}");
            }
        }
        // The question's own words among them: restating, as before.
        assert_eq!(
            judged("visualization", "결과 시각화에 주피터가 적합하기 때문에"),
            Some(Empty::Restates)
        );
        assert_eq!(
            judged(
                "inference",
                "a script is better for deploying inference code"
            ),
            Some(Empty::Restates)
        );
    }

    /// The audit's honest short reasons keep passing under every question, in both languages.
    #[test]
    fn issue9_honest_short_reasons_are_neither() {
        for reason in [
            "그래프를 바로 보면서 값을 바꿔 볼 수 있어서",
            "매일 자동으로 돌려야 해서 스크립트",
            "you can see plots next to the code",
            "it runs unattended on a server",
            "노트북에서 그래프를 바로 본다",
            "the lesson's table says plots show inline",
        ] {
            for q in ["data_exploration", "training", "visualization", "inference"] {
                assert_eq!(judged(q, reason), None, "{q}: {reason}");
            }
        }
    }

    /// Words of reasons that fit any task, for the property below.
    #[rustfmt::skip]
    const ANY: [&str; 16] = [
        "노트북이", "더", "좋아서", "스크립트가", "레슨에서", "배웠기", "때문이다", "그렇게",
        "jupyter", "is", "better", "because", "the", "lesson", "said", "script",
    ];

    proptest::proptest! {
        /// Any run of such words is generic under every question; one word of the question's
        /// own makes it a restating; one word of its own makes it a reason.
        #[test]
        fn generic_words_are_generic_and_one_more_word_decides(
            said in proptest::collection::vec(proptest::sample::select(&ANY[..]), 1..6),
            at in 0usize..6,
        ) {
            let p = jupyter_params();
            for q in &p.questions {
                let words = QuestionWords::of(q, &p.options);
                let text = said.join(" ");
                proptest::prop_assert_eq!(empty(&text, &words), Some(Empty::Generic), "{}", text);
                let own = q.key.split('_').next().unwrap_or(&q.key);
                let mut with = said.clone();
                with.insert(at.min(with.len()), own);
                let text = with.join(" ");
                proptest::prop_assert_eq!(empty(&text, &words), Some(Empty::Restates), "{}", text);
                with.insert(at.min(with.len()), "히스토그램");
                let text = with.join(" ");
                proptest::prop_assert_eq!(empty(&text, &words), None, "{}", text);
            }
        }
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("visualising"), "visual");
        assert_eq!(stem("visualization"), "visual");
        assert_eq!(stem("running"), "run");
        assert_eq!(stem("deployment"), "deploy");
        assert_eq!(stem("inference"), "infer");
        assert_eq!(without_endings("배포용"), "배포");
        assert_eq!(without_endings("결과"), "결과");
        let runs: Vec<&str> = runs("Visualization을 해서").collect();
        assert_eq!(runs, ["Visualization", "을", "해서"]);
    }

    proptest::proptest! {
        /// Any text, hostile or not, is judged without a panic, and a word of its own beside
        /// it (in either language) always makes it a reason.
        #[test]
        fn a_word_of_its_own_always_adds_something(
            text in "[가-힣a-zA-Z0-9 ,.을를이가하기다]{0,60}",
            own in proptest::sample::select(vec!["히스토그램", "unattended", "서버에서", "inline"]),
        ) {
            let p = jupyter_params();
            for q in &p.questions {
                let words = QuestionWords::of(q, &p.options);
                let _ = empty(&text, &words);
                let (after, before) = (format!("{text} {own}"), format!("{own} {text}"));
                proptest::prop_assert_eq!(empty(&after, &words), None);
                proptest::prop_assert_eq!(empty(&before, &words), None);
            }
        }
    }

    #[test]
    fn the_searched_tables_are_in_order() {
        assert!(ENDINGS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_FILLER.windows(2).all(|w| w[0] < w[1]));
    }
}
