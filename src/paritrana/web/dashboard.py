"""What each role can do, as data: the dashboard shows the items whose permission holds.

Later issues append their capabilities here (award cycles, submissions, score sheets...)
so a role's dashboard grows with the system without view code per role.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.apps import apps
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from paritrana.accounts.roles import committee_provinces


@dataclass(frozen=True)
class Capability:
    permission: str | None  # None: every signed-in role
    title: str | Promise
    description: str | Promise
    links: Callable[[Any], list[tuple[str, str]]]  # user -> [(label, url)]


def _static(label: str | Promise, url_name: str) -> Callable[[Any], list[tuple[str, str]]]:
    return lambda _user: [(str(label), reverse(url_name))]


def _province_offices(user: Any) -> list[tuple[str, str]]:
    from paritrana.regions.models import Province  # noqa: PLC0415 - models load after apps

    codes = committee_provinces(user)
    return [
        (p.name, reverse("web:province_office", args=[p.code]))
        for p in Province.objects.filter(code__in=codes).order_by("code")
    ]


CAPABILITIES: tuple[Capability, ...] = (
    Capability(
        "regions.change_zones",
        _("Zones"),
        _("Group provinces into the zones compared in the national round."),
        _static(_("Edit zones"), "regions:zones"),
    ),
    Capability(
        "audit.view_log",
        _("Audit log"),
        _("Every change to criteria, verification decisions and scores, hash-chained."),
        _static(_("Open the audit log"), "audit:log"),
    ),
    Capability(
        "analytics.import_data",
        _("Membership data"),
        _("Status of the imported national membership datasets per award cycle."),
        _static(_("Data status"), "web:data_status"),
    ),
    Capability(
        None,
        _("Reference regions"),
        _("Browse provinces, regencies/cities, districts and villages."),
        _static(_("Browse regions"), "regions:index"),
    ),
)


def _app_capabilities() -> list[Capability]:
    """Capabilities contributed by each Paritrana app's ``capabilities`` module."""
    found: list[Capability] = []
    for config in apps.get_app_configs():
        if config.name.startswith("paritrana.") and config.name != "paritrana.web":
            try:
                module = import_module(f"{config.name}.capabilities")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.capabilities":
                    raise
                continue
            found.extend(module.CAPABILITIES)
    return found


def capabilities_for(user: Any) -> list[tuple[Capability, list[tuple[str, str]]]]:
    items: list[tuple[Capability, list[tuple[str, str]]]] = []
    offices = _province_offices(user)
    if offices:
        items.append(
            (
                Capability(
                    None,
                    _("Provincial round"),
                    _("Your province's regencies/cities and, later, its candidates."),
                    _province_offices,
                ),
                offices,
            )
        )
    items.extend(
        (cap, cap.links(user))
        for cap in (*_app_capabilities(), *CAPABILITIES)
        if cap.permission is None or user.has_perm(cap.permission)
    )
    return items
