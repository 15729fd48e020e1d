"""What the generator needs from mkdocs.yml: the published address, for permanent links (if set)."""

from __future__ import annotations

import os
from pathlib import Path

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may use MkDocs's `!ENV [NAME, default]`; other tags read as their text."""


def _env(loader, node):
    if isinstance(node, yaml.SequenceNode):
        *names, default = [item.value for item in node.value]
        return next((os.environ[n] for n in names if os.environ.get(n)), default)
    return os.environ.get(loader.construct_scalar(node), "")


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_url_from_config(config: Path) -> str:
    """The published address, or "" when none is set (permanent links are then completed by
    the reader's browser, from where the site is served)."""
    with config.open(encoding="utf-8") as handle:
        settings = yaml.load(handle, Loader=_ConfigLoader) or {}
    return settings.get("site_url") or ""
