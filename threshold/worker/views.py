"""Background tasks that failed, for a district administrator to see and send again."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from threshold.accounts import access
from threshold.accounts.roles import Capability
from threshold.worker import queries, services


def failed_tasks(request: HttpRequest) -> HttpResponse:
    """The district's tasks that failed for good, and those waiting to be tried again."""
    district = access.district_for(request.user, Capability.VIEW_FAILED_TASKS)
    return render(
        request,
        "worker/failed_tasks.html",
        {
            "failed": queries.failed_for(district),
            "retrying": queries.retrying_for(district),
        },
    )


@require_POST
def retry_task(request: HttpRequest, task_id: str) -> HttpResponse:
    """Send a failed task again, from its first attempt."""
    district = access.district_for(request.user, Capability.VIEW_FAILED_TASKS)
    failed = queries.failed_task_for(district, task_id)
    services.retry_failed(result=failed, district=district, actor=request.user)  # type: ignore[arg-type]
    messages.success(request, _("The task was sent again."))
    return redirect("failed-tasks")
