"""The caregiver's page over HTTP (Flask's test client, the real app and files).

Every route: without login the login page (GET) or 401 (anything else); a
change without the CSRF token is refused; bad input gets a field error and
nothing changes on disk.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from voice import config as config_mod
from voice.content.loader import load_knowledge
from voice.services import question_log
from voice.services.caregiver import passwords
from voice.services.caregiver.app import PageOptions, create_app

from .conftest import CONTENT

PASSWORD = "correct horse battery"
ENTRY = "is-there-a-cure-for-neuromuscular-disorders"

GET_ROUTES = ["/", "/settings", "/content", "/content/new", f"/content/{ENTRY}", "/questions"]
POST_ROUTES = ["/settings", "/content/new", f"/content/{ENTRY}", "/questions/add",
               "/questions/delete", "/status/refresh", "/logout"]


@pytest.fixture(scope="module")
def password_hash(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Hashed once: Argon2 is slow on purpose."""
    path = tmp_path_factory.mktemp("pw") / "hash"
    passwords.set_password(PASSWORD, path)
    return path.read_text()


@pytest.fixture
def home(tmp_path: Path, password_hash: str) -> Path:
    """A content copy, and the user's settings file pointing at it."""
    shutil.copytree(CONTENT, tmp_path / "content")
    cfg = config_mod.user_config_dir() / "config.toml"
    cfg.parent.mkdir(parents=True)
    cfg.write_text(f'[content]\ndirs = ["{tmp_path / "content"}"]\n')
    passwords.password_file().write_text(password_hash)
    return tmp_path


@pytest.fixture
def app(home: Path) -> Flask:
    return create_app(PageOptions())


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def token(client: FlaskClient, path: str = "/login") -> str:
    page = client.get(path)
    m = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert m, page.text
    return m.group(1)


def log_in(client: FlaskClient, password: str = PASSWORD) -> int:
    return client.post("/login", data={"password": password,
                                       "csrf_token": token(client)}).status_code


@pytest.fixture
def logged_in(client: FlaskClient) -> FlaskClient:
    assert log_in(client) == 302
    return client


def snapshot(home: Path) -> dict[str, str]:
    """Digest of every file the page may change."""
    files = [*sorted((home / "content").rglob("*")), config_mod.user_config_dir() / "config.toml",
             question_log.log_path()]
    return {str(f): hashlib.sha256(f.read_bytes()).hexdigest() for f in files if f.is_file()}


def field_errors(html: str) -> dict[str, str]:
    return dict(re.findall(r'<p class="error" id="([\w-]+)-error">([^<]*)</p>', html))


# -- access ----------------------------------------------------------------


@pytest.mark.parametrize("path", GET_ROUTES)
def test_pages_need_login(client: FlaskClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 302
    assert r.headers["Location"].startswith("/login")
    assert "Password" in client.get(r.headers["Location"]).text


@pytest.mark.parametrize("path", POST_ROUTES)
def test_changes_need_login(client: FlaskClient, home: Path, path: str) -> None:
    before = snapshot(home)
    r = client.post(path, data={"csrf_token": token(client), "speech_out.rate": "100",
                                "text": "x", "entry_id": ENTRY, "title": "T", "answer": "A"})
    assert r.status_code == 401
    assert snapshot(home) == before


@pytest.mark.parametrize("path", [p for p in POST_ROUTES if p != "/logout"])
def test_changes_without_csrf_token_are_refused(logged_in: FlaskClient, home: Path,
                                                path: str) -> None:
    question_log.record(question_log.LoggedQuestion(time.time(), "is it catching", "no_match"))
    before = snapshot(home)
    r = logged_in.post(path, data={"speech_out.rate": "100", "text": "is it catching",
                                   "entry_id": ENTRY, "title": "T", "answer": "A"})
    assert r.status_code == 400
    assert "nothing was changed" in r.text
    assert snapshot(home) == before


def test_login_is_rate_limited(client: FlaskClient) -> None:
    for _ in range(5):
        assert log_in(client, "wrong password") == 401
    # Even the right password waits now.
    r = client.post("/login", data={"password": PASSWORD, "csrf_token": token(client)})
    assert r.status_code == 429
    assert "Too many wrong passwords" in r.text
    assert client.get("/settings").status_code == 302


def test_login_without_csrf_is_refused(client: FlaskClient) -> None:
    assert client.post("/login", data={"password": PASSWORD}).status_code == 400
    assert client.get("/").status_code == 302


def test_a_new_password_logs_everyone_out(logged_in: FlaskClient) -> None:
    assert logged_in.get("/settings").status_code == 200
    passwords.set_password("another good password")
    assert logged_in.get("/settings").status_code == 302


def test_session_cookie_is_http_only_and_strict(client: FlaskClient) -> None:
    client.get("/login")
    r = client.post("/login", data={"password": PASSWORD, "csrf_token": token(client)})
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_logout(logged_in: FlaskClient) -> None:
    r = logged_in.post("/logout", data={"csrf_token": token(logged_in, "/settings")})
    assert r.status_code == 302
    assert logged_in.get("/settings").status_code == 302


def test_pages_are_readable_on_a_phone_and_use_no_other_site(logged_in: FlaskClient) -> None:
    for path in GET_ROUTES[1:]:
        html = logged_in.get(path).text
        assert 'name="viewport" content="width=device-width' in html
        assert "http://" not in html and "https://" not in html, path
    css = logged_in.get("/static/style.css")
    assert css.status_code == 200 and "min-height: 48px" in css.text


# -- status ----------------------------------------------------------------


def test_status_shows_the_doctor_checks(logged_in: FlaskClient) -> None:
    html = logged_in.get("/").text
    for name in ("Speech output", "Microphone", "Recognizer", "Content"):
        assert f"<strong>{name}</strong>" in html
    assert "Question log" in html and "Off." in html
    r = logged_in.post("/status/refresh", data={"csrf_token": token(logged_in, "/")})
    assert r.status_code == 302


# -- settings --------------------------------------------------------------


def settings_form(client: FlaskClient, **changes: str) -> dict[str, str]:
    form = {"csrf_token": token(client, "/settings"), "speech_out.rate": "150",
            "speech_out.volume": "0.9", "speech_out.voice": "en-us",
            "audio.silence_timeout": "2.0", "audio.start_timeout": "15.0", "ptt.mode": "toggle",
            # The page shows the wake phrase switch on (the default), so a browser sends it.
            "listen.wake_word": "on"}
    form.update(changes)
    return form


def test_settings_saved_to_the_command_lines_file(logged_in: FlaskClient, home: Path) -> None:
    r = logged_in.post("/settings", data=settings_form(logged_in, **{
        "speech_out.rate": "120", "ptt.mode": "hold", "questions.log": "on"}))
    assert r.status_code == 200 and 'id="saved"' in r.text
    path = config_mod.user_config_dir() / "config.toml"
    data = tomllib.loads(path.read_text())
    # What changed is written; the defaults are not pinned; the rest is kept.
    assert data == {"content": {"dirs": [str(home / "content")]},
                    "speech_out": {"rate": 120}, "ptt": {"mode": "hold"},
                    "questions": {"log": True}}
    cfg = config_mod.load()
    assert (cfg.rate, cfg.mode, cfg.question_log) == (120, "hold", True)
    assert (path.parent / "config.toml.bak").is_file()


def test_the_wake_phrase_is_set_from_the_page(logged_in: FlaskClient) -> None:
    form = settings_form(logged_in, **{"listen.wake_phrase": "hello computer"})
    del form["listen.wake_word"]  # the switch turned off: a browser sends nothing for it
    r = logged_in.post("/settings", data=form)
    assert r.status_code == 200 and 'id="saved"' in r.text
    cfg = config_mod.load()
    assert (cfg.wake_word, cfg.wake_phrase) == (False, "hello computer")


def test_the_wait_for_the_rest_is_set_from_the_page(logged_in: FlaskClient) -> None:
    """Session 25: `[audio] unfinished_wait` (how long `voice listen` waits
    for the rest of a question heard ending on "and") was in the settings
    file only; a caregiver of a slow speaker could not lengthen it."""
    page = logged_in.get("/settings").text
    assert 'name="audio.unfinished_wait"' in page
    r = logged_in.post("/settings", data=settings_form(logged_in, **{
        "audio.unfinished_wait": "12"}))
    assert r.status_code == 200 and 'id="saved"' in r.text
    assert config_mod.load().unfinished_wait == 12


@pytest.mark.parametrize(("key", "value", "message"), [
    ("audio.unfinished_wait", "-1",
     "'audio.unfinished_wait' must be a number of seconds between 0 and 60"),
    ("speech_out.rate", "500", "'speech_out.rate' must be between 60 and 400 words a minute"),
    ("speech_out.rate", "fast", "'speech_out.rate' must be a whole number"),
    ("speech_out.volume", "2", "'speech_out.volume' must be between 0.0 and 1.0"),
    ("audio.silence_timeout", "0", "'audio.silence_timeout' must be a number of seconds"),
    ("ptt.mode", "press", "'ptt.mode' must be toggle or hold"),
    ("speech_out.voice", " ", "needs a value"),
    ("listen.wake_phrase", " ", "needs a value"),
    # What the assistant can really use, with the nearest valid choice.
    ("speech_out.voice", "en-uss", "espeak-ng has no voice 'en-uss', so the assistant would "
                                   "speak in en-us; did you mean 'en-us'? List them with: "
                                   "espeak-ng --voices=en (English) or espeak-ng --voices (all "),
    ("speech_out.voice", "en-gb+f9", "did you mean 'en-gb+f"),
    ("listen.wake_phrase", "hey jarvus", "'jarvus' is not a word I can listen for, so the "
                                         "assistant would listen for 'okay nabu' instead; did "
                                         "you mean 'hey jarvis'?"),
    ("listen.wake_phrase", "hey blorf", "'blorf' is not a word I can listen for"),
    ("listen.wake_phrase", "42", "it has no words I can listen for"),
])
def test_bad_setting_is_a_field_error_and_nothing_changes(
        logged_in: FlaskClient, home: Path, key: str, value: str, message: str) -> None:
    before = snapshot(home)
    r = logged_in.post("/settings", data=settings_form(logged_in, **{
        key: value, "speech_out.rate": "100" if key != "speech_out.rate" else value}))
    assert r.status_code == 400
    errors = field_errors(r.text)
    assert list(errors) == [key.replace(".", "-")]
    assert message in errors[key.replace(".", "-")].replace("&#39;", "'")
    assert snapshot(home) == before


@pytest.mark.parametrize("value", ["en-uss", "english", "en-gb+f9", "zzzz", "en-uss+f3"])
def test_an_unknown_voice_is_told_as_the_command_line_tells_it(
        logged_in: FlaskClient, value: str) -> None:
    """At most three nearest names, the same as ``voice --voice`` offers
    (voices.nearest_voices), and the commands that list them all; not the
    page's own nearest name and the whole list of English voices."""
    from voice.speech_out import voices

    r = logged_in.post("/settings", data=settings_form(logged_in, **{
        "speech_out.voice": value}))
    assert r.status_code == 400
    shown = field_errors(r.text)["speech_out-voice"].replace("&#39;", "'")
    problem = voices.voice_problem(value)
    assert problem is not None and problem[1]
    cli_hint = problem[0].split(f"so I will speak in {voices.FALLBACK}; ", 1)[1]
    assert shown == (f"espeak-ng has no voice '{value}', so the assistant would speak in "
                     f"{voices.FALLBACK}; {cli_hint}")
    near = voices.nearest_voices(value)
    assert len(near) <= voices.NEAREST
    assert shown.count("'") == 2 * (len(near) + 1)  # the name given and each name offered
    assert f"List them with: {voices.LIST_ENGLISH} (English) or {voices.LIST_ALL}" in shown
    assert "English voices:" not in shown


def test_a_mistake_already_in_the_file_does_not_block_saving(logged_in: FlaskClient,
                                                              home: Path) -> None:
    """An old mistake used to refuse every save until removed by hand."""
    path = config_mod.user_config_dir() / "config.toml"
    form = settings_form(logged_in, **{"speech_out.rate": "100"})
    path.write_text(path.read_text() + "[ptt]\nlong_press = 0.1\n")  # shorter than double_press
    r = logged_in.post("/settings", data=form)
    assert r.status_code == 200 and 'id="saved"' in r.text
    # Still shown, still in the file: the page changed only the rate.
    assert "&#39;ptt.long_press&#39; must be longer than &#39;ptt.double_press&#39;" in r.text
    assert tomllib.loads(path.read_text())["ptt"] == {"long_press": 0.1}
    assert config_mod.load(forgiving=True).rate == 100


def test_an_unknown_key_is_shown_with_its_line_and_fixed_from_the_page(
        logged_in: FlaskClient, home: Path) -> None:
    path = config_mod.user_config_dir() / "config.toml"
    path.write_text(path.read_text() + "# the clinic's note\n[speech_out]\nrat = 120\n"
                    "[speech_outt]\nvolumee = 0.5\n")
    page = logged_in.get("/settings").text.replace("&#39;", "'")
    assert f"{path}, line 5: unknown setting 'rat'; did you mean 'rate'?" in page
    assert f"{path}, line 6: unknown section [speech_outt]; did you mean [speech_out]?" in page
    assert "Change to 'speech_out.rate'" in page and "Change to 'speech_out.volume'" in page
    # Saving the rest works with the mistakes still there.
    r = logged_in.post("/settings", data=settings_form(logged_in, **{"ptt.mode": "hold"}))
    assert r.status_code == 200 and 'id="saved"' in r.text
    # One press each: the nearest valid name, or removed.
    r = logged_in.post("/settings/fix", data={"csrf_token": token(logged_in, "/settings"),
                                              "mistake": "speech_out-rat", "action": "move"})
    assert r.status_code == 200, r.text
    assert "&#39;[speech_out] rat&#39; is now &#39;speech_out.rate&#39;. Saved." in r.text
    r = logged_in.post("/settings/fix", data={"csrf_token": token(logged_in, "/settings"),
                                              "mistake": "speech_outt-volumee",
                                              "action": "remove"})
    assert r.status_code == 200 and "was removed" in r.text
    assert 'id="mistakes"' not in r.text
    text = path.read_text()
    assert "# the clinic's note" in text and "speech_outt" not in text
    cfg = config_mod.load()  # strict: no mistake left
    assert (cfg.rate, cfg.volume, cfg.mode) == (120, 0.9, "hold")
    # A mistake already fixed: nothing changes.
    before = snapshot(home)
    r = logged_in.post("/settings/fix", data={"csrf_token": token(logged_in, "/settings"),
                                              "mistake": "speech_out-rat", "action": "move"})
    assert r.status_code == 400 and "no longer in the settings file" in r.text
    assert snapshot(home) == before


# -- content ---------------------------------------------------------------


def entry_form(client: FlaskClient, of: str | None = ENTRY, **changes: str) -> dict[str, str]:
    page = client.get(f"/content/{of}" if of else "/content/new").text

    def value(name: str) -> str:
        m = re.search(rf'name="{name}" value="([^"]*)"', page)
        return m.group(1) if m else ""

    def area(name: str) -> str:
        m = re.search(rf'name="{name}"[^>]*>([^<]*)</textarea>', page)
        return m.group(1).replace("&#39;", "'") if m else ""

    form = {"csrf_token": value("csrf_token"), "version": value("version"),
            "title": value("title").replace("&#39;", "'"), "answer": area("answer"),
            "phrasings": area("phrasings"), "keywords": value("keywords"),
            "entry_id": value("entry_id")}
    m = re.search(r'<option value="([^"]+)" selected>', page)
    if m:
        form["file"] = m.group(1)
    form.update(changes)
    return form


def test_content_lists_every_entry(logged_in: FlaskClient, home: Path) -> None:
    html = logged_in.get("/content").text
    kb = load_knowledge([home / "content"])
    for entry in kb.entries:
        assert f'href="/content/{entry.id}"' in html


def test_add_a_phrasing(logged_in: FlaskClient, home: Path) -> None:
    faq = home / "content" / "faq.md"
    before = faq.read_text()
    form = entry_form(logged_in)
    form["phrasings"] += "\nwill i ever get better"
    r = logged_in.post(f"/content/{ENTRY}", data=form)
    assert r.status_code == 302, r.text
    assert "Saved" in logged_in.get("/content").text
    entry = load_knowledge([home / "content"]).by_id(ENTRY)
    assert entry.phrasings[-1] == "will i ever get better"
    # Only that entry's lines changed, and the old file is kept.
    after = faq.read_text()
    assert after.replace("- will i ever get better\n", "", 1) == before
    backups = list((home / "content" / ".backups").glob("faq-*.md.bak"))
    assert len(backups) == 1 and backups[0].read_text() == before


def test_edit_keeps_every_other_entry(logged_in: FlaskClient, home: Path) -> None:
    kb_before = load_knowledge([home / "content"])
    form = entry_form(logged_in, answer="No cure yet.\n\nBut treatments help.")
    assert logged_in.post(f"/content/{ENTRY}", data=form).status_code == 302
    kb_after = load_knowledge([home / "content"])
    assert kb_after.by_id(ENTRY).answer == "No cure yet.\n\nBut treatments help."
    assert [e.title for e in kb_after.entries] == [e.title for e in kb_before.entries]
    others = [e for e in kb_before.entries if e.id != ENTRY]
    for e in others:
        got = kb_after.by_id(e.id)
        assert (got.answer, got.phrasings, got.keywords) == (e.answer, e.phrasings, e.keywords)


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"title": ""}, "title", "The title (or question) is needed."),
    ({"title": "are neuromuscular disorders HEREDITARY?"}, "title", "is already used"),
    ({"answer": ""}, "answer", "The answer text is needed"),
    ({"answer": "Fine.\n## Sneaky heading"}, "answer", "may not start with"),
    ({"entry_id": "Not An Id"}, "entry_id", "lower-case letters, digits and dashes"),
    ({"entry_id": "dietary-adjustments"}, "entry_id", "already used"),
])
def test_bad_entry_is_a_field_error_and_nothing_changes(
        logged_in: FlaskClient, home: Path, changes: dict[str, str], field: str,
        message: str) -> None:
    kb = load_knowledge([home / "content"])
    assert "dietary-adjustments" in {e.id for e in kb.entries}
    before = snapshot(home)
    r = logged_in.post(f"/content/{ENTRY}", data=entry_form(logged_in, **changes))
    assert r.status_code == 400
    errors = field_errors(r.text)
    assert field in errors, r.text
    assert message in errors[field].replace("&#39;", "'")
    assert snapshot(home) == before


def test_a_file_changed_meanwhile_is_not_overwritten(logged_in: FlaskClient, home: Path) -> None:
    form = entry_form(logged_in, answer="Mine.")
    faq = home / "content" / "faq.md"
    faq.write_text(faq.read_text() + "\n<!-- someone else's note -->\n")
    before = snapshot(home)
    r = logged_in.post(f"/content/{ENTRY}", data=form)
    assert r.status_code == 400 and "changed by someone else" in r.text
    assert snapshot(home) == before


def test_add_an_entry(logged_in: FlaskClient, home: Path) -> None:
    form = entry_form(logged_in, None, title="Where is the clinic?",
                      answer="At 1 Main Street.", phrasings="where do i find you\n- clinic address",
                      keywords="address, clinic")
    assert form["file"].endswith("faq.md")
    r = logged_in.post("/content/new", data=form)
    assert r.status_code == 302, r.text
    entry = load_knowledge([home / "content"]).by_id("where-is-the-clinic")
    assert entry.kind == "faq" and entry.answer == "At 1 Main Street."
    assert entry.phrasings == ("where do i find you", "clinic address")
    assert entry.keywords == ("address", "clinic")


def test_unknown_entry_is_404(logged_in: FlaskClient) -> None:
    assert logged_in.get("/content/no-such-entry").status_code == 404


# -- questions -------------------------------------------------------------


def test_questions_unanswered_first_and_one_click_phrasing(
        logged_in: FlaskClient, home: Path) -> None:
    now = time.time()
    question_log.record(question_log.LoggedQuestion(now - 60, "can it be cured", "answer",
                                                    ENTRY, "Is there a cure?", 95))
    question_log.record(question_log.LoggedQuestion(now - 30, "is it catching", "no_match"))
    question_log.record(question_log.LoggedQuestion(now - 40 * 86400, "too old", "no_match"))
    html = logged_in.get("/questions?days=30").text
    assert "The question log is off" in html
    assert html.index("is it catching") < html.index("can it be cured")
    assert "too old" not in html
    r = logged_in.post("/questions/add?days=30", data={
        "csrf_token": token(logged_in, "/questions"), "text": "is it catching",
        "entry_id": "causes-and-risk-factors"})
    assert r.status_code == 302
    html = logged_in.get(r.headers["Location"]).text
    assert "Added" in html
    assert "Now a way of asking \u201cCauses and Risk Factors\u201d" in html
    entry = load_knowledge([home / "content"]).by_id("causes-and-risk-factors")
    assert entry.phrasings[-1] == "is it catching"


def test_question_added_to_an_unknown_entry_changes_nothing(
        logged_in: FlaskClient, home: Path) -> None:
    before = snapshot(home)
    r = logged_in.post("/questions/add", data={
        "csrf_token": token(logged_in, "/questions"), "text": "x", "entry_id": "nope"})
    assert r.status_code == 400 and "Choose an entry" in r.text
    assert snapshot(home) == before


def test_delete_the_log(logged_in: FlaskClient) -> None:
    question_log.record(question_log.LoggedQuestion(time.time(), "is it catching", "no_match"))
    r = logged_in.post("/questions/delete", data={"csrf_token": token(logged_in, "/questions")})
    assert r.status_code == 302
    assert not question_log.log_path().exists()
    assert "is it catching" not in logged_in.get("/questions").text


@pytest.fixture(autouse=True)
def _no_status_cache() -> Iterator[None]:
    from voice.services.caregiver import status_page

    status_page._cache.checks = []
    yield


def test_a_broken_content_file_is_listed_and_the_rest_stays_editable(
        logged_in: FlaskClient, home: Path) -> None:
    # The page answered 500 "Content has a mistake" for every entry of every
    # file, so nothing could be edited from the phone until it was fixed by hand.
    broken = home / "content" / "zz-notes.md"
    broken.write_text("notes before any entry\n", encoding="utf-8")
    r = logged_in.get("/content")
    assert r.status_code == 200
    assert f"{broken}:1: text outside an entry" in r.text
    for entry in load_knowledge([home / "content"], forgiving=True).entries:
        assert f'href="/content/{entry.id}"' in r.text
    form = entry_form(logged_in)
    form["phrasings"] += "\nwill i ever get better"
    assert logged_in.post(f"/content/{ENTRY}", data=form).status_code == 302
    kb = load_knowledge([home / "content"], forgiving=True)
    assert kb.by_id(ENTRY).phrasings[-1] == "will i ever get better"
    assert broken.read_text(encoding="utf-8") == "notes before any entry\n"


def test_a_fix_after_the_settings_file_is_gone_is_one_line_not_a_500(
        home: Path, tmp_path: Path) -> None:
    # The page started with --config FILE; the file was moved away while the
    # page was open: the fix's refusal is shown, as the Settings page shows
    # it, instead of an Internal Server Error from rendering that refusal.
    path = tmp_path / "clinic.toml"
    path.write_text("[speech_out]\nrat = 120\n")
    client = create_app(PageOptions(config_file=path)).test_client()
    assert log_in(client) == 302
    csrf = token(client, "/settings")
    path.unlink()
    r = client.post("/settings/fix", data={"csrf_token": csrf, "mistake": "speech_out-rat",
                                           "action": "move"})
    assert r.status_code == 400, r.text
    assert "settings file not found" in r.text
