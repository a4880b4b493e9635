# ruff: noqa: E501  (the samples keep the forms' line layout)
"""Sample documents for the checker's tests, written from the public forms (DOMAIN.md 4.2-4.3).

The school in every sample is Maple Hill Elementary School, 45 Orchard Street, Milford, CT 06460.
"""

from __future__ import annotations

SCHOOL = "Maple Hill Elementary School"
ADDRESS = "45 Orchard Street, Milford, CT 06460"


def ao93(
    *,
    premises: str = "the main office of Maple Hill Elementary School, 45 Orchard Street, Milford, "
    "Connecticut 06460",
    issued: str = "06/02/2025 10:15 am",
    before: str = "June 12, 2025",
    daytime: str = "[X]",
    any_time: str = "[ ]",
    signature: str = "/s/ Ruth K. Adeyemi",
    printed: str = "Ruth K. Adeyemi, United States Magistrate Judge",
) -> str:
    return f"""AO 93 (Rev. 11/13) Search and Seizure Warrant
                      UNITED STATES DISTRICT COURT
                                 for the
                          District of Connecticut
      In the Matter of the Search of                )
  {premises}   )      Case No. 3:25-mj-00642 (RKA)
                      SEARCH AND SEIZURE WARRANT
To:   Any authorized law enforcement officer
      An application by a federal law enforcement officer requests the search of the following
property located in the District of Connecticut: See Attachment A.
      I find that the affidavit establishes probable cause to search and seize the property
described above: See Attachment B.
      YOU ARE COMMANDED to execute this warrant on or before {before} (not to exceed 14 days)
  {daytime} in the daytime 6:00 a.m. to 10:00 p.m.   {any_time} at any time in the day or night because good cause has been established.
Date and time issued:  {issued}                   {signature}
                                                  ______________________________
                                                         Judge's signature
City and state:  New Haven, Connecticut           {printed}
                                                  ______________________________
                                                        Printed name and title
ATTACHMENT A
Property to be searched: {premises}.
ATTACHMENT B
Attendance records of one student for the 2024-2025 school year.
"""


def ao442(*, basis: str = "Complaint", signer: str = "Lena Ortiz, U.S. Magistrate Judge") -> str:
    boxes = "  ".join(
        f"{'[X]' if b == basis else '[ ]'} {b}"
        for b in ("Indictment", "Superseding Indictment", "Information", "Complaint")
    )
    name = signer.split(",")[0]
    return f"""AO 442 (Rev. 11/11) Arrest Warrant
                      UNITED STATES DISTRICT COURT
                                 for the
                          District of Connecticut
            United States of America          )
                       v.                     )    Case No. 3:25-cr-00119 (LO)
            MARCO ANTONIO PELLEGRINI          )
                                  ARREST WARRANT
To:   Any authorized law enforcement officer
      YOU ARE COMMANDED to arrest and bring before a United States magistrate judge without unnecessary
delay (name of person to be arrested) MARCO ANTONIO PELLEGRINI
who is accused of an offense or violation based on the following document filed with the court:
{boxes}
This offense is briefly described as follows: wire fraud, 18 U.S.C. 1343.
Date:  05/20/2025                                 /s/ {name}
                                                  ______________________________
                                                    Issuing officer's signature
City and state:  Hartford, Connecticut            {signer}
                                                  ______________________________
                                                      Printed name and title
"""


def ct_search(*, dated: str = "June 2, 2025", place: str = SCHOOL + ", 45 Orchard Street") -> str:
    return f"""SEARCH AND SEIZURE WARRANT                           STATE OF CONNECTICUT
                                                     SUPERIOR COURT
Court: Superior Court, Judicial District of Ansonia-Milford at Milford, 14 West River Street
TO ANY POLICE OFFICER OF A REGULARLY ORGANIZED POLICE DEPARTMENT:
The foregoing affidavit and application having been considered by the undersigned, a Judge of the
Superior Court, I hereby command you, within ten days after the date of this warrant, to enter into or
upon and search the place or thing described, to wit:
   {place}, Milford, Connecticut; specifically locker 314.
for the property described, to wit: one laptop computer reported stolen.
Dated at Milford, Connecticut, on {dated}.
Signed (Judge):  /s/ Howard P. Lin
Name of Judge:   Hon. Howard P. Lin, Judge of the Superior Court
"""


def ct_subpoena(*, signer_box: str = "commissioner") -> str:
    clerk = "[X]" if signer_box == "clerk" else "[ ]"
    commissioner = "[X]" if signer_box == "commissioner" else "[ ]"
    return f"""SUBPOENA - CIVIL                                     STATE OF CONNECTICUT
                                                     SUPERIOR COURT
Docket No.: AAN-FA25-6012345-S
Court: Superior Court, Judicial District of Ansonia-Milford at Milford
TO: Custodian of Records, {SCHOOL}, {ADDRESS}
BY AUTHORITY OF THE STATE OF CONNECTICUT, you are hereby commanded to appear before the Superior Court
and to bring with you the attendance records of the minor child named in the schedule.
Dated at Milford, Connecticut, on May 30, 2025.
Signed:  /s/ Dana M. Whitlock
         {clerk} Clerk   {commissioner} Commissioner of the Superior Court   [ ] Notary Public
Name:    Dana M. Whitlock, Juris No. 431122, Attorney for the Defendant
"""


def grand_jury(*, with_letter: bool = False, with_order: bool = False) -> str:
    letter = """                       U.S. Department of Justice
                       United States Attorney
                       District of Connecticut
June 1, 2025
Dear Records Custodian:
    Enclosed is a grand jury subpoena. We ask that you not disclose its existence to anyone, as
disclosure could harm the investigation. This is a request; no court has ordered it.
                                  Sincerely,
                                  /s/ Owen T. Baptiste
                                  Assistant United States Attorney
==============================================================================
"""
    subpoena = f"""AO 110 (Rev. 06/09) Subpoena to Testify Before a Grand Jury
                      UNITED STATES DISTRICT COURT
                          District of Connecticut
               SUBPOENA TO TESTIFY BEFORE A GRAND JURY
To: Custodian of Records, {SCHOOL}
    YOU ARE COMMANDED to appear in this United States district court to testify before the court's
grand jury, and to bring the enrollment records of the student named in the attachment.
Date: 05/29/2025                                  CLERK OF COURT
                                                  s/ P. Nakamura, Deputy Clerk
                                                  Signature of Clerk or Deputy Clerk
"""
    order = """==============================================================================
                      UNITED STATES DISTRICT COURT
                        DISTRICT OF CONNECTICUT
IN RE GRAND JURY SUBPOENA                         Misc. No. 3:25-mc-00077
                          ORDER OF NON-DISCLOSURE
    IT IS HEREBY ORDERED that the recipient shall not disclose the existence of the subpoena or
any information furnished in response to it to any person, including the student's parents.
    SO ORDERED.
                                                  /s/ Alma R. Castillo
                                                  United States District Judge
"""
    return (letter if with_letter else "") + subpoena + (order if with_order else "")


I205 = f"""U.S. Department of Homeland Security
                     WARRANT OF REMOVAL/DEPORTATION
                                                  File No: A 000 111 222
To any immigration officer of the United States Department of Homeland Security:
                 JOSE ARMANDO QUINTERO
         (Full name of alien to be removed/deported)
is subject to removal/deportation from the United States, based upon a final order by:
   [ ] an immigration judge in exclusion, deportation, or removal proceedings
   [ ] a designated official
   [ ] the Board of Immigration Appeals
   [X] a United States District or Magistrate Court Judge
I, the undersigned officer, command you to take into custody and remove from the United States the
above-named alien, pursuant to law.
   /s/ Greta Solberg
   (Signature of immigration officer)
   Deputy Field Office Director, Boston
   (Title of immigration officer)
                                                   Form I-205 (Rev. 08/07)
School copy for {SCHOOL}
"""

EOIR = """               UNITED STATES DEPARTMENT OF JUSTICE
             EXECUTIVE OFFICE FOR IMMIGRATION REVIEW
                        IMMIGRATION COURT
In the Matter of:  HECTOR MANUEL RIOS           Case No.: A 000-333-444
                  ORDER OF THE IMMIGRATION JUDGE
[X] The respondent was ordered removed from the United States.
                                  /s/ Beatrice N. Okoye
                                  Beatrice N. Okoye
                                  Immigration Judge
"""

I138 = f"""                    DEPARTMENT OF HOMELAND SECURITY
             U.S. Immigration and Customs Enforcement
                              SUBPOENA
To: Custodian of Records, {SCHOOL}, {ADDRESS}
By the service of this subpoena upon you, YOU ARE HEREBY COMMANDED AND REQUIRED to appear before
Special Agent Ray Tolliver and produce the enrollment records of the students named.
You are hereby ordered not to disclose the existence of this subpoena.
Failure to comply will render you liable to proceedings in a United States
District Court which may result in an order for contempt of court.
Issued pursuant to 8 C.F.R. 287.4.
                      /s/ Lorraine Beck
                      (Signature of issuing officer)
                      Lorraine Beck, Special Agent in Charge, HSI
Form I-138
"""

I247A = f"""DEPARTMENT OF HOMELAND SECURITY
IMMIGRATION DETAINER - NOTICE OF ACTION
TO: Security Department, Milford Public Schools, {SCHOOL}
IT IS THEREFORE REQUESTED THAT YOU notify DHS before the alien is released from your custody and
maintain custody of the alien for a period NOT TO EXCEED 48 HOURS.
                   Ian Fletcher, Deportation Officer
                   (Name and title of Immigration Officer)
                   /s/ I. Fletcher
DHS Form I-247A
"""

NTA = """U.S. DEPARTMENT OF HOMELAND SECURITY
NOTICE TO APPEAR
In removal proceedings under section 240 of the Immigration and Nationality Act
Respondent: ANA LUCIA FERREIRA
YOU ARE ORDERED to appear before an immigration judge of the United States Department of
Justice at the Hartford Immigration Court to show why you should not be removed.
                      /s/ Colin Marsh, Supervisory Deportation Officer
                      (Signature and Title of Issuing Officer)
Form I-862
"""

COURT_ORDER = f"""                      UNITED STATES DISTRICT COURT
                        DISTRICT OF CONNECTICUT
ACME FREIGHT, INC., Plaintiff,  v.  DELTA LOGISTICS, LLC, Defendant.    Civil No. 3:24-cv-02211 (ARC)
                                 ORDER
    IT IS HEREBY ORDERED that the custodian of records of {SCHOOL} shall produce the attendance
records described in the sealed appendix within fourteen days. The records shall be designated
CONFIDENTIAL under the protective order.
    SO ORDERED.
                                  /s/ Alma R. Castillo
                                  Alma R. Castillo
                                  United States District Judge
"""

NOTE = """MAIN OFFICE
need the Ferreira girl brought to the side door at 1:15 today, pls dont call home.
call me 203 555 0147
 - T. Brandt (badge 221)
"""

LETTER = f"""U.S. Department of Homeland Security
U.S. Immigration and Customs Enforcement
Enforcement and Removal Operations
June 3, 2025
Principal, {SCHOOL}
RE: Request for Information
Dear Principal:
ICE respectfully requests the home address and class schedule of the student named below.
Please provide the information within five business days. Your cooperation is appreciated.
Sincerely,
/s/ Nora Wexler
Nora Wexler
Deportation Officer
"""

NOT_A_CLASS = f"""DEPARTMENT OF AGRICULTURE
FOOD AND NUTRITION SERVICE
ADMINISTRATIVE REVIEW SCHEDULE
The school food authority for {SCHOOL} will be reviewed on the dates listed below.
Menu planning records, production records and meal counts should be available.
Reviewer: Sam Ibsen, Program Specialist
"""
