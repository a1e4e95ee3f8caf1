"""Fetch one file over HTTP(S) into a partial file, resuming and retrying.

Standard library only (urllib): the download command must work on a fresh
Raspberry Pi before anything else is installed. The partial file survives a
failed run, so running the same command again continues where it stopped.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from voice import __version__
from voice.errors import ModelDownloadFailed
from voice.models.progress import Progress
from voice.models.verify import sha256_file


class HostUnreachable(ModelDownloadFailed):
    """The server could not be reached at all (offline, wrong name, nothing listening)."""


@dataclass(frozen=True)
class FetchPolicy:
    """How hard to try."""

    retries: int = 3
    """Further attempts after a broken connection (each resumes where the last stopped)."""
    retry_wait: float = 2.0
    """Seconds before the first retry; doubled each time (servers often need a moment)."""
    timeout: float = 30.0
    """Seconds without any data before the connection counts as broken."""
    chunk_size: int = 256 * 1024
    """Bytes read per call: small enough for a smooth bar, large enough to be cheap."""


class _Broken(Exception):
    """The transfer stopped part-way; worth retrying."""


_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")


def check_file(path: Path, size: int | None, sha256: str | None) -> str | None:
    """What is wrong with the downloaded file, or None if it matches."""
    actual_size = path.stat().st_size
    if size is not None and actual_size != size:
        return f"it has {actual_size} bytes instead of {size}"
    if sha256 is not None and sha256_file(path) != sha256:
        return "its checksum does not match"
    return None


def _host(url: str) -> str:
    parsed = urlparse(url)
    return parsed.netloc or url


def _why(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "the name could not be looked up"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason)


def _retryable_url_error(reason: object) -> bool:
    # Timeouts and resets can pass; no name, no route and "refused" mean offline or a wrong address.
    return isinstance(reason, TimeoutError | ConnectionResetError | ConnectionAbortedError)


def _open(url: str, start: int, timeout: float, hint: str) -> http.client.HTTPResponse | None:
    """The response, or None when the server says the range is past the end (file complete)."""
    headers = {"User-Agent": f"voice-assistant/{__version__}"}
    if start:
        headers["Range"] = f"bytes={start}-"
    req = urllib.request.Request(url, headers=headers)
    try:
        resp: http.client.HTTPResponse = urllib.request.urlopen(req, timeout=timeout)
        return resp
    except urllib.error.HTTPError as e:
        e.close()
        if e.code == 416 and start:
            return None
        if e.code >= 500 or e.code in (408, 429):
            raise _Broken(f"the server answered {e.code}") from e
        raise ModelDownloadFailed(
            f"The server {_host(url)} has no model at that address (HTTP {e.code}). "
            f"Check the address, or install by hand: {hint}"
        ) from e
    except urllib.error.URLError as e:
        if _retryable_url_error(e.reason):
            raise _Broken(_why(e.reason)) from e
        if isinstance(e.reason, ssl.SSLError):
            # A Raspberry Pi has no clock battery: a wrong date is the usual cause.
            raise ModelDownloadFailed(
                f"Cannot make a secure connection to {_host(url)} "
                f"({getattr(e.reason, 'verify_message', None) or 'the handshake failed'}). "
                "If this device's date "
                f"and time are wrong, set them and try again. Or install by hand: {hint}"
            ) from e
        raise HostUnreachable(
            f"Cannot reach {_host(url)} ({_why(e.reason)}): this computer seems to be offline "
            f"or the address is wrong. To install by hand: {hint}"
        ) from e
    except (OSError, http.client.HTTPException) as e:
        # Includes RemoteDisconnected and timeouts while waiting for the status line.
        raise _Broken(str(e) or type(e).__name__) from e


def _transfer(
    url: str, partial: Path, policy: FetchPolicy, progress: Progress, hint: str
) -> bool:
    """Append to (or restart) ``partial`` until the server's response ends.

    Returns True if the bytes now in ``partial`` came from more than one
    transfer (a resume), which decides whether a bad checksum earns a clean retry.
    """
    have = partial.stat().st_size if partial.exists() else 0
    resp = _open(url, have, policy.timeout, hint)
    if resp is None:
        return True
    with resp:
        start = 0
        if resp.status == 206:
            m = _CONTENT_RANGE.match(resp.headers.get("Content-Range", ""))
            if m and int(m.group(1)) == have:
                start = have
            else:
                # A range we did not ask for: trust nothing we have and fetch it all again.
                resp.close()
                partial.unlink(missing_ok=True)
                progress.note("the server sent an unexpected part; starting again")
                return _transfer(url, partial, policy, progress, hint)
        elif have:
            progress.note("the server cannot resume; starting again from the beginning")
        length_header = resp.headers.get("Content-Length")
        expected_end = start + int(length_header) if length_header else None
        if progress.total is None and expected_end is not None:
            progress.total = expected_end  # no size pinned: the server's word is enough for a bar
        done = start
        progress.start(start)
        with partial.open("r+b" if start else "wb") as out:
            out.seek(start)
            out.truncate()
            while True:
                try:
                    block = resp.read(policy.chunk_size)
                except TimeoutError as e:
                    raise _Broken(
                        f"no data for {policy.timeout:g} s at {done / 1e6:.1f} MB"
                    ) from e
                except (OSError, http.client.HTTPException) as e:
                    raise _Broken(f"connection broke at {done / 1e6:.1f} MB") from e
                if not block:
                    break
                out.write(block)
                done += len(block)
                progress.update(done)
            out.flush()
            os.fsync(out.fileno())
        if expected_end is not None and done < expected_end:
            # http.client returns b"" rather than raising when the peer closes early.
            raise _Broken(f"connection broke at {done / 1e6:.1f} MB")
        progress.finish()
        return start > 0


def fetch(
    url: str,
    partial: Path,
    *,
    size: int | None,
    sha256: str | None,
    progress: Progress,
    policy: FetchPolicy | None = None,
    hint: str = "",
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Download ``url`` into ``partial`` and check it; raise ModelDownloadFailed on failure.

    A partial file already there is resumed with a Range request. If the server
    ignores the range the download restarts cleanly; if a resumed file fails
    its check it is deleted and fetched once more from the start. A fresh file
    that fails its check is deleted and reported.
    """
    try:
        _fetch(url, partial, size, sha256, progress, policy or FetchPolicy(), hint, sleep)
    except OSError as e:
        # Network errors were turned into _Broken or ModelDownloadFailed already:
        # what is left is the local disk (full, read-only, not a file).
        raise ModelDownloadFailed(
            f"Could not save the download to {partial} ({e.strerror or e}). "
            "Free some space or choose another folder with --dir, then try again."
        ) from e


def _fetch(
    url: str,
    partial: Path,
    size: int | None,
    sha256: str | None,
    progress: Progress,
    policy: FetchPolicy,
    hint: str,
    sleep: Callable[[float], None],
) -> None:
    wait = policy.retry_wait
    left = policy.retries
    restarted = False
    if size is not None and partial.exists() and partial.stat().st_size > size:
        partial.unlink()  # longer than the real file: it cannot be a prefix of it
    while True:
        try:
            resumed = _transfer(url, partial, policy, progress, hint)
        except _Broken as e:
            if left <= 0:
                raise ModelDownloadFailed(
                    f"The download from {_host(url)} kept breaking off ({e}). What arrived is "
                    "kept: run the same command again to continue."
                ) from e
            left -= 1
            progress.note(f"{e}; trying again in {wait:g} s")
            sleep(wait)
            wait *= 2
            continue
        problem = check_file(partial, size, sha256)
        if problem is None:
            return
        partial.unlink(missing_ok=True)
        if resumed and not restarted:
            restarted = True
            progress.note(f"the resumed file is not right ({problem}); starting again")
            continue
        raise ModelDownloadFailed(
            f"The downloaded file is damaged: {problem}. It was deleted. Please try again; "
            f"if it happens again, install by hand: {hint}"
        )
