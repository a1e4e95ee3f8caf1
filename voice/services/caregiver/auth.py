"""Logging in: one password, rate-limited attempts, and no page without it."""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response as BaseResponse

from voice.services.caregiver import passwords

bp = Blueprint("auth", __name__)

#: Endpoints reachable without logging in.
PUBLIC = {"auth.login", "static"}


@dataclass
class LoginLimiter:
    """At most ``attempts`` wrong passwords per address within ``window`` seconds.

    Five tries in five minutes is plenty for a person who mistyped and far
    too few to guess a password of eight characters or more.
    """

    attempts: int = 5
    window: float = 300.0
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_seconds(self, who: str, now: float | None = None) -> float:
        """0 when ``who`` may try now, else seconds until the next try."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._failures.get(who, deque())
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) < self.attempts:
                return 0.0
            return times[0] + self.window - now

    def failed(self, who: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._failures.setdefault(who, deque()).append(now)

    def succeeded(self, who: str) -> None:
        with self._lock:
            self._failures.pop(who, None)


def limiter() -> LoginLimiter:
    lim: LoginLimiter = current_app.extensions["voice_login_limiter"]
    return lim


def logged_in() -> bool:
    return bool(session.get("caregiver")) and session.get("pw") == passwords.fingerprint()


def require_login() -> BaseResponse | None:
    """Runs before every request: pages redirect to the login page, anything
    else (a form sent, an API call) gets 401."""
    if request.endpoint in PUBLIC or logged_in():
        return None
    if request.method in ("GET", "HEAD"):
        return redirect(url_for("auth.login", next=request.path))
    abort(401)


def _safe_next(target: str | None) -> str:
    # Only a path on this site: never an open redirect to elsewhere.
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return url_for("status.page")


@bp.route("/login", methods=["GET", "POST"])
def login() -> BaseResponse | str | tuple[str, int]:
    if request.method == "GET":
        if logged_in():
            return redirect(url_for("status.page"))
        return render_template("login.html", next=request.args.get("next", ""))
    who = request.remote_addr or "?"
    wait = limiter().wait_seconds(who)
    if wait > 0:
        minutes = max(1, round(wait / 60))
        error = (f"Too many wrong passwords. Wait {minutes} minute"
                 f"{'s' if minutes > 1 else ''} and try again.")
        return render_template("login.html", error=error, next=request.form.get("next", "")), 429
    if not passwords.verify(request.form.get("password", "")):
        limiter().failed(who)
        return render_template("login.html", error="That password is not right.",
                               next=request.form.get("next", "")), 401
    limiter().succeeded(who)
    session.clear()
    session.permanent = True
    session["caregiver"] = True
    session["pw"] = passwords.fingerprint()
    return redirect(_safe_next(request.form.get("next")))


@bp.route("/logout", methods=["POST"])
def logout() -> Response | BaseResponse:
    session.clear()
    return redirect(url_for("auth.login"))
