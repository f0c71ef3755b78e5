"""Recruitment: job openings, applicants and their stages, interviews, offers."""

import uuid
from pathlib import Path

from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backoffice.fields import actor_field
from hr.validators import LETTER_MAX_LENGTH


class JobOpening(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        ON_HOLD = "on_hold", _("On hold")
        CLOSED = "closed", _("Closed")

    position = models.ForeignKey(
        "hr.Position", on_delete=models.PROTECT, related_name="openings", verbose_name=_("position")
    )
    department = models.ForeignKey(
        "hr.Department",
        on_delete=models.PROTECT,
        related_name="openings",
        verbose_name=_("department"),
    )
    places = models.PositiveSmallIntegerField(
        _("places"), default=1, validators=[MinValueValidator(1)]
    )
    description = models.TextField(
        _("description"), help_text=_("Shown to candidates on the careers page.")
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Seen by HR only.")
    )
    hiring_manager = models.ForeignKey(
        "hr.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="openings_managed",
        verbose_name=_("hiring manager"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_by = actor_field(_("created by"), null=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("job opening")
        verbose_name_plural = _("job openings")
        constraints = [
            models.CheckConstraint(condition=models.Q(places__gte=1), name="opening_places_min_1"),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True)
                | models.Q(opened_on__isnull=True)
                | models.Q(closed_on__gte=models.F("opened_on")),
                name="opening_closed_after_opened",
            ),
        ]

    def __str__(self):
        return f"{self.position.title} ({self.department.name})"

    @property
    def title(self) -> str:
        return self.position.title


def cv_upload_to(instance, filename: str) -> str:
    """A random name: the candidate's file name is kept in `cv_name`, never in a path."""
    suffix = Path(filename).suffix.lower()
    return f"hiring/cv/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Applicant(models.Model):
    class Stage(models.TextChoices):
        APPLIED = "applied", _("Applied")
        SCREENING = "screening", _("Screening")
        INTERVIEW = "interview", _("Interview")
        OFFER = "offer", _("Offer")
        HIRED = "hired", _("Hired")
        REJECTED = "rejected", _("Rejected")

    FINAL = (Stage.HIRED, Stage.REJECTED)

    class Source(models.TextChoices):
        CAREERS = "careers", _("Careers page")
        REFERRAL = "referral", _("Referral")
        JOB_BOARD = "job_board", _("Job board")
        AGENCY = "agency", _("Agency")
        OTHER = "other", _("Other")

    opening = models.ForeignKey(
        JobOpening, on_delete=models.PROTECT, related_name="applicants", verbose_name=_("opening")
    )
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    cv = models.FileField(_("CV"), upload_to=cv_upload_to, blank=True, max_length=200)
    cv_name = models.CharField(_("CV file name"), max_length=200, blank=True)
    letter = models.TextField(
        _("letter"),
        blank=True,
        max_length=LETTER_MAX_LENGTH,
        validators=[MaxLengthValidator(LETTER_MAX_LENGTH)],
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.CAREERS
    )
    notes = models.TextField(_("notes"), blank=True)
    stage = models.CharField(
        _("stage"), max_length=10, choices=Stage.choices, default=Stage.APPLIED, db_index=True
    )
    rejection_reason = models.TextField(_("rejection reason"), blank=True)
    employee = models.OneToOneField(
        "hr.Employee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applicant",
        verbose_name=_("employee"),
    )
    applied_at = models.DateTimeField(_("applied at"), default=timezone.now)

    history = HistoricalRecords(excluded_fields=["cv"])

    class Meta:
        ordering = ["-applied_at", "-pk"]
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")
        permissions = [("hire_applicant", _("Can hire an applicant"))]
        indexes = [models.Index(fields=["opening", "stage"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(stage="rejected") | ~models.Q(rejection_reason=""),
                name="applicant_rejected_with_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(stage="hired") | models.Q(employee__isnull=False),
                name="applicant_hired_has_employee",
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def is_final(self) -> bool:
        return self.stage in self.FINAL


class ApplicantStageChange(models.Model):
    """One dated move of an applicant, written by `applicant_move` and `applicant_hire`."""

    applicant = models.ForeignKey(
        Applicant,
        on_delete=models.CASCADE,
        related_name="stage_changes",
        verbose_name=_("applicant"),
    )
    from_stage = models.CharField(
        _("from"), max_length=10, choices=Applicant.Stage.choices, blank=True
    )
    to_stage = models.CharField(_("to"), max_length=10, choices=Applicant.Stage.choices)
    note = models.TextField(_("note"), blank=True)
    changed_by = actor_field(_("changed by"), null=True)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self):
        return f"{self.applicant}: {self.from_stage or '-'} -> {self.to_stage}"


SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
FEEDBACK_CRITERIA = ("skills", "experience", "communication", "culture")


class Interview(models.Model):
    applicant = models.ForeignKey(
        Applicant, on_delete=models.CASCADE, related_name="interviews", verbose_name=_("applicant")
    )
    scheduled_at = models.DateTimeField(_("date and time"))
    location = models.CharField(_("location or link"), max_length=300)
    interviewers = models.ManyToManyField(
        "hr.Employee", related_name="interviews", verbose_name=_("interviewers")
    )
    created_by = actor_field(_("scheduled by"), null=True)

    class Meta:
        ordering = ["scheduled_at", "pk"]
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")

    def __str__(self):
        return f"{self.applicant} {self.scheduled_at:%Y-%m-%d %H:%M}"


class InterviewFeedback(models.Model):
    class Recommendation(models.TextChoices):
        STRONG_YES = "strong_yes", _("Strong yes")
        YES = "yes", _("Yes")
        NO = "no", _("No")
        STRONG_NO = "strong_no", _("Strong no")

    CRITERIA = FEEDBACK_CRITERIA

    interview = models.ForeignKey(
        Interview, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("interview")
    )
    interviewer = models.ForeignKey(
        "hr.Employee",
        on_delete=models.PROTECT,
        related_name="interview_feedback",
        verbose_name=_("interviewer"),
    )
    skills = models.PositiveSmallIntegerField(_("skills"), validators=SCORE_VALIDATORS)
    experience = models.PositiveSmallIntegerField(_("experience"), validators=SCORE_VALIDATORS)
    communication = models.PositiveSmallIntegerField(
        _("communication"), validators=SCORE_VALIDATORS
    )
    culture = models.PositiveSmallIntegerField(_("culture fit"), validators=SCORE_VALIDATORS)
    recommendation = models.CharField(
        _("recommendation"), max_length=10, choices=Recommendation.choices
    )
    comments = models.TextField(_("comments"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("interview feedback")
        verbose_name_plural = _("interview feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "interviewer"], name="feedback_one_per_interviewer"
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                    name=f"feedback_{name}_1_to_5",
                )
                for name in FEEDBACK_CRITERIA
            ),
        ]

    def __str__(self):
        return f"{self.interview} - {self.interviewer}"

    @property
    def average(self):
        return sum(getattr(self, name) for name in self.CRITERIA) / len(self.CRITERIA)


class Offer(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    applicant = models.ForeignKey(
        Applicant, on_delete=models.CASCADE, related_name="offers", verbose_name=_("applicant")
    )
    salary = models.DecimalField(_("monthly gross salary"), max_digits=14, decimal_places=2)
    start_date = models.DateField(_("start date"))
    contract_type = models.CharField(_("contract type"), max_length=120)
    expires_on = models.DateField(_("offer expires on"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_by = actor_field(_("created by"), null=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            models.CheckConstraint(condition=models.Q(salary__gt=0), name="offer_salary_positive"),
            models.CheckConstraint(
                condition=models.Q(expires_on__lte=models.F("start_date")),
                name="offer_expires_before_start",
            ),
        ]

    def __str__(self):
        return f"{self.applicant} {self.salary} ({self.get_status_display()})"
