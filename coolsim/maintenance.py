"""Maintenance downtime, spares and ride-through for a chain result.

This module joins the reliability layer (:mod:`coolsim.reliability`) to the
cooling chain: given a :class:`~coolsim.chain.ChainResult` and a
:class:`MaintenancePolicy`, :func:`maintenance_summary` returns what the
architecture costs in availability, downtime, lost GPU-hours and revenue,
spares, and how long the hall rides through a loss of heat rejection.

Model
-----
* **Failures that need a technician**: the rows of the Llama 3 interruption
  table (Dubey et al. 2024, Table 5) whose root cause is inside the server —
  the GPU and host rows and unplanned host maintenance: 321 of the 419
  interruptions.  Software, network and unknown causes are restarted without
  touching the server (an assumption about the table's categories).  Per
  server: 321 / (2,048 hosts × 54 days) → MTBF ≈ 8,270 h.
* **Optional temperature acceleration** (a model choice, off by default): the
  GPU rows are scaled by the Arrhenius factor of the chain's hottest device
  temperature against ``reference_device_temperature`` (the temperature the
  published rates are taken to belong to: 80 °C, an assumption for
  air-cooled H100s under training load).
* **Repair workflow by architecture** (:mod:`coolsim.reliability.repair`):
  hot swap (forced air), quick-disconnect pull (direct-to-chip), lift and
  drain (single-phase immersion, drain time an input, default 1 h — the
  founding article's figure; no published measurement was found), lid
  opening with vapour loss (two-phase immersion).  Chosen by the capture's
  kind (a label of the result, not a model switch).
* **Availability** per server :math:`A = MTBF/(MTBF + MTTR)`; downtime per
  server-year :math:`(1 - A)\\,8760\\,h`; lost GPU-hours and revenue scale it
  by the fleet's GPUs and the GPU-hour price.
* **Spares**: the Poisson stock that covers the fleet's failures during the
  restock window at ``service_level``.
* **Ride-through** after the heat-rejection plant stops (fans and pumps on
  UPS, IT running): the time until the first limit is reached — IT inlet air
  at the air class's allowable maximum (room air plus the servers' own heat
  capacity, well mixed), or the coolant/tank fluid warming to the temperature at
  which the hottest junction reaches its limit, or, for two-phase tanks, the
  time until vapour reaches the vent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import reliability as _rel
from .errors import OutOfRangeError
from .units import FRACTION, MONEY_RATE, Q_, TIME, TEMPERATURE, to_si

__all__ = ["MaintenancePolicy", "MaintenanceSummary", "maintenance_summary", "SERVICE_COMPONENTS"]

SERVICE_COMPONENTS = tuple(
    c.component for c in _rel.LLAMA3_405B_INTERRUPTIONS.categories
    if c.category in ("GPU", "Host", "Unplanned Maintenance")
)
"""Rows of the Llama 3 table that need the server serviced (see the module notes)."""

_GPU_ROWS = tuple(c.component for c in _rel.LLAMA3_405B_INTERRUPTIONS.categories if c.category == "GPU")

from .chain import WHITE_SPACE_PER_RACK  # noqa: E402

HALL_HEIGHT = 4.5
"""Clear height of the white space [m] (assumption: raised-floor halls 4–5 m to the ceiling)."""

TCS_INVENTORY = 120.0
"""Technology-loop coolant inventory as seconds of design flow [s] (assumption: piping,
manifolds and CDU reservoir hold about two minutes of flow)."""

SERVER_HEAT_CAPACITY = 130.0 * 500.0
"""Heat capacity of one 8-GPU server that the room air exchanges heat with [J/K]
(assumption: ~130 kg per DGX-H100-class system, NVIDIA user guide via 2ND, at
~500 J/(kg·K) for its mix of steel, aluminium and copper)."""

TWO_PHASE_HEADSPACE = 0.2
"""Free vapour headspace per two-phase tank [m³] (assumption)."""


@dataclass(frozen=True)
class MaintenancePolicy:
    """Prices and service assumptions for the maintenance comparison.

    Parameters
    ----------
    gpu_hour_price : pint.Quantity
        Revenue of one GPU-hour; default 4 USD/hour (the founding article;
        2–3.5 USD at specialist clouds in 2025–26, 2ND) [USD/s].
    drain_time : pint.Quantity
        Lift-and-drain time of an immersed server before service; default
        1 hour (assumption from the founding article) [s].
    restock_time : pint.Quantity
        Time to replace a used spare; default 7 days (assumption) [s].
    service_level : float
        Probability that the spares pool is not exhausted in a restock window;
        default 0.99 [-].
    temperature_acceleration : bool
        Scale GPU failure rates by the Arrhenius factor of the device
        temperature (model choice; default off).
    activation_energy : pint.Quantity
        Arrhenius activation energy; default 0.7 eV (JEDEC JEP122 typical) [J].
    reference_device_temperature : pint.Quantity
        Device temperature the published failure rates belong to; default
        80 °C (assumption) [K].
    """

    gpu_hour_price: object = field(default_factory=lambda: Q_(4.0, "USD/hour"))
    drain_time: object = field(default_factory=lambda: Q_(1.0, "hour"))
    restock_time: object = field(default_factory=lambda: Q_(7.0, "day"))
    service_level: float = 0.99
    temperature_acceleration: bool = False
    activation_energy: object = field(default_factory=lambda: Q_(0.7, "eV"))
    reference_device_temperature: object = field(default_factory=lambda: Q_(80.0, "degC"))

    def __post_init__(self):
        to_si(self.gpu_hour_price, MONEY_RATE.nonnegative(), "gpu_hour_price")
        to_si(self.drain_time, TIME.nonnegative(), "drain_time")
        to_si(self.restock_time, TIME.positive(), "restock_time")
        to_si(self.service_level, FRACTION.kind.spec(0.0, 1.0, hi_open=True), "service_level")
        to_si(self.reference_device_temperature, TEMPERATURE.between(273.15, 423.15), "reference_device_temperature")
        if not isinstance(self.temperature_acceleration, bool):
            raise OutOfRangeError(f"parameter 'temperature_acceleration' must be true or false; got {self.temperature_acceleration!r}")


@dataclass(frozen=True)
class MaintenanceSummary:
    """Maintenance figures of one architecture (Quantities; ratios as floats)."""

    workflow: object
    server_mtbf: object
    repair_time: object
    availability: float
    downtime_per_server_year: object
    lost_gpu_hours_per_year: object
    lost_revenue_per_year: object
    spares_needed: int
    ride_through_time: object
    ride_through_limit: str

    def to_json(self) -> dict:
        def q(x, unit):
            return {"magnitude": float(np.max(x.to(unit).magnitude)), "units": unit}

        return {
            "workflow": self.workflow.name,
            "server_mtbf": q(self.server_mtbf, "second"),
            "repair_time": q(self.repair_time, "second"),
            "availability": float(np.min(self.availability)),
            "downtime_per_server_year": q(self.downtime_per_server_year, "second"),
            "lost_gpu_hours_per_year": float(np.max(self.lost_gpu_hours_per_year)),
            "lost_revenue_per_year": {"magnitude": float(np.max(self.lost_revenue_per_year.to("USD/year").magnitude)),
                                      "units": "USD / year"},
            "spares_needed": int(np.max(self.spares_needed)),
            "ride_through_time": q(self.ride_through_time, "second"),
            "ride_through_limit": self.ride_through_limit,
        }


def _workflow(kind, policy):
    if kind == "forced_air":
        return _rel.AIR_HOT_SWAP
    if kind == "direct_to_chip":
        return _rel.COLD_PLATE_QD
    if kind == "immersion_single_phase":
        return _rel.immersion_single_phase(drain_time=policy.drain_time)
    if kind == "immersion_two_phase":
        return _rel.IMMERSION_TWO_PHASE
    raise OutOfRangeError(f"no repair workflow for capture kind {kind!r}")


def _failure_rate(result, policy):
    data = _rel.LLAMA3_405B_INTERRUPTIONS
    other = [c for c in SERVICE_COMPONENTS if c not in _GPU_ROWS]
    gpu_rate = data.unit_failure_rate(list(_GPU_ROWS))
    if policy.temperature_acceleration:
        t_dev = Q_(float(np.max(result.capture.max_device_temperature)), "K")
        gpu_rate = _rel.accelerated_failure_rate(gpu_rate, t_dev, policy.reference_device_temperature,
                                                 policy.activation_energy)
    return gpu_rate + data.unit_failure_rate(other)


def _si(value, kind, name):
    return to_si(value, kind, name)


def _junction_margin(result, capture):
    """Smallest junction-limit margin of the hall [K]; <= 0 when a device is already at its limit."""
    limit = _si(capture.junction_limit, TEMPERATURE, "junction_limit")
    return float(np.min(limit - np.asarray(result.capture.max_device_temperature)))


def _ride_through(chain, result, it_load):
    c = result.capture
    capture = chain.capture
    kind = c.kind
    power = Q_(float(np.max(c.it_power)), "W")
    if kind == "forced_air":
        volume = Q_(it_load.racks * WHITE_SPACE_PER_RACK * HALL_HEIGHT, "m**3")
        air_class = capture.air_side.air_class
        limit = getattr(air_class, "allowable_max", None)
        if limit is None:
            from .capture.air_classes import air_class as _lookup

            limit = _lookup(air_class).allowable_max
        structure = Q_(it_load.server_count * SERVER_HEAT_CAPACITY, "J/K")
        t = _rel.room_air_ride_through(power, volume, Q_(float(np.max(c.it_inlet_temperature)), "K"), limit,
                                       structure)
        return t, "IT inlet air reaches the class allowable maximum"
    if kind == "immersion_two_phase":
        tanks = float(np.max(c.details["tank_count"][0]))
        mass = Q_(float(np.max(c.details["fluid_mass"][0])) / tanks, "kg")
        t = _rel.two_phase_ride_through(power / tanks, capture.fluid, mass, Q_(TWO_PHASE_HEADSPACE, "m**3"))
        return t, "vapour reaches the tank vent (condensers off)"
    margin = _junction_margin(result, capture)
    if margin <= 0.0:  # nothing to ride through: reported as such, not clamped to a tiny margin
        return Q_(0.0, "s"), "a junction is already at or above its limit with the plant running"
    if kind == "direct_to_chip":
        volume = Q_(float(np.max(c.coolant_flow)) * TCS_INVENTORY, "m**3")
        t0 = _si(capture.tcs_supply_temperature, TEMPERATURE, "tcs_supply_temperature")
        t0 = float(np.max(t0))
        t = _rel.coolant_ride_through(Q_(float(np.max(c.heat_to_liquid)), "W"), volume, capture.coolant,
                                      Q_(t0, "K"), Q_(t0 + margin, "K"))
        return t, "technology-loop coolant warms until the hottest junction reaches its limit"
    volume = Q_(float(np.max(c.details["fluid_volume"][0])), "m**3")
    t0 = float(np.max(_si(capture.fluid_supply_temperature, TEMPERATURE, "fluid_supply_temperature")))
    t = _rel.coolant_ride_through(power, volume, capture.fluid, Q_(t0, "K"), Q_(t0 + margin, "K"))
    return t, "tank fluid warms until the hottest junction reaches its limit"


def maintenance_summary(chain, result, it_load, policy: MaintenancePolicy | None = None) -> MaintenanceSummary:
    """Maintenance figures of one architecture's chain result.

    Parameters
    ----------
    chain : CoolingChain
        The architecture (its capture component gives fluids and limits).
    result : ChainResult
        The architecture at its operating point.
    it_load : ITLoad
        The hall (server count and GPUs per server).
    policy : MaintenancePolicy, optional
        Prices and service assumptions; defaults as documented.

    Returns
    -------
    MaintenanceSummary
    """
    policy = policy or MaintenancePolicy()
    workflow = _workflow(result.kind, policy)
    rate = _failure_rate(result, policy)
    mtbf = (1.0 / rate).to("hour")
    mttr = workflow.duration().to("hour")
    a = float(_rel.availability(mtbf, mttr))
    down = _rel.downtime_per_year(a).to("hour")
    gpus = it_load.server_count * it_load.server.gpu_count
    lost_gpu_hours = gpus * down.to("hour").magnitude
    revenue = (Q_(lost_gpu_hours, "hour") * policy.gpu_hour_price).to("USD") / Q_(1.0, "year")
    spares = int(_rel.spares_for_service_level(rate, policy.restock_time, it_load.server_count, policy.service_level))
    ride, limit = _ride_through(chain, result, it_load)
    return MaintenanceSummary(workflow, mtbf, mttr, a, down, lost_gpu_hours, revenue.to("USD/year"), spares,
                              ride.to("minute"), limit)


def maintenance_markdown(case, results, drain_times_h=(0.0, 0.5, 1.0, 1.5, 2.0, 3.0)) -> str:
    """Markdown tables for ``docs/maintenance.md``: each architecture's figures, then
    the immersion drain-time sensitivity (0–3 h)."""
    names = list(results)
    sums = {n: maintenance_summary(case.architectures[n], results[n], case.it_load, case.maintenance) for n in names}
    lines = ["| | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    rows = [
        ("repair workflow", lambda m: m.workflow.name),
        ("repair time per failure [h]", lambda m: f"{float(m.repair_time.to('hour').m):.2f}"),
        ("availability per server [%]", lambda m: f"{100 * m.availability:.3f}"),
        ("downtime per server-year [h]", lambda m: f"{float(m.downtime_per_server_year.to('hour').m):.2f}"),
        ("lost GPU-hours per year", lambda m: f"{float(np.max(m.lost_gpu_hours_per_year)):,.0f}"),
        ("lost revenue per year [USD]", lambda m: f"{float(np.max(m.lost_revenue_per_year.to('USD/year').m)):,.0f}"),
        ("spares (99 % service level, 7-day restock)", lambda m: f"{int(np.max(m.spares_needed))}"),
        ("ride-through after plant loss [min]", lambda m: f"{float(m.ride_through_time.to('minute').m):.1f}"),
    ]
    for label, get in rows:
        lines.append(f"| {label} | " + " | ".join(get(sums[n]) for n in names) + " |")
    lines += ["", "Drain-time sensitivity (single-phase immersion; the other architectures do not drain):", ""]
    imm = [n for n in names if results[n].kind == "immersion_single_phase"]
    lines += ["| drain time [h] | repair time [h] | downtime per server-year [h] | lost GPU-hours per year | "
              "lost revenue per year [USD] | vs forced air [USD/year] |", "|---:|---:|---:|---:|---:|---:|"]
    air = [n for n in names if results[n].kind == "forced_air"]
    base = None if not air else float(sums[air[0]].lost_revenue_per_year.to("USD/year").m)
    if imm:
        name = imm[0]
        for d in drain_times_h:
            policy = MaintenancePolicy(**{**{f: getattr(case.maintenance, f) for f in
                                             ("gpu_hour_price", "restock_time", "service_level",
                                              "temperature_acceleration", "activation_energy",
                                              "reference_device_temperature")},
                                          "drain_time": Q_(d, "hour")})
            m = maintenance_summary(case.architectures[name], results[name], case.it_load, policy)
            rev = float(m.lost_revenue_per_year.to("USD/year").m)
            vs = "—" if base is None else f"{rev - base:+,.0f}"
            lines.append(f"| {d:.1f} | {float(m.repair_time.to('hour').m):.2f} | "
                         f"{float(m.downtime_per_server_year.to('hour').m):.2f} | "
                         f"{m.lost_gpu_hours_per_year:,.0f} | {rev:,.0f} | {vs} |")
    return "\n".join(lines)
