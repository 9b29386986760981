"""The library's front door: ``extract`` one release, ``extract_many`` a stream of them."""

from __future__ import annotations

import logging
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import Any

from spacy.language import Language

from .chunking import merge_releases, split_text
from .html import html_to_text
from .pipeline import AUTO, load
from .release import to_release
from .schema import Release

logger = logging.getLogger(__name__)
# Records per memory zone: strings the pipeline adds while reading them are freed afterwards.
CHUNK_RECORDS = 1000


@lru_cache(maxsize=4)
def _shared_pipeline(base: str | None) -> Language:
    return load(base)


def default_pipeline(base: str | None = AUTO) -> Language:
    """The pipeline ``extract`` uses when none is passed, loaded once per process."""
    return _shared_pipeline(base)


def check_text(text: object) -> str:
    """Accept a ``str``; say what to do with anything else."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(
            "extract() takes str, got bytes: decode it first (data.decode('utf-8')) "
            "or call iom_nlp.extract_bytes(data, encoding=...)."
        )
    raise TypeError(f"extract() takes the release text as str, got {type(text).__name__}.")


def extract(text: str, *, nlp: Language | None = None, id: str | None = None) -> Release:  # noqa: A002
    """Extract everything from one release. Empty or blank text gives an empty Release."""
    text = check_text(text)
    if not text.strip():
        return Release(id=id)
    pipeline = nlp if nlp is not None else default_pipeline()
    if len(text) > pipeline.max_length:
        return _extract_long(pipeline, text, id)
    return to_release(pipeline(text), id=id)


def _extract_long(nlp: Language, text: str, rid: str | None) -> Release:
    """A text over ``nlp.max_length``: pieces cut at paragraph breaks, offsets shifted back."""
    pieces = split_text(text, nlp.max_length)
    parts = [(offset, to_release(nlp(piece))) for offset, piece in pieces if piece.strip()]
    return merge_releases(parts, rid)


def extract_html(markup: str, *, nlp: Language | None = None, id: str | None = None) -> Release:  # noqa: A002
    """Extract from HTML: the Release's ``text`` is the text its offsets index."""
    if not isinstance(markup, str):
        raise TypeError(f"extract_html() takes the page as str, got {type(markup).__name__}: decode bytes first.")
    text = html_to_text(markup)
    release = extract(text, nlp=nlp, id=id)
    return release.model_copy(update={"text": text})


def extract_bytes(data: bytes, *, encoding: str = "utf-8", errors: str = "replace", **kwargs: Any) -> Release:
    """Decode ``data`` (undecodable bytes become U+FFFD) and extract."""
    return extract(bytes(data).decode(encoding, errors=errors), **kwargs)


def extract_many(
    texts: Iterable[object],
    *,
    nlp: Language | None = None,
    ids: Iterable[str | None] | None = None,
    n_process: int = 1,
    batch_size: int = 64,
) -> Iterator[Release]:
    """One Release per input, in input order; a record that fails becomes a Release with ``error``.

    Non-string inputs are reported, not raised. If the pipeline fails on a batch, the records of
    that batch are retried one at a time so that only the broken one is lost.
    """
    pipeline = nlp if nlp is not None else default_pipeline()
    id_iter = iter(ids) if ids is not None else None
    records = ((index, text, next(id_iter, None) if id_iter else None) for index, text in enumerate(texts))
    if n_process > 1 and _can_fork():
        yield from _process_in_workers(pipeline, records, n_process=n_process, batch_size=batch_size)
    else:
        yield from _process_stream(pipeline, records, n_process=n_process, batch_size=batch_size)


# The pipeline the forked workers inherit; set just before the pool starts.
_WORKER_PIPELINE: Language | None = None


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _process_in_workers(
    nlp: Language, records: Iterator[tuple[int, object, str | None]], *, n_process: int, batch_size: int
) -> Iterator[Release]:
    """Worker processes that read whole batches and send back finished Releases.

    Only text goes out and only Releases come back (no Doc serialisation), so the parent has
    little to do and the work scales with the number of processes. Records that need no
    pipeline (not text, blank) are answered in the parent, in their place.
    """
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = nlp
    context = multiprocessing.get_context("fork")
    with context.Pool(n_process) as pool:
        done: dict[int, Release] = {}
        next_index = 0
        for results in pool.imap(_work, _batches(records, batch_size, done), chunksize=1):
            for index, release in results:
                done[index] = release
            while next_index in done:
                yield done.pop(next_index)
                next_index += 1
        while next_index in done:
            yield done.pop(next_index)
            next_index += 1


def _batches(
    records: Iterator[tuple[int, object, str | None]], batch_size: int, done: dict[int, Release]
) -> Iterator[list[tuple[int, str, str | None]]]:
    batch: list[tuple[int, str, str | None]] = []
    for index, text, rid in records:
        if isinstance(text, str) and text.strip():
            batch.append((index, text, rid))
        else:
            done[index] = _invalid_or_empty(text, rid)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _work(batch: list[tuple[int, str, str | None]]) -> list[tuple[int, Release]]:
    """In a worker: the batch's Releases, with their input positions."""
    assert _WORKER_PIPELINE is not None, "worker started without a pipeline"
    releases = _process_stream(_WORKER_PIPELINE, iter(batch), n_process=1, batch_size=len(batch))
    return [(index, release) for (index, _, _), release in zip(batch, releases, strict=True)]


def _process_stream(
    nlp: Language,
    records: Iterator[tuple[int, object, str | None]],
    *,
    n_process: int,
    batch_size: int,
) -> Iterator[Release]:
    """Records in chunks, each inside a spaCy memory zone so that the StringStore does not grow."""
    chunk_size = max(CHUNK_RECORDS, batch_size * max(n_process, 1) * 4)
    while True:
        chunk = list(islice(records, chunk_size))
        if not chunk:
            return
        with nlp.memory_zone():
            yield from _process_chunk(nlp, chunk, n_process=n_process, batch_size=batch_size)


def _process_chunk(
    nlp: Language,
    chunk: list[tuple[int, object, str | None]],
    *,
    n_process: int,
    batch_size: int,
) -> Iterator[Release]:
    pending: deque[tuple[int, object, str | None]] = deque()
    records = iter(chunk)

    def feed() -> Iterator[tuple[str, int]]:
        for record in records:
            index, text, rid = record
            if isinstance(text, str) and len(text) > nlp.max_length:
                pending.append((index, _Long(text), rid))
                continue
            pending.append(record)
            if isinstance(text, str) and text.strip():
                yield text, index

    while True:
        try:
            for doc, index in nlp.pipe(feed(), as_tuples=True, n_process=n_process, batch_size=batch_size):
                yield from _flush_before(nlp, pending, index)
                _, _, rid = pending.popleft()
                yield _safe_release(doc, rid)
            yield from _flush_before(nlp, pending, None)
            return
        except Exception as error:  # a batch failed: isolate the broken record
            logger.warning("pipeline failed on a batch (%s); retrying its records one by one", error)
            while pending:
                index, text, rid = pending.popleft()
                yield _single(nlp, text.text if isinstance(text, _Long) else text, rid)


class _Long:
    """A record too long for one pass; it is processed in pieces when its turn comes."""

    def __init__(self, text: str) -> None:
        self.text = text


def _flush_before(nlp: Language, pending: deque[tuple[int, object, str | None]], index: int | None) -> Iterator[Release]:
    """Yield the records before ``index`` that did not go through ``nlp.pipe``: invalid, blank or long."""
    while pending and (index is None or pending[0][0] < index):
        _, text, rid = pending.popleft()
        if isinstance(text, _Long):
            yield _single(nlp, text.text, rid)
        else:
            yield _invalid_or_empty(text, rid)


def _invalid_or_empty(text: object, rid: str | None) -> Release:
    try:
        check_text(text)
    except TypeError as error:
        return Release(id=rid, error=str(error))
    return Release(id=rid)


def _single(nlp: Language, text: object, rid: str | None) -> Release:
    try:
        return extract(check_text(text), nlp=nlp, id=rid)
    except Exception as error:  # reported on the record, never raised out of a batch
        logger.warning("record %s failed: %s", rid, error)
        return Release(id=rid, error=f"{type(error).__name__}: {error}")


def _safe_release(doc: Any, rid: str | None) -> Release:
    try:
        return to_release(doc, id=rid)
    except Exception as error:  # reported on the record, never raised out of a batch
        logger.warning("record %s failed while building its Release: %s", rid, error)
        return Release(id=rid, error=f"{type(error).__name__}: {error}")
