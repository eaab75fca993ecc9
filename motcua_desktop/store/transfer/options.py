"""What the user says about a file that recognition cannot: which field a header holds
(``--map "Nơi công tác=Mã đơn vị"``, or ignore it: ``--map "Ghi chú="``) and a value for a field
the file lacks (``--default "Hình thức=Biên chế"``). The window's mapping step makes the same."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import InputRejected
from .columns import ROW_ID, SHEETS, Column, Sheet
from .meanings import EXTRA_COLUMNS, field_by_meaning, meaning_key

IGNORE = ""  # a header mapped to nothing: the column is ignored


@dataclass
class ImportOptions:
    mapping: dict[str, str] = field(
        default_factory=dict
    )  # label_key(header) -> field name or IGNORE
    defaults: dict[str, str] = field(default_factory=dict)  # field name -> value for every row
    sheet_mapping: dict[str, dict[str, str]] = field(
        default_factory=dict
    )  # sheet name -> its own mapping

    def field_for(self, sheet_name: str, header: str) -> str | None:
        """The field name the user chose for a header (IGNORE: ignored), or None: not chosen."""
        key = meaning_key(header)
        own = self.sheet_mapping.get(sheet_name, {})
        if key in own:
            return own[key]
        return self.mapping.get(key)


def columns_of(sheet: Sheet) -> tuple[Column, ...]:
    """The fields a header of this sheet may be mapped to."""
    return tuple(c for c in sheet.columns if c.key != ROW_ID) + EXTRA_COLUMNS.get(sheet.key, ())


def resolve_field(sheet: Sheet, name: str) -> Column | None:
    """A field named by its key (``kind``), its template label (``Hình thức``) or any way it is
    usually written (``Hình thức làm việc``)."""
    wanted = meaning_key(name)
    for column in columns_of(sheet):
        if name.strip() == column.key or meaning_key(column.label) == wanted:
            return column
    key = field_by_meaning(sheet.key, name)
    return next((c for c in columns_of(sheet) if c.key == key), None) if key else None


def _split(text: str, flag: str) -> tuple[str, str]:
    if "=" not in text:
        raise InputRejected(
            f'{flag} "{text}": cần dạng "TÊN=giá trị" (ví dụ {flag} "Nơi công tác=Mã đơn vị")'
        )
    left, right = text.split("=", 1)
    if not left.strip():
        raise InputRejected(f'{flag} "{text}": thiếu phần trước dấu =')
    return left.strip(), right.strip()


def _known(name: str) -> bool:
    return any(resolve_field(s, name) is not None for s in SHEETS)


def _all_fields() -> str:
    labels: list[str] = []
    for sheet in SHEETS:
        for column in columns_of(sheet):
            if column.label not in labels:
                labels.append(column.label)
    return ", ".join(labels)


def parse_options(maps: Iterable[str], defaults: Iterable[str]) -> ImportOptions:
    """``--map`` and ``--default`` as the command line gives them; an unknown field is refused."""
    options = ImportOptions()
    for text in maps:
        header, name = _split(text, "--map")
        if name and not _known(name):
            raise InputRejected(
                f'--map "{text}": không có trường "{name}" (các trường: {_all_fields()})'
            )
        options.mapping[meaning_key(header)] = name
    for text in defaults:
        name, value = _split(text, "--default")
        if not _known(name):
            raise InputRejected(
                f'--default "{text}": không có trường "{name}" (các trường: {_all_fields()})'
            )
        if not value:
            raise InputRejected(f'--default "{text}": thiếu giá trị sau dấu =')
        options.defaults[name] = value
    return options


def default_for(options: ImportOptions | None, sheet: Sheet, key: str) -> str | None:
    """The user's value for field ``key`` of this sheet, if any."""
    if options is None:
        return None
    for name, value in options.defaults.items():
        column = resolve_field(sheet, name)
        if column is not None and column.key == key:
            return value
    return None
