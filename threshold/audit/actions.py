"""The closed registry of audit action codes, rendered to text in this one place.

An event can only be written with a code listed here. Codes are never renamed or removed once
released: the chain of a district holds them for as long as it is kept.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ACTIONS: dict[str, Promise] = {
    # Signing in and out
    "auth.signed_in": _("Signed in"),
    "auth.signed_out": _("Signed out"),
    "auth.sign_in_failed": _("A sign-in failed"),
    "auth.locked_out": _("Sign-in locked after repeated failures"),
    "auth.password_reset_requested": _("A password reset was requested"),
    "auth.password_reset_completed": _("A password was reset from an e-mailed link"),
    "auth.password_changed": _("Changed their password"),
    # People and places
    "district.created": _("District created"),
    "district.updated": _("District details changed"),
    "school.created": _("School added"),
    "school.updated": _("School details changed"),
    "area.created": _("Area added to a school"),
    "area.updated": _("School area changed"),
    "area.deleted": _("Area removed from a school"),
    "staff.created": _("Staff account created"),
    "staff.updated": _("Staff account changed"),
    "staff.deactivated": _("Staff account deactivated"),
    "staff.reactivated": _("Staff account reactivated"),
    "role.granted": _("Role granted"),
    "role.revoked": _("Role removed"),
    "role.rank_changed": _("Designated official's order changed"),
    "staff.password_link_sent": _("Link to set a password sent to a staff member"),
    # Policy packs
    "policy.pack_adopted": _("Policy pack adopted for the district"),
    "policy.pack_signed_off": _("Counsel's sign-off of the policy pack recorded"),
    # Visitors at the front desk
    "visitor.created": _("New visitor recorded"),
    "visitor.updated": _("Visitor's details updated from their ID"),
    "visit.checked_in": _("Visitor checked in"),
    "visit.checked_out": _("Visitor checked out"),
    "visit.auto_signed_out": _("Visitor signed out automatically at the end of the day"),
    "badge.reprinted": _("Visitor badge reprinted"),
    "roster.viewed": _("Who is on campus was viewed"),
    "roster.exported": _("Emergency list of everyone on site downloaded"),
    "visits.searched": _("Visit history searched"),
    "visits.purged": _("Visits past the district's retention period were purged"),
    "visitors.settings_changed": _("Front-desk settings changed"),
    # Watchlists and possible matches at check-in
    "watchlist.entry_added": _("Watchlist entry added"),
    "watchlist.entry_changed": _("Watchlist entry changed"),
    "watchlist.entry_deactivated": _("Watchlist entry deactivated"),
    "watchlist.entry_reactivated": _("Watchlist entry reactivated"),
    "watchlist.entry_ended": _("Watchlist entry ended as of today"),
    "watchlist.imported": _("Watchlist imported from a file"),
    "watchlist.confirmed_current": _("Watchlist confirmed as current"),
    "watchlist.settings_changed": _("Watchlist's allowed age changed"),
    "watchlist.match_raised": _("Possible watchlist match at check-in: officials alerted"),
    "watchlist.match_answered": _("Possible watchlist match answered by an official"),
    "watchlist.visitor_approved": _("Visitor approved against a watchlist entry they resemble"),
    "watchlist.approval_removed": _("Approval of a visitor against a watchlist entry removed"),
    "watchlist.entries_purged": _("Watchlist entries that ended long ago were purged"),
    # Devices that use the API
    "device.created": _("API device added and its token issued"),
    "device.revoked": _("API device's token revoked"),
    # The audit trail itself
    "audit.exported": _("Audit trail exported"),
    "audit.checkpointed": _("Audit chain heads printed for safekeeping"),
    # Background work
    "task.retried": _("A failed background task was sent again"),
    # Retention
    "retention.purged": _("Records past their retention period were purged"),
    # Demo data
    "demo.loaded": _("Demo district loaded"),
    # Notices to families
    "notice.defaults_added": _("Starting texts of the notices to families added"),
    "notice.text_changed": _("Text of a notice to families changed"),
    "notice.text_reviewed": _("Translation of a notice to families reviewed"),
    "notice.contact_changed": _("Contact for families and public page changed"),
    "notice.mailing_sent": _("Notice e-mailed to families"),
    # Student records (FERPA): roster, directory policy, requests, notices, disclosures
    "records.roster_imported": _("Student roster imported"),
    "records.policy_changed": _("Directory-information policy or records settings changed"),
    "records.opt_out_changed": _("A student's directory opt-out changed"),
    "records.students_searched": _("Students searched"),
    "records.request_received": _("Request for student information recorded and decided"),
    "records.queue_viewed": _("Records requests queue viewed"),
    "records.request_viewed": _("Records request viewed"),
    "records.restricted_opened": _("Restricted records file opened"),
    "records.notice_sent": _("Parent notice before release sent"),
    "records.release_order_recorded": _("Order setting the release date recorded"),
    "records.disclosure_recorded": _("Release of student records recorded"),
    "records.request_closed": _("Records request closed without release"),
    "records.counsel_direction_recorded": _("Counsel's direction on a records request recorded"),
    "records.disclosures_viewed": _("A student's record of disclosures was viewed"),
    "records.disclosures_exported": _("A student's record of disclosures exported (CSV)"),
    "records.parent_export_downloaded": _("A student's record of disclosures printed for a parent"),
    "records.students_purged": _("Student records past the retention period were purged"),
    # Training drills
    "training.assignment_created": _("Drill assigned to staff"),
    "training.assignment_closed": _("Drill assignment closed"),
    "training.drill_started": _("Drill started"),
    "training.drill_completed": _("Drill completed and graded"),
    "training.drill_due_again": _("Completed drill reopened: a pack revision changed an answer"),
    "training.reminder_sent": _("Drill reminder e-mailed"),
    "training.certificate_downloaded": _("Drill completion certificate downloaded"),
    "training.report_viewed": _("Training report viewed"),
    "training.report_exported": _("Training report downloaded"),
    # Officer at the door: encounters and their notifications
    "encounter.started": _("Officer at the door: encounter started"),
    "encounter.viewed": _("Encounter opened by an official"),
    "encounter.closed": _("Encounter closed"),
    "encounter.identification_recorded": _("Officer's identification recorded"),
    "encounter.request_recorded": _("What the officer asks for recorded"),
    "encounter.subject_recorded": _("Whom the officer's request concerns recorded"),
    "encounter.exigency_recorded": _("Emergency stated by the officer recorded"),
    "encounter.document_added": _("Document presented by the officer recorded and checked"),
    "encounter.document_reviewed": _("Document checker's findings confirmed or corrected"),
    "encounter.verification_recorded": _("Officer's identity checked by telephone"),
    "encounters.verification_number_added": _("Number for verifying officers added to a school"),
    "encounters.verification_number_removed": _(
        "Number for verifying officers removed from a school"
    ),
    "notify.summoned": _("Staff member summoned to an officer at the door"),
    "notify.informed": _("Staff member informed of an officer visit, as the policy pack says"),
    "notify.delivery_attempted": _("Delivery of a summons or notice attempted"),
    "notify.acknowledged": _("Summons or notice acknowledged"),
    "notify.escalated": _("Nobody acknowledged in time: the summons escalated"),
    "notify.settings_changed": _("Summons settings changed"),
    # Officer at the door: the student concerned, the outcome, the report and the district's list
    "encounter.student_searched": _("Roster searched for the student an officer asks about"),
    "encounter.student_linked": _("Student an officer asks about named from the roster"),
    "encounter.student_unlinked": _("Student named for an officer's request cleared"),
    "encounter.unidentified_visitor": _(
        "Officer refused identification: handled as an unidentified visitor"
    ),
    "encounter.outcome_recorded": _("Outcome of an officer visit recorded"),
    "encounter.records_request_made": _(
        "Officer's request for student information sent to records"
    ),
    "encounter.report_written": _("Officer visit report written and sent"),
    "encounter.report_viewed": _("Officer visit report opened"),
    "encounter.report_downloaded": _("Officer visit report PDF downloaded"),
    "encounter.list_viewed": _("List of officer visits viewed"),
    # Student records, after review: counsel's confirmation, notice delivery, duties to tell.
    "records.restriction_lifted": _("A records request left the restricted file"),
    "records.counsel_confirmation_asked": _(
        "Counsel asked to confirm a direction recorded for them"
    ),
    "records.notice_delivery": _("Delivery of a parent notice before release recorded"),
    "records.notice_posted": _("A parent notice letter marked as posted"),
    "records.duty_done": _("Someone the policy pack names was told about a records request"),
    "records.return_date_warning": _("A document's return date falls inside the notice period"),
}


def describe(action: str) -> str:
    """The action as words for people; an unknown code is shown as it is."""
    label = ACTIONS.get(action)
    return str(label) if label is not None else action


def is_known(action: str) -> bool:
    return action in ACTIONS
