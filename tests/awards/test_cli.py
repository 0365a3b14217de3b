import pytest
from typer.testing import CliRunner

from paritrana.audit.models import AuditEntry
from paritrana.awards.models import Award, Candidate, CandidateStatus
from paritrana.cli import app
from tests.awards.builders import national, provincial, to_stage

pytestmark = pytest.mark.django_db


def run(*args):
    return CliRunner().invoke(app, ["cycle", *args])


def test_screen_deliberate_lock_promote_status(computed_cycle):
    slug = computed_cycle.slug
    result = run("screen", slug)
    assert result.exit_code == 0, result.output
    assert "KAB" in result.output
    assert "proposals in total" in result.output
    jabar = provincial(computed_cycle, "32")
    Candidate.objects.filter(round=jabar).update(status=CandidateStatus.CONFIRMED)
    result = run("deliberate", slug)
    assert result.exit_code == 1
    assert "no round of this cycle is in a deliberation stage" in result.output
    to_stage(jabar, "DELIBERATION")
    result = run("deliberate", slug, "--round", "32")
    assert result.exit_code == 0, result.output
    assert "1. Pemerintah" in result.output
    result = run("lock", slug, "--round", "32")
    assert result.exit_code == 0, result.output
    assert "Promoted to the national round" in result.output
    assert Award.objects.filter(round=jabar, place=1).count() == 1
    assert Candidate.objects.filter(round=national(computed_cycle), origin="PROMOTED").count() == 1
    result = run("lock", slug, "--round", "32")
    assert result.exit_code == 1
    assert "is locked" in result.output
    result = run("promote", slug)
    assert result.exit_code == 0, result.output
    assert "0 newly promoted" in result.output
    result = run("status", slug)
    assert result.exit_code == 0, result.output
    assert "Jawa Barat" in result.output
    assert "DELIBERATION" in result.output
    assert AuditEntry.objects.filter(action="round.lock", actor_label="system").exists()


def test_clear_errors_and_non_zero_exit(computed_cycle):
    assert run("screen", "no-such-cycle").exit_code == 1
    result = run("lock", computed_cycle.slug, "--round", "99")
    assert result.exit_code == 1
    assert "use 'national' or a province code" in result.output
    result = run("screen", computed_cycle.slug, "--actor", "nobody")
    assert result.exit_code == 1
    assert "no user 'nobody'" in result.output
    result = run("lock", computed_cycle.slug, "--round", "national")
    assert result.exit_code == 1
    assert "not possible in the stage" in result.output
