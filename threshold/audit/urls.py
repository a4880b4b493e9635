from django.urls import path

from threshold.audit import views

urlpatterns = [
    path("audit/", views.events, name="audit-events"),
]
