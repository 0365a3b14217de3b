"""What the public may see: the one definition of a published round.

A round is published when it is locked (results frozen with a run record) and its current
stage makes results public. Public pages, the API, scorecards, certificates and exports
all ask here, so "published" cannot mean two things.
"""

from __future__ import annotations

from typing import Any

import rules
from django.db.models import QuerySet

from paritrana.awards.models import Round


def published_rounds() -> QuerySet[Round]:
    return Round.objects.filter(locked_at__isnull=False, stage__results_public=True)


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
