//! Shell completion: `course completions SHELL` prints a script that calls `course` back
//! (clap_complete's `COMPLETE=SHELL course -- WORDS` protocol) each time Tab is pressed, so
//! exercise and lesson ids come from the course itself, not from a list frozen into the
//! script. The course is the one the command being typed would load: its `--course DIR`,
//! else `$COURSE_DIR`, else the built-in one; titles are in the language it would use (its
//! `--lang`, else the usual rule).

use std::ffi::{OsStr, OsString};

use clap_complete::engine::CompletionCandidate;
use clap_complete::env::Shells;

use crate::course::Course;
use crate::i18n::{Lang, Localized};

/// The shells `course completions` writes for.
#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

impl Shell {
    fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
            Shell::Powershell => "powershell",
            Shell::Elvish => "elvish",
        }
    }
}

/// The environment variable that turns a run of `course` into a completion request.
pub const VAR: &str = "COMPLETE";

/// Answer a completion request when `$COMPLETE` is set (the script's call back), and exit;
/// otherwise return at once. Runs before the arguments are parsed.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(<super::Cli as clap::CommandFactory>::command)
        .var(VAR)
        .complete();
}

/// The script that makes `shell` complete `course`, calling back `completer` (the path of
/// this program, so the script and the program always match).
pub fn registration(shell: Shell, completer: &OsStr) -> std::io::Result<Vec<u8>> {
    let shells = Shells::builtins();
    let writer = shells
        .completer(shell.name())
        .expect("clap_complete has every shell of `Shell`");
    let mut out = Vec::new();
    writer.write_registration(
        VAR,
        "course",
        "course",
        &completer.to_string_lossy(),
        &mut out,
    )?;
    Ok(out)
}

/// The course completion is about, or none when it cannot be loaded (then nothing is offered:
/// a broken course is reported when the command runs, not while typing it).
fn course() -> Option<(Course, Lang)> {
    let typed = typed_value(std::env::args_os(), "--course");
    let course = match typed.or_else(|| std::env::var_os("COURSE_DIR").filter(|d| !d.is_empty())) {
        Some(dir) => Course::from_dir(std::path::Path::new(&dir)).ok()?,
        None => Course::embedded().ok()?,
    };
    // `course --lang en hint <Tab>` shows English titles, as the command would print.
    let flag =
        typed_value(std::env::args_os(), "--lang").and_then(|l| Lang::parse(&l.to_string_lossy()));
    let lang = crate::app::chosen_lang(flag, None, course.default_lang);
    Some((course, lang))
}

/// The value of `option` (`--course DIR` or `--course=DIR`) among the words being
/// completed: a completion request is `course -- course WORD...`, and the candidate
/// functions see only this process's arguments.
fn typed_value(args: impl IntoIterator<Item = OsString>, option: &str) -> Option<OsString> {
    let words: Vec<OsString> = args.into_iter().skip_while(|a| a != "--").skip(1).collect();
    let joined = format!("{option}=");
    let mut found = None;
    for (i, word) in words.iter().enumerate() {
        let text = word.to_string_lossy();
        if text == option {
            found = words.get(i + 1).cloned().or(found);
        } else if let Some(value) = text.strip_prefix(&joined) {
            found = Some(OsString::from(value));
        }
    }
    found.filter(|d| !d.is_empty())
}

/// An id with its title as the description (zsh, fish and PowerShell show it), for each of
/// the course's items that `items` picks; none when the course cannot be read (completion
/// must never fail the shell).
fn candidates<T>(
    items: impl Fn(&Course) -> &[T],
    id_and_title: impl Fn(&T) -> (&str, &Localized),
) -> Vec<CompletionCandidate> {
    let Some((course, lang)) = course() else {
        return Vec::new();
    };
    items(&course)
        .iter()
        .map(|item| {
            let (id, title) = id_and_title(item);
            CompletionCandidate::new(id).help(Some(title.get(lang).to_string().into()))
        })
        .collect()
}

/// Exercise ids, with their titles.
pub fn exercises() -> Vec<CompletionCandidate> {
    candidates(|c| &c.exercises, |e| (&e.id, &e.title))
}

/// Lesson ids in course order, with their titles.
pub fn lessons() -> Vec<CompletionCandidate> {
    candidates(|c| &c.lessons, |l| (&l.id, &l.title))
}

/// The commands that have a manual page of their own (`course man COMMAND`).
pub fn commands() -> Vec<CompletionCandidate> {
    let cmd = <super::Cli as clap::CommandFactory>::command();
    cmd.get_subcommands()
        .map(|c| {
            let about = c.get_about().map(|a| a.to_string().into());
            CompletionCandidate::new(c.get_name()).help(about)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> Vec<OsString> {
        w.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_course_typed_on_the_line_is_the_one_completed() {
        let dir = |w: &[&str]| typed_value(words(w), "--course");
        assert_eq!(
            dir(&["course", "--", "course", "--course", "my", "check", ""]),
            Some("my".into())
        );
        assert_eq!(
            dir(&["course", "--", "course", "--course=my", "hint", "r"]),
            Some("my".into())
        );
        assert_eq!(dir(&["course", "--", "course", "check", ""]), None);
        // Before `--` are the completer's own arguments, not the line's.
        assert_eq!(
            dir(&["course", "--course", "x", "--", "course", "check"]),
            None
        );
        // `--course` still being typed has no folder yet.
        assert_eq!(dir(&["course", "--", "course", "--course"]), None);
        let lang = |w: &[&str]| typed_value(words(w), "--lang");
        assert_eq!(
            lang(&["course", "--", "course", "--lang", "en", "hint", ""]),
            Some("en".into())
        );
        assert_eq!(
            lang(&["course", "--", "course", "--lang=ko", "x"]),
            Some("ko".into())
        );
    }
}
