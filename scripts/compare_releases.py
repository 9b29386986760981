#!/usr/bin/env python3
"""Check that a change of code changes no output: Releases of two versions, compared field by field.

    python scripts/compare_releases.py extract COLLECTION... -o after.jsonl [--base none]
    python scripts/compare_releases.py diff before.jsonl after.jsonl [--keep-source] [--examples 5]

``extract`` reads each collection with :func:`iom_nlp.read_collection` (JSONL records with
``text`` or ``html``, or a folder) and writes one Release a line, rules only unless ``--base``
names a model, through ``extract_many`` of the ``iom_nlp`` that Python imports. For an older
version, check it out in a worktree and put it first on the path (its ``models/`` linked where
the package looks for them, since an editable install maps ``iom_nlp.models`` to this checkout)::

    git worktree add /tmp/wt-before <commit> && ln -s /tmp/wt-before/models /tmp/wt-before/iom_nlp/models
    PYTHONPATH=/tmp/wt-before python scripts/compare_releases.py extract ../shared/data/releases/corpus.jsonl -o before.jsonl

``diff`` compares two such files (same records in the same order). Every ``source`` field is
stripped unless ``--keep-source``, and so is any other field found on one side only (a field
added between the two versions); the report names those fields. Then, per output field, it
counts the releases whose field differs and shows examples: for lists of entities, the entities
only before (``-``) and only after (``+``), keyed by what names them (an organisation's name, a
phone's E.164, a quote's offsets, ...). Exit status 1 when any release differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# What names an entity of each list field, so that a change reads as "- X + Y" and not as a
# whole list that differs.
KEYS: dict[str, tuple[str, ...]] = {
    "countries": ("code",),
    "organizations": ("name",),
    "quotes": ("start", "end"),
    "phones": ("e164",),
    "emails": ("address",),
    "contacts": ("name", "start"),
    "zones": ("kind", "start", "end"),
}


def key_paths(value: Any, path: str = "") -> Iterator[str]:
    """Every key's path in ``value`` (list items share their list's path: ``quotes[].speaker.name``)."""
    if isinstance(value, dict):
        for key, item in value.items():
            sub = f"{path}.{key}" if path else key
            yield sub
            yield from key_paths(item, sub)
    elif isinstance(value, list):
        for item in value:
            yield from key_paths(item, f"{path}[]")


def strip(value: Any, drop: set[str], path: str = "") -> Any:
    """``value`` without the keys whose paths are in ``drop`` (or named ``source`` when "*.source" is)."""
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            sub = f"{path}.{key}" if path else key
            if sub in drop or (key == "source" and "*.source" in drop):
                continue
            kept[key] = strip(item, drop, sub)
        return kept
    if isinstance(value, list):
        return [strip(item, drop, f"{path}[]") for item in value]
    return value


def read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def short(value: Any, limit: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def entity_key(field: str, item: Any) -> str:
    if isinstance(item, dict) and field in KEYS:
        return " ".join(str(item.get(part)) for part in KEYS[field])
    return short(item, 80)


def describe_change(field: str, before: Any, after: Any) -> tuple[list[str], list[str], list[str]]:
    """(only before, only after, changed) entity descriptions of one field of one release."""
    if not (isinstance(before, list) and isinstance(after, list)):
        return [short(before)], [short(after)], []
    old = {entity_key(field, item): item for item in before}
    new = {entity_key(field, item): item for item in after}
    removed = [short(old[key]) for key in old if key not in new]
    added = [short(new[key]) for key in new if key not in old]
    changed = []
    for key in old.keys() & new.keys():
        if old[key] != new[key]:
            parts = [f"{name}: {short(old[key].get(name), 80)} -> {short(new[key].get(name), 80)}"
                     for name in sorted(set(old[key]) | set(new[key])) if old[key].get(name) != new[key].get(name)]
            changed.append(f"{key}: " + "; ".join(parts))
    return removed, added, changed


def extract(collections: list[Path], output: Path, base: str) -> int:
    import iom_nlp  # only here: ``diff`` needs no pipeline

    print(f"iom_nlp from {Path(iom_nlp.__file__).parent}", file=sys.stderr)
    records = [record for path in collections for record in iom_nlp.read_collection(path)]
    nlp = iom_nlp.load(base=None if base == "none" else base)
    with output.open("w", encoding="utf-8") as handle:
        texts, ids = [record["text"] for record in records], [record["id"] for record in records]
        for release in iom_nlp.extract_many(texts, ids=ids, nlp=nlp):
            handle.write(release.model_dump_json() + "\n")
    print(f"{len(records)} releases written to {output}", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("extract", help="Releases of collections, one JSON object a line")
    run.add_argument("collections", type=Path, nargs="+")
    run.add_argument("-o", "--output", type=Path, required=True)
    run.add_argument("--base", default="none", help='the base model ("none": rules only, the default; "auto"; a name)')
    compare = commands.add_parser("diff", help="compare two files of Releases")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    compare.add_argument("--keep-source", action="store_true", help="compare the source fields too")
    compare.add_argument("--examples", type=int, default=5)
    args = parser.parse_args()
    if args.command == "extract":
        return extract(args.collections, args.output, args.base)
    return diff(args)


def diff(args: argparse.Namespace) -> int:
    before, after = read(args.before), read(args.after)
    if len(before) != len(after):
        print(f"different numbers of releases: {len(before)} before, {len(after)} after", file=sys.stderr)
        return 2
    paths_before = {path for release in before for path in key_paths(release)}
    paths_after = {path for release in after for path in key_paths(release)}
    one_side = (paths_before ^ paths_after)
    drop = set() if args.keep_source else {"*.source"}
    drop |= {path for path in one_side if not (path.endswith(".source") and not args.keep_source)}
    if one_side:
        print("fields on one side only (stripped):")
        for path in sorted(one_side):
            print(f"  {path}: {'after' if path in paths_after else 'before'} only")
    releases: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    differing = 0
    for old_release, new_release in zip(before, after, strict=True):
        if old_release.get("id") != new_release.get("id"):
            print(f"records out of order: {old_release.get('id')!r} vs {new_release.get('id')!r}", file=sys.stderr)
            return 2
        old, new = strip(old_release, drop), strip(new_release, drop)
        if old == new:
            continue
        differing += 1
        for field in sorted(set(old) | set(new)):
            if old.get(field) == new.get(field):
                continue
            releases[field] += 1
            removed, added, changed = describe_change(field, old.get(field), new.get(field))
            entities[field] += len(removed) + len(added) + len(changed)
            if len(examples[field]) < args.examples:
                lines = [f"    - {item}" for item in removed] + [f"    + {item}" for item in added]
                lines += [f"    ~ {item}" for item in changed]
                examples[field].append(f"  {old_release.get('id')}\n" + "\n".join(lines))
    print(f"{len(before)} releases compared; {differing} differ" + ("" if args.keep_source else " (sources stripped)"))
    if differing:
        print(f"{'field':16} {'releases':>8} {'entities':>8}")
        for field, count in releases.most_common():
            print(f"{field:16} {count:>8} {entities[field]:>8}")
        for field, _ in releases.most_common():
            print(f"\n{field}:")
            print("\n".join(examples[field]))
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
