"""Consolidation end to end: three commune registers from different workbooks submit their
packages; the province receives them; its appendix equals each commune's own report row by row,
with subtotals and the total right; receiving again changes nothing; a hand-edited package and
one from another province are refused with the register unchanged; a newer package from one
commune replaces only its rows."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from package_communes import cli, commune, dump, province, three_communes

from motcua_desktop.report.appendix import TableRow
from motcua_desktop.report.service import choose_report, content_for
from motcua_desktop.store.registry import Registry

DAY = date(2026, 3, 1)


def _appendix(db: Path, day: date = DAY) -> tuple[TableRow, ...]:
    reg = Registry.open(db)
    try:
        content = content_for(reg, choose_report(reg), day)
    finally:
        reg.close()
    return content.appendices[0].rows


def _submit(tmp: Path, communes: dict[str, Path], day: date = DAY) -> list[Path]:
    out = []
    for code, db in communes.items():
        path = tmp / f"goi-{code}-{day:%Y%m%d}.xlsx"
        assert cli("submit", "--db", str(db), "--out", str(path), "--as-of", day.isoformat()) == 0
        out.append(path)
    return out


def _groups(rows: tuple[TableRow, ...]) -> dict[str, tuple[TableRow, list[TableRow]]]:
    out: dict[str, tuple[TableRow, list[TableRow]]] = {}
    current: list[TableRow] = []
    for r in rows:
        if r.kind == "group":
            current = []
            out[str(r.cells[1])] = (r, current)
        elif r.kind == "unit":
            current.append(r)
    return out


@pytest.fixture
def received(tmp_path: Path) -> tuple[Path, dict[str, Path], list[Path]]:
    communes = three_communes(tmp_path)
    packages = _submit(tmp_path, communes)
    db = province(tmp_path)
    assert cli("receive", "--db", str(db), *map(str, packages)) == 0
    return db, communes, packages


def test_the_consolidated_appendix_equals_each_communes_own_report(received, capsys):
    db, communes, _ = received
    rows = _appendix(db)
    groups = _groups(rows)
    labels = {"06463": "Xã Chi Lăng", "05977": "Phường Đông Kinh", "06001": "Xã Đoàn Kết"}
    subtotal = [0] * 5
    for code, commune_db in communes.items():
        own = _appendix(commune_db)
        group, members = groups[labels[code]]
        # unit rows: number, name and every figure, as the commune's own report prints them
        assert [r.cells[:7] for r in members] == [r.cells[:7] for r in own if r.kind == "unit"]
        (total,) = [r for r in own if r.kind == "total"]
        assert group.cells[2:7] == total.cells[2:7]  # the commune's subtotal is its own Tổng cộng
        assert group.cells[7] == ""  # it has sent: no "chưa nộp"
        subtotal = [a + int(b or 0) for a, b in zip(subtotal, total.cells[2:7], strict=True)]
    assert [r.cells[1] for r in members] != []
    assert rows[1].cells[1] == "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn"  # provincial centre first
    assert rows[-1].kind == "total" and rows[-1].cells[1] == "Tổng cộng"
    assert list(rows[-1].cells[2:7]) == subtotal  # the province holds only what the communes sent
    assert subtotal[0] == 6 + 3 + 2  # Chi Lăng (C2 left in 2025; Hỗ trợ not in Tổng số), Đông Kinh, Đoàn Kết
    missing = [g for g, (row, _) in groups.items() if row.cells[7] == "chưa nộp"]
    assert len(missing) == 65 - 3 and "Xã Chi Lăng" not in missing


def test_the_narrative_counts_the_communes_that_sent_and_the_pdf_docx_xlsx_are_written(received, tmp_path):
    db, _, _ = received
    reg = Registry.open(db)
    try:
        content = content_for(reg, choose_report(reg), DAY)
    finally:
        reg.close()
    text = " ".join(str(b) for b in content.blocks)
    assert "Số xã, phường, đặc khu đã gửi số liệu: 3/65; chưa gửi: 62 xã, phường, đặc khu" in text
    assert "có 11 người làm việc" in text or "có 11 người" in text
    for ext in ("pdf", "docx", "xlsx"):
        out = tmp_path / f"tong-hop.{ext}"
        assert cli("report", "--db", str(db), "--out", str(out), "--as-of", DAY.isoformat()) == 0
        assert out.stat().st_size > 0


def _equipment(db: Path) -> tuple[TableRow, ...]:
    reg = Registry.open(db)
    try:
        report = dataclasses.replace(choose_report(reg), appendices=("staff", "equipment"))
        content = content_for(reg, report, DAY)
    finally:
        reg.close()
    return next(t for t in content.appendices if t.key == "equipment").rows


def test_the_equipment_appendix_is_grouped_by_commune_the_same_way(received):
    db, communes, _ = received
    groups = _groups(_equipment(db))
    own = [r for r in _equipment(communes["06463"]) if r.kind == "unit"]
    group, members = groups["Xã Chi Lăng"]
    assert [r.cells[1:] for r in members] == [r.cells[1:] for r in own]  # have/norm per type, shortfall
    assert str(group.cells[0]).isalpha() and str(group.cells[0]).isupper()  # a Roman numeral
    assert group.cells[-1] == sum(int(r.cells[-1] or 0) for r in own)
    assert "2/" in str(group.cells[3])  # Chi Lăng's 2 printers are the group's


def test_the_sending_offices_report_of_that_date_prints_the_packages_check_code(received):
    _, communes, packages = received
    info = {row[0]: row[1] for row in load_workbook(packages[0])["Thông tin gói"].iter_rows(values_only=True)}
    assert len(info["Mã kiểm tra"]) == 64 and info["Mã cơ quan"] == "06463"
    reg = Registry.open(communes["06463"])
    try:
        on_day = " ".join(b.text for b in content_for(reg, choose_report(reg), DAY).blocks)
        other_day = " ".join(b.text for b in content_for(reg, choose_report(reg), date(2026, 3, 2)).blocks)
    finally:
        reg.close()
    assert f"Mã kiểm tra: {info['Mã kiểm tra']}" in on_day
    assert "Mã kiểm tra" not in other_day


def test_receiving_the_same_packages_again_changes_nothing(received, capsys):
    db, _, packages = received
    before = dump(db)
    capsys.readouterr()
    assert cli("receive", "--db", str(db), *map(str, packages)) == 0
    assert "3 gói đã nhận trước đây, không thay đổi gì" in capsys.readouterr().out
    assert dump(db) == before


def test_a_hand_edited_package_is_refused_naming_the_file_and_nothing_changes(received, tmp_path, capsys):
    db, _, packages = received
    edited = tmp_path / "sua-tay.xlsx"
    book = load_workbook(packages[0])
    book["Cán bộ"]["B2"] = "Nông Văn Ăn"
    book.save(edited)
    before = dump(db)
    capsys.readouterr()
    assert cli("receive", "--db", str(db), str(packages[1]), str(edited)) == 2
    err = capsys.readouterr().err
    assert "sua-tay.xlsx" in err and "Mã kiểm tra không khớp" in err and "Traceback" not in err
    assert dump(db) == before


def test_a_package_from_another_province_is_refused_and_nothing_changes(received, tmp_path, capsys):
    db, _, _ = received
    ha_noi = commune(tmp_path, "00004", {"Cán bộ": [
        ["Mã cán bộ", "Họ và tên", "Mã đơn vị", "Hình thức", "Từ ngày"],
        ["H1", "Phạm Văn Hà", "TTPVHCC-00004", "Biên chế", "01/07/2025"]]}, keep_centre=True)
    (package,) = _submit(tmp_path, {"00004": ha_noi})
    before = dump(db)
    capsys.readouterr()
    assert cli("receive", "--db", str(db), str(package)) == 2
    err = capsys.readouterr().err
    assert package.name in err and "thuộc thành phố Hà Nội, không thuộc tỉnh Lạng Sơn" in err
    assert dump(db) == before


def test_a_newer_package_replaces_only_its_communes_rows(received, tmp_path, capsys):
    db, communes, _ = received
    before = _groups(_appendix(db, date(2026, 4, 1)))
    cd = communes["06001"]
    assert cli("import", "--db", str(cd), str(_one_more(tmp_path))) == 0
    (newer,) = _submit(tmp_path, {"06001": cd}, date(2026, 4, 1))
    assert cli("receive", "--db", str(db), str(newer)) == 0
    after = _groups(_appendix(db, date(2026, 4, 1)))
    assert {k: v for k, v in after.items() if k != "Xã Đoàn Kết"} == {
        k: v for k, v in before.items() if k != "Xã Đoàn Kết"}
    group, members = after["Xã Đoàn Kết"]
    assert group.cells[2] == before["Xã Đoàn Kết"][0].cells[2] + 1
    assert [r.cells[:7] for r in members] == [r.cells[:7] for r in _appendix(cd, date(2026, 4, 1)) if r.kind == "unit"]
    # the older package again: refused unless confirmed
    older = tmp_path / "goi-06001-20260301.xlsx"
    capsys.readouterr()
    assert cli("receive", "--db", str(db), str(older)) == 2
    assert "cũ hơn gói đang giữ" in capsys.readouterr().err
    assert cli("receive", "--db", str(db), "--replace-newer", str(older)) == 0
    assert _groups(_appendix(db, date(2026, 4, 1)))["Xã Đoàn Kết"] == before["Xã Đoàn Kết"]


def _one_more(tmp: Path) -> Path:
    from xlsx_files import write_xlsx

    return write_xlsx(tmp / "them.xlsx", {"Cán bộ": [
        ["Mã cán bộ", "Họ và tên", "Mã đơn vị", "Hình thức", "Từ ngày"],
        ["X4", "Nông Thị Mới", "TTDK", "Biên chế", "15/03/2026"]]})


def test_a_register_without_an_official_code_is_told_how_to_set_it(tmp_path, capsys):
    db = tmp_path / "trong.db"
    assert cli("init", "--db", str(db)) == 0
    capsys.readouterr()
    assert cli("submit", "--db", str(db), "--out", str(tmp_path / "g.xlsx")) == 2
    err = capsys.readouterr().err
    assert "chưa có mã cơ quan" in err and "motcua init --office" in err
    assert not (tmp_path / "g.xlsx").exists()
