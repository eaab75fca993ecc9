"""Fixtures of the report tests; the seed's table itself is in report_seed.py."""

from __future__ import annotations

import pytest
from report_seed import SEED_ROWS, SEED_TOTALS


@pytest.fixture
def seed_rows():
    return SEED_ROWS


@pytest.fixture
def seed_totals():
    return SEED_TOTALS
