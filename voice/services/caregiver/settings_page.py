"""Settings: rate, volume, voice, timeouts, button mode and the question log;
and the settings file's mistakes, each with its fix."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from voice.errors import VoiceError
from voice.services.caregiver import settings_store
from voice.services.caregiver.app import load_config, options

bp = Blueprint("settings", __name__)


def _render(values: dict[str, object], errors: dict[str, str], saved: bool = False,
            status: int = 200, done: str = "") -> tuple[str, int]:
    path = settings_store.settings_path(options().config_file)
    mistakes = settings_store.file_mistakes(path)
    # Not TOML at all: shown with its line and the reset button, since no
    # setting in it can be fixed one by one.
    broken = settings_store.broken_file(path)
    try:
        problems = load_config(options(), forgiving=True).problems
    except VoiceError as e:
        problems = (e.message,)
    # Mistakes elsewhere (another settings file, two settings that disagree)
    # are shown as lines; those in this file with their buttons.
    listed = " ".join(m.message for m in mistakes)
    others = [p for p in problems if p not in listed
              and not (broken is not None and p.startswith(f"{path}: "))]
    return render_template("settings.html", fields=settings_store.FIELDS, values=values,
                           errors=errors, saved=saved, path=path, mistakes=mistakes,
                           others=others, done=done, broken=broken,
                           live=settings_store.LIVE_KEYS), status


def _values() -> dict[str, object]:
    return settings_store.current_values(load_config(options(), forgiving=True))


def _values_or_none() -> dict[str, object]:
    """``_values``, or none when the settings cannot be read at all (the
    --config file gone): ``_render`` then lists why, instead of a 500."""
    try:
        return _values()
    except VoiceError:
        return {}


@bp.route("/settings", methods=["GET"])
def page() -> tuple[str, int]:
    try:
        values = _values()
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
        settings_store.save(settings_store.settings_path(options().config_file), values,
                            _values())
    except VoiceError as e:
        return _render(shown, {"form": e.message}, status=400)
    return _render(_values(), {}, saved=True)


@bp.route("/settings/fix", methods=["POST"])
def fix() -> tuple[str, int]:
    """Remove a setting with a mistake, or move its value to the nearest valid name."""
    path = settings_store.settings_path(options().config_file)
    try:
        done = settings_store.fix_mistake(path, request.form.get("mistake", ""),
                                          request.form.get("action", ""))
    except VoiceError as e:
        return _render(_values_or_none(), {"form": e.message}, status=400)
    return _render(_values_or_none(), {}, done=done)


@bp.route("/settings/reset", methods=["POST"])
def reset() -> tuple[str, int]:
    """Keep a settings file that is not valid TOML as <name>.broken and start
    again from the defaults: the only fix a phone can make to it."""
    path = settings_store.settings_path(options().config_file)
    try:
        done = settings_store.reset_broken(path)
    except VoiceError as e:
        return _render(_values_or_none(), {"form": e.message}, status=400)
    return _render(_values_or_none(), {}, done=done)
