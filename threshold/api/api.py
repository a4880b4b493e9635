"""The versioned API (/api/v1/): its errors, and its URLs.

Every operation needs a device's token (`threshold.api.auth`); the operations themselves are in
`threshold.api.endpoints` and call the same services as the pages. Errors are JSON:
`{"detail": "…"}`, or for invalid input (422) `{"detail": [{"loc": […], "msg": "…", "type": "…"}]}`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as RefusedError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as InvalidInput

from threshold.api.auth import DeviceRateThrottle, DeviceToken
from threshold.api.endpoints import router
from threshold.encounters.api import router as encounters_router
from threshold.records.api import router as records_router
from threshold.visitors.identity import UnreadableCard
from threshold.visitors.services import AlreadyCheckedOut

DESCRIPTION = """\
The front desk's operations for a school's devices (tablets, kiosks): check a visitor in, read the
state of a check-in (held while the office checks a possible watchlist match), check out, and see
who is on campus. Every request carries a device token, made by a district administrator for one
school: `Authorization: Bearer thr_…`. See docs/api.md.

The student-records operations (/records/...) take a staff member's signed-in session instead, with
a role that grants them (records officer, district counsel); devices never reach them.

The officer-visit operations (/schools/{id}/encounters/, /encounters/...) take a staff session
with the front desk's or a summoned official's role; a school's device with the `officer` scope
may only start an encounter at its school and read the ones it started.
"""

api = NinjaAPI(
    title="Threshold",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=DeviceToken(),
    throttle=[DeviceRateThrottle()],
    # The interactive documentation page loads its script from a CDN and runs inline script:
    # neither passes the site's Content-Security-Policy. The JSON document is served instead.
    docs_url=None,
)


def _json(request: HttpRequest, detail: Any, status: int) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


@api.exception_handler(AuthenticationError)
def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _json(request, _("A valid device token is required."), 401)
    response["WWW-Authenticate"] = 'Bearer realm="threshold"'
    return response


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _json(request, _("This device may not do that."), 403)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _json(request, _("Not found"), 404)


@api.exception_handler(InvalidInput)
def invalid(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
    # Only where and what: never the value sent (it may be a licence payload).
    problems = [
        {"loc": list(error["loc"]), "msg": error["msg"], "type": error["type"]}
        for error in exc.errors
    ]
    return _json(request, problems, 422)


# Where a service's field is found in the request body.
FIELDS = {
    "area": ["area_id"],
    "family_name": ["person", "family_name"],
    "visitor_type": ["visitor_type"],
}


@api.exception_handler(RefusedError)
def refused(request: HttpRequest, exc: RefusedError) -> HttpResponse:
    """A service said no: the same 422 shape, by field where the service names one."""
    problems: list[dict[str, Any]] = []
    if hasattr(exc, "error_dict"):
        for field, messages in exc.message_dict.items():
            where = FIELDS.get(field, [field] if field != "__all__" else [])
            for message in messages:
                problems.append(
                    {"loc": ["body", "payload", *where], "msg": message, "type": "refused"}
                )
    else:
        problems = [{"loc": ["body"], "msg": m, "type": "refused"} for m in exc.messages]
    return _json(request, problems, 422)


@api.exception_handler(AlreadyCheckedOut)
def already_out(request: HttpRequest, exc: AlreadyCheckedOut) -> HttpResponse:
    return _json(request, " ".join(exc.messages), 409)


@api.exception_handler(UnreadableCard)
def unreadable(request: HttpRequest, exc: UnreadableCard) -> HttpResponse:
    message = _("The ID could not be read. Scan it again, or type the name.")
    return _json(
        request, [{"loc": ["body", "payload", "scan"], "msg": message, "type": "scan"}], 422
    )


api.add_router("", router)
api.add_router("", records_router)
api.add_router("", encounters_router)

# URLs ---------------------------------------------------------------------------------------------

_device = DeviceToken()


def _token_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For the pages django-ninja adds itself (the OpenAPI document, the API's root), which do
    not go through an operation's authentication: the same token is required."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if _device(request) is None:
            return unauthorized(request, AuthenticationError())
        return view(request, *args, **kwargs)

    return guarded


def _root(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    return not_found(request, Http404())


def urls() -> tuple[list[Any], str, str]:
    """The API's URL patterns. LoginRequiredMiddleware would send a request without a session to
    the sign-in page; the API answers for itself (401 in JSON), so its views are marked as not
    needing a session, and those django-ninja adds are given the token check."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name == "openapi-json":
            pattern.callback = _token_required(pattern.callback)
        elif pattern.name == "api-root":
            pattern.callback = _token_required(_root)
        pattern.callback = login_not_required(pattern.callback)
    return patterns, app_name, namespace
