"""Getting used to the user's voice while they use the assistant.

``voice adapt`` asks the user to read sentences; many users will never do
that, or cannot. This does the same MLLR speaker adaptation without asking:
the recognizer's own transcripts of what it heard stand in for the text the
user read. They are often wrong, but one linear map of the model's Gaussian
means over many utterances averages the errors out.

Measured on the tuning questions (six espeak-ng conditions, two halves, each
half decoded with a language model that had not seen its questions): the
transform learned from one half's transcripts, with no labels, took the other
half from 45.1 % to 57.8 % right entry; out-of-scope declined stayed at 84 %.
The first 10 utterances give as much as 20 or all 81 (see FIRST_AFTER).

After ``voice adapt`` it goes on learning, for a voice that changes over
months: each build uses the sentences read for ``voice adapt`` (kept with
their true words, see ``adaptation.keep_enrolment``) plus the utterances heard
since, and the recognizer starts from the ``voice adapt`` transform, whose
better transcripts are what is learned from. ``start_transform`` says which
transform a new start uses.

The recent utterances (16 kHz WAV and transcript) are kept in the user's
state folder, never anywhere else; ``voice adapt --reset`` deletes them, and
``[speech_in] learn_voice = false`` switches this off.
"""

from __future__ import annotations

import shutil
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from voice.audio.clip import AudioClip
from voice.config import user_state_dir
from voice.speech_in.pocketsphinx.adaptation import (
    AdaptationFailed,
    Recording,
    TooFewRecordings,
    build_transform,
    read_recordings,
    save_recording,
    transform_problem,
)
from voice.speech_in.pocketsphinx.lexicon import words_of

#: Utterances heard before the first transform is built. Measured on the
#: tuning halves (six espeak-ng conditions, language model without the
#: half's questions): transforms from 10, 20 and all 81 utterances gave
#: 53.3 / 52.8 / 54.6 % right entry (declined 88.5 / 83.3 / 82.3 %), so 10:
#: a user who asks a few questions a day gains in days, not weeks.
FIRST_AFTER = 10
#: New utterances after which the transform is built again.
REBUILD_EVERY = 10
#: Most recent utterances kept (older ones are deleted): the voice of today,
#: and a bounded build time (~3 s here for 60, more on a Pi, in the background).
KEEP = 60
#: Shorter speech says too little about the voice ("yes", "stop").
MIN_SECONDS = 0.8
MIN_WORDS = 2


def default_folder() -> Path:
    return user_state_dir() / "adaptation" / "learned"


def start_transform(enrolled: Path | None, learned: Path | None) -> Path | None:
    """The speaker transform listening starts with: ``enrolled`` (made by
    ``voice adapt``), ``learned`` (by listening), or None.

    The learned one only when it is usable and newer than the enrolment one.
    ``voice adapt`` deletes what was learned before it, so a newer learned
    transform was built from the enrolment sentences plus what was heard
    since: the voice as it is now. An older one (files copied back, a clock
    set wrong) never saw that reading, so the enrolment one is safer. A damaged
    learned one is passed over: it is learned again soon, and the enrolment
    one must not be lost meanwhile.
    """
    if learned is None or transform_problem(learned):
        return enrolled
    if enrolled is None or learned.stat().st_mtime > enrolled.stat().st_mtime:
        return learned
    return enrolled


class VoiceLearner:
    """Keeps what was heard and, now and then, learns a transform from it.

    ``on_transform`` is called (from a worker thread) with the path of each
    new transform; the recognizer switches to it at its next utterance.
    ``enrolled``: a folder of recordings with their true words (``voice
    adapt``'s) that every build uses besides what was heard; None: none.
    """

    def __init__(
        self,
        folder: Path | None = None,
        on_transform: Callable[[Path], object] | None = None,
        *,
        enrolled: Path | None = None,
        first_after: int = FIRST_AFTER,
        every: int = REBUILD_EVERY,
        keep: int = KEEP,
        report: Callable[[str], None] | None = None,
    ) -> None:
        self.folder = folder or default_folder()
        self.on_transform = on_transform
        self.enrolled = enrolled
        self.first_after = first_after
        self.every = every
        self.keep = max(keep, first_after)
        self._report = report or (lambda line: print(line, file=sys.stderr))
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        #: Set after a failed build: the tools are missing or broken, and
        #: trying again after every question would only cost CPU.
        self.failed = ""

    @property
    def transform(self) -> Path:
        return self.folder / "mllr_matrix"

    @property
    def heard_dir(self) -> Path:
        return self.folder / "heard"

    def heard(self, clip: AudioClip, text: str) -> None:
        """Remember one utterance and what was recognised; maybe start a build."""
        # Fillers ("[noise]", "<sil>") are no words the user said.
        words = words_of(" ".join(t for t in text.split() if not t.startswith(("[", "<"))))
        if len(words) < MIN_WORDS or clip.duration < MIN_SECONDS or self.failed:
            return
        text = " ".join(words)
        with self._lock:
            try:
                self.heard_dir.mkdir(parents=True, exist_ok=True)
                stems = self._stems()
                stem = f"{int(stems[-1]) + 1:08d}" if stems else "00000001"
                save_recording(self.heard_dir, stem, clip, text)
                stems.append(stem)
                stems = self._prune(stems)
            except OSError as e:
                # A full or read-only disk must not stop the assistant.
                self._fail(f"Not learning your voice: cannot save to {self.heard_dir} ({e}).")
                return
            if self._due(stems) and (self._thread is None or not self._thread.is_alive()):
                self._thread = threading.Thread(target=self._build, daemon=True,
                                                name="voice-learning")
                self._thread.start()

    def wait(self) -> None:
        """Block until a build in progress is done (benchmarks, tests, exit)."""
        thread = self._thread
        if thread is not None:
            thread.join()

    def forget(self) -> bool:
        """Delete what was heard and the learned transform; True if there was any."""
        with self._lock:
            existed = self.folder.exists()
            shutil.rmtree(self.folder, ignore_errors=True)
            return existed

    def _stems(self) -> list[str]:
        return sorted(p.stem for p in self.heard_dir.glob("*.txt"))

    def _prune(self, stems: list[str]) -> list[str]:
        """Delete all but the newest ``keep`` of ``stems``; the ones left."""
        cut = max(0, len(stems) - self.keep)
        for stem in stems[:cut]:
            for ext in (".txt", ".wav"):
                (self.heard_dir / f"{stem}{ext}").unlink(missing_ok=True)
        return stems[cut:]

    def _due(self, stems: list[str]) -> bool:
        if len(stems) < self.first_after:
            return False
        if not self.transform.exists():
            return True
        made = self.transform.stat().st_mtime
        new = sum(1 for s in stems if (self.heard_dir / f"{s}.txt").stat().st_mtime > made)
        return new >= self.every

    def _recordings(self) -> list[Recording]:
        """What a build uses: the enrolment sentences with their true words
        first, then what was heard with its transcripts."""
        out = read_recordings(self.enrolled) if self.enrolled is not None else []
        with self._lock:
            return out + read_recordings(self.heard_dir)

    def _build(self) -> None:
        recordings = self._recordings()
        try:
            result = build_transform(recordings, self.transform)
        except TooFewRecordings:
            return  # words the tools do not know, or too quiet: wait for more
        except AdaptationFailed as e:
            self._fail(f"Not learning your voice: {e.message}")
            return
        except OSError as e:
            self._fail(f"Not learning your voice: {e}.")
            return
        if self.on_transform is not None:
            self.on_transform(result.path)

    def _fail(self, line: str) -> None:
        self.failed = line
        self._report(line)
