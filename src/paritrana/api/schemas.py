"""Response schemas of the API (also the OpenAPI document's components)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema


class Error(Schema):
    detail: Any


class CategoryRef(Schema):
    code: str
    name: str
    by_zone: bool


class RoundOut(Schema):
    key: str
    level: str
    province_code: str | None
    province_name: str | None
    locked_at: datetime | None
    categories: list[CategoryRef]


class CycleOut(Schema):
    slug: str
    name: str
    assessment_start: date
    assessment_end: date
    ceremony_year: int
    rounds: list[RoundOut]


class ResultRow(Schema):
    result_id: int
    rank: int | None
    name: str
    code: str
    province: str
    score: float | None
    rank_low: int | None
    rank_high: int | None
    p_keep_rank: float | None
    p_top3: float | None
    place: int | None
    special_awards: list[str]
    scorecard_url: str


class GroupOut(Schema):
    code: str
    name: str
    results: list[ResultRow]


class ResultsOut(Schema):
    cycle: str
    round: str
    category: CategoryRef
    run_id: int
    input_digest: str
    package_sha256: str | None
    groups: list[GroupOut]


class NodeScore(Schema):
    code: str
    name: str
    parent: str
    level: int | None
    is_leaf: bool
    source: str
    ref: str
    raw: float | None
    score: float | None
    weight: float | None
    contribution: float | None
    rank: int | None
    ranked: int | None


class ScorecardOut(Schema):
    result_id: int
    cycle: str
    round: str
    category: CategoryRef
    name: str
    code: str
    province: str
    group: str
    score: float | None
    rank: int | None
    rank_low: int | None
    rank_high: int | None
    median_rank: float | None
    p_keep_rank: float | None
    p_top3: float | None
    nodes: list[NodeScore]


class CoverageOut(Schema):
    code: str
    name: str
    active: float | None
    working_population: float | None
    coverage: float | None
    pu: float | None
    formal: float | None
    pu_coverage: float | None
    bpu: float | None
    informal: float | None
    bpu_coverage: float | None
    jakon: float | None
    apbd_vulnerable: float | None


class CoverageListOut(Schema):
    cycle: str
    total: CoverageOut
    items: list[CoverageOut]


class CandidateCounts(Schema):
    proposed: int
    confirmed: int
    removed: int


class SubmissionCounts(Schema):
    draft: int
    submitted: int


class RoundStatusOut(Schema):
    id: int
    key: str
    level: str
    province_code: str | None
    stage_code: str
    stage_name: str
    locked: bool
    published: bool
    candidates: CandidateCounts
    submissions: SubmissionCounts


class CycleStatusOut(Schema):
    slug: str
    name: str
    rounds: list[RoundStatusOut]
