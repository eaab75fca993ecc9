"""The report's typeface: the system's Times New Roman where present (Windows), otherwise the
bundled Liberation Serif (metric-compatible, Vietnamese glyphs, SIL OFL; licence alongside).

reportlab's built-in Times has no Vietnamese glyphs, so a TrueType family is always embedded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import paths
from ..errors import KnownProblem

STYLES = ("regular", "bold", "italic", "bolditalic")


class FontError(KnownProblem):
    """The report's font files are missing or damaged: the installation, not the data file
    and not a bug; reinstalling the app brings them back."""


_TIMES_FILES = {"regular": "times.ttf", "bold": "timesbd.ttf", "italic": "timesi.ttf", "bolditalic": "timesbi.ttf"}
_TIMES_LINUX = {
    "regular": "Times_New_Roman.ttf", "bold": "Times_New_Roman_Bold.ttf",
    "italic": "Times_New_Roman_Italic.ttf", "bolditalic": "Times_New_Roman_Bold_Italic.ttf",
}  # fmt: skip
_LIBERATION = {
    "regular": "LiberationSerif-Regular.ttf", "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf", "bolditalic": "LiberationSerif-BoldItalic.ttf",
}  # fmt: skip


@dataclass(frozen=True)
class FontFamily:
    """Four TTF files of one family and the names reportlab knows them by."""

    family: str  # the Word/Excel font name: "Times New Roman" either way (metric-compatible)
    files: dict[str, Path]
    source: str  # "system" or "bundled"

    def name(self, style: str = "regular") -> str:
        return {"regular": "ReportSerif", "bold": "ReportSerif-Bold", "italic": "ReportSerif-Italic",
                "bolditalic": "ReportSerif-BoldItalic"}[style]


def _system_times() -> dict[str, Path] | None:
    candidates: list[tuple[Path, dict[str, str]]] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        candidates.append((Path(windir) / "Fonts", _TIMES_FILES))
    local = os.environ.get("LOCALAPPDATA")
    if local:
        candidates.append((Path(local) / "Microsoft" / "Windows" / "Fonts", _TIMES_FILES))
    candidates.append((Path("/usr/share/fonts/truetype/msttcorefonts"), _TIMES_LINUX))
    for folder, names in candidates:
        files = {style: folder / name for style, name in names.items()}
        if all(f.is_file() for f in files.values()):
            return files
    return None


def bundled_files() -> dict[str, Path]:
    return {style: paths.fonts_dir() / name for style, name in _LIBERATION.items()}


@cache
def report_fonts(prefer_system: bool = True) -> FontFamily:
    """Register the family with reportlab (once) and return it."""
    files = _system_times() if prefer_system else None
    source = "system" if files else "bundled"
    if files is None:
        files = bundled_files()
        missing = [str(f) for f in files.values() if not f.is_file()]
        if missing:
            raise FontError(f"Thiếu tệp phông chữ của chương trình: {', '.join(missing)}. Hãy cài lại chương trình.")
    family = FontFamily("Times New Roman", files, source)
    for style in STYLES:
        try:
            pdfmetrics.registerFont(TTFont(family.name(style), str(files[style])))
        except Exception as exc:  # reportlab: TTFError, struct.error, … on a damaged file
            raise FontError(f"Tệp phông chữ {files[style]} bị hỏng, không dùng được để lập báo cáo "
                             f"({exc}). Hãy cài lại chương trình.") from exc
    addMapping(family.name(), 0, 0, family.name("regular"))
    addMapping(family.name(), 1, 0, family.name("bold"))
    addMapping(family.name(), 0, 1, family.name("italic"))
    addMapping(family.name(), 1, 1, family.name("bolditalic"))
    return family
