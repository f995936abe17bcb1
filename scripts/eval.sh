#!/usr/bin/env bash
# Scores mechkg (release build, default domain vocabulary and rules) on the development splits of
# the shared corpora and prints a markdown table of the figures to stdout. The corpora are read in
# place from ../shared/data/corpora (or $MECHKG_CORPORA); nothing is copied into the repository.
# Usage: scripts/eval.sh [--errors DIR]   (DIR receives one FP/FN TSV per gold file)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
corpora="${MECHKG_CORPORA:-../shared/data/corpora}"
errors_dir=""
if [[ "${1:-}" == "--errors" ]]; then
    errors_dir="${2:?--errors needs a directory}"
    mkdir -p "$errors_dir"
fi
if [[ ! -d "$corpora" ]]; then
    echo "eval.sh: no corpora at $corpora (set MECHKG_CORPORA)" >&2
    exit 2
fi
cargo build --release --locked --quiet
mechkg="$CARGO_TARGET_DIR/release/mechkg"

golds=(
    "BC5CDR dev (PubTator)|bc5cdr/CDR_DevelopmentSet.PubTator.txt"
    "BC5CDR dev (BioC XML)|bc5cdr/CDR_DevelopmentSet.BioC.xml"
    "BioRED dev (PubTator)|biored/Dev.PubTator"
    "BioRED dev (BioC XML)|biored/Dev.BioC.XML"
    "BioRED dev (BioC JSON)|biored/Dev.BioC.JSON"
    "NCBI-disease dev|ncbi-disease/NCBIdevelopset_corpus.txt"
)

echo "mechkg eval, $(date -u +%Y-%m-%d), vocabulary: default domain vocabulary (vocab/domain.tsv + vocab/curated.tsv), rules: vocab/rules.toml, mechkg $("$mechkg" --version | cut -d' ' -f2)"
echo
echo "| corpus | docs | level | TP | FP | FN | P | R | F1 | eval time |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for entry in "${golds[@]}"; do
    label="${entry%%|*}"
    file="$corpora/${entry#*|}"
    if [[ ! -f "$file" ]]; then
        echo "| $label | — | missing: $file | | | | | | | |"
        continue
    fi
    args=(eval "$file" --format json)
    if [[ -n "$errors_dir" ]]; then
        args+=(--errors "$errors_dir/$(basename "$file").errors.tsv")
    fi
    start=$(date +%s.%N)
    json=$("$mechkg" "${args[@]}" 2>/dev/null)
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc)
    python3 - "$label" "$secs" "$json" <<'EOF'
import json, sys
label, secs, data = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3])
order = ["mentions_strict", "mentions_overlap", "normalisation", "relations", "relations_typed"]
for name in [n for n in order if n in data["levels"]]:
    c = data["levels"][name]["overall"]
    print(f"| {label} | {data['documents']} | {name} | {c['tp']} | {c['fp']} | {c['fn']} "
          f"| {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} | {secs:.2f} s |")
EOF
done
