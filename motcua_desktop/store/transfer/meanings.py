"""The ways offices write each column of their own lists, by meaning: ``Họ tên`` or ``Họ và
tên``, ``Đơn vị công tác`` or ``Nơi làm việc``, ``SL`` for ``Số lượng``. Compared ignoring
accents, case, spacing and punctuation (:func:`meaning_key`); the template's own labels are
matched first (:mod:`.columns`), this table after them.

A few meanings are not template columns: ``Ngày sinh`` (a full date or a year: gives the
birth year) and the birth date written under ``Nam`` or ``Nữ`` (two columns under a merged
``Ngày, tháng, năm sinh``, as official forms give the gender).
"""

from __future__ import annotations

import re

from ..sheets.headers import label_key
from .columns import Column

BIRTH_DATE, BIRTH_MALE, BIRTH_FEMALE = "birth_date", "birth_male", "birth_female"

# Columns of the office lists that the template does not have (sheet key -> columns).
EXTRA_COLUMNS: dict[str, tuple[Column, ...]] = {
    "staff": (
        Column(BIRTH_DATE, "Ngày sinh"),
        Column(BIRTH_MALE, "Ngày sinh (Nam)"),
        Column(BIRTH_FEMALE, "Ngày sinh (Nữ)"),
    ),
}

_UNIT = ("ma don vi", "don vi", "ten don vi", "don vi cong tac", "noi lam viec", "noi cong tac",
         "co quan don vi", "co quan don vi cong tac", "don vi lam viec", "bo phan", "bo phan mot cua",
         "bo phan cong tac", "ma dv", "dv", "xa phuong", "xa phuong thi tran", "xa thi tran")  # fmt: skip
_BORN = ("ngay sinh", "ngay thang nam sinh", "sinh ngay", "ngay thang sinh", "nam sinh")

# sheet key -> field key -> the ways it is written (as meaning keys)
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "staff": {
        "person_code": ("ma can bo", "ma cb", "ma so can bo", "ma cong chuc", "ma nhan vien"),
        "full_name": (
            "ho va ten",
            "ho ten",
            "ho va ten can bo",
            "ho ten can bo",
            "ten can bo",
            "ho va ten cong chuc",
            "ho ten cong chuc",
            "ho va ten nguoi lam viec",
        ),
        "birth_year": ("nam sinh",),
        BIRTH_DATE: ("ngay sinh", "ngay thang nam sinh", "sinh ngay", "ngay thang sinh"),
        BIRTH_MALE: tuple(f"{b} nam" for b in _BORN),
        BIRTH_FEMALE: tuple(f"{b} nu" for b in _BORN),
        "gender": ("gioi tinh", "gioi", "nam nu", "phai"),
        "unit_code": _UNIT,
        "position": (
            "chuc vu",
            "chuc danh",
            "chuc vu chuc danh",
            "chuc vu hien tai",
            "chuc vu cong tac",
        ),
        "kind": (
            "hinh thuc",
            "hinh thuc lam viec",
            "hinh thuc bo tri",
            "hinh thuc bo tri cong chuc",
            "hinh thuc cong tac",
            "loai can bo",
        ),
        "sending_agency": ("co quan cu", "don vi cu", "co quan cu den", "co quan cu can bo"),
        "fields": ("linh vuc", "linh vuc phu trach", "linh vuc tiep nhan", "linh vuc cong tac"),
        "start": ("tu ngay", "ngay bat dau", "ngay bo tri", "ngay bat dau lam viec"),
        "end": ("den ngay", "ngay ket thuc"),
        "phone": ("dien thoai", "so dien thoai", "sdt", "dt", "dien thoai lien he"),
        "notes": ("ghi chu",),
        "qualification": ("trinh do", "trinh do chuyen mon", "trinh do dao tao", "chuyen mon"),
        "decision": ("quyet dinh", "so quyet dinh", "quyet dinh bo tri", "so qd"),
    },
    "equipment": {
        "unit_code": _UNIT,
        "type": (
            "loai thiet bi",
            "ten thiet bi",
            "thiet bi",
            "ten tai san",
            "ten thiet bi tai san",
            "ten thiet bi may moc",
            "danh muc thiet bi",
            "ten trang thiet bi",
            "trang thiet bi",
        ),
        "quantity": ("so luong", "sl", "so luong cai", "so luong chiec"),
        "condition": ("tinh trang", "tinh trang su dung", "hien trang", "tinh trang thiet bi"),
        "year_in_service": ("nam su dung", "nam dua vao su dung", "nam mua", "nam trang bi"),
        "notes": ("ghi chu",),
        "serial": ("so hieu", "so seri", "serial", "so serial", "ma thiet bi"),
    },
    "units": {
        "code": ("ma don vi", "ma dv", "ma so"),
        "name": ("ten don vi", "ten bo phan", "ten bo phan mot cua", "don vi"),
        "level": ("cap", "cap don vi", "cap hanh chinh"),
        "kind": ("loai", "loai don vi", "loai dvhc"),
        "address": ("dia chi", "dia chi tru so"),
        "area_m2": ("dien tich", "dien tich m2"),
        "notes": ("ghi chu",),
    },
}

# What tells a sheet's content from its headers, whatever the sheet is called.
SIGNATURES: dict[str, frozenset[str]] = {
    "units": frozenset({"name", "level"}),
    "staff": frozenset({"full_name"}),
    "equipment": frozenset({"type", "quantity"}),
    "types": frozenset({"type"}),
}

_PUNCT = re.compile(r"[^\w\s]|_")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^]]*\]")


def meaning_key(text: object) -> str:
    """``Ngày, tháng, năm sinh`` -> ``ngay thang nam sinh``: no accents, case or punctuation."""
    return " ".join(_PUNCT.sub(" ", label_key(text)).split())


def _plain(text: object) -> str:
    """The header without what it says in brackets: ``Số lượng (cái)`` -> ``so luong``."""
    return meaning_key(_BRACKETS.sub(" ", str(text)))


_BY_KEY = {
    sheet: {alias: key for key, aliases in fields.items() for alias in aliases}
    for sheet, fields in ALIASES.items()
}


def field_by_meaning(sheet_key: str, text: object) -> str | None:
    """The field a header means on a sheet of this kind, or None."""
    table = _BY_KEY.get(sheet_key, {})
    return table.get(meaning_key(text)) or table.get(_plain(text))


def extra_column(sheet_key: str, key: str) -> Column | None:
    return next((c for c in EXTRA_COLUMNS.get(sheet_key, ()) if c.key == key), None)


def written_as(sheet_key: str, key: str, limit: int = 4) -> list[str]:
    """How a field is usually written, for an error that names what was expected."""
    from .columns import SHEETS

    sheet = next(s for s in SHEETS if s.key == sheet_key)
    out = [c.label for c in sheet.columns if c.key == key]
    shown = {meaning_key(x) for x in out}
    for alias in ALIASES.get(sheet_key, {}).get(key, ()):
        if alias not in shown and alias in _SPELLED and len(out) < limit:
            out.append(_SPELLED.get(alias, alias))
            shown.add(alias)
    return out


# A few aliases as a person writes them (for messages).
_SPELLED = {"don vi": "Đơn vị", "ten don vi": "Tên đơn vị", "don vi cong tac": "Đơn vị công tác",
            "noi lam viec": "Nơi làm việc", "hinh thuc lam viec": "Hình thức làm việc",
            "hinh thuc bo tri": "Hình thức bố trí", "ho ten": "Họ tên", "ho va ten can bo": "Họ và tên cán bộ",
            "ho ten can bo": "Họ tên cán bộ", "ten thiet bi": "Tên thiết bị", "thiet bi": "Thiết bị",
            "ten tai san": "Tên tài sản", "sl": "SL", "so luong cai": "Số lượng (cái)",
            "ten can bo": "Tên cán bộ", "ma cb": "Mã CB"}  # fmt: skip
