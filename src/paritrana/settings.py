"""Django settings: embedded defaults, overridden by environment variables.

Defaults run everything locally (SQLite and media under ``./var``). Production is declared
with ``PARITRANA_ENV=production`` and then refuses to start without an explicit secret key
and allowed hosts. Every variable is listed in the README's configuration section.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def _env_bool(name: str, *, default: bool = False) -> bool:
    value = _env(name)
    if not value:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected true/false")


def _env_list(name: str, default: list[str]) -> list[str]:
    value = _env(name)
    return [item.strip() for item in value.split(",") if item.strip()] if value else default


ENVIRONMENT = _env("PARITRANA_ENV", "development")
if ENVIRONMENT not in {"development", "production"}:
    raise ImproperlyConfigured(f"PARITRANA_ENV={ENVIRONMENT!r}: expected development or production")
PRODUCTION = ENVIRONMENT == "production"

VAR_DIR = Path(_env("PARITRANA_VAR_DIR", str(Path.cwd() / "var"))).resolve()
MEDIA_ROOT = Path(_env("PARITRANA_MEDIA_ROOT", str(VAR_DIR / "media")))
STATIC_ROOT = Path(_env("PARITRANA_STATIC_ROOT", str(VAR_DIR / "static")))
ANALYTICS_DIR = Path(_env("PARITRANA_ANALYTICS_DIR", str(VAR_DIR / "analytics")))


def _secret_key() -> str:
    key = _env("PARITRANA_SECRET_KEY")
    if key:
        if PRODUCTION and len(key) < 50:  # noqa: PLR2004 - Django's own minimum for a strong key
            raise ImproperlyConfigured(
                "PARITRANA_SECRET_KEY is too short for production (< 50 chars)"
            )
        return key
    if PRODUCTION:
        raise ImproperlyConfigured(
            "PARITRANA_ENV=production needs PARITRANA_SECRET_KEY: refusing the development key"
        )
    # Development: a random key kept under var/, so sessions survive restarts but no key
    # is ever committed or shared between installations.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("PARITRANA_DEBUG", default=False)
ALLOWED_HOSTS = _env_list(
    "PARITRANA_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("PARITRANA_ENV=production needs PARITRANA_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _env_list("PARITRANA_CSRF_TRUSTED_ORIGINS", [])

DATABASES = {
    "default": dj_database_url.parse(
        _env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'paritrana.sqlite3'}"),
        conn_max_age=int(_env("PARITRANA_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed during the demo's writes; a busy timeout instead of
    # "database is locked" when the background worker and the web process overlap.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_htmx",
    "paritrana.accounts",
    "paritrana.audit",
    "paritrana.regions",
    "paritrana.entities",
    "paritrana.awards",
    "paritrana.submissions",
    "paritrana.judging",
    "paritrana.web",
    "paritrana.reports",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so a locked-out attempt is recorded after authentication has run.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Brute-force protection: lock a username+IP pair after 5 failures for 30 minutes.
AXES_FAILURE_LIMIT = int(_env("PARITRANA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(_env("PARITRANA_LOGIN_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

ROOT_URLCONF = "paritrana.urls"
WSGI_APPLICATION = "paritrana.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "paritrana.web.context.site",
            ],
        },
    },
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
MEDIA_URL = "media/"

if _env("PARITRANA_MEDIA_STORAGE", "local") == "s3":
    # S3-compatible object storage (MinIO, AWS, ...): configured with the AWS_* variables
    # that django-storages reads (bucket, endpoint URL, credentials).
    _media_storage: dict[str, object] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _env("PARITRANA_S3_BUCKET"),
            "endpoint_url": _env("PARITRANA_S3_ENDPOINT_URL") or None,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# The demo serves with DEBUG off; WhiteNoise then serves app static files directly.
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(_env("PARITRANA_HSTS_SECONDS", "31536000"))
    SECURE_SSL_REDIRECT = _env_bool("PARITRANA_SSL_REDIRECT", default=True)

# Evidence uploads (PDF, PNG, JPEG; type checked by content) and links in e-mails sent
# outside a request (invitations from the CLI or the demo).
PARITRANA_EVIDENCE_MAX_MB = float(_env("PARITRANA_EVIDENCE_MAX_MB", "10"))
PARITRANA_SITE_URL = _env("PARITRANA_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

EMAIL_BACKEND = _env("PARITRANA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = _env("PARITRANA_FROM_EMAIL", "Paritrana Award <noreply@paritrana.invalid>")

# Background tasks (certificate batches...) are rows in the database: no broker to run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _env("PARITRANA_LOG_LEVEL", "WARNING")},
}
