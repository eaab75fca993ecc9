"""An export that cannot be written leaves nothing behind: no half file, no temporary sheet
files of openpyxl, and no sheet writer left for the garbage collector to close with an error."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest
from openpyxl.worksheet import _writer as openpyxl_writer

from motcua_desktop.store.errors import StoreError
from motcua_desktop.store.transfer import export_workbook, exporter


@pytest.fixture
def unraisable():
    """Exceptions raised where nobody can catch them (finalisers, generators closed by gc)."""
    caught = []
    old = sys.unraisablehook
    sys.unraisablehook = lambda info: caught.append(f"{info.exc_type.__name__}: {info.exc_value} in {info.object!r}")
    try:
        yield caught
    finally:
        gc.collect()
        sys.unraisablehook = old


def _temp_sheets() -> set[str]:
    return {p for p in openpyxl_writer.ALL_TEMP_FILES if Path(p).exists()}


def test_a_target_inside_a_file_fails_cleanly(sample_registry, tmp_path, unraisable):
    folder = tmp_path / "ra"
    folder.mkdir()
    blocker = folder / "la-tep"
    blocker.write_text("một tệp, không phải thư mục", encoding="utf-8")
    before = _temp_sheets()
    with pytest.raises(StoreError, match="Không ghi được"):
        export_workbook(sample_registry, blocker / "xuat.xlsx")
    gc.collect()
    assert unraisable == []
    assert _temp_sheets() == before
    assert sorted(p.name for p in folder.iterdir()) == ["la-tep"]


def test_a_save_failing_half_way_fails_cleanly(sample_registry, tmp_path, unraisable, monkeypatch):
    def full_disk(self, filename):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporter.Workbook, "save", full_disk)
    before = _temp_sheets()
    with pytest.raises(StoreError, match="No space left on device"):
        export_workbook(sample_registry, tmp_path / "ra" / "xuat.xlsx")
    gc.collect()
    assert unraisable == []
    assert _temp_sheets() == before
    assert list((tmp_path / "ra").iterdir()) == []


def test_a_register_failing_while_read_leaves_no_sheet_open(sample_registry, tmp_path, unraisable, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("ổ đĩa bị ngắt")

    monkeypatch.setattr(type(sample_registry.equipment), "items", broken)
    before = _temp_sheets()
    with pytest.raises(RuntimeError):
        export_workbook(sample_registry, tmp_path / "xuat.xlsx")
    gc.collect()
    assert unraisable == []
    assert _temp_sheets() == before
