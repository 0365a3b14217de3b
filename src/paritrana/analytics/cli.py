"""CLI for the analytics engine: `paritrana data ...` and `paritrana indicators ...`."""

from __future__ import annotations

import typer

data_app = typer.Typer(help="Generate and import national membership data.", no_args_is_help=True)
indicators_app = typer.Typer(help="Compute indicators for every entity.", no_args_is_help=True)
