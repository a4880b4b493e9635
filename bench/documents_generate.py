# ruff: noqa: E501  (the templates reproduce the forms' line layout, wider than code lines)
"""Generate a labelled evaluation set for the document checker (`threshold documents check`).

Every class of document is written from the public forms and the law (DOMAIN.md 4.2-4.4), with
random people, schools, courts, dates and signers, then varied three ways:

  reworded    different wordings of the same form or letter, sections reordered, optional parts
              left out, typed summaries instead of the official layout;
  re-laid-out columns collapsed, lines re-wrapped at another width, capitals, check boxes drawn
              as [X], (x), X, or glyphs;
  OCR-noised  letters and digits confused (O/0, l/1/I, rn/m, S/5), punctuation dropped, lines
              broken or joined, stray marks;

and a share rendered to images (PNG or JPEG, rotated, blurred, speckled) for Tesseract.

The expected answer for each document (class, facial check, signer, expiry, confidentiality) is
derived from the same legal facts the checker uses, not from the checker. Distractors that are no
class of the contract (an inspection warrant from another agency, a foreign court's order, a
visitor log, a page too damaged to read) are labelled UNKNOWN.

    .venv/bin/python bench/documents_generate.py --out var/bench-documents --per-class 40 --images 30
    .venv/bin/python bench/documents_accuracy.py var/bench-documents
"""

from __future__ import annotations

import argparse
import json
import random
import textwrap
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

FIRST = [
    "Maria",
    "James",
    "Aisha",
    "Wei",
    "Carlos",
    "Fatima",
    "John",
    "Lucia",
    "Ahmed",
    "Grace",
    "Mateo",
    "Priya",
    "Daniel",
    "Sofia",
    "Kwame",
    "Elena",
    "Omar",
    "Hannah",
    "Diego",
    "Mei",
    "Thomas",
    "Ana",
    "Robert",
    "Nadia",
    "Samuel",
    "Chloe",
    "Victor",
    "Irene",
    "Paul",
    "Rosa",
]
LAST = [
    "Alvarez",
    "Nguyen",
    "Okafor",
    "Smith",
    "Castellanos",
    "Kowalski",
    "Haddad",
    "Brennan",
    "Ortiz",
    "Lindqvist",
    "Osei",
    "Marchetti",
    "Feeney",
    "Prescott",
    "Whitcomb",
    "Raman",
    "Delgado",
    "Fitzgerald",
    "Moreau",
    "Tanaka",
    "Santoro",
    "Abernathy",
    "Villanueva",
    "Reyes",
    "Goldberg",
    "Petrov",
    "Mensah",
    "Quinn",
    "Herrera",
    "Walsh",
]
SCHOOL_STEMS = [
    "Lincoln",
    "Washington",
    "Jefferson",
    "Roosevelt",
    "Cedar Grove",
    "Harbor View",
    "Maple Hill",
    "Riverside",
    "Oak Park",
    "Pine Ridge",
    "Eastbrook",
    "Westfield",
    "Greenfield",
    "Sunrise",
    "Hillcrest",
    "Brookside",
    "Fairview",
    "Lakeside",
    "Northgate",
    "Stony Creek",
    "Clinton",
    "Kennedy",
    "Franklin",
    "Mill Pond",
]
SCHOOL_KINDS = [
    "Elementary School",
    "Middle School",
    "High School",
    "Magnet High School",
    "Intermediate School",
]
STREETS = [
    "Main",
    "Maple",
    "Oak",
    "Elm",
    "Church",
    "Prospect",
    "Whitney",
    "Willow",
    "Center",
    "Park",
    "Highland",
    "Mill Plain",
    "Orchard",
    "Franklin",
    "Broad",
    "Chestnut",
    "Riverside",
    "Seaview",
    "Spring",
    "Union",
]
STREET_TYPES = [
    ("Street", "St."),
    ("Avenue", "Ave."),
    ("Road", "Rd."),
    ("Lane", "Ln."),
    ("Terrace", "Ter."),
    ("Drive", "Dr."),
    ("Boulevard", "Blvd."),
    ("Place", "Pl."),
]
CT_TOWNS = [
    ("Hartford", "06106"),
    ("New Haven", "06510"),
    ("Norwalk", "06851"),
    ("Danbury", "06810"),
    ("Meriden", "06450"),
    ("Manchester", "06040"),
    ("Bristol", "06010"),
    ("Hamden", "06518"),
    ("New London", "06320"),
    ("Stamford", "06902"),
    ("Waterbury", "06702"),
    ("Middletown", "06457"),
    ("Milford", "06460"),
    ("Norwich", "06360"),
    ("Torrington", "06790"),
]
FED_DISTRICTS = [
    ("District of Connecticut", "3"),
    ("District of Connecticut", "3"),
    ("District of Connecticut", "3"),
    ("Southern District of New York", "1"),
    ("District of Massachusetts", "1"),
    ("District of New Jersey", "2"),
]
CT_COURTS = [
    "Superior Court, Geographical Area No. 12, 410 Center Street, Manchester, CT 06040",
    "Superior Court, Judicial District of New Haven at Meriden, 54 West Main Street, Meriden, CT",
    "Superior Court, Judicial District of Hartford, 95 Washington Street, Hartford, CT 06106",
    "Superior Court, Judicial District of Stamford-Norwalk, 123 Hoyt Street, Stamford, CT 06905",
    "Superior Court, Geographical Area No. 2, 172 Golden Hill Street, Bridgeport, CT 06604",
]
CLASSES = [
    "ADMIN_WARRANT_I200",
    "ADMIN_WARRANT_I205",
    "EOIR_ORDER",
    "ADMIN_SUBPOENA_I138",
    "DETAINER_I247A",
    "NOTICE_TO_APPEAR_I862",
    "JUDICIAL_SEARCH_WARRANT",
    "JUDICIAL_ARREST_WARRANT",
    "STATE_COURT_SEARCH_WARRANT",
    "STATE_COURT_ARREST_WARRANT",
    "JUDICIAL_SUBPOENA",
    "GRAND_JURY_SUBPOENA",
    "COURT_ORDER",
    "LETTER_OR_REQUEST",
    "UNKNOWN",
]


@dataclass
class School:
    name: str
    number: int
    street: str
    street_type: tuple[str, str]
    town: str
    zip: str

    def address(self, short: bool = False) -> str:
        kind = self.street_type[1] if short else self.street_type[0]
        return f"{self.number} {self.street} {kind}, {self.town}, CT {self.zip}"

    def address_long(self) -> str:
        return f"{self.number} {self.street} {self.street_type[0]}, {self.town}, Connecticut {self.zip}"


@dataclass
class Doc:
    kind: str
    text: str
    school: School
    now: datetime
    expect: dict[str, object]
    notes: list[str] = field(default_factory=list)


class Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    # -- pools

    def person(self) -> str:
        middle = f" {self.r.choice('ABCDEFGHJKLMNPRST')}." if self.r.random() < 0.7 else ""
        return f"{self.r.choice(FIRST)}{middle} {self.r.choice(LAST)}"

    def subject(self) -> str:
        return f"{self.r.choice(FIRST)} {self.r.choice(LAST)} {self.r.choice(LAST)}".upper()

    def school(self) -> School:
        town, zip_code = self.r.choice(CT_TOWNS)
        return School(
            name=f"{self.r.choice(SCHOOL_STEMS)} {self.r.choice(SCHOOL_KINDS)}",
            number=self.r.randint(1, 3999),
            street=self.r.choice(STREETS),
            street_type=self.r.choice(STREET_TYPES),
            town=town,
            zip=zip_code,
        )

    def other_school(self, school: School) -> tuple[School, str]:
        """Premises that differ from the school in one element (name, number, street, town)."""
        change = self.r.choice(["name", "number", "street", "town"])
        other = School(**school.__dict__)
        if change == "name":
            stem, kind = school.name.split(" ", 1)[0], school.name.split(" ", 1)[1]
            other_kind = self.r.choice([k for k in SCHOOL_KINDS if k.split()[0] != kind.split()[0]])
            other.name = (
                f"{stem} {other_kind}"
                if self.r.random() < 0.5
                else f"{self.r.choice([s for s in SCHOOL_STEMS if s != stem])} {kind}"
            )
        elif change == "number":
            other.number = school.number + self.r.choice([-9, 1, 10, 100, 11])
            if other.number <= 0:
                other.number = school.number + 7
        elif change == "street":
            other.street = self.r.choice([s for s in STREETS if s != school.street])
        else:
            town, zip_code = self.r.choice([t for t in CT_TOWNS if t[0] != school.town])
            other.town, other.zip = town, zip_code
        return other, change

    def now(self) -> datetime:
        day = date(2025, 1, 6) + timedelta(days=self.r.randint(0, 330))
        hour = self.r.choice([7, 8, 9, 10, 11, 12, 13, 14, 15, 16])
        return datetime(day.year, day.month, day.day, hour, self.r.choice([0, 10, 25, 40, 55]))

    def case_no(self, office: str, kind: str) -> str:
        initials = "".join(self.r.choice("ABCDEFGHJKLMNPRSTVW") for _ in range(3))
        return f"{office}:25-{kind}-{self.r.randint(10, 999):05d} ({initials})"

    def fmt_date(self, d: date) -> str:
        style = self.r.random()
        if style < 0.45:
            return d.strftime("%m/%d/%Y")
        if style < 0.9:
            return d.strftime("%B %-d, %Y")
        return d.strftime("%b. %-d, %Y")

    def box(self, ticked: bool, style: str) -> str:
        return {
            "brackets": "[X]" if ticked else "[ ]",
            "glyphs": "\u2612" if ticked else "\u2610",
            "parens": "(X)" if ticked else "( )",
            "lower": "[x]" if ticked else "[ ]",
        }[style]

    def box_style(self) -> str:
        return self.r.choice(["brackets", "glyphs", "glyphs", "parens", "lower"])

    # -- court documents

    def federal_caption(self, district: str) -> str:
        return self.r.choice(
            [
                f"UNITED STATES DISTRICT COURT\n          for the\n    {district}",
                f"UNITED STATES DISTRICT COURT\n{district.upper()}",
                f"                 UNITED STATES DISTRICT COURT\n                     for the\n"
                f"                  {district}",
            ]
        )

    def search_warrant_federal(self) -> Doc:
        school = self.school()
        now = self.now()
        district, office = self.r.choice(FED_DISTRICTS)
        case = self.case_no(office, "mj")
        judge = self.person()
        scenario = self.r.choices(
            ["pass", "premises", "expired", "night", "unsigned", "clerk", "night_ok"],
            weights=[5, 2, 2, 1, 1, 1, 1],
        )[0]
        premises_school, change = (
            self.other_school(school) if scenario == "premises" else (school, "")
        )
        issue_age = self.r.randint(0, 6)
        if scenario == "expired":
            issue_age = self.r.randint(15, 40)
        issued = now.date() - timedelta(days=issue_age)
        written = self.r.random() < 0.8
        limit_days = self.r.randint(7, 14) if written else 14
        before = issued + timedelta(days=limit_days)
        if scenario == "expired" and written:
            before = min(before, now.date() - timedelta(days=self.r.randint(1, 10)))
        if scenario in ("night", "night_ok"):
            now = now.replace(
                hour=self.r.choice([22, 23, 0, 1, 4, 5]), minute=self.r.choice([5, 30, 45])
            )
        any_time = scenario == "night_ok" or (scenario == "pass" and self.r.random() < 0.15)
        style = self.box_style()
        electronic = self.r.random() < 0.2
        title = (
            "WARRANT BY TELEPHONE OR OTHER RELIABLE ELECTRONIC MEANS"
            if electronic
            else "SEARCH AND SEIZURE WARRANT"
        )
        form = (
            "AO 93C (08/18) Warrant by Telephone or Other Reliable Electronic Means"
            if electronic
            else "AO 93 (Rev. 11/13) Search and Seizure Warrant"
        )
        place = self.r.choice(
            [
                "the main office records room of",
                "the guidance office of",
                "the registrar's office of",
                "student records maintained at",
                "the athletic department office of",
                "the nurse's office and main office of",
            ]
        )
        describe = f"{place} {premises_school.name}, {premises_school.address_long() if self.r.random() < 0.6 else premises_school.address(short=True)}"
        if scenario == "unsigned":
            sign_line = ""
            printed = ""
            issued_text = "____________________"
        elif scenario == "clerk":
            sign_line = f"/s/ {self.person()}"
            printed = f"{sign_line[4:]}, Deputy Clerk"
            issued_text = (
                f"{self.fmt_date(issued)} {self.r.randint(1, 11)}:{self.r.randint(10, 59)} am"
            )
        else:
            capacity = self.r.choice(
                [
                    "U.S. Magistrate Judge",
                    "United States Magistrate Judge",
                    "United States District Judge",
                    "Hon. {n}, U.S.M.J.",
                ]
            )
            if electronic:
                sign_line = f"Digitally signed by {judge}  Date: {issued.strftime('%Y.%m.%d')} 14:02:11 -04'00'"
            else:
                sign_line = f"/s/ {judge}"
            printed = capacity.format(n=judge) if "{n}" in capacity else f"{judge}, {capacity}"
            issued_text = f"{self.fmt_date(issued)} {self.r.randint(1, 11)}:{self.r.randint(10, 59)} {self.r.choice(['am', 'pm'])}"
        before_text = self.fmt_date(before) if written else "______________"
        items = self.r.choice(
            [
                f"Enrollment and attendance records of the student {self.subject()} for the current school year.",
                f"The cumulative folder, registration forms and emergency contact card of the student {self.subject()}.",
                "Video recordings from the main entrance cameras for the dates listed in the affidavit.",
            ]
        )
        layout = self.r.choice(["form", "form", "typed"])
        if layout == "form":
            text = f"""{form}

{self.federal_caption(district)}

          In the Matter of the Search of                    )
     (Briefly describe the property to be searched           )
      or identify the person by name and address)            )     Case No. {case}
   {textwrap.fill(describe, 70, subsequent_indent="   ")}
                                                             )

                          {title}

To:   Any authorized law enforcement officer

      An application by a federal law enforcement officer or an attorney for the government
requests the search of the following person or property located in the {district}
(identify the person or describe the property to be searched and give its location):

      See Attachment A, incorporated herein.

      I find that the affidavit(s), or any recorded testimony, establish probable cause to search
and seize the person or property described above, and that such search will reveal (identify the
person or describe the property to be seized):

      See Attachment B, incorporated herein.

      YOU ARE COMMANDED to execute this warrant on or before   {before_text}   (not to exceed 14 days)
   {self.box(not any_time, style)} in the daytime 6:00 a.m. to 10:00 p.m.   {self.box(any_time, style)} at any time in the day or night because good cause has been established.

      Unless delayed notice is authorized below, you must give a copy of the warrant and a receipt for
the property taken to the person from whom, or from whose premises, the property was taken, or leave
the copy and receipt at the place where the property was taken.

Date and time issued:   {issued_text}                       {sign_line}
                                                        ___________________________________________
                                                                      Judge's signature

City and state:   {self.r.choice(["Hartford", "New Haven", "Bridgeport"])}, Connecticut                  {printed}
                                                        ___________________________________________
                                                                    Printed name and title
--------------------------------------------------------------------------------------------------
                                       ATTACHMENT A
                                  Property to Be Searched
{textwrap.fill("The premises to be searched are " + describe + ".", 96)}
--------------------------------------------------------------------------------------------------
                                       ATTACHMENT B
                                   Items to Be Seized
{textwrap.fill(items, 96)}
"""
        else:
            text = f"""{self.federal_caption(district)}
Case No. {case}
{title}
In the Matter of the Search of {describe}
To: Any authorized law enforcement officer.
Upon the affidavit presented, I find probable cause to search the premises described in Attachment A
and to seize the items described in Attachment B. YOU ARE COMMANDED to execute this warrant on or
before {before_text} (not to exceed 14 days).
{self.box(not any_time, style)} in the daytime 6:00 a.m. to 10:00 p.m.
{self.box(any_time, style)} at any time in the day or night because good cause has been established.
Date and time issued: {issued_text}
{sign_line}
Judge's signature
{printed}
Printed name and title
ATTACHMENT A - Property to be searched: {describe}.
ATTACHMENT B - Items to be seized: {items}
"""
        expires: date | None = before if written else issued + timedelta(days=14)
        if scenario == "unsigned" and not written:
            expires = None  # neither a written date nor a date of issue is on the face
        facial = {
            "pass": "PASS",
            "night_ok": "PASS",
            "premises": "WRONG_PREMISES",
            "expired": "EXPIRED",
            "night": "OUTSIDE_TIME_WINDOW",
            "unsigned": "NO_JUDGE_SIGNATURE",
            "clerk": "NO_JUDGE_SIGNATURE",
        }[scenario]
        if scenario == "night" and expires and now.date() > expires:
            facial = "EXPIRED"
        signed = {
            "unsigned": None,
            "clerk": "CLERK",
        }.get(scenario, "JUDGE" if "District Judge" in printed else "MAGISTRATE_JUDGE")
        expect: dict[str, object] = {
            "type": "JUDICIAL_SEARCH_WARRANT",
            "facial_check": facial,
            "expires": expires.isoformat() if expires else None,
        }
        if signed:
            expect["signed_by"] = signed
        return Doc("JUDICIAL_SEARCH_WARRANT", text, school, now, expect, [scenario, change])

    def search_warrant_ct(self) -> Doc:
        school = self.school()
        now = self.now()
        scenario = self.r.choices(
            ["pass", "premises", "expired", "tenth", "unsigned"], [5, 2, 2, 1, 1]
        )[0]
        premises_school, change = (
            self.other_school(school) if scenario == "premises" else (school, "")
        )
        age = {"expired": self.r.randint(11, 30), "tenth": 10}.get(scenario, self.r.randint(0, 9))
        issued = now.date() - timedelta(days=age)
        judge = self.person()
        court = self.r.choice(CT_COURTS)
        referee = self.r.random() < 0.15
        signature = "" if scenario == "unsigned" else f"/s/ {judge}"
        name_line = (
            ""
            if scenario == "unsigned"
            else f"Hon. {judge}, {'Judge Trial Referee' if referee else 'Judge of the Superior Court'}"
        )
        place = self.r.choice(
            [
                "hallway locker number " + str(self.r.randint(100, 2999)),
                "the main office and the student information system records",
                "the gymnasium locker room, locker " + str(self.r.randint(1, 400)),
            ]
        )
        wording = self.r.choice(["form", "plain"])
        if wording == "form":
            text = f"""SEARCH AND SEIZURE WARRANT                                   STATE OF CONNECTICUT
                                                             SUPERIOR COURT
Court:  {court}
Warrant No.: {self.r.choice(["MAN", "MER", "HFD", "NHV", "STM"])}-SW-25-{self.r.randint(100, 99999):05d}

TO ANY POLICE OFFICER OF A REGULARLY ORGANIZED POLICE DEPARTMENT OR ANY STATE POLICE OFFICER:

      The foregoing Affidavit and Application for Search and Seizure Warrant having been presented to and
been considered by the undersigned, a Judge of the Superior Court, the undersigned finds that said
affidavit establishes grounds and probable cause for the undersigned to issue this Search and Seizure Warrant.

      NOW THEREFORE, by Authority of the State of Connecticut, I hereby command any Police Officer of a
regularly organized police department or any State Police Officer to whom these presents shall come,
within ten days after the date of this warrant, to enter into or upon and search the place or thing
described in the foregoing affidavit and application, to wit:

   {premises_school.name}, {premises_school.address_long()}; specifically {place}.

for the property described in the foregoing affidavit and application, to wit:

   {self.r.choice(["A black backpack and its contents.", "One cellular telephone reported stolen.", "Any handgun or ammunition."])}

and upon finding said property to seize the same, and with reasonable promptness make due return.

Dated at:  {premises_school.town}, Connecticut, on {issued.strftime("%B %-d, %Y")}, at {self.r.randint(1, 11)}:{self.r.randint(10, 59)} p.m.

Signed (Judge):   {signature}
Name of Judge:    {name_line}
"""
        else:
            text = f"""STATE OF CONNECTICUT
SUPERIOR COURT
SEARCH AND SEIZURE WARRANT
{court}
To any police officer of a regularly organized police department: you are commanded, within ten days
after the date of this warrant, to enter into or upon and search {premises_school.name},
{premises_school.address(short=True)}, namely {place}, and to seize the property described in the
affidavit and application.
Dated {issued.strftime("%m/%d/%Y")}.
{signature}
{name_line}
"""
        expires = issued + timedelta(days=10)
        facial = {
            "pass": "PASS",
            "tenth": "PASS",
            "premises": "WRONG_PREMISES",
            "expired": "EXPIRED",
            "unsigned": "NO_JUDGE_SIGNATURE",
        }[scenario]
        expect: dict[str, object] = {
            "type": "STATE_COURT_SEARCH_WARRANT",
            "facial_check": facial,
            "expires": expires.isoformat(),
        }
        if scenario != "unsigned":
            expect["signed_by"] = "JUDGE"
        return Doc("STATE_COURT_SEARCH_WARRANT", text, school, now, expect, [scenario, change])

    def arrest_warrant_federal(self) -> Doc:
        school = self.school()
        now = self.now()
        district, office = self.r.choice(FED_DISTRICTS)
        defendant = self.subject()
        basis = self.r.choice(["Complaint", "Indictment", "Information", "Indictment"])
        signer = self.r.choice(["magistrate", "clerk", "judge", "magistrate"])
        if basis == "Complaint" and signer == "clerk" and self.r.random() < 0.5:
            signer = "magistrate"
        style = self.box_style()
        boxes = " ".join(
            f"{self.box(b == basis, style)} {b}"
            for b in [
                "Indictment",
                "Superseding Indictment",
                "Information",
                "Superseding Information",
                "Complaint",
            ]
        )
        person = self.person()
        if signer == "magistrate":
            sig = f"/s/ {person}"
            printed = f"{person}, {self.r.choice(['U.S. Magistrate Judge', 'United States Magistrate Judge'])}"
            expect_sign = "MAGISTRATE_JUDGE"
        elif signer == "judge":
            sig = f"/s/ {person}"
            printed = f"{person}, United States District Judge"
            expect_sign = "JUDGE"
        else:
            sig = f"{self.person().upper()}, CLERK OF COURT\n                                  By: s/ {person}"
            printed = f"{person}, Deputy Clerk"
            expect_sign = "CLERK"
        facial = "NO_JUDGE_SIGNATURE" if (signer == "clerk" and basis == "Complaint") else "PASS"
        text = f"""AO 442 (Rev. 11/11) Arrest Warrant

{self.federal_caption(district)}

               United States of America              )
                          v.                         )     Case No. {self.case_no(office, "cr" if basis != "Complaint" else "mj")}
          {defendant}               )
                     Defendant                       )

                                  ARREST WARRANT

To:   Any authorized law enforcement officer

      YOU ARE COMMANDED to arrest and bring before a United States magistrate judge without unnecessary delay
(name of person to be arrested)   {defendant}
who is accused of an offense or violation based on the following document filed with the court:

{boxes}
{self.box(False, style)} Probation Violation Petition  {self.box(False, style)} Supervised Release Violation Petition  {self.box(False, style)} Violation Notice  {self.box(False, style)} Order of the Court

This offense is briefly described as follows:
{self.r.choice(["Reentry of a removed alien, 8 U.S.C. 1326(a).", "Wire fraud, 18 U.S.C. 1343.", "Possession with intent to distribute, 21 U.S.C. 841(a)(1)."])}

Date:   {self.fmt_date(now.date() - timedelta(days=self.r.randint(1, 60)))}                     {sig}
                                                 ____________________________________________
                                                              Issuing officer's signature

City and state:   {self.r.choice(["Hartford", "New Haven"])}, Connecticut          {printed}
                                                 ____________________________________________
                                                                Printed name and title
"""
        return Doc(
            "JUDICIAL_ARREST_WARRANT",
            text,
            school,
            now,
            {
                "type": "JUDICIAL_ARREST_WARRANT",
                "facial_check": facial,
                "signed_by": expect_sign,
                "expires": None,
            },
            [basis, signer],
        )

    def arrest_warrant_ct(self) -> Doc:
        school = self.school()
        now = self.now()
        judge = self.person()
        unsigned = self.r.random() < 0.15
        town, zip_code = self.r.choice(CT_TOWNS)
        text = f"""ARREST WARRANT                                               STATE OF CONNECTICUT
                                                             SUPERIOR COURT

Name and address of accused:   {self.subject()}
                               {self.r.randint(1, 300)} {self.r.choice(STREETS)} Street, {town}, CT {zip_code}
Court to be held at:           {self.r.choice(CT_COURTS).split(",", 1)[1].strip()}
Docket No.:                    H{self.r.randint(10, 23)}M-CR25-{self.r.randint(100000, 999999):07d}-S

TO ANY PROPER OFFICER:

      By authority of the State of Connecticut, you are hereby commanded to arrest the body of the above-named
accused and bring the accused before a clerk or assistant clerk of the Superior Court to answer to the
charge(s) of:  C.G.S. § 53a-{self.r.randint(20, 200)}

      The foregoing application having been presented to and considered by the undersigned, the undersigned
finds that the application shows probable cause for the issuance of a warrant for the arrest of the accused.

Dated at {town}, Connecticut, on {(now.date() - timedelta(days=self.r.randint(1, 90))).strftime("%B %-d, %Y")}.

Signed (Judge):   {"" if unsigned else "/s/ " + judge}
                  {"" if unsigned else "Hon. " + judge + ", Judge of the Superior Court"}
"""
        expect: dict[str, object] = {
            "type": "STATE_COURT_ARREST_WARRANT",
            "facial_check": "NO_JUDGE_SIGNATURE" if unsigned else "PASS",
            "expires": None,
        }
        if not unsigned:
            expect["signed_by"] = "JUDGE"
        return Doc(
            "STATE_COURT_ARREST_WARRANT",
            text,
            school,
            now,
            expect,
            ["unsigned" if unsigned else "signed"],
        )

    def subpoena(self) -> Doc:
        school = self.school()
        now = self.now()
        kind = self.r.choice(["civil", "criminal", "ct", "ct"])
        district, office = self.r.choice(FED_DISTRICTS)
        attorney = self.person()
        clerk = self.person()
        if kind == "civil":
            signer = self.r.choice(["attorney", "attorney", "clerk"])
            sig_block = (
                f"""              CLERK OF COURT
                                                       OR
              ______________________________                 /s/ {attorney}
              Signature of Clerk or Deputy Clerk             ______________________________
                                                                  Attorney's signature"""
                if signer == "attorney"
                else f"""              CLERK OF COURT
              s/ {clerk}                                       OR
              ______________________________                 ______________________________
              Signature of Clerk or Deputy Clerk                  Attorney's signature"""
            )
            text = f"""AO 88B (Rev. 02/14) Subpoena to Produce Documents, Information, or Objects or to Permit Inspection of Premises in a Civil Action

{self.federal_caption(district)}

     {self.r.choice(LAST).upper()} INSURANCE COMPANY                 )
                    Plaintiff                         )
                       v.                             )     Civil Action No. {self.case_no(office, "cv")}
     {self.r.choice(LAST).upper()} BUS LINES, LLC                    )
                    Defendant                         )

        SUBPOENA TO PRODUCE DOCUMENTS, INFORMATION, OR OBJECTS
          OR TO PERMIT INSPECTION OF PREMISES IN A CIVIL ACTION

To:   Custodian of Records, {school.name}

   [X] Production: YOU ARE COMMANDED to produce at the time, date, and place set forth below the following
documents: attendance records for the student identified in Schedule A.

Date:   {self.fmt_date(now.date() - timedelta(days=self.r.randint(3, 20)))}

{sig_block}

The name, address, e-mail address, and telephone number of the attorney representing (name of party)
the plaintiff, who issues or requests this subpoena, are:
      {attorney}, {self.r.choice(LAST)} LLP, 90 State House Square, Hartford, CT 06103
"""
            expect_sign = "ATTORNEY" if signer == "attorney" else "CLERK"
            facial = "PASS"
        elif kind == "criminal":
            signer = self.r.choice(["clerk", "clerk", "clerk", "attorney"])
            block = (
                f"""Date:   {self.fmt_date(now.date() - timedelta(days=self.r.randint(3, 20)))}                                CLERK OF COURT

                                                  s/ {clerk}
                                                  ____________________________________________
                                                  Signature of Clerk or Deputy Clerk"""
                if signer == "clerk"
                else f"""Date:   {self.fmt_date(now.date() - timedelta(days=self.r.randint(3, 20)))}

                                                  /s/ {attorney}
                                                  ____________________________________________
                                                  Assistant United States Attorney"""
            )
            text = f"""AO 89B (07/16) Subpoena to Produce Documents, Information, or Objects in a Criminal Case

{self.federal_caption(district)}

          United States of America                   )
                     v.                              )     Case No. {self.case_no(office, "cr")}
          {self.subject()}                )
                    Defendant                        )

       SUBPOENA TO PRODUCE DOCUMENTS, INFORMATION, OR OBJECTS IN A CRIMINAL CASE

To:   Custodian of Records, {school.name}, {school.address()}

      YOU ARE COMMANDED to produce at the time, date, and place set forth below the following
records: attendance records for the student {self.subject()}.

{block}
"""
            expect_sign = "CLERK" if signer == "clerk" else "ATTORNEY"
            facial = "PASS" if signer == "clerk" else "NO_JUDGE_SIGNATURE"
        else:
            signer = self.r.choice(["commissioner", "commissioner", "clerk"])
            boxes = (
                "[ ] Clerk    [X] Commissioner of the Superior Court    [ ] Notary Public"
                if signer == "commissioner"
                else "[X] Clerk    [ ] Commissioner of the Superior Court    [ ] Notary Public"
            )
            who = attorney if signer == "commissioner" else clerk
            tail = (
                f"Name:      {who}, Juris No. {self.r.randint(100000, 999999)}\n           Attorney for the Plaintiff"
                if signer == "commissioner"
                else f"Name:      {who}, Assistant Clerk"
            )
            text = f"""SUBPOENA - CIVIL                                             STATE OF CONNECTICUT
(Family Matters)                                             SUPERIOR COURT

Name of case:     {self.r.choice(LAST).upper()} v. {self.r.choice(LAST).upper()}
Docket No.:       FST-FA25-{self.r.randint(1000000, 9999999)}-S
Court:            {self.r.choice(CT_COURTS)}

TO:   Custodian of Records, {school.name}, {school.address()}

      BY AUTHORITY OF THE STATE OF CONNECTICUT, you are hereby commanded to appear before the Superior Court
at the address shown above to testify what you know in the case named above, and to bring with you and
produce the attendance records of the minor child named in the attached schedule.

      Hereof fail not, under penalty of law.

Dated at {school.town}, Connecticut, on {(now.date() - timedelta(days=self.r.randint(2, 15))).strftime("%B %-d, %Y")}.

Signed:    /s/ {who}
           {boxes}
{tail}
"""
            expect_sign = "ATTORNEY" if signer == "commissioner" else "CLERK"
            facial = "PASS"
        return Doc(
            "JUDICIAL_SUBPOENA",
            text,
            school,
            now,
            {
                "type": "JUDICIAL_SUBPOENA",
                "facial_check": facial,
                "signed_by": expect_sign,
                "expires": None,
                "nondisclosure": "NONE",
            },
            [kind, signer],
        )

    def grand_jury(self) -> Doc:
        school = self.school()
        now = self.now()
        district, office = self.r.choice(FED_DISTRICTS)
        clerk = self.person()
        ausa = self.person()
        extra = self.r.choice(["none", "letter", "order", "none"])
        subpoena = f"""AO 110 (Rev. 06/09) Subpoena to Testify Before a Grand Jury

{self.federal_caption(district)}

                     SUBPOENA TO TESTIFY BEFORE A GRAND JURY

To:   Custodian of Records, {school.name}, {school.address()}

      YOU ARE COMMANDED to appear in this United States district court at the time, date, and place shown
below to testify before the court's grand jury. When you arrive, you must remain at the court until the judge
or a court officer allows you to leave.

Place:  United States Courthouse, 915 Lafayette Boulevard,     Date and Time:  {self.fmt_date(now.date() + timedelta(days=self.r.randint(5, 30)))} 9:00 am
        Bridgeport, CT 06604

      You must also bring with you the following documents: registration and attendance records for the
      student {self.subject()}.

Date:   {self.fmt_date(now.date() - timedelta(days=self.r.randint(2, 10)))}                                    CLERK OF COURT

                                                  s/ {clerk}, Deputy Clerk
                                                  ____________________________________________
                                                  Signature of Clerk or Deputy Clerk

The name, address, e-mail, and telephone number of the United States attorney, or assistant United States
attorney, who requests this subpoena, are:
      AUSA {ausa}, 157 Church Street, New Haven, CT 06510
"""
        letter = f"""                               U.S. Department of Justice
                               United States Attorney
                               {district}

                                                                    {self.fmt_date(now.date() - timedelta(days=3))}
Custodian of Records
{school.name}
{school.address()}

      Re: Federal Grand Jury Subpoena

Dear Custodian of Records:

      Enclosed please find a federal grand jury subpoena. {self.r.choice(["The United States requests that you not disclose the existence of this subpoena or the fact of your compliance.", "We ask that you not disclose this subpoena to anyone, including the student or the family, as disclosure could impede an investigation. This request is voluntary.", "Please do not disclose the existence of this subpoena."])}

                                          Very truly yours,
                                          /s/ {ausa}
                                          Assistant United States Attorney
"""
        order = f"""{self.federal_caption(district)}

IN RE GRAND JURY SUBPOENA                          :     Misc. No. {self.case_no(office, "mc")}
ISSUED TO THE {school.town.upper()} BOARD OF EDUCATION    :     FILED UNDER SEAL

                          ORDER DIRECTING NON-DISCLOSURE

      Upon the application of the United States, IT IS HEREBY ORDERED that the school district, its officers
and employees shall not disclose the existence or contents of the grand jury subpoena, or any information
furnished in response to it, to any person, including the student and the student's parents, for one year.

      SO ORDERED.

                                                  /s/ {self.person()}
                                                  United States District Judge
"""
        sep = "=" * 100
        if extra == "letter":
            text = letter + "\n" + sep + "\n\n" + subpoena
            nd = "REQUESTED"
        elif extra == "order":
            text = subpoena + "\n" + sep + "\n" + order
            nd = "ORDERED_BY_COURT"
        else:
            text = subpoena
            nd = "NONE"
        return Doc(
            "GRAND_JURY_SUBPOENA",
            text,
            school,
            now,
            {
                "type": "GRAND_JURY_SUBPOENA",
                "facial_check": "PASS",
                "signed_by": "CLERK",
                "nondisclosure": nd,
                "expires": None,
            },
            [extra],
        )

    def court_order(self) -> Doc:
        school = self.school()
        now = self.now()
        federal = self.r.random() < 0.6
        judge = self.person()
        unsigned = self.r.random() < 0.12
        gag = self.r.random() < 0.25
        if federal:
            district, office = self.r.choice(FED_DISTRICTS)
            head = f"""{self.federal_caption(district)}

UNITED STATES DEPARTMENT OF LABOR,                 :
                         Plaintiff,                :     Civil No. {self.case_no(office, "cv")}
               v.                                  :
{self.r.choice(LAST).upper()} PRECISION, INC., et al.,              :
                         Defendants.               :     {self.fmt_date(now.date() - timedelta(days=5))}"""
            title_judge = (
                "United States District Judge"
                if self.r.random() < 0.7
                else "United States Magistrate Judge"
            )
            expect_sign = "JUDGE" if "District" in title_judge else "MAGISTRATE_JUDGE"
        else:
            head = f"""STATE OF CONNECTICUT
SUPERIOR COURT - JUVENILE MATTERS
{self.r.choice(CT_COURTS)}
Docket No.: H{self.r.randint(10, 20)}-CP25-{self.r.randint(100000, 999999)}-A"""
            title_judge = "Judge of the Superior Court"
            expect_sign = "JUDGE"
        body_gag = (
            " IT IS FURTHER ORDERED that the district shall not disclose the existence of this Order to the student or the student's family."
            if gag
            else " IT IS FURTHER ORDERED that the records shall be used solely for the purposes of this litigation."
        )
        text = f"""{head}

                                      {self.r.choice(["ORDER", "ORDER TO PRODUCE RECORDS", "ORDER"])}

      Upon consideration of the motion, and for good cause shown, IT IS HEREBY ORDERED that the custodian of
records of {school.name}, {school.address()}, shall produce within fourteen (14) days the attendance records
of the student identified in the sealed appendix.{body_gag}

      SO ORDERED.

                                                  {"" if unsigned else "/s/ " + judge}
                                                  {"______________________________"}
                                                  {"" if unsigned else judge}
                                                  {title_judge if not unsigned else ""}
"""
        expect: dict[str, object] = {
            "type": "COURT_ORDER",
            "facial_check": "NO_JUDGE_SIGNATURE" if unsigned else "PASS",
            "nondisclosure": "ORDERED_BY_COURT" if gag else "NONE",
            "expires": None,
        }
        if not unsigned:
            expect["signed_by"] = expect_sign
        return Doc(
            "COURT_ORDER",
            text,
            school,
            now,
            expect,
            ["federal" if federal else "ct", "unsigned" if unsigned else ""],
        )

    # -- DHS and EOIR

    def i200(self) -> Doc:
        school = self.school()
        now = self.now()
        officer = self.person()
        style = self.box_style()
        title = self.r.choice(
            [
                "Supervisory Detention and Deportation Officer",
                "Assistant Field Office Director",
                "Deportation Officer",
            ]
        )
        text = f"""U.S. DEPARTMENT OF HOMELAND SECURITY                 WARRANT FOR ARREST OF ALIEN

                                                     File No.  A {self.r.randint(100, 299)} {self.r.randint(100, 999)} {self.r.randint(100, 999)}
                                                     Date:     {self.fmt_date(now.date() - timedelta(days=self.r.randint(1, 40)))}

To:  Any immigration officer authorized pursuant to sections 236 and 287 of the
     Immigration and Nationality Act and part 287 of title 8, Code of Federal
     Regulations, to serve warrants of arrest for immigration violations

I have determined that there is probable cause to believe that
                    {self.subject()}
is removable from the United States. This determination is based upon:

{self.box(True, style)} the execution of a charging document to initiate removal proceedings against the subject;
{self.box(False, style)} the pendency of ongoing removal proceedings against the subject;
{self.box(self.r.random() < 0.5, style)} biometric confirmation of the subject's identity and a records check of federal databases.

YOU ARE COMMANDED to arrest and take into custody for removal proceedings under the
Immigration and Nationality Act, the above-named alien.

                                   /s/ {officer}
                                   ______________________________________________
                                   (Signature of Authorized Immigration Officer)

                                   {officer}
                                   {title}
                                   ______________________________________________
                                   (Printed Name and Title of Authorized Immigration Officer)

                                                                 Form I-200 (Rev. 09/16)
"""
        if self.r.random() < 0.3:  # a version without the form number, typed by someone
            text = text.replace("Form I-200 (Rev. 09/16)", "")
        return Doc(
            "ADMIN_WARRANT_I200",
            text,
            school,
            now,
            {
                "type": "ADMIN_WARRANT_I200",
                "facial_check": "NOT_APPLICABLE",
                "signed_by": "IMMIGRATION_OFFICER",
                "expires": None,
            },
            [],
        )

    def i205(self) -> Doc:
        school = self.school()
        now = self.now()
        style = self.box_style()
        ticked = self.r.choice([0, 1, 2, 3, 3])
        options = [
            "an immigration judge in exclusion, deportation, or removal proceedings",
            "a designated official",
            "the Board of Immigration Appeals",
            "a United States District or Magistrate Court Judge",
        ]
        boxes = "\n".join(f"   {self.box(i == ticked, style)}  {o}" for i, o in enumerate(options))
        text = f"""U.S. Department of Homeland Security

                          WARRANT OF REMOVAL/DEPORTATION

                                                        File No: A {self.r.randint(100, 299)} {self.r.randint(100, 999)} {self.r.randint(100, 999)}
                                                        Date:    {self.fmt_date(now.date() - timedelta(days=self.r.randint(1, 20)))}

To any immigration officer of the United States Department of Homeland Security:

                         {self.subject()}
                   (Full name of alien to be removed/deported)

is subject to removal/deportation from the United States, based upon a final order by:

{boxes}

I, the undersigned officer of the United States, by virtue of the power and authority vested
in the Secretary of Homeland Security, command you to take into custody and remove from the
United States the above-named alien, pursuant to law.

   /s/ {self.person()}
   ____________________________________________
   (Signature of immigration officer)

   {self.r.choice(["Field Office Director", "Deputy Field Office Director", "Special Agent in Charge"])}, {self.r.choice(["Boston", "New York", "Newark"])} Field Office
   ____________________________________________
   (Title of immigration officer)

                                                               Form I-205 (Rev. 08/07)
"""
        return Doc(
            "ADMIN_WARRANT_I205",
            text,
            school,
            now,
            {
                "type": "ADMIN_WARRANT_I205",
                "facial_check": "NOT_APPLICABLE",
                "signed_by": "IMMIGRATION_OFFICER",
                "expires": None,
            },
            [options[ticked][:20]],
        )

    def eoir(self) -> Doc:
        school = self.school()
        now = self.now()
        judge = self.person()
        style = self.box_style()
        text = f"""                   UNITED STATES DEPARTMENT OF JUSTICE
                 EXECUTIVE OFFICE FOR IMMIGRATION REVIEW
                            IMMIGRATION COURT
                 {self.r.choice(["450 Main Street, Room 628, Hartford, CT 06103", "26 Federal Plaza, New York, NY 10278"])}

In the Matter of:                                  Case No.: A {self.r.randint(100, 299)}-{self.r.randint(100, 999)}-{self.r.randint(100, 999)}
   {self.subject()}
                    Respondent                     IN REMOVAL PROCEEDINGS

                      ORDER OF THE IMMIGRATION JUDGE

This is a summary of the oral decision entered on {self.fmt_date(now.date() - timedelta(days=self.r.randint(10, 300)))}.

{self.box(True, style)} The respondent was ordered removed from the United States to {self.r.choice(["GUATEMALA", "HONDURAS", "BRAZIL", "ECUADOR"])}.
{self.box(False, style)} Respondent's application for voluntary departure was denied.
{self.box(self.r.random() < 0.5, style)} Respondent failed to appear.

                                          /s/ {judge}
                                          ____________________________________
                                          {judge}
                                          Immigration Judge
"""
        return Doc(
            "EOIR_ORDER",
            text,
            school,
            now,
            {
                "type": "EOIR_ORDER",
                "signed_by": "IMMIGRATION_JUDGE",
                "facial_check": "NOT_APPLICABLE",
                "expires": None,
            },
            [],
        )

    def i138(self) -> Doc:
        school = self.school()
        now = self.now()
        gag = self.r.random() < 0.3
        officer = self.person()
        text = f"""                         UNITED STATES OF AMERICA
                   DEPARTMENT OF HOMELAND SECURITY
                 U.S. Immigration and Customs Enforcement

                                SUBPOENA

                                                 Subpoena No.: HSI-{self.r.choice(["NH", "HF", "BO"])}-2025-{self.r.randint(100, 999):05d}

To:  Custodian of Records
     {school.name}
     {school.address()}

By the service of this subpoena upon you, YOU ARE HEREBY COMMANDED AND REQUIRED to appear before
Special Agent {self.person()}, Homeland Security Investigations, on {self.fmt_date(now.date() + timedelta(days=10))},
to give testimony and produce enrollment forms, attendance records and home addresses of the students
named in the attachment, in connection with an investigation relating to the enforcement of the
immigration laws of the United States.
{"You are hereby ordered not to disclose the existence of this subpoena." if gag else ""}
Failure to comply with this subpoena will render you liable to proceedings in a United States
District Court which may result in an order for contempt of court.

This subpoena is issued pursuant to Section 287(a) and 235(d)(4) of the Immigration and
Nationality Act, and 8 C.F.R. 287.4.

                               /s/ {officer}
                               ______________________________________________
                               (Signature of issuing officer)
                               {officer}
                               {self.r.choice(["Special Agent in Charge, HSI Boston", "Assistant Special Agent in Charge, HSI", "Field Office Director, ERO"])}

Form I-138 (Rev. 11/19)
"""
        return Doc(
            "ADMIN_SUBPOENA_I138",
            text,
            school,
            now,
            {
                "type": "ADMIN_SUBPOENA_I138",
                "signed_by": "IMMIGRATION_OFFICER",
                "facial_check": "NOT_APPLICABLE",
                "nondisclosure": "ORDERED_BY_AGENCY" if gag else "NONE",
                "expires": None,
            },
            ["gag" if gag else ""],
        )

    def i247a(self) -> Doc:
        school = self.school()
        now = self.now()
        officer = self.person()
        text = f"""DEPARTMENT OF HOMELAND SECURITY
IMMIGRATION DETAINER - NOTICE OF ACTION

Subject ID: {self.r.randint(100000000, 999999999)}      File No: A {self.r.randint(100, 299)} {self.r.randint(100, 999)} {self.r.randint(100, 999)}      Date: {self.fmt_date(now.date() - timedelta(days=1))}

TO: (Name and Title of Institution - OR Any Subsequent Law Enforcement Agency)
    Security Department, {school.town} Public Schools
    {school.name}, {school.address()}

MAINTAIN CUSTODY OF ALIEN FOR A PERIOD NOT TO EXCEED 48 HOURS

Name of Alien:  {self.subject()}

1. DHS HAS DETERMINED THAT PROBABLE CAUSE EXISTS THAT THE SUBJECT IS A REMOVABLE ALIEN.

IT IS THEREFORE REQUESTED THAT YOU:
  - Notify DHS as early as practicable before the alien is released from your custody.
  - Maintain custody of the alien for a period NOT TO EXCEED 48 HOURS.

                               {officer}, {self.r.choice(["Deportation Officer", "Supervisory Detention and Deportation Officer"])}
                               (Name and title of Immigration Officer)
                               /s/ {officer}
                               (Signature of Immigration Officer)

DHS Form I-247A (3/17)
"""
        return Doc(
            "DETAINER_I247A",
            text,
            school,
            now,
            {
                "type": "DETAINER_I247A",
                "signed_by": "IMMIGRATION_OFFICER",
                "facial_check": "NOT_APPLICABLE",
                "expires": None,
            },
            [],
        )

    def i862(self) -> Doc:
        school = self.school()
        now = self.now()
        officer = self.person()
        style = self.box_style()
        text = f"""U.S. DEPARTMENT OF HOMELAND SECURITY
NOTICE TO APPEAR

                                   In removal proceedings under section 240 of the
                                   Immigration and Nationality Act:
File No: A {self.r.randint(100, 299)} {self.r.randint(100, 999)} {self.r.randint(100, 999)}

In the Matter of:
Respondent:  {self.subject()}

{self.box(False, style)} 1. You are an arriving alien.
{self.box(True, style)} 2. You are an alien present in the United States who has not been admitted or paroled.

YOU ARE ORDERED to appear before an immigration judge of the United States Department of
Justice at: Hartford Immigration Court, 450 Main Street, Hartford, CT 06103
on {self.fmt_date(now.date() + timedelta(days=self.r.randint(30, 200)))} to show why you should not be removed from the United States.

                                  /s/ {officer}, {self.r.choice(["Supervisory Deportation Officer", "Deportation Officer", "Immigration Officer"])}
                                  (Signature and Title of Issuing Officer)
Date: {self.fmt_date(now.date() - timedelta(days=self.r.randint(1, 30)))}
                                                            Form I-862 (Rev. 08/01/07)
"""
        return Doc(
            "NOTICE_TO_APPEAR_I862",
            text,
            school,
            now,
            {
                "type": "NOTICE_TO_APPEAR_I862",
                "signed_by": "IMMIGRATION_OFFICER",
                "facial_check": "NOT_APPLICABLE",
                "expires": None,
            },
            [],
        )

    # -- letters and unknowns

    def letter(self) -> Doc:
        school = self.school()
        now = self.now()
        kind = self.r.choice(["ice", "fbi", "police", "note", "email", "ausa"])
        who = self.person()
        student = self.subject()
        if kind == "ice":
            text = f"""U.S. Department of Homeland Security
U.S. Immigration and Customs Enforcement
Enforcement and Removal Operations
Boston Field Office

{self.fmt_date(now.date() - timedelta(days=2))}

Principal
{school.name}
{school.address()}

RE: Request for Information - {student}

Dear Principal:

ICE is conducting an official inquiry and respectfully requests that your office provide the current home
address, parents' names, class schedule and dismissal time of the above-named student. Please provide
the requested information by email within five business days. Your cooperation is appreciated.

Sincerely,

/s/ {who}
{who}
{self.r.choice(["Deportation Officer", "Supervisory Detention and Deportation Officer"])}
Enforcement and Removal Operations
"""
            sign = "IMMIGRATION_OFFICER"
        elif kind == "fbi":
            text = f"""U.S. Department of Justice
Federal Bureau of Investigation
New Haven Field Office

{self.fmt_date(now.date() - timedelta(days=2))}

Dear Principal,

In connection with an ongoing matter, the FBI requests the name, address and grade level of the student
{student}. Please contact the undersigned if you have any questions. Thank you for your cooperation.

Sincerely,
{who}
Special Agent
"""
            sign = "UNKNOWN"
        elif kind == "police":
            text = f"""{school.town.upper()} POLICE DEPARTMENT
Detective Bureau

To: Principal, {school.name}
From: Det. {who}
Re: request

Please provide the attendance dates and bus route for {student} for the last two weeks. We need this for
an open case. Call me at 860-555-{self.r.randint(1000, 9999)} when ready.
Thank you,
Det. {who}
"""
            sign = "UNKNOWN"
        elif kind == "note":
            text = f"""FRONT OFFICE -
Need to talk to the {student.split()[1].title()} {self.r.choice(["boy", "girl", "kid"])} ({self.r.randint(1, 8)}th gr) today before dismissal.
Pls have {self.r.choice(["him", "her"])} ready in the office at {self.r.randint(1, 3)}:{self.r.choice(["00", "15", "30"])}, dont tell the teacher.
Call me at 203-555-{self.r.randint(1000, 9999)} if any problem
          - {who.split()[0][0]}. {who.split()[-1]}   (badge {self.r.randint(100, 9999)})
"""
            sign = "UNKNOWN"
        elif kind == "email":
            text = f"""From: {who} <{who.split()[-1].lower()}@ice.dhs.example>
Sent: {self.fmt_date(now.date())} 9:14 AM
To: frontoffice@{school.town.lower().replace(" ", "")}.k12.example
Subject: Student information

Good morning,
Please confirm whether {student} is enrolled at {school.name} and send the student's schedule.
Thank you,
{who}
Deportation Officer, ICE ERO
"""
            sign = "IMMIGRATION_OFFICER"
        else:
            text = f"""                               U.S. Department of Justice
                               United States Attorney
                               District of Connecticut

{self.fmt_date(now.date() - timedelta(days=2))}

Dear Custodian of Records:

      We would appreciate your assistance in providing the enrollment dates of {student}. Please call the
undersigned with any questions.

                                          Very truly yours,
                                          /s/ {who}
                                          Assistant United States Attorney
"""
            sign = "ATTORNEY"
        return Doc(
            "LETTER_OR_REQUEST",
            text,
            school,
            now,
            {
                "type": "LETTER_OR_REQUEST",
                "signed_by": sign,
                "facial_check": "NOT_APPLICABLE",
                "expires": None,
            },
            [kind],
        )

    def unknown(self) -> Doc:
        school = self.school()
        now = self.now()
        kind = self.r.choice(["dol", "foreign", "log", "damaged", "inspection", "blank"])
        if kind == "dol":
            text = f"""U.S. DEPARTMENT OF LABOR
Wage and Hour Division
ADMINISTRATIVE INSPECTION WARRANT
Authority: Fair Labor Standards Act, 29 U.S.C. 211
The bearer, an investigator of the Wage and Hour Division, is authorized to enter the premises of
{school.name}, {school.address()}, and to inspect payroll records of the cafeteria contractor.
Issued {self.fmt_date(now.date() - timedelta(days=3))}.
{self.person()}, District Director
"""
        elif kind == "foreign":
            text = f"""TRIBUNAL DE PREMIERE INSTANCE
Chambre civile
ORDONNANCE
Le tribunal, vu la requete, ordonne la communication des pieces relatives a l'eleve {self.subject()}.
Fait a Lyon, le {now.day} mars 2025.
Le President, {self.person()}
"""
        elif kind == "log":
            rows = "\n".join(
                f"{self.r.randint(7, 15)}:{self.r.randint(10, 59)}  {self.person():<26} {self.r.choice(['parent', 'vendor', 'volunteer', 'contractor'])}  badge {self.r.randint(1, 99)}"
                for _ in range(8)
            )
            text = f"""{school.name.upper()} - VISITOR SIGN-IN SHEET
Date: {self.fmt_date(now.date())}
Time   Name                       Purpose     Badge
{rows}
"""
        elif kind == "damaged":
            base = self.r.choice(
                [self.search_warrant_federal, self.i200, self.court_order, self.subpoena]
            )()
            chars = list(base.text)
            for i in range(len(chars)):
                if chars[i].isalnum() and self.r.random() < 0.45:
                    chars[i] = self.r.choice("#%&@~;:,.il1|")
            text = "".join(chars)
        elif kind == "inspection":
            text = f"""STATE OF CONNECTICUT
DEPARTMENT OF PUBLIC HEALTH
NOTICE OF INSPECTION
This notice informs the administrator of {school.name} that the kitchen and food service area will be
inspected under the state public health code on {self.fmt_date(now.date() + timedelta(days=7))}.
Inspector: {self.person()}, R.S.
"""
        else:
            text = """WARRANT
Case No. ______
To: ____________________
You are commanded to ____________________________________________
Date: __________        ____________________________
"""
        return Doc("UNKNOWN", text, school, now, {"type": "UNKNOWN"}, [kind])

    GENERATORS = {
        "ADMIN_WARRANT_I200": "i200",
        "ADMIN_WARRANT_I205": "i205",
        "EOIR_ORDER": "eoir",
        "ADMIN_SUBPOENA_I138": "i138",
        "DETAINER_I247A": "i247a",
        "NOTICE_TO_APPEAR_I862": "i862",
        "JUDICIAL_SEARCH_WARRANT": "search_warrant_federal",
        "JUDICIAL_ARREST_WARRANT": "arrest_warrant_federal",
        "STATE_COURT_SEARCH_WARRANT": "search_warrant_ct",
        "STATE_COURT_ARREST_WARRANT": "arrest_warrant_ct",
        "JUDICIAL_SUBPOENA": "subpoena",
        "GRAND_JURY_SUBPOENA": "grand_jury",
        "COURT_ORDER": "court_order",
        "LETTER_OR_REQUEST": "letter",
        "UNKNOWN": "unknown",
    }

    def make(self, kind: str) -> Doc:
        return getattr(self, self.GENERATORS[kind])()  # type: ignore[no-any-return]

    # -- variation

    def relayout(self, text: str) -> str:
        lines = text.split("\n")
        how = self.r.choice(["collapse", "rewrap", "upper", "collapse_upper", "strip_rules"])
        if how in ("collapse", "collapse_upper", "rewrap"):
            lines = [" ".join(line.split()) for line in lines]
        if how == "rewrap":
            width = self.r.randint(55, 110)
            out = []
            for line in lines:
                out.extend(textwrap.wrap(line, width) or [""])
            lines = out
        if how == "strip_rules":
            lines = [line for line in lines if set(line.strip()) - set("_-")]
        text = "\n".join(lines)
        if how in ("upper", "collapse_upper") or self.r.random() < 0.15:
            text = text.upper()
        if self.r.random() < 0.5:
            text = text.replace("\u2612", self.r.choice(["[X]", "X", "[x]"])).replace(
                "\u2610", self.r.choice(["[ ]", "[]", "O"])
            )
        return text

    def reword(self, doc: Doc) -> str:
        text = doc.text
        swaps = [
            ("Custodian of Records", "Records Custodian"),
            ("YOU ARE COMMANDED", "You are commanded"),
            ("incorporated herein", "attached hereto"),
            ("Dear Principal", "Dear Sir or Madam"),
            ("respectfully requests", "requests"),
            ("Your cooperation is appreciated.", "Thank you in advance for your help."),
            ("the above-named student", "this student"),
            ("for good cause shown", "the Court being fully advised"),
            ("Sincerely,", self.r.choice(["Respectfully,", "Regards,", "Sincerely,"])),
        ]
        for old, new in swaps:
            if old in text and self.r.random() < 0.6:
                text = text.replace(old, new)
        # Drop one optional paragraph (never the title or the signature).
        paragraphs = text.split("\n\n")
        droppable = [
            i
            for i, p in enumerate(paragraphs)
            if i > 2
            and i < len(paragraphs) - 3
            and doc.school.name.upper() not in p.upper()
            and not any(
                k in p.upper()
                for k in (
                    "SIGN",
                    "/S/",
                    "WARRANT",
                    "SUBPOENA",
                    "ORDER",
                    "DATE",
                    "ATTACHMENT",
                    "COMMANDED",
                    "[X]",
                    "\u2612",
                    "TO WIT",
                    "PREMISES",
                    "DAYTIME",
                )
            )
        ]
        if droppable and self.r.random() < 0.5:
            paragraphs.pop(self.r.choice(droppable))
        return "\n\n".join(paragraphs)

    def ocr_noise(self, text: str, level: float) -> str:
        confusions = {
            "O": "0",
            "0": "O",
            "l": "1",
            "1": "l",
            "I": "1",
            "i": "l",
            "S": "5",
            "5": "S",
            "B": "8",
            "e": "c",
            "c": "e",
            "a": "o",
            "n": "m",
            "rn": "m",
            "m": "rn",
            ",": ".",
            ".": ",",
            "u": "v",
            "t": "f",
            "h": "b",
        }
        out = []
        i = 0
        while i < len(text):
            two = text[i : i + 2]
            if two == "rn" and self.r.random() < level:
                out.append("m")
                i += 2
                continue
            ch = text[i]
            roll = self.r.random()
            if ch in confusions and roll < level:
                out.append(confusions[ch])
            elif ch in ".,;:'\"()" and roll < level * 2:
                pass  # punctuation lost
            elif ch == "\u2612" and roll < 0.7:
                out.append(self.r.choice(["&", "X", "%", "[X]"]))
            elif ch == "\u2610" and roll < 0.7:
                out.append(self.r.choice(["O", "o", "0", "G", "[]"]))
            elif ch == " " and roll < level / 3:
                out.append("")  # words run together
            elif ch == "\n" and roll < level / 2:
                out.append(" ")  # lines joined
            else:
                out.append(ch)
            i += 1
        noisy = "".join(out)
        lines = noisy.split("\n")
        for _ in range(int(len(lines) * level)):
            k = self.r.randrange(len(lines))
            if len(lines[k]) > 30:
                cut = self.r.randrange(10, len(lines[k]) - 10)
                lines[k] = lines[k][:cut] + "\n" + lines[k][cut:]
        return "\n".join(
            " ".join(line.split()) if self.r.random() < 0.7 else line
            for line in "\n".join(lines).split("\n")
        )


class Holdout(Gen):
    """A second family of wordings, written apart from the first and never used to tune the
    checker: typed summaries, other form versions, other agencies' letterheads. Its figures are
    the honest estimate of how the checker does on documents it was not shaped on."""

    def search_warrant_federal(self) -> Doc:
        school = self.school()
        now = self.now()
        judge = self.person()
        district, office = self.r.choice(FED_DISTRICTS)
        issued = now.date() - timedelta(days=self.r.randint(0, 20))
        expires = issued + timedelta(days=14)
        text = f"""UNITED STATES DISTRICT COURT
{district.upper()}
Case Number: {self.case_no(office, "mj")}

WARRANT TO SEARCH AND SEIZE PROPERTY

The Court, having found probable cause on the sworn affidavit of a Special Agent, authorizes any
authorized law enforcement officer to search {school.name} located at {school.address(short=True)}
(the administrative offices and the records room) and to seize the items listed in Attachment B.

This warrant must be executed within fourteen days, during the daytime between 6:00 a.m. and 10:00 p.m.

Issued on {issued.strftime("%B %-d, %Y")}.

/s/ {judge}
{judge}
United States Magistrate Judge
"""
        facial = "EXPIRED" if now.date() > expires else "PASS"
        return Doc(
            "JUDICIAL_SEARCH_WARRANT",
            text,
            school,
            now,
            {
                "type": "JUDICIAL_SEARCH_WARRANT",
                "facial_check": facial,
                "signed_by": "MAGISTRATE_JUDGE",
                "expires": expires.isoformat(),
            },
            ["holdout"],
        )

    def search_warrant_ct(self) -> Doc:
        school = self.school()
        now = self.now()
        issued = now.date() - timedelta(days=self.r.randint(0, 15))
        judge = self.person()
        text = f"""STATE OF CONNECTICUT
SUPERIOR COURT, JUDICIAL DISTRICT OF {self.r.choice(["HARTFORD", "NEW HAVEN", "WATERBURY"])}
SEARCH WARRANT

Upon the affidavit of Detective {self.person()}, sworn before me, I find probable cause and command any
police officer of the State to search {school.name}, {school.address()}, within ten days after the date of
this warrant, for the items described in the affidavit.

Date of warrant: {issued.strftime("%m/%d/%Y")}
BY THE COURT: /s/ {judge}, Judge of the Superior Court
"""
        expires = issued + timedelta(days=10)
        facial = "EXPIRED" if now.date() > expires else "PASS"
        return Doc(
            "STATE_COURT_SEARCH_WARRANT",
            text,
            school,
            now,
            {
                "type": "STATE_COURT_SEARCH_WARRANT",
                "facial_check": facial,
                "signed_by": "JUDGE",
                "expires": expires.isoformat(),
            },
            ["holdout"],
        )

    def arrest_warrant_federal(self) -> Doc:
        school = self.school()
        now = self.now()
        district, office = self.r.choice(FED_DISTRICTS)
        clerk = self.person()
        text = f"""UNITED STATES DISTRICT COURT
for the {district}

UNITED STATES OF AMERICA v. {self.subject()}        Criminal No. {self.case_no(office, "cr")}

WARRANT FOR ARREST

To the United States Marshal and any Authorized United States Officer:
YOU ARE HEREBY COMMANDED to arrest {self.subject()} and bring that person forthwith to the nearest
magistrate judge to answer an Indictment charging a violation of 18 U.S.C. 1343.

{clerk}, Clerk of Court
By: /s/ {self.person()}, Deputy Clerk              Date: {self.fmt_date(now.date() - timedelta(days=9))}
"""
        return Doc(
            "JUDICIAL_ARREST_WARRANT",
            text,
            school,
            now,
            {
                "type": "JUDICIAL_ARREST_WARRANT",
                "facial_check": "PASS",
                "signed_by": "CLERK",
                "expires": None,
            },
            ["holdout"],
        )

    def arrest_warrant_ct(self) -> Doc:
        school = self.school()
        now = self.now()
        text = f"""STATE OF CONNECTICUT
SUPERIOR COURT G.A. {self.r.randint(1, 23)}
ARREST WARRANT APPLICATION AND WARRANT (JD-CR-64)

TO ANY PROPER OFFICER: By authority of the State of Connecticut, you are commanded to arrest
{self.subject()}, date of birth on file, and bring the accused before the Superior Court.
Charges: C.G.S. 53a-125b, larceny in the sixth degree.

Issued at {school.town}, Connecticut, {self.fmt_date(now.date() - timedelta(days=3))}.
/s/ {self.person()}
Judge of the Superior Court
"""
        return Doc(
            "STATE_COURT_ARREST_WARRANT",
            text,
            school,
            now,
            {
                "type": "STATE_COURT_ARREST_WARRANT",
                "facial_check": "PASS",
                "signed_by": "JUDGE",
                "expires": None,
            },
            ["holdout"],
        )

    def subpoena(self) -> Doc:
        school = self.school()
        now = self.now()
        attorney = self.person()
        text = f"""STATE OF CONNECTICUT
SUPERIOR COURT
SUBPOENA DUCES TECUM

Docket No. HHD-CV25-{self.r.randint(6000000, 6999999)}-S

To: Keeper of Records, {school.name}, {school.address()}

You are hereby commanded to produce, on {self.fmt_date(now.date() + timedelta(days=14))}, the complete
attendance and nurse records of the student named in the attached schedule, in the matter of
{self.r.choice(LAST).upper()} v. {self.r.choice(LAST).upper()}.

Hereof fail not, under penalty of law.

/s/ {attorney}
Commissioner of the Superior Court
{attorney}, Esq., counsel for the plaintiff
"""
        return Doc(
            "JUDICIAL_SUBPOENA",
            text,
            school,
            now,
            {
                "type": "JUDICIAL_SUBPOENA",
                "facial_check": "PASS",
                "signed_by": "ATTORNEY",
                "expires": None,
                "nondisclosure": "NONE",
            },
            ["holdout"],
        )

    def grand_jury(self) -> Doc:
        school = self.school()
        now = self.now()
        district, _office = self.r.choice(FED_DISTRICTS)
        text = f"""UNITED STATES DISTRICT COURT
{district}

GRAND JURY SUBPOENA
Subpoena No. GJ-2025-{self.r.randint(100, 999)}

TO: Custodian of Records, {school.name}

YOU ARE COMMANDED to appear and testify before the Grand Jury of the United States District Court at
the courthouse on {self.fmt_date(now.date() + timedelta(days=20))}, and to bring with you the enrollment
file of the student named in Attachment 1.

This subpoena is issued on application of the United States of America.

{self.person()}, Clerk
By: s/ {self.person()}, Deputy Clerk
"""
        return Doc(
            "GRAND_JURY_SUBPOENA",
            text,
            school,
            now,
            {
                "type": "GRAND_JURY_SUBPOENA",
                "facial_check": "PASS",
                "signed_by": "CLERK",
                "expires": None,
                "nondisclosure": "NONE",
            },
            ["holdout"],
        )

    def court_order(self) -> Doc:
        school = self.school()
        now = self.now()
        judge = self.person()
        text = f"""STATE OF CONNECTICUT
SUPERIOR COURT FOR JUVENILE MATTERS
IN RE: A MINOR CHILD                     Docket No. H{self.r.randint(10, 20)}-CP25-{self.r.randint(100000, 999999)}-A

ORDER FOR RELEASE OF EDUCATIONAL RECORDS

The Court finds good cause and ORDERS that {school.name} release to the Department of Children and
Families the attendance and health records of the child named in the petition.

BY THE COURT,
/s/ {judge}
Judge
Dated: {self.fmt_date(now.date() - timedelta(days=2))}
"""
        return Doc(
            "COURT_ORDER",
            text,
            school,
            now,
            {
                "type": "COURT_ORDER",
                "facial_check": "PASS",
                "signed_by": "JUDGE",
                "expires": None,
                "nondisclosure": "NONE",
            },
            ["holdout"],
        )

    def i200(self) -> Doc:
        school = self.school()
        now = self.now()
        text = f"""U.S. Immigration and Customs Enforcement
Warrant for Arrest of Alien
To any officer authorized under INA sections 236 and 287 to serve warrants of arrest for immigration
violations: there is probable cause to believe that {self.subject()} is removable from the United
States. You are commanded to arrest and take the above-named alien into custody for removal proceedings.
Signature: /s/ {self.person()}
Title: Assistant Field Office Director, ERO Boston
"""
        return Doc(
            "ADMIN_WARRANT_I200",
            text,
            school,
            now,
            {
                "type": "ADMIN_WARRANT_I200",
                "facial_check": "NOT_APPLICABLE",
                "signed_by": "IMMIGRATION_OFFICER",
                "expires": None,
            },
            ["holdout"],
        )

    def i205(self) -> Doc:
        school = self.school()
        now = self.now()
        text = f"""DEPARTMENT OF HOMELAND SECURITY
WARRANT OF REMOVAL / DEPORTATION (Form I-205)
Subject: {self.subject()}
The subject is subject to removal pursuant to a final order issued by a United States District Judge.
By virtue of the authority vested in the Secretary of Homeland Security, you are commanded to take the
subject into custody and remove the subject from the United States.
/s/ {self.person()}, Field Office Director
"""
        return Doc(
            "ADMIN_WARRANT_I205",
            text,
            school,
            now,
            {
                "type": "ADMIN_WARRANT_I205",
                "facial_check": "NOT_APPLICABLE",
                "signed_by": "IMMIGRATION_OFFICER",
                "expires": None,
            },
            ["holdout"],
        )

    def eoir(self) -> Doc:
        school = self.school()
        now = self.now()
        judge = self.person()
        text = f"""EXECUTIVE OFFICE FOR IMMIGRATION REVIEW
IMMIGRATION COURT - HARTFORD, CONNECTICUT
DECISION AND ORDER OF THE IMMIGRATION JUDGE
Respondent: {self.subject()}
Upon the record, it is ORDERED that the respondent be removed from the United States.
{judge}
Immigration Judge
Date: {self.fmt_date(now.date() - timedelta(days=40))}
"""
        return Doc(
            "EOIR_ORDER",
            text,
            school,
            now,
            {
                "type": "EOIR_ORDER",
                "facial_check": "NOT_APPLICABLE",
                "signed_by": "IMMIGRATION_JUDGE",
                "expires": None,
            },
            ["holdout"],
        )

    def i138(self) -> Doc:
        school = self.school()
        now = self.now()
        text = f"""U.S. Department of Homeland Security
Homeland Security Investigations
IMMIGRATION ENFORCEMENT SUBPOENA TO PRODUCE RECORDS (Form I-138)

{school.name}, attention records custodian:
You are required to produce the registration and attendance records of the students listed in the
attachment, pursuant to 8 U.S.C. 1225(d) and 8 CFR 287.4, by {self.fmt_date(now.date() + timedelta(days=7))}.

/s/ {self.person()}, Special Agent in Charge
"""
        return Doc(
            "ADMIN_SUBPOENA_I138",
            text,
            school,
            now,
            {
                "type": "ADMIN_SUBPOENA_I138",
                "facial_check": "NOT_APPLICABLE",
                "signed_by": "IMMIGRATION_OFFICER",
                "expires": None,
                "nondisclosure": "NONE",
            },
            ["holdout"],
        )

    def i247a(self) -> Doc:
        school = self.school()
        now = self.now()
        text = f"""U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT
FORM I-247A IMMIGRATION DETAINER
To: {school.town} Public Schools Security Office
DHS requests that you notify ICE at least 48 hours before releasing the subject {self.subject()} and
that you maintain custody for up to 48 hours so that DHS may assume custody.
{self.person()}
Supervisory Detention and Deportation Officer
"""
        return Doc(
            "DETAINER_I247A",
            text,
            school,
            now,
            {
                "type": "DETAINER_I247A",
                "facial_check": "NOT_APPLICABLE",
                "signed_by": "IMMIGRATION_OFFICER",
                "expires": None,
            },
            ["holdout"],
        )

    def i862(self) -> Doc:
        school = self.school()
        now = self.now()
        text = f"""DEPARTMENT OF HOMELAND SECURITY
NOTICE TO APPEAR (I-862)
To: {self.subject()}
You are ordered to appear before an Immigration Judge at the immigration court on a date to be set,
to show why you should not be removed under section 240 of the Immigration and Nationality Act.
Issued by: {self.person()}, Deportation Officer
"""
        return Doc(
            "NOTICE_TO_APPEAR_I862",
            text,
            school,
            now,
            {
                "type": "NOTICE_TO_APPEAR_I862",
                "facial_check": "NOT_APPLICABLE",
                "signed_by": "IMMIGRATION_OFFICER",
                "expires": None,
            },
            ["holdout"],
        )

    def letter(self) -> Doc:
        school = self.school()
        now = self.now()
        who = self.person()
        text = f"""U.S. Customs and Border Protection
Office of Field Operations

{self.fmt_date(now.date())}

To the Principal of {school.name}:

We are writing to ask for your help locating a family that we believe has children enrolled at your
school. We would be grateful for any addresses or phone numbers on file. Kindly reply to this office.

Respectfully,
{who}
Supervisory CBP Officer
"""
        return Doc(
            "LETTER_OR_REQUEST",
            text,
            school,
            now,
            {"type": "LETTER_OR_REQUEST", "facial_check": "NOT_APPLICABLE", "expires": None},
            ["holdout"],
        )

    def unknown(self) -> Doc:
        school = self.school()
        now = self.now()
        kind = self.r.choice(["osha", "irs", "court-notice"])
        if kind == "osha":
            text = f"""U.S. DEPARTMENT OF LABOR
Occupational Safety and Health Administration
INSPECTION WARRANT
The compliance officer is authorized to inspect the boiler room of {school.name}.
{self.person()}, Area Director
"""
        elif kind == "irs":
            text = f"""INTERNAL REVENUE SERVICE
NOTICE OF LEVY
To: {school.town} Board of Education, payroll department
Amount due: see attached. {self.person()}, Revenue Officer
"""
        else:
            text = f"""NOTICE OF HEARING
You are notified that a hearing on the matter of the zoning variance for {school.address()} will take
place before the Planning and Zoning Commission on {self.fmt_date(now.date() + timedelta(days=30))}.
{self.person()}, Town Clerk
"""
        return Doc("UNKNOWN", text, school, now, {"type": "UNKNOWN"}, ["holdout", kind])


def render(text: str, path: Path, rng: random.Random) -> None:
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    fonts = [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    ]
    available = [f for f in fonts if Path(f).exists()]
    size = rng.randint(20, 25)
    font = (
        ImageFont.truetype(rng.choice(available), size)
        if available
        else ImageFont.load_default(size)
    )
    lines = text.split("\n")
    width = 1700
    height = max(600, int(len(lines) * size * 1.35) + 160)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    y = 80
    for line in lines:
        draw.text((70, y), line, fill=rng.randint(0, 50), font=font)
        y += int(size * 1.35)
    image = image.rotate(
        rng.uniform(-2.5, 2.5), resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255
    )
    if rng.random() < 0.6:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.1)))
    pixels = image.load()
    assert pixels is not None
    for _ in range(image.width * image.height // 400):
        x, yy = rng.randrange(image.width), rng.randrange(image.height)
        pixels[x, yy] = rng.choice([0, 90, 160])
    if path.suffix == ".jpg":
        image.save(path, quality=rng.randint(55, 85))
    else:
        image.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--out", default="var/bench-documents", help="output folder (default: %(default)s)"
    )
    parser.add_argument(
        "--per-class", type=int, default=40, help="documents per class (default: %(default)s)"
    )
    parser.add_argument(
        "--images", type=int, default=30, help="documents rendered to images (default: %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=20250128)
    parser.add_argument(
        "--holdout",
        action="store_true",
        help="use the held-out family of wordings (never used to tune the checker)",
    )
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*"):
        if old.is_file():
            old.unlink()
    gen = Holdout(args.seed) if args.holdout else Gen(args.seed)
    labels = []
    variants = ["clean", "reworded", "relaid", "ocr_light", "ocr_heavy"]
    count = 0
    for kind in CLASSES:
        for n in range(args.per_class):
            doc = gen.make(kind)
            variant = variants[n % len(variants)]
            text = doc.text
            if variant == "reworded":
                text = gen.reword(doc)
            elif variant == "relaid":
                text = gen.relayout(gen.reword(doc))
            elif variant == "ocr_light":
                text = gen.ocr_noise(gen.relayout(text), 0.015)
            elif variant == "ocr_heavy":
                text = gen.ocr_noise(gen.relayout(gen.reword(doc)), 0.04)
            name = f"{kind.lower()}-{n:03d}-{variant}.txt"
            (out / name).write_text(text, encoding="utf-8")
            labels.append(_label(name, doc, variant))
            count += 1
    image_rng = random.Random(args.seed + 1)
    for n in range(args.images):
        kind = CLASSES[n % len(CLASSES)]
        doc = gen.make(kind)
        text = gen.reword(doc) if n % 2 else doc.text
        suffix = ".jpg" if n % 3 == 0 else ".png"
        name = f"{kind.lower()}-img-{n:03d}{suffix}"
        render(text, out / name, image_rng)
        labels.append(_label(name, doc, "image"))
        count += 1
    (out / "labels.jsonl").write_text(
        "\n".join(json.dumps(x) for x in labels) + "\n", encoding="utf-8"
    )
    print(f"wrote {count} documents ({args.images} images) and labels.jsonl to {out}")
    return 0


def _label(name: str, doc: Doc, variant: str) -> dict[str, object]:
    return {
        "file": name,
        "class": doc.kind,
        "variant": variant,
        "school": doc.school.name,
        "address": doc.school.address(short=variant != "clean"),
        "now": doc.now.isoformat(),
        "expect": doc.expect,
        "notes": doc.notes,
    }


if __name__ == "__main__":
    raise SystemExit(main())
