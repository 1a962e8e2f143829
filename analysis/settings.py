"""A story's own settings: what belongs to one story rather than to news in general.

The library's defaults know news in general. What one story needs on top (its extra
house-style rules, the sides of its speakers, its known actors, the terms framing should
follow, which article parts to keep or drop, a paragraph separator) lives beside its
manifest in ``story.toml``::

    # keys at the top level apply to every story of the manifest
    paragraph_separator = " ### "

    [stories."summit-2018-07"]               # keys for one story add to / override those
    terms = ["summit", "meddling"]

    [[stories."summit-2018-07".style_rules]]      # columns of data/style_rules.csv
    rule_id = "spelling-niinisto"
    category = "name_spelling"
    pattern = '\\bNiinistö\\b'
    replacement = "Niinisto"
    triggers = ["Niinistö"]
    rationale = "Some outlets drop the diaeresis of the Finnish president's name."

    [[stories."summit-2018-07".speaker_sides]]    # columns of a speaker-sides table
    speaker = "Dmitry Peskov"
    side = "Russian officials"

    [[stories."summit-2018-07".actors]]           # columns of data/actors.csv
    actor = "Kremlin"
    type = "institution"
    aliases = ["Kremlin"]

A story without a settings file gets :data:`EMPTY`: no extra rules, no sides, no terms
(framing then follows the words the versions' substitutions changed).
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import CorpusError

SETTINGS_FILE = "story.toml"
"""The settings file's name, beside the manifest."""

LIST_KEYS = ("style_rules", "speaker_sides", "actors")
"""Keys holding a list of rows; a story's rows come after the top-level ones."""

VALUE_KEYS = ("terms", "keep_parts", "drop_parts", "paragraph_separator")
"""Keys holding one value; a story's value replaces the top-level one."""


@dataclass(frozen=True)
class StorySettings:
    """The settings of one story (see the module docstring for the file format).

    ``style_rules``, ``speaker_sides`` and ``actors`` are rows (dicts) with the columns of
    the matching library table; list-valued cells (``triggers``, ``aliases``,
    ``adjectives``) are tuples. ``terms`` is None when the story names none. ``source`` is
    the file the settings came from and ``sha256`` its checksum (None for :data:`EMPTY`).
    """

    style_rules: tuple[Mapping[str, object], ...] = ()
    speaker_sides: tuple[Mapping[str, object], ...] = ()
    actors: tuple[Mapping[str, object], ...] = ()
    terms: tuple[str, ...] | None = None
    keep_parts: tuple[str, ...] = ()
    drop_parts: tuple[str, ...] = ()
    paragraph_separator: str | None = None
    source: str | None = field(default=None, compare=False)
    sha256: str | None = None

    def with_terms(self, terms: tuple[str, ...] | None) -> StorySettings:
        """These settings with other framing terms (``--terms`` on the command line)."""
        return replace(self, terms=None if terms is None else tuple(terms))


EMPTY = StorySettings()
"""The settings of a story that has none."""


def _rows(value: object, key: str, where: str) -> tuple[Mapping[str, object], ...]:
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        raise CorpusError(where, f"{key!r} must be a list of tables ([[{key}]])")
    return tuple(
        {k: tuple(v) if isinstance(v, list) else v for k, v in row.items()} for row in value
    )


def _strings(value: object, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CorpusError(where, f"{key!r} must be a list of strings")
    return tuple(value)


def _check_keys(table: Mapping[str, object], where: str, extra: tuple[str, ...] = ()) -> None:
    known = set(LIST_KEYS) | set(VALUE_KEYS) | set(extra)
    unknown = sorted(set(table) - known)
    if unknown:
        raise CorpusError(
            where, f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )


def _merge(base: Mapping[str, object], story: Mapping[str, object], where: str) -> dict:
    """The keyword arguments of StorySettings from the top-level and one story's table."""
    merged: dict[str, object] = {}
    for key in LIST_KEYS:
        merged[key] = _rows(base.get(key, []), key, where) + _rows(story.get(key, []), key, where)
    for key in VALUE_KEYS:
        value = story.get(key, base.get(key))
        if value is None:
            continue
        if key == "paragraph_separator":
            if not isinstance(value, str) or not value:
                raise CorpusError(where, "'paragraph_separator' must be a non-empty string")
            merged[key] = value
        else:
            merged[key] = _strings(value, key, where)
    return merged


@dataclass(frozen=True)
class SettingsFile:
    """A parsed ``story.toml``: top-level settings and per-story tables."""

    path: Path
    base: Mapping[str, object]
    stories: Mapping[str, Mapping[str, object]]
    sha256: str

    def for_story(self, story_id: str) -> StorySettings:
        """The settings of one story: the top-level ones with the story's own on top."""
        where = f"{self.path} [stories.{story_id}]"
        story = self.stories.get(story_id, {})
        return StorySettings(
            **_merge(self.base, story, where), source=str(self.path), sha256=self.sha256
        )


def read_settings(path: str | Path) -> SettingsFile:
    """Parse a settings file; CorpusError naming the file for bad TOML or unknown keys."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CorpusError(path, f"cannot read the settings file ({error.strerror})") from None
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CorpusError(path, f"not a valid TOML settings file: {error}") from None
    _check_keys(table, str(path), extra=("stories",))
    stories = table.get("stories", {})
    if not isinstance(stories, dict) or not all(isinstance(v, dict) for v in stories.values()):
        raise CorpusError(path, "'stories' must hold one table per story id")
    for story_id, story in stories.items():
        _check_keys(story, f"{path} [stories.{story_id}]")
    base = {k: v for k, v in table.items() if k != "stories"}
    settings = SettingsFile(path, base, stories, hashlib.sha256(data).hexdigest())
    for story_id in stories:  # validate every story's values now, naming the file
        settings.for_story(story_id)
    settings.for_story("")
    return settings


def settings_beside(manifest: str | Path) -> Path | None:
    """The ``story.toml`` beside a manifest (or inside a manifest folder), if there is one."""
    manifest = Path(manifest)
    folder = manifest if manifest.is_dir() else manifest.parent
    candidate = folder / SETTINGS_FILE
    return candidate if candidate.is_file() else None
