"""The bank of drill scenarios.

A scenario describes a situation: who is at the door or on the line, where, what they ask for,
what document (a training specimen) they hold. It never says what the answer is. The question it
asks names a part of the decision (where the officer may go, what happens to the student or the
records, who is told, what is written down, what to do or say next) and, where the answer is one
of the pack's own steps or words, which of them to offer. The answer is computed when the drill
runs, from the decision engine under the district's adopted pack and options
(threshold.training.questions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The drill sets: one per kind of work, each with the roles that take it.
FRONT_OFFICE = "front_office"
OFFICIAL = "official"
TEACHER = "teacher"
RECORDS = "records"

TRACKS: dict[str, Promise] = {
    FRONT_OFFICE: _(
        "Front office: identification, the public area, calling the official, the words"
    ),
    OFFICIAL: _("Designated official: classify the document, decide, notify"),
    TEACHER: _("Teachers and staff: an officer at the classroom or on the playground"),
    RECORDS: _("Records officer: subpoenas and directory requests"),
}
TRACK_NAMES: dict[str, Promise] = {
    FRONT_OFFICE: _("Front office drill"),
    OFFICIAL: _("Designated official drill"),
    TEACHER: _("Teachers and staff drill"),
    RECORDS: _("Records officer drill"),
}
# Which drill set each role takes by default (the others may practise any set).
TRACK_FOR_ROLE: dict[str, str] = {
    "front_office": FRONT_OFFICE,
    "designated_official": OFFICIAL,
    "principal": OFFICIAL,
    "staff": TEACHER,
    "records_officer": RECORDS,
}

# What a question asks about (threshold.training.questions says how each is answered).
ACCESS = "access"
STUDENT = "student_contact"
RECORDS_OUTCOME = "records"
DOCUMENT = "document"
NOTIFY = "notify"
LOG = "log"
STEP = "step"
SAY = "say"
KINDS = (ACCESS, STUDENT, RECORDS_OUTCOME, DOCUMENT, NOTIFY, LOG, STEP, SAY)

PROMPTS: dict[str, Promise] = {
    ACCESS: _("Where may the officer go?"),
    STUDENT: _("What happens with the student?"),
    RECORDS_OUTCOME: _("What happens with the student information asked for?"),
    DOCUMENT: _("What is this document?"),
    NOTIFY: _("Which of these people must be told?"),
    LOG: _("Which of these must be written down?"),
    STEP: _("What do you do next?"),
    SAY: _("What do you say?"),
}

ALL_ID = ["NAME", "BADGE_OR_ID_NUMBER", "PHONE", "BUSINESS_CARD"]
# An option right when no other option shown is (a district's option may take away the one
# answer the pack gives, and the question stays askable).
NONE_OF_THESE = "NONE_OF_THESE"


@dataclass(frozen=True)
class Scenario:
    id: str
    track: str
    title: Promise
    situation: Promise
    ask: str
    facts: dict[str, Any]
    specimen: str | None = None  # a training specimen the officer presents
    candidates: tuple[str, ...] = ()  # the options offered; empty: every value of the answer
    prompt: Promise | None = None
    tags: tuple[str, ...] = field(default=())

    @property
    def question(self) -> Promise:
        return self.prompt or PROMPTS[self.ask]


def facts(
    *,
    agency: str = "IMMIGRATION",
    identification: list[str] | None = None,
    channel: str = "IN_PERSON",
    place: str = "PUBLIC_AREA",
    requests: list[str] | None = None,
    subject: str = "NONE",
    documents: list[dict[str, str]] | None = None,
    exigency: str = "NONE",
    proceeds: bool = False,
    opt_out: bool = False,
    non_directory: bool = False,
) -> dict[str, Any]:
    """Encounter facts in the engine's schema, with the usual defaults of a visit at the desk."""
    return {
        "requester": {
            "agency": agency,
            "identification": ALL_ID if identification is None else identification,
        },
        "channel": channel,
        "place": place if channel == "IN_PERSON" else "NOT_APPLICABLE",
        "requests": requests or [],
        "subject": subject,
        "documents": documents or [],
        "exigency": exigency,
        "proceeds_without_consent": proceeds,
        "student": {
            "directory_opt_out": opt_out,
            "identified_by_non_directory_info": non_directory,
        },
    }


SCENARIOS: tuple[Scenario, ...] = (
    # -- Front office ----------------------------------------------------------------------
    Scenario(
        id="fo-no-document-classrooms",
        track=FRONT_OFFICE,
        title=_("Two agents at the front desk, no papers"),
        situation=_(
            "Two agents in plain clothes come to the front desk. They show badges, give their "
            "names, phone number and a business card, and say they are with ICE. They ask to walk "
            "down to the third-grade classrooms. They show no document."
        ),
        ask=SAY,
        facts=facts(requests=["ENTER_NONPUBLIC_AREA"]),
        candidates=("comply-with-warrant", "emergency", "no-warrant", "named-student"),
    ),
    Scenario(
        id="fo-identification-missing",
        track=FRONT_OFFICE,
        title=_("An officer who gives only a name"),
        situation=_(
            "A man in a vest marked POLICE tells you his name and says he needs to speak with a "
            "fourth-grade student. He will not give a badge number, a phone number or a card."
        ),
        ask=STEP,
        facts=facts(
            agency="UNVERIFIED",
            identification=["NAME"],
            requests=["ACCESS_STUDENT"],
            subject="STUDENT",
        ),
        candidates=("in-writing", "identification-missing", "by-phone", "exigency"),
    ),
    Scenario(
        id="fo-cannot-verify",
        track=FRONT_OFFICE,
        title=_("Someone who says they are an officer"),
        situation=_(
            "A woman at the desk says she is 'with the federal government' and asks what time a "
            "particular student's class lets out. She shows no badge and will not say which "
            "agency she is with."
        ),
        ask=SAY,
        facts=facts(
            agency="UNVERIFIED",
            identification=[],
            requests=["SCHEDULE_OR_WHEREABOUTS"],
            subject="STUDENT",
        ),
        candidates=("comply-with-warrant", "named-student", "verify-identity", "emergency"),
    ),
    Scenario(
        id="fo-phone-enrollment",
        track=FRONT_OFFICE,
        title=_("A caller asks whether a student attends"),
        situation=_(
            "The phone rings. The caller says he is a police detective and asks you to confirm "
            "that a named boy is enrolled at the school and which grade he is in."
        ),
        ask=SAY,
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE",
            channel="PHONE",
            identification=["NAME", "BADGE_OR_ID_NUMBER"],
            requests=["DIRECTORY_INFORMATION"],
            subject="STUDENT",
        ),
        candidates=("wait-here", "hold-for-counsel", "no-information-by-phone", "emergency"),
    ),
    Scenario(
        id="fo-i200-lobby",
        track=FRONT_OFFICE,
        title=_("An agent holds up a warrant"),
        situation=_(
            "An ICE officer shows you the document below and says it lets him go into the "
            "building to find the person it names, who he says is a student here."
        ),
        ask=ACCESS,
        facts=facts(requests=["ENTER_NONPUBLIC_AREA", "ACCESS_STUDENT"], subject="STUDENT"),
        specimen="i200",
    ),
    Scenario(
        id="fo-i205-words",
        track=FRONT_OFFICE,
        title=_("A warrant for a parent at pick-up time"),
        situation=_(
            "At dismissal, two officers show you the document below. They want to go to the "
            "gym, where parents wait, to arrest the man it names, a student's father."
        ),
        ask=SAY,
        facts=facts(
            requests=["ENTER_NONPUBLIC_AREA", "ARREST_PERSON"], subject="PARENT_OR_GUARDIAN"
        ),
        specimen="i205",
        candidates=("comply-with-warrant", "not-a-judicial-warrant", "named-student", "emergency"),
    ),
    Scenario(
        id="fo-keep-in-lobby",
        track=FRONT_OFFICE,
        title=_("An officer starts toward the hallway"),
        situation=_(
            "An agent who has identified himself fully asks to wait 'down the hall, out of "
            "sight' while you find the principal."
        ),
        ask=STEP,
        facts=facts(requests=["ENTER_NONPUBLIC_AREA"]),
        candidates=("warrant-scope", "exigency", "front-desk", "no-consent-do-not-obstruct"),
    ),
    Scenario(
        id="fo-goes-on",
        track=FRONT_OFFICE,
        title=_("The officer walks past the desk"),
        situation=_(
            "You said you do not consent to entry beyond the lobby. The agent, holding the "
            "document below, says he is going in anyway and walks toward the classrooms."
        ),
        ask=SAY,
        facts=facts(requests=["ENTER_NONPUBLIC_AREA"], proceeds=True),
        specimen="i200",
        candidates=("comply-with-warrant", "emergency", "named-student", "no-consent"),
    ),
    Scenario(
        id="fo-hot-pursuit",
        track=FRONT_OFFICE,
        title=_("Police chasing someone into the building"),
        situation=_(
            "Two town police officers run in through the front door. One shouts that they are "
            "chasing a man who just ran into the school through the side entrance."
        ),
        ask=ACCESS,
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE",
            requests=["ENTER_NONPUBLIC_AREA"],
            exigency="HOT_PURSUIT",
        ),
    ),
    Scenario(
        id="fo-urgent-without-reason",
        track=FRONT_OFFICE,
        title=_("'This is urgent'"),
        situation=_(
            "An agent says it is urgent that he sees a student right now, but when you ask why, "
            "he names no danger, no chase and nothing that could be destroyed."
        ),
        ask=STEP,
        facts=facts(
            requests=["ACCESS_STUDENT"], subject="STUDENT", exigency="ASSERTED_WITHOUT_BASIS"
        ),
        candidates=(
            "exigency",
            "exigency-without-basis",
            "warrant-scope",
            "private-party-emergency",
        ),
    ),
    Scenario(
        id="fo-letter",
        track=FRONT_OFFICE,
        title=_("A letter on letterhead"),
        situation=_(
            "An FBI agent hands you the letter below, which asks for a student's name, address "
            "and grade, and asks you for the student's class schedule as well."
        ),
        ask=RECORDS_OUTCOME,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            requests=["DIRECTORY_INFORMATION", "SCHEDULE_OR_WHEREABOUTS"],
            subject="STUDENT",
        ),
        specimen="letter",
    ),
    Scenario(
        id="fo-detainer",
        track=FRONT_OFFICE,
        title=_("A detainer given to the school security officer"),
        situation=_(
            "An ICE officer gives the district's security officer the document below and asks "
            "the school to hold the woman it names when she comes to pick up her daughter."
        ),
        ask=STEP,
        facts=facts(requests=["ARREST_PERSON"], subject="PARENT_OR_GUARDIAN"),
        specimen="i247a",
        candidates=("immigration-judge-order", "notice-to-appear", "detainer", "warrant-scope"),
    ),
    Scenario(
        id="fo-email-list",
        track=FRONT_OFFICE,
        title=_("An e-mail asks for a class list"),
        situation=_(
            "The front office mailbox receives an e-mail from an address at dhs.gov asking for a "
            "list of the students in the English-learner program."
        ),
        ask=STEP,
        facts=facts(channel="EMAIL", requests=["STUDENT_LIST"]),
        candidates=("by-phone", "front-desk", "identification", "in-writing"),
    ),
    # -- Designated official ---------------------------------------------------------------
    Scenario(
        id="do-classify-i205",
        track=OFFICIAL,
        title=_("Classify: a warrant with a box ticked"),
        situation=_("The front desk hands you this document, which an agent presented."),
        ask=DOCUMENT,
        facts=facts(requests=["ENTER_NONPUBLIC_AREA"]),
        specimen="i205",
    ),
    Scenario(
        id="do-classify-eoir",
        track=OFFICIAL,
        title=_("Classify: an order signed by a judge?"),
        situation=_(
            "An agent says this order was 'signed by a judge' and that the school must let him "
            "take the student it names."
        ),
        ask=DOCUMENT,
        facts=facts(requests=["ACCESS_STUDENT"], subject="STUDENT"),
        specimen="eoir",
    ),
    Scenario(
        id="do-classify-state-search",
        track=OFFICIAL,
        title=_("Classify: a state police detective's warrant"),
        situation=_("A state police detective presents this document at the front desk."),
        ask=DOCUMENT,
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE", requests=["STUDENT_RECORDS"], subject="STUDENT"
        ),
        specimen="search-state",
    ),
    Scenario(
        id="do-classify-court-order",
        track=OFFICIAL,
        title=_("Classify: a court paper from a social worker"),
        situation=_(
            "A social worker from the state child-protection agency presents this document and "
            "asks to meet the child it names."
        ),
        ask=DOCUMENT,
        facts=facts(
            agency="CHILD_PROTECTIVE_SERVICES", requests=["ACCESS_STUDENT"], subject="STUDENT"
        ),
        specimen="court-order-interview",
    ),
    Scenario(
        id="do-classify-unknown",
        track=OFFICIAL,
        title=_("Classify: a document you cannot place"),
        situation=_("A visitor who says she represents a foreign court hands over this document."),
        ask=DOCUMENT,
        facts=facts(agency="PRIVATE_PARTY", requests=["STUDENT_RECORDS"], subject="STUDENT"),
        specimen="unknown",
    ),
    Scenario(
        id="do-classify-nta",
        track=OFFICIAL,
        title=_("Classify: papers naming a student's father"),
        situation=_(
            "An agent asks you to call a student's father to the office so that he can hand "
            "him this document."
        ),
        ask=DOCUMENT,
        facts=facts(requests=["ACCESS_STUDENT"], subject="PARENT_OR_GUARDIAN"),
        specimen="i862",
    ),
    Scenario(
        id="do-federal-search-valid",
        track=OFFICIAL,
        title=_("A federal search warrant for the records room"),
        situation=_(
            "Federal agents present the search warrant below. It is addressed to your school. "
            "They ask to go to the office it describes and take the records it lists."
        ),
        ask=ACCESS,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            place="PUBLIC_AREA",
            requests=["ENTER_NONPUBLIC_AREA", "STUDENT_RECORDS"],
            subject="STUDENT",
        ),
        specimen="search-federal",
    ),
    Scenario(
        id="do-federal-search-other-school",
        track=OFFICIAL,
        title=_("A search warrant for another address"),
        situation=_(
            "Agents present the search warrant below and ask to search the school's offices. "
            "Read the premises it describes carefully."
        ),
        ask=ACCESS,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            requests=["ENTER_NONPUBLIC_AREA", "STUDENT_RECORDS"],
            subject="STUDENT",
        ),
        specimen="search-federal-premises",
    ),
    Scenario(
        id="do-federal-search-expired",
        track=OFFICIAL,
        title=_("A search warrant past its date"),
        situation=_(
            "Agents present the search warrant below. Look at the date by which it had to be "
            "executed."
        ),
        ask=STEP,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            requests=["ENTER_NONPUBLIC_AREA", "STUDENT_RECORDS"],
            subject="STUDENT",
        ),
        specimen="search-federal-expired",
        candidates=("warrant-scope", "administrative-warrant", "failed-checks", "records-seized"),
    ),
    Scenario(
        id="do-federal-arrest-student",
        track=OFFICIAL,
        title=_("A federal arrest warrant for a student"),
        situation=_(
            "Deputy US Marshals present the arrest warrant below for a student of your high "
            "school who is 18, and ask you to bring him out."
        ),
        ask=STUDENT,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            requests=["ARREST_PERSON"],
            subject="ELIGIBLE_STUDENT",
        ),
        specimen="arrest-federal",
    ),
    Scenario(
        id="do-state-arrest-where",
        track=OFFICIAL,
        title=_("Where a student under arrest is handed over"),
        situation=_(
            "Town police present the arrest warrant below, naming a student who is in class "
            "right now."
        ),
        ask=STEP,
        facts=facts(agency="STATE_OR_LOCAL_POLICE", requests=["ARREST_PERSON"], subject="STUDENT"),
        specimen="arrest-state",
        candidates=(
            "student-not-produced",
            "records-seized",
            "student-private-office",
            "student-per-document",
        ),
    ),
    Scenario(
        id="do-parent-arrested",
        track=OFFICIAL,
        title=_("A parent arrested at the school"),
        situation=_(
            "Police present the arrest warrant below for a student's father, who is at the "
            "school for a meeting; his seven-year-old is in class."
        ),
        ask=NOTIFY,
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE",
            requests=["ARREST_PERSON"],
            subject="PARENT_OR_GUARDIAN",
        ),
        specimen="arrest-state",
        candidates=(
            "PARENT_FERPA",
            "ELIGIBLE_STUDENT_FERPA",
            "EMERGENCY_CONTACT",
            "GOVERNING_BOARD",
            NONE_OF_THESE,
        ),
    ),
    Scenario(
        id="do-i138-records",
        track=OFFICIAL,
        title=_("A DHS subpoena for a student's file"),
        situation=_(
            "An agent leaves the subpoena below and asks for a student's enrollment file today."
        ),
        ask=RECORDS_OUTCOME,
        facts=facts(requests=["STUDENT_RECORDS"], subject="STUDENT"),
        specimen="i138",
    ),
    Scenario(
        id="do-warrant-not-shown",
        track=OFFICIAL,
        title=_("A warrant you are not allowed to read"),
        situation=_(
            "An agent waves a paper he calls a federal search warrant but will not let you read "
            "it or copy it, and asks to go to the main office files. Nobody at the school can "
            "say what the paper is."
        ),
        ask=STEP,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            requests=["ENTER_NONPUBLIC_AREA", "STUDENT_RECORDS"],
            subject="STUDENT",
            documents=[{"type": "UNKNOWN", "facial_check": "NOT_APPLICABLE"}],
        ),
        candidates=(
            "warrant-scope",
            "records-seized",
            "unknown-document",
            "administrative-warrant",
        ),
    ),
    Scenario(
        id="do-student-sought-notify",
        track=OFFICIAL,
        title=_("Agents ask for a second-grader"),
        situation=_(
            "Two ICE agents, fully identified and with no document, ask to see a named "
            "second-grader. You have refused."
        ),
        ask=NOTIFY,
        facts=facts(requests=["ACCESS_STUDENT"], subject="STUDENT"),
        candidates=("PARENT_FERPA", "PARENT_POLICY", "ELIGIBLE_STUDENT_FERPA", NONE_OF_THESE),
    ),
    Scenario(
        id="do-who-is-told",
        track=OFFICIAL,
        title=_("After the agents leave"),
        situation=_(
            "Agents presented the administrative warrant below, asked to enter the building, and "
            "left when you refused consent."
        ),
        ask=NOTIFY,
        facts=facts(requests=["ENTER_NONPUBLIC_AREA"]),
        specimen="i200",
        candidates=(
            "PARENT_FERPA",
            "EMERGENCY_CONTACT",
            "SUPERINTENDENT",
            "ELIGIBLE_STUDENT_FERPA",
        ),
    ),
    Scenario(
        id="do-eligible-student-subpoena",
        track=OFFICIAL,
        title=_("A subpoena for an 18-year-old's records"),
        situation=_(
            "The subpoena below arrives by mail for the attendance records of a senior who "
            "turned 18 in the fall."
        ),
        ask=NOTIFY,
        facts=facts(
            agency="PRIVATE_PARTY",
            channel="MAIL_OR_FAX",
            requests=["STUDENT_RECORDS"],
            subject="ELIGIBLE_STUDENT",
        ),
        specimen="subpoena",
        candidates=(
            "PARENT_FERPA",
            "ELIGIBLE_STUDENT_FERPA",
            "EMERGENCY_CONTACT",
            "GOVERNING_BOARD",
        ),
    ),
    Scenario(
        id="do-school-bus",
        track=OFFICIAL,
        title=_("Agents want to board a school bus"),
        situation=_(
            "The driver of bus 12 calls: two agents stopped at the curb outside the school and "
            "want to board the bus to speak with a student."
        ),
        ask=STEP,
        facts=facts(place="SCHOOL_BUS", requests=["ACCESS_STUDENT"], subject="STUDENT"),
        candidates=(
            "bus-stop-public",
            "bus-stop-school",
            "warrant-scope",
            "school-bus",
            NONE_OF_THESE,
        ),
    ),
    Scenario(
        id="do-court-order-student",
        track=OFFICIAL,
        title=_("A court order to interview a child"),
        situation=_(
            "A child-protection worker presents the court order below, which passes its checks, "
            "and asks to meet the child it names."
        ),
        ask=STUDENT,
        facts=facts(
            agency="CHILD_PROTECTIVE_SERVICES", requests=["ACCESS_STUDENT"], subject="STUDENT"
        ),
        specimen="court-order-interview",
    ),
    Scenario(
        id="do-request-recorded",
        track=OFFICIAL,
        title=_("Writing down a request you refused"),
        situation=_(
            "Immigration agents came to the front desk with no document and asked for the "
            "schedule of a student. They left when you refused."
        ),
        ask=LOG,
        facts=facts(requests=["SCHEDULE_OR_WHEREABOUTS"], subject="STUDENT"),
        candidates=("FERPA_EXEMPT_DIRECTORY", "FERPA_REQUEST_RECORD", "FERPA_EXEMPT_NONDISCLOSURE"),
    ),
    # -- Teachers and staff ----------------------------------------------------------------
    Scenario(
        id="tc-classroom-door",
        track=TEACHER,
        title=_("An officer at your classroom door"),
        situation=_(
            "During a lesson, an agent knocks at your classroom door and asks you to send one "
            "of your students out into the hallway."
        ),
        ask=STEP,
        facts=facts(place="NONPUBLIC_AREA", requests=["ACCESS_STUDENT"], subject="STUDENT"),
        candidates=(
            "warrant-scope",
            "call-designated-official",
            "records-seized",
            "student-private-office",
        ),
    ),
    Scenario(
        id="tc-classroom-student",
        track=TEACHER,
        title=_("'Just point her out to me'"),
        situation=_(
            "An officer in the hallway outside your room asks you only to point out which of "
            "the children is a particular girl. He shows no document."
        ),
        ask=STUDENT,
        facts=facts(place="NONPUBLIC_AREA", requests=["ACCESS_STUDENT"], subject="STUDENT"),
    ),
    Scenario(
        id="tc-playground-i200",
        track=TEACHER,
        title=_("On the playground at recess"),
        situation=_(
            "At recess, an agent comes through the playground gate, shows you the document "
            "below and calls a child's name."
        ),
        ask=SAY,
        facts=facts(place="NONPUBLIC_AREA", requests=["ACCESS_STUDENT"], subject="STUDENT"),
        specimen="i200",
        candidates=("named-student", "comply-with-warrant", "no-student", "verify-identity"),
    ),
    Scenario(
        id="tc-playground-arrest-warrant",
        track=TEACHER,
        title=_("Police with an arrest warrant at the field"),
        situation=_(
            "During gym class on the field, two police officers show you the arrest warrant "
            "below for one of your students and ask you to walk him over to them. You have the "
            "rest of the class with you; the office has been called."
        ),
        ask=STEP,
        prompt=_("Who takes the student to the officers, and where?"),
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE",
            place="NONPUBLIC_AREA",
            requests=["ARREST_PERSON"],
            subject="STUDENT",
        ),
        specimen="arrest-state",
        candidates=(
            "student-not-produced",
            "student-private-office",
            "student-per-document",
            "exigency",
        ),
    ),
    Scenario(
        id="tc-bus-stop",
        track=TEACHER,
        title=_("At the bus stop on morning duty"),
        situation=_(
            "You are on bus duty at the stop at the end of the school's driveway. An agent asks "
            "which bus a named student rides and wants to talk to her when she arrives."
        ),
        ask=STEP,
        facts=facts(
            place="BUS_STOP",
            requests=["ACCESS_STUDENT", "SCHEDULE_OR_WHEREABOUTS"],
            subject="STUDENT",
        ),
        candidates=("school-bus", "warrant-scope", "bus-stop-public", "bus-stop-school"),
    ),
    Scenario(
        id="tc-walks-in",
        track=TEACHER,
        title=_("An officer walks into your classroom"),
        situation=_(
            "You told an agent at the door that you do not consent and that the office is "
            "coming. He walks into the classroom anyway."
        ),
        ask=ACCESS,
        facts=facts(place="NONPUBLIC_AREA", requests=["ENTER_NONPUBLIC_AREA"], proceeds=True),
    ),
    Scenario(
        id="tc-school-play",
        track=TEACHER,
        title=_("At the school play"),
        situation=_(
            "At the evening school play, open to the public, a man who says he is a federal "
            "agent asks you where a particular student is sitting."
        ),
        ask=RECORDS_OUTCOME,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            place="PUBLIC_EVENT",
            requests=["SCHEDULE_OR_WHEREABOUTS"],
            subject="STUDENT",
        ),
    ),
    Scenario(
        id="tc-status-question",
        track=TEACHER,
        title=_("'Which of your students are undocumented?'"),
        situation=_(
            "A visitor who says he is an immigration officer asks you for a list of the students "
            "in your class who are 'not legal'."
        ),
        ask=STEP,
        facts=facts(place="NONPUBLIC_AREA", requests=["IMMIGRATION_STATUS", "STUDENT_LIST"]),
        candidates=(
            "records-directory",
            "records-seized",
            "immigration-status",
            "records-after-notice",
        ),
    ),
    Scenario(
        id="tc-danger",
        track=TEACHER,
        title=_("An officer says someone is in danger"),
        situation=_(
            "A police officer runs up to your classroom and says a child in the building is in "
            "danger and he must come in now."
        ),
        ask=SAY,
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE",
            place="NONPUBLIC_AREA",
            requests=["ENTER_NONPUBLIC_AREA"],
            exigency="IMMINENT_DANGER",
        ),
        candidates=("no-warrant", "comply-with-warrant", "emergency", "named-student"),
    ),
    # -- Records officer -------------------------------------------------------------------
    Scenario(
        id="ro-subpoena",
        track=RECORDS,
        title=_("A subpoena in a civil case"),
        situation=_(
            "The subpoena below arrives by mail for the attendance records of a nine-year-old."
        ),
        ask=RECORDS_OUTCOME,
        facts=facts(
            agency="PRIVATE_PARTY",
            channel="MAIL_OR_FAX",
            requests=["STUDENT_RECORDS"],
            subject="STUDENT",
        ),
        specimen="subpoena",
    ),
    Scenario(
        id="ro-subpoena-signer",
        track=RECORDS,
        title=_("A criminal subpoena: check the signature"),
        situation=_("The subpoena below arrives by mail. Read who signed it."),
        ask=RECORDS_OUTCOME,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            channel="MAIL_OR_FAX",
            requests=["STUDENT_RECORDS"],
            subject="STUDENT",
        ),
        specimen="subpoena-unsigned",
    ),
    Scenario(
        id="ro-grand-jury-ordered",
        track=RECORDS,
        title=_("A grand jury subpoena with a court's order"),
        situation=_(
            "The grand jury subpoena below arrives with the papers attached to it. Read the "
            "confidentiality terms."
        ),
        ask=RECORDS_OUTCOME,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            channel="MAIL_OR_FAX",
            requests=["STUDENT_RECORDS"],
            subject="STUDENT",
        ),
        specimen="grand-jury-ordered",
    ),
    Scenario(
        id="ro-grand-jury-letter",
        track=RECORDS,
        title=_("A prosecutor's letter asks for silence"),
        situation=_(
            "The grand jury subpoena below comes with a prosecutor's letter asking the school "
            "not to tell anyone."
        ),
        ask=STEP,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            channel="MAIL_OR_FAX",
            requests=["STUDENT_RECORDS"],
            subject="STUDENT",
        ),
        specimen="grand-jury-requested",
        candidates=(
            "records-ordered-no-notice",
            "records-hold",
            "confidentiality-request",
            "records-seized",
        ),
    ),
    Scenario(
        id="ro-grand-jury-log",
        track=RECORDS,
        title=_("What to write down under a non-disclosure order"),
        situation=_(
            "You produce records under the grand jury subpoena below, which carries a court's "
            "non-disclosure order."
        ),
        ask=LOG,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            channel="MAIL_OR_FAX",
            requests=["STUDENT_RECORDS"],
            subject="STUDENT",
        ),
        specimen="grand-jury-ordered",
        candidates=("FERPA_REQUEST_RECORD", "FERPA_EXEMPT_DIRECTORY", "FERPA_EXEMPT_NONDISCLOSURE"),
    ),
    Scenario(
        id="ro-directory-police",
        track=RECORDS,
        title=_("Police ask for directory information"),
        situation=_(
            "A town police officer, fully identified, comes to the district office and asks "
            "only for a student's name, grade and dates of attendance. The parents have not "
            "opted out."
        ),
        ask=RECORDS_OUTCOME,
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE", requests=["DIRECTORY_INFORMATION"], subject="STUDENT"
        ),
    ),
    Scenario(
        id="ro-directory-opt-out",
        track=RECORDS,
        title=_("Directory information, but the parents opted out"),
        situation=_(
            "A police officer asks for a student's grade and dates of attendance. The student's "
            "parents opted out of directory information this year."
        ),
        ask=STEP,
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE",
            requests=["DIRECTORY_INFORMATION"],
            subject="STUDENT",
            opt_out=True,
        ),
        candidates=(
            "records-directory",
            "non-directory-identifier",
            "directory-opt-out",
            "records-after-notice",
        ),
    ),
    Scenario(
        id="ro-directory-by-number",
        track=RECORDS,
        title=_("A request that names a student by number"),
        situation=_(
            "An officer asks whether the student with a given Social Security number attends "
            "the district, and for her grade."
        ),
        ask=STEP,
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE",
            requests=["DIRECTORY_INFORMATION"],
            subject="STUDENT",
            non_directory=True,
        ),
        candidates=(
            "records-directory",
            "directory-opt-out",
            "records-seized",
            "non-directory-identifier",
        ),
    ),
    Scenario(
        id="ro-directory-log",
        track=RECORDS,
        title=_("Recording a directory request"),
        situation=_(
            "A police officer, fully identified, asks by e-mail for a student's name and grade "
            "only, and gives his name, badge number and phone."
        ),
        ask=LOG,
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE",
            channel="EMAIL",
            requests=["DIRECTORY_INFORMATION"],
            subject="STUDENT",
        ),
        candidates=("FERPA_REQUEST_RECORD", "FERPA_EXEMPT_NONDISCLOSURE", "FERPA_EXEMPT_DIRECTORY"),
    ),
    Scenario(
        id="ro-directory-and-records",
        track=RECORDS,
        title=_("Directory information and the whole file"),
        situation=_(
            "A police officer asks for a student's grade and also for her discipline file. He "
            "has no subpoena."
        ),
        ask=RECORDS_OUTCOME,
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE",
            requests=["DIRECTORY_INFORMATION", "STUDENT_RECORDS"],
            subject="STUDENT",
        ),
    ),
    Scenario(
        id="ro-i138-list",
        track=RECORDS,
        title=_("A DHS subpoena for a list of students"),
        situation=_(
            "The subpoena below arrives by mail. It asks for the enrollment forms, attendance "
            "records and home addresses of a list of students."
        ),
        ask=STEP,
        facts=facts(channel="MAIL_OR_FAX", requests=["STUDENT_LIST", "STUDENT_RECORDS"]),
        specimen="i138",
        candidates=("records-after-notice", "records-seized", "dhs-subpoena", "records-directory"),
    ),
    Scenario(
        id="ro-search-warrant-records",
        track=RECORDS,
        title=_("A state search warrant for a file"),
        situation=_(
            "State police detectives present the search warrant below at the records office. "
            "They ask for the student's cumulative file, attendance and discipline records, "
            "which the warrant lists, and for nothing else."
        ),
        ask=RECORDS_OUTCOME,
        facts=facts(
            agency="STATE_OR_LOCAL_POLICE", requests=["STUDENT_RECORDS"], subject="STUDENT"
        ),
        specimen="search-state",
    ),
    Scenario(
        id="ro-court-order-notice",
        track=RECORDS,
        title=_("A court order for records in a civil case"),
        situation=_(
            "A lawyer's office sends the court order below for a student's attendance records."
        ),
        ask=NOTIFY,
        facts=facts(
            agency="PRIVATE_PARTY",
            channel="MAIL_OR_FAX",
            requests=["STUDENT_RECORDS"],
            subject="STUDENT",
        ),
        specimen="court-order-records",
        candidates=(
            "EMERGENCY_CONTACT",
            "ELIGIBLE_STUDENT_FERPA",
            "PARENT_FERPA",
            "GOVERNING_BOARD",
        ),
    ),
    Scenario(
        id="ro-classify-grand-jury",
        track=RECORDS,
        title=_("Classify: a subpoena with a cover letter"),
        situation=_("This arrives in the district's mail, addressed to the custodian of records."),
        ask=DOCUMENT,
        facts=facts(
            agency="FEDERAL_LAW_ENFORCEMENT",
            channel="MAIL_OR_FAX",
            requests=["STUDENT_RECORDS"],
            subject="STUDENT",
        ),
        specimen="grand-jury-requested",
    ),
    Scenario(
        id="ro-classify-i138",
        track=RECORDS,
        title=_("Classify: a subpoena from an agency"),
        situation=_("This arrives in the district's mail, addressed to the records office."),
        ask=DOCUMENT,
        facts=facts(channel="MAIL_OR_FAX", requests=["STUDENT_RECORDS"], subject="STUDENT"),
        specimen="i138",
    ),
)

BY_ID: dict[str, Scenario] = {scenario.id: scenario for scenario in SCENARIOS}
assert len(BY_ID) == len(SCENARIOS), "scenario ids must be unique"


def for_track(track: str) -> list[Scenario]:
    return [scenario for scenario in SCENARIOS if scenario.track == track]
