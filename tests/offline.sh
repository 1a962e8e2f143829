#!/bin/sh
# Run a command with the network blocked.
# Where Linux network namespaces are available (unshare, and ip to bring up loopback),
# the command and every process it starts (Jupyter kernels, Chromium) get a namespace
# with only a loopback interface: any download fails. Elsewhere the command runs as it
# is, and the test suite still blocks non-local sockets in its own process
# (pytest-socket).
if command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1 \
  && unshare -rn sh -c 'ip link set lo up' 2>/dev/null; then
  exec unshare -rn sh -c 'ip link set lo up && exec "$@"' offline "$@"
fi
echo "offline.sh: no network namespace here; relying on pytest-socket" >&2
exec "$@"
