"""What an import did, counted per sheet, told in Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...domain.text import format_number


@dataclass
class Tally:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.added + self.updated

    def phrase(self, noun: str) -> str:
        return (
            f"thêm {format_number(self.added)} {noun}, cập nhật {format_number(self.updated)}, "
            f"không đổi {format_number(self.unchanged)}"
        )


@dataclass
class ImportSummary:
    file_name: str
    sheets: list[str] = field(default_factory=list)  # sheet titles read, in file order
    units: Tally = field(default_factory=Tally)
    people: Tally = field(default_factory=Tally)
    assignments: Tally = field(default_factory=Tally)
    equipment: Tally = field(default_factory=Tally)
    types: Tally = field(default_factory=Tally)  # rows of the sheet Danh mục thiết bị
    new_types: list[str] = field(default_factory=list)
    generated_codes: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)  # "Sheet: header"
    notes: list[str] = field(default_factory=list)  # what the reader left out (a footer …)
    omitted: list[str] = field(default_factory=list)  # people in the register the file does not name
    journal: Any = None  # journal.Journal when asked for: every row the import changed
    added_rows: list[Any] = field(default_factory=list)  # journal.Change, for the preview
    changed_rows: list[Any] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            t.changed
            for t in (self.units, self.people, self.assignments, self.equipment, self.types)
        ) or bool(self.new_types)

    def describe(self) -> str:
        lines = [f"Đã nhập {self.file_name}" + ("." if self.changed else ": dữ liệu không thay đổi.")]
        if "units" in self.sheets:
            lines.append(f"- Đơn vị: {self.units.phrase('đơn vị')}.")
        if "staff" in self.sheets:
            lines.append(
                f"- Cán bộ: {self.people.phrase('người')}; "
                f"phân công: {self.assignments.phrase('dòng')}."
            )
        if "equipment" in self.sheets:
            lines.append(f"- Thiết bị: {self.equipment.phrase('dòng')}.")
        if "types" in self.sheets:
            lines.append(f"- Danh mục thiết bị: {self.types.phrase('loại')}.")
        if self.new_types:
            lines.append("- Loại thiết bị mới thêm vào danh mục: " + ", ".join(self.new_types) + ".")
        if self.generated_codes:
            codes = self.generated_codes
            shown = ", ".join(codes[:5]) + (f" … {codes[-1]}" if len(codes) > 5 else "")
            lines.append(
                f"- {format_number(len(codes))} cán bộ chưa có mã được cấp mã mới: {shown}."
            )
        if self.omitted:
            shown = ", ".join(self.omitted[:10]) + (" …" if len(self.omitted) > 10 else "")
            lines.append(
                f"- {format_number(len(self.omitted))} cán bộ có trong dữ liệu nhưng không có trong "
                f"tệp, giữ nguyên không đổi: {shown}."
            )
        for note in self.notes:
            lines.append(f"- Ghi chú: {note}.")
        if self.ignored_columns:
            lines.append("- Bỏ qua các cột không thuộc mẫu nhập: " + ", ".join(self.ignored_columns) + ".")
        return "\n".join(lines)
