//! Check kind `mentions`: a file (e.g. `README.md`) mentions each given word, so that the
//! learner explains each folder of the project.
//!
//! A word matches case-insensitively wherever the characters right before and after it are
//! not ASCII letters, digits or `_`: `src/`, `` `configs/` ``, `src는`, `configs/에` count,
//! `resources` does not count for `src`. A trailing `/` in a word is optional in the text.
//!
//! With `explain: true` a mention is not enough: each word needs words about it. A line that
//! mentions it must also say something ([`EXPLAIN_WEIGHT`] letters of real text per word it
//! mentions, a Hangul syllable counting three, so that a two-syllable word such as `탐색`
//! explains; see [`crate::prose`]): `- `data/`: 데이터셋`, `| src/ | the code |`,
//! `| notebooks | 탐색 |`. Words that only say "folder" (`폴더`, `folder`, `directory`,
//! `dir` and the Korean spellings of directory, with a Korean particle or not) are not weighed: `- src: src 폴더`
//! explains nothing. Nor does a line whose other words are all function words or filler
//! (`- src/: the src folder`, `this is the src folder`, `- src: 이것은 src 폴더`): beside the
//! names and the words for "folder" it needs one word of its own (`코드`, `the model code`,
//! `tests for the data loader`; see `weigh`). The first mention of a name is its label; a later one counts as a
//! word of the explanation, since English explains a folder with its own name
//! (`- tests/: unit tests`, `- data/: raw data`), but only beside other words: the other
//! words alone must be real text. A line that sets its label apart (before its first `:`, or
//! a table row's first cell) labels only the names there: another folder's name after it is
//! a word (`- notebooks/: data exploration`), and the line does not explain that folder. A line holding only the name (a heading `## src`, a list
//! item) is explained by the next non-empty line when that line names no other word. A bare
//! list of the names (repeated or not), or the names on one line with `폴더가 있다`, is not
//! an explanation; nor are generic nouns beside the name (`- src/: src 관련 파일`, `src
//! stuff`, `related files`: see `weigh`), nor the same words written for two or more
//! folders on their own lines (`same`: `- src/: 프로젝트 코드` under every folder), nor the
//! folder's name in Korean (`- src/: 소스`, `- configs/: 설정`) or keyboard mash
//! (`- src/: asdf`), each told as what it is (`restate`).

use serde::Deserialize;

use super::shared::{clean, read_file};
use super::{CheckContext, Code, Finding, Group};
use crate::tr;

mod restate;
mod same;
mod weigh;
use weigh::{explain_weight, says_something, without_generic};

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The file, relative to the workspace root.
    pub file: String,
    /// Words the file must mention.
    #[serde(default)]
    pub words: Vec<String>,
    /// Each word must be explained, not only named (see the module docs).
    #[serde(default)]
    pub explain: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            file: "README.md".to_string(),
            words: Vec::new(),
            explain: false,
        }
    }
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let file = clean(&params.file);
    let text = match read_file(ctx, &file) {
        Ok(text) => text.to_ascii_lowercase(),
        Err(mut finding) => {
            if finding.code == Code::FileMissing {
                let list = params.words.join(", ");
                finding.hint = Some(tr!(
                    "create `{file}` and explain in it what each of these is for: {list}",
                    "`{file}`을(를) 만들고 다음 각각의 역할을 설명하십시오: {list}"
                ));
            }
            return vec![*finding];
        }
    };
    if params.explain {
        return explained(&file, &text, &params.words);
    }

    let mut findings = Vec::new();
    for word in &params.words {
        if mentions(&text, word) {
            continue;
        }
        let bare = word.trim_end_matches('/');
        let folder = format!("{bare}/");
        findings.push(
            Finding::fail(
                Code::MentionsMissingWord,
                tr!(
                    "`{file}` does not mention `{word}`",
                    "`{file}`에 `{word}` 설명이 없습니다"
                ),
            )
            .file_named(&file)
            .hint(tr!(
                "add a line to `{file}` explaining the role of `{folder}`: what goes there and why",
                "`{file}`에 `{folder}`의 역할, 곧 무엇을 왜 두는 곳인지 설명하는 줄을 추가하십시오"
            ))
            .group(missing_group(&file, word)),
        );
    }
    if findings.is_empty() {
        findings.push(all_there(&file, params.words.len(), false));
    }
    findings
}

/// Letters of real text a line needs per word it mentions, to count as explaining them.
pub const EXPLAIN_WEIGHT: usize = 6;

/// The findings of `explain: true`: for each word, a line about it, or why there is none.
fn explained(file: &str, text: &str, words: &[String]) -> Vec<Finding> {
    let lines: Vec<&str> = text.lines().collect();
    let mut findings = Vec::new();
    // Named but not explained: one finding for all of them (a bare list names them all).
    let mut unexplained: Vec<(&str, usize)> = Vec::new();
    let mut ok_words: Vec<&String> = Vec::new();
    // The lines that would explain each word, before one explanation written for several
    // folders is taken out (see `same`).
    let found: Vec<(&String, Option<usize>, Vec<same::Said>)> = words
        .iter()
        .map(|word| {
            let (said, first) = explained_word(&lines, words, word);
            (word, first, said)
        })
        .collect();
    let shared = same::shared(&found);
    // Each explanation several folders share, with those folders and its first line, when
    // one of them has no other.
    let mut repeats: Vec<(&String, Vec<&str>, usize)> = Vec::new();
    for key in &shared {
        let with: Vec<(&str, usize)> = found
            .iter()
            .filter_map(|(w, _, said)| {
                let s = said.iter().find(|s| &s.key == key)?;
                Some((w.as_str(), s.line))
            })
            .collect();
        let only = |w: &str| {
            found
                .iter()
                .any(|(o, _, said)| o.as_str() == w && said.iter().all(|s| shared.contains(&s.key)))
        };
        if with.iter().any(|(w, _)| only(w)) {
            let line = with.iter().map(|&(_, l)| l).min().unwrap_or(0);
            repeats.push((key, with.into_iter().map(|(w, _)| w).collect(), line));
        }
    }
    for (word, first, said) in &found {
        if said.iter().any(|s| !shared.contains(&s.key)) {
            ok_words.push(word);
        } else if !said.is_empty() {
            // Explained only with words it shares with other folders: `repeats` says so.
        } else {
            match first {
                Some(line) => unexplained.push((word.as_str(), *line)),
                None => findings.push(
                    Finding::fail(
                        Code::MentionsMissingWord,
                        tr!(
                            "`{file}` does not mention `{word}`",
                            "`{file}`에 `{word}` 설명이 없습니다"
                        ),
                    )
                    .file_named(file)
                    .group(missing_group(file, word)),
                ),
            }
        }
    }
    // Mash and a name said again in other words are told as what they are (`restate`).
    let (unexplained, said) = restate::split(&lines, words, &unexplained);
    findings.splice(0..0, restate::findings(file, &said));
    if let Some(&(_, line)) = unexplained.first() {
        findings.insert(0, not_explained(file, &unexplained, line));
    }
    // One fix for every finding of the file, so the report shows it once: its example is
    // the first folder that needs a line.
    if let Some(example) = words.iter().find(|w| !ok_words.contains(w)) {
        let hint = explain_hint(file, example, words);
        for f in &mut findings {
            f.hint = Some(hint.clone());
            if let Some(g) = &mut f.group {
                g.hint = hint.clone();
            }
        }
    }
    // One explanation for several folders names them and its words in its own fix.
    findings.extend(
        repeats
            .iter()
            .map(|(key, words, line)| same::finding(file, key, words, *line)),
    );
    if findings.is_empty() {
        findings.push(all_there(file, words.len(), true));
    }
    findings
}

/// `file` names `unexplained` (the first on `line`) but says nothing about them.
fn not_explained(file: &str, unexplained: &[(&str, usize)], line: usize) -> Finding {
    let names = unexplained
        .iter()
        .map(|(w, _)| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let (en, ko) = if unexplained.len() == 1 {
        ("it is", "하는 곳인지")
    } else {
        ("each is", "하는 곳인지 각각")
    };
    Finding::fail(
        Code::MentionsNotExplained,
        tr!(
            "`{file}` names {names} but does not say what {en} for",
            "`{file}`에 {names}의 이름만 있고 무엇을 {ko} 설명이 없습니다"
        ),
    )
    .file_named(file)
    .line(line as u32)
}

/// The lines of `lines` that explain `word` (see the module docs), each with what it says
/// of it, and the first line (1-based) that mentions it.
fn explained_word(
    lines: &[&str],
    words: &[String],
    word: &str,
) -> (Vec<same::Said>, Option<usize>) {
    // The first mention of each name is the label; a later one is a word of the explanation
    // (`- tests/: unit tests`, `- data/: raw data`), as long as something else is said too.
    // `labels`: the names the line labels (`None`: a line after a heading, which labels
    // none). What it says: the line without its labels, as `same` compares it.
    let says_enough = |line: &str, labels: Option<&[String]>| {
        let said = match labels {
            Some(labels) => without_first_words(line, labels),
            None => line.to_string(),
        };
        let names = labels.map_or(1, |l| l.len().max(1));
        let others = without_words(line, words);
        (crate::prose::check(&without_generic(&others)).is_ok()
            && says_something(&others)
            // What it says beside its labels: another folder's name is a word of it.
            && restate::empty(&said, words).is_none()
            && explain_weight(&without_generic(&said)) >= EXPLAIN_WEIGHT * names)
            .then_some(said)
    };
    let mut first = None;
    let mut found: Vec<same::Said> = Vec::new();
    // A line written again says what it said: only the first copy is weighed.
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        // Enough different explanations to know the folder is explained unless every one
        // is shared: the rest of a long file need not be weighed (a README of 45,000 lines
        // naming the folders took 30 times as long when each was).
        if same::enough(&found) {
            break;
        }
        if !mentions(line, word) || !seen.insert(line) {
            continue;
        }
        first.get_or_insert(i + 1);
        // A line that sets its label apart labels only the names there; another name on it
        // is a word of its explanation (`- notebooks/: data exploration`), which that line
        // does not explain.
        let labels = label_words(line, words).unwrap_or_else(|| {
            words
                .iter()
                .filter(|w| mentions(line, w))
                .cloned()
                .collect()
        });
        if !labels.iter().any(|w| w == word) {
            continue;
        }
        if let Some(said) = says_enough(line, Some(&labels)) {
            same::add(&mut found, same::Said::new(i, &said));
            continue;
        }
        // `## src` or `- src` alone: the explanation may follow on the next line, which
        // may use the name as a word (`## tests` / `Unit tests`) but names no other.
        let rest = without_words(line, words);
        let only_this = |next: &str| words.iter().all(|w| w == word || !mentions(next, w));
        if says_something(&rest) {
            continue;
        }
        let next = lines[i + 1..]
            .iter()
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty());
        if let Some((j, next)) = next.filter(|(_, next)| only_this(next)) {
            if let Some(said) = says_enough(next, None) {
                same::add(&mut found, same::Said::new(i + 1 + j, &said));
            }
        }
    }
    (found, first)
}

/// The names `line` labels when it sets a label apart: those before its first `:`
/// (`- notebooks/: data exploration`, `src는 코드: 모델`) or in its first table cell (`|
/// notebooks | data exploration |`). `None` when it sets none apart or names none there
/// (prose: every name on it is a label).
fn label_words(line: &str, words: &[String]) -> Option<Vec<String>> {
    let t = line.trim_start();
    let end = match t.strip_prefix('|') {
        Some(rest) => rest.find('|').map(|i| line.len() - t.len() + 1 + i),
        None => line.find(':'),
    }?;
    let label = &line[..end];
    let named: Vec<String> = words
        .iter()
        .filter(|w| mentions(label, w))
        .cloned()
        .collect();
    (!named.is_empty()).then_some(named)
}

/// How to explain the folders. The same for every finding of the file, so the report shows
/// it once: it names the first folder that needs a line, and its example explains a folder
/// the file is not asked about (a line pasted from the fix must not pass for a course word).
fn explain_hint(file: &str, word: &str, words: &[String]) -> crate::i18n::Tr {
    let folder = format!("{}/", word.trim_end_matches('/'));
    let examples = [
        (
            "docs/",
            "how-to guides and design notes",
            "사용법 안내와 설계 문서",
        ),
        ("assets/", "images the documents show", "문서에 넣는 그림"),
    ];
    let (name, en, ko) = examples
        .into_iter()
        .find(|(name, ..)| !words.iter().any(|w| mentions(name, w)))
        .unwrap_or(examples[0]);
    tr!(
        "in `{file}`, write one line per folder saying in your own words what goes there and why, starting with `{folder}`; e.g. `- {name}: {en}` (a list of names explains nothing)",
        "`{file}`에 `{folder}`부터 폴더마다 한 줄씩, 그 폴더에 무엇을 왜 두는지 자기 말로 쓰십시오. 예: `- {name}: {ko}` (이름만 나열하면 설명이 되지 않습니다)"
    )
}

/// The pass: `file` mentions (or, `explained`, explains) every expected name, one or all `n`.
fn all_there(file: &str, n: usize, explained: bool) -> Finding {
    let message = match (explained, n) {
        (false, 1) => tr!(
            "`{file}` mentions the expected name",
            "`{file}`에 필요한 이름이 나옵니다"
        ),
        (false, _) => tr!(
            "`{file}` mentions all {n} expected names",
            "`{file}`에 필요한 이름 {n}개가 모두 나옵니다"
        ),
        (true, 1) => tr!(
            "`{file}` explains the expected name",
            "`{file}`에 필요한 이름의 설명이 있습니다"
        ),
        (true, _) => tr!(
            "`{file}` explains all {n} expected names",
            "`{file}`에 필요한 이름 {n}개의 설명이 모두 있습니다"
        ),
    };
    Finding::pass(Code::MentionsOk, message).file_named(file)
}

/// The group of names `file` does not mention: one sentence and the list.
fn missing_group(file: &str, word: &str) -> Group {
    Group::new(
        tr!(
            "`{file}` does not mention these names",
            "`{file}`에 다음 이름의 설명이 없습니다"
        ),
        word.trim_end_matches('/'),
        tr!(
            "add a line to `{file}` for each of them, explaining the folder's role: what goes there and why",
            "`{file}`에 각각 그 폴더의 역할, 곧 무엇을 왜 두는 곳인지 설명하는 줄을 추가하십시오"
        ),
    )
}

/// `line` with every whole-word mention of `words` blanked out.
fn without_words(line: &str, words: &[String]) -> String {
    blanked(line, words, usize::MAX)
}

/// `line` with the first whole-word mention of each of `words` blanked out: the names it
/// labels, leaving the words that explain them.
fn without_first_words(line: &str, words: &[String]) -> String {
    blanked(line, words, 1)
}

/// `line` with up to `times` whole-word mentions of each of `words` blanked out (each one
/// replaced by a space). One pass per word: after a mention is blanked the search goes on
/// from the space that replaced it (a space never makes a mention to its left), so a long
/// hostile line of the same name costs linear time, not a search from the start and a shift
/// of the rest per mention (an 800 KB README took seconds).
fn blanked(line: &str, words: &[String], times: usize) -> String {
    let mut text = line.to_string();
    for word in words {
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        let mut n = 0;
        // `rest` starts right after a blank (or at the line's start): a mention at its
        // first byte has a word boundary before it, as `find_word` assumes at 0.
        while n < times {
            let Some((start, end)) = find_word(rest, word, 0) else {
                break;
            };
            out.push_str(&rest[..start]);
            out.push(' ');
            rest = &rest[end..];
            n += 1;
        }
        out.push_str(rest);
        text = out;
    }
    text
}

fn is_word_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Does `text` (already ASCII-lowercased) mention `word` as a whole word?
fn mentions(text: &str, word: &str) -> bool {
    word.trim().trim_end_matches('/').is_empty() || find_word(text, word, 0).is_some()
}

/// Where `word` (trailing `/` optional in the text) first occurs as a whole word in `text`
/// (already ASCII-lowercased) at or after `from`: the byte range, with a `/` right after it.
fn find_word(text: &str, word: &str, mut from: usize) -> Option<(usize, usize)> {
    let word = word.trim().trim_end_matches('/');
    // Lowercased only when it has capitals (course words rarely do): it is asked per line.
    let word: std::borrow::Cow<str> = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        word.to_ascii_lowercase().into()
    } else {
        word.into()
    };
    if word.is_empty() {
        return None;
    }
    let hay = text.as_bytes();
    let w = word.as_bytes();
    while let Some(start) = find_bytes(hay, w, from) {
        let end = start + w.len();
        let before_ok = start == 0 || !is_word_char(hay[start - 1]) || !is_word_char(w[0]);
        let after_ok = end == hay.len() || !is_word_char(hay[end]) || !is_word_char(w[w.len() - 1]);
        if before_ok && after_ok {
            let end = if hay.get(end) == Some(&b'/') {
                end + 1
            } else {
                end
            };
            return Some((start, end));
        }
        // Advance by one character (the word may start with a multi-byte one).
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Where `needle` (not empty) first occurs in `hay` at or after `from`. The words looked for
/// are a few bytes long and the lines short: finding the first byte (with `memchr`) and
/// comparing the rest costs less than setting up `str::find`'s two-way searcher, which took
/// about 30k instructions per graded submission (150 searches).
fn find_bytes(hay: &[u8], needle: &[u8], mut from: usize) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    while from + needle.len() <= hay.len() {
        let i = from + memchr::memchr(first, &hay[from..hay.len() - rest.len()])?;
        if hay[i + 1..].starts_with(rest) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

#[cfg(test)]
mod tests;
