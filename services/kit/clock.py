"""The service clock: UTC instants for records, Asia/Shanghai dates for what officials see.

Production reads the system clock. A process started with a clock-offset file (system tests only) adds the
number of seconds written in that file, so a test can move a running service past a 7-day notice window.
"""
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Request

from services.kit.db import utcnow

SHANGHAI = ZoneInfo("Asia/Shanghai")


class Clock:
    """Now and today, optionally shifted by a test offset."""

    def __init__(self, offset_file: Path | None = None) -> None:
        self.offset_file = offset_file
        self.shift = timedelta(0)

    def now(self) -> datetime:
        """The current instant, timezone-aware UTC."""
        return utcnow() + self.shift + self._file_offset()

    def today(self) -> date:
        """Today's date in Liuzhou (Asia/Shanghai)."""
        return self.now().astimezone(SHANGHAI).date()

    def _file_offset(self) -> timedelta:
        if self.offset_file is None or not self.offset_file.exists():
            return timedelta(0)
        text = self.offset_file.read_text().strip()
        return timedelta(seconds=float(text)) if text else timedelta(0)


async def request_clock(request: Request) -> Clock:
    """The app's clock."""
    clock: Clock = request.app.state.clock
    return clock


AppClock = Annotated[Clock, Depends(request_clock)]
