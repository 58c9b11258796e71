"""Payloads of the reporting service's feed (月度通报事件)."""
from pydantic import Field

from contracts.enums import FeedName
from contracts.events.base import EventPayload, event
from contracts.fields import Note

FEED = FeedName.REPORTING


@event(FEED, "bulletin.issued", 1, "bulletin_edition", "bulletin_id")
class BulletinIssued(EventPayload):
    """The city office issued an edition of a month's bulletin (印发月度通报); a later edition is a correction."""

    bulletin_id: int = Field(description="通报版次记录的 id")
    bulletin_month: str = Field(description="通报月份 YYYY-MM")
    edition: int = Field(description="版次（1 起；2 起为更正）")
    issued_by: str = Field(description="印发人")
    reason: Note = Field(description="更正理由；首版为空")
    bottom: str = Field(description="本期末位县区代码，逗号分隔")
