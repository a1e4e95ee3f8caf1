"""An old mistake in the settings file (`rat = 120`, the very one the
caregiver's Settings page offers to fix) while the assistant runs with the
file's other settings (session 23, branch robust24).

The caregiver's page read the file strictly: its Content page answered 500
"Content has a mistake", "Add an entry" a bare 500 Internal Server Error,
the Status page showed the settings line and none of its checks, and the
Questions page said the log was off while the assistant kept it. `voice
doctor` made its checks with every default, not the settings the assistant
uses: another voice, another microphone."""

from __future__ import annotations

import re
from pathlib import Path

from flask.testing import FlaskClient

from voice import config as config_mod

from .test_caregiver_http import (  # noqa: F401  (fixtures)
    app,
    client,
    home,
    logged_in,
    password_hash,
    token,
)
from .test_doctor import doctor, line, no_sound_env  # noqa: F401  (a fixture)

#: Appended to the page's settings file: the typo, and settings that are right.
MISTAKE = "[speech_out]\nrat = 120\n[questions]\nlog = true\n"


def _with_mistake() -> Path:
    path = config_mod.user_config_dir() / "config.toml"
    path.write_text(path.read_text() + MISTAKE)
    return path


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_content_pages_open(logged_in: FlaskClient, home: Path) -> None:  # noqa: F811
    _with_mistake()
    for path in ("/content", "/content/new",
                 "/content/is-there-a-cure-for-neuromuscular-disorders"):
        r = logged_in.get(path)
        assert r.status_code == 200, (path, _text(r.text)[:300])
    assert "26 entries" in _text(logged_in.get("/content").text)


def test_the_status_page_shows_the_mistake_and_every_check(
        logged_in: FlaskClient, home: Path) -> None:  # noqa: F811
    settings = _with_mistake()
    page = _text(logged_in.post("/status/refresh", data={"csrf_token": token(logged_in, "/")},
                                follow_redirects=True).text)
    assert f"{settings}, line 4: unknown setting &#39;rat&#39;; did you mean &#39;rate&#39;?" \
        in page
    for check in ("Speech output", "Microphone", "Content", "GPIO"):
        assert f"{check} :" in page, check
    # The log the assistant keeps (the file's other settings are used) is on.
    assert "Question log On:" in page, page


def test_doctor_checks_what_the_assistant_uses(
        no_sound_env: dict[str, str], tmp_path: Path) -> None:  # noqa: F811
    settings = tmp_path / "settings.toml"
    settings.write_text('[speech_out]\nrat = 120\nvoice = "en-gb"\n')
    proc = doctor(no_sound_env, "--config", str(settings))
    assert line(proc.stdout, "Settings") == (
        f"FAIL Settings: {settings}, line 2: unknown setting 'rat'; did you mean 'rate'? -> "
        "fix that file; the assistant uses the usual value for each of those, and so do the "
        "checks below")
    assert line(proc.stdout, "Speech output").endswith("voice en-gb)")
