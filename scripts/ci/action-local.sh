#!/usr/bin/env bash
# make action-local: the lossplot action's steps (scripts/ci/lossplot-action.sh local) as a
# runner would run them, on the runs fixtures (logs written by the real libraries), each case in
# its own folder under $1 with a made-up RUNNER_TEMP, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY:
#
#   pass      this branch's runs against a baseline, a rule that holds: exit 0, gate=pass
#   fail      a rule that trips: the summary and the report are still written, then exit 1
#   bad-rule  a rule that does not parse: exit 64, gate=error
#   artifact  baseline: artifact, from the pass case's artifact folder as if downloaded
#
# Each case's job summary, outputs and artifact folder stay in $1 to be read. The last line
# counts the checks. LOSSPLOT_BUILD_CONFIG and LOSSPLOT_BIN pass through to the action's script.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:?usage: action-local.sh OUTPUT_DIR}
cd "$root"
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
fixtures=Tests/RunLogsTests/Fixtures
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "action-local: FAIL: $1" >&2; }
check() { if [ "$2" = "$3" ]; then ok; else bad "$1: expected [$3], got [$2]"; fi; }
output() { sed -n "s/^$2=//p" "$out/$1/github-output" | tail -n 1; }

# case NAME RUNS BASELINE FAIL_ON: the action's script in a clean runner folder; status in $status.
run_case() {
    local name=$1
    mkdir -p "$out/$name/runner"
    echo "== action-local: $name" >&2
    status=0
    RUNNER_TEMP="$out/$name/runner" GITHUB_OUTPUT="$out/$name/github-output" \
        GITHUB_STEP_SUMMARY="$out/$name/step-summary.md" \
        LOSSPLOT_RUNS=$2 LOSSPLOT_BASELINE=$3 LOSSPLOT_FAIL_ON=$4 \
        LOSSPLOT_TITLE="action-local: $name" \
        bash scripts/ci/lossplot-action.sh local || status=$?
}

# The report is whole and matches its manifest; the job summary names a metric of the runs.
check_written() {
    local name=$1 report
    report=$(output "$name" report-dir)
    if [ -n "$report" ] && [ -f "$report/manifest.json" ] && [ -f "$report/index.html" ]; then ok; else bad "$name: no report in '$report'"; fi
    lossplot=${LOSSPLOT_BIN:-.build/${LOSSPLOT_BUILD_CONFIG:-release}/lossplot}
    if [ -n "$report" ] && "$lossplot" verify "$report" >/dev/null; then ok; else bad "$name: lossplot verify $report"; fi
    if grep -q 'train_loss' "$out/$name/step-summary.md" 2>/dev/null; then ok; else bad "$name: the job summary does not name train_loss"; fi
}

# One run each side: they are compared whatever their names (runs are matched with baseline runs by
# name otherwise, and version_1 is not version_0). version_1's final train_loss is 0.054, version_0's 0.021.
runs="$fixtures/lightning/tiny/version_1"
baseline="$fixtures/lightning/tiny/version_0"

run_case pass "$runs" "$baseline" $'train_loss.final > baseline * 100\ntrain_loss.min < 0'
check "pass: exit" "$status" 0
check "pass: gate" "$(output pass gate)" pass
check_written pass
check "pass: runs.txt" "$(cat "$(output pass artifact-dir)/runs.txt" 2>/dev/null)" "$runs"

run_case fail "$runs" "$baseline" 'train_loss.final > baseline * 1.02'
check "fail: exit" "$status" 1
check "fail: gate" "$(output fail gate)" fail
check_written fail

run_case bad-rule "$runs" "$baseline" 'train_loss.final >>> 1'
check "bad-rule: exit" "$status" 64
check "bad-rule: gate" "$(output bad-rule gate)" error

kept=$(output pass artifact-dir)
if [ -z "$kept" ]; then
    bad "artifact: skipped (the pass case left no artifact folder)"
else
    mkdir -p "$out/artifact/runner"
    cp -R "$kept" "$out/artifact/runner/lossplot-baseline"
    run_case artifact "$fixtures/lightning/tiny/version_0" artifact 'train_loss.final > baseline * 1.02'
    check "artifact: exit (version_0 is better than the kept version_1)" "$status" 0
    check "artifact: gate" "$(output artifact gate)" pass
    check_written artifact
fi

echo "action-local: outputs in $out" >&2
echo "action-local: $passed passed, $failed failed"
[ "$failed" = 0 ]
