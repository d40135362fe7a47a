//! Where a learner outside a workspace gets one ([`Start`]: the README's start, or the way
//! back to the workspace nearby), and the language to say it in: the one saved in that
//! workspace. Every command that runs outside a workspace says its start through here, so
//! `course next`, `course lesson`, `course list` and the error of `course check` never
//! disagree on the way or on the language (issue 9).

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Tr};
use crate::tr;
use crate::workspace::Workspace;

/// The language chosen in the workspace at `root` (`course init --lang`), if any. A progress
/// file that cannot be read counts as no choice: it is read bounded, and a run outside a
/// workspace never fails for it.
pub fn saved_lang(root: &Path) -> Option<Lang> {
    Workspace {
        root: root.to_path_buf(),
    }
    .load_state()
    .ok()?
    .lang
}

/// The start from the current folder, its commands for a learner reading `lang` (see
/// [`Start::commands_for`]; `default`: the course's language): for a command that builds no
/// `App` (`course init`).
pub fn commands_here(lang: Lang, default: Lang) -> String {
    let (start, root) = Start::found();
    let plain = root.as_deref().and_then(saved_lang).unwrap_or(default);
    start.commands_for(lang, plain)
}

/// Where a learner outside a workspace gets one: the README's start, or back to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// No workspace in the README's folder yet: make it (whether or not the folder exists).
    New,
    /// `~/my-vla-project/.course` exists: the learner started there (a new terminal on
    /// another day opens in `~`), so the way is back to it, not a second start.
    Back,
    /// A workspace at most two folders below the current one (`~/work/vla` seen from `~`
    /// or `~/work`), as the learner types it after `cd`: the way is back to it too.
    Below(String),
}

impl Start {
    /// Which, on this machine now.
    pub fn here() -> Start {
        Start::found().0
    }

    /// Which, with the workspace it leads back to (none for [`Start::New`]).
    pub fn found() -> (Start, Option<PathBuf>) {
        if let Some(dir) = crate::workspace::readme_workspace() {
            return (Start::Back, Some(dir));
        }
        let Ok(cwd) = std::env::current_dir() else {
            return (Start::New, None);
        };
        match crate::workspace::workspaces_within(&cwd, 2, 1)
            .into_iter()
            .next()
        {
            Some(found) => (Start::Below(cd_argument(&found, &cwd)), Some(found)),
            None => (Start::New, None),
        }
    }

    /// The commands, two lines indented by two, each copyable as it stands and right
    /// whether the folder exists or not: `mkdir -p` (a plain `mkdir` fails on a folder that
    /// exists, and `&&` then skips the `cd`, so `course init` made the current folder, often
    /// `~`, a workspace), and `course init` in a workspace keeps its progress.
    pub fn commands(&self) -> String {
        self.commands_in(None)
    }

    /// [`Start::commands`] that also choose the course's language (`en`, `ko`): `course init
    /// --lang` saves the choice, and in a workspace that exists keeps its progress.
    pub fn commands_in(&self, lang: Option<&str>) -> String {
        let dir = format!("~/{}", crate::workspace::README_FOLDER);
        match (self, lang) {
            (Start::New, None) => {
                format!("  mkdir -p {dir} && cd {dir}\n  course init && course next")
            }
            (Start::New, Some(l)) => {
                format!("  mkdir -p {dir} && cd {dir}\n  course init --lang {l} && course next")
            }
            (Start::Back, None) => format!("  cd {dir}\n  course next"),
            (Start::Back, Some(l)) => {
                format!("  cd {dir}\n  course init --lang {l} && course next")
            }
            (Start::Below(found), None) => format!("  cd {found}\n  course next"),
            (Start::Below(found), Some(l)) => {
                format!("  cd {found}\n  course init --lang {l} && course next")
            }
        }
    }

    /// A line leading to [`Start::commands`] when a page already said what it is about
    /// (the end of a lesson read without a workspace).
    pub fn lead(&self) -> Tr {
        match self {
            Start::New => tr!(
                "To save progress and do the exercises, make your workspace:",
                "진행 상황을 저장하고 연습 문제를 하려면 작업 폴더를 만드십시오:"
            ),
            Start::Back | Start::Below(_) => tr!(
                "To save progress and do the exercises, go back to your workspace:",
                "진행 상황을 저장하고 연습 문제를 하려면 작업 폴더로 돌아가십시오:"
            ),
        }
    }

    /// [`Start::commands`] for a learner reading `lang`: with `--lang` when the plain
    /// commands would lead to another language, `plain` (the one saved in the workspace they
    /// lead back to, else the course's default). A learner who ran `course --lang en` and
    /// pasted `course init && course next` read the rest in Korean.
    pub fn commands_for(&self, lang: Lang, plain: Lang) -> String {
        if lang == plain {
            self.commands()
        } else {
            self.commands_in(Some(lang.code()))
        }
    }

    /// [`Start::lead`] and [`Start::commands_for`], as one text.
    pub fn text_for(&self, lang: Lang, plain: Lang) -> Tr {
        let (lead, commands) = (self.lead(), self.commands_for(lang, plain));
        tr!("{lead}\n{commands}", "{lead}\n{commands}"; lead = lead)
    }
}

/// `found` as typed after `cd`, from `cwd`: `~/work/vla` under the home folder when that
/// needs no quoting (the tilde must stay unquoted to work), else the path from `cwd`, quoted
/// for the shell.
fn cd_argument(found: &Path, cwd: &Path) -> String {
    let home = crate::workspace::home();
    let under_home = home.as_deref().and_then(|h| found.strip_prefix(h).ok());
    if let Some(rest) = under_home.map(|r| r.display().to_string()) {
        if crate::escape::shell_word(&rest) == rest {
            return format!("~/{rest}");
        }
    }
    let shown = found.strip_prefix(cwd).unwrap_or(found);
    crate::escape::shell_word(&shown.display().to_string())
}
