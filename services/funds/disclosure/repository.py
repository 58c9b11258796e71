"""All SQL of announcements (公告公示) and evaluations (绩效评价): county-scoped, newest first."""
from services.funds.disclosure.models import Announcement, Evaluation
from services.kit.repository import Repository


class AnnouncementRepository(Repository[Announcement]):
    """Announcements of the caller's county; city-wide callers read all."""

    model = Announcement


class EvaluationRepository(Repository[Evaluation]):
    """Evaluations of the caller's county; city-wide callers read all."""

    model = Evaluation
