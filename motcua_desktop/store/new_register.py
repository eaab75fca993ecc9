"""What a register holds the moment it is created, before the user types anything: the
equipment catalogue with its norms per level (so "what is missing where" works from day one).

One default for now, the seed's list (``db/sample/chi_lang.json``); ``template`` names the era
and level a register is set up for, so a catalogue per template can be added here.
"""

from __future__ import annotations

from ..domain.model import EquipmentType
from .registry import Registry


def default_catalogue(template: str | None = None) -> list[EquipmentType]:
    """The equipment types and norms a new register of ``template`` starts with."""
    from .sample import sample_data

    del template  # every template starts from the seed's catalogue until it has its own
    return [EquipmentType(t["name"], {level: int(n) for level, n in t["norms"].items()})
            for t in sample_data()["equipment_types"]]


def start_new_register(registry: Registry, template: str | None = None) -> None:
    """Give a just-created register its default catalogue (in one transaction); a register
    that already has a catalogue is left as it is."""
    if registry.equipment.types():
        return
    with registry.transaction():
        for kind in default_catalogue(template):
            registry.equipment.add_type(kind)
