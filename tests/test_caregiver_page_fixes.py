"""The caregiver's Settings page in a real browser (Debian's chromium, at a
phone's size) with a settings file that has a mistake: the page shows it as
the command line does (file, line, nearest valid name), one press fixes or
removes it, and saving the other settings works meanwhile. It used to refuse
every save until the file was edited by hand, which a phone cannot do.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from voice import config as config_mod

from .conftest import CONTENT
from .test_caregiver_browser import PASSWORD, ask, browser  # noqa: F401 (a fixture)
from .test_caregiver_cli import running_page, voice


def log_in(browser: WebDriver, base: str) -> None:  # noqa: F811
    browser.get(base + "/settings")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda b: "/login" not in b.current_url)


def press(browser: WebDriver, css: str) -> None:  # noqa: F811
    """Click the button once the page has it (a loaded machine is slow)."""
    WebDriverWait(browser, 20).until(
        expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, css))).click()


def save_settings(browser: WebDriver) -> None:  # noqa: F811
    press(browser, "#settings-form button[type=submit]")


def shown(browser: WebDriver, element_id: str, text: str) -> str:  # noqa: F811
    """The element's text once it says ``text`` (the page after a press loads anew)."""
    def says(b: WebDriver) -> str | bool:
        try:
            found: str = b.find_element(By.ID, element_id).text
        except WebDriverException:
            # Not there yet, or the page was replaced between finding the
            # element and reading it: chromium 156 reports the latter as a
            # bare "Node with given id does not belong to the document"
            # rather than a stale element (CI of stop 25).
            return False
        return found if text in found else False

    return str(WebDriverWait(browser, 20).until(says, f"#{element_id} never said {text!r}"))


def settings_with(tmp_path: Path, extra: str) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    settings = config_mod.user_config_dir() / "config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text(f'[content]\ndirs = ["{tmp_path / "content"}"]\n' + extra)
    assert voice("caregiver", "--set-password", stdin=PASSWORD + "\n").returncode == 0
    return settings


def test_an_old_unknown_key_is_shown_fixed_and_the_rest_saved(
        browser: WebDriver, tmp_path: Path) -> None:  # noqa: F811
    settings = settings_with(tmp_path, "[speech_out]\nrat = 118\nvoise = \"en-gb\"\n")
    with running_page() as (_, port):
        base = f"http://127.0.0.1:{port}"
        log_in(browser, base)
        rat = browser.find_element(By.ID, "mistake-speech_out-rat")
        assert rat.find_element(By.CSS_SELECTOR, "p.error").text == (
            f"{settings}, line 4: unknown setting 'rat'; did you mean 'rate'?")
        # Saving the rest works with the mistakes still in the file.
        Select(browser.find_element(By.ID, "ptt-mode")).select_by_value("hold")
        save_settings(browser)
        shown(browser, "saved", "Saved.")
        # One press: the nearest valid name; another: removed.
        press(browser, "#mistake-speech_out-rat button.move")
        shown(browser, "fixed", "'[speech_out] rat' is now 'speech_out.rate'. Saved.")
        press(browser, "#mistake-speech_out-voise button.remove")
        shown(browser, "fixed", "'[speech_out] voise' was removed. Saved.")
        assert not browser.find_elements(By.ID, "mistakes")
        assert browser.find_element(By.ID, "speech_out-rate").get_attribute("value") == "118"
    cfg = config_mod.load(settings)  # strict: nothing left to set aside
    assert (cfg.rate, cfg.voice, cfg.mode) == (118, "en-us", "hold")
    assert ask("is there a cure")["rate"] == 118


def test_a_voice_or_wake_phrase_it_cannot_use_is_refused_with_the_nearest(
        browser: WebDriver, tmp_path: Path) -> None:  # noqa: F811
    settings = settings_with(tmp_path, "")
    before = settings.read_text()
    with running_page() as (_, port):
        log_in(browser, f"http://127.0.0.1:{port}")
        for field, value in (("speech_out-voice", "en-uss"),
                             ("listen-wake_phrase", "hey jarvus")):
            box = browser.find_element(By.ID, field)
            box.clear()
            box.send_keys(value)
        save_settings(browser)
        # The nearest names and how to list them all, as the command line says it.
        assert shown(browser, "speech_out-voice-error", "did you mean 'en-us'?").startswith(
            "espeak-ng has no voice 'en-uss', so the assistant would speak in en-us; did you "
            "mean 'en-us'? List them with: espeak-ng --voices=en (English) or espeak-ng "
            "--voices (all ")
        assert browser.find_element(By.ID, "listen-wake_phrase-error").text.startswith(
            "'jarvus' is not a word I can listen for, so the assistant would listen for "
            "'okay nabu' instead; did you mean 'hey jarvis'?")
        assert settings.read_text() == before
        # The nearest choices, as offered, are taken.
        for field, value in (("speech_out-voice", "en-gb"), ("listen-wake_phrase", "hey jarvis")):
            box = browser.find_element(By.ID, field)
            box.clear()
            box.send_keys(value)
        save_settings(browser)
        shown(browser, "saved", "Saved.")
    cfg = config_mod.load(settings)
    assert (cfg.voice, cfg.wake_phrase) == ("en-gb", "hey jarvis")


def test_a_duplicate_title_leaves_out_the_new_file_and_the_content_page_says_why(
        browser: WebDriver, tmp_path: Path) -> None:  # noqa: F811
    from .test_content_duplicates import CLINIC

    settings_with(tmp_path, "")
    clinic = tmp_path / "content" / "a-clinic.md"
    clinic.write_text(CLINIC, encoding="utf-8")
    newest = max(f.stat().st_mtime_ns for f in clinic.parent.glob("*.md")) + 10**9
    os.utime(clinic, ns=(newest, newest))
    with running_page() as (_, port):
        base = f"http://127.0.0.1:{port}"
        log_in(browser, base)
        browser.get(base + "/content")
        alert = browser.find_element(By.CSS_SELECTOR, "p.error[role=alert]").text
        assert alert.startswith(f"Left out until it is fixed in the file itself: {clinic}:7: "
                                "the title 'Is there a cure for neuromuscular disorders?' is "
                                f"already used at {tmp_path / 'content' / 'faq.md'}:")
        assert alert.endswith("Give this entry another title. The other is a shipped file, "
                              "so it is kept; this one is left out until then.")
        # Every shipped entry is still there to edit.
        assert browser.find_elements(
            By.CSS_SELECTOR, 'a[href="/content/is-there-a-cure-for-neuromuscular-disorders"]')
