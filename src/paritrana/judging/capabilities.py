"""Dashboard rows of the judging app (collected by ``web.dashboard``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from paritrana.web.dashboard import Capability, _static

CAPABILITIES = (
    Capability(
        "judging.view_interviews",
        _("My interviews"),
        _("The candidates you interview, your score sheets and your conflicts of interest."),
        _static(_("Open my interviews"), "judging:interviews"),
    ),
    Capability(
        "judging.list_panels",
        _("Jury panels"),
        _("Panels, jurors, conflicts of interest, assignments and jury statistics per round."),
        _static(_("Manage jury panels"), "judging:rounds"),
    ),
)
