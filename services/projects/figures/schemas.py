"""What the bulletin figures are grouped by (the figures as read are a contract, contracts/projects.py)."""
from enum import StrEnum


class Dimension(StrEnum):
    """What the figures are grouped by."""

    COUNTY = "county"
    STATUS = "status"
    CATEGORY = "category"
    PLAN_YEAR = "plan_year"
