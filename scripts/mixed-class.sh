#!/bin/bash
# A mixed class of 30 students, as an instructor meets one: local bare repositories reached
# through file:// URLs and a roster.csv with the optional columns (name, email, sis_user_id,
# section). 8 honest Korean and 8 honest English workspaces (built from the exercises'
# passing fixtures, two commits each), one graded at a deadline tag with a checkpoint
# committed after it, six tricks (`# aaa` and name-only comments, a committed .venv,
# throw-away answers, one commit, a comment after a .gitignore pattern), an empty
# repository, a missing one, a missing tag, a README alone, broken YAML, a requirements.txt
# that is a link to /etc/passwd, bytes that are not UTF-8 (and a name that looks like a
# spreadsheet formula). Then, from DIR:
#   course grade --roster roster.csv --output grades.csv --report class.html --report class.md
#   scripts/mixed-class.sh [DIR]     (default: ./mixed-class)
set -eu
src="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-mixed-class}" && cd "${1:-mixed-class}" && pwd)"
rm -rf "$out/remotes" "$out/work"; mkdir -p "$out/remotes" "$out/work"
cd "$out"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_SYSTEM=/dev/null
export GIT_AUTHOR_NAME=Student GIT_AUTHOR_EMAIL=s@example.com GIT_COMMITTER_NAME=Student GIT_COMMITTER_EMAIL=s@example.com
fx=$src/exercises
gitignore() {
cat > .gitignore <<'G'
# 대용량 데이터
/data/
# 모델 체크포인트
*.pt
*.pth
*.ckpt
# 실험 로그
wandb/
# Python 캐시
__pycache__/
*.pyc
# Jupyter 캐시
.ipynb_checkpoints/
# 환경 변수
.env
# 가상환경
.venv/
G
}
# ko: Korean honest work; en: English honest work
base() { # dir lang
    mkdir -p "$1"; cd "$1"
    git init -q -b main
    if [ "$2" = ko ]; then
        cp -r $fx/structure/fixtures/pass/full-tree/. .
        cp $fx/requirements/fixtures/pass/commented/requirements.txt .
        mkdir -p answers; cp $fx/jupyter-vs-script/fixtures/pass/all-correct/answers/jupyter_vs_script.yaml answers/
        msg1="프로젝트 구조 추가"; msg2="학습 스크립트 수정"
    else
        cp -r $fx/structure/fixtures/pass/english-readme-table/. .
        cp $fx/requirements/fixtures/pass/english-with-urls/requirements.txt .
        mkdir -p answers; cp $fx/jupyter-vs-script/fixtures/pass/english-reasons/answers/jupyter_vs_script.yaml answers/
        msg1="Project structure"; msg2="Train for real"
    fi
    gitignore
    git add -A; git commit -q -m "$msg1"
    echo "print('training for 10 epochs')" >> scripts/train.py
    git commit -q -am "$msg2"
}
push() { # name
    git clone -q --bare . "$out/remotes/$1.git"
    cd "$out"
}
echo "student,repo,ref,name,email,sis_user_id,section" > roster.csv
row() { echo "$1,file://$out/remotes/$1.git,${2:-},$3,$1@uni.example,${4:-},${5:-A}" >> roster.csv; }
i=0
for s in kim-minji lee-seoyeon park-jihoon choi-yuna jung-hyun kang-doyun yoon-jiwoo lim-harin; do
    i=$((i+1)); base work/$s ko; push $s; row $s "" "학생$i" "2026$(printf %04d $i)" A
done
for s in alice-smith bob-jones carol-wu dan-brown eve-adams frank-li grace-ho heidi-kaur; do
    i=$((i+1)); base work/$s en; push $s; row $s "" "${s^}" "2026$(printf %04d $i)" B
done
# Deadline tag: late work after the tag must not count.
base work/oh-sehun ko; git tag deadline; echo junk > model.pt; git add -f model.pt; git commit -q -m late; push oh-sehun; row oh-sehun deadline "오세훈" 20260017 A
# Tricks
base work/trick-aaa ko; printf 'torch==2.1.0  # aaa\nnumpy>=1.24  # aaa\ntorchvision  # aaa\ntransformers  # aaa\npillow  # aaa\n' > requirements.txt; git commit -q -am reqs; push trick-aaa; row trick-aaa "" "Trick Aaa" 20260018 B
base work/trick-names en; printf 'torch  # torch\nnumpy  # numpy\ntorchvision  # torchvision\ntransformers  # transformers\npillow  # pillow\n' > requirements.txt; git commit -q -am reqs; push trick-names; row trick-names "" "Trick Names" 20260019 B
base work/trick-venv en; mkdir -p .venv/bin; echo x > .venv/bin/python; echo 'home = /usr/bin' > .venv/pyvenv.cfg; git add -f .venv; git commit -q -m venv; push trick-venv; row trick-venv "" "Trick Venv" 20260020 B
base work/trick-answers ko; printf 'data_exploration:\n  choice: jupyter\n  reason: ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ\ntraining:\n  choice: script\n  reason: ...........\nvisualization:\n  choice: jupyter\n  reason: 그냥\ninference:\n  choice: jupyter\n  reason: 몰라요 몰라요 몰라요\n' > answers/jupyter_vs_script.yaml; git commit -q -am answers; push trick-answers; row trick-answers "" "요령꾼" 20260021 A
mkdir -p work/trick-onecommit; cd work/trick-onecommit; git init -q -b main; cp -r $fx/structure/fixtures/pass/full-tree/. .; gitignore; cp $fx/requirements/fixtures/pass/commented/requirements.txt .; git add -A; git commit -q -m "전부"; push trick-onecommit; row trick-onecommit "" "한번에" 20260022 A
base work/trick-gitignore-comment en; sed -i 's|^/data/$|/data/  # big data|' .gitignore; git commit -q -am gi; push trick-gitignore-comment; row trick-gitignore-comment "" "Gi Comment" 20260023 B
# Empty and broken
git init -q --bare -b main remotes/empty-repo.git; row empty-repo "" "빈 저장소" 20260024 A
row no-such-repo "" "No Repo" 20260025 B
base work/bad-ref ko; push bad-ref; row bad-ref deadline "태그 없음" 20260026 A
mkdir -p work/only-readme; cd work/only-readme; git init -q -b main; echo "# hw" > README.md; git add -A; git commit -q -m init; push only-readme; row only-readme "" "Only Readme" 20260027 B
base work/broken-yaml en; printf 'data_exploration: [\n  choice: jupyter\n' > answers/jupyter_vs_script.yaml; printf 'model: {name: x\n' > configs/base.yaml; git commit -q -am broken; push broken-yaml; row broken-yaml "" "Broken Yaml" 20260028 B
base work/link-out ko; rm requirements.txt; ln -s /etc/passwd requirements.txt; git add -A; git commit -q -m link; push link-out; row link-out "" "링크" 20260029 A
base work/weird-bytes en; printf 'torch==2.1.0 \xff\xfe # bad bytes\nnumpy>=1.24  # arrays \x1b[31mred\x1b[0m\n' > requirements.txt; git commit -q -am bytes; push weird-bytes; row "weird-bytes" "" "=HYPERLINK(\"x\")" 20260030 B
echo "$(($(wc -l < roster.csv)-1)) students in $out/roster.csv"
