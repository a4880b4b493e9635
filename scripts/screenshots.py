"""Screenshots of the demo for the README: `.venv/bin/python scripts/screenshots.py`.

Sets up a throw-away local instance (its own var/ folder and demo district), serves it, signs in
as demo accounts in Debian's Chromium and writes PNGs to docs/screenshots/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PORT = 8799
BASE = f"http://127.0.0.1:{PORT}"


def threshold(*args: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "threshold.cli", *args], env=env)  # noqa: S603


def wait_for_server() -> None:
    for _ in range(60):
        try:
            urllib.request.urlopen(f"{BASE}/sign-in/", timeout=1)  # noqa: S310 (loopback only)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not start")


def sign_in(page: Page, email: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{BASE}/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{BASE}/")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as var:
        env = {**os.environ, "THRESHOLD_MODE": "local", "THRESHOLD_VAR_DIR": var}
        env.pop("DATABASE_URL", None)
        threshold("local", "--setup-only", env=env).wait()
        password = Path(var, "demo-password").read_text().strip()
        server = threshold("serve", "--bind", f"127.0.0.1:{PORT}", "--workers", "1", env=env)
        try:
            wait_for_server()
            shoot(password)
        finally:
            server.terminate()
            server.wait()


def shoot(password: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1024, "height": 768})
        page.goto(f"{BASE}/sign-in/")
        page.screenshot(path=OUT / "sign-in.png")

        sign_in(page, "admin@riverside.example", password)
        page.screenshot(path=OUT / "home-admin.png")
        page.goto(f"{BASE}/district/schools/")
        page.get_by_role("link", name="Lincoln Elementary School").first.click()
        page.wait_for_load_state()
        page.screenshot(path=OUT / "school.png", full_page=True)
        page.goto(f"{BASE}/audit/")
        page.screenshot(path=OUT / "audit.png")

        sign_in(page, "principal.lincoln@riverside.example", password)
        situation = (
            "agency=IMMIGRATION&identification=NAME&identification=BADGE_OR_ID_NUMBER"
            "&channel=IN_PERSON&place=NONPUBLIC_AREA&requests=ENTER_NONPUBLIC_AREA"
            "&requests=ARREST_PERSON&subject=STUDENT&document=ADMIN_WARRANT_I200"
            "&facial_check=NOT_APPLICABLE&nondisclosure=NONE&exigency=NONE"
        )
        page.goto(f"{BASE}/district/policy/scenario/?{situation}")
        page.locator(".decision-card").screenshot(path=OUT / "decision.png")

        sign_in(page, "frontdesk.lincoln@riverside.example", password)
        page.screenshot(path=OUT / "home-front-desk.png")
        page.goto(f"{BASE}/front-desk/")
        page.wait_for_load_state()
        page.screenshot(path=OUT / "front-desk.png")

        sign_in(page, "records@riverside.example", password)
        page.goto(f"{BASE}/records/")
        page.screenshot(path=OUT / "records.png")

        sign_in(page, "teacher.lincoln@riverside.example", password)
        page.goto(f"{BASE}/training/")
        page.screenshot(path=OUT / "training.png")

        sign_in(page, "admin@riverside.example", password)
        page.goto(f"{BASE}/district/notices/")
        page.screenshot(path=OUT / "notices.png")

        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(f"{BASE}/families/riverside-public-schools/es/")
        phone.screenshot(path=OUT / "families-es.png")
        browser.close()


if __name__ == "__main__":
    main()
