"""Property tests of the Vietnamese text functions (Hypothesis)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from motcua_desktop.domain.text import (
    clean_line,
    collation_key,
    fold,
    format_number,
    matches,
    nfc,
    parse_number,
)

_BASES = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_VOWELS = set("aăâeêioôơuưy")
_TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


@st.composite
def vietnamese_letter(draw) -> str:
    base = draw(st.sampled_from(_BASES + "fjwz"))  # f, j, w, z occur in names too
    if base in _VOWELS:
        base = unicodedata.normalize("NFC", base + draw(st.sampled_from(_TONES)))
    if draw(st.booleans()):
        base = base.upper()
    if draw(st.integers(0, 9)) == 0:
        base = unicodedata.normalize("NFD", base)  # Unikey may type decomposed
    return base


_word = st.lists(vietnamese_letter(), min_size=1, max_size=6).map("".join)
vietnamese_text = st.lists(
    st.one_of(_word, _word, _word, st.sampled_from(["-", "1", "09", "(", ")", ",", "."])),
    min_size=1,
    max_size=4,
).map(" ".join)


@pytest.fixture(scope="module")
def vi_collator():
    from PySide6.QtCore import QCollator, QLocale

    return QCollator(QLocale("vi_VN"))


def _sign(n: int) -> int:
    return (n > 0) - (n < 0)


@given(st.text())
@example("İstanbul")  # İ both decomposes and case-folds to i + a combining dot
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.one_of(st.text(), vietnamese_text))
@example("İ")
def test_fold_leaves_no_accent_no_đ_and_no_capital(text):
    folded = fold(text)
    assert not any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", folded))
    assert "đ" not in folded and "Đ" not in folded
    assert folded == folded.casefold()


@given(vietnamese_text)
def test_a_name_is_found_by_its_unaccented_lower_case_form(text):
    assert matches(fold(text), text)
    assert matches(unicodedata.normalize("NFD", text), text)


@given(st.text())
@example("a\u200b\u0301")  # the acute must compose once the zero-width space is gone
def test_nfc_is_stable(text):
    once = nfc(text)
    assert nfc(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(st.text())
def test_nfc_of_decomposed_input_equals_nfc_of_composed(text):
    assert nfc(unicodedata.normalize("NFD", text)) == nfc(text)


@settings(max_examples=400)
@given(vietnamese_text, vietnamese_text)
@example("Jơ Ha", "Khánh")  # j between i and k, as in the Latin alphabet
@example("Tư pháp - Hộ tịch", "Tư pháp, Hộ tịch")
def test_collation_key_agrees_with_qt_vietnamese_collator(vi_collator, a, b):
    ka, kb = collation_key(a), collation_key(b)
    assert _sign((ka > kb) - (ka < kb)) == _sign(vi_collator.compare(a, b)), (a, b)


@given(vietnamese_text)
def test_collation_key_ignores_unicode_encoding(text):
    nfd = unicodedata.normalize("NFD", text)
    assert collation_key(nfd) == collation_key(unicodedata.normalize("NFC", text))


@given(st.integers(min_value=-10**12, max_value=10**12))
@example(1209)  # "1.209" must read back as 1209, not 1,209
def test_whole_numbers_round_trip_through_format_and_parse(n):
    assert parse_number(format_number(n)) == n


@given(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_decimal_numbers_round_trip_through_format_and_parse(whole, cents):
    value = whole + (cents / 100 if whole >= 0 else -cents / 100)
    text = format_number(value)
    assert "," in text  # decimal comma
    assert parse_number(text) == pytest.approx(value, abs=1e-9)
    assert format_number(parse_number(text)) == text


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3))
def test_any_float_round_trips_to_its_rounded_value(value, decimals):
    text = format_number(value, decimals)
    assert parse_number(text) == pytest.approx(round(value, decimals), abs=10 ** -decimals)


# The fast paths of nfc/clean_line (a province-scale import calls them 1.4 million times)
# must give exactly what the plain definition gives.
def _nfc_as_defined(value: str) -> str:
    visible = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b-\u200d\u2060\ufeff]", "", value)
    return unicodedata.normalize("NFC", visible.replace("\u00d0", "\u0110")).strip()


_tricky = st.text(alphabet=st.sampled_from(
    [" ", "\t", "\n", "\u00a0", "\u00ad", "\u200b", "\ufeff", "\u00d0", "\u0301", "\u0300", "e", "a", "Đ",
     "ế", "\u2000", "\u2001", "\u1fed", "\u0340", "Ω", "\u2126", "A"]))


@settings(max_examples=500)
@given(st.one_of(st.text(), vietnamese_text, _tricky))
@example(" Nguyễn  Văn\u00a0An ")
@example("\u2126 \u1fed")  # canonical singletons: Ohm sign → Omega
def test_nfc_and_clean_line_fast_paths_give_what_the_definition_gives(text):
    assert nfc(text) == _nfc_as_defined(text)
    assert clean_line(text) == " ".join(_nfc_as_defined(text).split())
