"""Settings for Chiang Khian CMS: one module, every deployment choice read from the environment.

Development (``make run``) needs no environment at all: SQLite and media files under ``var/``,
local-memory cache, e-mail printed to the console. Production sets DEBUG=0 and at least
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and CACHE_URL; see docs/deployment.md.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def cache_from_url(url):
    """locmem:// (default) or redis://host:port/db → a CACHES entry."""
    scheme = urlsplit(url).scheme
    if scheme in {"redis", "rediss"}:
        return {"BACKEND": "chiangkhian.rediscache.SharedClientRedisCache", "LOCATION": url}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(f"CACHE_URL scheme {scheme!r} is not supported (locmem, redis).")


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",  # sitemap.xml (catalog.sitemaps), its templates
    "guardian",
    "simple_history",
    "django_prose_editor",  # the body editor's JS and CSS (catalog.widgets)
    # Staff log-in hardening (issue 11): lockout of password guessing, second factor.
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "chiangkhian",
    "catalog",
    "publishing",
    "stats",
    "compliance",
    # Announcement 1.9: citizens' requests, complaints, reports and questions online.
    "eservices",
    # Issue 13: the events calendar (from dated items) and the local council.
    "events",
    "council",
    # Background tasks (issue 12, part 5): django-tasks, its database queue, and the outbox of
    # e-mails that the tasks send.
    "django_tasks",
    "outbox.apps.TaskResultsConfig",  # django_tasks_db
    "outbox",
]

MIDDLEWARE = [
    # First, so that every response is logged, redirects and errors included.
    "compliance.middleware.TrafficLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (django-csp) and Permissions-Policy on every response.
    "csp.middleware.CSPMiddleware",
    "chiangkhian.headers.PermissionsPolicyMiddleware",
    # Refuses an oversized body from its Content-Length, before anything below reads it.
    "chiangkhian.limits.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A NUL byte anywhere in the input is a 400, never a database error (issue 11, part 7).
    "chiangkhian.limits.NulByteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified() (django-otp).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle and absolute limits of staff sessions, and the second-factor gate of the back office.
    "chiangkhian.staffauth.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a locked-out log-in into the Thai lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "chiangkhian.urls"
WSGI_APPLICATION = "chiangkhian.wsgi.application"

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
                "chiangkhian.context_processors.site",
            ],
        },
    },
]

if not env("DATABASE_URL"):
    VAR_DIR.mkdir(exist_ok=True)  # the embedded default: SQLite in the git-ignored var/
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": cache_from_url(env("CACHE_URL", "locmem://"))}
# Sessions: in the database by default; SESSION_CACHE_URL=redis://.../2 keeps them in Redis,
# shared by every app server and never written to PostgreSQL on each staff request. Their
# own Redis database, so that clearing the page cache never logs anyone out.
if env("SESSION_CACHE_URL"):
    CACHES["sessions"] = cache_from_url(env("SESSION_CACHE_URL"))
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    SESSION_CACHE_ALIAS = "sessions"

AUTH_USER_MODEL = "chiangkhian.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out user or source before any password is checked (django-axes).
    "chiangkhian.staffauth.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Per-object rights (a webmaster limited to some categories, a requester to their unit).
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},  # OWASP ASVS 2.1.1
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a check: e-mails the owner whenever their password changes, by any route.
    {"NAME": "chiangkhian.staffauth.notices.PasswordChangeNotice"},
]
LOGIN_URL = "admin:login"

# Thai first: the site defaults to Thai, English is at /en/.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True
# Cabinet resolution of 2 May 2543 promotes Thai digits in official documents; each
# municipality chooses. Off: "2 ต.ค. 2562"; on: "๒ ต.ค. ๒๕๖๒".
THAI_DIGITS = env_bool("THAI_DIGITS", False)

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
# With DEBUG off, collectstatic writes content-hashed names, so the web server can tell
# browsers to keep static files for a year (deploy/nginx/chiangkhian-app.conf).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
        # Static files are public and read by the web server's own user; uploads stay 0640.
        "OPTIONS": {"file_permissions_mode": 0o644, "directory_permissions_mode": 0o755},
    },
}
# Uploaded files are private until their item is live: they are served by views that
# apply the same rule as the public pages, never straight from MEDIA_URL.
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media-not-served/"


def s3_storage(**overrides):
    """A private S3-compatible bucket for uploads (MEDIA_STORAGE=s3), from the environment.

    Nothing in it is public (no ACL, signed requests only): the views stream each file after
    the same live() check as the pages, so the bucket may stay on the servers' own network.
    """
    options = {
        "bucket_name": env("S3_BUCKET"),
        "endpoint_url": env("S3_ENDPOINT_URL") or None,
        "region_name": env("S3_REGION") or None,
        "access_key": env("S3_ACCESS_KEY_ID") or None,
        "secret_key": env("S3_SECRET_ACCESS_KEY") or None,
        "location": env("S3_PREFIX"),
        # Most S3-compatible servers (MinIO, Ceph, Garage) want /bucket/key, not bucket.host.
        "addressing_style": env("S3_ADDRESSING_STYLE", "path"),
        "signature_version": "s3v4",
        # No ACL sent: objects are as private as the bucket (which grants nobody else).
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 60,
        # Generated names are unique already; never overwrite what another server wrote.
        "file_overwrite": False,
    }
    options.update(overrides)
    if not options["bucket_name"]:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET (and the S3_* settings).")
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


# Several app servers (issue 12, part 6): MEDIA_STORAGE=s3 keeps uploads in one bucket that
# they all reach; filesystem (the default) keeps them under MEDIA_ROOT on this machine.
MEDIA_STORAGE = env("MEDIA_STORAGE", "filesystem")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = s3_storage()
elif MEDIA_STORAGE != "filesystem":
    raise ImproperlyConfigured("MEDIA_STORAGE must be filesystem or s3.")

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Production runs behind HTTPS; a reverse proxy that terminates TLS sets
# SECURE_PROXY_SSL_HEADER=1 so Django trusts its X-Forwarded-Proto.
# Off only for `make serve`, which runs the production stack over plain HTTP on the loopback.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# HSTS preload is a commitment for the whole go.th domain, made by its owner, not by this
# site's settings: the preload check is silenced unless the municipality opts in.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# Visitor statistics and the satisfaction survey (stats/, announcement 1.10).
# Survey responses (the only rows about one visitor, with their comments) are deleted after
# this many days by `manage.py purge_stats`; the daily totals are kept.
STATS_RETENTION_DAYS = int(env("STATS_RETENTION_DAYS", "90"))
# Visits wait in the cache until `manage.py flush_stats` (cron, every minute); a request that
# brings this many waiting views flushes them itself (0: only the command flushes).
STATS_FLUSH_THRESHOLD = int(env("STATS_FLUSH_THRESHOLD", "500"))
# Survey answers a visitor may send per hour before being asked to wait.
STATS_SURVEY_RATE_LIMIT = int(env("STATS_SURVEY_RATE_LIMIT", "10"))
# What one source (client address, see TRUSTED_PROXY_COUNT) may add to the public figures a
# day, whatever its User-Agent (stats/sources.py): page views, different visitors, survey
# answers. Higher where many people share one address (an office's or a school's NAT).
STATS_SOURCE_DAILY_VIEWS = int(env("STATS_SOURCE_DAILY_VIEWS", "100"))
STATS_SOURCE_DAILY_VISITORS = int(env("STATS_SOURCE_DAILY_VISITORS", "10"))
STATS_SOURCE_DAILY_ANSWERS = int(env("STATS_SOURCE_DAILY_ANSWERS", "5"))

# History is evidence (announcement 2.2): no "revert" from its pages (see admin_base).
SIMPLE_HISTORY_REVERT_DISABLED = True

# django-guardian: no anonymous object permissions; the public site uses live() instead.
GUARDIAN_RAISE_403 = True

# The Comptroller General's public e-GP search, where a citizen looks up a procurement by its
# project number (a plain link from each procurement item; nothing is fetched from it).
EGP_SEARCH_URL = env(
    "EGP_SEARCH_URL", "https://process5.gprocurement.go.th/egp-agpc01-web/announcement"
)

# Monitoring (compliance/), announcement section 3.
# Items whose end of publication or review date falls within this many days are listed for
# the webmasters and sent to them in the daily digest (announcement 3.2).
COMPLIANCE_REVIEW_WINDOW_DAYS = int(env("COMPLIANCE_REVIEW_WINDOW_DAYS", "14"))
# Computer Crime Act B.E. 2550 (amended 2560) s.26: traffic data is kept at least 90 days.
TRAFFIC_LOG_RETENTION_DAYS = int(env("TRAFFIC_LOG_RETENTION_DAYS", "90"))
if TRAFFIC_LOG_RETENTION_DAYS < 90:
    raise ImproperlyConfigured(
        f"TRAFFIC_LOG_RETENTION_DAYS is {TRAFFIC_LOG_RETENTION_DAYS}: the Computer Crime Act "
        "(s.26) requires traffic data to be kept at least 90 days. Set 90 or more."
    )
# The key of the traffic log's hash chain (compliance/chain.py). Empty: SECRET_KEY. Set it
# once in production and never change it, or the older rows no longer verify.
TRAFFIC_LOG_CHAIN_KEY = env("TRAFFIC_LOG_CHAIN_KEY")

# manage.py backup (docs/operations.md): where the archives go and how many stay there. The
# archives hold personal data and password hashes: the folder is the service user's alone.
BACKUP_DIR = Path(env("BACKUP_DIR", str(VAR_DIR / "backups")))
BACKUP_KEEP = int(env("BACKUP_KEEP", "14"))
# How many reverse proxies in front of Django append to X-Forwarded-For (0: trust none and use
# REMOTE_ADDR). Behind one nginx: 1. The traffic log and the visitor counts both follow it
# (chiangkhian.network.client_ip).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# check_links: seconds per request, and how many addresses are checked at once.
LINK_CHECK_TIMEOUT = float(env("LINK_CHECK_TIMEOUT", "10"))
LINK_CHECK_WORKERS = int(env("LINK_CHECK_WORKERS", "4"))
# Only for tests against a local server: let check_links reach private addresses.
LINK_CHECK_ALLOW_PRIVATE = False
# The site's public address, for links in e-mails and the public URL printed on the request
# form (e.g. https://www.chiangkhian.go.th). Empty: links are written as paths only. In
# development it follows the port `make run` serves on (PORT=8123 make run → :8123).
SITE_URL = env("SITE_URL", f"http://127.0.0.1:{env('PORT', '8000')}" if DEBUG else "").rstrip("/")
# Separation of duties (announcement 2.1): the approver of a request may also publish it only
# when they hold the webmaster role too AND the municipality allows it here (a very small
# office may have to). Off by default.
PUBLISHING_APPROVER_MAY_PUBLISH = env_bool("PUBLISHING_APPROVER_MAY_PUBLISH", False)
# Separation of duties on one request (announcement 2.1.1-2.1.2): whoever checked it does not
# approve it. A very small office with one person in both roles may switch this on; the
# approval page then says so.
PUBLISHING_CHECKER_MAY_APPROVE = env_bool("PUBLISHING_CHECKER_MAY_APPROVE", False)
# A verbal approval (announcement 2.2.1) must be confirmed in writing by the approver within
# this many working days (chiangkhian.workdays); until then it is marked, the approver is
# reminded daily (send_confirmation_reminders) and once late the Palat's overview lists it.
VERBAL_APPROVAL_CONFIRM_WORKING_DAYS = int(env("VERBAL_APPROVAL_CONFIRM_WORKING_DAYS", "3"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # One line per task start and end otherwise (hundreds while the demo loads); failed tasks
    # are logged at ERROR with their traceback either way.
    "loggers": {"django_tasks": {"level": env("TASK_LOG_LEVEL", "WARNING")}},
}

# Uploads (announcement 2.2): the types accepted, detected from content, and the largest size.
UPLOAD_ALLOWED_TYPES = env_list(
    "UPLOAD_ALLOWED_TYPES", "pdf,doc,docx,xls,xlsx,odt,ods,jpeg,png,webp"
)
UPLOAD_MAX_MB = int(env("UPLOAD_MAX_MB", "20"))
# An image that would decompress into more pixels than this is refused (decompression bombs).
IMAGE_MAX_PIXELS = int(env("IMAGE_MAX_PIXELS", "40000000"))

# Moving an old website in (issue 13 part 9, publishing/importing.py): the most rows of one
# spreadsheet, and the zip of files: its members and their size once inflated (a zip bomb is
# refused before anything is extracted). The upload waits for confirmation in
# IMPORT_STAGING_DIR (outside MEDIA_ROOT: a preview stores nothing the site serves or counts)
# and is deleted on confirmation or after IMPORT_STAGING_HOURS.
IMPORT_MAX_ROWS = int(env("IMPORT_MAX_ROWS", "500"))
IMPORT_ZIP_MAX_MEMBERS = int(env("IMPORT_ZIP_MAX_MEMBERS", "1000"))
IMPORT_ZIP_MAX_INFLATED_MB = int(env("IMPORT_ZIP_MAX_INFLATED_MB", "500"))
IMPORT_STAGING_DIR = Path(env("IMPORT_STAGING_DIR", str(VAR_DIR / "import")))
IMPORT_STAGING_HOURS = int(env("IMPORT_STAGING_HOURS", "24"))

# E-services (eservices/, announcement 1.9).
# Personal data of a closed case is erased this many days after closing (PDPA: kept only as
# long as needed to handle and answer it) by `manage.py erase_case_personal_data`.
ESERVICES_RETENTION_DAYS = int(env("ESERVICES_RETENTION_DAYS", "730"))
# Reminders (`manage.py send_case_reminders`) go this many days before a case is due.
ESERVICES_REMIND_DAYS_BEFORE = int(env("ESERVICES_REMIND_DAYS_BEFORE", "2"))
# Form submissions a visitor may send per hour to the e-services (a burst never becomes a case).
ESERVICES_RATE_LIMIT = int(env("ESERVICES_RATE_LIMIT", "10"))
# The proof-of-work challenge of the public e-service forms: the browser tries up to this many
# hashes (about 0.1-1 s on a phone). 0 turns the challenge off (tests, or a municipality that
# relies on the rate limit alone).
ESERVICES_POW_MAX_NUMBER = int(env("ESERVICES_POW_MAX_NUMBER", "50000"))
# The largest body a public e-service form accepts (its photos and documents together), checked
# from Content-Length before anything is read; each file is also held to UPLOAD_MAX_MB.
ESERVICES_MAX_BODY_MB = int(env("ESERVICES_MAX_BODY_MB", "40"))

# Upload hardening (issue 11, part 3). Every upload is scanned by ClamAV when this names clamd's
# Unix socket (e.g. /run/clamav/clamd.ctl); unreachable then means refused, never unscanned.
CLAMD_SOCKET = env("CLAMD_SOCKET")
CLAMD_TIMEOUT = float(env("CLAMD_TIMEOUT", "30"))
# Request bodies larger than these are refused from their Content-Length, before Django reads
# a byte: public pages (a form with one attachment) and the back office (several files).
REQUEST_MAX_MB = int(env("REQUEST_MAX_MB", str(UPLOAD_MAX_MB + 1)))
BACK_OFFICE_REQUEST_MAX_MB = int(env("BACK_OFFICE_REQUEST_MAX_MB", str(UPLOAD_MAX_MB * 5)))
# end of upload hardening
# /healthz answers over plain HTTP too, for a monitor on the server's own network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Staff log-in hardening (issue 11, part 1; chiangkhian/staffauth/).
# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one user name, or from one source
# address, further attempts are refused for STAFF_LOCKOUT_MINUTES (a superuser unlocks earlier
# in the back office); every failure is recorded with the user name tried.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "6"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
STAFF_LOCKOUT_MINUTES = int(env("STAFF_LOCKOUT_MINUTES", "30"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=STAFF_LOCKOUT_MINUTES)
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "chiangkhian.staffauth.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "chiangkhian.network.client_ip"
AXES_VERBOSE = False
# A second factor (TOTP app, or a one-time recovery code) for approvers, webmasters and
# superusers; always whenever DEBUG is off (the environment cannot switch it off there), and
# STAFF_OTP_REQUIRED=1 tries it in development. Others may enrol; once enrolled, always asked.
STAFF_OTP_REQUIRED = not DEBUG or env_bool("STAFF_OTP_REQUIRED", False)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Chiang Khian CMS")
# Staff sessions end after this long without a request, and this long after log-in at most.
STAFF_SESSION_IDLE_MINUTES = int(env("STAFF_SESSION_IDLE_MINUTES", "30"))
STAFF_SESSION_MAX_HOURS = int(env("STAFF_SESSION_MAX_HOURS", "10"))
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_HOURS * 3600
# Approving, publishing and withdrawing ask for the password (or a code) again past this age.
STAFF_REAUTH_MINUTES = int(env("STAFF_REAUTH_MINUTES", "15"))
# end of staff log-in hardening

# Response headers (issue 11, part 8). A strict Content-Security-Policy: scripts, styles,
# fonts and images from this site only, no inline script or style (templates load
# static/js and static/css), no plugins, no framing, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        # The hash: the one inline <style> of Django's own admin change list (without actions).
        "style-src": ["'self'", "'sha256-blvLUW3UscWqsXGByNOqdBboM+ShWAuugp2mC/wbafU='"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    },
}
PERMISSIONS_POLICY = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]
# Allowed for this site's own pages only: the e-service complaint form offers the phone's
# position as the place of the problem (eservices, static/js/eservices-location.js).
PERMISSIONS_POLICY_SELF = ["geolocation"]
# Every cookie the site sets (session, CSRF, language, messages) is Secure in production,
# HttpOnly and SameSite=Lax. No page script reads the CSRF cookie (forms carry the token).
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# end of response headers

# Background tasks (issue 12, part 5): e-mails, the text of PDFs, photo renditions, link
# checks and digests run off the request path through django-tasks. TASK_BACKEND=immediate
# (the embedded default, and the tests) runs each task at once in the process that asks for
# it; TASK_BACKEND=database (production) keeps them in the database for `manage.py db_worker`
# (deploy/systemd/chiangkhian-worker.service).
TASK_BACKEND = env("TASK_BACKEND", "immediate")
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASK_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASK_BACKEND must be one of {', '.join(_TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASK_BACKEND], "QUEUES": ["default"]}}
# A failed e-mail is tried again after 1, 5, 30, 120 and then every 360 minutes, this many
# times in all; then it is listed as failed for the superusers (Outgoing e-mails), who may
# send it again. Sent messages are deleted after this many days (they hold personal data).
OUTBOX_MAX_ATTEMPTS = int(env("OUTBOX_MAX_ATTEMPTS", "6"))
OUTBOX_SENT_RETENTION_DAYS = int(env("OUTBOX_SENT_RETENTION_DAYS", "30"))
