//! Code blocks a learner is told to copy, declared as parts of an exercise's workspace so that
//! `course validate` can prove the lesson and the exercise agree.
//!
//! A fenced block whose info string names an exercise is an *example*:
//!
//! ````text
//! ```gitignore file=.gitignore exercise=git-workflow
//! /data/
//! ```
//! ```bash run exercise=structure
//! mkdir -p src/model && touch src/__init__.py src/model/__init__.py
//! ```
//! ````
//!
//! - `file=PATH`: the block's text is that file of the workspace (relative, `/`-separated).
//! - `run`: the block is run in the workspace, with `bash` for a `bash` block and `sh` for `sh`.
//! - `exercise=ID[,ID...]`: the exercises it belongs to; in an exercise's prompt or hints it
//!   may be left out (that exercise).
//! - `fixture=NAME`: which example workspace of the exercise it joins; the default is where
//!   it is written (`lesson`, `prompt` or `hint`).
//!
//! The first word stays the language, so the renderer shows `[gitignore]` and nothing else.
//! Blocks without any of these attributes are ordinary code.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

/// What an example block contributes to its workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The block's text is this file (a safe relative path).
    File(String),
    /// The block is a script for this interpreter (`sh` or `bash`).
    Run(&'static str),
}

/// One declared example block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// 1-based line of the opening fence in the text it came from.
    pub line: usize,
    /// Empty when the block does not say (then the source's own exercise applies).
    pub exercises: Vec<String>,
    pub fixture: Option<String>,
    pub action: Action,
    pub text: String,
}

/// A block that declares itself an example but says so wrongly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    pub line: usize,
    pub message: String,
}

/// Every example block in `markdown`, in order.
pub fn examples(markdown: &str) -> Vec<Result<Example, Malformed>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let line = markdown[..range.start].matches('\n').count() + 1;
                open = Some((line, info.to_string(), String::new()));
            }
            Event::Text(text) => {
                if let Some((_, _, body)) = &mut open {
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((line, info, body)) = open.take() {
                    if let Some(parsed) = parse_info(&info, line, body) {
                        out.push(parsed);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// `None` for an ordinary block; else the example or what is wrong with its declaration.
fn parse_info(info: &str, line: usize, text: String) -> Option<Result<Example, Malformed>> {
    let mut words = info.split_whitespace();
    let first = words.next().unwrap_or("");
    let (lang, rest): (&str, Vec<&str>) = if first.contains('=') {
        ("", std::iter::once(first).chain(words).collect())
    } else {
        (first, words.collect())
    };
    let declared = rest.iter().any(|w| {
        *w == "run"
            || ["file=", "exercise=", "fixture="]
                .iter()
                .any(|p| w.starts_with(p))
    });
    if !declared {
        return None;
    }
    let bad = |message: String| Some(Err(Malformed { line, message }));
    let (mut file, mut run, mut exercises, mut fixture) = (None, false, Vec::new(), None);
    for word in rest {
        match word.split_once('=') {
            Some(("file", path)) => file = Some(path.to_string()),
            Some(("exercise", ids)) => {
                exercises = ids.split(',').map(str::to_string).collect();
                if exercises.iter().any(String::is_empty) {
                    return bad(format!("`{word}`: an empty exercise id"));
                }
            }
            Some(("fixture", name)) if safe_name(name) => fixture = Some(name.to_string()),
            Some(("fixture", name)) => {
                return bad(format!(
                    "`fixture={name}`: a fixture name is letters, digits, `-` and `_`"
                ))
            }
            None if word == "run" => run = true,
            _ => {
                return bad(format!(
                    "unknown word `{word}` in the info string of an example block; use file=PATH or run, exercise=ID, fixture=NAME"
                ))
            }
        }
    }
    let action = match (file, run) {
        (Some(_), true) => return bad("an example block is either file=PATH or run, not both".into()),
        (None, false) => {
            return bad("an example block needs file=PATH (its text is that file) or run (its text is run)".into())
        }
        (Some(path), false) => match safe_path(&path) {
            Some(path) => Action::File(path),
            None => {
                return bad(format!(
                    "`file={path}`: give a path relative to the workspace, without `..`, that is not inside `.git/`"
                ))
            }
        },
        (None, true) => match lang {
            "bash" => Action::Run("bash"),
            "sh" => Action::Run("sh"),
            other => {
                return bad(format!(
                    "a `run` block is run with bash or sh, so its language must be `bash` or `sh`, not `{other}`"
                ))
            }
        },
    };
    Some(Ok(Example {
        line,
        exercises,
        fixture,
        action,
        text,
    }))
}

fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `path` with `/` separators when it stays inside the workspace and out of `.git/`.
fn safe_path(path: &str) -> Option<String> {
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let ok = !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains(':')
        && !parts.is_empty()
        && parts
            .iter()
            .all(|p| *p != ".." && !p.eq_ignore_ascii_case(".git"));
    ok.then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_blocks_are_examples_and_others_are_not() {
        let md = "# T\n\n```bash\nls\n```\n\n```gitignore file=.gitignore exercise=git-workflow\n/data/\n```\n\n```bash run exercise=a,b fixture=x\nmkdir src\n```\n";
        let found = examples(md);
        assert_eq!(found.len(), 2);
        let first = found[0].as_ref().unwrap();
        assert_eq!(first.line, 7);
        assert_eq!(first.action, Action::File(".gitignore".into()));
        assert_eq!(first.exercises, ["git-workflow"]);
        assert_eq!(first.text, "/data/\n");
        let second = found[1].as_ref().unwrap();
        assert_eq!(second.action, Action::Run("bash"));
        assert_eq!(second.exercises, ["a", "b"]);
        assert_eq!(second.fixture.as_deref(), Some("x"));
    }

    #[test]
    fn wrong_declarations_say_what_is_wrong() {
        for (info, wanted) in [
            ("text file=../x exercise=e", "relative"),
            ("text file=/etc/passwd", "relative"),
            ("text file=.git/config", "relative"),
            ("text file=a run", "not both"),
            ("text exercise=e", "needs file=PATH"),
            ("python run", "`bash` or `sh`"),
            ("text file=a colour=red", "unknown word `colour=red`"),
            ("text file=a fixture=../x", "fixture name"),
            ("text file=a exercise=a,,b", "empty exercise id"),
        ] {
            let md = format!("```{info}\nx\n```\n");
            let found = examples(&md);
            let err = found[0].as_ref().unwrap_err();
            assert!(err.message.contains(wanted), "{info}: {}", err.message);
            assert_eq!(err.line, 1);
        }
    }

    #[test]
    fn paths_are_normalised() {
        assert_eq!(safe_path("./src//a.py").as_deref(), Some("src/a.py"));
        assert_eq!(safe_path("."), None);
        assert_eq!(safe_path("C:x"), None);
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// Words an info string is made of, including the traps (`..`, absolute paths, `.git`).
        const WORDS: &[&str] = &[
            "text",
            "bash",
            "sh",
            "run",
            "file=a.txt",
            "file=../x",
            "file=/etc/x",
            "file=.git/x",
            "file=src/./b",
            "file=",
            "exercise=e",
            "exercise=a,b",
            "exercise=",
            "fixture=x",
            "fixture=../y",
            "x=y",
            "=",
            "{.c}",
            "한글=값",
        ];

        fn info() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(WORDS), 0..6).prop_map(|w| w.join(" "))
        }

        proptest! {
            /// Any info string and body: no panic, and a file an example declares never leaves
            /// the workspace or enters `.git/`.
            #[test]
            fn declared_files_stay_inside(info in info(), body in "[a-z`~\n ]{0,40}") {
                let md = format!("# T\n\n```{info}\n{body}\n```\n");
                for found in examples(&md) {
                    if let Ok(Example { action: Action::File(path), .. }) = found {
                        prop_assert!(!path.starts_with('/'));
                        prop_assert!(path.split('/').all(|p| p != ".." && p != "." && !p.is_empty()));
                        prop_assert!(!path.split('/').any(|p| p.eq_ignore_ascii_case(".git")));
                    }
                }
            }

            /// Arbitrary Markdown never panics.
            #[test]
            fn any_markdown(md in "(```[a-z=/. ]{0,20}\n|[a-z=`~ \n]){0,60}") {
                let _ = examples(&md);
            }
        }
    }
}
