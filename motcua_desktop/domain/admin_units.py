"""The official list of administrative units since 1/7/2025 (34 provinces, 3,321 xã, phường,
đặc khu; codes of Quyết định 19/2025/QĐ-TTg), read from the ``vietnam-provinces`` package.

This is the only module that knows the package: a province merged or renamed by a later
resolution reaches the app by upgrading the package, not by editing code. The order of the
units within a province is the official one, by code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from vietnam_provinces import Province, Ward

PROVINCE_CODE_DIGITS = 2
COMMUNE_CODE_DIGITS = 5

# Division types of the package → our unit kinds (value lists of the register)
_KINDS = {
    "tỉnh": "tinh",
    "thành phố trung ương": "thanh_pho",
    "xã": "xa",
    "phường": "phuong",
    "đặc khu": "dac_khu",
}
# What the type is called before the name: "tỉnh Lạng Sơn", "thành phố Huế", "xã Chi Lăng"
_KIND_WORDS = {
    "tinh": "tỉnh",
    "thanh_pho": "thành phố",
    "xa": "xã",
    "phuong": "phường",
    "dac_khu": "đặc khu",
}


@dataclass(frozen=True)
class AdminUnit:
    """A province or commune-level unit: its code (``"20"``, ``"06463"``), its bare name
    (``"Lạng Sơn"``, ``"Chi Lăng"``) and its kind (a code of the register's kinds)."""

    code: str
    name: str
    kind: str
    province_code: str

    @property
    def is_province(self) -> bool:
        return len(self.code) == PROVINCE_CODE_DIGITS

    @property
    def kind_word(self) -> str:
        return _KIND_WORDS[self.kind]

    @property
    def full_name(self) -> str:
        """``tỉnh Lạng Sơn``, ``thành phố Hà Nội``, ``xã Chi Lăng``."""
        return f"{self.kind_word} {self.name}"


def _bare(name: str, kind: str) -> str:
    """``Xã Chi Lăng`` → ``Chi Lăng``; ``Thành phố Hà Nội`` → ``Hà Nội``."""
    word = _KIND_WORDS[kind]
    if name.lower().startswith(word + " "):
        return name[len(word) + 1 :].strip()
    return name.strip()


def _kind(division_type: object) -> str:
    value = str(getattr(division_type, "value", division_type))
    return _KINDS[value]


@cache
def provinces() -> tuple[AdminUnit, ...]:
    """All provinces and centrally-run cities, by code."""
    out = []
    for p in Province.iter_all():
        kind = _kind(p.division_type)
        code = f"{int(p.code):0{PROVINCE_CODE_DIGITS}d}"
        out.append(AdminUnit(code, _bare(p.name, kind), kind, code))
    return tuple(sorted(out, key=lambda u: u.code))


@cache
def _communes() -> dict[str, tuple[AdminUnit, ...]]:
    by_province: dict[str, list[AdminUnit]] = {}
    for w in Ward.iter_all():
        kind = _kind(w.division_type)
        province = f"{int(w.province_code):0{PROVINCE_CODE_DIGITS}d}"
        unit = AdminUnit(f"{int(w.code):0{COMMUNE_CODE_DIGITS}d}", _bare(w.name, kind), kind, province)
        by_province.setdefault(province, []).append(unit)
    return {p: tuple(sorted(units, key=lambda u: u.code)) for p, units in by_province.items()}


def communes(province_code: str) -> tuple[AdminUnit, ...]:
    """The xã, phường and đặc khu of a province in the official order (by code)."""
    return _communes().get(province_code, ())


def all_communes() -> tuple[AdminUnit, ...]:
    return tuple(u for p in provinces() for u in communes(p.code))


def normalise_code(text: str) -> str | None:
    """``20`` → ``20``; ``6463`` or ``06463`` → ``06463``; anything else → None."""
    text = text.strip()
    if not text.isdigit():
        return None
    if len(text) in (1, 2):
        return f"{int(text):02d}"
    if len(text) in (4, 5):
        return f"{int(text):05d}"
    return None


def find(code: str) -> AdminUnit | None:
    """The province (1–2 digits) or commune (4–5 digits) with this official code."""
    norm = normalise_code(code)
    if norm is None:
        return None
    if len(norm) == PROVINCE_CODE_DIGITS:
        return next((p for p in provinces() if p.code == norm), None)
    return next((u for u in all_communes() if u.code == norm), None)


def province_of(unit: AdminUnit) -> AdminUnit:
    found = find(unit.province_code)
    if found is None:  # the package's own data names every commune's province
        raise LookupError(f"Không có tỉnh mã {unit.province_code} trong danh mục")
    return found


def data_version() -> str:
    """Which edition of the list is shipped (shown in the set-up dialog)."""
    import vietnam_provinces

    return f"{getattr(vietnam_provinces, '__version__', '?')} ({getattr(vietnam_provinces, '__data_version__', '?')})"
