#!/bin/sh
# Builds the Debian package from a clean clone and checks what it holds:
#   scripts/deb.sh            build target/debian/dossier_*.deb, then check it
#   scripts/deb.sh --check    only check the newest target/debian/dossier_*.deb
# Needs cargo-deb (`cargo install cargo-deb --locked`) and dpkg-deb; the check also renders the
# man page with `man -l` when man is installed.
set -eu
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--check" ]; then
    # The man pages and completions come from assets/, which the test
    # packaged_man_pages_and_completions_match_the_binary keeps current; cargo deb builds
    # the release binary itself.
    cargo deb --locked --strip
fi

deb=$(ls -t target/debian/dossier_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "no target/debian/dossier_*.deb" >&2; exit 1; }
contents=$(dpkg-deb -c "$deb")
fail=0
for path in \
    ./usr/bin/dossier \
    ./usr/share/man/man1/dossier.1 \
    ./usr/share/man/man1/dossier-render.1 \
    ./usr/share/bash-completion/completions/dossier \
    ./usr/share/zsh/vendor-completions/_dossier \
    ./usr/share/fish/vendor_completions.d/dossier.fish \
    ./usr/share/doc/dossier/copyright
do
    # Man pages may be stored gzipped.
    if ! printf '%s\n' "$contents" | grep -Eq " $path(\.gz)?\$"; then
        echo "$deb: missing $path" >&2
        fail=1
    fi
done
[ "$fail" = 0 ] || exit 1

# Unpack into a throwaway root: the binary runs and the man page renders.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
"$root/usr/bin/dossier" --version
page=$(ls "$root"/usr/share/man/man1/dossier.1* | head -n 1)
if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man -l "$page" 2>/dev/null | grep -q "dossier" || {
        echo "$page does not render" >&2
        exit 1
    }
fi
for sub in render export import open completions man config; do
    # Each subcommand is named in the page and completed by bash.
    zcat -f "$page" | grep -q "$sub" || { echo "$page: no $sub" >&2; exit 1; }
    grep -q "$sub" "$root/usr/share/bash-completion/completions/dossier" ||
        { echo "bash completion: no $sub" >&2; exit 1; }
done
echo "$deb: $(printf '%s\n' "$contents" | wc -l) entries, binary, man pages and completions present"
