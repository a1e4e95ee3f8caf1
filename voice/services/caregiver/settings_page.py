"""Settings: rate, volume, voice, timeouts, button mode and the question log."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from voice.errors import VoiceError
from voice.services.caregiver import settings_store
from voice.services.caregiver.app import load_config, options

bp = Blueprint("settings", __name__)


def _render(values: dict[str, object], errors: dict[str, str], saved: bool = False,
            status: int = 200) -> tuple[str, int]:
    path = settings_store.settings_path(options().config_file)
    return render_template("settings.html", fields=settings_store.FIELDS, values=values,
                           errors=errors, saved=saved, path=path,
                           live=settings_store.LIVE_KEYS), status


@bp.route("/settings", methods=["GET"])
def page() -> tuple[str, int]:
    try:
        values = settings_store.current_values(load_config(options()))
    except VoiceError as e:
        return _render({}, {"form": e.message}, status=500)
    return _render(values, {})


@bp.route("/settings", methods=["POST"])
def save() -> tuple[str, int]:
    form = {k: v for k, v in request.form.items() if k != "csrf_token"}
    values, errors = settings_store.parse_form(form)
    shown: dict[str, object] = {**form, **values}
    if "questions.log" not in form:
        shown["questions.log"] = False
    if errors:
        return _render(shown, errors, status=400)
    try:
        current = settings_store.current_values(load_config(options()))
        settings_store.save(settings_store.settings_path(options().config_file), values, current)
    except VoiceError as e:
        return _render(shown, {"form": e.message}, status=400)
    return _render(settings_store.current_values(load_config(options())), {}, saved=True)
