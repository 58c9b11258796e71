"""The yearly scorecard: every figure equal to the records behind it, labour from the employment registry, the
weights from settings, the Excel export, and the county figures the reporting service reads."""
import io
from decimal import Decimal

from openpyxl import load_workbook

from tests.collaboration.data import CITY, FINANCE, OFFICE, RONGSHUI, RONGSHUI_OFFICE, agreement, pairing, task
from tests.collaboration.money import allocate_and_spend, entry, guangdong_batch, take_down
from tests.employment.data import add_employer, add_labourer, place


async def _year_of_work(collaboration, projects, funds, employment) -> dict:
    """2016 in 融水: money, one done and one overdue task, an enterprise, two exchanges, a township pair, labour."""
    signed = await agreement(collaboration, year=2016, committed="2000000")
    township = await collaboration.post("/pairings", headers=OFFICE, json=pairing(
        level="township", local="安陲乡", partner="遂溪县北坡镇", parent_id=signed["pairing_id"]))
    assert township.status_code == 201
    done = (await collaboration.post(f"/agreements/{signed['id']}/tasks", headers=OFFICE,
                                     json=task(deadline="2016-12-31", target="1"))).json()
    await collaboration.post(f"/key-tasks/{done['id']}/progress", headers=RONGSHUI_OFFICE, json={"value_reached": "1"})
    await collaboration.post(f"/agreements/{signed['id']}/tasks", headers=OFFICE, json=task(deadline="2016-06-30"))
    project_id = await entry(projects)
    link = await collaboration.post("/collaboration-projects", headers=RONGSHUI_OFFICE, json={
        "project_id": project_id, "pairing_id": signed["pairing_id"], "guangdong_share": "900000",
        "linkage": {"mechanism": "wages", "households_promised": 30}})
    batch = await guangdong_batch(funds, "1000000")
    await allocate_and_spend(funds, batch["id"], project_id, "500000", "120000.10")
    plan = {"collaboration_project_id": link.json()["id"], "year": 2016, "amount": "600000", "purpose": "基地"}
    assert (await collaboration.post("/plan-lines", headers=FINANCE | {"Idempotency-Key": "s"},
                                     json=plan)).status_code == 201  # also catches up the funds feed
    made = await collaboration.post("/enterprises", headers=RONGSHUI_OFFICE, json={
        "county_code": RONGSHUI, "year": 2016, "name": "湛江某农业公司", "origin": "湛江市", "industry": "农业",
        "investment": "5000000", "poor_people_driven": 300})
    assert made.status_code == 201, made.text
    for kind, starts, ends in (("cadre", "2016-03-01", "2016-12-31"), ("technician", "2015-12-01", "2016-01-31")):
        r = await collaboration.post("/talent-exchanges", headers=OFFICE, json={
            "county_code": RONGSHUI, "direction": "to_liuzhou", "kind": kind, "field": "health",
            "person_name": "张医生", "unit": "遂溪县人民医院", "starts_on": starts, "ends_on": ends})
        assert r.status_code == 201, r.text
    base = await add_employer(employment, "base", "东莞市某电子有限公司", province="广东")
    for _ in range(2):
        labourer = await add_labourer(employment)
        assert (await place(employment, labourer["id"], "base", "2016-04-01",
                            employer_id=base["id"])).status_code == 201
    return signed


async def test_the_scorecard_row_shows_every_figure_equal_to_the_records(linked, employment):
    collaboration, projects, funds, _ = linked
    await _year_of_work(collaboration, projects, funds, employment)
    rows = (await collaboration.get("/scorecard?year=2016", headers=CITY)).json()
    assert len(rows) == 10
    row = next(r for r in rows if r["county_code"] == RONGSHUI)
    assert {k: row[k] for k in ("committed", "arrived", "spent", "arrival_rate", "spend_rate")} == {
        "committed": "2000000.00", "arrived": "1000000.00", "spent": "120000.10", "arrival_rate": "0.5000",
        "spend_rate": "0.1200"}
    assert (row["cadres"], row["technicians"], row["person_days"]) == (1, 1, 306 + 31)
    assert (row["enterprises"], row["investment"], row["poor_people_driven"]) == (1, "5000000.00", 300)
    assert (row["labour_available"], row["labour_guangdong"], row["labour_in_county"]) == (True, 2, 0)
    assert (row["townships_paired"], row["tasks_total"], row["tasks_done"], row["tasks_overdue"]) == (1, 2, 1, 1)
    assert row["indicator_scores"] == {"funds_arrived": "10.00", "funds_spent": "2.40", "key_tasks": "10.00",
                                       "talent": "10.00", "industry": "15.00", "labour": "15.00"}
    assert Decimal(row["score"]) == Decimal("62.40") and row["records"]["overdue_tasks"].endswith("&overdue=true")
    overdue = (await collaboration.get(row["records"]["overdue_tasks"], headers=CITY)).json()["items"]
    assert len(overdue) == row["tasks_overdue"]
    other = next(r for r in rows if r["county_code"] == "450226")
    assert (other["score"], other["labour_guangdong"]) == ("0.00", 0)
    figures = (await collaboration.get("/figures?year=2016", headers=RONGSHUI_OFFICE)).json()
    assert figures == [{"county_code": RONGSHUI, "guangdong_committed": "2000000.00",
                        "guangdong_arrived": "1000000.00", "guangdong_spent": "120000.10", "key_tasks_total": 2,
                        "key_tasks_done": 1, "key_tasks_overdue": 1}]
    sheet = load_workbook(io.BytesIO((await collaboration.get("/scorecard/export.xlsx?year=2016",
                                                              headers=CITY)).content)).active
    header, *cells = list(sheet.values)
    assert header[:4] == ("县区代码", "县区", "年度", "协议承诺资金（元）") and header[-1] == "总分"
    assert len(cells) == 10 and next(c for c in cells if c[0] == RONGSHUI)[-1] == 62.4


async def test_the_scorecard_answers_without_labour_while_the_employment_service_is_down(linked):
    collaboration, _, _, app = linked
    await agreement(collaboration, year=2016)
    await take_down(app, "employment").aclose()
    rows = (await collaboration.get("/scorecard?year=2016", headers=RONGSHUI_OFFICE)).json()
    assert [(r["county_code"], r["labour_available"], r["labour_guangdong"]) for r in rows] == [
        (RONGSHUI, False, None)]
