"""The join code: short, readable aloud, typed however a person types it, compared safely."""

from __future__ import annotations

import pytest

from experience.workshop.joincode import ALPHABET, is_loopback, make_code, matches


def test_a_code_is_two_groups_of_three_readable_characters():
    code = make_code()
    assert len(code) == 7 and code[3] == "-"
    assert all(ch in ALPHABET for ch in code.replace("-", ""))


def test_codes_differ_from_one_server_to_the_next():
    assert len({make_code() for _ in range(20)}) == 20


@pytest.mark.parametrize("typed", ["KX7-M4P", "kx7m4p", " kx7 m4p ", "KX7M4P"])
def test_a_code_matches_in_any_case_with_or_without_the_dash(typed):
    assert matches(typed, "KX7-M4P")


@pytest.mark.parametrize("typed", ["", "KX7-M4", "KX7-M4Q", "KX7-M4PP"])
def test_anything_else_does_not_match(typed):
    assert not matches(typed, "KX7-M4P")


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "localhost", "::1", "[::1]"])
def test_loopback_addresses_need_no_code(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "workshop.local"])
def test_any_other_address_needs_a_code(host):
    assert not is_loopback(host)
