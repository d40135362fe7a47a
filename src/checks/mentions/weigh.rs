//! How much a line says about a folder, for [`super`]'s `explain: true`: letters weighed with
//! a Hangul syllable as three, after the words that only say "folder" are left out.

/// The amount of text that explains: a Hangul syllable counts three letters, any other letter
/// one. A Korean content word of two syllables (`탐색`, `설정`) says as much as an English
/// word of six letters, so it alone explains a folder; one syllable does not.
pub(super) fn explain_weight(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '가'..='힣' => 3,
            c if crate::prose::is_letter(c) => 1,
            _ => 0,
        })
        .sum()
}

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

/// `text` without the generic words of [`GENERIC_EN`] and [`GENERIC_KO`] (tokens are runs of
/// letters and digits), so that only what is said about the folder is weighed.
pub(super) fn without_generic(text: &str) -> String {
    text.split(|c: char| !crate::prose::is_letter_or_digit(c) && c != '_')
        .filter(|token| {
            let generic_en = GENERIC_EN.contains(token);
            let generic_ko = GENERIC_KO.iter().any(|stem| {
                token
                    .strip_prefix(stem)
                    .is_some_and(|rest| rest.chars().all(|c| matches!(c, '가'..='힣')))
            });
            !token.is_empty() && !generic_en && !generic_ko
        })
        .collect::<Vec<_>>()
        .join(" ")
}
