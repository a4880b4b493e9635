"""Training drills: what each person must take, taking a drill, the district's assignments, the
report per school (with its CSV) and the completion certificate.

Every view asks for a capability first. A drill attempt is reached only by its owner; schools and
assignments only inside the person's district.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from threshold.accounts import access
from threshold.accounts.models import School, User
from threshold.accounts.roles import Capability, Role
from threshold.policies.queries import policy_for
from threshold.training import bank, exports, queries, questions, services, specimens
from threshold.training.forms import AssignmentForm, DrillForm
from threshold.training.models import Assignment, Attempt


def _uuid(value: Any) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _own_attempt(request: HttpRequest, attempt_id: Any) -> Attempt:
    access.require(request.user, Capability.TAKE_TRAINING)
    try:
        return Attempt.objects.select_related("assignment", "district", "user").get(
            pk=_uuid(attempt_id),
            user=request.user,
            district_id=_user(request).district_id,
        )
    except Attempt.DoesNotExist:
        raise Http404 from None


def _assignment(request: HttpRequest, capability: Capability, assignment_id: Any) -> Assignment:
    district = access.district_of(request.user, capability)
    try:
        return Assignment.objects.get(pk=_uuid(assignment_id), district=district)
    except Assignment.DoesNotExist:
        raise Http404 from None


def _my_tracks(request: HttpRequest) -> list[str]:
    roles = [m.role for m in access.memberships_with(request.user, Capability.TAKE_TRAINING)]
    mine = [bank.TRACK_FOR_ROLE[r] for r in roles if r in bank.TRACK_FOR_ROLE]
    return list(dict.fromkeys([*mine, *bank.TRACKS]))


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """What the person must take, by when, and drills to practise."""
    district = access.district_of(request.user, Capability.TAKE_TRAINING)
    standings = queries.my_standings(_user(request))
    recent = list(queries.attempts_of(_user(request)).filter(finished_at__isnull=False)[:10])
    return render(
        request,
        "training/home.html",
        {
            "district": district,
            "standings": standings,
            "recent": recent,
            "tracks": [
                (key, bank.TRACK_NAMES[key], bank.TRACKS[key]) for key in _my_tracks(request)
            ],
            "can_manage": access.has_capability(request.user, Capability.MANAGE_TRAINING),
            "can_report": access.has_capability(request.user, Capability.VIEW_TRAINING_REPORT),
        },
    )


@require_POST
def start(request: HttpRequest) -> HttpResponse:
    """Draw a drill (for an assignment, or to practise) and open it."""
    district = access.district_of(request.user, Capability.TAKE_TRAINING)
    assignment = None
    track = request.POST.get("track", "")
    if request.POST.get("assignment"):
        assignment = _assignment(request, Capability.TAKE_TRAINING, request.POST["assignment"])
        covered = queries.assignees(assignment)
        if _user(request) not in covered or not assignment.is_active:
            raise Http404
        track = assignment.track
    if track not in bank.TRACKS:
        raise Http404
    try:
        attempt = services.attempt_start(
            user=_user(request), district=district, track=track, assignment=assignment
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("training-home")
    return redirect("training-attempt", attempt_id=attempt.pk)


def attempt(request: HttpRequest, attempt_id: Any) -> HttpResponse:
    """Take the drill; once it is sent, the results with every answer explained."""
    run = _own_attempt(request, attempt_id)
    policy = policy_for(run.district)
    if run.finished_at is not None:
        if request.method not in ("GET", "HEAD"):
            return HttpResponse(status=405)
        pairs = list(enumerate(zip(run.questions, run.answers, strict=False), start=1))
        presented = [
            questions.present(q, policy, number=n, chosen=answer)
            for n, (q, answer) in pairs
            if questions.presentable(q, policy)
        ]
        return render(
            request,
            "training/results.html",
            {
                "attempt": run,
                "presented": presented,
                "policy": policy,
                "withdrawn": len(pairs) - len(presented),
            },
        )
    if not all(questions.presentable(q, policy) for q in run.questions):
        messages.error(
            request,
            _("This drill asks a situation that is no longer in the drills: start it again."),
        )
        return redirect("training-home")
    if request.method == "POST" and "question" not in request.POST:
        return _submit_all(request, run, policy)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    answers = services.saved_answers(run)
    total = len(run.questions)
    index = _question_index(request, answers)
    error = None
    if request.method == "POST":
        try:
            run = services.attempt_save_answer(
                attempt=run,
                actor=_user(request),
                index=index,
                answer=request.POST.get("answer", ""),
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            answers = services.saved_answers(run)
            missing = [str(n) for n, answer in enumerate(answers, start=1) if not answer]
            if "send" not in request.POST:
                following = (
                    index + 1 if index + 1 < total else int(missing[0]) - 1 if missing else index
                )
                url = reverse("training-attempt", args=[run.pk])
                return redirect(f"{url}?q={following + 1}")
            if missing:
                error = ngettext(
                    "Question %(numbers)s has no answer yet.",
                    "Questions %(numbers)s have no answer yet.",
                    len(missing),
                ) % {"numbers": ", ".join(missing)}
            else:
                try:
                    services.attempt_submit(attempt=run, actor=_user(request), answers=answers)
                except ValidationError as problem:
                    error = " ".join(problem.messages)
                else:
                    return redirect("training-attempt", attempt_id=run.pk)
    item = questions.present(
        run.questions[index], policy, number=index + 1, chosen=answers[index] or None
    )
    return render(
        request,
        "training/attempt.html",
        {
            "attempt": run,
            "item": item,
            "policy": policy,
            "error": error,
            "numbers": [
                {"number": n, "answered": bool(answer), "current": n == index + 1}
                for n, answer in enumerate(answers, start=1)
            ],
            "answered": sum(1 for answer in answers if answer),
            "previous": index if index > 0 else None,
            "is_last": index + 1 == total,
            "all_answered": all(answers),
        },
        status=422 if error else 200,
    )


def _question_index(request: HttpRequest, answers: list[str]) -> int:
    """The question asked for (`?q=` its number, or the one posted), else the first without an
    answer."""
    wanted = request.POST.get("question") if request.method == "POST" else request.GET.get("q")
    try:
        number = int(wanted or 0) + (1 if request.method == "POST" else 0)
    except ValueError:
        number = 0
    if 1 <= number <= len(answers):
        return number - 1
    return next((i for i, answer in enumerate(answers) if not answer), 0)


def _submit_all(request: HttpRequest, run: Attempt, policy: Any) -> HttpResponse:
    """Every answer in one form (without the page per question): graded at once."""
    form = DrillForm(request.POST, questions=run.questions)
    if form.is_valid():
        try:
            services.attempt_submit(attempt=run, actor=_user(request), answers=form.answers())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("training-attempt", attempt_id=run.pk)
    messages.error(request, _("Answer every question."))
    return redirect("training-attempt", attempt_id=run.pk)


@require_safe
def specimen_image(request: HttpRequest, key: str) -> HttpResponse:
    """A training specimen as a page image, marked TRAINING SPECIMEN."""
    access.require(request.user, Capability.TAKE_TRAINING)
    if key not in specimens.all_specimens():
        raise Http404
    response = HttpResponse(specimens.image_png(key), content_type="image/png")
    response["Cache-Control"] = "private, max-age=86400"
    return response


@require_safe
def certificate(request: HttpRequest, attempt_id: Any) -> HttpResponse:
    """The completion certificate of a passed assigned drill that still counts, as a PDF (none for
    a practice run, nor for a completion a pack revision reopened)."""
    run = _own_attempt(request, attempt_id)
    if not run.passed or run.assignment_id is None or run.superseded_at is not None:
        raise Http404
    services.certificate_downloaded(attempt=run, actor=_user(request))
    response = HttpResponse(exports.certificate_pdf(run), content_type="application/pdf")
    stamp = timezone.localtime(run.finished_at).strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="drill-certificate-{stamp}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def assignments(request: HttpRequest) -> HttpResponse:
    """The district's drill assignments, and assigning a new one."""
    district = access.district_for(request.user, Capability.MANAGE_TRAINING)
    form = AssignmentForm(request.POST or None, district=district)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                created = services.assignment_create(
                    district=district,
                    actor=_user(request),
                    track=data["track"],
                    title=data["title"],
                    roles=data["roles"],
                    schools=data["schools"],
                    due_on=data["due_on"],
                    question_count=data["question_count"],
                    pass_mark=data["pass_mark"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                covered = len(queries.assignees(created))
                messages.success(
                    request,
                    ngettext(
                        "The drill is assigned: %(count)s person is covered.",
                        "The drill is assigned: %(count)s people are covered.",
                        covered,
                    )
                    % {"count": covered},
                )
                if not covered:
                    messages.warning(
                        request,
                        _("Nobody holds these roles at the schools chosen yet."),
                    )
                return redirect("training-assignments")
        status = 422
    rows = []
    for item in queries.assignments_for_district(district):
        found = queries.standings(item) if item.is_active else []
        rows.append(
            {
                "assignment": item,
                "roles": [str(Role(role).label) for role in item.roles],
                "total": len(found),
                "current": sum(1 for s in found if s.state == queries.CURRENT),
                "overdue": sum(1 for s in found if s.state == queries.OVERDUE),
            }
        )
    return render(
        request,
        "training/assignments.html",
        {"form": form, "rows": rows, "district": district},
        status=status,
    )


@require_POST
def assignment_close(request: HttpRequest, assignment_id: Any) -> HttpResponse:
    """Close an assignment: nobody is due on it any more."""
    access.district_for(request.user, Capability.MANAGE_TRAINING)
    item = _assignment(request, Capability.MANAGE_TRAINING, assignment_id)
    services.assignment_close(assignment=item, actor=_user(request))
    messages.success(request, _("The assignment is closed."))
    return redirect("training-assignments")


def _report_scope(request: HttpRequest) -> tuple[Any, School | None, list[School], bool]:
    """The district, the school asked for (None: the district office), the schools in reach, and
    whether the person may read the district office's rows."""
    access.require(request.user, Capability.VIEW_TRAINING_REPORT)
    district = access.district_of(request.user, Capability.VIEW_TRAINING_REPORT)
    schools = list(access.schools_for(request.user, Capability.VIEW_TRAINING_REPORT))
    district_wide = any(
        m.school_id is None
        for m in access.memberships_with(request.user, Capability.VIEW_TRAINING_REPORT)
    )
    wanted = request.GET.get("school") or request.POST.get("school") or ""
    if wanted == "district":
        if not district_wide:
            raise Http404
        return district, None, schools, district_wide
    if wanted:
        school = access.school_for(request.user, Capability.VIEW_TRAINING_REPORT, wanted)
    elif schools:
        school = schools[0]
    else:
        raise Http404
    return district, school, schools, district_wide


@require_safe
def report(request: HttpRequest) -> HttpResponse:
    """Who is current, due and overdue on their drills, at one school."""
    district, school, schools, district_wide = _report_scope(request)
    rows = queries.school_report(district, school)
    services.report_viewed(district=district, school=school, actor=_user(request))
    counts = {
        state: sum(1 for r in rows if r.state == state)
        for state in (queries.CURRENT, queries.DUE, queries.OVERDUE)
    }
    return render(
        request,
        "training/report.html",
        {
            "district": district,
            "school": school,
            "schools": schools,
            "district_wide": district_wide,
            "rows": rows,
            "counts": counts,
        },
    )


@require_POST
def report_export(request: HttpRequest) -> HttpResponse:
    """The school's report as CSV; each download is recorded."""
    district, school, _schools, _wide = _report_scope(request)
    rows = queries.school_report(district, school)
    services.report_viewed(
        district=district, school=school, actor=_user(request), file_format="csv"
    )
    response = HttpResponse(exports.report_csv(rows), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="training-report-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response
