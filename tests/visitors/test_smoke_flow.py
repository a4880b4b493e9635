"""A visitor's whole visit through the desk's pages, as the front office sees it."""

import re

from tests.visitors.helpers import check_in_url, desk_url, roster_url, scan_url, typed_payload
from threshold.audit.models import AuditEvent
from threshold.testing import factories
from threshold.visitors.models import Visit, Visitor


def test_it_checks_a_scanned_visitor_in_and_out(world, client_for):
    lobby = factories.area(world.lincoln, name="Main office", is_public=True)
    client = client_for(world.alice)
    assert client.get(desk_url(world.lincoln)).status_code == 200

    confirm = client.post(scan_url(world.lincoln), {"entry": typed_payload()})
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "Maria Elena" in page and "Rivera-Castillo" in page
    scan = re.search(r'name="scan" value="([^"]+)"', page).group(1)

    response = client.post(
        check_in_url(world.lincoln),
        {"scan": scan, "visitor_type": "parent", "area": lobby.pk, "purpose": "Pick-up"},
    )
    assert response.status_code == 302, response.content.decode()
    visit = Visit.objects.get()
    assert visit.id_check == "scanned"
    assert Visitor.objects.get().document_last4 == "5982"
    badge = client.get(response.url)
    assert badge.status_code == 200
    assert b"data:image/svg+xml" in badge.content

    roster = client.get(roster_url(world.lincoln))
    assert "Rivera-Castillo" in roster.content.decode()
    out = client.post(scan_url(world.lincoln), {"entry": visit.badge_code})
    assert out.status_code == 302
    visit.refresh_from_db()
    assert visit.departure == "badge"
    assert AuditEvent.objects.filter(action="visit.checked_out").count() == 1
