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
The loop pump's shaft power (electric power × motor efficiency) heats the water,
so the sink and the chiller remove it with the stream's heat.

Sizing
------
By default towers and dry coolers are sized to the heat each element rejects
(design-point analysis: every configuration is its own design), so fan power
equals the sink's design fan-power ratio times the heat rejected.  An annual
run passes the design-day heat instead (``design_heat``), so that the sink
runs at part load — slower fans, by the cube law — in cooler hours.

Arrays: what depends only on the stream (loop flow and pumps, the sink's
size) is computed at the stream's shape and then spread over the hours;
configurations whose streams repeat (in a sweep) are served once
(:func:`_serve`).  The numbers are those of element-by-element evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

import numpy as np

from . import pumps as _pumps
from .capture.base import Circuit
from .feasibility import Feasibility
from .rejection import CarnotChiller, CoolingMode, CoolingTower, DryCooler, EIRChiller, economizer_mode
from .rejection.economizer import _decide as _economizer_decide
from .rejection.economizer import _validate as _economizer_validate
from .rejection._common import resized
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

    def _no_chiller_reason(self, ts, t_best, shape):
        """Why a chiller-less plant is infeasible, with the supply it needs and the coldest
        water its sink makes (through the exchanger) at the worst element, in degC."""
        need, best = np.broadcast_to(ts, shape), np.broadcast_to(t_best, shape)
        gap = best - need
        i = np.unravel_index(np.argmax(gap), np.shape(gap))
        worst = " at worst" if np.count_nonzero(gap > 0) > 1 else ""
        sink = "tower" if self._is_tower else "dry cooler"
        return (f"{self.label or 'plant'}: the {sink} cannot reach the required supply temperature and there is no "
                f"chiller: {need[i] - 273.15:.1f} degC required, the {sink} makes {best[i] - 273.15:.1f} degC{worst}")

    def _sink_operation(self, heat, t_setpoint, site, design_heat=None, heat_rows=None):
        """Fan power [W] and water use [m³/s] of the sink rejecting ``heat`` [W], sized to
        ``design_heat`` [W] (default: to ``heat`` itself, element by element), making
        water at ``t_setpoint`` [K] with the least fan power.  ``heat_rows``: the
        same heat before it was broadcast over the hours, if it is constant along them."""
        size = heat if design_heat is None else np.asarray(design_heat, float)
        if design_heat is not None:
            np.broadcast_to(size, np.shape(heat))  # the shape check of the general path
        # sized at its own (per-configuration) shape: the same values element by element as
        # broadcasting it to the hours first; 1 W where idle: no division by zero
        size = np.where(size > 0.0, size, 1.0)
        if np.all(np.isfinite(size)):
            sink = resized(self.sink, size if size.ndim else float(size))
        else:  # let the sink's own validation report it, with its element indices
            sink = replace(self.sink, design_heat_rejection=POWER.quantity(np.broadcast_to(size, np.shape(heat))))
        if self._is_tower:
            if type(sink).operate_si is CoolingTower.operate_si:  # the setpoint array is ours to overwrite
                return sink._plant_duty_si(heat, site.wet_bulb, t_setpoint, consume=True, heat_rows=heat_rows)
            op = sink.operate_si(heat, site.wet_bulb, t_setpoint)
            return op.fan_power, op.makeup
        if type(sink).operate_si is DryCooler.operate_si:
            return sink._plant_duty_si(heat, t_setpoint, site.dry_bulb, site.wet_bulb)
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

        Quantities that depend only on the stream (loop flow and pump power)
        are computed at the stream's shape and only then spread over the
        hours; everything else is computed once, at the full shape.
        """
        s = self._si
        q = np.asarray(stream.heat, float)
        ts = np.asarray(stream.supply_temperature, float)
        tr = np.asarray(stream.return_temperature, float)
        shape = np.broadcast_shapes(q.shape, ts.shape, tr.shape, np.shape(site.dry_bulb))
        approach = self._sink_approach()
        kw = dict(tower_approach=approach, dry_cooler_approach=None) if self._is_tower else \
            dict(tower_approach=None, dry_cooler_approach=approach)
        t_air = site.dry_bulb
        if not self._is_tower and self.sink.precooler is not None:
            # adiabatic pads: the coil sees air pre-cooled towards the wet bulb
            eff = self.sink.precooler._s.saturation_effectiveness
            t_air = site.dry_bulb - eff * (site.dry_bulb - site.wet_bulb)
        if np.any(ts >= tr):  # the economizer's own check, with the element index of the full shape
            economizer_mode.si(np.broadcast_to(ts, shape), np.broadcast_to(tr, shape), site.wet_bulb, t_air,
                               hx_approach=s["hx"], **kw)
        _economizer_validate(ts, tr, site.wet_bulb, t_air, **kw)
        mechanical_only = self.chiller is not None and not self.economizer
        if mechanical_only:
            # the sink serves only the condenser: of the economizer's decision just the
            # condenser water is needed (the same sum as in its decision)
            t_sink = (site.wet_bulb + approach) if self._is_tower else (t_air + approach)
            mode = None
        else:
            mode, free, t_sink, t_best, _, _, _ = _economizer_decide(ts, tr, site.wet_bulb, t_air, hx_approach=s["hx"],
                                                                    **kw)
            free_cooled = mode <= CoolingMode.TOWER
            if not shape:  # a scalar run: the mode as the economizer's scalar result gives it
                mode = np.asarray(CoolingMode(int(mode)))
            mode = np.broadcast_to(mode, shape)
        loop_pumps, flow = self.pumps.loop_power_si(q, tr - ts)  # per stream, not per hour
        flow = _spread(flow, shape)
        # the loop pump's shaft work ends up as heat in the water the plant cools
        q = q + loop_pumps * self.pumps._si["eta_m"]
        heat = np.broadcast_to(q, shape)
        if self.chiller is None:
            free_only = _spread(free_cooled, shape)
            feas = Feasibility.check(free_only, "" if np.all(free_only) else self._no_chiller_reason(ts, t_best, shape))
            fan, water = self._sink_operation(heat, self._setpoint(mode, ts, site), site, design_heat, heat_rows=q)
            zero = np.zeros(shape)
            if free.shape == np.shape(free_only):
                np.copyto(free, 1.0, where=free_only)  # where(free_only, 1.0, free), in place
            else:
                free = np.where(free_only, 1.0, free)
            return PlantResult(zero, fan, _spread(loop_pumps, shape), water, _spread(free, shape), mode, flow, feas, heat)
        if self.economizer:
            chiller_share = np.subtract(1.0, free, out=np.empty(np.shape(free)))
            np.copyto(chiller_share, 0.0, where=free_cooled)
        else:
            chiller_share = np.ones(shape)
            mode = np.full(shape, CoolingMode.MECHANICAL, np.int8)
        load = q * chiller_share
        t_cond = np.maximum(t_sink, ts + s["lift"])
        # the chiller sees the supply temperature at the shape it saw before (same broadcasting)
        ts_chiller = ts if np.broadcast_shapes(ts.shape, np.shape(t_cond)) == shape else np.broadcast_to(ts, shape)
        chiller_power, feas = self.chiller._plant_power_si(load, ts_chiller, t_cond)
        loaded = load > 0
        chiller_power = np.where(loaded, chiller_power, 0.0)
        rejected = q + chiller_power
        if mechanical_only and shape:  # _setpoint with no free-cooling hour: the design setpoint, fresh
            setpoint = (site.wet_bulb if self._is_tower else site.dry_bulb) + approach
            setpoint = setpoint if np.shape(setpoint) == shape else np.array(np.broadcast_to(setpoint, shape))
        else:
            setpoint = self._setpoint(mode, ts, site)
        fan, water = self._sink_operation(rejected, setpoint, site, design_heat)
        if self._is_tower:
            cond_pumps = self.pumps.condenser_power_si(rejected)
            if isinstance(cond_pumps, np.ndarray) and cond_pumps.ndim and cond_pumps.shape == np.shape(loaded):
                np.copyto(cond_pumps, 0.0, where=~loaded)
                cond_pumps += loop_pumps  # loop + condenser pumps (the sum commutes)
                pump_power = cond_pumps
            else:
                pump_power = loop_pumps + np.where(loaded, cond_pumps, 0.0)
        else:
            pump_power = loop_pumps + 0.0
        if chiller_share.ndim:
            free_fraction = np.subtract(1.0, chiller_share, out=chiller_share)
        else:
            free_fraction = 1.0 - chiller_share
        return PlantResult(_spread(chiller_power, shape), fan, _spread(pump_power, shape), water,
                           _spread(free_fraction, shape), mode, flow, feas, _spread(rejected, shape))


def _spread(x, shape):
    """``x`` as a fresh array of ``shape`` (itself when it already has that shape)."""
    if np.shape(x) == shape:
        return x
    return np.array(np.broadcast_to(x, shape))


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
            results.append(_serve(plant, stream, site, design))
        feas = Feasibility.ok()
        for r in results:
            feas = feas & r.feasibility
        totals = [_total([getattr(r, k) for r in results]) for k in ("chiller_power", "sink_fan_power", "pump_power",
                                                                      "water_use")]
        return RejectionResult(tuple(results), *totals, feas)


def _total(values):
    """Sum of the plants' arrays, in stream order: ``0.0 + v0 + v1 + ...``.

    With two or more plants the leading ``0.0 +`` is dropped (it can only turn a
    ``-0.0`` into ``+0.0``) and the rest is accumulated in place.
    """
    if len(values) < 2:
        return sum(values, 0.0)
    total = values[0] + values[1]
    for v in values[2:]:
        if isinstance(total, np.ndarray) and total.shape == np.broadcast_shapes(total.shape, np.shape(v)):
            total += v
        else:
            total = total + v
    return total


# ---------------------------------------------------------------------------
# configurations that repeat: serve each distinct one once
# ---------------------------------------------------------------------------
def _serve(plant, stream, site, design):
    """``plant.serve_si(stream, site, design)``, computing each distinct configuration once.

    In a sweep the stream arrays have one row per configuration and are
    constant along the hours, and a swept parameter often changes only one
    of the streams (the liquid-side supply temperature leaves the air-side
    stream alone).  Rows whose stream values and design heat are the same,
    bit for bit, give the same hourly results, so the plant is run on the
    distinct rows only and its arrays are expanded back (a row copy).  Every
    element is the value the full run computes.  Anything unusual (other
    shapes, other plant types, an error) takes the full run.
    """
    if type(plant) is Plant:
        rows = _distinct_rows(stream, site, design)
        if rows is not None:
            first, inverse, n = rows
            pick = (lambda a: np.broadcast_to(np.asarray(a, float), (n, 1))[first])
            reduced = replace(stream, heat=pick(stream.heat), supply_temperature=pick(stream.supply_temperature),
                              return_temperature=pick(stream.return_temperature))
            try:
                r = plant.serve_si(reduced, site, None if design is None else pick(design))
            except Exception:  # noqa: BLE001 - the full run below raises it with full-shape indices
                r = None
            if r is not None:
                return _expand_rows(r, inverse, first.size)
    return plant.serve_si(stream, site, design)


def _distinct_rows(stream, site, design):
    """``(first, inverse, n)`` when the stream is ``(n, 1)`` configurations × hours and has
    repeated rows; else None."""
    if np.ndim(site.dry_bulb) != 1 or np.shape(site.wet_bulb) != np.shape(site.dry_bulb):
        return None
    values = [stream.heat, stream.supply_temperature, stream.return_temperature] + ([] if design is None else [design])
    shapes = [np.shape(v) for v in values]
    if any(len(sh) not in (0, 2) or (len(sh) == 2 and sh[1] != 1) for sh in shapes):
        return None
    n = max((sh[0] for sh in shapes if sh), default=1)
    if n < 2 or any(sh and sh[0] not in (1, n) for sh in shapes):
        return None
    keys = np.concatenate([np.broadcast_to(np.asarray(v, float), (n, 1)) for v in values], axis=1)
    seen, first, inverse = {}, [], np.empty(n, np.intp)
    for i, key in enumerate(map(bytes, keys)):  # equal bytes, equal results (-0.0 and NaNs kept apart)
        j = seen.setdefault(key, len(first))
        if j == len(first):
            first.append(i)
        inverse[i] = j
    if len(first) == n:
        return None
    return np.array(first, np.intp), inverse, n


def _expand_rows(result, inverse, rows):
    """A PlantResult of distinct rows spread back to every configuration (fresh arrays)."""
    def ex(x):
        if isinstance(x, np.ndarray) and x.ndim == 2 and x.shape[0] == rows:
            return np.take(x, inverse, axis=0)
        return x
    values = {f.name: ex(getattr(result, f.name)) for f in fields(result) if f.name != "feasibility"}
    feas = result.feasibility
    feas = Feasibility(ex(np.asarray(feas.feasible)), tuple((reason, ex(np.asarray(m))) for reason, m in feas.reasons))
    return PlantResult(feasibility=feas, **values)
