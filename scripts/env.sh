# Sourced by the scripts: one cargo target directory outside the clone, so that RocksDB is compiled
# once per machine and not again for every clone.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/mechkg-target}"
