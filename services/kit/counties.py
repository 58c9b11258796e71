"""Liuzhou's ten county-level divisions (GB/T 2260): reference data every service validates against."""

COUNTIES: dict[str, str] = {
    "450202": "城中区",
    "450203": "鱼峰区",
    "450204": "柳南区",
    "450205": "柳北区",
    "450206": "柳江区",
    "450222": "柳城县",
    "450223": "鹿寨县",
    "450224": "融安县",
    "450225": "融水苗族自治县",
    "450226": "三江侗族自治县",
}

# 国家级贫困县: 融安, 融水, 三江
NATIONAL_POOR_COUNTIES = frozenset({"450224", "450225", "450226"})


def is_liuzhou_county(code: str | None) -> bool:
    """True when code is one of Liuzhou's ten county-level divisions."""
    return code in COUNTIES
