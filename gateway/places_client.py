"""The projects service routes of the collective economy and road coverage the gateway calls, each with its model."""
from contracts.collective import (
    CollectiveGap,
    CollectiveIncomeRead,
    CollectiveProject,
    CollectiveSummary,
    ShareConversionRead,
)
from contracts.page import Page
from contracts.roads import NaturalVillageRoad, RoadCoverage, RoadGap
from gateway.upstream import Endpoint

INCOMES = Endpoint("GET", "/collective/incomes", Page[CollectiveIncomeRead])
RECORD_INCOME = Endpoint("POST", "/collective/incomes", CollectiveIncomeRead)
CORRECT_INCOME = Endpoint("PUT", "/collective/incomes/{income_id}", CollectiveIncomeRead)
COLLECTIVE_GAPS = Endpoint("GET", "/collective/gaps", Page[CollectiveGap])
COLLECTIVE_SUMMARY = Endpoint("GET", "/collective/summary", list[CollectiveSummary])
COLLECTIVE_PROJECTS = Endpoint("GET", "/collective/projects", Page[CollectiveProject])
SHARES = Endpoint("GET", "/collective/shares", Page[ShareConversionRead])
ROAD_COVERAGE = Endpoint("GET", "/roads/coverage", list[RoadCoverage])
ROAD_GAPS = Endpoint("GET", "/roads/gaps", Page[RoadGap])
MARK_ROAD = Endpoint("PUT", "/roads/natural-villages/{natural_village_id}", NaturalVillageRoad)
