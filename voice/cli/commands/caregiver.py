"""``voice caregiver``: the caregiver's web page, from a phone's browser.

``--set-password`` sets its password first (asked twice at a terminal, read
from standard input otherwise). See docs/caregiver.md.
"""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import sys
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
    parser.add_argument("--secure-cookie", action="store_true",
                        help="mark the login cookie Secure (when the page is reached over HTTPS)")


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
    from voice.services.caregiver.app import PageOptions, create_app, load_config

    options = PageOptions(config_file=Path(args.config) if args.config else None,
                          content=tuple(args.content or ()), secure_cookie=args.secure_cookie)
    load_config(options)  # a broken settings file is reported now, not on the first page
    app = create_app(options)
    if is_loopback(args.host):
        print(f"Caregiver's page: http://{args.host}:{args.port}/ (this device only; "
              "'--host 0.0.0.0' opens it to phones on the local network).", flush=True)
    else:
        where = ", ".join(f"http://{a}:{args.port}/" for a in lan_addresses()) or \
            f"http://<this device's address>:{args.port}/"
        print(f"WARNING: the caregiver's page is open to the local network ({args.host}). "
              "Anyone on this network can reach its login page, and the connection is not "
              "encrypted: use it only on a home network you trust, with a strong password.",
              file=sys.stderr, flush=True)
        print(f"Caregiver's page: {where}", flush=True)
    print("Press Ctrl+C to stop it.", flush=True)
    from waitress import serve

    try:
        serve(app, host=args.host, port=args.port, threads=4, ident="voice")
    except OSError as e:
        raise VoiceError(f"Cannot listen on {args.host}:{args.port} ({e.strerror}). "
                         "Is the page already running? Try another --port.") from e
    return 0
