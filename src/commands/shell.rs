//! `course completions SHELL` and `course man [COMMAND]`: what a shell and `man` need to know
//! about `course`. Neither loads a course or a workspace.

use anyhow::{Context, Result};

use crate::cli::{complete, Cli, CompletionsArgs, GlobalArgs, ManArgs};
use crate::exit::{usage, Code};
use crate::tr;

/// The completion script for the shell; it calls this very program back (its full path), so
/// an upgrade of `course` and the script never disagree once the shell reloads it.
pub fn completions(args: &CompletionsArgs) -> Result<Code> {
    let me = std::env::current_exe().unwrap_or_else(|_| "course".into());
    let script = complete::registration(args.shell, me.as_os_str())
        .context("cannot write the completion script")?;
    crate::terminal::print_out(&String::from_utf8_lossy(&script))?;
    Ok(Code::Ok)
}

/// The roff manual page of `course` (with its commands listed) or of one command.
pub fn man(global: &GlobalArgs, args: &ManArgs) -> Result<Code> {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    // Gives each command its display name (`course-check`), which names its page.
    cmd.build();
    let page = match &args.command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
                let lang = crate::app::chosen_lang(global.lang, None, crate::i18n::Lang::En);
                let known = names.join(", ");
                let guess = super::check::did_you_mean(name, &names);
                return Err(usage(
                    tr!(
                        "no command `{name}`{guess}; commands are: {known}",
                        "`{name}`라는 명령은 없습니다{guess}. 명령: {known}";
                        guess = guess
                    )
                    .get(lang)
                    .to_string(),
                ));
            }
        },
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut out)
        .context("cannot render the manual page")?;
    crate::terminal::print_out(&String::from_utf8_lossy(&out))?;
    Ok(Code::Ok)
}
