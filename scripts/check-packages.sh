#!/usr/bin/env bash
# Builds the Debian packages from a configured build directory into a temporary
# directory and checks that both exist with the programs inside.
set -euo pipefail
build_dir=${1:?usage: check-packages.sh BUILD_DIR}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build_dir" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log" >&2; exit 1; }
server_deb=$(ls "$out"/ccr-server_*.deb 2>/dev/null | head -1)
desk_deb=$(ls "$out"/ccr-desk_*.deb 2>/dev/null | head -1)
[ -n "$server_deb" ] || { echo "no ccr-server .deb was made" >&2; ls "$out" >&2; exit 1; }
[ -n "$desk_deb" ] || { echo "no ccr-desk .deb was made" >&2; ls "$out" >&2; exit 1; }
# Captured first: grep -q closing the pipe early would kill dpkg-deb under pipefail.
server_files=$(dpkg-deb --contents "$server_deb")
desk_files=$(dpkg-deb --contents "$desk_deb")
server_depends=$(dpkg-deb --field "$server_deb" Depends)
desk_depends=$(dpkg-deb --field "$desk_deb" Depends)
grep -q "usr/bin/ccr-server" <<<"$server_files" || { echo "ccr-server missing from its package" >&2; exit 1; }
grep -q "ccr-server.service" <<<"$server_files" || { echo "systemd unit missing" >&2; exit 1; }
grep -q "usr/bin/ccr-desk" <<<"$desk_files" || { echo "ccr-desk missing from its package" >&2; exit 1; }
grep -q "libqt6sql6-sqlite" <<<"$server_depends" || { echo "server package lacks the SQLite driver dependency" >&2; exit 1; }
for library in libqt6keychain1 libqrencode4 libsecret-1-0; do
  grep -q "$library" <<<"$desk_depends" || { echo "desktop package lacks the dependency $library" >&2; exit 1; }
done
echo "packages ok: $(basename "$server_deb") $(basename "$desk_deb")"
