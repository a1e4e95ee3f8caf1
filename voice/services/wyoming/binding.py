"""Where the Wyoming service listens: ``tcp://HOST:PORT`` or ``unix://PATH``.

The default is this computer only (127.0.0.1). Listening on every network
interface lets anyone on the network ask questions, and hear what the
assistant heard from its asr program, so it is done only when asked for by
address, and said in a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from wyoming.server import AsyncServer, AsyncTcpServer, AsyncUnixServer

from voice.errors import VoiceError

DEFAULT_PORT = 10700
DEFAULT_URI = f"tcp://127.0.0.1:{DEFAULT_PORT}"
#: Host names that mean every interface.
ALL_INTERFACES = frozenset({"0.0.0.0", "::", "*", ""})
ALL_INTERFACES_WARNING = (
    "Listening on all network interfaces: anyone who can reach this computer on "
    "port {port} can ask questions and send audio to transcribe. Use "
    f"--uri {DEFAULT_URI} to serve this computer only, or a firewall to limit who can connect."
)


@dataclass(frozen=True)
class Binding:
    """A parsed ``--uri``."""

    uri: str
    host: str | None = None
    port: int | None = None
    path: Path | None = None

    @property
    def all_interfaces(self) -> bool:
        return self.path is None and (self.host or "") in ALL_INTERFACES

    def warning(self) -> str | None:
        """What to say before listening, or None."""
        return ALL_INTERFACES_WARNING.format(port=self.port) if self.all_interfaces else None

    def server(self) -> AsyncServer:
        """wyoming's server for this address (not yet listening)."""
        if self.path is not None:
            return AsyncUnixServer(self.path)
        assert self.port is not None
        # asyncio takes None (not "0.0.0.0") for "every interface, IPv4 and IPv6".
        return AsyncTcpServer(None if self.all_interfaces else self.host, self.port)  # type: ignore[arg-type]


def parse_uri(uri: str) -> Binding:
    """``uri`` checked; raises VoiceError with an example when it cannot be used."""
    example = f"for example --uri {DEFAULT_URI} or --uri unix:///run/voice/wyoming.sock"
    parsed = urlparse(uri)
    if parsed.scheme == "unix":
        path = (parsed.netloc + parsed.path) if parsed.netloc else parsed.path
        if not path:
            raise VoiceError(f"'{uri}' names no socket file; {example}.")
        return Binding(uri, path=Path(path))
    if parsed.scheme != "tcp":
        raise VoiceError(f"'{uri}' is neither tcp:// nor unix://; {example}.")
    try:
        port = parsed.port
    except ValueError:
        port = None
    if port is None:
        raise VoiceError(f"'{uri}' has no valid port; {example}.")
    host = parsed.hostname if parsed.hostname is not None else ""
    return Binding(uri, host=host, port=port)
