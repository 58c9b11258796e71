"""Request shapes of collaboration projects and the read model built from a row and its figures."""
from decimal import Decimal

from pydantic import Field

from contracts.collaboration import CollaborationProjectRead, Linkage, LinkageMechanism
from services.collaboration.feeds.models import LibraryEntry
from services.collaboration.projects.models import CollaborationProject
from services.collaboration.terms import MECHANISM_LABELS
from services.kit.inputs import StrictInput
from services.kit.values import Yuan


class LinkageIn(StrictInput):
    """The poverty-reduction linkage a collaboration project must show (带贫减贫机制)."""

    mechanism: LinkageMechanism
    households_promised: int = Field(ge=1, le=1_000_000, description="承诺带动贫困户数")
    households_delivered: int = Field(0, ge=0, le=1_000_000, description="已带动贫困户数")


class CollaborationProjectCreate(StrictInput):
    """Register a library entry as a collaboration project of a pairing; without a linkage it is refused."""

    project_id: int = Field(ge=1, le=2**63 - 1, description="项目库中项目的 id")
    pairing_id: int = Field(ge=1, le=2**63 - 1)
    guangdong_share: Yuan = Field(description="计划使用的广东帮扶资金（元）")
    linkage: LinkageIn | None = Field(None, description="带贫减贫机制；缺少时拒绝登记为协作项目")


class CollaborationProjectUpdate(StrictInput):
    """Changes to a collaboration project; fields left out stay as they are."""

    guangdong_share: Yuan | None = None
    households_promised: int | None = Field(None, ge=1, le=1_000_000)
    households_delivered: int | None = Field(None, ge=0, le=1_000_000)


def project_read(row: CollaborationProject, entry: LibraryEntry | None, figures: tuple[Decimal, Decimal, Decimal]
                 ) -> CollaborationProjectRead:
    """The read model of a link row with its library entry (None while the feed has not brought it) and its
    (planned, allocated, spent)."""
    mechanism = LinkageMechanism(row.mechanism)
    planned, allocated, spent = figures
    return CollaborationProjectRead(
        id=row.id, project_id=row.project_id, name=entry.name if entry else "", county_code=row.county_code,
        status=entry.status if entry else "unknown", library_code=entry.library_code if entry else None,
        pairing_id=row.pairing_id, guangdong_share=row.guangdong_share,
        linkage=Linkage(mechanism=mechanism, mechanism_label=MECHANISM_LABELS[mechanism],
                        households_promised=row.households_promised, households_delivered=row.households_delivered),
        planned=planned, allocated=allocated, spent=spent, version=row.version)
