"""For a reporting date or period: which communes of the province have sent a package, when,
with what totals, and which have not (statuses of :mod:`..domain.periods`); and the Excel file
of that list (a checklist to chase the missing ones)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ...domain.periods import NOT_SENT, Period, status
from ...domain.text import format_number
from ..errors import StoreError
from ..outputs import check_output_path
from ..registry import Registry
from ..rows import from_iso

HEADERS = ("STT", "Mã ĐVHC", "Xã, phường, đặc khu", "Trạng thái", "Ngày số liệu", "Ngày nhận", "Tổng số",
           "Trung tâm", "Phòng chuyên môn", "Ngành dọc cử đến", "Hỗ trợ", "Thiết bị", "Tệp")  # fmt: skip


@dataclass(frozen=True)
class TrackingRow:
    office_code: str
    name: str  # the commune's centre as the register names it
    status: str
    data_date: date | None = None
    received_at: datetime | None = None
    total: int | None = None
    own: int | None = None
    seconded: int | None = None
    sent: int | None = None
    support: int | None = None
    equipment: int | None = None
    file_name: str = ""

    def cells(self) -> tuple[str, ...]:
        """As the table and the checklist show it."""
        def n(v: int | None) -> str:
            return "" if v is None else format_number(v)
        return (self.office_code, self.name, self.status,
                f"{self.data_date:%d/%m/%Y}" if self.data_date else "",
                self.received_at.strftime("%d/%m/%Y %H:%M") if self.received_at else "",
                n(self.total), n(self.own), n(self.seconded), n(self.sent), n(self.support), n(self.equipment),
                self.file_name)  # fmt: skip


def tracking(registry: Registry, period: Period) -> list[TrackingRow]:
    """One row per commune centre of the register (official order); a replaced receipt of the
    period adds a row ``đã thay thế`` under its commune's."""
    units = [u for u in registry.units.list() if u.official_code and u.parent_id is None and u.level != "tinh"]
    by_office: dict[str, list[dict[str, object]]] = {}
    for r in registry.db.query("SELECT * FROM received_packages ORDER BY id"):
        day = from_iso(str(r["data_date"]))
        if day is not None and period.holds(day):
            by_office.setdefault(str(r["office_code"]), []).append(r)
    out: list[TrackingRow] = []
    for u in units:
        got = by_office.get(u.official_code, [])
        if not got:
            out.append(TrackingRow(u.official_code, u.name, NOT_SENT))
            continue
        current = [r for r in got if r["replaced_by"] is None] or got[-1:]
        for r in [*current, *[r for r in reversed(got) if r not in current]]:
            received = datetime.fromisoformat(str(r["received_at"]))
            replaced = r["replaced_by"] is not None and r not in current
            out.append(TrackingRow(
                u.official_code, u.name, status(received.date(), replaced, period.deadline(u.level)),
                from_iso(str(r["data_date"])), received, _int(r["staff_total"]), _int(r["staff_own"]),
                _int(r["staff_seconded"]), _int(r["staff_sent"]), _int(r["staff_support"]), _int(r["equipment"]),
                str(r["file_name"])))
    return out


def offices_with_package(registry: Registry) -> frozenset[str]:
    """Official codes of the offices a province register holds a package from."""
    return frozenset(str(r[0]) for r in registry.db.conn.execute(
        "SELECT office_code FROM received_packages WHERE replaced_by IS NULL"))


def offices_without_package(registry: Registry) -> frozenset[str]:
    """Communes (centres with an official code) of a province register that holds no package
    from them; nothing in a register that has never received a package."""
    held = offices_with_package(registry)
    if not held:
        return frozenset()
    return frozenset(u.official_code for u in registry.units.list()
                     if u.official_code and u.parent_id is None and u.level != "tinh" and u.official_code not in held)


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | float | str) else 0


def export_tracking(rows: list[TrackingRow], period: Period, out: Path, register: Path | None = None) -> Path:
    """The list as an .xlsx checklist: title, period, one row per commune, then the count sent."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    check_output_path(out, register)
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has its sheet
    ws.title = "Theo dõi gửi số liệu"
    ws.append([f"Theo dõi gửi số liệu — {period.label} ({period.start:%d/%m/%Y}–{period.end:%d/%m/%Y})"])
    ws["A1"].font = Font(bold=True)
    ws.append(list(HEADERS))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for i, r in enumerate(rows, start=1):
        ws.append([i, *r.cells()])
    sent = len({r.office_code for r in rows if r.status != NOT_SENT})
    ws.append([])
    ws.append([f"Đã gửi: {sent}/{len({r.office_code for r in rows})} xã, phường, đặc khu"])
    for col, width in zip("ABCDEFGHIJKLM", (6, 10, 50, 14, 13, 17, 9, 10, 10, 10, 9, 9, 30), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    try:
        wb.save(out)
    except OSError as exc:
        raise StoreError(f"Không ghi được {out}: {exc.strerror or exc}") from None
    return out
