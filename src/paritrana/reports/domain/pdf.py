"""HTML to PDF with WeasyPrint, offline: only data: URLs and the app's own static files.

A document that names any other URL gets nothing for it (WeasyPrint logs and carries on),
so a template can never make the server fetch from the network. Fonts are the system's
DejaVu (Debian's fonts-dejavu), named in the stylesheet.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

#: Base URL of rendered documents: relative and ``{% static %}`` URLs resolve under it.
BASE_URL = "https://paritrana.invalid/"


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: PLC0415 - WeasyPrint loads Pango: only when rendering

    class LocalStaticFetcher(URLFetcher):
        """data: URLs, and static files found by Django's finders; nothing else."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            prefix = BASE_URL + settings.STATIC_URL.lstrip("/")
            if url.startswith(prefix):
                found = finders.find(url.removeprefix(prefix).split("?")[0])
                if found:
                    path = Path(str(found))
                    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
            raise ValueError(f"not a local static file: {url}")

    return LocalStaticFetcher(allowed_protocols=("data", "https"))


def pdf_render(*, template: str, context: dict[str, Any]) -> bytes:
    """Render a Django template to PDF bytes."""
    from weasyprint import HTML  # noqa: PLC0415 - WeasyPrint loads Pango: only when rendering

    html = render_to_string(template, context)
    return bytes(HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf())
