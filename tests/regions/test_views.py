import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from paritrana.accounts.models import Role
from paritrana.audit.models import AuditEntry
from paritrana.regions.models import Province
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def test_browse_down_to_villages(client):
    assert "Jawa Barat" in client.get("/regions/").content.decode()
    assert "Kabupaten Bandung" in client.get("/regions/province/32/").content.decode()
    page = client.get("/regions/regency/32.04/").content.decode()
    assert "32.04.05" in page
    district_page = client.get("/regions/district/32.04.05/").content.decode()
    assert "32.04.05.2001" in district_page


def test_unknown_code_is_404(client):
    assert client.get("/regions/province/99/").status_code == 404
    assert client.get("/regions/regency/32.99/").status_code == 404


@pytest.mark.parametrize(
    ("term", "expected"),
    [("32.04", "Kabupaten Bandung"), ("tangerang selatan", "36.74"), ("Aceh", "Aceh")],
)
def test_search_by_name_or_code(client, term, expected):
    assert expected in client.get("/regions/", {"q": term}).content.decode()


def test_search_with_one_letter_asks_for_more(client):
    assert (
        "at least two characters"
        in client.get("/regions/", {"q": "a"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )


@pytest.mark.parametrize(
    "url", ["/regions/", "/regions/province/32/", "/regions/regency/32.04/", "/regions/?q=bandung"]
)
def test_list_pages_do_a_constant_number_of_queries(client, url):
    client.get(url)  # warm caches (sessions, content types)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) <= 6, [q["sql"] for q in queries]


def test_zone_edit_is_audited(client):
    client.force_login(user_with_role(Role.NATIONAL_COMMITTEE))
    data = {"form-TOTAL_FORMS": "38", "form-INITIAL_FORMS": "38"}
    for i, p in enumerate(Province.objects.order_by("code")):
        data[f"form-{i}-code"] = p.code
        data[f"form-{i}-zone"] = "JAWA_BALI" if p.code == "52" else p.zone_id
    response = client.post("/regions/zones/", data)
    assert response.status_code == 302
    assert Province.objects.get(code="52").zone_id == "JAWA_BALI"
    entry = AuditEntry.objects.get(action="zone.change")
    assert entry.object_id == "52"
    assert entry.before == {"zone": "NUSA_MALUKU_PAPUA"}
    assert entry.after == {"zone": "JAWA_BALI"}


def test_zone_edit_rejects_unknown_zone_and_keeps_input(client):
    client.force_login(user_with_role(Role.NATIONAL_COMMITTEE))
    data = {"form-TOTAL_FORMS": "38", "form-INITIAL_FORMS": "38"}
    for i, p in enumerate(Province.objects.order_by("code")):
        data[f"form-{i}-code"] = p.code
        data[f"form-{i}-zone"] = "ATLANTIS" if p.code == "11" else p.zone_id
    response = client.post("/regions/zones/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Province.objects.get(code="11").zone_id == "SUMATERA"
    assert not AuditEntry.objects.filter(action="zone.change").exists()
