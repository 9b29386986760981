"""Access to the pipeline data shipped under ``models/`` (gazetteers, patterns, settings).

Every component's settings come from data files only (one source): :func:`settings_from_json`
validates a file against the settings dataclass of the rule module with pydantic
(``extra="forbid"``), so a misspelt key is an error naming the key and the file instead of a
setting silently left at its default.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import pydantic

T = TypeVar("T")


class SettingsError(ValueError):
    """A data file under ``models/`` (or a saved component) does not match its settings."""


def models_dir() -> Path:
    """The folder holding the packaged pipeline data."""
    return Path(str(resources.files("iom_nlp.models")))


def load_json(name: str) -> Any:
    """Read ``models/<name>`` as JSON."""
    with (models_dir() / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read a JSON-lines data file (one object per line)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def parse_jsonl(text: str) -> list[dict[str, Any]]:
    """The objects of a JSON-lines text (one object per line)."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def parse_json_object(text: str, source: str) -> dict[str, Any]:
    """A settings file's top-level object; anything else is a :class:`SettingsError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SettingsError(f"{source}: not valid JSON ({error}); fix the file.") from error
    if not isinstance(data, dict):
        raise SettingsError(f"{source}: expected a JSON object of settings, found {type(data).__name__}.")
    return data


def settings_from_json(
    data: Mapping[str, Any], settings_type: type[T], source: str, extra: Mapping[str, Any] | None = None
) -> tuple[T, dict[str, Any]]:
    """Validate ``data`` against the init fields of the dataclass ``settings_type`` (plus ``extra``).

    ``extra`` maps further keys the component itself reads to their types. Returns the settings
    object and the validated extra values. Unknown, missing or mistyped keys raise
    :class:`SettingsError` naming the key and ``source``.
    """
    model = _settings_model(settings_type, tuple(sorted((extra or {}).items(), key=lambda item: item[0])))  # type: ignore[arg-type]
    try:
        validated = model.model_validate(dict(data))
    except pydantic.ValidationError as error:
        raise SettingsError(_describe(error, source, model)) from error
    values = {name: getattr(validated, name) for name in model.model_fields}
    own = {field.name for field in dataclasses.fields(settings_type) if field.init}  # type: ignore[arg-type]
    settings = settings_type(**{name: value for name, value in values.items() if name in own})
    return settings, {name: value for name, value in values.items() if name not in own}


def settings_from_dict(data: Mapping[str, Any], build: Callable[[dict[str, Any]], T], source: str) -> T:
    """``build(data)`` (a rule module's ``from_dict``), refusing keys that ``build`` never reads.

    For settings whose file keys are not the dataclass's field names; the keys read are
    recorded while building, so a field added to ``from_dict`` is accepted without listing it twice.
    """
    recorder = _ReadRecorder(data)
    try:
        result = build(recorder)
    except (KeyError, TypeError, ValueError) as error:
        raise SettingsError(f"{source}: {type(error).__name__}: {error}; check the file against the settings it feeds.") from error
    unknown = sorted(set(data) - recorder.read)
    if unknown:
        raise SettingsError(
            f"{source}: unknown setting(s) {', '.join(map(repr, unknown))}; expected only: {', '.join(sorted(recorder.read))}. "
            "Fix the spelling or remove the key."
        )
    return result


class _ReadRecorder(dict[str, Any]):
    """A copy of a settings dict that remembers which keys were asked for."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.read: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.read.add(key)
        return super().__contains__(key)


@cache
def _settings_model(settings_type: type[Any], extra: tuple[tuple[str, Any], ...]) -> type[pydantic.BaseModel]:
    """A pydantic model with the dataclass's init fields (types and defaults) and ``extra="forbid"``."""
    hints = typing.get_type_hints(settings_type)
    fields: dict[str, Any] = {}
    for field in dataclasses.fields(settings_type):
        if not field.init:
            continue
        if field.default is not dataclasses.MISSING:
            fields[field.name] = (hints[field.name], field.default)
        elif field.default_factory is not dataclasses.MISSING:
            fields[field.name] = (hints[field.name], pydantic.Field(default_factory=field.default_factory))
        else:
            fields[field.name] = (hints[field.name], ...)
    for name, annotation in extra:
        fields[name] = (annotation, ...)
    config = pydantic.ConfigDict(extra="forbid", arbitrary_types_allowed=True)
    model: type[pydantic.BaseModel] = pydantic.create_model(f"{settings_type.__name__}File", __config__=config, **fields)
    return model


def _describe(error: pydantic.ValidationError, source: str, model: type[pydantic.BaseModel]) -> str:
    problems = []
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"])
        if item["type"] == "extra_forbidden":
            problems.append(f"unknown setting {key!r}")
        elif item["type"] == "missing":
            problems.append(f"missing setting {key!r}")
        else:
            problems.append(f"setting {key!r}: {item['msg']}")
    expected = ", ".join(model.model_fields)
    return f"{source}: {'; '.join(problems)}. Expected settings: {expected}. Fix the spelling or the value."
