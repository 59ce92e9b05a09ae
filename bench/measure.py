"""`make bench`: every public page type served the way production serves it, measured.

Sets up what it needs (wrk and Varnish from Debian, a benchmark database on the
PostgreSQL server named by DATABASE_URL, loaded once by `seed_bench`), then runs
gunicorn (2 workers, DEBUG off, WhiteNoise, Redis) twice: cold (PAGE_CACHE_SECONDS=0:
every request reaches its view, fragments are kept) and warm (the page cache on), and
last a few pages through Varnish with the shipped deploy/varnish.vcl. For each page:
requests per second and p50/p99 latency at 8 connections (the best of three rounds,
spread over the phase), SQL queries per request, response size, the ratio to the
framework floor (a tiny view through the same middleware stack), and how long one
request takes right after an editorial save. Prints a table, writes JSON to
bench-results/ and the table to docs/benchmark.md, ends with one summary line. Timing
figures are this machine's; queries and sizes are exact.
"""

import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
RESULTS = BASE_DIR / "bench-results"
DURATION = os.environ.get("BENCH_DURATION", "3s")
# Each page is loaded this many times, the rounds spread over the phase, and its best
# round counts (the floor's too): on a shared machine a burst of other work only ever
# slows a round down, so the fastest one is the closest to what the code itself costs.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = 8
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/kayano14hub"
BENCH_DATABASE = os.environ.get("BENCH_DATABASE", "kayano14hub_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
WARM_SECONDS = 300
AFTER_SAVE_SAMPLES = 5
# The guardrails, as fractions of the floor's requests per second and in milliseconds.
COLD_TARGET, WARM_TARGET, AFTER_SAVE_LIMIT_MS = 0.10, 0.60, 50.0
RSS_LIMIT_MB, HTML_LIMIT, ASSETS_LIMIT = 200, 100 * 1024, 100 * 1024
THROUGH_VARNISH = ("home", "post", "catalogue", "colorway")
# Pages that keep nothing, so that no reader can learn what another asked for: held to
# the after-save limit (they are built whole every time), not to the cold and warm ratios.
NEVER_KEPT = ("search",)
FIGURES = BASE_DIR / "docs" / "benchmark.md"


def log(message: str) -> None:
    """Progress, on stderr."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def say(message: str) -> None:
    """The results, on stdout."""
    sys.stdout.write(message + "\n")


def ensure_debian_package(command: str, package: str) -> str:
    found = shutil.which(command) or shutil.which(f"/usr/sbin/{command}")
    if found:
        return found
    log(f"Installing {package} (Debian package)...")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", package], check=True, env=env)
    return shutil.which(command) or shutil.which(f"/usr/sbin/{command}") or command


def bench_database_url() -> str:
    parts = urlsplit(os.environ.get("DATABASE_URL") or DEFAULT_SERVER)
    if not parts.scheme.startswith("postgres"):
        sys.exit("make bench needs PostgreSQL: set DATABASE_URL=postgres://... (any database name)")
    return urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))


def create_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DATABASE])
        if exists.fetchone() is None:
            log(f"Creating database {BENCH_DATABASE}")
            conn.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')


def redis_available() -> bool:
    parts = urlsplit(REDIS_URL)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url: str, redis: bool) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "BENCHMARK": "1",
        "STATIC_ROOT": str(BASE_DIR / "var" / "bench-static"),
        "MEDIA_ROOT": str(BASE_DIR / "var" / "bench-media"),
        "LOG_LEVEL": "WARNING",
    }
    if redis:
        env.update(REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=f"k14bench-{os.getpid()}")
    else:
        env.pop("REDIS_URL", None)
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def shell(env: dict, script: str) -> str:
    """The last line `script` prints, run in the site's shell."""
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return out.strip().splitlines()[-1]


def pages(env: dict) -> dict[str, str]:
    """The URL of each page type, picked from the benchmark data."""
    script = """
import json
from blog.models import Post
from colorways.models import Colorway
from django.contrib.staticfiles.storage import staticfiles_storage
posts = Post.objects.published()
post = posts.filter(slug="bench-post-0").first() or posts.first()
colorway = Colorway.objects.filter(slug="bench-colorway-1").first() or Colorway.objects.first()
print(json.dumps({
    "post": post.get_absolute_url(),
    "tag": post.tags.order_by("pk").first().get_absolute_url(),
    "colorway": colorway.get_absolute_url(),
    "colorway_slug": colorway.slug,
    "static": staticfiles_storage.url("css/site.css"),
}))
"""
    found = json.loads(shell(env, script))
    finder = "shoe=nike-air-force-1&size=10&system=us-men&width=wide"
    return {
        "floor": "/bench/floor/",
        "static file": found["static"],
        "home": "/",
        "blog list": "/blog/",
        "post": found["post"],
        "tag page": found["tag"],
        "catalogue": "/colorways/",
        "filtered catalogue": "/colorways/?colour=silver&status=released&sort=price",
        "colorway": found["colorway"],
        "collaborators": "/colorways/collaborators/",
        "size finder": f"/sizing/?{finder}",
        "search": "/search/?q=cushioning+archive",
        "feed": "/blog/feed/",
        "sitemap section": "/sitemap-posts.xml",
        "colorway api": f"/api/colorways/{found['colorway_slug']}/",
        "catalogue api": "/api/colorways/?status=released",
        "sizing api": f"/api/sizing/recommend?{finder}",
    }


class Served:
    """A server process on a free port, running until the `with` block ends."""

    port: int
    process: subprocess.Popen

    def wait_until_serving(self, name: str):
        for _ in range(100):
            try:
                fetch(self.url("/bench/floor/"))
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{name} did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


class Server(Served):
    def __init__(self, env: dict, page_cache_seconds: int):
        self.port = free_port()
        self.env = {**env, "PAGE_CACHE_SECONDS": str(page_cache_seconds)}

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "config.wsgi",
                "--workers=2",
                f"--bind=127.0.0.1:{self.port}",
                "--timeout=60",
            ],
            cwd=BASE_DIR,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return self.wait_until_serving("gunicorn")

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def peak_rss_mb(self) -> float:
        peaks = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024)
        return max(peaks, default=0.0)


def fetch(url: str, gzip_ok: bool = False):
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as r:
        return r.status, dict(r.headers), r.read()


def asset_bytes(server: Server, html: str) -> int:
    """CSS and JS the page loads, as sent compressed."""
    sources = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    sources += re.findall(r'<script[^>]* src="([^"]+)"', html)
    return sum(len(fetch(server.url(src), gzip_ok=True)[2]) for src in set(sources))


def probe(server: Server, path: str) -> dict:
    """One request after warming up both workers: status, queries, sizes, cache state."""
    for _ in range(6):
        fetch(server.url(path))
    status, headers, body = fetch(server.url(path))
    _, zipped_headers, zipped = fetch(server.url(path), gzip_ok=True)
    content_type = headers.get("Content-Type", "")
    result = {
        "status": status,
        "queries": int(headers.get("X-Queries", -1)),
        "bytes": len(body),
        "compressed_bytes": len(zipped),
        "compressed": "gzip" in zipped_headers.get("Content-Encoding", ""),
        "page_cache": headers.get("X-Page-Cache", ""),
    }
    if "text/html" in content_type:
        result["assets_compressed_bytes"] = asset_bytes(server, body.decode())
    return result


def load(wrk: str, url: str) -> dict:
    out = subprocess.run(
        [
            wrk,
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{DURATION}",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout

    def latency(percentile: str) -> float:
        value, unit = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "errors": int(errors[1]) if errors else 0,
    }


def bumper(env: dict):
    """A function that starts a new content generation in the server's Redis cache with
    the site's own `generation.bump()`, as an editor's save does; None without Redis."""
    if "CACHE_KEY_PREFIX" not in env:
        return None
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from caching import generation

    return generation.bump


def after_save(server: "Server", path: str, bump) -> dict:
    """How long one request takes right after an editorial save, when the page and every
    value it keeps per change (cards, articles, lists) are built again: the best of
    AFTER_SAVE_SAMPLES saves, as for the rounds (other work on the machine only ever
    slows a request down), with their median and every sample."""
    times = []
    for _ in range(AFTER_SAVE_SAMPLES):
        bump()
        started = time.perf_counter()
        fetch(server.url(path), gzip_ok=True)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "after_save_ms": min(times),
        "after_save_median_ms": statistics.median(times),
        "after_save_samples_ms": times,
    }


class Varnish(Served):
    """varnishd with the shipped configuration in front of `server`."""

    def __init__(self, varnishd: str, server: Server):
        self.varnishd = varnishd
        self.port = free_port()
        self.backend_port = server.port
        self.workdir = BASE_DIR / "var" / "bench-varnish"

    def __enter__(self):
        shutil.rmtree(self.workdir, ignore_errors=True)
        self.workdir.mkdir(parents=True)
        vcl = self.workdir / "site.vcl"
        shipped = (BASE_DIR / "deploy" / "varnish.vcl").read_text()
        vcl.write_text(shipped.replace('.port = "8000";', f'.port = "{self.backend_port}";'))
        self.process = subprocess.Popen(
            [self.varnishd, "-F", "-j", "none", "-a", f"127.0.0.1:{self.port}", "-f", str(vcl),
             "-n", str(self.workdir / "n"), "-s", "malloc,256m"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        return self.wait_until_serving("varnishd")


def run_phase(
    wrk: str, env: dict, urls: dict[str, str], seconds: int, name: str, varnishd: str = ""
) -> dict:
    log(f"--- {name}: PAGE_CACHE_SECONDS={seconds}")
    results = {}
    bump = bumper(env) if seconds == 0 else None
    through_varnish = {}
    with Server(env, seconds) as server:
        for page, path in urls.items():
            results[page] = probe(server, path)
        rounds = {page: [] for page in urls}
        for round_number in range(1, ROUNDS + 1):
            log(f"round {round_number} of {ROUNDS}")
            for page, path in urls.items():
                loaded = load(wrk, server.url(path))
                rounds[page].append(loaded)
                log(f"{page:20} {loaded['rps']:8.0f} req/s  p50 {loaded['p50_ms']:6.1f} ms")
        for page, loads in rounds.items():
            results[page].update(max(loads, key=lambda loaded: loaded["rps"]))
            results[page]["rounds_rps"] = [loaded["rps"] for loaded in loads]
            results[page]["errors"] = sum(loaded["errors"] for loaded in loads)
        if bump is not None:  # last: each save makes every page build its values again
            for page, path in urls.items():
                results[page].update(after_save(server, path, bump))
        if varnishd:
            log("--- through Varnish")
            with Varnish(varnishd, server) as varnish:
                for page in THROUGH_VARNISH:
                    fetch(varnish.url(urls[page]), gzip_ok=True)
                    through_varnish[page] = max(
                        (load(wrk, varnish.url(urls[page])) for _ in range(ROUNDS)),
                        key=lambda loaded: loaded["rps"],
                    )
                    log(f"{page:20} {through_varnish[page]['rps']:8.0f} req/s through Varnish")
        rss = server.peak_rss_mb()
    floor = results["floor"]["rps"]
    for result in [*results.values(), *through_varnish.values()]:
        result["floor_ratio"] = result["rps"] / floor if floor else 0.0
    return {"pages": results, "varnish": through_varnish, "peak_worker_rss_mb": rss}


def add_cold_floor_ratios(cold: dict, warm: dict) -> None:
    """Warm pages against the cold floor too: the warm floor pays the cache lookup."""
    floor = cold["pages"]["floor"]["rps"]
    for result in warm["pages"].values():
        result["cold_floor_ratio"] = result["rps"] / floor if floor else 0.0


def check_targets(cold: dict, warm: dict) -> list[str]:
    """The targets missed, in words."""
    missed = []
    for page, result in cold["pages"].items():
        if page in ("floor", "static file"):
            continue
        kept = page not in NEVER_KEPT
        if kept and result["floor_ratio"] < COLD_TARGET:
            missed.append(f"{page} cold {result['floor_ratio']:.0%} < {COLD_TARGET:.0%}")
        if result.get("after_save_ms", 0) > AFTER_SAVE_LIMIT_MS:
            missed.append(f"{page} after a save {result['after_save_ms']:.0f} ms > 50 ms")
        if kept and warm["pages"][page]["floor_ratio"] < WARM_TARGET:
            missed.append(f"{page} warm {warm['pages'][page]['floor_ratio']:.0%} < 60%")
        if result["queries"] > 8:
            missed.append(f"{page} {result['queries']} queries > 8")
        if result["bytes"] > HTML_LIMIT and "assets_compressed_bytes" in result:
            missed.append(f"{page} HTML {result['bytes'] / 1024:.0f} KB > 100 KB")
        if result.get("assets_compressed_bytes", 0) > ASSETS_LIMIT:
            missed.append(
                f"{page} CSS, JS and fonts {result['assets_compressed_bytes'] / 1024:.0f} KB "
                "> 100 KB"
            )
        if not result["compressed"]:
            missed.append(f"{page} not compressed")
    rss = max(cold["peak_worker_rss_mb"], warm["peak_worker_rss_mb"])
    if rss > RSS_LIMIT_MB:
        missed.append(f"worker RSS {rss:.0f} MB > {RSS_LIMIT_MB} MB")
    return missed


def table(cold: dict, warm: dict) -> str:
    header = (
        f"{'page':20} {'cold r/s':>9} {'p50':>7} {'p99':>7} {'floor':>6} {'saved':>7} "
        f"{'warm r/s':>9} {'p50':>7} {'p99':>7} {'floor':>6} {'SQL':>4} {'bytes':>8} {'gzip':>7}"
    )
    lines = [header, "-" * len(header)]
    for page, c in cold["pages"].items():
        w = warm["pages"][page]
        lines.append(
            f"{page:20} {c['rps']:9.0f} {c['p50_ms']:6.1f}m {c['p99_ms']:6.1f}m "
            f"{c['floor_ratio']:6.0%} {c.get('after_save_ms', 0):6.1f}m "
            f"{w['rps']:9.0f} {w['p50_ms']:6.1f}m {w['p99_ms']:6.1f}m "
            f"{w['floor_ratio']:6.0%} {c['queries']:4d} {c['bytes']:8d} {c['compressed_bytes']:7d}"
        )
    return "\n".join(lines)


def markdown(report: dict) -> str:
    """docs/benchmark.md: the figures of this run, as `make bench` wrote them."""
    cold, warm = report["cold"], report["warm"]
    floor = cold["pages"]["floor"]["rps"]
    lines = [
        "# Benchmark figures",
        "",
        "Written by `make bench`; do not edit by hand (see docs/performance.md for what each",
        "column means and how to reproduce them).",
        "",
        f"Run {report['when']}: {report['data']}, cache {report['cache']}, gunicorn with 2",
        f"workers, {CONNECTIONS} connections, best of {ROUNDS} rounds of {DURATION} per page.",
        "",
        "| page | cold req/s | cold p50 / p99 ms | cold / floor | after a save, best / median ms | "
        "warm req/s | warm p50 / p99 ms | warm / floor | SQL | HTML bytes | gzip bytes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page, c in cold["pages"].items():
        w = warm["pages"][page]
        saved = (
            f"{c['after_save_ms']:.0f} / {c['after_save_median_ms']:.0f}"
            if "after_save_ms" in c
            else ""
        )
        lines.append(
            f"| {page} | {c['rps']:,.0f} | {c['p50_ms']:.1f} / {c['p99_ms']:.1f} | "
            f"{c['floor_ratio']:.0%} | {saved} | {w['rps']:,.0f} | "
            f"{w['p50_ms']:.1f} / {w['p99_ms']:.1f} | {w['floor_ratio']:.0%} | "
            f"{c['queries']} | {c['bytes']:,} | {c['compressed_bytes']:,} |"
        )
    if warm.get("varnish"):
        lines += [
            "",
            f"Through Varnish (deploy/varnish.vcl), against the cold floor ({floor:,.0f} req/s):",
            "",
            "| page | req/s | p50 / p99 ms | / floor |",
            "|---|---:|---:|---:|",
        ]
        for page, v in warm["varnish"].items():
            lines.append(
                f"| {page} | {v['rps']:,.0f} | {v['p50_ms']:.1f} / {v['p99_ms']:.1f} | "
                f"{v['rps'] / floor:.0%} |"
            )
    rss = max(cold["peak_worker_rss_mb"], warm["peak_worker_rss_mb"])
    lines += ["", f"Peak worker RSS {rss:.0f} MB."]
    if report["missed"]:
        lines += ["", "Guardrails missed:", "", *(f"- {line}" for line in report["missed"])]
    else:
        lines += ["", "Every guardrail met."]
    never_kept = ", ".join(NEVER_KEPT)
    lines += [
        "",
        f"Never kept, and so held to the after-save limit instead of the cold and warm ratios: "
        f"{never_kept} (see docs/performance.md).",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    started = time.monotonic()
    wrk = ensure_debian_package("wrk", "wrk")
    varnishd = ensure_debian_package("varnishd", "varnish")
    database_url = bench_database_url()
    create_database(database_url)
    redis = redis_available()
    env = server_env(database_url, redis)
    log(f"Database {BENCH_DATABASE}; cache: {'Redis' if redis else 'per-process memory'}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_bench")
    manage(env, "collectstatic", "--noinput", "-v0")
    urls = pages(env)
    cold = run_phase(wrk, env, urls, 0, "cold")
    warm = run_phase(wrk, env, urls, WARM_SECONDS, "warm", varnishd)
    add_cold_floor_ratios(cold, warm)
    missed = check_targets(cold, warm)
    say(table(cold, warm))
    rss = max(cold["peak_worker_rss_mb"], warm["peak_worker_rss_mb"])
    say(
        f"\nPeak worker RSS: {rss:.0f} MB. Ratios are to the floor of the same phase (the warm "
        "floor pays the page cache's lookup, as every page does); JSON has warm pages "
        "against the cold floor too. 'saved' is the best time of one cold request right "
        f"after an editorial save, of {AFTER_SAVE_SAMPLES}, when everything kept per change "
        "is built again."
    )
    for page, result in warm["varnish"].items():
        say(f"through Varnish: {page:12} {result['rps']:8.0f} req/s")
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    report = {
        "when": stamp,
        "data": seeded_data(env),
        "duration_per_round": DURATION,
        "rounds": ROUNDS,
        "connections": CONNECTIONS,
        "cache": "redis" if redis else "locmem",
        "urls": urls,
        "cold": cold,
        "warm": warm,
        "missed": missed,
    }
    for name in (f"bench-{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(report, indent=2))
    FIGURES.write_text(markdown(report))
    for line in missed:
        say(f"missed: {line}")
    pages_measured = len(urls) - 2
    cold_min = min(
        (r["floor_ratio"], p) for p, r in cold["pages"].items() if p not in ("floor", "static file")
    )
    warm_min = min(
        (r["floor_ratio"], p) for p, r in warm["pages"].items() if p not in ("floor", "static file")
    )
    say(
        f"SUMMARY floor {cold['pages']['floor']['rps']:.0f} req/s; {pages_measured} pages; "
        f"cold worst {cold_min[0]:.0%} ({cold_min[1]}), warm worst {warm_min[0]:.0%} "
        f"({warm_min[1]}); peak RSS {rss:.0f} MB; "
        f"{'all targets met' if not missed else f'{len(missed)} target(s) missed'}; "
        f"{time.monotonic() - started:.0f} s; results in bench-results/bench-{stamp}.json "
        f"and {FIGURES.relative_to(BASE_DIR)}"
    )


def seeded_data(env: dict) -> str:
    """How much content the benchmark ran on, in words."""
    script = (
        "from blog.models import Post; from colorways.models import Colorway; "
        "print(Post.objects.count(), Colorway.objects.count())"
    )
    posts, colorways = shell(env, script).split()
    return f"{int(posts):,} articles and {int(colorways):,} colorways"


if __name__ == "__main__":
    main()
