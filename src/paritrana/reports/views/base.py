"""Shared view plumbing: object-level permissions on results, awards and rounds."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from rules.contrib.views import PermissionRequiredMixin

from paritrana.awards.domain.publication import run_still_published
from paritrana.awards.models import Award, Result, Round
from paritrana.reports.rules import is_published_result

#: Published results are frozen; a day bounds what a process keeps of rounds it no longer shows.
PUBLIC_CACHE_SECONDS = 24 * 3600

RESULT_RELATED = (
    "run__round__stage",
    "run__round__cycle",
    "run__round__province",
    "run__category",
    "candidate__entity__province",
    "candidate__category",
    "candidate__round__cycle",
    "candidate__round__province",
)


class ResultMixin(PermissionRequiredMixin):
    """Pages of one Result (``pk``)."""

    def get_permission_object(self) -> Result:
        if not hasattr(self, "_result"):
            self._result = result_load(self.kwargs["pk"])
        return self._result


def result_load(pk: int) -> Result:
    """Result ``pk`` with what its pages show; a published one usually from the cache.

    A published result is frozen with its round's lock, so it is kept (per process) and
    each request only asks whether its round is still published with that same lock and
    its run still final (one small query): an unlock, a re-lock or leaving publication
    fails the check and the row is read again, so nothing unpublished is ever served from
    the cache. The large JSON
    fields (the run's record, tens of kB, and the explanation) are left out: only building
    a scorecard reads them, and a published one is built once per lock.
    """
    key = f"paritrana:reports:result:{pk}"
    cached = cache.get(key)
    run = cached.run if cached is not None else None
    if run is not None and run_still_published(run.pk, run.round_id, run.round.locked_at):
        return cached
    result = get_object_or_404(
        Result.objects.select_related(*RESULT_RELATED).defer("run__record", "explanation"), pk=pk
    )
    if is_published_result.test(None, result):
        cache.set(key, result, PUBLIC_CACHE_SECONDS)
    return result


class RoundMixin(PermissionRequiredMixin):
    """Pages and downloads of one Round (``pk``)."""

    def get_permission_object(self) -> Round:
        if not hasattr(self, "_round"):
            self._round = get_object_or_404(
                Round.objects.select_related("cycle", "stage", "province"), pk=self.kwargs["pk"]
            )
        return self._round


class AwardMixin(PermissionRequiredMixin):
    def get_permission_object(self) -> Award:
        if not hasattr(self, "_award"):
            self._award = get_object_or_404(
                Award.objects.select_related(
                    "round__cycle",
                    "round__stage",
                    "round__province",
                    "category",
                    "candidate__entity__province",
                ),
                pk=self.kwargs["pk"],
            )
        return self._award


def file_response(
    content: bytes, *, filename: str, content_type: str, inline: bool = False
) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    kind = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{kind}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def slug_of(text: Any) -> str:
    from django.utils.text import slugify  # noqa: PLC0415 - only for file names

    return slugify(str(text)) or "paritrana"
