"""Saved reports (BÁO CÁO): what the user writes; the figures are computed when it is printed.

The default narrative lives here (not in ``report/``) because the sample data must be able to
store the seed's report without the store importing the layer above it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from ..domain.fields import ReportField
from ..domain.model import OrgSettings
from ..domain.templates import ReportTemplate
from ..domain.text import clean_line, nfc
from ..domain.validation import FieldError, ValidationError
from .connection import Database
from .database import transaction
from .errors import NotFoundError
from .rows import from_iso, iso
from .schema import REPORT_COLUMNS
from .writes import insert_row, update_row

APPENDIX_STAFF = "staff"
APPENDIX_EQUIPMENT = "equipment"
APPENDIX_KINDS = (APPENDIX_STAFF, APPENDIX_EQUIPMENT)
BODY_MAX = 100_000


@dataclass
class SavedReport:
    """One BÁO CÁO as the user wrote it. ``body`` is plain text: paragraphs separated by a
    blank line, ``{field}`` names replaced by figures, headings recognised by their numbering."""

    report_date: date
    title: str
    body: str = ""
    number: str = ""  # blank until the document is signed and numbered
    place: str = ""
    recipients: tuple[str, ...] = ()
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    noi_nhan: tuple[str, ...] = ()
    appendices: tuple[str, ...] = (APPENDIX_STAFF,)
    as_of: date | None = None  # figures as of this day; None: the report's date
    id: int | None = None
    template: str = ""  # key of the template it was made from; blank: the register level's
    updated_at: str = field(default="", compare=False)

    @property
    def figures_date(self) -> date:
        return self.as_of or self.report_date


def default_report(settings: OrgSettings, day: date, template: ReportTemplate) -> SavedReport:
    """A new report from a template. Place, recipients and signer are left blank, so the
    document follows the organisation's settings (also when they change later); Nơi nhận is
    the template's unless the organisation keeps its own list."""
    own_list = tuple(settings.noi_nhan) != OrgSettings().noi_nhan
    return SavedReport(
        report_date=day,
        title=template.title,
        body=template.full_body,
        noi_nhan=tuple(settings.noi_nhan) if own_list else template.noi_nhan,
        appendices=(APPENDIX_STAFF,),
        template=template.key,
    )


def apply_template(report: SavedReport, template: ReportTemplate) -> SavedReport:
    """The report switched to another template: its title, narrative, Nơi nhận and appendix;
    date, number, place, recipients and signer stay the report's."""
    return dataclasses.replace(
        report, title=template.title, body=template.full_body,
        noi_nhan=template.noi_nhan or report.noi_nhan, template=template.key,
    )


def clean_report(report: SavedReport) -> SavedReport:
    """NFC every text, trim lines, refuse what cannot be printed; messages name the field."""
    errors: list[FieldError] = []

    def line(key: ReportField, value: str, *, required: bool = False, limit: int = 500) -> str:
        text = clean_line(value or "")
        if required and not text:
            errors.append(FieldError(key, "không được để trống"))
        elif len(text) > limit:
            errors.append(FieldError(key, f"dài quá {limit} ký tự ({len(text)} ký tự)"))
        return text

    def lines(key: ReportField, values: Iterable[str]) -> tuple[str, ...]:
        return tuple(v for v in (line(key, x) for x in values) if v)

    body = "\n".join(ln.rstrip() for ln in nfc(report.body or "").replace("\r\n", "\n").split("\n"))
    if len(body) > BODY_MAX:
        errors.append(FieldError(ReportField.BODY, f"dài quá {BODY_MAX} ký tự ({len(body)} ký tự)"))
    if report.report_date is None:
        errors.append(FieldError(ReportField.REPORT_DATE, "chưa chọn ngày"))
    unknown = [a for a in report.appendices if a not in APPENDIX_KINDS]
    if unknown:
        errors.append(FieldError(ReportField.APPENDICES, f"không có loại phụ lục {', '.join(unknown)}"))
    out = dataclasses.replace(
        report,
        title=line(ReportField.TITLE, report.title, required=True, limit=1000),
        number=line(ReportField.NUMBER, report.number, limit=20),
        place=line(ReportField.PLACE, report.place, limit=200),
        recipients=lines(ReportField.RECIPIENTS, report.recipients),
        signer_authority=line(ReportField.SIGNER_AUTHORITY, report.signer_authority, limit=200),
        signer_title=line(ReportField.SIGNER_TITLE, report.signer_title, limit=200),
        signer_name=line(ReportField.SIGNER_NAME, report.signer_name, limit=200),
        noi_nhan=lines(ReportField.NOI_NHAN, report.noi_nhan),
        appendices=tuple(a for a in APPENDIX_KINDS if a in report.appendices),
        body=body.strip("\n"),
        template=(report.template or "").strip(),
    )
    if errors:
        raise ValidationError(errors)
    return out


_SELECT = f"SELECT {', '.join(REPORT_COLUMNS)} FROM reports"
_LISTS = ("recipients", "noi_nhan", "appendices")


def _from_row(row: dict[str, Any]) -> SavedReport:
    values = dict(row)
    for name in _LISTS:
        values[name] = tuple(json.loads(values[name] or "[]"))
    values["report_date"] = from_iso(values["report_date"])
    values["as_of"] = from_iso(values["as_of"])
    values["template"] = values["template"] or ""
    return SavedReport(**values)


def _to_row(report: SavedReport) -> dict[str, Any]:
    row = {k: getattr(report, k) for k in REPORT_COLUMNS if k not in ("id", "updated_at")}
    for name in _LISTS:
        row[name] = json.dumps(list(row[name]), ensure_ascii=False)
    row["report_date"] = iso(report.report_date)
    row["as_of"] = iso(report.as_of)
    return row


class ReportRepository:
    """Saved reports, newest (by date) first."""

    def __init__(self, db: Database):
        self.db = db

    def list(self) -> list[SavedReport]:
        sql = f"{_SELECT} ORDER BY report_date DESC, id DESC"
        return [_from_row(r) for r in self.db.query(sql)]

    def get(self, report_id: int) -> SavedReport:
        rows = list(self.db.query(f"{_SELECT} WHERE id = ?", [report_id]))
        if not rows:
            raise NotFoundError(f"Không có báo cáo đã lưu số {report_id}.")
        return _from_row(rows[0])

    def latest(self) -> SavedReport | None:
        reports = self.list()
        return reports[0] if reports else None

    def save(self, report: SavedReport) -> SavedReport:
        """Insert (no id) or update; returns the stored report with its id."""
        report = clean_report(report)
        row = _to_row(report)
        with transaction(self.db):
            if report.id is None:
                report_id = insert_row(self.db.conn, "reports", row)
            else:
                self.get(report.id)
                row["updated_at"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
                update_row(self.db.conn, "reports", report.id, row)
                report_id = report.id
            return self.get(report_id)

    def put_back(self, report: SavedReport) -> SavedReport:
        """A deleted report stored again with its id and its last-saved time (undo of a
        delete); the id must be free."""
        report = clean_report(report)
        row = {**_to_row(report), "id": report.id}
        if report.updated_at:
            row["updated_at"] = report.updated_at
        with transaction(self.db):
            report_id = insert_row(self.db.conn, "reports", row)
            return self.get(report_id)

    def delete(self, report_id: int) -> SavedReport:
        with transaction(self.db):
            report = self.get(report_id)
            self.db.conn.execute("DELETE FROM reports WHERE id = ?", [report_id])
        return report

    def next_draft(self, day: date) -> SavedReport | None:
        """The last report copied for a new period: dated ``day``, unnumbered, figures as of
        ``day``; None when nothing is saved yet. Not stored until :meth:`save`."""
        last = self.latest()
        if last is None:
            return None
        return dataclasses.replace(last, id=None, number="", report_date=day, as_of=None, updated_at="")
