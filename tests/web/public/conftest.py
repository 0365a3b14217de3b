import pytest

from tests.awards.builders import write_store


@pytest.fixture
def store(tmp_path, settings):
    settings.ANALYTICS_DIR = write_store(tmp_path)
    settings.PARITRANA_INLINE_JOBS = True
    return tmp_path
