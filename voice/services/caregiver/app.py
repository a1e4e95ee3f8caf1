"""The Flask application: one blueprint per page, login before everything,
CSRF protection on every form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError, CSRFProtect

from voice import config as config_mod
from voice.config import Config
from voice.services.caregiver import auth, passwords


@dataclass(frozen=True)
class PageOptions:
    """What ``voice caregiver`` was started with."""

    config_file: Path | None = None
    """--config FILE (None: $VOICE_CONFIG, else the user's settings file)."""
    content: tuple[str, ...] = ()
    """--content overrides, as for the assistant."""
    secure_cookie: bool = False
    """Mark the session cookie Secure (the page is reached over HTTPS)."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Flask settings for tests."""


def load_config(options: PageOptions, forgiving: bool = True) -> Config:
    """The settings in force, as the assistant reads them (``forgiving``): a
    setting with a mistake set aside (in ``Config.problems``), the others
    used. Read strictly, an old `rat = 120` (the mistake the Settings page
    offers to fix) made the Content page answer 500 "Content has a
    mistake" and "/content/new" a bare Internal Server Error, the Status
    page show none of its checks, and the Questions page say the log was
    off while the assistant kept it."""
    overrides = {"content_dirs": list(options.content)} if options.content else None
    return config_mod.load(options.config_file, overrides, forgiving=forgiving)


def create_app(options: PageOptions | None = None) -> Flask:
    from voice.services.caregiver import content_page, questions_page, settings_page, status_page

    options = options or PageOptions()
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=passwords.secret_key(),
        SESSION_COOKIE_NAME="voice_caregiver",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=options.secure_cookie,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=12),
        # Forms may stay open while a caregiver writes an answer.
        WTF_CSRF_TIME_LIMIT=12 * 3600,
        MAX_CONTENT_LENGTH=1024 * 1024,
        VOICE_OPTIONS=options,
    )
    app.config.update(options.extra)
    CSRFProtect(app)
    app.extensions["voice_login_limiter"] = auth.LoginLimiter()
    app.before_request(auth.require_login)
    for bp in (auth.bp, status_page.bp, settings_page.bp, content_page.bp, questions_page.bp):
        app.register_blueprint(bp)

    @app.errorhandler(CSRFError)
    def csrf_refused(e: CSRFError) -> tuple[str, int]:
        return render_template("error.html", title="Not saved",
                               message="This form had expired or did not come from this page, "
                                       "so nothing was changed. Go back, reload the page and "
                                       "try again."), 400

    @app.errorhandler(401)
    def unauthorised(e: Exception) -> tuple[str, int]:
        return render_template("error.html", title="Please log in",
                               message="Log in first; nothing was changed."), 401

    @app.errorhandler(404)
    def not_found(e: Exception) -> tuple[str, int]:
        return render_template("error.html", title="Not found",
                               message="There is no such page or entry."), 404

    @app.after_request
    def headers(response: Any) -> Any:
        # Everything is served from here: no other site may frame or feed the page.
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Cache-Control"] = "no-store"
        return response

    return app


def options() -> PageOptions:
    from flask import current_app

    opts: PageOptions = current_app.config["VOICE_OPTIONS"]
    return opts
