"""Links to the reports app (scorecards, PDFs, packages), which may not be installed yet."""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, reverse


def report_url(name: str, *args: Any) -> str:
    """``reports:<name>`` reversed, or "" while the reports app does not offer it."""
    try:
        return reverse(f"reports:{name}", args=args)
    except NoReverseMatch:
        return ""


def package_digest(rnd: Any) -> str | None:
    """SHA-256 of the round's verifiable result package, when the reports app builds one."""
    try:
        from paritrana.reports.domain.package import package_sha256  # noqa: PLC0415 - optional
    except ImportError:
        return None
    return package_sha256(rnd)
