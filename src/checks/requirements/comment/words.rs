//! The word lists [`super::judge`] weighs a requirement's comment against: words of a
//! placeholder left to fill in, and words that would fit the comment of any package (what a
//! line of `requirements.txt` is anyway, and what any package is to the learner: needed,
//! important, basic). Kept apart from the judging so both stay readable.

/// Words of a placeholder left to fill in: what a template or a fix says where the
/// explanation goes (`# TODO`, `# 여기에 설명`, `# description`, `# what it does for the
/// project`). Beside a real word they are fine (`# 이미지 설명 생성`).
const PLACEHOLDER: &[&str] = &[
    "todo",
    "tbd",
    "fixme",
    "placeholder",
    "comment",
    "comments",
    "description",
    "describe",
    "explanation",
    "explain",
    "here",
    "your",
    "write",
    "add",
    "fill",
    "insert",
    "does",
    "do",
    "what",
    "why",
    "설명",
    "주석",
    "여기",
    "여기에",
    "적기",
    "쓰기",
    "나중에",
    "하는",
    "하는일",
    "일",
    "달기",
];

/// Korean placeholder words with a particle or an ending attached (`설명을`, `적으십시오`,
/// `작성하기`, `추가할`): a word that starts with one of these is one of [`PLACEHOLDER`].
const PLACEHOLDER_STEMS: &[&str] = &[
    "설명을",
    "설명이",
    "설명은",
    "주석을",
    "주석이",
    "주석은",
    "적으",
    "쓰세",
    "쓰십",
    "작성",
    "채우",
    "채워",
    "추가",
    "넣으",
    "넣어",
];

/// Is `word` (lowercased) a word of a placeholder left to fill in?
pub(super) fn is_placeholder(word: &str) -> bool {
    PLACEHOLDER.contains(&word) || PLACEHOLDER_STEMS.iter().any(|s| word.starts_with(s))
}

/// Words that would fit the comment of any package, so they explain none: what a line of
/// `requirements.txt` is anyway (a package, a library, a dependency that is needed and
/// installed), how much it matters (`important`, `basic`, `중요`, `기본`: issue 9, `torch  #
/// 중요` passed), and the words around them. Korean words are listed with the endings
/// learners attach (`필요한`, `필요함`); [`FILLER_KO_STEMS`] take any ending.
// A learner's words, not messages: the register and glossary scans skip the marked lines.
#[rustfmt::skip]
const FILLER: &[&str] = &[
    "package", "packages", "pkg", "library", "libraries", "lib", "libs", "module", "modules",
    "dependency", "dependencies", "dep", "deps", "requirement", "requirements", "required",
    "require", "requires", "need", "needed", "needs", "necessary", "install", "installed",
    "installs", "installing", "installation", "python", "pip", "pypi", "project", "for", "the",
    "this", "a", "an", "is", "it", "of", "to", "use", "used", "using",
    // How much it matters: true of every line of the file (issue 9: `# important`).
    "important", "essential", "basic", "basics", "core", "main", "crucial", "critical",
    "fundamental", "useful", "helpful", "must", "should", "have", "has", "be", "very",
    "really", "always", "stuff", "thing", "things",
    "패키지", "라이브러리", "모듈", "의존성", "파이썬", // glossary: a learner's word
    "프로젝트", "사용", "사용함", "용", "반드시", "꼭", "매우", "아주", "정말", "항상", // glossary: a learner's word
    "해야", "해야함", "해야합니다", "함", "됨", "합니다", "됩니다", "입니다", "것", "있어야", // glossary: a learner's word
    "있어야함", "깔아야", "깔아야함", "핵심", "주요", "주요한", "메인", "기초", "기초적인", // glossary: a learner's word
    "유용", "유용한", "유용함", // glossary: a learner's word
    "see", "link", "docs", "homepage", "website", "참고", "링크",
    // What a fix's placeholder says (`# what it is for`, `# 쓰는 이유`): pasted as it is,
    // it names no use of this package (issue 9).
    "reason", "purpose", "its", "이유", "쓰는", "쓰임", "용도", "왜", "무엇", "프로젝트에",
    "프로젝트에서",
    // Filler a learner types to get past the check (issue 9, learner audit: `# yes`, `# lol`,
    // `# idk`, `# 그냥`, `# 이거 씀`, `# 쓸 예정`, `# 나중에 쓸 것`): a reaction, a shrug or
    // "will use it", true of every line and saying nothing of what the package does.
    "yes", "yeah", "yep", "yup", "ok", "okay", "lol", "lmao", "hmm", "hm", "idk", "dunno",
    "cool", "nice", "good", "great", "sure", "whatever", "maybe", "probably", "later",
    "will", "might", "someday", "just", "in", "case", "misc", "etc",
    "그냥", "이거", "이것", "이걸", "요거", "씀", "쓸", "쓸것", "쓸거", "쓸꺼", // glossary: a learner's word
    "쓸예정", "쓸지도", "쓸듯", "쓸수도", "쓸수", "수도", "수", "예정", "예정임", "아마", // glossary: a learner's word
    "아마도", "나중에", "나중", "언젠가", "일단", "혹시", "몰라", "모름", "몰라서", "대충", // glossary: a learner's word
    "굿", "오케이", "넵", "네", "응", "있음", "쓰려고", "써야", "써야함", "거", "것임", // glossary: a learner's word
];

/// Korean stems of [`FILLER`] words, with any Hangul after them: need (`필요`, `필요합니다`),
/// must (`필수`, `필수적인`), install (`설치`, `설치해야`), important (`중요`, `중요한`),
/// basic (`기본`, `기본적인`), good (`좋음`, `좋은`). `# 설치해야 함`, `# 기본 패키지`, `# 좋음`
/// say nothing of the package.
// `좋` (good: `좋음`, `좋은`, `좋아서`) takes any ending too; no word of what a package does
// starts with it.
const FILLER_KO_STEMS: &[&str] = &["필요", "필수", "설치", "중요", "기본", "좋"];

/// Is `word` (lowercased) a word that fits the comment of any package?
pub(super) fn is_filler(word: &str) -> bool {
    FILLER.contains(&word)
        || FILLER_KO_STEMS.iter().any(|stem| {
            word.strip_prefix(stem)
                .is_some_and(|rest| rest.chars().all(|c| matches!(c, '가'..='힣')))
        })
}
