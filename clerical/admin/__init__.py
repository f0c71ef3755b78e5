# Django's admin finds the registrations through this package; each subject adds its module.
from clerical.admin import documents, phones, requests  # noqa: F401
