//! `--help` and usage errors in Korean (issue 9): the clap definitions stay in English (the
//! doc comments are the reference), and when the language rule picks Korean the built
//! command gets Korean headings, descriptions and examples, and clap's common errors are
//! said in Korean. Text without a translation here stays as clap has it.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;

use crate::i18n::particles;

/// The help layout with Korean headings (clap's default template with `사용법:`).
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\n사용법: {usage}\n\n{all-args}{after-help}";

mod texts;

use texts::{ARGS, COMMANDS, VALUES};

/// `help ci init` and `ci help init` describe what `ci init` does: the same text.
fn command_text(path: &str) -> Option<(&'static str, &'static str)> {
    let path = path.strip_prefix("help ").unwrap_or(path);
    let path = match path.split_once(" help") {
        _ if path.ends_with(" help") => "help".to_string(),
        Some((group, rest)) => format!("{group}{rest}"),
        None => path.to_string(),
    };
    COMMANDS
        .iter()
        .find(|(p, _, _)| *p == path)
        .map(|(_, about, after)| (*about, *after))
}

fn arg_text(path: &str, id: &str) -> Option<&'static str> {
    let own = format!("{path}/{id}");
    ARGS.iter()
        .find(|(key, _)| *key == own)
        .or_else(|| ARGS.iter().find(|(key, _)| *key == id))
        .map(|(_, text)| *text)
}

/// What clap would print after a description as `[default: …]`, `[possible values: …]` and
/// `[env: …]`, in Korean, so that the Korean help has no English brackets: values that have a
/// description of their own are listed one per line with the Korean one ([`VALUES`]).
fn value_notes(a: &clap::Arg) -> String {
    let mut out = String::new();
    if !a.get_action().takes_values() {
        // A flag: clap shows its env only.
        return env_note(a);
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        out.push_str(&format!(" [기본: {}]", defaults.join(", ")));
    }
    let values: Vec<_> = a
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        if values.iter().any(|v| v.get_help().is_some()) {
            out.push_str("\n가능한 값:");
            for v in &values {
                let name = v.get_name();
                match value_text(name) {
                    Some(text) => out.push_str(&format!("\n  - {name}: {text}")),
                    None => out.push_str(&format!("\n  - {name}")),
                }
            }
        } else {
            let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
            out.push_str(&format!(
                " {}",
                whole(&format!("[가능한 값: {}]", names.join(", ")))
            ));
        }
    }
    out.push_str(&env_note(a));
    out
}

/// `note` with its spaces made no-break spaces, so that clap's wrapping (which breaks only
/// at ASCII spaces) moves it whole: `[가능한 값: ko,` / `en]` across two lines read as two
/// notes (issue 9). The notes are short lists and names; a longer one stays breakable.
fn whole(note: &str) -> String {
    if unicode_width::UnicodeWidthStr::width(note) > MAX_WHOLE {
        return note.to_string();
    }
    note.replace(' ', "\u{a0}")
}

/// The widest note kept whole: the description column is 50 columns wide at 60.
const MAX_WHOLE: usize = 48;

fn env_note(a: &clap::Arg) -> String {
    match a.get_env() {
        Some(env) if !a.is_hide_env_set() => {
            let env = env.to_string_lossy();
            match std::env::var(&*env) {
                Ok(v) if !a.is_hide_env_values_set() => {
                    format!(" {}", whole(&format!("[환경 변수: {env}={v}]")))
                }
                _ => format!(" {}", whole(&format!("[환경 변수: {env}]"))),
            }
        }
        _ => String::new(),
    }
}

fn value_text(name: &str) -> Option<&'static str> {
    VALUES
        .iter()
        .find(|(key, _)| *key == name)
        .map(|(_, text)| *text)
}

/// The command with Korean help: `cmd` must be built (so that `help` and `version` exist).
pub fn localize(cmd: Command) -> Command {
    walk(cmd, "")
}

fn walk(mut cmd: Command, parent: &str) -> Command {
    let name = cmd.get_name().to_string();
    let path = match parent {
        "" if name == "course" => name.clone(),
        "" | "course" => name.clone(),
        p => format!("{p} {name}"),
    };
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let text = arg_text(&path, &id);
        cmd = cmd.mut_arg(id, |a| {
            let a = match text {
                Some(t) => {
                    let help = format!("{t}{}", value_notes(&a));
                    a.help(help)
                        .long_help(None::<&str>)
                        .hide_default_value(true)
                        .hide_possible_values(true)
                        .hide_env(true)
                }
                None => a,
            };
            if positional {
                a.help_heading("인자")
            } else {
                a.help_heading("옵션")
            }
        });
    }
    if let Some((about, after)) = command_text(&path) {
        cmd = cmd.about(about).long_about(None::<&str>);
        if !after.is_empty() {
            cmd = cmd.after_help(after).after_long_help(None::<&str>);
        }
    }
    let after = cmd.get_after_help().map(|s| {
        s.to_string()
            .replace("Examples:", "예:")
            .replace("Exit codes:", "종료 코드:")
    });
    if let Some(after) = after {
        cmd = cmd.after_help(after);
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        let here = path.clone();
        cmd = cmd.mut_subcommand(sub, |s| walk(s, &here));
    }
    cmd.help_template(TEMPLATE).subcommand_help_heading("명령")
}

fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The members of a required group as clap names it (`<EXERCISE|--all>`), listed for a
/// sentence (`<EXERCISE>, --all`); `None` for a single argument.
fn one_of(arg: &str) -> Option<String> {
    let inner = arg.strip_prefix('<')?.strip_suffix('>')?;
    let parts: Vec<String> = inner
        .split('|')
        .map(|p| match p.starts_with('-') {
            true => p.to_string(),
            false => format!("<{p}>"),
        })
        .collect();
    (parts.len() > 1).then(|| parts.join(", "))
}

/// A usage error in Korean: `오류:` and what is wrong, a suggestion when clap has one, the
/// usage line and where to read more. `None` for help and version output (not errors).
pub fn error_text(e: &clap::Error) -> Option<String> {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    let what = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return None,
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        // clap says "unexpected argument" for both: `--bogus` is an option, `.` is not.
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            format!("알 수 없는 옵션 `{arg}`이(가) 있습니다")
        }
        ErrorKind::UnknownArgument => format!("이 명령은 인자 `{arg}`을(를) 받지 않습니다"),
        ErrorKind::InvalidSubcommand => {
            let sub = context(e, ContextKind::InvalidSubcommand);
            format!("`{sub}`은(는) 없는 명령입니다")
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("`{arg}`에는 값이 필요합니다"),
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue);
            let mut s = format!("`{arg}`에 `{value}`은(는) 쓸 수 없습니다");
            if !valid.is_empty() {
                s.push_str(&format!(" (가능한 값: {valid})"));
            }
            s
        }
        ErrorKind::ValueValidation => format!("`{arg}`의 값 `{value}`이(가) 올바르지 않습니다"),
        ErrorKind::MissingRequiredArgument => match one_of(&arg) {
            Some(choices) => format!("다음 중 하나가 필요합니다: {choices}"),
            None => format!("필요한 인자가 빠졌습니다: {arg}"),
        },
        ErrorKind::ArgumentConflict => {
            let other = context(e, ContextKind::PriorArg);
            format!("`{arg}`과(와) `{other}`은(는) 함께 쓸 수 없습니다")
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("`{arg}`에 값이 너무 많습니다")
        }
        ErrorKind::MissingSubcommand => "명령이 필요합니다".to_string(),
        _ => "명령줄을 읽지 못했습니다".to_string(),
    };
    let mut out = format!("오류: {}\n", particles(&what));
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(|k| context(e, k))
        .find(|s| !s.is_empty());
    if let Some(s) = suggested {
        out.push_str(&particles(&format!("\n  `{s}`을(를) 쓰려던 것입니까?\n")));
    }
    // clap's own message follows, for the details the Korean leaves out: its first
    // paragraph, whole (a missing argument is on the line after "were not provided:").
    let original = e.render().to_string();
    let first: Vec<&str> = original
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let first = first.join(" ");
    out.push_str(&format!("  ({})\n", first.trim_start_matches("error: ")));
    let usage = context(e, ContextKind::Usage);
    if !usage.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            usage.replacen("Usage:", "사용법:", 1).trim_end()
        ));
    }
    out.push_str("\n자세한 내용은 `--help`를 붙여 실행해 보십시오.\n");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every help text of `cmd` and below without a Korean entry, as `path` or `path/arg`.
    fn missing(cmd: &Command, parent: &str, out: &mut Vec<String>) {
        let name = cmd.get_name();
        let path = match parent {
            "" | "course" => name.to_string(),
            p => format!("{p} {name}"),
        };
        match command_text(&path) {
            None => out.push(path.clone()),
            // English examples and notes need Korean ones beside the Korean description.
            Some((_, "")) if cmd.get_after_help().is_some() => out.push(format!("{path} (예)")),
            Some(_) => {}
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            // Globals are propagated: their entry is the bare id, checked at the top.
            if a.get_help().is_some() && arg_text(&path, id).is_none() && !a.is_hide_set() {
                out.push(format!("{path}/{id}"));
            }
            for v in a.get_possible_values() {
                if v.get_help().is_some() && value_text(v.get_name()).is_none() {
                    out.push(format!("{path}/{id}={}", v.get_name()));
                }
            }
        }
        for s in cmd.get_subcommands() {
            missing(s, &path, out);
        }
    }

    /// Issue 9: a new command or option without Korean help would show English in the
    /// middle of a Korean `--help`; this walks the whole clap tree so the table stays whole.
    #[test]
    fn issue9_every_command_and_argument_has_korean_help() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut out = Vec::new();
        missing(&cmd, "", &mut out);
        assert!(out.is_empty(), "no Korean help for:\n{}", out.join("\n"));
    }

    /// Issue 9: clap's `[default: …]`, `[possible values: …]` and `[env: …]` are said in
    /// Korean, in the short and the long help of every command.
    #[test]
    fn issue9_korean_help_has_no_english_value_notes() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut cmd = localize(cmd);
        let mut pages = vec![cmd.render_long_help().to_string()];
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect();
        for name in names {
            let sub = cmd.find_subcommand_mut(&name).expect("listed");
            pages.push(sub.render_help().to_string());
            pages.push(sub.render_long_help().to_string());
        }
        let all = pages.join("\n");
        assert!(all.contains("[기본: text]"), "{all}");
        assert!(
            all.contains("[가능한\u{a0}값:\u{a0}auto,\u{a0}always,\u{a0}never]"),
            "{all}"
        );
        for english in [
            "[default:",
            "[possible values:",
            "Possible values:",
            "[env:",
        ] {
            assert!(!all.contains(english), "`{english}` in:\n{all}");
        }
    }
}
