"""`make lighthouse`: Lighthouse (npm) on a phone profile, in Debian's Chromium, against
the benchmark site served as in `make bench` (run that first to load the data).

Lighthouse is installed on first use into var/lighthouse (git-ignored). Prints each
page's category scores and writes them to bench-results/lighthouse-<time>.json.
"""

import json
import os
import subprocess
import time
from pathlib import Path

from bench.measure import (
    BASE_DIR,
    RESULTS,
    Server,
    bench_database_url,
    create_database,
    log,
    manage,
    pages,
    redis_available,
    say,
    server_env,
)

FOLDER = BASE_DIR / "var" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-background-networking --disable-component-update "
    "--disable-sync"
)
PAGES = ("home", "post", "catalogue", "colorway", "size finder")


def ensure_lighthouse() -> Path:
    binary = FOLDER / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        log("Installing Lighthouse (npm) into var/lighthouse ...")
        FOLDER.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "lighthouse"],
            cwd=FOLDER,
            check=True,
        )
    return binary


def audit(binary: Path, url: str) -> dict[str, int]:
    output = FOLDER / "report.json"
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    report = json.loads(output.read_text())
    return {name: round(c["score"] * 100) for name, c in report["categories"].items()}


def main() -> None:
    binary = ensure_lighthouse()
    database_url = bench_database_url()
    create_database(database_url)
    env = server_env(database_url, redis_available())
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_bench")
    manage(env, "collectstatic", "--noinput", "-v0")
    urls = pages(env)
    scores = {}
    with Server(env, 0) as server:
        for name in PAGES:
            scores[name] = audit(binary, server.url(urls[name]))
            say(f"{name:12} " + "  ".join(f"{k} {v}" for k, v in scores[name].items()))
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"lighthouse-{stamp}.json").write_text(json.dumps(scores, indent=2))
    low = [
        f"{page} {category} {score}"
        for page, categories in scores.items()
        for category, score in categories.items()
        if score < (95 if category == "performance" else 100)
    ]
    say(
        "SUMMARY lighthouse: "
        + ("all targets met" if not low else "below target: " + ", ".join(low))
    )


if __name__ == "__main__":
    main()
