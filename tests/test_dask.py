from __future__ import annotations

import pytest

import iom_nlp

dask_bag = pytest.importorskip("dask.bag")
dask_dataframe = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pandas = pytest.importorskip("pandas")

TEXTS = [
    "Delegations from Kenya and St. Kitts and Nevis met IOM in Geneva.",
    "Media Contact: Steve Ingram (02) 6277 7860 in Australia",
    "“We will help,” said Jane Roe, IOM Chief of Mission in Libya.",
    "",
    "Write to jane [at] iom [dot] int about Viet Nam.",
] * 4


@pytest.mark.slow  # starts a local cluster (~30 s)
@pytest.mark.enable_socket
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_dask_bag_equals_serial_result(rules_nlp: object) -> None:
    """Two worker processes on a LocalCluster give exactly the serial result, in order."""
    from iom_nlp.dask import extract_bag, extract_column

    serial = list(iom_nlp.extract_many(TEXTS, nlp=rules_nlp))  # type: ignore[arg-type]
    ids = [f"r{i}" for i in range(len(TEXTS))]
    frame = dask_dataframe.from_pandas(pandas.DataFrame({"id": ids, "text": TEXTS}), npartitions=3)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster):
        from_bag = extract_bag(dask_bag.from_sequence(TEXTS, npartitions=4), base=None).compute()
        from_column = extract_column(frame, "text", "id", base=None).compute()
    assert from_bag == serial
    assert [release.id for release in from_column] == ids
    assert [release.model_copy(update={"id": None}) for release in from_column] == serial
