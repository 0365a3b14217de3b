"""The `paritrana` command: one front door for every job a user or a committee scripts.

Sub-applications live beside the code they drive (``<package>/cli.py``) and are mounted
here; heavy imports (Django, Ibis, Spark) happen inside the commands, so ``--help`` is fast.
"""

from __future__ import annotations

import typer

from paritrana.analytics.cli import data_app, indicators_app
from paritrana.scoring.cli import score_app

app = typer.Typer(
    name="paritrana",
    help="Paritrana Award: membership data, indicators, scoring and the award web app.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.add_typer(data_app, name="data")
app.add_typer(indicators_app, name="indicators")
app.add_typer(score_app, name="score")
