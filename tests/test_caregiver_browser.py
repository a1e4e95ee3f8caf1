"""The caregiver's page end to end in a real browser: Debian's chromium and
chromium-driver, headless, at a phone's size, through selenium.

Log in, change the rate, add a phrasing, then ``voice ask`` (a separate
process, as the assistant) answers the new phrasing at the new rate.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from voice import config as config_mod

from .conftest import CONTENT
from .test_caregiver_cli import running_page, voice

PASSWORD = "a long secret"
ENTRY = "is-there-a-cure-for-neuromuscular-disorders"
NEW_PHRASING = "will the shaking ever stop for good"
#: A common phone's viewport in CSS pixels (412 x 915).
PHONE = (412, 915)


@pytest.fixture
def browser() -> Iterator[WebDriver]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.fail("chromium and chromium-driver are missing: run scripts/install.sh --dev")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={PHONE[0]},{PHONE[1]}", "--force-device-scale-factor=1"):
        opts.add_argument(arg)
    # A phone's browser: its user agent and a touch screen.
    opts.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 1.0,
                          "touch": True}})
    drv = webdriver.Chrome(service=Service(driver), options=opts)
    drv.implicitly_wait(5)
    yield drv
    drv.quit()


def test_log_in_change_rate_add_phrasing_then_voice_ask_answers(
        browser: WebDriver, tmp_path: Path) -> None:
    shutil.copytree(CONTENT, tmp_path / "content")
    settings = config_mod.user_config_dir() / "config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text(f'[content]\ndirs = ["{tmp_path / "content"}"]\n')
    assert voice("caregiver", "--set-password", stdin=PASSWORD + "\n").returncode == 0
    before = json.loads(voice("ask", "--json", "--no-speak", NEW_PHRASING).stdout)
    assert before["outcome"] != "answer" or before["match"]["id"] != ENTRY

    with running_page() as (_, port):
        base = f"http://127.0.0.1:{port}"
        browser.get(base + "/settings")
        # Not logged in: the login page.
        assert "/login" in browser.current_url
        browser.find_element(By.ID, "password").send_keys(PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        WebDriverWait(browser, 10).until(lambda b: "/login" not in b.current_url,
                                         "the login did not go through")
        assert browser.current_url == base + "/settings"

        rate = browser.find_element(By.ID, "speech_out-rate")
        rate.clear()
        rate.send_keys("118")
        browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        assert browser.find_element(By.ID, "saved").text == "Saved."

        browser.find_element(By.LINK_TEXT, "Content").click()
        browser.find_element(By.CSS_SELECTOR, f'a[href="/content/{ENTRY}"]').click()
        phrasings = browser.find_element(By.ID, "phrasings")
        phrasings.send_keys("\n" + NEW_PHRASING)
        browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        assert "Saved" in browser.find_element(By.CSS_SELECTOR, "p.notice").text

        # Usable at a phone's size: nothing wider than the screen.
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= PHONE[0]
        shots = Path(os.environ.get("VOICE_SCREENSHOTS", tmp_path))
        browser.get(base + "/settings")
        assert browser.save_screenshot(str(shots / "caregiver-settings-phone.png"))

    after = json.loads(voice("ask", "--json", "--no-speak", NEW_PHRASING).stdout)
    assert after["outcome"] == "answer"
    assert after["match"]["id"] == ENTRY
    assert after["rate"] == 118
