"""Shapes of the clear-out lists (the candidate itself is a contract, contracts/projects.py)."""
from pydantic import BaseModel


class CountyCount(BaseModel):
    """Candidates per county."""

    county_code: str
    candidates: int
