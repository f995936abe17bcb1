#!/usr/bin/env bash
# Scores mechkg (release build, default domain vocabulary and rules) on the development splits of
# the shared corpora, and on DrugProt's one split (none of its abstracts is in the splits the
# learned layer reads; README "Evaluation" says what was written from its errors), and prints a markdown table of the figures to stdout. The corpora are read in
# place from ../shared/data/corpora (or $MECHKG_CORPORA); nothing is copied into the repository.
# Usage: scripts/eval.sh [--full] [--learned] [--errors DIR]
# Relations are scored twice: with the rules alone, and with the opt-in co-mention layer
# (`mechkg eval --co-mentions`, rows "relations, with --co-mentions").
#   --full      score with the full dictionary (~/.cache/mechkg/full.tsv, built by
#               scripts/build_full_vocab.py if absent, with vocab/curated.tsv on top) and add a row per
#               entity type for mentions and normalisation
#   --learned   also load the layer learned from the training splits (~/.cache/mechkg/learned.tsv,
#               built by scripts/learn_corpus_names.py if absent); implies --full
#   --errors    DIR receives one FP/FN TSV per gold file
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
corpora="${MECHKG_CORPORA:-../shared/data/corpora}"
errors_dir=""
full=""
learned=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --full) full=1; shift ;;
        --learned) full=1; learned=1; shift ;;
        --errors) errors_dir="${2:?--errors needs a directory}"; mkdir -p "$errors_dir"; shift 2 ;;
        *) echo "eval.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
vocab_args=()
vocab_label="default domain vocabulary (vocab/domain.tsv + vocab/curated.tsv + vocab/species.tsv)"
if [[ -n "$full" ]]; then
    full_tsv="${MECHKG_FULL_VOCAB:-$HOME/.cache/mechkg/full.tsv}"
    [[ -f "$full_tsv" ]] || python3 scripts/build_full_vocab.py --fetch --out "$full_tsv" >&2
    vocab_args=(--vocab "$full_tsv" --vocab vocab/curated.tsv)
    vocab_label="full dictionary ($(grep -m1 '^# Counts' "$full_tsv" | awk '{print $3}') concepts, scripts/build_full_vocab.py) + vocab/curated.tsv"
fi
if [[ -n "$learned" ]]; then
    learned_tsv="${MECHKG_LEARNED_VOCAB:-$HOME/.cache/mechkg/learned.tsv}"
    if [[ ! -f "$learned_tsv" ]]; then
        cargo build --release --locked --quiet
        python3 scripts/learn_corpus_names.py --corpora "$corpora" --base "$full_tsv" \
            --base vocab/curated.tsv --out "$learned_tsv" >&2
    fi
    vocab_args+=(--vocab "$learned_tsv")
    vocab_label="$vocab_label + names learned from the training splits ($(sed -n 4p "$learned_tsv" | cut -c3-))"
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
    # DrugProt's one shared split: the learned layer never reads it; some rules were written from its errors.
    "DrugProt train|drugprot/train.bioc.xml"
)

echo "mechkg eval, $(date -u +%Y-%m-%d), vocabulary: $vocab_label, rules: vocab/rules.toml, mechkg $("$mechkg" --version | cut -d' ' -f2)"
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
    args=(eval "$file" --format json "${vocab_args[@]}")
    if [[ -n "$errors_dir" ]]; then
        args+=(--errors "$errors_dir/$(basename "$file").errors.tsv")
    fi
    start=$(date +%s.%N)
    json=$("$mechkg" "${args[@]}" 2>/dev/null)
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc)
    # The relations again with the opt-in co-mention layer (mechkg --co-mentions), in their own rows.
    co_json="{}"
    if [[ "$json" == *'"relations"'* ]]; then
        co_json=$("$mechkg" eval "$file" --format json "${vocab_args[@]}" --co-mentions 2>/dev/null)
    fi
    python3 - "$label" "$secs" "$json" "$full" "$co_json" <<'EOF'
import json, sys
label, secs, data, per_type = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3]), bool(sys.argv[4])
co = json.loads(sys.argv[5])
order = ["mentions_strict", "mentions_overlap", "normalisation", "relations", "relations_typed"]
def row(level, c, t=secs):
    # From the counts: the JSON rounds to four places, and rounding that again to three can differ
    # from the table `mechkg eval` prints (0.1645 from 0.16449).
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    print(f"| {label} | {data['documents']} | {level} | {tp} | {fp} | {fn} "
          f"| {p:.3f} | {r:.3f} | {f1:.3f} | {t} |")
for name in [n for n in order if n in data["levels"]]:
    row(name, data["levels"][name]["overall"], f"{secs:.2f} s")
    if per_type and name in ("mentions_overlap", "normalisation"):
        for typ, c in sorted(data["levels"][name]["by_type"].items()):
            if c["tp"] + c["fp"] > 0:
                row(f"{name}, {typ.removeprefix('biolink:')}", c, "")
for name in ("relations", "relations_typed"):
    if name in co.get("levels", {}):
        row(f"{name}, with --co-mentions", co["levels"][name]["overall"], "")
EOF
done
