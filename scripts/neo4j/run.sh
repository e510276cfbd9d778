#!/usr/bin/env bash
# A local Neo4j 5.26 community server without Docker (npm run neo4j): builds the launcher once
# (again only when pom.xml or the Java source is newer than the build), then runs it in the
# foreground. When ready it prints NEO4J_URI=..., NEO4J_USER=..., NEO4J_PASSWORD=... ; Ctrl-C or
# SIGTERM stops it cleanly. Environment: NEO4J_PORT (default: a free port, printed in NEO4J_URI; a
# port in use stops it with one line saying so), NEO4J_PASSWORD (default: generated), NEO4J_HOME_DIR
# (keep the data there; default: a folder under TMPDIR, deleted on every exit), NEO4J_HEAP (default
# 1g), NEO4J_PAGECACHE_MB (default 256).
#   bash scripts/neo4j/run.sh --build-only   builds and exits.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/neo4j-launcher.jar"

needs_build() {
  [ -f "$jar" ] && [ -d "$here/target/lib" ] || return 0
  [ -n "$(find "$here/pom.xml" "$here/src" -newer "$jar" -print -quit)" ]
}

if needs_build; then
  command -v mvn >/dev/null || { echo "neo4j: Maven (mvn) is not installed" >&2; exit 1; }
  command -v java >/dev/null || { echo "neo4j: Java (17+) is not installed" >&2; exit 1; }
  echo "neo4j: building the launcher (Maven; the first build downloads Neo4j)" >&2
  rm -rf "$here/target/lib"
  if ! mvn -B -q -f "$here/pom.xml" package >&2; then
    echo "neo4j: the Maven build FAILED (cannot fetch Neo4j from Maven Central?)" >&2
    exit 1
  fi
  touch "$jar"
fi
[ "${1:-}" = "--build-only" ] && exit 0

heap="${NEO4J_HEAP:-1g}"
# The JVM options of Neo4j's own launcher that matter here (Netty and the page cache reflect into
# java.base), a small heap, and G1 without pre-touching.
exec java -Xms256m -Xmx"$heap" -Djava.io.tmpdir="${TMPDIR:-/tmp}" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC \
  -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -jar "$jar"
