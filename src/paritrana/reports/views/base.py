"""Shared view plumbing: object-level permissions on results, awards and rounds."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from rules.contrib.views import PermissionRequiredMixin

from paritrana.awards.models import Award, Result, Round

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
            self._result = get_object_or_404(
                Result.objects.select_related(*RESULT_RELATED), pk=self.kwargs["pk"]
            )
        return self._result


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
