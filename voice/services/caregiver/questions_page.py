"""Questions: what was asked (when the log is on), unanswered first; add a
question as a phrasing of an entry in one click; delete the log."""

from __future__ import annotations

import time

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from voice.errors import VoiceError
from voice.services import question_log
from voice.services.caregiver.app import load_config, options
from voice.services.caregiver.content_page import knowledge
from voice.services.caregiver.content_store import add_phrasing

bp = Blueprint("questions", __name__)

#: Choices of how far back to look, in days.
PERIODS = (1, 7, 30)

OUTCOME_LABELS = {
    "no_match": "not answered",
    "confirm": "offered (Did you mean ...?)",
    "emergency": "emergency advice",
    "answer": "answered",
}


def _days() -> int:
    try:
        days = int(request.args.get("days", "7"))
    except ValueError:
        days = 7
    return days if days in PERIODS else 7


def _render(errors: dict[str, str], status: int = 200) -> tuple[str, int]:
    try:
        logging_on = load_config(options()).question_log
    except VoiceError:
        logging_on = False
    days = _days()
    questions = question_log.unanswered_first(question_log.read(days=days))
    try:
        entries = knowledge().entries
    except VoiceError as e:
        entries = ()
        errors = {**errors, "form": e.message}
    # A question already added as a way of asking says so (and to what).
    added = {" ".join(p.split()).casefold(): e for e in entries for p in e.phrasings}
    return render_template(
        "questions.html", questions=questions[:300], total=len(questions), days=days,
        added=lambda text: added.get(" ".join(text.split()).casefold()),
        periods=PERIODS, logging_on=logging_on, entries=entries, labels=OUTCOME_LABELS,
        errors=errors,
        when=lambda t: time.strftime("%a %d %b %H:%M", time.localtime(t))), status


@bp.route("/questions")
def page() -> tuple[str, int]:
    return _render({})


@bp.route("/questions/add", methods=["POST"])
def add() -> BaseResponse | tuple[str, int]:
    text = request.form.get("text", "")
    entry_id = request.form.get("entry_id", "")
    kb = knowledge()
    try:
        entry = kb.by_id(entry_id)
    except KeyError:
        return _render({"form": "Choose an entry for the question."}, status=400)
    errors = add_phrasing(kb, entry, text)
    if errors:
        return _render(errors, status=400)
    flash(f"Added \u201c{text.strip()}\u201d to \u201c{entry.title}\u201d.")
    return redirect(url_for("questions.page", days=_days()))


@bp.route("/questions/delete", methods=["POST"])
def delete() -> BaseResponse:
    question_log.delete()
    flash("The question log was deleted.")
    return redirect(url_for("questions.page"))
