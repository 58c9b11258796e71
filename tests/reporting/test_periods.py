"""The monthly bulletin reads closed months (读取已关账月份): per county and source, and open months are provisional."""
import io

from openpyxl import load_workbook

from tests.kit.periods import CITY_OFFICE, close
from tests.reporting.conftest import Stack
from tests.reporting.data import RONGSHUI, SANJIANG, seed
from tests.reporting.test_bulletins import CITY, MONTH, county

FLAGS = ("progress_closed", "spending_closed", "placements_closed", "provisional")


async def test_the_bulletin_marks_each_source_closed_or_open_per_county(stack: Stack):
    await seed(stack)
    for service in (stack.projects, stack.funds):
        await close(service, MONTH)
    draft = (await stack.reporting.get(f"/bulletins/{MONTH}/preview", headers=CITY)).json()
    assert [county(draft, RONGSHUI)[f] for f in FLAGS] == [True, True, False, True]
    assert [county(draft, SANJIANG)[f] for f in FLAGS] == [False, False, False, True]

    await close(stack.employment, MONTH)
    await close(stack.employment, MONTH, county=SANJIANG, headers=CITY_OFFICE)
    issued = (await stack.reporting.post(f"/bulletins/{MONTH}/issue", json={}, headers=CITY)).json()
    assert [county(issued, RONGSHUI)[f] for f in FLAGS] == [True, True, True, False]
    assert [county(issued, SANJIANG)[f] for f in FLAGS] == [False, False, True, True]
    frozen = (await stack.reporting.get(f"/bulletins/{MONTH}", headers=CITY)).json()
    assert county(frozen, RONGSHUI)["provisional"] is False
    sheet = load_workbook(io.BytesIO((await stack.reporting.get(f"/bulletins/{MONTH}/export.xlsx",
                                                                  headers=CITY)).content)).worksheets[0]
    header = [c.value for c in sheet[1]]
    states = {row[0].value: row[header.index("数据状态")].value for row in sheet.iter_rows(min_row=2)}
    assert states["融水苗族自治县"] == "已关账" and states["三江侗族自治县"] == "暂定（未关账：进度、报账）"
