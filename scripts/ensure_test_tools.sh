#!/usr/bin/env bash
# What the browser and markup tests need beyond Python packages, from Debian's packages:
# Chromium (Playwright drives it; its own browser download cannot work offline) and a Java
# runtime (the Nu HTML checker is a Java program). Installed when missing and allowed to.
set -u
browser=${CHROMIUM:-/usr/bin/chromium}
missing=()
[ -x "$browser" ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${missing[*]} for the tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) && exit 0
fi
echo "warning: ${missing[*]} missing and could not be installed (apt-get install ${missing[*]} as root);" >&2
echo "         the tests that need them will fail saying so." >&2
exit 0
