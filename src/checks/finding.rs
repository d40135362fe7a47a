//! A finding: what a check says about the workspace, as data (a status, a stable code, the
//! file and line) with its text beside it, and the group it joins in the text report when
//! several findings of one code say the same thing about different files.

use serde::{Deserialize, Serialize};

use super::Code;
use crate::i18n::Tr;

/// What a finding says about the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Skip,
    Fail,
    /// The check could not run (timeout, crash); distinct from "found a problem".
    Error,
}

/// One result of a check: what is right or wrong, where, and how to fix it. The code is
/// the data (stable, see [`crate::checks::codes`]); the message and hint are its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The check kind (filled in by [`crate::checks::Check::run`] when a kind leaves it empty).
    pub check: String,
    pub code: Code,
    pub status: Status,
    pub message: Tr,
    /// Path relative to the workspace root, with `/` separators.
    pub file: Option<String>,
    /// The message already names `file` (set by [`Finding::file_named`]), so a report that
    /// shows the location does not say it twice.
    pub names_file: bool,
    pub line: Option<u32>,
    pub hint: Option<Tr>,
    /// How it reads beside others of the same code in one exercise (the text report shows
    /// them as one problem); `None` for a finding that always stands alone.
    pub group: Option<Group>,
    /// What the fix asks that a finding of another kind may ask too, as keys
    /// ([`ignore_line`]): two kinds that both want `.venv/` in `.gitignore` say it once.
    pub asks: Vec<String>,
    /// The fix to give instead when earlier findings of the exercise ask every one of
    /// `asks` already: it refers to them rather than telling the learner the same thing
    /// twice (`grading::run_exercise` swaps it in).
    pub hint_after: Option<Tr>,
    /// `hint` is `hint_after`, swapped in: it refers to an earlier finding's fix, so a report
    /// shows it as it is, never as "the same fix as above" (which read as "do it again").
    pub refers: bool,
}

/// The key of "add the line `pattern` to `.gitignore`" in [`Finding::asks`].
pub fn ignore_line(pattern: &str) -> String {
    format!(".gitignore: {pattern}")
}

/// What a finding brings to a group of findings of the same code: the text report shows six
/// paths `.gitignore` misses as one sentence, the list of paths and one fix naming all of
/// them (one `.gitignore` block, one `touch`, one `pip install`), where each finding alone
/// would repeat the same explanation and fix. The findings stay one each in the data (JSON,
/// JUnit, GitHub annotations); only people's text is grouped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The sentence for all of them; the report lists the items under it.
    pub message: Tr,
    /// What this finding is about, as the list shows it (`torch`, `src/data/`).
    pub item: String,
    /// The fix for all of them. [`Group::WORDS`] stands for every finding's `word` joined by
    /// spaces (the arguments of one command), [`Group::LINES`] for every finding's `line`, each
    /// on a line of its own (a block to paste into a file); repeated words and lines once.
    pub hint: Tr,
    /// This finding's argument in the group's command (a quoted path, a package name).
    pub word: String,
    /// This finding's line in the group's block (a `.gitignore` pattern); several lines
    /// joined by `\n` (a comment above its pattern) stay together, each indented.
    pub line: String,
}

impl Group {
    /// In [`Group::hint`]: the words of every finding of the group, joined by spaces.
    pub const WORDS: &'static str = "{words}";
    /// In [`Group::hint`]: the lines of every finding of the group, one per line, indented as
    /// a block to copy.
    pub const LINES: &'static str = "{lines}";

    /// A group entry with a sentence, an item and a fix; `word` and `line` as the fix uses them.
    pub fn new(message: Tr, item: impl Into<String>, hint: Tr) -> Group {
        Group {
            message,
            item: item.into(),
            hint,
            word: String::new(),
            line: String::new(),
        }
    }
    /// The fix for all of them, in place of the one given to [`Group::new`].
    pub fn hint(mut self, hint: Tr) -> Group {
        self.hint = hint;
        self
    }
    pub fn word(mut self, word: impl Into<String>) -> Group {
        self.word = word.into();
        self
    }
    pub fn line(mut self, line: impl Into<String>) -> Group {
        self.line = line.into();
        self
    }
}

impl Finding {
    fn new(status: Status, code: Code, message: Tr) -> Finding {
        Finding {
            check: String::new(),
            code,
            status,
            message,
            file: None,
            names_file: false,
            line: None,
            hint: None,
            group: None,
            asks: Vec::new(),
            hint_after: None,
            refers: false,
        }
    }
    pub fn pass(code: Code, message: Tr) -> Finding {
        Finding::new(Status::Pass, code, message)
    }
    pub fn fail(code: Code, message: Tr) -> Finding {
        Finding::new(Status::Fail, code, message)
    }
    pub fn skip(code: Code, message: Tr) -> Finding {
        Finding::new(Status::Skip, code, message)
    }
    pub fn error(code: Code, message: Tr) -> Finding {
        Finding::new(Status::Error, code, message)
    }
    /// Where the finding is; the message does not name the file.
    pub fn file(mut self, file: impl Into<String>) -> Finding {
        self.file = Some(file.into());
        self.names_file = false;
        self
    }
    /// Where the finding is, when the message already names the file ("`README.md` does
    /// not exist").
    pub fn file_named(mut self, file: impl Into<String>) -> Finding {
        self.file = Some(file.into());
        self.names_file = true;
        self
    }
    pub fn line(mut self, line: u32) -> Finding {
        self.line = Some(line);
        self
    }
    pub fn hint(mut self, hint: Tr) -> Finding {
        self.hint = Some(hint);
        self
    }
    /// How the finding reads in a group of its code (see [`Group`]).
    pub fn group(mut self, group: Group) -> Finding {
        self.group = Some(group);
        self
    }
    /// The fix asks `key` (see [`Finding::asks`]).
    pub fn asks(mut self, key: String) -> Finding {
        self.asks.push(key);
        self
    }
    /// The fix when earlier findings ask all of [`Finding::asks`] already.
    pub fn hint_after(mut self, hint: Tr) -> Finding {
        self.hint_after = Some(hint);
        self
    }
    pub fn check(mut self, check: impl Into<String>) -> Finding {
        self.check = check.into();
        self
    }
}
