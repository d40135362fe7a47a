//! URLs as pip 26 sees them in a requirement line: Python's `urllib.parse.urlsplit` (scheme,
//! netloc, path; tabs and line breaks dropped first; "Invalid IPv6 URL"), pip's `is_url` and
//! VCS schemes, and what its `Link` refuses (`#egg=` that is not a project name, a `file:` URL
//! naming another host). Pure string work: nothing is fetched.

use super::link::ReqError;
use super::pep508::is_valid_name;

pub(super) const VCS: &[&str] = &["bzr", "git", "hg", "svn"];
pub(super) const VCS_SCHEMES: &[&str] = &[
    "bzr+http",
    "bzr+https",
    "bzr+ssh",
    "bzr+sftp",
    "bzr+ftp",
    "bzr+lp",
    "bzr+file",
    "git+http",
    "git+https",
    "git+ssh",
    "git+git",
    "git+file",
    "hg+file",
    "hg+http",
    "hg+https",
    "hg+ssh",
    "hg+static-http",
    "svn+ssh",
    "svn+http",
    "svn+https",
    "svn+svn",
    "svn+file",
];
/// `urllib.parse.urlsplit(url).scheme`, lowercased ("" when none). urlsplit drops tabs and
/// line breaks first, so `git+http\ts://...` is a `git+https` URL.
pub(super) fn scheme(url: &str) -> String {
    // No `:`, no scheme (nothing is copied for the usual `torch==2.1`).
    if !url.contains(':') {
        return String::new();
    }
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\r' | '\n'))
        .collect();
    let url = cleaned.as_str();
    match url.find(':') {
        Some(i)
            if i > 0
                && url.as_bytes()[0].is_ascii_alphabetic()
                && url[..i]
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')) =>
        {
            url[..i].to_ascii_lowercase()
        }
        _ => String::new(),
    }
}

/// pip's `is_url`: a scheme pip downloads from.
pub(super) fn is_url(text: &str) -> bool {
    let s = scheme(text);
    matches!(s.as_str(), "http" | "https" | "file" | "ftp") || VCS_SCHEMES.contains(&s.as_str())
}

pub(super) fn is_vcs(url: &str) -> bool {
    VCS_SCHEMES.contains(&scheme(url).as_str())
}

/// The parts of a URL as `urllib.parse.urlsplit` finds them (it drops tabs and newlines
/// first): (netloc, unquoted path).
pub(super) fn split_url(url: &str) -> (String, String) {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\r' | '\n'))
        .collect();
    let s = scheme(&cleaned);
    let mut rest = cleaned.as_str();
    if !s.is_empty() {
        rest = &rest[s.len() + 1..];
    }
    let mut netloc = "";
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        netloc = &after[..end];
        rest = &after[end..];
    }
    let path = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    (netloc.to_string(), unquote(path))
}

pub(super) fn url_path(url: &str) -> String {
    split_url(url).1
}

/// `urlsplit`'s "Invalid IPv6 URL": a netloc (after `scheme://` or a leading `//`) whose
/// brackets do not pair up or do not hold an IPv6 address.
pub(super) fn bad_netloc(url: &str) -> bool {
    // The netloc is part of the URL: without a bracket it has none (and nothing is copied).
    if !url.contains(['[', ']']) {
        return false;
    }
    let (netloc, _) = split_url(url);
    let open = netloc.contains('[');
    if open != netloc.contains(']') {
        return true;
    }
    if !open {
        return false;
    }
    let host = netloc.rsplit('@').next().unwrap_or("");
    let inside = host
        .split_once('[')
        .and_then(|(_, r)| r.split_once(']'))
        .map(|(h, _)| h)
        .unwrap_or("");
    let ipv6 = inside.contains(':')
        && inside
            .chars()
            .all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.' | '%'));
    !ipv6 && !inside.starts_with(['v', 'V'])
}

/// What pip's `Link` and `InstallRequirement` refuse in a URL: an `#egg=` that is not a
/// project name, a netloc with unbalanced `[`/`]` (urlsplit's "Invalid IPv6 URL"), and a
/// `file:` URL naming another host.
pub(super) fn check_link(url: &str) -> Result<Option<String>, ReqError> {
    let egg = egg_fragment(url)?;
    if bad_netloc(url) {
        return Err(ReqError::BadUrl(format!("Invalid IPv6 URL: {url}")));
    }
    let (netloc, _) = split_url(url);
    if scheme(url) == "file" && !url.starts_with("file:") {
        // pip's `url_to_path` asserts the spelling (`FILE:///x` is refused).
        return Err(ReqError::BadUrl(format!(
            "You can only turn file: urls into filenames (not {url})"
        )));
    }
    if scheme(url) == "file" && !netloc.is_empty() && netloc != "localhost" {
        return Err(ReqError::BadUrl(format!(
            "non-local file URIs are not supported: {url}"
        )));
    }
    Ok(egg)
}

/// `urllib.parse.unquote`: `%XX` decoded as UTF-8 (invalid sequences replaced).
pub(super) fn unquote(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
/// `Link.egg_fragment`: the `#egg=`/`&egg=` value, which must be a project name.
pub(super) fn egg_fragment(url: &str) -> Result<Option<String>, ReqError> {
    let Some(at) = url
        .match_indices("egg=")
        .map(|(i, _)| i)
        .find(|&i| i > 0 && matches!(url.as_bytes()[i - 1], b'#' | b'&'))
    else {
        return Ok(None);
    };
    let value = &url[at + 4..];
    let value = &value[..value.find('&').unwrap_or(value.len())];
    if is_valid_name(value) {
        Ok(Some(value.to_string()))
    } else {
        Err(ReqError::EggFragment(value.to_string()))
    }
}
