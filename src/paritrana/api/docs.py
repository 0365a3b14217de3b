"""Swagger UI served from django-ninja's own package files: no CDN, no INSTALLED_APPS entry.

django-ninja renders its CDN template unless "ninja" is an installed app; the project does
not install it, so this docs class renders our template and serves the four asset files
ninja ships (``ninja/static/ninja``) from a whitelist, with a day of browser caching.
"""

from __future__ import annotations

import json
import mimetypes
from pathlib import Path
from typing import Any

import ninja
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from ninja.openapi.docs import DocsBase

ASSETS_DIR = Path(ninja.__file__).parent / "static" / "ninja"
ASSETS = ("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-init.js", "favicon.png")


class SelfHostedSwagger(DocsBase):
    settings: dict[str, Any] = {"layout": "BaseLayout", "deepLinking": True}  # noqa: RUF012 - read only

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        assets = {
            name.split(".")[0].replace("-", "_"): reverse(
                f"{api.urls_namespace}:docs_asset", args=[name]
            )
            for name in ASSETS
        }
        context = {"swagger_settings": json.dumps(settings), "api": api, "assets": assets}
        return render(request, "public/api_docs.html", context)


def docs_asset(name: str) -> FileResponse:
    if name not in ASSETS:
        raise Http404("No such asset.")
    response = FileResponse(
        (ASSETS_DIR / name).open("rb"), content_type=mimetypes.guess_type(name)[0]
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response
