"""The demo district comes with drills assigned, so that `make run` shows what is due."""

from threshold.accounts.demo import DEMO_DOMAIN, load_demo
from threshold.accounts.models import User
from threshold.training import queries
from threshold.training.models import Assignment


def test_the_demo_district_has_a_drill_for_every_role(db):
    district = load_demo("a demo password")
    assert Assignment.objects.filter(district=district).count() == 4
    desk = User.objects.get(email=f"frontdesk.lincoln@{DEMO_DOMAIN}")
    records = User.objects.get(email=f"records@{DEMO_DOMAIN}")
    teacher = User.objects.get(email=f"teacher.lincoln@{DEMO_DOMAIN}")
    for person in (desk, records, teacher):
        [standing] = queries.my_standings(person)
        assert standing.state == queries.DUE
