"""The interactive API docs work offline: Swagger UI comes from the installed package."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_docs_page_uses_only_local_assets(client):
    page = client.get("/api/docs").content.decode()
    assert "/api/openapi.json" in page
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources
    assert not [s for s in sources if s.startswith(("http:", "https:", "//"))]
    for src in sources:
        if src.startswith("/api/docs/assets/"):
            response = client.get(src)
            assert response.status_code == 200, src
            assert response["Cache-Control"] == "public, max-age=86400"


def test_only_the_listed_assets_are_served(client):
    assert client.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/api/docs/assets/redoc.standalone.js.map").status_code == 404
    assert client.get("/api/docs/assets/..%2F..%2F__init__.py").status_code == 404
