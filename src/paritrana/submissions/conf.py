"""Settings of the submissions app, read at call time so tests can override them."""

from __future__ import annotations

import os

from django.conf import settings

DEFAULT_EVIDENCE_MAX_MB = 10
DEFAULT_SITE_URL = "http://127.0.0.1:8000"


def evidence_max_bytes() -> int:
    """Upload limit: settings.PARITRANA_EVIDENCE_MAX_MB, else the environment, else 10 MB."""
    value = getattr(settings, "PARITRANA_EVIDENCE_MAX_MB", None)
    if value is None:
        value = os.environ.get("PARITRANA_EVIDENCE_MAX_MB", DEFAULT_EVIDENCE_MAX_MB)
    return int(float(value) * 1024 * 1024)


def site_url() -> str:
    """Base URL for links in e-mails sent outside a request (CLI, demo)."""
    value = getattr(settings, "PARITRANA_SITE_URL", None) or os.environ.get(
        "PARITRANA_SITE_URL", DEFAULT_SITE_URL
    )
    return str(value).rstrip("/")
