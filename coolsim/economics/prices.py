"""What is bought every year (:class:`Prices`) and what is bought once (:class:`UnitCosts`).

Every default carries its source and grade in the class docstring — SPEC,
MEAS, VENDOR, 2ND (a secondary source) or **assumption**.  Re-exported by
:mod:`coolsim.economics.costs`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..errors import OutOfRangeError, UnitError
from ..units import DIMENSIONLESS, FRACTION, MONEY, TIME, VOLUME, Kind, Q_, to_si
from .charges import _EP, _MR, _VP

__all__ = ["COST_PER_POWER", "Prices", "default_prices", "UnitCosts"]

#: Money per power (unit costs of plant sized by heat), e.g. "1200 USD/kW" (defined here; move to units.py).
COST_PER_POWER = Kind("money per power", "USD/W", "Q_(1200, 'USD/kW') or Q_(600, 'USD/refrigeration_ton')")


# ---------------------------------------------------------------------------- prices and unit costs
def _check_fields(obj, specs):
    si = {}
    for name, spec in specs.items():
        value = getattr(obj, name)
        try:
            si[name] = to_si(value, spec, name)
        except UnitError as err:
            raise UnitError(f"{type(obj).__name__}.{err}") from None
        except OutOfRangeError as err:
            raise OutOfRangeError(f"{type(obj).__name__}.{err}") from None
    object.__setattr__(obj, "_si", si)


@dataclass(frozen=True)
class Prices:
    """What is bought every year.

    Parameters
    ----------
    electricity : pint.Quantity
        0.0892 USD/kWh: Virginia 2023 state average for data centres (domain
        primer, from EIA state data) [USD/J].
    water : pint.Quantity
        5.30 USD per 1,000 US gal: Loudoun Water (Northern Virginia) 2024
        tier-1 water 3.86 USD plus sewer 5.76 USD on the quarter of tower
        make-up that leaves as blow-down (4 cycles of concentration,
        assumption) [USD/m³].
    gpu_hour : pint.Quantity
        4 USD per GPU-hour, the founding article (market 2–3.5 USD at
        specialist clouds, 2ND) [USD/s].
    labour : pint.Quantity
        100 USD/h fully loaded technician rate (assumption) [USD/s].
    coolant : pint.Quantity
        PG25 for cold-plate loops, 5 USD/L (assumption, as in
        :func:`coolsim.reliability.cold_plate_qd`) [USD/m³].
    oil : pint.Quantity
        Single-phase immersion fluid, 3.5 USD/L (mid of 2–5 USD/L, weak source,
        domain primer) [USD/m³].
    fluorinated : pint.Quantity
        Two-phase fluorinated fluid (Novec 649 class), 80 USD/L (assumption,
        as in :func:`coolsim.reliability.immersion_two_phase`; no public list
        price found; 3M ended PFAS production in 2025) [USD/m³].
    spares : pint.Quantity
        Spare parts bought per year, 0 (assumption: failed parts replaced
        under warranty/RMA) [USD/s].

    Examples
    --------
    >>> p = Prices(electricity=Q_(6.6, "cent/kWh"))
    >>> round(p.si["electricity"] * 3.6e6, 4)
    0.066
    """

    electricity: object = field(default_factory=lambda: Q_(0.0892, "USD/kWh"))
    water: object = field(default_factory=lambda: Q_(5.30e-3, "USD/gal"))
    gpu_hour: object = field(default_factory=lambda: Q_(4.0, "USD/hour"))
    labour: object = field(default_factory=lambda: Q_(100.0, "USD/hour"))
    coolant: object = field(default_factory=lambda: Q_(5.0, "USD/L"))
    oil: object = field(default_factory=lambda: Q_(3.5, "USD/L"))
    fluorinated: object = field(default_factory=lambda: Q_(80.0, "USD/L"))
    spares: object = field(default_factory=lambda: Q_(0.0, "USD/year"))

    def __post_init__(self):
        _check_fields(self, {"electricity": _EP, "water": _VP, "gpu_hour": _MR, "labour": _MR,
                             "coolant": _VP, "oil": _VP, "fluorinated": _VP, "spares": _MR})

    @property
    def si(self) -> dict:
        """The prices as SI floats (USD/J, USD/m³, USD/s)."""
        return dict(self._si)

    def replace(self, **changes) -> "Prices":
        """A copy with some prices changed."""
        return dataclasses.replace(self, **changes)


def default_prices() -> Prices:
    """The default :class:`Prices` (each default's source is in its docstring)."""
    return Prices()


@dataclass(frozen=True)
class UnitCosts:
    """What is bought once, per unit of equipment (installed unless stated).

    Parameters
    ----------
    server : pint.Quantity
        One 8-GPU server, 250,000 USD: the founding article's upper figure
        (2ND; DGX H100 list "from 199k USD", 2ND) [USD].
    facility : pint.Quantity
        Building, power and everything but cooling, per W of IT design power:
        9 USD/W, derived from ~10–12 M USD/MW all-in (2ND; the primer's "new
        liquid-cooled capacity ~11 M USD per MW") less a 15–20 % mechanical
        share (2ND) — an assumption [USD/W].
    crah : pint.Quantity
        CRAH / fan-wall capacity, 300 USD/kW of air-side heat (assumption) [USD/W].
    chiller : pint.Quantity
        Water-cooled chiller, 600 USD/ton (inside 300–1,200 USD/ton, weak 2ND) [USD/W].
    cooling_tower : pint.Quantity
        250 USD/ton of heat rejected (mid of 100–400 USD/ton, weak 2ND) [USD/W].
    dry_cooler : pint.Quantity
        Dry cooler with adiabatic pads, 150 USD/kW (assumption) [USD/W].
    plant_pumps_piping : pint.Quantity
        125 USD/ton of heat rejected (mid of 50–200 USD/ton, weak 2ND) [USD/W].
    cdu : pint.Quantity
        CDU or tank heat exchanger, 150 USD/kW of liquid heat (assumption) [USD/W].
    cold_plates : pint.Quantity
        Cold plates per GPU, CPU plates and hoses apportioned, 400 USD (assumption) [USD].
    manifold : pint.Quantity
        Rack manifold, 2,500 USD per rack (assumption) [USD].
    quick_disconnects : pint.Quantity
        Dripless quick-disconnect pairs per server, 300 USD (assumption) [USD].
    tank : pint.Quantity
        Single-phase immersion tank with pumps, 25,000 USD (assumption) [USD].
    two_phase_tank : pint.Quantity
        Sealed two-phase tank, 50,000 USD (assumption) [USD].
    condenser : pint.Quantity
        Two-phase condenser coils, 100 USD/kW (assumption) [USD/W].
    coolant_per_server : pint.Quantity
        Technology-loop coolant per cold-plated server, 5 L (assumption) [m³].
    installation_factor : float
        Installed / equipment cost, 1.25 (20–30 % of equipment, weak 2ND),
        applied to cooling equipment except fluid [-].
    maintenance_fraction : float
        Cooling maintenance per year as a share of cooling capex, 0.03 (assumption) [-].
    infrastructure_life : pint.Quantity
        Straight-line life of facility and cooling capex in a TCO, 20 years
        (ASHRAE HVAC Applications 2019 ch. 38 median service lives ~20–23 y
        for chillers and towers) [s].

    Examples
    --------
    >>> round(UnitCosts().si["chiller"], 4)  # USD per W of capacity
    0.1706
    """

    server: object = field(default_factory=lambda: Q_(250_000.0, "USD"))
    facility: object = field(default_factory=lambda: Q_(9.0, "USD/W"))
    crah: object = field(default_factory=lambda: Q_(300.0, "USD/kW"))
    chiller: object = field(default_factory=lambda: Q_(600.0, "USD/refrigeration_ton"))
    cooling_tower: object = field(default_factory=lambda: Q_(250.0, "USD/refrigeration_ton"))
    dry_cooler: object = field(default_factory=lambda: Q_(150.0, "USD/kW"))
    plant_pumps_piping: object = field(default_factory=lambda: Q_(125.0, "USD/refrigeration_ton"))
    cdu: object = field(default_factory=lambda: Q_(150.0, "USD/kW"))
    cold_plates: object = field(default_factory=lambda: Q_(400.0, "USD"))
    manifold: object = field(default_factory=lambda: Q_(2500.0, "USD"))
    quick_disconnects: object = field(default_factory=lambda: Q_(300.0, "USD"))
    tank: object = field(default_factory=lambda: Q_(25_000.0, "USD"))
    two_phase_tank: object = field(default_factory=lambda: Q_(50_000.0, "USD"))
    condenser: object = field(default_factory=lambda: Q_(100.0, "USD/kW"))
    coolant_per_server: object = field(default_factory=lambda: Q_(5.0, "L"))
    installation_factor: float = 1.25
    maintenance_fraction: float = 0.03
    infrastructure_life: object = field(default_factory=lambda: Q_(20.0, "year"))

    def __post_init__(self):
        m, c = MONEY.nonnegative(), COST_PER_POWER.nonnegative()
        _check_fields(self, {
            "server": m, "facility": c, "crah": c, "chiller": c, "cooling_tower": c, "dry_cooler": c,
            "plant_pumps_piping": c, "cdu": c, "cold_plates": m, "manifold": m, "quick_disconnects": m,
            "tank": m, "two_phase_tank": m, "condenser": c, "coolant_per_server": VOLUME.nonnegative(),
            "installation_factor": DIMENSIONLESS.spec(1.0, None), "maintenance_fraction": FRACTION,
            "infrastructure_life": TIME.positive(),
        })

    @property
    def si(self) -> dict:
        """Unit costs as SI floats."""
        return dict(self._si)

    def replace(self, **changes) -> "UnitCosts":
        """A copy with some unit costs changed."""
        return dataclasses.replace(self, **changes)

