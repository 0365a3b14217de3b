"""Every `paritrana` command and subcommand answers --help."""

import pytest
import typer
from typer.testing import CliRunner

from paritrana.cli import app


def _paths(command, prefix=()):
    yield prefix
    for name, sub in getattr(command, "commands", {}).items():
        yield from _paths(sub, (*prefix, name))


ALL = list(_paths(typer.main.get_command(app)))


def test_the_cli_has_the_documented_commands():
    names = {" ".join(p) for p in ALL}
    assert {"regions load", "audit verify", "serve", "demo setup", "migrate", "manage"} <= names


@pytest.mark.parametrize("path", ALL, ids=[" ".join(p) or "paritrana" for p in ALL])
def test_help(path):
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
