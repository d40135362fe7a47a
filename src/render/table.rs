//! GFM tables: column widths by display width, shrinking the widest columns and wrapping
//! text inside cells when the table is wider than the screen, borders in box drawing or ASCII.
//! Every line of a table has the same display width. A column is never narrower than its
//! widest word (a command, a code span, a Korean word); a table that cannot fit so becomes
//! `header: value` records.

use pulldown_cmark::Alignment;

use super::text::{line_width, Line, Span, Style};
use super::wrap::{push_span, widest_word, wrap};

/// Narrowest a column is shrunk to (a Hangul syllable is two columns).
const MIN_COL: usize = 4;

struct Border {
    h: &'static str,
    head_h: &'static str,
    v: &'static str,
    // left, middle, right for top, header separator, row separator, bottom
    top: [&'static str; 3],
    head: [&'static str; 3],
    mid: [&'static str; 3],
    bottom: [&'static str; 3],
}

const BOX: Border = Border {
    h: "─",
    head_h: "─",
    v: "│",
    top: ["┌", "┬", "┐"],
    head: ["├", "┼", "┤"],
    mid: ["├", "┼", "┤"],
    bottom: ["└", "┴", "┘"],
};

const ASCII: Border = Border {
    h: "-",
    head_h: "=",
    v: "|",
    top: ["+", "+", "+"],
    head: ["+", "+", "+"],
    mid: ["+", "+", "+"],
    bottom: ["+", "+", "+"],
};

/// Render a table; `rows[0]` is the header. Cells are already-styled spans.
pub fn render(
    aligns: &[Alignment],
    rows: &[Vec<Vec<Span>>],
    width: usize,
    ascii: bool,
    records_only: bool,
) -> Vec<Line> {
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
    if ncols == 0 {
        return Vec::new();
    }
    if records_only {
        return records(rows, width);
    }
    let empty: Vec<Span> = Vec::new();
    let cell = |r: usize, c: usize| rows[r].get(c).unwrap_or(&empty);
    let Some(widths) = column_widths(rows, ncols, width) else {
        return records(rows, width);
    };
    let b = if ascii { &ASCII } else { &BOX };
    let mut out: Vec<Line> = vec![border(&widths, b.top, b.h)];
    let body: Vec<Vec<Line>> = (0..rows.len())
        .flat_map(|r| (0..ncols).map(move |c| (r, c)))
        .map(|(r, c)| wrap(cell(r, c), widths[c]))
        .collect();
    // Rows are ruled apart only when a body cell wraps: then the eye needs the rule to see
    // where one row ends.
    let multi_line = (1..rows.len()).any(|r| (0..ncols).any(|c| body[r * ncols + c].len() > 1));
    for r in 0..rows.len() {
        let cells = &body[r * ncols..(r + 1) * ncols];
        let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for k in 0..height {
            out.push(row_line(cells, k, &widths, aligns, b));
        }
        if r == 0 && rows.len() > 1 {
            out.push(border(&widths, b.head, b.head_h));
        } else if multi_line && r + 1 < rows.len() {
            out.push(border(&widths, b.mid, b.h));
        }
    }
    out.push(border(&widths, b.bottom, b.h));
    out
}

/// Each column's width: its widest cell, then the widest columns shrunk one column at a
/// time until the table fits `width`. `None` when it cannot fit without shrinking a column
/// below [`MIN_COL`] (or below its natural width, if narrower).
fn column_widths(rows: &[Vec<Vec<Span>>], ncols: usize, width: usize) -> Option<Vec<usize>> {
    let empty: Vec<Span> = Vec::new();
    let cell = |r: usize, c: usize| rows[r].get(c).unwrap_or(&empty);
    let mut widths: Vec<usize> = (0..ncols)
        .map(|c| {
            (0..rows.len())
                .flat_map(|r| wrap(cell(r, c), usize::MAX / 2))
                .map(|l| line_width(&l))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let overhead = 3 * ncols + 1;
    // A column is never narrower than its widest word: a command in a cell
    // (`course lesson git`, a link's target) or a Korean word split inside a cell could not
    // be copied or read (issue 9). A table that cannot fit so is shown as records.
    let floors: Vec<usize> = (0..ncols)
        .map(|c| {
            let widest = (0..rows.len())
                .map(|r| widest_word(cell(r, c)))
                .max()
                .unwrap_or(0);
            widest.max(MIN_COL).min(widths[c])
        })
        .collect();
    let mut total: usize = widths.iter().sum::<usize>() + overhead;
    while total > width {
        let (c, _) = widths
            .iter()
            .enumerate()
            .filter(|&(c, &w)| w > floors[c])
            .max_by_key(|&(i, &w)| (w, usize::MAX - i))?;
        widths[c] -= 1;
        total -= 1;
    }
    Some(widths)
}

/// A horizontal rule: `ends` are its left, middle and right corners, `h` the line.
fn border(widths: &[usize], ends: [&str; 3], h: &str) -> Line {
    let mut s = String::from(ends[0]);
    for (i, w) in widths.iter().enumerate() {
        if i > 0 {
            s.push_str(ends[1]);
        }
        s.push_str(&h.repeat(w + 2));
    }
    s.push_str(ends[2]);
    vec![Span::new(s, Style::dim())]
}

/// Line `k` of a row whose cells are already wrapped: each cell's `k`-th line (or nothing),
/// padded to its column's width as the column is aligned.
fn row_line(
    cells: &[Vec<Line>],
    k: usize,
    widths: &[usize],
    aligns: &[Alignment],
    b: &Border,
) -> Line {
    let mut line: Line = Vec::new();
    for (c, lines) in cells.iter().enumerate() {
        if c > 0 {
            push_span(&mut line, " ", Style::default());
        }
        push_span(&mut line, b.v, Style::dim());
        push_span(&mut line, " ", Style::default());
        let content = lines.get(k).cloned().unwrap_or_default();
        let slack = widths[c].saturating_sub(line_width(&content));
        let align = aligns.get(c).copied().unwrap_or(Alignment::None);
        let left = match align {
            Alignment::Right => slack,
            Alignment::Center => slack / 2,
            _ => 0,
        };
        if left > 0 {
            push_span(&mut line, &" ".repeat(left), Style::default());
        }
        for s in content {
            push_span(&mut line, &s.text, s.style);
        }
        if slack > left {
            push_span(&mut line, &" ".repeat(slack - left), Style::default());
        }
    }
    push_span(&mut line, " ", Style::default());
    push_span(&mut line, b.v, Style::dim());
    line
}

/// A table too wide even with narrow columns (or any table in accessible mode): each row as
/// `header: value` lines.
fn records(rows: &[Vec<Vec<Span>>], width: usize) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let header = &rows[0];
    for (r, row) in rows.iter().enumerate().skip(1) {
        if r > 1 {
            out.push(Vec::new());
        }
        for (c, cell) in row.iter().enumerate() {
            let mut spans: Vec<Span> = header
                .get(c)
                .map(|h| {
                    h.iter()
                        .map(|s| {
                            Span::new(
                                s.text.replace('\n', " "),
                                Style {
                                    bold: true,
                                    ..s.style
                                },
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            spans.push(Span::new(": ", Style::bold()));
            spans.extend(cell.iter().cloned());
            out.extend(wrap(&spans, width));
        }
    }
    if rows.len() == 1 {
        let spans: Vec<Span> = header.iter().flatten().cloned().collect();
        out.extend(wrap(&spans, width));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::{plain_lines, plain_text as text};
    use super::*;

    fn cells(row: &[&str]) -> Vec<Vec<Span>> {
        row.iter().map(|s| vec![Span::plain(*s)]).collect()
    }

    #[test]
    fn hangul_columns_line_up() {
        let rows = vec![
            cells(&["도구", "역할"]),
            cells(&["pip", "패키지 설치"]),
            cells(&["가상환경", "격리"]),
        ];
        let lines = render(&[Alignment::None, Alignment::None], &rows, 80, false, false);
        let widths: Vec<usize> = lines.iter().map(|l| line_width(l)).collect();
        assert!(widths.iter().all(|&w| w == widths[0]), "{widths:?}");
        assert_eq!(text(&lines[1]), "│ 도구     │ 역할        │");
        assert_eq!(text(&lines[3]), "│ pip      │ 패키지 설치 │");
    }

    #[test]
    fn wide_table_wraps_inside_cells() {
        let rows = vec![
            cells(&["도구", "역할"]),
            cells(&[
                "가상환경 (venv/conda)",
                "프로젝트별 의존성 격리 — PyTorch 버전 충돌 방지",
            ]),
        ];
        let lines = render(&[Alignment::None, Alignment::None], &rows, 30, true, false);
        for l in &lines {
            assert_eq!(line_width(l), 30, "{}", text(l));
        }
        assert!(lines.len() > 5);
        assert!(text(&lines[0]).starts_with("+-"));
    }

    #[test]
    fn alignment() {
        let rows = vec![cells(&["a", "bb", "c"]), cells(&["1", "2", "333"])];
        let lines = render(
            &[Alignment::Left, Alignment::Center, Alignment::Right],
            &rows,
            80,
            true,
            false,
        );
        assert_eq!(text(&lines[3]), "| 1 | 2  | 333 |");
        assert_eq!(text(&lines[1]), "| a | bb |   c |");
    }

    #[test]
    fn too_many_columns_become_records() {
        let row: Vec<&str> = vec!["열"; 12];
        let rows = vec![cells(&row), cells(&row)];
        let lines = render(&[], &rows, 20, false, false);
        assert!(lines.iter().all(|l| line_width(l) <= 20));
        assert_eq!(text(&lines[0]), "열: 열");
    }

    #[test]
    fn accessible_tables_are_records_even_when_they_fit() {
        let rows = vec![
            cells(&["도구", "역할"]),
            cells(&["pip", "패키지 설치"]),
            cells(&["conda", "환경"]),
        ];
        let lines = plain_lines(&render(&[], &rows, 80, false, true));
        assert_eq!(
            lines,
            [
                "도구: pip",
                "역할: 패키지 설치",
                "",
                "도구: conda",
                "역할: 환경"
            ]
        );
    }
}
