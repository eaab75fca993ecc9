"""Reading and checking one data package before anything is written: its ``Thông tin gói``, the
check code over its sheets, the office (inside the province, with a centre in the register) and
the rows, through the import reader and parsers (one parser for every workbook)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...domain import admin_units
from ...domain.counting import StaffCount, counted
from ...domain.model import EmploymentKind, Unit
from ..errors import InputRejected
from ..registry import Registry
from ..sheets import Grid
from ..transfer.cells import ChoiceList
from ..transfer.parsing import (
    EquipmentIn,
    Problems,
    StaffIn,
    TypeIn,
    UnitIn,
    parse_equipment,
    parse_staff,
    parse_types,
    parse_units,
)
from ..transfer.reading import read_file
from .info import INFO_SHEET, PackageInfo, check_code, read_info


@dataclass
class Package:
    path: Path
    info: PackageInfo
    target: Unit  # the commune's centre in the province register
    centre_code: str  # the centre's Mã in the package
    units: list[UnitIn]
    staff: list[StaffIn]
    equipment: list[EquipmentIn]
    types: list[TypeIn]

    def totals(self) -> tuple[StaffCount, int]:
        """The package's staff on its date (all units) and its equipment count."""
        groups: dict[str, int] = {}
        for s in self.staff:
            a = s.assignment
            if a is not None and a.active_on(self.info.data_date):
                groups[EmploymentKind(a.kind).value] = groups.get(EmploymentKind(a.kind).value, 0) + 1
        return counted(groups), sum(e.item.quantity for e in self.equipment)


def province_code(registry: Registry) -> str:
    """The register's province code; a register that is not a province's is refused."""
    code = registry.settings.get().office_code
    if len(code) != 2:
        raise InputRejected(
            "chỉ sổ của tỉnh mới nhận gói số liệu của các xã; sổ này "
            + (f"là của cơ quan mã {code}" if code else "chưa có mã cơ quan")
            + " (tạo sổ của tỉnh bằng: motcua init --office MÃ_TỈNH)")
    return code


def read_package(registry: Registry, path: Path, province: str, centres: dict[str, Unit]) -> Package:
    """One package, checked; raises :class:`InputRejected` naming the file and why."""
    name = path.name
    problems: list[str] = []
    aside: dict[str, Grid | None] = {INFO_SHEET: None}
    sheets = read_file(path, problems, aside=aside)  # type: ignore[arg-type]  # filled in place
    info = read_info(aside[INFO_SHEET], name)
    if problems:
        raise InputRejected(f"không nhận {name}: tệp có lỗi", problems)
    if check_code(sheets) != info.check_code:
        raise InputRejected(f"không nhận {name}: Mã kiểm tra không khớp với số liệu trong gói "
                            "(gói đã bị sửa sau khi lập); hãy đề nghị cơ quan gửi lại gói mới")
    office = admin_units.find(info.office_code)
    if office is None:
        raise InputRejected(f"không nhận {name}: mã cơ quan {info.office_code} không có trong danh mục "
                            "đơn vị hành chính")
    home = admin_units.province_of(office)
    if office.is_province or home.code != province:
        where = "là một tỉnh" if office.is_province else f"thuộc {home.full_name}"
        mine = admin_units.find(province)
        raise InputRejected(f"không nhận {name}: {office.full_name} (mã {office.code}) {where}, "
                            f"không thuộc {mine.full_name if mine else 'tỉnh mã ' + province}")
    target = centres.get(office.code)
    if target is None:
        raise InputRejected(f"không nhận {name}: sổ của tỉnh không có Trung tâm của {office.full_name} "
                            f"(đơn vị có Mã ĐVHC {office.code}); thêm đơn vị đó trước")
    rows = Problems()
    by_key = {raw.sheet.key: raw for raw in sheets}
    levels, kinds = ChoiceList(registry.units.levels()), ChoiceList(registry.units.kinds())
    units = parse_units(by_key["units"], levels, kinds, rows) if "units" in by_key else []
    staff = parse_staff(by_key["staff"], rows) if "staff" in by_key else []
    equipment = parse_equipment(by_key["equipment"], rows) if "equipment" in by_key else []
    types = parse_types(by_key["types"], levels, rows) if "types" in by_key else []
    if rows:
        raise InputRejected(f"không nhận {name}: {rows.rows()} dòng có lỗi", rows.lines())
    own = [u for u in units if u.unit.official_code == office.code] or [u for u in units if not u.parent_code]
    if len(own) != 1:
        raise InputRejected(f"không nhận {name}: không tìm thấy Trung tâm của {office.full_name} trong gói "
                            f"(đơn vị có Mã ĐVHC {office.code})")
    codes = {u.unit.code.casefold() for u in units}
    for row, code in [(s.row, s.unit_code) for s in staff] + [(e.row, e.unit_code) for e in equipment]:
        if code and code.casefold() not in codes:
            raise InputRejected(f"không nhận {name}: dòng {row} ghi mã đơn vị '{code}' không có "
                                "trong trang Đơn vị của gói")
    return Package(path, info, target, own[0].unit.code, units, staff, equipment, types)
