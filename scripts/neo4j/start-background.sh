#!/usr/bin/env bash
# Starts the local Neo4j (run.sh) in the background, waits until it answers on Bolt, and writes its
#   NEO4J_URI=... NEO4J_USER=... NEO4J_PASSWORD=...
# lines to the file given as the argument (as `export` lines, so that a script can `source` it).
# Fails loudly, printing the log, when the build fails or it is not ready within
# NEO4J_START_TIMEOUT seconds (default 240). Stop it with stop.sh.
#   usage: bash scripts/neo4j/start-background.sh <env-file>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: start-background.sh <env-file>}"
state="${NEO4J_STATE_DIR:-$here/target/run}"
mkdir -p "$state"
log="$state/neo4j.log"
timeout="${NEO4J_START_TIMEOUT:-240}"

if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
  echo "neo4j: already running (pid $(cat "$state/pid")); stop it first with scripts/neo4j/stop.sh" >&2
  exit 1
fi

bash "$here/run.sh" --build-only || { echo "neo4j: build failed" >&2; exit 1; }

: >"$log"
# run.sh execs java, so this pid is the JVM's.
nohup bash "$here/run.sh" >"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$state/pid"

fail() {
  echo "neo4j: $1" >&2
  echo "---- $log ----" >&2; tail -n 80 "$log" >&2 || true
  kill "$pid" 2>/dev/null || true
  rm -f "$state/pid"
  exit 1
}

start=$(date +%s)
while :; do
  kill -0 "$pid" 2>/dev/null || fail "the launcher exited before it was ready"
  if grep -q '^NEO4J_PASSWORD=' "$log"; then break; fi
  [ $(( $(date +%s) - start )) -lt "$timeout" ] || fail "not ready after ${timeout}s"
  sleep 0.5
done
uri=$(sed -n 's/^NEO4J_URI=//p' "$log" | head -1)
user=$(sed -n 's/^NEO4J_USER=//p' "$log" | head -1)
password=$(sed -n 's/^NEO4J_PASSWORD=//p' "$log" | head -1)
port="${uri##*:}"
# The launcher prints its lines once Neo4j answered a query in-process; check Bolt from outside too.
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || fail "the launcher exited before Bolt answered"
  [ $(( $(date +%s) - start )) -lt "$timeout" ] || fail "Bolt does not answer on port $port after ${timeout}s"
  sleep 0.5
done
{
  echo "export NEO4J_URI=$(printf '%q' "$uri")"
  echo "export NEO4J_USER=$(printf '%q' "$user")"
  echo "export NEO4J_PASSWORD=$(printf '%q' "$password")"
} >"$out"
echo "neo4j: ready on $uri after $(( $(date +%s) - start ))s (pid $pid, log $log)" >&2
