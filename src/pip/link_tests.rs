//! Unit tests of what pip makes of a requirement line: names, URLs, paths.

use super::*;

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
