"""The library's front door: ``extract`` one release, ``extract_many`` a stream of them."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import weakref
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from typing import Any

from pydantic import JsonValue, TypeAdapter, ValidationError
from spacy.language import Language

from .chunking import merge_releases, split_text
from .components.language import COMPONENT_NAME as LANGUAGE_COMPONENT
from .components.language import LanguageDetector
from .html import HtmlPage, read_html
from .pipeline import AUTO, FRENCH_BASE_META, is_installed, load
from .release import to_release
from .rules.language import check_language, detect_language
from .schema import Release

logger = logging.getLogger(__name__)
# Records per memory zone: strings the pipeline adds while reading them are freed afterwards.
CHUNK_RECORDS = 1000
# Words a pipeline keeps in its vocabulary, at most, from the records it reads (see keep_common_words).
KEPT_WORDS_MAX = 20_000
_kept_words: weakref.WeakKeyDictionary[Language, set[str]] = weakref.WeakKeyDictionary()


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


def extract(text: str, *, nlp: Language | None = None, id: JsonValue = None, language: str | None = None) -> Release:  # noqa: A002
    """Extract everything from one release. Empty or blank text gives an empty Release.

    ``language`` ("en", "fr", "es") forces the release's language; None detects it.
    """
    text = check_text(text)
    cfg = language_cfg(language)
    if not text.strip():
        return Release(id=id)
    pipeline = nlp if nlp is not None else default_pipeline()
    french = french_pipeline(pipeline)
    if french is not None and _language_of(pipeline, text, cfg) == "fr":
        pipeline, cfg = french, language_cfg("fr")  # the French base model reads French releases
    if len(text) > pipeline.max_length:
        return _extract_long(pipeline, text, id, cfg)
    return to_release(pipeline(text, component_cfg=cfg), id=id)


def french_pipeline(nlp: Language) -> Language | None:
    """The pipeline for French releases when ``nlp`` was loaded with ``base="auto"`` and the
    French base model (the ``[french]`` extra) is installed; else None (``nlp`` reads them)."""
    name = nlp.meta.get(FRENCH_BASE_META)
    if not isinstance(name, str) or not is_installed(name):
        return None
    return default_pipeline(name)


def _language_of(nlp: Language, text: str, cfg: dict[str, dict[str, Any]]) -> str:
    forced = cfg.get(LANGUAGE_COMPONENT, {}).get("language")
    if isinstance(forced, str):
        return forced
    detector = nlp.get_pipe(LANGUAGE_COMPONENT) if LANGUAGE_COMPONENT in nlp.pipe_names else None
    return detect_language(text, detector.settings) if isinstance(detector, LanguageDetector) else "en"


def language_cfg(language: object) -> dict[str, dict[str, Any]]:
    """The ``component_cfg`` that forces ``language`` (checked: ``ValueError``), or {} to detect it."""
    if language is None:
        return {}
    return {LANGUAGE_COMPONENT: {"language": check_language(language)}}


def _extract_long(nlp: Language, text: str, rid: JsonValue, cfg: dict[str, dict[str, Any]] | None = None) -> Release:
    """A text over ``nlp.max_length``: pieces cut at paragraph breaks, offsets shifted back.

    The language is detected once on the whole text (unless forced), so every piece reads the same.
    """
    cfg = cfg or _whole_text_language(nlp, text)
    pieces = split_text(text, nlp.max_length)
    parts = [(offset, to_release(nlp(piece, component_cfg=cfg))) for offset, piece in pieces if piece.strip()]
    return merge_releases(parts, rid)


def _whole_text_language(nlp: Language, text: str) -> dict[str, dict[str, Any]]:
    if LANGUAGE_COMPONENT not in nlp.pipe_names:
        return {}
    detector = nlp.get_pipe(LANGUAGE_COMPONENT)
    if not isinstance(detector, LanguageDetector):
        return {}
    return {LANGUAGE_COMPONENT: {"language": detect_language(text, detector.settings)}}


def extract_html(markup: str | bytes, *, nlp: Language | None = None, id: JsonValue = None) -> Release:  # noqa: A002
    """Extract from HTML (``str``, or the file's bytes: decoded with the page's declared charset).

    The Release's ``text`` is the text its offsets index; its ``title`` is the page's headline
    (``<h1>``, og:title, ``<title>``), never a navigation bar; text the parser had to drop or
    replace is reported in ``warnings``.
    """
    if not isinstance(markup, (str, bytes, bytearray)):
        raise TypeError(f"extract_html() takes the page as str or bytes, got {type(markup).__name__}.")
    page = read_html(markup)
    return with_page(extract(page.text, nlp=nlp, id=id), page)


def with_page(release: Release, page: HtmlPage) -> Release:
    """``release`` (extracted from ``page.text``) with the page's text, headline and warnings."""
    update: dict[str, Any] = {"text": page.text}
    if page.title:
        update["title"] = page.title
    if page.warnings:
        update["warnings"] = (*release.warnings, *page.warnings)
    return release.model_copy(update=update)


def extract_bytes(data: bytes, *, encoding: str = "utf-8", errors: str = "replace", **kwargs: Any) -> Release:
    """Decode ``data`` (undecodable bytes become U+FFFD) and extract."""
    return extract(bytes(data).decode(encoding, errors=errors), **kwargs)


def extract_many(
    texts: Iterable[object],
    *,
    nlp: Language | None = None,
    ids: Iterable[object] | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    language: str | None = None,
) -> Iterator[Release]:
    """One Release per input, in input order; a record that fails becomes a Release with ``error``.

    Non-string inputs are reported, not raised. If the pipeline fails on a batch, the records of
    that batch are retried one at a time so that only the broken one is lost. With
    ``n_process`` > 1 (``-1``: one per CPU) the records go to worker processes running *this*
    call's pipeline; a worker that dies (killed, out of memory) costs only the records of the
    batch it held, which come back as error Releases. Ids may be any JSON value and are kept
    as given. Invalid ``n_process``/``batch_size`` raise ``ValueError`` here, before any work.
    ``language`` ("en", "fr", "es") forces every record's language (checked here too); None
    detects each record's own.
    """
    processes = check_n_process(n_process)
    check_batch_size(batch_size)
    cfg = language_cfg(language)
    pipeline = nlp if nlp is not None else default_pipeline()
    french = french_pipeline(pipeline)
    if french is not None:
        return _extract_many_by_language(pipeline, french, texts, ids, processes, batch_size, cfg)
    return _extract_many(pipeline, texts, ids, processes, batch_size, cfg)


def _extract_many_by_language(
    pipeline: Language, french: Language, texts: Iterable[object], ids: Iterable[object] | None, n_process: int,
    batch_size: int, cfg: dict[str, dict[str, Any]],
) -> Iterator[Release]:
    """French records through ``french``, the others through ``pipeline``, in input order: each
    chunk of records is split by language, each part run in batches, the results put back in order."""
    id_iter = iter(ids) if ids is not None else None
    records = iter(texts)
    while True:
        chunk = list(islice(records, CHUNK_RECORDS))
        if not chunk:
            return
        chunk_ids = [next(id_iter, None) if id_iter is not None else None for _ in chunk]
        in_french = [isinstance(text, str) and _language_of(pipeline, text, cfg) == "fr" for text in chunk]
        results: dict[int, Release] = {}
        for reader, wanted, part_cfg in ((pipeline, False, cfg), (french, True, cfg or language_cfg("fr"))):
            positions = [index for index, flag in enumerate(in_french) if flag is wanted]
            if positions:
                part = _extract_many(reader, [chunk[i] for i in positions], [chunk_ids[i] for i in positions], n_process,
                                     batch_size, part_cfg)
                results.update(zip(positions, part, strict=True))
        yield from (results[index] for index in range(len(chunk)))


def check_n_process(n_process: object) -> int:
    """The number of worker processes ``n_process`` asks for; ``ValueError`` if it is not one."""
    if isinstance(n_process, bool) or not isinstance(n_process, int) or (n_process < 1 and n_process != -1):
        raise ValueError(f"n_process must be a positive whole number (or -1 for one per CPU), got {n_process!r}.")
    return max(os.cpu_count() or 1, 1) if n_process == -1 else n_process


def check_batch_size(batch_size: object) -> int:
    """``batch_size`` if it is a positive whole number, else ``ValueError``."""
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive whole number, got {batch_size!r}.")
    return batch_size


def _extract_many(
    pipeline: Language, texts: Iterable[object], ids: Iterable[object] | None, n_process: int, batch_size: int,
    cfg: dict[str, dict[str, Any]] | None = None,
) -> Iterator[Release]:
    id_iter = iter(ids) if ids is not None else None
    records = ((index, text, json_id(next(id_iter, None)) if id_iter else None) for index, text in enumerate(texts))
    if n_process > 1 and _can_fork():
        yield from _process_in_workers(pipeline, records, n_process=n_process, batch_size=batch_size, cfg=cfg)
    else:
        yield from _process_stream(pipeline, records, n_process=n_process, batch_size=batch_size, cfg=cfg)


_ID_ADAPTER: TypeAdapter[JsonValue] = TypeAdapter(JsonValue)


def json_id(value: object) -> JsonValue:
    """The id as given when it is a JSON value (str, number, bool, list, object), else its ``repr``."""
    try:
        return _ID_ADAPTER.validate_python(value)
    except ValidationError:
        return repr(value)


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


Record = tuple[int, object, JsonValue]
Batch = list[tuple[int, str, JsonValue]]


class _Worker:
    """One forked process that runs the caller's pipeline on one batch at a time.

    The pipeline is handed to the process object itself (inherited through ``fork``, never a
    module global), so concurrent calls with different pipelines cannot see each other's.
    """

    def __init__(self, context: Any, nlp: Language, cfg: dict[str, dict[str, Any]] | None = None) -> None:
        self.cfg = cfg
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=_worker_main, args=(nlp, child, cfg), daemon=True)
        self.process.start()
        child.close()
        self.batch: Batch | None = None

    def send(self, batch: Batch) -> bool:
        self.batch = batch
        try:
            self.conn.send(batch)
        except (OSError, ValueError):  # the worker died before it could take the batch
            return False
        return True

    def receive(self) -> list[tuple[int, Release]] | None:
        """The finished batch, or None when the worker died instead of answering."""
        try:
            if self.conn.poll():
                results: list[tuple[int, Release]] = self.conn.recv()
                return results
        except (EOFError, OSError):
            pass
        return None

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)


def _worker_main(nlp: Language, conn: Any, cfg: dict[str, dict[str, Any]] | None = None) -> None:
    """In a worker: batches in, Releases out, until the parent closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # The inherited pipeline (vocab, matchers, word lists) lives as long as this process: keep it
    # out of the collector's scans, which otherwise cost a fifth of rules-only time, and out of
    # copy-on-write (a scan writes to every object's header).
    gc.freeze()
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        conn.send(_work(nlp, batch, cfg))


def _process_in_workers(
    nlp: Language, records: Iterator[Record], *, n_process: int, batch_size: int, cfg: dict[str, dict[str, Any]] | None = None
) -> Iterator[Release]:
    """Worker processes that read whole batches and send back finished Releases.

    Only text goes out and only Releases come back (no Doc serialisation), so the parent has
    little to do and the work scales with the number of processes. Records that need no
    pipeline (not text, blank) are answered in the parent, in their place. The parent waits on
    each worker's pipe *and* its process sentinel, so a dead worker is noticed at once: its
    batch becomes error Releases and a fresh worker takes its place.
    """
    context = multiprocessing.get_context("fork")
    done: dict[int, Release] = {}
    batches = _batches(records, batch_size, done)
    limit = max(CHUNK_RECORDS, batch_size * n_process * 4)  # results held back waiting for an earlier batch
    workers: list[_Worker] = []
    next_index = 0
    exhausted = False
    try:
        workers = [_Worker(context, nlp, cfg) for _ in range(n_process)]
        while True:
            for position, worker in enumerate(workers):
                if worker.batch is not None or exhausted or len(done) > limit:
                    continue
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                elif not worker.send(batch):
                    workers[position] = _replace(context, nlp, worker, done)
            while next_index in done:
                yield done.pop(next_index)
                next_index += 1
            busy = [worker for worker in workers if worker.batch is not None]
            if not busy:
                if exhausted:
                    break
                continue
            waitables = [worker.conn for worker in busy] + [worker.process.sentinel for worker in busy]
            ready = set(multiprocessing.connection.wait(waitables))
            for worker in busy:
                if worker.conn not in ready and worker.process.sentinel not in ready:
                    continue
                results = worker.receive()
                if results is None:
                    workers[workers.index(worker)] = _replace(context, nlp, worker, done)
                    continue
                done.update(results)
                worker.batch = None
        while next_index in done:
            yield done.pop(next_index)
            next_index += 1
    finally:
        for worker in workers:
            worker.stop()


def _replace(context: Any, nlp: Language, worker: _Worker, done: dict[int, Release]) -> _Worker:
    """A dead worker's batch becomes error Releases; a new worker takes its place."""
    worker.process.join(timeout=5)
    code = worker.process.exitcode
    cause = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    message = f"WorkerDied: the worker process processing this record's batch died ({cause}); the record was not processed."
    batch = worker.batch or []
    logger.error("a worker process died (%s); %d records of its batch are reported as errors", cause, len(batch))
    for index, _, rid in batch:
        done[index] = Release(id=rid, error=message)
    worker.stop()
    return _Worker(context, nlp, worker.cfg)


def _batches(records: Iterator[Record], batch_size: int, done: dict[int, Release]) -> Iterator[Batch]:
    batch: Batch = []
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


def _work(nlp: Language, batch: Batch, cfg: dict[str, dict[str, Any]] | None = None) -> list[tuple[int, Release]]:
    """In a worker: the batch's Releases, with their input positions."""
    releases = _process_stream(nlp, iter(batch), n_process=1, batch_size=len(batch), cfg=cfg)
    return [(index, release) for (index, _, _), release in zip(batch, releases, strict=True)]


def _process_stream(
    nlp: Language, records: Iterator[Record], *, n_process: int, batch_size: int, cfg: dict[str, dict[str, Any]] | None = None
) -> Iterator[Release]:
    """Records in chunks, each inside a spaCy memory zone so that the StringStore does not grow."""
    chunk_size = max(CHUNK_RECORDS, batch_size * max(n_process, 1) * 4)
    while True:
        chunk = list(islice(records, chunk_size))
        if not chunk:
            return
        keep_common_words(nlp, [text for _, text, _ in chunk if isinstance(text, str)])
        with nlp.memory_zone():
            yield from _process_chunk(nlp, chunk, n_process=n_process, batch_size=batch_size, cfg=cfg or {})


def keep_common_words(nlp: Language, texts: list[str], min_records: int = 2) -> int:
    """Make the words that at least ``min_records`` of ``texts`` use lasting in ``nlp``'s vocabulary,
    before a memory zone reads them; returns how many were added.

    A word first met inside a memory zone is made again in every zone: its lexeme and its
    tokenizer cache entry are dropped when the zone ends. Tokenized once here, outside any zone,
    the words a collection keeps using stay (as the stop words seeded at load do), up to
    :data:`KEPT_WORDS_MAX` per pipeline, so the vocabulary still cannot grow without bound.
    Only how fast a word is tokenized changes: a lexeme made here is the one the zone would
    make, so no output depends on it. Inside a caller's own memory zone nothing is kept.
    """
    if getattr(nlp.vocab, "in_memory_zone", False):
        return 0
    kept = _kept_words.setdefault(nlp, set())
    room = KEPT_WORDS_MAX - len(kept)
    if room <= 0 or len(texts) < min_records:
        return 0
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(text.split()))
    # The words not kept yet, most used first as ``most_common`` orders them (a stable sort: the
    # same order among equal counts); once the pipeline has read a few chunks, most are kept.
    fresh = [(word, count) for word, count in counts.items() if count >= min_records and word not in kept]
    fresh.sort(key=itemgetter(1), reverse=True)
    for word, _ in fresh[:room]:
        nlp.tokenizer(word)
        kept.add(word)
    return min(len(fresh), room)


def _process_chunk(
    nlp: Language, chunk: list[Record], *, n_process: int, batch_size: int, cfg: dict[str, dict[str, Any]]
) -> Iterator[Release]:
    pending: deque[Record] = deque()
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

    while True:  # a new pipe after each failed batch, on the records not yet read
        docs = nlp.pipe(feed(), as_tuples=True, n_process=n_process, batch_size=batch_size, component_cfg=cfg)
        failed = False
        for item in _guarded(docs):
            if isinstance(item, BaseException):
                logger.warning("pipeline failed on a batch (%s: %s); retrying its records one by one", type(item).__name__, item)
                while pending:
                    _, text, rid = pending.popleft()
                    yield _single(nlp, text.text if isinstance(text, _Long) else text, rid, cfg)
                failed = True
                break
            doc, index = item
            yield from _flush_before(nlp, pending, index, cfg)
            _, _, rid = pending.popleft()
            yield _safe_release(doc, rid)
        if not failed:
            yield from _flush_before(nlp, pending, None, cfg)
            return


def _guarded(docs: Iterator[tuple[Any, int]]) -> Iterator[tuple[Any, int] | BaseException]:
    """The pipe's items; the exception that stopped it (SystemExit included) as the last item.

    Only ``next()`` is guarded, never the consumer's ``yield``: closing the stream still works.
    """
    while True:
        try:
            item = next(docs)
        except StopIteration:
            return
        except (KeyboardInterrupt, GeneratorExit):
            raise
        except BaseException as error:
            yield error
            return
        yield item


class _Long:
    """A record too long for one pass; it is processed in pieces when its turn comes."""

    def __init__(self, text: str) -> None:
        self.text = text


def _flush_before(nlp: Language, pending: deque[Record], index: int | None, cfg: dict[str, dict[str, Any]]) -> Iterator[Release]:
    """Yield the records before ``index`` that did not go through ``nlp.pipe``: invalid, blank or long."""
    while pending and (index is None or pending[0][0] < index):
        _, text, rid = pending.popleft()
        if isinstance(text, _Long):
            yield _single(nlp, text.text, rid, cfg)
        else:
            yield _invalid_or_empty(text, rid)


def _invalid_or_empty(text: object, rid: JsonValue) -> Release:
    try:
        check_text(text)
    except TypeError as error:
        return Release(id=rid, error=str(error))
    return Release(id=rid)


def _single(nlp: Language, text: object, rid: JsonValue, cfg: dict[str, dict[str, Any]] | None = None) -> Release:
    language = (cfg or {}).get(LANGUAGE_COMPONENT, {}).get("language")
    try:
        return extract(check_text(text), nlp=nlp, id=rid, language=language)
    except (KeyboardInterrupt, GeneratorExit):
        raise
    except BaseException as error:  # reported on the record (SystemExit included), never raised out of a batch
        logger.warning("record %s failed: %s", rid, error)
        return Release(id=rid, error=f"{type(error).__name__}: {error}")


def _safe_release(doc: Any, rid: JsonValue) -> Release:
    try:
        return to_release(doc, id=rid)
    except (KeyboardInterrupt, GeneratorExit):
        raise
    except BaseException as error:  # reported on the record, never raised out of a batch
        logger.warning("record %s failed while building its Release: %s", rid, error)
        return Release(id=rid, error=f"{type(error).__name__}: {error}")
