"""Status: what ``voice doctor`` reports, and the question log's state."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from flask import Blueprint, redirect, render_template, url_for
from werkzeug.wrappers import Response as BaseResponse

from voice.cli.commands.doctor import Check, run_checks, settings_failures, summary
from voice.errors import VoiceError
from voice.services import question_log
from voice.services.caregiver.app import load_config, options

bp = Blueprint("status", __name__)

#: The checks take a few seconds (they speak a test sentence, record from the
#: microphone and load the recognizers), so their result is kept this long.
CACHE_SECONDS = 120.0
#: What to do about a settings mistake, said after the last one.
PAGE_FIX = ("fix or remove each one on the Settings page; the assistant uses the usual "
            "value for those meanwhile")


@dataclass
class _Cache:
    checks: list[Check] = field(default_factory=list)
    when: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


_cache = _Cache()


def _checks(fresh: bool = False) -> tuple[list[Check], float]:
    with _cache.lock:
        if fresh or not _cache.checks or time.time() - _cache.when > CACHE_SECONDS:
            try:
                # As the assistant reads them: an old mistake (`rat = 120`)
                # left the page with that one line and none of the checks.
                cfg = load_config(options())
                checks = [*(settings_failures("\n".join(cfg.problems), PAGE_FIX)
                            if cfg.problems else [Check("Settings", "ok", "loaded")]),
                          *run_checks(cfg)]
            except VoiceError as e:
                checks = [Check("Settings", "FAIL", e.message, PAGE_FIX)]
            _cache.checks, _cache.when = checks, time.time()
        return list(_cache.checks), _cache.when


@bp.route("/")
def page() -> str:
    checks, when = _checks()
    try:
        logging_on = load_config(options()).question_log
    except VoiceError:
        logging_on = False
    # The doctor prints its summary under the checks; the page shows it above.
    text = summary(checks).replace("The lines above say", "The lines below say")
    return render_template("status.html", checks=checks, summary=text,
                           checked=time.strftime("%H:%M:%S", time.localtime(when)),
                           logging_on=logging_on, asked=len(question_log.read()))


@bp.route("/status/refresh", methods=["POST"])
def refresh() -> BaseResponse:
    _checks(fresh=True)
    return redirect(url_for("status.page"))
