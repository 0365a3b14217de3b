"""Settings of the submissions app, read at call time so tests can override them."""

from __future__ import annotations

from django.conf import settings


def evidence_max_bytes() -> int:
    """Upload limit from settings.PARITRANA_EVIDENCE_MAX_MB (environment, default 10 MB)."""
    return int(float(settings.PARITRANA_EVIDENCE_MAX_MB) * 1024 * 1024)


def site_url() -> str:
    """Base URL for links in e-mails sent outside a request (CLI, demo)."""
    return str(settings.PARITRANA_SITE_URL).rstrip("/")
