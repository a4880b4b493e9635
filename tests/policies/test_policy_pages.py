from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from threshold.audit.models import AuditEvent
from threshold.policies import queries, services
from threshold.policies.models import PackAdoption, PackSignOff
from threshold.protocol import load_pack


def adopt(world, **options):
    return services.pack_adopt(
        district=world.north,
        actor=world.dana,
        pack_id="ct-2025",
        version=load_pack("ct-2025").version,
        options=options,
    )


def test_a_district_without_adoption_follows_its_states_pack_unreviewed(world):
    policy = queries.policy_for(world.north)
    assert policy.pack.jurisdiction == "US-CT"
    assert policy.adoption is None
    assert not policy.reviewed


def test_every_school_follows_its_districts_adopted_pack(world):
    adoption = adopt(world, school_bus_is_public=True)
    policy = queries.policy_for_school(world.washington)
    assert policy.adoption == adoption
    assert policy.options["school_bus_is_public"] is True


def test_adopting_is_audited_and_replaces_the_pack_in_force(world):
    first = adopt(world)
    second = adopt(world, school_bus_is_public=True)
    first.refresh_from_db()
    assert not first.is_current and second.is_current
    events = AuditEvent.objects.filter(action="policy.pack_adopted")
    assert events.count() == 2
    assert events.last().data["options"]["school_bus_is_public"] is True


def test_it_refuses_an_unknown_option_and_writes_nothing(world):
    with pytest.raises(ValidationError):
        adopt(world, invent_an_option=True)
    assert not PackAdoption.objects.exists()
    assert not AuditEvent.objects.filter(action="policy.pack_adopted").exists()


def test_counsel_signs_off_and_decisions_then_say_reviewed(world):
    adoption = adopt(world)
    services.pack_sign_off(
        adoption=adoption,
        actor=world.carl,
        counsel_name="Carl Counsel",
        signed_on=timezone.localdate(),
        scope="All schools",
    )
    policy = queries.policy_for(world.north)
    assert policy.reviewed
    decision = policy.decide({"requests": ["STUDENT_RECORDS"], "channel": "PHONE"})
    assert decision.review_notice is None
    assert AuditEvent.objects.filter(action="policy.pack_signed_off", actor=world.carl).exists()


def test_a_new_option_needs_a_new_sign_off(world):
    adoption = adopt(world)
    services.pack_sign_off(
        adoption=adoption, actor=world.carl, counsel_name="C", signed_on=date.today(), scope="x"
    )
    adopt(world, school_bus_is_public=True)
    assert not queries.policy_for(world.north).reviewed


def test_it_refuses_a_sign_off_dated_in_the_future_or_twice(world):
    adoption = adopt(world)
    with pytest.raises(ValidationError):
        services.pack_sign_off(
            adoption=adoption,
            actor=world.carl,
            counsel_name="C",
            signed_on=timezone.localdate() + timedelta(days=2),
            scope="x",
        )
    services.pack_sign_off(
        adoption=adoption, actor=world.carl, counsel_name="C", signed_on=date.today(), scope="x"
    )
    with pytest.raises(ValidationError):
        services.pack_sign_off(
            adoption=adoption, actor=world.carl, counsel_name="C", signed_on=date.today(), scope="x"
        )
    assert PackSignOff.objects.count() == 1


def test_a_pack_edited_since_adoption_is_not_reviewed(world):
    adoption = adopt(world)
    services.pack_sign_off(
        adoption=adoption, actor=world.carl, counsel_name="C", signed_on=date.today(), scope="x"
    )
    PackAdoption.objects.filter(pk=adoption.pk).update(pack_digest="0" * 64)
    assert not queries.policy_for(world.north).reviewed


# Pages -----------------------------------------------------------------------------------------


def test_the_policy_page_says_not_reviewed_until_sign_off(world, client_for):
    response = client_for(world.olga).get(reverse("policy"))
    assert response.status_code == 200
    assert "Not yet reviewed by your district" in response.content.decode()


def test_an_administrator_adopts_a_pack_with_options(world, client_for):
    ref = load_pack("ct-2025").ref
    page = client_for(world.dana).get(reverse("policy-adopt", args=[ref]))
    assert page.status_code == 200
    response = client_for(world.dana).post(
        reverse("policy-adopt", args=[ref]), {"school_bus_is_public": "on"}
    )
    assert response.status_code == 302
    assert PackAdoption.objects.get(district=world.north).options["school_bus_is_public"]


def test_only_administrators_adopt(world, client_for):
    ref = load_pack("ct-2025").ref
    for persona in (world.carl, world.olga, world.alice, world.oscar):
        assert client_for(persona).post(reverse("policy-adopt", args=[ref])).status_code == 403


def test_an_unknown_pack_is_not_found(world, client_for):
    response = client_for(world.dana).get(reverse("policy-adopt", args=["xx-1999@9"]))
    assert response.status_code == 404


def test_counsel_records_the_sign_off_on_the_page(world, client_for):
    adopt(world)
    client = client_for(world.carl)
    page = client.get(reverse("policy"))
    assert "Record your review" in page.content.decode()
    response = client.post(
        reverse("policy-sign-off"),
        {"counsel_name": "Carl Counsel", "signed_on": date.today().isoformat(), "scope": "All"},
    )
    assert response.status_code == 302
    assert "Signed off by Carl Counsel" in client.get(reverse("policy")).content.decode()


def test_a_bad_sign_off_answers_422_and_records_nothing(world, client_for):
    adopt(world)
    response = client_for(world.carl).post(
        reverse("policy-sign-off"), {"counsel_name": "", "signed_on": "soon", "scope": ""}
    )
    assert response.status_code == 422
    assert not PackSignOff.objects.exists()


def test_only_counsel_signs_off(world, client_for):
    adopt(world)
    data = {"counsel_name": "X", "signed_on": date.today().isoformat(), "scope": "x"}
    for persona in (world.dana, world.olga, world.aaron):
        assert client_for(persona).post(reverse("policy-sign-off"), data).status_code == 403


def test_south_never_sees_or_signs_norths_adoption(world, client_for):
    adopt(world, school_bus_is_public=True)
    page = client_for(world.sue).get(reverse("policy"))
    assert "school_bus_is_public" not in page.content.decode()
    assert queries.policy_for(world.south).adoption is None


def test_the_front_office_does_not_see_decisions(world, client_for):
    # UX: the front desk records and waits; decisions are for the designated official.
    assert client_for(world.alice).get(reverse("policy-scenario")).status_code == 403


def test_a_situation_shows_the_decision_card_with_the_review_notice(world, client_for):
    query = {
        "agency": "IMMIGRATION",
        "identification": ["NAME", "BADGE_OR_ID_NUMBER"],
        "channel": "IN_PERSON",
        "place": "NONPUBLIC_AREA",
        "requests": ["ENTER_NONPUBLIC_AREA", "ARREST_PERSON"],
        "subject": "STUDENT",
        "document": "ADMIN_WARRANT_I200",
        "facial_check": "NOT_APPLICABLE",
        "nondisclosure": "NONE",
        "exigency": "NONE",
    }
    response = client_for(world.olga).get(reverse("policy-scenario"), query)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Public areas only, like any visitor" in body
    assert "Do not bring, locate or confirm the student" in body
    assert "NOT YET REVIEWED by district counsel" in body
