#!/bin/sh
# Runs a command against a real but throw-away keyring: a private D-Bus session
# (dbus-run-session) with a fresh gnome-keyring unlocked by a fixed password, under a
# temporary HOME. Nothing of the user's own session or keyrings is touched, and everything
# started here is stopped, by PID, when the command ends or this script is interrupted.
# Exit status: the command's.
#   tests/support/with-keyring.sh COMMAND [ARGS...]
set -eu
if [ $# -eq 0 ]; then
  echo "usage: with-keyring.sh COMMAND [ARGS...]" >&2
  exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring.sh: $tool not found (scripts/install-deps.sh installs it)" >&2; exit 1; }
done

# gnome-keyring needs an existing HOME (else a 25 s timeout) and keeps its files and sockets
# under the XDG directories: point all of them at the temporary home.
home=$(mktemp -d "${TMPDIR:-/tmp}/ccr-keyring.XXXXXX")
mkdir -p "$home/.local/share" "$home/.config" "$home/.cache" "$home/runtime"
chmod 700 "$home/runtime"

session_pid=
stop_session() {
  # The shell inside the session stops the command and the keyring daemon; dbus-run-session
  # then ends its bus. Signalling dbus-run-session itself would orphan them.
  if [ -s "$home/session.pid" ]; then
    kill "$(cat "$home/session.pid")" 2>/dev/null || true
  fi
  if [ -n "$session_pid" ]; then
    wait "$session_pid" 2>/dev/null || true
  fi
}
trap 'rm -rf "$home"' EXIT
trap 'stop_session; exit 130' INT
trap 'stop_session; exit 143' TERM

env -u GNOME_KEYRING_CONTROL -u DBUS_SESSION_BUS_ADDRESS \
  HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
  XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/runtime" CCR_KEYRING_TEST=1 \
  dbus-run-session -- sh -c '
    set -u
    echo $$ >"$HOME/session.pid"
    # An empty password would leave the keyring locked; this one protects nothing of value.
    printf %s ccr-test-keyring | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
    keyring_pid=$!
    command_pid=
    stop() {
      if [ -n "$command_pid" ]; then kill "$command_pid" 2>/dev/null; wait "$command_pid" 2>/dev/null; fi
      kill "$keyring_pid" 2>/dev/null
      wait "$keyring_pid" 2>/dev/null
    }
    trap stop EXIT
    trap "exit 130" INT
    trap "exit 143" TERM
    # Wait (at most 10 s) until the daemon owns the Secret Service name; a request before
    # that would make D-Bus activate a second daemon with a locked keyring.
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
      tries=$((tries + 1))
      if [ "$tries" -ge 100 ] || ! kill -0 "$keyring_pid" 2>/dev/null; then
        echo "with-keyring.sh: gnome-keyring-daemon did not start" >&2
        exit 1
      fi
      sleep 0.1
    done
    # In the background so a signal runs the trap at once rather than after the command.
    "$@" &
    command_pid=$!
    wait "$command_pid"
    status=$?
    command_pid=
    exit "$status"
  ' with-keyring "$@" &
session_pid=$!
status=0
wait "$session_pid" || status=$?
session_pid=
exit "$status"
