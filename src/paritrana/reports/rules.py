"""Who may see which report (object-level ``rules`` predicates).

Published (``awards.domain.publication``) means public: the final run of a locked round in
a results-public stage. Before that, a scorecard is seen by the candidate it is about and
by the committee running its round; exports and certificate batches are the committee's.
"""

from __future__ import annotations

from typing import Any

import rules

from paritrana.awards.domain.publication import round_is_published
from paritrana.awards.rules import round_of, runs_round
from paritrana.submissions.rules import represents_candidate


@rules.predicate
def is_published_result(_user: Any, result: Any) -> bool:
    """A result of the final (locked) run of a published round."""
    return result is not None and result.run.is_final and round_is_published(result.run.round)


@rules.predicate
def is_published_round(_user: Any, obj: Any) -> bool:
    rnd = round_of(obj)
    return rnd is not None and round_is_published(rnd)


@rules.predicate
def runs_result_round(user: Any, result: Any) -> bool:
    return result is not None and runs_round.test(user, result.run.round)


rules.add_perm(
    "reports.view_scorecard", is_published_result | represents_candidate | runs_result_round
)
# Certificates (per award) and public exports and packages (per round) once published.
rules.add_perm("reports.view_certificate", is_published_round)
rules.add_perm("reports.view_public_export", is_published_round)
rules.add_perm("reports.view_committee_export", runs_round)
rules.add_perm("reports.manage_certificates", runs_round)
rules.add_perm("reports.download_package", is_published_round | runs_round)
