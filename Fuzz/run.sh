#!/usr/bin/env bash
# Fuzz/run.sh SECONDS NAME...: builds the harnesses fuzz-NAME (LOSSPLOT_FUZZ=1, debug,
# -sanitize=fuzzer,address) and runs each for SECONDS with libFuzzer, then prints one line per
# harness. Exits 1 when any harness crashed (a trap, a sanitizer report, a broken invariant, a
# timeout or running out of memory), 2 when one could not be built or run. `make fuzz` calls it.
set -u
seconds=$1; shift
[[ $seconds =~ ^[0-9]+$ ]] && (( seconds > 0 )) || { echo "fuzz: SECONDS must be a whole number of seconds, not '$seconds'" >&2; exit 64; }
swift=${SWIFT:-swift}
scratch=${FUZZ_SCRATCH:-.build-fuzz}
timeout=${FUZZ_TIMEOUT:-10}
rss=${FUZZ_RSS_MB:-2048}
mkdir -p "$scratch/logs"
# Swift's own crash backtracer reads the stack in a way AddressSanitizer reports as an overflow;
# off, a trap reaches libFuzzer, which prints the stack and saves the input.
export SWIFT_BACKTRACE=enable=no
# The harnesses' scratch folders (ScratchFolder): a crash leaves its folder behind, so the
# harnesses (not the builds: SwiftPM keeps its locks in TMPDIR) get a TMPDIR here, emptied before
# each run, rather than /tmp. One folder per harness, so that runs of two harnesses side by side
# (`make fuzz-one` in two shells, one per core) never empty each other's.
harness_root=$scratch/tmp
[[ $harness_root = /* ]] || harness_root=$PWD/$harness_root
# Leaks that are Foundation's, not lossplot's (see the file).
export LSAN_OPTIONS=suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}

# lld, because gold prints a warning for each of AddressSanitizer's local symbols.
for name in "$@"; do
  if ! LOSSPLOT_FUZZ=1 "$swift" build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
       --scratch-path "$scratch" --product "fuzz-$name" > "$scratch/logs/build-$name.log" 2>&1; then
    tail -20 "$scratch/logs/build-$name.log" >&2
    echo "fuzz: cannot build fuzz-$name (log: $scratch/logs/build-$name.log)" >&2
    exit 2
  fi
done

status=0
for name in "$@"; do
  corpus=$scratch/corpus/$name crashes=$scratch/crashes/$name log=$scratch/logs/$name.log
  mkdir -p "$corpus" "$crashes"
  inputs=("$corpus" "Fuzz/corpus/$name")
  [[ -d Fuzz/regressions/$name ]] && inputs+=("Fuzz/regressions/$name")
  dict=()
  [[ -f Fuzz/dict/$name.dict ]] && dict=(-dict="Fuzz/dict/$name.dict")
  harness_tmp=$harness_root/$name
  rm -rf "$harness_tmp" && mkdir -p "$harness_tmp"
  before=$(ls "$crashes" | wc -l)
  # New entries go to the first folder only: the scratch corpus, never the committed seeds.
  # shellcheck disable=SC2086
  TMPDIR=$harness_tmp "$scratch/debug/fuzz-$name" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss" \
    -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}" ${FUZZ_ARGS:-} "${inputs[@]}" > "$log" 2>&1
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  # -fork=N prints no final stats; its progress lines start with the executions so far.
  [[ -n $runs ]] || runs=$(grep -oE '^#[0-9]+: ' "$log" | tail -1 | tr -dc '0-9')
  entries=$(ls "$corpus" | wc -l)
  after=$(ls "$crashes" | wc -l)
  if (( code == 0 )) && (( after == before )); then
    printf '%-10s %10s executions in %ss, corpus %s entries: nothing found\n' "$name" "${runs:-?}" "$seconds" "$entries"
  else
    status=1
    artifact=$(grep -o "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //')
    what=$(grep -m1 -E '^==[0-9]+==ERROR|^SUMMARY|fuzz invariant broken|Fatal error|ALARM|out-of-memory|deadly signal' "$log")
    printf '%-10s %10s executions, FOUND (exit %s): %s\n' "$name" "${runs:-?}" "$code" "${what:-see the log}"
    printf '%-10s input: %s, log: %s\n' "" "${artifact:-none written}" "$log"
  fi
done
exit $status
