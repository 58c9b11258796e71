"""Tokens and bodies the collaboration tests share."""
from services.kit.auth import Role
from services.kit.testing import bearer

RONGSHUI, SANJIANG = "450225", "450226"
OFFICE = bearer(Role.COLLABORATION_OFFICE)
CITY = bearer(Role.CITY_OFFICE)
RONGSHUI_OFFICE = bearer(Role.COUNTY_OFFICE, RONGSHUI)
SANJIANG_OFFICE = bearer(Role.COUNTY_OFFICE, SANJIANG)
FINANCE = bearer(Role.FINANCE)
HR = bearer(Role.HR)


def pairing(county: str | None = RONGSHUI, level: str = "county", local: str = "融水苗族自治县",
            partner: str = "湛江市遂溪县", **extra: object) -> dict[str, object]:
    """A pairing body."""
    return {"level": level, "county_code": county, "local_name": local, "partner_name": partner,
            "start_year": 2017, **extra}


def village_pairing(village_id: int, county: str = RONGSHUI, partner: str = "遂溪县某某农业公司",
                    **extra: object) -> dict[str, object]:
    """A village-enterprise pairing body (村企结对): its Liuzhou side a registry village (村屯名录)."""
    return {"level": "village_enterprise", "county_code": county, "village_id": village_id, "partner_name": partner,
            "start_year": 2018, **extra}


def task(deadline: str = "2019-12-31", target: str = "300", area: str = "labour") -> dict[str, object]:
    """A key task body."""
    return {"area": area, "description": "帮助融水县贫困劳动力到广东就业", "unit_guangdong": "遂溪县人社局",
            "unit_liuzhou": "融水县人社局", "deadline": deadline, "indicator": "转移就业贫困劳动力", "unit": "人",
            "target_value": target}


async def agreement(client, county: str | None = RONGSHUI, year: int = 2019, committed: str = "30000000",
                    **pairing_extra: object) -> dict[str, object]:
    """A pairing and its agreement for the year, set up by the collaboration office; the agreement."""
    made = await client.post("/pairings", headers=OFFICE, json=pairing(county, **pairing_extra))
    assert made.status_code == 201, made.text
    body = {"pairing_id": made.json()["id"], "year": year, "title": f"{year} 年粤桂扶贫协作框架协议",
            "signed_on": f"{year}-03-01", "guangdong_committed": committed}
    signed = await client.post("/agreements", headers=OFFICE, json=body)
    assert signed.status_code == 201, signed.text
    return signed.json()
