//! The class report as Markdown, for `$GITHUB_STEP_SUMMARY` (GitHub shows at most 1 MiB per
//! step: name lists and the could-not-grade table are cut with a count of the rest) or any
//! Markdown viewer. Text from a submission goes through `escape::markdown_inline` or
//! `escape::markdown_code`.

use std::fmt::Write;

use super::{words, Class, NAMES_SHOWN};
use crate::escape::{markdown_code as code, markdown_inline as inline};
use crate::i18n::Lang;
use crate::tr;

/// Rows of the could-not-grade table at most.
const UNGRADABLE_SHOWN: usize = 200;

pub fn render(class: &Class, lang: Lang) -> String {
    let mut out = String::new();
    let title = words::title(&code(&class.course));
    let _ = writeln!(out, "## {}\n", title.get(lang));
    let numbers = words::numbers();
    table(
        &mut out,
        &numbers,
        &[0, 1, 2, 3, 4],
        std::iter::once(class.numbers().to_vec()),
        lang,
    );
    if let Some(note) = class.not_graded_note() {
        let _ = writeln!(out, "> {}\n", inline(note.get(lang)));
    }
    let [h_dist, h_ex, h_prob, h_bad] = words::headings();
    let sections: [(&crate::i18n::Tr, bool, Section); 4] = [
        (&h_dist, class.graded() > 0, distribution),
        (&h_ex, !class.exercises.is_empty(), exercises),
        (&h_prob, !class.problems.is_empty(), problems),
        (&h_bad, !class.ungradable.is_empty(), ungradable),
    ];
    for (heading, any, body) in sections {
        let _ = writeln!(out, "### {}\n", heading.get(lang));
        if any {
            body(&mut out, class, lang);
        } else {
            let _ = writeln!(out, "{}\n", words::none().get(lang));
        }
    }
    out
}

type Section = fn(&mut String, &Class, Lang);

fn distribution(out: &mut String, class: &Class, lang: Lang) {
    let columns = [
        tr!("score", "점수"),
        words::numbers()[0].clone(),
        crate::i18n::Tr::same(""),
    ];
    let peak = class.bins.iter().copied().max().unwrap_or(0).max(1);
    let rows = class.bins.iter().enumerate().map(|(i, &n)| {
        let hi = if i == 9 { 100 } else { i * 10 + 9 };
        vec![
            format!("{}–{hi}%", i * 10),
            n.to_string(),
            "█".repeat((n * 20).div_ceil(peak)),
        ]
    });
    table(out, &columns, &[1], rows, lang);
}

fn exercises(out: &mut String, class: &Class, lang: Lang) {
    let rows = class.exercises.iter().map(|e| {
        let mut cells = vec![format!("{} {}", inline(&e.title), code(&e.id))];
        cells.extend(e.cells().iter().map(ToString::to_string));
        cells.push(e.rate_text());
        cells
    });
    table(
        out,
        &words::exercise_columns(),
        &[1, 2, 3, 4, 5],
        rows,
        lang,
    );
}

fn problems(out: &mut String, class: &Class, lang: Lang) {
    let rows = class.problems.iter().map(|p| {
        let mut who: Vec<String> = p
            .students
            .iter()
            .take(NAMES_SHOWN)
            .map(|n| inline(n))
            .collect();
        let more = p.students.len().saturating_sub(NAMES_SHOWN);
        if more > 0 {
            who.push(words::more(more).get(lang).to_string());
        }
        vec![
            code(p.code.as_str()),
            p.students.len().to_string(),
            who.join(", "),
            inline(&p.example),
        ]
    });
    table(out, &words::problem_columns(), &[1], rows, lang);
}

fn ungradable(out: &mut String, class: &Class, lang: Lang) {
    let rows = class
        .ungradable
        .iter()
        .take(UNGRADABLE_SHOWN)
        .map(|u| vec![inline(&u.submission), code(&u.code), inline(&u.reason)]);
    table(out, &words::ungradable_columns(), &[], rows, lang);
    let more = class.ungradable.len().saturating_sub(UNGRADABLE_SHOWN);
    if more > 0 {
        let _ = writeln!(
            out,
            "{}\n",
            tr!(
                "…and {more} more: see the gradebook.",
                "…외 {more}개는 성적표를 보십시오."
            )
            .get(lang)
        );
    }
}

/// A Markdown table of cells already escaped; the columns in `numeric` are right-aligned.
fn table(
    out: &mut String,
    columns: &[crate::i18n::Tr],
    numeric: &[usize],
    rows: impl Iterator<Item = Vec<String>>,
    lang: Lang,
) {
    let head: Vec<&str> = columns.iter().map(|c| c.get(lang)).collect();
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let rule: Vec<&str> = (0..columns.len())
        .map(|i| if numeric.contains(&i) { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}
