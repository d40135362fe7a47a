//! Every output format of a report behind one interface: a [`Format`] (the `--format` value of
//! `course check` and `course grade`) gives a [`Printer`], and a printer turns a report into
//! what goes to stdout or `--output` (plus, for GitHub, the job summary). Commands never pick a
//! format module themselves, so a new format is one variant and one printer here.

use super::{classroom50, csv, github, gradescope, json, junit, text, Report};
use crate::i18n::Lang;
use crate::terminal::Term;

/// `--format` of `course check` and `course grade`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: a line per exercise and how to fix what failed.
    #[default]
    Text,
    /// The `course-report/1` document.
    Json,
    /// JUnit XML (GitLab, Jenkins).
    Junit,
    /// Gradescope's `results.json`.
    Gradescope,
    /// Classroom 50's `result.json`.
    Classroom50,
    /// GitHub Actions annotations, and the job summary in `$GITHUB_STEP_SUMMARY`.
    Github,
    /// One gradebook row.
    Csv,
    /// A gradebook Canvas imports (Grades > Import).
    Canvas,
    /// A gradebook Moodle imports (Import > CSV file).
    Moodle,
}

/// What a printer made of a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    /// The document for stdout or `--output`.
    pub document: String,
    /// Markdown for `$GITHUB_STEP_SUMMARY` (`--format github` only).
    pub step_summary: Option<String>,
}

impl From<String> for Printed {
    fn from(document: String) -> Printed {
        Printed {
            document,
            step_summary: None,
        }
    }
}

/// One output format: a report in, text out. Printers never touch files or the terminal.
pub trait Printer {
    fn print(&self, report: &Report) -> Printed;
}

/// How a format is printed for one run.
pub struct Settings<'a> {
    pub lang: Lang,
    /// Colour and width for `text`.
    pub term: &'a Term,
    /// `text` ends with the next command to type (`course check`, not an instructor's grading).
    pub learner: bool,
    /// The exercise the learner's footer names when it fails (the one `course next` is on);
    /// without it, the first failing one.
    pub focus: Option<&'a str>,
}

impl Format {
    /// Whether the output is for people (shown through the pager on a terminal).
    pub fn is_for_people(self) -> bool {
        self == Format::Text
    }

    pub fn printer<'a>(self, settings: Settings<'a>) -> Box<dyn Printer + 'a> {
        match self {
            Format::Text => Box::new(TextPrinter(settings)),
            Format::Json => Box::new(Plain(json::render)),
            Format::Junit => Box::new(Plain(junit::render)),
            Format::Classroom50 => Box::new(Plain(classroom50::render)),
            Format::Gradescope => Box::new(Localised(settings.lang, gradescope::render)),
            Format::Github => Box::new(GithubPrinter(settings.lang)),
            Format::Csv => Box::new(CsvPrinter),
            Format::Canvas => Box::new(LmsPrinter(super::lms::Lms::Canvas)),
            Format::Moodle => Box::new(LmsPrinter(super::lms::Lms::Moodle)),
        }
    }
}

/// A format that depends on nothing but the report.
struct Plain(fn(&Report) -> String);

impl Printer for Plain {
    fn print(&self, report: &Report) -> Printed {
        (self.0)(report).into()
    }
}

/// A format with words of its own in the chosen language.
struct Localised(Lang, fn(&Report, Lang) -> String);

impl Printer for Localised {
    fn print(&self, report: &Report) -> Printed {
        (self.1)(report, self.0).into()
    }
}

struct TextPrinter<'a>(Settings<'a>);

impl Printer for TextPrinter<'_> {
    fn print(&self, report: &Report) -> Printed {
        let s = &self.0;
        text::render(report, s.term, s.lang, s.learner, s.focus).into()
    }
}

struct GithubPrinter(Lang);

impl Printer for GithubPrinter {
    fn print(&self, report: &Report) -> Printed {
        let out = github::render(report, self.0);
        Printed {
            document: out.commands,
            step_summary: Some(out.summary),
        }
    }
}

/// A single workspace's row in a gradebook: named after its folder.
fn row_name(report: &Report) -> String {
    std::path::Path::new(&report.workspace)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| report.workspace.clone())
}

/// The workspace as one gradebook row, named after its folder, with a column per exercise
/// in the report.
struct CsvPrinter;

impl Printer for CsvPrinter {
    fn print(&self, report: &Report) -> Printed {
        let name = row_name(report);
        let ids: Vec<&str> = report.exercises.iter().map(|e| e.id.as_str()).collect();
        let row = csv::Row {
            submission: &name,
            outcome: Ok(report),
            extra: vec![],
        };
        csv::render(&ids, &[row], &[], &[]).into()
    }
}

/// The workspace as one row of an LMS gradebook, with the score as it is (`--points` maps
/// a batch's scores; the assignment column is named after the course).
struct LmsPrinter(super::lms::Lms);

impl Printer for LmsPrinter {
    fn print(&self, report: &Report) -> Printed {
        let graded = [crate::grading::batch::Graded {
            submission: row_name(report),
            person: Default::default(),
            outcome: Ok(report.clone()),
        }];
        super::lms::render(self.0, &report.course, None, &graded).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::text::tests::sample;

    #[test]
    fn every_format_prints_through_the_one_interface() {
        let report = sample();
        let term = Term::plain(80);
        for format in <Format as clap::ValueEnum>::value_variants() {
            let settings = Settings {
                lang: Lang::En,
                term: &term,
                learner: false,
                focus: None,
            };
            let printed = format.printer(settings).print(&report);
            assert!(!printed.document.is_empty(), "{format:?}");
            assert_eq!(
                printed.step_summary.is_some(),
                *format == Format::Github,
                "{format:?}"
            );
        }
    }
}
