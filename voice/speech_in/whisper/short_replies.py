"""Short replies: the words a tired user says most, heard on their own.

A topic number, "yes", "no" or "stop" is under a second and a half of
speech. Decoded after the content prompt (titles and FAQ questions) Whisper
pulled such words toward content words ("three" -> "treatments", "zero" ->
"neurom", "four" -> "fourth") or decoded them so unsurely that the guard
dropped them. So an utterance of at most ``SHORT_SECONDS`` (after the
speech gate, 0.2 s margins included) is decoded twice from one encoding,
after the content prompt and after ``SHORT_REPLY_PROMPT``, and the decode
Whisper itself is surer of (higher ``avg_logprob``, among those the guard
keeps) is used, the short-reply one only when it heard a command or a
number and is sure in itself (under that prompt noise comes out as
"Three."). A short question ("What is ALS?") keeps its content decode
when that one is surer; a second decode of a short window costs a few tens
of milliseconds, not another encoding.

Measured on the tuning half of tests/data/real/ (digits and commands, see
its README) with scripts/tune_short_replies.py: digits heard right 63.4 %
with the content prompt, 70.7 % with none, 95.1 % with this prompt and
95.1 % choosing by avg_logprob; yes / no / stop / right 94.1 %, 94.1 %,
100 %, 100 %.
"""

from __future__ import annotations

from voice.speech_in.whisper.decoder import Segment
from voice.speech_in.whisper.guard import Heard, heard_from

#: Said before a short utterance, in place of the content's titles.
SHORT_REPLY_PROMPT = ("Yes. No. Stop. Repeat that. Slower. More. One. Two. Three. Four. Five. "
                      "Six. Seven. Eight. Nine. Ten. Eleven. Twelve.")

#: Said before a short utterance in a third decode: the commands by their
#: first phrasing (voice/conversation/commands.py), without numbers. After
#: SHORT_REPLY_PROMPT alone "softer" came out "Stop. Two.", "quicker"
#: "Quick.", "speak up" "Steak up.". Leaving out the commands nobody
#: mishears and that must never be invented: with "Goodbye" in it, a real
#: speaker's "five" came out "bye" (which puts the assistant to sleep).
COMMAND_PROMPT = ("Repeat. Slower. Faster. Louder. Quieter. Stop. More. Help. List topics. "
                  "Yes. The second one. No. Wrong. Go back.")

#: Said before a short utterance in a fourth decode (counted for commands
#: only, as COMMAND_PROMPT's): what a tired user asks during an answer, and
#: two questions about the assistant. After the other prompts espeak-ng's "is
#: this private" came out "is this driver", "is this right mate", "is this
#: climate" (6 of 6 conditions), "are you listening" "can you listen". Kept
#: out of COMMAND_PROMPT: with them in it "speak slower" came out "speak
#: louder" and "softer" "software"; "Say it louder." is left out of this one
#: (it turned "speak quieter" into "speak louder"). Tuning sets, figures in
#: docs/speech-in.md ("Requests during an answer"):
#: scripts/tune_short_replies.py --commands.
REQUEST_PROMPT = "Wait. Hold on. One moment. Go on. Carry on. Are you there? Is this private?"

#: Gated audio (speech plus the gate's 0.2 s margins) up to this many
#: seconds is a possible short reply (the real one-word clips: 0.54-1.40 s).
SHORT_SECONDS = 2.0


#: The short-reply decode is taken only at or above this avg_logprob. Under
#: that prompt Whisper writes a digit even for noise: for the sox sounds of
#: tests/test_speech_in_whisper.py ("Three.", "Eight.") -0.92 to -1.30; the
#: real replies it heard right on the tuning half: -0.02 to -0.42, those it
#: heard wrong -0.36 to -1.09.
SHORT_SURE_LOGPROB = -0.7


def is_short(samples: int, rate: int = 16000) -> bool:
    return samples <= SHORT_SECONDS * rate


def is_short_reply(text: str, numbers: bool = True) -> bool:
    """Whether ``text`` is a command or (``numbers``) a topic number: what the
    short-reply prompts are for. Anything else they hear ("is it in the
    jeans" for "is it in the genes") is left to the content decode."""
    from voice.conversation.choices import find_choice
    from voice.conversation.commands import find_command

    return bool(find_command(text) or (numbers and find_choice(text)))


def surest(content: Segment, short: Segment, command: Segment | None = None,
           *more: Segment) -> Heard:
    """The guard's verdict on the content decode, unless a short-reply
    decode heard a short reply, is sure of it (``SHORT_SURE_LOGPROB``) and
    is surer than the content decode and the other short-reply decodes.
    ``command`` (after COMMAND_PROMPT), and any ``more`` decodes after other
    command prompts, count for commands only: with no numbers in its prompt
    it wrote "number fourteen" as "Number 40." more surely than the digits
    decode's "Number 14."."""
    commands = [c for c in (command, *more) if c is not None]
    judged = [(heard_from([s]), s) for s in (content, short, *commands)]
    kept = [(h, s) for h, s in judged
            if h.words and (s is content or (s.avg_logprob >= SHORT_SURE_LOGPROB
                                              and is_short_reply(h.text, s is short)))]
    if not kept:
        return judged[0][0]
    return max(kept, key=lambda hs: hs[1].avg_logprob)[0]
