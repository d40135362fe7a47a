//! Unit tests of sorting HEAD's files and the findings for each sort.

use super::*;

fn dirs(list: &[&str]) -> Vec<(bool, String)> {
    list.iter()
        .map(|d| (d.starts_with('/'), d.trim_matches('/').to_string()))
        .collect()
}

#[test]
fn forbidden_dirs_match_components() {
    let d = dirs(&["__pycache__", "/data", ".ipynb_checkpoints/"]);
    assert_eq!(
        forbidden_dir_of("data/raw/a.csv", &d),
        Some(("data/".into(), true))
    );
    assert_eq!(forbidden_dir_of("src/data/dataset.py", &d), None);
    assert_eq!(
        forbidden_dir_of("src/model/__pycache__/vla.cpython-310.pyc", &d),
        Some(("src/model/__pycache__/".into(), false))
    );
    assert_eq!(forbidden_dir_of("__pycache__", &d), None);
    assert_eq!(forbidden_dir_of("a/data", &dirs(&["data"])), None);
    assert_eq!(
        forbidden_dir_of("a/data/x", &dirs(&["data"])),
        Some(("a/data/".into(), false))
    );
}

fn t(path: &str, size: usize) -> Tracked {
    Tracked {
        path: path.into(),
        size: Some(size),
    }
}

#[test]
fn venvs_are_grouped_and_findings_capped() {
    let mut files = vec![t(".venv/pyvenv.cfg", 10), t("hello.py", 10)];
    for i in 0..5000 {
        files.push(t(
            &format!(".venv/lib/python3.12/site-packages/m{i}.py"),
            10,
        ));
    }
    for i in 0..25 {
        files.push(t(&format!("ckpt/model{i}.pt"), 10));
    }
    let params = Params {
        forbidden_suffixes: vec![".pt".into()],
        ..Params::default()
    };
    let f = classify(&params, &files);
    // 1 venv + 10 checkpoints + "and 15 more".
    assert_eq!(f.len(), 12, "{f:#?}");
    assert!(f[0]
        .message
        .get(crate::i18n::Lang::En)
        .contains("`.venv/` is a virtual environment and 5001"));
    assert!(f[11]
        .message
        .get(crate::i18n::Lang::En)
        .contains("and 15 more"));
}

#[test]
fn many_cache_folders_get_one_command_for_all() {
    let files: Vec<Tracked> = (0..30)
        .map(|i| t(&format!("src/m{i}/__pycache__/a.pyc"), 1))
        .collect();
    let params = Params {
        forbidden_dirs: vec!["__pycache__".into()],
        ..Params::default()
    };
    let f = classify(&params, &files);
    assert_eq!(f.len(), 11);
    assert_eq!(
        f[10].message.get(crate::i18n::Lang::En),
        "and 20 more folders like these"
    );
    let hint = &f[10].hint.as_ref().unwrap().get(crate::i18n::Lang::En);
    assert!(
        hint.contains("\n  git rm -r --cached -q -- '*__pycache__/*'\n"),
        "{hint}"
    );
}
