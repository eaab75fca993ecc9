"""A unit named the way an office's own list names it: its code (``X-MAISAO``), its full name
(``Bộ phận Một cửa xã Mai Sao``), the name of another office of the same commune (``Trung tâm
Phục vụ hành chính công xã Mai Sao``), or short (``xã Mai Sao``, ``Mai Sao``). Compared without
accents, case or the way accents are encoded; a name that fits several units, or none, is an
error naming the candidates."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from ...domain.text import clean_line, fold

# What stands before the commune's name in an office's name.
_OFFICES = (
    "bo phan mot cua", "bo phan tiep nhan va tra ket qua", "bo phan tiep nhan va tra ket qua giai quyet tthc",
    "trung tam phuc vu hanh chinh cong", "trung tam hanh chinh cong", "trung tam phuc vu hcc",
    "uy ban nhan dan", "ubnd", "bp mot cua", "bpmc", "mot cua",
)  # fmt: skip
_KINDS = (
    "thanh pho",
    "thi tran",
    "thi xa",
    "dac khu",
    "phuong",
    "huyen",
    "tinh",
    "quan",
    "xa",
    "tp",
    "tt",
)
_OFFICE = re.compile(r"^(?:" + "|".join(sorted(_OFFICES, key=len, reverse=True)) + r")\s+")
_KIND = re.compile(r"^(?:" + "|".join(_KINDS) + r")\.?\s+")


def _key(text: str) -> str:
    return " ".join(fold(re.sub(r"[_\-.,]+", " ", text)).split())


def _variants(text: str) -> list[str]:
    """The name as written, without the office, without the kind of place: most precise first."""
    full = _key(text)
    out = [full]
    short = _OFFICE.sub("", full)
    if short != full:
        out.append(short)
    bare = _KIND.sub("", short)
    if bare != short and bare:
        out.append(bare)
    return out


class UnknownUnit(ValueError):
    """The message names what was written and the units it could be."""


class UnitNames:
    def __init__(self, units: Iterable[tuple[str, str, str]]):
        """``units``: (code, name, admin name) of every unit the import may point at."""
        self.codes: dict[str, str] = {}
        self.names: dict[str, str] = {}  # code -> name, for messages
        self._keys: dict[str, set[str]] = {}  # variant -> codes
        self._cache: dict[str, str] = {}
        for code, name, admin in units:
            self.codes.setdefault(code, code)
            self.codes.setdefault(code.casefold(), code)
            self.names[code] = name
            for variant in _variants(name) + ([_key(admin)] if admin else []):
                self._keys.setdefault(variant, set()).add(code)

    def _named(self, codes: Iterable[str]) -> str:
        return "; ".join(f"{self.names.get(c, c)} (mã {c})" for c in sorted(codes))

    def code(self, text: str) -> str:
        """The code of the unit ``text`` names; raises :class:`UnknownUnit`."""
        written = clean_line(text)
        if written in self._cache:
            return self._cache[written]
        code = self.codes.get(written) or self.codes.get(written.casefold())
        if code is None:
            code = self._by_name(written)
        self._cache[written] = code
        return code

    def _by_name(self, written: str) -> str:
        for variant in _variants(written):
            found = self._keys.get(variant)
            if found and len(found) == 1:
                return next(iter(found))
            if found:
                raise UnknownUnit(
                    f"'{written}' có thể là {len(found)} đơn vị: {self._named(found)}; "
                    "hãy ghi tên đầy đủ hoặc mã đơn vị"
                )
        close = difflib.get_close_matches(
            _variants(written)[-1], list(self._keys), n=8, cutoff=0.75
        )
        codes = {c for k in close for c in self._keys[k]}
        hint = f"; gần giống: {self._named(codes)}" if codes else ""
        return self._unknown(written, hint)

    def _unknown(self, written: str, hint: str) -> str:
        raise UnknownUnit(
            f"không có đơn vị nào mã hay tên '{written}' trong tệp hay trong dữ liệu{hint}"
        )
