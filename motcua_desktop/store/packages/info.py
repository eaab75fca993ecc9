"""A data package's sheet ``Thông tin gói`` and its check code.

The check code (``Mã kiểm tra``) is a SHA-256 over a canonical form of the data sheets as the
import reader reads them: each sheet's name, its header labels in order and every row's values
(text in NFC, whole numbers without a decimal part, dates as ISO). Any cell changed by hand
after the package was made gives another code; opening and saving it unchanged does not.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ...domain.text import clean_line
from ..errors import InputRejected
from ..sheets import Grid
from ..transfer.reading import RawSheet

INFO_SHEET = "Thông tin gói"
FIELDS = (("office_code", "Mã cơ quan"), ("office_name", "Tên cơ quan"), ("data_date", "Ngày số liệu"),
          ("made_at", "Ngày lập"), ("app_version", "Phiên bản"), ("check_code", "Mã kiểm tra"),
          ("package_id", "Mã gói"))  # fmt: skip
_MADE_FORMAT = "%d/%m/%Y %H:%M:%S"


@dataclass(frozen=True)
class PackageInfo:
    office_code: str
    office_name: str
    data_date: date
    made_at: datetime
    app_version: str
    check_code: str
    package_id: str

    def rows(self) -> list[tuple[str, str]]:
        """The sheet's rows: label, value (dates as the UI writes them)."""
        values = {"data_date": f"{self.data_date:%d/%m/%Y}", "made_at": self.made_at.strftime(_MADE_FORMAT)}
        return [(label, values.get(key, str(getattr(self, key)))) for key, label in FIELDS]

    @property
    def age(self) -> tuple[date, datetime]:
        """Newer packages sort later: by the date of their figures, then when they were made."""
        return (self.data_date, self.made_at)


def _canonical(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return int(value) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return value
    return clean_line(str(value))


def check_code(sheets: list[RawSheet]) -> str:
    """SHA-256 (hex) over the canonical form of the data sheets, in the template's order."""
    body = []
    for raw in sorted(sheets, key=lambda r: r.sheet.key):
        order = sorted(raw.columns, key=lambda k: raw.columns[k])
        rows = [[_canonical(values[raw.columns[k]] if raw.columns[k] < len(values) else None) for k in order]
                for _, values in raw.rows]
        body.append([raw.sheet.key, [raw.labels.get(k, k) for k in order], rows])
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_info(grid: Grid | None, file_name: str) -> PackageInfo:
    """The package's ``Thông tin gói``; a file without it, or with a field missing, is refused."""
    if grid is None:
        raise InputRejected(f"{file_name}: không phải gói số liệu (không có trang '{INFO_SHEET}')")
    found: dict[str, str] = {}
    labels = {label.casefold(): key for key, label in FIELDS}
    for _, values in grid.rows:
        if len(values) >= 2 and values[0] is not None:
            key = labels.get(clean_line(str(values[0])).casefold())
            if key is not None:
                found[key] = _text(values[1])
    missing = [label for key, label in FIELDS if not found.get(key)]
    if missing:
        raise InputRejected(f"{file_name}[{INFO_SHEET}]: thiếu {', '.join(missing)}")
    try:
        data_date = datetime.strptime(found["data_date"], "%d/%m/%Y").date()
        made_at = datetime.strptime(found["made_at"], _MADE_FORMAT)
    except ValueError:
        raise InputRejected(f"{file_name}[{INFO_SHEET}]: Ngày số liệu hoặc Ngày lập không đúng dạng "
                            "(dd/mm/yyyy, dd/mm/yyyy hh:mm:ss)") from None
    return PackageInfo(found["office_code"], found["office_name"], data_date, made_at,
                       found["app_version"], found["check_code"].lower(), found["package_id"])


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return value.strftime(_MADE_FORMAT)
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return clean_line("" if value is None else str(value))
