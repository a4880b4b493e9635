from django.urls import path

from threshold.records import views

urlpatterns = [
    path("records/", views.queue, name="records-queue"),
    path("records/requests/new/", views.request_new, name="records-request-new"),
    path("records/requests/<uuid:request_id>/", views.request_detail, name="records-request"),
    path(
        "records/requests/<uuid:request_id>/notice/",
        views.request_notice,
        name="records-request-notice",
    ),
    path(
        "records/requests/<uuid:request_id>/notices/<uuid:notice_id>/print/",
        views.notice_print,
        name="records-notice-print",
    ),
    path(
        "records/requests/<uuid:request_id>/notices/<uuid:notice_id>/posted/",
        views.notice_posted,
        name="records-notice-posted",
    ),
    path(
        "records/requests/<uuid:request_id>/duties/<str:code>/",
        views.duty_done,
        name="records-duty-done",
    ),
    path(
        "records/requests/<uuid:request_id>/order/",
        views.request_order,
        name="records-request-order",
    ),
    path(
        "records/requests/<uuid:request_id>/release/",
        views.request_disclose,
        name="records-request-disclose",
    ),
    path(
        "records/requests/<uuid:request_id>/counsel/",
        views.request_direction,
        name="records-request-direction",
    ),
    path(
        "records/requests/<uuid:request_id>/close/",
        views.request_close,
        name="records-request-close",
    ),
    path("records/students/", views.students, name="records-students"),
    path("records/students/<uuid:student_id>/", views.student_detail, name="records-student"),
    path(
        "records/students/<uuid:student_id>/opt-out/",
        views.student_opt_out,
        name="records-student-opt-out",
    ),
    path(
        "records/students/<uuid:student_id>/disclosures.csv",
        views.student_csv,
        name="records-student-csv",
    ),
    path(
        "records/students/<uuid:student_id>/disclosures.pdf",
        views.student_pdf,
        name="records-student-pdf",
    ),
    path("records/import/", views.roster_import, name="records-import"),
    path("records/policy/", views.policy, name="records-policy"),
]
