"""Errors of the assistant.

Every error carries a message written to be spoken aloud: the user may not be
able to reach a keyboard or see a screen, so the text says what happened and
what to do next in plain words.
"""


class VoiceError(Exception):
    """Base of every error the assistant reports to its user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ContentInvalid(VoiceError, ValueError):
    """A content file is missing, unreadable or malformed (message names file and line)."""


class ConfigInvalid(VoiceError, ValueError):
    """A configuration value is wrong (message names the key)."""

    def __init__(self, message: str, values: dict[str, object] | None = None) -> None:
        super().__init__(message)
        #: The settings of the file that were right (config.load(forgiving=True) uses them).
        self.values: dict[str, object] = dict(values or {})


class ModelMissing(VoiceError, FileNotFoundError):
    """A speech model is not installed or not usable."""


class ModelDownloadFailed(VoiceError):
    """Fetching or unpacking a model failed."""


class MicrophoneUnavailable(VoiceError):
    """No microphone, or it disappeared."""


class SpeechOutputUnavailable(VoiceError):
    """No way to speak (no espeak-ng, no audio output)."""


class DeviceUnavailable(VoiceError):
    """A button or LED could not be set up."""
