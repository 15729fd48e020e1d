"""YAML files -> raw records that remember where each value was written.

Parsing only: nothing here knows the contract's fields. libyaml (PyYAML's C parser)
builds the node tree; we turn nodes into plain values ourselves, so that no tag can
build an object, duplicate keys are refused, and every value keeps its line and column.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import ScalarNode, SequenceNode

from .problems import Mark, Problem

COLLECTIONS = ("sources", "actors", "events", "transfers", "agreements")
SETTINGS_FILE = "settings.yaml"  # what a dossier requires of its own data (settings.py)

_CLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML 1.2 reads these plain scalars as numbers where PyYAML's YAML 1.1 reads text:
# an editor who writes `1e3` must not get a different value from another tool.
_YAML12_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


class YamlTimestamp(str):
    """The text of a scalar YAML resolves as a timestamp (`2023-02-14`), kept as written.

    Dates are partial in this project (`2023-02`), so we parse them ourselves; keeping
    the text also lets an impossible date (`2023-02-30`) be reported like any bad date.
    """


class YamlInt(int):
    """An integer that remembers how it was written (`text`), so a date can read `0700` as a year."""

    text: str


class YamlFloat(float):
    """A float that remembers how it was written (`text`), for messages."""

    text: str


class Refused:
    """Stands for a value the loader refused; its problem is already recorded."""

    def __repr__(self) -> str:
        return "REFUSED"


REFUSED = Refused()


class Mapping(dict):
    """A YAML mapping; `marks[key]` is where its value starts, `key_marks[key]` its key."""

    def __init__(self, mark: Mark, places: _Places | None = None):
        super().__init__()
        self.mark = mark
        self.marks: dict[str, Mark] = {}
        self.key_nodes: dict[str, yaml.Node] = {}  # keys' marks are only needed for problems: made when asked
        self._places = places

    @functools.cached_property
    def key_marks(self) -> dict[str, Mark]:
        return {key: self._places.of(node) for key, node in self.key_nodes.items()}


class Sequence(list):
    """A YAML sequence; `marks[i]` is where item i starts."""

    def __init__(self, mark: Mark):
        super().__init__()
        self.mark = mark
        self.marks: list[Mark] = []


@dataclass(frozen=True)
class RawRecord:
    collection: str
    data: Mapping

    @property
    def mark(self) -> Mark:
        return self.data.mark


def collection_files(data_dir: Path) -> dict[str, list[Path]]:
    """Each collection's files: `data/<name>.yaml` and everything under `data/<name>/`."""
    found = {}
    for name in COLLECTIONS:
        files = [data_dir / f"{name}.yaml"] if (data_dir / f"{name}.yaml").is_file() else []
        folder = data_dir / name
        if folder.is_dir():
            files += sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        found[name] = files
    return found


def stray_files(data_dir: Path) -> list[Path]:
    """YAML files in data/ that belong to no collection: a misnamed file must not be ignored."""
    known = {p for files in collection_files(data_dir).values() for p in files} | {data_dir / SETTINGS_FILE}
    return sorted(
        p for p in data_dir.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file() and p not in known
    )


def load_dataset(root: Path) -> tuple[list[RawRecord], list[Problem]]:
    """Every record of every collection under `root/data`, with the problems met reading them."""
    records, problems = load_files(root, data_files(root / "data"))
    return records, stray_file_problems(root) + problems


def data_files(data_dir: Path) -> list[tuple[str, Path]]:
    """(collection, path) for every data file, in the order records are read."""
    return [(collection, path) for collection, files in collection_files(data_dir).items() for path in files]


def stray_file_problems(root: Path) -> list[Problem]:
    return [
        Problem(Mark(display_path(path, root), 1, 1), f"this file belongs to no collection; data files are {', '.join(c + '.yaml' for c in COLLECTIONS)} or files under data/<collection>/")
        for path in stray_files(root / "data")
    ]


def load_files(root: Path, files: list[tuple[str, Path]]) -> tuple[list[RawRecord], list[Problem]]:
    """The records of the given data files (collection, path), and the problems met reading them."""
    records: list[RawRecord] = []
    problems: list[Problem] = []
    for collection, path in files:
        items, file_problems = load_file(path, display_path(path, root))
        problems += file_problems
        records += [RawRecord(collection, item) for item in items]
    return records, problems


def display_path(path: Path, root: Path) -> str:
    """A data file's name in messages: its path from the dossier's root."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_file(path: Path, name: str) -> tuple[list[Mapping], list[Problem]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return [], [Problem(Mark(name, line, 1), f"not UTF-8 text ({error.reason} at byte {error.start})")]
    return parse_records(text, name)


class _Places:
    """YAML marks -> the line and column an editor sees.

    YAML also breaks lines at U+0085, U+2028, U+2029 and a lone CR, which editors show
    inside a line: where the text has any, lines and columns are counted again.
    """

    _YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

    def __init__(self, name: str, text: str):
        self.name = name
        self.starts = None
        if any(c in text for c in "\r\x85\u2028\u2029"):
            starts = [0] + [m.end() for m in self._YAML_BREAK.finditer(text)]
            self.starts = [(text.count("\n", 0, p) + 1, p - (text.rfind("\n", 0, p) + 1)) for p in starts]

    def at(self, line: int, column: int) -> Mark:
        """A 0-based YAML line and column -> a 1-based Mark."""
        if self.starts and line < len(self.starts):
            editor_line, offset = self.starts[line]
            return Mark(self.name, editor_line, offset + column + 1)
        return Mark(self.name, line + 1, column + 1)

    def of(self, node) -> Mark:
        if self.starts is None:  # the usual case, kept short: the builder asks for every node
            return Mark(self.name, node.start_mark.line + 1, node.start_mark.column + 1)
        return self.at(node.start_mark.line, node.start_mark.column)


class _Loader(_CLoader):
    """libyaml's parser and composer, with PyYAML's safe tag resolution made cheaper.

    libyaml asks Python for the tag of every node: only plain scalars need the lookup
    (quoted ones are text), and a safe loader has no path resolvers to descend into.
    """

    _implicit = _CLoader.yaml_implicit_resolvers

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self._implicit.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR_TAG
        return _SEQ_TAG if kind is SequenceNode else _MAP_TAG

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


def parse_records(text: str, name: str) -> tuple[list[Mapping], list[Problem]]:
    """A file's text -> its records (each a Mapping), or the problems that stop it being read."""
    value, root_mark, problems = parse_document(text, name)
    if value is None:
        return [], problems
    if not isinstance(value, Sequence):
        problems.append(Problem(root_mark, "a data file holds a YAML list of records (each item starting with '- ')"))
        return [], problems
    records = []
    for item, mark in zip(value, value.marks):
        if isinstance(item, Mapping):
            records.append(item)
        else:
            problems.append(Problem(mark, "each item of the list must be a record (a mapping of field: value)"))
    return records, problems


def parse_document(text: str, name: str) -> tuple[object, Mark | None, list[Problem]]:
    """A YAML file's text -> its value (Mapping, Sequence or scalar; None when empty or
    unreadable), where it starts, and the problems met reading it."""
    problems: list[Problem] = []
    places = _Places(name, text)
    try:
        if "&" in text or "*" in text:
            problems += _anchors_and_aliases(text, places)
            if problems:
                return None, None, problems
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, None, [_syntax_problem(error, places, name, text)]
    except yaml.reader.ReaderError as error:
        # libyaml counts the position in UTF-8 bytes, the pure-Python reader in characters
        position = len(text.encode("utf-8")[: error.position].decode("utf-8", "ignore")) if _CLoader is not yaml.SafeLoader else error.position
        before = text[:position]
        where = Mark(name, before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1)
        return None, None, [Problem(where, f"character U+{error.character:04X} is not allowed in YAML ({error.reason})")]
    except yaml.YAMLError as error:
        return None, None, [Problem(Mark(name, 1, 1), "YAML error: " + " ".join(str(error).split()))]
    if root is None:
        return None, None, []
    root_mark = places.of(root)
    return _Builder(places, text, problems).value(root, root_mark), root_mark, problems


# What the parser was reading when it lost its way: a construct that an editor opened and did
# not close (a quote, a [ list, a { mapping }) is the cause, and its opening the place to show.
_UNCLOSED = {"quoted scalar": "quoted text", "flow sequence": "[ list", "flow mapping": "{ mapping"}
_INSIDE = {"block mapping": "mapping", "block collection": "list", "block sequence": "list"}
# Plain words for the parser's own, where an editor's usual mistake is behind them.
_HINTS = {
    "tab character": "a tab: YAML indents with spaces only",
    "mapping values are not allowed": "a line indented more than the one before, or ': ' inside text that is not in quotes",
    "did not find expected '-' indicator": "a line indented less than the record's other fields",
    "did not find expected key": "a line indented differently from the record's other fields",
}


def _syntax_problem(error: yaml.MarkedYAMLError, places: _Places, name: str, text: str) -> Problem:
    """The cause first: where an unclosed construct began, or where the parser lost its way,
    with the other place and the parser's own words."""
    context, problem = error.context or "", error.problem or ""
    lost = places.at(error.problem_mark.line, error.problem_mark.column) if error.problem_mark else Mark(name, 1, 1)
    began = places.at(error.context_mark.line, error.context_mark.column) if error.context_mark else None
    quote = _unclosed_quote(text, error) if "quoted scalar" not in context else None
    if quote:  # a quote left open ran on into the next lines, where the parser lost its way
        at = places.at(*quote)
        return Problem(at, f"YAML syntax error: this quoted text seems not to be closed on its line (the parser lost its way at line {lost.line}, column {lost.column}: {problem})")
    hint = next((words for key, words in _HINTS.items() if key in problem), None)
    unclosed = next((what for key, what in _UNCLOSED.items() if key in context), None)
    if unclosed and began:
        return Problem(began, f"YAML syntax error: this {unclosed} is not closed (the parser lost its way at line {lost.line}, column {lost.column}: {problem})")
    inside = next((what for key, what in _INSIDE.items() if key in context), None)
    where = f", in the {inside} that begins at line {began.line}, column {began.column}" if inside and began and began != lost else ""
    said = f"{hint} ({problem})" if hint else problem if inside else f"{context} {problem}".strip()
    return Problem(lost, f"YAML syntax error: {said}{where}")


_OPENING_QUOTE = re.compile(r"""(?:^\s*-\s+|:\s+|^\s*-\s+[^:#\n]*:\s+)(")""")


def _unclosed_quote(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int] | None:
    """(line, column), 0-based, of a double-quoted value that opens on a line before the one
    where the parser lost its way and is not closed on its own line: the likeliest cause."""
    if not error.problem_mark:
        return None
    lines = text.splitlines()
    first = error.context_mark.line if error.context_mark else max(0, error.problem_mark.line - 20)
    for number in range(min(error.problem_mark.line, len(lines) - 1), first - 1, -1):
        line = lines[number]
        opening = _OPENING_QUOTE.search(line)
        if opening and line[opening.start(1) + 1 :].replace('\\"', "").count('"') == 0:
            return number, opening.start(1)
    return None


def _anchors_and_aliases(text: str, places: _Places) -> list[Problem]:
    problems = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            problems.append(Problem(places.of(event), f"alias '*{event.anchor}' is not allowed: write the value out in full"))
        elif getattr(event, "anchor", None):
            problems.append(Problem(places.of(event), f"anchor '&{event.anchor}' is not allowed: anchors and aliases are refused"))
    return problems


class _Builder:
    """Nodes -> plain values; refuses what the contract forbids instead of constructing it.

    Each value's mark is made once, by its parent, which keeps it (`marks`); a key's mark
    only when a problem asks for it (`Mapping.key_marks`).
    """

    _constructor = yaml.constructor.SafeConstructor()

    MAX_DEPTH = 50  # records are a few levels deep; far deeper is a mistake, and would exhaust the stack

    def __init__(self, places: _Places, text: str, problems: list[Problem]):
        self.places = places
        self.text = text
        self.lines = None  # split only if a plain scalar looks like a number
        self.problems = problems

    def explicitly_tagged(self, node) -> bool:
        if self.lines is None:
            self.lines = self.text.splitlines()
        line = self.lines[node.start_mark.line] if node.start_mark.line < len(self.lines) else ""
        return line[node.start_mark.column : node.start_mark.column + 1] == "!"

    def value(self, node, mark: Mark, depth: int = 0):
        if node.__class__ is ScalarNode:
            return self.scalar(node, mark)
        if depth >= self.MAX_DEPTH:
            self.problems.append(Problem(mark, f"lists and mappings are nested more than {self.MAX_DEPTH} deep"))
            return REFUSED
        if node.tag not in (_SEQ_TAG, _MAP_TAG):
            self.problems.append(Problem(mark, f"YAML tag '{node.tag}' is not allowed: only plain values, lists and mappings"))
            return REFUSED
        if node.__class__ is SequenceNode:
            return self.sequence(node, mark, depth + 1)
        return self.mapping(node, mark, depth + 1)

    def sequence(self, node, mark: Mark, depth: int) -> Sequence:
        result = Sequence(mark)
        of = self.places.of
        for item in node.value:
            item_mark = of(item)
            result.append(self.value(item, item_mark, depth))
            result.marks.append(item_mark)
        return result

    def mapping(self, node, mark: Mark, depth: int) -> Mapping:
        result = Mapping(mark, self.places)
        of = self.places.of
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode or key_node.tag != _STR_TAG:
                what = "'<<' merge keys are" if key_node.tag == "tag:yaml.org,2002:merge" else "keys other than plain words are"
                self.problems.append(Problem(of(key_node), f"{what} not allowed"))
                continue
            key = key_node.value
            if key in result:
                first = of(result.key_nodes[key])
                self.problems.append(Problem(of(key_node), f"duplicate key '{key}' (first written at line {first.line})"))
                continue
            value_mark = of(value_node)
            result[key] = self.value(value_node, value_mark, depth)
            result.marks[key] = value_mark
            result.key_nodes[key] = key_node
        return result

    def scalar(self, node, mark: Mark):
        tag = node.tag
        if tag == _STR_TAG:
            if not node.style and _YAML12_NUMBER.fullmatch(node.value) and not self.explicitly_tagged(node):
                return _yaml12_number(node.value)  # plain style is None (PyYAML) or "" (libyaml)
            return node.value
        if tag not in _PLAIN_TAGS:
            self.problems.append(Problem(mark, f"YAML tag '{tag}' is not allowed: only plain values, lists and mappings"))
            return REFUSED
        if tag == "tag:yaml.org,2002:timestamp":
            return YamlTimestamp(node.value)
        try:
            value = self._constructor.construct_object(node)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = _written(value, node.value)
            return value
        except (ValueError, KeyError, IndexError, yaml.constructor.ConstructorError):
            kind = tag.rpartition(":")[2]
            self.problems.append(Problem(mark, f"cannot read '{node.value}' as {kind}"))
            return REFUSED


def _yaml12_number(text: str):
    if re.fullmatch(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", text):
        return _written(int(text, 8 if text.startswith("0o") else 16 if text.startswith("0x") else 10), text)
    lowered = text.lower().lstrip("+")
    number = float("nan") if lowered == ".nan" else float("-inf" if lowered == "-.inf" else "inf") if lowered.endswith(".inf") else float(text)
    return _written(number, text)


def _written(number, text: str):
    """The number, remembering how it was written: messages quote it, dates read `0700` as a year."""
    number = (YamlInt if isinstance(number, int) else YamlFloat)(number)
    number.text = text
    return number


def describe(value) -> str:
    """A YAML value in an editor's words, for messages: 'the boolean false', 'a list'."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "an empty value"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (int, float)):
        return f"the number {getattr(value, 'text', value)}"
    if isinstance(value, YamlTimestamp):
        return f"the date {value}"
    return f"'{value}'"
