"""``voice serve``: the assistant as a Wyoming service (Home Assistant, Rhasspy).

It answers questions (the ``handle`` program, Home Assistant's conversation
agent) and transcribes speech with the assistant's recognizer (``asr``).
Nothing is spoken here: the client speaks the answers. See
docs/home-assistant.md.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from voice.cli.options import add_recognizer_arguments, config_from_args, seconds
from voice.services.wyoming.binding import DEFAULT_URI, parse_uri
from voice.services.wyoming.limits import IDLE_SECONDS

NAME = "serve"
HELP = "serve Home Assistant and other Wyoming clients: answers (handle) and speech (asr)"
ORDER = 40


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--uri", default=DEFAULT_URI,
        help=f"where to listen: tcp://HOST:PORT or unix:///PATH (default {DEFAULT_URI}, "
             "this computer only; tcp://0.0.0.0:10700 for every network interface)")
    parser.add_argument("--no-asr", action="store_true",
                        help="answer questions only; do not load the speech recognizer")
    parser.add_argument("--idle-timeout", type=seconds, default=IDLE_SECONDS, metavar="S",
                        help=f"close a connection that sends nothing for S seconds "
                             f"(default {IDLE_SECONDS:g})")
    parser.add_argument("--debug", action="store_true", help="log every event")
    add_recognizer_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from voice.app import load_matcher, voice_settings
    from voice.services.wyoming.limits import Limits
    from voice.services.wyoming.server import WyomingService

    logging.basicConfig(level=logging.DEBUG if args.debug else logging.INFO,
                        format="voice serve: %(message)s", stream=sys.stderr)
    log = logging.getLogger("voice.serve")
    binding = parse_uri(args.uri)
    # A mistake in a settings or content file is logged and set aside, not
    # fatal: systemd would restart the service every 5 s, and every satellite
    # in the house would lose its answers (as at home: voice/app.py).
    cfg = config_from_args(args, forgiving=True)
    matcher = load_matcher(cfg, forgiving=True)
    for problem in cfg.problems:
        log.warning("%s (set aside: fix it and restart)", problem)
    for problem in matcher.kb.problems:
        log.warning("%s (set aside: the file is read again once it is changed)", problem)
    recognizer = None
    if not args.no_asr:
        from voice.speech_in.select import load_recognizer_or_usual

        recognizer = load_recognizer_or_usual(cfg, announce=log.info, kb=matcher.kb,
                                              warn=log.warning)
        from voice.matching.sound_alike import warm_up

        warm_up(matcher)  # the first doubtful spoken question need not read the CMU dictionary
    settings, _ = voice_settings(cfg, persisted=False)
    # A fix made on the caregiver's page (or in an editor) is used from the
    # next question, without a restart; the recognizer follows it.
    from voice.services.content_reload import ContentReload, settings_files

    # The settings files too: new thresholds or content folders from the next question.
    reload = ContentReload(cfg, matcher, read_settings=lambda: config_from_args(
        args, forgiving=True), settings_files=tuple(settings_files(args)))
    if recognizer is not None:
        reload.follow(recognizer)
    service = WyomingService(matcher.kb, matcher, recognizer, settings=settings,
                             limits=replace(Limits(), idle_seconds=args.idle_timeout),
                             reload=reload)
    warning = binding.warning()
    if warning:
        log.warning(warning)
    programs = "handle" + ("" if recognizer is None else " and asr")
    try:
        asyncio.run(service.serve(binding, lambda: log.info(
            "serving %s on %s (Ctrl+C to stop)", programs, binding.uri)))
    except OSError as e:
        import errno

        from voice.errors import VoiceError

        hint = (" Is another service using it? Choose another with --uri."
                if e.errno == errno.EADDRINUSE else "")
        raise VoiceError(f"cannot listen on {binding.uri}: {e.strerror or e}.{hint}") from None
    return 0
