from django.urls import path

from threshold.audit import views

urlpatterns = [
    path("audit/", views.events, name="audit-events"),
    path("audit/verify/", views.verify_hx, name="audit-verify-hx"),
    path("audit/export/", views.export, name="audit-export"),
]
