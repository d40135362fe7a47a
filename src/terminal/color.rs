//! The colour decision and its reason, made once in [`super::Term::detect`] and kept in
//! [`super::Term`] so that `course doctor` can say why colour is on or off.
//!
//! Rules, first match wins: `--color always|never`; `NO_COLOR` set and non-empty: off;
//! `CLICOLOR_FORCE` set and not `0`: on; `CLICOLOR=0`: off; stdout not a terminal: off;
//! `TERM=dumb`: off; otherwise on. Accessible mode then turns it off unless `--color always`.

use super::ColorChoice;
use crate::i18n::Tr;
use crate::tr;

/// Why colour is on or off.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ColorWhy {
    FlagAlways,
    FlagNever,
    NoColor,
    ClicolorForce,
    Clicolor0,
    NotATerminal,
    DumbTerminal,
    Terminal,
    /// Accessible mode (without `--color always`).
    Accessible,
}

/// Whether to colour, and why, from the flag, the environment and whether stdout is a terminal.
pub fn decide(choice: ColorChoice, is_tty: bool) -> (bool, ColorWhy) {
    match choice {
        ColorChoice::Always => return (true, ColorWhy::FlagAlways),
        ColorChoice::Never => return (false, ColorWhy::FlagNever),
        ColorChoice::Auto => {}
    }
    if anstyle_query::no_color() {
        (false, ColorWhy::NoColor)
    } else if anstyle_query::clicolor_force() {
        (true, ColorWhy::ClicolorForce)
    } else if anstyle_query::clicolor() == Some(false) {
        (false, ColorWhy::Clicolor0)
    } else if !is_tty {
        (false, ColorWhy::NotATerminal)
    } else if matches!(std::env::var("TERM").as_deref(), Ok("dumb")) {
        (false, ColorWhy::DumbTerminal)
    } else {
        (true, ColorWhy::Terminal)
    }
}

impl ColorWhy {
    /// A stable name for machines (`course doctor --format json`).
    pub fn code(self) -> &'static str {
        match self {
            ColorWhy::FlagAlways => "flag-always",
            ColorWhy::FlagNever => "flag-never",
            ColorWhy::NoColor => "no-color",
            ColorWhy::ClicolorForce => "clicolor-force",
            ColorWhy::Clicolor0 => "clicolor-0",
            ColorWhy::NotATerminal => "not-a-terminal",
            ColorWhy::DumbTerminal => "dumb-terminal",
            ColorWhy::Terminal => "terminal",
            ColorWhy::Accessible => "accessible",
        }
    }

    /// Why, in words.
    pub fn reason(self) -> Tr {
        match self {
            ColorWhy::FlagAlways => tr!("--color always", "--color always"),
            ColorWhy::FlagNever => tr!("--color never", "--color never"),
            ColorWhy::NoColor => tr!("NO_COLOR is set", "NO_COLOR가 설정됨"),
            ColorWhy::ClicolorForce => tr!("CLICOLOR_FORCE is set", "CLICOLOR_FORCE가 설정됨"),
            ColorWhy::Clicolor0 => tr!("CLICOLOR=0", "CLICOLOR=0"),
            ColorWhy::NotATerminal => tr!(
                "stdout is not a terminal (piped or redirected)",
                "출력이 터미널로 가지 않음 (파이프 또는 리디렉션)"
            ),
            ColorWhy::DumbTerminal => tr!("TERM=dumb", "TERM=dumb"),
            ColorWhy::Terminal => tr!("stdout is a terminal", "출력이 터미널로 감"),
            ColorWhy::Accessible => tr!(
                "accessible mode (--color always overrides it)",
                "접근성 모드 (--color always로 켤 수 있음)"
            ),
        }
    }
}
