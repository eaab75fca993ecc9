"""The Báo cáo tab in the window follows edits made in the other tabs, and their undo."""

from __future__ import annotations

import dataclasses

import pdfplumber


def _first_page_text(tab) -> str:
    with pdfplumber.open(tab.last_pdf) as doc:
        return " ".join(page.extract_text() for page in doc.pages)


def test_an_edit_elsewhere_and_its_undo_show_in_the_report_preview(window, qtbot):
    # Given the report tab open on the seed's report
    window.tabs.setCurrentWidget(window.report_holder)
    report = window.ensure_report_tab()
    assert "225,78 m²" in _first_page_text(report)

    # When the district unit's floor area is changed in the units tab's operations
    district = window.registry.units.list()[0]
    window.ops.edit_unit(district, dataclasses.replace(district, area_m2=300.5))

    # Then the preview shows the new figure without the user asking for it
    assert "300,50 m²" in _first_page_text(report)

    # And undo brings the old figure back into the preview
    window.undo_stack.undo()
    assert "225,78 m²" in _first_page_text(report)


def test_an_edit_made_while_the_report_tab_is_hidden_shows_when_it_is_opened(window):
    window.tabs.setCurrentWidget(window.report_holder)
    report = window.ensure_report_tab()
    assert "225,78 m²" in _first_page_text(report)
    window.tabs.setCurrentWidget(window.units_tab)

    district = window.registry.units.list()[0]
    window.ops.edit_unit(district, dataclasses.replace(district, area_m2=199.0))
    assert "225,78 m²" in _first_page_text(report)  # hidden: not rendered yet

    window.tabs.setCurrentWidget(window.report_holder)
    assert "199 m²" in _first_page_text(report)
