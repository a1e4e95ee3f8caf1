#!/usr/bin/env bash
# Does the assistant install and run on 64-bit Raspberry Pi OS (Debian 12, arm64)?
# Tried in an arm64 Debian 12 root under qemu-user, from scratch, and measured:
#
#   sudo scripts/benchmark_pi_emulated.sh [--root DIR] [--mirror URL] [--fresh]
#
# 1. the host tools: qemu-user-static, binfmt-support, debootstrap (apt), and
#    binfmt_misc so that arm64 programs run through qemu-aarch64;
# 2. debootstrap --arch=arm64 bookworm into DIR (default /work/arm64-root), once;
# 3. the repository's tracked files (as they are in this working tree) copied to
#    DIR/home/pi/voice, and scripts/install-pi.sh --user pi --no-service --no-models
#    run inside (no systemd in a chroot; the Vosk host is not reachable from here);
#    --fresh deletes that copy's .venv and models first, so every step runs;
# 4. inside: voice doctor, then voice ask --audio ... --json --no-speak with
#    Whisper and with PocketSphinx, on three clips (one espeak-ng question, one
#    real person's "yes", one real person's read sentence from tests/data/real);
# 5. scripts/benchmark_pi_emulated.py on the same clips, natively (this
#    repository's .venv) and emulated: load time, decode time, peak memory; and a
#    small CPU benchmark both ways, to tell qemu's slowdown apart from the work.
#
# The figures it prints are qemu's, not a Pi's: see docs/raspberry-pi.md for how a
# Pi 4 estimate is made from them. Not part of the tests: it takes 20-60 minutes
# (the first time mostly debootstrap and pip under emulation).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT=/work/arm64-root
MIRROR=http://deb.debian.org/debian
FRESH=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --root) ROOT="$2"; shift ;;
    --mirror) MIRROR="$2"; shift ;;
    --fresh) FRESH=1 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "benchmark_pi_emulated: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
[[ $(id -u) -eq 0 ]] || { echo "benchmark_pi_emulated: run as root (debootstrap, chroot)." >&2; exit 1; }
WORK="$(mktemp -d /tmp/benchmark-pi.XXXX)"
# shellcheck source=scripts/lib/arm64-root.sh
source "$REPO/scripts/lib/arm64-root.sh"
arm64_root_prepare "$ROOT" "$MIRROR" "$WORK"
# sudo clears the environment: QEMU_CPU again after it, for the programs it starts.
as_pi() { in_root sudo -u pi -H env QEMU_CPU="$CPU" OPENBLAS_NUM_THREADS=1 "$@"; }
# The features the emulated core shows programs (qemu passes the host's /proc/cpuinfo
# through, so ask the kernel's HWCAP as a program sees it): no asimddp, no sve on a Pi 4.
hwcap='import ctypes; f = ctypes.CDLL(None).getauxval; f.restype = ctypes.c_ulong; v = f(16)
names = {1: "fp", 2: "asimd", 8: "aes", 64: "crc32", 1 << 8: "atomics", 1 << 20: "asimddp", 1 << 22: "sve"}
print(" ".join(n for b, n in names.items() if v & b))'
say "emulated CPU: $CPU, features: $(in_root python3 -c "$hwcap")"

# 3. The repository, and the installer as a user runs it.
DEST="$ROOT/home/pi/voice"
if [[ $FRESH -eq 1 ]]; then rm -rf "$DEST"; fi
mkdir -p "$DEST"
(cd "$REPO" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$DEST"
mkdir -p "$DEST/.bench"
espeak-ng -w "$DEST/.bench/q_cured.wav" "can these disorders be cured"
in_root chown -R pi:pi /home/pi/voice
say "scripts/install-pi.sh --user pi --no-service --no-models (emulated)"
timed in_root bash /home/pi/voice/scripts/install-pi.sh --user pi --no-service --no-models

CLIPS=(.bench/q_cured.wav tests/data/real/commands/sc_yes_439c84f4_nohash_1.wav
       tests/data/real/sentences/ls_237-134500-0034.wav)
cd_voice=(bash -c 'cd /home/pi/voice && exec "$@"' _)

# 4. The assistant's own commands, emulated.
say "voice doctor (emulated)"
as_pi "${cd_voice[@]}" .venv/bin/python -m voice doctor || true
as_pi "${cd_voice[@]}" .venv/bin/python -c "import ctranslate2, gpiozero, lgpio, pocketsphinx, vosk
print('imports: ctranslate2', ctranslate2.__version__, '| lgpio', lgpio.LGPIO_PY_VERSION)"
as_pi du -sh /home/pi/voice/.venv /home/pi/voice/models/whisper-tiny.en
for engine in whisper pocketsphinx; do
  say "voice ask --audio ... --json --no-speak --recognizer $engine (emulated)"
  timed as_pi "${cd_voice[@]}" .venv/bin/python -m voice ask --audio "${CLIPS[@]}" \
    --json --no-speak --recognizer "$engine"
done

# 5. Figures, native and emulated, one JSON line each.
say "figures (JSON; *_cpu_s is CPU time of all threads, *_s wall time)"
native_clips=()
for c in "${CLIPS[@]}"; do native_clips+=("$DEST/$c"); done
for engine in whisper pocketsphinx; do
  echo "native   $(cd "$REPO" && OPENBLAS_NUM_THREADS=1 .venv/bin/python \
    scripts/benchmark_pi_emulated.py engine "$engine" "${native_clips[@]}")"
  echo "emulated $(as_pi "${cd_voice[@]}" .venv/bin/python scripts/benchmark_pi_emulated.py \
    engine "$engine" "${CLIPS[@]}")"
done
echo "native   $(cd "$REPO" && OPENBLAS_NUM_THREADS=1 .venv/bin/python \
  scripts/benchmark_pi_emulated.py calibrate)"
echo "emulated $(as_pi "${cd_voice[@]}" .venv/bin/python scripts/benchmark_pi_emulated.py calibrate)"
echo "host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
