"""A settings file that is not valid TOML, repaired from the caregiver's page.

A missing '=' or quote left the whole file unreadable: the page could only
fix wrong names and values one by one, and every save was refused ("fix it
by hand first"), which a caregiver with a phone cannot do. Now the page
shows the line and the parse error, and one press keeps the file as
<name>.broken and starts again from the defaults. In a real browser
(Debian's chromium) and over HTTP.
"""

from __future__ import annotations

import re
from pathlib import Path

from flask.testing import FlaskClient
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from voice import config as config_mod
from voice.services.caregiver import settings_store

from .test_caregiver_browser import browser  # noqa: F401 (a fixture)
from .test_caregiver_cli import running_page, voice
from .test_caregiver_http import app, client, home, logged_in, password_hash, token  # noqa: F401
from .test_caregiver_page_fixes import log_in, press, save_settings, settings_with, shown

BROKEN = "[speech_out]\nrate = 120\nvoice en-gb\n"


def test_the_page_shows_the_line_and_resets_the_file_keeping_the_old(
        browser: WebDriver, tmp_path: Path) -> None:  # noqa: F811
    settings = settings_with(tmp_path, BROKEN)
    old = settings.read_bytes()
    assert "not valid TOML" in voice("config").stderr + voice("config").stdout
    with running_page() as (_, port):
        base = f"http://127.0.0.1:{port}"
        log_in(browser, base)
        browser.get(base + "/settings")
        assert browser.find_element(By.ID, "broken-error").text == (
            f"{settings}, line 5: not valid TOML: Expected '=' after a key in a "
            "key/value pair")
        assert browser.find_element(By.ID, "broken-line").text == "5: voice en-gb"
        button = browser.find_element(By.ID, "reset-broken")
        assert button.text == ("Reset this file to the defaults (the old one is kept as "
                               "config.toml.broken)")
        # Before the reset, a save is refused and says where the way out is.
        save_settings(browser)
        assert "reset it with the button at the top of this page" in shown(
            browser, "form-error", "not valid TOML")
        press(browser, "#reset-broken")
        shown(browser, "fixed", "The settings file was reset to the defaults; the old one is "
                                f"kept as {settings}.broken. Saved.")
        assert not browser.find_elements(By.ID, "broken-file")
        assert settings.with_name("config.toml.broken").read_bytes() == old
        assert config_mod.load(settings) == config_mod.load(settings)  # strict: no mistake
        # The page saves again: the rate set after the reset is used.
        rate = browser.find_element(By.ID, "speech_out-rate")
        rate.clear()
        rate.send_keys("150")
        save_settings(browser)
        shown(browser, "saved", "Saved.")
    assert config_mod.load(settings).rate == 150
    done = voice("config")
    assert done.returncode == 0 and "not valid TOML" not in done.stdout + done.stderr


def test_an_older_broken_copy_is_never_overwritten(
        logged_in: FlaskClient, home: Path) -> None:  # noqa: F811
    settings = config_mod.user_config_dir() / "config.toml"
    settings.with_name("config.toml.broken").write_text("the first broken copy\n")
    settings.write_text('[speech_out]\nvoice = "en-gb\n')
    page = logged_in.get("/settings")
    assert "(the old one is kept as config.toml.broken-2)" in page.text
    assert f"{settings}, line 2: not valid TOML: Illegal character" in page.text
    r = logged_in.post("/settings/reset", data={"csrf_token": token(logged_in, "/settings")})
    assert r.status_code == 200
    assert f"the old one is kept as {settings}.broken-2." in r.text
    assert settings.with_name("config.toml.broken").read_text() == "the first broken copy\n"
    assert settings.with_name("config.toml.broken-2").read_text() == \
        '[speech_out]\nvoice = "en-gb\n'
    assert config_mod.load(settings).voice == config_mod.Config().voice


def test_a_file_fixed_meanwhile_is_not_reset(logged_in: FlaskClient) -> None:  # noqa: F811
    settings = config_mod.user_config_dir() / "config.toml"
    page_token = token(logged_in, "/settings")
    settings.write_text("[speech_out]\nrate = 130\n")  # fixed by hand meanwhile
    r = logged_in.post("/settings/reset", data={"csrf_token": page_token})
    assert r.status_code == 400
    assert "can be read now (fixed already?). Nothing was changed." in r.text
    assert settings.read_text() == "[speech_out]\nrate = 130\n"
    assert not list(settings.parent.glob("*.broken*"))


def test_not_text_at_all_and_the_end_of_the_file(tmp_path: Path) -> None:
    binary = tmp_path / "a.toml"
    binary.write_bytes(b"rate = \xff\xfe\n")
    found = settings_store.broken_file(binary)
    assert found is not None and found.line is None
    assert found.message == "not a text file (byte 7 is not UTF-8)"
    unended = tmp_path / "b.toml"
    unended.write_text('[speech_out]\nvoice = "en-gb')
    found = settings_store.broken_file(unended)
    assert found is not None
    assert re.fullmatch(r"Unterminated string.*", found.message)
    fine = tmp_path / "c.toml"
    fine.write_text("[speech_out]\nrat = 120\n")  # a wrong name: fixed one by one instead
    assert settings_store.broken_file(fine) is None
    assert settings_store.broken_file(tmp_path / "missing.toml") is None
