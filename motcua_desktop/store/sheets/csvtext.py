"""A ``.csv`` file's text, decoded strictly: UTF-8 (with or without BOM), UTF-16, or
Windows-1258 only when the bytes are plausibly that. Anything else is refused, never guessed:
one stray byte in a UTF-8 file must not turn every accent into mojibake."""

from __future__ import annotations

import codecs
import re

from ..errors import InputRejected

# Bytes that are UTF-8 multi-byte sequences: a file holding them was written as UTF-8.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# What Windows-1258 text of a Vietnamese register holds besides ASCII: letters with
# accents, the combining tone marks, đ/Đ, ơ/ư, and common punctuation.
_CP1258_PLAUSIBLE = set(
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđƠơƯư\u0300\u0301\u0303\u0309\u0323"
    "–—‘’“”…•°²³½¼¾·«»§©®€ÄËÏÖÜäëïöüÇç×÷ªº\xa0"
)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputRejected(
            f"không đọc được {name}: dòng {_line_of(data, exc.start)} có byte không hợp lệ "
            f"trong mã {encoding.upper()}; hãy mở tệp bằng Excel và lưu lại dạng "
            "\"CSV UTF-8 (Comma delimited)\""
        ) from None


def decode_csv(data: bytes, name: str = "tệp CSV") -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    head = data[:400]
    if len(head) >= 4 and head.count(0) * 3 > len(head):  # UTF-16 that lost its BOM
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return _strict(data, encoding, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_SEQUENCE.search(data):  # UTF-8 text with a broken byte: never re-read as 1258
            raise InputRejected(
                f"không đọc được {name}: tệp viết bằng mã UTF-8 nhưng dòng "
                f"{_line_of(data, exc.start)} có byte hỏng; hãy sửa dòng đó (hoặc lưu lại tệp "
                "bằng Excel dạng \"CSV UTF-8\") rồi nhập lại"
            ) from None
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise InputRejected(
            f"không đọc được {name}: không phải văn bản UTF-8, UTF-16 hay Windows-1258 "
            f"(dòng {_line_of(data, exc.start)}); hãy lưu lại tệp bằng Excel dạng \"CSV UTF-8\""
        ) from None
    odd = [ch for ch in text if ord(ch) > 127 and ch not in _CP1258_PLAUSIBLE]
    if odd:
        raise InputRejected(
            f"không đọc được {name}: không rõ bảng mã (có ký tự lạ như '{odd[0]}' khi đọc theo "
            "Windows-1258); hãy lưu lại tệp bằng Excel dạng \"CSV UTF-8\""
        )
    return text


def delimiter(text: str) -> str:
    """Vietnamese Excel saves ``;`` (decimal comma locale), ``,`` elsewhere, tab as UTF-16."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
