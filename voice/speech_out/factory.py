"""Choose the speaker for this run from the settings and the machine."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from voice.config import Config
from voice.speech_out.base import Speaker, VoiceSettings
from voice.speech_out.output import find_output_device, output_devices
from voice.speech_out.print_speaker import PrintOnlySpeaker
from voice.speech_out.synth import default_synth, require_espeak
from voice.speech_out.tts_speaker import TtsSpeaker
from voice.speech_out.wav_speaker import WavFileSpeaker

NO_SPEAKER = "No speaker found: I will print my answers instead."
#: The sound server runs but PortAudio sees nothing: ALSA cannot reach it.
NO_PLUGIN = ("To hear them, install the ALSA plugin for the sound server: "
             "sudo apt-get install libasound2-plugins.")


def settings_from_config(cfg: Config) -> VoiceSettings:
    """The voice settings the configuration asks for."""
    return VoiceSettings(rate=cfg.rate, volume=cfg.volume, voice=cfg.voice)


def make_speaker(
    cfg: Config,
    speak_to: Path | None,
    no_speak: bool,
    notify: Callable[[str], None],
    *,
    echo: bool = True,
) -> Speaker:
    """The speaker to use, in this order of preference:

    ``--no-speak`` prints; ``--speak-to DIR`` writes WAVs; no audio output
    device prints (said once through ``notify``); otherwise the real speaker.
    Raises SpeechOutputUnavailable when espeak-ng is needed but missing.

    ``echo=False`` is for callers that print every reply themselves: the
    print-only speaker then prints nothing, and neither does the real speaker
    when its device disappears (it still says so once through ``notify``).
    """
    printer = PrintOnlySpeaker(echo=echo)
    if no_speak:
        return printer
    if speak_to is not None:
        return WavFileSpeaker(speak_to, default_synth(settings_from_config(cfg)))
    from voice.audio.sound_server import ensure_sound_server

    # PortAudio lists no device at all without a sound server: start one first.
    server = ensure_sound_server()
    devices = output_devices()
    if not devices:
        notify(f"{NO_SPEAKER} {server.advice or NO_PLUGIN}")
        return printer
    require_espeak()
    device = None
    if cfg.output_device.strip():
        found = find_output_device(cfg.output_device)
        if found is None:
            # A typo in the settings should not silence the assistant: say so, play anyway.
            names = ", ".join(d.name for d in devices)
            notify(
                f"I could not find the speaker called '{cfg.output_device}', so I will use "
                f"the default one. Speakers I can use: {names}."
            )
        else:
            device = found.index
    synth = default_synth(settings_from_config(cfg))
    return TtsSpeaker(synth, device=device, notify=notify, printer=printer)
