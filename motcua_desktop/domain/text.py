"""Vietnamese text: normalisation, accent-folding search, collation and number/date formats."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# The alphabet in dictionary order; each entry is one primary letter. f, j, w, z are not
# Vietnamese letters but occur in names and sort where the Latin alphabet puts them, as in ICU.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Punctuation and symbols in the order ICU's root collation gives them (all before digits).
_PUNCTUATION = "_-\u2013\u2014,;:!?.\u2026'\u2018\u2019\"\u201c\u201d()[]{}@*/\\&#%`^+<=>|~$"
_TONE_MARKS = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
# Marks that make a new letter rather than a tone (ă â ê ô ơ ư).
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Control characters, and the invisible ones that copying from Word or a web page brings
# along (soft hyphen, zero-width spaces and joiners, a byte-order mark): invisible in a
# form, they would still make "Nguyễn Văn An" differ from itself in search and codes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200b-\u200d\u2060\ufeff]")


def nfc(value: str) -> str:
    """Compose to NFC, drop control and invisible characters, read the look-alike Ð (U+00D0,
    which old font converters produce) as Đ, and trim: every text input goes through here."""
    # Every character _CONTROL removes is "not printable" to Python, so a printable string
    # (most cells of an import: 1.4 million calls at province scale) skips the search.
    if value.isprintable() and "\u00d0" not in value:
        if value.isascii():  # codes, numbers, dates: nothing to do but trim
            return value.strip()
        return unicodedata.normalize("NFC", value).strip()
    # Drop first, compose after: a mark behind a removed character must still compose.
    visible = _CONTROL.sub("", value).replace("\u00d0", "\u0110")
    return unicodedata.normalize("NFC", visible).strip()


def clean_line(value: str) -> str:
    """One-line input: :func:`nfc` plus runs of white space folded to one space."""
    # The only white space in a printable string is the plain space: without a double one
    # or one at either end there is nothing to fold or trim (NFC of already-NFC text is a
    # quick check inside unicodedata).
    if (value.isprintable() and "  " not in value and not value.startswith(" ")
            and not value.endswith(" ") and "\u00d0" not in value):
        return value if value.isascii() else unicodedata.normalize("NFC", value)
    return " ".join(nfc(value).split())


def fold(value: str) -> str:
    """Lower case without any marks, đ as d: ``fold("Đồng Mỏ") == "dong mo"``."""
    # Case-fold first so one replacement covers Đ and đ; marks are stripped after both.
    decomposed = unicodedata.normalize("NFD", value.casefold().replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def matches(query: str, *haystacks: str) -> bool:
    """Every word of ``query`` occurs in one of ``haystacks``, ignoring case and accents."""
    words = fold(query).split()
    if not words:
        return True
    text = " ".join(fold(h) for h in haystacks if h)
    return all(word in text for word in words)


def _letter_rank(base: str, marks: list[str]) -> tuple[int, int]:
    """(primary rank, tone) of one base character with its combining marks."""
    lower = base.lower()
    if lower == "a" and "\u0306" in marks:
        lower = "ă"
    elif lower in "aeo" and "\u0302" in marks:
        lower = {"a": "â", "e": "ê", "o": "ô"}[lower]
    elif lower in "ou" and "\u031b" in marks:
        lower = {"o": "ơ", "u": "ư"}[lower]
    tone = next((_TONE_MARKS[m] for m in marks if m in _TONE_MARKS), 0)
    pos = _ALPHABET.find(lower)
    if pos >= 0:
        return 1000 + pos, tone
    if lower in "0123456789":
        return 500 + int(lower), tone
    if lower.isspace():
        return 1, 0
    if lower.isalpha():
        return 2000 + ord(lower), tone
    pos = _PUNCTUATION.find(lower)
    if pos >= 0:
        return 100 + pos, tone
    return 200 + ord(lower) % 300, tone  # other symbols: after the common ones, before digits


CollationKey = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def collation_key(value: str) -> CollationKey:
    """A sort key in Vietnamese dictionary order, as ICU's ``vi`` collation sorts.

    Letters first (a < ă < â < b … d < đ … u < ư …), then tones over the whole string
    (ngang < huyền < hỏi < ngã < sắc < nặng), then lower case before upper case.
    """
    decomposed = unicodedata.normalize("NFD", value.strip())
    primary: list[int] = []
    tones: list[int] = []
    cases: list[int] = []
    base: str | None = None
    marks: list[str] = []

    def flush() -> None:
        if base is None:
            return
        rank, tone = _letter_rank(base, marks)
        primary.append(rank)
        tones.append(tone)
        cases.append(1 if base.isupper() else 0)

    for ch in decomposed:
        if unicodedata.combining(ch):
            marks.append(ch)
            continue
        flush()
        base, marks = ch, []
    flush()
    return tuple(primary), tuple(tones), tuple(cases)


def person_name_key(full_name: str) -> tuple[CollationKey, CollationKey]:
    """Official lists sort by given name (the last word), then the rest of the name."""
    words = nfc(full_name).split()
    if not words:
        return collation_key(""), collation_key("")
    return collation_key(words[-1]), collation_key(" ".join(words[:-1]))


def format_number(value: float | int | None, decimals: int | None = None) -> str:
    """``225.78`` → ``225,78``; ``1209`` → ``1.209`` (decimal comma, thousands dot)."""
    if value is None:
        return ""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


_GROUPED = {".": re.compile(r"\d{1,3}(?:\.\d{3})+"), ",": re.compile(r"\d{1,3}(?:,\d{3})+")}


def parse_number(text: str) -> float:
    """Read ``225,78``, ``225.78``, ``1.209``, ``1.209,5`` or ``1,209.5``; raise ``ValueError``
    otherwise.

    A single dot followed by exactly three digits groups thousands (``1.209`` is what
    :func:`format_number` writes for 1209); other single separators are decimal points.
    """
    raw = nfc(text).replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if not raw:
        raise ValueError("trống")
    sign = raw[0] if raw[0] in "+-" else ""
    body = raw[len(sign):]
    if not re.fullmatch(r"[\d.,]*\d", body):
        raise ValueError(f"'{text}' không phải là số")
    if "," in body and "." in body:
        decimal = "," if body.rfind(",") > body.rfind(".") else "."
    elif "," in body:
        decimal = "," if body.count(",") == 1 else ""
    elif "." in body:
        single_group = re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", body)
        decimal = "." if body.count(".") == 1 and not single_group else ""
    else:
        decimal = ""
    whole, _, fraction = body.rpartition(decimal) if decimal else (body, "", "")
    if decimal and not whole:
        whole = "0"
    group = "." if decimal == "," or (not decimal and "." in whole) else ","
    if not whole.isdigit() and not _GROUPED[group].fullmatch(whole):
        raise ValueError(f"'{text}' không phải là số")
    if not fraction.isdigit() and decimal:
        raise ValueError(f"'{text}' không phải là số")
    return float(f"{'-' if sign == '-' else ''}{whole.replace(group, '')}.{fraction or 0}")


def format_date(value: date | None) -> str:
    """``19/04/2024`` as the UI shows dates."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_short_date(value: date) -> str:
    """``23/4/2018``, ``05/10/2018``: the short form running text uses to cite a document."""
    return f"{value.day:02d}/{value.month}/{value.year}"


def format_long_date(value: date) -> str:
    """``ngày 05 tháng 01 năm 2024`` / ``ngày 19 tháng 4 năm 2024`` (Nghị định 30/2020).

    Days below 10 and months 1 and 2 take a leading zero; other months do not.
    """
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def parse_date(text: str) -> date:
    """Read ``dd/mm/yyyy`` (also ``d/m/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy``) or ISO ``yyyy-mm-dd``."""
    raw = nfc(text)
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw)
    if m:
        day, month, year = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
        if not m:
            raise ValueError(f"'{text}' không phải ngày dạng dd/mm/yyyy")
        year, month, day = (int(g) for g in m.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày {text} không có trên lịch") from None
