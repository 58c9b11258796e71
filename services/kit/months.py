"""Calendar months (月份) as officials name them, `YYYY-MM`, inside the configured date window."""
import calendar
from dataclasses import dataclass
from datetime import date

from services.kit.errors import DomainError, FieldError, unprocessable
from services.kit.values import WINDOW


@dataclass(frozen=True, order=True)
class Month:
    """One calendar month."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str, field: str = "month") -> "Month":
        """`YYYY-MM` inside the date window; 422 request.invalid naming the field otherwise."""
        try:
            year, month = (int(part) for part in text.split("-"))
            if len(text) != 7 or not 1 <= month <= 12:
                raise ValueError
        except ValueError:
            raise _invalid(field, "月份须为 YYYY-MM，例如 2026-03") from None
        message = WINDOW.year_message(year)
        if message:
            raise _invalid(field, message)
        return cls(year, month)

    @classmethod
    def of(cls, day: date) -> "Month":
        """The month a day falls in."""
        return cls(day.year, day.month)

    @property
    def first(self) -> date:
        """Its first day."""
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        """Its last day."""
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def as_of(self, today: date) -> date:
        """The day its stock figures are taken on: its last day, or today while it runs."""
        return min(self.last, today)

    def shifted(self, months: int) -> "Month":
        """The month `months` later (negative: earlier)."""
        year, month0 = divmod(self.year * 12 + self.month - 1 + months, 12)
        return Month(year, month0 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _invalid(field: str, message: str) -> DomainError:
    return unprocessable("request.invalid", message, [FieldError(field, message)])
