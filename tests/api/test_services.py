"""Making and revoking device tokens: the token shown once and kept as a hash, audited; the
device's account never a way to sign in."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from threshold.api import services, tokens
from threshold.api.models import Device, Scope
from threshold.audit.models import AuditEvent
from threshold.testing import factories


def make(world, **fields):
    values = {
        "school": world.lincoln,
        "actor": world.dana,
        "name": "Front desk tablet",
        "scopes": [Scope.CHECK_IN, Scope.CHECK_OUT],
        **fields,
    }
    return services.device_create(**values)


def test_it_keeps_only_the_tokens_hash(world):
    device, token = make(world)
    assert token.startswith("thr_") and len(token) == 47
    assert device.token_hash == tokens.digest(token)
    assert device.token_hint == token[-4:]
    stored = Device.objects.filter(pk=device.pk).values().get()
    assert token not in str(stored)


def test_it_makes_a_new_token_each_time(world):
    _first, one = make(world)
    _second, two = make(world)
    assert one != two


def test_it_gives_the_device_an_account_nobody_signs_in_with(world, client):
    device, _token = make(world)
    account = device.account
    assert not account.is_active
    assert not account.has_usable_password()
    assert account.district is None
    assert account.full_name == "API device: Front desk tablet"
    response = client.post("/sign-in/", {"username": account.email, "password": ""})
    assert "_auth_user_id" not in client.session
    assert response.status_code != 302


def test_it_keeps_the_device_out_of_the_staff_list(world, client_for):
    device, _token = make(world)
    page = client_for(world.dana).get("/district/staff/").content.decode()
    assert device.account.email not in page


def test_it_records_the_creation_by_id_and_scopes(world):
    device, token = make(world)
    event = AuditEvent.objects.get(action="device.created")
    assert event.actor == world.dana
    assert event.school == world.lincoln
    assert (event.subject_type, event.subject_id) == ("api.device", str(device.pk))
    assert event.data == {"scopes": ["check_in", "check_out"], "account": str(device.account_id)}
    assert token not in str(event.data) and device.token_hash not in str(event.data)


def test_it_wants_a_name_and_a_scope(world):
    with pytest.raises(ValidationError) as refused:
        make(world, name="   ")
    assert "name" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        make(world, scopes=[])
    assert "scopes" in refused.value.message_dict
    with pytest.raises(ValueError, match="unknown scopes"):
        make(world, scopes=["everything"])
    assert not Device.objects.exists()


def test_it_makes_devices_only_for_the_administrators_district(world):
    with pytest.raises(ValueError, match="own district"):
        make(world, school=world.jefferson)


def test_it_revokes_once_and_records_it(world):
    device, token = make(world)
    services.device_revoke(device=device, actor=world.dana)
    device.refresh_from_db()
    assert device.revoked_at is not None and device.revoked_by == world.dana
    assert services.device_for_token(token) is None
    event = AuditEvent.objects.get(action="device.revoked")
    assert (event.actor, event.subject_id) == (world.dana, str(device.pk))
    with pytest.raises(ValidationError):
        services.device_revoke(device=device, actor=world.dana)
    assert AuditEvent.objects.filter(action="device.revoked").count() == 1


def test_it_finds_the_device_of_a_token(world, django_assert_num_queries):
    device, token = make(world)
    now = timezone.now()
    with django_assert_num_queries(2):  # the device, and "last used" written
        found = services.device_for_token(token, now=now)
    assert found == device
    assert found.school == world.lincoln and found.account == device.account
    with django_assert_num_queries(0):
        found.school.district  # noqa: B018 (read with the device)
    # Within the minute, "last used" is not written again.
    with django_assert_num_queries(1):
        services.device_for_token(token, now=now + timedelta(seconds=59))
    with django_assert_num_queries(2):
        services.device_for_token(token, now=now + timedelta(seconds=61))


@pytest.mark.parametrize(
    "token", ["", "thr_", "thr_unknown", "nope", "thr_" + "x" * 200, "thr_é" + "x" * 40]
)
def test_it_finds_no_device_for_what_is_not_a_token(world, token):
    make(world)
    assert services.device_for_token(token) is None


def test_a_factory_device_authenticates_like_a_real_one(world):
    device, token = factories.device(world.lincoln)
    assert services.device_for_token(token) == device
