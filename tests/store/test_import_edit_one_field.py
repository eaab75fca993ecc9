"""Export → edit any one field of any sheet (as a user does in Excel or
LibreOffice) → import updates exactly that field of exactly that record, and the appendix
changes only where the edit says it should. Before, an edited key (Từ ngày, Mã đơn vị, a
unit's Mã, equipment's Tình trạng) added a record beside the old one."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from motcua_desktop.store import Registry
from motcua_desktop.store.transfer import export_workbook, import_file
from motcua_desktop.store.transfer.journal import difference, snapshot

# header -> (table, columns that change); staff person fields are edited on all the person's rows
EDITS = {
    "Đơn vị": {"Mã": ("units", {"code"}), "Tên đơn vị": ("units", {"name"}), "Cấp": ("units", {"level"}),
               "Loại": ("units", {"kind"}), "Địa chỉ": ("units", {"address"}),
               "Diện tích (m²)": ("units", {"area_m2"}), "Thứ tự": ("units", {"sort_order"}),
               "Ghi chú": ("units", {"notes"}), "Tên ĐVHC": ("units", {"admin_name"}),
               "Quy chế": ("units", {"rules"}), "Đường dây nóng": ("units", {"hotline"}),
               "Mã ĐVHC": ("units", {"official_code"})},
    "Cán bộ": {"Mã cán bộ": ("people", {"code"}), "Họ và tên": ("people", {"full_name"}),
               "Năm sinh": ("people", {"birth_year"}), "Điện thoại": ("people", {"phone"}),
               "Giới tính": ("people", {"gender"}), "Trình độ": ("people", {"qualification"}),
               "Ghi chú cán bộ": ("people", {"notes"}),
               "Mã đơn vị": ("assignments", {"unit_id"}), "Chức vụ": ("assignments", {"position"}),
               "Hình thức": ("assignments", {"kind"}), "Cơ quan cử": ("assignments", {"sending_agency"}),
               "Lĩnh vực": ("assignments", {"fields"}), "Từ ngày": ("assignments", {"start_date"}),
               "Đến ngày": ("assignments", {"end_date"}), "Ghi chú": ("assignments", {"notes"}),
               "Quyết định": ("assignments", {"decision"})},
    "Thiết bị": {"Mã đơn vị": ("equipment", {"unit_id"}), "Loại thiết bị": ("equipment", {"type_id"}),
                 "Số lượng": ("equipment", {"quantity"}), "Tình trạng": ("equipment", {"condition"}),
                 "Năm sử dụng": ("equipment", {"year_in_service"}), "Ghi chú": ("equipment", {"notes"}),
                 "Số hiệu": ("equipment", {"serial"})},
    "Danh mục thiết bị": {"Loại thiết bị": ("equipment_types", {"name", "name_key"}),
                          "Thứ tự": ("equipment_types", {"sort_order"}),
                          "Định mức Huyện": ("equipment_norms", {"quantity"})},
}  # fmt: skip
PERSON_FIELDS = {h for h, (t, _) in EDITS["Cán bộ"].items() if t == "people"}
# Cử đến needs a Cơ quan cử, which a one-field edit of a row without one cannot give
ALTERNATIVES = {"Cấp": ["Tỉnh", "Huyện", "Xã"], "Loại": ["huyện", "thị trấn", "xã", "phường", "đặc khu"],
                "Hình thức": ["Biên chế", "Biệt phái", "Hỗ trợ"], "Giới tính": ["Nam", "Nữ"],
                "Tình trạng": ["Tốt", "Hỏng", "Chờ thanh lý"]}  # fmt: skip


def _new_value(draw, sheet: str, header: str, old, row: dict, wb) -> object:
    if header in ALTERNATIVES:
        return draw(st.sampled_from([v for v in ALTERNATIVES[header] if v != old]))
    if header == "Mã ĐVHC":
        return draw(st.from_regex(r"[0-9]{5}", fullmatch=True).filter(lambda c: c != old))
    if header in ("Mã", "Mã cán bộ"):
        return "MOI-" + draw(st.from_regex(r"[A-Z0-9]{4}", fullmatch=True))
    if header == "Mã đơn vị":
        codes = [r[0].value for r in wb["Đơn vị"].iter_rows(min_row=2)]
        return draw(st.sampled_from([c for c in codes if c != old]))
    if header == "Loại thiết bị" and sheet == "Thiết bị":
        names = [r[0].value for r in wb["Danh mục thiết bị"].iter_rows(min_row=2)]
        return draw(st.sampled_from([n for n in names if n != old]))
    if header in ("Năm sinh", "Năm sử dụng"):
        return draw(st.integers(1950, 2005).filter(lambda y: y != old))
    if header in ("Số lượng", "Thứ tự", "Định mức Huyện"):
        return draw(st.integers(0, 90).filter(lambda n: n != old))
    if header == "Diện tích (m²)":
        return draw(st.integers(1, 10_000).map(lambda n: n / 4).filter(lambda n: n != old))
    if header == "Từ ngày":  # earlier than it was: no overlap with an earlier job (see below)
        base = old or row["Đến ngày"] or date(2024, 1, 1)
        return (base if isinstance(base, date) else base.date()) - timedelta(days=draw(st.integers(1, 300)))
    if header == "Đến ngày":
        base = row["Từ ngày"] or date(2020, 1, 1)
        return (base if isinstance(base, date) else base.date()) + timedelta(days=draw(st.integers(0, 300)))
    text = draw(st.text(alphabet="ăâđêôơưáàảãạ ABCXYZ0123456789,.", min_size=1, max_size=20).map(str.strip).filter(bool))
    return text + " mới"


@st.composite
def edits(draw, wb):
    sheet = draw(st.sampled_from(list(EDITS)))
    ws = wb[sheet]
    headers = [c.value for c in ws[1]]
    header = draw(st.sampled_from(sorted(EDITS[sheet])))
    rows = list(ws.iter_rows(min_row=2))
    if sheet == "Cán bộ" and header not in PERSON_FIELDS:
        # an assignment row of a person with one job: dates and units cannot then overlap
        per_person: dict = {}
        for r in rows:
            per_person.setdefault(r[0].value, []).append(r)
        rows = [r for r in rows if len(per_person[r[0].value]) == 1 and str(r[-1].value).startswith("PC")]
    row = draw(st.sampled_from(rows))
    values = dict(zip(headers, (c.value for c in row), strict=True))
    return sheet, header, row[0].row, _new_value(draw, sheet, header, values[header], values, wb)


def _data(reg: Registry) -> dict:
    return snapshot(reg.db.conn)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_editing_any_one_field_of_an_export_updates_exactly_that_field(_sample_template, data):
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "r.sqlite"
        shutil.copyfile(_sample_template, db)
        reg = Registry.open(db)
        try:
            path = export_workbook(reg, Path(folder) / "xuat.xlsx")
            wb = load_workbook(path)
            sheet, header, row, value = data.draw(edits(wb))
            ws = wb[sheet]
            column = [c.value for c in ws[1]].index(header) + 1
            targets = [row]
            if sheet == "Cán bộ" and header in PERSON_FIELDS:  # the person's every row says the same
                code = ws.cell(row, 1).value
                targets = [r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == code]
            for r in targets:
                ws.cell(r, column, value)
            wb.save(path)
            before = _data(reg)
            import_file(reg, path)
            changes = difference(before, _data(reg))
            table, columns = EDITS[sheet][header]
            changed = {t: rows for t, rows in changes.changes.items() if rows}
            assert list(changed) == [table], (sheet, header, value, changed)
            assert len(changed[table]) == 1
            _, old, new = changed[table][0]
            names = changes.columns[table]
            if old is None:  # a norm where there was none
                assert table == "equipment_norms"
            else:
                assert {n for n, a, b in zip(names, old, new, strict=True) if a != b} == columns
        finally:
            reg.close()
