"""The import/export workbook's contract: sheet names, header labels and how a header or a
file name is recognised (ignoring case, accents and extra spaces)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...domain.fields import (
    AssignmentField,
    EquipmentItemField,
    EquipmentTypeField,
    PersonField,
    UnitField,
)
from ...domain.text import nfc
from ..sheets.headers import label_key


@dataclass(frozen=True)
class Column:
    key: str  # the field it fills
    label: str  # the header exactly as the contract spells it
    width: int = 14  # characters, for the template and the export
    required: bool = False  # the sheet is refused without this column


# The app's export names each row's record (``PC45@1f2e3d4c``: see .identity); the user is
# told not to edit it. Not in the template: a row typed by hand has no record yet.
ROW_ID = "row_id"
ROW_ID_LABEL = "Mã dòng (không sửa)"


def _row_id() -> Column:
    return Column(ROW_ID, ROW_ID_LABEL, 22)


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    columns: tuple[Column, ...]
    file_names: tuple[str, ...] = ()  # other spellings of a .csv file's name

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


UNITS = Sheet(
    "units",
    "Đơn vị",
    (
        Column("code", UnitField.CODE.label, 12, required=True),
        Column("name", UnitField.NAME.label, 40, required=True),
        Column("level", UnitField.LEVEL.label, 10, required=True),
        Column("kind", UnitField.KIND.label, 12, required=True),
        Column("address", UnitField.ADDRESS.label, 40),
        Column("area_m2", UnitField.AREA_M2.label, 14),
        Column("sort_order", UnitField.SORT_ORDER.label, 8),
        Column("notes", UnitField.NOTES.label, 30),
        # optional, after the contract's columns: what the register holds beyond the report
        Column("admin_name", "Tên ĐVHC", 28),
        Column("founding_decision", UnitField.FOUNDING_DECISION.label, 30),
        Column("staffing_decision", UnitField.STAFFING_DECISION.label, 30),
        Column("rules", UnitField.RULES.label, 30),
        Column("hotline", UnitField.HOTLINE.label, 16),
        # since 2025 (DESIGN.md "Offices, eras and templates"): the official code and the
        # parent unit's Mã (a điểm tiếp nhận under its centre)
        Column("official_code", UnitField.OFFICIAL_CODE.label, 10),
        Column("parent_code", UnitField.PARENT_ID.label, 12),
        _row_id(),
    ),
    ("don vi", "donvi", "units"),
)

STAFF = Sheet(
    "staff",
    "Cán bộ",
    (
        Column("person_code", PersonField.CODE.label, 12),
        Column("full_name", PersonField.FULL_NAME.label, 28, required=True),
        Column("birth_year", PersonField.BIRTH_YEAR.label, 10),
        Column("unit_code", "Mã đơn vị", 12, required=True),
        Column("position", AssignmentField.POSITION.label, 28),
        Column("kind", AssignmentField.KIND.label, 12, required=True),
        Column("sending_agency", AssignmentField.SENDING_AGENCY.label, 28),
        Column("fields", AssignmentField.FIELDS.label, 30),
        Column("start", AssignmentField.START.label, 12),
        Column("end", AssignmentField.END.label, 12),
        Column("phone", PersonField.PHONE.label, 14),
        Column("notes", AssignmentField.NOTES.label, 30),
        Column("gender", PersonField.GENDER.label, 10),
        Column("qualification", PersonField.QUALIFICATION.label, 20),
        Column("decision", AssignmentField.DECISION.label, 28),
        Column("person_notes", "Ghi chú cán bộ", 30),  # the person's own, not the assignment's
        _row_id(),
    ),
    ("can bo", "canbo", "staff"),
)

EQUIPMENT = Sheet(
    "equipment",
    "Thiết bị",
    (
        Column("unit_code", "Mã đơn vị", 12, required=True),
        Column("type", EquipmentItemField.TYPE_ID.label, 30, required=True),
        Column("quantity", EquipmentItemField.QUANTITY.label, 10, required=True),
        Column("condition", EquipmentItemField.CONDITION.label, 14),
        Column("year_in_service", EquipmentItemField.YEAR_IN_SERVICE.label, 12),
        Column("notes", EquipmentItemField.NOTES.label, 30),
        Column("serial", EquipmentItemField.SERIAL.label, 16),
        _row_id(),
    ),
    ("thiet bi", "thietbi", "equipment"),
)

# Optional: the catalogue, with one ``Định mức <cấp>`` column per unit level of the register
# (the levels are data, so those columns are not listed here; see :func:`norm_column`).
TYPES = Sheet(
    "types",
    "Danh mục thiết bị",
    (
        Column("type", EquipmentTypeField.NAME.label, 30, required=True),
        Column("sort_order", EquipmentTypeField.SORT_ORDER.label, 8),
        _row_id(),
    ),
    ("danh muc thiet bi", "danhmucthietbi", "danh muc", "danhmuc", "equipment types"),
)

SHEETS = (UNITS, STAFF, EQUIPMENT, TYPES)
SHEET_ORDER = tuple(s.key for s in SHEETS)  # problems and the summary follow this order
NORM_PREFIX = "Định mức"
NORM_KEY_PREFIX = "norm:"
NORM_WIDTH = 12


def norm_column(level_label: str) -> Column:
    """The catalogue's column for one level's norm: ``Định mức Huyện``."""
    label = f"{NORM_PREFIX} {level_label}"
    return Column(NORM_KEY_PREFIX + name_key(level_label), label, NORM_WIDTH)

# What openpyxl (data_only) and a CSV saved by Excel show for a cell whose formula failed.
ERROR_VALUES = frozenset(
    {"#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!",
     "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!"}
)  # fmt: skip


name_key = label_key  # a header or sheet name as compared


_HEADER_KEYS = {s.key: {name_key(c.label): c for c in s.columns} for s in SHEETS}
for _keys in _HEADER_KEYS.values():
    _keys["ma dong"] = _keys[name_key(ROW_ID_LABEL)]


_NORM_START = name_key(NORM_PREFIX) + " "


def header_column(sheet: Sheet, header: object) -> Column | None:
    if header is None:
        return None
    key = name_key(str(header))
    found = _HEADER_KEYS[sheet.key].get(key)
    if found is None and sheet.key == TYPES.key and key.startswith(_NORM_START):
        # ``Định mức <cấp>``: which level it names is checked against the register's levels
        rest = " ".join(re.split(r"[_\-\s]+", nfc(str(header)).strip())[2:])
        return Column(NORM_KEY_PREFIX + key[len(_NORM_START) :], f"{NORM_PREFIX} {rest}", NORM_WIDTH)
    return found


def norm_level_text(label: str) -> str:
    """What a ``Định mức …`` column's label says after the prefix, as the user wrote it."""
    return label[len(NORM_PREFIX) + 1 :]


_DECORATION = re.compile(r"^(?:danh sach|ds)\s+|\s*(?:nam\s*)?\(?(?:19|20)\d\d\)?$|\s*\(\d+\)$")


def sheet_for_name(name: str) -> Sheet | None:
    """The sheet a workbook tab or a .csv file stem stands for (``Cán bộ``, ``can_bo``,
    ``CAN BO 2024``, ``Danh sách cán bộ năm 2024``)."""
    key = name_key(name)
    for _ in range(3):
        stripped = _DECORATION.sub("", key).strip()
        if stripped == key:
            break
        key = stripped
    for sheet in SHEETS:
        if key == name_key(sheet.title) or key in sheet.file_names:
            return sheet
    return None
