"""Policies (code of conduct, safety, IT use...) and who acknowledged which version."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hr.models.employees import Department, Employee
from hr.validators import validate_pdf


class Policy(models.Model):
    class Category(models.TextChoices):
        CONDUCT = "conduct", _("Code of conduct")
        SAFETY = "safety", _("Health and safety")
        IT_USE = "it_use", _("IT use")
        PRIVACY = "privacy", _("Data protection")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=200, unique=True)
    category = models.CharField(
        _("category"), max_length=12, choices=Category.choices, default=Category.OTHER
    )
    applies_to_all = models.BooleanField(_("applies to everyone"), default=True)
    departments = models.ManyToManyField(
        Department,
        blank=True,
        related_name="policies",
        verbose_name=_("applies to departments"),
    )
    # The published version people must acknowledge; set by policy_version_publish.
    current_version = models.OneToOneField(
        "hr.PolicyVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="current_of",
        verbose_name=_("current version"),
        editable=False,
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")

    def __str__(self):
        return self.title


def policy_upload_to(instance, filename):
    return f"policies/{instance.policy_id}/v{instance.version}.pdf"


class PolicyVersion(models.Model):
    policy = models.ForeignKey(
        Policy, on_delete=models.PROTECT, related_name="versions", verbose_name=_("policy")
    )
    version = models.PositiveIntegerField(_("version"), validators=[MinValueValidator(1)])
    effective_date = models.DateField(_("effective date"))
    text = models.TextField(_("text"), blank=True)
    file = models.FileField(
        _("PDF file"), upload_to=policy_upload_to, blank=True, validators=[validate_pdf]
    )
    published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["policy__title", "-version"]
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "version"],
                name="policy_version_unique",
                violation_error_message=_("This policy already has a version with that number."),
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="policy_version_positive"),
        ]

    def __str__(self):
        return f"{self.policy} v{self.version}"


class PolicyAcknowledgement(models.Model):
    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="policy_acknowledgements",
        verbose_name=_("employee"),
    )
    version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.PROTECT,
        related_name="acknowledgements",
        verbose_name=_("policy version"),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), default=timezone.now)

    class Meta:
        ordering = ["-acknowledged_at"]
        verbose_name = _("policy acknowledgement")
        verbose_name_plural = _("policy acknowledgements")
        permissions = [("acknowledge_policy", _("Can read and acknowledge the policies"))]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "version"],
                name="policy_acknowledged_once_per_version",
                violation_error_message=_("This version is already acknowledged."),
            )
        ]

    def __str__(self):
        return f"{self.employee} · {self.version}"
