#!/usr/bin/env bash
# Every test Switchboard has: build, Vitest (logic, core against loopback
# servers, the real keychain, main/preload with Electron mocked), the hostile
# suite, then Playwright (the UI in Chromium through the browser host).
#
# It runs inside its own D-Bus session with a throwaway, unlocked GNOME
# Keyring, so keychain tests use a real Secret Service and never touch yours.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[ -x "${SWITCHBOARD_CHROMIUM:-/usr/bin/chromium}" ] || missing+=("chromium")
if [ ${#missing[@]} -gt 0 ]; then
  echo "The tests need ${missing[*]}. On Debian/Ubuntu: sudo apt-get install chromium gnome-keyring dbus dbus-x11 libsecret-tools libsecret-1-dev" >&2
  exit 1
fi

if [ -z "${SWITCHBOARD_TEST_KEYRING:-}" ]; then
  keyring_home=$(mktemp -d)
  trap 'rm -rf "$keyring_home"' EXIT
  SWITCHBOARD_TEST_KEYRING=$keyring_home XDG_DATA_HOME=$keyring_home dbus-run-session -- bash "$0" "$@"
  exit $?
fi

# gnome-keyring creates and unlocks a fresh "login" keyring; the password only needs to be non-empty.
echo -n switchboard-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null

pnpm typecheck
pnpm lint
pnpm build
# Electronegativity over the built Electron app: zero findings beyond the justified ones in scripts/electron-checklist.
pnpm test:electron-checklist
pnpm test:unit
# Hostile inputs and faults against the real pieces; closes with "hostile: P passed, F failed | crashes | leaks | lost".
pnpm test:hostile
pnpm test:e2e
