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
from selenium.webdriver.support.ui import Select, WebDriverWait

from voice import config as config_mod

from .conftest import CONTENT
from .test_caregiver_cli import running_page, voice

PASSWORD = "a long secret"
ENTRY = "is-there-a-cure-for-neuromuscular-disorders"
NEW_PHRASING = "will the shaking ever stop for good"
UNANSWERED = "what brought this on"  # declined ("is it contagious" is met as a worry now)
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


def ask(question: str) -> dict[str, object]:
    result = voice("ask", "--json", "--no-speak", question)
    assert result.returncode == 0, result.stderr
    answer: dict[str, object] = json.loads(result.stdout)
    return answer


def submit(browser: WebDriver) -> None:
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()


def test_log_in_change_rate_add_phrasing_then_voice_ask_answers(
        browser: WebDriver, tmp_path: Path) -> None:
    shutil.copytree(CONTENT, tmp_path / "content")
    settings = config_mod.user_config_dir() / "config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text(f'[content]\ndirs = ["{tmp_path / "content"}"]\n')
    assert voice("caregiver", "--set-password", stdin=PASSWORD + "\n").returncode == 0
    before = ask(NEW_PHRASING)
    assert before["outcome"] != "answer" or before["match"] != ENTRY

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
        submit(browser)
        assert browser.find_element(By.ID, "saved").text == "Saved."

        browser.find_element(By.LINK_TEXT, "Content").click()
        browser.find_element(By.CSS_SELECTOR, f'a[href="/content/{ENTRY}"]').click()
        phrasings = browser.find_element(By.ID, "phrasings")
        phrasings.send_keys("\n" + NEW_PHRASING)
        submit(browser)
        assert "Saved" in browser.find_element(By.CSS_SELECTOR, "p.notice").text

        # Usable at a phone's size: nothing wider than the screen.
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= PHONE[0]
        shots = Path(os.environ.get("VOICE_SCREENSHOTS", tmp_path))
        browser.get(base + "/settings")
        assert browser.save_screenshot(str(shots / "caregiver-settings-phone.png"))

    after = ask(NEW_PHRASING)
    assert after["outcome"] == "answer"
    assert after["match"] == {"id": ENTRY, "kind": "faq",
                              "title": "Is there a cure for neuromuscular disorders?"}
    assert after["rate"] == 118


def test_turn_the_log_on_then_add_an_unanswered_question_in_one_click(
        browser: WebDriver, tmp_path: Path) -> None:
    shutil.copytree(CONTENT, tmp_path / "content")
    settings = config_mod.user_config_dir() / "config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text(f'[content]\ndirs = ["{tmp_path / "content"}"]\n')
    assert voice("caregiver", "--set-password", stdin=PASSWORD + "\n").returncode == 0
    with running_page() as (_, port):
        base = f"http://127.0.0.1:{port}"
        browser.get(base + "/settings")
        browser.find_element(By.ID, "password").send_keys(PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        WebDriverWait(browser, 10).until(lambda b: "/login" not in b.current_url)
        browser.find_element(By.ID, "questions-log").click()
        submit(browser)
        assert browser.find_element(By.ID, "saved").text == "Saved."

        # The user asks; it is not answered, and the log is announced once.
        first = voice("ask", "--json", "--no-speak", UNANSWERED)
        assert json.loads(first.stdout)["outcome"] == "no_match"
        assert "turned on the question log" in first.stderr

        browser.find_element(By.LINK_TEXT, "Questions").click()
        row = browser.find_element(By.CSS_SELECTOR, "li.question.no_match")
        assert UNANSWERED in row.text and "not answered" in row.text
        Select(row.find_element(By.TAG_NAME, "select")).select_by_value("causes-and-risk-factors")
        row.find_element(By.TAG_NAME, "button").click()
        assert "Added" in browser.find_element(By.CSS_SELECTOR, "p.notice").text
        shots = Path(os.environ.get("VOICE_SCREENSHOTS", tmp_path))
        assert browser.save_screenshot(str(shots / "caregiver-questions-phone.png"))

    again = voice("ask", "--json", "--no-speak", UNANSWERED)
    assert json.loads(again.stdout)["match"]["id"] == "causes-and-risk-factors"
    assert "turned on the question log" not in again.stderr
