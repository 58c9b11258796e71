"""The gateway process refuses oversize bodies over real HTTP: the 413 arrives even while the client still sends."""
import httpx
import pytest

pytestmark = pytest.mark.system

QUERY = b'{"query": "{ __typename }"}'


def test_an_oversize_body_is_413_over_real_http_declared_or_chunked(gateway_http: httpx.Client):
    declared = gateway_http.post("/graphql", content=QUERY + b" " * (5 * 1024 * 1024),
                                 headers={"Content-Type": "application/json"})
    assert declared.status_code == 413 and declared.json()["code"] == "request.too_large"

    def chunks():
        yield QUERY
        for _ in range(40):
            yield b" " * 65536  # 2.5 MiB, no Content-Length

    chunked = gateway_http.post("/graphql", content=chunks(), headers={"Content-Type": "application/json"})
    assert chunked.status_code == 413 and chunked.json()["code"] == "request.too_large"
    assert gateway_http.post("/graphql", json={"query": "{ __typename }"}).json() == {"data": {"__typename": "Query"}}
