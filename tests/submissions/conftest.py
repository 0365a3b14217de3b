"""A cycle with a Jawa Barat candidate in the submission stage, and its people."""

from __future__ import annotations

import pytest

from paritrana.accounts.models import Role
from tests.awards.factories import make_cycle
from tests.factories import user_with_role
from tests.submissions.factories import candidate_user, make_candidate, set_stage


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _english(client):
    # Messages are asserted in English (the source language); translations may change.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def cycle(db):
    return make_cycle()


@pytest.fixture
def jabar(cycle):
    rnd = cycle.rounds.get(province_id="32")
    set_stage(rnd, "SUBMISSION")
    return rnd


@pytest.fixture
def pemda(cycle):
    return cycle.categories.get(code="PEMDA")


@pytest.fixture
def candidate(jabar, pemda):
    return make_candidate(jabar, pemda, "32.04")  # Kab. Bandung


@pytest.fixture
def other_candidate(jabar, pemda):
    return make_candidate(jabar, pemda, "32.73")  # Kota Bandung


@pytest.fixture
def owner(candidate):
    return candidate_user(candidate)


@pytest.fixture
def national(db):
    return user_with_role(Role.NATIONAL_COMMITTEE)


@pytest.fixture
def jabar_committee(db):
    return user_with_role(Role.PROVINCIAL_COMMITTEE, "32")


@pytest.fixture
def banten_committee(db):
    return user_with_role(Role.PROVINCIAL_COMMITTEE, "36")


@pytest.fixture
def questions(pemda):
    return {q.code: q for q in pemda.questions.all()}
