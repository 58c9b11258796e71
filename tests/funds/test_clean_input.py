"""Clean text and strict values at the funds service's edge: refused with 422 naming the field, nothing stored."""
import pytest

from tests.funds.helpers import FINANCE, batch_body, move, new_batch
from tests.kit.edge import body_refusals, refusals
from tests.projects.test_clean_input import fields


async def no_batches(funds) -> bool:
    return (await funds.get("/batches", headers=FINANCE)).json()["items"] == []


@pytest.mark.parametrize("doc", ["桂财农\x00〔2016〕12号", "\x01", "12号\n"])
async def test_a_control_character_in_a_body_field_is_refused(funds, doc: str):
    r = await move(funds, "/batches", batch_body(doc=doc))
    assert fields(r) == ["doc_number"]
    assert await no_batches(funds)


async def test_a_control_character_in_a_nested_list_item_is_refused(funds):
    batch = await new_batch(funds)
    body = {"batch_id": batch["id"], "indicators": [{"indicator": "资金到位率", "unit": "%", "target": 100,
                                                      "actual": 100},
                                                     {"indicator": "带贫\x0b人数", "unit": "人", "target": 5,
                                                      "actual": 5}],
            "score": "95", "conclusion": "良好", "evaluator": "县财政局", "evaluated_on": "2016-12-01"}
    assert fields(await funds.post("/evaluations", json=body, headers=FINANCE)) == ["indicators.1.indicator"]
    assert (await funds.get("/evaluations", headers=FINANCE)).json()["items"] == []


async def test_free_text_keeps_tab_and_newline(funds):
    purpose = "一、产业发展\n二、基础设施\t（含屯级道路）"
    r = await move(funds, "/batches", batch_body() | {"purpose": purpose})
    assert r.status_code == 201, r.text
    batch = (await funds.get(f"/batches/{r.json()['id']}", headers=FINANCE)).json()
    assert batch["purpose"] == purpose
    assert fields(await move(funds, "/batches", batch_body() | {"purpose": "用途\x00"})) == ["purpose"]


async def test_a_control_character_in_a_query_or_path_parameter_is_refused(funds):
    assert fields(await funds.get("/batches?county=4502%0025", headers=FINANCE)) == ["county"]
    assert fields(await funds.get("/idle-funds?county=%1B", headers=FINANCE)) == ["county"]
    assert fields(await funds.get("/batches/1%00", headers=FINANCE)) == ["batch_id"]
    r = await funds.put("/idle-funds/batch%00/1/class", json={"idle_class": "recover", "reason": "x"},
                        headers=FINANCE)
    assert fields(r) == ["kind"]


@pytest.mark.parametrize("amount", ["１００", " 1.00", "1E+2", "-100", "100.001", False])
async def test_loose_money_forms_are_refused(funds, amount):
    assert fields(await move(funds, "/batches", batch_body() | {"amount": amount})) == ["amount"]
    assert await no_batches(funds)


@pytest.mark.parametrize("amount, shown", [("100", "100.00"), ("100.5", "100.50"), ("100.50", "100.50"),
                                           (100, "100.00")])
async def test_plain_money_forms_are_accepted(funds, amount, shown: str):
    r = await move(funds, "/batches", batch_body() | {"amount": amount})
    assert r.status_code == 201, r.text
    assert (await funds.get(f"/batches/{r.json()['id']}", headers=FINANCE)).json()["amount"] == shown


async def test_out_of_window_dates_and_years_are_refused(funds):
    r = await move(funds, "/batches", batch_body() | {"received_on": "1137-01-01", "year": 2036})
    assert set(fields(r)) == {"received_on", "year"}
    assert await no_batches(funds)
    assert fields(await funds.get("/batches?year=1137", headers=FINANCE)) == ["year"]
    r = await funds.get("/rectification-cases/weekly-notice?week_end=9999-12-31", headers=FINANCE)
    assert fields(r) == ["week_end"]


async def test_every_string_query_parameter_and_every_path_parameter_refuses_a_control_character(funds):
    assert await refusals(funds) == []


async def test_every_string_field_of_every_json_body_refuses_a_control_character(funds):
    assert await body_refusals(funds) == []
