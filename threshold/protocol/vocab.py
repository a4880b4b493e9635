"""The contract's vocabulary: every value the facts and the decision may hold.

These names are fixed by the outside contract (the conformance README). They carry no state's law:
what each value leads to is written in the policy packs. The plain-words labels here say what a
value *means*, so that a decision, an explanation or a pack diff can be read without the codes.
"""

from __future__ import annotations

from enum import StrEnum


class Agency(StrEnum):
    IMMIGRATION = "IMMIGRATION"
    FEDERAL_LAW_ENFORCEMENT = "FEDERAL_LAW_ENFORCEMENT"
    STATE_OR_LOCAL_POLICE = "STATE_OR_LOCAL_POLICE"
    SCHOOL_RESOURCE_OFFICER = "SCHOOL_RESOURCE_OFFICER"
    CHILD_PROTECTIVE_SERVICES = "CHILD_PROTECTIVE_SERVICES"
    OTHER_GOVERNMENT = "OTHER_GOVERNMENT"
    PRIVATE_PARTY = "PRIVATE_PARTY"
    UNVERIFIED = "UNVERIFIED"


class Identification(StrEnum):
    NAME = "NAME"
    BADGE_OR_ID_NUMBER = "BADGE_OR_ID_NUMBER"
    PHONE = "PHONE"
    BUSINESS_CARD = "BUSINESS_CARD"


class Channel(StrEnum):
    IN_PERSON = "IN_PERSON"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    MAIL_OR_FAX = "MAIL_OR_FAX"


class Place(StrEnum):
    PUBLIC_AREA = "PUBLIC_AREA"
    NONPUBLIC_AREA = "NONPUBLIC_AREA"
    SCHOOL_BUS = "SCHOOL_BUS"
    BUS_STOP = "BUS_STOP"
    PUBLIC_EVENT = "PUBLIC_EVENT"
    NOT_APPLICABLE = "NOT_APPLICABLE"


class Request(StrEnum):
    ENTER_NONPUBLIC_AREA = "ENTER_NONPUBLIC_AREA"
    ACCESS_STUDENT = "ACCESS_STUDENT"
    ARREST_PERSON = "ARREST_PERSON"
    STUDENT_RECORDS = "STUDENT_RECORDS"
    DIRECTORY_INFORMATION = "DIRECTORY_INFORMATION"
    IMMIGRATION_STATUS = "IMMIGRATION_STATUS"
    SCHEDULE_OR_WHEREABOUTS = "SCHEDULE_OR_WHEREABOUTS"
    STUDENT_LIST = "STUDENT_LIST"


class Subject(StrEnum):
    STUDENT = "STUDENT"
    ELIGIBLE_STUDENT = "ELIGIBLE_STUDENT"
    PARENT_OR_GUARDIAN = "PARENT_OR_GUARDIAN"
    STAFF = "STAFF"
    OTHER_PERSON = "OTHER_PERSON"
    NONE = "NONE"


class DocType(StrEnum):
    ADMIN_WARRANT_I200 = "ADMIN_WARRANT_I200"
    ADMIN_WARRANT_I205 = "ADMIN_WARRANT_I205"
    EOIR_ORDER = "EOIR_ORDER"
    ADMIN_SUBPOENA_I138 = "ADMIN_SUBPOENA_I138"
    DETAINER_I247A = "DETAINER_I247A"
    NOTICE_TO_APPEAR_I862 = "NOTICE_TO_APPEAR_I862"
    JUDICIAL_SEARCH_WARRANT = "JUDICIAL_SEARCH_WARRANT"
    JUDICIAL_ARREST_WARRANT = "JUDICIAL_ARREST_WARRANT"
    STATE_COURT_SEARCH_WARRANT = "STATE_COURT_SEARCH_WARRANT"
    STATE_COURT_ARREST_WARRANT = "STATE_COURT_ARREST_WARRANT"
    JUDICIAL_SUBPOENA = "JUDICIAL_SUBPOENA"
    GRAND_JURY_SUBPOENA = "GRAND_JURY_SUBPOENA"
    COURT_ORDER = "COURT_ORDER"
    LETTER_OR_REQUEST = "LETTER_OR_REQUEST"
    UNKNOWN = "UNKNOWN"


class FacialCheck(StrEnum):
    PASS = "PASS"  # noqa: S105 (a check result, not a password)
    WRONG_PREMISES = "WRONG_PREMISES"
    WRONG_PERSON = "WRONG_PERSON"
    EXPIRED = "EXPIRED"
    OUTSIDE_TIME_WINDOW = "OUTSIDE_TIME_WINDOW"
    OUT_OF_SCOPE = "OUT_OF_SCOPE"
    NO_JUDGE_SIGNATURE = "NO_JUDGE_SIGNATURE"
    NOT_APPLICABLE = "NOT_APPLICABLE"


# When several surface checks fail, the first of these is reported (contract, section 2).
FACIAL_FAILURE_ORDER: tuple[FacialCheck, ...] = (
    FacialCheck.NO_JUDGE_SIGNATURE,
    FacialCheck.WRONG_PREMISES,
    FacialCheck.WRONG_PERSON,
    FacialCheck.EXPIRED,
    FacialCheck.OUTSIDE_TIME_WINDOW,
    FacialCheck.OUT_OF_SCOPE,
)


class Nondisclosure(StrEnum):
    NONE = "NONE"
    REQUESTED = "REQUESTED"
    ORDERED_BY_COURT = "ORDERED_BY_COURT"
    ORDERED_BY_AGENCY = "ORDERED_BY_AGENCY"


class Exigency(StrEnum):
    NONE = "NONE"
    HOT_PURSUIT = "HOT_PURSUIT"
    IMMINENT_DANGER = "IMMINENT_DANGER"
    EVIDENCE_DESTRUCTION = "EVIDENCE_DESTRUCTION"
    ASSERTED_WITHOUT_BASIS = "ASSERTED_WITHOUT_BASIS"


class Access(StrEnum):
    PUBLIC_ONLY = "PUBLIC_ONLY"
    WARRANT_SCOPE = "WARRANT_SCOPE"
    NO_CONSENT_DO_NOT_OBSTRUCT = "NO_CONSENT_DO_NOT_OBSTRUCT"
    EXIGENCY_DO_NOT_OBSTRUCT = "EXIGENCY_DO_NOT_OBSTRUCT"
    NOT_APPLICABLE = "NOT_APPLICABLE"


class StudentContact(StrEnum):
    NOT_PRODUCED = "NOT_PRODUCED"
    PER_WARRANT = "PER_WARRANT"
    NOT_APPLICABLE = "NOT_APPLICABLE"


class Records(StrEnum):
    NONE = "NONE"
    HOLD_FOR_COUNSEL = "HOLD_FOR_COUNSEL"
    DISCLOSE_AFTER_PARENT_NOTICE = "DISCLOSE_AFTER_PARENT_NOTICE"
    DISCLOSE_WITHOUT_NOTICE_ORDERED = "DISCLOSE_WITHOUT_NOTICE_ORDERED"
    SEIZED_UNDER_WARRANT = "SEIZED_UNDER_WARRANT"
    DIRECTORY_DISCRETIONARY = "DIRECTORY_DISCRETIONARY"
    NOT_APPLICABLE = "NOT_APPLICABLE"


class Notify(StrEnum):
    DESIGNATED_OFFICIAL = "DESIGNATED_OFFICIAL"
    SUPERINTENDENT = "SUPERINTENDENT"
    COUNSEL = "COUNSEL"
    PARENT_FERPA = "PARENT_FERPA"
    ELIGIBLE_STUDENT_FERPA = "ELIGIBLE_STUDENT_FERPA"
    PARENT_POLICY = "PARENT_POLICY"
    EMERGENCY_CONTACT = "EMERGENCY_CONTACT"


class Log(StrEnum):
    ENCOUNTER = "ENCOUNTER"
    COPIES = "COPIES"
    FERPA_REQUEST_RECORD = "FERPA_REQUEST_RECORD"
    FERPA_EXEMPT_DIRECTORY = "FERPA_EXEMPT_DIRECTORY"
    FERPA_EXEMPT_NONDISCLOSURE = "FERPA_EXEMPT_NONDISCLOSURE"
    RESTRICTED_FILE = "RESTRICTED_FILE"


class SignedBy(StrEnum):
    JUDGE = "JUDGE"
    MAGISTRATE_JUDGE = "MAGISTRATE_JUDGE"
    CLERK = "CLERK"
    ATTORNEY = "ATTORNEY"
    IMMIGRATION_OFFICER = "IMMIGRATION_OFFICER"
    IMMIGRATION_JUDGE = "IMMIGRATION_JUDGE"
    UNKNOWN = "UNKNOWN"


# Plain words for each value, used by explanations and pack diffs. They describe the value, not
# any state's rule.
WORDS: dict[str, str] = {
    # access
    "access.PUBLIC_ONLY": "may stay in the lobby and other public areas; no consent beyond them",
    "access.WARRANT_SCOPE": "only the places, persons or items the document describes",
    "access.NO_CONSENT_DO_NOT_OBSTRUCT": (
        "consent is refused; if the officer goes on anyway, staff do not resist, and write down "
        "what happens"
    ),
    "access.EXIGENCY_DO_NOT_OBSTRUCT": (
        "an emergency is stated: staff follow immediate safety directions, do not obstruct, and "
        "write down the stated emergency"
    ),
    "access.NOT_APPLICABLE": "no physical access is sought",
    # student contact
    "student_contact.NOT_PRODUCED": ("the school does not bring, locate or confirm the student"),
    "student_contact.PER_WARRANT": (
        "only the named student, as the document directs, handed over privately by the "
        "designated official"
    ),
    "student_contact.NOT_APPLICABLE": "no student is sought",
    # records
    "records.NONE": "no student information is given or confirmed",
    "records.HOLD_FOR_COUNSEL": "nothing is given until counsel has read the document and decides",
    "records.DISCLOSE_AFTER_PARENT_NOTICE": (
        "the records named may be produced after a reasonable effort to notify the parent (or "
        "the eligible student) in advance"
    ),
    "records.DISCLOSE_WITHOUT_NOTICE_ORDERED": (
        "the records named may be produced without notice, because a non-disclosure order "
        "forbids it; the file is kept restricted"
    ),
    "records.SEIZED_UNDER_WARRANT": "officers take only the records the warrant lists",
    "records.DIRECTORY_DISCRETIONARY": (
        "directory information may be released at the district's discretion, never required"
    ),
    "records.NOT_APPLICABLE": "no information is asked for",
    # notify
    "notify.DESIGNATED_OFFICIAL": "the designated official",
    "notify.SUPERINTENDENT": "the superintendent",
    "notify.COUNSEL": "district counsel",
    "notify.PARENT_FERPA": "the parent, in advance, as FERPA requires (34 CFR 99.31(a)(9)(ii))",
    "notify.ELIGIBLE_STUDENT_FERPA": (
        "the eligible student (18 or older), in advance, as FERPA requires"
    ),
    "notify.PARENT_POLICY": "the parent or guardian, under district policy",
    "notify.EMERGENCY_CONTACT": "the child's emergency contact",
    # log
    "log.ENCOUNTER": "the encounter record",
    "log.COPIES": "copies of every document presented",
    "log.FERPA_REQUEST_RECORD": (
        "an entry in the student's record of requests and disclosures (34 CFR 99.32)"
    ),
    "log.FERPA_EXEMPT_DIRECTORY": (
        "no 99.32 entry: a request for directory information (34 CFR 99.32(d)(4))"
    ),
    "log.FERPA_EXEMPT_NONDISCLOSURE": (
        "no 99.32 entry: a subpoena or order under a non-disclosure order (34 CFR 99.32(d)(5))"
    ),
    "log.RESTRICTED_FILE": "a restricted file, seen only by counsel and those who must act",
}


def words(dimension: str, value: str, language: str = "en") -> str:
    """The plain words for a value of a decision dimension (or the code if there are none).

    In a language other than English, only the values the engine writes into a pack's texts
    (`RENDERED`) have words; asking for another is an error, never a silent switch to English."""
    if language == "en":
        return WORDS.get(f"{dimension}.{value}", value)
    table = VOCABULARIES.get(language)
    if table is None:
        raise KeyError(f"no vocabulary for language {language!r} (known: {', '.join(LANGUAGES)})")
    key = f"{dimension}.{value}"
    if key not in table:
        raise KeyError(f"no {language!r} words for {key}")
    return table[key]


# What each request is about. Physical requests ask for access to places or people; information
# requests ask for what the school knows. This is the contract's meaning, not a state's rule.
PHYSICAL_REQUESTS: frozenset[Request] = frozenset(
    {Request.ENTER_NONPUBLIC_AREA, Request.ACCESS_STUDENT, Request.ARREST_PERSON}
)
INFORMATION_REQUESTS: frozenset[Request] = frozenset(Request) - PHYSICAL_REQUESTS
STUDENT_SUBJECTS: frozenset[Subject] = frozenset({Subject.STUDENT, Subject.ELIGIBLE_STUDENT})


def concerns_student(request: Request, subject: Subject) -> bool:
    """Whether a physical request seeks a student: always for ACCESS_STUDENT, and an arrest when
    the person to be arrested is a student."""
    if request is Request.ACCESS_STUDENT:
        return True
    return request is Request.ARREST_PERSON and subject in STUDENT_SUBJECTS


WORDS.update(
    {
        "request.ENTER_NONPUBLIC_AREA": "enter areas closed to the public",
        "request.ACCESS_STUDENT": "see, question or take a student",
        "request.ARREST_PERSON": "arrest a person",
        "request.STUDENT_RECORDS": "student records",
        "request.DIRECTORY_INFORMATION": "directory information",
        "request.IMMIGRATION_STATUS": "immigration status",
        "request.SCHEDULE_OR_WHEREABOUTS": "a student's schedule or whereabouts",
        "request.STUDENT_LIST": "a list of students",
        "identification.NAME": "name",
        "identification.BADGE_OR_ID_NUMBER": "badge or ID number",
        "identification.PHONE": "telephone number",
        "identification.BUSINESS_CARD": "business card",
        "exigency.NONE": "no emergency",
        "exigency.HOT_PURSUIT": "hot pursuit of a fleeing person",
        "exigency.IMMINENT_DANGER": "imminent danger to someone's safety",
        "exigency.EVIDENCE_DESTRUCTION": "evidence about to be destroyed",
        "exigency.ASSERTED_WITHOUT_BASIS": "an emergency claimed without any stated danger",
        "agency.IMMIGRATION": "immigration agents (ICE, CBP, HSI)",
        "agency.FEDERAL_LAW_ENFORCEMENT": "federal law enforcement (FBI, USMS ...)",
        "agency.STATE_OR_LOCAL_POLICE": "state or local police",
        "agency.SCHOOL_RESOURCE_OFFICER": "the school resource officer",
        "agency.CHILD_PROTECTIVE_SERVICES": "child protective services",
        "agency.OTHER_GOVERNMENT": "another government body",
        "agency.PRIVATE_PARTY": "a private party",
        "agency.UNVERIFIED": "a person whose agency cannot be verified",
        "channel.IN_PERSON": "in person",
        "channel.PHONE": "by phone",
        "channel.EMAIL": "by e-mail",
        "channel.MAIL_OR_FAX": "by mail or fax",
        "subject.STUDENT": "a student",
        "subject.ELIGIBLE_STUDENT": "an eligible student (18 or older)",
        "subject.PARENT_OR_GUARDIAN": "a parent or guardian",
        "subject.STAFF": "a staff member",
        "subject.OTHER_PERSON": "another person",
        "subject.NONE": "no one in particular",
        "facial_check.PASS": "passes its surface checks",
        "facial_check.WRONG_PREMISES": "describes other premises",
        "facial_check.WRONG_PERSON": "names another person",
        "facial_check.EXPIRED": "is past its date",
        "facial_check.OUTSIDE_TIME_WINDOW": "is outside the hours it allows",
        "facial_check.OUT_OF_SCOPE": "does not cover what is asked",
        "facial_check.NO_JUDGE_SIGNATURE": "lacks the signature it needs",
        "facial_check.NOT_APPLICABLE": "surface checks not done",
        "nondisclosure.NONE": "no confidentiality terms",
        "nondisclosure.REQUESTED": "a letter asks for confidentiality (not an order)",
        "nondisclosure.ORDERED_BY_COURT": "a court has ordered non-disclosure",
        "nondisclosure.ORDERED_BY_AGENCY": "the issuing agency has ordered non-disclosure",
    }
)

# ---------------------------------------------------------------------------------------------
# Other languages. A pack's texts are translated in the pack (`translations.es...`); the values
# the engine fills into them ({requests}, {agency} ...) and the headline's check words come
# from here. Every value of every dimension in RENDERED has words in each language.

LANGUAGES: tuple[str, ...] = ("en", "es")
RENDERED: tuple[tuple[str, type[StrEnum]], ...] = (
    ("request", Request),
    ("identification", Identification),
    ("exigency", Exigency),
    ("agency", Agency),
    ("facial_check", FacialCheck),
)

WORDS_ES: dict[str, str] = {
    "request.ENTER_NONPUBLIC_AREA": "entrar en zonas cerradas al público",
    "request.ACCESS_STUDENT": "ver, interrogar o llevarse a un estudiante",
    "request.ARREST_PERSON": "arrestar a una persona",
    "request.STUDENT_RECORDS": "expedientes de estudiantes",
    "request.DIRECTORY_INFORMATION": "información de directorio",
    "request.IMMIGRATION_STATUS": "estatus migratorio",
    "request.SCHEDULE_OR_WHEREABOUTS": "el horario o el paradero de un estudiante",
    "request.STUDENT_LIST": "una lista de estudiantes",
    "identification.NAME": "nombre",
    "identification.BADGE_OR_ID_NUMBER": "número de placa o de identificación",
    "identification.PHONE": "número de teléfono",
    "identification.BUSINESS_CARD": "tarjeta de presentación",
    "exigency.NONE": "ninguna emergencia",
    "exigency.HOT_PURSUIT": "persecución inmediata de una persona que huye",
    "exigency.IMMINENT_DANGER": "peligro inminente para la seguridad de alguien",
    "exigency.EVIDENCE_DESTRUCTION": "pruebas a punto de ser destruidas",
    "exigency.ASSERTED_WITHOUT_BASIS": "una emergencia alegada sin indicar ningún peligro",
    "agency.IMMIGRATION": "agentes de inmigración (ICE, CBP, HSI)",
    "agency.FEDERAL_LAW_ENFORCEMENT": "fuerzas del orden federales (FBI, USMS ...)",
    "agency.STATE_OR_LOCAL_POLICE": "policía estatal o local",
    "agency.SCHOOL_RESOURCE_OFFICER": "el oficial de recursos escolares",
    "agency.CHILD_PROTECTIVE_SERVICES": "servicios de protección infantil",
    "agency.OTHER_GOVERNMENT": "otro organismo del gobierno",
    "agency.PRIVATE_PARTY": "un particular",
    "agency.UNVERIFIED": "una persona cuya agencia no se puede verificar",
    "facial_check.PASS": "pasa sus verificaciones formales",
    "facial_check.WRONG_PREMISES": "describe otro lugar",
    "facial_check.WRONG_PERSON": "nombra a otra persona",
    "facial_check.EXPIRED": "ha pasado su fecha",
    "facial_check.OUTSIDE_TIME_WINDOW": "está fuera del horario que permite",
    "facial_check.OUT_OF_SCOPE": "no cubre lo que se pide",
    "facial_check.NO_JUDGE_SIGNATURE": "no tiene la firma que necesita",
    "facial_check.NOT_APPLICABLE": "verificaciones formales no hechas",
}

VOCABULARIES: dict[str, dict[str, str]] = {"es": WORDS_ES}

# The small words the engine puts between and instead of values.
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "and": "and",
        "no_document": "no document",
        "no_court_document": "no court document",
        "nothing": "nothing",
    },
    "es": {
        "and": "y",
        "no_document": "ningún documento",
        "no_court_document": "ningún documento judicial",
        "nothing": "nada",
    },
}


def join_words(items: list[str], language: str = "en") -> str:
    """`a`, `a and b`, `a, b and c` in the language (Spanish "y" is "e" before an i- sound)."""
    if not items:
        return ""
    conjunction = PHRASES[language]["and"]
    last = items[-1]
    if language == "es" and _starts_with_i_sound(last):
        conjunction = "e"
    if len(items) == 1:
        return last
    return f"{', '.join(items[:-1])} {conjunction} {last}"


def _starts_with_i_sound(text: str) -> bool:
    lowered = text.lower()
    if lowered.startswith(("hia", "hie", "hio", "hiu")):
        return False  # "hielo": the i is a consonant sound; "y" stays
    return lowered.startswith(("i", "í", "hi", "hí"))
