"""Creating a cycle with its categories, stages, criteria and rounds in one action."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from paritrana.audit.domain import audit_log
from paritrana.awards.defaults import (
    CATEGORIES,
    DEFAULT_PIPELINE,
    STAGE_FLAGS,
    STAGES,
    CategoryTemplate,
)
from paritrana.awards.models import (
    AwardCycle,
    Category,
    CriteriaNode,
    CriterionSource,
    Round,
    RoundLevel,
    Stage,
)
from paritrana.regions.models import Province
from paritrana.submissions.domain.questionnaire import questionnaire_create_defaults

RUBRIC_RANGE = (Decimal(1), Decimal(10))


def cycle_create(
    *,
    name: str,
    slug: str,
    assessment_start: dt.date,
    assessment_end: dt.date,
    ceremony_year: int,
    analytics_cycle: str = "",
    actor: Any,
    templates: tuple[CategoryTemplate, ...] = CATEGORIES,
) -> AwardCycle:
    """A cycle from the default templates: 6 stages, categories with criteria, 38 + 1 rounds."""
    if assessment_end < assessment_start:
        raise ValueError("the assessment period ends before it starts")
    with transaction.atomic():
        cycle = AwardCycle.objects.create(
            name=name,
            slug=slug,
            assessment_start=assessment_start,
            assessment_end=assessment_end,
            ceremony_year=ceremony_year,
            analytics_cycle=analytics_cycle,
        )
        stages = Stage.objects.bulk_create(
            Stage(
                cycle=cycle,
                code=t.code,
                name=t.name,
                order=i,
                **{flag: flag in t.flags for flag in STAGE_FLAGS},
            )
            for i, t in enumerate(STAGES)
        )
        for order, template in enumerate(templates):
            category_create_from_template(cycle=cycle, template=template, order=order)
        Round.objects.create(cycle=cycle, level=RoundLevel.NATIONAL, stage=stages[0])
        Round.objects.bulk_create(
            Round(cycle=cycle, level=RoundLevel.PROVINCIAL, province=p, stage=stages[0])
            for p in Province.objects.order_by("code")
        )
        audit_log(
            actor=actor,
            action="cycle.create",
            obj=cycle,
            after={
                "name": name,
                "assessment_period": [assessment_start, assessment_end],
                "ceremony_year": ceremony_year,
                "categories": [t.code for t in templates],
            },
        )
    return cycle


def category_create_from_template(
    *, cycle: AwardCycle, template: CategoryTemplate, order: int
) -> Category:
    category = Category.objects.create(
        cycle=cycle,
        code=template.code,
        name=template.name,
        entity_kind=template.entity_kind,
        sector=template.sector,
        scales=list(template.scales),
        national_only=template.national_only,
        by_zone=template.by_zone,
        shortlist_size=template.shortlist_size,
        has_interview=template.has_interview,
        pipeline=template.pipeline or DEFAULT_PIPELINE,
        order=order,
    )
    for a_order, aspect in enumerate(template.aspects):
        if aspect.code == "WAW" and not template.has_interview:
            continue
        parent = CriteriaNode.objects.create(
            category=category,
            code=aspect.code,
            name=aspect.name,
            source=CriterionSource.GROUP,
            weight=Decimal(str(aspect.weight)),
            order=a_order,
        )
        CriteriaNode.objects.bulk_create(
            CriteriaNode(
                category=category,
                parent=parent,
                code=leaf.code,
                name=leaf.name,
                source=leaf.source,
                ref=leaf.ref,
                weight=Decimal(str(leaf.weight)),
                direction=leaf.direction,
                rubric_min=RUBRIC_RANGE[0] if leaf.source == CriterionSource.JURY else None,
                rubric_max=RUBRIC_RANGE[1] if leaf.source == CriterionSource.JURY else None,
                order=l_order,
            )
            for l_order, leaf in enumerate(aspect.leaves)
        )
    questionnaire_create_defaults(category=category)
    return category
