from tests.notify.fixtures import sms_gateway, smtp  # noqa: F401 (fixtures)
