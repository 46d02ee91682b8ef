#!/usr/bin/env bash
# Installs Debian's WordPress, MariaDB and PHP if any is missing (CI and the
# WordPress test harness, scripts/wordpress/site.ts). Only Debian's apt is
# used. Exit 3 when the packages are missing and cannot be installed here
# (not root and no password-less sudo): the caller decides to skip or fail.
set -euo pipefail

packages=(wordpress wordpress-theme-twentytwentyone mariadb-server php-cli php-mysql php-gd php-xml php-mbstring
  php-curl php-intl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
((${#missing[@]})) || exit 0

if [[ $(id -u) == 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "Missing Debian packages (${missing[*]}) and no root or password-less sudo to install them." >&2
  exit 3
fi

# Installing mariadb-server and apache2 (a dependency of wordpress) would
# start their system services. The harness runs its own MariaDB as the
# current user, so a policy-rc.d stops the services from starting, unless
# the machine already has one (Docker images do).
policy=/usr/sbin/policy-rc.d
own_policy=0
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod 755 "$policy"
  own_policy=1
fi
cleanup() { if ((own_policy)); then "${as_root[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT

"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
