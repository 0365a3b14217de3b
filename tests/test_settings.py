"""Settings are read from the environment; production refuses unsafe defaults."""

import os
import subprocess
import sys

import pytest


def _load_settings(tmp_path, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PARITRANA_") and k != "DATABASE_URL"
    }
    clean.update({"PARITRANA_VAR_DIR": str(tmp_path), **env})
    code = "import paritrana.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.ALLOWED_HOSTS)"
    return subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=False
    )


def test_defaults_are_embedded_and_not_debug(tmp_path):
    result = _load_settings(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0:2] == ["False", "django.db.backends.sqlite3"]
    assert (tmp_path / "secret_key").exists()


def test_database_url_selects_postgresql(tmp_path):
    result = _load_settings(tmp_path, DATABASE_URL="postgres://u@db.example:5432/paritrana")
    assert "django.db.backends.postgresql" in result.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "needs PARITRANA_SECRET_KEY"),
        ({"PARITRANA_SECRET_KEY": "short"}, "too short"),
        ({"PARITRANA_SECRET_KEY": "x" * 60}, "needs PARITRANA_ALLOWED_HOSTS"),
        (
            {
                "PARITRANA_DEBUG": "maybe",
                "PARITRANA_SECRET_KEY": "x" * 60,
                "PARITRANA_ALLOWED_HOSTS": "a",
            },
            "expected true/false",
        ),
    ],
)
def test_production_refuses_unsafe_configuration(tmp_path, env, message):
    result = _load_settings(tmp_path, PARITRANA_ENV="production", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_when_configured(tmp_path):
    result = _load_settings(
        tmp_path,
        PARITRANA_ENV="production",
        PARITRANA_SECRET_KEY="k" * 64,
        PARITRANA_ALLOWED_HOSTS="paritrana.example.id",
    )
    assert result.returncode == 0, result.stderr
    assert "paritrana.example.id" in result.stdout
