"""The caregiver's password, kept only as an Argon2 hash, and the key that
signs session cookies. Both are files readable by their owner only."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from voice.config import user_config_dir, user_state_dir
from voice.errors import VoiceError

#: Shorter passwords are refused: the page may be reachable on the home network.
MIN_LENGTH = 8

_hasher = PasswordHasher()


def password_file() -> Path:
    return user_config_dir() / "caregiver-password"


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def check_new_password(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise VoiceError(f"The password must have at least {MIN_LENGTH} characters.")
    if password != password.strip():
        raise VoiceError("The password must not begin or end with a space.")


def set_password(password: str, path: Path | None = None) -> Path:
    check_new_password(password)
    path = path or password_file()
    _write_private(path, _hasher.hash(password).encode("ascii") + b"\n")
    return path


def stored_hash(path: Path | None = None) -> str | None:
    try:
        text = (path or password_file()).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


def verify(password: str, path: Path | None = None) -> bool:
    hashed = stored_hash(path)
    if hashed is None:
        return False
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def fingerprint(path: Path | None = None) -> str:
    """Changes when the password changes: sessions carry it, so setting a new
    password logs every browser out."""
    import hashlib

    return hashlib.sha256((stored_hash(path) or "").encode()).hexdigest()[:16]


def secret_key() -> bytes:
    """The key signing session cookies, made once per user."""
    path = user_state_dir() / "caregiver-secret"
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(32)
    _write_private(path, key)
    return key
