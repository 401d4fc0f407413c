"""``claimattr serve``'s JSON API: the claim contract, its errors, concurrent requests."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
from starlette.testclient import TestClient  # noqa: E402

from claimattr.report.server import create_app  # noqa: E402
from claimattr.runtime.records import Record  # noqa: E402
from claimattr.runtime.stream import claims_record  # noqa: E402

TEXT = "The minister said that 12 schools would close. \u201cWe will rebuild,\u201d the mayor told reporters."


@pytest.fixture(scope="module")
def client(nlp):
    with TestClient(create_app(nlp, max_bytes=2_000)) as test_client:
        yield test_client


def test_health(client, nlp):
    answer = client.get("/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "pipeline": list(nlp.pipe_names)}


def test_extract_returns_the_claim_contract_of_claimattr_extract(client, nlp):
    answer = client.post("/extract", json={"id": "r1", "text": TEXT})
    assert answer.status_code == 200
    assert answer.json() == claims_record(Record("r1", TEXT, "-"), nlp(TEXT))
    assert len(answer.json()["claims"]) == 2
    assert client.post("/extract", json={"text": TEXT}).json()["id"] == "text"


def test_malformed_json_is_a_400_with_a_message(client):
    answer = client.post("/extract", content=b'{"text": "unfinished', headers={"content-type": "application/json"})
    assert answer.status_code == 400
    assert "malformed JSON" in answer.json()["error"]
    answer = client.post("/extract", json=["not", "an", "object"])
    assert answer.status_code == 400 and "JSON object" in answer.json()["error"]


def test_an_oversized_body_is_a_413(client):
    answer = client.post("/extract", json={"text": "word " * 1_000})
    assert answer.status_code == 413
    assert "limit of 2000 bytes" in answer.json()["error"] or "the limit is 2000 bytes" in answer.json()["error"]

    def chunks():  # no Content-Length: the limit holds while the body streams in
        for _ in range(10):
            yield b" " * 500

    answer = client.post("/extract", content=chunks(), headers={"content-type": "application/json"})
    assert answer.status_code == 413


@pytest.mark.parametrize("body, message", [
    ({"text": ""}, "empty text"),
    ({"text": "   \n "}, "empty text"),
    ({"id": "x"}, "missing 'text'"),
    ({"text": 12}, "'text' must be a string"),
])
def test_missing_or_empty_text_is_a_422_with_a_message(client, body, message):
    answer = client.post("/extract", json=body)
    assert answer.status_code == 422
    assert message in answer.json()["error"]


def test_render_returns_the_report_fragment(client):
    answer = client.post("/render", json={"text": "Schools to close\n" + TEXT})
    assert answer.status_code == 200
    data = answer.json()
    assert data["title"] == "Schools to close" and data["claims"] == 2
    assert 'class="ca-doc"' in data["html"] and "<script" not in data["html"]
    home = client.get("/")
    assert home.status_code == 200 and "<textarea" in home.text and "claimattrInit" in home.text


def post(url: str, body: dict) -> tuple:
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf8"), headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_concurrent_requests_to_the_running_server_each_get_their_own_claims(live_server, nlp):
    texts = [f"Officer {name} said that {n} people were hurt." for n, name in enumerate(["Lee", "Roe", "Kim", "Diaz", "Ng", "Ito", "Shah", "Bell"], 2)]
    expected = {f"t{i}": claims_record(Record(f"t{i}", text, "-"), nlp(text)) for i, text in enumerate(texts)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda i: post(f"{live_server}/extract", {"id": f"t{i}", "text": texts[i]}), range(len(texts))))
    for i, (status, data) in enumerate(answers):
        assert status == 200
        assert data == expected[f"t{i}"]
