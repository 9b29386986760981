#!/usr/bin/env python3
"""Write the notebooks under notebooks/ (without outputs) from the cell sources below.

    python scripts/make_notebooks.py

Kept as a script so that the notebooks' code is reviewed as code; CI executes the notebooks.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

QUICKSTART = [
    new_markdown_cell(
        "# iom_nlp quickstart\n\nOne release end to end: extract, look at the typed object, draw the tags over the text, "
        "export JSON. Run it from the `notebooks/` folder."
    ),
    new_code_cell(
        "from pathlib import Path\nimport tempfile\n\nimport iom_nlp\n\n"
        "# 'auto' uses the installed English base model; None is rules only (faster, less accurate).\n"
        "BASE = \"auto\"\nRELEASE = Path(\"../examples/sample-release.txt\")"
    ),
    new_code_cell("nlp = iom_nlp.load(base=BASE)\ntext = RELEASE.read_text(encoding=\"utf-8\")\nrelease = iom_nlp.extract(text, nlp=nlp, id=RELEASE.name)\nrelease.title, release.dateline"),
    new_markdown_cell("## The typed object\n\nEvery field is a frozen pydantic model; every offset indexes `text`."),
    new_code_cell("[(country.code, country.name, [m.text for m in country.mentions]) for country in release.countries]"),
    new_code_cell("for org in release.organizations:\n    print(org.name, org.acronym, org.aliases)"),
    new_code_cell("for quote in release.quotes:\n    speaker = quote.speaker\n    print(repr(quote.text[:60]), '->', speaker.name if speaker else None, '|', speaker.title if speaker else None)"),
    new_code_cell("[(phone.e164, phone.kind, phone.valid, phone.repaired) for phone in release.phones], [email.address for email in release.emails]"),
    new_code_cell("release.contacts"),
    new_markdown_cell("## Tables and tags"),
    new_code_cell("frames = iom_nlp.to_frames([release])\nframes[\"countries\"]"),
    new_code_cell("iom_nlp.render(release, text)"),
    new_markdown_cell("## Export"),
    new_code_cell(
        "out = Path(tempfile.mkdtemp()) / \"release.json\"\nout.write_text(release.model_dump_json(indent=2), encoding=\"utf-8\")\n"
        "assert iom_nlp.Release.model_validate_json(out.read_text(encoding=\"utf-8\")) == release\nout"
    ),
]

EXPLORE = [
    new_markdown_cell(
        "# Exploring a collection of releases\n\nPoint `CORPUS` at any JSONL file of `{\"id\", \"text\"}` records "
        "(for example `../../shared/data/releases/corpus.jsonl`); the default is the small sample kept in the repository."
    ),
    new_code_cell(
        "import json\nfrom pathlib import Path\n\nimport matplotlib.pyplot as plt\nimport pandas as pd\n\nimport iom_nlp\n\n"
        "CORPUS = Path(\"../examples/sample-collection.jsonl\")\nLIMIT = 500\nBASE = None  # rules only: fast enough for thousands of releases"
    ),
    new_code_cell(
        "records = []\nwith CORPUS.open(encoding=\"utf-8\") as handle:\n    for line in handle:\n        if line.strip():\n"
        "            records.append(json.loads(line))\n        if len(records) == LIMIT:\n            break\n"
        "nlp = iom_nlp.load(base=BASE)\n"
        "releases = list(iom_nlp.extract_many([r.get(\"text\") for r in records], nlp=nlp, ids=[r.get(\"id\") for r in records]))\n"
        "frames = iom_nlp.to_frames(releases)\nframes[\"releases\"].head()"
    ),
    new_markdown_cell("## Most-mentioned countries (releases naming each)"),
    new_code_cell(
        "named = frames[\"countries\"][frames[\"countries\"].kind == \"name\"]\n"
        "top = named.groupby(\"name\").release_id.nunique().nlargest(15).sort_values()\n"
        "ax = top.plot.barh(figsize=(6, 5), title=\"Releases naming each country\")\nax.set_xlabel(\"releases\")\nplt.show()"
    ),
    new_markdown_cell("## Which countries are named together"),
    new_code_cell(
        "presence = pd.crosstab(named.release_id, named.code).clip(upper=1)\n"
        "keep = presence.sum().nlargest(12).index\nco = presence[keep].T @ presence[keep]\n"
        "fig, ax = plt.subplots(figsize=(6, 5))\nimage = ax.imshow(co.values, cmap=\"Blues\")\n"
        "ax.set_xticks(range(len(keep)), keep, rotation=90)\nax.set_yticks(range(len(keep)), keep)\n"
        "fig.colorbar(image, ax=ax, label=\"releases naming both\")\nax.set_title(\"Country co-mentions\")\nplt.show()"
    ),
    new_markdown_cell("## Organisations over time"),
    new_code_cell(
        "orgs = frames[\"organizations\"].drop_duplicates([\"release_id\", \"name\"]).merge(frames[\"releases\"][[\"release_id\", \"date\"]], on=\"release_id\")\n"
        "orgs[\"month\"] = pd.to_datetime(orgs.date, errors=\"coerce\").dt.to_period(\"M\")\n"
        "leaders = orgs.name.value_counts().head(5).index\n"
        "timeline = orgs[orgs.name.isin(leaders)].dropna(subset=[\"month\"]).groupby([\"month\", \"name\"]).size().unstack(fill_value=0)\n"
        "if not timeline.empty:\n    timeline.plot(figsize=(7, 4), marker=\"o\", title=\"Releases mentioning each organisation\")\n    plt.show()\ntimeline"
    ),
    new_markdown_cell("## Who is quoted"),
    new_code_cell(
        "frames[\"quotes\"].groupby([\"speaker\", \"organization\"], dropna=False).size().sort_values(ascending=False).rename(\"quotes\").head(20)"
    ),
    new_markdown_cell("## Contacts directory"),
    new_code_cell("frames[\"contacts\"].drop_duplicates([\"name\", \"phones\", \"emails\"]).sort_values(\"name\").reset_index(drop=True)"),
]


def write(name: str, cells: list[nbformat.NotebookNode]) -> None:
    notebook = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(notebook, NOTEBOOKS / name)


if __name__ == "__main__":
    NOTEBOOKS.mkdir(exist_ok=True)
    write("01_quickstart.ipynb", QUICKSTART)
    write("02_explore_collection.ipynb", EXPLORE)
