"""Settings come from the environment: each check imports the settings module afresh
in a child process with a given environment, as an app server would start."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "kayano14hub.example",
    "DATABASE_URL": "postgres://kayano@127.0.0.1:5432/kayano14hub",
}
PROBE = """
import json, sentry_sdk
from django.conf import settings
db = settings.DATABASES["default"]
client = sentry_sdk.get_client()
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
    "cache_location": settings.CACHES["default"].get("LOCATION", ""),
    "sessions": settings.SESSION_ENGINE.rsplit(".", 1)[-1],
    "conn_max_age": db["CONN_MAX_AGE"],
    "health_checks": db["CONN_HEALTH_CHECKS"],
    "connect_timeout": db["OPTIONS"].get("connect_timeout"),
    "pool": db["OPTIONS"].get("pool"),
    "server_side_cursors": not db["DISABLE_SERVER_SIDE_CURSORS"],
    "media": settings.STORAGES["default"]["BACKEND"].rsplit(".", 1)[-1],
    "static": settings.STORAGES["staticfiles"]["BACKEND"].rsplit(".", 1)[-1],
    "sentry": client.is_active(),
    "sentry_pii": client.options.get("send_default_pii"),
}))
"""


def settings_with(**env) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**BASE_ENV, **env},
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_one_server_defaults_health_checked_connections_and_local_cache():
    found = settings_with()
    assert found["cache"] == "LocMemCache" and found["sessions"] == "db"
    assert found["conn_max_age"] == 60 and found["health_checks"] is True
    assert found["connect_timeout"] == 3 and found["pool"] is None
    assert found["server_side_cursors"] is True
    assert found["media"] == "FileSystemStorage"
    assert found["static"] == "CompressedManifestStaticFilesStorage"


def test_several_servers_share_redis_cache_sessions_and_object_storage():
    found = settings_with(REDIS_URL="redis://127.0.0.1:6379/3", MEDIA_BUCKET="kayano-media")
    assert found["cache"] == "RedisCache" and found["cache_location"].endswith("6379/3")
    assert found["sessions"] == "cached_db"
    assert found["media"] == "S3Storage"


def test_cache_url_is_an_alias_of_redis_url():
    found = settings_with(CACHE_URL="redis://127.0.0.1:6379/4")
    assert found["cache"] == "RedisCache" and found["cache_location"].endswith("6379/4")
    assert found["sessions"] == "cached_db"


def test_the_built_in_pool_replaces_persistent_connections():
    found = settings_with(DB_POOL="1", DB_POOL_MAX="8", DB_CONNECT_TIMEOUT="2")
    assert found["pool"] == {"min_size": 2, "max_size": 8, "timeout": 2}
    assert found["conn_max_age"] == 0 and found["connect_timeout"] == 2


def test_error_reporting_is_off_without_a_dsn():
    assert settings_with()["sentry"] is False


def test_error_reporting_starts_with_a_dsn_and_sends_no_personal_data():
    found = settings_with(SENTRY_DSN="https://public@127.0.0.1:9/1")
    assert found["sentry"] is True and found["sentry_pii"] is False


def test_behind_pgbouncer_server_side_cursors_are_off():
    found = settings_with(DB_TRANSACTION_POOLER="1", CONN_MAX_AGE="0")
    assert found["server_side_cursors"] is False and found["conn_max_age"] == 0


def run_without_secret_key(*args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in BASE_ENV.items() if key != "SECRET_KEY"}
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
    )


def test_the_app_servers_refuse_to_start_without_a_secret_key():
    for module in ("config.wsgi", "config.asgi"):
        result = run_without_secret_key("-c", f"import {module}")
        assert result.returncode != 0
        assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_management_commands_that_need_no_key_run_without_one():
    result = run_without_secret_key("manage.py", "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout
