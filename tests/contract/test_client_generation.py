"""A standard client generator (openapi-python-client) takes every committed contract whole: not one warning, a
typed answer for every JSON operation and a file for every Excel download."""
import importlib
import json
import typing

import httpx
import pytest

from devtools.clients import package_name
from devtools.stack import ROOT, SERVICES
from services.kit.xlsx import XLSX
from tests.clients import Generated

CONTRACTS = {service: json.loads((ROOT / "openapi" / f"{service}.json").read_text()) for service in SERVICES}


def _operations(service: str, answer: str):
    """(tag module, operation id) of every operation whose success answer has the content type `answer`."""
    for item in CONTRACTS[service]["paths"].values():
        for operation in item.values():
            success = [r for status, r in operation["responses"].items() if status.startswith("2")]
            if any(answer in r.get("content", {}) for r in success):
                tag = operation["tags"][0].replace(",", "").replace("-", "_").replace(" ", "_")
                yield tag, operation["operationId"]


def _module(service: str, tag: str, operation_id: str):
    return importlib.import_module(f"{package_name(service)}.api.{tag}.{operation_id}")


@pytest.mark.parametrize("service", SERVICES)
def test_the_generator_says_nothing(generated_clients: Generated, service: str):
    assert generated_clients.warnings[service] == []
    assert (generated_clients.folder / package_name(service) / "client.py").exists()


@pytest.mark.parametrize("service", SERVICES)
def test_every_json_answer_is_a_typed_model(generated_clients: Generated, service: str):
    """GET /projects, POST /projects, every lifecycle action: each answers a generated model, not None."""
    checked = 0
    for tag, operation_id in _operations(service, "application/json"):
        answer = typing.get_type_hints(_module(service, tag, operation_id).sync)["return"]
        typed = [t for t in typing.get_args(answer) if t is not type(None) and t.__name__ != "Problem"]
        assert typed, f"{service} {operation_id} has no typed answer: {answer}"
        checked += 1
    assert checked > (5 if service == "reporting" else 10)  # the reporting service has nine JSON operations


@pytest.mark.parametrize("service", SERVICES)
def test_excel_downloads_are_files(generated_clients: Generated, service: str):
    downloads = list(_operations(service, XLSX))
    assert downloads, f"{service} has no Excel download"
    for tag, operation_id in downloads:
        parse = _module(service, tag, operation_id)._parse_response
        client = _module(service, tag, operation_id).Client(base_url="http://127.0.0.1")
        answer = parse(client=client, response=httpx.Response(200, content=b"PK\x03\x04ledger"))
        assert type(answer).__name__ == "File" and answer.payload.read() == b"PK\x03\x04ledger", operation_id


def test_every_contract_declares_its_tags_in_english_with_the_chinese_term():
    for service, contract in CONTRACTS.items():
        declared = {t["name"]: t["description"] for t in contract["tags"]}
        used = {t for item in contract["paths"].values() for op in item.values() for t in op["tags"]}
        assert used == set(declared), service
        assert all(name.isascii() for name in declared), service
        assert all(any("\u4e00" <= c <= "\u9fff" for c in text) for text in declared.values()), service


def test_no_model_has_twin_schemas():
    for service, contract in CONTRACTS.items():
        names = list(contract["components"]["schemas"])
        assert not [n for n in names if n.endswith(("-Input", "-Output"))], service
        titles = [s.get("title", n) for n, s in contract["components"]["schemas"].items()]
        assert len(titles) == len(set(titles)), service

