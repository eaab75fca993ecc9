"""One entry point for every output format; the format follows the file name by default."""

from __future__ import annotations

from pathlib import Path

from ..domain.validation import FieldError, ValidationError
from .content import ReportContent

FORMATS = ("pdf", "docx", "xlsx")


def format_of(path: Path, explicit: str | None = None) -> str:
    """``explicit`` if given, else the file's extension; a Vietnamese error for anything else."""
    fmt = (explicit or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        shown = Path(path).suffix or "(không có đuôi)"
        raise ValidationError([FieldError(
            "Tệp kết quả",
            f"không biết định dạng '{shown}' của {Path(path).name}; hãy dùng đuôi .pdf, .docx "
            "hoặc .xlsx (hoặc chọn --format)",
        )])
    return fmt


def render(content: ReportContent, out: Path, fmt: str) -> Path:
    out = Path(out)
    if fmt == "pdf":
        from .pdf import render_pdf

        return render_pdf(content, out)
    if fmt == "docx":
        from .docx import render_docx

        return render_docx(content, out)
    if fmt == "xlsx":
        from .xlsx import render_xlsx

        return render_xlsx(content, out)
    raise ValueError(fmt)
