"""What a dossier requires of its own data: `data/settings.yaml`, optional.

    citation_markers: required   # every sentence of a summary, and every role, ends with a citation marker
    french: required             # every text the site shows has its French version

Every setting has a default that lets a dossier written without it build as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load import SETTINGS_FILE, Mapping, describe, parse_document
from .problems import Mark, Problem, did_you_mean

SETTINGS_PATH = f"data/{SETTINGS_FILE}"


@dataclass(frozen=True)
class Settings:
    citation_markers: str = "optional"
    french: str = "optional"


# Each setting's values, the default first, with what each means (for messages and the Methodology page).
CHOICES = {
    "citation_markers": {
        "optional": "a sentence may end with a citation marker",
        "required": "every sentence of a summary, and every role, must end with a citation marker",
    },
    "french": {
        "optional": "a text without French shows in English in the French edition, marked as English",
        "required": "every text the site shows (title, name, item, quantity, location, summary, roles, note) must have its French",
    },
}


def read_settings(root: Path) -> tuple[Settings, list[Problem]]:
    path = root / SETTINGS_PATH
    if not path.is_file():
        return Settings(), []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Settings(), [Problem(Mark(SETTINGS_PATH, 1, 1), f"not UTF-8 text ({error.reason} at byte {error.start})")]
    value, mark, problems = parse_document(text, SETTINGS_PATH)
    if problems or value is None:
        return Settings(), problems
    if not isinstance(value, Mapping):
        return Settings(), [Problem(mark, f"the settings are a mapping of setting: value, not {describe(value)}")]
    chosen = {}
    for key, setting in value.items():
        if key not in CHOICES:
            problems.append(Problem(value.key_marks[key], f"unknown setting{did_you_mean(key, CHOICES)}; settings are {', '.join(CHOICES)}"))
        elif not isinstance(setting, str) or setting not in CHOICES[key]:
            problems.append(Problem(value.marks[key], f"{key}: '{setting}' is not one of: {', '.join(CHOICES[key])}"))
        else:
            chosen[key] = setting
    return Settings(**chosen), problems

