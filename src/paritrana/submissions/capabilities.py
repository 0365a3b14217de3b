"""Dashboard rows of the submissions app (collected by web.dashboard)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from paritrana.web.dashboard import Capability


def _link(label: Promise, url_name: str) -> Callable[[Any], list[tuple[str, str]]]:
    return lambda _user: [(str(label), reverse(url_name))]


CAPABILITIES: tuple[Capability, ...] = (
    Capability(
        "submissions.view_portal",
        _("My submissions"),
        _("Your candidacies, their status, the questionnaire and its evidence."),
        _link(_("Open my submissions"), "submissions:portal"),
    ),
    Capability(
        "submissions.view_verification_index",
        _("Verification"),
        _("Check each candidate's answers against its evidence; invite candidate accounts."),
        _link(_("Verify submissions"), "submissions:verification"),
    ),
)
