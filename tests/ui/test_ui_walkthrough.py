"""A walk through the dialogs as a user does it: add a unit, two people
(one sent by an agency), transfer one, end the other's assignment, watch the overview, undo
it all."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from motcua_desktop.domain.model import EmploymentKind


def _save(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible(), dialog.general_error.text()


def test_a_new_unit_with_two_people_transfer_end_and_undo_everything(window):
    reg = window.registry
    district = reg.units.by_code("H-CHILANG")
    window.tabs.setCurrentWidget(window.overview_tab)
    total_before = window.overview_tab.model.records()[-1].count.total
    district_before = window.overview_tab.row_for(district.id).count

    # a unit
    window.units_tab.action_add.trigger()  # from the toolbar: the units tab opens first
    assert window.tabs.currentWidget() is window.units_tab
    dialog = window.units_tab.dialog
    dialog.code.setText("X-HOALAC")
    dialog.name.setText("Bộ phận Một cửa xã Hòa Lạc")
    dialog.admin_name.setText("Hòa Lạc")
    _save(dialog)
    unit = reg.units.by_code("X-HOALAC")

    # two people, one sent by an agency
    staff = window.staff_tab
    for name, kind, agency in (("Nông Văn Bình", EmploymentKind.BIEN_CHE, ""),
                               ("Hà Thị Cúc", EmploymentKind.CU_DEN, "Bảo hiểm xã hội huyện Chi Lăng")):
        staff.action_add.trigger()
        dialog = staff.dialog
        dialog.full_name.setText(name)
        dialog.unit.setCurrentIndex(dialog.unit.findData(unit.id))
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.agency.setText(agency)
        dialog.start.setText("01/02/2024")
        _save(dialog)
    window.tabs.setCurrentWidget(window.overview_tab)
    assert window.overview_tab.row_for(unit.id).count.total == 2
    assert window.overview_tab.row_for(unit.id).count.sent == 1

    # transfer Bình to the district, end Cúc's assignment
    window.tabs.setCurrentWidget(staff)
    staff.select_where(lambda r: r.person.full_name == "Nông Văn Bình")
    staff.action_transfer.trigger()
    staff.dialog.unit.setCurrentIndex(staff.dialog.unit.findData(district.id))
    staff.dialog.first_day.setText("01/04/2024")
    _save(staff.dialog)
    staff.select_where(lambda r: r.person.full_name == "Hà Thị Cúc")
    staff.action_end.trigger()
    staff.dialog.last_day.setText("10/04/2024")
    _save(staff.dialog)

    window.tabs.setCurrentWidget(window.overview_tab)
    overview = window.overview_tab
    assert overview.row_for(unit.id).count.total == 0
    assert overview.row_for(district.id).count.own == district_before.own + 1
    assert overview.model.records()[-1].count.total == total_before + 1
    assert any(b.label == "xã Hòa Lạc" for b in overview.chart.bars)

    # undo it all: end, transfer, two people, the unit
    for _ in range(5):
        window.action_undo.trigger()
    assert not window.action_undo.isEnabled()
    assert reg.units.by_code("X-HOALAC") is None
    assert overview.row_for(district.id).count == district_before
    assert overview.model.records()[-1].count.total == total_before
    assert not [p for p in reg.staff.people() if p.full_name in ("Nông Văn Bình", "Hà Thị Cúc")]
