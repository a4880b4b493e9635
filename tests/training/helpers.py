"""Shared by the training tests: policies built from shipped packs, and drills taken."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from threshold.policies.queries import DistrictPolicy
from threshold.protocol import Pack, load_pack
from threshold.training import bank, questions, services


def policy(pack: Pack | str = "ct-2025", **options: bool) -> DistrictPolicy:
    if isinstance(pack, str):
        pack = load_pack(pack)
    return DistrictPolicy(pack, pack.resolve_options(options), None, None)


def assign(world, *, track=bank.FRONT_OFFICE, roles=("front_office",), schools=(), days=10, **kw):
    return services.assignment_create(
        district=world.north,
        actor=world.dana,
        track=track,
        title=kw.pop("title", "Spring refresher"),
        roles=list(roles),
        schools=list(schools),
        due_on=timezone.localdate() + timedelta(days=days),
        **kw,
    )


def take(attempt, actor, *, right=True):
    """Answer every question of a started attempt, all right (or all wrong)."""
    answers = []
    for question in attempt.questions:
        if right:
            answers.append(question["correct"])
        else:
            answers.append(next(k for k in question["options"] if k != question["correct"]))
    return services.attempt_submit(attempt=attempt, actor=actor, answers=answers)


def start_with(attempt_user, district, assignment, scenario_ids, district_policy):
    """Start an attempt on the assignment, with the given scenarios as its questions."""
    attempt = services.attempt_start(
        user=attempt_user, district=district, track=assignment.track, assignment=assignment
    )
    rng = random.Random(7)
    attempt.questions = [
        questions.stored_question(bank.BY_ID[sid], district_policy, rng) for sid in scenario_ids
    ]
    attempt.save(update_fields=["questions"])
    return attempt
