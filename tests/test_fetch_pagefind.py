"""scripts/fetch_pagefind.py installs the pinned Pagefind binary only if its download matches the pinned sha512."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import platform
import tarfile

import pytest

from .conftest import PROJECT


@pytest.fixture
def fetcher(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("fetch_pagefind", PROJECT / "scripts" / "fetch_pagefind.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "BINARY", tmp_path / "pagefind-pinned")
    return module


def tarball(content: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo("package/bin/pagefind_extended")
        info.size = len(content)
        archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def serve(monkeypatch, module, data: bytes, integrity: str) -> None:
    key = (platform.system(), platform.machine())
    monkeypatch.setattr(module, "PACKAGES", {key: ("https://registry.example/pagefind.tgz", integrity)})
    monkeypatch.setattr(module.urllib.request, "urlopen", lambda url, timeout: io.BytesIO(data))


def test_a_download_matching_its_pinned_hash_is_installed_executable(fetcher, monkeypatch):
    data = tarball(b"#!/bin/sh\necho pagefind 1.6.0\n")
    serve(monkeypatch, fetcher, data, "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode())
    assert fetcher.main() == 0
    assert fetcher.BINARY.read_bytes() == b"#!/bin/sh\necho pagefind 1.6.0\n"
    assert fetcher.BINARY.stat().st_mode & 0o111


def test_a_download_that_does_not_match_is_refused(fetcher, monkeypatch, capsys):
    data = tarball(b"something else")
    serve(monkeypatch, fetcher, data, "sha512-" + base64.b64encode(hashlib.sha512(b"the real one").digest()).decode())
    assert fetcher.main() == 1
    assert not fetcher.BINARY.exists()
    assert "does not match its pinned sha512" in capsys.readouterr().err


def test_no_build_for_this_platform_leaves_pypi_pagefind_in_use(fetcher, monkeypatch, capsys):
    monkeypatch.setattr(fetcher, "PACKAGES", {})
    assert fetcher.main() == 0
    assert not fetcher.BINARY.exists()
    assert "PyPI's pagefind-bin" in capsys.readouterr().out


def test_an_unreachable_registry_leaves_pypi_pagefind_in_use(fetcher, monkeypatch, capsys):
    def unreachable(url, timeout):
        raise OSError("no route to host")

    monkeypatch.setattr(fetcher, "PACKAGES", {(platform.system(), platform.machine()): ("https://registry.example/x.tgz", "sha512-x")})
    monkeypatch.setattr(fetcher.urllib.request, "urlopen", unreachable)
    assert fetcher.main() == 0
    assert not fetcher.BINARY.exists()
    assert "could not download" in capsys.readouterr().err


def test_a_package_without_the_binary_is_refused(fetcher, monkeypatch, capsys):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo("package/README.md")
        archive.addfile(info, io.BytesIO(b""))
    data = buffer.getvalue()
    serve(monkeypatch, fetcher, data, "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode())
    assert fetcher.main() == 1
    assert not fetcher.BINARY.exists()
    assert "holds no package/bin/pagefind_extended" in capsys.readouterr().err


def test_a_binary_already_at_the_pinned_version_is_kept(fetcher, monkeypatch):
    fetcher.BINARY.write_text("#!/bin/sh\necho pagefind 1.6.0\n")
    fetcher.BINARY.chmod(0o755)
    monkeypatch.setattr(fetcher.urllib.request, "urlopen", lambda url, timeout: pytest.fail("downloaded again"))
    assert fetcher.main() == 0
