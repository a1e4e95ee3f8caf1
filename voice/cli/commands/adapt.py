"""`voice adapt`: teach the recognizer the user's voice, hands-free.

The assistant says each sentence and listens while the user repeats it;
then it builds a speaker adaptation (see ``voice.speech_in.pocketsphinx.adaptation``)
that PocketSphinx uses from then on. A caregiver can instead record the
sentences beforehand (``--from-dir``), so a tired user needs no session.
The sentences are kept, with their words, so that listening can go on
learning the voice from them and what it hears (``learning.py``). Then every
installed recognizer is measured on them (``own_voice.py``): ``auto`` uses
the one that heard this user best, and the result is said aloud.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from voice.app import Assistant, add_output_arguments, build_assistant
from voice.cli.commands.listen import READY
from voice.cli.options import add_microphone_arguments, config_from_args
from voice.config import Config
from voice.speech_in import own_voice
from voice.speech_in.pocketsphinx import adaptation as ad
from voice.speech_in.pocketsphinx.learning import VoiceLearner

NAME = "adapt"
HELP = "teach the recognizer your voice: read about 20 short sentences once"
SPEAKS_ERRORS = True
ORDER = 60

#: Seconds a sentence takes, said, heard and repeated, for the time estimate.
SECONDS_PER_SENTENCE = 12

#: Sentences in a row with nothing heard after which the session ends: the
#: user may have left, or cannot go on, and must not be asked forever.
GIVE_UP_AFTER = 3

INTRO = ("I will learn how you speak, so that I understand you better. I will say "
         "{count} short sentences, one at a time. After each one, please say it back "
         "to me in your usual voice. Say skip to leave one out, or stop to finish early. "
         "It takes about {minutes} minutes.")
PROMPT = "Please say: {sentence}"
NOTHING_HEARD = "I didn't hear anything. Let's go on to the next one."
SKIPPED = "All right, the next one."
STOPPED = "All right, I will stop asking."
GAVE_UP = "I haven't heard anything for a while, so I will stop asking."
LEARNING = "Thank you. I am learning your voice now. This takes a few seconds."
DONE = ("Done. I learned your voice from {used} sentences, and I will use it from now on. "
        "You can do this again at any time.")
VOSK_NOTE = ("Note: the adaptation is used by PocketSphinx only; listening uses Vosk now. "
             "Set [speech_in] recognizer = \"pocketsphinx\" to use it.")
#: The same for Whisper, the default once its model is installed.
WHISPER_NOTE = VOSK_NOTE.replace("uses Vosk", "uses Whisper")
RESET = ("I removed what I learned about your voice, and any recordings I kept to learn it. "
         "I will use the standard model again.")
KEPT = ("Kept the {count} sentences in {folder} (on this device only), to go on learning "
        "your voice as you speak; 'voice adapt --reset' deletes them.")
#: Said after DONE: the user may not see the screen, and should know what is kept.
KEPT_SPOKEN = ("I keep the sentences you read, on this device only, to go on learning "
               "your voice as you speak.")
NOT_KEPT = "Could not keep the sentences to go on learning your voice as you speak: {why}."
NOTHING_TO_RESET = "There was no adaptation to your voice to remove."
#: With the comparison, what is used is said after it (DONE says "it").
LEARNED = "I learned your voice from {used} sentences."
COMPARING = ("Now I am checking which speech recognizer hears you best. "
             "This takes about a minute.")
NOT_COMPARED = "I could not compare the speech recognizers on your voice."
#: Said after the comparison when the settings name a recognizer: it stays.
NOT_AUTO = ("Your settings choose {engine}, so I keep using it; set the recognizer to "
            "auto to use the one that hears you best.")


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not ad.MIN_RECORDINGS <= value <= 100:
        raise argparse.ArgumentTypeError(f"give a number between {ad.MIN_RECORDINGS} and 100")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from-dir", metavar="DIR", type=Path,
                        help="build from recordings NAME.wav with their words in NAME.txt "
                             "instead of the microphone")
    parser.add_argument("--reset", action="store_true",
                        help="forget the adaptation to your voice and the recordings kept "
                             "to learn it")
    parser.add_argument("--sentences", type=_count, default=ad.DEFAULT_SENTENCES, metavar="N",
                        help=f"how many sentences to read (default {ad.DEFAULT_SENTENCES})")
    parser.add_argument("--list", action="store_true",
                        help="print the sentences to read (for recording them beforehand)")
    parser.add_argument("--no-compare", action="store_true",
                        help="do not measure which installed recognizer hears you best "
                             "(about a minute)")
    add_microphone_arguments(parser, "sentence")
    add_output_arguments(parser)


def sentences(cfg: Config, count: int) -> list[str]:
    from voice.content.loader import load_knowledge

    kb = load_knowledge(cfg.content_dirs)
    return ad.prompts((e.answer for e in kb.entries), count)


def run(args: argparse.Namespace) -> int:
    cfg = config_from_args(args)
    if args.list:
        for s in sentences(cfg, args.sentences):
            print(s)
        return 0
    assistant = build_assistant(cfg, args, persist=False)
    if args.reset:
        # All of it: what the user read (transform and sentences), and what was
        # learned from listening (with the questions it kept).
        removed = ad.remove_transform()
        removed = ad.forget_enrolment() or removed
        removed = VoiceLearner().forget() or removed
        removed = own_voice.forget() or removed
        _tell(assistant, RESET if removed else NOTHING_TO_RESET)
        return 0
    # Before any reading: twenty sentences for nothing would be cruel.
    ad.check_tools()
    if cfg.recognizer == "auto" and not args.no_compare:
        pass  # the comparison at the end says which engine will be used, and why
    elif _uses_vosk(cfg):
        print(VOSK_NOTE, file=sys.stderr, flush=True)
    elif _uses_whisper(cfg):
        print(WHISPER_NOTE, file=sys.stderr, flush=True)
    if args.from_dir is not None:
        recordings = ad.recordings_from_dir(args.from_dir)
    else:
        recordings = _record(cfg, args, assistant, sentences(cfg, args.sentences))
        _tell(assistant, LEARNING)
    result = ad.build_transform(recordings)
    # A fresh start from this reading: what was learned before it (and the
    # questions heard then) is the voice as it was, and learning counts its
    # first questions again from here.
    VoiceLearner().forget()
    print(f"Saved {result.path} ({result.used} recordings used, {result.skipped} left out, "
          f"{result.seconds:.1f} s).", file=sys.stderr)
    kept = _keep(cfg, recordings)
    kept_line = f" {KEPT_SPOKEN}" if kept else ""
    if args.no_compare:
        # A comparison made on an earlier reading no longer describes this one.
        own_voice.forget()
        _tell(assistant, DONE.format(used=result.used) + kept_line)
        return 0
    _tell(assistant, LEARNED.format(used=result.used) + kept_line)
    _compare(cfg, assistant, recordings)
    return 0


def _compare(cfg: Config, assistant: Assistant, recordings: list[ad.Recording]) -> None:
    """Measure every installed recognizer on ``recordings``, keep the result
    for ``auto``, print the figures and say the outcome."""
    from voice.content.loader import load_knowledge

    _tell(assistant, COMPARING)
    kb = load_knowledge(cfg.content_dirs)
    result = own_voice.measure(recordings, kb, own_voice.other_engines(cfg, kb),
                               adapt=cfg.adaptation)
    path = own_voice.save(result)
    for line in own_voice.doctor_lines(result):
        print(f"  {line}", file=sys.stderr)
    print(f"Saved {path} ({result.seconds:.0f} s).", file=sys.stderr)
    summary = own_voice.spoken_summary(result)
    if summary and result.best is not None and cfg.recognizer not in ("auto", result.best):
        summary += " " + NOT_AUTO.format(engine=own_voice.DISPLAY.get(cfg.recognizer,
                                                                      cfg.recognizer))
    _tell(assistant, (summary or NOT_COMPARED) + " You can do this again at any time.")


def _keep(cfg: Config, recordings: list[ad.Recording]) -> int:
    """Keep the sentences with their true words (listening builds on them);
    how many were kept."""
    if not cfg.learn_voice:
        # No learning, so no use for them: the user's voice is not kept.
        ad.forget_enrolment()
        return 0
    try:
        count = ad.keep_enrolment(recordings)
    except OSError as e:
        # The adaptation itself is saved and works; only learning on is lost.
        # Older sentences would no longer match it: none is better.
        ad.forget_enrolment()
        print(NOT_KEPT.format(why=e), file=sys.stderr)
        return 0
    print(KEPT.format(count=count, folder=ad.default_enrolment_dir()), file=sys.stderr)
    return count


def _uses_vosk(cfg: Config) -> bool:
    """Whether listening would use Vosk, which this adaptation does not change."""
    if cfg.recognizer != "auto":
        return cfg.recognizer == "vosk"
    if cfg.model:
        return Path(cfg.model).expanduser().is_dir()
    from voice.config import default_models_dir
    from voice.models.store import installed_models

    # The same rule as voice.speech_in.select: only an English Vosk model is used.
    return any(m.kind == "vosk" and m.lang.lower().split("-")[0] == "en"
               for m in installed_models(default_models_dir()))


def _uses_whisper(cfg: Config) -> bool:
    """Whether listening would use Whisper (verified model, as voice.speech_in.select)."""
    if cfg.recognizer not in ("auto", "whisper"):
        return False
    from voice.config import default_models_dir
    from voice.speech_in.whisper.model_files import model_folder, model_problem

    return not model_problem(model_folder(default_models_dir()))


def _tell(assistant: Assistant, text: str) -> None:
    """Say it and let it finish: the microphone must not hear the assistant."""
    assistant.say(text)
    assistant.wait()


def _record(cfg: Config, args: argparse.Namespace, assistant: Assistant,
            texts: list[str]) -> list[ad.Recording]:
    from voice.audio.capture import Microphone
    from voice.audio.devices import find_input_device

    find_input_device(cfg.input_device)  # one clear line now if there is none
    mic = Microphone.from_config(cfg)
    minutes = max(1, round(len(texts) * SECONDS_PER_SENTENCE / 60))
    _tell(assistant, INTRO.format(count=len(texts), minutes=minutes))
    recordings: list[ad.Recording] = []
    commands = ad.CommandListener()
    missed = 0
    for text in texts:
        _tell(assistant, PROMPT.format(sentence=text))
        _cue(args, cfg, "listening")
        utt = mic.listen_until_heard(on_event=lambda name: _on_event(assistant, name))
        if utt is None or not utt.heard_speech:
            missed += 1
            if missed >= GIVE_UP_AFTER:
                _tell(assistant, GAVE_UP)
                break
            _tell(assistant, NOTHING_HEARD)
            continue
        _cue(args, cfg, "stopped")
        missed = 0
        spoken = (utt.speech_end or 0.0) - (utt.speech_start or 0.0)
        command = commands.command(utt.clip, text, spoken)
        if command == "stop":
            _tell(assistant, STOPPED)
            break
        if command == "skip":
            _tell(assistant, SKIPPED)
            continue
        recordings.append(ad.Recording(utt.clip, text))
    return recordings


def _on_event(assistant: Assistant, name: str) -> None:
    from voice.audio.capture import EVENT_MESSAGES

    if name == "listening":
        print(READY, file=sys.stderr, flush=True)
    elif name in EVENT_MESSAGES:
        # Microphone unplugged or back: the user must hear it, as in `voice listen`.
        _tell(assistant, EVENT_MESSAGES[name])


def _cue(args: argparse.Namespace, cfg: Config, name: str) -> None:
    if not args.no_cues:
        from voice.audio.cues import play_cue

        play_cue(name, device=cfg.output_device, blocking=True)
