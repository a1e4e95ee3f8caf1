"""Teaching PocketSphinx one person's voice (MLLR speaker adaptation).

The user reads about twenty short sentences once. From those recordings the
CMUSphinx training tools estimate an MLLR transform: one linear map of the
acoustic model's Gaussian means that moves them towards this speaker. It is
the standard CMUSphinx answer to an accent or dysarthric speech, it needs
only minutes of audio (a full re-training would need hours), and decoding
with it costs nothing extra.

The tools come from Debian packages (``sphinxtrain``, ``sphinxbase-utils``,
``pocketsphinx``). They need a model folder the pip wheel does not quite
have: a text ``mdef`` and full-precision ``mixture_weights`` instead of the
wheel's binary mdef and quantised ``sendump``; both are converted here.

The transform is written atomically to the user's state folder; anything
that goes wrong leaves a previous transform untouched. The sentences it was
built from are kept there too, with their true words (``keep_enrolment``):
learning while listening builds on them (see ``learning.py``).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import struct
import subprocess
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from voice.audio.clip import RECOGNIZER_RATE, AudioClip, read_wav, write_wav
from voice.config import user_state_dir
from voice.errors import VoiceError
from voice.speech_in.pocketsphinx.lexicon import words_of

#: Folders where Debian puts the sphinxtrain programs (not on PATH).
SPHINXTRAIN_DIRS = (Path("/usr/lib/sphinxtrain"), Path("/usr/local/lib/sphinxtrain"))

#: Program -> the apt package that provides it.
TOOLS = {
    "sphinx_fe": "sphinxbase-utils",
    "pocketsphinx_mdef_convert": "pocketsphinx",
    "bw": "sphinxtrain",
    "mllr_solve": "sphinxtrain",
}

#: Fewer usable recordings than this give a transform fitted to noise.
MIN_RECORDINGS = 5

#: Default number of sentences to read: ~20 is what CMUSphinx suggests for MLLR.
DEFAULT_SENTENCES = 20

#: Seconds each tool may run. bw loops forever on some errors (a missing
#: accumulator folder), so nothing runs without a limit.
TOOL_TIMEOUT = 300.0

#: Recordings quieter than this (RMS, full scale 1.0) are silence, not speech.
SILENT_RMS = 0.003


class AdaptationFailed(VoiceError):
    """The voice adaptation could not be made or used (message is spoken)."""


class TooFewRecordings(AdaptationFailed):
    """Too few recordings were usable; more of them may well succeed."""


@dataclass(frozen=True)
class Recording:
    """One sentence as the user said it."""

    clip: AudioClip
    """The audio, any rate (resampled to 16 kHz mono here)."""
    text: str
    """What was read."""


@dataclass(frozen=True)
class AdaptResult:
    """What ``build_transform`` did."""

    path: Path
    """Where the transform now is."""
    used: int
    """Recordings it was estimated from."""
    skipped: int
    """Recordings left out (silent, too short, or words the dictionary lacks)."""
    seconds: float
    """How long building took."""


def default_transform_path() -> Path:
    return user_state_dir() / "adaptation" / "mllr_matrix"


def default_enrolment_dir() -> Path:
    """Where ``voice adapt`` keeps the sentences it was built from (next to
    what listening keeps in ``learned/``, on this device only)."""
    return user_state_dir() / "adaptation" / "enrolled"


def model_dir() -> Path:
    """The en-us acoustic model folder of the pocketsphinx wheel."""
    import pocketsphinx

    return Path(pocketsphinx.get_model_path()) / "en-us" / "en-us"


def dictionary_path() -> Path:
    return model_dir().parent / "cmudict-en-us.dict"


def dictionary_words(path: Path | None = None) -> set[str]:
    words: set[str] = set()
    with open(path or dictionary_path(), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                # Alternative pronunciations are spelled "word(2)".
                words.add(line.split(maxsplit=1)[0].split("(")[0])
    return words


# -- prompts ------------------------------------------------------------------


def prompts(answers: Iterable[str], count: int = DEFAULT_SENTENCES,
            known: set[str] | None = None) -> list[str]:
    """``count`` short sentences from the content's answers to read aloud.

    Sentences of the content itself: their words are the ones the assistant
    must hear well. Short (4-14 words) so a tired speaker can manage them;
    every word in the dictionary, because the training tools need its
    pronunciation; a fixed shuffle so everyone (and every test) gets the same.
    """
    known = dictionary_words() if known is None else known
    seen: set[str] = set()
    found: list[str] = []
    for answer in answers:
        for sentence in re.split(r"(?<=[.!?])\s+", answer):
            words = words_of(sentence)
            text = " ".join(words)
            if 4 <= len(words) <= 14 and text not in seen and all(w in known for w in words):
                seen.add(text)
                found.append(text)
    random.Random(1).shuffle(found)
    return found[:count]


# -- model conversions -------------------------------------------------------------


def read_sendump(path: Path) -> np.ndarray:
    """Mixture weights from a PocketSphinx ``sendump``: [senone, feature, codeword].

    The file is length-prefixed header strings up to a zero length, then
    one byte per weight: -log base 1.0001 of the weight, shifted right by
    ``mixw_shift``. Rows are normalised to sum to 1, as bw expects.
    """
    data = path.read_bytes()
    pos = 0

    def u32() -> int:
        nonlocal pos
        (value,) = struct.unpack_from("<I", data, pos)
        pos += 4
        return int(value)

    head: dict[str, int] = {}
    u32_len = u32()
    pos += u32_len  # the title string
    while True:
        n = u32()
        if n == 0:
            break
        parts = data[pos:pos + n].rstrip(b"\0").split()
        pos += n
        if len(parts) == 2 and parts[1].isdigit():
            head[parts[0].decode("ascii", "replace")] = int(parts[1])
    codewords = head.get("model_count", 0)
    senones = head.get("mixture_count", 0)
    features = head.get("feature_count", 0)
    shift = head.get("mixw_shift", 10)
    if head.get("cluster_count", 0) == 0:
        # Counts follow the header again (the names are swapped in the file).
        codewords, senones = u32(), u32()
    size = features * codewords * senones
    if not size or pos + size > len(data):
        raise AdaptationFailed(f"The speech model's weights in {path} are not readable.")
    raw = np.frombuffer(data, dtype=np.uint8, count=size, offset=pos)
    logs = raw.astype(np.float64).reshape(features, codewords, senones) * (1 << shift)
    weights = np.power(1.0001, -logs).transpose(2, 0, 1)
    return weights / weights.sum(axis=2, keepdims=True)


def write_mixture_weights(path: Path, weights: np.ndarray) -> None:
    """Sphinx-3 binary mixture weights, the format bw reads."""
    n_mixw, n_feat, n_density = weights.shape
    with open(path, "wb") as f:
        f.write(b"s3\nversion 1.0\nendhdr\n")
        f.write(struct.pack("<I", 0x11223344))  # byte-order mark
        f.write(struct.pack("<4i", n_mixw, n_feat, n_density, weights.size))
        f.write(weights.astype("<f4").tobytes())


# -- the tools ----------------------------------------------------------------------


def find_tool(name: str) -> Path:
    """The program ``name``, or AdaptationFailed naming the package to install."""
    found = shutil.which(name)
    if found:
        return Path(found)
    for folder in SPHINXTRAIN_DIRS:
        if (folder / name).is_file() and os.access(folder / name, os.X_OK):
            return folder / name
    raise AdaptationFailed(
        f"The voice training program {name} is missing. Install the {TOOLS[name]} "
        "package, for example by running scripts/install.sh again."
    )


def check_tools() -> None:
    """Fail before the user reads twenty sentences, not after."""
    for name in TOOLS:
        find_tool(name)


def _run(name: str, args: Sequence[str], log: Path, timeout: float = TOOL_TIMEOUT) -> None:
    cmd = [str(find_tool(name)), *args]
    nice = shutil.which("nice")
    if nice:
        # Learning while listening runs these in the background: the next
        # question's decoding must not wait for them (a Pi has few cores).
        cmd = [nice, "-n", "10", *cmd]
    try:
        with open(log, "w", encoding="utf-8") as out:
            proc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, timeout=timeout,
                                  check=False)
    except subprocess.TimeoutExpired:
        raise AdaptationFailed(
            f"Learning your voice failed: {name} did not finish within {timeout:.0f} seconds."
        ) from None
    if proc.returncode != 0:
        last = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:]
        why = f" ({last[0][:150]})" if last else ""
        raise AdaptationFailed(f"Learning your voice failed: {name} stopped with an error{why}.")


def prepare_model(into: Path) -> Path:
    """A model folder bw can read, built from the wheel's en-us model."""
    src = model_dir()
    into.mkdir(parents=True, exist_ok=True)
    for name in ("means", "variances", "transition_matrices", "feat.params", "noisedict"):
        (into / name).symlink_to(src / name)
    _run("pocketsphinx_mdef_convert", ["-text", str(src / "mdef"), str(into / "mdef")],
         into / "mdef.log", timeout=60)
    write_mixture_weights(into / "mixture_weights", read_sendump(src / "sendump"))
    return into


# -- building the transform -------------------------------------------------------------


def usable(rec: Recording, known: set[str]) -> bool:
    """Whether the training tools can use ``rec``: speech, words they know."""
    words = words_of(rec.text)
    if not words or any(w not in known for w in words):
        return False
    return rec.clip.duration >= 0.5 and rec.clip.rms() >= SILENT_RMS


def build_transform(recordings: Sequence[Recording], out: Path | None = None) -> AdaptResult:
    """Estimate the MLLR transform from ``recordings`` and save it at ``out``.

    ``out`` is replaced only when everything worked.
    """
    started = time.monotonic()
    out = out or default_transform_path()
    check_tools()
    known = dictionary_words()
    good = [r for r in recordings if usable(r, known)]
    if len(good) < MIN_RECORDINGS:
        raise TooFewRecordings(
            f"I could only use {len(good)} of the {len(recordings)} recordings, and I need "
            f"at least {MIN_RECORDINGS}. Please try again somewhere quiet, speaking close "
            "to the microphone."
        )
    with tempfile.TemporaryDirectory(prefix="voice-adapt-") as tmp_name:
        tmp = Path(tmp_name)
        model = prepare_model(tmp / "model")
        wavs = tmp / "wav"
        wavs.mkdir()
        ids, lines = [], []
        for i, rec in enumerate(good):
            uid = f"u{i:03d}"
            write_wav(wavs / f"{uid}.wav", rec.clip.resampled(RECOGNIZER_RATE))
            ids.append(uid)
            lines.append(f"<s> {' '.join(words_of(rec.text))} </s> ({uid})")
        fileids, transcription = tmp / "adapt.fileids", tmp / "adapt.transcription"
        fileids.write_text("\n".join(ids) + "\n", encoding="utf-8")
        transcription.write_text("\n".join(lines) + "\n", encoding="utf-8")
        _run("sphinx_fe", ["-argfile", str(model / "feat.params"),
                           "-samprate", str(RECOGNIZER_RATE), "-c", str(fileids),
                           "-di", str(wavs), "-do", str(wavs), "-ei", "wav", "-eo", "mfc",
                           "-mswav", "yes"], tmp / "fe.log")
        acc = tmp / "acc"
        acc.mkdir()  # bw retries forever when it is missing
        _run("bw", ["-hmmdir", str(model), "-moddeffn", str(model / "mdef"),
                    "-ts2cbfn", ".ptm.", "-feat", "1s_c_d_dd",
                    "-svspec", "0-12/13-25/26-38", "-cmn", "batch", "-agc", "none",
                    "-dictfn", str(dictionary_path()), "-fdictfn", str(model / "noisedict"),
                    "-ctlfn", str(fileids), "-lsnfn", str(transcription),
                    "-cepdir", str(wavs), "-accumdir", str(acc)], tmp / "bw.log")
        matrix = tmp / "mllr_matrix"
        _run("mllr_solve", ["-meanfn", str(model / "means"), "-varfn", str(model / "variances"),
                            "-outmllrfn", str(matrix), "-accumdir", str(acc)],
             tmp / "mllr.log")
        problem = transform_problem(matrix)
        if problem:
            raise AdaptationFailed(f"Learning your voice failed: {problem}")
        save_atomically(matrix, out)
    return AdaptResult(out, len(good), len(recordings) - len(good),
                       time.monotonic() - started)


def save_atomically(src: Path, dest: Path) -> None:
    """Copy ``src`` to ``dest`` so that a reader sees the old file or the new, never half."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, part = tempfile.mkstemp(prefix=".mllr-", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(src.read_bytes())
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, dest)
    except BaseException:
        Path(part).unlink(missing_ok=True)
        raise


def model_streams(folder: Path | None = None) -> tuple[int, ...] | None:
    """The length of each feature stream of the acoustic model in ``folder``
    (default: the bundled en-us model, ``(13, 13, 13)``), or None if unreadable.

    Read from the header of the binary ``means`` file: the Gaussians an MLLR
    transform moves are exactly these, so this is the shape PocketSphinx will
    apply a transform to, whatever ``feat.params`` says. ``feat.params``'s
    ``-svspec`` is only the fallback for a model whose means cannot be read.
    """
    folder = folder or model_dir()
    try:
        with open(folder / "means", "rb") as f:
            head = f.read(4096)
    except OSError:
        head = b""
    streams = _means_streams(head)
    if streams is None:
        streams = _svspec_streams(folder / "feat.params")
    return streams


def _means_streams(head: bytes) -> tuple[int, ...] | None:
    # Sphinx-3 binary: "s3", "name value" lines up to "endhdr", a byte-order
    # mark, then n_mgau, n_feat, n_density, n_feat stream lengths, the total.
    end = head.find(b"endhdr\n")
    if not head.startswith(b"s3\n") or end < 0:
        return None
    pos = end + len(b"endhdr\n")
    try:
        (mark,) = struct.unpack_from("<I", head, pos)
        order = "<" if mark == 0x11223344 else ">" if mark == 0x44332211 else ""
        if not order:
            return None
        n_mgau, n_feat, n_density = struct.unpack_from(f"{order}3i", head, pos + 4)
        if not 1 <= n_feat <= 16:
            return None
        lengths = struct.unpack_from(f"{order}{n_feat}i", head, pos + 16)
        (total,) = struct.unpack_from(f"{order}i", head, pos + 16 + 4 * n_feat)
    except struct.error:
        return None
    # The total must agree, or these are not the numbers we think they are.
    if min(lengths) < 1 or total != n_mgau * n_density * sum(lengths):
        return None
    return tuple(int(n) for n in lengths)


def _svspec_streams(params: Path) -> tuple[int, ...] | None:
    try:
        text = params.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = re.search(r"^-svspec\s+(\S+)", text, re.MULTILINE)
    if not found:
        return None
    lengths = []
    for part in found.group(1).split("/"):
        # A stream is ranges and single indices: "0-12" or "0-12,39".
        count = 0
        for piece in part.split(","):
            first, _, last = piece.partition("-")
            if not first.isdigit() or (last and not last.isdigit()):
                return None
            count += int(last or first) - int(first) + 1
        if count < 1:
            return None
        lengths.append(count)
    return tuple(lengths)


def _shape(lengths: Sequence[int]) -> str:
    """ "3 streams of 13 values", for a message."""
    streams = f"{len(lengths)} stream{'s' if len(lengths) != 1 else ''}"
    if len(set(lengths)) == 1:
        return f"{streams} of {lengths[0]} value{'s' if lengths[0] != 1 else ''}"
    return f"{streams} of {', '.join(map(str, lengths))} values"


def transform_problem(path: Path, model: Path | None = None) -> str:
    """Why the transform at ``path`` cannot be used with the acoustic model in
    ``model`` (default: the bundled en-us one), or "" when it can.

    A text check (PocketSphinx only says "Failed to initialize" for some bad
    files): a class count, a stream count, then per stream its length and an
    n x n matrix, a bias and a variance scale of finite numbers.

    Then the shape: PocketSphinx applies a transform without comparing it to
    the model, so one with fewer or shorter streams than the model's reads
    past its arrays and the whole process dies (SIGSEGV, measured with 1 x 39,
    2 x 13 and 3 x 12 on en-us), and one with more or longer streams silently
    distorts the model. It also reads only one class, and in another file
    layout than sphinxtrain writes for several, so only one class will do.
    """
    try:
        tokens = path.read_text(encoding="ascii").split()
        values = [float(t) for t in tokens]
    except FileNotFoundError:
        return f"there is no voice adaptation at {path}."
    except (OSError, UnicodeDecodeError, ValueError):
        return f"the voice adaptation in {path} is damaged."
    lengths: list[int] = []

    def count(at: int) -> int:
        # PocketSphinx reads counts with %d: "1.5" would be misread, not refused.
        if values[at] != int(values[at]) or values[at] < 1:
            raise ValueError(values[at])
        return int(values[at])

    try:
        n_class, n_stream = count(0), count(1)
        pos = 2
        for _ in range(n_class * n_stream):
            n = count(pos)  # at least 1, so each block moves on: no endless loop
            lengths.append(n)
            pos += 1 + n * n + 2 * n
        whole = pos == len(values)
    except (IndexError, ValueError, OverflowError):
        whole = False
    if not whole or not np.isfinite(values).all():
        return f"the voice adaptation in {path} is damaged."
    if n_class != 1:
        return (f"the voice adaptation in {path} has {n_class} classes, "
                "and PocketSphinx can use only one.")
    expected = model_streams(model)
    if expected is None:
        return (f"the speech model's layout could not be read, so the voice adaptation "
                f"in {path} cannot be checked.")
    if tuple(lengths) != expected:
        return (f"the voice adaptation in {path} was made for a different speech model "
                f"({_shape(lengths)}; this model needs {_shape(expected)}).")
    return ""


#: Longest speech (seconds) that may be a spoken "skip" or "stop": every
#: prompt has at least four words and takes longer, so a garbled sentence is
#: never taken for a command.
COMMAND_MAX_SECONDS = 1.5


class CommandListener:
    """Tells "skip" and "stop" from a reading of the prompt.

    A grammar of exactly three choices (the sentence, "skip", "stop") on the
    stock model: fast, and it cannot hear any other word. Loaded on first use.
    """

    def __init__(self) -> None:
        self._decoder: object | None = None

    def command(self, clip: AudioClip, sentence: str, speech_seconds: float) -> str:
        """ "skip", "stop", or "" when ``clip`` is (an attempt at) the sentence."""
        if speech_seconds > COMMAND_MAX_SECONDS:
            return ""
        import pocketsphinx

        if self._decoder is None:
            self._decoder = pocketsphinx.Decoder(samprate=RECOGNIZER_RATE, loglevel="FATAL",
                                                 dither=True, seed=1)
        d: Any = self._decoder
        words = " ".join(words_of(sentence))
        d.add_jsgf_string("adapt", "#JSGF V1.0;\ngrammar adapt;\n"
                                   f"public <s> = {words} | skip | stop;\n")
        d.activate_search("adapt")
        from voice.speech_in.gate import SpeechGate

        # Without trimming, a short word in long silence finds no path
        # through the grammar at all (measured: padded "skip" gave nothing).
        gate = SpeechGate()
        samples = np.asarray(clip.resampled(RECOGNIZER_RATE).samples, dtype=np.int16)
        speech = np.concatenate([gate.push(samples.reshape(-1)), gate.flush()])
        d.start_utt()
        d.process_raw(speech.tobytes(), full_utt=True)
        d.end_utt()
        hyp = d.hyp()
        said = hyp.hypstr.strip() if hyp is not None else ""
        return said if said in ("skip", "stop") else ""


def save_recording(folder: Path, stem: str, clip: AudioClip, text: str) -> None:
    """``stem.wav`` (16 kHz mono) and ``stem.txt`` in ``folder``.

    The text last: a WAV left without its text by a crash is skipped by
    ``read_recordings``, never read with another sentence's words.
    """
    write_wav(folder / f"{stem}.wav", clip.resampled(RECOGNIZER_RATE))
    (folder / f"{stem}.txt").write_text(text + "\n", encoding="utf-8")


def read_recordings(folder: Path) -> list[Recording]:
    """Each ``NAME.wav`` in ``folder`` with the words in its ``NAME.txt``, by
    name; unreadable ones (or none, or no folder) are skipped, not an error."""
    found = []
    for wav in sorted(folder.glob("*.wav")):
        txt = wav.with_suffix(".txt")
        if not txt.is_file():
            continue
        try:
            found.append(Recording(read_wav(wav), txt.read_text(encoding="utf-8").strip()))
        except (OSError, ValueError, EOFError, UnicodeDecodeError):
            continue  # damaged, or deleted meanwhile: counted as unusable, if at all
    return found


def kept_sentences(folder: Path | None = None) -> int:
    """How many ``voice adapt`` sentences are kept (0: learning has nothing
    with true words to build on)."""
    folder = folder or default_enrolment_dir()
    return sum(1 for _ in folder.glob("*.txt")) if folder.is_dir() else 0


def keep_enrolment(recordings: Sequence[Recording], folder: Path | None = None) -> int:
    """Keep the usable ``recordings`` with their true words in ``folder``, in
    place of any kept before; how many were kept.

    Only usable ones: the others would never be built from, and the user's
    voice is not kept for nothing. An interruption leaves some of them, each
    whole: still the user's own reading, so still good to build on.
    """
    folder = folder or default_enrolment_dir()
    forget_enrolment(folder)
    known = dictionary_words()
    good = [r for r in recordings if usable(r, known)]
    folder.mkdir(parents=True)
    for i, rec in enumerate(good):
        save_recording(folder, f"{i + 1:03d}", rec.clip, " ".join(words_of(rec.text)))
    return len(good)


def forget_enrolment(folder: Path | None = None) -> bool:
    """Delete the kept ``voice adapt`` sentences; True if there were any."""
    folder = folder or default_enrolment_dir()
    existed = folder.exists()
    shutil.rmtree(folder, ignore_errors=True)
    return existed


def recordings_from_dir(folder: Path) -> list[Recording]:
    """``NAME.wav`` files with their ``NAME.txt`` transcripts (a caregiver's recordings)."""
    if not folder.is_dir():
        raise AdaptationFailed(f"There is no folder {folder}.")
    found = read_recordings(folder)
    if not found:
        raise AdaptationFailed(
            f"I found no recordings in {folder}. Put each sentence in NAME.wav "
            "with its words in NAME.txt."
        )
    return found


def remove_transform(path: Path | None = None) -> bool:
    """Delete the transform; True if there was one."""
    path = path or default_transform_path()
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
