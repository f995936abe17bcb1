#!/usr/bin/env bash
# The test command: set up the machine if needed, then run every test (unit, integration, doc).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
cargo test --locked "$@"
