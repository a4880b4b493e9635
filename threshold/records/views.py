"""The records officer's pages: the queue of requests, a request's intake and its handling, the
students with their record of disclosures and opt-outs, the roster import and the directory policy.

Each view first asks `threshold.records.access` (403 without the capability, 404 for a row of
another district or, to those who may not open it, in the restricted file), then calls a service.
Every view of a student's record of disclosures, and every export of it, is an audit event.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from threshold.accounts import access as accounts_access
from threshold.accounts.models import User
from threshold.audit.services import record
from threshold.policies import labels
from threshold.records import access, exports, queries, roster, services
from threshold.records.forms import (
    CloseForm,
    CounselDirectionForm,
    DisclosureForm,
    IntakeForm,
    OptOutForm,
    PolicyForm,
    ReleaseOrderForm,
    RosterImportForm,
    StudentSearchForm,
)
from threshold.records.models import (
    LANGUAGES,
    DirectoryCategory,
    DirectoryParty,
    Notice,
    RecordsPolicy,
    RecordsRequest,
    Student,
)
from threshold.visitors.views.desk import show_refusal


def _user(request: HttpRequest) -> User:
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def decision_card(decision: dict[str, Any]) -> dict[str, Any]:
    """A stored decision as the decision card shows it (policies/decision_card.html)."""
    pack = decision.get("pack", {})
    return {
        "headline": decision.get("headline", ""),
        "access": labels.say(labels.ACCESS, decision.get("access", "")),
        "student_contact": labels.say(labels.STUDENT_CONTACT, decision.get("student_contact", "")),
        "records": labels.say(labels.RECORDS, decision.get("records", "")),
        "notify": [labels.say(labels.NOTIFY, code) for code in decision.get("notify", [])],
        "log": [labels.say(labels.LOG, code) for code in decision.get("log", [])],
        "consult_counsel": decision.get("consult_counsel", False),
        "do_not_obstruct": False,  # nobody is at the door: this is the records office
        "steps": decision.get("steps", []),
        "say": decision.get("say", []),
        "rules": decision.get("rules", []),
        "reviewed": pack.get("reviewed", False),
        "pack": f"{pack.get('id', '')} {pack.get('version', '')}",
    }


# Requests ---------------------------------------------------------------------------------------


@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    """Requests in the order they fall due: the open ones, or all."""
    district = access.district_for(request.user)
    show = "all" if request.GET.get("show") == "all" else "open"
    found = list(queries.queue(access.requests_for(request.user), show=show)[:500])
    period = timedelta(days=queries.policy_of(district).notice_period_days)
    waiting = (RecordsRequest.Status.AWAITING_NOTICE, RecordsRequest.Status.NOTICE_SENT)
    for item in found:
        # The return date comes before even a notice sent on the day it arrived could end.
        item.return_too_soon = bool(
            item.respond_by
            and item.status in waiting
            and item.respond_by < timezone.localdate(item.received_at) + period
        )
    with transaction.atomic():
        record(
            "records.queue_viewed",
            actor=_user(request),
            district=district,
            data={"show": show, "requests": len(found)},
        )
    context = {
        "district": district,
        "requests": found,
        "show": show,
        "today": timezone.localdate(),
        "can_handle": accounts_access.has_capability(request.user, access.HANDLE),
    }
    return render(request, "records/queue.html", context)


def request_new(request: HttpRequest) -> HttpResponse:
    """Record a request for student information; the district's policy pack decides it."""
    district = access.district_for(request.user, access.HANDLE)
    students = Student.objects.filter(district=district)
    form = IntakeForm(request.POST or None, students=students)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.request_intake(
                district=district,
                actor=_user(request),
                channel=data["channel"],
                requester=form.requester(),
                requested=data["requested"],
                student=data["student"],
                document=form.document(),
                identified_by_non_directory_info=data["identified_by_non_directory_info"],
                description=data["description"],
                stated_interest=data["stated_interest"],
                respond_by=data["respond_by"],
                directory_items=data["directory_items"],
                opted_out_excluded=data["opted_out_excluded"],
                purpose_within_notice=data["purpose_within_notice"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            return redirect("records-request", request_id=created.pk)
    status = 422 if form.is_bound else 200
    context = {"form": form, **_directory_context(queries.policy_of(district))}
    return render(request, "records/request_new.html", context, status=status)


def _directory_context(policy: RecordsPolicy) -> dict[str, Any]:
    """The district's directory notice as the intake and request pages show it."""
    categories = dict(DirectoryCategory.choices)
    parties = dict(DirectoryParty.choices)
    return {
        "policy": policy,
        "policy_categories": [
            (code, categories.get(code, code)) for code in policy.directory_categories
        ],
        "policy_parties": [(code, parties.get(code, code)) for code in policy.directory_parties],
    }


def _request_page(
    request: HttpRequest,
    found: RecordsRequest,
    *,
    forms: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    can_handle = accounts_access.has_capability(request.user, access.HANDLE)
    forms = forms or {}
    notices = list(found.notices.all())
    preview: dict[str, Any] = {}
    if can_handle and found.status == RecordsRequest.Status.AWAITING_NOTICE:
        today = timezone.localdate()
        try:
            to_student, recipients = services.notice_recipients(found, today)
        except ValidationError as error:
            preview = {"problem": " ".join(error.messages)}
        else:
            names = dict(LANGUAGES)
            period = queries.policy_of(found.district).notice_period_days
            preview = {
                "to_student": to_student,
                "recipients": [
                    {"name": name, "email": email, "language": names.get(language, language)}
                    for name, email, language in recipients
                ],
                "release": today + timedelta(days=period),
            }
    context = {
        "preview": preview,
        "notices_failed": any(n.state == Notice.State.FAILED for n in notices),
        "notices_waiting": any(n.earliest_release is None for n in notices),
        "return_date_too_soon": services.return_date_too_soon(found),
        "duties": [
            {**duty, "label": labels.say(labels.NOTIFY, duty["code"])} for duty in found.duties
        ],
        "item": found,
        "card": decision_card(found.decision),
        "notices": notices,
        "entries": list(found.entries.all()) if not found.restricted else [],
        "can_handle": can_handle,
        "notice_required": services.notice_required(found),
        "release_date": services.release_date(found),
        "disclosure_form": forms.get("disclosure") or DisclosureForm(),
        "order_form": forms.get("order") or ReleaseOrderForm(),
        "close_form": forms.get("close") or CloseForm(),
        "can_direct": accounts_access.has_capability(request.user, access.DIRECT),
        "is_counsel": services.is_counsel(_user(request), found.district),
        "direction_form": forms.get("direction")
        or CounselDirectionForm(counsel=services.is_counsel(_user(request), found.district)),
        "today": timezone.localdate(),
        **_directory_context(queries.policy_of(found.district)),
    }
    return render(request, "records/request.html", context, status=status)


@require_safe
def request_detail(request: HttpRequest, request_id: Any) -> HttpResponse:
    """One request: its decision, its notices, and what the officer may do next."""
    found = access.request_for(request.user, request_id)
    with transaction.atomic():
        record(
            "records.restricted_opened" if found.restricted else "records.request_viewed",
            actor=_user(request),
            district=found.district,
            subject=found,
        )
    return _request_page(request, found)


@require_POST
def request_notice(request: HttpRequest, request_id: Any) -> HttpResponse:
    """Send the advance notice to the parents (or the eligible student)."""
    found = access.request_for(request.user, request_id, access.HANDLE)
    try:
        sent = services.notice_send(request=found, actor=_user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        letters = sum(1 for notice in sent if notice.is_letter)
        messages.success(
            request,
            _(
                "The notice is on its way (%(count)s). The waiting period starts when it is "
                "delivered: no release before %(date)s at the earliest."
            )
            % {"count": len(sent), "date": sent[0].stated_release.isoformat()},
        )
        if letters:
            messages.warning(
                request,
                _("Print each letter, post it, then mark it posted: its period starts then."),
            )
    return redirect("records-request", request_id=found.pk)


def _notice_of(found: RecordsRequest, notice_id: Any) -> Notice:
    try:
        return found.notices.get(pk=notice_id)
    except Notice.DoesNotExist:
        raise Http404 from None


@require_safe
def notice_print(request: HttpRequest, request_id: Any, notice_id: Any) -> HttpResponse:
    """A notice as a letter to print and post."""
    found = access.request_for(request.user, request_id, access.HANDLE)
    notice = _notice_of(found, notice_id)
    with transaction.atomic():
        record(
            "records.request_viewed",
            actor=_user(request),
            district=found.district,
            school=found.school,
            subject=found,
            data={"notice": str(notice.pk), "print": True},
        )
    context = {"item": found, "notice": notice, "district": found.district}
    return render(request, "records/notice_print.html", context)


@require_POST
def notice_posted(request: HttpRequest, request_id: Any, notice_id: Any) -> HttpResponse:
    """The office posted the letter: the waiting period starts today."""
    found = access.request_for(request.user, request_id, access.HANDLE)
    notice = _notice_of(found, notice_id)
    try:
        services.notice_mark_posted(notice=notice, actor=_user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The letter is marked as posted."))
    return redirect("records-request", request_id=found.pk)


@require_POST
def duty_done(request: HttpRequest, request_id: Any, code: str) -> HttpResponse:
    """Someone the policy pack names was told, by the person recording it."""
    found = access.request_for(request.user, request_id, access.HANDLE)
    try:
        services.duty_done(request=found, actor=_user(request), code=code)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Recorded."))
    return redirect("records-request", request_id=found.pk)


@require_POST
def request_order(request: HttpRequest, request_id: Any) -> HttpResponse:
    """Record a court order's own date for the release."""
    found = access.request_for(request.user, request_id, access.ORDER)
    form = ReleaseOrderForm(request.POST)
    if form.is_valid():
        try:
            services.release_order_record(request=found, actor=_user(request), **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The order's release date is recorded."))
            return redirect("records-request", request_id=found.pk)
    return _request_page(request, found, forms={"order": form}, status=422)


@require_POST
def request_disclose(request: HttpRequest, request_id: Any) -> HttpResponse:
    """Record the release: refused before the parent's notice period has passed."""
    found = access.request_for(request.user, request_id, access.HANDLE)
    form = DisclosureForm(request.POST)
    if form.is_valid():
        try:
            services.disclosure_record(request=found, actor=_user(request), **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The release is recorded."))
            return redirect("records-request", request_id=found.pk)
    return _request_page(request, found, forms={"disclosure": form}, status=422)


@require_POST
def request_direction(request: HttpRequest, request_id: Any) -> HttpResponse:
    """Record counsel's direction on a request the policy pack held for counsel."""
    found = access.request_for(request.user, request_id, access.DIRECT)
    form = CounselDirectionForm(
        request.POST, counsel=services.is_counsel(_user(request), found.district)
    )
    if form.is_valid():
        try:
            services.counsel_direction_record(
                request=found, actor=_user(request), **form.cleaned_data
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Counsel's direction is recorded."))
            return redirect("records-request", request_id=found.pk)
    return _request_page(request, found, forms={"direction": form}, status=422)


@require_POST
def request_close(request: HttpRequest, request_id: Any) -> HttpResponse:
    """Close the request without a release."""
    found = access.request_for(request.user, request_id, access.HANDLE)
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            services.request_close(request=found, actor=_user(request), **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The request is closed."))
            return redirect("records-queue")
    return _request_page(request, found, forms={"close": form}, status=422)


# Students ---------------------------------------------------------------------------------------


@require_safe
def students(request: HttpRequest) -> HttpResponse:
    """Find a student by name or number."""
    district = access.district_for(request.user)
    form = StudentSearchForm(request.GET)
    text = form.cleaned_data["q"].strip() if form.is_valid() else ""
    found: list[Student] = []
    if text:
        found = list(queries.search_students(district, text)[:100])
        with transaction.atomic():
            record(
                "records.students_searched",
                actor=_user(request),
                district=district,
                data={"results": len(found)},
            )
    context = {
        "district": district,
        "form": form,
        "students": found,
        "searched": bool(text),
        "total": Student.objects.filter(district=district, is_active=True).count(),
        "can_import": accounts_access.has_capability(request.user, access.IMPORT),
    }
    return render(request, "records/students.html", context)


def _student_page(
    request: HttpRequest, student: Student, *, form: OptOutForm | None = None, status: int = 200
) -> HttpResponse:
    context = {
        "student": student,
        "entries": list(queries.record_of(student)),
        "guardians": list(student.guardians.all()),
        "history": list(student.opt_out_changes.select_related("changed_by")),
        "eligible": student.is_eligible(timezone.localdate()),
        "can_handle": accounts_access.has_capability(request.user, access.HANDLE),
        "form": form or OptOutForm(initial={"opted_out": student.directory_opt_out}),
    }
    return render(request, "records/student.html", context, status=status)


@require_safe
def student_detail(request: HttpRequest, student_id: Any) -> HttpResponse:
    """A student: contacts, directory opt-out and its history, the record of disclosures."""
    student = access.student_for(request.user, student_id)
    with transaction.atomic():
        record(
            "records.disclosures_viewed",
            actor=_user(request),
            district=student.district,
            school=student.school,
            subject=student,
        )
    return _student_page(request, student)


@require_POST
def student_opt_out(request: HttpRequest, student_id: Any) -> HttpResponse:
    """A parent's directory opt-out, or its withdrawal."""
    student = access.student_for(request.user, student_id, access.HANDLE)
    form = OptOutForm(request.POST)
    if not form.is_valid():
        return _student_page(request, student, form=form, status=422)
    services.opt_out_set(student=student, actor=_user(request), **form.cleaned_data)
    messages.success(request, _("The directory opt-out is saved."))
    return redirect("records-student", student_id=student.pk)


def _download(
    request: HttpRequest, student: Student, action: str, body: bytes, content_type: str, name: str
) -> HttpResponse:
    with transaction.atomic():
        record(
            action,
            actor=_user(request),
            district=student.district,
            school=student.school,
            subject=student,
        )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def student_csv(request: HttpRequest, student_id: Any) -> HttpResponse:
    """The record of disclosures as CSV, to file with the education record."""
    student = access.student_for(request.user, student_id)
    body = exports.record_csv(student, queries.record_of(student))
    name = f"disclosures-{student.local_id}.csv"
    return _download(
        request, student, "records.disclosures_exported", body, "text/csv; charset=utf-8", name
    )


@require_safe
def student_pdf(request: HttpRequest, student_id: Any) -> HttpResponse:
    """The record of requests and disclosures as a PDF for the parent or eligible student."""
    student = access.student_for(request.user, student_id)
    body = exports.record_pdf(student, queries.record_of(student))
    name = f"record-of-disclosures-{student.local_id}.pdf"
    return _download(
        request, student, "records.parent_export_downloaded", body, "application/pdf", name
    )


# Roster and policy ------------------------------------------------------------------------------


def roster_import(request: HttpRequest) -> HttpResponse:
    """Import the roster: every row is checked first, and one bad row imports nothing."""
    district = access.district_for(request.user, access.IMPORT)
    form = RosterImportForm(request.POST or None, request.FILES or None)
    refused: roster.ImportRefused | None = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            parsed = roster.parse(
                district=district,
                kind=data["kind"],
                data=data["file"],
                supplement=data["supplement"],
                today=timezone.localdate(),
            )
            result = roster.import_roster(district=district, actor=_user(request), parsed=parsed)
        except roster.ImportRefused as error:
            refused = error
        else:
            return render(
                request, "records/import_done.html", {"result": result, "district": district}
            )
    status = 422 if form.is_bound else 200
    context = {
        "form": form,
        "district": district,
        "refused": refused,
        "simple_columns": ",".join((*roster.SIMPLE_REQUIRED, *roster.SIMPLE_OPTIONAL)),
        "supplement_columns": ",".join(roster.SUPPLEMENT_COLUMNS),
    }
    return render(request, "records/import.html", context, status=status)


def policy(request: HttpRequest) -> HttpResponse:
    """The directory-information policy and the records settings (the records officer edits)."""
    district = access.district_for(request.user)
    current = queries.policy_of(district)
    can_edit = accounts_access.has_capability(request.user, access.HANDLE)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = PolicyForm(request.POST or None, instance=current)
    if form.is_bound and form.is_valid():
        values = {name: form.cleaned_data[name] for name in services.POLICY_FIELDS}
        try:
            services.policy_update(district=district, actor=_user(request), values=values)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The policy is saved."))
            return redirect("records-policy")
    status = 422 if form.is_bound else 200
    context = {
        "form": form,
        "district": district,
        "can_edit": can_edit,
        "current": current,
        **_directory_context(current),
    }
    return render(request, "records/policy.html", context, status=status)
