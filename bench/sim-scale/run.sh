#!/usr/bin/env bash
# bench/sim-scale: 1,000 simulated members through the route server in one JVM (scale.yml), timed; prints the
# wall-clock time, the CPU time, the JVM's peak heap (sampled) and maximum RSS, and the machine's load. It runs
# bin/bgpekko with its default JVM options (BGPEKKO_JAVA_OPTS, when set, replaces them).
# Usage: bench/sim-scale/run.sh [SCENARIO] (default scale.yml beside this script)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scenario="${1:-$here/scale.yml}"
"$root/bin/bgpekko" --version >/dev/null   # builds the jar first, outside the timing
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
/usr/bin/env time -f "wall %e s, user %U s, system %S s, max RSS %M KiB" \
  "$root/bin/bgpekko" simulate --quiet "$scenario" >"$out" 2>&1 || true   # as users run it; BGPEKKO_JAVA_OPTS too
grep -E "members, |PASS|FAIL|wall " "$out"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
