"""Sealing with a passphrase: what is stored, what a wrong passphrase gets, what is never kept."""

from __future__ import annotations

import pytest

from experience.progress import sealing
from experience.progress.sealing import KdfParams, Unreadable, WrongPassphrase, new_seal, open_seal

from .privacy_helpers import PASSPHRASE


def test_a_sealed_text_opens_again_with_the_same_passphrase():
    record, sealed = new_seal(PASSPHRASE)
    token = sealed.seal("Ich vermisse dich. 🌙")
    assert open_seal(record, PASSPHRASE).unseal(token) == "Ich vermisse dich. 🌙"


def test_a_wrong_passphrase_is_told_apart_instead_of_giving_garbage():
    record, _ = new_seal(PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        open_seal(record, PASSPHRASE + " ")


def test_a_text_sealed_by_another_key_cannot_be_opened_quietly():
    _, mine = new_seal(PASSPHRASE)
    _, other = new_seal(PASSPHRASE)  # the same words, a different salt: a different key
    with pytest.raises(Unreadable):
        mine.unseal(other.seal("not yours"))


def test_each_seal_has_its_own_random_salt():
    first, _ = new_seal(PASSPHRASE)
    second, _ = new_seal(PASSPHRASE)
    assert len(first.salt) == 16 and first.salt != second.salt


def test_the_record_holds_neither_the_passphrase_nor_the_key():
    record, sealed = new_seal(PASSPHRASE)
    stored = record.salt + record.verifier
    assert PASSPHRASE.encode() not in stored
    assert sealed._fernet._encryption_key not in stored and sealed._fernet._signing_key not in stored


def test_the_same_words_typed_through_another_input_method_still_open_it():
    composed, decomposed = "caf\u00e9 au lait ensemble", "cafe\u0301 au lait ensemble"
    record, _ = new_seal(composed)
    open_seal(record, decomposed)


def test_the_key_is_never_shown_even_in_a_traceback():
    _, sealed = new_seal(PASSPHRASE)
    assert "hidden" in repr(sealed) and PASSPHRASE not in repr(sealed)


def test_the_real_cost_is_scrypt_at_owasps_floor(quick_key_derivation):
    # The tests run with a low cost (see conftest.py); this pins what people get.
    assert quick_key_derivation == KdfParams(n=2**17, r=8, p=1)


def test_a_record_keeps_the_cost_it_was_made_with_so_the_default_can_rise_later(monkeypatch):
    record, _ = new_seal(PASSPHRASE, KdfParams(n=2**11, r=8, p=1))
    monkeypatch.setattr(sealing, "DEFAULT_KDF", KdfParams(n=2**12, r=8, p=1))
    assert record.params.n == 2**11
    open_seal(record, PASSPHRASE)
