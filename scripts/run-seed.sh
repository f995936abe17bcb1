#!/usr/bin/env bash
# The main job on the seed review: set up the machine if needed, build mechkg, build the default
# store (./mechkg-store) from the seed, then show a mechanism chain and a concept with its relations.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
cargo build --release --locked --quiet
mechkg="$CARGO_TARGET_DIR/release/mechkg"
set -x
"$mechkg" build fixtures/seed/jiang2023.txt
"$mechkg" path stress CRH
"$mechkg" lookup OXT
