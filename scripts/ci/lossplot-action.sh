#!/usr/bin/env bash
# The shell of the lossplot GitHub Action (action.yml at the repository root), one subcommand per
# step, so that the same commands run on a laptop (`make action-local`) as on a runner:
#
#   prepare        check the inputs and the toolchain; the build cache's key and folder
#   build          build lossplot from source (`make release`: installs Cairo etc. when missing)
#   find-baseline  the newest report artifact of the base branch (GitHub's REST API, GITHUB_TOKEN)
#   run            lossplot report, lossplot summary (with the gate) into the job summary, the
#                  artifact folder (report/, summary.md, runs/, runs.txt)
#   finish         the artifact's link in the job summary; exit 1 when the gate failed
#   local          prepare, build, run, finish in a row (the GitHub-only steps are skipped)
#
# Every input arrives in an environment variable, never as script text; the multi-value ones are
# one item a line. Nothing is evaluated: paths and rules go to lossplot as arguments, one each.
#
#   LOSSPLOT_RUNS             runs to report: files or folders, one a line; a line with * ? [ is a
#                             glob (bash's, no match is an error); lines starting with # are skipped
#   LOSSPLOT_BASELINE         the same for the baseline's runs, or the one word `artifact`: the runs
#                             kept in the base branch's newest artifact named LOSSPLOT_ARTIFACT_NAME
#   LOSSPLOT_BASELINE_BRANCH  that branch (action.yml: the pull request's base, else the default branch)
#   LOSSPLOT_METRIC           metric name patterns, one a line or comma-separated (--metric)
#   LOSSPLOT_FAIL_ON          gate rules, one a line (--fail-on each)
#   LOSSPLOT_ARTIFACT_NAME    the artifact's name, [A-Za-z0-9._-] (default lossplot-runs)
#   LOSSPLOT_TITLE            the report's title (--title), empty for lossplot's own
#   LOSSPLOT_MAX_CHARS        the summary's limit (--max-chars), empty for lossplot's (1,000,000)
#   LOSSPLOT_SELF_CONTAINED   true|false: the report as one HTML file (--self-contained); default true
#   LOSSPLOT_INCLUDE_RUNS     true|false: copy the runs into the artifact (a later baseline); default true
#   LOSSPLOT_OUT              the artifact folder: made, or an empty folder; default a new folder
#                             in RUNNER_TEMP (a fixed path is for CIs whose artifact paths are fixed)
#   LOSSPLOT_SOURCE           lossplot's source folder (action.yml: the action's own checkout)
#   LOSSPLOT_BUILD_CONFIG     release|debug (default release)
#   LOSSPLOT_BIN              a lossplot binary to use instead of building one
#   LOSSPLOT_GATE, LOSSPLOT_ARTIFACT_URL   for `finish`: the run step's gate and the upload's URL
#   GITHUB_TOKEN              for find-baseline (needs `actions: read`)
#   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_API_URL, GITHUB_REPOSITORY,
#   GITHUB_RUN_ID             as GitHub sets them; `local` makes the first three up when unset
#
# Exit status: 0; 1 when the gate failed (finish) or a step failed; 64 for a bad input.
set -euo pipefail

me=lossplot-action
# Globs and the order of their matches do not depend on the caller's locale.
export LC_COLLATE=C

die() { echo "$me: $1" >&2; exit "${2:-1}"; }
usage_error() { die "$1" 64; }
note() { echo "$me: $1" >&2; }

# key=value into $GITHUB_OUTPUT (stderr when there is none). Values here are paths and words
# this script made: a newline in one would start another output, so it is refused.
output() {
    case "$2" in *$'\n'*) die "output $1 would hold a newline" ;; esac
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
        printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
    else
        note "output $1=$2"
    fi
}

# true|false input $1 (value $2, default $3) into $REPLY.
boolean() {
    local value=${2:-$3}
    case "$value" in
        true | false) REPLY=$value ;;
        *) usage_error "$1: '$value' is neither true nor false" ;;
    esac
}

trim() {
    local s=$1
    s=${s#"${s%%[![:space:]]*}"}
    s=${s%"${s##*[![:space:]]}"}
    REPLY=$s
}

# The files and folders that glob $1 matches, into the caller's array `matches`: pathname
# expansion of the pattern itself, with IFS empty so that nothing is split (spaces in the pattern
# stay) and nullglob so that no match is an empty list.
glob_matches() {
    local IFS=''
    shopt -s nullglob
    # shellcheck disable=SC2206 # the expansion is the point: a glob, never split
    matches=($1)
    shopt -u nullglob
}

# The paths named by input $1 (its text in $2), one a line, into the array PATHS. Relative paths
# that begin with - get ./ so that lossplot cannot read them as options.
expand_paths() {
    local input=$1 line pattern
    local -a matches
    PATHS=()
    while IFS= read -r line || [ -n "$line" ]; do
        trim "$line"
        pattern=$REPLY
        case "$pattern" in '' | '#'*) continue ;; esac
        case "$pattern" in
            *[*?[]*)
                glob_matches "$pattern"
                [ "${#matches[@]}" -gt 0 ] || usage_error "$input: nothing matches '$pattern'"
                ;;
            *)
                [ -e "$pattern" ] || usage_error "$input: no such file or folder: '$pattern'"
                matches=("$pattern")
                ;;
        esac
        local m
        for m in "${matches[@]}"; do
            case "$m" in -*) m="./$m" ;; esac
            PATHS+=("$m")
        done
    done <<<"$2"
}

# Metric patterns, one a line or comma-separated, into one comma-separated value in REPLY.
metric_list() {
    local line part joined=''
    local -a parts
    while IFS= read -r line || [ -n "$line" ]; do
        IFS=',' read -r -a parts <<<"$line"
        for part in "${parts[@]}"; do
            trim "$part"
            [ -n "$REPLY" ] || continue
            joined=${joined:+$joined,}$REPLY
        done
    done <<<"$1"
    REPLY=$joined
}

# Gate rules, one a line, into the array RULES (blank lines and # comments skipped).
rule_list() {
    local line
    RULES=()
    while IFS= read -r line || [ -n "$line" ]; do
        trim "$line"
        case "$REPLY" in '' | '#'*) continue ;; esac
        RULES+=("$REPLY")
    done <<<"$1"
}

artifact_name() {
    local name=${LOSSPLOT_ARTIFACT_NAME:-lossplot-runs}
    [[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] ||
        usage_error "artifact-name: '$name' has a character other than letters, digits, '.', '_' and '-'"
    REPLY=$name
}

source_dir() {
    local dir=${LOSSPLOT_SOURCE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
    [ -f "$dir/Package.swift" ] || die "LOSSPLOT_SOURCE: no Package.swift in '$dir'"
    REPLY=$dir
}

build_config() {
    case "${LOSSPLOT_BUILD_CONFIG:-release}" in
        release | debug) REPLY=${LOSSPLOT_BUILD_CONFIG:-release} ;;
        *) usage_error "LOSSPLOT_BUILD_CONFIG: '$LOSSPLOT_BUILD_CONFIG' is neither release nor debug" ;;
    esac
}

lossplot_bin() {
    if [ -n "${LOSSPLOT_BIN:-}" ]; then
        REPLY=$LOSSPLOT_BIN
    else
        local config
        build_config; config=$REPLY
        source_dir
        REPLY="$REPLY/.build/$config/lossplot"
    fi
}

runner_temp() {
    [ -n "${RUNNER_TEMP:-}" ] || die "RUNNER_TEMP is not set (GitHub sets it; make action-local makes one)"
    [ -d "$RUNNER_TEMP" ] || die "RUNNER_TEMP: no such folder: '$RUNNER_TEMP'"
    REPLY=$RUNNER_TEMP
}

# LOSSPLOT_OUT ($1) is written only when it is new or an empty folder: what is there is not ours.
check_out() {
    if [ -L "$1" ] || { [ -e "$1" ] && ! [ -d "$1" ]; } ||
        { [ -d "$1" ] && [ -n "$(find "$1" -mindepth 1 -maxdepth 1 -print -quit)" ]; }; then
        usage_error "LOSSPLOT_OUT: '$1' exists and is not an empty folder"
    fi
}

# Where find-baseline's artifact is downloaded to (action.yml passes this output on).
baseline_dir() {
    runner_temp
    REPLY="$REPLY/lossplot-baseline"
}

baseline_mode() {
    trim "${LOSSPLOT_BASELINE:-}"
    case "$REPLY" in
        '') REPLY=none ;;
        artifact) REPLY=artifact ;;
        *) REPLY=paths ;;
    esac
}

# The build cache's key: the toolchain, the platform, where the sources are (SwiftPM's build
# records absolute paths) and the bytes of everything the build reads.
cache_key() {
    local src=$1 toolchain sources
    toolchain=$(swift --version 2>/dev/null | sha256sum | cut -c1-16)
    sources=$(
        cd "$src"
        {
            printf '%s\n' "$src"
            sha256sum Package.swift Makefile
            if [ -f Package.resolved ]; then sha256sum Package.resolved; fi
            find Sources -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
        } | sha256sum | cut -c1-32
    )
    CACHE_PREFIX="lossplot-build-v1-$(uname -s)-$(uname -m)-$toolchain-"
    CACHE_KEY="$CACHE_PREFIX$sources"
}

cmd_prepare() {
    local src mode
    expand_paths runs "${LOSSPLOT_RUNS:-}"
    [ "${#PATHS[@]}" -gt 0 ] || usage_error "runs: no run named (one file or folder a line)"
    baseline_mode; mode=$REPLY
    if [ "$mode" = paths ]; then expand_paths baseline "$LOSSPLOT_BASELINE"; fi
    artifact_name
    boolean self-contained "${LOSSPLOT_SELF_CONTAINED:-}" true
    boolean include-runs "${LOSSPLOT_INCLUDE_RUNS:-}" true
    if [ -n "${LOSSPLOT_MAX_CHARS:-}" ] && ! [[ "$LOSSPLOT_MAX_CHARS" =~ ^[0-9]+$ ]]; then
        usage_error "max-chars: '$LOSSPLOT_MAX_CHARS' is not a whole number"
    fi
    if [ -n "${LOSSPLOT_OUT:-}" ]; then check_out "$LOSSPLOT_OUT"; fi
    output baseline-mode "$mode"
    baseline_dir
    output baseline-dir "$REPLY"
    if [ -n "${LOSSPLOT_BIN:-}" ]; then
        [ -x "$LOSSPLOT_BIN" ] || die "LOSSPLOT_BIN: not an executable: '$LOSSPLOT_BIN'"
        output cache-key ''
        return
    fi
    command -v swift >/dev/null 2>&1 ||
        die "no Swift toolchain on PATH: run the job in the swift:6.3-bookworm image (container: swift:6.3-bookworm) or install Swift 6 in a step before this one"
    source_dir; src=$REPLY
    cache_key "$src"
    output cache-key "$CACHE_KEY"
    output cache-restore-prefix "$CACHE_PREFIX"
    output build-dir "$src/.build"
}

cmd_build() {
    if [ -n "${LOSSPLOT_BIN:-}" ]; then note "using $LOSSPLOT_BIN (LOSSPLOT_BIN), not building"; return; fi
    local src config
    source_dir; src=$REPLY
    build_config; config=$REPLY
    # The Makefile installs the system packages (Cairo, fonts) when they are missing, then builds.
    if [ "$config" = release ]; then make -C "$src" release; else make -C "$src" build; fi
    lossplot_bin
    [ -x "$REPLY" ] || die "the build left no lossplot at '$REPLY'"
}

# GET $GITHUB_API_URL$1 into file $2; the token goes to curl on its standard input, not in argv.
github_get() {
    local status
    status=$(
        printf 'header = "Authorization: Bearer %s"\n' "$GITHUB_TOKEN" |
            curl --config - --silent --show-error --location --max-time 60 --retry 2 \
                --header 'Accept: application/vnd.github+json' \
                --header 'X-GitHub-Api-Version: 2022-11-28' \
                --output "$2" --write-out '%{http_code}' "$GITHUB_API_URL$1"
    ) || die "GitHub API: GET $1 failed (curl exit $?)"
    if [ "$status" != 200 ]; then
        local message
        message=$(jq -r '.message? // empty' "$2" 2>/dev/null || true)
        case "$status" in
            401 | 403 | 404)
                die "GitHub API: GET $1 answered $status${message:+ ($message)}: baseline: artifact needs the job's token with permissions actions: read" ;;
            *) die "GitHub API: GET $1 answered $status${message:+ ($message)}" ;;
        esac
    fi
}

cmd_find_baseline() {
    local name branch work page runs run event found=''
    artifact_name; name=$REPLY
    branch=${LOSSPLOT_BASELINE_BRANCH:-}
    if [ "${GITHUB_ACTIONS:-}" != true ]; then
        note "baseline: artifact: not on GitHub, so nothing is looked up (a folder already at $(baseline_dir && echo "$REPLY") is used)"
        output run-id ''
        return
    fi
    [ -n "$branch" ] || usage_error "baseline-branch: empty (no pull request base and no default branch)"
    [ -n "${GITHUB_TOKEN:-}" ] || usage_error "github-token: empty: baseline: artifact needs a token with actions: read"
    : "${GITHUB_API_URL:?}" "${GITHUB_REPOSITORY:?}"
    if ! command -v curl >/dev/null 2>&1 || ! command -v jq >/dev/null 2>&1; then
        source_dir
        make -C "$REPLY" action-deps
    fi
    work=$(mktemp -d)
    # shellcheck disable=SC2064 # the folder's name is fixed now
    trap "rm -rf '$work'" EXIT
    local query
    query=$(jq -rn --arg v "$name" '$v | @uri')
    # Newest first: artifacts of that name from runs of this repository (not a fork's) on the
    # branch, not expired, not this run's own (a re-run's first attempt).
    for page in 1 2 3 4 5; do
        github_get "/repos/$GITHUB_REPOSITORY/actions/artifacts?name=$query&per_page=100&page=$page" "$work/artifacts.json"
        runs=$(jq -r --arg branch "$branch" --arg self "${GITHUB_RUN_ID:-}" '
            [.artifacts[]
             | select(.expired == false
                      and .workflow_run.head_branch == $branch
                      and .workflow_run.head_repository_id == .workflow_run.repository_id
                      and ((.workflow_run.id | tostring) != $self))]
            | sort_by(.created_at) | reverse | .[].workflow_run.id' "$work/artifacts.json")
        # A pull request from a branch that has the base's name is not the base branch: the run's
        # event says which.
        for run in $runs; do
            [[ "$run" =~ ^[0-9]+$ ]] || die "GitHub API: a workflow run id that is not a number: '$run'"
            github_get "/repos/$GITHUB_REPOSITORY/actions/runs/$run" "$work/run.json"
            event=$(jq -r '.event' "$work/run.json")
            case "$event" in
                pull_request*) continue ;;
            esac
            found=$run
            note "baseline: artifact $name of run $run ($event on $branch, commit $(jq -r '.head_sha' "$work/run.json"))"
            break 2
        done
        [ "$(jq '.artifacts | length' "$work/artifacts.json")" -eq 100 ] || break
    done
    if [ -z "$found" ]; then
        echo "::notice::lossplot: no artifact $name from $branch yet (none uploaded, or expired): no baseline"
    fi
    output run-id "$found"
}

# Copies of the runs ($2...) into $1/runs/, each at its path under the working folder (outside it: under
# _outside/N/), and their list, one a line, in $1/runs.txt. Only files and folders are kept: a
# symbolic link could point anywhere on the runner, so it is left out and said.
copy_runs() {
    local dest=$1 run rel i=0
    shift
    mkdir -p "$dest/runs"
    : >"$dest/runs.txt"
    for run in "$@"; do
        rel=$(realpath -m --relative-to="$PWD" -- "$run")
        case "$rel" in
            .) rel=_outside/$i/$(basename -- "$(realpath -m -- "$run")") ;;
            .. | ../* | /*) rel=_outside/$i/$(basename -- "$run") ;;
        esac
        i=$((i + 1))
        mkdir -p "$dest/runs/$(dirname -- "$rel")"
        # -T: a folder's contents go into its copy even when an earlier run (a folder inside this
        # one) made that copy already, instead of a second copy one level down.
        cp -R -P -T -- "$run" "$dest/runs/$rel"
        printf '%s\n' "$rel" >>"$dest/runs.txt"
    done
    local odd
    odd=$(find "$dest/runs" ! -type f ! -type d -print)
    if [ -n "$odd" ]; then
        note "left out of the artifact (links or special files): $(printf '%s' "$odd" | tr '\n' ' ')"
        find "$dest/runs" ! -type f ! -type d -delete
    fi
}

# The baseline's runs in a downloaded artifact ($1), from its runs.txt, into PATHS. The list is
# data from another run: each line must be a relative path without .. that names a file or
# folder (not a link) inside $1/runs.
artifact_baseline() {
    local dir=$1 line n=0
    PATHS=()
    if [ ! -f "$dir/runs.txt" ]; then
        echo "::warning::lossplot: the baseline artifact has no runs.txt (not written by this action?): no baseline"
        return
    fi
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        [ -n "$line" ] || continue
        case "/$line/" in
            *'/../'* | *'/./'* | //*) die "baseline artifact: runs.txt line $n: not a relative path inside runs/: '$line'" ;;
        esac
        if [ -L "$dir/runs/$line" ] || [ ! -e "$dir/runs/$line" ]; then
            die "baseline artifact: runs.txt line $n: no such file or folder in runs/: '$line'"
        fi
        PATHS+=("$dir/runs/$line")
    done <"$dir/runs.txt"
}

cmd_run() {
    local bin mode name artifact report status gate
    local -a runs baseline common summary_args report_args
    lossplot_bin; bin=$REPLY
    [ -x "$bin" ] || die "no lossplot at '$bin' (run the build step first)"
    artifact_name; name=$REPLY
    expand_paths runs "${LOSSPLOT_RUNS:-}"
    runs=("${PATHS[@]}")
    [ "${#runs[@]}" -gt 0 ] || usage_error "runs: no run named (one file or folder a line)"
    baseline_mode; mode=$REPLY
    baseline=()
    case "$mode" in
        paths)
            expand_paths baseline "$LOSSPLOT_BASELINE"
            baseline=("${PATHS[@]}")
            ;;
        artifact)
            baseline_dir
            if [ -d "$REPLY" ]; then
                artifact_baseline "$REPLY"
                baseline=("${PATHS[@]}")
            fi
            ;;
    esac
    [ "$mode" = none ] || [ "${#baseline[@]}" -gt 0 ] || note "no baseline: the report shows this branch's runs alone"

    common=()
    local run
    for run in "${runs[@]}"; do common+=(--runs "$run"); done
    for run in "${baseline[@]}"; do common+=(--baseline "$run"); done
    metric_list "${LOSSPLOT_METRIC:-}"
    if [ -n "$REPLY" ]; then common+=(--metric "$REPLY"); fi

    if [ -n "${LOSSPLOT_OUT:-}" ]; then
        check_out "$LOSSPLOT_OUT"
        mkdir -p -- "$LOSSPLOT_OUT"
        artifact=$(cd -- "$LOSSPLOT_OUT" && pwd)
    else
        runner_temp
        artifact=$(mktemp -d "$REPLY/lossplot-artifact.XXXXXX")
    fi
    report="$artifact/report"

    report_args=("${common[@]}" --out "$report")
    boolean self-contained "${LOSSPLOT_SELF_CONTAINED:-}" true
    if [ "$REPLY" = true ]; then report_args+=(--self-contained); fi
    if [ -n "${LOSSPLOT_TITLE:-}" ]; then report_args+=(--title "$LOSSPLOT_TITLE"); fi
    "$bin" report "${report_args[@]}" || { status=$?; die "lossplot report failed (exit $status)" "$status"; }

    summary_args=("${common[@]}" --format md)
    if [ -n "${LOSSPLOT_MAX_CHARS:-}" ]; then summary_args+=(--max-chars "$LOSSPLOT_MAX_CHARS"); fi
    rule_list "${LOSSPLOT_FAIL_ON:-}"
    local rule
    for rule in "${RULES[@]}"; do summary_args+=(--fail-on "$rule"); done
    status=0
    "$bin" summary "${summary_args[@]}" >"$artifact/summary.md" || status=$?
    case "$status" in
        0) if [ "${#RULES[@]}" -gt 0 ]; then gate=pass; else gate=none; fi ;;
        1) gate=fail ;;
        *) gate=error ;;
    esac
    if [ "$gate" != error ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
        cat "$artifact/summary.md" >>"$GITHUB_STEP_SUMMARY"
    fi
    if [ "$gate" = error ]; then
        note "lossplot summary failed (exit $status): the gate could not be judged"
    fi

    boolean include-runs "${LOSSPLOT_INCLUDE_RUNS:-}" true
    if [ "$REPLY" = true ]; then copy_runs "$artifact" "${runs[@]}"; fi

    output artifact-dir "$artifact"
    output report-dir "$report"
    output summary-file "$artifact/summary.md"
    output gate "$gate"
    output summary-status "$status"
    GATE=$gate
    SUMMARY_STATUS=$status
}

cmd_finish() {
    local gate=${LOSSPLOT_GATE:-} url=${LOSSPLOT_ARTIFACT_URL:-} name
    artifact_name; name=$REPLY
    if [ -n "$url" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
        local https='^https://[^[:space:]()<>]+$'
        [[ "$url" =~ $https ]] || die "artifact-url: not an https URL: '$url'"
        printf '\nThe report: [%s](%s) (download, unzip, open report/index.html).\n' "$name" "$url" >>"$GITHUB_STEP_SUMMARY"
    fi
    case "$gate" in
        pass | none) ;;
        fail)
            echo "::error::lossplot: the regression gate failed: the failing rules are in the job summary"
            exit 1
            ;;
        error) die "lossplot summary failed (exit ${LOSSPLOT_SUMMARY_STATUS:-?}): see its message above" "${LOSSPLOT_SUMMARY_STATUS:-1}" ;;
        *) die "LOSSPLOT_GATE: '$gate' is not pass, fail, none or error" ;;
    esac
}

cmd_local() {
    if [ -z "${RUNNER_TEMP:-}" ]; then
        RUNNER_TEMP=$(mktemp -d)
        export RUNNER_TEMP
    fi
    mkdir -p -- "$RUNNER_TEMP"
    : "${GITHUB_OUTPUT:=$RUNNER_TEMP/github-output}" "${GITHUB_STEP_SUMMARY:=$RUNNER_TEMP/step-summary.md}"
    export GITHUB_OUTPUT GITHUB_STEP_SUMMARY
    cmd_prepare
    note "not on GitHub: the build cache, the artifact download and the upload are skipped"
    cmd_build
    baseline_mode
    if [ "$REPLY" = artifact ]; then cmd_find_baseline; fi
    cmd_run
    note "job summary: $GITHUB_STEP_SUMMARY; outputs: $GITHUB_OUTPUT"
    LOSSPLOT_GATE=$GATE LOSSPLOT_SUMMARY_STATUS=$SUMMARY_STATUS LOSSPLOT_ARTIFACT_URL='' cmd_finish
}

case "${1:-}" in
    prepare) cmd_prepare ;;
    build) cmd_build ;;
    find-baseline) cmd_find_baseline ;;
    run) cmd_run ;;
    finish) cmd_finish ;;
    local) cmd_local ;;
    *) usage_error "usage: lossplot-action.sh prepare|build|find-baseline|run|finish|local" ;;
esac
