"""``Registry.summary(day)``: the counts the window's status bar and first-steps notes show,
read by the store (the window runs no SQL of its own)."""

from __future__ import annotations

from datetime import date

from motcua_desktop.store import Registry
from motcua_desktop.store.summary import RegisterSummary


def test_the_sample_register_in_numbers_on_the_seed_day(sample_registry):
    # the seed report: 21 units, 119 people working on 19/04/2024 (three have left or not started)
    assert sample_registry.summary(date(2024, 4, 19)) == RegisterSummary(
        units=21, assignments=122, working=119, equipment_lines=105, devices=151, equipment_types=8)


def test_only_the_working_count_depends_on_the_day(sample_registry):
    before = sample_registry.summary(date(2000, 1, 1))
    assert before.working == 0 and before.assignments == 122 and before.devices == 151


def test_an_empty_register_counts_zero_everywhere(tmp_path):
    registry = Registry.open(tmp_path / "trong.sqlite")
    try:
        assert registry.summary(date(2024, 4, 19)) == RegisterSummary(0, 0, 0, 0, 0, 0)
    finally:
        registry.close()
