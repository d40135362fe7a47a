//! What the pager says about its keys: the status line (the position and as many keys as the
//! width holds, always with `?`, which lists them all) and the `?` screen itself, each in the
//! reader's language and wrapped by whole words (issue 9: at 60 columns the status line used
//! to drop `j/k` and `n/N` without a word).

use super::Host;
use crate::i18n::{Lang, Tr};
use crate::render::text::width;
use crate::terminal::{indented, pad};
use crate::tr;

/// Where the reader is: lines `first`-`last` of `n`, `pct` percent of the text seen.
#[derive(Clone, Copy, Debug)]
pub(super) struct Position {
    pub first: usize,
    pub last: usize,
    pub n: usize,
    pub pct: usize,
}

/// The bottom line for `width` columns: the richest wording that fits. Every wording names
/// `q` and `?` (the screen with all the keys), so a key left off the line is one key away;
/// from 60 columns on, the line also names every key a reader needs (page, line, search, next
/// match). Only a window narrower than any wording (under about 30 columns) cuts the line.
///
/// The wording is chosen for the widest position the text can show (its last page, at
/// 100%), not for the page on screen: at 80 columns `lines 1-29 of 148` fitted where
/// `120-148/148` did not, and the line changed form on the last page.
pub(super) fn status_line(lang: Lang, at: Position, width_: usize) -> String {
    let none = Tr::from_fn(|_| String::new());
    richest(|at| status_wordings(at, &none), lang, at, width_)
}

/// Every wording of the status line at `at`, richest first (see [`status_line`]): the
/// position, then `host`'s keys (`  e edit`; empty for the pager alone), then as many of the
/// pager's own keys as fit. The one source of the pager's status line and a hosted one
/// (`course watch`'s, `pager/host.rs`), so the two name the same keys in the same words.
pub(super) fn status_wordings(at: Position, host: &Tr) -> Vec<Tr> {
    let Position {
        first,
        last,
        n,
        pct,
    } = at;
    let h = || host.clone();
    vec![
        tr!(
            "lines {first}-{last} of {n} ({pct}%){h}  q quit  space/b page  j/k line  / search  n/N next/prev  ? help",
            "{n}줄 중 {first}-{last} ({pct}%){h}  q 끝내기  space/b 쪽 넘기기  j/k 한 줄  / 검색  n/N 다음/이전  ? 도움말";
            h = h()
        ),
        tr!(
            "lines {first}-{last} of {n} ({pct}%){h}  q quit  space/b page  j/k line  / search  n/N next  ? help",
            // `? 키`: with a three-digit position on the last page this form fits 80 columns.
            "{n}줄 중 {first}-{last} ({pct}%){h}  q 끝내기  space/b 쪽  j/k 줄  / 검색  n/N 다음  ? 키";
            h = h()
        ),
        tr!(
            "{first}-{last}/{n} ({pct}%){h}  q quit  space/b page  j/k line  / search  n/N next  ? help",
            "{first}-{last}/{n} ({pct}%){h}  q 끝내기  space/b 쪽  j/k 줄  / 검색  n/N 다음  ? 도움말";
            h = h()
        ),
        tr!(
            // `find`, not `search`: with a text's widest position (four digits) this form
            // still fits 60 columns with every key.
            "{first}-{last}/{n}{h}  q quit  space/b j/k move  / n/N find  ? help",
            "{first}-{last}/{n}{h}  q 끝내기  space/b j/k 이동  / n/N 검색  ? 키";
            h = h()
        ),
        // With a host's key the form above passes 60 columns; this one keeps the keys
        // that move.
        tr!(
            "{first}-{last}/{n}{h}  q quit  space/b j/k move  ? keys",
            "{first}-{last}/{n}{h}  q 끝내기  space/b j/k 이동  ? 키";
            h = h()
        ),
        tr!(
            "{first}-{last}/{n}{h}  q quit  / search  ? all keys",
            "{first}-{last}/{n}{h}  q 끝내기  / 검색  ? 모든 키";
            h = h()
        ),
        tr!(
            "{first}-{last}/{n}{h}  q quit  ? keys",
            "{first}-{last}/{n}{h}  q 끝내기  ? 키";
            h = h()
        ),
        tr!(
            "{first}-{last}/{n}  q quit  ? keys",
            "{first}-{last}/{n}  q 끝내기  ? 키"
        ),
        tr!("{first}-{last}/{n}", "{first}-{last}/{n}"),
    ]
}

/// The bottom line while the `?` screen is shown (chosen as [`status_line`] is).
pub(super) fn help_status(lang: Lang, at: Position, width_: usize) -> String {
    richest(help_wordings, lang, at, width_)
}

fn help_wordings(at: Position) -> Vec<Tr> {
    let Position { first, last, n, .. } = at;
    vec![
        tr!(
            "all keys · lines {first}-{last} of {n}  q or ? back to the text",
            "모든 키 · {n}줄 중 {first}-{last}  q 또는 ? 본문으로 돌아가기"
        ),
        tr!(
            "{first}-{last}/{n}  q/? back",
            "{first}-{last}/{n}  q/? 돌아가기"
        ),
        tr!("q/? back", "q/? 돌아가기"),
    ]
}

/// The first of the `wordings` (richest first) whose widest form, at the text's last page,
/// fits in `width_` columns, said for `at`; else the last, cut. One form for every page of a
/// text: it changes with the width, never with the page.
pub(super) fn richest(
    wordings: impl Fn(Position) -> Vec<Tr>,
    lang: Lang,
    at: Position,
    width_: usize,
) -> String {
    let n = at.n;
    let widest = Position {
        first: n.max(at.first),
        last: n.max(at.last),
        n,
        pct: 100,
    };
    let fits = wordings(widest)
        .iter()
        .position(|w| width(w.get(lang)) <= width_);
    let now = wordings(at);
    let chosen = fits.map_or(now.last(), |i| now.get(i));
    super::truncate(chosen.map_or("", |w| w.get(lang)), width_)
}

/// The `?` screen: every key the pager takes (a host's own first, under its title), a key
/// column and what it does, the words wrapped under their own column (a Korean word stays
/// whole).
pub(super) fn help_text(lang: Lang, width_: usize, host: Option<&Host>) -> String {
    let own = host.into_iter().flat_map(|h| &h.keys);
    let mut keys: Vec<(String, Tr)> = own.map(|k| (k.key.to_string(), k.does.clone())).collect();
    let pager = [
        (
            "q, Esc",
            tr!(
                "quit (Ctrl-C stops course)",
                "끝내기 (Ctrl-C는 course를 멈춤)"
            ),
        ),
        ("space, f, PgDn", tr!("next page", "다음 쪽")),
        ("b, PgUp", tr!("previous page", "이전 쪽")),
        ("j, ↓, Enter", tr!("one line down", "한 줄 아래로")),
        ("k, ↑", tr!("one line up", "한 줄 위로")),
        ("d / u", tr!("half a page down / up", "반 쪽 아래로 / 위로")),
        (
            "g, Home / G, End",
            tr!("the top / the end", "맨 처음 / 맨 끝"),
        ),
        (
            "/",
            tr!(
                "search: type a word, then Enter (Esc cancels)",
                "검색: 찾을 말을 입력하고 Enter (Esc는 취소)"
            ),
        ),
        ("n / N", tr!("next / previous match", "다음 / 이전 찾은 곳")),
        ("?", tr!("this list", "이 목록")),
    ];
    keys.extend(pager.into_iter().map(|(k, what)| (k.to_string(), what)));
    let title = match host {
        Some(host) => host.title.clone(),
        None => tr!("Pager keys", "페이저 키"),
    };
    let mut out = format!("{}\n\n", title.get(lang));
    let column = keys.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 4;
    // A narrow window puts the words under the keys instead of beside them.
    let beside = width_ >= column + 20;
    for (key, what) in &keys {
        let what = what.get(lang);
        let lines = if beside {
            indented(
                what,
                &pad(&format!("  {key}"), column),
                &" ".repeat(column),
                width_,
            )
        } else {
            let mut lines = vec![format!("  {key}")];
            lines.extend(indented(what, "      ", "      ", width_));
            lines
        };
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Position {
        Position {
            first: 101,
            last: 129,
            n: 1096,
            pct: 11,
        }
    }

    #[test]
    fn issue9_every_key_a_reader_needs_is_on_the_status_line_from_60_columns() {
        for lang in Lang::ALL {
            for w in 60..=200 {
                let line = status_line(lang, at(), w);
                assert!(width(&line) <= w, "{lang} {w}: {line}");
                for key in ["q ", "space/b", "j/k", "/ ", "n/N", "? "] {
                    assert!(line.contains(key), "{lang} {w}: {key} missing in {line}");
                }
            }
        }
    }

    #[test]
    fn issue9_from_40_columns_the_status_line_points_to_all_keys() {
        for lang in Lang::ALL {
            for w in 30..=200 {
                let line = status_line(lang, at(), w);
                assert!(width(&line) <= w, "{lang} {w}: {line}");
                assert!(line.contains("101-129"), "{lang} {w}: {line}");
                assert!(
                    line.contains("q ") && line.contains("? "),
                    "{lang} {w}: {line}"
                );
            }
            assert!(status_line(lang, at(), 10).len() <= 10);
        }
    }

    #[test]
    fn issue9_the_status_line_keeps_its_form_on_every_page() {
        for lang in Lang::ALL {
            for w in 30..=140 {
                let (n, rows) = (148, 29);
                let lines: Vec<String> = (0..=n - rows)
                    .map(|top| {
                        let last = top + rows;
                        let at = Position {
                            first: top + 1,
                            last,
                            n,
                            pct: last * 100 / n,
                        };
                        status_line(lang, at, w)
                    })
                    .collect();
                // The same words around the numbers on every page: only digits change.
                let form = |l: &str| l.replace(|c: char| c.is_ascii_digit(), "");
                let first = form(&lines[0]);
                for line in &lines {
                    assert_eq!(form(line), first, "{lang} {w}: {} / {line}", lines[0]);
                    assert!(width(line) <= w, "{lang} {w}: {line}");
                }
            }
        }
    }

    #[test]
    fn issue9_the_help_screen_lists_every_key_whole_at_every_width() {
        for lang in Lang::ALL {
            for w in 30..=140 {
                let text = help_text(lang, w, None);
                for line in text.lines() {
                    assert!(width(line) <= w, "{lang} {w}: {line}");
                }
                for key in [
                    "q, Esc", "space, f", "b, PgUp", "j, ↓", "k, ↑", "d / u", "g, Home", "n / N",
                ] {
                    assert!(text.contains(key), "{lang} {w}: {key}");
                }
                let words: Vec<&str> = text.split_whitespace().collect();
                let whole = help_text(lang, 400, None);
                for word in whole.split_whitespace() {
                    assert!(words.contains(&word), "{lang} {w}: {word} split or lost");
                }
            }
            let status = help_status(lang, at(), 40);
            assert!(status.contains("q") && status.contains('?'), "{status}");
        }
    }
}
