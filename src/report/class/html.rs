//! The class report as one self-contained HTML page: inline CSS and inline SVG charts, no
//! scripts, fonts, images or anything else fetched (a Content-Security-Policy of
//! `default-src 'none'` says so to the browser too), readable in dark mode
//! (`prefers-color-scheme`) and printed (`@media print`: light colours, no page-breaks
//! inside a chart). Every text from a submission goes through `escape::html`.

use std::fmt::Write;

use super::{words, Class, NAMES_SHOWN};
use crate::escape::html as esc;
use crate::i18n::Lang;
use crate::tr;

const STYLE: &str = r#"
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --grid: #d1d9e0;
  --bar: #0969da; --pass: #1a7f37; --fail: #cf222e; --skip: #8c959f; --error: #9a6700; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --grid: #3d444d;
    --bar: #4493f8; --pass: #3fb950; --fail: #f85149; --skip: #6e7681; --error: #d29922; }
}
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif;
  color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 62rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
.meta, .none, .legend { color: var(--muted); }
.numbers { display: flex; flex-wrap: wrap; gap: .5rem 2rem; margin: 1rem 0; padding: 0; list-style: none; }
.numbers b { display: block; font-size: 1.5rem; }
svg { display: block; width: 100%; max-width: 48rem; height: auto; }
svg text { fill: var(--fg); font-size: 12px; font-family: inherit; }
svg .axis { stroke: var(--grid); } svg .bar { fill: var(--bar); }
.pass { fill: var(--pass); } .fail { fill: var(--fail); } .skip { fill: var(--skip); } .error { fill: var(--error); }
.key { display: inline-block; width: .8em; height: .8em; margin: 0 .3em 0 1em; vertical-align: -.05em; }
.key.pass { background: var(--pass); } .key.fail { background: var(--fail); }
.key.skip { background: var(--skip); } .key.error { background: var(--error); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .6rem .3rem 0; border-bottom: 1px solid var(--grid); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --grid: #bbb; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  section, svg, tr { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The whole page in `lang`.
pub fn render(class: &Class, lang: Lang) -> String {
    let title = words::title(&esc(&class.course));
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n",
        lang = lang.code(),
        title = title.get(lang),
    );
    out.push_str("<ul class=\"numbers\">\n");
    for (label, value) in words::numbers().iter().zip(class.numbers()) {
        let _ = writeln!(out, "<li><b>{value}</b>{}</li>", label.get(lang));
    }
    out.push_str("</ul>\n");
    if let Some(note) = class.not_graded_note() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(note.get(lang)));
    }
    let [h_dist, h_ex, h_prob, h_bad] = words::headings();
    let sections: [(&str, &crate::i18n::Tr, bool, Section); 4] = [
        ("distribution", &h_dist, class.graded() > 0, distribution),
        ("exercises", &h_ex, !class.exercises.is_empty(), exercises),
        ("problems", &h_prob, !class.problems.is_empty(), problems),
        (
            "ungradable",
            &h_bad,
            !class.ungradable.is_empty(),
            ungradable,
        ),
    ];
    for (id, heading, any, body) in sections {
        let _ = writeln!(out, "<section id=\"{id}\">\n<h2>{}</h2>", heading.get(lang));
        if any {
            body(&mut out, class, lang);
        } else {
            let _ = writeln!(out, "<p class=\"none\">{}</p>", words::none().get(lang));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

type Section = fn(&mut String, &Class, Lang);

fn distribution(out: &mut String, class: &Class, lang: Lang) {
    let desc = tr!(
        "Number of graded submissions per range of the score, in percent of the points",
        "점수 구간(만점 대비 %)별 채점된 제출물 수"
    );
    let (w, h, top, bottom, left) = (640.0, 240.0, 24.0, 40.0, 8.0);
    let peak = class.bins.iter().copied().max().unwrap_or(0).max(1) as f64;
    let slot = (w - left * 2.0) / 10.0;
    let _ = writeln!(
        out,
        "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"dist-title\"><title id=\"dist-title\">{}</title>",
        desc.get(lang)
    );
    let base = h - bottom;
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{left}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\"/>",
        w - left
    );
    for (i, &count) in class.bins.iter().enumerate() {
        let x = left + slot * i as f64;
        let bh = (base - top) * count as f64 / peak;
        let (bx, by, bw, mid) = (x + 4.0, base - bh, slot - 8.0, x + slot / 2.0);
        let hi = if i == 9 { 100 } else { i * 10 + 9 };
        let _ = writeln!(
            out,
            "<rect class=\"bar\" x=\"{bx:.1}\" y=\"{by:.1}\" width=\"{bw:.1}\" height=\"{bh:.1}\"/>\
             <text x=\"{mid:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{count}</text>\
             <text x=\"{mid:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}–{hi}%</text>",
            by - 6.0,
            base + 18.0,
            i * 10,
        );
    }
    out.push_str("</svg>\n");
}

/// The CSS classes of [`super::ExerciseCounts::cells`], in order.
const CELL_CLASSES: [&str; 4] = ["pass", "fail", "skip", "error"];

fn exercises(out: &mut String, class: &Class, lang: Lang) {
    let columns = words::exercise_columns();
    out.push_str("<p class=\"legend\">");
    for (class_name, label) in CELL_CLASSES.iter().zip(&columns[1..5]) {
        let _ = write!(
            out,
            "<span class=\"key {class_name}\"></span>{}",
            label.get(lang)
        );
    }
    out.push_str("</p>\n");
    let (w, row) = (640.0, 44.0);
    let h = row * class.exercises.len() as f64;
    let desc = tr!(
        "Passed, failed, not graded and could not grade, per exercise",
        "연습별 통과, 실패, 채점 안 함, 채점할 수 없음"
    );
    let _ = writeln!(
        out,
        "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"ex-title\"><title id=\"ex-title\">{}</title>",
        desc.get(lang)
    );
    for (i, e) in class.exercises.iter().enumerate() {
        let y = row * i as f64;
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{:.1}\">{} · {}</text>",
            y + 14.0,
            esc(&e.title),
            e.rate_text()
        );
        let total = e.total().max(1) as f64;
        let mut x = 0.0;
        for (class_name, n) in CELL_CLASSES.iter().zip(e.cells()) {
            if n > 0 {
                let bw = w * n as f64 / total;
                let _ = write!(
                    out,
                    "<rect class=\"{class_name}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bw:.1}\" height=\"18\"><title>{n}</title></rect>",
                    y + 20.0
                );
                x += bw;
            }
        }
        out.push('\n');
    }
    out.push_str("</svg>\n");
    let rows = class.exercises.iter().map(|e| {
        let mut cells = vec![format!("{} <code>{}</code>", esc(&e.title), esc(&e.id))];
        cells.extend(e.cells().iter().map(ToString::to_string));
        cells.push(e.rate_text());
        cells
    });
    table(out, &columns, &[1, 2, 3, 4, 5], rows, lang);
}

fn problems(out: &mut String, class: &Class, lang: Lang) {
    let rows = class.problems.iter().map(|p| {
        vec![
            format!(
                "<code title=\"{}\">{}</code>",
                esc(p.code.meaning()),
                esc(p.code.as_str())
            ),
            p.students.len().to_string(),
            names(&p.students, lang),
            prose(&p.example),
        ]
    });
    table(out, &words::problem_columns(), &[1], rows, lang);
}

/// The first [`NAMES_SHOWN`] names, then how many more.
fn names(students: &[String], lang: Lang) -> String {
    let mut s: Vec<String> = students.iter().take(NAMES_SHOWN).map(|n| esc(n)).collect();
    let more = students.len().saturating_sub(NAMES_SHOWN);
    if more > 0 {
        s.push(words::more(more).get(lang).to_string());
    }
    s.join(", ")
}

fn ungradable(out: &mut String, class: &Class, lang: Lang) {
    let rows = class.ungradable.iter().map(|u| {
        vec![
            esc(&u.submission),
            format!("<code>{}</code>", esc(&u.code)),
            prose(&u.reason),
        ]
    });
    table(out, &words::ungradable_columns(), &[], rows, lang);
}

/// A table of cells already in HTML; the columns in `numeric` are right-aligned.
fn table(
    out: &mut String,
    columns: &[crate::i18n::Tr],
    numeric: &[usize],
    rows: impl Iterator<Item = Vec<String>>,
    lang: Lang,
) {
    let class_of = |i: usize| {
        if numeric.contains(&i) {
            " class=\"n\""
        } else {
            ""
        }
    };
    out.push_str("<table>\n<tr>");
    for (i, c) in columns.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class_of(i), c.get(lang));
    }
    out.push_str("</tr>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>{cell}</td>", class_of(i));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// A message with `code spans` (as findings write them) in HTML: escaped, spans as `<code>`.
pub(super) fn prose(s: &str) -> String {
    let mut out = String::new();
    let parts: Vec<&str> = s.split('`').collect();
    // An odd number of backticks leaves the last one as text.
    let closed = parts.len() % 2 == 1;
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        if i % 2 == 1 && (closed || !last) {
            let _ = write!(out, "<code>{}</code>", esc(part));
        } else {
            if i % 2 == 1 {
                out.push('`');
            }
            out.push_str(&esc(part));
        }
    }
    out
}
