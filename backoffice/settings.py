"""Settings for the back office, read from the environment (django-environ).

Production values have no default: with DEBUG off, a missing SECRET_KEY or
ALLOWED_HOSTS stops the process at start. A `.env` file next to manage.py is
read for local work and never overrides the real environment.
"""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="insecure-local-development-key-not-for-production")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
else:
    try:
        SECRET_KEY = env("SECRET_KEY")
    except ImproperlyConfigured as exc:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set in the environment when DEBUG is off."
        ) from exc
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "simple_history",
    "axes",
    "backoffice",
    "hr",
    "accounting",
    "it_support",
    "clerical",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the input: control characters get a 400 page.
    "backoffice.input_guards.InputGuardMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "backoffice.sessions.SessionTimeoutMiddleware",
    "backoffice.sessions.NoStoreWhenSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "backoffice.throttle.RateLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "backoffice.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "backoffice.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "backoffice.wsgi.application"

# Database: DATABASE_URL, or a SQLite file when none is configured (the
# embedded default for trying the product on one laptop). Connections are
# kept open between requests: opening one per request costs ten times the
# throughput on Postgres.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has no persistent-connection benefit worth the locking trouble.
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Argon2 for new and changed passwords; PBKDF2 still reads older hashes (and
# upgrades them at the next login).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# Sessions: 30 minutes idle, 12 hours in all (backoffice/sessions.py).
SESSION_IDLE_TIMEOUT = timedelta(minutes=env.int("SESSION_IDLE_MINUTES", default=30))
SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=env.int("SESSION_MAX_HOURS", default=12))
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_TIMEOUT.total_seconds())

AUTHENTICATION_BACKENDS = [
    # An account held after many failures from any address (backoffice/throttle.py).
    "backoffice.throttle.AccountThrottleBackend",
    # First, so a locked-out user is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lockout after repeated failures for the same username from the same address.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_VERBOSE = False
# The client's address, from X-Forwarded-For only behind our proxy (BEHIND_PROXY).
AXES_CLIENT_IP_CALLABLE = "backoffice.throttle.client_address"
# Across addresses: this many failures for one account within the window hold
# it for 1, 2, 4... minutes, at most ACCOUNT_COOLOFF_MAX (backoffice/throttle.py).
ACCOUNT_FAILURE_LIMIT = env.int("ACCOUNT_FAILURE_LIMIT", default=10)
ACCOUNT_FAILURE_WINDOW = timedelta(minutes=15)
ACCOUNT_COOLOFF_MAX = timedelta(minutes=env.int("ACCOUNT_COOLOFF_MAX_MINUTES", default=15))
# POSTs per address, POSTs for everyone together, per window of seconds.
RATE_LIMITS = {
    "login": (30, env.int("LOGIN_RATE_LIMIT", default=600), 60),
    "password_reset": (5, env.int("PASSWORD_RESET_RATE_LIMIT", default=60), 60),
    "careers:apply": (5, env.int("CAREERS_RATE_LIMIT", default=60), 600),
}

# Internationalisation: English and Romanian; stored in UTC, shown in the
# company's time zone.
LANGUAGE_CODE = env("LANGUAGE_CODE", default="en")
LANGUAGES = [("en", _("English")), ("ro", _("Romanian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="Europe/Bucharest")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The company as it appears on purchase orders, payslips and bank files.
COMPANY_NAME = env("COMPANY_NAME", default="Demo Retail SRL")
COMPANY_TAX_ID = env("COMPANY_TAX_ID", default="RO12345678")
COMPANY_ADDRESS = env("COMPANY_ADDRESS", default="Str. Exemplului 1, 010101 București")
COMPANY_IBAN = env("COMPANY_IBAN", default="RO66BACX0000001234567890")
COMPANY_BIC = env("COMPANY_BIC", default="BACXROBU")

# Accounting. Amounts are in the base currency (ISO 4217 code); purchase
# orders above the threshold need a second person's approval; overrides of
# the accounts the ledger posts to, by role (see accounting/chart.py).
BASE_CURRENCY = env("BASE_CURRENCY", default="RON")
PURCHASE_APPROVAL_THRESHOLD = Decimal(env("PURCHASE_APPROVAL_THRESHOLD", default="5000.00"))
DEFAULT_VAT_RATE = Decimal(env("DEFAULT_VAT_RATE", default="21.00"))
ACCOUNTING_ACCOUNTS: dict[str, str] = {}
# A supplier's price may differ from the order's by this percentage before the
# bill is held for review (0: any difference holds it); accountants hear of
# bills that fall due within PAYABLES_REMINDER_DAYS and of overdue ones.
PAYABLES_PRICE_TOLERANCE_PERCENT = Decimal(env("PAYABLES_PRICE_TOLERANCE_PERCENT", default="0.00"))
PAYABLES_REMINDER_DAYS = env.int("PAYABLES_REMINDER_DAYS", default=7)
# Before approval, the payroll run page flags employees whose net pay moved
# by more than this percentage since the previous regular run.
PAYROLL_VARIANCE_PERCENT = Decimal(env("PAYROLL_VARIANCE_PERCENT", default="10"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: EMAIL_URL (smtp://user:pass@host:587/?tls=True). Without it, the
# console in development; in production a backend that sends and prints
# nothing (the console would write reset links and payslips to the log), and
# `check --deploy` fails (backoffice/checks.py).
if env("EMAIL_URL", default="") or DEBUG:
    EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
    vars().update(EMAIL_CONFIG)
else:
    EMAIL_BACKEND = "backoffice.mail_backends.UnconfiguredEmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="backoffice@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work. Without REDIS_URL, tasks run in-process at commit time;
# with it, they go to Redis and the Celery workers.
REDIS_URL = env("REDIS_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", default="backoffice")
# A job whose worker has gone quiet this long is taken to be dead and may be
# claimed again; longer than the time between two progress reports.
JOB_STALE_AFTER = timedelta(
    seconds=env.int("JOB_STALE_SECONDS", default=60 * env.int("JOB_STALE_MINUTES", default=10))
)
# Employees per chunk of a payroll calculation: each chunk is one task and one
# transaction, in a fixed number of queries whatever its size.
PAYROLL_CHUNK_SIZE = env.int("PAYROLL_CHUNK_SIZE", default=250)
# Payslips per task of the payslip documents job (PDFs are slow: workers share them).
PAYSLIP_PDF_CHUNK_SIZE = env.int("PAYSLIP_PDF_CHUNK_SIZE", default=100)

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }

# HR: working days (Monday to Friday) HR has to acknowledge a complaint.
COMPLAINT_ACKNOWLEDGE_WORKING_DAYS = env.int("COMPLAINT_ACKNOWLEDGE_WORKING_DAYS", default=5)

# Security. Production (DEBUG off) gets secure cookies, HSTS and HTTPS
# redirects; SECURE_SSL_REDIRECT can be turned off behind a proxy that
# already redirects.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # htmx sends the token from the page (hx-headers), not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
# X-Forwarded-Proto says "this came over HTTPS" only when a proxy we run sets
# it: trusted only with BEHIND_PROXY=true (the proxy must overwrite the header
# clients send). Without it, a client could claim HTTPS over plain HTTP.
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content-Security-Policy (django-csp): scripts only from our static files (no
# inline script or on* handler in any template; tests/backoffice/test_csp.py),
# no framing. Inline style attributes are still allowed (a progress bar's width).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Uploads: refuse bodies that are too large before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# ZIP-based files (DOCX, XLSX, ODT) are opened to tell them apart: refuse bombs
# (backoffice/uploads.py).
UPLOAD_UNZIPPED_MAX_BYTES = env.int("UPLOAD_UNZIPPED_MAX_BYTES", default=200 * 1024 * 1024)
UPLOAD_ZIP_MAX_MEMBERS = env.int("UPLOAD_ZIP_MAX_MEMBERS", default=5000)
# Per-feature limits, checked by the forms with a clear message.
HR_DOCUMENT_MAX_BYTES = env.int("HR_DOCUMENT_MAX_BYTES", default=5 * 1024 * 1024)
HR_IMPORT_MAX_BYTES = env.int("HR_IMPORT_MAX_BYTES", default=2 * 1024 * 1024)
HR_IMPORT_MAX_ROWS = env.int("HR_IMPORT_MAX_ROWS", default=5000)
# The largest CV a candidate may upload on the careers page.
HIRING_CV_MAX_BYTES = env.int("HIRING_CV_MAX_MB", default=5) * 1024 * 1024
# IT ticket attachments (screenshots, logs): per file, and files per message.
IT_ATTACHMENT_MAX_BYTES = env.int("IT_ATTACHMENT_MAX_BYTES", default=5 * 1024 * 1024)
IT_ATTACHMENT_MAX_FILES = env.int("IT_ATTACHMENT_MAX_FILES", default=5)
# Business hours for service-level clocks (backoffice/calendar.py), in TIME_ZONE.
BUSINESS_HOURS = env.list("BUSINESS_HOURS", default=["09:00", "17:00"])
# IT tickets: warn this many minutes before a target is missed; close resolved
# tickets the requester has not confirmed after this many business days; the
# IT lead (a username) hears of escalations, or the whole IT team when unset.
IT_SLA_WARN_MINUTES = env.int("IT_SLA_WARN_MINUTES", default=60)
IT_AUTOCLOSE_BUSINESS_DAYS = env.int("IT_AUTOCLOSE_BUSINESS_DAYS", default=3)
IT_LEAD_USERNAME = env("IT_LEAD_USERNAME", default="")
# Clerical's documents: the largest file, files sent at once, pages read by OCR per file.
CLERICAL_DOCUMENT_MAX_BYTES = env.int("CLERICAL_DOCUMENT_MAX_MB", default=25) * 1024 * 1024
CLERICAL_UPLOAD_MAX_FILES = env.int("CLERICAL_UPLOAD_MAX_FILES", default=20)
CLERICAL_OCR_MAX_PAGES = env.int("CLERICAL_OCR_MAX_PAGES", default=50)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"redacted": {"()": "backoffice.log_filters.RedactingFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "redacted"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        # WeasyPrint logs seven "Step n" lines per PDF at INFO; a payroll run is thousands.
        "weasyprint.progress": {"level": "WARNING"},
    },
}
