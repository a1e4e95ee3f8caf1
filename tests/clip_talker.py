"""The assistant talking, for barge-in tests: a ClipPlayer playing one clip,
with the talker interface BargeIn.watch uses (as TtsSpeaker offers it)."""

from __future__ import annotations

from typing import Any

from voice.audio.clip import AudioClip
from voice.speech_out.output import ClipPlayer


class ClipTalker:
    """``clip`` (the words ``text``) fed to a ClipPlayer, ready to start;
    ``fed=False``: fed later by ``feed()``, after the player started (as the
    speaker does)."""

    def __init__(self, clip: AudioClip, text: str, fed: bool = True) -> None:
        self.clip, self.text = clip, text
        self.player = ClipPlayer(clip.rate)
        if fed:
            self.feed()

    def feed(self) -> None:
        self.player.feed(self.clip, self.text)
        self.player.finish()

    @property
    def speaking(self) -> bool:
        return not self.player.wait(0)

    def stop_speaking(self) -> None:
        self.player.stop()

    def wait(self) -> None:
        self.player.wait()


def read_through(barge: Any, talker: ClipTalker) -> str | None:
    """``talker``'s clip played while ``barge`` (a BargeIn) watches, until it
    ends or is stopped; what stopped it. Both are closed afterwards."""
    try:
        talker.player.start()
        return barge.watch(talker)
    finally:
        talker.player.close()
        barge.close()
