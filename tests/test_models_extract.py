"""Safe unpacking of model archives: hostile members are refused before anything is written."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from voice.errors import ModelDownloadFailed
from voice.models.extract import UnsafeArchive, extract_archive, model_root

GOOD = {"m/am/final.mdl": b"mdl", "m/conf/model.conf": b"conf"}


def write_zip(path: Path, files: dict[str, bytes], links: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o120777 << 16
            zf.writestr(info, target)
    return path


def write_tgz(
    path: Path, files: dict[str, bytes], extra: list[tarfile.TarInfo] | None = None
) -> Path:
    with tarfile.open(path, "w:gz") as tf:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        for info in extra or []:
            tf.addfile(info)
    return path


def link(name: str, target: str, *, hard: bool = False) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.LNKTYPE if hard else tarfile.SYMTYPE
    info.linkname = target
    return info


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    d = tmp_path / "models" / ".unpack"
    d.mkdir(parents=True)
    return d


def everything_under(tmp_path: Path) -> set[str]:
    return {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")}


def test_good_zip_and_tar_unpack_with_their_top_folder(tmp_path: Path, dest: Path):
    extract_archive(write_zip(tmp_path / "a.zip", GOOD), dest)
    assert (dest / "m" / "am" / "final.mdl").read_bytes() == b"mdl"
    assert model_root(dest) == dest / "m"
    other = tmp_path / "t"
    other.mkdir()
    extract_archive(write_tgz(tmp_path / "a.tgz", GOOD), other)
    assert (other / "m" / "conf" / "model.conf").read_bytes() == b"conf"


def test_archive_without_top_folder_is_its_own_root(tmp_path: Path, dest: Path):
    extract_archive(write_zip(tmp_path / "a.zip", {"am/final.mdl": b"", "conf/x": b""}), dest)
    assert model_root(dest) == dest


@pytest.mark.parametrize(
    "name",
    ["../evil", "m/../../evil", "/tmp/evil-abs", "..\\evil", "C:/evil"],
)
def test_zip_paths_leaving_the_folder_are_refused(tmp_path: Path, dest: Path, name: str):
    archive = write_zip(tmp_path / "a.zip", {**GOOD, name: b"x"})
    before = everything_under(tmp_path)
    with pytest.raises(UnsafeArchive, match="points outside its folder"):
        extract_archive(archive, dest)
    # Checked before writing: not even the good members were unpacked.
    assert everything_under(tmp_path) == before
    assert not Path("/tmp/evil-abs").exists()


def test_zip_symlink_is_refused(tmp_path: Path, dest: Path):
    archive = write_zip(tmp_path / "a.zip", GOOD, links={"m/graph": "/etc"})
    with pytest.raises(UnsafeArchive, match="is a link"):
        extract_archive(archive, dest)
    assert list(dest.iterdir()) == []


@pytest.mark.parametrize(
    "member",
    [
        link("m/am", "../../../outside"),
        link("m/am", "/etc"),
        link("m/evil", "../../x", hard=True),
        link("m/evil", "/etc/passwd", hard=True),
    ],
    ids=["symlink-up", "symlink-absolute", "hardlink-up", "hardlink-absolute"],
)
def test_tar_links_leaving_the_folder_are_refused(
    tmp_path: Path, dest: Path, member: tarfile.TarInfo
):
    archive = write_tgz(tmp_path / "a.tgz", GOOD, [member])
    before = everything_under(tmp_path)
    with pytest.raises(UnsafeArchive, match="links to"):
        extract_archive(archive, dest)
    assert everything_under(tmp_path) == before


def test_tar_paths_and_devices_are_refused(tmp_path: Path, dest: Path):
    with pytest.raises(UnsafeArchive, match="points outside"):
        extract_archive(write_tgz(tmp_path / "a.tgz", {**GOOD, "../evil": b"x"}), dest)
    with pytest.raises(UnsafeArchive, match="points outside"):
        extract_archive(write_tgz(tmp_path / "b.tgz", {"/tmp/evil-abs": b"x"}), dest)
    fifo = tarfile.TarInfo("m/pipe")
    fifo.type = tarfile.FIFOTYPE
    with pytest.raises(UnsafeArchive, match="device or pipe"):
        extract_archive(write_tgz(tmp_path / "c.tgz", GOOD, [fifo]), dest)
    assert list(dest.iterdir()) == []
    assert not (tmp_path / "models" / "evil").exists()


def test_tar_link_inside_the_folder_is_kept(tmp_path: Path, dest: Path):
    archive = write_tgz(tmp_path / "a.tgz", GOOD, [link("m/conf/alias.conf", "model.conf")])
    extract_archive(archive, dest)
    assert (dest / "m" / "conf" / "alias.conf").read_bytes() == b"conf"


def test_corrupt_zip_member_is_reported_as_damaged(tmp_path: Path, dest: Path):
    archive = write_zip(tmp_path / "a.zip", {"m/am/final.mdl": b"A" * 1000})
    raw = bytearray(archive.read_bytes())
    i = raw.index(b"A" * 1000)
    raw[i + 500] ^= 0xFF  # stored uncompressed, so this flips one byte of the member
    archive.write_bytes(bytes(raw))
    with pytest.raises(ModelDownloadFailed, match="archive is damaged"):
        extract_archive(archive, dest)


def test_file_that_is_no_archive_is_refused(tmp_path: Path, dest: Path):
    junk = tmp_path / "page.zip"
    junk.write_text("<html>Not found</html>")
    with pytest.raises(ModelDownloadFailed, match=r"neither a zip nor a tar\.gz"):
        extract_archive(junk, dest)
