"""One entry point for every output format; the format follows the file name by default."""

from __future__ import annotations

from pathlib import Path

from ..domain.fields import OutputField
from ..domain.validation import FieldError, ValidationError
from ..store.files import written_whole
from .content import ReportContent

FORMATS = ("pdf", "docx", "xlsx")


def format_of(path: Path, explicit: str | None = None) -> str:
    """``explicit`` if given, else the file's extension; a Vietnamese error for anything else."""
    fmt = (explicit or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        shown = Path(path).suffix or "(không có đuôi)"
        raise ValidationError([FieldError(
            OutputField.FILE,
            f"không biết định dạng '{shown}' của {Path(path).name}; hãy dùng đuôi .pdf, .docx "
            "hoặc .xlsx (hoặc chọn --format)",
        )])
    return fmt


def render(content: ReportContent, out: Path, fmt: str) -> Path:
    """Write ``content`` as ``fmt`` to ``out``: into a temporary file next to it first, so a
    failure (a damaged font, a full disk) never leaves a half-written report behind."""
    out = Path(out)
    with written_whole(out, f".{fmt}") as partial:
        _render(content, partial, fmt)
    return out


def _render(content: ReportContent, out: Path, fmt: str) -> None:
    if fmt == "pdf":
        from .pdf import render_pdf

        render_pdf(content, out)
    elif fmt == "docx":
        from .docx import render_docx

        render_docx(content, out)
    elif fmt == "xlsx":
        from .xlsx import render_xlsx

        render_xlsx(content, out)
    else:
        raise ValueError(fmt)
