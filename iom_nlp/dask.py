"""Scale-out on Dask: a bag of texts becomes a bag of Releases, the pipeline loaded once per worker.

    import dask.bag as db
    from iom_nlp.dask import extract_bag
    releases = extract_bag(db.from_sequence(texts, npartitions=8)).compute()

Point it at a real cluster by creating a ``distributed.Client("scheduler-address:8786")`` first;
each worker process loads the pipeline on its first partition and keeps it (the base model
must be installed on the workers). Needs the ``dask`` extra: ``pip install "iom-nlp[dask]"``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .api import extract_many
from .pipeline import AUTO, load
from .schema import Release

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    from spacy.language import Language


@lru_cache(maxsize=4)
def worker_pipeline(base: str | None = AUTO) -> Language:
    """The pipeline of this worker process, loaded once and kept for later partitions."""
    return load(base)


def _extract_partition(records: list[Any], base: str | None, batch_size: int) -> list[Release]:
    texts = [record[1] if isinstance(record, tuple) else record for record in records]
    ids = [str(record[0]) if isinstance(record, tuple) else None for record in records]
    return list(extract_many(texts, nlp=worker_pipeline(base), ids=ids, batch_size=batch_size))


def extract_bag(bag: dask.bag.Bag, *, base: str | None = AUTO, batch_size: int = 64) -> dask.bag.Bag:
    """A bag of Releases from a bag of texts (or of ``(id, text)`` pairs), in the same order."""
    mapped: dask.bag.Bag = bag.map_partitions(_extract_partition, base=base, batch_size=batch_size)  # type: ignore[no-untyped-call]
    return mapped


def extract_column(
    frame: dask.dataframe.DataFrame,
    text_column: str = "text",
    id_column: str | None = None,
    *,
    base: str | None = AUTO,
    batch_size: int = 64,
) -> dask.bag.Bag:
    """A bag of Releases from a dataframe's text column (ids from ``id_column`` when given)."""
    columns = [text_column] if id_column is None else [id_column, text_column]
    bag = frame[columns].to_bag(index=False) if id_column is not None else frame[text_column].to_bag()
    return extract_bag(bag, base=base, batch_size=batch_size)
