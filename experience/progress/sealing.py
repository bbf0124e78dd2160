"""Sealing with a passphrase: the reader's words encrypted at rest, the key never on disk.

Decisions, and why:

- Fernet (AES-128-CBC with HMAC-SHA256, from the `cryptography` package) seals each text on its
  own. It is authenticated, so a wrong key or a damaged row is an error, never quiet garbage, and
  it is the package's high-level recipe: no modes, nonces or padding to get wrong here.
- The key is derived from the passphrase with scrypt, n=2**17, r=8, p=1 (OWASP's floor for
  scrypt): about 0.4 s and 128 MiB on a laptop, once per opening. That is unnoticeable to the
  person and makes each guess as slow for anyone trying passphrases against a copied file.
- The salt is 16 random bytes, new each time a passphrase is set or changed, so equal
  passphrases in two profiles (or two computers) give unrelated keys. The cost is stored beside
  it, so that it can be raised later without stranding old journals.
- A wrong passphrase is told apart from a right one by opening a sealed known text (the
  verifier). It says no more than any sealed answer would, and it works when the journal is empty.
- The passphrase is normalised (Unicode NFC) before deriving, so the same words typed through a
  different keyboard or input method still open the journal. It is never stored, logged or
  printed; only the derived key is kept, in memory, for as long as the program runs.

This module imports `cryptography`, so it is imported only when a passphrase is set or asked for.
"""

from __future__ import annotations

import base64
import os
import unicodedata
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..i18n import _, lazy

NAME = "fernet"
SALT_BYTES = 16
VERIFIER_TEXT = "Coming Home to Yourself: this passphrase opens this journal."  # sealed, and compared as it is
MIN_LENGTH = 8
UNREADABLE = lazy("a sealed text could not be opened")
WRONG = lazy("that passphrase does not open this journal")


@dataclass(frozen=True, slots=True)
class KdfParams:
    n: int = 2**17
    r: int = 8
    p: int = 1


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True, slots=True)
class SealRecord:
    """What is stored for a profile's passphrase: everything but the passphrase and the key."""

    salt: bytes
    params: KdfParams
    verifier: bytes
    kdf: str = "scrypt"


class WrongPassphrase(Exception):
    """The passphrase does not open this journal."""


class Unreadable(Exception):
    """A sealed text could not be opened with a key that opens the journal: the row is damaged."""


class FernetSealing:
    """A `Sealing` (see journal.py) holding one derived key, in memory only."""

    name = NAME

    def __init__(self, key: bytes):
        self._fernet = Fernet(key)

    def seal(self, text: str) -> bytes:
        return self._fernet.encrypt(text.encode("utf-8"))

    def unseal(self, stored: bytes | str) -> str:
        if isinstance(stored, str):  # sealed words are always bytes: a text here is not one of ours
            raise Unreadable(str(UNREADABLE))
        try:
            return self._fernet.decrypt(bytes(stored)).decode("utf-8")
        except (InvalidToken, UnicodeDecodeError) as error:
            raise Unreadable(str(UNREADABLE)) from error

    def __repr__(self) -> str:  # never show the key, even in a traceback
        return "FernetSealing(<key hidden>)"


def derive(passphrase: str, salt: bytes, params: KdfParams) -> FernetSealing:
    normalised = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    key = Scrypt(salt=salt, length=32, n=params.n, r=params.r, p=params.p).derive(normalised)
    return FernetSealing(base64.urlsafe_b64encode(key))


def new_seal(passphrase: str, params: KdfParams | None = None) -> tuple[SealRecord, FernetSealing]:
    """A fresh salt and key for `passphrase`, and the record that will recognise it again."""
    params = params or DEFAULT_KDF
    salt = os.urandom(SALT_BYTES)
    sealing = derive(passphrase, salt, params)
    return SealRecord(salt, params, sealing.seal(VERIFIER_TEXT)), sealing


def open_seal(record: SealRecord, passphrase: str) -> FernetSealing:
    """The sealing for `passphrase`, or WrongPassphrase."""
    if record.kdf != "scrypt":
        raise WrongPassphrase(
            _("this journal was sealed in a way this version does not know ({kdf})").format(kdf=record.kdf)
        )
    sealing = derive(passphrase, record.salt, record.params)
    try:
        if sealing.unseal(record.verifier) != VERIFIER_TEXT:
            raise WrongPassphrase(str(WRONG))
    except Unreadable:
        raise WrongPassphrase(str(WRONG)) from None
    return sealing
