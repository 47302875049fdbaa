"""A file sealed to one X25519 public key, streamed in authenticated chunks (bounded memory for any size).

Layout::

    MAGIC (8 bytes)  header length (4 bytes, big-endian)  header (JSON)
    chunk*           each: ciphertext length (4 bytes, big-endian), AES-256-GCM ciphertext with its 16-byte tag

The sender makes a fresh X25519 key pair for every file; the chunk key is HKDF-SHA256 over the shared secret of
that key and the recipient's, so only the holder of the recipient's private key can read the file, and making
one needs no secret at all (the automatic daily backup runs without anybody typing a passphrase). Each chunk's
nonce is a random per-file prefix, the chunk's number and a last-chunk flag, and every chunk is authenticated
with the header's hash as associated data: a flipped byte, chunks swapped, dropped or appended, a header edited,
or a file cut short (no chunk flagged last) all fail, and `open_sealed` raises before its caller may use any of
the output (the caller writes it to a scratch file and only uses it after the whole file verified).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.errors import UserError

MAGIC = b"KPSEAL1\n"
SCHEME = "x25519-hkdf-sha256-aes256gcm-stream"
CHUNK = 1024 * 1024
MAX_HEADER = 64 * 1024
_INFO = b"keyproj sealed stream v1"


class SealedError(UserError):
    """A sealed file that cannot be opened: damaged, altered, cut short, or not sealed to this key."""


def raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(public_raw: bytes) -> str:
    """Eight groups of four hex digits (as the signing key's), for reading out by phone."""
    digest = hashlib.sha256(public_raw).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=_INFO).derive(shared)


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if last else b"\x00")


def seal(source: IO[bytes], target: IO[bytes], recipient_public: bytes, extra: dict[str, Any] | None = None) -> int:
    """Write `source` sealed to `recipient_public` (raw 32 bytes) into `target`; returns the plaintext size.
    `extra` goes into the (authenticated, not secret) header."""
    ephemeral = X25519PrivateKey.generate()
    eph_raw = raw_public(ephemeral.public_key())
    key = _key(ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public)), eph_raw, recipient_public)
    prefix = os.urandom(7)
    header = json.dumps({"scheme": SCHEME, "ephemeral": b64(eph_raw), "recipient": fingerprint(recipient_public),
                         "nonce_prefix": b64(prefix), "chunk": CHUNK, **(extra or {})},
                        ensure_ascii=False, sort_keys=True).encode("utf-8")
    target.write(MAGIC + struct.pack(">I", len(header)) + header)
    aad = hashlib.sha256(MAGIC + header).digest()
    aead = AESGCM(key)
    counter, total = 0, 0
    block = source.read(CHUNK)
    while True:
        following = source.read(CHUNK) if len(block) == CHUNK else b""
        last = not following
        sealed = aead.encrypt(_nonce(prefix, counter, last), block, aad)
        target.write(struct.pack(">I", len(sealed)) + sealed)
        total += len(block)
        if last:
            return total
        counter += 1
        block = following


def read_header(source: IO[bytes]) -> dict[str, Any]:
    """The header of a sealed file (the stream is left at the first chunk); SealedError if it is not one."""
    head = source.read(len(MAGIC) + 4)
    if len(head) < len(MAGIC) + 4 or head[:len(MAGIC)] != MAGIC:
        raise SealedError("不是本程序加密的文件")
    (length,) = struct.unpack(">I", head[len(MAGIC):])
    if length > MAX_HEADER:
        raise SealedError("加密文件的头部过大，文件已损坏")
    raw = source.read(length)
    try:
        header = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise SealedError("加密文件的头部无法读取，文件已损坏") from exc
    if not isinstance(header, dict) or header.get("scheme") != SCHEME:
        raise SealedError("加密方式无法识别（可能由更新版本的程序创建）")
    header["_raw"] = raw
    return header


def is_sealed(path: os.PathLike[str] | str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def open_sealed(source: IO[bytes], target: IO[bytes], private_key: X25519PrivateKey,
                header: dict[str, Any] | None = None) -> int:
    """Decrypt `source` into `target` chunk by chunk; SealedError on any damage (the caller discards `target`)."""
    header = header if header is not None else read_header(source)
    try:
        eph_raw, prefix = unb64(header["ephemeral"]), unb64(header["nonce_prefix"])
        chunk = int(header["chunk"])
    except (KeyError, ValueError, TypeError) as exc:
        raise SealedError("加密文件的头部不完整，文件已损坏") from exc
    own = raw_public(private_key.public_key())
    if header.get("recipient") != fingerprint(own):
        raise SealedError(f"此文件加密给另一把密钥（指纹 {header.get('recipient')}），不是本单位的加密密钥"
                          f"（指纹 {fingerprint(own)}）")
    if len(eph_raw) != 32 or len(prefix) != 7 or not 0 < chunk <= 16 * CHUNK:
        raise SealedError("加密文件的头部无效，文件已损坏")
    key = _key(private_key.exchange(X25519PublicKey.from_public_bytes(eph_raw)), eph_raw, own)
    aad = hashlib.sha256(MAGIC + header["_raw"]).digest()
    aead = AESGCM(key)
    counter, total = 0, 0
    while True:
        size_bytes = source.read(4)
        if len(size_bytes) < 4:
            raise SealedError("加密文件不完整（末尾被截断）")
        (size,) = struct.unpack(">I", size_bytes)
        if not 16 <= size <= chunk + 16:
            raise SealedError(f"加密文件第 {counter + 1} 段的长度无效，文件已损坏")
        sealed = source.read(size)
        if len(sealed) < size:
            raise SealedError("加密文件不完整（末尾被截断）")
        for last in (False, True):
            try:
                block = aead.decrypt(_nonce(prefix, counter, last), sealed, aad)
                break
            except InvalidTag:
                continue
        else:
            raise SealedError(f"加密文件第 {counter + 1} 段校验失败（内容被改动或损坏）")
        target.write(block)
        total += len(block)
        if last:
            if source.read(1):
                raise SealedError("加密文件末尾有多余的数据（被改动过）")
            return total
        counter += 1
