"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from paritrana import __version__


def site(_request: HttpRequest) -> dict[str, Any]:
    return {"paritrana_version": __version__}
