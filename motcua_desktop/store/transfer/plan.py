"""What the import will make of a file's columns, before it reads any row: for each sheet,
the kind it was recognised as and the field each header was recognised as. The window's
mapping step shows this and lets the user change it (see :class:`.options.ImportOptions`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputRejected
from ..filecheck import check_import_file
from ..sheets import find_header, read_book
from ..sheets.headers import blank_row, label_key
from .columns import Column, Sheet, sheet_for_name
from .options import ImportOptions, columns_of, default_for
from .reading import sheet_by_header, vocabulary


@dataclass
class SheetPlan:
    name: str  # the sheet's tab (or the .csv file's stem)
    sheet: Sheet | None  # None: not recognised (the import will refuse the file)
    columns: list[tuple[str, str | None]] = field(default_factory=list)  # (header, field key or None)
    missing: list[Column] = field(default_factory=list)  # required, not in the file, no default
    by_header: bool = False  # recognised by its headers, not its name

    @property
    def fields(self) -> tuple[Column, ...]:
        return columns_of(self.sheet) if self.sheet is not None else ()

    @property
    def signature(self) -> str:
        """The same headers in the same order on a sheet of the same kind: the same choices."""
        kind = self.sheet.key if self.sheet is not None else "?"
        return kind + ":" + "|".join(label_key(h) for h, _ in self.columns)


def plan_file(path: Path, options: ImportOptions | None = None) -> list[SheetPlan]:
    if not path.is_file():
        raise InputRejected(f"không tìm thấy tệp {path}")
    check_import_file(path)
    plans = []
    for grid in read_book(path):
        if all(blank_row(values) for _, values in grid.rows):
            continue
        sheet = sheet_for_name(grid.name)
        plan = SheetPlan(grid.name, sheet)
        header = None
        if sheet is None:
            found = sheet_by_header(grid, options)
            if found is not None:
                plan.sheet, header = found
                plan.by_header = True
        if plan.sheet is not None:
            header = header or find_header(grid.rows, vocabulary(plan.sheet, options, grid.name))
        if header is not None and plan.sheet is not None:
            by_text = {text: key for key, text in header.texts.items()}
            plan.columns = [(text, by_text.get(text)) for text in header.seen]
            for column in plan.sheet.columns:
                if (column.required and column.key not in header.columns
                        and default_for(options, plan.sheet, column.key) is None
                        and not (column.key == "unit_code" and plan.by_header)):
                    plan.missing.append(column)
        plans.append(plan)
    return plans
