//! Unit tests of the PEP 508 parser: pip's verdicts on the inputs that broke `pep508_rs`.

use super::*;

fn ok(s: &str) -> Requirement {
    parse_requirement(s).unwrap_or_else(|e| panic!("{s}: {e:?}"))
}

fn err(s: &str) -> SyntaxError {
    parse_requirement(s).expect_err(s)
}

#[test]
fn issue8_names_followed_by_a_dot_are_errors_not_panics() {
    assert_eq!(
        err("numpy. x").message,
        "Expected semicolon (after name with no version specifier) or end"
    );
    err("1. No check in or check out or register new user");
    err("6.*");
    err("torch.*");
    err("x-*");
    err("n-");
    assert_eq!(ok("a..b").name, "a..b");
}

#[test]
fn requirements_pip_accepts() {
    let r = ok("numpy[extra1, extra2]>=1.0,<2 ; python_version < '3.8' and extra == 'x'");
    assert_eq!(r.extras, ["extra1", "extra2"]);
    assert_eq!(r.specifier, ">=1.0,<2");
    assert_eq!(
        r.marker.as_deref(),
        Some("python_version < '3.8' and extra == 'x'")
    );
    assert_eq!(ok("numpy (>=1.0)").specifier, ">=1.0");
    assert_eq!(
        ok("torch @ git+https://x/y.git@v1").url.as_deref(),
        Some("git+https://x/y.git@v1")
    );
    ok("numpy[]");
    ok("numpy>=1.0,");
    ok("numpy===weird-version!");
    ok("numpy==1.0a1.post2.dev3");
    ok("numpy; python_version==\"3.8\"and os_name==\"nt\"");
    ok("numpy; python_version not in '3.8 3.9'");
    ok("numpy; os.name == 'nt' or platform.machine == 'x86_64'");
    ok("numpy; 'a\\u00e9\\N{BULLET}' == 'x'");
}

#[test]
fn requirements_pip_refuses() {
    assert_eq!(
        err("numpy[extra1 extra2]").message,
        "Expected comma between extra names"
    );
    err("numpy[,]");
    err("numpy>=");
    err("pillow=9.0");
    err("numpy>=1.24.*");
    err("numpy>=1.0+local");
    err("numpy~=1");
    err("numpy(>=1.0");
    err("numpy>1.0)");
    err("numpy>=1.0,,<2");
    err("naïve");
    err("name @");
    err("@ https://example.org");
    err("numpy; python_version notin '3.8'");
    err("numpy; 'a\\x' == python_version");
    err("numpy; unknown_var == '1'");
    err("numpy; (python_version > '3'");
    err("numpy; python_version == '3.8' andos_name == 'nt'");
    err("numpy; 'abc\\' == 'x'");
}

#[test]
fn issue8_deep_marker_nesting_is_bounded() {
    let deep = format!(
        "numpy; {}python_version > '3'{}",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    assert!(err(&deep).too_deep);
    let fine = format!(
        "numpy; {}python_version > '3'{}",
        "(".repeat(150),
        ")".repeat(150)
    );
    ok(&fine);
}

#[test]
fn names_normalise() {
    assert_eq!(canonical_name("Pkg_Name.x"), "pkg-name-x");
    assert_eq!(canonical_name("a__b--c"), "a-b-c");
    assert!(is_valid_name("a"));
    assert!(!is_valid_name("a-"));
    assert!(!is_valid_name("codejail==3.1.3"));
}
