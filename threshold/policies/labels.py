"""The protocol vocabulary in words for people, in the interface's languages.

The engine's codes (threshold.protocol.vocab) are the contract; these are how screens say them.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

AGENCY: dict[str, Promise] = {
    "IMMIGRATION": _("Immigration (ICE, CBP, HSI)"),
    "FEDERAL_LAW_ENFORCEMENT": _("Other federal law enforcement (FBI, US Marshals…)"),
    "STATE_OR_LOCAL_POLICE": _("State or local police"),
    "SCHOOL_RESOURCE_OFFICER": _("School resource officer"),
    "CHILD_PROTECTIVE_SERVICES": _("Child protective services"),
    "OTHER_GOVERNMENT": _("Other government agency"),
    "PRIVATE_PARTY": _("A private person or company"),
    "UNVERIFIED": _("Says they are an officer, but it cannot be checked"),
}
IDENTIFICATION: dict[str, Promise] = {
    "NAME": _("Name"),
    "BADGE_OR_ID_NUMBER": _("Badge or ID number"),
    "PHONE": _("Telephone number"),
    "BUSINESS_CARD": _("Business card"),
}
CHANNEL: dict[str, Promise] = {
    "IN_PERSON": _("In person"),
    "PHONE": _("By phone"),
    "EMAIL": _("By e-mail"),
    "MAIL_OR_FAX": _("By mail or fax"),
}
PLACE: dict[str, Promise] = {
    "NOT_APPLICABLE": _("No place (information only)"),
    "PUBLIC_AREA": _("A public area (lobby, reception, parking lot)"),
    "NONPUBLIC_AREA": _("An area closed to the public (classroom, office, hallway)"),
    "SCHOOL_BUS": _("A school bus"),
    "BUS_STOP": _("A bus stop"),
    "PUBLIC_EVENT": _("A public event"),
}
REQUEST: dict[str, Promise] = {
    "ENTER_NONPUBLIC_AREA": _("To go into areas closed to the public"),
    "ACCESS_STUDENT": _("To see or speak with a student"),
    "ARREST_PERSON": _("To arrest or detain someone"),
    "STUDENT_RECORDS": _("Student records"),
    "DIRECTORY_INFORMATION": _("Directory information (name, grade…)"),
    "IMMIGRATION_STATUS": _("Anyone's immigration status"),
    "SCHEDULE_OR_WHEREABOUTS": _("Where a student is, or their schedule"),
    "STUDENT_LIST": _("A list of students"),
}
SUBJECT: dict[str, Promise] = {
    "NONE": _("No one in particular"),
    "STUDENT": _("A student"),
    "ELIGIBLE_STUDENT": _("A student aged 18 or over"),
    "PARENT_OR_GUARDIAN": _("A parent or guardian"),
    "STAFF": _("A member of staff"),
    "OTHER_PERSON": _("Someone else"),
}
DOCUMENT: dict[str, Promise] = {
    "ADMIN_WARRANT_I200": _("Administrative warrant, DHS Form I-200"),
    "ADMIN_WARRANT_I205": _("Administrative warrant of removal, DHS Form I-205"),
    "EOIR_ORDER": _("Order of an immigration judge"),
    "ADMIN_SUBPOENA_I138": _("Administrative subpoena, DHS Form I-138"),
    "DETAINER_I247A": _("Immigration detainer, DHS Form I-247A"),
    "NOTICE_TO_APPEAR_I862": _("Notice to appear, DHS Form I-862"),
    "JUDICIAL_SEARCH_WARRANT": _("Search warrant from a federal court"),
    "JUDICIAL_ARREST_WARRANT": _("Arrest warrant from a federal court"),
    "STATE_COURT_SEARCH_WARRANT": _("Search warrant from a state court"),
    "STATE_COURT_ARREST_WARRANT": _("Arrest warrant from a state court"),
    "JUDICIAL_SUBPOENA": _("Subpoena in a court case"),
    "GRAND_JURY_SUBPOENA": _("Grand jury subpoena"),
    "COURT_ORDER": _("Court order"),
    "LETTER_OR_REQUEST": _("A letter or request (no order)"),
    "UNKNOWN": _("A document we cannot place"),
}
FACIAL_CHECK: dict[str, Promise] = {
    "NOT_APPLICABLE": _("Not checked (not a court document)"),
    "PASS": _("Passes the checks"),
    "NO_JUDGE_SIGNATURE": _("Not signed by a judge"),
    "WRONG_PREMISES": _("Names another place"),
    "WRONG_PERSON": _("Names another person"),
    "EXPIRED": _("Past its date"),
    "OUTSIDE_TIME_WINDOW": _("Outside the hours it allows"),
    "OUT_OF_SCOPE": _("Asks for more than it covers"),
}
NONDISCLOSURE: dict[str, Promise] = {
    "NONE": _("No confidentiality terms"),
    "REQUESTED": _("A letter asks us not to tell anyone"),
    "ORDERED_BY_COURT": _("A court orders us not to tell anyone"),
    "ORDERED_BY_AGENCY": _("The issuing agency orders us not to tell anyone"),
}
EXIGENCY: dict[str, Promise] = {
    "NONE": _("No emergency stated"),
    "HOT_PURSUIT": _("Chasing someone who fled"),
    "IMMINENT_DANGER": _("Someone is in danger right now"),
    "EVIDENCE_DESTRUCTION": _("Evidence is about to be destroyed"),
    "ASSERTED_WITHOUT_BASIS": _("Says it is urgent, but gives no reason"),
}
ACCESS: dict[str, Promise] = {
    "PUBLIC_ONLY": _("Public areas only, like any visitor"),
    "WARRANT_SCOPE": _("Only the places, people and things the warrant describes"),
    "NO_CONSENT_DO_NOT_OBSTRUCT": _("No consent; if they go on anyway, do not block them"),
    "EXIGENCY_DO_NOT_OBSTRUCT": _("A stated emergency: do not block them; write it down"),
    "NOT_APPLICABLE": _("No entry was asked for"),
}
STUDENT_CONTACT: dict[str, Promise] = {
    "NOT_PRODUCED": _("Do not bring, locate or confirm the student"),
    "PER_WARRANT": _("As the warrant directs, in a private office"),
    "NOT_APPLICABLE": _("No student is sought"),
}
RECORDS: dict[str, Promise] = {
    "NONE": _("Give no student information"),
    "HOLD_FOR_COUNSEL": _("Give nothing until counsel decides"),
    "DISCLOSE_AFTER_PARENT_NOTICE": _("May be released after notice to the parent"),
    "DISCLOSE_WITHOUT_NOTICE_ORDERED": _("May be released; the order forbids telling the family"),
    "SEIZED_UNDER_WARRANT": _("The warrant allows them to take the records it describes"),
    "DIRECTORY_DISCRETIONARY": _("Directory information may be released, at the district's choice"),
    "NOT_APPLICABLE": _("No information was asked for"),
}
NOTIFY: dict[str, Promise] = {
    "DESIGNATED_OFFICIAL": _("The designated official"),
    "SUPERINTENDENT": _("The superintendent"),
    "COUNSEL": _("District counsel"),
    "PARENT_FERPA": _("The parent, before release (FERPA)"),
    "ELIGIBLE_STUDENT_FERPA": _("The student, before release (FERPA)"),
    "PARENT_POLICY": _("The parent or guardian (district policy)"),
    "EMERGENCY_CONTACT": _("The child's emergency contact"),
}
LOG: dict[str, Promise] = {
    "ENCOUNTER": _("The encounter record"),
    "COPIES": _("Copies of every document"),
    "FERPA_REQUEST_RECORD": _("The student's record of disclosures (FERPA)"),
    "FERPA_EXEMPT_DIRECTORY": _("No FERPA record needed (directory information)"),
    "FERPA_EXEMPT_NONDISCLOSURE": _(
        "No FERPA record needed (a subpoena under a non-disclosure order, 34 CFR 99.32(d)(5))"
    ),
    "RESTRICTED_FILE": _("A restricted file"),
}


LANGUAGE_NAMES: dict[str, Promise] = {
    # The heading of the words to say in another language, on the decision card.
    "en": _("In English"),
    "es": _("In Spanish"),
}


def language_name(code: str) -> str:
    """ "In Spanish" for "es"; a language without a name here is shown by its code."""
    label = LANGUAGE_NAMES.get(code)
    return str(label) if label is not None else code


def say(table: dict[str, Promise], code: str) -> str:
    """A code in words; an unknown code is shown as it is."""
    label = table.get(code)
    return str(label) if label is not None else code
