"""``voice caregiver``: the caregiver's web page, from a phone's browser.

``--set-password`` sets its password first (asked twice at a terminal, read
from standard input otherwise). See docs/caregiver.md.
"""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import sys
from collections.abc import Callable
from pathlib import Path

from voice.errors import VoiceError

NAME = "caregiver"
HELP = "start the caregiver's web page: status, settings, content, questions (docs/caregiver.md)"
ORDER = 70

DEFAULT_PORT = 8710
LOOPBACK = "127.0.0.1"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--set-password", action="store_true",
                        help="set the page's password (asked twice; or one line on stdin)")
    parser.add_argument("--host", default=LOOPBACK,
                        help="address to listen on (default 127.0.0.1: this device only; "
                             "0.0.0.0 for phones on the local network)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--tls-cert", metavar="FILE",
                        help="serve HTTPS with this certificate (PEM); the login cookie is "
                             "then marked Secure. Needs --tls-key")
    parser.add_argument("--tls-key", metavar="FILE", help="the certificate's private key (PEM)")


def _read_new_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("New caregiver password: ")
        second = getpass.getpass("The same password again: ")
        if first != second:
            raise VoiceError("The two passwords are not the same; nothing was changed.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def set_password() -> int:
    from voice.services.caregiver import passwords

    path = passwords.set_password(_read_new_password())
    print(f"The caregiver password is set (kept as a hash in {path}). "
          "Start the page with: voice caregiver")
    return 0


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def lan_addresses() -> list[str]:
    """This device's addresses a phone on the same network can use."""
    import socket

    found: set[str] = set()
    try:
        # No packet is sent: connecting a UDP socket only picks the route.
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            found.add(s.getsockname()[0])
    except OSError:
        pass
    return sorted(a for a in found if not a.startswith("127."))


def run(args: argparse.Namespace) -> int:
    if args.set_password:
        return set_password()
    from voice.services.caregiver import passwords

    if passwords.stored_hash() is None:
        raise VoiceError("No caregiver password is set, so the page will not start. "
                         "Set one first with: voice caregiver --set-password")
    if not 1 <= args.port <= 65535:
        raise VoiceError(f"--port must be between 1 and 65535, not {args.port}.")
    tls = bool(args.tls_cert or args.tls_key)
    if tls and not (args.tls_cert and args.tls_key):
        raise VoiceError("Give both --tls-cert and --tls-key, or neither.")
    for name in (args.tls_cert, args.tls_key):
        if name and not Path(name).is_file():
            raise VoiceError(f"{name}: file not found.")
    from voice.services.caregiver.app import PageOptions, create_app, load_config

    options = PageOptions(config_file=Path(args.config) if args.config else None,
                          content=tuple(args.content or ()), secure_cookie=tls)
    try:
        # A broken settings file is reported now, as well as on the page.
        problems = "\n".join(load_config(options).problems)
    except VoiceError as e:
        problems = e.message
    if problems:
        # Refusing to start left the caregiver with no page at all (under
        # systemd: restarted every 5 s), exactly when the settings need a look;
        # its Status and Settings pages show the same lines.
        for line in problems.splitlines():
            print(f"voice caregiver: {line}", file=sys.stderr, flush=True)
        print("voice caregiver: the page starts anyway and shows this; its Settings page "
              "fixes or removes each setting with a mistake.", file=sys.stderr, flush=True)
    app = create_app(options)
    scheme = "https" if tls else "http"

    def announce() -> None:
        # Said once the page listens: its address was printed before a
        # failed start too ("Caregiver's page: http://..." then the error).
        if is_loopback(args.host):
            print(f"Caregiver's page: {scheme}://{args.host}:{args.port}/ (this device only; "
                  "'--host 0.0.0.0' opens it to phones on the local network).", flush=True)
        else:
            where = ", ".join(f"{scheme}://{a}:{args.port}/" for a in lan_addresses()) or \
                f"{scheme}://<this device's address>:{args.port}/"
            unencrypted = "" if tls else (
                ", and the connection is not encrypted (see --tls-cert)")
            print(f"WARNING: the caregiver's page is open to the local network ({args.host}). "
                  f"Anyone on this network can reach its login page{unencrypted}. Use it only "
                  "on a home network you trust, with a strong password.", file=sys.stderr,
                  flush=True)
            print(f"Caregiver's page: {where}", flush=True)
        print("Press Ctrl+C to stop it.", flush=True)

    serve(app, args.host, args.port, args.tls_cert, args.tls_key, ready=announce)
    return 0


def cannot_listen(host: str, port: int, error: OSError) -> str:
    """Why the page cannot start, with the way forward for that reason:
    "Try another --port" was said for a mistyped --host too."""
    import errno

    head = f"Cannot listen on {host}:{port} ({error.strerror or error})."
    reason = error.errno or _bind_errno(host, port)
    if reason == errno.EADDRINUSE:
        return f"{head} Is the page already running? Try another --port."
    if reason in (errno.EACCES, errno.EPERM):
        return f"{head} Ports below 1024 need root: use the usual --port 8710."
    return (f"{head} Check --host: it must be an address of this device, 127.0.0.1 for "
            "this device only or 0.0.0.0 for the home network.")


def _bind_errno(host: str, port: int) -> int | None:
    """The errno of binding ``host``:``port`` now (cheroot's error keeps only
    its text); EADDRNOTAVAIL for a host that is no address at all."""
    import errno
    import socket

    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        return errno.EADDRNOTAVAIL
    for family, kind, proto, _, address in found:
        try:
            with socket.socket(family, kind, proto) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as cheroot does
                probe.bind(address)
        except OSError as e:
            return e.errno
    return None


#: Worker threads of the page's server. A connection that sends nothing (a
#: browser's pre-connect, a tab on a dropped Wi-Fi) holds one for cheroot's
#: 10 s timeout: with 4, six such connections held the login page 9.0 s
#: (tests/test_robust22_caregiver_idle.py). 16 left a phone's six room, but
#: 30 (two phones and a laptop on a dropped Wi-Fi, a scan of the home
#: network) still held it 5.9-7.5 s; 64 answer at once beside 30
#: (tests/test_robust23_caregiver_idle_many.py). 48 more threads: +0.8 MB RSS
#: (60.2 -> 60.9 MB here); a waiting thread costs
#: little memory (its stack is reserved, not used).
PAGE_THREADS = 64


def serve(app: object, host: str, port: int, cert: str | None, key: str | None,
          ready: Callable[[], None] = lambda: None) -> None:
    """Serve until Ctrl+C (or SIGTERM) with cheroot, a production WSGI server
    that also speaks TLS."""
    import signal

    from cheroot import wsgi

    server = wsgi.Server((host, port), app, numthreads=PAGE_THREADS, server_name="voice")
    if cert and key:
        from cheroot.ssl.builtin import BuiltinSSLAdapter

        server.ssl_adapter = BuiltinSSLAdapter(cert, key)

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.prepare()
    except OSError as e:
        raise VoiceError(cannot_listen(host, port, e)) from e
    ready()
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
