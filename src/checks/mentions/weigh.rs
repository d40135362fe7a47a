//! How much a line says about a folder, for [`super`]'s `explain: true`: letters weighed with
//! a Hangul syllable as three, after the words that only say "folder" are left out; and
//! whether anything is said at all beside the folder's name, the words for "folder" and
//! function words (`the`, `this is`, `for`, `이것은`, `입니다`, a particle left behind by the
//! name), the filler of `- src: this is the src folder`.

/// The amount of text that explains: a Hangul syllable counts three letters, any other letter
/// one. A Korean content word of two syllables (`탐색`, `설정`) says as much as an English
/// word of six letters, so it alone explains a folder; one syllable does not.
pub(super) fn explain_weight(text: &str) -> usize {
    let letters: usize = text
        .chars()
        .map(|c| match c {
            '가'..='힣' => 3,
            c if crate::prose::is_letter(c) => 1,
            _ => 0,
        })
        .sum();
    // A field's acronym says as much as a word (`- notebooks: EDA` failed as saying too
    // little; issue 9, fifth audit): it weighs a whole explanation, not its 2-4 letters.
    let acronyms: usize = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| ACRONYMS.iter().any(|a| a.eq_ignore_ascii_case(word)))
        .map(|word| super::EXPLAIN_WEIGHT.saturating_sub(word.len()))
        .sum();
    letters + acronyms
}

/// Acronyms of the work a VLA project's folders hold (the line arrives lowercased). A list,
/// not any short word in capitals: `- src/: ABC` explains nothing.
const ACRONYMS: [&str; 18] = [
    "EDA", "ML", "DL", "CV", "NLP", "LLM", "VLA", "VLM", "API", "CLI", "GPU", "CI", "ETL", "QA",
    "RL", "UI", "CNN", "PoC",
];

/// Words that only say "this is a folder": beside the folder's own name (`- src: src 폴더`)
/// they explain nothing. A Korean one keeps its particle or ending (`폴더에는`, `폴더입니다`).
const GENERIC_EN: [&str; 8] = [
    "folder",
    "folders",
    "directory",
    "directories",
    "dir",
    "dirs",
    "subfolder",
    "subdirectory",
];
const GENERIC_KO: [&str; 4] = ["폴더", "디렉터리", "디렉토리", "하위폴더"]; // glossary: a learner's word

/// English words that say nothing about what a folder holds: articles, pronouns, the copula,
/// prepositions, verbs that only say "it holds" (`this folder contains src`), and the
/// generic nouns of `- src/: src stuff`, `- src/: src related files` (issue 9 learner
/// audit): `files`, `stuff`, `things`, `etc`, `important`. So `- data/: data files` says
/// nothing either; `- data/: raw data files`, `- configs/: config files` (a word beside
/// the name) do. Not `code` or `test`: `- src/: source code` says what is there. Any
/// one-letter token is filler too (`a`, the `s` of `src's`).
#[rustfmt::skip]
const FILLER_EN: &[&str] = &[
    "the", "an", "this", "that", "these", "those", "it", "its", "is", "are", "was", "were",
    "be", "been", "for", "of", "in", "on", "at", "to", "from", "with", "and", "or", "as",
    "here", "there", "my", "our", "your", "their", "just", "only", "called", "named",
    "about", "related", "contains", "contain", "containing", "holds", "hold", "has", "have",
    "keeps", "keep", "stores", "goes", "go", "lives", "where", "which",
    "file", "files", "stuff", "thing", "things", "etc", "misc", "various", "other", "others",
    "some", "all", "everything", "important", "main",
];

/// Korean words that say nothing about what a folder holds: demonstratives (`이것`, `여기`),
/// "for"/"about" (`위한`, `관련`), "there is" (`있는`), the copula, and the generic nouns of
/// `- src/: src 관련 파일` (issue 9 learner audit): `파일`, `파일들`, `것들`, `등`, `기타`,
/// `중요한`. A token is filler when it is one of these followed by at most one of
/// [`PARTICLES_KO`] (`이것은`, `여기에는`, `파일입니다`), or a particle alone (what `src는`,
/// `src입니다` leave once the name is taken out). Whole tokens only: `이용`, `이미지`, `저장`,
/// `파일럿` are words, not `이`, `저`, `파일` and something.
// A learner's words, not messages: the register and glossary scans skip the marked lines.
#[rustfmt::skip]
const FILLER_KO: &[&str] = &[
    "이것", "이건", "이거", "여기", "이곳", "거기", "그곳", "그것", "저것", "저기", "것", "곳",
    "거", "이", "그", "저", "위한", "위해", "대한", "관련", "관련된", "관련한", "관한", "그냥", // glossary: a learner's word
    "그저", "바로", "있는", "있다", "있음", "있습니다", "있어요", "들어있는", "들어", "담긴", // glossary: a learner's word
    "담는", "두는", "둔다", "둡니다", "용", "라는", "이라는", "인", "임", "나타냄", // glossary: a learner's word
    "파일", "파일들", "것들", "등", "등등", "기타", "여러", "각종", "모든", "중요한", "중요", // glossary: a learner's word
];
#[rustfmt::skip]
const PARTICLES_KO: [&str; 23] = [
    "은", "는", "이", "가", "을", "를", "의", "에", "에는", "에서", "으로", "로", "도", "만",
    "입니다", "이다", "다", "이고", "인", "임", "이에요", "예요", "에요", // glossary: a learner's word
];

/// Is `token` (lowercase, letters and digits) only a generic word for "folder"?
pub(super) fn generic(token: &str) -> bool {
    GENERIC_EN.contains(&token)
        || GENERIC_KO.iter().any(|stem| {
            token
                .strip_prefix(stem)
                .is_some_and(|rest| rest.chars().all(|c| matches!(c, '가'..='힣')))
        })
}

/// Is `token` (lowercase, letters and digits) a function word or filler (see [`FILLER_EN`],
/// [`FILLER_KO`])?
pub(super) fn filler(token: &str) -> bool {
    if token.chars().count() == 1 && token.is_ascii() || FILLER_EN.contains(&token) {
        return true;
    }
    std::iter::once("")
        .chain(FILLER_KO.iter().copied())
        .any(|stem| {
            token.strip_prefix(stem).is_some_and(|rest| {
                (rest.is_empty() && !stem.is_empty()) || PARTICLES_KO.contains(&rest)
            })
        })
}

/// Is `token` (lowercase) `stem` alone or with one Korean particle or ending after it
/// (`데이터`, `데이터입니다`, `설정은`)?
pub(super) fn with_particle(token: &str, stem: &str) -> bool {
    token
        .strip_prefix(stem)
        .is_some_and(|rest| rest.is_empty() || PARTICLES_KO.contains(&rest))
}

/// The tokens of `text`: runs of letters, digits and `_`.
pub(super) fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !crate::prose::is_letter_or_digit(c) && c != '_')
        .filter(|token| !token.is_empty())
}

/// `text` without the generic words of [`GENERIC_EN`] and [`GENERIC_KO`], so that only what
/// is said about the folder is weighed.
pub(super) fn without_generic(text: &str) -> String {
    tokens(text)
        .filter(|token| !generic(token))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does `text` (lowercase, the names already taken out) hold a word that is neither a generic
/// word for "folder" nor filler: something said about what the folder holds?
pub(super) fn says_something(text: &str) -> bool {
    tokens(text).any(|token| {
        token.chars().any(crate::prose::is_letter) && !generic(token) && !filler(token)
    })
}

#[cfg(test)]
mod tests {
    use super::{explain_weight, says_something};

    #[test]
    fn a_known_acronym_weighs_a_word_and_other_capitals_their_letters() {
        let enough = super::super::EXPLAIN_WEIGHT;
        for text in ["eda", ": eda", "nlp 실험"] {
            assert!(explain_weight(text) >= enough, "{text}");
        }
        for text in ["abc", "xyz", "ed"] {
            assert!(explain_weight(text) < enough, "{text}");
        }
    }

    #[test]
    fn filler_says_nothing_in_either_language() {
        for text in [
            "- : the  folder",
            "this is the  folder",
            "folder for",
            "- : 이것은  폴더",
            "이건  폴더입니다",
            "여기는  디렉터리",
            "는 폴더",
            "입니다",
            "를 위한 폴더",
            "'s folder",
            "it's where  lives",
            "이것은 에 대한 폴더입니다",
            "",
            "- : 2024",
            "- :  관련 파일",
            "- :  stuff",
            "- :  related files",
            "파일들",
            "- : 중요한 파일입니다",
            "things etc",
            "- : 파일 등",
        ] {
            assert!(!says_something(text), "{text}");
        }
    }

    #[test]
    fn content_words_say_something_in_either_language() {
        for text in [
            "모델 코드",
            "소스 코드",
            "코드",
            "the model code",
            "source code",
            "tests for the  loader",
            "이것은 모델 코드입니다",
            "이용",
            "이미지",
            "저장소",
            "unit",
            "raw",
            "탐색용",
            "config files",
            "raw data files",
            "파일럿",
        ] {
            assert!(says_something(text), "{text}");
        }
    }
}
