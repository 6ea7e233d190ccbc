"""Heat-rejection plants that serve the heat streams of a capture technology.

A capture component hands the facility one or two :class:`~coolsim.capture.base.HeatStream` s
(chilled water for air coils, warm facility water for CDUs, tank exchangers and
condensers), each with the warmest supply temperature it accepts.  A
:class:`Plant` serves one stream from a heat sink — a :class:`~coolsim.rejection.CoolingTower`
(approach to the wet bulb) or a :class:`~coolsim.rejection.DryCooler` (approach to
the dry bulb) — with or without a chiller:

* ``chiller=None``: free cooling only (through a plate exchanger of
  ``hx_approach``).  Where the sink cannot reach the required supply the
  element is reported infeasible, with the reason — never clamped.
* a chiller with ``economizer=True``: a water-side economizer pre-cools the
  return in series and the chiller trims the rest (or the sink carries all of
  it when the weather allows); :func:`coolsim.rejection.economizer_mode`
  decides element by element.
* a chiller with ``economizer=False``: mechanical cooling all the time.

The chiller supplies the stream at its warmest allowed temperature (chilled-
water reset to the requirement), so a warmer allowed supply never costs more
compressor power.  Its condenser water comes from the sink, but not colder than
``t_chw + minimum_lift`` (head-pressure control keeps the lift a compressor
needs; the default 8 K is an assumption, typical of centrifugal chillers).

:class:`HeatRejection` assigns plants to streams: ``chilled_water`` serves the
air-side stream; ``facility_water`` (if given) serves the liquid-side stream,
otherwise the chilled-water plant serves both.

Plant pumps (facility/chilled-water and condenser-water) are sized by the heat
balance and a design pressure drop; electric power is
:math:`\\dot V \\Delta p / (\\eta_{pump}\\, \\eta_{motor})` (:func:`coolsim.pumps.electrical_power`).

Sizing
------
By default towers and dry coolers are sized to the heat each element rejects
(design-point analysis: every configuration is its own design), so fan power
equals the sink's design fan-power ratio times the heat rejected.  An annual
run passes the design-day heat instead (``design_heat``), so that the sink
runs at part load — slower fans, by the cube law — in cooler hours.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from . import pumps as _pumps
from .capture.base import Circuit
from .feasibility import Feasibility
from .rejection import CarnotChiller, CoolingMode, CoolingTower, DryCooler, EIRChiller, economizer_mode
from .units import DIMENSIONLESS, POWER, PRESSURE, Q_, TEMPERATURE_DIFFERENCE, to_si

__all__ = ["PlantPumps", "Plant", "PlantResult", "HeatRejection", "RejectionResult"]

_RHO_W = 998.0  # water density near 20 °C [kg/m³] (IAPWS-95 via CoolProp: 998.2)
_CP_W = 4182.0  # water specific heat near 20 °C [J/(kg·K)] (IAPWS-95 via CoolProp: 4184)


@dataclass(frozen=True)
class PlantPumps:
    """Facility-side pumps of a plant.

    Parameters
    ----------
    loop_pressure_drop : pint.Quantity
        Design pressure drop of the facility (chilled or warm) water loop:
        piping, valves, coils or CDU/tank exchangers, the plant's own
        exchanger.  Default 250 kPa (assumption: typical 20–30 m head of a
        data-centre chilled-water loop) [Pa].
    condenser_pressure_drop : pint.Quantity
        Design pressure drop of the condenser/tower water loop, including tower
        static lift.  Default 200 kPa (assumption) [Pa].
    condenser_range : pint.Quantity
        Condenser-water temperature rise; default 5.6 K (10 °F, the customary
        design range, ASHRAE HVAC Systems and Equipment ch. 40) [K].
    pump_efficiency : float
        Pump hydraulic efficiency at the duty point; default 0.75 (assumption:
        large end-suction pumps near best efficiency) [-].
    motor_efficiency : float
        Motor (and drive) efficiency; default 0.93 (IE3, IEC 60034-30-1, ~37 kW 4-pole: 94.0 %, less a VFD) [-].
    """

    loop_pressure_drop: object = field(default_factory=lambda: Q_(250.0, "kPa"))
    condenser_pressure_drop: object = field(default_factory=lambda: Q_(200.0, "kPa"))
    condenser_range: object = field(default_factory=lambda: Q_(5.6, "K"))
    pump_efficiency: float = 0.75
    motor_efficiency: float = 0.93

    def __post_init__(self):
        si = {
            "loop_dp": to_si(self.loop_pressure_drop, PRESSURE.nonnegative(), "loop_pressure_drop"),
            "cond_dp": to_si(self.condenser_pressure_drop, PRESSURE.nonnegative(), "condenser_pressure_drop"),
            "cond_range": to_si(self.condenser_range, TEMPERATURE_DIFFERENCE.positive(), "condenser_range"),
            "eta": to_si(self.pump_efficiency, DIMENSIONLESS.spec(0.0, 1.0, lo_open=True), "pump_efficiency"),
            "eta_m": to_si(self.motor_efficiency, DIMENSIONLESS.spec(0.0, 1.0, lo_open=True), "motor_efficiency"),
        }
        object.__setattr__(self, "_si", si)

    def loop_power_si(self, heat, delta_t):
        """Facility-loop pump power [W] for ``heat`` [W] at a loop ΔT [K]."""
        s = self._si
        flow = heat / (_RHO_W * _CP_W * delta_t)
        return _pumps.electrical_power.si(flow, s["loop_dp"], s["eta"], s["eta_m"]), flow

    def condenser_power_si(self, heat):
        """Condenser-water pump power [W] for ``heat`` [W] rejected to a tower."""
        s = self._si
        flow = heat / (_RHO_W * _CP_W * s["cond_range"])
        return _pumps.electrical_power.si(flow, s["cond_dp"], s["eta"], s["eta_m"])


@dataclass(frozen=True)
class PlantResult:
    """What a plant needs to serve one stream, in SI.

    Attributes: ``chiller_power``, ``sink_fan_power``, ``pump_power`` [W];
    ``water_use`` (tower make-up, adiabatic spray) [m³/s]; ``free_fraction``
    (share of the heat removed without compressor) [-]; ``mode``
    (:class:`~coolsim.rejection.CoolingMode` per element); ``facility_flow``
    [m³/s]; ``feasibility``; ``heat_rejected`` by the sink [W].
    """

    chiller_power: np.ndarray | float
    sink_fan_power: np.ndarray | float
    pump_power: np.ndarray | float
    water_use: np.ndarray | float
    free_fraction: np.ndarray | float
    mode: np.ndarray
    facility_flow: np.ndarray | float
    feasibility: Feasibility
    heat_rejected: np.ndarray | float = 0.0  #: heat the sink rejects, chiller heat included [W]

    @property
    def total_power(self):
        """Chiller + sink fans + pumps [W]."""
        return self.chiller_power + self.sink_fan_power + self.pump_power


@dataclass(frozen=True)
class Plant:
    """A heat sink, optionally a chiller, and pumps, serving one heat stream.

    Parameters
    ----------
    sink : CoolingTower or DryCooler
        The heat sink.  Its ``design_heat_rejection`` (tower) or design rating
        is only a template: the plant re-sizes it to each element's heat.
    chiller : CarnotChiller, EIRChiller or None
        ``None`` for a chiller-less (free-cooling-only) plant.
    economizer : bool
        With a chiller: use the sink directly when the weather allows
        (water-side economizer, series pre-cooling).  Default ``True``.
    hx_approach : pint.Quantity
        Approach of the plate exchanger between sink water and the facility
        loop (economizer or isolation exchanger); default 1.5 K (assumption:
        typical plate-exchanger selection 1–2 K) [K].
    minimum_lift : pint.Quantity
        Smallest condenser-entering minus chilled-water temperature kept by
        head-pressure control; default 8 K (assumption) [K].
    pumps : PlantPumps
        Facility- and condenser-loop pumps.
    label : str
        Name for reports.
    """

    sink: object
    chiller: object = None
    economizer: bool = True
    hx_approach: object = field(default_factory=lambda: Q_(1.5, "K"))
    minimum_lift: object = field(default_factory=lambda: Q_(8.0, "K"))
    pumps: PlantPumps = field(default_factory=PlantPumps)
    label: str = ""

    def __post_init__(self):
        if not isinstance(self.sink, (CoolingTower, DryCooler)):
            raise TypeError(f"Plant.sink must be a CoolingTower or a DryCooler; got {type(self.sink).__name__}")
        if self.chiller is not None and not isinstance(self.chiller, (CarnotChiller, EIRChiller)):
            raise TypeError(f"Plant.chiller must be a CarnotChiller, an EIRChiller or None; got {type(self.chiller).__name__}")
        si = {
            "hx": to_si(self.hx_approach, TEMPERATURE_DIFFERENCE.nonnegative(), "hx_approach"),
            "lift": to_si(self.minimum_lift, TEMPERATURE_DIFFERENCE.positive(), "minimum_lift"),
        }
        object.__setattr__(self, "_si", si)

    # -- the sink ------------------------------------------------------------
    @property
    def _is_tower(self) -> bool:
        return isinstance(self.sink, CoolingTower)

    def _sink_approach(self):
        return self.sink._s.design_approach

    def _sink_operation(self, heat, t_setpoint, site, design_heat=None):
        """Fan power [W] and water use [m³/s] of the sink rejecting ``heat`` [W], sized to
        ``design_heat`` [W] (default: to ``heat`` itself, element by element), making
        water at ``t_setpoint`` [K] with the least fan power."""
        size = heat if design_heat is None else np.broadcast_to(design_heat, np.shape(heat))
        design = POWER.quantity(np.where(size > 0.0, size, 1.0))  # 1 W where idle: no division by zero
        sink = replace(self.sink, design_heat_rejection=design)
        if self._is_tower:
            op = sink.operate_si(heat, site.wet_bulb, t_setpoint)
            return op.fan_power, op.makeup
        op = sink.operate_si(heat, t_setpoint, site.dry_bulb, site.wet_bulb)
        return op.fan_power, op.water

    def _setpoint(self, mode, ts, site):
        """Sink leaving-water setpoint [K]: in free cooling just cold enough for the
        loop (``ts`` − exchanger approach), so fans slow down in cool hours; when a
        chiller runs, as cold as the design approach allows (colder condenser water
        raises the chiller's COP)."""
        free = mode <= CoolingMode.TOWER
        if self._is_tower:
            design = site.wet_bulb + self._sink_approach()
        else:
            design = site.dry_bulb + self._sink_approach()
        return np.where(free, ts - self._si["hx"], design)

    # -- serving a stream ------------------------------------------------------
    def serve_si(self, stream, site, design_heat=None) -> PlantResult:
        """Serve one :class:`~coolsim.capture.base.HeatStream` at a site (all SI).

        ``design_heat`` [W], broadcastable to the stream, sizes the tower or dry
        cooler (the heat it rejects at design, chiller heat included); by
        default each element is its own design.  Annual runs pass the design-day
        heat so that cool hours run the sink at part load.
        """
        s = self._si
        q = np.asarray(stream.heat, float)
        ts = np.asarray(stream.supply_temperature, float)
        tr = np.asarray(stream.return_temperature, float)
        shape = np.broadcast_shapes(q.shape, ts.shape, tr.shape, np.shape(site.dry_bulb))
        q, ts, tr = (np.broadcast_to(a, shape) for a in (q, ts, tr))
        approach = self._sink_approach()
        kw = dict(tower_approach=approach, dry_cooler_approach=None) if self._is_tower else \
            dict(tower_approach=None, dry_cooler_approach=approach)
        t_air = site.dry_bulb
        if not self._is_tower and self.sink.precooler is not None:
            # adiabatic pads: the coil sees air pre-cooled towards the wet bulb
            eff = self.sink.precooler._s.saturation_effectiveness
            t_air = site.dry_bulb - eff * (site.dry_bulb - site.wet_bulb)
        eco = economizer_mode.si(ts, tr, site.wet_bulb, t_air, hx_approach=s["hx"], **kw)
        mode = np.broadcast_to(np.asarray(eco.mode), shape)
        free = np.broadcast_to(np.asarray(eco.free_fraction, float), shape)
        t_sink = np.broadcast_to(np.asarray(eco.t_condenser, float), shape)
        loop_pumps, flow = self.pumps.loop_power_si(q, tr - ts)
        if self.chiller is None:
            free_only = mode <= CoolingMode.TOWER
            feas = Feasibility.check(
                free_only,
                f"{self.label or 'plant'}: the {'tower' if self._is_tower else 'dry cooler'} cannot reach the "
                "required supply temperature and there is no chiller",
            )
            fan, water = self._sink_operation(q, self._setpoint(mode, ts, site), site, design_heat)
            zero = np.zeros(shape)
            return PlantResult(zero, fan, loop_pumps, water, np.where(free_only, 1.0, free), mode, flow, feas, q)
        if self.economizer:
            chiller_share = np.where(mode <= CoolingMode.TOWER, 0.0, 1.0 - free)
        else:
            chiller_share = np.ones(shape)
            mode = np.full(shape, CoolingMode.MECHANICAL, np.int8)
            free = np.zeros(shape)
        load = q * chiller_share
        t_cond = np.maximum(t_sink, ts + s["lift"])
        op = self.chiller.power_si(load, ts, t_cond)
        chiller_power = np.where(load > 0, op.power, 0.0)
        rejected = q + chiller_power
        fan, water = self._sink_operation(rejected, self._setpoint(mode, ts, site), site, design_heat)
        cond_pumps = np.where(load > 0, self.pumps.condenser_power_si(rejected), 0.0) if self._is_tower else 0.0
        feas = op.feasibility
        return PlantResult(chiller_power, fan, loop_pumps + cond_pumps, water, 1.0 - chiller_share, mode, flow, feas,
                           rejected)


@dataclass(frozen=True)
class RejectionResult:
    """Plant results for each stream, in stream order, and their totals (SI)."""

    plants: tuple
    chiller_power: np.ndarray | float
    sink_fan_power: np.ndarray | float
    pump_power: np.ndarray | float
    water_use: np.ndarray | float
    feasibility: Feasibility

    @property
    def total_power(self):
        return self.chiller_power + self.sink_fan_power + self.pump_power


@dataclass(frozen=True)
class HeatRejection:
    """Which plant serves which stream.

    Parameters
    ----------
    chilled_water : Plant
        Serves the air-side (chilled-water) stream, and the liquid stream too
        when ``facility_water`` is ``None``.
    facility_water : Plant or None
        A separate plant for the liquid-side (warm facility water) stream.
    """

    chilled_water: Plant
    facility_water: Plant | None = None

    def serve_si(self, streams, site, design_heats=None) -> RejectionResult:
        """Serve every stream of a capture result (SI).

        ``design_heats``: optional sink design heat per stream [W] (see
        :meth:`Plant.serve_si`), in stream order.
        """
        results = []
        for i, stream in enumerate(streams):
            liquid = stream.circuit is Circuit.FACILITY_WATER
            plant = self.facility_water if (liquid and self.facility_water is not None) else self.chilled_water
            design = None if design_heats is None else design_heats[i]
            results.append(plant.serve_si(stream, site, design))
        feas = Feasibility.ok()
        totals = [0.0, 0.0, 0.0, 0.0]
        for r in results:
            feas = feas & r.feasibility
            totals = [t + v for t, v in zip(totals, (r.chiller_power, r.sink_fan_power, r.pump_power, r.water_use))]
        return RejectionResult(tuple(results), *totals, feas)
