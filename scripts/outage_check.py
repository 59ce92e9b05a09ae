"""Restart PostgreSQL under load and check that the site rides it out.

Creates a throwaway PostgreSQL cluster on a free local port (the machine's own server
is never touched), migrates it, loads the demo content and serves the site with
gunicorn (2 workers, DEBUG off). While readers fetch pages and an editor saves in the
admin without pause, PostgreSQL is stopped abruptly (as in a crash), kept down for a
few seconds and started again. It then checks that:

- during the outage every response is a 503 "back soon" (or a page served from cache)
  and no worker spends longer than the connect timeout on one: nothing hangs, no worker
  dies (each request is matched with its log line by X-Request-ID for the worker's time);
- within a few seconds of PostgreSQL being back, every request succeeds again;
- every save the admin acknowledged (a redirect to the list) is in the database afterwards.

Usage: .venv/bin/python scripts/outage_check.py [--pool] [--down SECONDS]
(--pool runs the site on Django's built-in connection pool instead of health-checked
persistent connections). Prints a summary; exits 1 when a check fails.
"""

import argparse
import glob
import http.cookiejar
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CONNECT_TIMEOUT = 3
# A worker may spend the connect timeout on a request during the outage, plus a little
# to render the page on a busy machine; anything longer counts as hung. (Readers may wait
# longer than that in front of the 2 workers while both are busy: that is queueing.)
OUTAGE_RESPONSE_BOUND = CONNECT_TIMEOUT + 1
RECOVERY_SECONDS = 5
READER_PAGES = ["/", "/blog/", "/blog/gel-kayano-14-history/", "/colorways/", "/sizing/"]
EDITOR = ("outage-editor", secrets.token_urlsafe(16))


@dataclass
class Result:
    kind: str  # "read" or "write"
    path: str
    started: float
    ended: float
    status: int | None  # None: no HTTP answer at all (refused, reset, client timeout)
    request_id: str
    location: str = ""  # where a redirect pointed
    name: str = ""  # the category a write saved
    server_ms: float | None = None  # how long a worker spent on it, from the request log

    @property
    def duration(self) -> float:
        return self.ended - self.started


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin() -> Path:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    if shutil.which("pg_ctl"):
        return Path(shutil.which("pg_ctl")).parent
    sys.exit("No PostgreSQL server binaries (apt-get install postgresql).")


class Cluster:
    """A PostgreSQL cluster of our own in a temporary folder, on its own port."""

    def __init__(self, workdir: Path):
        self.bin = postgres_bin()
        self.data = workdir / "pgdata"
        self.socket_dir = workdir
        self.log = workdir / "postgresql.log"
        self.port = free_port()
        # PostgreSQL refuses to run as root: run it as the postgres account then.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(workdir, "postgres")

    def run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, text=True)

    def init(self) -> None:
        self.run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                 "--auth=trust", "-E", "UTF8")  # fmt: skip

    def start(self) -> None:
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1"
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                 "-o", options, "-w", "-t", "60", "start")  # fmt: skip

    def stop(self, mode: str) -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


class Site:
    """The site served by gunicorn against the cluster."""

    def __init__(self, workdir: Path, database_url: str, pool: bool):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = workdir / "gunicorn.log"
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"REDIS_URL", "CACHE_URL", "SENTRY_DSN", "DB_POOL"}
        }
        self.env.update(
            DATABASE_URL=database_url,
            DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="0",
            SECURE_COOKIES="0",
            SECURE_HSTS_SECONDS="0",
            STATIC_ROOT=str(workdir / "static"),
            MEDIA_ROOT=str(workdir / "media"),
            DB_CONNECT_TIMEOUT=str(CONNECT_TIMEOUT),
            DJANGO_SUPERUSER_USERNAME=EDITOR[0],
            DJANGO_SUPERUSER_PASSWORD=EDITOR[1],
            DJANGO_SUPERUSER_EMAIL="editor@kayano14hub.example",
        )
        self.pool = pool
        if pool:
            self.env["DB_POOL"] = "1"
        self.process = None

    def manage(self, *args: str) -> None:
        subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True,
                       capture_output=True, text=True)  # fmt: skip

    def prepare(self) -> None:
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")
        self.manage("load_demo_content")
        self.manage("createsuperuser", "--noinput")

    def serve(self) -> None:
        gunicorn = Path(PYTHON).parent / "gunicorn"
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [str(gunicorn), "config.wsgi", "--bind", f"127.0.0.1:{self.port}",
                 "--workers", "2", "--timeout", "20", "--graceful-timeout", "5"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        for _ in range(100):
            if fetch(plain_opener(), self.base + "/healthz")[0] == 200:
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not come up; see {self.log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def plain_opener():
    return urllib.request.build_opener(NoRedirect)


def fetch(opener, url: str, data: dict | None = None, request_id: str = "") -> tuple:
    """(status, Location header); status None when no HTTP answer came at all."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    headers = {"X-Request-ID": request_id or secrets.token_hex(16)}
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with opener.open(request, timeout=30) as response:
            response.read()
            return response.status, ""
    except urllib.error.HTTPError as error:
        error.read()
        return error.code, error.headers.get("Location", "")
    except (urllib.error.URLError, OSError):
        return None, ""


def timed_fetch(opener, kind: str, base: str, path: str, data: dict | None = None) -> Result:
    request_id = secrets.token_hex(16)
    started = time.monotonic()
    status, location = fetch(opener, base + path, data, request_id)
    return Result(kind, path, started, time.monotonic(), status, request_id, location)


class Editor:
    """Signs in through the login page and saves categories in the admin."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )
        self.count = 0

    def csrf(self) -> str:
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def log_in(self) -> None:
        fetch(self.opener, self.base + "/account/login/")
        status, _location = fetch(self.opener, self.base + "/account/login/", {
            "csrfmiddlewaretoken": self.csrf(),
            "login_view-current_step": "auth",
            "auth-username": EDITOR[0],
            "auth-password": EDITOR[1],
        })  # fmt: skip
        if status != 302:
            raise RuntimeError(f"The editor could not sign in (HTTP {status}).")

    def save(self) -> Result:
        """One admin save; 302 back to the category list is the acknowledgement."""
        self.count += 1
        name = f"Outage check {self.count}"
        result = timed_fetch(self.opener, "write", self.base, "/admin/blog/category/add/", {
            "csrfmiddlewaretoken": self.csrf(),
            "name": name,
            "slug": f"outage-check-{self.count}",
            "description": "Saved while PostgreSQL restarts.",
        })  # fmt: skip
        result.name = name
        if result.status == 302 and not result.location.endswith("/admin/blog/category/"):
            result.status = -302  # sent elsewhere (the login page): not saved
        return result


def read_pages(site: Site, pages: list[str], results: list, stop: threading.Event):
    opener = plain_opener()
    while not stop.is_set():
        for path in pages:
            results.append(timed_fetch(opener, "read", site.base, path))


def edit(editor: Editor, results: list, stop: threading.Event):
    while not stop.is_set():
        results.append(editor.save())
        time.sleep(0.1)


def probe_health(site: Site, results: list, stop: threading.Event):
    """As a load balancer would: /healthz twice a second."""
    opener = plain_opener()
    while not stop.is_set():
        results.append(timed_fetch(opener, "read", site.base, "/healthz"))
        time.sleep(0.5)


def add_server_times(results: list[Result], log: str) -> None:
    """Match each request with its JSON log line (by request id) for the worker's time."""
    lines = {}
    for line in log.splitlines():
        if line.startswith('{"event": "request"'):
            entry = json.loads(line)
            lines[entry["request_id"]] = entry["duration_ms"]
    for result in results:
        result.server_ms = lines.get(result.request_id)


def acceptable_during_outage(result: Result, down: float) -> bool:
    """503, or a page from the cache; a request already in flight when PostgreSQL went
    down may also have finished its work just before."""
    if result.status == 503:
        return True
    if result.started < down:
        return result.status in (200, 302)
    return result.kind == "read" and result.path != "/healthz" and result.status == 200


def check(results: list[Result], times: tuple, site: Site, database_url: str):
    stopping, down, starting, up = times
    log = site.log.read_text()
    add_server_times(results, log)
    failures = []
    before = [r for r in results if r.ended < stopping]
    during = [r for r in results if down < r.ended <= starting]  # answered while it was down
    after = [r for r in results if r.started >= up + RECOVERY_SECONDS]
    acknowledged = [r for r in results if r.kind == "write" and r.status == 302]

    bad_before = [r for r in before if r.status not in (200, 302)]
    if bad_before:
        failures.append(
            f"{len(bad_before)} requests failed before the outage: "
            + ", ".join(sorted({f"{r.path} {r.status}" for r in bad_before}))
        )
    unanswered = [r for r in results if r.status is None]
    if unanswered:
        failures.append(f"{len(unanswered)} requests got no HTTP answer at all")
    wrong = [r for r in during if not acceptable_during_outage(r, down)]
    if wrong:
        failures.append(
            "answers other than 503 during the outage: "
            + ", ".join(sorted({f"{r.path} {r.status}" for r in wrong}))
        )
    if not any(r.status == 503 for r in during):
        failures.append("no 503 was seen during the outage")
    health = [r for r in during if r.path == "/healthz" and r.started >= down]
    if any(r.status != 503 for r in health):
        failures.append("/healthz did not answer 503 throughout the outage")
    # On the pool every request waits the pool's timeout during an outage, so with both
    # workers busy the load balancer's probe may still be queued when PostgreSQL returns.
    if not health and not site.pool:
        failures.append("/healthz was not answered during the outage")
    unlogged = [r for r in during if r.server_ms is None]
    if unlogged:
        failures.append(f"{len(unlogged)} requests during the outage have no request log line")
    slowest = max((r.server_ms or 0) / 1000 for r in during) if during else 0.0
    hung = [r for r in during if (r.server_ms or 0) / 1000 > OUTAGE_RESPONSE_BOUND]
    if hung:
        failures.append(
            "workers spent longer than the bound on requests during the outage (hung): "
            + ", ".join(f"{r.kind} {r.path} {r.status} {r.server_ms / 1000:.1f} s" for r in hung)
        )
    waited = max((r.duration for r in during), default=0.0)
    first_ok = min((r.ended for r in results if r.started >= up and r.status == 200), default=None)
    bad_after = [r for r in after if r.status not in (200, 302)]
    if bad_after or not after:
        failures.append(
            f"{len(bad_after)} of {len(after)} requests failed {RECOVERY_SECONDS} s after "
            "the restart: " + ", ".join(sorted({f"{r.path} {r.status}" for r in bad_after}))
        )
    with psycopg.connect(database_url) as db:
        stored = {row[0] for row in db.execute("SELECT name FROM blog_category")}
    lost = [r.name for r in acknowledged if r.name not in stored]
    if lost:
        failures.append(f"acknowledged saves lost: {', '.join(lost)}")
    if not any(r.ended < stopping for r in acknowledged) or not any(
        r.started >= up for r in acknowledged
    ):
        failures.append("the editor saved nothing before or after the outage")
    if "WORKER TIMEOUT" in log or site.process.poll() is not None:
        failures.append("a gunicorn worker hung or the server died")

    print(f"  requests: {len(results)} ({len(before)} before, {len(during)} during the "
          f"outage, {len(after)} from {RECOVERY_SECONDS} s after the restart)")  # fmt: skip
    statuses = Counter(r.status for r in during)
    cached = sorted({r.path for r in during if r.status == 200 and r.started >= down})
    print(f"  during the outage: {dict(statuses)}; longest a worker spent on one "
          f"{slowest:.2f} s (bound {OUTAGE_RESPONSE_BOUND} s), longest a client waited "
          f"{waited:.2f} s")  # fmt: skip
    if cached:
        print(f"  served from the cache during the outage: {', '.join(cached)}")
    if first_ok is not None:
        print(f"  first page served {first_ok - up:.2f} s after PostgreSQL was back")
    print(f"  editor saves acknowledged: {len(acknowledged)}, all present afterwards: "
          f"{not lost}")  # fmt: skip
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pool", action="store_true", help="use Django's connection pool")
    parser.add_argument("--down", type=float, default=6, help="seconds PostgreSQL stays down")
    args = parser.parse_args()
    mode = "built-in connection pool" if args.pool else "health-checked persistent connections"
    print(f"--- outage check: PostgreSQL restart under load ({mode})")

    workdir = Path(tempfile.mkdtemp(prefix="kayano-outage-"))
    cluster = Cluster(workdir)
    site = None
    stop = threading.Event()
    try:
        cluster.init()
        cluster.start()
        with psycopg.connect(cluster.url("postgres"), autocommit=True) as db:
            db.execute("CREATE DATABASE kayano_outage")
        database_url = cluster.url("kayano_outage")
        site = Site(workdir, database_url, args.pool)
        site.prepare()
        site.serve()
        editor = Editor(site.base)
        editor.log_in()
        print(f"  PostgreSQL on port {cluster.port}, gunicorn (2 workers) on port {site.port}")

        results: list[Result] = []
        threads = [
            threading.Thread(target=read_pages, args=(site, READER_PAGES, results, stop)),
            threading.Thread(target=read_pages, args=(site, READER_PAGES[::-1], results, stop)),
            threading.Thread(target=edit, args=(editor, results, stop)),
            threading.Thread(target=probe_health, args=(site, results, stop)),
        ]
        for thread in threads:
            thread.daemon = True
            thread.start()
        time.sleep(4)
        stopping = time.monotonic()
        cluster.stop("immediate")
        down = time.monotonic()
        print(f"  PostgreSQL stopped (immediate, as in a crash) for {args.down:.0f} s")
        time.sleep(args.down)
        starting = time.monotonic()
        cluster.start()
        up = time.monotonic()
        print("  PostgreSQL started again")
        time.sleep(RECOVERY_SECONDS + 6)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

        failures = check(results, (stopping, down, starting, up), site, database_url)
    except subprocess.CalledProcessError as error:
        failures = [f"{' '.join(error.cmd)} failed:\n{error.stdout}{error.stderr}"]
    finally:
        stop.set()
        if site:
            site.stop()
        try:
            cluster.stop("fast")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(workdir, ignore_errors=True)

    if failures:
        for failure in failures:
            print(f"FAIL: {failure}")
        return 1
    print("OK: outage answered with 503 quickly, recovered, no acknowledged save lost")
    return 0


if __name__ == "__main__":
    sys.exit(main())
