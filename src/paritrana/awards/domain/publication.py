"""What the public may see: the one definition of a published round.

A round is published when it is locked (results frozen with a run record) and its current
stage makes results public. Public pages, the API, scorecards, certificates and exports
all ask here, so "published" cannot mean two things.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

import rules
from django.db import connection
from django.db.models import QuerySet

from paritrana.awards.models import Round, ScoringRun, Stage


def published_rounds() -> QuerySet[Round]:
    return Round.objects.filter(locked_at__isnull=False, stage__results_public=True)


def run_still_published(run_id: int, round_id: int, locked_at: datetime | None) -> bool:
    """Whether run ``run_id`` is final in round ``round_id``, published *with this lock*.

    ``published_rounds().filter(pk=round_id, locked_at=locked_at, runs__pk=run_id,
    runs__is_final=True).exists()``, written out in SQL: cached public pages ask it on
    every request (an unlock must hide them at once, and each server process has its own
    cache), and building the ORM query costs more than the database takes to answer it.
    tests/awards/test_publication.py checks both agree.
    """
    if locked_at is None:
        return False
    # Adapted as the ORM would (SQLite stores datetimes as text in its own format).
    lock = connection.ops.adapt_datetimefield_value(locked_at)
    with connection.cursor() as cursor:
        cursor.execute(_still_published_sql(), [run_id, round_id, lock])
        return cursor.fetchone() is not None


@cache
def _still_published_sql() -> str:
    rounds, stages, runs = (
        connection.ops.quote_name(m._meta.db_table) for m in (Round, Stage, ScoringRun)
    )
    return (
        f"SELECT 1 FROM {rounds} r INNER JOIN {stages} s ON s.id = r.stage_id "  # noqa: S608 - table names from the models; values are parameters
        f"INNER JOIN {runs} x ON x.round_id = r.id AND x.id = %s AND x.is_final "
        "WHERE r.id = %s AND r.locked_at = %s AND s.results_public LIMIT 1"
    )


def round_is_published(rnd: Round) -> bool:
    return rnd.locked_at is not None and bool(rnd.stage.results_public)


@rules.predicate
def is_published(_user: Any, obj: Any) -> bool:
    """The object's round (a Round, Candidate, Result...) is published."""
    from paritrana.awards.rules import round_of  # noqa: PLC0415 - rules imports domain lazily

    rnd = round_of(obj)
    if rnd is None and hasattr(obj, "run"):
        rnd = obj.run.round
    return rnd is not None and round_is_published(rnd)
