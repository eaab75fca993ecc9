"""Hostile and broken import files: every one ends in a clean import or a clean refusal
(:class:`InputRejected`, register unchanged), never another exception, never unbounded.

The default run is sized for CI; a deeper one::

    MOTCUA_FUZZ_EXAMPLES=3000 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/robust/test_fuzz_import.py -q
"""

from __future__ import annotations

import codecs
import os
import shutil
import sqlite3
import time
import tracemalloc
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from motcua_desktop.domain.model import Unit
from motcua_desktop.store import Registry
from motcua_desktop.store.errors import InputRejected
from motcua_desktop.store.transfer import export_workbook, import_file
from motcua_desktop.store.transfer.columns import EQUIPMENT, STAFF, UNITS

from .helpers import content

EXAMPLES = int(os.environ.get("MOTCUA_FUZZ_EXAMPLES", "200"))
pytestmark = pytest.mark.timeout(max(300, EXAMPLES // 2))  # a deeper run gets a longer deadline
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

TRICKY = [
    "=1+1", '=HYPERLINK("http://example.invalid","bấm")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
    "'); DROP TABLE units; --", "Robert'); DELETE FROM people; --", "Biên chế", "biên chế",
    "Bie\u0302n che\u0302\u0301", "Cử đến", "Biệt phái", "Xã", "Huyện", "huyện", "thị trấn", "phường",
    "31/02/2024", "00/00/0000", "1/1/10000", "29/02/2023", "2024-13-01", "01/01/1899", "225,78",
    "225.78", "1.234,5", "-5", "1e308", "NaN", "inf", "#REF!", "#N/A", "  ", "\ufeff", "\u200b",
    "H-CHILANG", "X-MAISAO", "Tốt", "Hỏng", "Chờ thanh lý", "máy in", "MÁY IN", "Tư pháp - Hộ tịch;;",
    "_x0007_", "ǅ", "\u202etxt.exe", "𝕏𝕏", "😀", "a" * 300,
]  # fmt: skip

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_cell = st.one_of(
    st.none(),
    _text,
    st.sampled_from(TRICKY),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1900, 1, 2), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(9999, 12, 31)),
    st.booleans(),
    st.builds(lambda ch, n: ch * n, st.characters(blacklist_categories=("Cs",)), st.integers(4_000, 7_000)),
)


@st.composite
def sheets(draw):
    """A workbook as {sheet title: rows}: the right headers (sometimes shuffled, cut or
    renamed) over random cells."""
    book = {}
    for sheet in draw(st.lists(st.sampled_from([UNITS, STAFF, EQUIPMENT]), min_size=1, max_size=3, unique=True)):
        header = [c.label for c in sheet.columns]
        header = draw(st.one_of(st.just(header), st.permutations(header), st.lists(st.sampled_from(header + ["Cột lạ", ""]), max_size=14)))
        rows = [header]
        for _ in range(draw(st.integers(0, 6))):
            rows.append(draw(st.lists(_cell, min_size=max(0, len(header) - 2), max_size=len(header) + 2)))
        title = draw(st.sampled_from([sheet.title, sheet.title.upper(), sheet.title + " ", "Sheet1"]))
        book[title] = rows
    return book


def _write_xlsx(path: Path, book: dict) -> None:
    from openpyxl.utils.exceptions import IllegalCharacterError

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in book.items():
        ws = wb.create_sheet(title.strip()[:31] or "Trang")
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                try:
                    ws.cell(row=r, column=c, value=value)
                except (IllegalCharacterError, ValueError, TypeError):
                    # what Excel itself writes for a control character
                    ws.cell(row=r, column=c, value="".join(f"_x{ord(ch):04X}_" if ord(ch) < 32 else ch for ch in str(value)))
    wb.save(path)


@pytest.fixture
def fresh(_sample_template, tmp_path):
    """A new copy of the sample register for each Hypothesis example."""
    counter = iter(range(10**9))

    def make() -> Path:
        target = tmp_path / f"r{next(counter)}.sqlite"
        shutil.copyfile(_sample_template, target)
        return target

    return make


def _import_cleanly(db: Path, file: Path) -> None:
    """The property: a summary, or InputRejected with the register unchanged."""
    before = content(db)
    reg = Registry.open(db)
    try:
        import_file(reg, file)
    except InputRejected as exc:
        assert str(exc).strip() and all(isinstance(p, str) and p for p in exc.problems)
        reg.close()
        assert content(db) == before, "a refused import changed the register"
        return
    finally:
        reg.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


@FUZZ
@given(book=sheets())
def test_random_workbooks_import_cleanly_or_are_refused_cleanly(book, fresh, tmp_path):
    file = tmp_path / "nhap.xlsx"
    _write_xlsx(file, book)
    _import_cleanly(fresh(), file)


_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1", "cp1252", "utf-16-le"]


@st.composite
def csv_bytes(draw):
    """A units CSV in random and mixed encodings, separators, control characters; or noise."""
    header = ";".join(c.label for c in UNITS.columns) if draw(st.booleans()) else ",".join(c.label for c in UNITS.columns)
    lines = [header] + [
        draw(st.sampled_from([",", ";", "\t"])).join(str(draw(_cell)) for _ in range(draw(st.integers(0, 10))))
        for _ in range(draw(st.integers(0, 6)))
    ]
    parts = []
    for line in lines:
        encoding = draw(st.sampled_from(_ENCODINGS))
        parts.append(codecs.encode(line + draw(st.sampled_from(["\n", "\r\n", "\r", "\x00\n"])), encoding, "replace"))
    data = b"".join(parts)
    return draw(st.one_of(st.just(data), st.binary(max_size=2000), st.just(data[: draw(st.integers(0, len(data)))])))


@FUZZ
@given(data=csv_bytes())
def test_random_csv_files_in_mixed_encodings_import_cleanly_or_are_refused_cleanly(data, fresh, tmp_path):
    file = tmp_path / "Đơn vị.csv"
    file.write_bytes(data)
    _import_cleanly(fresh(), file)


@FUZZ
@given(data=st.binary(max_size=5000), keep_zip=st.booleans())
@example(data=b"\x00\x00\xee", keep_zip=True)  # a central directory naming zip version 25.0
def test_broken_xlsx_files_are_refused_cleanly(data, keep_zip, fresh, tmp_path, _sample_workbook):
    """Truncated, bit-flipped or random bytes named .xlsx."""
    file = tmp_path / "hong.xlsx"
    if keep_zip:
        good = bytearray(_sample_workbook.read_bytes())
        for i, b in enumerate(data[:64]):
            good[(i * 7919 + b * 31) % len(good)] ^= b or 1
        file.write_bytes(bytes(good[: len(good) - (data[0] if data else 0)]))
    else:
        file.write_bytes(data)
    _import_cleanly(fresh(), file)


@pytest.fixture(scope="module")
def _sample_workbook(tmp_path_factory, _sample_template):
    out = tmp_path_factory.mktemp("xuat") / "mau.xlsx"
    reg = Registry.open(_sample_template, read_only=True)
    export_workbook(reg, out)
    reg.close()
    return out


def _bounded(call, *, seconds: float, megabytes: int):
    """Refused within ``seconds`` of this process's CPU time and ``megabytes`` of Python
    allocations. Two runs: tracemalloc slows every allocation several-fold, so time is
    measured without it; CPU time, not wall-clock, so other processes sharing the machine
    do not count."""
    started = time.process_time()
    with pytest.raises(InputRejected) as info:
        call()
    cpu = time.process_time() - started
    tracemalloc.start()
    try:
        with pytest.raises(InputRejected):
            call()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert cpu < seconds, f"took {cpu:.1f} s of CPU"
    assert peak < megabytes * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
    return str(info.value)


def test_a_zip_bomb_is_refused_quickly_without_inflating_it(sample_registry, tmp_path):
    bomb = tmp_path / "bom.xlsx"
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for _ in range(400):
                fh.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    before = content(sample_registry.path)
    message = _bounded(lambda: import_file(sample_registry, bomb), seconds=2, megabytes=20)
    assert "bom.xlsx" in message and "giải nén" in message
    assert content(sample_registry.path) == before


def test_a_high_ratio_part_is_refused_even_under_the_total_limit(sample_registry, tmp_path):
    bomb = tmp_path / "bom2.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"\x00" * (60 * 1024 * 1024))
    message = _bounded(lambda: import_file(sample_registry, bomb), seconds=2, megabytes=20)
    assert "bom nén" in message


def test_a_100_mb_file_is_refused_without_reading_it(sample_registry, tmp_path):
    big = tmp_path / "to.xlsx"
    with (
        zipfile.ZipFile(big, "w", compression=zipfile.ZIP_STORED) as zf,
        zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh,
    ):
        for _ in range(100):
            fh.write(os.urandom(1024 * 1024))
    assert big.stat().st_size > 100 * 1024 * 1024
    message = _bounded(lambda: import_file(sample_registry, big), seconds=2, megabytes=20)
    assert "quá giới hạn" in message and "to.xlsx" in message
    big_csv = tmp_path / "Đơn vị.csv"
    with big_csv.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    assert "quá giới hạn" in _bounded(lambda: import_file(sample_registry, big_csv), seconds=2, megabytes=20)


def test_sql_looking_names_are_stored_as_text(registry, tmp_path):
    name = "'); DROP TABLE units; --"
    book = tmp_path / "nhap.xlsx"
    _write_xlsx(book, {"Đơn vị": [[c.label for c in UNITS.columns], ["X1", name, "Xã", "xã"]],
                       "Cán bộ": [[c.label for c in STAFF.columns],
                                  ["C1", "Robert'); DELETE FROM people; --", None, "X1", "", "Biên chế"]]})  # fmt: skip
    import_file(registry, book)
    registry.units.add(Unit(code="X2", name=name + " 2"))
    assert [u.name for u in registry.units.list()] == [name, name + " 2"]
    assert [p.full_name for p in registry.staff.people()] == ["Robert'); DELETE FROM people; --"]


def test_exported_cells_starting_with_formula_signs_are_written_as_text(registry, tmp_path):
    names = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]
    for i, name in enumerate(names):
        registry.units.add(Unit(code=f"F{i}", name=name))
    out = export_workbook(registry, tmp_path / "xuat.xlsx")
    ws = load_workbook(out)["Đơn vị"]
    cells = [row[1] for row in ws.iter_rows(min_row=2)]
    assert [c.value for c in cells] == names
    assert all(c.data_type == "s" for c in cells)
