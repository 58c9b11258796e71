"""Demo collaboration data for `make run`: the city pair, three county pairs (demo, not the real configuration),
a township pair, this year's agreements and key tasks — some done, some overdue. Loaded through the services, so
the audit trail and the event feed are full."""
import asyncio
import sys
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from starlette.datastructures import State

from contracts.collaboration import PairingLevel, TaskArea
from services.collaboration.agreements import service as agreements
from services.collaboration.agreements.schemas import AgreementCreate
from services.collaboration.config import Settings
from services.collaboration.pairings import service as pairings
from services.collaboration.pairings.models import Pairing
from services.collaboration.pairings.schemas import PairingCreate
from services.collaboration.tasks import service as tasks
from services.collaboration.tasks.schemas import KeyTaskCreate, ProgressCreate
from services.kit.auth import Principal, Role
from services.kit.clock import Clock
from services.kit.context import RequestContext
from services.kit.db import make_engine, make_sessionmaker
from services.kit.registry import RegistryAnswer

DEMO = Principal(sub="demo", role=Role.COLLABORATION_OFFICE)
# (county, Liuzhou side, Guangdong partner, yuan committed this year)
COUNTY_PAIRS = [("450225", "融水苗族自治县", "湛江市遂溪县（演示）", Decimal("32000000")),
                ("450226", "三江侗族自治县", "湛江市廉江市（演示）", Decimal("28000000")),
                ("450224", "融安县", "湛江市吴川市（演示）", Decimal("21000000"))]
# (area, description, indicator, unit, target, days from today to the deadline, value reached)
TASKS = [(TaskArea.LABOUR, "组织贫困劳动力赴广东稳定就业", "转移就业贫困劳动力", "人", "300", 120, "180"),
         (TaskArea.TALENT, "互派挂职干部和专业技术人才", "互派干部人才", "人", "20", -10, "12"),
         (TaskArea.INDUSTRY, "引进广东企业到县投资兴业", "引进企业", "家", "3", -30, "3"),
         (TaskArea.CONSUMPTION, "组织农产品进入广东市场", "消费扶贫销售额", "万元", "1500", 200, "400")]

# The demo's pairs are city, county and township pairs: none names a registry village.
NO_VILLAGE = RegistryAnswer()


async def load_demo(url: str) -> int:
    """Load the demo pairings once into an empty database; the number of pairings added (0 when not empty)."""
    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            if await session.scalar(select(func.count()).select_from(Pairing)):
                return 0
            ctx = RequestContext(session, DEMO, Clock(), Settings(database_url=url), State())
            today, year = ctx.clock.today(), ctx.clock.today().year
            await pairings.create(ctx, PairingCreate(level=PairingLevel.CITY, local_name="柳州市",
                                                     partner_name="湛江市（演示）", start_year=2017, demo=True),
                                  NO_VILLAGE)
            added = 1
            for county, local, partner, committed in COUNTY_PAIRS:
                pair = await pairings.create(ctx, PairingCreate(level=PairingLevel.COUNTY, county_code=county,
                                                                local_name=local, partner_name=partner,
                                                                start_year=2017, demo=True),
                                         NO_VILLAGE)
                added += 1
                signed = await agreements.create(ctx, AgreementCreate(
                    pairing_id=pair.id, year=year, title=f"{year} 年粤桂扶贫协作框架协议（{local}）",
                    signed_on=date(year, 3, 1), guangdong_committed=committed))
                for area, text, indicator, unit, target, days, reached in TASKS:
                    task = await tasks.create(ctx, signed.id, KeyTaskCreate(
                        area=area, description=text, unit_guangdong=f"{partner}扶贫办", unit_liuzhou=f"{local}扶贫办",
                        deadline=today + timedelta(days=days), indicator=indicator, unit=unit,
                        target_value=Decimal(target)))
                    await tasks.report(ctx, task.id, ProgressCreate(value_reached=Decimal(reached), note="演示进展"))
                if county == "450225":
                    await pairings.create(ctx, PairingCreate(level=PairingLevel.TOWNSHIP, county_code=county,
                                                             local_name="安陲乡", partner_name="遂溪县北坡镇（演示）",
                                                             parent_id=pair.id, start_year=2018, demo=True),
                                           NO_VILLAGE)
                    added += 1
            return added
    finally:
        await engine.dispose()


if __name__ == "__main__":
    count = asyncio.run(load_demo(sys.argv[1] if len(sys.argv) > 1 else Settings().database_url))
    print(f"collaboration: {count} demo pairings loaded" if count else "collaboration: not empty, demo skipped")
