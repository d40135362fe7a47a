//! Unit tests of what pip makes of a requirement line: names, URLs, paths.

use super::*;
use crate::pip::url::{egg_fragment, scheme};

#[test]
fn wheel_names() {
    assert_eq!(
        wheel_name("bitsandbytes-0.41.1-py3-none-win_amd64.whl").unwrap(),
        "bitsandbytes"
    );
    assert_eq!(
        wheel_name("torch-2.2.0+cu121-cp311-cp311-win_amd64.whl").unwrap(),
        "torch"
    );
    assert!(wheel_name("pkg.whl").is_err());
    assert!(wheel_name("not_a_wheel.whl").is_err());
}

#[test]
fn urls() {
    assert_eq!(scheme("git+https://x"), "git+https");
    assert_eq!(scheme("numpy>=1.0"), "");
    assert_eq!(url_path("https://h/a/b%2Bc.whl?x#y"), "/a/b+c.whl");
    assert_eq!(extension("a-1.0.tar.gz"), ".tar.gz");
    assert_eq!(extension(".hidden"), "");
    assert_eq!(
        egg_fragment("git+https://x@main#egg=accelerate").unwrap(),
        Some("accelerate".into())
    );
    assert!(egg_fragment("git+https://x#egg=codejail==3.1.3").is_err());
}

/// Found by comparing mutated lines with pip 26 (scripts/fuzz-lines.py).
#[test]
fn what_python_and_pip_do_to_urls_and_paths() {
    // urlsplit drops tabs, so the wheel name is whole again.
    let p = parse_line_requirement("https://h/gradio-4.37\t2-py3-none-any.whl").unwrap();
    assert_eq!(p.name.as_deref(), Some("gradio"));
    assert!(matches!(
        parse_line_requirement("foo @ https://exa[ple.org/foo.tar.gz"),
        Err(ReqError::BadUrl(_))
    ));
    assert!(parse_line_requirement("foo @ https://[::1]/foo.tar.gz").is_ok());
    assert!(matches!(
        parse_line_requirement("file://host/pkg.tar.gz"),
        Err(ReqError::BadUrl(_))
    ));
    assert!(matches!(
        parse_line_requirement("FILE:///pkg.tar.gz"),
        Err(ReqError::BadUrl(_))
    ));
    // `\\` is no path separator on POSIX; `[...]` at the end must be extras.
    assert!(matches!(
        parse_line_requirement("ev\\entlet==0.35.2"),
        Err(ReqError::Syntax(_))
    ));
    assert!(matches!(
        parse_line_requirement("numpy[a b]/"),
        Err(ReqError::Syntax(_))
    ));
    assert_eq!(
        parse_line_requirement("py_").unwrap().name.as_deref(),
        Some("py-")
    );
    assert!(matches!(
        parse_editable("git+https:#//github.com/x/y.git"),
        Err(ReqError::EditableWithoutName)
    ));
}

/// Issue 9: found by comparing the property tests' samples with pip 26.3
/// (scripts/pip-compare.sh). An archive name with `@` is a local file when the part before
/// `@` looks like a path (pip's `_get_url_from_path`): pip accepts the line and names the
/// project from the wheel's file name.
#[test]
fn issue9_archive_with_a_path_before_the_at_is_a_local_wheel() {
    for line in [
        "requestquests[security,socks]/@ https://example.org/requests-2.0-py3-none-any.whl",
        "requests[secur/tyur/ty,sock\"s] @ https://example.org/requests-2.0-py3-none-any.whl",
    ] {
        let p = parse_line_requirement(line).unwrap();
        assert_eq!((p.form, p.name.as_deref()), (Form::Path, Some("requests")));
    }
    let p = parse_line_requirement("reques/s[x] @ htts://e.org/reuests-2.0-py3-none'-any.whl");
    assert_eq!(p.unwrap().name.as_deref(), Some("reuests"));
    // No path before `@`: the PEP 508 `name @ url` form, as before.
    let p = parse_line_requirement("requests @ https://e.org/requests-2.0-py3-none-any.whl");
    assert_eq!(p.unwrap().form, Form::NameAtUrl);
}

/// Issue 9: more lines where the property tests' samples and pip 26.3 disagreed
/// (scripts/pip-compare.sh, 5,000 samples per generator, seed 1).
#[test]
fn issue9_pip_26_3_on_paths_wheels_and_tabs() {
    // pip looks for extras at the end of the *absolute* path: `[...]` at the start of a
    // line has the working folder before it, and `9/0*,>` are no extras.
    assert!(matches!(
        parse_line_requirement("[9/0*,>]"),
        Err(ReqError::Syntax(_))
    ));
    // The last `[` with something inside: `a[b[]` has the extras `b[`, which do not parse.
    assert!(matches!(
        parse_line_requirement("./a[b[]"),
        Err(ReqError::Syntax(_))
    ));
    assert_eq!(normpath("x/./y/../z//w/"), "/x/z/w");
    // A wheel name with a letter `\w` allows but PEP 508 does not.
    assert!(matches!(
        parse_line_requirement("https://x/bitsandïbytes-0.41.1-py3-none-win_amd64.whl"),
        Err(ReqError::Syntax(_))
    ));
    // urlsplit drops the tab before it reads the scheme: a `git+https` URL.
    let p = parse_line_requirement("git+http\ts://github.com/h/accelerate@ma#n#egg=accelerate");
    assert_eq!(p.unwrap().name.as_deref(), Some("accelerate"));
}

/// Issue 9: a path with exactly two leading slashes is a `file://host/...` URL to Python
/// 3.11-3.13, and pip 26.3 refuses a host other than `localhost` (found with seed 2).
#[test]
fn issue9_two_leading_slashes_name_a_host() {
    assert!(matches!(
        parse_line_requirement("//es://example.org/requests-2.0-py3-none-any.whl"),
        Err(ReqError::BadUrl(_))
    ));
    assert_eq!(normpath("//h/./x"), "//h/x");
    assert_eq!(normpath("///h/x"), "/h/x");
    let p = parse_line_requirement("//localhost/dist/requests-2.0-py3-none-any.whl").unwrap();
    assert_eq!(p.name.as_deref(), Some("requests"));
}
