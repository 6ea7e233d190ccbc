"""Capital and operating costs of a cooling architecture.

Three layers:

1. primitives with units (:func:`energy_cost`, :func:`tou_energy_cost`,
   :func:`water_cost`, :func:`lost_revenue`, :func:`design_point_annual_energy`),
   in :mod:`coolsim.economics.charges`;
2. :class:`Prices` (what is bought every year) and :class:`UnitCosts` (what
   is bought once), every default with its source and grade — SPEC, MEAS,
   VENDOR, 2ND (a secondary source) or **assumption** — in
   :mod:`coolsim.economics.prices`;
3. here, :func:`architecture_costs`, which reads the equipment of a
   :class:`~coolsim.chain.CoolingChain` and its design-point
   :class:`~coolsim.chain.ChainResult` and prices it, and :func:`reprice`.

Every name of the first two layers is re-exported here, so
``from coolsim.economics.costs import Prices, energy_cost`` keeps working.

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
from ..errors import OutOfRangeError
from ..rejection import CoolingTower, DryCooler
from ..reliability.failures import LLAMA3_405B_INTERRUPTIONS
from ..reliability.repair import AIR_HOT_SWAP, COLD_PLATE_QD, IMMERSION_SINGLE_PHASE, IMMERSION_TWO_PHASE, RepairWorkflow
from ..units import DIMENSIONLESS, ENERGY, TIME, VOLUME, to_si
from . import charges as _charges
from . import prices as _prices
from .charges import (
    _EP,
    _MR,
    DESIGN_HOURS,
    VOLUME_PRICE,
    design_point_annual_energy,
    energy_cost,
    lost_revenue,
    time_of_use_prices,
    tou_energy_cost,
    water_cost,
)
from .finance import YEAR_S
from .prices import COST_PER_POWER, Prices, UnitCosts, default_prices

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


# Private names that lived in this module before the split, kept importable from it.
_VP = _charges._VP
_check_fields = _prices._check_fields


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
