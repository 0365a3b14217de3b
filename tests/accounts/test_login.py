import pytest

from paritrana.accounts.models import Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def _login(client, password):
    return client.post(
        "/accounts/login/",
        {"username": "siti", "password": password},
        REMOTE_ADDR="10.1.2.3",
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_login_lands_on_the_dashboard(client):
    user_with_role(Role.JUROR, username="siti")
    response = _login(client, "correct-horse-battery")
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"


def test_wrong_password_keeps_username_and_says_why(client):
    user_with_role(Role.JUROR, username="siti")
    response = _login(client, "wrong")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please enter a correct username and password" in page
    assert 'value="siti"' in page


def test_brute_force_is_locked_out_even_with_the_right_password(client, settings):
    user_with_role(Role.JUROR, username="siti")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong")
    response = _login(client, "correct-horse-battery")
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
