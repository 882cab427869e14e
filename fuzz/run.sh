#!/usr/bin/env bash
# Run the three fuzz harnesses for a total budget, one after the other.
#
#   fuzz/run.sh BUDGET
#
# BUDGET is a number of executions in total ("1000000"), or a time in total
# with a unit ("600s", "40m").  It is split 2:2:1 between fuzz_parse.py,
# fuzz_load.py and fuzz_roundtrip.py.  The engine is atheris when it is
# installed (coverage-guided), else the pure-Python fallback of fuzz/_engine.py
# (random mutations; VNSG_FUZZ_ENGINE=python forces it).  The seed corpora are
# built on first use (fuzz/make_seed_corpus.py); what a run adds to them is
# kept for the next run.
#
# Environment:
#   PYTHON        the interpreter (default: python3)
#   FUZZ_WORK     where corpus-*/, corpus-crashes/ and logs/ go (default: fuzz/)
#   FUZZ_MAX_LEN  the longest input, in bytes (default: 2048)
#   FUZZ_TIMEOUT  seconds after which one input is a hang (default: 20)
#
# Prints one line per harness (executions, seconds, exit status) and a total;
# exits 1 when any harness found a crash or a hang (saved in corpus-crashes/,
# its log in logs/), 2 on a usage error.
set -uo pipefail

usage() {
  echo "usage: fuzz/run.sh BUDGET   (BUDGET: executions, e.g. 300000, or time, e.g. 600s, 40m)" >&2
  exit 2
}
[ $# -eq 1 ] || usage
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=${PYTHON:-python3}
work=${FUZZ_WORK:-$here}
max_len=${FUZZ_MAX_LEN:-2048}
timeout=${FUZZ_TIMEOUT:-20}

if [[ $1 =~ ^[0-9]+$ ]]; then
  unit=runs total=$1
elif [[ $1 =~ ^([0-9]+)s$ ]]; then
  unit=seconds total=${BASH_REMATCH[1]}
elif [[ $1 =~ ^([0-9]+)m$ ]]; then
  unit=seconds total=$((BASH_REMATCH[1] * 60))
else
  usage
fi
[ "$total" -ge 5 ] || { echo "fuzz/run.sh: a budget under 5 cannot be split between 3 harnesses" >&2; exit 2; }

mkdir -p "$work" || exit 2
work=$(cd "$work" && pwd)
if [ ! -d "$work/corpus-parse" ] || [ ! -d "$work/corpus-load" ] || [ ! -d "$work/corpus-roundtrip" ]; then
  "$python" "$here/make_seed_corpus.py" --out "$work" || exit 1
fi
mkdir -p "$work/corpus-crashes" "$work/logs"
engine=$("$python" -c 'import sys; sys.path.insert(0, sys.argv[1]); from _engine import atheris; print(type(atheris).__name__ == "Fallback" and "python (fallback)" or "atheris")' "$here")
echo "engine: $engine; budget: $total $unit, split 2:2:1; max_len $max_len; work: $work"

failed=0 all_runs=0 all_seconds=0
for entry in parse:2 load:2 roundtrip:1; do
  name=${entry%%:*} weight=${entry##*:}
  share=$((total * weight / 5))
  if [ "$unit" = runs ]; then limit=-atheris_runs=$share; else limit=-max_total_time=$share; fi
  log="$work/logs/fuzz_$name.log"
  began=$(date +%s)
  "$python" "$here/fuzz_$name.py" "$work/corpus-$name" "$limit" -timeout="$timeout" \
    -max_len="$max_len" -artifact_prefix="$work/corpus-crashes/" >"$log" 2>&1
  status=$?
  seconds=$(($(date +%s) - began))
  runs=$(grep -aoE '^Done [0-9]+' "$log" | tail -n 1 | cut -d' ' -f2)
  if [ -z "$runs" ]; then  # stopped early (a crash): the last progress line
    runs=$(grep -aoE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')
  fi
  runs=${runs:-0}
  verdict=ok
  if [ "$status" -ne 0 ]; then
    verdict="FAILED (exit $status; see $log and $work/corpus-crashes/)"
    failed=1
  fi
  printf '%-16s %10d executions %7d s  %s\n' "fuzz_$name" "$runs" "$seconds" "$verdict"
  all_runs=$((all_runs + runs)) all_seconds=$((all_seconds + seconds))
done
printf '%-16s %10d executions %7d s\n' total "$all_runs" "$all_seconds"
exit "$failed"
