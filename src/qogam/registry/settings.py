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

A bad value stops start-up with a one-line :class:`~qogam.registry.errors.ConfigError`.
"""
from __future__ import annotations

import os
from pathlib import Path

from qogam.registry.config import (
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "qogam.registry.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
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
