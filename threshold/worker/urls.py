from django.urls import path

from threshold.worker import views

urlpatterns = [
    path("tasks/failed/", views.failed_tasks, name="failed-tasks"),
]
