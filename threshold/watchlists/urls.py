from django.urls import path

from threshold.watchlists.views import alerts, desk, entries

urlpatterns = [
    # District administrators: the lists and their entries
    path("district/watchlists/", entries.entries, name="watchlists-entries"),
    path("district/watchlists/new/", entries.entry_create, name="watchlists-entry-create"),
    path("district/watchlists/import/", entries.import_file, name="watchlists-import"),
    path(
        "district/watchlists/approved-visitors/",
        entries.approvals,
        name="watchlists-approvals",
    ),
    path(
        "district/watchlists/approved-visitors/<uuid:approval_id>/remove/",
        entries.approval_remove,
        name="watchlists-approval-remove",
    ),
    path(
        "district/watchlists/lists/<uuid:watchlist_id>/confirm/",
        entries.list_confirm,
        name="watchlists-list-confirm",
    ),
    path(
        "district/watchlists/lists/<uuid:watchlist_id>/age/",
        entries.list_age,
        name="watchlists-list-age",
    ),
    path("district/watchlists/<uuid:entry_id>/", entries.entry, name="watchlists-entry"),
    path(
        "district/watchlists/<uuid:entry_id>/deactivate/",
        entries.entry_deactivate,
        name="watchlists-entry-deactivate",
    ),
    path(
        "district/watchlists/<uuid:entry_id>/reactivate/",
        entries.entry_reactivate,
        name="watchlists-entry-reactivate",
    ),
    path(
        "district/watchlists/<uuid:entry_id>/end/", entries.entry_end, name="watchlists-entry-end"
    ),
    path(
        "district/watchlists/<uuid:entry_id>/photo/",
        entries.entry_photo,
        name="watchlists-entry-photo",
    ),
    # Designated officials: possible matches at their schools
    path("alerts/", alerts.alerts, name="watchlists-alerts"),
    path("alerts/live/", alerts.alerts_hx, name="watchlists-alerts-hx"),
    path("alerts/<uuid:alert_id>/", alerts.alert, name="watchlists-alert"),
    path("alerts/<uuid:alert_id>/live/", alerts.alert_hx, name="watchlists-alert-hx"),
    path("alerts/<uuid:alert_id>/answer/", alerts.alert_answer, name="watchlists-alert-answer"),
    path("alerts/<uuid:alert_id>/approve/", alerts.alert_approve, name="watchlists-alert-approve"),
    path(
        "alerts/<uuid:alert_id>/visitor-photo/",
        alerts.alert_visitor_photo,
        name="watchlists-alert-visitor-photo",
    ),
    path(
        "alerts/<uuid:alert_id>/listed/<uuid:entry_id>/photo/",
        alerts.alert_entry_photo,
        name="watchlists-alert-entry-photo",
    ),
    # The front desk while a check-in is held
    path("visits/<uuid:visit_id>/please-wait/", desk.desk_wait, name="watchlists-desk-wait"),
    path(
        "visits/<uuid:visit_id>/please-wait/live/",
        desk.desk_wait_hx,
        name="watchlists-desk-wait-hx",
    ),
]
