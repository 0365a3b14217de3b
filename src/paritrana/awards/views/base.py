"""Shared view plumbing: permission objects and turning refusals into messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from rules.contrib.views import PermissionRequiredMixin

from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.models import AwardCycle, Category, Round


class CyclePermissionMixin(PermissionRequiredMixin):
    """Pages of one cycle (``slug`` in the URL)."""

    permission_required = "awards.manage_cycles"

    def get_cycle(self) -> AwardCycle:
        if not hasattr(self, "_cycle"):
            self._cycle = get_object_or_404(AwardCycle, slug=self.kwargs["slug"])
        return self._cycle

    def get_category(self) -> Category:
        return get_object_or_404(Category, cycle=self.get_cycle(), code=self.kwargs["code"])


class RoundPermissionMixin(PermissionRequiredMixin):
    """Pages of one round (``pk`` in the URL): GET needs ``view``, POST needs ``act``."""

    view_permission = "awards.view_round"
    act_permission = "awards.act_on_round"

    def get_permission_required(self) -> tuple[str, ...]:
        method = getattr(self, "request", None) and self.request.method
        return (self.view_permission if method in ("GET", "HEAD") else self.act_permission,)

    def get_permission_object(self) -> Round:
        return self.get_round()

    def get_round(self) -> Round:
        if not hasattr(self, "_round"):
            self._round = get_object_or_404(
                Round.objects.select_related("cycle", "stage", "province", "locked_by"),
                pk=self.kwargs["pk"],
            )
        return self._round

    def get_category(self) -> Category:
        return get_object_or_404(
            Category, cycle_id=self.get_round().cycle_id, code=self.kwargs["code"]
        )


def attempt(
    request: HttpRequest, action: Callable[[], Any], success: str, back: str
) -> HttpResponse:
    """Run a domain action; show its refusal (nothing changed) or ``success``, then go back."""
    try:
        action()
    except RefusedError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return HttpResponseRedirect(back)
