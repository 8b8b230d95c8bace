"""Settings for the back-pain journal, read from the environment.

Every variable is listed in .env.example and in the README's table. Without any of them the site
runs on a local SQLite file; production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_YES, _NO = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


# A value that cannot be read stops start-up with the variable's name: a mistyped "ture" must not
# quietly turn a protection off.
def env_bool(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if value.lower() in _YES:
        return True
    if value.lower() in _NO:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is neither true nor false (use true or false).")


def env_int(name, default, *, minimum=0):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name}={value!r} is below {minimum}.")
    return number


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def cache_from_url(url):
    """CACHE_URL: empty for memory, file:///a/folder, or redis://host:port/db (needs redis-py)."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith("file://"):
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": url[7:]}
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(f"CACHE_URL={url!r} is neither file:// nor redis://.")


# A key that is public by design: backpain_site.checks and wsgi.py refuse it when DEBUG is off.
DEVELOPMENT_SECRET_KEY = "development-only-key-never-use-in-production"

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY") or DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "backpain_site",  # the system checks
    "accounts",
    "journal",
    "triage",
    "review",
    "learn",
    "reminders",
    "front",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "auditlog",  # who changed a triage rule, when, old and new values
    "django.contrib.humanize",  # allauth's list of a person's sessions
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost but one, so every response carries the policy: also the 400 for an unknown host
    # and the 503 for an unreachable database, which inner middleware answers.
    "csp.middleware.CSPMiddleware",
    # Switches off browser features no page uses (camera, microphone, location, payment...).
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.PersonTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Ends a session after SESSION_IDLE_TIMEOUT without a request or SESSION_ABSOLUTE_TIMEOUT in all.
    "accounts.middleware.SessionTimeoutMiddleware",
    # Sign-in, reset and sign-up posts counted per client address before any password is hashed.
    "accounts.middleware.SignInThrottleMiddleware",
    # No staff page opens before the session used a second factor.
    "accounts.middleware.StaffSecondFactorMiddleware",
    # Names the signed-in admin as the actor of each audit-log record.
    "auditlog.middleware.AuditlogMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks, so it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "backpain_site.urls"
WSGI_APPLICATION = "backpain_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Every request is one transaction: an entry and everything derived from it are saved together.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take SQLite's write lock when a transaction begins: a transaction that reads first and writes
    # later (every request here) could otherwise fail at once with "database is locked" under load.
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out pair is refused before the password is hashed.
    "axes.backends.AxesStandaloneBackend",
    # Username or e-mail address with a password (allauth's sign-in form).
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Argon2 first; a password stored with another hasher is re-hashed with Argon2 at its next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "accounts.passwords.NotOnlySpacesValidator"},
    {"NAME": "accounts.passwords.BreachedPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "journal:dashboard"
LOGOUT_REDIRECT_URL = "home"

# The client address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies (each adding the
# address it received the request from to X-Forwarded-For) the address the outermost one saw.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Five wrong passwords for one username from one client address lock that pair out for an hour;
# the same person from another address is not affected. The address comes from lib.client_ip.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "lib.client_ip.client_ip"
AXES_USERNAME_CALLABLE = "accounts.throttle.attempted_username"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_VERBOSE = False

# Per client address, counted before any password is hashed (accounts.throttle): sign-in, reset
# and sign-up posts a minute, and failed sign-ins an hour across every username (spraying).
THROTTLE_POSTS_PER_MINUTE = env_int("THROTTLE_POSTS_PER_MINUTE", 10, minimum=1)
THROTTLE_FAILURES_PER_HOUR = env_int("THROTTLE_FAILURES_PER_HOUR", 30, minimum=1)
# Password-reset mails to one address an hour; more requests get the same answer and no mail.
RESET_MAILS_PER_HOUR = env_int("RESET_MAILS_PER_HOUR", 3, minimum=1)

# Accounts (django-allauth): sign in with username or e-mail address; sign up with an e-mail
# address that is verified before the journal opens; no answer tells whether an account exists.
ACCOUNT_ADAPTER = "front.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""  # the subjects in templates/account/email name the site
ACCOUNT_RATE_LIMITS = {
    # Per address and before hashing, accounts.throttle counts these instead, with a Retry-After.
    "login": None,
    "signup": None,
    "reset_password": None,
    # Second-factor codes of one account: five wrong ones in five minutes (allauth's default).
    "login_failed": "5/5m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Back pain journal"
# Browsers allow passkeys on http://localhost; the server side is told so only while developing.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

# Sessions end after SESSION_IDLE_TIMEOUT seconds without a request and SESSION_ABSOLUTE_TIMEOUT
# seconds after signing in, whichever comes first (accounts.middleware.SessionTimeoutMiddleware).
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 30 * 60, minimum=60)
SESSION_ABSOLUTE_TIMEOUT = env_int("SESSION_ABSOLUTE_TIMEOUT", 12 * 60 * 60, minimum=60)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Serve straight from the source folders while developing, so no collectstatic is needed then.
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Mail: printed to the console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# Mail is sent after the response's transaction commits, within the request: a hanging server
# must not hold the person's page for long.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Back pain journal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Admin", address) for address in env_list("ADMIN_EMAILS")]
# The site's own address, for links in mail sent outside a request (review notifications).
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")

# Background work (docs/deploy.md). With CELERY_BROKER_URL (Redis) tasks go on the queue for
# `celery worker`, and one `celery beat` sends the periodic ones. Without it, the embedded default:
# a task runs in the process that asked for it, once the transaction commits (lib.tasks.enqueue).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# Progress and outcomes live in the database (reminder deliveries, retriage runs): no result store.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is taken off the queue only once it finished, so one whose worker died runs again: every
# task is idempotent for that reason.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # our LOGGING, with its filters, stays in charge
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request whose Redis is down gives up publishing within about two seconds and does the work
# itself (lib.tasks.enqueue), rather than hanging or losing it.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# A retried task waits in its worker unacknowledged; Redis hands it to another worker after the
# visibility timeout, so the longest back-off (TASK_RETRY_MAX_SECONDS) stays well below it.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 10,
    "visibility_timeout": 3600,
}
TASK_RETRY_BASE_SECONDS = 30
TASK_RETRY_MAX_SECONDS = 600
# How often the due reminders are sent (celery beat, or `make run`'s loop without a broker).
REMINDER_INTERVAL_SECONDS = env_int("REMINDER_INTERVAL_SECONDS", 300, minimum=1)
CELERY_BEAT_SCHEDULE = {
    "send-due-reminders": {
        "task": "reminders.send_due",
        "schedule": REMINDER_INTERVAL_SECONDS,
        # A round still waiting when the next one is due is dropped: the next one does its work.
        "options": {"expires": REMINDER_INTERVAL_SECONDS},
    },
}

# Addresses whose path holds a secret (the calendar feed, the reminder's unsubscribe link, a
# password reset): lib.redaction keeps everything after these prefixes out of logs and reports.
SECRET_PATH_PREFIXES = (
    "/reminders/calendar/",
    "/reminders/unsubscribe/",
    "/accounts/password/reset/key/",
    "/accounts/confirm-email/",
)

# Rate-limit counters (accounts.throttle, allauth). In memory by default: each process counts for
# itself, so with several gunicorn workers set CACHE_URL to a cache they share.
CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", ""))}

# Error reports never carry what a person typed: see lib.reporting.
DEFAULT_EXCEPTION_REPORTER_FILTER = "lib.reporting.HealthDataExceptionReporterFilter"
DEFAULT_EXCEPTION_REPORTER = "lib.reporting.HealthDataExceptionReporter"

# The whole site runs under a strict policy: no inline script or style, nothing from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Bootstrap draws form controls with small SVGs embedded as data: URLs.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Browser features the site never uses are switched off for every page; passkeys
# (publickey-credentials-*) keep their default, this site only.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb",
        "screen-wake-lock", "serial", "xr-spatial-tracking", "browsing-topics",
    )
}  # fmt: skip

SESSION_COOKIE_HTTPONLY = True
# The cookie and the stored session expire after the idle timeout; each request renews them.
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    # Probes of the load balancer or orchestrator may ask over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    # The reverse proxy in front of gunicorn tells us the request came in over HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "drop_database_error_messages": {"()": "lib.reporting.DropDatabaseErrorMessages"},
        "redact_secret_paths": {"()": "lib.redaction.RedactSecretPaths"},
        "one_mail_per_outage": {"()": "lib.reporting.OneMailPerOutage"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["drop_database_error_messages", "redact_secret_paths"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": [
                "require_debug_false",
                "drop_database_error_messages",
                "redact_secret_paths",
                "one_mail_per_outage",
            ],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request logs name the path only; see gunicorn.conf.py for the access log.
        "django.request": {"handlers": ["console", "mail_admins"], "level": "WARNING", "propagate": False},
        # The development server's request lines, through the same filters as everything else.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
