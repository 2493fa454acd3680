"""Settings of the registry, read from the environment (see the README's "Registry" section).

| variable | default | meaning |
| --- | --- | --- |
| ``QOGAM_DATA_DIR`` | the user's data directory | ``$XDG_DATA_HOME/qogam`` or ``~/.local/share/qogam``: SQLite database, secret key; made by ``qogam setup`` only |
| ``DATABASE_URL`` | unset | ``postgres://user:password@host:port/name``; SQLite when unset |
| ``QOGAM_SECRET_KEY`` | generated | else a random key is kept in ``DATA_DIR/secret_key`` (0600) |
| ``QOGAM_DEBUG`` | ``false`` | Django's DEBUG |
| ``QOGAM_ALLOWED_HOSTS`` | ``127.0.0.1,localhost`` | comma-separated host names |
| ``QOGAM_LOGIN_ATTEMPTS`` | ``5`` | failed logins allowed per 15 minutes before throttling |
| ``QOGAM_LOGIN_LOCKOUT_MINUTES`` | ``15`` | how long a log-in lock lasts (an admin can lift it sooner) |
| ``QOGAM_PRODUCTION`` | ``false`` | HTTPS only behind a reverse proxy: SSL redirect, HSTS, secure cookies; refuses DEBUG and a weak secret key |
| ``QOGAM_HSTS_SECONDS`` | one year | with ``QOGAM_PRODUCTION``: how long browsers keep to HTTPS |
| ``QOGAM_TRUSTED_PROXIES`` | ``127.0.0.1,::1`` in production, else none | reverse proxies whose ``X-Forwarded-For`` gives the client's address |
| ``QOGAM_PAGE_CACHE_SECONDS`` | ``0`` (``600`` under ``serve --production``) | how long anonymous visitors' public pages are kept |
| ``QOGAM_MAX_INPUT_MB`` | ``5`` | the largest article file, page or standard input read (``qogam.ingest.files``) |

A bad value stops start-up with a one-line :class:`~qogam.registry.errors.ConfigError`.
"""
from __future__ import annotations

import os
import warnings
from pathlib import Path

from qogam.registry.config import (
    check_production,
    data_dir,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    secret_key,
)

DATA_DIR = data_dir()
SECRET_KEY = secret_key(DATA_DIR)
DEBUG = env_bool("QOGAM_DEBUG", False)
ALLOWED_HOSTS = env_list("QOGAM_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "qogam.registry.core",
    "qogam.registry.web",
    "qogam.registry.review",
    "qogam.registry.api",
    "ninja",  # the API docs' Swagger UI from local static files, not a CDN (the CSP allows 'self' only)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "qogam.registry.middleware.SecurityHeadersMiddleware",
    # static files (the site's, the admin's, the API docs') from the collected STATIC_ROOT,
    # compressed and cached; in development straight from the apps (WHITENOISE_USE_FINDERS)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "qogam.registry.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "qogam.registry.middleware.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "qogam.registry.urls"
WSGI_APPLICATION = "qogam.registry.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_database_url = os.environ.get("DATABASE_URL", "").strip()
if _database_url:
    DATABASES = {"default": database_from_url(_database_url)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "qogam.sqlite3",
            "OPTIONS": {
                # Run on every new connection: WAL lets the web pages read while an ingest
                # writes; IMMEDIATE transactions fail fast instead of deadlocking on upgrade;
                # a writer waits up to 30 s for another's short transaction (a watch and a
                # hand-run ingest at once) instead of failing with "database is locked".
                "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=30000",
                "transaction_mode": "IMMEDIATE",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
# The web pages' translations (en is the source language); compiled .mo files are committed.
LOCALE_PATHS = [Path(__file__).resolve().parent / "locale"]
# Django has Kazakh translations but no Kazakh date formats; the web app supplies them.
FORMAT_MODULE_PATH = ["qogam.registry.web.formats"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
PRODUCTION = env_bool("QOGAM_PRODUCTION", False)
WHITENOISE_USE_FINDERS = not PRODUCTION  # production serves what `qogam serve --production` collected
if not PRODUCTION:  # until something is collected, whitenoise warns of the missing STATIC_ROOT: it need not be
    warnings.filterwarnings("ignore", message="No directory at: ")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage" if PRODUCTION
                    else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# For the web application's login view: failed attempts allowed per window before it refuses.
LOGIN_ATTEMPTS_LIMIT = env_int("QOGAM_LOGIN_ATTEMPTS", 5, minimum=1)
LOGIN_ATTEMPTS_WINDOW_SECONDS = 15 * 60
LOGIN_LOCKOUT_SECONDS = env_int("QOGAM_LOGIN_LOCKOUT_MINUTES", 15, minimum=1) * 60
LOGIN_URL = "login"
# Django's model backend behind the throttle above (qogam.registry.review.throttle).
AUTHENTICATION_BACKENDS = ["qogam.registry.review.throttle.ThrottledModelBackend"]

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Anonymous visitors' public pages, kept per address, language and registry version
# (qogam.registry.middleware); `qogam serve --production` turns it on (600 s) unless set here.
PAGE_CACHE_SECONDS = env_int("QOGAM_PAGE_CACHE_SECONDS", 0)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # on disk, so that every worker of the production server shares it
    "pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(DATA_DIR / "cache" / "pages"),
              "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4}},
}

# Reverse proxies whose X-Forwarded-For names the client (the log-in throttle counts per client)
TRUSTED_PROXIES = env_list("QOGAM_TRUSTED_PROXIES", ["127.0.0.1", "::1"] if PRODUCTION else [])

if PRODUCTION:
    # Behind a reverse proxy that ends HTTPS (README, "Deploying"): the proxy must set
    # X-Forwarded-Proto and drop any the client sent.
    check_production(DEBUG, SECRET_KEY)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = env_int("QOGAM_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("QOGAM_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("QOGAM_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(("[", "."))]
