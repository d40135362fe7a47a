//! Unit tests of the parent module, kept apart so the module itself stays short.
use super::*;

fn touch(p: &Path) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, "").unwrap();
}

fn fake_venv(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("pyvenv.cfg"), "home = /\nversion = 3.11.7\n").unwrap();
    touch(&dir.join("bin/python"));
}

#[test]
fn prefers_dot_venv_over_other_names() {
    let t = tempfile::tempdir().unwrap();
    fake_venv(&t.path().join("aaa"));
    fake_venv(&t.path().join(".venv"));
    fake_venv(&t.path().join("envs/deep"));
    let EnvLookup::Found(env) = find_environment_with(t.path(), &Vars::default()) else {
        panic!("not found")
    };
    assert_eq!(env.dir, t.path().join(".venv"));
    assert_eq!(env.kind, EnvKind::Venv);
    assert_eq!(env.cfg.unwrap().version.as_deref(), Some("3.11.7"));
}

#[test]
fn finds_a_second_level_conda_env() {
    let t = tempfile::tempdir().unwrap();
    touch(&t.path().join("envs/vla/conda-meta/history"));
    touch(&t.path().join("envs/vla/bin/python"));
    let EnvLookup::Found(env) = find_environment_with(t.path(), &Vars::default()) else {
        panic!("not found")
    };
    assert_eq!(env.kind, EnvKind::Conda);
    assert_eq!(env.dir, t.path().join("envs/vla"));
}

#[test]
fn skips_a_conda_base_prefix() {
    let t = tempfile::tempdir().unwrap();
    let base = t.path().join("miniconda3");
    touch(&base.join("conda-meta/history"));
    touch(&base.join("bin/python"));
    std::fs::create_dir_all(base.join("condabin")).unwrap();
    let ws = t.path().join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    let vars = Vars {
        conda_prefix: Some(base),
        ..Vars::default()
    };
    let EnvLookup::NotFound { looked_in } = find_environment_with(&ws, &vars) else {
        panic!("a base env must not be used")
    };
    assert!(looked_in
        .iter()
        .any(|l| l.get(crate::i18n::Lang::En).contains("base environment")));
}

#[test]
fn finds_the_environment_yml_env_next_to_conda_prefix() {
    let t = tempfile::tempdir().unwrap();
    let base = t.path().join("conda");
    std::fs::create_dir_all(base.join("condabin")).unwrap();
    touch(&base.join("envs/vla/conda-meta/history"));
    touch(&base.join("envs/vla/bin/python"));
    touch(&base.join("envs/other/conda-meta/history"));
    let ws = t.path().join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::write(
        ws.join("environment.yml"),
        "name: vla\ndependencies: [numpy]\n",
    )
    .unwrap();
    let vars = Vars {
        // `other` is activated but broken (no interpreter); environment.yml's env works.
        conda_prefix: Some(base.join("envs/other")),
        ..Vars::default()
    };
    let EnvLookup::Found(env) = find_environment_with(&ws, &vars) else {
        panic!("not found")
    };
    assert_eq!(env.dir, base.join("envs/vla"));
    assert_eq!(env.conda_name.as_deref(), Some("vla"));
    assert_eq!(env.found_by, FoundBy::EnvironmentYml { name: "vla".into() });
    assert_eq!(env.label(&ws), "conda env vla from environment.yml");
}

#[test]
fn a_venv_without_interpreter_is_broken() {
    let t = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(t.path().join(".venv")).unwrap();
    std::fs::write(
        t.path().join(".venv/pyvenv.cfg"),
        "home = /nonexistent/bin\n",
    )
    .unwrap();
    let EnvLookup::Broken(b) = find_environment_with(t.path(), &Vars::default()) else {
        panic!("not broken")
    };
    assert!(
        b.reason
            .get(crate::i18n::Lang::En)
            .contains("has no interpreter"),
        "{}",
        b.reason.get(crate::i18n::Lang::En)
    );
    assert!(
        b.reason
            .get(crate::i18n::Lang::En)
            .contains("/nonexistent/bin"),
        "{}",
        b.reason.get(crate::i18n::Lang::En)
    );
}

#[test]
fn reads_version_info() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("pyvenv.cfg");
    std::fs::write(
        &p,
        "home = /usr/bin\nimplementation = CPython\nversion_info = 3.12.1.final.0\n",
    )
    .unwrap();
    let cfg = read_pyvenv_cfg(&p).unwrap();
    assert_eq!(cfg.home.as_deref(), Some("/usr/bin"));
    assert_eq!(cfg.version.as_deref(), Some("3.12.1.final.0"));
}
