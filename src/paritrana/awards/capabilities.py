"""Dashboard rows of the award workflow (collected by web.dashboard)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from paritrana.web.dashboard import Capability

CAPABILITIES = (
    Capability(
        "awards.view_cycles",
        _("Award cycles"),
        _("Rounds and their stages, screening, shortlists, deliberation, results and locks."),
        lambda _user: [(str(_("Open the award cycles")), reverse("awards:cycle_list"))],
    ),
)
