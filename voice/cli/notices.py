"""Start-up notices that are said aloud as well as printed."""

from __future__ import annotations


def aloud(line: str) -> str:
    """``line`` as it is spoken: without the voice adaptation's file path.

    The path helps a caregiver at the screen, so the printed line keeps it;
    read out it becomes a long run of "slash" words that buries the message.
    """
    from voice.speech_in.adaptation import default_transform_path

    path = str(default_transform_path())
    return line.replace(f" in {path}", "").replace(f" at {path}", "")
