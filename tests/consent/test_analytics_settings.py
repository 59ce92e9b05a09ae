"""Analytics from the environment: the provider's host enters the CSP only when one is set."""

import json
import os
import subprocess
import sys

import pytest

SHOW_SETTINGS = (
    "import json, django.conf as c, django; django.setup(); s = c.settings; "
    "csp = s.SECURE_CSP; "
    "print(json.dumps({'script': csp['script-src'], 'connect': csp['connect-src'], "
    "'url': s.ANALYTICS_SCRIPT_URL, 'site': s.ANALYTICS_SITE_ID}))"
)


def settings_with(**env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    return subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_a_provider_the_csp_allows_only_the_site_itself():
    done = settings_with(ANALYTICS_SCRIPT_URL="")
    values = json.loads(done.stdout)
    assert not any("https://" in source for source in values["script"] + values["connect"])


def test_a_provider_adds_its_host_to_script_and_connect_sources():
    done = settings_with(
        ANALYTICS_SCRIPT_URL="https://stats.example.org/js/script.js",
        ANALYTICS_SITE_ID="kayano14hub.example",
    )
    values = json.loads(done.stdout)
    assert "https://stats.example.org" in values["script"]
    assert "https://stats.example.org" in values["connect"]
    assert values["site"] == "kayano14hub.example"


@pytest.mark.parametrize("url", ["http://stats.example.org/s.js", "stats.example.org/s.js"])
def test_a_provider_url_that_is_not_https_stops_the_site_from_starting(url):
    done = settings_with(ANALYTICS_SCRIPT_URL=url)
    assert done.returncode != 0
    assert "ANALYTICS_SCRIPT_URL must be an https:// URL" in done.stderr
