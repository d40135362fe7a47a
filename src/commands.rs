//! One module per subcommand; `dispatch` builds the [`App`] and runs the chosen one.

pub mod answer;
pub mod check;
pub mod ci;
pub mod doctor;
pub mod edit;
pub mod grade;
pub mod gradebook;
pub mod hint;
pub mod home;
pub mod init;
pub mod lesson;
pub mod list;
pub mod next;
pub mod orientation;
pub mod reset;
pub mod shell;
pub mod skip;
pub mod validate;
pub mod watch;

use anyhow::Result;

use crate::app::{App, Reads};
use crate::cli::{CiCommand, Cli, Command, GradebookCommand};
use crate::exit::Code;

pub fn dispatch(cli: Cli) -> Result<Code> {
    // Commands that must work even when the course itself is broken or not needed.
    match &cli.command {
        Some(Command::Validate(args)) => return validate::run(&cli.global, args),
        Some(Command::Lesson(args)) if args.file.is_some() => {
            return lesson::run_file(&cli.global, args)
        }
        Some(Command::Init(args)) => return init::run(&cli.global, args),
        Some(Command::Ci(CiCommand::Init(args))) => return ci::run(&cli.global, args),
        Some(Command::Gradebook(GradebookCommand::Merge(args))) => {
            return gradebook::merge(&cli.global, args)
        }
        Some(Command::Completions(args)) => return shell::completions(args),
        Some(Command::Man(args)) => return shell::man(&cli.global, args),
        _ => {}
    }
    // `reset` reads the state itself: `reset --all` is also the way out of a damaged one.
    let reads = match cli.command {
        Some(Command::Grade(_) | Command::Doctor(_)) => Reads::Nothing,
        Some(Command::Reset(_)) => Reads::Itself,
        _ => Reads::Progress,
    };
    // `course grade DIR` is `course grade --workspace DIR` (clap refuses both at once).
    let mut global = cli.global;
    if let Some(Command::Grade(args)) = &cli.command {
        global.workspace = args.dir.clone().or(global.workspace);
    }
    let mut app = App::load(global, reads)?;
    match cli.command {
        None => orientation::run(&mut app),
        Some(Command::List(args)) => list::run(&mut app, &args),
        Some(Command::Lesson(args)) => lesson::run(&mut app, &args),
        Some(Command::Next) => next::run(&mut app),
        Some(Command::Check(args)) => check::run(&mut app, &args),
        Some(Command::Hint(args)) => hint::run(&mut app, &args),
        Some(Command::Edit(args)) => edit::run(&mut app, &args),
        Some(Command::Watch(args)) => watch::run(&mut app, &args),
        Some(Command::Skip(args)) => skip::run(&mut app, &args),
        Some(Command::Answer(args)) => answer::run(&mut app, &args),
        Some(Command::Reset(args)) => reset::run(&mut app, &args),
        Some(Command::Doctor(args)) => doctor::run(&mut app, &args),
        Some(Command::Grade(args)) => grade::run(&mut app, &args),
        Some(
            Command::Validate(_)
            | Command::Init(_)
            | Command::Ci(_)
            | Command::Gradebook(_)
            | Command::Completions(_)
            | Command::Man(_),
        ) => {
            unreachable!("handled above")
        }
    }
}
