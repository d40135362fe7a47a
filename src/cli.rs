//! Command-line interface: clap definitions and help texts with examples.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCandidates;

use crate::i18n::Lang;
use crate::report::format::Format;

pub mod complete;
mod korean;
mod parse;

pub use parse::{help_lang, parse};

#[derive(Parser, Debug)]
#[command(
    name = "course",
    version,
    about = "Learn from lessons in the terminal; have your practice workspace checked.",
    long_about = "Learn from lessons in the terminal; have your practice workspace checked.\n\n\
        Run `course` alone for your progress and the next step.",
    after_help = "Examples:\n  course init            make this folder your course workspace\n  \
        course next            what to study or fix now\n  course check           verify your workspace\n  \
        course grade --workspace student-repo --format junit --output report.xml\n\n\
        Exit codes: 0 success, 1 an exercise failed, 2 usage or course-file error, 3 a check could not run."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Args, Debug, Clone, Default)]
pub struct GlobalArgs {
    /// Load the course from this folder instead of the one built in.
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "COURSE_DIR",
        hide_env_values = true
    )]
    pub course: Option<PathBuf>,
    /// The workspace (default: the nearest folder upwards holding `.course/`).
    #[arg(long, short = 'w', global = true, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// Language of lessons and messages [default: $COURSE_LANG, your saved choice, the course's].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Text width in columns [default: the terminal's, or 80].
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    /// Colour: auto follows the terminal, NO_COLOR, CLICOLOR and CLICOLOR_FORCE.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print long text straight to the terminal instead of the built-in pager.
    #[arg(long, global = true)]
    pub no_pager: bool,
    /// Draw tables with ASCII (for terminals that show box-drawing characters double width).
    #[arg(long, global = true, env = "COURSE_ASCII", hide_env_values = true, value_parser = clap::builder::BoolishValueParser::new())]
    pub ascii: bool,
    /// Accessible mode for screen readers and dumb terminals: no colour, box drawing, pager,
    /// spinners or interactive screens; tables as `column: value` lines (also
    /// COURSE_ACCESSIBLE=1, ACCESSIBLE=1, TERM=dumb).
    #[arg(long, global = true)]
    pub plain: bool,
    /// Run workspace programs without the sandbox (only a timeout; see README "Sandbox").
    #[arg(long, global = true, conflicts_with = "require_sandbox", env = "COURSE_NO_SANDBOX", hide_env_values = true, value_parser = clap::builder::BoolishValueParser::new())]
    pub no_sandbox: bool,
    /// Refuse to run a workspace program when this system lacks part of the sandbox.
    #[arg(long, global = true)]
    pub require_sandbox: bool,
    /// Change a sandbox limit, e.g. `memory-mib=4096` (cpu-secs, memory-mib,
    /// address-space-mib, processes, file-size-mib, open-files); repeatable.
    #[arg(long, global = true, value_name = "NAME=VALUE")]
    pub sandbox_limit: Vec<String>,
}

pub use crate::terminal::ColorChoice;

impl GlobalArgs {
    /// The terminal settings these flags ask for.
    pub fn term(&self) -> crate::terminal::Term {
        crate::terminal::Term::detect(crate::terminal::Asked {
            color: self.color,
            width: self.width.map(usize::from),
            no_pager: self.no_pager,
            ascii: self.ascii,
            plain: self.plain,
        })
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Make a folder your course workspace (creates only `.course/`).
    #[command(after_help = "Examples:\n  course init\n  course init my-vla-project --lang en")]
    Init(InitArgs),
    /// List lessons and exercises in order, with their status.
    #[command(after_help = "Examples:\n  course list\n  course list --format json")]
    List(ListArgs),
    /// Show a lesson (default: the current one) and mark it read.
    #[command(
        after_help = "Examples:\n  course lesson            the current lesson\n  course lesson 3          the third lesson\n  \
            course lesson pip        by id\n  course lesson --file ../notes/05-python-ecosystem.ko.md"
    )]
    Lesson(LessonArgs),
    /// The single next thing to do: a lesson to read or an exercise to fix.
    #[command(after_help = "Examples:\n  course next")]
    Next,
    /// Verify exercises in the workspace.
    #[command(
        after_help = "Examples:\n  course check\n  course check requirements structure\n  \
            course check --workspace ../student --format json\n\n\
            Exit codes: 0 all selected exercises pass, 1 some fail, 2 usage or course-file error, 3 a check could not run."
    )]
    Check(CheckArgs),
    /// Re-check your work every time you save a file (Ctrl-C to stop).
    #[command(
        after_help = "Examples:\n  course watch\n  course watch --poll     on WSL or network drives, where file events do not arrive"
    )]
    Watch(WatchArgs),
    /// Show the next hint of an exercise (one more each time).
    #[command(after_help = "Examples:\n  course hint\n  course hint requirements")]
    Hint(HintArgs),
    /// Open the file to fix in your editor ($VISUAL or $EDITOR), at the line of the first problem.
    #[command(
        after_help = "Examples:\n  course edit                the exercise you are on\n  \
            course edit requirements\n  EDITOR=nano course edit\n\n\
            Opens the file the first failing finding points at, at its line (vi, vim, nvim, nano, emacs, micro: +LINE; \
            hx: FILE:LINE; code: -g FILE:LINE), else the exercise's main file.\n\n\
            Exit codes: 0 the editor ran, 2 no editor set (the message says how), no file to edit, a terminal editor (vim, nano) with stdin or stdout not a terminal, or the editor failed."
    )]
    Edit(EditArgs),
    /// Put an exercise aside (e.g. while torch downloads); `course next` comes back to it last.
    #[command(
        after_help = "Examples:\n  course skip                the exercise `course next` is on\n  \
            course skip environment\n  course skip --undo environment   take it back up now"
    )]
    Skip(SkipArgs),
    /// Forget progress (hints seen, worked on, put aside; with --all also lessons read and
    /// the current lesson). Never touches your files.
    #[command(
        after_help = "Examples:\n  course reset requirements     forget the hints seen, the worked-on mark and skip of one exercise\n  \
            course reset --all            start the course over (asks first)\n  course reset --all --yes      in a script: no question\n\n\
            Exit codes: 0 reset (or nothing to reset, or answered no), 2 unknown exercise, or not on a terminal without --yes."
    )]
    Reset(ResetArgs),
    /// Answer an exercise's questions interactively and save the answer file.
    #[command(after_help = "Examples:\n  course answer jupyter-vs-script")]
    Answer(AnswerArgs),
    /// Grade a workspace (or a folder of submissions) for an instructor.
    #[command(
        after_help = "Examples:\n  course grade student-repo            the same as --workspace student-repo\n  \
            course grade --workspace . --format github --exec\n  \
            course grade --format junit --output junit.xml\n  course grade --batch submissions/ --output grades.csv\n  \
            course grade --batch submissions/ --format json --jobs 4 > gradebook.json\n  \
            course grade --batch submissions/ --report class.html --report class.md\n  \
            course grade --batch submissions/ --shard 2/4 --format json --output part-2.json\n  \
            course grade --roster roster.csv --clones clones/ --output grades.csv\n\n\
            Without --exec nothing from the submission is executed: checks that would run its Python are skipped.\n\
            --batch grades each folder in DIR (hidden ones skipped) and writes a gradebook: CSV \
            (columns submission, score, max_score, <exercise>..., error, course, course_version, shard, and the roster's name, id, sis_user_id, sis_login_id, section, email) or, with --format json, one course-gradebook/1 document.\n\n\
            Exit codes: 0 all passed, 1 some failed, 2 usage or course-file error, 3 a check could not run.\n\
            With --batch: 0 the batch was graded (whatever the scores), 2 usage error, 3 some submission \
            could not be graded or had a check that could not run (its row is still written)."
    )]
    Grade(GradeArgs),
    /// Check a course folder (default: the built-in course): files, references, fixtures.
    #[command(after_help = "Examples:\n  course validate\n  course validate my-course/")]
    Validate(ValidateArgs),
    /// What course sees (programs, environment, repository, terminal, language) and what would make each exercise checkable.
    #[command(
        after_help = "Examples:\n  course doctor\n  course doctor --format json\n\n\
            Exit codes: 0 no problems found, 1 problems found (each with its fix), 2 usage or course-file error."
    )]
    Doctor(DoctorArgs),
    /// Print a shell script that completes course's commands, options and exercise and lesson ids.
    #[command(
        after_help = "Examples:\n  source <(course completions bash)                 in ~/.bashrc\n  \
            source <(course completions zsh)                  in ~/.zshrc\n  \
            course completions fish | source                  in ~/.config/fish/config.fish\n  \
            course completions powershell | Out-String | Invoke-Expression   in $PROFILE\n  \
            eval (course completions elvish | slurp)          in ~/.config/elvish/rc.elv\n\n\
            The script calls this `course` back on each Tab, so ids always match the course \
            (--course DIR on the line, else $COURSE_DIR, else the built-in one). Load it anew at shell start, as above, rather than saving it."
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) of course or of one of its commands.
    #[command(after_help = "Examples:\n  course man | man -l -\n  \
            mkdir -p ~/.local/share/man/man1 && course man > ~/.local/share/man/man1/course.1\n  \
            course man check > ~/.local/share/man/man1/course-check.1")]
    Man(ManArgs),
    /// Write CI configuration that grades submissions.
    #[command(subcommand)]
    Ci(CiCommand),
    /// Work with gradebooks of `course grade --batch`.
    #[command(subcommand)]
    Gradebook(GradebookCommand),
}

#[derive(Subcommand, Debug)]
pub enum GradebookCommand {
    /// Join the gradebooks of a sharded batch (`--shard I/N`) into one.
    #[command(
        after_help = "Examples:\n  course gradebook merge parts/*.csv --output grades.csv\n  \
            course gradebook merge part-1.json part-2.json --output gradebook.json\n\n\
            Parts are CSV or JSON gradebooks. Parts of different courses or course versions, \
            overlapping shards, a missing shard or a submission given twice are refused (exit 2).\n\
            The output is JSON when --format json or the file ends in .json (every part must then be JSON), else CSV."
    )]
    Merge(MergeArgs),
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// The gradebooks of every shard.
    #[arg(required = true, value_name = "PARTS")]
    pub parts: Vec<PathBuf>,
    /// Write the merged gradebook here instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// csv or json [default: json for an --output ending in .json, else csv].
    #[arg(long, value_enum)]
    pub format: Option<GradebookFormat>,
    /// Also write the class report here (`.html` or `.md`; may be given twice). Needs JSON
    /// parts: a CSV gradebook holds no findings.
    #[arg(long, value_name = "FILE")]
    pub report: Vec<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum GradebookFormat {
    Csv,
    Json,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Folder to make a workspace [default: the current folder].
    pub dir: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    #[default]
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Args, Debug)]
pub struct LessonArgs {
    /// Lesson id or number (1-based) [default: the current lesson].
    #[arg(add = ArgValueCandidates::new(complete::lessons))]
    pub lesson: Option<String>,
    /// Render any Markdown file instead of a lesson.
    #[arg(long, value_name = "PATH", conflicts_with = "lesson")]
    pub file: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Exercise ids [default: all].
    #[arg(add = ArgValueCandidates::new(complete::exercises))]
    pub exercises: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct WatchArgs {
    /// Look for changes every half second instead of waiting for file events.
    #[arg(long, env = "COURSE_WATCH_POLL", hide_env_values = true, value_parser = clap::builder::BoolishValueParser::new())]
    pub poll: bool,
}

#[derive(Args, Debug)]
pub struct HintArgs {
    /// Exercise id [default: the first unfinished exercise].
    #[arg(add = ArgValueCandidates::new(complete::exercises))]
    pub exercise: Option<String>,
}

#[derive(Args, Debug)]
pub struct EditArgs {
    /// Exercise id [default: the exercise `course next` is on, else the first not passing].
    #[arg(add = ArgValueCandidates::new(complete::exercises))]
    pub exercise: Option<String>,
}

#[derive(Args, Debug)]
pub struct SkipArgs {
    /// Exercise id [default: the exercise `course next` is on].
    #[arg(add = ArgValueCandidates::new(complete::exercises))]
    pub exercise: Option<String>,
    /// Take a skipped exercise back up: `course next` leads to it in its usual place again.
    #[arg(long, requires = "exercise")]
    pub undo: bool,
}

#[derive(Args, Debug)]
pub struct DoctorArgs {
    /// `json` prints the course-doctor/1 document (see README).
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: complete::Shell,
}

#[derive(Args, Debug)]
pub struct ManArgs {
    /// A command's own page (course-check(1)) instead of course(1).
    #[arg(add = ArgValueCandidates::new(complete::commands))]
    pub command: Option<String>,
}

#[derive(Args, Debug)]
// One of the two, so that the usage line says both: `course reset <EXERCISE|--all>`.
#[command(group(clap::ArgGroup::new("what").args(["exercise", "all"]).required(true)))]
pub struct ResetArgs {
    /// Exercise id whose progress to forget.
    #[arg(add = ArgValueCandidates::new(complete::exercises))]
    pub exercise: Option<String>,
    /// Forget all progress: lessons read, the current lesson, every exercise's hints and marks.
    #[arg(long)]
    pub all: bool,
    /// Do not ask for confirmation (needed when stdin is not a terminal).
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Args, Debug)]
pub struct AnswerArgs {
    /// Exercise id (an exercise with a `choices` check).
    #[arg(add = ArgValueCandidates::new(complete::exercises))]
    pub exercise: String,
}

#[derive(Args, Debug)]
// `many`: the options that grade many submissions into a gradebook.
#[command(group(clap::ArgGroup::new("many").args(["batch", "roster"])))]
pub struct GradeArgs {
    /// The workspace to grade, as --workspace DIR says it (`course grade .`, `course grade
    /// student-repo`) [default: the workspace around the current folder, else the folder].
    #[arg(value_name = "DIR", conflicts_with_all = ["workspace", "batch", "roster"])]
    pub dir: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report here instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Allow checks that run code from the submission (its Python interpreter, `import src...`).
    #[arg(long)]
    pub exec: bool,
    /// Grade every folder in DIR as one submission and write a gradebook.
    #[arg(long, value_name = "DIR", conflicts_with = "workspace")]
    pub batch: Option<PathBuf>,
    /// Grade the repositories of a roster (CSV with columns student,repo and optionally ref).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["workspace", "batch"])]
    pub roster: Option<PathBuf>,
    /// Where --roster clones the repositories (fetched again on later runs)
    /// [default: course-clones beside the roster].
    #[arg(long, value_name = "DIR", requires = "roster")]
    pub clones: Option<PathBuf>,
    /// The longest one git clone or fetch of --roster may take, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 300, requires = "roster")]
    pub clone_timeout: u64,
    /// With --batch: the most one archive (.zip, .tar, .tar.gz) may unpack to, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 512)]
    pub unpack_max_mb: u64,
    /// With --format canvas|moodle: map the course's score onto an assignment worth N points.
    #[arg(long, value_name = "N", value_parser = parse::points)]
    pub points: Option<f64>,
    /// With --format canvas|moodle: the assignment column's name [default: the course's title].
    #[arg(long, value_name = "NAME")]
    pub assignment: Option<String>,
    /// Parallel jobs for --batch and --roster [default: all cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// With --batch or --roster: grade only shard I of N (1 <= I <= N), a share fixed by each
    /// submission's name; `course gradebook merge` joins the N gradebooks.
    #[arg(long, value_name = "I/N", requires = "many", value_parser = parse::shard)]
    pub shard: Option<crate::grading::shard::Shard>,
    /// With --batch or --roster: also write a class report here: HTML (`.html`) or Markdown (`.md`);
    /// may be given twice.
    #[arg(long, value_name = "FILE", requires = "many")]
    pub report: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// Course folder [default: --course, else the built-in course].
    pub dir: Option<PathBuf>,
    /// Check the files only; do not run the checks on the exercises' fixtures.
    #[arg(long)]
    pub no_fixtures: bool,
}

#[derive(Subcommand, Debug)]
pub enum CiCommand {
    /// Write a CI workflow that grades each push.
    #[command(
        after_help = "Examples:\n  course ci init --github\n  course ci init --gitlab --force\n  \
            course ci init --github --shards 8      grade a class in submissions/ on 8 runners\n  \
            course ci init --slurm --shards 50\n  course ci init --kubernetes --shards 20\n  \
            course ci init --github --shards 4 --roster roster.csv   clone and grade a roster's repositories"
    )]
    Init(CiInitArgs),
}

#[derive(Args, Debug)]
#[group(required = true, multiple = false, id = "provider")]
pub struct CiProvider {
    /// GitHub Actions: .github/workflows/grade.yml
    #[arg(long)]
    pub github: bool,
    /// GitLab CI: .gitlab-ci.yml
    #[arg(long)]
    pub gitlab: bool,
    /// Slurm (with --shards): grade-class.sbatch, a job array over the class.
    #[arg(long)]
    pub slurm: bool,
    /// Kubernetes (with --shards): grade-class-job.yaml, an Indexed Job over the class.
    #[arg(long)]
    pub kubernetes: bool,
}

#[derive(Args, Debug)]
pub struct CiInitArgs {
    #[command(flatten)]
    pub provider: CiProvider,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
    /// Also build the environment from requirements.txt in CI and run the checks that need it.
    #[arg(long)]
    pub with_env: bool,
    /// Grade the class in submissions/ in N shards on the engine, then merge the gradebooks.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub shards: Option<u32>,
    /// With --shards: grade the repositories of this roster (as the job sees it, relative to
    /// its folder) instead of submissions/; each shard clones its share.
    #[arg(long, value_name = "FILE", requires = "shards")]
    pub roster: Option<String>,
}
