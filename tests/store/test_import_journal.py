"""An import's dry run shows what would change and writes nothing; its journal
puts the register back exactly (undo) and redoes it exactly (redo)."""

from __future__ import annotations

from openpyxl import load_workbook

from motcua_desktop.store.database import transaction
from motcua_desktop.store.transfer import export_workbook, import_file


def tables(registry) -> list[str]:
    return [line for line in registry.db.conn.iterdump() if "change_history" not in line]


def test_dry_run_shows_added_and_changed_old_to_new_and_writes_nothing(sample_registry, tmp_path):
    path = export_workbook(sample_registry, tmp_path / "xuat.xlsx")
    wb = load_workbook(path)
    ws = wb["Cán bộ"]
    name = ws["B2"].value
    ws["C2"] = 1977  # Năm sinh
    ws.append(["MOI1", "Đặng Văn Mới", 1999, ws["D2"].value, "", "Biên chế", "", "", "01/01/2026"])
    wb.save(path)
    before = tables(sample_registry)
    summary = import_file(sample_registry, path, dry_run=True, journal=True)
    assert tables(sample_registry) == before
    assert [(c.table, c.who) for c in summary.added_rows] == [
        ("Cán bộ", "Đặng Văn Mới (MOI1)"), ("Phân công", f"Đặng Văn Mới — {sample_registry.units.by_code(ws['D2'].value).name}")]
    changed = [(c.table, c.field, c.new) for c in summary.changed_rows]
    assert changed == [("Cán bộ", "Năm sinh", "1977")]
    assert summary.changed_rows[0].who.startswith(name)


def test_the_journal_undoes_and_redoes_an_import_exactly(sample_registry, tmp_path):
    path = export_workbook(sample_registry, tmp_path / "xuat.xlsx")
    wb = load_workbook(path)
    wb["Đơn vị"]["B2"] = "Tên mới"
    wb["Thiết bị"]["D2"] = "Hỏng"
    wb["Cán bộ"].append(["MOI1", "Đặng Văn Mới", 1999, wb["Cán bộ"]["D2"].value, "", "Biên chế"])
    wb.save(path)
    before = tables(sample_registry)
    summary = import_file(sample_registry, path, journal=True)
    after = tables(sample_registry)
    assert after != before
    with transaction(sample_registry.db):
        summary.journal.apply(sample_registry.db.conn, backwards=True)
    assert tables(sample_registry) == before
    with transaction(sample_registry.db):
        summary.journal.apply(sample_registry.db.conn, backwards=False)
    assert tables(sample_registry) == after
