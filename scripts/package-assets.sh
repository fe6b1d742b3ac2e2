#!/bin/sh
# Regenerates the man pages and shell completions in assets/, which `cargo deb` packages (see
# [package.metadata.deb] in Cargo.toml), from the release binary. Run it after changing the
# command line and commit the result; tests/package_assets.rs fails while assets/ is stale:
#   cargo build --release --locked && scripts/package-assets.sh
set -eu
cd "$(dirname "$0")/.."
bin=target/release/dossier
out=assets
rm -rf "$out"
mkdir -p "$out/man" "$out/completions"
"$bin" man --dir "$out/man"
"$bin" completions bash > "$out/completions/dossier.bash"
"$bin" completions zsh > "$out/completions/_dossier"
"$bin" completions fish > "$out/completions/dossier.fish"
"$bin" completions elvish > "$out/completions/dossier.elv"
"$bin" completions powershell > "$out/completions/_dossier.ps1"
