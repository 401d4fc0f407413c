"""`claimattr.runtime.dask_backend` on a real 2-worker LocalCluster: same claims as one process, one model load per worker."""
from __future__ import annotations

import json

import pytest

db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import claimattr  # noqa: E402
from claimattr.runtime import dask_backend as claimattr_dask  # noqa: E402

TEXTS = [
    "The minister said that 12 schools would close.",
    "\u201cWe will rebuild,\u201d the mayor told reporters.",
    "Rain fell all day.",
    "Police confirmed that three people were arrested.",
    "According to the agency, exports fell by 4 percent.",
    "The company denied the report.",
    "Residents said the water had been cut off for two days.",
    "Officials warned that more storms were coming.",
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


@pytest.fixture(scope="module")
def expected():
    """The claims of the pipeline the workers load (the default one), run in this process."""
    nlp = claimattr_dask.get_pipeline(pipes=claimattr.PIPES)
    return [[claim.to_dict() for claim in doc._.claims] for doc in nlp.pipe(TEXTS)]


def test_bag_of_records_gives_the_claims_of_one_process(client, expected):
    bag = db.from_sequence([{"id": f"t{i}", "text": text} for i, text in enumerate(TEXTS)], npartitions=4)
    records = claimattr_dask.extract_bag(bag, pipes=claimattr.PIPES).compute()
    assert [r["id"] for r in records] == [f"t{i}" for i in range(len(TEXTS))]
    assert [r["claims"] for r in records] == expected


def test_the_model_is_loaded_once_per_worker_not_per_document(client):
    bag = db.from_sequence(TEXTS * 3, npartitions=8)
    records = claimattr_dask.extract_bag(bag, pipes=claimattr.PIPES).compute()
    assert len(records) == 3 * len(TEXTS)
    assert records[0]["id"] == "0:0" and records[-1]["id"] == "7:2", "plain texts get <partition>:<position> ids"
    loads = client.run(lambda: len(claimattr_dask.LOADS))
    assert len(loads) == 2
    assert all(count <= 1 for count in loads.values()), loads


def test_bad_records_come_back_as_errors_without_failing_the_task(client):
    bag = db.from_sequence([{"id": "ok", "text": TEXTS[0]}, {"id": "empty", "text": ""}, {"id": "none"}], npartitions=1)
    records = claimattr_dask.extract_bag(bag, pipes=claimattr.PIPES).compute()
    assert [(r["id"], r.get("error")) for r in records] == [("ok", None), ("empty", "empty text"), ("none", "missing 'text'")]
    assert records[1]["claims"] is None


def test_dataframe_gives_one_row_per_claim(client, expected):
    frame = pd.DataFrame({"doc": [f"d{i}" for i in range(len(TEXTS))], "body": TEXTS})
    ddf = dd.from_pandas(frame, npartitions=2)
    claims = claimattr_dask.extract_dataframe(ddf, text_column="body", id_column="doc", pipes=claimattr.PIPES).compute()
    assert list(claims.columns) == list(claimattr_dask.CLAIM_COLUMNS)
    assert len(claims) == sum(len(doc_claims) for doc_claims in expected)
    said = claims[claims["id"] == "d0"].iloc[0]
    assert said["cue"] == "said"
    assert json.loads(said["record"]) == expected[0][0]
