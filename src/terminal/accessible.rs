//! Accessible mode: linear output for screen readers and dumb terminals. Decided once, in
//! [`super::Term::detect`], with the reason it is on (so `course doctor` can say why), and
//! carried in [`super::Term`]; nothing else reads these variables.
//!
//! On when (first match wins): `--plain`; `COURSE_ACCESSIBLE` set to anything but empty,
//! `0` or `false`; the same for `ACCESSIBLE` (the variable charmbracelet's tools and others
//! honour); `TERM=dumb`. Then: no colour unless `--color always`, no hyperlinks, no box
//! drawing, no pager, no spinners or progress redraws, tables as `column: value` lines,
//! statuses as words, and no interactive screens (`course` alone prints its orientation
//! text).

use crate::i18n::Tr;
use crate::tr;

/// Whether accessible mode is on, and why.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Accessible {
    #[default]
    Off,
    /// `--plain`.
    Flag,
    /// `COURSE_ACCESSIBLE=1`.
    CourseVariable,
    /// `ACCESSIBLE=1`.
    Variable,
    /// `TERM=dumb`: the terminal cannot move the cursor or draw.
    DumbTerminal,
}

impl Accessible {
    /// The decision from the flag and the environment (`var` reads one variable; tests pass
    /// their own).
    pub fn decide(flag: bool, var: impl Fn(&str) -> Option<String>) -> Accessible {
        let set = |name: &str| {
            var(name).is_some_and(|v| {
                let v = v.trim().to_ascii_lowercase();
                !(v.is_empty() || v == "0" || v == "false" || v == "no")
            })
        };
        if flag {
            Accessible::Flag
        } else if set("COURSE_ACCESSIBLE") {
            Accessible::CourseVariable
        } else if set("ACCESSIBLE") {
            Accessible::Variable
        } else if var("TERM").is_some_and(|t| t.trim() == "dumb") {
            Accessible::DumbTerminal
        } else {
            Accessible::Off
        }
    }

    /// From the real environment.
    pub fn from_env(flag: bool) -> Accessible {
        Accessible::decide(flag, |name| std::env::var(name).ok())
    }

    pub fn is_on(self) -> bool {
        self != Accessible::Off
    }

    /// Why, in words (for `course doctor`).
    pub fn reason(self) -> Tr {
        match self {
            Accessible::Off => tr!(
                "off (turn it on with --plain, COURSE_ACCESSIBLE=1 or ACCESSIBLE=1)",
                "꺼짐 (--plain, COURSE_ACCESSIBLE=1, ACCESSIBLE=1로 켭니다)"
            ),
            Accessible::Flag => tr!("on: --plain", "켜짐: --plain"),
            Accessible::CourseVariable => {
                tr!(
                    "on: COURSE_ACCESSIBLE is set",
                    "켜짐: COURSE_ACCESSIBLE이 설정됨"
                )
            }
            Accessible::Variable => tr!("on: ACCESSIBLE is set", "켜짐: ACCESSIBLE이 설정됨"),
            Accessible::DumbTerminal => tr!("on: TERM=dumb", "켜짐: TERM=dumb"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn decide(flag: bool, vars: &[(&str, &str)]) -> Accessible {
        Accessible::decide(flag, |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn first_reason_wins() {
        assert_eq!(decide(false, &[]), Accessible::Off);
        assert_eq!(
            decide(false, &[("TERM", "xterm-256color")]),
            Accessible::Off
        );
        assert_eq!(decide(true, &[("TERM", "dumb")]), Accessible::Flag);
        assert_eq!(
            decide(false, &[("ACCESSIBLE", "1"), ("COURSE_ACCESSIBLE", "yes")]),
            Accessible::CourseVariable
        );
        assert_eq!(
            decide(false, &[("ACCESSIBLE", "1"), ("TERM", "dumb")]),
            Accessible::Variable
        );
        assert_eq!(decide(false, &[("TERM", "dumb")]), Accessible::DumbTerminal);
    }

    #[test]
    fn zero_empty_and_false_are_off() {
        for v in ["", "0", "false", "FALSE", " no "] {
            assert_eq!(decide(false, &[("COURSE_ACCESSIBLE", v)]), Accessible::Off);
            assert_eq!(decide(false, &[("ACCESSIBLE", v)]), Accessible::Off);
        }
        assert!(decide(false, &[("ACCESSIBLE", "true")]).is_on());
        assert!(!Accessible::Off.is_on());
        assert!(Accessible::DumbTerminal
            .reason()
            .get(Lang::En)
            .contains("TERM=dumb"));
    }
}
