from django.urls import path

from threshold.notices import views

urlpatterns = [
    path("district/notices/", views.notices, name="notices"),
    path("district/notices/contact/", views.contact, name="notices-contact"),
    path("district/notices/letter/send/", views.letter_send, name="notices-letter-send"),
    path("district/notices/mailings/<uuid:mailing_id>/", views.mailing, name="notices-mailing"),
    path("district/notices/<uuid:text_id>/", views.text, name="notices-text"),
    path("district/notices/<uuid:text_id>/review/", views.review, name="notices-review"),
    path("district/notices/<uuid:text_id>/pdf/", views.text_pdf, name="notices-pdf"),
    path(
        "encounters/<uuid:encounter_id>/family-notice/",
        views.encounter_notice,
        name="encounters-family-notice",
    ),
    path("families/<slug:slug>/", views.public, name="families"),
    path("families/<slug:slug>/<str:language>/", views.public, name="families-language"),
    path(
        "families/<slug:slug>/<str:language>/<str:kind>.pdf",
        views.public_pdf,
        name="families-pdf",
    ),
]
