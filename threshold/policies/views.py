"""The district's policy pack: what is in force, adopting a version, counsel's sign-off, and a
scenario page to see what the pack decides before an officer is ever at the door."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from threshold.accounts import access
from threshold.accounts.roles import Capability
from threshold.policies import queries, services
from threshold.policies.cards import card_language, district_decision_card
from threshold.policies.forms import OptionsForm, ScenarioForm, SignOffForm
from threshold.policies.models import PackAdoption
from threshold.protocol import Pack, PackError, PackNotFound, diff_packs, list_packs, load_pack


def _readable(pack: Pack) -> Pack:
    """The pack with its texts (title, options ...) in the interface's language if it has it."""
    return pack.in_language(card_language(pack))


def _pack_or_404(ref: str) -> Pack:
    pack_id, _sep, version = ref.partition("@")
    try:
        return load_pack(pack_id, version or None)
    except (PackNotFound, PackError):
        raise Http404 from None


def policy(request: HttpRequest) -> HttpResponse:
    """The pack the district's schools follow, its options, sign-off and history."""
    district = access.district_of(request.user, Capability.VIEW_POLICY)
    current = queries.policy_for(district)
    shown = _readable(current.pack)
    others = [_readable(pack) for pack in list_packs() if pack.ref != current.pack.ref]
    can_sign = access.has_capability(request.user, Capability.SIGN_OFF_PACK)
    signoff_form = None
    if can_sign and current.adoption is not None and not current.reviewed:
        signoff_form = SignOffForm(initial={"counsel_name": request.user.get_full_name()})
    return render(
        request,
        "policies/policy.html",
        {
            "district": district,
            "current": current,
            "shown": shown,
            "options": [(spec, current.options[name]) for name, spec in shown.options.items()],
            "others": others,
            "history": queries.adoption_history(district),
            "can_adopt": access.has_capability(request.user, Capability.ADOPT_PACK),
            "signoff_form": signoff_form,
        },
    )


def adopt(request: HttpRequest, ref: str) -> HttpResponse:
    """Adopt a pack version with its options, after reading what changes."""
    district = access.district_for(request.user, Capability.ADOPT_PACK)
    pack = _pack_or_404(ref)
    shown = _readable(pack)
    current = queries.policy_for(district)
    if request.method == "POST":
        form = OptionsForm(request.POST, pack=shown)
        if form.is_valid():
            try:
                adoption = services.pack_adopt(
                    district=district,
                    actor=request.user,  # type: ignore[arg-type]
                    pack_id=pack.id,
                    version=pack.version,
                    options=form.options(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(pack)s is now the district's policy. Ask counsel to review it.")
                    % {"pack": shown.title},
                )
                _tell_about_drills(request, adoption)
                return redirect("policy")
    else:
        initial = {
            name: current.options.get(name, spec.default) for name, spec in pack.options.items()
        }
        form = OptionsForm(initial=initial, pack=shown)
    changes = diff_packs(current.pack, pack).text() if pack.ref != current.pack.ref else ""
    return render(
        request,
        "policies/adopt.html",
        {"pack": shown, "form": form, "current": current, "changes": changes},
        status=422 if form.is_bound else 200,
    )


def _tell_about_drills(request: HttpRequest, adoption: PackAdoption) -> None:
    from threshold.training.queries import reopened_by

    count = reopened_by(adoption)
    if count:
        messages.warning(
            request,
            ngettext(
                "%(count)s completed drill has a different answer under this policy: its holder "
                "must take the drill again.",
                "%(count)s completed drills have a different answer under this policy: their "
                "holders must take the drill again.",
                count,
            )
            % {"count": count},
        )


@require_POST
def sign_off(request: HttpRequest) -> HttpResponse:
    """Counsel records the review of the pack in force."""
    district = access.district_for(request.user, Capability.SIGN_OFF_PACK)
    current = queries.policy_for(district)
    if current.adoption is None:
        raise Http404
    form = SignOffForm(request.POST)
    if form.is_valid():
        try:
            services.pack_sign_off(
                adoption=current.adoption,
                actor=request.user,  # type: ignore[arg-type]
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Counsel's sign-off is recorded."))
            return redirect("policy")
    return render(request, "policies/sign_off.html", {"form": form, "current": current}, status=422)


def scenario(request: HttpRequest) -> HttpResponse:
    """Describe an encounter and see what the district's pack decides, as a decision card."""
    district = access.district_of(request.user, Capability.VIEW_POLICY)
    current = queries.policy_for(district)
    decision = card = None
    form = ScenarioForm(request.GET or None)
    if form.is_bound and form.is_valid():
        decision, card = district_decision_card(current, form.facts())
    return render(
        request,
        "policies/scenario.html",
        {
            "form": form,
            "current": current,
            "decision": decision,
            "card": card,
        },
    )
