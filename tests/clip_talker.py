"""The assistant talking, for barge-in tests: a ClipPlayer playing one clip,
with the talker interface BargeIn.watch uses (as TtsSpeaker offers it)."""

from __future__ import annotations

from voice.audio.clip import AudioClip
from voice.speech_out.output import ClipPlayer


class ClipTalker:
    """``clip`` (the words ``text``) fed to a ClipPlayer, ready to start."""

    def __init__(self, clip: AudioClip, text: str) -> None:
        self.player = ClipPlayer(clip.rate)
        self.player.feed(clip, text)
        self.player.finish()

    @property
    def speaking(self) -> bool:
        return not self.player.wait(0)

    def stop_speaking(self) -> None:
        self.player.stop()

    def wait(self) -> None:
        self.player.wait()
