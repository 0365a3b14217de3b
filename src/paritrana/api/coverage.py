"""Coverage statistics per province and regency/city, from the analytics store."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from paritrana.api import schemas
from paritrana.api.params import SLUG, ProvinceCode
from paritrana.regions.models import Province
from paritrana.web.public import coverage

router = Router(tags=["coverage"])
ERRORS = {404: schemas.Error, 422: schemas.Error}
CycleQuery = Annotated[
    str | None, Query(pattern=SLUG, description="Data cycle; the latest when omitted")
]


def _cycle(cycle: str | None) -> str:
    known = coverage.cycles()
    chosen = cycle or (known[-1] if known else None)
    if chosen is None or chosen not in known:
        raise Http404("No coverage indicators for this cycle.")
    return chosen


@router.get("/coverage/cycles", response=list[str], summary="Data cycles with coverage figures")
def cycles(request: Any) -> list[str]:  # noqa: ARG001 - ninja passes the request by this name
    return coverage.cycles()


@router.get(
    "/coverage/provinces",
    response={200: schemas.CoverageListOut, **ERRORS},
    summary="Coverage of every province, with the national total",
)
def provinces(request: Any, cycle: CycleQuery = None) -> dict[str, Any]:  # noqa: ARG001 - ninja passes the request by this name
    chosen = _cycle(cycle)
    rows = coverage.provinces(chosen)
    return {
        "cycle": chosen,
        "total": asdict(coverage.total(rows, code="", name="Indonesia")),
        "items": [asdict(r) for r in rows],
    }


@router.get(
    "/coverage/provinces/{code}/regencies",
    response={200: schemas.CoverageListOut, **ERRORS},
    summary="Coverage of a province's regencies and cities, with the province's own figures",
)
def regencies(request: Any, code: ProvinceCode, cycle: CycleQuery = None) -> dict[str, Any]:  # noqa: ARG001 - ninja passes the request by this name
    province = get_object_or_404(Province, code=code)
    chosen = _cycle(cycle)
    own = next((r for r in coverage.provinces(chosen) if r.code == code), None)
    own = own or coverage.Coverage(code=province.code, name=province.name)
    return {
        "cycle": chosen,
        "total": asdict(own),
        "items": [asdict(r) for r in coverage.regencies(chosen, province)],
    }
