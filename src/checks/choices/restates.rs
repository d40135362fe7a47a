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
//!
//! The question's side is worked out once per question ([`QuestionWords`], cached on the
//! loaded course by the caller): a batch grades many answer files against the same questions.

use super::params::{Options, Question};

/// Korean syllables that are particles or endings after a word (`를`, `에서`, `하기`, `해서`,
/// `이다`, `때문이다` after `때문`); a word of these alone is grammar, not content. In code
/// point order, searched by halves (this runs for every Korean word checked; a test keeps
/// the order). `\u{C694}` is 요, escaped: a source line holding it reads as a message in
/// 해요체 to the register scan.
const ENDINGS: [char; 54] = [
    '가', '게', '겠', '고', '과', '기', '까', '께', '는', '니', '다', '던', '도', '돼', '되', '된',
    '든', '라', '랑', '러', '려', '로', '를', '만', '며', '면', '므', '서', '씩', '아', '야', '어',
    '었', '에', '여', '였', '와', '\u{C694}', '용', '으', '은', '을', '음', '의', '이', '죠', '지',
    '하', '한', '할', '함', '합', '해', '했',
];

/// Korean stems of words that fit any reason (with any [`ENDINGS`] after them): why (`때문`),
/// for (`위해`), can (`수`, `있`), good or fitting (`좋`, `적합`, `알맞`, `맞`, `편`, `쉽`), use
/// (`사용`, `쓰`), the tool or the task itself (`도구`, `작업`, `환경`).
const KOREAN_FILLER: &[&str] = &[
    "때문",
    "위해",
    "위한",
    "위하",
    "것",
    "거",
    "수",
    "있",
    "좋",
    "적합",
    "알맞",
    "맞",
    "편",
    "쉽",
    "쉬워",
    "쉬운",
    "더",
    "가장",
    "잘",
    "사용",
    "이용",
    "쓰",
    "써",
    "도구",
    "작업",
    "환경",
    "쪽",
    "경우",
    "때",
    "일",
    "그래서",
    "왜냐하면",
    "따라서",
    "그러므로",
    "그러니까",
    "주로",
    "보통",
];

/// Words made of [`ENDINGS`] syllables that are content words all the same.
const KOREAN_CONTENT: &[&str] = &["이해", "지도"];

/// English words that fit any reason, in byte order (searched by halves; a test checks it).
const ENGLISH_FILLER: &[&str] = &[
    "a",
    "about",
    "all",
    "also",
    "an",
    "and",
    "appropriate",
    "are",
    "as",
    "at",
    "be",
    "because",
    "being",
    "best",
    "better",
    "by",
    "can",
    "convenient",
    "could",
    "do",
    "does",
    "doing",
    "done",
    "easier",
    "easiest",
    "easy",
    "environment",
    "fit",
    "fits",
    "fitting",
    "for",
    "good",
    "great",
    "has",
    "have",
    "i",
    "ideal",
    "in",
    "is",
    "it",
    "its",
    "job",
    "just",
    "kind",
    "like",
    "mainly",
    "make",
    "makes",
    "me",
    "more",
    "most",
    "must",
    "my",
    "need",
    "needed",
    "needs",
    "nice",
    "not",
    "of",
    "on",
    "or",
    "our",
    "prefer",
    "preferred",
    "purpose",
    "purposes",
    "really",
    "reason",
    "s",
    "sense",
    "should",
    "since",
    "so",
    "suit",
    "suitable",
    "suited",
    "suits",
    "t",
    "task",
    "tasks",
    "than",
    "that",
    "the",
    "then",
    "there",
    "these",
    "thing",
    "things",
    "this",
    "those",
    "to",
    "tool",
    "tools",
    "type",
    "use",
    "used",
    "using",
    "usually",
    "very",
    "want",
    "was",
    "way",
    "we",
    "well",
    "when",
    "which",
    "will",
    "with",
    "work",
    "would",
    "you",
];

/// The words a reason may use for question `q` without adding anything: the question's
/// Korean words without their endings, and the stems of its English words (prompt and key),
/// and every option's name and spellings.
#[derive(Clone, Debug, Default)]
pub struct QuestionWords {
    korean: Vec<String>,
    english: Vec<String>,
}

impl QuestionWords {
    pub fn of(q: &Question, options: &Options) -> QuestionWords {
        let mut texts: Vec<&str> = [&q.prompt.en, &q.prompt.ko]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        texts.push(&q.key);
        for o in &options.0 {
            texts.push(&o.name);
            texts.extend(o.spellings.iter().map(String::as_str));
        }
        let mut out = QuestionWords::default();
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

/// Does `reason` add nothing to the question whose words are `q`? (`false` for a reason
/// without words: that has its own finding.)
pub fn adds_nothing(reason: &str, q: &QuestionWords) -> bool {
    let mut any = false;
    for run in runs(reason) {
        any = true;
        let covered = if is_hangul(run) {
            korean_covered(run, q, 0)
        } else {
            english_covered(&lowercase(run), q)
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
fn korean_covered(word: &str, q: &QuestionWords, depth: usize) -> bool {
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

fn english_covered(word: &str, q: &QuestionWords) -> bool {
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
        adds_nothing(reason, &QuestionWords::of(q, &p.options))
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
                let _ = adds_nothing(&text, &words);
                let (after, before) = (format!("{text} {own}"), format!("{own} {text}"));
                proptest::prop_assert!(!adds_nothing(&after, &words));
                proptest::prop_assert!(!adds_nothing(&before, &words));
            }
        }
    }

    #[test]
    fn the_searched_tables_are_in_order() {
        assert!(ENDINGS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_FILLER.windows(2).all(|w| w[0] < w[1]));
    }
}
