"""Capital and operating costs of a cooling architecture.

Three layers:

1. primitives with units (:func:`energy_cost`, :func:`tou_energy_cost`,
   :func:`water_cost`, :func:`lost_revenue`, :func:`design_point_annual_energy`);
2. :class:`Prices` (what is bought every year) and :class:`UnitCosts` (what
   is bought once), every default with its source and grade — SPEC, MEAS,
   VENDOR, 2ND (a secondary source) or **assumption**;
3. :func:`architecture_costs`, which reads the equipment of a
   :class:`~coolsim.chain.CoolingChain` and its design-point
   :class:`~coolsim.chain.ChainResult` and prices it.

Annual inputs.  Annual energy, water and server downtime are plain
Quantities, so they can come from an hourly simulation when one is available.
Without them the design point is used: **annual energy = design-point
facility power × 8,760 h** and annual water = design-point water rate ×
8,760 h — an upper bound, since the design point is the hottest hour at full
load.  Downtime, repair labour and service fluid losses default to the
analytic fleet model of :mod:`coolsim.reliability` (Llama 3 failure rate,
each architecture's repair workflow).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np

from ..capture.base import Circuit
from ..errors import OutOfRangeError, UnitError
from ..rejection import CoolingTower, DryCooler
from ..reliability.failures import LLAMA3_405B_INTERRUPTIONS
from ..reliability.repair import AIR_HOT_SWAP, COLD_PLATE_QD, IMMERSION_SINGLE_PHASE, IMMERSION_TWO_PHASE, RepairWorkflow
from ..units import (
    DIMENSIONLESS,
    ENERGY,
    ENERGY_PRICE,
    FRACTION,
    MONEY,
    MONEY_RATE,
    POWER,
    TIME,
    VOLUME,
    Kind,
    Q_,
    quantity_io,
    to_si,
)
from .finance import YEAR_S

__all__ = [
    "COST_PER_POWER",
    "VOLUME_PRICE",
    "DESIGN_HOURS",
    "design_point_annual_energy",
    "energy_cost",
    "tou_energy_cost",
    "time_of_use_prices",
    "water_cost",
    "lost_revenue",
    "Prices",
    "default_prices",
    "UnitCosts",
    "Equipment",
    "equipment_from_chain",
    "ArchitectureCosts",
    "architecture_costs",
    "reprice",
    "WORKFLOWS",
]

#: Money per power (unit costs of plant sized by heat), e.g. "1200 USD/kW" (defined here; move to units.py).
COST_PER_POWER = Kind("money per power", "USD/W", "Q_(1200, 'USD/kW') or Q_(600, 'USD/refrigeration_ton')")
#: Money per volume (water, fluids), e.g. "2.5 USD/L" (defined here; move to units.py).
VOLUME_PRICE = Kind("money per volume", "USD/m**3", "Q_(2.5, 'USD/L') or Q_(0.0053, 'USD/gal')")
#: Operating hours in the design-point annual estimate.
DESIGN_HOURS = Q_(8760.0, "hour")

_EP = ENERGY_PRICE.nonnegative()
_VP = VOLUME_PRICE.nonnegative()
_MR = MONEY_RATE.nonnegative()


# ---------------------------------------------------------------------------- primitives
@quantity_io(returns=ENERGY, power=POWER.nonnegative(), hours=TIME.positive())
def design_point_annual_energy(power, hours=8760.0 * 3600.0):
    """Annual energy if the design-point power ran all year.

    Parameters
    ----------
    power : pint.Quantity
        Design-point (facility) power [W].
    hours : pint.Quantity
        Operating time per year; default 8,760 h [s].

    Returns
    -------
    pint.Quantity
        :math:`E = P\\,t` [J].

    Notes
    -----
    A simplification until hourly results are wired in: the design point is
    the hottest hour at full utilisation, so this overestimates the energy of
    every architecture (most for those with chillers and economizers).

    References
    ----------
    .. [1] The Green Grid, *PUE: A Comprehensive Examination of the Metric*,
       White Paper 49, 2012 (annual energy as the basis of PUE).

    Examples
    --------
    >>> from coolsim import Q_
    >>> design_point_annual_energy(Q_(1, "MW")).to("MWh")
    <Quantity(8760.0, 'megawatt_hour')>
    """
    return power * hours


@quantity_io(returns=MONEY, energy=ENERGY.nonnegative(), price=_EP)
def energy_cost(energy, price):
    """Cost of energy at a flat price (element by element).

    Parameters
    ----------
    energy : pint.Quantity
        Energy bought [J].
    price : pint.Quantity
        Price, e.g. ``Q_(0.0892, "USD/kWh")``, ``Q_(8.92, "cent/kWh")`` or ``Q_(89.2, "USD/MWh")`` [USD/J].

    Returns
    -------
    pint.Quantity
        :math:`C = E\\,p` [USD].

    Notes
    -----
    Energy charges only: demand (per-kW) charges and taxes are not modelled.

    References
    ----------
    .. [1] U.S. EIA, *Electric Power Annual 2023*, table 2.10 (average retail
       prices by state; Virginia commercial/industrial context, domain primer).

    Examples
    --------
    >>> from coolsim import Q_
    >>> energy_cost(Q_(1000, "kWh"), Q_(8.92, "cent/kWh")).to("USD")
    <Quantity(89.2, 'US_dollar')>
    """
    return energy * price


@quantity_io(returns=MONEY, hourly_energy=ENERGY.nonnegative(), hourly_price=_EP)
def tou_energy_cost(hourly_energy, hourly_price):
    """Cost of energy under a time-of-use tariff: sum over the last axis of energy × price.

    Parameters
    ----------
    hourly_energy : pint.Quantity
        Energy in each hour (last axis: hours of the year) [J].
    hourly_price : pint.Quantity
        Price in each hour, broadcasting against ``hourly_energy`` [USD/J].

    Returns
    -------
    pint.Quantity
        :math:`C = \\sum_h E_h p_h` [USD] (leading axes kept).

    Notes
    -----
    Equals :func:`energy_cost` of the annual total when the price is flat.

    References
    ----------
    .. [1] U.S. DOE FEMP, *Time-of-use rates* (tariff structure), energy.gov/femp.

    Examples
    --------
    >>> from coolsim import Q_
    >>> tou_energy_cost(Q_([1, 1], "MWh"), Q_([50, 150], "USD/MWh")).to("USD")
    <Quantity(200.0, 'US_dollar')>
    """
    return np.sum(np.asarray(hourly_energy) * hourly_price, axis=-1)


@quantity_io(returns=ENERGY_PRICE, peak=_EP, off_peak=_EP)
def time_of_use_prices(peak, off_peak, peak_start=12, peak_end=20, hours=8760):
    """Hourly prices of a simple two-period tariff (peak on the same hours every day).

    Parameters
    ----------
    peak : pint.Quantity
        Price in peak hours [USD/J].
    off_peak : pint.Quantity
        Price outside them [USD/J].
    peak_start, peak_end : int
        Peak window, hours of the day, ``0 <= start < end <= 24`` [h].
    hours : int
        Hours in the year (8,760) [-].

    Returns
    -------
    pint.Quantity
        Hourly prices, shape ``(hours,)`` [USD/J].

    Notes
    -----
    Hour ``h`` is peak when ``peak_start <= h mod 24 < peak_end``; weekends and
    seasons are not distinguished.

    References
    ----------
    .. [1] U.S. DOE FEMP, *Time-of-use rates*, energy.gov/femp.

    Examples
    --------
    >>> from coolsim import Q_
    >>> p = time_of_use_prices(Q_(0.15, "USD/kWh"), Q_(0.06, "USD/kWh"))
    >>> round(float(p.mean().m_as("USD/kWh")), 4)
    0.09
    """
    if not (0 <= peak_start < peak_end <= 24):
        raise OutOfRangeError(f"parameters 'peak_start'/'peak_end' must satisfy 0 <= start < end <= 24; got {peak_start}, {peak_end}")
    if int(hours) != hours or hours < 1:
        raise OutOfRangeError(f"parameter 'hours' must be a whole number >= 1; got {hours!r}")
    h = np.arange(int(hours)) % 24
    return np.where((h >= peak_start) & (h < peak_end), peak, off_peak)


@quantity_io(returns=MONEY, volume=VOLUME.nonnegative(), price=_VP)
def water_cost(volume, price):
    """Cost of water bought.

    Parameters
    ----------
    volume : pint.Quantity
        Water bought [m³].
    price : pint.Quantity
        Price per volume, e.g. ``Q_(5.3e-3, "USD/gal")`` [USD/m³].

    Returns
    -------
    pint.Quantity
        :math:`C = V\\,p` [USD].

    Notes
    -----
    A volumetric rate only (connection and availability charges are capex-like
    and not modelled).

    References
    ----------
    .. [1] Loudoun Water, consumption usage rates effective 1 Jan 2024 (water
       tier 1 3.86 USD and sewer 5.76 USD per 1,000 gal), loudounwater.org.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(water_cost(Q_(1000, "gal"), Q_(5.3e-3, "USD/gal")).m), 2)
    5.3
    """
    return volume * price


@quantity_io(returns=MONEY, server_downtime=TIME.nonnegative(), gpus_per_server=DIMENSIONLESS.positive(), gpu_hour_price=_MR)
def lost_revenue(server_downtime, gpus_per_server, gpu_hour_price):
    """Revenue lost while servers are down.

    Parameters
    ----------
    server_downtime : pint.Quantity
        Server-time lost, summed over the fleet [s].
    gpus_per_server : float or array_like
        GPUs per server [-].
    gpu_hour_price : pint.Quantity
        Rental price of one GPU per time, e.g. ``Q_(4, "USD/hour")`` [USD/s].

    Returns
    -------
    pint.Quantity
        :math:`L = D\\,g\\,p` [USD].

    Notes
    -----
    Assumes every GPU-hour would have been sold (full occupancy): an upper bound.

    References
    ----------
    .. [1] Founding article (GPU rental at ~4 USD per GPU-hour); 2–3.5 USD at
       specialist clouds in 2025–26 (2ND, domain primer).

    Examples
    --------
    >>> from coolsim import Q_
    >>> lost_revenue(Q_(10, "hour"), 8, Q_(4, "USD/hour")).to("USD")
    <Quantity(320.0, 'US_dollar')>
    """
    return server_downtime * gpus_per_server * gpu_hour_price


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


# ---------------------------------------------------------------------------- equipment
#: Repair workflow by architecture kind (coolsim.reliability defaults).
WORKFLOWS = {
    "forced_air": AIR_HOT_SWAP,
    "direct_to_chip": COLD_PLATE_QD,
    "immersion_single_phase": IMMERSION_SINGLE_PHASE,
    "immersion_two_phase": IMMERSION_TWO_PHASE,
}


@dataclass(frozen=True)
class Equipment:
    """Equipment counts and capacities of one architecture (SI floats)."""

    kind: str
    servers: int
    gpus_per_server: int
    racks: int
    it_design_power: float  # W, servers at maximum power (sizes the facility)
    facility_power: float  # W, design point
    air_heat: float  # W, to air coils (CRAH / fan wall)
    chiller_capacity: float  # W
    tower_capacity: float  # W
    dry_cooler_capacity: float  # W
    plant_heat: float  # W, all heat rejected
    liquid_heat: float  # W, to CDUs / tank exchangers / condensers
    tanks: int
    fluid_volume: float  # m³ of fill
    fluid: str | None  # "coolant", "oil", "fluorinated" or None
    fluid_topup: float  # m³/year lost to vapour (two-phase)
    water_rate: float  # m³/s at the design point

    @property
    def gpus(self) -> int:
        return self.servers * self.gpus_per_server


def equipment_from_chain(chain, result, it_load) -> Equipment:
    """Read the equipment of a chain from its design-point result.

    Parameters
    ----------
    chain : CoolingChain
        The architecture (plants tell whether there is a chiller, tower or dry cooler).
    result : ChainResult
        Its design-point run (scalars); sizes every capacity.
    it_load : ITLoad
        Servers and racks.

    Returns
    -------
    Equipment
    """
    cap = result.capture
    if np.ndim(cap.it_power) != 0:
        raise OutOfRangeError("parameter 'result' must be a single design point (scalar results), not a sweep")
    kind = cap.kind
    air = chiller = tower = dry = plant_heat = 0.0
    for stream, pr in zip(cap.streams, result.rejection.plants):
        liquid = stream.circuit is Circuit.FACILITY_WATER
        plant = chain.rejection.facility_water if (liquid and chain.rejection.facility_water is not None) else chain.rejection.chilled_water
        heat = float(stream.heat)
        if not liquid:
            air += heat
        if plant.chiller is not None:
            chiller += heat
        rejected = float(pr.heat_rejected)
        plant_heat += rejected
        if isinstance(plant.sink, CoolingTower):
            tower += rejected
        elif isinstance(plant.sink, DryCooler):
            dry += rejected
    d = cap.details
    tanks = int(d["tank_count"][0]) if "tank_count" in d else 0
    fluid, volume, topup = None, 0.0, 0.0
    if kind == "direct_to_chip":
        fluid = "coolant"
    elif kind == "immersion_single_phase":
        fluid, volume = "oil", float(d["fluid_volume"][0])
    elif kind == "immersion_two_phase":
        fluid, volume = "fluorinated", float(d["fluid_volume"][0])
        density = float(d["fluid_mass"][0]) / volume
        topup = float(d.get("vapour_loss_per_year", (0.0,))[0]) / density
    return Equipment(
        kind=kind, servers=it_load.server_count, gpus_per_server=it_load.server.gpu_count, racks=it_load.racks,
        it_design_power=float(it_load.server._si["max_power"]) * it_load.server_count,
        facility_power=float(result.facility_power_si), air_heat=air, chiller_capacity=chiller, tower_capacity=tower,
        dry_cooler_capacity=dry, plant_heat=plant_heat, liquid_heat=float(cap.heat_to_liquid), tanks=tanks,
        fluid_volume=volume, fluid=fluid, fluid_topup=topup, water_rate=float(result.rejection.water_use),
    )


# ---------------------------------------------------------------------------- costs of one architecture
_COOLING = ("crah", "chiller", "cooling_tower", "dry_cooler", "plant_pumps_piping", "cdu", "cold_plates",
            "manifolds", "quick_disconnects", "tanks", "condensers")


@dataclass(frozen=True)
class ArchitectureCosts:
    """Costs of one architecture: capex items [USD] and annual items [USD/year] (SI floats).

    ``capex`` keys: ``servers``, ``facility``, the cooling items (installed)
    and ``fluid_fill``.  ``opex`` keys (per year): ``energy``, ``water``,
    ``fluid``, ``maintenance``, ``repair_labour``, ``spares``.  Lost revenue
    is kept apart (``lost_revenue``, per year): it is income forgone, not a
    cost of providing the infrastructure.
    """

    name: str
    kind: str
    capex: dict
    opex: dict
    lost_revenue: float
    annual_energy: float  # J per year
    gpus: int
    availability: float
    infrastructure_life_years: float
    server_downtime: float = 0.0  # server-seconds per year
    gpus_per_server: int = 8
    gpu_hour_price: float = 0.0  # USD per GPU-second
    equipment: Equipment | None = field(default=None, repr=False)

    @property
    def cooling_capex(self) -> float:
        """Installed cooling equipment and fluid fill [USD]."""
        return sum(self.capex.get(k, 0.0) for k in (*_COOLING, "fluid_fill"))

    @property
    def total_capex(self) -> float:
        """Servers + facility + cooling [USD]."""
        return sum(self.capex.values())

    @property
    def annual_opex(self) -> float:
        """Sum of the annual operating costs, lost revenue excluded [USD/year]."""
        return sum(self.opex.values())


def architecture_costs(chain, result, it_load, prices: Prices | None = None, unit_costs: UnitCosts | None = None,
                       annual_energy=None, annual_water=None, server_downtime=None, hourly_price=None,
                       workflow: RepairWorkflow | None = None, name: str | None = None) -> ArchitectureCosts:
    """Price one architecture.

    Parameters
    ----------
    it_load : ITLoad
        The hall (servers, GPUs, racks).
    chain, result, it_load
        The architecture, its design-point result and the hall (see :func:`equipment_from_chain`).
    prices : Prices, optional
        Default :func:`default_prices`.
    unit_costs : UnitCosts, optional
        Default :class:`UnitCosts`.
    annual_energy : pint.Quantity, optional
        Facility energy per year; default design-point power × 8,760 h.  With
        ``hourly_price``: the energy of each hour (last axis) [J].
    annual_water : pint.Quantity, optional
        Water bought per year; default design-point rate × 8,760 h [m³].
    server_downtime : pint.Quantity, optional
        Server-time lost per year; default from the reliability model [s].
    hourly_price : pint.Quantity, optional
        Hourly electricity prices (time-of-use) replacing ``prices.electricity`` [USD/J].
    workflow : RepairWorkflow, optional
        Repair workflow; default :data:`WORKFLOWS` of the architecture's kind
        (e.g. pass ``immersion_single_phase(drain_time=...)``).
    name : str, optional
        Label; default the chain's name.

    Returns
    -------
    ArchitectureCosts
    """
    prices = prices or default_prices()
    uc = unit_costs or UnitCosts()
    p, u = prices.si, uc.si
    eq = equipment_from_chain(chain, result, it_load)
    hours = DESIGN_HOURS.m_as("s")
    if hourly_price is not None:
        if annual_energy is None:
            raise OutOfRangeError("parameter 'annual_energy' must be given (hourly energies) with 'hourly_price'")
        e_cost = float(tou_energy_cost.si(to_si(annual_energy, ENERGY.nonnegative(), "annual_energy"),
                                          to_si(hourly_price, _EP, "hourly_price")))
        energy = float(np.sum(to_si(annual_energy, ENERGY.nonnegative(), "annual_energy")))
    else:
        energy = eq.facility_power * hours if annual_energy is None else float(to_si(annual_energy, ENERGY.nonnegative(), "annual_energy"))
        e_cost = energy * p["electricity"]
    water = eq.water_rate * hours if annual_water is None else float(to_si(annual_water, VOLUME.nonnegative(), "annual_water"))

    if workflow is None:
        workflow = WORKFLOWS.get(eq.kind, AIR_HOT_SWAP)
    if not isinstance(workflow, RepairWorkflow):
        raise OutOfRangeError(f"parameter 'workflow' must be a RepairWorkflow; got {type(workflow).__name__}")
    mtbf = 1.0 / float(LLAMA3_405B_INTERRUPTIONS.unit_failure_rate().m_as("1/s"))
    failures = eq.servers * YEAR_S / (mtbf + workflow.duration_si)  # per year (alternating renewal)
    downtime = failures * workflow.duration_si if server_downtime is None else float(
        to_si(server_downtime, TIME.nonnegative(), "server_downtime"))
    availability = 1.0 - downtime / (eq.servers * YEAR_S)
    labour_s = failures * float(workflow.labour().m_as("s"))

    plated = eq.kind == "direct_to_chip"
    two_phase = eq.kind == "immersion_two_phase"
    raw = {
        "crah": u["crah"] * eq.air_heat,
        "chiller": u["chiller"] * eq.chiller_capacity,
        "cooling_tower": u["cooling_tower"] * eq.tower_capacity,
        "dry_cooler": u["dry_cooler"] * eq.dry_cooler_capacity,
        "plant_pumps_piping": u["plant_pumps_piping"] * eq.plant_heat,
        "cdu": 0.0 if two_phase else u["cdu"] * eq.liquid_heat,
        "cold_plates": u["cold_plates"] * eq.gpus if plated else 0.0,
        "manifolds": u["manifold"] * eq.racks if plated else 0.0,
        "quick_disconnects": u["quick_disconnects"] * eq.servers if plated else 0.0,
        "tanks": eq.tanks * (u["two_phase_tank"] if two_phase else u["tank"]),
        "condensers": u["condenser"] * eq.liquid_heat if two_phase else 0.0,
    }
    fluid_price = p[eq.fluid] if eq.fluid else 0.0
    fill = (u["coolant_per_server"] * eq.servers) if plated else eq.fluid_volume
    capex = {"servers": u["server"] * eq.servers, "facility": u["facility"] * eq.it_design_power}
    capex.update({k: v * u["installation_factor"] for k, v in raw.items()})
    capex["fluid_fill"] = fill * fluid_price
    cooling = sum(capex[k] for k in _COOLING)
    fluid_loss = failures * workflow.fluid_loss_si + eq.fluid_topup
    opex = {
        "energy": e_cost,
        "water": water * p["water"],
        "fluid": fluid_loss * fluid_price,
        "maintenance": u["maintenance_fraction"] * cooling,
        "repair_labour": labour_s * p["labour"],
        "spares": p["spares"] * YEAR_S,
    }
    lost = downtime * eq.gpus_per_server * p["gpu_hour"]
    return ArchitectureCosts(name or chain.name or eq.kind, eq.kind, capex, opex, lost, energy, eq.gpus,
                             availability, u["infrastructure_life"] / YEAR_S, downtime, eq.gpus_per_server,
                             p["gpu_hour"], eq)


def reprice(costs: ArchitectureCosts, electricity_price=None, gpu_hour_price=None, annual_energy=None,
            server_downtime=None, capex_scale=1.0) -> ArchitectureCosts:
    """A copy of ``costs`` with a flat electricity price, a GPU-hour price, the
    annual energy, the server downtime or the cooling capex changed (for sensitivities).

    Parameters
    ----------
    costs : ArchitectureCosts
    electricity_price : pint.Quantity, optional
        Flat price replacing the energy cost's price [USD/J].
    gpu_hour_price : pint.Quantity, optional
        [USD/s] per GPU.
    annual_energy : pint.Quantity, optional
        [J] per year.
    server_downtime : pint.Quantity, optional
        [s] of server-time lost per year.
    capex_scale : float
        Multiplies every cooling capex item and the maintenance tied to it, > 0 [-].
    """
    energy = costs.annual_energy if annual_energy is None else float(to_si(annual_energy, ENERGY.nonnegative(), "annual_energy"))
    price = (costs.opex.get("energy", 0.0) / costs.annual_energy if costs.annual_energy > 0 else 0.0) if electricity_price is None \
        else float(to_si(electricity_price, _EP, "electricity_price"))
    gpu = costs.gpu_hour_price if gpu_hour_price is None else float(to_si(gpu_hour_price, _MR, "gpu_hour_price"))
    down = costs.server_downtime if server_downtime is None else float(to_si(server_downtime, TIME.nonnegative(), "server_downtime"))
    scale = float(to_si(capex_scale, DIMENSIONLESS.positive(), "capex_scale"))
    capex = {k: (v * scale if k in (*_COOLING, "fluid_fill") else v) for k, v in costs.capex.items()}
    opex = dict(costs.opex, energy=energy * price, maintenance=costs.opex.get("maintenance", 0.0) * scale)
    servers = costs.gpus / costs.gpus_per_server
    return dataclasses.replace(costs, capex=capex, opex=opex, annual_energy=energy, server_downtime=down,
                               gpu_hour_price=gpu, lost_revenue=down * costs.gpus_per_server * gpu,
                               availability=1.0 - down / (servers * YEAR_S))
