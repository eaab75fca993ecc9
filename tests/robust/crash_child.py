"""Child process of test_sigkill.py: real writes through the repositories and the importer,
printing ``ack K`` (flushed) after each commit, until it is killed.

    python crash_child.py DB edits|import FIRST_STEP
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from motcua_desktop.domain.model import Assignment, EmploymentKind, Person, Unit  # noqa: E402
from motcua_desktop.store import Registry  # noqa: E402

IMPORT_UNITS = 60  # units (and as many staff rows) per imported workbook
COUNTER = "COUNTER"


def deleted_at(step: int) -> int | None:
    """Every third step's person is deleted (with their assignment) two steps later."""
    return step + 2 if step % 3 == 0 else None


def edit_step(registry: Registry, k: int) -> None:
    """One user action: add a unit and a person working there, note the step on the
    counter unit, end the previous step's assignment, delete an older person."""
    with registry.transaction():
        unit = registry.units.add(Unit(code=f"K{k}", name=f"Bộ phận Một cửa xã Thử {k}"))
        person = registry.staff.add_person(Person(full_name=f"Người thử {k}", code=f"P{k}"))
        registry.staff.add_assignment(
            Assignment(person.id, unit.id, EmploymentKind.BIEN_CHE, start=date(2024, 1, 1))
        )
        counter = registry.units.by_code(COUNTER)
        counter.notes = str(k)
        registry.units.update(counter)
        if k >= 1:
            prev = registry.staff.person_by_code(f"P{k - 1}")
            if prev is not None:
                [a] = registry.staff.assignments_of(prev.id)
                registry.staff.end_assignment(a.id, date(2024, 12, 31))
        if k >= 2 and deleted_at(k - 2) == k:
            old = registry.staff.person_by_code(f"P{k - 2}")
            registry.staff.delete_person(old.id)


def write_workbook(path: Path, k: int) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    units = wb.active
    units.title = "Đơn vị"
    units.append(["Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)", "Thứ tự", "Ghi chú"])
    staff = wb.create_sheet("Cán bộ")
    staff.append(["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức",
                  "Cơ quan cử", "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú"])  # fmt: skip
    for i in range(IMPORT_UNITS):
        units.append([f"I{k}-{i}", f"Bộ phận Một cửa xã Nhập {k}-{i}", "Xã", "xã", "", "50,5", None, ""])
        staff.append([f"IC{k}-{i}", f"Cán bộ nhập {k}-{i}", 1980, f"I{k}-{i}", "Công chức",
                      "Biên chế", "", "Tư pháp - Hộ tịch", "01/01/2024", "", "", ""])  # fmt: skip
    wb.save(path)


def main() -> None:
    db, mode, first = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    registry = Registry.open(db)
    if mode == "import":
        from motcua_desktop.store.transfer import import_file

        workdir = db.parent
        write_workbook(workdir / f"nhap-{first}.xlsx", first)
    print("ready", flush=True)
    k = first
    while True:
        if mode == "edits":
            edit_step(registry, k)
        else:
            book = workdir / f"nhap-{k}.xlsx"
            import_file(registry, book)
            print(f"ack {k}", flush=True)
            write_workbook(workdir / f"nhap-{k + 1}.xlsx", k + 1)
            k += 1
            continue
        print(f"ack {k}", flush=True)
        k += 1


if __name__ == "__main__":
    main()
