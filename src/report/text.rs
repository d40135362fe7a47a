//! Text report for people (not implemented yet: a line per exercise).

use super::Report;
use crate::i18n::Lang;
use crate::terminal::Term;

pub fn render(report: &Report, _term: &Term, _lang: Lang) -> String {
    let mut s = String::new();
    for e in &report.exercises {
        s.push_str(&format!("{:?} {}\n", e.status, e.id));
        for f in &e.findings {
            s.push_str(&format!("  {:?} {}\n", f.status, f.message));
        }
    }
    s
}
