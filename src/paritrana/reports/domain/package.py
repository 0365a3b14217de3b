"""Verifiable result packages: a locked round's inputs, method and results in one zip.

Per category the package holds what the final run scored — the unit table (computed
indicators, verified answers, aggregated jury scores per candidate, with each leaf's
source), the criteria tree and the pipeline, the run's inputs' digest — and the published
results (every node's score, ranks, robustness, places). ``verify`` recomputes all of it
with the scoring engine from the package alone.

The zip is deterministic (sorted entries, fixed timestamps and permissions, canonical
JSON, no export date), so the same locked round always gives the same bytes and the
SHA-256 printed on the published page identifies them.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from typing import Any

from django.db import IntegrityError, transaction

from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.domain.publication import round_is_published
from paritrana.awards.models import Award, AwardCycle, Round, RoundLevel, ScoringRun
from paritrana.reports.models import ResultPackage

PACKAGE_FORMAT = "paritrana-result-package/1"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold: no export time leaks in
README = """Paritrana Award - verifiable result package
===========================================

manifest.json                 the round, the categories and the SHA-256 of every other file
categories/<CODE>/run.json    the final scoring run: its id, the digest of its inputs,
                              the jury aggregation and the sensitivity parameters
categories/<CODE>/tree.json   the criteria tree (aspects, indicators, weights, directions)
categories/<CODE>/pipeline.json  the scoring pipeline (normalisation, aggregation, ranks...)
categories/<CODE>/inputs.json the unit table scored: one row per candidate, one column per
                              leaf; "sources" says where each leaf comes from (COMPUTED
                              indicator, verified QUESTIONNAIRE answer, aggregated JURY score)
categories/<CODE>/results.json the published results: every node's score, rank, rank
                              interval, probabilities and places

Check it:   paritrana results verify package.zip
It recomputes every score, rank and robustness figure with the scoring engine from this
package alone and prints what differs (unit, node, published vs recomputed).
"""


def round_identifier(rnd: Round) -> str:
    """``<cycle-slug>:national`` or ``<cycle-slug>:<province code>``."""
    return f"{rnd.cycle.slug}:{'national' if rnd.level == RoundLevel.NATIONAL else rnd.province_id}"


def round_from_identifier(text: str) -> Round:
    """The round named ``<cycle-slug>:national`` or ``<cycle-slug>:<province code>``."""
    slug, _sep, where = text.partition(":")
    cycle = AwardCycle.objects.filter(slug=slug).first()
    if cycle is None or not where:
        raise RefusedError(
            f"No round {text!r}: use <cycle-slug>:national or <cycle-slug>:<province code>."
        )
    rounds = Round.objects.select_related("cycle", "stage", "province")
    found = (
        rounds.filter(cycle=cycle, level=RoundLevel.NATIONAL).first()
        if where.lower() in ("national", "nasional")
        else rounds.filter(cycle=cycle, province_id=where).first()
    )
    if found is None:
        raise RefusedError(f"Cycle {slug!r} has no round {where!r}.")
    return found


def package_build(*, round: Round) -> bytes:  # noqa: A002 - 'round' is the domain's word
    """The package of a locked round as zip bytes (refused for an unlocked round)."""
    if round.locked_at is None:
        raise RefusedError(f"{round} is not locked: no results are frozen to export.")
    runs = list(
        ScoringRun.objects.filter(round=round, is_final=True)
        .select_related("category")
        .order_by("category__order", "category__code")
    )
    files: dict[str, Any] = {}
    for run in runs:
        files.update(_category_files(run))
    manifest = {
        "format": PACKAGE_FORMAT,
        "round": _round_info(round),
        "categories": [run.category.code for run in runs],
        "files": {name: _sha256(_encode(content)) for name, content in sorted(files.items())},
    }
    files["manifest.json"] = manifest
    files["README.txt"] = README
    return _zip(files)


def _round_info(rnd: Round) -> dict[str, Any]:
    cycle = rnd.cycle
    return {
        "id": round_identifier(rnd),
        "name": str(rnd),
        "level": rnd.level,
        "province": rnd.province_id,
        "cycle": {
            "slug": cycle.slug,
            "name": cycle.name,
            "assessment_start": cycle.assessment_start.isoformat(),
            "assessment_end": cycle.assessment_end.isoformat(),
            "ceremony_year": cycle.ceremony_year,
        },
        "locked_at": rnd.locked_at.isoformat() if rnd.locked_at else None,
    }


def _category_files(run: ScoringRun) -> dict[str, Any]:
    record, category = run.record, run.category
    folder = f"categories/{category.code}"
    results = list(
        run.results.select_related("candidate__entity").order_by("group", "rank", "candidate_id")
    )
    places = {
        a.candidate_id: a.place
        for a in Award.objects.filter(run=run, place__isnull=False).only("candidate_id", "place")
    }
    sources = {
        leaf.code: {"source": leaf.source, "ref": leaf.ref}
        for leaf in category.criteria.exclude(source="GROUP").order_by("code")
    }
    return {
        f"{folder}/run.json": {
            "run": run.pk,
            "category": {"code": category.code, "name": category.name},
            "input_digest": run.input_digest,
            "engine_format": record.get("engine_format"),
            "paritrana_version": record.get("paritrana_version"),
            "jury": record.get("jury"),
            "sensitivity": record.get("sensitivity"),
        },
        f"{folder}/tree.json": record["tree"],
        f"{folder}/pipeline.json": record["pipeline"],
        f"{folder}/inputs.json": {
            "data": record["data"],
            "groups": record.get("groups", {}),
            "sources": sources,
            "units": {
                str(r.candidate_id): {
                    "entity": r.candidate.entity.code,
                    "name": r.candidate.entity.name,
                }
                for r in results
            },
        },
        f"{folder}/results.json": [
            {
                "unit": str(r.candidate_id),
                "entity": r.candidate.entity.code,
                "name": r.candidate.entity.name,
                "group": r.group,
                "score": r.score,
                "rank": r.rank,
                "rank_p05": r.rank_p05,
                "rank_p95": r.rank_p95,
                "median_rank": r.median_rank,
                "p_keep_rank": r.p_keep_rank,
                "p_top3": r.p_top3,
                "place": places.get(r.candidate_id),
                "nodes": {item["node"]: item["score"] for item in r.explanation},
            }
            for r in results
        ],
    }


def _encode(content: Any) -> bytes:
    if isinstance(content, str):
        return content.encode("utf-8")
    text = json.dumps(content, sort_keys=True, indent=1, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _zip(files: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, whatever the exporting machine
            info.external_attr = 0o644 << 16
            archive.writestr(info, _encode(files[name]), compresslevel=9)
    return buffer.getvalue()


def package_for_round(*, round: Round) -> ResultPackage:  # noqa: A002 - 'round' is the domain's word
    """The stored package of a locked round, built (again) when its lock is newer."""
    stored = ResultPackage.objects.filter(round=round).first()
    if stored is not None and stored.locked_at == round.locked_at:
        return stored
    content = package_build(round=round)
    values = {"locked_at": round.locked_at, "sha256": _sha256(content), "content": content}
    try:
        with transaction.atomic():
            stored, _created = ResultPackage.objects.update_or_create(round=round, defaults=values)
    except IntegrityError:  # built at the same moment by another request: same bytes
        stored = ResultPackage.objects.get(round=round)
    return stored


def package_sha256(round: Round) -> str | None:  # noqa: A002 - the published page's interface
    """SHA-256 of the round's result package, or None while the round is not published."""
    if not round_is_published(round):
        return None
    return package_for_round(round=round).sha256
