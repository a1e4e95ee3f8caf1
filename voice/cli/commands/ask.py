"""`voice ask`: answer questions given on the command line, stdin or as WAV files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from voice.app import Assistant, add_output_arguments, build_assistant
from voice.cli.options import add_recognizer_arguments, config_from_args
from voice.cli.typed import typed_line
from voice.config import Config
from voice.conversation import Conversation
from voice.errors import VoiceError

NAME = "ask"
HELP = "answer a question (or, with --json and no question, one per line of stdin)"
ORDER = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", nargs="*", help="the question, in words")
    parser.add_argument("--json", action="store_true", help="print one JSON object per question")
    parser.add_argument(
        "--audio", nargs="+", metavar="WAV", help="transcribe these WAV files and answer each"
    )
    add_recognizer_arguments(parser)
    add_output_arguments(parser)


def _fresh(assistant: Assistant) -> None:
    """Each question is its own session: answers never depend on the order asked."""
    old = assistant.conversation
    assistant.conversation = Conversation(old.kb, old.matcher, old.settings, paged=False,
                                          usual=old.usual)


def run(args: argparse.Namespace) -> int:
    cfg = config_from_args(args)
    if args.json and args.speak_to is None:
        # JSON is for scripts: nothing is spoken, so no speaker is looked for
        # (it printed "No speaker found" on stderr though asked for none).
        args.no_speak = True
    assistant = build_assistant(cfg, args, json_lines=args.json, persist=False)
    if args.audio:
        if args.question:
            raise VoiceError("Give either a question or --audio files, not both.")
        return _ask_audio(cfg, assistant, args)
    questions = [" ".join(args.question)] if args.question else None
    if questions is None:
        if not args.json:
            raise VoiceError('Ask a question, for example: voice ask "is there a cure?"')
        # Piped lines may carry a terminal's keys too (voice/cli/typed.py).
        questions = (typed_line(line.rstrip("\n"))  # type: ignore[assignment]
                     for line in sys.stdin)
    for question in questions or []:
        _answer(assistant, question)
    assistant.wait()
    return 0


def _answer(assistant: Assistant, text: str) -> None:
    _fresh(assistant)
    assistant.handle_text(text)
    assistant.wait()


def _ask_audio(cfg: Config, assistant: Assistant, args: argparse.Namespace) -> int:
    from voice.audio.clip import read_wav
    from voice.audio.vad import speech_seconds
    from voice.speech_in.select import load_recognizer

    recognizer = load_recognizer(cfg, announce=lambda m: print(m, file=sys.stderr, flush=True))
    status = 0
    for path in args.audio:
        try:
            clip = read_wav(path)
        except OSError as e:
            status = _unusable(args, path, f"cannot read this file ({e.strerror}).")
            continue
        except ValueError as e:
            # The way forward too: sox (installed with the assistant) converts.
            status = _unusable(args, path, f"cannot use this file: {e}. Convert it first, for "
                                           f"example: sox {path} -b 16 {Path(path).stem}-16bit.wav")
            continue
        _fresh(assistant)
        # Seconds of speech, not of the file: a long silent file is not "too
        # much at once" (LONG_SPEECH_SECONDS).
        spoken = speech_seconds(clip.to_mono().resampled().samples)
        assistant.handle_heard(recognizer.transcribe(clip), source=path, seconds=spoken)
        assistant.wait()
    return status


def _unusable(args: argparse.Namespace, path: str, why: str) -> int:
    """Say why ``path`` is not answered; with --json also as its one object on
    stdout, so a script reading one line per file stays in step."""
    print(f"voice: {path}: {why}", file=sys.stderr)
    if args.json:
        print(json.dumps({"file": path, "error": why}, ensure_ascii=False), flush=True)
    return 2
