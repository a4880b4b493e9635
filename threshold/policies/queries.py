"""The policy a district's schools follow right now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from threshold.accounts.models import District, School
from threshold.policies.models import PackAdoption, PackSignOff
from threshold.protocol import (
    Decision,
    Pack,
    SignOff,
    decide,
    default_pack_id,
    list_packs,
    load_pack,
)


@dataclass(frozen=True)
class DistrictPolicy:
    pack: Pack
    options: dict[str, bool]
    adoption: PackAdoption | None  # None: nothing adopted yet, the state's default pack applies
    signoff: PackSignOff | None

    @property
    def reviewed(self) -> bool:
        return self.signoff is not None

    @property
    def engine_signoff(self) -> SignOff | None:
        if self.signoff is None:
            return None
        return SignOff(
            name=self.signoff.counsel_name,
            signed_on=self.signoff.signed_on,
            scope=self.signoff.scope,
        )

    def decide(self, facts: Any, language: str = "en") -> Decision:
        """The pack's decision; `language` (one of the pack's) for its steps and words."""
        return decide(
            facts, self.pack, self.options, signoff=self.engine_signoff, language=language
        )


def default_pack_for(district: District) -> Pack:
    """The newest shipped pack for the district's state, else the default pack."""
    jurisdiction = f"US-{district.state}"
    for_state = sorted({pack.id for pack in list_packs() if pack.jurisdiction == jurisdiction})
    return load_pack(for_state[0] if for_state else default_pack_id())  # its newest version


def policy_for(district: District) -> DistrictPolicy:
    adoption = (
        PackAdoption.objects.filter(district=district, is_current=True)
        .select_related("signoff")
        .first()
    )
    if adoption is None:
        pack = default_pack_for(district)
        return DistrictPolicy(pack, pack.resolve_options(), None, None)
    pack = load_pack(adoption.pack_id, adoption.pack_version)
    signoff = getattr(adoption, "signoff", None)
    if signoff is not None and pack.digest != adoption.pack_digest:
        signoff = None  # the file changed under the same version: that text was not reviewed
    options = pack.resolve_options(
        {name: value for name, value in adoption.options.items() if name in pack.options}
    )
    return DistrictPolicy(pack, options, adoption, signoff)


def policy_for_school(school: School) -> DistrictPolicy:
    """Every school follows its district's adopted pack."""
    return policy_for(school.district)


def adoption_history(district: District) -> list[PackAdoption]:
    return list(
        PackAdoption.objects.filter(district=district)
        .select_related("adopted_by", "signoff")
        .order_by("-adopted_at")
    )


__all__ = ["DistrictPolicy", "PackSignOff", "adoption_history", "policy_for", "policy_for_school"]
