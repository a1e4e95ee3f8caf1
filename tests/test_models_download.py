"""`voice models download` against a real HTTP server on loopback.

The server is the standard library's ThreadingHTTPServer serving archives
built here; it can drop the connection part-way and honour or ignore Range,
so resume, restart and retry run through the real urllib code path.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import socket
import ssl
import subprocess
import sys
import tarfile
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from voice.cli.main import main
from voice.errors import ModelDownloadFailed
from voice.models.extract import UnsafeArchive
from voice.models.fetch import FetchPolicy, HostUnreachable
from voice.models.install import LOCK_NAME, install_model, partial_path, waiting_line
from voice.models.manifest import ModelSpec
from voice.models.progress import Progress
from voice.models.store import SIDECAR

REPO = Path(__file__).resolve().parent.parent
NAME = "vosk-model-tiny-en-us-0.1"
# Random bytes do not compress, so the archive is big enough to cut in the middle.
PAYLOAD = os.urandom(300_000)
FAST = FetchPolicy(retries=2, retry_wait=0.0, timeout=10.0, chunk_size=16 * 1024)


def vosk_files(top: str = NAME) -> dict[str, bytes]:
    """A model shaped like Vosk's small ones, with tiny files."""
    return {
        f"{top}/am/final.mdl": PAYLOAD,
        f"{top}/conf/model.conf": b"--min-active=200\n",
        f"{top}/conf/mfcc.conf": b"--use-energy=false\n",
        f"{top}/graph/HCLr.fst": b"fst",
        f"{top}/ivector/final.ie": b"ie",
        f"{top}/README": b"Tiny English for tests\n",
    }


def make_zip(files: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o120777 << 16)  # S_IFLNK: how Info-ZIP stores a symlink
            zf.writestr(info, target)
    return buf.getvalue()


def make_tgz(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


@dataclass
class Server:
    """What the loopback server serves and how it misbehaves."""

    port: int = 0
    files: dict[str, bytes] = field(default_factory=dict)
    honour_range: bool = True
    drops_left: int = 0
    drop_after: int = 100_000
    stall: float = 0.0
    pace: float = 0.0
    """Seconds between 16 kB pieces of a body: a slow server."""
    requests: list[tuple[str, str | None]] = field(default_factory=list)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass  # keep pytest output readable

        def do_GET(self) -> None:
            rng = self.headers.get("Range")
            state.requests.append((self.path, rng))
            data = state.files.get(self.path.lstrip("/"))
            if data is None:
                self.send_error(404)
                return
            start = 0
            m = re.fullmatch(r"bytes=(\d+)-", rng or "")
            if m and state.honour_range:
                start = int(m.group(1))
                if start >= len(data):
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(data)}")
                    self.end_headers()
                    return
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            else:
                self.send_response(200)
            body = data[start:]
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if state.drops_left > 0:
                state.drops_left -= 1
                # Promise the whole body, send part, hang up: a connection lost mid-download.
                self.wfile.write(body[: state.drop_after])
                self.wfile.flush()
                time.sleep(state.stall)
                self.close_connection = True
                return
            if not state.pace:
                self.wfile.write(body)
                return
            for i in range(0, len(body), 16 * 1024):
                self.wfile.write(body[i : i + 16 * 1024])
                self.wfile.flush()
                time.sleep(state.pace)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def serve_model(server: Server, archive: bytes, filename: str = f"{NAME}.zip") -> ModelSpec:
    server.files[filename] = archive
    return ModelSpec(
        name=NAME, kind="vosk", lang="en-us", url=server.url(filename),
        size=len(archive), sha256=hashlib.sha256(archive).hexdigest(),
    )


def leftovers(root: Path) -> list[str]:
    """Partial files and hidden temporary folders left in the models folder."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".") or ".partial" in p.name)


def test_download_installs_model_with_progress_and_no_partial(server: Server, tmp_path: Path):
    spec = serve_model(server, make_zip(vosk_files()))
    root = tmp_path / "models"
    out = io.StringIO()
    result = install_model(spec, root, stream=out, tty=False, policy=FAST)
    assert result.downloaded and result.path == root / NAME
    assert (root / NAME / "am" / "final.mdl").read_bytes() == PAYLOAD
    assert (root / NAME / "conf" / "model.conf").is_file()
    assert f'"url": "{spec.url}"' in (root / NAME / SIDECAR).read_text()
    assert leftovers(root) == []
    text = out.getvalue()
    assert text.startswith(f"Downloading {NAME} from {spec.url}\n")
    pattern = re.compile(r"\d+% [\d.]+ of [\d.]+ MB, [\d.]+ MB/s")
    percent_lines = [ln for ln in text.splitlines() if pattern.search(ln)]
    assert len(percent_lines) >= 3, text  # several plain lines, not one per chunk
    assert percent_lines[-1].startswith(f"{NAME}: 100%")
    assert "\r" not in text


def test_progress_on_a_terminal_redraws_one_line():
    ticks = iter(float(i) for i in range(100))
    out = io.StringIO()
    p = Progress(out, "m", 4_000_000, tty=True, clock=lambda: next(ticks), header="Downloading m")
    p.start(0)
    for done in (1_000_000, 2_000_000, 4_000_000):
        p.update(done)
    p.finish()
    text = out.getvalue()
    assert text.startswith("Downloading m\n")
    assert text.count("\r") >= 3
    assert "[######------------------]  25% 1.0 of 4.0 MB" in text
    assert "100% 4.0 of 4.0 MB" in text
    assert text.endswith("\n")


def test_already_installed_model_is_not_fetched_again(server: Server, tmp_path: Path):
    spec = serve_model(server, make_zip(vosk_files()))
    install_model(spec, tmp_path, stream=io.StringIO(), policy=FAST)
    again = install_model(spec, tmp_path, stream=io.StringIO(), policy=FAST)
    assert not again.downloaded
    assert len(server.requests) == 1


def test_checksum_mismatch_through_cli_installs_nothing(server: Server, tmp_path: Path, capsys):
    server.files["m.zip"] = make_zip(vosk_files())
    rc = main(["models", "download", "--url", server.url("m.zip"), "--sha256", "ab" * 32,
               "--dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert rc == 2
    last = err.strip().splitlines()[-1]
    assert last.startswith("voice: The downloaded file is damaged: its checksum does not match")
    assert "deleted" in last and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # no model, no partial, no temporary folder


def test_connection_dropped_midway_resumes_with_range(server: Server, tmp_path: Path):
    spec = serve_model(server, make_zip(vosk_files()))
    server.drops_left = 1
    out = io.StringIO()
    install_model(spec, tmp_path, stream=out, tty=False, policy=FAST)
    assert [r for _, r in server.requests] == [None, f"bytes={server.drop_after}-"]
    assert f"connection broke at {server.drop_after / 1e6:.1f} MB; trying again" in out.getvalue()
    assert f"resuming at {server.drop_after / 1e6:.1f} MB" in out.getvalue()
    assert (tmp_path / NAME / "am" / "final.mdl").read_bytes() == PAYLOAD
    assert leftovers(tmp_path) == []


def test_failed_run_keeps_partial_and_next_run_resumes(server: Server, tmp_path: Path):
    spec = serve_model(server, make_zip(vosk_files()))
    server.drops_left = 1
    no_retry = FetchPolicy(retries=0, retry_wait=0.0, chunk_size=16 * 1024)
    with pytest.raises(ModelDownloadFailed, match="run the same command again to continue"):
        install_model(spec, tmp_path, stream=io.StringIO(), policy=no_retry)
    assert partial_path(spec, tmp_path).stat().st_size == server.drop_after
    assert not (tmp_path / NAME).exists()
    install_model(spec, tmp_path, stream=io.StringIO(), policy=no_retry)
    assert server.requests[-1][1] == f"bytes={server.drop_after}-"
    assert (tmp_path / NAME / "am" / "final.mdl").read_bytes() == PAYLOAD
    assert leftovers(tmp_path) == []


def test_server_ignoring_range_restarts_cleanly(server: Server, tmp_path: Path):
    spec = serve_model(server, make_zip(vosk_files()))
    server.honour_range = False
    server.drops_left = 1
    out = io.StringIO()
    install_model(spec, tmp_path, stream=out, tty=False, policy=FAST)
    assert server.requests[1][1] == f"bytes={server.drop_after}-"  # asked, got 200 instead
    assert len(server.requests) == 2  # the 200 body replaced the partial: no third fetch
    assert "cannot resume; starting again from the beginning" in out.getvalue()
    # Had the 200 body been appended, the file would be too long and fail its check.
    assert (tmp_path / NAME / "am" / "final.mdl").read_bytes() == PAYLOAD


def test_resumed_file_that_fails_its_check_is_fetched_again(server: Server, tmp_path: Path):
    spec = serve_model(server, make_zip(vosk_files()))
    partial = partial_path(spec, tmp_path)
    partial.write_bytes(b"\0" * 50_000)  # left by some older, different download
    out = io.StringIO()
    install_model(spec, tmp_path, stream=out, tty=False, policy=FAST)
    assert [r for _, r in server.requests] == ["bytes=50000-", None]
    note = "the resumed file is not right (its checksum does not match); starting again"
    assert note in out.getvalue()
    assert (tmp_path / NAME / "am" / "final.mdl").read_bytes() == PAYLOAD
    assert leftovers(tmp_path) == []


def test_complete_partial_answered_416_is_checked_not_refetched(server: Server, tmp_path: Path):
    archive = make_zip(vosk_files())
    spec = serve_model(server, archive)
    partial_path(spec, tmp_path).write_bytes(archive)  # the previous run died while unpacking
    install_model(spec, tmp_path, stream=io.StringIO(), policy=FAST)
    assert [r for _, r in server.requests] == [f"bytes={len(archive)}-"]
    assert (tmp_path / NAME / "am" / "final.mdl").is_file()


def test_tar_gz_model_installs(server: Server, tmp_path: Path):
    spec = serve_model(server, make_tgz(vosk_files()), filename=f"{NAME}.tar.gz")
    install_model(spec, tmp_path, stream=io.StringIO(), policy=FAST)
    assert (tmp_path / NAME / "am" / "final.mdl").read_bytes() == PAYLOAD
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("files", "links", "evil"),
    [
        ({"../evil": b"x"}, None, "evil"),
        ({"/tmp/voice-test-absolute-evil": b"x"}, None, None),
        ({}, {"m/am": "../../outside"}, None),
    ],
    ids=["dotdot", "absolute", "symlink"],
)
def test_malicious_archive_is_rejected_and_deleted(
    server: Server, tmp_path: Path, files: dict[str, bytes], links: dict[str, str] | None,
    evil: str | None,
):
    root = tmp_path / "models"
    archive = make_zip({**vosk_files(), **files}, links)
    spec = serve_model(server, archive)
    with pytest.raises(UnsafeArchive, match="unsafe"):
        install_model(spec, root, stream=io.StringIO(), policy=FAST)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["models"]
    assert list(root.iterdir()) == []  # archive deleted, nothing unpacked, no temp folder
    assert not Path("/tmp/voice-test-absolute-evil").exists()


def test_archive_that_is_not_a_vosk_model_is_refused(server: Server, tmp_path: Path):
    spec = serve_model(server, make_zip({f"{NAME}/notes.txt": b"hello"}))
    with pytest.raises(ModelDownloadFailed, match="is not a Vosk model"):
        install_model(spec, tmp_path, stream=io.StringIO(), policy=FAST)
    assert list(tmp_path.iterdir()) == []


def test_missing_file_on_server_is_one_clear_error(server: Server, tmp_path: Path):
    spec = ModelSpec(name=NAME, kind="vosk", lang="en-us", url=server.url("nope.zip"))
    with pytest.raises(ModelDownloadFailed, match=r"has no model at that address \(HTTP 404\)"):
        install_model(spec, tmp_path, stream=io.StringIO(), policy=FAST)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_host_through_real_cli_is_one_line(tmp_path: Path):
    url = f"http://127.0.0.1:{_closed_port()}/vosk-model-small-en-us-0.15.zip"
    proc = subprocess.run(
        [sys.executable, "-m", "voice", "models", "download", "--url", url, "--dir", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode != 0
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("voice: Cannot reach 127.0.0.1:")
    assert "(connection refused)" in lines[0]
    assert f"download {url}, unzip it into {tmp_path}" in lines[0]
    assert proc.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_unreachable_host_is_not_retried(tmp_path: Path):
    spec = ModelSpec(name=NAME, kind="vosk", lang="", url=f"http://127.0.0.1:{_closed_port()}/m.zip")
    slept: list[float] = []
    with pytest.raises(HostUnreachable):
        install_model(spec, tmp_path, stream=io.StringIO(), policy=FetchPolicy(retry_wait=5),
                      sleep=slept.append)
    assert slept == []  # offline is not a glitch: the user hears about it at once


def test_unknown_size_uses_the_servers_length_for_percentages(server: Server, tmp_path: Path):
    spec = serve_model(server, make_zip(vosk_files()))
    spec = ModelSpec(name=spec.name, kind="vosk", lang="", url=spec.url, sha256=spec.sha256)
    out = io.StringIO()
    install_model(spec, tmp_path, stream=out, tty=False, policy=FAST)
    assert f"{NAME}: 100% 0.3 of 0.3 MB" in out.getvalue()


def test_force_replaces_an_installed_model_in_one_step(server: Server, tmp_path: Path):
    spec = serve_model(server, make_zip(vosk_files()))
    install_model(spec, tmp_path, stream=io.StringIO(), policy=FAST)
    (tmp_path / NAME / "stale.txt").write_text("old")
    newer = make_zip({**vosk_files(), f"{NAME}/conf/model.conf": b"--new\n"})
    spec = serve_model(server, newer)
    result = install_model(spec, tmp_path, force=True, stream=io.StringIO(), policy=FAST)
    assert result.downloaded
    assert (tmp_path / NAME / "conf" / "model.conf").read_bytes() == b"--new\n"
    assert not (tmp_path / NAME / "stale.txt").exists()
    assert leftovers(tmp_path) == []  # the parked old folder is gone too


def test_stalled_connection_times_out_and_resumes(server: Server, tmp_path: Path):
    spec = serve_model(server, make_zip(vosk_files()))
    server.drops_left = 1
    server.stall = 1.0  # longer than the client's timeout: a connection that went silent
    policy = FetchPolicy(retries=1, retry_wait=0.0, timeout=0.2, chunk_size=16 * 1024)
    out = io.StringIO()
    install_model(spec, tmp_path, stream=out, tty=False, policy=policy)
    # A read cut by the timeout loses its unfinished chunk: resume from what reached the disk.
    m = re.fullmatch(r"bytes=(\d+)-", server.requests[1][1] or "")
    assert m and 0 < int(m.group(1)) <= server.drop_after
    assert "no data for 0.2 s at 0.1 MB; trying again in 0 s" in out.getvalue()
    assert (tmp_path / NAME / "am" / "final.mdl").read_bytes() == PAYLOAD


def test_disk_problem_is_one_clear_error_and_keeps_nothing_half_done(
    server: Server, tmp_path: Path
):
    spec = serve_model(server, make_zip(vosk_files()))
    partial_path(spec, tmp_path).mkdir()  # cannot be written as a file, as on a broken card
    with pytest.raises(ModelDownloadFailed, match=r"Could not save the download to .*--dir"):
        install_model(spec, tmp_path, stream=io.StringIO(), policy=FAST)
    assert not (tmp_path / NAME).exists()


def test_untrusted_https_certificate_is_one_clear_error(tmp_path: Path):
    # A real TLS server with a self-signed certificate: what a Pi with a wrong clock
    # (or a captive portal) sees. openssl is part of every Debian/Raspberry Pi OS.
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    try:
        url = f"https://127.0.0.1:{httpd.server_address[1]}/m.zip"
        spec = ModelSpec(name=NAME, kind="vosk", lang="", url=url)
        with pytest.raises(ModelDownloadFailed, match="Cannot make a secure connection") as e:
            install_model(spec, tmp_path / "models", stream=io.StringIO(), policy=FAST)
        assert "(self-signed certificate). If this device's date and time are wrong" in str(e.value)
        assert "\n" not in e.value.message
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_second_download_into_the_folder_waits_then_uses_the_first(
    server: Server, tmp_path: Path
):
    """Two real `voice models download` processes, the server slow enough
    (about 5 s) that the second starts while the first is fetching."""
    spec = serve_model(server, make_zip(vosk_files()))
    server.pace = 0.25
    root = tmp_path / "models"
    command = [sys.executable, "-m", "voice", "models", "download", NAME, "--url", spec.url,
               "--sha256", str(spec.sha256), "--dir", str(root)]

    def start() -> subprocess.Popen[str]:
        return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    first = start()
    try:
        deadline = time.monotonic() + 30
        while not server.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.requests, "the first download never reached the server"
        second = start()
        try:
            assert second.stderr is not None
            # Its first words: that it waits (not a download of its own).
            assert second.stderr.readline().rstrip("\n") == waiting_line(root)
            assert first.poll() is None, "the first download was already over"
            out2, err2 = second.communicate(timeout=60)
        finally:
            if second.poll() is None:
                second.kill()
        out1, err1 = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert out1.startswith(f"Installed {NAME} in {root / NAME}")
    assert out2.startswith(f"{NAME} is already installed in {root / NAME}")
    assert "Downloading" not in err2 and "Traceback" not in err1 + err2
    assert len(server.requests) == 1  # fetched once
    assert (root / NAME / "am" / "final.mdl").read_bytes() == PAYLOAD
    assert leftovers(root) == []  # nor is the lock file left behind


def test_forced_downloads_at_once_fetch_one_new_copy(server: Server, tmp_path: Path):
    """Two threads: each opens the lock file itself, so they lock each other
    out as two processes do. The second gets the copy the first just made."""
    spec = serve_model(server, make_zip(vosk_files()))
    install_model(spec, tmp_path, stream=io.StringIO(), policy=FAST)
    (tmp_path / NAME / "stale.txt").write_text("old")
    server.pace = 0.1
    outs = [io.StringIO(), io.StringIO()]
    results: list[object] = []
    first = threading.Thread(target=lambda: results.append(
        install_model(spec, tmp_path, force=True, stream=outs[0], policy=FAST)))
    first.start()
    deadline = time.monotonic() + 30
    while len(server.requests) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    second = install_model(spec, tmp_path, force=True, stream=outs[1], policy=FAST)
    first.join(timeout=60)
    assert [getattr(r, "downloaded", None) for r in results] == [True]
    assert not second.downloaded
    assert outs[1].getvalue() == waiting_line(tmp_path) + "\n"
    assert len(server.requests) == 2  # the first install and one forced download
    assert not (tmp_path / NAME / "stale.txt").exists()
    assert leftovers(tmp_path) == []


def test_a_left_lock_file_does_not_block(server: Server, tmp_path: Path):
    # A killed download leaves its lock file, but the kernel drops its lock.
    (tmp_path / LOCK_NAME).write_text("")
    spec = serve_model(server, make_zip(vosk_files()))
    out = io.StringIO()
    assert install_model(spec, tmp_path, stream=out, policy=FAST).downloaded
    assert "in progress" not in out.getvalue()
    assert leftovers(tmp_path) == []
