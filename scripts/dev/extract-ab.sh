#!/usr/bin/env bash
# Extraction time of two builds, in one JVM per run, PAIRS runs with the jars in both orders (see ExtractCompare.java).
# Usage: scripts/dev/extract-ab.sh BASE.jar NEW.jar [PAIRS] [ROUNDS]   (DATA_DIR: $CRYPTOSEC_SHARED_DATA/extraction)
# Prints per pair the ratio new/base from both orders; below 1: the new jar extracts faster.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${CRYPTOSEC_SHARED_DATA:-$here/../../../shared/data}/extraction"
base="$1"; new="$2"; pairs="${3:-3}"; rounds="${4:-10}"
for i in $(seq 1 "$pairs"); do
  a=$(java -Xmx2g "$here/ExtractCompare.java" time "$base" "$new" "$data" "$rounds" | awk '/^TOTAL/ {print $3}')
  b=$(java -Xmx2g "$here/ExtractCompare.java" time "$new" "$base" "$data" "$rounds" | awk '/^TOTAL/ {print $3}')
  echo "pair $i: new/base $a; swapped, base/new $b; both orders: $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.4f", (a + 1 / b) / 2}')"
done
