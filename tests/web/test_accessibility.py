"""The interface shell is usable by keyboard, on a tablet and a phone, and legible."""

import re
from pathlib import Path

import pytest

from threshold.accounts.roles import Role
from threshold.testing import factories
from threshold.testing.factories import PASSWORD

CSS = Path(__file__).resolve().parents[2] / "threshold" / "static" / "css" / "threshold.css"


def luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colours() -> dict[str, str]:
    root = CSS.read_text().split(":root", 1)[1].split("}", 1)[0]
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", root))


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("ink", "paper"),
        ("ink", "card"),
        ("muted", "paper"),
        ("muted", "card"),
        ("accent", "card"),
        ("accent-ink", "accent"),
        ("alert", "card"),
        ("ok", "card"),
        ("warn", "card"),
    ],
)
def test_text_colours_meet_wcag_aa_contrast(text, background):
    palette = colours()
    assert contrast(palette[text], palette[background]) >= 4.5


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_keyboard_reaches_main_content_first(live_server, page):
    page.goto(f"{live_server.url}/sign-in/")
    assert page.evaluate("document.activeElement.name") == "username"  # autofocus on the address
    first = page.evaluate(
        "document.querySelector('a[href], button, input:not([type=hidden]), summary').className"
    )
    assert first == "skip-link"
    page.focus(".skip-link")
    assert page.locator(".skip-link").is_visible()  # shown when it has focus
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("width", "height"), [(1024, 768), (768, 1024), (390, 844)])
def test_the_home_page_fits_tablets_and_phones(live_server, chromium, width, height):
    district = factories.district()
    school = factories.school(district, name="A School With A Rather Long Name For Its Sign")
    person = factories.staff_with_role(
        district, Role.FRONT_OFFICE, school=school, email="fit@example.org"
    )
    context = chromium.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("E-mail address").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # Every control a finger or mouse must hit is at least 44 pixels tall.
    small = page.evaluate(
        """[...document.querySelectorAll('main button, main .button, main input, .topbar button')]
           .filter(e => e.offsetParent !== null && e.type !== 'hidden' && e.type !== 'checkbox')
           .filter(e => e.getBoundingClientRect().height < 44).map(e => e.outerHTML)"""
    )
    assert small == []
    # Every visible form control has a label.
    unlabelled = page.evaluate(
        """[...document.querySelectorAll('input, select, textarea')]
           .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.ariaLabel)
           .map(e => e.outerHTML)"""
    )
    assert unlabelled == []
    context.close()
