# Sourced by scripts/emulate-arm64.sh and scripts/benchmark_pi_emulated.sh: an arm64
# Debian 12 root under qemu-user, ready to run programs as a Raspberry Pi 4 would.
#
#   arm64_root_prepare ROOT MIRROR WORKDIR
#
# installs the host tools (qemu-user-static, binfmt-support, debootstrap, bc,
# espeak-ng) and binfmt_misc for arm64 programs; debootstraps bookworm into ROOT
# once; mounts proc, sys, dev, dev/pts and a Pi 4's /proc/cpuinfo (written into
# WORKDIR), unmounted again at exit; adds the user pi and this host's extra
# certificate authorities. Afterwards `in_root CMD...` runs a command in the root.

say() { echo "==> $*"; }
# Wall-clock seconds of a command (its own output passes through).
timed() { local t0; t0=$(date +%s.%N); "$@"; echo "    took $(echo "$(date +%s.%N) - $t0" | bc) s"; }

# QEMU_CPU: the Pi 4's own core (Armv8.0-A, no dot-product or SVE instructions), so a
# wheel built for a newer core fails here with "Illegal instruction" as on the Pi.
CPU="${QEMU_CPU:-cortex-a72}"
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
  HOME=/root LANG=C.UTF-8 QEMU_CPU="$CPU" "$@"; }

arm64_root_prepare() {
  ROOT="$1"
  local mirror="$2" workdir="$3" p m
  # 1. Host tools.
  local missing=()
  for p in qemu-user-static binfmt-support debootstrap bc espeak-ng; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  if [[ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]]; then
    [[ -e /proc/sys/fs/binfmt_misc/register ]] \
      || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
    update-binfmts --enable qemu-aarch64
  fi
  # 2. The root (debootstrap runs its second stage through binfmt and qemu).
  if [[ ! -x "$ROOT/usr/bin/python3" ]]; then
    say "debootstrap arm64 bookworm into $ROOT"
    timed nice -n 19 debootstrap --arch=arm64 --variant=minbase \
      --include=sudo,ca-certificates,python3 bookworm "$ROOT" "$mirror"
  fi
  cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
  grep -q "[[:space:]]$(hostname)\$" "$ROOT/etc/hosts" 2>/dev/null \
    || echo "127.0.1.1 $(hostname)" >> "$ROOT/etc/hosts"   # else sudo warns on every call
  ARM64_MOUNTED=()
  for m in proc sys dev dev/pts; do
    if ! mountpoint -q "$ROOT/$m"; then
      case "$m" in
        proc) mount -t proc proc "$ROOT/proc" ;;
        sys) mount -t sysfs sys "$ROOT/sys" ;;
        *) mount --bind "/$m" "$ROOT/$m" ;;
      esac
      ARM64_MOUNTED=("$ROOT/$m" "${ARM64_MOUNTED[@]}")
    fi
  done
  # qemu-user shows arm64 programs this host's /proc/cpuinfo, an x86 one: onnxruntime
  # 1.32's import crashes on it (SIGSEGV), and gpiozero looks there for a Pi's revision.
  # The root is shown what a Raspberry Pi 4 Model B shows instead (four Cortex-A72,
  # part 0xd08, no AES or SHA instructions; BCM2711 reports itself as BCM2835).
  { for p in 0 1 2 3; do
      printf 'processor\t: %s\nBogoMIPS\t: 108.00\nFeatures\t: fp asimd evtstrm crc32 cpuid\n' "$p"
      printf 'CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x0\n'
      printf 'CPU part\t: 0xd08\nCPU revision\t: 3\n\n'
    done
    printf 'Hardware\t: BCM2835\nRevision\t: c03111\nModel\t\t: Raspberry Pi 4 Model B Rev 1.1\n'
  } > "$workdir/cpuinfo-pi4"
  if ! findmnt -n "$ROOT/proc/cpuinfo" >/dev/null; then
    mount --bind "$workdir/cpuinfo-pi4" "$ROOT/proc/cpuinfo"
    ARM64_MOUNTED=("$ROOT/proc/cpuinfo" "${ARM64_MOUNTED[@]}")
  fi
  trap 'for m in "${ARM64_MOUNTED[@]}"; do umount "$m" || true; done' EXIT
  in_root uname -m | grep -qx aarch64 || { echo "the root does not run arm64 programs" >&2; exit 1; }
  in_root id pi >/dev/null 2>&1 || in_root useradd -m -s /bin/bash pi
  # Certificate authorities this host trusts beyond Debian's (a TLS-inspecting proxy in
  # front of PyPI, here) are trusted in the root too, or pip cannot connect.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$ROOT/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
    in_root update-ca-certificates >/dev/null
  fi
}
