from django.urls import path

from threshold.encounters import views, views_more

urlpatterns = [
    path(
        "district/schools/<uuid:school_id>/verification-numbers/",
        views.verification_numbers,
        name="encounters-verification-numbers",
    ),
    path(
        "district/verification-numbers/<uuid:number_id>/remove/",
        views.verification_number_remove,
        name="encounters-verification-number-remove",
    ),
    path("schools/<uuid:school_id>/officer/", views.start, name="encounters-start"),
    path("visits/<uuid:visit_id>/officer/", views.offer, name="encounters-offer"),
    path("encounters/<uuid:encounter_id>/desk/", views.desk, name="encounters-desk"),
    path("encounters/<uuid:encounter_id>/desk/live/", views.desk_hx, name="encounters-desk-hx"),
    path("encounters/<uuid:encounter_id>/", views.official, name="encounters-official"),
    path("encounters/<uuid:encounter_id>/live/", views.official_hx, name="encounters-official-hx"),
    path("encounters/<uuid:encounter_id>/close/", views.close, name="encounters-close"),
    path(
        "encounters/<uuid:encounter_id>/documents/",
        views.add_document,
        name="encounters-document-add",
    ),
    path(
        "encounters/<uuid:encounter_id>/documents/<uuid:document_id>/photo/",
        views.document_photo,
        name="encounters-document-photo",
    ),
    path(
        "encounters/<uuid:encounter_id>/documents/<uuid:document_id>/review/",
        views.review_document,
        name="encounters-document-review",
    ),
    path(
        "encounters/<uuid:encounter_id>/record/<str:step>/",
        views.record_step,
        name="encounters-record",
    ),
    path(
        "encounters/<uuid:encounter_id>/outcome/",
        views_more.record_outcome,
        name="encounters-outcome",
    ),
    path(
        "encounters/<uuid:encounter_id>/students/",
        views_more.student_search,
        name="encounters-student-search",
    ),
    path(
        "encounters/<uuid:encounter_id>/student/",
        views_more.student_link,
        name="encounters-student-link",
    ),
    path("district/encounters/", views_more.encounter_list, name="encounters-list"),
    path(
        "encounters/<uuid:encounter_id>/report/",
        views_more.encounter_report,
        name="encounters-report",
    ),
    path(
        "encounters/<uuid:encounter_id>/report.pdf",
        views_more.encounter_report_pdf,
        name="encounters-report-pdf",
    ),
]
