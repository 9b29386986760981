#!/usr/bin/env python3
"""Write the notebooks under notebooks/ (without outputs) from the cell sources below.

    python scripts/make_notebooks.py

Kept as a script so that the notebooks' code is reviewed as code; CI executes the notebooks
(tests/test_notebooks.py) on the repository's sample and, in the slow run, on the 2,025 U.S.
State Department releases. Both notebooks read the collection named by the environment
variable ``IOM_NLP_CORPUS`` (default: ``examples/sample-collection.jsonl``), so an analyst
points them at a collection without editing them:

    IOM_NLP_CORPUS=/data/releases.jsonl jupyter lab notebooks/
"""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def code(source: str) -> nbformat.NotebookNode:
    return new_code_cell(dedent(source).strip("\n"))


def text(source: str) -> nbformat.NotebookNode:
    return new_markdown_cell(dedent(source).strip("\n"))


SETTINGS = '''
import os
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to files: no window, the same in Jupyter, a script or CI
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Image, display
from matplotlib.ticker import MaxNLocator
from tqdm import tqdm

import iom_nlp
from iom_nlp.frames import read_collection

# The collection: a JSONL file of {"id", "date", "text"} records ("html" instead of "text" works too),
# or a folder of .txt/.html files. Set IOM_NLP_CORPUS, or write the path here.
CORPUS = Path(os.environ.get("IOM_NLP_CORPUS", "../examples/sample-collection.jsonl"))
LIMIT = int(os.environ.get("IOM_NLP_LIMIT", "0")) or None  # e.g. 300 for a quick look at a large collection
# Pipeline: "auto" = statistical English model + rules (more accurate); "none" = rules only (about 10x faster).
# Left empty, collections of up to FULL_MODEL_UP_TO releases get the full pipeline, larger ones rules only.
BASE = os.environ.get("IOM_NLP_BASE", "")
FULL_MODEL_UP_TO = 200
TOP = 12  # how many countries / organisations / people the charts show
FIGURES = Path(os.environ.get("IOM_NLP_FIGURES") or Path(tempfile.gettempdir()) / "iom_nlp_figures")
'''

HELPERS = '''
def show(fig, name):
    """Save the chart as a small PNG under FIGURES and show it (the Agg backend only draws to files)."""
    FIGURES.mkdir(parents=True, exist_ok=True)
    path = FIGURES / f"{NOTEBOOK}-{name}.png"
    fig.savefig(path, dpi=72, bbox_inches="tight")
    plt.close(fig)
    display(Image(filename=str(path)))


def barh(counts, title, xlabel, ax=None):
    """Horizontal bars, largest on top, whole-number axis, each bar labelled with its count."""
    counts = counts.sort_values()
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 0.3 * len(counts) + 1))
    bars = ax.barh([str(label) for label in counts.index], counts.values, color="#2b6cb0")
    ax.bar_label(bars, padding=2, fontsize=8)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.margins(x=0.12)
    return ax


def heatmap(table, title, colorbar_label, ax=None):
    """Whole-number counts as shaded cells, each non-zero cell labelled with its count."""
    if ax is None:
        _, ax = plt.subplots(figsize=(0.45 * table.shape[1] + 3, 0.35 * table.shape[0] + 1.5))
    image = ax.imshow(table.values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=90)
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    high = table.values.max() if table.size else 0
    for (row, col), value in pd.DataFrame(table.values).stack().items():
        if value:
            ax.text(col, row, int(value), ha="center", va="center", fontsize=7, color="white" if value > high / 2 else "black")
    bar = ax.figure.colorbar(image, ax=ax, label=colorbar_label)
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    ax.set_title(title)
    return ax


def short(text, width=32):
    """A label that fits beside a chart: cut at a word with an ellipsis."""
    text = str(text)
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"
'''

EXTRACT = '''
records = read_collection(CORPUS, limit=LIMIT)
if BASE.lower() in ("none", "rules"):
    base = None
else:
    base = BASE or ("auto" if len(records) <= FULL_MODEL_UP_TO else None)
N_PROCESS = 2 if len(records) > 100 else 1  # worker processes pay off from a few hundred releases
print(f"{len(records)} releases from {CORPUS}")
print(f"pipeline: {'full (base model ' + repr(base) + ' + rules)' if base else 'rules only (base=None)'}, {N_PROCESS} process(es)")

nlp = iom_nlp.load(base=base)
stream = iom_nlp.extract_many([r["text"] for r in records], nlp=nlp, ids=[r["id"] for r in records], n_process=N_PROCESS)
releases = list(tqdm(stream, total=len(records), desc="extracting", unit="release", mininterval=10))
frames = iom_nlp.to_frames(releases, dates=[r.get("date") for r in records])
failed = frames["releases"].error.notna().sum()
print(f"{failed} release(s) could not be processed" if failed else "every release processed")
'''

MONTHS = '''
# Months come from each record's own "date" (any common format), else from the release's dateline.
frames["releases"]["month"] = pd.to_datetime(frames["releases"].published, errors="coerce").dt.to_period("M")
dated = frames["releases"].dropna(subset=["month"])
WINDOW = 24  # months shown on the timelines, ending with the latest release
months = pd.PeriodIndex([], freq="M")
if not dated.empty:
    months = pd.period_range(end=dated.month.max(), periods=WINDOW, freq="M")
    months = months[months >= dated.month[dated.month.isin(months)].min()]  # start with the first month that has releases
in_window = dated[dated.month.isin(months)]
print(f"{len(dated)} of {len(frames['releases'])} releases dated; timeline {months.min()} to {months.max()}, "
      f"{len(dated) - len(in_window)} older release(s) left out of it")


def by_month(mentions, column, names):
    """Releases per month (rows) naming each of `names` (columns); months without releases show as 0."""
    table = mentions[mentions[column].isin(names)].drop_duplicates(["release_id", column])
    table = table.merge(in_window[["release_id", "month"]], on="release_id")
    counts = table.groupby(["month", column]).size().unstack(fill_value=0)
    return counts.reindex(index=months, columns=names, fill_value=0)
'''

QUICKSTART = [
    text('''
        # iom_nlp quickstart

        Part 1 takes one release end to end: extract, look at the typed object, draw every tag over the text,
        export JSON. Part 2 takes a first look at a whole collection (the repository's sample of invented IOM-style
        releases unless `IOM_NLP_CORPUS` names another) with four charts. Run it from the `notebooks/` folder;
        `02_explore_collection.ipynb` goes further.
    '''),
    code(SETTINGS + '\nNOTEBOOK = "quickstart"\nRELEASE = Path("../examples/sample-release.txt")'),
    code(HELPERS),
    text("## Part 1: one release"),
    code('''
        nlp_full = iom_nlp.load(base="auto")  # the full pipeline: statistical English model + rules
        release_text = RELEASE.read_text(encoding="utf-8")
        release = iom_nlp.extract(release_text, nlp=nlp_full, id=RELEASE.name)
        release.title, release.dateline
    '''),
    text("### The typed object\n\nEvery field is a frozen pydantic model; every offset indexes the text."),
    code('pd.DataFrame([(c.code, c.name, ", ".join(m.text for m in c.mentions)) for c in release.countries], columns=["code", "country", "as written"])'),
    code('pd.DataFrame([(o.name, o.acronym, "; ".join(o.aliases), len(o.mentions)) for o in release.organizations], columns=["organisation", "acronym", "aliases", "mentions"])'),
    code('''
        pd.DataFrame(
            [(q.text[:70], q.speaker.name if q.speaker else None, q.speaker.title if q.speaker else None,
              q.speaker.organization if q.speaker else None) for q in release.quotes],
            columns=["quote", "speaker", "role", "organisation"],
        )
    '''),
    code('''
        pd.DataFrame([(p.raw, p.e164, p.kind, p.valid) for p in release.phones], columns=["as written", "E.164", "kind", "valid"]), \\
            [e.address for e in release.emails], release.contacts
    '''),
    text("### Every tag over the text (displaCy)"),
    code("iom_nlp.render(release, release_text);  # shows inline in Jupyter; returns the HTML elsewhere"),
    text("### Export"),
    code('''
        out = Path(tempfile.mkdtemp()) / "release.json"
        out.write_text(release.model_dump_json(indent=2), encoding="utf-8")
        assert iom_nlp.Release.model_validate_json(out.read_text(encoding="utf-8")) == release
        out
    '''),
    text('''
        ## Part 2: a first look at a collection

        Collections of thousands of releases run in two worker processes with a progress bar; above
        `FULL_MODEL_UP_TO` releases the rules-only pipeline is used (the cell prints which).
    '''),
    code(EXTRACT),
    code(MONTHS),
    text("### How many releases a month?"),
    code('''
        per_month = in_window.groupby("month").size().reindex(months, fill_value=0)
        fig, ax = plt.subplots(figsize=(7, 2.8))
        ax.bar([str(m) for m in per_month.index], per_month.values, color="#2b6cb0")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel("releases")
        ax.set_title("Releases per month")
        ax.tick_params(axis="x", rotation=90)
        show(fig, "releases-per-month")
        per_month.rename("releases").to_frame().T
    '''),
    text("### Which countries and organisations are named most?"),
    code('''
        countries = frames["countries"].groupby("name").release_id.nunique().nlargest(TOP)
        organisations = frames["organizations"].groupby("name").release_id.nunique().nlargest(TOP)
        show(barh(countries, "Countries: releases naming each (name or demonym)", "releases").figure, "countries")
        show(barh(organisations, "Organisations: releases naming each", "releases").figure, "organisations")
        pd.concat([countries.rename_axis("country").reset_index(name="releases"),
                   organisations.rename_axis("organisation").reset_index(name="releases ")], axis=1)
    '''),
    text("### Who is quoted most?"),
    code('''
        quoted = frames["quotes"].dropna(subset=["speaker"])
        speakers = quoted.groupby("speaker").size().nlargest(TOP)
        show(barh(speakers, "Most-quoted speakers", "quotes").figure, "speakers")
        speakers.rename("quotes").to_frame()
    '''),
]

EXPLORE = [
    text('''
        # Exploring a collection of releases

        Which countries and organisations dominate a collection, and how that changes month by month; who appears
        with whom; who speaks, in what role, for which organisation; which releases carry press contacts, and who
        they are. Each question has a table and a chart.

        **Point it at your collection** with the environment variable `IOM_NLP_CORPUS` (a JSONL file of
        `{"id", "date", "text"}` records, `"html"` instead of `"text"` works too, or a folder of `.txt`/`.html`
        files), or edit the first cell. The default is the repository's sample of 60 invented IOM-style pages.
        CI also runs this notebook on 2,025 U.S. State Department releases.

        **Pipeline**: collections of up to `FULL_MODEL_UP_TO` releases use the full pipeline (statistical English
        model + rules); larger ones use the rules-only pipeline (`iom_nlp.load(base=None)`, about ten times faster,
        a little less accurate on organisations and speakers) in two worker processes. `IOM_NLP_BASE=auto` or
        `none` forces either. The extraction cell prints which was used.

        No world map: none of the installed packages ships country shapes for offline drawing.
    '''),
    code(SETTINGS + '\nNOTEBOOK = "explore"'),
    code(HELPERS),
    code(EXTRACT),
    code('frames["releases"][["release_id", "title", "published", "place", "countries", "organizations", "quotes", "contacts"]].head(10)'),
    code(MONTHS),
    text('''
        ## 1. Which countries and organisations dominate?

        Counted as the number of releases naming each at least once, so that one long release does not outweigh
        ten short ones.
    '''),
    code('''
        def leaders(table, column="name"):
            """Releases naming each value of `column`, and its mentions, most-named first."""
            grouped = table.groupby(column).agg(releases=("release_id", "nunique"), mentions=("release_id", "size"))
            return grouped.sort_values(["releases", "mentions"], ascending=False)


        # Organisations are labelled with their acronym where the releases give one ("UNHCR").
        acronyms = frames["organizations"].dropna(subset=["acronym"]).groupby("name").acronym.first()
        label = {name: acronyms.get(name) or short(name) for name in frames["organizations"].name.unique()}
        top_countries = leaders(frames["countries"])
        top_orgs = leaders(frames["organizations"])
        fig, (left, right) = plt.subplots(1, 2, figsize=(11, 0.3 * TOP + 1.5))
        barh(top_countries.releases.head(TOP), "Countries", "releases naming it", ax=left)
        barh(top_orgs.releases.head(TOP).rename(index=label), "Organisations", "releases naming it", ax=right)
        fig.tight_layout()
        show(fig, "leaders")
        pd.concat([top_countries.head(TOP).reset_index().rename(columns={"name": "country"}),
                   top_orgs.head(TOP).reset_index().rename(columns={"name": "organisation"})], axis=1)
    '''),
    text('''
        ## 2. How does that change month by month?

        One row per country (or organisation), one column per month; each cell is the number of releases that
        month naming it. Blank cells are zero.
    '''),
    code('''
        # A name in nearly every release (the publisher, IOM or the State Department, and its home country) would
        # fill every cell; it stays in the table above and is left out of the month and co-mention charts.
        nearly_all = 0.8 * len(frames["releases"])
        everywhere = [*top_countries.index[top_countries.releases >= nearly_all], *top_orgs.index[top_orgs.releases >= nearly_all]]
        print("left out of the charts below, named in 80% of releases or more:", ", ".join(everywhere) or "none")
        leading = top_countries.drop(index=everywhere, errors="ignore")
        partners = top_orgs.drop(index=everywhere, errors="ignore")
        per_month = in_window.groupby("month").size().reindex(months, fill_value=0)
        country_months = by_month(frames["countries"], "name", list(leading.head(8).index))
        org_months = by_month(frames["organizations"], "name", list(partners.head(8).index)).rename(columns=label)
        if not months.empty:
            fig, (top, middle, bottom) = plt.subplots(
                3, 1, figsize=(0.4 * len(months) + 5, 9), gridspec_kw={"height_ratios": [1, 2, 2]}, sharex=False
            )
            top.bar(range(len(months)), per_month.values, color="#2b6cb0")
            top.set_xticks(range(len(months)), [str(m) for m in months], rotation=90)
            top.yaxis.set_major_locator(MaxNLocator(integer=True))
            top.set_ylabel("releases")
            top.set_title("All releases per month")
            heatmap(country_months.T, "Releases naming each leading country, by month", "releases", ax=middle)
            heatmap(org_months.T, "Releases naming each leading organisation, by month", "releases", ax=bottom)
            fig.tight_layout()
            show(fig, "by-month")
        country_months.T.rename(columns=str)
    '''),
    code("org_months.T.rename(columns=str)"),
    text('''
        ## 3. Which countries and organisations appear together?

        A cell counts the releases that name both; the diagonal (a name with itself) is left blank and the label
        carries each name's own total. Names found in nearly every release are left out, as above.
    '''),
    code('''
        people = pd.concat([
            frames["countries"][["release_id", "name"]].assign(kind="country"),
            frames["organizations"][["release_id", "name"]].assign(kind="organisation"),
        ]).drop_duplicates(["release_id", "name"])
        keep = list(leading.head(10).index) + [n for n in partners.head(8).index if n not in leading.index]
        presence = pd.crosstab(people.release_id, people.name).reindex(columns=keep, fill_value=0).clip(upper=1)
        together = presence.T @ presence
        totals = pd.Series(together.values.diagonal(), index=together.index)
        for name in keep:
            together.loc[name, name] = 0
        labels = [f"{label.get(name, name)} ({totals[name]})" for name in keep]
        if keep:
            show(heatmap(together.set_axis(labels, axis=0).set_axis(labels, axis=1), "Releases naming both", "releases").figure, "co-mentions")
        pairs = together.where(pd.DataFrame(
            [[i < j for j in range(len(keep))] for i in range(len(keep))], index=keep, columns=keep)).stack()
        pairs[pairs > 0].astype(int).sort_values(ascending=False).head(15).rename("releases naming both").to_frame()
    '''),
    text('''
        ## 4. Who speaks, in what role, for which organisation, and how often?

        A speaker's role and organisation are the ones most often given with their quotes.
    '''),
    code('''
        def most_common(values):
            values = values.dropna()
            return values.mode().iloc[0] if not values.empty else None


        quoted = frames["quotes"].dropna(subset=["speaker"])
        speakers = (
            quoted.groupby("speaker")
            .agg(quotes=("text", "size"), releases=("release_id", "nunique"),
                 role=("title", most_common), organisation=("organization", most_common))
            .sort_values(["quotes", "releases"], ascending=False)
        )
        unattributed = frames["quotes"].speaker.isna().sum()
        print(f"{len(frames['quotes'])} quotes, {len(speakers)} named speakers, {unattributed} quotes without a named speaker")
        speakers.head(20)
    '''),
    code('''
        if not speakers.empty:
            fig, (left, right) = plt.subplots(1, 2, figsize=(12, 0.3 * TOP + 1.5))
            named = speakers.head(TOP)
            labels = [f"{name}, {short(role, 28)}" if role else name for name, role in zip(named.index, named.role)]
            barh(named.quotes.set_axis(labels), "Most-quoted speakers, with their role", "quotes", ax=left)
            by_org = quoted.groupby(quoted.organization.fillna("(not given)")).size().nlargest(10)
            barh(by_org.rename(index=lambda name: label.get(name) or short(name)), "Quotes by the speaker's organisation", "quotes", ax=right)
            fig.tight_layout()
            show(fig, "speakers")
        quoted.groupby(quoted.organization.fillna("(not given)")).agg(
            quotes=("text", "size"), speakers=("speaker", "nunique")).sort_values("quotes", ascending=False).head(10)
    '''),
    text("## 5. Which releases carry press contacts, and who are the contacts?"),
    code('''
        contacts = frames["contacts"]
        with_contacts = frames["releases"].contacts.gt(0)
        print(f"{with_contacts.sum()} of {len(with_contacts)} releases carry a press contact")
        directory = (
            contacts.groupby("name")
            .agg(releases=("release_id", "nunique"), organisation=("organization", most_common),
                 phones=("phones", lambda v: "; ".join(sorted({p for x in v for p in x.split("; ") if p}))),
                 emails=("emails", lambda v: "; ".join(sorted({e for x in v for e in x.split("; ") if e}))))
            .sort_values("releases", ascending=False)
        )
        directory.head(20)
    '''),
    code('''
        share = in_window.assign(contact=in_window.contacts.gt(0).map({True: "with a press contact", False: "without"}))
        share = share.groupby(["month", "contact"]).size().unstack(fill_value=0).reindex(
            index=months, columns=["with a press contact", "without"], fill_value=0)
        fig, (left, right) = plt.subplots(1, 2, figsize=(12, 3.5), gridspec_kw={"width_ratios": [3, 2]})
        share.set_axis([str(m) for m in share.index]).plot.bar(stacked=True, ax=left, color=["#2b6cb0", "#cbd5e0"], width=0.8)
        left.yaxis.set_major_locator(MaxNLocator(integer=True))
        left.set_ylabel("releases")
        left.set_title("Releases with and without a press contact")
        left.legend(loc="upper left", bbox_to_anchor=(0, -0.35), ncols=2, frameon=False)
        if not directory.empty:
            frequent = directory.head(10)
            names = [f"{name} ({short(org, 24)})" if isinstance(org, str) else name for name, org in zip(frequent.index, frequent.organisation)]
            barh(frequent.releases.set_axis(names), "Most frequent press contacts", "releases", ax=right)
        fig.tight_layout()
        show(fig, "contacts")
        frames["releases"].loc[with_contacts, ["release_id", "title", "contacts"]].merge(
            contacts.groupby("release_id").name.agg("; ".join).rename("contact names"), on="release_id").head(15)
    '''),
    text('''
        ## 6. One release with every tag

        The release with the most kinds of tags (countries, organisations, quotes, phones, e-mails, contacts),
        drawn with displaCy.
    '''),
    code('''
        def richness(release):
            kinds = [release.countries, release.organizations, release.quotes, release.phones, release.emails, release.contacts]
            return sum(bool(k) for k in kinds), sum(len(k) for k in kinds)


        texts = {str(r["id"]): r["text"] for r in records}
        shown = max((r for r in releases if not r.error and len(texts[str(r.id)]) < 8000), key=richness, default=None)
        if shown is not None:
            print(shown.id, "-", shown.title)
            iom_nlp.render(shown, texts[str(shown.id)])  # shows inline in Jupyter
    '''),
    text("## Export the tables\n\nFor a spreadsheet or another tool: one CSV (or Parquet) file per table."),
    code('''
        out = Path(tempfile.mkdtemp())
        [path.name for path in iom_nlp.export_frames(frames, out, format="csv")]
    '''),
]


def write(name: str, cells: list[nbformat.NotebookNode]) -> None:
    notebook = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.validate(notebook)
    nbformat.write(notebook, NOTEBOOKS / name)


if __name__ == "__main__":
    NOTEBOOKS.mkdir(exist_ok=True)
    write("01_quickstart.ipynb", QUICKSTART)
    write("02_explore_collection.ipynb", EXPLORE)
