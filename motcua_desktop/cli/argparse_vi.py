"""Vietnamese for the words argparse itself prints (``usage:``, ``options``, its errors).

argparse looks its messages up through ``gettext`` (the module's ``_`` and ``ngettext``);
:func:`install` puts this table in front, so ``motcua --help`` and every usage error read in
Vietnamese whatever the system's language.
"""

from __future__ import annotations

import argparse
import gettext

MESSAGES = {
    "usage: ": "cách dùng: ",
    "options": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in số phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn không rõ: %(option)s có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng với tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
}
PLURALS = {
    ("expected %s argument", "expected %s arguments"): "cần %s giá trị",
}


def _gettext(message: str) -> str:
    return MESSAGES.get(message, gettext.gettext(message))


def _ngettext(singular: str, plural: str, n: int) -> str:
    return PLURALS.get((singular, plural), gettext.ngettext(singular, plural, n))


def install() -> None:
    """Make argparse speak Vietnamese (idempotent)."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
