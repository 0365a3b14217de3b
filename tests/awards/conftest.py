import pytest

from tests.awards.builders import SMALL_PEMDA, SMALL_PEMPROV, write_store
from tests.awards.factories import make_cycle


@pytest.fixture
def store(tmp_path, settings):
    settings.ANALYTICS_DIR = write_store(tmp_path)
    settings.PARITRANA_INLINE_JOBS = True
    return tmp_path


@pytest.fixture
def small_cycle(store):
    """A cycle of two hand-built categories whose data sit in the ``store``."""
    return make_cycle(templates=(SMALL_PEMPROV, SMALL_PEMDA), analytics_cycle="c1")


@pytest.fixture
def computed_cycle(store):
    from tests.awards.builders import COMPUTED_ONLY

    return make_cycle(templates=(SMALL_PEMPROV, COMPUTED_ONLY), analytics_cycle="c1")
