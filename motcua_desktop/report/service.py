"""Which saved report to print and with which figures: the one place that reads the store
for a report; renderers get the finished content."""

from __future__ import annotations

from datetime import date

from ..store.registry import Registry
from ..store.reports import SavedReport, default_report
from .content import ReportContent, build_content
from .data import gather


def choose_report(registry: Registry, report_id: int | None = None, *, today: date | None = None) -> SavedReport:
    """The report asked for; else the latest saved one; else a new one from the default template."""
    if report_id is not None:
        return registry.reports.get(report_id)
    latest = registry.reports.latest()
    if latest is not None:
        return latest
    day = today or date.today()
    return default_report(registry.settings.get(), day, registry.template_for("", day))


def new_report(registry: Registry, day: date | None = None) -> SavedReport:
    """"New report": the last one with the date moved on, or the default template."""
    day = day or date.today()
    return registry.reports.next_draft(day) or default_report(
        registry.settings.get(), day, registry.template_for("", day))


def content_for(registry: Registry, report: SavedReport, as_of: date | None = None) -> ReportContent:
    """The finished content of ``report`` with figures as of ``as_of`` (default: its own date)."""
    template = registry.template_for(report.template, report.report_date)
    return build_content(report, gather(registry, as_of or report.figures_date, template))
