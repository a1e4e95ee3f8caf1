"""Content: the list of entries, and adding or editing one with its phrasings."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from voice.content.loader import load_knowledge
from voice.content.model import Entry, KnowledgeBase
from voice.errors import VoiceError
from voice.services.caregiver.app import load_config, options
from voice.services.caregiver.content_store import EntryForm, file_version, save_entry

bp = Blueprint("content", __name__)


def knowledge() -> KnowledgeBase:
    # A broken file is left out (and listed on the page), as the assistant
    # leaves it out: one file's mistake must not lock the caregiver out of
    # every other entry (the page answered 500 "Content has a mistake").
    return load_knowledge(load_config(options()).content_dirs, forgiving=True)


def _entry(kb: KnowledgeBase, entry_id: str) -> Entry:
    try:
        return kb.by_id(entry_id)
    except KeyError:
        abort(404)


@bp.route("/content")
def page() -> tuple[str, int]:
    try:
        kb = knowledge()
    except VoiceError as e:
        return render_template("error.html", title="Content has a mistake",
                               message=e.message), 500
    return render_template("content.html", kb=kb), 200


def _edit(kb: KnowledgeBase, form: EntryForm, original: Entry | None,
          errors: dict[str, str], status: int = 200) -> tuple[str, int]:
    return render_template("entry.html", form=form, original=original, errors=errors,
                           files=kb.files), status


@bp.route("/content/new", methods=["GET"])
def new() -> tuple[str, int]:
    kb = knowledge()
    faq_files = [e.source.rpartition(":")[0] for e in kb.entries if e.kind == "faq"]
    file = faq_files[0] if faq_files else kb.files[0]
    return _edit(kb, EntryForm(file=file, version=file_version_of(file)), None, {})


def file_version_of(file: str) -> str:
    from pathlib import Path

    return file_version(Path(file))


@bp.route("/content/new", methods=["POST"])
def create() -> BaseResponse | tuple[str, int]:
    kb = knowledge()
    form = EntryForm.from_form(request.form)
    errors = save_entry(kb, form, None)
    if errors:
        return _edit(kb, form, None, errors, 400)
    flash(f"Saved \u201c{form.title}\u201d.")
    return redirect(url_for("content.page"))


@bp.route("/content/<entry_id>", methods=["GET"])
def edit(entry_id: str) -> tuple[str, int]:
    kb = knowledge()
    entry = _entry(kb, entry_id)
    return _edit(kb, EntryForm.of(entry), entry, {})


@bp.route("/content/<entry_id>", methods=["POST"])
def update(entry_id: str) -> BaseResponse | tuple[str, int]:
    kb = knowledge()
    entry = _entry(kb, entry_id)
    form = EntryForm.from_form(request.form)
    # The file is the entry's own; a form cannot move it to another file.
    form.file = entry.source.rpartition(":")[0]
    errors = save_entry(kb, form, entry)
    if errors:
        return _edit(kb, form, entry, errors, 400)
    flash(f"Saved \u201c{form.title}\u201d.")
    return redirect(url_for("content.page"))
