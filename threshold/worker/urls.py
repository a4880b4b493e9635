from django.urls import path

from threshold.worker import views

urlpatterns = [
    path("tasks/failed/", views.failed_tasks, name="failed-tasks"),
    path("tasks/failed/<str:task_id>/retry/", views.retry_task, name="retry-task"),
]
