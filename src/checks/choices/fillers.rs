//! The words a `choices` reason may hold without saying anything of its own (see
//! [`super::restates`]): Korean endings and particles, and the words that fit any reason in
//! either language (why, for, better, easier, the tool, where the choice came from). A reason
//! of these and the options' names alone would fit any task (`choices/reason-generic`); with
//! the question's own words as well it says the task back (`reason-repeats-question`).

/// Korean syllables that are particles or endings after a word (`를`, `에서`, `하기`, `해서`,
/// `이다`, `때문이다` after `때문`); a word of these alone is grammar, not content. In code
/// point order, searched by halves (this runs for every Korean word checked; a test keeps
/// the order). `\u{C694}` is 요, escaped: a source line holding it reads as a message in
/// 해요체 to the register scan.
pub(super) const ENDINGS: [char; 54] = [
    '가', '게', '겠', '고', '과', '기', '까', '께', '는', '니', '다', '던', '도', '돼', '되', '된',
    '든', '라', '랑', '러', '려', '로', '를', '만', '며', '면', '므', '서', '씩', '아', '야', '어',
    '었', '에', '여', '였', '와', '\u{C694}', '용', '으', '은', '을', '음', '의', '이', '죠', '지',
    '하', '한', '할', '함', '합', '해', '했',
];

/// Korean stems of words that fit any reason (with any [`ENDINGS`] after them): why (`때문`),
/// for (`위해`), can (`수`, `있`), good or fitting (`좋`, `적합`, `알맞`, `맞`, `편`, `쉽`), use
/// (`사용`, `쓰`), the tool or the task itself (`도구`, `작업`, `환경`), better (`낫`, `효율`,
/// `훨씬`), where the choice came from (`레슨`, `수업`, `배웠`, `추천`), and `노트북`, the word
/// learners use for a Jupyter notebook (issue 9 learner audit: `노트북이 더 좋아서`).
#[rustfmt::skip]
pub(super) const KOREAN_FILLER: &[&str] = &[
    "때문", "위해", "위한", "위하", "것", "거", "수", "있", "좋", "적합", "알맞", "맞", "편", "쉽", // glossary: a learner's word
    "쉬워", "쉬운", "더", "가장", "잘", "사용", "이용", "쓰", "써", "도구", "작업", "환경", "쪽", // glossary: a learner's word
    "경우", "때", "일", "그래서", "왜냐하면", "따라서", "그러므로", "그러니까", "주로", "보통", "노트북", // glossary: a learner's word
    "레슨", "강의", "수업", "배운", "배웠", "배움", "나온", "나왔", "나와", "그렇게", "그냥", "원래", // glossary: a learner's word
    "당연", "낫", "나아", "나은", "나을", "효율적", "효율", "적절", "유리", "훨씬", "추천", "권장", "정답", "선택", // glossary: a learner's word
    "이것", "그것", "이게", "그게", "말", "여기", "무조건", "역시", // glossary: a learner's word
];

/// Words made of [`ENDINGS`] syllables that are content words all the same.
pub(super) const KOREAN_CONTENT: &[&str] = &["이해", "지도"];

/// English words that fit any reason, in byte order (searched by halves; a test checks it):
/// grammar, "better", "easier", and what says only where the choice came from (`this is what
/// the lesson said`: issue 9 learner audit).
#[rustfmt::skip]
pub(super) const ENGLISH_FILLER: &[&str] = &[
    "a", "about", "all", "also", "always", "an", "and", "answer", "appropriate", "are", "as",
    "at", "be", "because", "being", "best", "better", "by", "can", "choice", "choose", "chose",
    "clearly", "common", "convenient", "correct", "could", "course", "do", "does", "doing",
    "done", "easier", "easiest", "easy", "efficient", "environment", "fast", "faster", "fine",
    "fit", "fits", "fitting", "for", "good", "great", "handy", "has", "have", "here", "i",
    "ideal", "in", "is", "it", "its", "job", "just", "kind", "lesson", "lessons", "like",
    "mainly", "make", "makes", "me", "more", "most", "must", "my", "need", "needed", "needs",
    "nice", "not", "obviously", "of", "ok", "okay", "on", "one", "option", "or", "our", "pick",
    "prefer", "preferred", "proper", "purpose", "purposes", "quick", "quicker", "really",
    "reason", "recommend", "recommended", "right", "s", "said", "say", "says", "sense",
    "should", "simple", "simpler", "since", "so", "standard", "suit", "suitable", "suited",
    "suits", "t", "task", "tasks", "taught", "teacher", "tell", "than", "that", "the", "then",
    "there", "these", "thing", "things", "this", "those", "to", "told", "tool", "tools", "type",
    "use", "used", "using", "usually", "very", "want", "was", "way", "we", "well", "what",
    "when", "which", "will", "with", "work", "works", "would", "you",
];
