from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

import iom_nlp

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def sample_releases(rules_nlp: Language) -> list[iom_nlp.Release]:
    import json

    records = [json.loads(line) for line in (EXAMPLES / "sample-collection.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(iom_nlp.extract_many([r["text"] for r in records], nlp=rules_nlp, ids=[r["id"] for r in records]))


def test_to_frames_has_a_row_per_mention(sample_releases: list[iom_nlp.Release]) -> None:
    frames = iom_nlp.to_frames(sample_releases)
    assert set(frames) == {"releases", "countries", "organizations", "quotes", "phones", "emails", "contacts"}
    assert len(frames["releases"]) == len(sample_releases)
    mentions = sum(len(country.mentions) for release in sample_releases for country in release.countries)
    assert len(frames["countries"]) == mentions
    assert set(frames["countries"]["release_id"]) <= {release.id for release in sample_releases}
    assert frames["quotes"]["speaker"].notna().any()


def test_to_frames_of_nothing_has_columns() -> None:
    frames = iom_nlp.to_frames([])
    assert list(frames["countries"].columns)[:2] == ["release_id", "code"] and frames["countries"].empty


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_frames(sample_releases: list[iom_nlp.Release], tmp_path: Path, fmt: str) -> None:
    frames = iom_nlp.to_frames(sample_releases)
    paths = iom_nlp.export_frames(frames, tmp_path, format=fmt)
    assert {path.name for path in paths} == {f"{name}.{fmt}" for name in frames}
    back = pd.read_parquet(tmp_path / "countries.parquet") if fmt == "parquet" else pd.read_csv(tmp_path / "countries.csv")
    assert len(back) == len(frames["countries"])


def test_export_frames_rejects_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="parquet"):
        iom_nlp.export_frames({}, tmp_path, format="xlsx")


def test_render_release_and_doc(rules_nlp: Language) -> None:
    text = "“We will help,” said Jane Roe of IOM in Kenya. Call +41 22 717 9111 or write to jroe@iom.int."
    release = iom_nlp.extract(text, nlp=rules_nlp)
    html = iom_nlp.render(release, text)
    for label in ("COUNTRY KE", "ORG", "QUOTE Jane Roe", "PHONE +41227179111", "EMAIL"):
        assert label in html
    assert "Kenya" in iom_nlp.render(rules_nlp(text))


def test_render_needs_the_text(rules_nlp: Language) -> None:
    with pytest.raises(ValueError, match="text"):
        iom_nlp.render(iom_nlp.extract("Kenya", nlp=rules_nlp))
