"""Reference cooling chains, one per architecture.

Each function returns a :class:`~coolsim.chain.CoolingChain` with coolsim's
reference defaults — the starting point a case file overrides.  The plant
choices follow the loop temperature each architecture allows:

============================  ==========================  =========================================
architecture                  air path (chilled water)     liquid path (facility water)
============================  ==========================  =========================================
forced air                    chiller + cooling tower,     —
                              water-side economizer
direct-to-chip                as forced air (residual      cooling tower only, no chiller
                              air load)                    (warm water, ASHRAE W32)
single-phase immersion        —                            cooling tower only, no chiller
two-phase immersion           —                            dry cooler with adiabatic pre-cooling,
                                                           no chiller (condensing at ~49 °C)
============================  ==========================  =========================================

The chiller is a :class:`~coolsim.rejection.CarnotChiller` with a second-law
efficiency of 0.55 (the value of validation case R30; water-cooled
centrifugal chillers reach 0.5–0.6 of Carnot at full load, ASHRAE Handbook—
HVAC Systems and Equipment 2020 ch. 43 — an assumption within that band).
The EnergyPlus EIR curves (:class:`~coolsim.rejection.EIRChiller`) are fitted
for 5–10 °C chilled water, colder than data-centre coils need, so they are
not the default here.  Cooling towers: 4 K design approach (assumption;
3–5 K is the usual selection); dry coolers: 5 K approach (assumption) with
adiabatic pads of saturation effectiveness 0.8 (ASHRAE HVAC Systems and
Equipment 2020 ch. 41: 0.7–0.9 for pads).
"""

from __future__ import annotations

from .capture.air import ForcedAir
from .capture.air_classes import AIR_CLASSES
from .capture.direct_to_chip import DirectToChip
from .capture.immersion_single_phase import SinglePhaseImmersion
from .capture.immersion_two_phase import TwoPhaseImmersion
from .chain import CoolingChain
from .plant import HeatRejection, Plant
from .rejection import AdiabaticPrecooler, CarnotChiller, CoolingTower, DryCooler, EIRChiller
from .units import Q_

__all__ = [
    "forced_air",
    "direct_to_chip",
    "single_phase_immersion",
    "two_phase_immersion",
    "KINDS",
    "SLOTS",
    "reference_chains",
]

CHILLER_ETA_II = 0.55
TOWER_APPROACH = Q_(4.0, "K")
DRY_COOLER_APPROACH = Q_(5.0, "K")
PAD_EFFECTIVENESS = 0.8
_TEMPLATE = Q_(1.0, "MW")  # template rating; plants re-size sinks to the heat they reject


def cooling_tower() -> CoolingTower:
    """Reference cooling tower (4 K approach)."""
    return CoolingTower(_TEMPLATE, TOWER_APPROACH)


def dry_cooler() -> DryCooler:
    """Reference dry cooler (5 K approach, adiabatic pads at ε = 0.8)."""
    return DryCooler(_TEMPLATE, DRY_COOLER_APPROACH, precooler=AdiabaticPrecooler(PAD_EFFECTIVENESS))


def carnot_chiller() -> CarnotChiller:
    """Reference chiller: 0.55 of Carnot."""
    return CarnotChiller(CHILLER_ETA_II)


def doe2_centrifugal_chiller() -> EIRChiller:
    """EnergyPlus ``DOE-2 Centrifugal/5.50COP`` curves (valid for 5–10 °C chilled water)."""
    return EIRChiller.doe2_centrifugal(_TEMPLATE)


def _chilled_water_plant() -> Plant:
    return Plant(cooling_tower(), carnot_chiller(), economizer=True, label="chilled-water plant")


def forced_air() -> CoolingChain:
    """All heat to air: CRAH units, chilled water from a chiller with a tower and economizer."""
    return CoolingChain(ForcedAir(), HeatRejection(_chilled_water_plant()), name="forced_air")


def direct_to_chip() -> CoolingChain:
    """Cold plates on GPUs and CPUs; warm facility water from towers without chillers;
    the residual air load on the chilled-water plant."""
    warm = Plant(cooling_tower(), None, label="warm-water plant")
    return CoolingChain(DirectToChip(), HeatRejection(_chilled_water_plant(), warm), name="direct_to_chip")


def single_phase_immersion() -> CoolingChain:
    """Servers in dielectric oil; facility water from towers without chillers."""
    warm = Plant(cooling_tower(), None, label="warm-water plant")
    return CoolingChain(SinglePhaseImmersion(), HeatRejection(_chilled_water_plant(), warm),
                        name="immersion_single_phase")


def two_phase_immersion() -> CoolingChain:
    """Servers in boiling dielectric; condenser water from dry coolers with adiabatic pads."""
    warm = Plant(dry_cooler(), None, hx_approach=Q_(0.0, "K"), label="dry-cooler plant")
    return CoolingChain(TwoPhaseImmersion(), HeatRejection(_chilled_water_plant(), warm),
                        name="immersion_two_phase")


KINDS = {
    "forced_air": forced_air,
    "direct_to_chip": direct_to_chip,
    "immersion_single_phase": single_phase_immersion,
    "immersion_two_phase": two_phase_immersion,
}
"""Reference chain factory by architecture kind (the ``kind`` key of a case file)."""

SLOTS = {
    "air_class": {name: (lambda name=name: AIR_CLASSES[name]) for name in AIR_CLASSES},
    "sink": {"cooling_tower": cooling_tower, "dry_cooler": dry_cooler},
    "chiller": {"carnot": carnot_chiller, "doe2_centrifugal": doe2_centrifugal_chiller, "none": None},
    "facility_water": {"none": None},
}
"""Component fields that accept one of several component types in a case file."""


def reference_chains() -> dict:
    """The four reference chains, by kind."""
    return {kind: factory() for kind, factory in KINDS.items()}
