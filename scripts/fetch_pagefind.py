#!/usr/bin/env python3
"""Install Pagefind 1.6.0's binary beside this Python (.venv/bin/pagefind-pinned), from the npm
registry, checked against its pinned sha512.

Why not only PyPI's pagefind-bin: PyPI stops at 1.5.2, and 1.6.0 answers a query for a word
found in most entries of a 10,000-record dossier in about half the time (bench/README.md).
npm publishes 1.6.0 for Linux only; elsewhere, and when the registry cannot be reached,
scripts/search_index.py uses PyPI's 1.5.2, which builds the same kind of index.

    python scripts/fetch_pagefind.py    (make runs it when it makes .venv/; run it again to retry)
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import io
import os
import platform
import subprocess
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "1.6.0"
BINARY = Path(sys.executable).with_name("pagefind-pinned")  # the name scripts/search_index.py looks for
# (system, machine) -> the npm package's tarball and its integrity, as `npm view <package>@1.6.0 dist` gives them
PACKAGES = {
    ("Linux", "x86_64"): (
        "https://registry.npmjs.org/@pagefind/linux-x64/-/linux-x64-1.6.0.tgz",
        "sha512-IbMSx/+Vr/Xk0TTBlLkjgK+rvnbOXGmmb2/MKxQu99AR5DsqQoV3NKEA9PQz2tAhuCZjeD5xJBp4w5N5DHIC7Q==",
    ),
    ("Linux", "aarch64"): (
        "https://registry.npmjs.org/@pagefind/linux-arm64/-/linux-arm64-1.6.0.tgz",
        "sha512-SLB2I+XqCZma8NvIGIH8nyKblgKIxw5PmqsVtofWOKxNHhEtOEsddbqU+hsrNcT3EV0faM6UmKDHVIxcPYq29w==",
    ),
}
MEMBER = "package/bin/pagefind_extended"
FALLBACK = "search uses PyPI's pagefind-bin"


def installed_version(binary: Path) -> str | None:
    """What `binary --version` says ("pagefind 1.6.0"), or None when it is missing or cannot run."""
    try:
        result = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def main() -> int:
    if installed_version(BINARY) == f"pagefind {VERSION}":
        return 0
    package = PACKAGES.get((platform.system(), platform.machine()))
    if package is None:
        print(f"Pagefind {VERSION} is not published for {platform.system()} {platform.machine()}: {FALLBACK}")
        return 0
    url, integrity = package
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            tarball = response.read()
    except (OSError, http.client.HTTPException) as error:
        print(f"warning: could not download Pagefind {VERSION} ({error}); {FALLBACK}", file=sys.stderr)
        return 0
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    if digest != integrity:  # not what npm published: stop rather than run it
        print(f"error: {url} does not match its pinned sha512; not installed", file=sys.stderr)
        return 1
    try:
        with tarfile.open(fileobj=io.BytesIO(tarball)) as archive:
            member = archive.extractfile(MEMBER)
            data = member.read() if member else b""
    except (tarfile.TarError, KeyError):
        data = b""
    if not data:
        print(f"error: {url} holds no {MEMBER}; not installed", file=sys.stderr)
        return 1
    temporary = BINARY.with_name(BINARY.name + ".tmp")
    temporary.write_bytes(data)
    temporary.chmod(0o755)
    os.replace(temporary, BINARY)  # whole or not at all
    print(f"installed Pagefind {VERSION} at {BINARY}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
