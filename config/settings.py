"""Settings for Kayano 14 Hub, configured entirely by environment variables.

The defaults fail closed: DEBUG is off unless asked for, and without DEBUG a
SECRET_KEY and ALLOWED_HOSTS must be given. See `.env.example` for every variable.
"""

import base64
import hashlib
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import sentry_sdk
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


DEBUG = env_bool("DEBUG", False)

# Without DEBUG the key stays empty when unset: management commands that need no key
# (makemigrations, check) still run, and the app servers refuse to start
# (config.security.require_secret_key in wsgi.py and asgi.py).
SECRET_KEY = os.environ.get("SECRET_KEY", "") or ("insecure-development-key" if DEBUG else "")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

SITE_NAME = "Kayano 14 Hub"
# Absolute base URL used for canonical links, feeds and the sitemap when no
# request is at hand; when empty, the request's own host is used.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "markdownx",
    "reversion",
    "imagekit",
    "ninja",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    "cookie_consent",
    "consent",
    "import_export",
    "colorways",
    "sizing",
    "blog",
    "editing",
    "caching",
    # Last, so that its post-migrate hook sees every other app's permissions.
    "config.apps.SiteConfig",
]

MIDDLEWARE = [
    # Outermost: the security headers reach every response, even those answered before
    # the rest of the stack runs (a body too large, a host not allowed).
    "config.middleware.SecurityHeadersMiddleware",
    "config.middleware.RequestSizeLimitMiddleware",
    "config.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything that reads the path, the query string or the cookies.
    "config.middleware.NulCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Deletes refused optional cookies on every response, kept pages included.
    "consent.middleware.OptionalCookieMiddleware",
    # Outside GZipMiddleware (pages are kept compressed), inside everything that must
    # run for each reader.
    "caching.pages.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site",
                "consent.context_processors.consent",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    (BASE_DIR / "var").mkdir(exist_ok=True)
# PostgreSQL connections are either kept per worker for CONN_MAX_AGE seconds and
# checked before each request reuses them, or, with DB_POOL on, taken from psycopg's
# pool in each worker process. Either way a database that does not answer fails
# within DB_CONNECT_TIMEOUT seconds and the site says "back soon" (503).
DB_POOL = env_bool("DB_POOL", False)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=0 if DB_POOL else env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Behind pgbouncer in transaction pooling mode, server-side cursors cannot work.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("DB_TRANSACTION_POOLER", False)
    DB_CONNECT_TIMEOUT = env_int("DB_CONNECT_TIMEOUT", 3)
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    _db_options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
    if DB_POOL:
        _db_options["pool"] = {
            "min_size": env_int("DB_POOL_MIN", 2),
            "max_size": env_int("DB_POOL_MAX", 4),
            # How long a request waits for a free (or new) connection before giving up.
            "timeout": env_int("DB_POOL_TIMEOUT", DB_CONNECT_TIMEOUT),
        }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Seconds a client is asked to wait (Retry-After) when the database or the cache is unreachable.
RETRY_AFTER_SECONDS = 30

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The site is written in British English only: dates and numbers still take en-gb's
# formats, and without the translation machinery every value a template prints costs
# less, which shows most in the sitemap's sections.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Uploads served by the app itself: in development and `make run`, never behind a proxy.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads go to an S3-compatible object store when a bucket is named, so that any
# number of app servers share them. Credentials come from the usual AWS_* variables.
if os.environ.get("MEDIA_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "querystring_auth": False,
            "default_acl": None,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }

# Uploads: images are capped at 10 MB by the validator; the request itself a
# little above that so the validator can answer with a clear message. Bodies
# declared larger than MAX_REQUEST_BYTES are refused before they are read.
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 15 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

# Markdown editor: the site's own preview and upload views replace markdownx's.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "markup.render.render_markdown_html"
MARKDOWNX_URLS_PATH = "/markdownx/markdownify/"
MARKDOWNX_UPLOAD_URLS_PATH = "/markdownx/upload/"
MARKDOWNX_EDITOR_RESIZABLE = True

IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"

# The one inline script of the public pages (the cookie banner's state, which must be
# known before the first paint), allowed by its hash: public pages carry no per-response
# nonce, so that any HTTP cache can serve them. The admin's inline scripts use nonces.
CONSENT_STATE_SCRIPT = (BASE_DIR / "static" / "js" / "consent-state.js").read_text()
_consent_state_hash = base64.b64encode(hashlib.sha256(CONSENT_STATE_SCRIPT.encode()).digest())

# Security. Production-only switches default to "on" unless DEBUG is on.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE, f"'sha256-{_consent_state_hash.decode()}'"],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz(/deep)?$"]
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Only staff log in; their sessions end after SESSION_HOURS (default a working day).
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 8) * 3600

# The admin lives at /<ADMIN_URL>; staff log in through the two-factor login page
# (a code is asked for once a staff member has set up an authenticator app), and
# login attempts are throttled per user and IP.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin").strip("/") + "/"
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = f"/{ADMIN_URL}"
TWO_FACTOR_REMEMBER_COOKIE_AGE = None
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "proxy.client_ip"
# Two wider limits beside axes' per user and address one (docs/security.md): failures
# from one address whatever the usernames, and failures on one account in an hour.
AXES_HANDLER = "config.login_throttle.LoginThrottle"
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 20)
LOGIN_ACCOUNT_FAILURES_PER_HOUR = env_int("LOGIN_ACCOUNT_FAILURES_PER_HOUR", 100)
# A refused attempt is not counted: it neither extends a lockout nor fills the others.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "config.login_throttle.lockout_response"
# Behind a reverse proxy: the header that carries the client address (e.g.
# HTTP_X_FORWARDED_FOR) and how many proxies of ours append to it.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
TRUSTED_PROXY_COUNT = max(1, env_int("TRUSTED_PROXY_COUNT", 1))

# Redis when REDIS_URL (or its alias CACHE_URL) is set, shared by every app server;
# else memory in each process, which is right for one process only (`make run`, tests:
# see the deploy check in caching.checks). When Redis stops answering, the cache misses
# instead of failing (django-redis' IGNORE_EXCEPTIONS): pages are served uncached and
# sessions are read from the database.
REDIS_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")


def redis_cache(url: str, key_prefix: str) -> dict:
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        # Keeps this site's keys apart when several sites share one Redis database.
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "LOG_IGNORED_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 1,
        },
    }


CACHES = {
    "default": redis_cache(REDIS_URL, os.environ.get("CACHE_KEY_PREFIX", "kayano14hub"))
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
DJANGO_REDIS_LOGGER = "caching.redis"
# Sessions live in the database, read through the cache when the cache is Redis (a
# per-process memory cache would serve a session another process has already ended).
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# Saving a model of these apps starts a new content generation (caching.generation),
# which every kept page and fragment belongs to; the models listed apart record
# readers' own actions, which change no page.
CONTENT_APPS = ["blog", "colorways", "sizing", "consent", "cookie_consent"]
NOT_CONTENT_MODELS = [
    "consent.consentrecord",
    "consent.bannerversion",
    # A colorway CSV file being checked: nothing readers see until it is imported.
    "colorways.importbatch",
    "colorways.importchunk",
]
# Public pages (caching.pages.cache_public) may be kept this long by the site's page
# cache and by HTTP caches in front of it (s-maxage); 0 turns both off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# What a public page differs by besides its address: the cookie banner's state.
PAGE_CACHE_VARIANT = "consent.banner.page_variant"
# The typeface of the pictures drawn for sharing (seo.social): the site's own.
SOCIAL_IMAGE_FONTS: dict[str, Path] = {
    "regular": BASE_DIR / "static" / "fonts" / "archivo-latin-400-normal.woff2",
    "bold": BASE_DIR / "static" / "fonts" / "archivo-latin-700-normal.woff2",
}
# HTTP caches (Varnish) told to drop their pages after every editorial change, e.g.
# http://127.0.0.1:6081/ (see docs/operations.md, Proxies and caches).
HTTP_CACHE_BAN_URLS = env_list("HTTP_CACHE_BAN_URLS", [])
# Named in every cache key of pages and fragments; by default a digest of the code.
RELEASE = os.environ.get("RELEASE", "")

# The CSV import keeps a checked file between its dry run and the confirmation: with Redis
# in the cache, shared by every app server and expiring by itself; else in a temporary file
# that every worker of the one server sees.
if REDIS_URL:
    IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"

# The benchmark (`make bench`) switches its tools in: the bench app (seed_bench), a query
# counter and its URLs (the framework-floor page beside the site's). Never on in production.
BENCHMARK = env_bool("BENCHMARK", False)
if BENCHMARK:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("config.apps.SiteConfig"), "bench")
    MIDDLEWARE.insert(0, "bench.middleware.QueryCountMiddleware")
    ROOT_URLCONF = "bench.urls"
    SERVE_MEDIA = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"message": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "requests": {"class": "logging.StreamHandler", "formatter": "message"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One JSON line per request (config.middleware.RequestLogMiddleware).
        "kayano.requests": {"handlers": ["requests"], "level": "INFO", "propagate": False},
        # The JSON line replaces the development server's own access log.
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# Cookie consent (the consent app). django-cookie-consent holds the cookie groups and
# cookies; the consent app stores decisions in its own cookies and records.
CONSENT_COOKIE_AGE = 60 * 60 * 24 * 183  # six months, then the banner asks again
COOKIE_CONSENT_NAME = "cookie_consent"
COOKIE_CONSENT_MAX_AGE = CONSENT_COOKIE_AGE
COOKIE_CONSENT_SECURE = SESSION_COOKIE_SECURE
COOKIE_CONSENT_LOG_ENABLED = False  # replaced by consent.ConsentRecord
CONSENT_RECORD_RETENTION_DAYS = env_int("CONSENT_RECORD_RETENTION_DAYS", 730)
CONSENT_RATE_LIMIT_PER_VISITOR = env_int("CONSENT_RATE_LIMIT_PER_VISITOR", 20)
CONSENT_RATE_LIMIT_PER_ADDRESS = env_int("CONSENT_RATE_LIMIT_PER_ADDRESS", 120)
# Analytics, loaded only after the reader accepts the Analytics cookies. Without a
# provider the site's own demo measurement script (static/js/measure.js) is used.
ANALYTICS_SCRIPT_URL = os.environ.get("ANALYTICS_SCRIPT_URL", "").strip()
ANALYTICS_SITE_ID = os.environ.get("ANALYTICS_SITE_ID", "").strip()
ANALYTICS_SITE_ID_ATTRIBUTE = os.environ.get("ANALYTICS_SITE_ID_ATTRIBUTE", "data-domain")
if ANALYTICS_SCRIPT_URL:
    _analytics = urlsplit(ANALYTICS_SCRIPT_URL)
    if _analytics.scheme != "https" or not _analytics.netloc:
        raise ImproperlyConfigured("ANALYTICS_SCRIPT_URL must be an https:// URL.")
    SECURE_CSP["script-src"].append(f"https://{_analytics.netloc}")
    SECURE_CSP["connect-src"].append(f"https://{_analytics.netloc}")

# Error reporting, only when SENTRY_DSN is set: exceptions with their stack, never the
# reader's address, cookies, account or request body.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE") or 0),
    )
