"""``voice models``: download a speech model, or list the installed ones.

This is the only place anything is fetched from the network; the assistant
itself only opens model folders that are already on disk.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from voice.cli.options import config_from_args
from voice.config import Config
from voice.models.fetch import FetchPolicy
from voice.models.install import install_model
from voice.models.manifest import DEFAULT_MODEL, MODELS, WHISPER_MODEL, resolve_spec
from voice.models.store import find_vosk_model, installed_models, models_dir

NAME = "models"
HELP = "download a speech model, or list the installed ones"
ORDER = 80
DIR_HELP = "models folder (default: models/ or $VOICE_MODELS_DIR)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="models_command", metavar="ACTION")
    dl = sub.add_parser(
        "download",
        help="download and install a model (needs internet; run once)",
        description="Download a model, check it, and install it into the models folder.",
    )
    dl.add_argument(
        "name", nargs="?", metavar="NAME",
        help=f"model to fetch (default {DEFAULT_MODEL}; known: {', '.join(sorted(MODELS))})",
    )
    dl.add_argument("--url", help="fetch from this address instead (a mirror, or another model)")
    dl.add_argument("--sha256", metavar="HEX", help="expected SHA-256 of the archive")
    dl.add_argument("--dir", metavar="DIR", help=DIR_HELP)
    dl.add_argument("--force", action="store_true", help="replace the model if already installed")
    dl.add_argument(
        "--retries", type=int, default=3, metavar="N",
        help="attempts after a broken connection (default 3)",
    )
    dl.add_argument(
        "--timeout", type=float, default=30.0, metavar="SECONDS",
        help="seconds without data before the connection counts as broken (default 30)",
    )
    ls = sub.add_parser("list", help="show the installed models and which one would be used")
    ls.add_argument("--dir", metavar="DIR", help=DIR_HELP)


def _root(args: argparse.Namespace, cfg: Config | None) -> Path:
    given = getattr(args, "dir", None)
    return Path(given).expanduser() if given else models_dir(cfg)


def _download(args: argparse.Namespace) -> int:
    spec = resolve_spec(args.name, url=args.url, sha256=args.sha256)
    root = _root(args, None)
    policy = FetchPolicy(retries=max(0, args.retries), timeout=args.timeout)
    result = install_model(spec, root, force=args.force, policy=policy)
    if result.downloaded:
        print(f"Installed {spec.name} in {result.path}. Speech recognition can use it now.")
    else:
        print(
            f"{spec.name} is already installed in {result.path}. "
            "Use --force to download it again."
        )
    return 0


def _size(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def _whisper_state(root: Path) -> str:
    """"" when the Whisper model in ``root`` verifies, else what is wrong."""
    from voice.speech_in.whisper.model_files import model_folder, model_problem

    return model_problem(model_folder(root))


def _would_use(cfg: Config, root: Path) -> str:
    # Mirrors voice.speech_in.select.load_recognizer, so this answer is what start-up does.
    named_vosk = bool(cfg.model) and Path(cfg.model).expanduser().is_dir()
    if cfg.recognizer == "whisper" or (cfg.recognizer == "auto" and not named_vosk):
        problem = _whisper_state(root)
        if not problem:
            return f"Speech recognition would use Whisper ({root / WHISPER_MODEL}, verified)."
        if cfg.recognizer == "whisper":
            return f"{problem} PocketSphinx's bundled English model would be used instead."
    if cfg.recognizer == "pocketsphinx":
        return "Speech recognition is set to PocketSphinx, which uses its bundled English model."
    if cfg.model:
        path = Path(cfg.model).expanduser()
        if path.is_dir():
            return f"Speech recognition would use the model set in the settings: {path}"
        if cfg.recognizer == "vosk":
            return (
                f"The settings name the Vosk model {path}, but that folder does not exist: "
                "the assistant will stop at start-up until the setting is fixed."
            )
        return (
            f"The settings name the Vosk model {path}, but that folder does not exist, "
            "so PocketSphinx's bundled English model is used."
        )
    chosen = find_vosk_model(root, "en")
    if chosen is not None:
        return f"Speech recognition would use: {chosen.name} ({chosen})"
    if cfg.recognizer == "vosk":
        return (
            "Vosk is chosen in the settings but no English Vosk model is installed: "
            "run 'voice models download', or the assistant will stop at start-up."
        )
    return (
        "No English Vosk model is installed, so PocketSphinx's bundled English model is used. "
        "For better recognition run: voice models download"
    )


def _stop_state(folder: Path) -> str:
    """What the "stop" word model is, and whether its files are its own."""
    from voice.speech_in.wake.stop_word import REPAIR as STOP_REPAIR
    from voice.speech_in.wake.stop_word import stop_model_problem

    problem = stop_model_problem(folder)
    what = "the 'stop' word model (say 'stop' to end an answer)"
    return f"{what}, DAMAGED: {problem} {STOP_REPAIR}" if problem else \
        f"{what}, every file verified"


def _list(args: argparse.Namespace) -> int:
    from voice.speech_in.wake.stop_word import STOP_MODEL

    cfg = config_from_args(args)
    root = _root(args, cfg)
    models = installed_models(root)
    if not models:
        print(f"No models are installed in {root}.")
    else:
        print(f"Models in {root}:")
        for m in models:
            lang = m.lang or "language unknown"
            kind = m.kind if m.kind != "unknown" else "not a model Vosk can load"
            if m.name == STOP_MODEL:
                # Shipped in models/ beside Whisper: it was listed as "not a
                # model Vosk can load, language unknown", read as broken.
                kind, lang = _stop_state(m.path), "en"
            if m.kind == "whisper" and m.name == WHISPER_MODEL:
                problem = _whisper_state(root)
                kind += ", every file verified" if not problem else ", DAMAGED: see below"
            print(f"  {m.name}  {kind}, {lang}, {_size(m.size)}  {m.path}")
    if cfg.recognizer == "auto" and not cfg.model and _whisper_state(root):
        from voice.speech_in.whisper.model_files import REPAIR

        print(f"{_whisper_state(root)} {REPAIR}")
    print(_would_use(cfg, root))
    return 0


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "models_command", None)
    if action == "download":
        return _download(args)
    if action == "list" or action is None:
        # A bare "voice models" is a question about what is there: answer it.
        return _list(args)
    print(f"voice: unknown action '{action}'. Try: voice models list", file=sys.stderr)
    return 2
