"""What the service tells a client that sends Describe (Home Assistant does,
when the Wyoming integration is added): its ``handle`` and ``asr`` programs."""

from __future__ import annotations

from wyoming.info import AsrModel, AsrProgram, Attribution, HandleModel, HandleProgram, Info

from voice import __version__

HANDLE_NAME = "voice-answers"
ASR_NAME = "voice-speech"
LANGUAGES = ["en"]
_US = Attribution(name="voice", url="")
#: Where each engine comes from, for its attribution.
_ENGINES = {
    "pocketsphinx": "https://github.com/cmusphinx/pocketsphinx",
    "vosk": "https://alphacephei.com/vosk/",
    "whisper": "https://github.com/SYSTRAN/faster-whisper",
    "faster-whisper": "https://github.com/SYSTRAN/faster-whisper",
}


def service_info(recognizer_name: str | None) -> Info:
    """The Info event's content; no asr program when no recognizer is loaded."""
    handle = HandleProgram(
        name=HANDLE_NAME,
        attribution=_US,
        installed=True,
        description="Spoken answers about chronic spasms and neuromuscular disorders "
                    "(health information, not medical advice)",
        version=__version__,
        models=[HandleModel(name="faq", attribution=_US, installed=True,
                            description="The assistant's questions and answers",
                            version=__version__, languages=LANGUAGES)],
    )
    asr = []
    if recognizer_name is not None:
        engine = Attribution(name=recognizer_name, url=_ENGINES.get(recognizer_name, ""))
        asr.append(AsrProgram(
            name=ASR_NAME,
            attribution=_US,
            installed=True,
            description=f"The assistant's speech recognizer ({recognizer_name}), "
                        "taught the questions' words",
            version=__version__,
            models=[AsrModel(name=recognizer_name, attribution=engine, installed=True,
                             description=None, version=None, languages=LANGUAGES)],
        ))
    return Info(asr=asr, handle=[handle])
