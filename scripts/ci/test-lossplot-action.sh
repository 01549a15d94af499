#!/usr/bin/env bash
# Tests of scripts/ci/lossplot-action.sh (make action-script-test): the script runs against a
# lossplot and a curl that write down what they were given, so these check the script itself:
# every path and rule reaches lossplot as one argument, untouched (no globbing of `*` in a rule,
# no command substitution in a title), globs in `runs` are expanded, bad inputs stop with exit 64
# and one line, the gate's exit codes, the artifact's runs.txt and the REST look-up of the base
# branch's artifact (with the token kept out of curl's argv). No network, no Swift.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
script="$here/lossplot-action.sh"
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $1" >&2; }
check() { if [ "$2" = "$3" ]; then ok; else bad "$1: expected [$3], got [$2]"; fi; }
contains() { if grep -qF -- "$3" "$2"; then ok; else bad "$1: [$3] not in $2: $(cat "$2")"; fi; }
lacks() { if grep -qF -- "$3" "$2"; then bad "$1: [$3] in $2"; else ok; fi; }

# The value of output $1 in GITHUB_OUTPUT (the last one written).
out() { sed -n "s/^$1=//p" "$GITHUB_OUTPUT" | tail -n 1; }

# Runs the script in the work folder: leading NAME=value arguments are put in its environment,
# the rest are the script's arguments; status in $status, stdout in $tmp/out, stderr in $tmp/err.
act() {
    local -a vars=()
    while [ $# -gt 0 ] && [[ "$1" == *=* ]]; do vars+=("$1"); shift; done
    : >"$GITHUB_OUTPUT"
    status=0
    (cd "$work" && env "${vars[@]}" bash "$script" "$@") >"$tmp/out" 2>"$tmp/err" || status=$?
}

# --- a lossplot that records its arguments, one per line (none holds a newline here) ---------
mkdir -p "$tmp/bin"
cat >"$tmp/bin/lossplot" <<'EOF'
#!/usr/bin/env bash
log="$FAKE_LOG.$1"
: >"$log"
for a in "$@"; do printf '%s\n' "$a" >>"$log"; done
case "$1" in
    report)
        [ "${FAKE_REPORT_EXIT:-0}" = 0 ] || { echo "lossplot: report: a bad run" >&2; exit "$FAKE_REPORT_EXIT"; }
        out=''
        while [ $# -gt 0 ]; do [ "$1" = --out ] && out=$2; shift; done
        mkdir -p "$out" && echo '<!doctype html>' >"$out/index.html" && echo '{}' >"$out/manifest.json"
        ;;
    summary)
        echo '| metric | final | change |'
        echo '| val_loss | 0.5 | +1.0% |'
        exit "${FAKE_SUMMARY_EXIT:-0}"
        ;;
esac
EOF
chmod +x "$tmp/bin/lossplot"
export FAKE_LOG="$tmp/argv"
export LOSSPLOT_BIN="$tmp/bin/lossplot"

work="$tmp/work"
mkdir -p "$work/runs dir/a b" "$work/runs dir/c1" "$work/runs dir/c2" "$work/-dash" "$work/base/x"
echo 'step,loss' >"$work/runs dir/a b/metrics.csv"
echo 'step,loss' >"$work/runs dir/c1/metrics.csv"
ln -s /etc/passwd "$work/runs dir/c1/leak"
touch "$work/baseline_star_bait" "$work/1.02"

export RUNNER_TEMP="$tmp/runner"
mkdir -p "$RUNNER_TEMP"
export GITHUB_OUTPUT="$tmp/github-output"
export GITHUB_STEP_SUMMARY="$tmp/step-summary.md"
unset GITHUB_ACTIONS LOSSPLOT_BASELINE LOSSPLOT_METRIC LOSSPLOT_FAIL_ON LOSSPLOT_TITLE LOSSPLOT_MAX_CHARS \
    LOSSPLOT_ARTIFACT_NAME LOSSPLOT_SELF_CONTAINED LOSSPLOT_INCLUDE_RUNS GITHUB_TOKEN

# --- prepare: bad inputs are one line and exit 64 ---------------------------------------------
bad_input() { # name, message, NAME=value...
    local name=$1 want=$2
    shift 2
    act "$@" prepare
    check "$name: exit" "$status" 64
    check "$name: one line on stderr" "$(wc -l <"$tmp/err")" 1
    contains "$name: message" "$tmp/err" "$want"
}
bad_input "no runs" "runs: no run named" LOSSPLOT_RUNS=
bad_input "missing run" "no such file or folder: 'nope'" LOSSPLOT_RUNS=nope
bad_input "glob without match" "nothing matches 'zz*'" 'LOSSPLOT_RUNS=zz*'
bad_input "artifact name" "artifact-name: 'a/b'" LOSSPLOT_RUNS=base/x LOSSPLOT_ARTIFACT_NAME=a/b
bad_input "boolean" "self-contained: 'yes'" LOSSPLOT_RUNS=base/x LOSSPLOT_SELF_CONTAINED=yes
bad_input "max-chars" "max-chars: '1e6'" LOSSPLOT_RUNS=base/x LOSSPLOT_MAX_CHARS=1e6
mkdir -p "$work/full" && touch "$work/full/x" "$work/file"
ln -s "$work/empty-target" "$work/link-out"
mkdir -p "$work/empty-target"
bad_input "out folder not empty" "LOSSPLOT_OUT: 'full' exists" LOSSPLOT_RUNS=base/x LOSSPLOT_OUT=full
bad_input "out is a file" "LOSSPLOT_OUT: 'file' exists" LOSSPLOT_RUNS=base/x LOSSPLOT_OUT=file
bad_input "out is a link" "LOSSPLOT_OUT: 'link-out' exists" LOSSPLOT_RUNS=base/x LOSSPLOT_OUT=link-out
bad_input "missing baseline" "baseline: no such file or folder: 'gone'" LOSSPLOT_RUNS=base/x LOSSPLOT_BASELINE=gone

export LOSSPLOT_RUNS=$'runs dir/a b\nruns dir/c*\n  # a comment\n\n-dash'
act prepare
check "prepare: exit" "$status" 0
check "prepare: baseline mode" "$(out baseline-mode)" none
check "prepare: baseline folder" "$(out baseline-dir)" "$RUNNER_TEMP/lossplot-baseline"
check "prepare: no build with LOSSPLOT_BIN" "$(out cache-key)" ''

# --- run: each path and rule one argument, nothing evaluated ---------------------------------
export LOSSPLOT_BASELINE='base/x'
export LOSSPLOT_METRIC=$'val_loss, train_*\nacc'
export LOSSPLOT_FAIL_ON=$'val_loss.final > baseline * 1.02\nnonfinite\n  val_acc.min < 0.8  \n# not a rule'
# shellcheck disable=SC2016 # the point: text that a shell would run if it were evaluated
export LOSSPLOT_TITLE='T $(touch pwned) `touch pwned2` *'
act run
check "run: exit" "$status" 0
art=$(out artifact-dir)
common=("--runs" "runs dir/a b" "--runs" "runs dir/c1" "--runs" "runs dir/c2" "--runs" "./-dash"
    "--baseline" "base/x" "--metric" "val_loss,train_*,acc")
check "run: report's arguments" "$(cat "$FAKE_LOG.report")" \
    "$(printf '%s\n' report "${common[@]}" --out "$art/report" --self-contained --title "$LOSSPLOT_TITLE")"
check "run: summary's arguments" "$(cat "$FAKE_LOG.summary")" \
    "$(printf '%s\n' summary "${common[@]}" --format md --fail-on 'val_loss.final > baseline * 1.02' --fail-on nonfinite --fail-on 'val_acc.min < 0.8')"
check "run: the title ran nothing" "$(find "$work" -maxdepth 1 -name 'pwned*' | wc -l)" 0
check "run: gate" "$(out gate)" pass
check "run: report folder" "$(out report-dir)" "$art/report"
check "run: summary file" "$(out summary-file)" "$art/summary.md"
contains "run: the job summary" "$GITHUB_STEP_SUMMARY" '| val_loss | 0.5 | +1.0% |'
check "run: runs.txt" "$(cat "$art/runs.txt")" "$(printf '%s\n' 'runs dir/a b' 'runs dir/c1' 'runs dir/c2' '-dash')"
check "run: a run's file is copied" "$(cat "$art/runs/runs dir/a b/metrics.csv")" 'step,loss'
check "run: a link is not copied" "$(find "$art/runs" -type l | wc -l)" 0
contains "run: the left-out link is named" "$tmp/err" 'leak'

export LOSSPLOT_SELF_CONTAINED=false LOSSPLOT_INCLUDE_RUNS=false LOSSPLOT_MAX_CHARS=2000
unset LOSSPLOT_TITLE LOSSPLOT_METRIC
act run
check "run (options off): exit" "$status" 0
lacks "run (options off): not self-contained" "$FAKE_LOG.report" '--self-contained'
lacks "run (options off): no --metric" "$FAKE_LOG.report" '--metric'
contains "run (options off): --max-chars" "$FAKE_LOG.summary" '2000'
check "run (options off): no runs copied" "$(ls "$(out artifact-dir)")" "$(printf '%s\n' report summary.md)"
unset LOSSPLOT_SELF_CONTAINED LOSSPLOT_INCLUDE_RUNS LOSSPLOT_MAX_CHARS

act LOSSPLOT_OUT=out/report-folder run
check "run into LOSSPLOT_OUT: exit" "$status" 0
check "run into LOSSPLOT_OUT: the artifact folder" "$(out artifact-dir)" "$work/out/report-folder"
check "run into LOSSPLOT_OUT: its report" "$(out report-dir)" "$work/out/report-folder/report"
act LOSSPLOT_OUT=out/report-folder run
check "run into a LOSSPLOT_OUT already written: refused" "$status" 64
check "run into a LOSSPLOT_OUT already written: untouched" "$(cat "$work/out/report-folder/runs.txt")" "$(printf '%s\n' 'runs dir/a b' 'runs dir/c1' 'runs dir/c2' '-dash')"
mkdir -p "$work/out/empty"
act LOSSPLOT_OUT=out/empty run
check "run into an empty LOSSPLOT_OUT: exit" "$status" 0

# --- the gate's exit codes --------------------------------------------------------------------
finish() {
    local gate summary_status
    gate=$(out gate)
    summary_status=$(out summary-status)
    (cd "$work" && LOSSPLOT_GATE=$gate LOSSPLOT_SUMMARY_STATUS=$summary_status LOSSPLOT_ARTIFACT_URL=${1:-} \
        bash "$script" finish) >"$tmp/out" 2>"$tmp/err" || return $?
}
: >"$GITHUB_STEP_SUMMARY"
act FAKE_SUMMARY_EXIT=1 run
check "tripped rule: run exits 0 (the artifact is uploaded first)" "$status" 0
check "tripped rule: gate" "$(out gate)" fail
contains "tripped rule: the summary is in the job summary" "$GITHUB_STEP_SUMMARY" 'val_loss'
s=0; finish 'https://github.com/o/r/actions/runs/1/artifacts/2' || s=$?
check "tripped rule: finish exits 1" "$s" 1
contains "tripped rule: an error annotation" "$tmp/out" '::error::lossplot: the regression gate failed'
contains "finish: the artifact's link" "$GITHUB_STEP_SUMMARY" '[lossplot-runs](https://github.com/o/r/actions/runs/1/artifacts/2)'
s=0; finish 'https://x) [y](javascript:alert(1)' || s=$?
check "finish: a URL that would break the link is refused" "$s" 1

: >"$GITHUB_STEP_SUMMARY"
act FAKE_SUMMARY_EXIT=64 run
check "bad rule: gate" "$(out gate)" error
check "bad rule: nothing in the job summary" "$(wc -c <"$GITHUB_STEP_SUMMARY")" 0
s=0; finish || s=$?
check "bad rule: finish exits 64" "$s" 64

unset LOSSPLOT_FAIL_ON
act run
check "no rules: gate" "$(out gate)" none
s=0; finish || s=$?
check "no rules: finish exits 0" "$s" 0

act FAKE_REPORT_EXIT=64 run
check "report fails: its exit passes through" "$status" 64
check "report fails: no artifact to upload" "$(out artifact-dir)" ''

# --- baseline: artifact, from a downloaded artifact's runs.txt --------------------------------
export LOSSPLOT_BASELINE=artifact
act run
check "artifact baseline, none downloaded: exit" "$status" 0
lacks "artifact baseline, none downloaded: no --baseline" "$FAKE_LOG.summary" '--baseline'
cp -R "$art" "$RUNNER_TEMP/lossplot-baseline"
act run
check "artifact baseline: exit" "$status" 0
b="$RUNNER_TEMP/lossplot-baseline/runs"
check "artifact baseline: the kept runs are the baseline" "$(grep -A1 -x -- --baseline "$FAKE_LOG.summary" | grep -v -x -- --baseline | grep -v -x -- --)" \
    "$(printf '%s\n' "$b/runs dir/a b" "$b/runs dir/c1" "$b/runs dir/c2" "$b/-dash")"
for line in '../../../etc' '/etc' 'runs dir/../../x' './runs dir' 'missing'; do
    printf '%s\n' "$line" >"$RUNNER_TEMP/lossplot-baseline/runs.txt"
    act run
    check "runs.txt line '$line' is refused" "$status" 1
    contains "runs.txt line '$line': named" "$tmp/err" "runs.txt line 1"
done
ln -s /etc "$b/link"
printf 'link\n' >"$RUNNER_TEMP/lossplot-baseline/runs.txt"
act run
check "runs.txt naming a link is refused" "$status" 1
rm -rf "$RUNNER_TEMP/lossplot-baseline"

# --- find-baseline: GitHub's REST API, through a curl that answers from files ----------------
api="$tmp/api"
mkdir -p "$api"
cat >"$tmp/bin/curl" <<'EOF'
#!/usr/bin/env bash
# Answers GET URL from $FAKE_API/<path with / and ? turned to _>.json; HTTP status from a .status
# file beside it, else 200. Fails the test when the token is in argv.
config=$(cat)
output='' url=''
for a in "$@"; do
    case "$a" in *"$FAKE_TOKEN"*) echo "token in argv" >>"$FAKE_API/violations" ;; esac
done
case "$config" in *"Authorization: Bearer $FAKE_TOKEN"*) ;; *) echo "no token on stdin" >>"$FAKE_API/violations" ;; esac
while [ $# -gt 0 ]; do
    case "$1" in --output) output=$2; shift ;; --header | --max-time | --retry | --write-out | --config) shift ;; -*) ;; *) url=$1 ;; esac
    shift
done
echo "$url" >>"$FAKE_API/requests"
key=${url#https://api.example.test/}
key=$(printf '%s' "$key" | tr '/?&=' '____')
if [ -f "$FAKE_API/$key.json" ]; then cp "$FAKE_API/$key.json" "$output"; else echo '{"message":"Not Found"}' >"$output"; printf 404; exit 0; fi
if [ -f "$FAKE_API/$key.status" ]; then cat "$FAKE_API/$key.status"; else printf 200; fi
EOF
chmod +x "$tmp/bin/curl"
export FAKE_API="$api" FAKE_TOKEN=tok_secret_123
page1=repos_o_r_actions_artifacts_name_lossplot-runs_per_page_100_page_1
artifact_json() { # id run branch created [expired] [head_repository_id]
    printf '{"id":%s,"name":"lossplot-runs","expired":%s,"created_at":"%s","workflow_run":{"id":%s,"repository_id":7,"head_repository_id":%s,"head_branch":"%s","head_sha":"s%s"}}' \
        "$1" "${5:-false}" "$4" "$2" "${6:-7}" "$3" "$2"
}
{
    printf '{"total_count":7,"artifacts":['
    artifact_json 6 100 main 2026-01-01T00:00:00Z; printf ','
    artifact_json 4 300 main 2026-01-03T00:00:00Z; printf ','
    artifact_json 7 50 feature 2026-01-09T00:00:00Z; printf ','
    artifact_json 1 999 main 2026-01-08T00:00:00Z; printf ','
    artifact_json 2 500 main 2026-01-07T00:00:00Z false 8; printf ','
    artifact_json 3 400 main 2026-01-06T00:00:00Z true; printf ','
    artifact_json 5 200 main 2026-01-02T00:00:00Z
    printf ']}'
} >"$api/$page1.json"
echo '{"event":"pull_request","head_sha":"s300"}' >"$api/repos_o_r_actions_runs_300.json"
echo '{"event":"push","head_sha":"s200"}' >"$api/repos_o_r_actions_runs_200.json"

find_baseline() { # [branch]
    act PATH="$tmp/bin:$PATH" GITHUB_ACTIONS=true GITHUB_API_URL=https://api.example.test GITHUB_REPOSITORY=o/r \
        GITHUB_RUN_ID=999 GITHUB_TOKEN="$FAKE_TOKEN" LOSSPLOT_BASELINE_BRANCH="${1:-main}" find-baseline
}
find_baseline
check "find-baseline: exit" "$status" 0
check "find-baseline: the newest pushed run of main, not this one's, a fork's, an expired or a pull request's" "$(out run-id)" 200
check "find-baseline: the token only on curl's stdin" "$(cat "$api/violations" 2>/dev/null || true)" ''
lacks "find-baseline: the older run is not asked about" "$api/requests" 'runs/100'
find_baseline release
check "find-baseline, a branch without artifacts: exit" "$status" 0
check "find-baseline, a branch without artifacts: no run" "$(out run-id)" ''
contains "find-baseline, a branch without artifacts: a notice" "$tmp/out" '::notice::lossplot: no artifact lossplot-runs from release'
echo 403 >"$api/$page1.status"
echo '{"message":"Resource not accessible by integration"}' >"$api/$page1.json"
find_baseline
check "find-baseline, no actions read: exit" "$status" 1
contains "find-baseline, no actions read: says what is missing" "$tmp/err" 'answered 403 (Resource not accessible by integration): baseline: artifact needs'
act find-baseline
check "find-baseline off GitHub: exit" "$status" 0
check "find-baseline off GitHub: no run" "$(out run-id)" ''

echo "lossplot-action: $passed passed, $failed failed"
[ "$failed" = 0 ]
