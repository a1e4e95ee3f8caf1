#!/usr/bin/env bash
# Does the Raspberry Pi install path work on arm64 (64-bit Raspberry Pi OS is
# Debian 12 arm64 with Python 3.11)? Checked in an arm64 Debian 12 root under
# qemu-user on an x86-64 machine, and compared with the same checks run natively:
#
#   sudo scripts/emulate-arm64.sh [--root DIR] [--mirror URL] [--fresh] [--out DIR]
#
# 1. host tools (qemu-user-static, binfmt-support, debootstrap; apt) and binfmt_misc
#    for arm64 programs (without it: "the root does not run arm64 programs");
# 2. debootstrap --arch=arm64 bookworm into DIR (default /work/arm64-root), once;
# 3. this working tree's tracked files copied to DIR/home/pi/voice, and
#    scripts/install-pi.sh --user pi --no-service --no-models run inside as a user
#    would (no systemd in a chroot; the Vosk model's host is not reachable from
#    here); --fresh deletes that copy (its .venv and models) first; the root sees a
#    Raspberry Pi 4's /proc/cpuinfo, not this host's (see below);
# 4. inside, as user pi (scripts/emulate_arm64_checks.py): where every dependency
#    came from (wheel tags), the models' pinned digests, PortAudio, pyttsx3 over
#    espeak-ng, gpiozero with mock pins, microWakeWord 'okay nabu' and 'stop' on real
#    people's recordings; `voice text` answering typed questions; `voice ask --audio`
#    with Whisper and with PocketSphinx on four clips, each with its peak memory;
# 5. the same natively (this repository's .venv, if there is one), and the answers,
#    words heard and wake counts compared line by line: "same as native" or a diff.
#
# Everything heavy runs under `nice -n 19`. Times are qemu's, not a Pi's (qemu runs
# vector code 100x slower or more): see docs/raspberry-pi.md. Not part of the tests:
# it takes 15-20 minutes with the root built, 35 or more without.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT=/work/arm64-root
MIRROR=http://deb.debian.org/debian
FRESH=0
OUT=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --root) ROOT="$2"; shift ;;
    --mirror) MIRROR="$2"; shift ;;
    --fresh) FRESH=1 ;;
    --out) OUT="$2"; shift ;;
    -h|--help) sed -n '2,/^set -euo pipefail/{/^set/!p}' "$0"; exit 0 ;;
    *) echo "emulate-arm64: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
[[ $(id -u) -eq 0 ]] || { echo "emulate-arm64: run as root (debootstrap, chroot)." >&2; exit 1; }
OUT="${OUT:-$(mktemp -d /tmp/emulate-arm64.XXXX)}"
mkdir -p "$OUT"
# shellcheck source=scripts/lib/arm64-root.sh
source "$REPO/scripts/lib/arm64-root.sh"
arm64_root_prepare "$ROOT" "$MIRROR" "$OUT"
# sudo clears the environment: QEMU_CPU again after it, for the programs it starts.
as_pi() { in_root sudo -u pi -H env QEMU_CPU="$CPU" OPENBLAS_NUM_THREADS=1 \
  bash -c 'cd /home/pi/voice && exec nice -n 19 "$@"' _ "$@"; }
say "arm64 root: $(in_root python3 --version), emulated CPU $CPU; results in $OUT"

# 3. The repository, and the installer as a user runs it.
DEST="$ROOT/home/pi/voice"
if [[ $FRESH -eq 1 ]]; then rm -rf "$DEST"; fi
mkdir -p "$DEST/.emulate"
(cd "$REPO" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$DEST"
espeak-ng -w "$DEST/.emulate/q_cured.wav" "can these disorders be cured"
in_root chown -R pi:pi /home/pi/voice
say "scripts/install-pi.sh --user pi --no-service --no-models (emulated)"
if ! timed in_root nice -n 19 bash /home/pi/voice/scripts/install-pi.sh --user pi --no-service \
    --no-models 2>&1 | tee "$OUT/install.log"; then
  echo "install-pi.sh failed: $OUT/install.log" >&2; exit 1
fi

# 4 and 5. The checks, emulated then natively; each writes <check>.<where>.jsonl.
CLIPS=(.emulate/q_cured.wav tests/data/real/commands/sc_stop_439c84f4_nohash_1.wav
       tests/data/real/digits/fsdd_3_george_0.wav tests/data/real/sentences/ls_237-134500-0034.wav)
QUESTIONS="can these disorders be cured
help with tight muscles
yes
how can caregivers cope
what is the weather tomorrow
quit"
CHECK=(.venv/bin/python scripts/emulate_arm64_checks.py)
NATIVE=0
[[ -x "$REPO/.venv/bin/python" ]] && NATIVE=1
native() { (cd "$REPO" && OPENBLAS_NUM_THREADS=1 nice -n 19 "$@"); }
# Native runs read the clips from the root's copy (the espeak-ng one is made there).
native_clips=()
for c in "${CLIPS[@]}"; do native_clips+=("$DEST/$c"); done
status=0
run_check() {  # name, then the command's arguments after scripts/emulate_arm64_checks.py
  local name="$1"; shift
  say "$name (emulated)"
  as_pi "${CHECK[@]}" "$@" > "$OUT/$name.arm64.jsonl" 2> "$OUT/$name.arm64.err" \
    || { status=1; echo "    FAILED: $OUT/$name.arm64.err"; tail -3 "$OUT/$name.arm64.err"; }
  cat "$OUT/$name.arm64.jsonl"
  grep -h '"check": "peak-memory"' "$OUT/$name.arm64.err" || true
  if [[ $NATIVE -eq 1 ]]; then
    native "${CHECK[@]}" "$@" > "$OUT/$name.native.jsonl" 2> "$OUT/$name.native.err" || true
    grep -h '"check": "peak-memory"' "$OUT/$name.native.err" || true
  fi
}
run_check wheels wheels
run_check digests digests
run_check parts parts
run_check wake wake
printf '%s\n' "$QUESTIONS" > "$OUT/questions.txt"
say "voice text --json --no-speak: $(grep -vc quit "$OUT/questions.txt") typed questions"
as_pi "${CHECK[@]}" peak text --json --no-speak < "$OUT/questions.txt" \
  > "$OUT/text.arm64.jsonl" 2> "$OUT/text.arm64.err" || status=1
cat "$OUT/text.arm64.jsonl"; grep -h '"peak-memory"' "$OUT/text.arm64.err" || true
[[ $NATIVE -eq 1 ]] && { native "${CHECK[@]}" peak text --json --no-speak < "$OUT/questions.txt" \
  > "$OUT/text.native.jsonl" 2> "$OUT/text.native.err" || true; }
for engine in whisper pocketsphinx; do
  say "voice ask --audio (${#CLIPS[@]} clips) --json --no-speak --recognizer $engine (emulated)"
  as_pi "${CHECK[@]}" peak ask --audio "${CLIPS[@]}" --json --no-speak --recognizer "$engine" \
    > "$OUT/ask-$engine.arm64.jsonl" 2> "$OUT/ask-$engine.arm64.err" || status=1
  cat "$OUT/ask-$engine.arm64.jsonl"; grep -h '"peak-memory"' "$OUT/ask-$engine.arm64.err" || true
  if [[ $NATIVE -eq 1 ]]; then
    native "${CHECK[@]}" peak ask --audio "${native_clips[@]}" --json --no-speak \
      --recognizer "$engine" > "$OUT/ask-$engine.native.jsonl" 2> "$OUT/ask-$engine.native.err" || true
    grep -h '"peak-memory"' "$OUT/ask-$engine.native.err" || true
  fi
done
say "bare interpreter's peak memory (what qemu itself adds)"
as_pi .venv/bin/python -c 'import sys; sys.path.insert(0, "scripts"); import emulate_arm64_checks as c; print("arm64 ", c.vm_hwm_mb(), "MB")'
[[ $NATIVE -eq 1 ]] && native .venv/bin/python -c 'import sys; sys.path.insert(0, "scripts"); import emulate_arm64_checks as c; print("native", c.vm_hwm_mb(), "MB")'

# The same answers, words and counts as natively? (times, paths and machine differ.)
if [[ $NATIVE -eq 1 ]]; then
  say "emulated against native (answers, words heard, wake counts)"
  strip() { sed -E -e 's/"(machine|wall_s|audio_s)": [^,}]*,? ?//g' -e 's#"file": "[^"]*/#"file": "#g' "$1"; }
  for name in digests wake text ask-whisper ask-pocketsphinx; do
    if diff <(strip "$OUT/$name.native.jsonl") <(strip "$OUT/$name.arm64.jsonl") > "$OUT/$name.diff"; then
      echo "    $name: same as native"
    else
      echo "    $name: DIFFERS from native ($OUT/$name.diff)"; status=1
    fi
  done
fi
echo "host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $status -eq 0 ]]; then say "all checks passed"; else say "some checks FAILED (above)"; fi
exit $status
