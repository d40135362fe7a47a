//! Reading the command line: `--help` and usage errors printed in the chosen language at the
//! chosen width (`--width`, read before clap parses, like `--lang`), with the examples in
//! the help kept as commands that paste whole, and the value parsers of the flag table.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Command, CommandFactory, FromArgMatches};

use super::{korean, Cli};
use crate::i18n::Lang;

/// A no-break space: the help's example lines are one word for clap, which would wrap a
/// long one as prose; [`examples_fitted`] lays them out afterwards.
const NBSP: char = '\u{a0}';

/// A narrow no-break space: the spaces of a code span in a description (`` `course next` ``)
/// while clap wraps it, so that a command in a sentence is never broken (issue 9); made plain
/// spaces again before the text is printed.
const CODE_SPACE: char = '\u{202f}';

/// Parse `std::env::args`; on error or `--help`, print clap's text and return its exit code
/// (2 for usage errors, 0 for help and version). Help and errors are in Korean when
/// [`help_lang`] says so.
pub fn parse() -> Result<Cli, ExitCode> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help_lang(&args);
    // Until a command decides its language (the course's default may differ), errors follow
    // the same rule as `--help`.
    crate::exit::set_lang(lang);
    // Help and errors fit the width like every other output (`--width`, the terminal's,
    // COLUMNS, 80): clap wraps the descriptions to it; its long usage lines are wrapped
    // afterwards, and the examples laid out as commands.
    let term = crate::terminal::Term::detect(crate::terminal::Asked {
        width: help_width(&args),
        ..Default::default()
    });
    let mut cmd = Cli::command();
    if lang == Lang::Ko {
        cmd.build();
        cmd = korean::localize(cmd);
    }
    let mut cmd = protect_examples(cmd).term_width(term.width);
    let result = cmd
        .try_get_matches_from_mut(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    result.map_err(|e| {
        let mut e = e.format(&mut cmd);
        honest_usage(&mut e, &mut cmd, &args);
        let text = match korean::error_text(&e).filter(|_| lang == Lang::Ko) {
            Some(text) => text,
            None if term.color => e.render().ansi().to_string(),
            None => e.render().to_string(),
        };
        let text = with_folder_tip(text.replace(CODE_SPACE, " "), &e, &cmd, &args, lang);
        let text = crate::terminal::fit(&examples_fitted(&text, term.width), term.width);
        if e.use_stderr() {
            let _ = std::io::Write::write_all(&mut std::io::stderr(), text.as_bytes());
        } else {
            let _ = crate::terminal::print(&text);
        }
        ExitCode::from(e.exit_code() as u8)
    })
}

/// clap writes the usage line of an "unexpected argument" error with the argument it suggests
/// in it (`check --bogus` gets `Usage: course check --course <DIR> [EXERCISES]...`), which reads
/// as if `--course` were required (issue 9): put the command's own usage line there instead.
fn honest_usage(e: &mut clap::Error, cmd: &mut Command, args: &[std::ffi::OsString]) {
    use clap::error::{ContextKind, ContextValue};
    if e.get(ContextKind::SuggestedArg).is_none() {
        return;
    }
    // The subcommands as typed, deepest last (a global option's value is no subcommand name).
    let mut sub = &mut *cmd;
    for word in args.iter().skip(1).map(|a| a.to_string_lossy()) {
        if word == "--" {
            break;
        }
        if word.starts_with('-') {
            continue;
        }
        if sub.find_subcommand(word.as_ref()).is_none() {
            continue;
        }
        sub = sub.find_subcommand_mut(word.as_ref()).expect("found above");
    }
    let usage = sub.render_usage();
    e.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
}

/// `text` (a usage error) with a tip after its first paragraph when the argument clap did
/// not expect is a folder: an instructor's `course doctor student-repo` means the workspace
/// there, which every command takes as `--workspace DIR` (`course grade DIR` takes it
/// plainly; issue 9).
fn with_folder_tip(
    text: String,
    e: &clap::Error,
    cmd: &Command,
    args: &[std::ffi::OsString],
    lang: Lang,
) -> String {
    use clap::error::{ContextKind, ContextValue};
    let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) else {
        return text;
    };
    let folder = e.kind() == clap::error::ErrorKind::UnknownArgument
        && !arg.starts_with('-')
        && std::path::Path::new(arg).is_dir();
    let Some(at) = text.find("\n\n").filter(|_| folder) else {
        return text;
    };
    // The subcommands as typed (`ci init`), as in `honest_usage`.
    let mut words = vec!["course".to_string()];
    let mut sub = cmd;
    for word in args.iter().skip(1).map(|a| a.to_string_lossy()) {
        if let Some(found) = sub.find_subcommand(word.as_ref()) {
            words.push(word.into_owned());
            sub = found;
        }
    }
    // A code span: wrapping moves the command whole (at 60 columns it was split in two).
    let run = format!("{} --workspace {arg}", words.join(" "));
    let tip = crate::tr!(
        "  tip: to use that folder as the workspace: `{run}`",
        "  도움말: 그 폴더를 작업 폴더로 쓰려면: `{run}`"
    );
    format!("{}\n{}{}", &text[..at], tip.get(lang), &text[at..])
}

/// The language of `--help` and usage errors, decided before the arguments are parsed by
/// the rule every command follows: `--lang` as written, `COURSE_LANG`, the choice saved in
/// the workspace, else the course's default (`--course`, `COURSE_DIR` or the built-in
/// one), so that a workspace made with plain `course init` gets its help in the language
/// of everything else it prints (issue 9). Only when the course cannot be read, the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`) when it is Korean, else English.
pub fn help_lang(args: &[std::ffi::OsString]) -> Lang {
    let mut flag = None;
    let mut workspace = None;
    let mut course = std::env::var_os("COURSE_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    for (name, value) in early_flags(args, &["--lang", "--workspace", "-w", "--course"]) {
        match name {
            "--lang" => flag = Lang::parse(&value).or(flag),
            "--course" => course = Some(PathBuf::from(value)),
            _ => workspace = Some(PathBuf::from(value)),
        }
    }
    let saved = || {
        crate::workspace::Workspace::locate(workspace.as_deref())
            .ok()
            .flatten()
            .and_then(|ws| ws.load_state().ok())
            .and_then(|state| state.lang)
    };
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .filter(|v| v.to_ascii_lowercase().starts_with("ko"))
        .map(|_| Lang::Ko);
    let default = crate::course::default_lang(course.as_deref())
        .or(locale)
        .unwrap_or(Lang::En);
    crate::app::chosen_lang(flag, saved(), default)
}

/// `--width N` (or `--width=N`) as written on the command line, before clap has read it:
/// help and usage errors follow it like every other output. A value clap would refuse is
/// ignored here (clap then says what is wrong).
fn help_width(args: &[std::ffi::OsString]) -> Option<usize> {
    early_flags(args, &["--width"])
        .into_iter()
        .filter_map(|(_, v)| v.parse::<u16>().ok().filter(|w| *w >= 20))
        .map(usize::from)
        .next_back()
}

/// The values of the flags `names` (`--name VALUE` or `--name=VALUE`) as written before `--`,
/// read before clap parses the command line, in order.
fn early_flags<'n>(args: &[std::ffi::OsString], names: &[&'n str]) -> Vec<(&'n str, String)> {
    let mut out = Vec::new();
    let mut words = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        for name in names {
            if let Some(v) = word.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
                out.push((*name, v.to_string()));
            } else if word == *name {
                if let Some(v) = words.next() {
                    out.push((*name, v));
                }
            }
        }
    }
    out
}

/// Every command's examples (the indented lines after `Examples:`/`예:`) made one word each
/// for clap's wrapping: their spaces become no-break spaces. The code spans of its
/// descriptions and of its flags' are kept whole the same way ([`CODE_SPACE`]).
fn protect_examples(mut cmd: Command) -> Command {
    if let Some(about) = cmd.get_about().map(ToString::to_string) {
        cmd = cmd.about(keep_code_spans(&about));
    }
    if let Some(about) = cmd.get_long_about().map(ToString::to_string) {
        cmd = cmd.long_about(keep_code_spans(&about));
    }
    cmd = cmd.mut_args(|arg| {
        let help = arg.get_help().map(ToString::to_string);
        let long = arg.get_long_help().map(ToString::to_string);
        let arg = match help {
            Some(h) => arg.help(keep_code_spans(&h)),
            None => arg,
        };
        match long {
            Some(h) => arg.long_help(keep_code_spans(&h)),
            None => arg,
        }
    });
    if let Some(after) = cmd.get_after_help().map(ToString::to_string) {
        let protected: Vec<String> = after
            .lines()
            .map(|l| match l.strip_prefix("  ") {
                Some(rest) if !rest.starts_with(' ') && !rest.is_empty() => {
                    format!("  {}", rest.replace(' ', &NBSP.to_string()))
                }
                _ => l.to_string(),
            })
            .collect();
        cmd = cmd.after_help(protected.join("\n"));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub, protect_examples);
    }
    cmd
}

/// `text` with the spaces inside each code span of a line ([`crate::render::backtick_spans`],
/// the rule wrapping follows) made [`CODE_SPACE`]s.
fn keep_code_spans(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut last = 0;
        for (from, to) in crate::render::backtick_spans(line) {
            out.push_str(&line[last..from]);
            out.push_str(&line[from..to].replace(' ', &CODE_SPACE.to_string()));
            last = to;
        }
        out.push_str(&line[last..]);
    }
    out
}

/// The help text with its example lines laid out for `width`: a line that fits stays as it
/// is; otherwise the command breaks the way a shell continues a line (` \`, so that it
/// pastes whole) and its description goes under it, wrapped as prose.
fn examples_fitted(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if !line.contains(NBSP) {
            out.push_str(line);
            continue;
        }
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        let body = body.replace(NBSP, " ");
        if crate::terminal::visible_width(&body) <= width {
            out.push_str(&body);
            out.push_str(end);
            continue;
        }
        let example = body.trim_start();
        let lead = &body[..body.len() - example.len()];
        let (command, about) = match example.find("  ") {
            Some(i) => (&example[..i], example[i..].trim_start()),
            None => (example, ""),
        };
        let mut lines = crate::terminal::command_lines(command, lead, width)
            .unwrap_or_else(|| crate::terminal::indented(command, lead, lead, width));
        if !about.is_empty() {
            let under = format!("{lead}    ");
            lines.extend(crate::terminal::indented(about, &under, &under, width));
        }
        out.push_str(&lines.join("\n"));
        out.push_str(end);
    }
    out
}

pub(super) fn points(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(p) if p.is_finite() && p > 0.0 => Ok(p),
        _ => Err(format!(
            "`{s}` is not a number of points above 0 (e.g. --points 10)"
        )),
    }
}

pub(super) fn shard(s: &str) -> Result<crate::grading::shard::Shard, String> {
    s.parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<std::ffi::OsString> {
        words.iter().map(Into::into).collect()
    }

    #[test]
    fn width_is_read_before_clap() {
        assert_eq!(
            help_width(&args(&["course", "--width", "60", "--help"])),
            Some(60)
        );
        assert_eq!(
            help_width(&args(&["course", "check", "--width=140"])),
            Some(140)
        );
        assert_eq!(
            help_width(&args(&["course", "--width", "5", "--help"])),
            None
        );
        assert_eq!(help_width(&args(&["course", "--", "--width", "60"])), None);
    }

    #[test]
    fn a_long_example_breaks_as_a_command_and_its_description_goes_under_it() {
        let e = |s: &str| s.replace(' ', &NBSP.to_string());
        let text = format!(
            "Examples:\n  {}\n  {}\n",
            e("course grade --workspace student-repo --format junit --output report.xml"),
            e("course reset requirements     forget the hints seen and the marks of one exercise")
        );
        let out = examples_fitted(&text, 50);
        assert_eq!(
            out,
            "Examples:\n  course grade --workspace student-repo --format \\\n    junit --output report.xml\n  course reset requirements\n      forget the hints seen and the marks of one\n      exercise\n"
        );
        assert_eq!(examples_fitted(&text, 200), text.replace(NBSP, " "));
    }
}
