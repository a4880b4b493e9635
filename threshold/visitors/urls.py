from django.urls import path

from threshold.visitors.views import desk, roster, settings

urlpatterns = [
    path("front-desk/", desk.choose, name="visitors-choose"),
    path("schools/<uuid:school_id>/desk/", desk.desk, name="visitors-desk"),
    path("schools/<uuid:school_id>/desk/status/", desk.desk_status_hx, name="visitors-desk-hx"),
    path("schools/<uuid:school_id>/desk/search/", desk.search_hx, name="visitors-search-hx"),
    path("schools/<uuid:school_id>/desk/scan/", desk.scan, name="visitors-scan"),
    path("schools/<uuid:school_id>/desk/check-in/", desk.check_in, name="visitors-check-in"),
    path("visits/<uuid:visit_id>/check-out/", desk.check_out, name="visitors-check-out"),
    path("visits/<uuid:visit_id>/badge/", desk.badge, name="visitors-badge"),
    path("visits/<uuid:visit_id>/badge/reprint/", desk.badge_reprint, name="visitors-reprint"),
    path("visitors/<uuid:visitor_id>/photo/", desk.photo, name="visitors-photo"),
    path("schools/<uuid:school_id>/on-campus/", roster.roster, name="visitors-roster"),
    path("schools/<uuid:school_id>/on-campus/live/", roster.roster_hx, name="visitors-roster-hx"),
    path(
        "schools/<uuid:school_id>/on-campus/export/",
        roster.roster_export,
        name="visitors-roster-export",
    ),
    path("schools/<uuid:school_id>/visits/", roster.history, name="visitors-history"),
    path(
        "schools/<uuid:school_id>/visits/not-signed-out/",
        roster.not_signed_out,
        name="visitors-not-signed-out",
    ),
    path("district/front-desk/", settings.visitor_settings, name="visitors-settings"),
]
