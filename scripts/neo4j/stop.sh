#!/usr/bin/env bash
# Stops the Neo4j started by start-background.sh (SIGTERM: a clean shutdown), waiting up to 60 s.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
state="${NEO4J_STATE_DIR:-$here/target/run}"
[ -f "$state/pid" ] || { echo "neo4j: not running (no $state/pid)" >&2; exit 0; }
pid=$(cat "$state/pid")
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then echo "neo4j: still running after 60s, killing pid $pid" >&2; kill -KILL "$pid"; fi
fi
rm -f "$state/pid"
echo "neo4j: stopped" >&2
