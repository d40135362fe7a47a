//! The pager inside another screen (`course watch` scrolls its report with it): the program
//! around it, its *host*, has keys of its own. The pager hands those keys back to it
//! ([`super::Action::Host`]) instead of acting on them, lists them first on the `?` screen, and
//! names them on the status line. Without this, watch's `e` (open the file to fix) would also
//! be the pager's `e` (a line down, as in `less`): one key, two things.

use super::help::{richest, status_wordings, Position};
use crate::i18n::{Lang, Tr};
use crate::tr;

/// The program around the pager: the `?` screen's title and its own keys.
#[derive(Clone, Debug)]
pub struct Host {
    pub title: Tr,
    pub keys: Vec<HostKey>,
}

/// One key of the host's: always the host's (never the pager's), listed on the `?` screen, and
/// named on the status line while `offered`.
#[derive(Clone, Debug)]
pub struct HostKey {
    pub key: char,
    /// What it does, on the `?` screen and on a status line with room for it.
    pub does: Tr,
    /// The same in a word, for a narrower status line.
    pub short: Tr,
    /// Whether it does something now (watch's `e` only with a file to fix); a key not offered
    /// is still the host's, which says why nothing happens.
    pub offered: bool,
}

impl Host {
    /// Whether `c` is one of the host's keys.
    pub(super) fn takes(&self, c: char) -> bool {
        self.keys.iter().any(|k| k.key == c)
    }

    /// The offered keys as status-line items (`  e edit`), long or short, in both languages.
    fn items(&self, long: bool) -> Tr {
        Tr::from_fn(|lang| {
            self.keys
                .iter()
                .filter(|k| k.offered)
                .map(|k| {
                    let what = if long { &k.does } else { &k.short };
                    format!("  {} {}", k.key, what.get(lang))
                })
                .collect()
        })
    }
}

/// The bottom line of a hosted pager, for `width_` columns: the richest wording that fits.
/// A text that fits whole needs no position and no scrolling keys: then the host's keys say
/// what they do in full. A longer one has the pager's own wordings (`pager/help.rs`, one source
/// for both) with the host's keys after the position, so the keys that move come before search.
pub(super) fn hosted_status(lang: Lang, at: Position, width_: usize, host: &Host) -> String {
    let (long, short) = (host.items(true), host.items(false));
    let whole = at.first <= 1 && at.last >= at.n;
    // The items start with two spaces, to follow the position; alone they are trimmed.
    let trim = |t: Tr| Tr::from_fn(|lang| t.get(lang).trim_start().to_string());
    // Built for any position: the wording is chosen for the last page's (see `richest`).
    let candidates = |at: Position| {
        if whole {
            vec![
                trim(tr!(
                    "{long}  q quit  ? all keys",
                    "{long}  q 끝내기  ? 모든 키";
                    long = long
                )),
                trim(tr!(
                    "{short}  q quit  ? keys",
                    "{short}  q 끝내기  ? 키";
                    short = short
                )),
                tr!("q quit  ? keys", "q 끝내기  ? 키"),
            ]
        } else {
            status_wordings(at, &short)
        }
    };
    richest(candidates, lang, at, width_)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::text::width;

    fn host(offered: bool) -> Host {
        let mut host = super::super::tests::watch_like();
        host.keys[0].offered = offered;
        host
    }

    #[test]
    fn issue9_a_hosted_status_line_names_the_host_keys_and_the_moving_keys_at_60_columns() {
        let at = Position {
            first: 101,
            last: 129,
            n: 1096,
            pct: 11,
        };
        for lang in Lang::ALL {
            for w in 60..=200 {
                let line = hosted_status(lang, at, w, &host(true));
                assert!(width(&line) <= w, "{lang} {w}: {line}");
                for key in ["101-129", " e ", "q ", "space/b", "j/k", "? "] {
                    assert!(line.contains(key), "{lang} {w}: {key} missing in {line}");
                }
                let line = hosted_status(lang, at, w, &host(false));
                assert!(!line.contains(" e "), "{lang} {w}: not offered: {line}");
            }
            for w in 1..60 {
                let line = hosted_status(lang, at, w, &host(true));
                assert!(width(&line) <= w, "{lang} {w}: {line}");
            }
        }
    }

    #[test]
    fn issue9_a_text_that_fits_gets_the_host_keys_in_full_and_no_position() {
        let at = Position {
            first: 1,
            last: 7,
            n: 7,
            pct: 100,
        };
        let line = hosted_status(Lang::En, at, 80, &host(true));
        assert_eq!(
            line,
            "e open the file to fix in your editor  q quit  ? all keys"
        );
        let line = hosted_status(Lang::Ko, at, 60, &host(true));
        assert_eq!(line, "e 고칠 파일을 편집기로 열기  q 끝내기  ? 모든 키");
        assert_eq!(
            hosted_status(Lang::En, at, 30, &host(true)),
            "e edit  q quit  ? keys"
        );
        assert_eq!(
            hosted_status(Lang::Ko, at, 80, &host(false)),
            "q 끝내기  ? 모든 키"
        );
    }
}
