//! `course`: a terminal course runner.
//!
//! Data flows one way: command-line arguments build an [`app::App`] (course, workspace,
//! language, terminal), then a command either renders lessons or runs checks and hands
//! their findings to a report.

#![forbid(unsafe_code)]

pub mod app;
pub mod archive;
pub mod cache;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod course;
pub mod csvfile;
pub mod escape;
pub mod exit;
pub mod fs;
pub mod git;
pub mod grading;
pub mod hash;
pub mod i18n;
pub mod pager;
pub mod pip;
pub mod process;
pub mod prose;
pub mod python;
pub mod render;
pub mod report;
pub mod sandbox;
pub mod terminal;
pub mod walk;
pub mod workspace;
pub mod yaml;

use std::process::ExitCode;

/// Parse arguments, run the command, and turn its outcome into a documented exit code.
pub fn main() -> ExitCode {
    // The sandbox's hidden modes come first: they are not commands of the user's.
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if let Some(result) = sandbox::hidden_main(&args) {
        // Typed by hand: said like any usage error, in the language `--help` would use.
        return result.unwrap_or_else(|misuse| {
            let all: Vec<std::ffi::OsString> = std::env::args_os().collect();
            let lang = cli::help_lang(&all);
            exit::set_lang(lang);
            let term = terminal::Term::detect(terminal::Asked::default());
            let err = exit::usage(misuse.text().get(lang));
            exit::report_error(&err, |text| term.note(text))
        });
    }
    // A shell asking for completions (`COMPLETE=bash course -- ...`) is answered and exits.
    cli::complete::answer_if_asked();
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let term = cli.global.term();
    match commands::dispatch(cli) {
        Ok(code) => code.into(),
        Err(err) => exit::report_error(&err, |text| term.note(text)),
    }
}
