"""The API object mounted at ``/api/`` (OpenAPI at ``/api/openapi.json``, docs at ``/api/docs``)."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse
from ninja import NinjaAPI

from paritrana.api import committee, coverage, docs, public

api = NinjaAPI(
    title="Paritrana API",
    version="1",
    description=(
        "Read-only access to the published results of the Paritrana Award (BPJS "
        "Ketenagakerjaan): cycles, rankings, scorecards and coverage statistics. Only "
        "published rounds exist here; committee endpoints need a signed-in session."
    ),
    urls_namespace="api",
    docs=docs.SelfHostedSwagger(),
)
api.add_router("", public.router)
api.add_router("", coverage.router)
api.add_router("", committee.router)


@api.get("/docs/assets/{name}", include_in_schema=False, url_name="docs_asset")
def docs_asset(request: Any, name: str) -> FileResponse:  # noqa: ARG001 - ninja passes the request by this name
    return docs.docs_asset(name)
