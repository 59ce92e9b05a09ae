"""Screenshots of every page type at a phone's and a desktop's size, for people to look at.

Builds a throwaway site in a temporary directory (SQLite, the demo content, one colorway
given a photo, DEBUG off as readers see it), serves it with gunicorn on a free local
port, and has Debian's Chromium (never a downloaded one) save each page whole to
`screenshots/<width>x<height>/<name>.png`. The running site and its database are never
touched: everything is configured through environment variables of the throwaway site.
Uploads are handed to the browser from the temporary media folder, as the reverse proxy
serves them in production.

Usage: .venv/bin/python scripts/screenshots.py [--only NAME ...] [--out FOLDER]
(`make screenshots`). Exits 1 when a page cannot be shot or answers with an unexpected
status.
"""

import argparse
import json
import mimetypes
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A phone is emulated as one (a mobile viewport honours <meta name="viewport">, touch).
VIEWPORTS = (
    {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    {"viewport": {"width": 1366, "height": 900}},
)
ADMIN_USER = "screenshots"
# Variables of the machine's own site that must not reach the throwaway one.
LEFT_OUT = ("REDIS_URL", "CACHE_URL", "MEDIA_BUCKET", "SENTRY_DSN", "ANALYTICS_URL")


@dataclass(frozen=True)
class Shot:
    name: str
    path: str
    status: int = 200
    admin: bool = False
    consent: bool = True  # answer the cookie banner first (Reject all)


def site_environment(folder: Path, password_file: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in LEFT_OUT}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"sqlite:///{folder / 'site.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        STATIC_ROOT=str(folder / "static"),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        SCREENSHOT_PASSWORD_FILE=str(password_file),
    )
    return env


# Run in the throwaway site's shell: an admin account, a photo for one colorway, and the
# addresses of the records each page type is shot on.
SETUP = r"""
import io, json, os
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db.models import Count
from PIL import Image, ImageDraw
from blog.models import Author, Category, Post, Tag
from colorways import illustration
from colorways.models import Collaborator, Colorway, ColorwayImage
from colorways.seo import drawing_fills

password = open(os.environ["SCREENSHOT_PASSWORD_FILE"]).read().strip()
User = get_user_model()
user = User.objects.filter(username="screenshots").first() or User(username="screenshots")
user.is_staff = user.is_superuser = True
user.set_password(password)
user.save()

colorways = list(Colorway.objects.order_by("-release_date", "pk"))
photographed = next((c for c in colorways if c.images.exists()), None)
if photographed is None:
    photographed = colorways[0]
    svg = illustration.render_svg(fills=drawing_fills(photographed), title=photographed.title)
    drawing = Image.open(io.BytesIO(illustration.render_png(svg=svg, width=1300)))
    photo = Image.new("RGB", (1600, 1067), "#D9D6CF")
    shade = ImageDraw.Draw(photo)
    for y in range(1067):
        tone = 226 - y * 40 // 1067
        shade.line([(0, y), (1600, y)], fill=(tone, tone - 3, tone - 8))
    photo.paste(drawing, (150, 300), drawing)
    out = io.BytesIO()
    photo.save(out, format="JPEG", quality=88)
    ColorwayImage.objects.create(
        colorway=photographed,
        image=ContentFile(out.getvalue(), name=f"{photographed.slug}.jpg"),
        alt=f"The {photographed.title} from the side",
    )
drawn = next(c for c in colorways if c.pk != photographed.pk and not c.images.exists())
busiest = (
    Colorway.objects.annotate(rows=Count("listings") + Count("sources", distinct=True))
    .order_by("-rows", "pk")
    .first()
)
collaborator = (
    Collaborator.objects.filter(colorways__isnull=False).order_by("name").distinct().first()
)
post = Post.objects.published().order_by("-publish_at").first()
slugs = {
    "post": post.slug,
    "author": post.author.slug if getattr(post, "author", None) else Author.objects.first().slug,
    "category": Category.objects.order_by("pk").first().slug,
    "tag": Tag.objects.order_by("pk").first().slug,
    "photographed": photographed.slug,
    "drawn": drawn.slug,
    "colorway_pk": str(busiest.pk),
    "collaborator": collaborator.slug,
}
print("SLUGS " + json.dumps(slugs))
"""


def shots(slugs: dict[str, str]) -> list[Shot]:
    return [
        Shot("home-first-visit", "/", consent=False),
        Shot("home", "/"),
        Shot("blog", "/blog/"),
        Shot("article", f"/blog/{slugs['post']}/"),
        Shot("category", f"/blog/category/{slugs['category']}/"),
        Shot("tag", f"/blog/tag/{slugs['tag']}/"),
        Shot("author", f"/blog/author/{slugs['author']}/"),
        Shot("search", "/search/?q=kayano"),
        Shot("search-no-result", "/search/?q=zzqxv"),
        Shot("catalogue", "/colorways/"),
        Shot("catalogue-filtered-empty", "/colorways/?price_max=1"),
        Shot("colorway-photo", f"/colorways/{slugs['photographed']}/"),
        Shot("colorway-drawing", f"/colorways/{slugs['drawn']}/"),
        Shot("collaborators", "/colorways/collaborators/"),
        Shot("collaborator", f"/colorways/collaborators/{slugs['collaborator']}/"),
        Shot("release-calendar", "/colorways/upcoming/"),
        Shot("timeline", "/colorways/timeline/"),
        Shot("size-finder", "/sizing/"),
        Shot(
            "size-finder-answer",
            "/sizing/?shoe=nike-air-force-1&size=10&system=us-men&width=wide",
        ),
        Shot("cookie-settings", "/cookies/"),
        Shot("privacy", "/privacy/"),
        Shot("not-found", "/no-such-page/", status=404),
        Shot("api-docs", "/api/docs/"),
        Shot("admin-login", "/admin/login/?next=/admin/", consent=False),
        Shot("admin-colorway-form", f"/admin/colorways/colorway/{slugs['colorway_pk']}/change/",
             admin=True),
    ]  # fmt: skip


def run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"manage.py {' '.join(args[:1])} failed")
    return done.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("The site stopped before it answered.")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise SystemExit(f"The site did not answer at {url} within {seconds:.0f} s.")


def serve_media(media: Path):
    """A route handler that answers /media/ requests from the throwaway media folder."""

    def handle(route):
        relative = route.request.url.split("/media/", 1)[1].split("?", 1)[0]
        path = (media / relative).resolve()
        if media.resolve() not in path.parents or not path.is_file():
            route.fulfill(status=404, body="Not found")
            return
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=path.read_bytes(), content_type=kind)

    return handle


def take(base: str, slugs: dict, only: set[str], out: Path, media: Path, password: str) -> int:
    from playwright.sync_api import sync_playwright

    failures = 0
    wanted = [shot for shot in shots(slugs) if not only or shot.name in only]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for device in VIEWPORTS:
            viewport = device["viewport"]
            folder = out / f"{viewport['width']}x{viewport['height']}"
            folder.mkdir(parents=True, exist_ok=True)
            reader = browser.new_context(**device)
            reader.route("**/media/**", serve_media(media))
            answered = browser.new_context(**device)
            answered.route("**/media/**", serve_media(media))
            first = answered.new_page()
            first.goto(base + "/")
            reject = first.locator("button[value=reject_all]")
            if reject.count():
                reject.first.click()
                first.wait_for_load_state("networkidle")
            first.close()
            editor = browser.new_context(**device)
            login = editor.new_page()
            login.goto(base + "/admin/login/?next=/admin/")
            login.get_by_label("Username").fill(ADMIN_USER)
            login.get_by_label("Password").fill(password)
            login.get_by_role("button", name="Log in").click()
            login.wait_for_load_state("networkidle")
            login.close()
            for shot in wanted:
                context = editor if shot.admin else answered if shot.consent else reader
                page = context.new_page()
                try:
                    response = page.goto(base + shot.path, wait_until="networkidle")
                    status = response.status if response else 0
                    if status != shot.status:
                        failures += 1
                        sys.stderr.write(f"{shot.name}: {shot.path} answered {status}\n")
                    page.screenshot(path=str(folder / f"{shot.name}.png"), full_page=True)
                    sys.stdout.write(f"{folder.relative_to(out.parent)}/{shot.name}.png\n")
                except Exception as error:  # one page failing never stops the others
                    failures += 1
                    sys.stderr.write(f"{shot.name}: {error}\n")
                finally:
                    page.close()
            for context in (reader, answered, editor):
                context.close()
        browser.close()
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=[], help="shoot only these pages")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    options = parser.parse_args()
    if not CHROMIUM.exists():
        sys.stderr.write(f"No Chromium at {CHROMIUM}: install it with apt-get install chromium\n")
        return 1
    out = Path(options.out).resolve()
    folder = Path(tempfile.mkdtemp(prefix="kayano14-screenshots-"))
    server = None
    failures = 0
    try:
        password = secrets.token_urlsafe(16)
        password_file = folder / "password"
        password_file.write_text(password)
        env = site_environment(folder, password_file)
        sys.stdout.write(f"Building a throwaway site in {folder}\n")
        run(["migrate", "--noinput"], env)
        run(["collectstatic", "--noinput"], env)
        run(["load_demo_content"], env)
        found = run(["shell", "-c", SETUP], env)
        line = next(line for line in found.splitlines() if line.startswith("SLUGS "))
        slugs = json.loads(line.removeprefix("SLUGS "))
        port = free_port()
        log = (folder / "server.log").open("w")
        server = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "config.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                "--workers=2",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base + "/healthz", server)
            failures = take(base, slugs, set(options.only), out, folder / "media", password)
        except BaseException:
            failures = -1
            raise
        finally:
            if failures:
                sys.stderr.write((folder / "server.log").read_text()[-4000:])
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(folder, ignore_errors=True)
    sys.stdout.write(f"Screenshots in {out}{f'; {failures} page(s) failed' if failures else ''}\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
