"""Barge-in: hear "stop" (or the wake phrase) while the assistant talks.

While an answer plays, the microphone is open; the assistant's own voice is
taken out of it by the echo canceller (voice/audio/echo.py, with the played
samples as reference). Two listeners hear the cleaned signal, and either
stops the answer:

* the microWakeWord "stop" model (voice/speech_in/wake/stop_word.py), fed
  every block as it comes: it fires during or just after the word;
* Whisper (voice/speech_in/whisper/, quick_stop.py): what the canceller
  cannot explain (a voice in the room: the cleaned signal stays within
  GATE_DB of the raw one, and is loud enough) is cut into short stretches,
  each decoded in a thread of its own (a decode must not hold up the model);
  only a short utterance with the word "stop" (or the wake phrase) in it
  counts. It hears the wake phrase, and a "stop" the model missed, later.

The assistant must never stop itself, so:

* the stop-word model's "stop" is taken only when someone else is talking
  (the double-talk check, NEAR_NCC): some piece of the microphone just
  before it must be unlike what the assistant was playing;

* the model did not fire on the assistant's residual voice over all
  answers (scripts/benchmark_barge_in.py: highest probability 0.17 against
  a cutoff of 0.5); uncancelled, its own voice came closer (0.47), so a
  second copy of the model hears what it plays, and a "stop" while that
  sounded like one is its own (OWN_PROBABILITY). Whisper writes the
  words it heard: the residual of the assistant's own voice comes out as a
  few of its own words, or is dropped by Whisper's guard, and is not "stop";
* a "stop" heard while the assistant was itself saying a sentence with
  "stop" in it (voice/audio/echo.py keeps the text of every sentence played,
  with when it was heard) is taken for its own, and so is a sound-alike the
  quick look took for "stop" ("start", "step") while it was saying a word
  that begins the same ("starts", "stage").

PocketSphinx keyword spotting was tried first (the kws search on the cleaned
signal, and on the played signal to recognise its own word): it fired on the
assistant's own voice 9 times in 12 s before cancellation, and after
cancellation, with every gate, caught only 2 of 12 "stop"s within 300 ms
with 1 self-stop in 26 answers (scripts/benchmark_barge_in.py, before this
design).
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from voice.audio import devices, priority
from voice.audio.clip import RECOGNIZER_RATE
from voice.audio.echo import (
    FRAME,
    LEAD,
    REFERENCE,
    TAIL,
    EchoReference,
    SpeexEchoCanceller,
)

#: Seconds at the start of each answer in which the echo's delay is measured
#: (held, then processed at once: a "stop" in them is heard up to that late).
ALIGN_SECONDS = 1.0
#: The delay searched: up to the canceller's tail.
TAIL_SECONDS = TAIL / RECOGNIZER_RATE
#: A delay counts only when its correlation peak is this many times the mean.
ALIGN_PEAK = 10.0
#: A canceller that has heard nothing yet (the session's first answer) is
#: first run this many times over that held first second, output dropped:
#: speexdsp's filter learns the echo over seconds, and until then the
#: assistant's own voice leaks through and masks a "stop" (and is decoded by
#: Whisper as a voice in the room). Offline, espeak-ng's answer with its echo
#: as the virtual microphone has it and four espeak-ng voices saying "stop"
#: 1.2-4 s in, the stop-word model caught 8 of 24 from a fresh canceller, 23
#: of 24 after 3 passes (echo cancelled over 0.25-2 s: median 6 -> 14 dB;
#: 10 passes no better). Costs about 40 ms of this machine's time per pass,
#: once per session (docs/wake-word.md, branch barge11).
WARM_UP_PASSES = 3

#: The word that stops an answer.
STOP_WORD = "stop"
#: At most this many words heard with it: "stop", "stop please", "okay stop
#: now". Longer stretches are talk in the room (or the assistant's own
#: residual voice), not an order to it.
MAX_WORDS = 4
#: What a request to wait said over an answer is taken as: the answer
#: stops, its unread parts kept for "go on" (as a typed "wait"). Heard by
#: Whisper's full decode only (not the stop-word model, not the quick look).
PAUSE = "pause"
#: What words of an emergency said over an answer are taken as ("help, I
#: can't breathe", voice/matching/emergency.py): the answer stops and the
#: emergency advice is said at once, where before only "stop" was listened
#: for and the cry waited until the answer had been read to its end
#: (branch robust24's note, session 23). Heard by Whisper's full decode
#: only, as a request to wait is; never taken when the assistant's own
#: sentences of the moment are themselves words of an emergency (the
#: emergency advice it reads says "emergency").
EMERGENCY = "emergency"
#: ...but not when that reading rests on the emergency prompt's decode alone
#: (voice/speech_in/whisper/emergencies.py: the engine's own decode heard no
#: emergency, the decode after "Help! I can't breathe. ..." did) while the
#: quick look heard "stop" in the same moments (STOP_NEAR_SECONDS,
#: STOP_NEAR_LOOK). Then it is taken as "stop", and ``maybe_emergency``
#: tells `voice listen` to say one short line with the way to the advice
#: (phrases.STOPPED_MAYBE_EMERGENCY) instead of the advice. Why: a real
#: person's "stop" over an answer, the assistant's residual voice around it,
#: came out "she's not breathing" after the emergency prompt (the engine's own
#: decode "it's not crazy"), and the advice was read to someone who had said
#: "stop" (as in the clean-clone CI of 2026-12-05): 4 of 45 real "stop"s
#: (tuning half) with a canceller not yet converged, Whisper alone
#: (scripts/barge_stop_or_emergency.py; docs/barge-in.md session 31). A cry
#: the engine's own decode heard as one is never doubted. The stop-word
#: model is no witness: it saturates on "no", "four" and the like, and went
#: to 0.75 on "...and breathe" of a cry. Nor is it doubted when a quick look
#: of those moments heard words of an emergency itself. Cries over answers
#: kept their advice: 73/87, 17/24 offline (the rest not heard at all, as
#: before), 20/20 live. Live, the 3 "stop"s of 40 read as an emergency
#: ("overdose", "heart attack") had no quick look hearing "stop": not doubted.
STOP_OR_EMERGENCY = True
#: Lever (a), session 32: an emergency reading taken only after the emergency
#: prompt whose words are exactly one of that prompt's own phrases
#: ("Overdose.", "Heart attack.") while the engine's own decode heard no word
#: like the phrase's (ALIKE_RATIO) is doubted too (quick look or not).
#: Off: on the tuning cries over answers (scripts/barge_stop_or_emergency.py
#: --stops none --cries tuning --fresh --verdicts-only) it took the advice
#: from one of 73 cries heard: "I took an overdose", whose own stretch came
#: out "i talk a little over the dose" and whose advice was read from the
#: stretch after it, the assistant's residual, heard "heart attack" (the
#: engine's own "on an amputee"); and of session 23's cries (--cries
#: session23 --repeat 4) one of 17: "I have chest pain" came out "Chest pain."
#: after the prompt, "you can't pay" from the engine ("pain"/"pay" 0.57). A
#: cry's advice is never to be lost (docs/barge-in.md session 32).
DOUBT_PROMPT_PHRASE = False
#: Lever (b), session 32: an emergency reading taken only after the emergency
#: prompt is doubted when the double-talk check finds the stretch's
#: microphone the assistant's own echo alone (every piece with sound
#: correlating at NEAR_NCC or more with what it played). Off for the same
#: cry (its "heart attack" stretch: 1.00); every other cry's stretch read as
#: an emergency after the prompt alone was at 0.08-0.30 (tuning and session
#: 23's: 13 stretches).
DOUBT_ECHO_ONLY = False
#: How far back (s) from a stretch's end a "stop" counts as said with it: the
#: word may end the stretch before (MAX_SECONDS), the residual after it cut
#: as a stretch of its own (so it was in every case seen).
STOP_NEAR_SECONDS = 3.0
#: The quick look's probability of "stop" as a stretch's first word that
#: counts (quick_stop.ALIKE_STOP_PROBABILITY: the assistant's own voice at
#: most 0.011; the session 23 cries 0.000-0.001), or the word "stop"
#: anywhere in what it heard ("I see if it might stop.").
STOP_NEAR_LOOK = 0.01
#: A request to wait counts only when at least this many of the full
#: decode's prompts heard one (the content prompt, the short-reply, command
#: and request prompts of voice/speech_in/whisper/short_replies.py). Each
#: prompt pulls unclear audio toward its own words: over answers read in full
#: at load 18, 2 s of the assistant's own uncancelled voice came out "Two."
#: (0.80) after the short-reply prompt alone, and the request prompt, which
#: says "Wait. Hold on. One moment.", makes requests out of it the same way.
#: Measured (scripts/benchmark_barge_in.py --save, scripts/barge_in_stretches.py,
#: branch barge12): of 86 stretches of its own voice decoded at load 17-19,
#: one came out a request ("Hold on.") and only after the request prompt; cut
#: 0.05 s later it was the surest decode, a self-pause
#: (tests/data/barge-in/). Of the 14 espeak-ng requests caught over answers
#: (--pauses 20, the tuning voices), 12 were heard by two prompts or more
#: (10 by three or four); the other two by one prompt each.
PAUSE_AGREE = 2
#: When True, a final stretch the quick look heard as a sentence (more
#: different words than an order has) is not given to the full decode, which
#: would hold the one decoder thread for 2-4 s (loaded machine) while a
#: "stop" said next waits behind it. Off: no gain measured. Tuning half of
#: the real "stop"s, the two runs side by side (benchmark_barge_in.py
#: --answers 0 --stops 20 --clips tuning [--skip-sentences], branch barge12):
#: within 300 ms 8/20 off vs 6/20 on (load 19-26), 12/20 vs 11/20 (load
#: 13-18); caught at all 10 vs 10, 12 vs 15. The "stop"s within 300 ms are
#: the stop-word model's; what is skipped only frees Whisper for later ones.
#: Held-out requests to wait, once, with it on: 5/20 paused, 15 stretches
#: skipped (a longer "hang on a moment" merged with its own voice is one).
SKIP_SENTENCES = False
#: Words of a request to wait that, said by the assistant itself within
#: OWN_WORD_SECONDS, make it its own (as "stop" in its own sentence does).
PAUSE_WORDS = frozenset({"wait", "hold", "hang", "moment", "pause", "second", "minute"})
#: A block is a voice in the room when the cleaned signal is this loud
#: (dB of int16 power; 50 is -40 dBFS)...
VOICE_DB = 50.0
#: ...and the canceller took less than this off it (echo alone is cancelled
#: by 30-50 dB once converged; another voice by 0-3 dB).
GATE_DB = -20.0
#: A stretch ends after this much time without voice, or at MAX_SECONDS
#: (the wake phrase said slowly lasts about 1.6 s).
END_QUIET = 0.25
MAX_SECONDS = 2.0
#: With a quick look, the stretch so far is looked at after this much of a
#: pause already: a "stop" then stops the answer without waiting END_QUIET.
QUICK_QUIET = 0.1
#: Stretches with less voice than this are clicks or breaths: not decoded.
MIN_VOICE = 0.12
#: Audio kept before a stretch's first voiced block (the word's soft onset).
PRE_ROLL = 0.2
#: A "stop" heard within this many seconds of the assistant itself saying a
#: sentence with "stop" in it is its own.
OWN_WORD_SECONDS = 1.0
#: The stop-word model fires up to this long after the word began ("stop"
#: said slowly lasts about 0.8 s): the span checked for its own "stop".
SPOT_SPAN = 1.0
#: A second copy of the model hears what the assistant plays (the echo
#: canceller's reference): when it found that like "stop" (this probability
#: within the last second), the model's "stop" is its own voice that the
#: canceller let through. Uncancelled, its own voice (all answers, 7.4 min)
#: reached 0.47 with the window of 3 ("Neuromuscular medicine is..."), and
#: was at 0.2 or more 0.5% of the time: the user's "stop" is hardly ever
#: refused for it.
OWN_PROBABILITY = 0.2
#: Outside the benchmark (BargeIn.keep_figures), each of barge-in's figure
#: lists keeps only about its last this many entries: cancelled_db takes one
#: per 20 ms block with sound (up to 180,000 an hour of answers), decoded,
#: heard and decode_seconds one per stretch, lags one per answer, and a
#: `voice listen` session can run all day. Nothing in `voice listen` reads
#: them; the benchmark keeps all (tests/test_barge13_figures.py).
FIGURES_KEPT = 500
#: The niceness barge-in's own thread (the echo canceller and the stop-word
#: model) and the microphone's callback thread ask for while an answer plays
#: (0: left as they are). Lowering it needs root or CAP_SYS_NICE; refused,
#: barge-in runs as before. Per thread: Whisper's decodes keep theirs.
#: Off: no gain measured. The block holding the end of "stop" was processed
#: a median 13-23 ms after the word's end at load 7-11 either way, and what
#: made "stop"s late was not that: Whisper's quick look or full decode, the
#: model firing late in the sound, or the assistant's own voice leaking
#: through the canceller. Tuning half, `benchmark_barge_in.py --answers 0
#: --stops 20 --clips tuning --trace [--watch-nice -10]`, as root, runs
#: interleaved: within 300 ms 17/20 and 16/20 with -10, 18, 13, 15 and 16/20
#: without (branch barge13, docs/wake-word.md).
WATCH_NICE = 0
#: After a slip of the player (voice/audio/echo.py UNDERRUN_LEAD: a stall,
#: and the sound server played silence meanwhile), the microphone from where
#: the echo moved is held for REALIGN_SECONDS and the echo's delay measured
#: again in it, as at each answer's start, before the canceller hears it: the
#: reference follows the player's stamp, which is good to 0.5-9 ms, and 0.8
#: ms (13 samples) off is enough for the filter to cancel nothing (1.8-2.8 dB)
#: until it has learned the echo again, over 2-4 s.
#: Off: the echo gained (30 dB cancelled against 19 at load 11-17, 13
#: against 3 at load 16-19; half as many stretches of its own voice decoded),
#: but the "stop"s caught did not move (28/40 against 27/40, 17/40 against
#: 16/40), and runs with it had 5 self-stops in 78 answers read in full (the
#: stop-word model on its own residual "streamlining", "symptoms") against 0
#: in 52 without, side by side; the model went over its cutoff on its own
#: voice in both (0.556 and 0.552). Not understood yet, so not on
#: (docs/barge-in.md; benchmark_barge_in.py --realign).
REALIGN = False
REALIGN_SECONDS = 0.5
#: ...and only a delay within this of the one before the slip counts: the
#: stamp is good to 0.5-9 ms, and a stretch of the answer with a strong
#: period of its own has peaks elsewhere (a delay of 269 ms was taken once,
#: against 56-77 ms at every answer's start).
REALIGN_SPAN = 0.04
#: When that measure found no clear echo (a pause in the answer, the answer's
#: end), the stop-word model's firings are left to Whisper for this long: the
#: echo is placed by the stamp alone (0.5-9 ms off), and the canceller takes
#: 2-4 s to learn it again, letting a distorted residual of the assistant's
#: own voice through meanwhile (its own "stop" copy hears the clean voice, not
#: that residual). Not measured on its own: a guard (docs/barge-in.md).
UNSURE_SECONDS = 3.0
#: ...and so for UNSURE_SECONDS after every slip, measured again or not.
DOUBT_SLIPS = True
#: Double-talk check: the stop-word model's "stop" is taken only when a voice
#: other than the assistant's was in the microphone as it fired. The
#: assistant knows what it plays: in the last NEAR_SPAN seconds of the
#: microphone, cut into NEAR_PIECE pieces, some piece with sound must be
#: unlike the played voice: its best normalized correlation with the
#: reference (over every delay the canceller models, TAIL + LEAD) under
#: NEAR_NCC. Its echo alone correlates near 1 through the virtual
#: microphone's exact echo path, even where the canceller failed; a word said
#: over it pulls the correlation down in the pieces it is in. Only computed
#: when the model fires (5 FFTs of 0.46 s, about a millisecond): no latency.
#: Measured (scripts/benchmark_barge_in.py, branch barge17, load 5-8 with a
#: decode beside it, --busy 2): the tuning half of the real "stop"s, 34
#: firings taken (--answers 0 --stops 40 --clips tuning --seed 18): least
#: correlation 0.09-0.82 (median 0.27); the assistant's own voice alone,
#: every 0.1 s over all answers read in full (--answers all --stops 0
#: --near-survey): 14-20% of windows under 0.9 (docs/barge-in.md); a
#: model fooled on every block of its own voice had 76-100% of its firings
#: refused (tests/test_barge17_double_talk.py). Held-out, once: 1 of 15
#: firings on real "stop"s refused, 18/20 within 300 ms.
NEAR_SPAN = 0.5
NEAR_PIECE = 0.1
NEAR_NCC = 0.9
#: The canceller's own figure was tried as the check first: the least dB it
#: took off a block of those NEAR_SPAN seconds, someone talking when under
#: NEAR_DB. The real "stop"s' firings were at -17 to 7 dB, but a firing on
#: its own voice (cutoff lowered to 0.3 to see one) was at 0.2 dB: where the
#: canceller takes nothing off (not traced; that run measured one answer's
#: echo delay at 155 ms against 61-95 ms, which leaves it uncancelled), its
#: own voice looks like double talk.
#: Off (99: never refuses); the figure is kept for the benchmark.
NEAR_DB = 99.0

_WORD = re.compile(r"[a-z']+")


class Talker(Protocol):
    """What barge-in needs of the assistant."""

    @property
    def speaking(self) -> bool: ...

    def stop_speaking(self) -> None: ...

    def wait(self) -> None: ...


class Heard(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def prompted(self) -> tuple[str, ...]:
        """The text after each prompt, for a short stretch (guard.Heard.prompted)."""


class QuickLook(Protocol):
    """A fast first decode that can only say yes (voice/speech_in/wake/quick_stop.py)."""

    def heard_stop(self, speech: np.ndarray) -> str | None:
        """The words it took for "stop" ("stop", "step"...), or None."""

    @property
    def last_text(self) -> str:
        """What its last look heard."""


class Spotter(Protocol):
    """A streaming "stop" keyword model (voice/speech_in/wake/stop_word.py)."""

    @property
    def recent(self) -> deque[float]:
        """Its probabilities of about the last second."""

    def feed(self, pcm: np.ndarray) -> bool:
        """True when "stop" was heard in this 16 kHz int16 block."""

    def reset(self) -> None: ...


class Confirmer(Protocol):
    """Decodes a short stretch of 16 kHz int16 audio (WhisperRecognizer)."""

    def decode_heard(self, speech: np.ndarray) -> Heard: ...


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("-", " "))


def _has(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return n > 0 and any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def verdict(text: str, wake_phrase: str = "", pause: bool = False) -> str | None:
    """"stop" or "wake" when ``text`` (what was heard) is an order to stop;
    with ``pause``, "pause" when it is nothing but a request to wait ("wait",
    "hold on", "one moment": the command "pause" of
    voice/conversation/commands.py, at most MAX_WORDS words)."""
    words = words_of(text)
    if not words or len(words) > MAX_WORDS + len(words_of(wake_phrase)):
        return None
    if STOP_WORD in words and len(words) <= MAX_WORDS:
        return "stop"
    if _has(words, words_of(wake_phrase)):
        return "wake"
    if pause and len(words) <= MAX_WORDS:
        from voice.conversation.commands import find_command

        if find_command(text) == PAUSE:
            return PAUSE
    return None


def pause_agreed(prompted: tuple[str, ...]) -> bool:
    """Whether at least PAUSE_AGREE of the decodes after each prompt heard a
    request to wait (``prompted``: guard.Heard.prompted)."""
    return sum(verdict(t, pause=True) == PAUSE for t in prompted) >= PAUSE_AGREE


@dataclass
class BlockTrace:
    """One microphone block's way through barge-in (benchmark)."""

    at: float
    """time.monotonic() at which its first sample entered the microphone."""
    seconds: float
    arrived: float
    """When the sound server handed it to the callback."""
    processed: float | None = None
    """When it went through the echo canceller and the listeners."""


@dataclass
class Stretch:
    """Cleaned audio in which a voice was heard, with when (monotonic)."""

    audio: np.ndarray
    start: float
    end: float
    final: bool = True
    """False: the voice paused, the stretch may go on (a quick look only)."""
    voiced: float = 0.0
    """Seconds of it that were a voice in the room (blocks the canceller could not explain)."""
    raw: np.ndarray | None = None
    """The same audio before echo cancellation (when the segmenter was given it)."""


@dataclass
class Decoded:
    """One stretch Whisper looked at during an answer, and what it made of it (benchmark)."""

    text: str
    by: str
    """"quick look" or "full decode"."""
    words: tuple[tuple[str, float], ...]
    """The full decode's words, each with Whisper's probability for it."""
    seconds: float
    voiced: float
    clean_db: float
    raw_db: float
    order: str | None
    """What it was taken for ("stop", "pause"...) before the own-word check, or None."""
    taken: bool = False
    audio: np.ndarray | None = None
    """The cleaned audio, when BargeIn.keep_audio is set."""


@dataclass
class _Segmenter:
    """Cuts the cleaned signal into stretches of voice, 20 ms block by block."""

    pre: deque[np.ndarray] = field(default_factory=deque)
    blocks: list[np.ndarray] = field(default_factory=list)
    raw: list[np.ndarray] = field(default_factory=list)
    raw_pre: deque[np.ndarray] = field(default_factory=deque)
    start: float = 0.0
    voiced: float = 0.0
    quiet: float = 0.0
    length: float = 0.0
    peek: bool = False
    """Hand out the stretch so far at the first QUICK_QUIET of a pause."""
    peeked: bool = False

    def reset(self) -> None:
        self.pre.clear()
        self.raw_pre.clear()
        self.blocks = []
        self.raw = []
        self.voiced = self.quiet = self.length = 0.0
        self.peeked = False

    def push(self, clean: np.ndarray, voice: bool, at: float,
             raw: np.ndarray | None = None) -> Stretch | None:
        seconds = len(clean) / RECOGNIZER_RATE
        if not self.blocks:
            if not voice:
                self.pre.append(clean)
                if raw is not None:
                    self.raw_pre.append(raw)
                while sum(len(b) for b in self.pre) > PRE_ROLL * RECOGNIZER_RATE:
                    self.pre.popleft()
                    if self.raw_pre:
                        self.raw_pre.popleft()
                return None
            pre = sum(len(b) for b in self.pre) / RECOGNIZER_RATE
            self.blocks = [*self.pre]
            self.raw = [*self.raw_pre]
            self.pre.clear()
            self.raw_pre.clear()
            self.start = at - pre
            self.voiced = self.quiet = 0.0
            self.length = pre
        self.blocks.append(clean)
        if raw is not None:
            self.raw.append(raw)
        self.length += seconds
        if voice:
            self.voiced += seconds
            self.quiet = 0.0
            self.peeked = False
        else:
            self.quiet += seconds
        if self.quiet < END_QUIET and self.length < MAX_SECONDS:
            if (self.peek and not self.peeked and self.quiet >= QUICK_QUIET
                    and self.voiced >= MIN_VOICE):
                self.peeked = True
                return Stretch(np.concatenate(self.blocks), self.start,
                               self.start + self.length, final=False, voiced=self.voiced,
                               raw=self._raw())
            return None
        self.peeked = False
        stretch = Stretch(np.concatenate(self.blocks), self.start, self.start + self.length,
                          voiced=self.voiced, raw=self._raw())
        enough = self.voiced >= MIN_VOICE
        self.blocks = []
        self.raw = []
        return stretch if enough else None

    def _raw(self) -> np.ndarray | None:
        n = sum(len(b) for b in self.blocks)
        raw = np.concatenate(self.raw) if self.raw else None
        return raw if raw is not None and len(raw) == n else None


class BargeIn:
    """Watches the microphone while the assistant talks.

    Creating it makes the player keep what it plays (voice/audio/echo.py);
    :meth:`close` ends that. ``confirmer`` decodes what was heard (a
    WhisperRecognizer).
    """

    def __init__(self, confirmer: Confirmer | None, device: str = "",
                 wake_phrase: str = "", reference: EchoReference = REFERENCE,
                 quick: QuickLook | None = None, spotter: Spotter | None = None,
                 own_spotter: Spotter | None = None, pause: bool = True,
                 emergencies: bool = True) -> None:
        self.device = device
        #: "wait" / "hold on" over an answer pause it (PAUSE; needs Whisper).
        self.pause = pause
        #: Words of an emergency over an answer stop it (EMERGENCY; needs Whisper).
        self.emergencies = emergencies
        self.order_text = ""
        """What the last order taken was heard as ("hold on")."""
        self.maybe_emergency = ""
        """When the last "stop" was an emergency reading doubted for a "stop"
        heard with it (STOP_OR_EMERGENCY): what the full decode heard."""
        #: STOP_OR_EMERGENCY (tests turn it off to see the emergency reading).
        self.stop_or_emergency = STOP_OR_EMERGENCY
        self._doubted = ""
        #: DOUBT_PROMPT_PHRASE, DOUBT_ECHO_ONLY (tests and the bench turn them on/off).
        self.doubt_prompt_phrase = DOUBT_PROMPT_PHRASE
        self.doubt_echo_only = DOUBT_ECHO_ONLY
        #: Per emergency reading of the emergency prompt alone (benchmark):
        #: its text, the engine's own, whether it is one of the prompt's
        #: phrases alone, the stretch's least correlation with the echo.
        self.emergency_levers: list[tuple[str, str, bool, float]] = []
        #: (microphone time, the quick look's probability of "stop", whether
        #: it heard words of an emergency) per stretch looked at (at its end),
        #: of the last STOP_NEAR_SECONDS.
        self._stop_looks: deque[tuple[float, float, bool]] = deque()
        self.wake_phrase = wake_phrase
        self.reference = reference
        self.confirmer = confirmer
        #: Looked at first: a stretch it hears as "stop" is not decoded again.
        self.quick = quick
        #: SKIP_SENTENCES (benchmark: --skip-sentences turns it on).
        self.skip_sentences = SKIP_SENTENCES
        self.quick_stops = 0
        """Orders taken on the quick look alone (benchmark)."""
        #: Fed every cleaned block: fires during or just after the word,
        #: before any pause or decode (None: Whisper alone, as before).
        self.spotter = spotter
        self.spotted_stops = 0
        """Orders taken on the stop-word model (benchmark)."""
        #: The same model on the played signal (see OWN_PROBABILITY).
        self.own_spotter = own_spotter
        #: The last SPOT_SPAN seconds of blocks: (seconds, a voice in the room).
        self._recent: deque[tuple[float, bool]] = deque()
        #: The last NEAR_SPAN seconds of blocks with sound: (seconds, dB the
        #: canceller took off, the microphone block, when it began), for the
        #: double-talk check (NEAR_DB, NEAR_NCC).
        self._taken_off: deque[tuple[float, float, np.ndarray, float]] = deque()
        self.near_db = NEAR_DB
        """The double-talk check's bound (benchmark: --near-db)."""
        self.near_ncc = NEAR_NCC
        """The double-talk check's correlation bound (benchmark: --near-ncc)."""
        self.spot_near: list[tuple[float, float, str]] = []
        """Per firing of the stop-word model: the least dB the canceller took
        off a block in the NEAR_SPAN before it, the least correlation of a
        piece of it with the reference, and what became of it (benchmark)."""
        #: While watch() runs: stretches for Whisper, judged in a thread of
        #: their own, so a decode (0.4-1 s) never holds up the stop-word
        #: model, which hears every block as it comes (None: judged at once).
        self._jobs: queue.Queue[Stretch | None] | None = None
        self._verdict: str | None = None
        reference.enabled = True
        #: Kept from answer to answer: the echo path hardly changes, and a
        #: canceller that starts from nothing needs seconds to converge.
        self._canceller: SpeexEchoCanceller | None = None
        #: The canceller has heard nothing yet (see WARM_UP_PASSES).
        self._fresh = False
        self._segmenter = _Segmenter(peek=quick is not None)
        #: The echo's delay in the first answer (samples), kept for the others
        #: by shifting the reference by ``_shift`` seconds.
        self._lag: int | None = None
        self._shift = 0.0
        self.lags: list[int] = []
        """The echo's delay measured at the start of each answer, and after
        each slip of the player (benchmark)."""
        #: REALIGN (benchmark: --realign turns it on).
        self.realign = REALIGN
        reference.follow_stalls = REALIGN
        self.realigned = 0
        """Times the echo's delay was measured again after the player slipped."""
        #: Microphone time until which the stop-word model is not believed
        #: (UNSURE_SECONDS).
        self._unsure_until = 0.0
        #: DOUBT_SLIPS (benchmark: --trust-realign turns it off).
        self.doubt_slips = DOUBT_SLIPS
        self.overflows = 0
        """Microphone blocks PortAudio flagged as following lost input."""
        self.mic_slips: list[float] = []
        """Per answer, the largest gap (s) between a microphone block's own
        stamp and the time barge-in gives it (the first stamp plus the samples
        since): lost input would show here (benchmark)."""
        self.taken_by = ""
        """What heard the last order: "stop-word model", "quick look", "full decode"."""
        self._judged_by = ""
        self.stopped_at: float | None = None
        """time.monotonic() when the last answer was stopped (benchmark)."""
        self.spotted_at: float | None = None
        """time.monotonic() when the stop-word model last fired and was taken (benchmark)."""
        self.spotted_end = 0.0
        """The end (microphone time) of the block it fired on."""
        self.trace: deque[BlockTrace] | None = None
        """When set (a deque), every microphone block's timeline is appended
        to it (scripts/benchmark_barge_in.py --trace)."""
        self.refused = {"not stop": 0, "own word": 0, "own voice": 0, "unsure pause": 0,
                        "a sentence": 0, "unsure echo": 0, "no voice in the room": 0}
        """Stretches decoded and not taken, by reason (benchmark)."""
        self.heard: list[str] = []
        """What each decoded stretch was heard as (benchmark)."""
        self.decode_seconds: list[float] = []
        """How long each decode took (benchmark)."""
        self.cancelled_db: list[float] = []
        """How far the echo was cancelled, per block with sound (benchmark)."""
        self.decoded: list[Decoded] = []
        """Every stretch Whisper looked at, with its figures (benchmark)."""
        self.keep_audio = False
        """Keep each stretch's audio in ``decoded`` (benchmark)."""
        self.stretches: list[Stretch] | None = None
        """When set (a list), every whole stretch cut is appended to it,
        decoded or not (benchmark: --save)."""
        self.keep_figures = False
        """Keep every figure above (benchmark); otherwise each list keeps
        about its last FIGURES_KEPT (a session runs for hours)."""
        self.stop_rt: int | None = None
        """Real-time priority of the stop path while watching (None:
        voice/audio/priority.py STOP_PATH_RT; the benchmark varies it)."""
        self.rt_taken = False
        """Whether the last watch() got it (refused without permission)."""

    def _note(self, figures: list[Any], value: Any) -> None:
        """Append ``value`` to one of the figure lists, bounded unless keep_figures."""
        figures.append(value)
        if not self.keep_figures and len(figures) > 2 * FIGURES_KEPT:
            del figures[:-FIGURES_KEPT]  # amortised: once per FIGURES_KEPT appends

    def canceller(self) -> SpeexEchoCanceller:
        if self._canceller is None:
            self._canceller = SpeexEchoCanceller()
            self._fresh = True
        return self._canceller

    def watch(self, talker: Talker, block_seconds: float = 0.02) -> str | None:
        """Until ``talker`` stops speaking: None, or what interrupted it
        ("stop", "wake", "pause" or "emergency"), after stopping it."""
        self.stopped_at = self.spotted_at = None
        self.maybe_emergency = self._doubted = ""
        self._stop_looks.clear()
        if not talker.speaking:
            return None
        try:
            canceller = self.canceller()
            dev = devices.find_input_device(self.device)
        except Exception:  # no canceller (EchoUnavailable) or no microphone
            talker.wait()  # the answer plays to its end, as without barge-in
            return None
        blocks: queue.Queue[tuple[float, float, np.ndarray, bool]] = queue.Queue()
        self._segmenter.reset()
        self._taken_off.clear()
        for spotter in (self.spotter, self.own_spotter):
            if spotter is not None:
                spotter.reset()
        worker = self._start_judging()
        # After the Whisper thread started (it keeps its niceness and policy),
        # before the microphone's stream is opened and started: its threads
        # (the sound server client's, PortAudio's callback) take this one's.
        restore = _raise_priority(WATCH_NICE)
        restore_rt = priority.raise_threads([threading.get_native_id()],
                                            self.stop_rt if self.stop_rt is not None
                                            else priority.STOP_PATH_RT)
        self.rt_taken = priority.scheduled_rt(threading.get_native_id())
        try:
            stream, rate = _open(dev, block_seconds, blocks)
        except Exception:  # no microphone after all
            restore_rt()
            restore()
            self._stop_judging(worker)
            talker.wait()
            return None
        resampler = _resampler(rate)
        at: float | None = None
        # The first ALIGN_SECONDS are held until the echo's delay is measured.
        held: list[tuple[float, np.ndarray]] = []
        aligned = False
        slips = self.reference.slips
        # After a slip of the player: the microphone from where its echo moved
        # is held until its delay is measured again (REALIGN).
        hold_from: float | None = None
        slipped = 0.0
        try:
            stream.start()
            while talker.speaking:
                try:
                    t, arrived, block, overflow = blocks.get(timeout=0.05)
                except queue.Empty:
                    continue
                pcm = resampler(block) if resampler else block
                self.overflows += overflow
                if at is None:
                    at = t
                slipped = max(slipped, abs(t - at))
                if self.trace is not None:
                    self.trace.append(BlockTrace(at, len(pcm) / RECOGNIZER_RATE, arrived))
                held.append((at, pcm))
                at += len(pcm) / RECOGNIZER_RATE
                if not aligned:
                    if at - held[0][0] < ALIGN_SECONDS:
                        continue
                    aligned = True
                    self._wait_for_reference(at, talker)
                    self.start_answer(np.concatenate([p for _, p in held]), held[0][0])
                    slips = self.reference.slips  # measured just now
                if self.realign and self.reference.slips != slips:
                    slips, hold_from = self.reference.slips, self.reference.moved_at
                    if self.doubt_slips:
                        self._unsure_until = hold_from + UNSURE_SECONDS
                ready = held
                if hold_from is not None:
                    later = [(s, p) for s, p in held if s + len(p) / RECOGNIZER_RATE > hold_from]
                    if later and at - later[0][0] >= REALIGN_SECONDS:
                        self._wait_for_reference(at, talker)
                        # Where the stamp put the echo: the delay before the slip.
                        near = (self._lag if self._lag is not None else 0) - round(
                            self._shift * RECOGNIZER_RATE)
                        if self.align(np.concatenate([p for _, p in later]), later[0][0],
                                      near):
                            self.realigned += 1
                        else:
                            # Only the stamp placed the echo: the filter learns it again.
                            self._unsure_until = at + UNSURE_SECONDS
                        hold_from = None
                    else:
                        ready = held[: len(held) - len(later)]
                for start, part in ready:
                    heard = self._process(canceller, part, start, talker)
                    if heard is not None and talker.speaking:
                        talker.stop_speaking()
                        self.stopped_at = time.monotonic()
                        return heard
                del held[: len(ready)]
            return None
        finally:
            self._note(self.mic_slips, slipped)
            restore_rt()
            restore()
            with contextlib.suppress(Exception):
                stream.close()
            self._stop_judging(worker)

    def _start_judging(self) -> threading.Thread:
        jobs: queue.Queue[Stretch | None] = queue.Queue()
        self._jobs = jobs
        self._verdict = None

        def run() -> None:
            while (stretch := jobs.get()) is not None:
                # Behind (a loaded machine): a peek is stale once anything newer
                # waits; the stretch's end, or the next stretch, follows it.
                if not stretch.final and not jobs.empty():
                    continue
                heard = self.judge(stretch)
                if heard is not None:
                    self._verdict = heard
                    return

        worker = threading.Thread(target=run, name="barge-in-whisper", daemon=True)
        worker.start()
        return worker

    def _stop_judging(self, worker: threading.Thread) -> None:
        """Drop what waits; let a decode under way finish (at most one, so
        that Whisper is free again before the next question is heard)."""
        jobs, self._jobs = self._jobs, None
        if jobs is not None:
            with contextlib.suppress(queue.Empty):
                while True:
                    jobs.get_nowait()
            jobs.put(None)
        worker.join(timeout=10)

    def _wait_for_reference(self, until: float, talker: Talker) -> None:
        """Until the player has handed over what is heard up to ``until``.

        Seldom a wait at all: the player hands each block over about 0.3 s
        before it sounds (its output latency), so the reference a microphone
        block needs is there when the block arrives. Waiting instead until the
        clock reached it (as before) held every block LEAD (60 ms) plus the
        block after it had arrived: scripts/benchmark_barge_in.py --trace
        showed the block holding the end of "stop" processed 72-86 ms after
        the word's end though it arrived 29 ms after. The clock still bounds
        the wait: after the last block of an answer nothing more comes."""
        need = until + LEAD + self._shift
        while (time.monotonic() < need and self.reference.handed_until() < need
               and talker.speaking):
            time.sleep(0.002)

    def _process(self, canceller: SpeexEchoCanceller, pcm: np.ndarray, at: float,
                 talker: Talker) -> str | None:
        self._wait_for_reference(at + len(pcm) / RECOGNIZER_RATE, talker)
        ref = self.reference.between(at + LEAD + self._shift, len(pcm))
        if self.trace is not None:
            for block in reversed(self.trace):
                if block.at <= at:
                    block.processed = time.monotonic()
                    break
        if self.own_spotter is not None and self.spotter is not None:
            self.own_spotter.feed(ref.astype(np.int16))
        return self.hear(pcm, canceller.process(pcm, ref), at)

    def start_answer(self, mic: np.ndarray, at: float) -> None:
        """The answer's first ALIGN_SECONDS, ``mic`` recorded from ``at``, held
        until now: the echo's delay is measured in them (align()), and a
        canceller that has heard nothing yet learns the echo from them first
        (WARM_UP_PASSES). They are then processed as every block is."""
        self.align(mic, at)
        if self._fresh and self._canceller is not None:
            self._fresh = False
            n = len(mic) // FRAME * FRAME
            ref = self.reference.between(at + LEAD + self._shift, n)
            for _ in range(WARM_UP_PASSES):
                self._canceller.process(mic[:n], ref)

    def align(self, mic: np.ndarray, at: float, near: int | None = None) -> bool:
        """Measure the echo's delay in ``mic`` (recorded from ``at``) and shift
        the reference so that the canceller sees the same delay as before.

        Each answer is a new output stream, and the delay the timestamps do
        not account for differed by up to 4 ms from one to the next (0.6-4.6
        ms, the virtual microphone): 64 samples, which an adaptive filter has
        to learn again, 1-3 s during which the assistant's own voice leaked
        through and masked a "stop" (5 of 20 missed, all in those seconds).

        ``near``: after a slip of the player, the delay (samples) expected
        from its stamp: only a peak within REALIGN_SPAN of it counts.
        """
        ref = self.reference.between(at + LEAD, len(mic)).astype(np.float64)
        x = mic.astype(np.float64)
        n = len(x)
        if n == 0 or _db(ref) < VOICE_DB:
            return False
        corr = np.fft.irfft(np.fft.rfft(x, 2 * n) * np.conj(np.fft.rfft(ref, 2 * n)), 2 * n)
        window = np.abs(corr[: int(TAIL_SECONDS * RECOGNIZER_RATE)])
        lo, hi = 0, len(window)
        if near is not None:
            span = round(REALIGN_SPAN * RECOGNIZER_RATE)
            lo, hi = max(0, near - span), min(len(window), near + span + 1)
            if lo >= hi:
                return False
        lag = lo + int(np.argmax(window[lo:hi]))
        if window[lag] < ALIGN_PEAK * float(np.mean(window)):
            return False  # no clear echo (a quiet start, someone talking over it)
        self._note(self.lags, lag)
        if self._lag is None:
            self._lag = lag
        # Fetching the reference earlier makes its echo come later in the microphone.
        self._shift = (self._lag - lag) / RECOGNIZER_RATE
        return True

    def hear(self, mic: np.ndarray, clean: np.ndarray, at: float) -> str | None:
        """One block: ``mic`` as recorded from monotonic time ``at``, ``clean``
        the same after echo cancellation. "stop"/"wake" when an order ended here."""
        n = min(len(mic), len(clean))
        if not n:
            return None
        raw_db, clean_db = _db(mic[:n]), _db(clean[:n])
        if raw_db > VOICE_DB:
            self._note(self.cancelled_db, raw_db - clean_db)
        self._taken_off.append((n / RECOGNIZER_RATE, raw_db - clean_db if raw_db > VOICE_DB
                                else float("inf"), mic[:n], at))
        while sum(b[0] for b in self._taken_off) > NEAR_SPAN:
            self._taken_off.popleft()
        voice = clean_db > VOICE_DB and clean_db - raw_db > GATE_DB
        self._recent.append((n / RECOGNIZER_RATE, voice))
        while sum(d for d, _ in self._recent) > SPOT_SPAN:
            self._recent.popleft()
        if self.spotter is not None and self.spotter.feed(clean[:n]):
            heard = self.spotted(at + n / RECOGNIZER_RATE)
            if heard is not None:
                return heard
        stretch = self._segmenter.push(clean[:n], voice, at, mic[:n])
        if stretch is not None and stretch.final and self.stretches is not None:
            self.stretches.append(stretch)
        if self._jobs is None:
            heard = self.judge(stretch) if stretch is not None else None
        else:
            if stretch is not None:
                self._jobs.put(stretch)
            heard = self._verdict  # set once by the thread, which then ends
            self._verdict = None
        if heard is not None:
            self.taken_by = self._judged_by
            self.maybe_emergency = self._doubted
        return heard

    def spotted(self, end: float) -> str | None:
        """The stop-word model fired on the block ending at ``end``: "stop",
        unless the assistant itself was saying a sentence with "stop" in it
        (its residual echo)."""
        own = self.reference.texts_between(end - SPOT_SPAN - OWN_WORD_SECONDS, end)
        voiced = sum(d for d, v in self._recent if v)
        near, ncc = self.near_end_db(), self.near_end_ncc()
        self._note(self.heard, f"stop (stop-word model, {voiced:.2f} s voiced, least "
                   f"cancelled {near:.1f} dB, least correlated {ncc:.2f}, while saying: "
                   + " / ".join(own) + ")")
        if any(STOP_WORD in words_of(t) for t in own):
            self.refused["own word"] += 1
            self._note(self.spot_near, (near, ncc, "own word"))
            return None
        if end < self._unsure_until:
            self.refused["unsure echo"] += 1
            self._note(self.spot_near, (near, ncc, "unsure echo"))
            return None
        if (near < float("inf") and near >= self.near_db) or ncc >= self.near_ncc:
            # Only the assistant's own echo was there: its residual voice.
            self.refused["no voice in the room"] += 1
            self._note(self.spot_near, (near, ncc, "no voice in the room"))
            return None
        if self.own_spotter is not None and max(self.own_spotter.recent,
                                                default=0.0) >= OWN_PROBABILITY:
            self.refused["own voice"] += 1
            self._note(self.spot_near, (near, ncc, "own voice"))
            return None
        self._note(self.spot_near, (near, ncc, "taken"))
        self.spotted_stops += 1
        self.spotted_at, self.spotted_end = time.monotonic(), end
        self.taken_by = "stop-word model"
        self.order_text = STOP_WORD
        return "stop"

    def near_end_db(self) -> float:
        """The least the echo canceller took off (dB) any block with sound
        in the last NEAR_SPAN seconds (inf: none had sound)."""
        return min((b[1] for b in self._taken_off), default=float("inf"))

    def near_end_ncc(self) -> float:
        """The least, over the NEAR_PIECE pieces with sound of the last
        NEAR_SPAN seconds of microphone, of its best normalized correlation
        with the reference (the delays the canceller models): near 1 where
        the microphone is the assistant's echo alone (0.0: no piece had sound,
        nothing to judge: the other checks decide)."""
        if not self._taken_off:
            return 0.0
        return self._least_ncc(np.concatenate([b[2] for b in self._taken_off]),
                               self._taken_off[0][3])

    def _least_ncc(self, microphone: np.ndarray, began: float) -> float:
        """near_end_ncc's figure for ``microphone`` recorded from monotonic
        time ``began``."""
        mic = microphone.astype(np.float64)
        tail = TAIL + round(LEAD * RECOGNIZER_RATE)
        ref = self.reference.between(began + LEAD + self._shift - tail
                                     / RECOGNIZER_RATE, len(mic) + tail).astype(np.float64)
        piece = round(NEAR_PIECE * RECOGNIZER_RATE)
        energy = np.concatenate([[0.0], np.cumsum(ref ** 2)])
        least, seen = 1.0, False
        for a in range(0, len(mic) - piece + 1, piece):
            m = mic[a : a + piece]
            if _db(m) <= VOICE_DB:
                continue
            r = ref[a : a + piece + tail]
            n = len(r) + piece
            corr = np.fft.irfft(np.fft.rfft(r, n) * np.conj(np.fft.rfft(m, n)), n)[: tail + 1]
            norms = energy[a + piece : a + piece + tail + 1] - energy[a : a + tail + 1]
            ncc = np.abs(corr) / np.sqrt(np.maximum(norms, 1.0) * float(np.dot(m, m)))
            least = min(least, float(np.max(ncc)))
            seen = True
        return least if seen else 0.0

    def judge(self, stretch: Stretch) -> str | None:
        from voice.matching.emergency import is_emergency

        began = time.monotonic()
        heard: str | None = None
        unsure = False
        words: tuple[tuple[str, float], ...] = ()
        alike = self.quick.heard_stop(stretch.audio) if self.quick is not None else None
        looks = getattr(self.quick, "looks", None)
        if looks:
            # "I see if it might stop.": "stop" heard, though not as the first word.
            look = looks[-1]
            _keep_near(self._stop_looks, (stretch.end, 1.0 if STOP_WORD in words_of(look.text)
                                          else look.stop_probability, is_emergency(look.text)))
        doubted = ""
        if alike:
            heard, text = "stop", f"{alike} (quick)"
            self.quick_stops += 1
            by = "quick look"
        elif not stretch.final or self.confirmer is None:
            # The voice may go on: the full decode at its end (without
            # Whisper, the stop-word model alone decides).
            return None
        elif (self.skip_sentences and self.quick is not None
              and _a_sentence(self.quick.last_text, self.wake_phrase)):
            # SKIP_SENTENCES: no order is that long; the decoder stays free.
            self._note(self.heard, f"{self.quick.last_text.strip()} (quick, not decoded)")
            self.refused["a sentence"] += 1
            return None
        else:
            decoded = self.confirmer.decode_heard(stretch.audio)
            text = decoded.text
            words = tuple(getattr(decoded, "words", ()))
            heard = verdict(text, self.wake_phrase, self.pause)
            if heard == PAUSE and not pause_agreed(decoded.prompted):
                heard, unsure = None, True
            if heard is None and self.emergencies and is_emergency(text):
                heard, unsure = EMERGENCY, False
                if self.stop_or_emergency and self._stop_or_emergency(decoded, stretch):
                    heard, doubted = STOP_WORD, text
            by = "full decode"
        self._note(self.decode_seconds, time.monotonic() - began)
        self._note(self.heard, text)
        record = Decoded(text, by, words,
                         stretch.end - stretch.start, stretch.voiced, _db(stretch.audio),
                         _db(stretch.raw) if stretch.raw is not None else 0.0,
                         heard or (f"{PAUSE} (unsure)" if unsure else None),
                         audio=stretch.audio if self.keep_audio else None)
        self._note(self.decoded, record)
        if heard is None:
            self.refused["unsure pause" if unsure else "not stop"] += 1
            return None
        own = self.reference.texts_between(stretch.start - OWN_WORD_SECONDS, stretch.end)
        said = [words_of(t) for t in own]
        if heard == EMERGENCY:
            mine = [w for w in said if is_emergency(" ".join(w))]
        elif heard == PAUSE:
            mine = [w for w in said if PAUSE_WORDS & set(words_of(text)) & set(w)]
        else:
            mine = [w for w in said if (_own_stop(w, alike) if heard == "stop"
                                        else _has(w, words_of(self.wake_phrase)))]
        if mine:
            self.refused["own word"] += 1
            return None
        # Named only when the order is taken (hear()): a decode that ends after
        # the stop-word model stopped the answer must not claim it.
        self._judged_by = by
        self.order_text = text
        self._doubted = doubted
        record.taken = True
        return heard

    def _stop_or_emergency(self, decoded: Heard, stretch: Stretch) -> bool:
        """Whether an emergency the full decode heard in ``stretch`` is to be
        doubted for a "stop" (STOP_OR_EMERGENCY): only the emergency prompt's
        decode heard it, and the quick look heard "stop" in the same moments
        (its looks are taken in this thread, the one that calls this)."""
        if getattr(decoded, "instead_of", None) is None:
            return False  # the engine's own decode heard the emergency: never doubted
        near = [(p, urgent) for t, p, urgent in self._stop_looks
                if t >= stretch.end - STOP_NEAR_SECONDS]
        if any(urgent for _, urgent in near):
            return False  # the quick look heard the emergency too ("I can't breathe")
        own = str(getattr(decoded, "instead_of", ""))
        phrase = _prompt_phrase_alone(decoded.text, own)
        echo = (self._least_ncc(stretch.raw, stretch.start)
                if stretch.raw is not None and len(stretch.raw) else 0.0)
        self._note(self.emergency_levers, (decoded.text, own, phrase, echo))
        if self.doubt_prompt_phrase and phrase:
            return True
        if self.doubt_echo_only and echo >= self.near_ncc:
            return True
        return max((p for p, _ in near), default=0.0) >= STOP_NEAR_LOOK

    def close(self) -> None:
        self.reference.enabled = False
        self.reference.follow_stalls = False
        self.reference.clear()
        if self._canceller is not None:
            self._canceller.close()
            self._canceller = None


#: Two words this alike (difflib ratio) are "like" each other: "overdose"
#: and "over those" 0.71, "attack" and "a tack" 0.83.
ALIKE_RATIO = 0.6


def _prompt_phrase_alone(text: str, own: str) -> bool:
    """Whether ``text`` (the emergency prompt's decode) is exactly one of
    that prompt's phrases and ``own`` (the engine's own decode) has no word
    like any of the phrase's (DOUBT_PROMPT_PHRASE)."""
    from difflib import SequenceMatcher

    from voice.speech_in.whisper.emergencies import EMERGENCY_PROMPT

    said = words_of(text)
    phrases = [words_of(p) for p in re.split(r"[.!?]", EMERGENCY_PROMPT) if words_of(p)]
    if not said or said not in phrases:
        return False
    long = [w for w in said if len(w) >= 3]
    return not any(SequenceMatcher(None, w, h).ratio() >= ALIKE_RATIO
                   for w in words_of(own) for h in long)


def _keep_near(figures: deque[tuple[float, float, bool]],
               figure: tuple[float, float, bool]) -> None:
    """Append ``figure`` (its time first), keeping only the last
    STOP_NEAR_SECONDS (and a little)."""
    figures.append(figure)
    while figures and figures[0][0] < figure[0] - STOP_NEAR_SECONDS - 1.0:
        figures.popleft()


def _a_sentence(text: str, wake_phrase: str) -> bool:
    """More different words than any order has (MAX_WORDS, or the wake
    phrase and as many): "the history of the history of" is 3, a loop of
    "Wait." 1."""
    return len(set(words_of(text))) > MAX_WORDS + len(words_of(wake_phrase))


def _own_stop(said: list[str], alike: str | None) -> bool:
    """Whether the assistant's own sentence ``said`` may be what was taken for
    "stop": it says "stop", or, for a sound-alike the quick look took
    ("step", "start"), a word that begins as one of those does ("starts",
    "stage", "steroid"): its residual echo is heard as such words."""
    if STOP_WORD in said:
        return True
    heard = [w for w in words_of(alike or "") if w != STOP_WORD]
    return any(w[:3] == h[:3] for w in said for h in heard)


def _raise_priority(nice: int) -> Callable[[], None]:
    """Ask for niceness ``nice`` for the calling thread alone (Linux: a
    thread's id is a process id to setpriority); returns what puts it back."""
    if not nice or not hasattr(os, "setpriority"):
        return lambda: None
    tid = threading.get_native_id()
    try:
        before = os.getpriority(os.PRIO_PROCESS, tid)
        os.setpriority(os.PRIO_PROCESS, tid, nice)
    except OSError:  # not permitted (no CAP_SYS_NICE): as before
        return lambda: None

    def restore() -> None:
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, tid, before)

    return restore


def _db(x: np.ndarray) -> float:
    if not len(x):
        return 0.0
    return 10 * float(np.log10(float(np.mean(x.astype(np.float64) ** 2)) + 1.0))


#: Devices that are the sound server (PulseAudio, PipeWire): asked for 16 kHz,
#: they resample in the server, and the blocks come without soxr's hold.
#: ALSA's "default" is the server only when PortAudio lists the server too
#: (without one, "default" is ALSA's plug, whose rate conversion is crude).
SERVER_DEVICES = ("pulse", "pipewire")


def _from_sound_server(dev: devices.AudioDevice) -> bool:
    name = dev.name.lower()
    if name in SERVER_DEVICES:
        return True
    try:
        return name == "default" and any(d.name.lower() in SERVER_DEVICES
                                         for d in devices.list_devices())
    except Exception:  # no device list: the device's own rate, as before
        return False


def _open(dev: devices.AudioDevice, block_seconds: float,
          blocks: queue.Queue[tuple[float, float, np.ndarray, bool]]) -> tuple[Any, int]:
    """The microphone's stream, and its rate: 16 kHz from the sound server,
    else the device's own (resampled here, as voice/audio/capture.py does:
    a USB microphone asked for 16 kHz directly may refuse or be resampled
    badly by ALSA). soxr's streaming resampler (quality HQ) hands its output
    on in bursts, every second or third 20 ms block: it held audio back 23 ms
    (median) and up to 40 ms, 44.1 -> 16 kHz, before the "stop" model heard it."""
    import sounddevice as sd

    def callback(indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # When the block's first sample entered the microphone, on the clock
        # the player stamps its blocks with.
        now = time.monotonic()
        at = now - (time_info.currentTime - time_info.inputBufferAdcTime)
        blocks.put((at, now, indata[:, 0].copy(), bool(status and status.input_overflow)))

    rates = [dev.default_rate]
    if dev.default_rate != RECOGNIZER_RATE and _from_sound_server(dev):
        rates.insert(0, RECOGNIZER_RATE)
    for rate in rates:
        try:
            return sd.InputStream(device=dev.index, samplerate=rate, channels=1, dtype="int16",
                                  blocksize=max(1, int(rate * block_seconds)),
                                  callback=callback), rate
        except Exception:
            if rate == rates[-1]:
                raise
    raise AssertionError("unreachable")  # rates is never empty


def _resampler(rate: int) -> Callable[[np.ndarray], np.ndarray] | None:
    if rate == RECOGNIZER_RATE:
        return None
    import soxr

    stream = soxr.ResampleStream(rate, RECOGNIZER_RATE, 1, dtype="int16")
    return lambda block: np.asarray(stream.resample_chunk(block), dtype=np.int16).reshape(-1)
