from django.urls import path

from threshold.training import views

urlpatterns = [
    path("training/", views.home, name="training-home"),
    path("training/start/", views.start, name="training-start"),
    path("training/drills/<uuid:attempt_id>/", views.attempt, name="training-attempt"),
    path(
        "training/drills/<uuid:attempt_id>/certificate/",
        views.certificate,
        name="training-certificate",
    ),
    path("training/specimens/<slug:key>.png", views.specimen_image, name="training-specimen"),
    path("training/assignments/", views.assignments, name="training-assignments"),
    path(
        "training/assignments/<uuid:assignment_id>/close/",
        views.assignment_close,
        name="training-assignment-close",
    ),
    path("training/report/", views.report, name="training-report"),
    path("training/report/export/", views.report_export, name="training-report-export"),
]
