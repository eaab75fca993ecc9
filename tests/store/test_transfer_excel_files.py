"""Workbooks as Excel itself writes them (shared strings, error cells, formulas with cached
values, built-in date formats, rows that skip numbers), built byte by byte here because
openpyxl writes none of these the same way."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from motcua_desktop.store.errors import InputRejected
from motcua_desktop.store.transfer import import_file

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def excel_file(path: Path, sheets: dict[str, list[tuple[int, list[str]]]]) -> Path:
    """``sheets``: title -> rows of (row number, raw ``<c>`` elements)."""
    strings: list[str] = []

    def s(text: str) -> str:
        if text not in strings:
            strings.append(text)
        return str(strings.index(text))

    parts = {}
    for i, rows in enumerate(sheets.values(), start=1):
        body = "".join(f'<row r="{n}">{"".join(cells)}</row>' for n, cells in rows)
        parts[f"xl/worksheets/sheet{i}.xml"] = (
            f'<worksheet xmlns="{MAIN}"><dimension ref="A1:L9"/><sheetData>{body}</sheetData></worksheet>'
        )
    # the sheet XML used S(...) markers for shared strings
    for name, xml in list(parts.items()):
        while "S(" in xml:
            start = xml.index("S(")
            end = xml.index(")S", start)
            xml = xml[:start] + s(xml[start + 2:end]) + xml[end + 2:]
        parts[name] = xml
    sheet_list = "".join(
        f'<sheet name="{escape(t)}" sheetId="{i}" r:id="rId{i}"/>' for i, t in enumerate(sheets, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    n = len(sheets)
    rels += (f'<Relationship Id="rId{n + 1}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
             f'<Relationship Id="rId{n + 2}" Type="{REL}/styles" Target="styles.xml"/>')  # fmt: skip
    shared = "".join(f"<si><t>{escape(t)}</t></si>" for t in strings)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                   f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')  # fmt: skip
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{sheet_list}</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">{rels}</Relationships>')
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{shared}</sst>')
        z.writestr("xl/styles.xml", f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/>'
                   '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')  # fmt: skip
        for name, xml in parts.items():
            z.writestr(name, xml)
    return path


def text(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="s"><v>S({value})S</v></c>'


def num(ref: str, value: float, style: int = 0) -> str:
    return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'


HEADER = ["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức", "Cơ quan cử",
          "Lĩnh vực", "Từ ngày", "Đến ngày"]  # fmt: skip


def header_row() -> tuple[int, list[str]]:
    return 1, [text(f"{chr(65 + i)}1", h) for i, h in enumerate(HEADER)]


def test_an_excel_saved_workbook_imports(registry, tmp_path):
    path = excel_file(tmp_path / "excel.xlsx", {
        "Đơn vị": [(1, [text("A1", "Mã"), text("B1", "Tên đơn vị"), text("C1", "Cấp"), text("D1", "Loại"),
                        text("F1", "Diện tích (m²)")]),
                   (2, [text("A2", "X1"), text("B2", "Bộ phận Một cửa xã Vân Thủy"), text("C2", "Xã"),
                        text("D2", "xã"), num("F2", 52.5)]),
                   # Excel's escapes: _x005F_ is "_" itself, _x000A_ a line break
                   (3, [text("A3", "X_x005F_2"), text("B3", "Bộ phận Một cửa_x000A_xã Mai Sao"),
                        text("C3", "Xã"), text("D3", "xã")])],
        "Cán bộ": [header_row(),
                   # 45292 is 01/01/2024 in Excel's count of days; style 1 is the built-in date format
                   (3, [text("A3", "K1"), text("B3", "Hứa Thị Mai"), num("C3", 1991), text("D3", "X1"),
                        '<c r="E3" t="str"><f>UPPER("cán bộ")</f><v>CÁN BỘ</v></c>',
                        text("F3", "Biên chế"), num("I3", 45292, 1)])],
    })  # fmt: skip
    summary = import_file(registry, path)
    assert summary.assignments.added == 1
    person = registry.staff.person_by_code("K1")
    (a,) = registry.staff.assignments_of(person.id)
    assert (person.full_name, person.birth_year, a.position, a.start) == (
        "Hứa Thị Mai", 1991, "CÁN BỘ", date(2024, 1, 1))
    assert registry.units.by_code("X1").area_m2 == 52.5
    assert registry.units.by_code("X_2").name == "Bộ phận Một cửa xã Mai Sao"


def test_error_cells_and_row_numbers_as_excel_shows_them(registry, tmp_path):
    path = excel_file(tmp_path / "loi.xlsx", {
        "Cán bộ": [header_row(),
                   (7, [text("A7", "K1"), '<c r="B7" t="e"><f>Sheet2!A1</f><v>#REF!</v></c>', text("D7", "X9"),
                        text("F7", "Biên chế")]),
                   (12, [text("A12", "K2"), text("B12", "Nông Văn Tú"), text("D12", "X9"),
                         text("F12", "Biên chế"), '<c r="I12" t="e"><v>#VALUE!</v></c>'])],
    })  # fmt: skip
    with pytest.raises(InputRejected) as info:
        import_file(registry, path)
    assert info.value.problems == [
        "loi.xlsx[Cán bộ]:7: Họ và tên: ô bị lỗi công thức (#REF!); hãy sửa công thức hoặc nhập giá trị",
        "loi.xlsx[Cán bộ]:12: Từ ngày: ô bị lỗi công thức (#VALUE!); hãy sửa công thức hoặc nhập giá trị",
    ]
    assert registry.staff.people() == []


def test_a_damaged_xlsx_is_refused_in_vietnamese(registry, tmp_path):
    good = excel_file(tmp_path / "tot.xlsx", {"Cán bộ": [header_row()]})
    path = tmp_path / "hong.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data[: len(data) // 2] if name.endswith("sheet1.xml") else data)  # cut short
    with pytest.raises(InputRejected, match="hong.xlsx"):
        import_file(registry, path)
