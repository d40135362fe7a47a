//! Unit tests of the `mentions` check: what explains a folder and what does not.

use super::{explained, find_bytes, mentions};
use crate::checks::Status;
use proptest::prelude::*;

proptest! {
    /// The byte search finds what `str::find` finds, from any character boundary.
    #[test]
    fn find_bytes_finds_what_str_find_finds(
        hay in "[가a-c/ ]{0,40}",
        needle in "[a-c/가]{1,4}",
        skip in 0usize..40,
    ) {
        let from = hay.char_indices().map(|(i, _)| i).nth(skip).unwrap_or(hay.len());
        let want = hay[from..].find(needle.as_str()).map(|i| from + i);
        prop_assert_eq!(find_bytes(hay.as_bytes(), needle.as_bytes(), from), want);
    }
}

fn explains(readme: &str) -> Vec<String> {
    let words: Vec<String> = ["src", "scripts", "configs", "data", "notebooks", "tests"]
        .iter()
        .map(|w| w.to_string())
        .collect();
    explained("README.md", &readme.to_ascii_lowercase(), &words)
        .into_iter()
        .filter(|f| f.status == Status::Fail)
        .map(|f| f.message.get(crate::i18n::Lang::En).to_string())
        .collect()
}

#[test]
fn a_bare_list_of_names_explains_nothing() {
    let bare = "# VLA\n\n- src\n- scripts\n- configs\n- data\n- notebooks\n- tests\n";
    assert_eq!(
        explains(bare),
        ["`README.md` names `src`, `scripts`, `configs`, `data`, `notebooks`, `tests` but does not say what each is for"]
    );
    let one_line = "src, scripts, configs, data, notebooks, tests 폴더가 있다\n";
    assert_eq!(explains(one_line).len(), 1);
    let repeated = "- src: aaaaaaaa\n- scripts: ........\n";
    assert!(explains(repeated)[0]
        .starts_with("`README.md` names `src`, `scripts` but does not say what each is for"));
}

#[test]
fn honest_readmes_explain_in_korean_and_english() {
    let ko = "- `src/`: 재사용 모듈\n- `scripts/`: 실행 스크립트\n- `configs/`: 설정 파일\n- `data/`: 데이터셋\n- `notebooks/`: 탐색용 노트북\n- `tests/`: 단위 테스트\n";
    assert_eq!(explains(ko), Vec::<String>::new());
    let en = "| folder | role |\n|---|---|\n| src/ | the package code |\n| scripts/ | training entry points |\n| configs/ | YAML settings |\n| data/ | datasets, not committed |\n| notebooks/ | exploration |\n| tests/ | pytest tests |\n";
    assert_eq!(explains(en), Vec::<String>::new());
    let headings = "## src\n\n모델과 데이터 코드\n\n## scripts\nEntry points for training\n\n## configs\n설정 YAML\n\n## data\n원본 데이터\n\n## notebooks\n탐색과 시각화\n\n## tests\n단위 테스트\n";
    assert_eq!(explains(headings), Vec::<String>::new());
}

/// Issue 9: `- tests/: unit tests` failed (both `tests` were blanked, leaving `unit`).
/// Short honest lines in several styles pass in both languages, each style for every name.
#[test]
fn issue9_short_honest_explanations_pass_in_both_languages() {
    let en = [
        ("src", "model code"),
        ("scripts", "training runs"),
        ("configs", "yaml settings"),
        ("data", "raw data"),
        ("notebooks", "exploration"),
        ("tests", "unit tests"),
    ];
    let ko = [
        ("src", "모델 코드"),
        ("scripts", "학습 실행"),
        ("configs", "설정 파일"),
        ("data", "원본 data"),
        ("notebooks", "탐색용"),
        ("tests", "단위 테스트"),
    ];
    for pairs in [en, ko] {
        // `{w}`: the folder, `{e}`: its explanation.
        let styles = [
            "- {w}/: {e}\n",
            "- `{w}/`: {e}\n",
            "* **{w}/** — {e}\n",
            "| `{w}/` | {e} |\n",
            "## {w}\n\n{e}\n\n",
            "The {w} folder holds {e}.\n",
        ];
        for style in styles {
            let readme: String = pairs
                .iter()
                .map(|(w, e)| style.replace("{w}", w).replace("{e}", e))
                .collect();
            assert_eq!(explains(&readme), Vec::<String>::new(), "{readme}");
        }
    }
}

/// The tricks still fail when a name may be a word of its own explanation.
#[test]
fn issue9_names_repeated_are_still_not_an_explanation() {
    let twice = "- src src\n- scripts scripts\n- configs configs\n- data data\n- notebooks notebooks\n- tests tests\n";
    assert_eq!(explains(twice).len(), 1, "{twice}");
    let list_twice =
        "src scripts configs data notebooks tests src scripts configs data notebooks tests tests\n";
    assert_eq!(explains(list_twice).len(), 1);
    let heading_then_name = "## src\nsrc\n## scripts\nscripts\n## configs\nconfigs configs\n## data\ndata\n## notebooks\nnotebooks\n## tests\ntests tests\n";
    assert_eq!(explains(heading_then_name).len(), 1);
    let tests_only = "- src/: model code\n- scripts/: training runs\n- configs/: yaml settings\n- data/: raw data\n- notebooks/: exploration\n- tests/: tests\n";
    assert_eq!(
        explains(tests_only),
        ["`README.md` names `tests` but does not say what it is for"]
    );
}

/// The fix's example explains a folder the file is not asked about, so that pasting it
/// explains no course word.
#[test]
fn issue9_the_fix_example_is_never_a_course_word() {
    let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let en = |w: &[String]| {
        super::explain_hint("README.md", "src", w)
            .get(crate::i18n::Lang::En)
            .to_string()
    };
    let usual = en(&words(&["src", "tests"]));
    assert!(
        usual.contains("starting with `src/`; e.g. `- docs/: "),
        "{usual}"
    );
    let with_docs = en(&words(&["src", "docs"]));
    assert!(with_docs.contains("e.g. `- assets/: "), "{with_docs}");
}

/// Issue 9: the folder's own name plus a word for "folder" explains nothing, in any style
/// or language; a short Korean content word in a table cell does explain.
#[test]
fn issue9_name_plus_folder_fails_and_short_korean_words_pass() {
    let names = ["src", "scripts", "configs", "data", "notebooks", "tests"];
    for style in [
        "- {w}: {w} 폴더\n",
        "- {w}/: {w} folder\n",
        "| {w} | {w} 디렉터리 |\n", // glossary: a learner's word
        "- `{w}/`: {w} directory\n",
        "- {w}: {w} dir\n",
        "- {w}: {w} 폴더입니다\n",
        "- {w}: {w} {w} 폴더\n",
        "## {w}\n{w} 폴더\n",
    ] {
        let readme: String = names.iter().map(|w| style.replace("{w}", w)).collect();
        assert_eq!(explains(&readme).len(), 1, "{readme}");
    }
    let table = "| 폴더 | 역할 |\n|---|---|\n| src | 모델 |\n| scripts | 실행 |\n| configs | 실험 설정 |\n| data | 원본 |\n| notebooks | 탐색 |\n| tests | 검증 |\n";
    assert_eq!(explains(table), Vec::<String>::new());
    // A generic word beside real words stays honest, in both languages.
    let honest = "- src 폴더에는 모델 코드를 둡니다\n- scripts folder: training runs\n- configs: 실험 설정 폴더\n- data directory holds raw data\n- notebooks: 탐색\n- tests: unit tests\n";
    assert_eq!(explains(honest), Vec::<String>::new());
    let one_syllable = table.replace("| 모델 |", "| 코 |");
    assert_eq!(
        explains(&one_syllable),
        ["`README.md` names `src` but does not say what it is for"]
    );
}

/// Issue 9 (learner audit): the folder's name beside a generic noun (`files`, `stuff`, `관련
/// 파일`) explains nothing, in any style or language.
#[test]
fn issue9_name_and_generic_nouns_explain_nothing() {
    let names = ["src", "scripts", "configs", "data", "notebooks", "tests"];
    for style in [
        "- {w}/: {w} 관련 파일\n",
        "- {w}/: {w} stuff\n",
        "- {w}: {w} related files\n",
        "- `{w}/`: {w} things\n",
        "| {w} | {w} 파일들 |\n",
        "- {w}: {w} 파일 등\n",
        "- {w}: {w} files etc\n",
        "- {w}: 중요한 {w} 파일입니다\n",
        "## {w}\n{w} 관련 파일\n",
    ] {
        let readme: String = names.iter().map(|w| style.replace("{w}", w)).collect();
        assert_eq!(explains(&readme).len(), 1, "{readme}");
    }
}

/// Issue 9 (learner audit): one explanation written under every folder explains none of
/// them, in Korean and English and whether or not punctuation differs.
#[test]
fn issue9_the_same_explanation_for_every_folder_explains_none() {
    let names = ["src", "scripts", "configs", "data", "notebooks", "tests"];
    for (style, said) in [
        ("- {w}/: {e}\n", "프로젝트 코드"),
        ("- {w}/: {e}.\n", "important project folder"),
        ("| {w} | {e} |\n", "프로젝트에 필요한 코드"),
        ("## {w}\n\n{e}\n\n", "Project code."),
    ] {
        let readme: String = names
            .iter()
            .enumerate()
            .map(|(i, w)| {
                // The same words, with or without a full stop.
                let e = if i % 2 == 0 {
                    said.to_string()
                } else {
                    format!("{said}!")
                };
                style.replace("{w}", w).replace("{e}", &e)
            })
            .collect();
        let found = explains(&readme);
        assert_eq!(found.len(), 1, "{readme}: {found:?}");
        assert!(
            found[0].contains("with the same words"),
            "{readme}: {found:?}"
        );
    }
    // Two folders of six are enough to fail those two, and only those.
    let two = "- src/: 모델 코드\n- scripts/: 모델 코드\n- configs/: 실험 설정\n- data/: 원본 데이터\n- notebooks/: 탐색\n- tests/: 단위 테스트\n";
    assert_eq!(
        explains(two),
        ["`README.md` explains `src`, `scripts` with the same words, `모델 코드`: what fits every folder says what none of them is for"]
    );
}

/// Folders whose lines share a word but differ, one line naming two folders, and a folder
/// explained twice the same way all keep passing.
#[test]
fn issue9_explanations_that_share_words_but_differ_pass() {
    let shared_word = "- src/: 모델 코드\n- scripts/: 학습 실행\n- configs/: 실험 설정\n- data/: 학습 데이터\n- notebooks/: 데이터 탐색\n- tests/: 단위 테스트\n";
    assert_eq!(explains(shared_word), Vec::<String>::new());
    let en = "- src/: the model code\n- scripts/: code that runs training\n- configs/: settings\n- data/: training data\n- notebooks/: exploring samples\n- tests/: unit tests\n";
    assert_eq!(explains(en), Vec::<String>::new());
    let one_line = "- src/, scripts/: Python 코드\n- configs/: 실험 설정\n- data/: 원본 데이터\n- notebooks/: 탐색\n- tests/: 단위 테스트\n";
    assert_eq!(explains(one_line), Vec::<String>::new());
    let twice = format!("{shared_word}\n| src | 모델 코드 |\n");
    assert_eq!(explains(&twice), Vec::<String>::new());
    // A shared line beside a line of its own: the folder is explained by its own.
    let tree = format!("{shared_word}\n```\nsrc/      # 코드\nscripts/  # 코드\n```\n");
    assert_eq!(explains(&tree), Vec::<String>::new());
}

/// Another folder's name in a line's explanation is a word of it (`- notebooks/: data
/// exploration` failed: `data` counted as a second label, asking twice the text); that line
/// explains only its label, and a line of labels and other names only still explains none.
#[test]
fn issue9_another_folders_name_is_a_word_of_the_explanation() {
    let en = "- src/: model code\n- scripts/: training runs\n- configs/: yaml settings\n- data/: raw data\n- notebooks/: data exploration\n- tests/: tests of src code\n";
    assert_eq!(explains(en), Vec::<String>::new());
    let ko = "| 폴더 | 역할 |\n|---|---|\n| src | 모델 코드 |\n| scripts | src 실행 |\n| configs | 실험 설정 |\n| data | 원본 데이터 |\n| notebooks | data 탐색 |\n| tests | src 테스트 |\n";
    assert_eq!(explains(ko), Vec::<String>::new());
    // `data` only as a word of the notebooks line: not explained by it.
    let no_data = en.replace("- data/: raw data\n", "");
    assert_eq!(
        explains(&no_data),
        ["`README.md` names `data` but does not say what it is for"]
    );
    // Names alone after the label still say nothing.
    let names_only = en.replace("data exploration", "data scripts");
    assert_eq!(
        explains(&names_only),
        ["`README.md` names `notebooks` but does not say what it is for"]
    );
}

fn m(text: &str, word: &str) -> bool {
    mentions(&text.to_ascii_lowercase(), word)
}

#[test]
fn whole_words_and_korean_particles() {
    assert!(m("src는 소스 코드", "src"));
    assert!(m("configs/에는 설정", "configs"));
    assert!(m("- `Notebooks/`: 실험", "notebooks"));
    assert!(m("see src/", "src/"));
    assert!(m("src", "src/"));
    assert!(!m("resources and mysrc", "src"));
    assert!(!m("src_old", "src"));
    assert!(!m("notebook", "notebooks"));
    assert!(m("데이터는 data 폴더", "data"));
}

/// Issue 9 (second audit): filler words got a name plus "folder" past the rule. A line of
/// only the name, words for "folder" and function words fails in any style and language.
#[test]
fn issue9_name_folder_and_filler_words_explain_nothing() {
    let names = ["src", "scripts", "configs", "data", "notebooks", "tests"];
    for style in [
        "- {w}/: the {w} folder\n",
        "this is the {w} folder\n",
        "- {w}: folder for {w}\n",
        "- {w}: 이것은 {w} 폴더\n",
        "- `{w}/`: 이건 {w} 폴더입니다\n",
        "| {w} | 여기는 {w} 디렉터리 |\n", // glossary: a learner's word
        "- {w}: {w}를 위한 폴더\n",
        "- {w}: it is the directory for {w}\n",
        "## {w}\nThis is the {w} folder.\n",
        "- {w}: {w}입니다\n",
    ] {
        let readme: String = names.iter().map(|w| style.replace("{w}", w)).collect();
        assert_eq!(explains(&readme).len(), 1, "{readme}");
    }
}

/// Short honest explanations with function words around a content word keep passing, in
/// both languages and every style.
#[test]
fn issue9_short_explanations_with_function_words_pass() {
    let en = [
        ("src", "the model code"),
        ("scripts", "source code for training"),
        ("configs", "it is where the settings live"),
        ("data", "the raw data"),
        ("notebooks", "this is for exploration"),
        ("tests", "tests for the data loader"),
    ];
    let ko = [
        ("src", "모델 코드"),
        ("scripts", "소스 코드"),
        ("configs", "이것은 설정 파일입니다"),
        ("data", "코드"),
        ("notebooks", "여기는 탐색용 노트북"),
        ("tests", "데이터 로더를 위한 테스트"),
    ];
    for pairs in [en, ko] {
        for style in [
            "- {w}/: {e}\n",
            "- `{w}/`: {e}\n",
            "| `{w}/` | {e} |\n",
            "## {w}\n\n{e}\n\n",
        ] {
            let readme: String = pairs
                .iter()
                .map(|(w, e)| style.replace("{w}", w).replace("{e}", e))
                .collect();
            assert_eq!(explains(&readme), Vec::<String>::new(), "{readme}");
        }
    }
}

mod random {
    use super::explains;
    use proptest::prelude::*;
    use proptest::sample::select;

    const NAMES: [&str; 6] = ["src", "scripts", "configs", "data", "notebooks", "tests"];
    /// Words that say nothing of a folder's content, in both languages, with particles.
    #[rustfmt::skip]
    const EMPTY: [&str; 24] = [
        "the", "this", "is", "a", "for", "of", "folder", "directory", "이것은", "여기는",
        "폴더", "폴더입니다", "디렉터리", "를", "위한", "입니다", // glossary: a learner's word
        "files", "stuff", "related", "things", "관련", "파일들", "등", "파일", // glossary: a learner's word
    ];
    /// Real words a short explanation holds (none of them a name: a line naming two folders
    /// needs more words).
    #[rustfmt::skip]
    const CONTENT: [&str; 8] = [
        "모델 코드", "코드", "소스 코드", "model code", "source code", "pytest cases", "실험 설정",
        "exploration",
    ];

    /// Honest explanations, several sharing a word (`데이터`, `코드`, `training`), none
    /// naming a folder.
    #[rustfmt::skip]
    const OWN: [&str; 9] = [
        "학습 데이터", "데이터 탐색", "모델 코드", "실행 코드", "설정 YAML", "단위 테스트",
        "training runs", "the training loop", "pytest cases",
    ];
    const STYLES: [&str; 4] = [
        "- {w}/: {e}\n",
        "| `{w}/` | {e}. |\n",
        "## {w}\n\n{e}\n\n",
        "* **{w}** — {e}\n",
    ];

    /// A README with one line per folder: the label, then `words` in order, the name among
    /// them at `at`.
    fn readme(words: &[&str], at: usize) -> String {
        NAMES
            .iter()
            .map(|name| {
                let mut said: Vec<&str> = words.to_vec();
                said.insert(at.min(said.len()), name);
                format!("- {name}: {}\n", said.join(" "))
            })
            .collect()
    }

    proptest! {
        /// The folder's name with any run of generic and function words explains nothing.
        #[test]
        fn filler_around_the_name_never_explains(
            words in prop::collection::vec(select(&EMPTY[..]), 0..6),
            at in 0usize..6,
        ) {
            prop_assert_eq!(explains(&readme(&words, at)).len(), 1);
        }

        /// Six different honest explanations pass in any order and style, whatever words
        /// they share; the explanation of one folder copied under another fails those two.
        #[test]
        fn only_the_same_explanation_twice_fails(
            own in Just(OWN.to_vec()).prop_shuffle(),
            style in select(&STYLES[..]),
            from in 0usize..6,
            to in 0usize..6,
        ) {
            let readme = |said: &[&str]| -> String {
                NAMES
                    .iter()
                    .zip(said)
                    .map(|(w, e)| style.replace("{w}", w).replace("{e}", e))
                    .collect()
            };
            prop_assert_eq!(explains(&readme(&own[..6])), Vec::<String>::new());
            prop_assume!(from != to);
            let mut copied = own[..6].to_vec();
            copied[to] = copied[from];
            let found = explains(&readme(&copied));
            prop_assert_eq!(found.len(), 1, "{:?}", found);
            prop_assert!(found[0].contains("with the same words"), "{:?}", found);
        }

        /// The same filler beside one real word explains, in either language.
        #[test]
        fn one_real_word_among_the_filler_explains(
            words in prop::collection::vec(select(&EMPTY[..]), 0..6),
            content in select(&CONTENT[..]),
            at in 0usize..6,
            put in 0usize..6,
        ) {
            let mut words = words;
            words.insert(put.min(words.len()), content);
            prop_assert_eq!(explains(&readme(&words, at)), Vec::<String>::new());
        }
    }
}

/// The blanking as it was (search from the start again after each mention), kept as the
/// reference the one-pass `blanked` must agree with.
fn blanked_by_restarting(line: &str, words: &[String], times: usize) -> String {
    let mut out = line.to_string();
    for word in words {
        for _ in 0..times {
            let Some((start, end)) = super::find_word(&out, word, 0) else {
                break;
            };
            out.replace_range(start..end, " ");
        }
    }
    out
}

proptest! {
    /// One pass per word blanks exactly what restarting from the start did, on lines built
    /// from the names, their neighbours (`/`, `.`, `_`, letters) and Korean particles.
    #[test]
    fn blanking_in_one_pass_agrees_with_restarting(
        parts in prop::collection::vec(
            prop::sample::select(vec![
                "src", "src/", "data", ".venv", "tests", " ", "/", ".", "_", "x", "s", "는", "의 ",
                "폴더", "src_", "srcsrc", "\t",
            ]),
            0..24,
        ),
        times in prop::sample::select(vec![1usize, 2, usize::MAX]),
    ) {
        let line = parts.concat();
        let words: Vec<String> = ["src", "data", ".venv"].map(String::from).to_vec();
        prop_assert_eq!(
            super::blanked(&line, &words, times),
            blanked_by_restarting(&line, &words, times)
        );
    }
}

#[test]
fn a_long_line_of_one_name_is_blanked_whole() {
    // 200,000 mentions on one line: linear now (it took seconds when each mention restarted
    // the search and shifted the rest of the line).
    let line = "src ".repeat(200_000);
    let words = vec!["src".to_string()];
    let out = super::blanked(&line, &words, usize::MAX);
    assert!(out.trim().is_empty(), "every mention blanked");
    assert_eq!(out.len(), 2 * 200_000, "each mention becomes one space");
}
