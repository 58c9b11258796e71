"""Where an entry is (项目所在地): its registry village, the poor villages and natural villages it serves, found by
id (entries from the API) or by name (ledger rows), and the poor-village rule as of a year."""
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.errors import FieldError, unprocessable
from services.projects.places.models import AdministrativeVillage, NaturalVillage, Township
from services.projects.places.repository import NaturalVillageRepository, TownshipRepository, VillageRepository


def poor_in(village: AdministrativeVillage, year: int) -> bool:
    """Whether the village is a poor village (贫困村) in `year`: poor and not exited before that year."""
    return village.poor_village and (village.exited_year is None or year <= village.exited_year)


@dataclass(frozen=True)
class EntryPlaces:
    """An entry's places, all in its county: the village it is in, the poor villages and natural villages it serves."""

    township: str
    village: AdministrativeVillage
    poor_villages: list[AdministrativeVillage]
    natural_villages: list[NaturalVillage]

    def poor_as_of(self, year: int) -> list[AdministrativeVillage]:
        """The served villages that are poor villages in `year`."""
        return [v for v in self.poor_villages if poor_in(v, year)]


async def places_by_ids(session: AsyncSession, county: str, village_id: int, poor_ids: list[int],
                        natural_ids: list[int]) -> EntryPlaces:
    """The registry rows the ids name; 422 `project.unknown_place` naming every id not in the county's registry."""
    villages = await VillageRepository(session).by_ids([village_id, *poor_ids])
    naturals = await NaturalVillageRepository(session).by_ids(natural_ids)
    mine = {i: v for i, v in villages.items() if v.county_code == county}
    problems = []
    if village_id not in mine:
        problems.append(FieldError("village_id", f"村屯名录中本县区没有 id 为 {village_id} 的行政村"))
    problems += [FieldError("poor_village_ids", f"村屯名录中本县区没有 id 为 {i} 的行政村")
                 for i in poor_ids if i not in mine]
    problems += [FieldError("natural_village_ids", f"村屯名录中本县区没有 id 为 {i} 的自然屯")
                 for i in natural_ids if i not in naturals or naturals[i].county_code != county]
    if problems:
        raise unprocessable("project.unknown_place", "项目所在村或服务的村、屯须是本县区村屯名录中的村屯："
                            + "；".join(p.message for p in problems), problems)
    village = mine[village_id]
    names = await TownshipRepository(session).names([village.township_id])
    return EntryPlaces(names[village.township_id], village, [mine[i] for i in dict.fromkeys(poor_ids)],
                       [naturals[i] for i in dict.fromkeys(natural_ids)])


@dataclass(frozen=True)
class Unmatched:
    """A place name a ledger row gives that the registry does not have."""

    column: str
    name: str
    message: str


class PlaceNames:
    """The registry of some counties by name, for matching ledger rows (exact names after trimming)."""

    def __init__(self, townships: Iterable[Township], villages: Iterable[AdministrativeVillage]) -> None:
        self.townships = {(t.county_code, t.name): t for t in townships}
        self.villages: dict[tuple[int, str], AdministrativeVillage] = {}
        self.in_county: dict[tuple[str, str], list[AdministrativeVillage]] = defaultdict(list)
        for v in villages:
            self.villages[(v.township_id, v.name)] = v
            self.in_county[(v.county_code, v.name)].append(v)

    @classmethod
    async def of(cls, session: AsyncSession, counties: Iterable[str]) -> "PlaceNames":
        """Every township and village of these counties, in two queries."""
        wanted = set(counties)
        return cls(await TownshipRepository(session).of_counties(wanted),
                   await VillageRepository(session).of_counties(wanted))

    def match(self, county: str, township: str, village: str, poor_names: list[str]
              ) -> tuple[EntryPlaces | None, list[Unmatched]]:
        """The places a row names, or every name the county's registry does not have (nothing is guessed)."""
        missing = []
        found = self.townships.get((county, township.strip()))
        here = self.villages.get((found.id, village.strip())) if found else None
        if found is None:
            missing.append(Unmatched("乡镇", township, f"村屯名录中本县区没有乡镇“{township}”"))
        elif here is None:
            missing.append(Unmatched("行政村", village, f"村屯名录中{found.name}没有行政村“{village}”"))
        poor = []
        for name in poor_names:
            candidates = self.in_county.get((county, name.strip()), [])
            if here is not None and here.name == name.strip():
                candidates = [here]
            if len(candidates) == 1:
                poor.append(candidates[0])
            else:
                why = "本县区有多个同名行政村，无法确定" if candidates else "村屯名录中本县区没有该行政村"
                missing.append(Unmatched("服务贫困村", name, f"“{name}”：{why}"))
        if missing or found is None or here is None:
            return None, missing
        return EntryPlaces(found.name, here, poor, []), []
