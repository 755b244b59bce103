#!/usr/bin/env bash
# Makes docs/screenshot-seed.png (and docs/screenshot-seed-dark.png): the real window under Xvfb showing the
# founding article (Noord-Korea hackt opnieuw exchanges, by Timo Bult, with his bio), fetched through the CLI
# from the fixture site (src/test/resources/site) served on 127.0.0.1. Nothing touches the internet.
# Needs: xvfb xauth libgtk-3-0 imagemagick xdotool (RECIPES.md §3). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
mvn -q -B -ntp test-compile
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

java -cp "target/test-classes:target/classes:$(cat target/test-cp.txt)" org.cryptosec.reader.testing.DemoSite > "$WORK/url" &
PIDS+=($!)
for _ in $(seq 1 40); do [ -s "$WORK/url" ] && break; sleep 0.25; done
SITE="$(head -1 "$WORK/url")"
JAR="java -jar target/cryptosec-reader.jar --data-dir $WORK/data"
$JAR feeds add "$SITE" >/dev/null
$JAR refresh >/dev/null 2>&1

shot() {  # $1 = output file, $2 = extra arguments for the window
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    java -Dprism.order=sw -Dprism.lcdtext=false -jar target/cryptosec-reader.jar --data-dir "'"$WORK"'/data" '"$2"' >/dev/null 2>&1 & P=$!
    for i in $(seq 1 80); do W=$(xdotool search --name "Cryptosec Reader" 2>/dev/null | head -1); [ -n "$W" ] && break; sleep 0.25; done
    sleep 3
    xdotool mousemove 420 235 click 1; sleep 3
    import -window root "'"$1"'"
    kill $P || true'
  echo "wrote $1"
}
shot docs/screenshot-seed.png ""
shot docs/screenshot-seed-dark.png "--theme=dark"
