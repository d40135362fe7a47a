//! Exit codes, documented in the README, and how errors reach the user.
//!
//! "Failed" and "broken" never share a code: a check that found a problem is 1, a check
//! that could not run at all is 3, and bad input (usage, course files, workspace) is 2.

use std::process::ExitCode;

use crate::i18n::Tr;

/// Everything `course` can end with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// Success; every selected exercise passed.
    Ok = 0,
    /// The checks ran and at least one exercise failed.
    Failed = 1,
    /// Usage error, a broken course file, or input `course` cannot work with.
    Usage = 2,
    /// A check could not run (for example an interpreter that hangs or crashes).
    CheckError = 3,
    /// Interrupted: Ctrl-C (as a signal, or as a key on an interactive screen).
    Interrupted = 130,
}

impl From<Code> for ExitCode {
    fn from(code: Code) -> ExitCode {
        ExitCode::from(code as u8)
    }
}

/// An error the user caused and can fix; carries its exit code. The message is kept in
/// every language and shown in the run's language ([`run_lang`]) when it is printed, so one
/// made before the language was decided (a course file, the workspace's progress) still
/// matches the `error:` prefix before it.
#[derive(Debug)]
pub struct UserError {
    pub code: Code,
    pub message: Tr,
}

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message.get(run_lang()))
    }
}

impl std::error::Error for UserError {}

/// Shorthand for returning a usage-class error with a message that says how to fix it,
/// already in the language of the run.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    usage_tr(Tr::same(message))
}

/// [`usage`] with the message in every language (`tr!`), shown in the run's language.
pub fn usage_tr(message: Tr) -> anyhow::Error {
    UserError {
        code: Code::Usage,
        message,
    }
    .into()
}

/// The context of an error (`.with_context(|| said(tr!(..)))`) in every language, shown in
/// the run's language when printed: what `course` was doing when an I/O error came.
#[derive(Debug)]
pub struct Said(Tr);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.get(run_lang()))
    }
}

/// See [`Said`].
pub fn said(text: Tr) -> Said {
    Said(text)
}

/// The language of the run once it is known (0: not yet, else 1 + the index in `Lang::ALL`),
/// so that the `error:` prefix matches the message after it (issue 9).
static LANG: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Remember the language messages are written in (called when the run's language is decided).
pub fn set_lang(lang: crate::i18n::Lang) {
    let i = crate::i18n::Lang::ALL
        .iter()
        .position(|l| *l == lang)
        .unwrap_or(0);
    LANG.store(i as u8 + 1, std::sync::atomic::Ordering::Relaxed);
}

/// The language of the run ([`set_lang`]), English before it is known: for the few parts
/// that speak but are not handed the language (the pager's status line).
pub fn run_lang() -> crate::i18n::Lang {
    match LANG.load(std::sync::atomic::Ordering::Relaxed) {
        0 => crate::i18n::Lang::En,
        n => crate::i18n::Lang::ALL[usize::from(n - 1).min(crate::i18n::Lang::ALL.len() - 1)],
    }
}

/// Print an error chain as `error: outer: inner` (`오류:` in Korean) with `show` (which wraps
/// it to the width and writes it to stderr) and pick its exit code.
pub fn report_error(err: &anyhow::Error, show: impl FnOnce(&str)) -> ExitCode {
    let code = err
        .chain()
        .find_map(|e| e.downcast_ref::<UserError>())
        .map_or(Code::Usage, |e| e.code);
    let (error, caused_by) = match run_lang() {
        crate::i18n::Lang::Ko => ("오류", "원인"),
        crate::i18n::Lang::En => ("error", "caused by"),
    };
    let mut text = String::new();
    for (i, cause) in err.chain().enumerate() {
        if i > 0 {
            text.push_str(&format!("\n  {caused_by}: "));
        }
        text.push_str(&cause.to_string());
    }
    show(&format!("{error}: {text}"));
    code.into()
}
