"""extract_many: one Release per input, in order, in bounded time, whatever the input or the workers do."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from typing import Any

import pytest
from spacy.language import Language

import iom_nlp

RELEASE = "IOM staff in Kenya met partners. For more information contact Jane Roe, jroe@iom.int"


@pytest.mark.parametrize("n_process", [0, -2, 1.5, "2", True, None])
def test_invalid_n_process_is_a_value_error_at_call_time(rules_nlp: Language, n_process: Any) -> None:
    with pytest.raises(ValueError, match="n_process"):
        iom_nlp.extract_many(["Kenya"], nlp=rules_nlp, n_process=n_process)  # no next(): raised at once


@pytest.mark.parametrize("batch_size", [0, -1, 2.0, "64", False])
def test_invalid_batch_size_is_a_value_error_at_call_time(rules_nlp: Language, batch_size: Any) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        iom_nlp.extract_many(["Kenya"], nlp=rules_nlp, batch_size=batch_size)


@pytest.mark.parametrize("n_process", [1, 2])
def test_ids_of_any_json_type_are_kept(rules_nlp: Language, n_process: int) -> None:
    ids: list[object] = [1, 2, 3, "x", None, 2.5, True, ["a", 1], {"k": "v"}, "lone \ud800 surrogate", (1, 2)]
    texts = ["Kenya"] * len(ids)
    releases = list(iom_nlp.extract_many(texts, nlp=rules_nlp, ids=ids, n_process=n_process, batch_size=2))
    assert len(releases) == len(ids)
    assert [release.id for release in releases[:-1]] == ids[:-1]
    assert releases[-1].id == "(1, 2)"  # not a JSON value: its repr, never a lost record
    assert all(release.error is None and release.countries[0].code == "KE" for release in releases)


def _exit_on_marker(monkeypatch: pytest.MonkeyPatch, exception: BaseException) -> None:
    from iom_nlp.components import emails as email_component

    original = email_component.find_emails

    def explode(text: str, settings: Any) -> Any:
        if "EXIT-HERE" in text:
            raise exception
        return original(text, settings)

    monkeypatch.setattr(email_component, "find_emails", explode)


@pytest.mark.parametrize("n_process", [1, 2])
@pytest.mark.parametrize("exception", [SystemExit(3), SystemExit("bye"), RuntimeError("boom")])
def test_base_exceptions_from_components_are_contained(
    rules_nlp: Language, monkeypatch: pytest.MonkeyPatch, n_process: int, exception: BaseException
) -> None:
    _exit_on_marker(monkeypatch, exception)
    texts = ["Kenya", "EXIT-HERE in Chile", "Peru"] * 3
    releases = list(iom_nlp.extract_many(texts, nlp=rules_nlp, n_process=n_process, batch_size=2))
    assert len(releases) == len(texts)
    for text, release in zip(texts, releases, strict=True):
        if "EXIT-HERE" in text:
            assert release.error or release.warnings
        else:
            assert release.error is None and release.countries


def test_a_killed_worker_costs_only_its_batch(rules_nlp: Language) -> None:
    """Kill a worker mid-batch: every other record comes back, the killed batch as error Releases."""
    count = 400
    texts = [f"{RELEASE} Record {i}." for i in range(count)]
    started = time.monotonic()
    releases = []
    killed = False
    for release in iom_nlp.extract_many(texts, nlp=rules_nlp, ids=list(range(count)), n_process=2, batch_size=8):
        releases.append(release)
        if not killed:
            workers = multiprocessing.active_children()
            assert workers, "no worker processes to kill"
            os.kill(workers[0].pid or 0, signal.SIGKILL)
            killed = True
        assert time.monotonic() - started < 60
    assert [release.id for release in releases] == list(range(count))
    failed = [release for release in releases if release.error]
    assert 0 < len(failed) <= 8 and all("WorkerDied" in (release.error or "") for release in failed)
    assert all(release.countries[0].code == "KE" for release in releases if not release.error)
    assert not multiprocessing.active_children()


def test_worker_that_exits_is_contained(rules_nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """os._exit in a component (no exception to catch) kills the worker: reported, never a hang."""
    from iom_nlp.components import emails as email_component

    original = email_component.find_emails

    def die(text: str, settings: Any) -> Any:
        if "DIE-HERE" in text:
            os._exit(7)
        return original(text, settings)

    monkeypatch.setattr(email_component, "find_emails", die)
    texts = ["Kenya", "Chile", "DIE-HERE", "Peru", "Chad", "Mali"]
    releases = list(iom_nlp.extract_many(texts, nlp=rules_nlp, n_process=2, batch_size=1))
    assert [bool(release.error) for release in releases] == [False, False, True, False, False, False]
    assert "exit code 7" in (releases[2].error or "")


def test_threads_with_their_own_pipelines_get_their_own_results() -> None:
    """No module-level worker pipeline: each caller's workers run the caller's pipeline."""
    with_countries = iom_nlp.load(base=None)
    without_countries = iom_nlp.load(base=None)
    without_countries.disable_pipe("iom_countries")
    texts = [f"Kenya and Chile, record {i}" for i in range(120)]
    results: dict[str, list[iom_nlp.Release]] = {}

    def run(name: str, nlp: Language) -> None:
        results[name] = list(iom_nlp.extract_many(texts, nlp=nlp, n_process=2, batch_size=4))

    threads = [threading.Thread(target=run, args=("with", with_countries)),
               threading.Thread(target=run, args=("without", without_countries))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(results["with"]) == len(results["without"]) == len(texts)
    assert all(release.countries for release in results["with"])
    assert not any(release.countries for release in results["without"])


def test_stopping_early_leaves_no_workers(rules_nlp: Language) -> None:
    stream = iom_nlp.extract_many(["Kenya"] * 50, nlp=rules_nlp, n_process=2, batch_size=2)
    assert next(stream).countries
    stream.close()  # type: ignore[attr-defined]
    assert not multiprocessing.active_children()
