"""Open cooling towers: leaving water = wet bulb + approach, fan power at part
load, and make-up water (evaporation, drift, blowdown)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..feasibility import Feasibility
from ..units import (
    DENSITY, DIMENSIONLESS, FRACTION, POWER, SPECIFIC_ENTHALPY, TEMPERATURE, TEMPERATURE_DIFFERENCE,
    VOLUMETRIC_FLOW, Q_, quantity_io,
)
from ._common import (
    CP_WATER, DENSITY_WATER, LATENT_HEAT_WATER, field_si, finish, is_scalar, optional, sized_fan_power,
)

__all__ = ["evaporation_rate", "blowdown_rate", "CoolingTower", "TowerOperationSI", "TowerOperation"]


@quantity_io(returns=VOLUMETRIC_FLOW, heat_rejected=POWER.nonnegative(),
             evaporation_factor=DIMENSIONLESS.between(0.0, 2.0),
             latent_heat=SPECIFIC_ENTHALPY.positive(), density=DENSITY.positive())
def evaporation_rate(heat_rejected, evaporation_factor=1.0, latent_heat=LATENT_HEAT_WATER, density=DENSITY_WATER):
    """Water evaporated by an evaporative heat rejecter.

    Parameters
    ----------
    heat_rejected : pint.Quantity
        Heat rejected to the air [W].
    evaporation_factor : float
        Share of the heat leaving as latent heat; default 1.0 (assumption: all
        heat latent, the usual upper estimate; EnergyPlus' loss-factor default
        of 0.2 %/K of circulating flow per K of range corresponds to 1.16, its
        "typical" 0.15–0.27 %/K to 0.87–1.57) [-].
    latent_heat : pint.Quantity
        Latent heat of vaporisation; default 2429.8 kJ/kg, water at 30 °C [J/kg].
    density : pint.Quantity
        Density used to express the evaporated mass as a volume; default
        995.6 kg/m³, water at 30 °C [kg/m³].

    Returns
    -------
    pint.Quantity
        Evaporation as a volumetric flow of liquid water [m³/s].

    Notes
    -----
    :math:`\\dot V_{evap} = f\\,Q / (h_{fg}\\,\\rho)`.  Steady state; valid for
    open towers and adiabatic pre-coolers (for which ``heat_rejected`` is the
    sensible cooling of the air).

    References
    ----------
    .. [1] ASHRAE, *Handbook — HVAC Systems and Equipment*, 2020, ch. 40
       "Cooling Towers" (water consumption: evaporation, drift, blowdown).
    .. [2] U.S. DOE, *EnergyPlus Engineering Reference*, "Cooling Tower Makeup
       Water Usage" (loss factor 0.15–0.27 %/K, default 0.2 %/K).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(evaporation_rate(Q_(1, "MW")).to("L/s").m), 3)
    0.413
    """
    return evaporation_factor * heat_rejected / (latent_heat * density)


def _evaporation_array(q, factor):
    """:func:`evaporation_rate` (default latent heat and density) of a float64 array,
    as a fresh array, with the same arithmetic: ``(factor * q) / (h_fg * rho)``."""
    if factor == 1.0:  # 1.0 * q is q, bit for bit: skip the pass
        out = np.divide(q, LATENT_HEAT_WATER * DENSITY_WATER)
    else:
        out = np.multiply(factor, q)
        out /= LATENT_HEAT_WATER * DENSITY_WATER
    return out


@quantity_io(returns=VOLUMETRIC_FLOW, evaporation=VOLUMETRIC_FLOW.nonnegative(),
             drift=VOLUMETRIC_FLOW.nonnegative(), cycles=DIMENSIONLESS.spec(1.0, None, lo_open=True))
def blowdown_rate(evaporation, drift, cycles):
    """Blowdown (bleed) that holds the cycles of concentration.

    Parameters
    ----------
    evaporation : pint.Quantity
        Evaporation rate [m³/s].
    drift : pint.Quantity
        Drift rate, which also removes dissolved solids [m³/s].
    cycles : float
        Cycles of concentration (solids in blowdown / solids in make-up), > 1;
        typical 3–5 [-].

    Returns
    -------
    pint.Quantity
        Blowdown [m³/s].

    Notes
    -----
    Solids balance: make-up :math:`M = E\\,C/(C-1)`, so
    :math:`B = E/(C-1) - D`; where drift alone already removes enough solids
    the bleed is zero (:math:`B \\ge 0`).  Make-up = E + D + B.

    References
    ----------
    .. [1] U.S. DOE, *EnergyPlus Engineering Reference*, "Cooling Tower Makeup
       Water Usage" (concentration-ratio blowdown, ratio 3–5, default 3).
    .. [2] ASHRAE, *Handbook — HVAC Systems and Equipment*, 2020, ch. 40.

    Examples
    --------
    >>> from coolsim import Q_
    >>> blowdown_rate(Q_(2, "L/s"), Q_(0, "L/s"), 3).to("L/s")
    <Quantity(1.0, 'liter / second')>
    """
    b = np.maximum(evaporation / (cycles - 1.0) - drift, 0.0)
    return b if np.ndim(b) else float(b)


class TowerOperationSI(NamedTuple):
    """What :meth:`CoolingTower.operate_si` returns (SI)."""

    t_leaving: object  #: leaving (cold) water temperature [K]
    approach: object  #: leaving water minus wet bulb [K]
    airflow_ratio: object  #: airflow / design airflow, time-averaged [-]
    fan_power: object  #: [W]
    evaporation: object  #: [m³/s]
    drift: object  #: [m³/s]
    blowdown: object  #: [m³/s]
    makeup: object  #: evaporation + drift + blowdown [m³/s]
    feasibility: Feasibility


@dataclass(frozen=True)
class TowerOperation:
    """Unit-aware :class:`TowerOperationSI`."""

    t_leaving: object
    approach: object
    airflow_ratio: object
    fan_power: object
    evaporation: object
    drift: object
    blowdown: object
    makeup: object
    feasibility: Feasibility


@dataclass(frozen=True)
class CoolingTower:
    """Open (direct-contact) cooling tower with a variable-speed fan.

    Parameters
    ----------
    design_heat_rejection : pint.Quantity
        Heat rejected at the design point [W].
    design_approach : pint.Quantity
        Leaving water minus entering wet bulb at design load and full fan [K].
    design_range : pint.Quantity
        Water temperature drop at design; sets the circulating flow for drift;
        default 5.6 K (10 °F, assumption: the customary design range) [K].
    fan_power_ratio : float
        Design fan power per unit heat rejected; default 0.0125 W/W: the
        ASHRAE 90.1-2019 Table 6.8.1-7 minimum for open-circuit axial-fan
        towers, 40.2 gpm/hp at 95/85/75 °F (a 10 °F range: 0.0126 W of motor
        nameplate per W), at the low end of the 0.012–0.021 kW/kW that a survey
        of 6,730 manufacturer models found for open wet towers (Energies 16(9),
        3661, 2023, doi:10.3390/en16093661) [-].
    min_fan_speed : float
        Minimum fan speed (airflow) ratio; below it the fan cycles; default 0.2
        (assumption) [-].
    evaporation_factor : float
        See :func:`evaporation_rate`; default 1.0 (assumption) [-].
    drift_fraction : float
        Drift as a fraction of the design circulating flow at full airflow;
        default 8e-5 (0.008 %, the EnergyPlus ``Drift Loss Percent`` default;
        modern eliminators 0.001–0.005 %) [-].
    cycles : float
        Cycles of concentration; default 3 (EnergyPlus default; 3–5 typical) [-].

    Notes
    -----
    Leaving water :math:`T_{lw} = T_{wb} + a`.  Approach model (first-order,
    an assumption, not a published correlation): at full airflow the approach
    scales with load, and approach × airflow ratio is held, so
    :math:`a\\,r = a_d\\,Q/Q_d`.  For a leaving-water setpoint :math:`T_{sp}`
    the fan runs at :math:`r = a_d (Q/Q_d)/(T_{sp} - T_{wb})`; infeasible where
    :math:`r > 1` or :math:`T_{sp} \\le T_{wb}` (then the full-fan leaving
    temperature is reported, flagged).  Without a setpoint the tower holds the
    design approach.  Fan power :math:`P = P_d r^3` for :math:`r \\ge r_{min}`,
    else :math:`P_d r_{min}^3 (r/r_{min})` (cycling).  Drift
    :math:`D = \\dot V_d\\,d\\,r`, :math:`\\dot V_d = Q_d/(\\rho c_p R_d)`;
    evaporation and blowdown from :func:`evaporation_rate`,
    :func:`blowdown_rate`.  Valid for wet bulbs −10…32 °C and approaches of
    1.5–10 K (the range of typical tower selections).

    References
    ----------
    .. [1] U.S. DOE, *EnergyPlus Engineering Reference*, "Variable Speed
       Cooling Towers Empirical Models" (cube-law fan power, cycling at minimum
       airflow) and "Cooling Tower Makeup Water Usage".
    .. [2] ASHRAE, *Handbook — HVAC Systems and Equipment*, 2020, ch. 40.

    Examples
    --------
    >>> from coolsim import Q_
    >>> ct = CoolingTower(Q_(1, "MW"), Q_(4, "K"))
    >>> op = ct.operate(Q_(500, "kW"), Q_(20, "degC"))
    >>> round(float(op.t_leaving.to("degC").m), 2), round(float(op.fan_power.to("kW").m), 3)
    (24.0, 1.562)
    """

    design_heat_rejection: object
    design_approach: object
    design_range: object = None
    fan_power_ratio: float = 0.0125
    min_fan_speed: float = 0.2
    evaporation_factor: float = 1.0
    drift_fraction: float = 8e-5
    cycles: float = 3.0

    def __post_init__(self):
        if self.design_range is None:
            object.__setattr__(self, "design_range", Q_(5.6, "K"))
        field_si(self, "design_heat_rejection", POWER.positive())
        field_si(self, "design_approach", TEMPERATURE_DIFFERENCE.spec(0.0, 30.0, lo_open=True))
        field_si(self, "design_range", TEMPERATURE_DIFFERENCE.spec(0.0, 40.0, lo_open=True))
        field_si(self, "fan_power_ratio", DIMENSIONLESS.between(0.0, 0.2))
        field_si(self, "min_fan_speed", FRACTION)
        field_si(self, "evaporation_factor", DIMENSIONLESS.between(0.0, 2.0))
        field_si(self, "drift_fraction", DIMENSIONLESS.between(0.0, 0.01))
        field_si(self, "cycles", DIMENSIONLESS.spec(1.0, None, lo_open=True))

    @property
    def design_water_flow(self) -> float:
        """Design circulating water flow [m³/s]."""
        return self._s.design_heat_rejection / (DENSITY_WATER * CP_WATER * self._s.design_range)

    def leaving_water_si(self, t_wet_bulb):
        """Leaving water at the design approach [K] (SI core of :meth:`leaving_water`)."""
        return t_wet_bulb + self._s.design_approach

    @quantity_io(returns=TEMPERATURE, t_wet_bulb=TEMPERATURE.positive())
    def leaving_water(self, t_wet_bulb):
        """Leaving water temperature at the design approach, :math:`T_{wb} + a_d` [K]."""
        return self.leaving_water_si(t_wet_bulb)

    def operate_si(self, heat_rejected, t_wet_bulb, t_setpoint=None) -> TowerOperationSI:
        """SI core of :meth:`operate`."""
        scalar = is_scalar(heat_rejected, t_wet_bulb, t_setpoint)
        q, twb = np.broadcast_arrays(np.asarray(heat_rejected, float), np.asarray(t_wet_bulb, float))
        if t_setpoint is None:
            a_req = np.full(q.shape, self._s.design_approach)
        else:
            a_req = np.broadcast_to(np.asarray(t_setpoint, float) - twb, q.shape)
        a_full = self._approach_full(q)
        above = a_req > 0
        # r = a_full / a_req where the setpoint is above the wet bulb, else inf
        r = np.full(np.broadcast_shapes(a_full.shape, above.shape), np.inf)
        with np.errstate(divide="ignore", invalid="ignore"):
            np.divide(a_full, a_req, out=r, where=above)
        ok = r <= 1.0 + 1e-12  # implies ``above`` (r is inf elsewhere)
        not_above = np.asarray(~above)
        holds = np.asarray(ok | not_above)  # = above & ok | ~above
        reasons = []
        if not_above.any():
            reasons.append(("leaving-water setpoint at or below the wet bulb", not_above))
        bad = np.asarray(~holds)
        if bad.any():
            reasons.append(("heat above what the tower rejects at full fan for this approach", bad))
        feas = finish(Feasibility(np.logical_and(above, holds), tuple(reasons)), "CoolingTower.operate", scalar)
        np.copyto(r, 1.0, where=~ok)
        approach = np.where(ok, a_req, a_full)
        fan = self._fan_power(r)
        evap = _evaporation_array(q, self._s.evaporation_factor)
        drift, blow, makeup = self._drift_blowdown_makeup(evap, r)
        out = TowerOperationSI(twb + approach, approach, r, fan, evap, drift, blow, makeup, feas)
        if scalar:
            out = TowerOperationSI(*(float(v) for v in out[:8]), feas)
        return out

    # -- pieces shared by operate_si and the plant's fast path (same arithmetic) ---
    def _approach_full(self, q):
        """Approach at full airflow, :math:`a_d\\,Q/Q_d`, as a fresh float64 array [K]."""
        a_full = np.asarray(q / self._s.design_heat_rejection, dtype=float)
        a_full *= self._s.design_approach
        return a_full

    def _fan_power(self, r):
        """Fan power at airflow ratio ``r`` [W] (a fresh array for an array ``r``)."""
        return sized_fan_power(self._s, r)

    def _drift_blowdown_makeup(self, evap, r, reuse=False):
        """Drift, blowdown and make-up [m³/s] for evaporation ``evap`` and airflow ratio ``r``.

        ``reuse=True``: the arrays ``evap`` and ``r`` are the caller's scratch
        and may be overwritten (the make-up is returned in one of them).
        """
        coef = self.design_water_flow * self._s.drift_fraction
        arrays = isinstance(evap, np.ndarray) and isinstance(r, np.ndarray) and r.ndim > 0
        if arrays and r.shape == np.broadcast_shapes(evap.shape, r.shape, np.shape(coef)):
            drift = np.multiply(r, coef, out=r if reuse else None)  # (flow_d * d) * r, commuted
            blow = evap / (self._s.cycles - 1.0)
            blow = np.subtract(blow, drift, out=blow if blow.shape == drift.shape else None)
            np.maximum(blow, 0.0, out=blow)
            if reuse:
                makeup = np.add(evap, drift, out=evap if evap.shape == drift.shape else drift)
            else:
                makeup = evap + drift
            makeup += blow
            return drift, blow, makeup
        drift = coef * r
        blow = blowdown_rate.si(evap, drift, self._s.cycles)
        return drift, blow, evap + drift + blow

    def _plant_duty_si(self, heat_rejected, t_wet_bulb, t_setpoint, consume=False, heat_rows=None):
        """Fan power [W] and make-up water [m³/s] only (the plant's fast path).

        Identical to the ``fan_power`` and ``makeup`` of :meth:`operate_si`
        (the same operations on the same values) but without the outputs and
        feasibility masks a plant does not use.  Scalar calls, and shapes that
        the fast path does not cover, go through :meth:`operate_si` itself
        (which raises for an infeasible scalar).  ``consume=True``: the caller
        hands over ``t_setpoint``, which may be overwritten.  ``heat_rows``:
        the same heat as ``heat_rejected`` before it was broadcast over the
        hours (what depends on the heat alone is then computed per row).
        """
        q = np.asarray(heat_rejected if heat_rows is None else heat_rows, float)
        tsp = np.asarray(t_setpoint, float)
        shape = np.broadcast_shapes(np.shape(heat_rejected), np.shape(t_wet_bulb), tsp.shape)
        a_full = self._approach_full(q) if shape and np.shape(heat_rejected) == shape else None
        if a_full is None or np.broadcast_shapes(a_full.shape, shape) != shape:
            op = self.operate_si(heat_rejected, t_wet_bulb, t_setpoint)
            return op.fan_power, op.makeup
        if consume and isinstance(t_setpoint, np.ndarray) and tsp.shape == shape and tsp.flags.writeable:
            a_req = np.subtract(tsp, t_wet_bulb, out=tsp)
        else:
            a_req = tsp - np.asarray(t_wet_bulb, float)
        above = a_req > 0
        if a_full.shape == shape:
            r = a_full
            with np.errstate(divide="ignore", invalid="ignore"):
                np.divide(r, a_req, out=r, where=above)
            ok = r <= 1.0 + 1e-12
            ok &= above
        else:  # the airflow ratio is the first array of the full shape
            r = np.empty(shape)
            with np.errstate(divide="ignore", invalid="ignore"):
                np.divide(a_full, a_req, out=r, where=above)
            ok = np.zeros(shape, bool)
            np.less_equal(r, 1.0 + 1e-12, out=ok, where=above)
        np.copyto(r, 1.0, where=~ok)
        fan = self._fan_power(r)
        evap = _evaporation_array(q, self._s.evaporation_factor)
        _, _, makeup = self._drift_blowdown_makeup(evap, r, reuse=True)
        return fan, makeup

    @quantity_io(heat_rejected=POWER.nonnegative(), t_wet_bulb=TEMPERATURE.positive(),
                 t_setpoint=optional(TEMPERATURE.positive()))
    def operate(self, heat_rejected, t_wet_bulb, t_setpoint=None) -> TowerOperation:
        """Leaving water, fan power and water use for a heat load at a wet bulb.

        Parameters
        ----------
        heat_rejected : pint.Quantity
            Heat rejected [W].
        t_wet_bulb : pint.Quantity
            Entering air wet-bulb temperature [K].
        t_setpoint : pint.Quantity or None
            Leaving-water setpoint; ``None`` holds the design approach [K].

        Returns
        -------
        TowerOperation
            Temperatures [K], fan power [W], water flows [m³/s] and feasibility.
        """
        r = self.operate_si(heat_rejected, t_wet_bulb, t_setpoint)
        t, k, w, v = TEMPERATURE.quantity, TEMPERATURE_DIFFERENCE.quantity, POWER.quantity, VOLUMETRIC_FLOW.quantity
        return TowerOperation(t(r.t_leaving), k(r.approach), r.airflow_ratio, w(r.fan_power), v(r.evaporation),
                              v(r.drift), v(r.blowdown), v(r.makeup), r.feasibility)
