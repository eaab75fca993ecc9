"""The appendices as tables: the staff table by the template's columns and grouping, and the
equipment table against the norms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.counting import StaffCount, UnitCount
from ..domain.grouping import TreeRow, group_by_root, roman, tree_order
from ..domain.model import EquipmentType
from ..domain.templates import GROUPING_ROOT, GROUPING_TOP, AppendixSpec
from ..store.reports import APPENDIX_EQUIPMENT, APPENDIX_STAFF
from .data import ReportData
from .kinds import RowKind, require

Cell = str | int | None


@dataclass(frozen=True)
class TableRow:
    cells: tuple[Cell, ...]
    kind: RowKind = RowKind.UNIT

    def __post_init__(self) -> None:
        require(self.kind, RowKind)


@dataclass(frozen=True)
class AppendixTable:
    key: str
    label: str  # "PHỤ LỤC" or "Phụ lục I"
    title: str
    attached: str  # "(Kèm theo Báo cáo số …)"
    header: tuple[tuple[str, ...], ...]
    spans: tuple[tuple[int, int, int, int], ...]  # (first row, first col, last row, last col)
    widths: tuple[float, ...]  # relative column widths
    rows: tuple[TableRow, ...]
    text_columns: int = 2  # columns before this are text; the rest are figures
    landscape: bool = False
    note: str = ""


_KIND_WORDS = {"xa": "Xã", "phuong": "Phường", "dac_khu": "Đặc khu", "thi_tran": "Thị trấn",
               "huyen": "Huyện", "tinh": "Tỉnh", "thanh_pho": "Thành phố"}  # fmt: skip


def _figures(count: StaffCount, spec: AppendixSpec, *, blank_zero: bool) -> tuple[Cell, ...]:
    out: list[Cell] = []
    for i, column in enumerate(spec.columns):
        n = count.of(column.groups)
        out.append(None if blank_zero and i > 0 and not n else n)
    return tuple(out)


def _numbered(members: list[TreeRow] | tuple[TreeRow, ...], spec: AppendixSpec) -> list[TableRow]:
    """Units numbered 1, 2 …; a unit under another as 1.1, 1.2 (its parent's number)."""
    rows: list[TableRow] = []
    numbers: dict[int | None, str] = {}
    counters: dict[str, int] = {}
    top = 0
    for t in members:
        unit = t.row.unit
        parent_no = numbers.get(unit.parent_id) if t.depth else None
        if parent_no is None:
            top += 1
            number = str(top)
        else:
            counters[parent_no] = counters.get(parent_no, 0) + 1
            number = f"{parent_no}.{counters[parent_no]}"
        numbers[unit.id] = number
        cell: Cell = int(number) if number.isdigit() else number
        rows.append(TableRow((cell, unit.name, *_figures(t.row.count, spec, blank_zero=True), ""), RowKind.UNIT))
    return rows


def group_label(data: ReportData, unit_level: str, kind: str, admin_name: str, name: str) -> str:
    """A group row's name: "Cấp tỉnh" for the province's own centre, "Xã Chi Lăng" for a commune."""
    if unit_level == "tinh":
        return "Cấp tỉnh"
    word = _KIND_WORDS.get(kind)
    return f"{word} {admin_name}" if word and admin_name else name


def staff_rows(data: ReportData, spec: AppendixSpec) -> list[TableRow]:
    total = data.staff.total
    width = len(spec.columns) + 3
    rows: list[TableRow] = []
    if spec.grouping == GROUPING_TOP:
        present = {r.unit.level for r in data.staff.rows}
        levels = ", ".join(f"CẤP {c.label.upper()}" for c in data.levels if c.code in present)
        if levels:
            rows.append(TableRow((levels,) + ("",) * (width - 1), RowKind.SECTION))
        s = data.settings
        name = f"Huyện {s.district_name}" if s.district_name else (s.issuing_body_short or "Toàn huyện")
        rows.append(TableRow(("I", name, *_figures(total, spec, blank_zero=False), ""), RowKind.GROUP))
        rows += _numbered(tree_order(data.staff.rows), spec)
    elif spec.grouping == GROUPING_ROOT:
        for i, group in enumerate(group_by_root(data.staff.rows), start=1):
            r = group.root
            label = group_label(data, r.level, r.kind, r.admin_name, r.name)
            note = "chưa nộp" if r.official_code and r.official_code in data.missing_offices else ""
            rows.append(TableRow((roman(i), label, *_figures(group.subtotal, spec, blank_zero=False), note), RowKind.GROUP))
            rows += _numbered(group.rows, spec)
    else:
        rows += _numbered(tree_order(data.staff.rows), spec)
    rows.append(TableRow(("", "Tổng cộng", *_figures(total, spec, blank_zero=False), ""), RowKind.TOTAL))
    return rows


def staff_appendix(data: ReportData, spec: AppendixSpec, label: str, attached: str) -> AppendixTable:
    n = len(spec.columns)
    last = n + 2
    return AppendixTable(
        key=APPENDIX_STAFF,
        label=label,
        title=spec.title,
        attached=attached,
        header=(
            ("STT", spec.unit_heading, spec.group_heading, *([""] * (n - 1)), spec.notes_heading),
            ("", "", *(c.label for c in spec.columns), ""),
        ),
        spans=((0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, n + 1), (0, last, 1, last)),
        widths=(12, 72 if n <= 3 else 60, *(c.width for c in spec.columns), 13),
        rows=tuple(staff_rows(data, spec)),
        landscape=n > 4,
    )


def _equipment_cells(units: list[int], types: Sequence[EquipmentType], by_unit: dict[int, dict[int, tuple[int, int]]]
                     ) -> tuple[list[Cell], int, dict[int, tuple[int, int, int]]]:
    """Have/norm per type summed over ``units``, the shortfall, and the sums per type."""
    cells: list[Cell] = []
    sums: dict[int, tuple[int, int, int]] = {}
    missing = 0
    for t in types:
        have = norm = short = 0
        for uid in units:
            h, n = by_unit.get(uid, {}).get(t.id or -1, (0, 0))
            have, norm, short = have + h, norm + n, short + max(0, n - h)
        sums[t.id or -1] = (have, norm, short)
        missing += short
        cells.append(f"{have}/{norm}" if norm or have else "")
    return cells, missing, sums


def equipment_appendix(data: ReportData, label: str, attached: str) -> AppendixTable:
    """One row per unit; grouped by commune like the staff appendix when the template groups
    by root (the province's): a Roman numeral, the commune's name and sums, then its units."""
    types = list(data.equipment_types)
    by_unit: dict[int, dict[int, tuple[int, int]]] = {}
    for s in data.shortfalls:
        by_unit.setdefault(s.unit_id, {})[s.type_id] = (s.have, s.norm)
    rows: list[TableRow] = []
    sum_have = {t.id: 0 for t in types}
    sum_norm = {t.id: 0 for t in types}
    sum_missing = {t.id: 0 for t in types}

    def unit_row(number: Cell, r: UnitCount) -> None:
        cells, missing, sums = _equipment_cells([r.unit.id or -1], types, by_unit)
        for tid, (have, norm, short) in sums.items():
            sum_have[tid] += have
            sum_norm[tid] += norm
            sum_missing[tid] += short
        rows.append(TableRow((number, r.unit.name, *cells, missing or None), RowKind.UNIT))

    grouped = data.template is not None and data.template.appendix.grouping == GROUPING_ROOT
    if grouped:
        for i, group in enumerate(group_by_root(data.staff.rows), start=1):
            root = group.root
            cells, missing, _ = _equipment_cells([t.row.unit.id or -1 for t in group.rows], types, by_unit)
            name = group_label(data, root.level, root.kind, root.admin_name, root.name)
            rows.append(TableRow((roman(i), name, *cells, missing), RowKind.GROUP))
            for numbered, t in zip(_numbered(group.rows, data.template.appendix), group.rows, strict=True):  # type: ignore[union-attr]
                unit_row(numbered.cells[0], t.row)
    else:
        for n, r in enumerate(data.staff.rows, start=1):
            unit_row(n, r)
    grand = sum(sum_missing.values())
    rows.append(TableRow(("", "Tổng cộng", *(f"{sum_have[t.id]}/{sum_norm[t.id]}" for t in types), grand), RowKind.TOTAL))
    rows.append(TableRow(("", "Còn thiếu", *(sum_missing[t.id] for t in types), grand), RowKind.TOTAL))
    return AppendixTable(
        key=APPENDIX_EQUIPMENT,
        label=label,
        title="Trang thiết bị của các đơn vị so với định mức",
        attached=attached,
        header=(("STT", "Đơn vị", *(t.name for t in types), "Còn thiếu"),),
        spans=(),
        widths=(10, 52, *([20] * len(types)), 18),
        rows=tuple(rows),
        landscape=True,
        note="Mỗi ô ghi: số thiết bị đang dùng tốt / định mức. Thiết bị hỏng, chờ thanh lý không tính.",
    )
