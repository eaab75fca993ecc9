"""Setting a register up for an office from the official list, in one transaction."""

from __future__ import annotations

import dataclasses

from ..domain.office import OfficeSetup, office_setup
from .errors import IntegrityRefused
from .registry import Registry


def set_up_office(registry: Registry, code: str, *, create_units: bool = True) -> OfficeSetup:
    """Write the office's identity (keeping a signer already typed) and, when asked, add its
    units (a unit whose Mã is already in the register is left as it is)."""
    setup = office_setup(code, registry.settings.get())
    with registry.transaction():
        registry.settings.save(setup.settings)
        if create_units:
            taken = {u.code for u in registry.units.list()}
            last = max((u.sort_order for u in registry.units.list()), default=0)
            for unit in setup.units:
                if unit.code in taken:
                    continue
                registry.units.add(dataclasses.replace(unit, sort_order=last + unit.sort_order))
            for child, parent in setup.parents.items():
                c, p = registry.units.by_code(child), registry.units.by_code(parent)
                if c is None or p is None:
                    raise IntegrityRefused(f"Không tìm thấy đơn vị {child} hoặc {parent}.")
                registry.units.update(dataclasses.replace(c, parent_id=p.id))
    return setup
