"""The `paritrana` command: one front door for every job a user or a committee scripts.

Sub-applications live beside the code they drive (``<package>/cli.py``) and are mounted
here; heavy imports (Django, Ibis, Spark) happen inside the commands, so ``--help`` is fast.
"""

from __future__ import annotations

import typer

from paritrana import djangocli
from paritrana.analytics.cli import data_app, indicators_app
from paritrana.awards.cli import cycle_app
from paritrana.bench import bench_cmd
from paritrana.reports.cli import results_app, worker_cmd
from paritrana.scoring.cli import score_app

app = typer.Typer(
    name="paritrana",
    help="Paritrana Award: membership data, indicators, scoring and the award web app.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.add_typer(djangocli.regions_app, name="regions")
app.add_typer(djangocli.audit_app, name="audit")
app.add_typer(djangocli.accounts_app, name="accounts")
app.add_typer(djangocli.demo_app, name="demo")
app.add_typer(cycle_app, name="cycle")
app.add_typer(data_app, name="data")
app.add_typer(indicators_app, name="indicators")
app.add_typer(score_app, name="score")
app.add_typer(results_app, name="results")
app.command("worker")(worker_cmd)
app.command("bench")(bench_cmd)
app.command("migrate")(djangocli.migrate_cmd)
app.command("serve")(djangocli.serve_cmd)
app.command("manage", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(
    djangocli.manage_cmd
)
