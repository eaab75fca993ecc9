"""Vietnamese text: folding for search, collation against Qt's ICU collator, name order,
numbers and dates as a Vietnamese office writes them."""

from __future__ import annotations

import functools
import unicodedata
from datetime import date

import pytest

from motcua_desktop.domain.text import (
    clean_line,
    collation_key,
    fold,
    format_date,
    format_long_date,
    format_number,
    matches,
    nfc,
    parse_date,
    parse_number,
    person_name_key,
)

# Real-world Vietnamese full names (Kinh, Tày, Nùng, Dao, H'Mông, Ê Đê), chosen so that every
# letter with a mark (ă â đ ê ô ơ ư), every tone and both cases occur, with near neighbours
# (Thủy/Thúy/Thùy/Thụy/Thuy, Hòa/Hoà, Đ/D) that only a real collation puts in the right order.
NAMES = [
    "Nguyễn Văn An", "Nguyễn Văn Ân", "Nguyễn Thị Ánh", "Trần Văn Ấn", "Lê Thị Ăn",
    "Đặng Văn Đức", "Đinh Thị Dung", "Đoàn Minh Dũng", "Dương Văn Đạt", "đỗ thị duyên",
    "Bùi Thị Ngọc Ánh", "Hoàng Văn Thắng", "Vũ Thị Thắm", "Võ Văn Tâm", "Lương Thị Tấm",
    "Phan Văn Tám", "Hồ Thị Thơm", "Ngô Văn Thọ", "Hà Thị Thủy", "Hà Thị Thúy",
    "Hà Thị Thùy", "Hà Thị Thụy", "Hà Thị Thuy", "Hà Thị Thũy", "Lã Văn Vĩnh",
    "Trịnh Thị Mỹ", "Tạ Quang Sỹ", "Nông Văn Ước", "Lộc Thị Ưng", "Vi Văn Ứng",
    "Bế Thị Ơn", "Hứa Văn Ơn", "Chu Thị Ngân", "Mã Văn Nhân", "Lăng Thị Nhàn",
    "Nông Thị Nhạn", "Hoàng Văn Nhẫn", "ÂU VĂN ĐÔNG", "Âu Thị Đông", "Ông Văn Ổn",
    "ĐINH THỊ HOA", "đinh thị hoa", "Đinh Thị Hoa", "Đinh Thị Hóa", "Đinh Thị Hòa",
    "Đinh Văn Hỏa", "Đinh Thị Họa", "Đinh Văn Hoả", "Phó Đức Phương", "Quách Thị Quế",
    "Kiều Văn Khải", "Khúc Thị Khuê", "Giáp Văn Giang", "Tăng Thị Tuyết", "Cao Văn Cường",
    "Cù Thị Cúc", "Lý Thị Yến", "Âu Dương Hải", "Tôn Nữ Thảo", "Tô Thị Tơ",
    "Tống Văn Tước", "Thân Thị Thơ", "Mạc Văn Mạnh", "Mẫn Văn Mẫn", "Lại Thị Lài",
    "Bạch Thị Bích", "Bàn Văn Bằng", "Bàn Thị Băng", "Sầm Văn Sâm", "Dư Thị Dự",
    "Từ Thị Tự", "Vương Văn Vượng", "Hầu A Páo", "Giàng A Dế", "H'Hen Niê",
    "Y Moan Êban", "Đặng Thùy Trâm", "DƯƠNG THU HƯƠNG", "dương thu hương", "Ưng Văn Hoàng",
]


@pytest.fixture(scope="module")
def vi_collator():
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale("vi_VN"))
    assert collator.locale().name() == "vi_VN"
    return collator


def _sign(n: int) -> int:
    return (n > 0) - (n < 0)


def test_names_cover_every_marked_letter_every_tone_and_both_cases():
    text = unicodedata.normalize("NFD", " ".join(NAMES))
    for letter in "ăâđêôơưĂÂĐÊÔƠƯ":
        assert letter in " ".join(NAMES), letter
    for tone in "\u0300\u0309\u0303\u0301\u0323":
        assert tone in text
    assert len(set(NAMES)) == len(NAMES) >= 60


def test_collation_key_sorts_real_names_as_qt_vietnamese_collator_does(vi_collator):
    expected = sorted(NAMES, key=functools.cmp_to_key(vi_collator.compare))
    assert sorted(NAMES, key=collation_key) == expected
    for a in NAMES:
        for b in NAMES:
            mine = _sign((collation_key(a) > collation_key(b)) - (collation_key(a) < collation_key(b)))
            assert mine == _sign(vi_collator.compare(a, b)), (a, b)


def test_collation_letter_order_is_the_vietnamese_alphabet():
    # Given single letters in scrambled order, When sorted, Then a < ă < â … d < đ … u < ư.
    alphabet = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    assert sorted(reversed(alphabet), key=collation_key) == alphabet
    # Tones: ngang < huyền < hỏi < ngã < sắc < nặng, lower case before upper case.
    assert sorted(["ạ", "á", "ã", "ả", "à", "a", "A"], key=collation_key) == ["a", "A", "à", "ả", "ã", "á", "ạ"]
    # The tone never beats the letter: "Ánh" comes before "Ăn".
    assert collation_key("Ánh") < collation_key("Ăn") < collation_key("Âm")
    assert collation_key("Dũng") < collation_key("Đạt")


def test_collation_key_is_the_same_for_composed_and_decomposed_input():
    for name in NAMES:
        assert collation_key(unicodedata.normalize("NFD", name)) == collation_key(name)


def test_person_names_sort_by_given_name_then_family_and_middle_names():
    people = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Đức Bình", "Hoàng Thị Ánh", "Đỗ Văn Dũng", "Bế Văn Đạt"]
    assert sorted(people, key=person_name_key) == [
        "Nguyễn Thị An",
        "Hoàng Thị Ánh",
        "Lê Đức Bình",
        "Trần Văn Bình",
        "Đỗ Văn Dũng",
        "Bế Văn Đạt",
    ]


def test_person_name_key_agrees_with_qt_on_given_name_first(vi_collator):
    def given_first(a: str, b: str) -> int:
        *rest_a, given_a = a.split()
        *rest_b, given_b = b.split()
        return vi_collator.compare(given_a, given_b) or vi_collator.compare(" ".join(rest_a), " ".join(rest_b))

    assert sorted(NAMES, key=person_name_key) == sorted(NAMES, key=functools.cmp_to_key(given_first))


def test_nfc_composes_and_cleans_what_unikey_types():
    decomposed = unicodedata.normalize("NFD", "Bộ phận Một cửa xã Đồng Mỏ")
    assert decomposed != "Bộ phận Một cửa xã Đồng Mỏ"
    assert nfc(decomposed) == "Bộ phận Một cửa xã Đồng Mỏ"
    assert nfc("  Mai\x00 Sao\x07 ") == "Mai Sao"
    assert clean_line(" Nguyễn \t Văn\n  An ") == "Nguyễn Văn An"


def test_nfc_drops_invisible_characters_pasted_from_word_or_the_web():
    assert nfc("\ufeffNguyễn\u200b Văn\u00ad An\u2060") == "Nguyễn Văn An"
    assert clean_line("Nguyễn\u00a0Văn\u00a0An") == "Nguyễn Văn An"  # no-break spaces


def test_nfc_reads_the_eth_look_alike_as_đ():
    typed = "\u00d0\u1ed3ng M\u1ecf"  # "Ðồng Mỏ" with Icelandic Ð, as old converters write it
    assert nfc(typed) == "Đồng Mỏ"
    assert matches("dong mo", nfc(typed))


def test_fold_removes_every_mark_and_reads_d_for_đ():
    assert fold("Đồng Mỏ") == "dong mo"
    assert fold("ĐƯỜNG  Khu Ga") == "duong khu ga"
    assert fold(unicodedata.normalize("NFD", "Thượng Cường")) == "thuong cuong"
    assert fold("đđĐ") == "ddd"


def test_search_finds_units_typed_without_accents():
    assert matches("dong mo", "Bộ phận Một cửa thị trấn Đồng Mỏ")
    assert matches("Đồng mỏ", unicodedata.normalize("NFD", "thị trấn Đồng Mỏ"))
    assert matches("bang huu", "Bộ phận Một cửa xã Bằng Hữu")
    assert matches("mai sao", "Bộ phận Một cửa", "xã Mai Sao")  # words may come from any field
    assert matches("", "anything")
    assert not matches("dong mo", "Bộ phận Một cửa xã Mai Sao")
    assert not matches("bang mac", "Bộ phận Một cửa xã Bằng Hữu")


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (225.78, None, "225,78"),
        (1209, None, "1.209"),
        (1209.5, None, "1.209,50"),
        (1_234_567, None, "1.234.567"),
        (0, None, "0"),
        (13, None, "13"),
        (225.78, 1, "225,8"),
        (None, None, ""),
    ],
)
def test_format_number_uses_decimal_comma_and_thousands_dot(value, decimals, shown):
    assert format_number(value, decimals) == shown


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("225,78", 225.78),
        ("225.78", 225.78),
        ("1.209,5", 1209.5),
        ("1,209.5", 1209.5),
        ("1.209", 1209.0),
        ("1.234.567", 1234567.0),
        (" 13 ", 13.0),
        ("-2,5", -2.5),
    ],
)
def test_parse_number_reads_vietnamese_and_english_forms(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "12.34.56", "1,2,3", "5.", "--1", "1 2a"])
def test_parse_number_refuses_what_is_not_a_number_in_vietnamese(text):
    with pytest.raises(ValueError) as info:
        parse_number(text)
    assert "không phải là số" in str(info.value) or str(info.value) == "trống"


def test_parse_date_reads_office_forms():
    assert parse_date("19/04/2024") == date(2024, 4, 19)
    assert parse_date("5/1/2024") == date(2024, 1, 5)
    assert parse_date("05-01-2024") == date(2024, 1, 5)
    assert parse_date("05.01.2024") == date(2024, 1, 5)
    assert parse_date("2024-04-19") == date(2024, 4, 19)
    assert parse_date("29/02/2024") == date(2024, 2, 29)


def test_parse_date_refuses_a_day_not_on_the_calendar_in_vietnamese():
    with pytest.raises(ValueError, match="ngày 31/02/2024 không có trên lịch"):
        parse_date("31/02/2024")
    with pytest.raises(ValueError, match="không phải ngày dạng dd/mm/yyyy"):
        parse_date("hôm qua")


def test_format_date_for_tables():
    assert format_date(date(2024, 4, 19)) == "19/04/2024"
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2024, 1, 5), "ngày 05 tháng 01 năm 2024"),
        (date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
        (date(2024, 3, 1), "ngày 01 tháng 3 năm 2024"),
        (date(2024, 4, 19), "ngày 19 tháng 4 năm 2024"),
        (date(2024, 10, 9), "ngày 09 tháng 10 năm 2024"),
        (date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
    ],
)
def test_format_long_date_follows_decree_30(day, text):
    # Days below 10 and months 1-2 take a leading zero; months 3-12 do not.
    assert format_long_date(day) == text
