"""Whisper (faster-whisper, CTranslate2 int8 on the CPU) with tiny.en.

Imports stay lazy: ``faster_whisper`` is only imported when a model loads.
"""

from voice.speech_in.whisper.engine import ENGINE, WhisperRecognizer, WhisperStream

__all__ = ["ENGINE", "WhisperRecognizer", "WhisperStream"]
