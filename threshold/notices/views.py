"""The district's notices to families: the texts in each language, their review, whom families
contact, and the public page that needs no sign-in."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from threshold.accounts import access
from threshold.accounts.models import District
from threshold.accounts.roles import Capability
from threshold.notices import queries, services
from threshold.notices.forms import ContactForm, ReviewForm, TextForm
from threshold.notices.models import PLACEHOLDERS, FamilyDelivery, Kind, Mailing, NoticeText
from threshold.notices.render import TextProblem, pdf
from threshold.notices.texts import LANGUAGES, PAGE_WORDS


def _district(user: Any) -> District:
    """The district of someone who writes or reviews its notices."""
    for capability in (Capability.MANAGE_NOTICES, Capability.REVIEW_NOTICES):
        if access.has_capability(user, capability):
            return access.district_for(user, capability)
    raise PermissionDenied


def _text(user: Any, text_id: uuid.UUID) -> NoticeText:
    district = _district(user)
    return get_object_or_404(NoticeText, pk=text_id, district=district)


def _sample_values(district: District) -> dict[str, str]:
    """What the preview fills in for a notice about one student: placeholders, plainly marked."""
    values = services.district_values(district, queries.contact_of(district))
    values.update(
        {
            "student": _("[the student's name]"),
            "school": _("[the school]"),
            "requester": _("[who asked]"),
            "document": _("[the document received]"),
            "reference": _("[the document's court or case number]"),
            "records": _("[the records asked for]"),
            "release_date": _("[the release date]"),
            "visit_date": _("[the date of the visit]"),
        }
    )
    return values


def notices(request: HttpRequest) -> HttpResponse:
    district = _district(request.user)
    user = request.user
    if not queries.texts_by_kind(district)[0].texts and access.has_capability(
        user, Capability.MANAGE_NOTICES
    ):
        services.add_defaults(district=district, actor=user)  # type: ignore[arg-type]
    contact = queries.contact_of(district)
    return render(
        request,
        "notices/notices.html",
        {
            "district": district,
            "rows": queries.texts_by_kind(district),
            "contact": contact,
            "can_manage": access.has_capability(user, Capability.MANAGE_NOTICES),
            "mailings": Mailing.objects.filter(district=district).annotate(
                families=Count("deliveries")
            )[:10],
        },
    )


def text(request: HttpRequest, text_id: uuid.UUID) -> HttpResponse:
    notice = _text(request.user, text_id)
    can_manage = access.has_capability(request.user, Capability.MANAGE_NOTICES)
    can_review = access.has_capability(request.user, Capability.REVIEW_NOTICES)
    form = TextForm(instance=notice)
    status = 200
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        form = TextForm(request.POST, instance=NoticeText.objects.get(pk=notice.pk))
        if form.is_valid():
            try:
                services.text_update(
                    text=notice,
                    actor=request.user,  # type: ignore[arg-type]
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                )
            except TextProblem as problem:
                form.add_error("body", str(problem))
            else:
                messages.success(request, _("Saved. This version needs a review before use."))
                return redirect("notices-text", text_id=notice.pk)
        status = 422
    preview = services.rendered(notice, _sample_values(notice.district))
    return render(
        request,
        "notices/text.html",
        {
            "notice": notice,
            "form": form,
            "preview": preview,
            "review_form": ReviewForm(initial={"version": notice.version}),
            "can_manage": can_manage,
            "can_review": can_review,
            "placeholders": sorted(PLACEHOLDERS[notice.kind]),
        },
        status=status,
    )


@require_POST
def review(request: HttpRequest, text_id: uuid.UUID) -> HttpResponse:
    access.require(request.user, Capability.REVIEW_NOTICES)
    notice = _text(request.user, text_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Open the text again and review it."))
        return redirect("notices-text", text_id=notice.pk)
    try:
        services.text_review(
            text=notice,
            actor=request.user,  # type: ignore[arg-type]
            version=form.cleaned_data["version"],
        )
    except TextProblem as problem:
        messages.error(request, str(problem))
    else:
        messages.success(
            request,
            _("Reviewed: this %(language)s text may now be sent and published.")
            % {"language": notice.language_name},
        )
    return redirect("notices-text", text_id=notice.pk)


@require_GET
def text_pdf(request: HttpRequest, text_id: uuid.UUID) -> HttpResponse:
    notice = _text(request.user, text_id)
    body = pdf(
        services.rendered(notice, _sample_values(notice.district)), heading=notice.district.name
    )
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{notice.kind}-{notice.language}.pdf"'
    return response


def contact(request: HttpRequest) -> HttpResponse:
    district = access.district_for(request.user, Capability.MANAGE_NOTICES)
    current = queries.contact_of(district)
    initial = {} if current else {"public_slug": services.free_slug(district)}
    form = ContactForm(instance=current, initial=initial)
    status = 200
    if request.method == "POST":
        form = ContactForm(request.POST, instance=queries.contact_of(district))
        form.instance.district = district
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.contact_update(
                    district=district,
                    actor=request.user,  # type: ignore[arg-type]
                    public_slug=data["public_slug"],
                    contact_name=data["contact_name"],
                    contact_phone=data["contact_phone"],
                    contact_email=data["contact_email"],
                    website=data["website"],
                )
            except TextProblem as problem:
                form.add_error("public_slug", str(problem))
            else:
                messages.success(request, _("Saved."))
                return redirect("notices")
        status = 422
    return render(
        request, "notices/contact.html", {"form": form, "district": district}, status=status
    )


def letter_send(request: HttpRequest) -> HttpResponse:
    """Send the district's letter to every family (or one school's): who it reaches, in which
    languages, then the sending itself."""
    district = access.district_for(request.user, Capability.MANAGE_NOTICES)
    schools = list(district.schools.order_by("name"))
    chosen = request.POST.get("school") or request.GET.get("school") or ""
    school = next((s for s in schools if str(s.pk) == chosen), None)
    if chosen and school is None:
        raise Http404
    plan = services.letter_plan(district=district, school=school)
    if request.method == "POST":
        try:
            mailing = services.mailing_send(
                district=district,
                actor=request.user,  # type: ignore[arg-type]
                kind=Kind.LETTER,
                plan=plan,
                school=school,
            )
        except TextProblem as problem:
            messages.error(request, str(problem))
        else:
            messages.success(request, _("The letter is on its way to each family."))
            return redirect("notices-mailing", mailing_id=mailing.pk)
    return render(
        request,
        "notices/letter_send.html",
        {
            "district": district,
            "schools": schools,
            "school": school,
            "plan": plan,
            "families": len(plan.recipients),
            "languages": [(LANGUAGES.get(code, code), n) for code, n in plan.languages.items()],
            "fallback": [(LANGUAGES[code], n) for code, n in plan.fallback.items()],
            "unsendable": plan.languages.get("none", 0),
        },
    )


def mailing(request: HttpRequest, mailing_id: uuid.UUID) -> HttpResponse:
    """How a mailing went: sent, waiting, failed, and to whom it failed."""
    district = _district(request.user)
    found = get_object_or_404(Mailing, pk=mailing_id, district=district)
    counts = dict(
        found.deliveries.values_list("state").annotate(n=Count("pk")).values_list("state", "n")
    )
    failed = found.deliveries.filter(state=FamilyDelivery.State.FAILED).select_related(
        "guardian", "student"
    )
    return render(
        request,
        "notices/mailing.html",
        {
            "mailing": found,
            "sent": counts.get(FamilyDelivery.State.SENT, 0),
            "pending": counts.get(FamilyDelivery.State.PENDING, 0),
            "failed": list(failed[:200]),
            "failed_count": counts.get(FamilyDelivery.State.FAILED, 0),
        },
    )


@require_POST
def encounter_notice(request: HttpRequest, encounter_id: uuid.UUID) -> HttpResponse:
    """The designated official or counsel approves the notice to the family of the student an
    officer's visit concerned, and it is sent."""
    from threshold.encounters.access import encounter_to_read

    encounter = encounter_to_read(request.user, encounter_id)
    access.school_for(request.user, Capability.APPROVE_FAMILY_NOTICE, encounter.school_id)
    try:
        mailing = services.encounter_notice_send(
            encounter=encounter,
            actor=request.user,  # type: ignore[arg-type]
        )
    except (TextProblem, services.NoticeForbidden) as problem:
        messages.error(request, str(problem))
        return redirect("encounters-report", encounter_id=encounter.pk)
    messages.success(request, _("The notice is on its way to the family."))
    return redirect("notices-mailing", mailing_id=mailing.pk)


# The public page: no sign-in, only reviewed texts, nothing about any one family. ----------------


@login_not_required
@require_GET
def public(request: HttpRequest, slug: str, language: str | None = None) -> HttpResponse:
    page = queries.public_page(slug, language)
    if page is None:
        raise Http404
    shown = page.texts[0].language
    district = page.contact.district
    values = services.district_values(district, page.contact)
    return render(
        request,
        "notices/public.html",
        {
            "page": page,
            "district": district,
            "language": shown,
            "words": PAGE_WORDS[shown],
            "notices": [(text, services.rendered(text, values)) for text in page.texts],
            "languages": [(code, LANGUAGES[code]) for code in page.languages],
        },
    )


@login_not_required
@require_GET
def public_pdf(request: HttpRequest, slug: str, language: str, kind: str) -> HttpResponse:
    page = queries.public_page(slug, language)
    if page is None:
        raise Http404
    text = next((t for t in page.texts if t.kind == kind), None)
    if text is None or kind not in Kind.values:
        raise Http404
    district = page.contact.district
    rendered = services.rendered(text, services.district_values(district, page.contact))
    response = HttpResponse(pdf(rendered, heading=district.name), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{kind}-{language}.pdf"'
    return response
