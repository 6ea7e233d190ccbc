"""Dry coolers (closed-circuit air-cooled fluid coolers), with optional
adiabatic pre-cooling of the entering air."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..errors import OutOfRangeError
from ..feasibility import Feasibility
from ..units import DIMENSIONLESS, FRACTION, POWER, TEMPERATURE, TEMPERATURE_DIFFERENCE, VOLUMETRIC_FLOW, Q_, quantity_io
from ._common import CP_AIR, field_si, finish, is_scalar, optional, sized_fan_power
from .towers import evaporation_rate

__all__ = ["AdiabaticPrecooler", "DryCooler", "DryCoolerOperationSI", "DryCoolerOperation"]


@dataclass(frozen=True)
class AdiabaticPrecooler:
    """Evaporative pads or sprays ahead of a dry-cooler coil.

    Parameters
    ----------
    saturation_effectiveness : float
        :math:`\\varepsilon = (T_{db} - T_{air}) / (T_{db} - T_{wb})`, in [0, 1];
        pads typically 0.7–0.9 [-].

    References
    ----------
    .. [1] ASHRAE, *Handbook — HVAC Systems and Equipment*, 2020, ch. 41
       "Evaporative Air-Cooling Equipment" (direct evaporative saturation
       effectiveness).
    """

    saturation_effectiveness: float

    def __post_init__(self):
        field_si(self, "saturation_effectiveness", FRACTION)


class DryCoolerOperationSI(NamedTuple):
    """What :meth:`DryCooler.operate_si` returns (SI)."""

    t_leaving: object  #: leaving fluid temperature [K]
    t_air_entering: object  #: air entering the coil (after any pre-cooling) [K]
    wet: object  #: bool, adiabatic pre-cooling on
    airflow_ratio: object  #: [-]
    fan_power: object  #: [W]
    water: object  #: pre-cooling evaporation [m³/s]
    feasibility: Feasibility


@dataclass(frozen=True)
class DryCoolerOperation:
    """Unit-aware :class:`DryCoolerOperationSI`."""

    t_leaving: object
    t_air_entering: object
    wet: object
    airflow_ratio: object
    fan_power: object
    water: object
    feasibility: Feasibility


@dataclass(frozen=True)
class DryCooler:
    """Dry cooler: leaving fluid = entering air + approach.

    Parameters
    ----------
    design_heat_rejection : pint.Quantity
        Heat rejected at the design point [W].
    design_approach : pint.Quantity
        Leaving fluid minus entering dry bulb at design load and full fan [K].
    fan_power_ratio : float
        Design fan power per unit heat rejected; default 0.020 W/W (assumption) [-].
    min_fan_speed : float
        Minimum fan speed ratio; below it the fans cycle; default 0.2 (assumption) [-].
    precooler : AdiabaticPrecooler or None
        Optional adiabatic pre-cooling, used only when the dry coil cannot
        reach the requested supply temperature.
    design_air_temperature_rise : pint.Quantity
        Air temperature rise across the coil at design, which sets the design
        air mass flow for pre-cooling water; default 10 K (assumption) [K].

    Notes
    -----
    :math:`T_{lf} = T_{air} + a`, with :math:`T_{air} = T_{db}` dry and
    :math:`T_{air} = T_{db} - \\varepsilon (T_{db} - T_{wb})` pre-cooled.  The
    same first-order approach model as :class:`~coolsim.rejection.CoolingTower`
    (assumption): :math:`a\\,r = a_d\\,Q/Q_d`, so for a requested supply
    :math:`T_{req}` the fans run at :math:`r = a_d (Q/Q_d)/(T_{req} - T_{air})`.
    A requested supply with :math:`r > 1` or :math:`T_{req} \\le T_{air}` even
    with pre-cooling is infeasible: the mask says so and the reported leaving
    temperature is what the cooler reaches at full fan — never the request.
    Fan power: cube law above the minimum speed, cycling below.  Pre-cooling
    water: :math:`\\dot m_{air} c_p (T_{db} - T_{air}) / h_{fg}` with
    :math:`\\dot m_{air} = r\\,Q_d/(c_p \\Delta T_{air,d})`.

    References
    ----------
    .. [1] U.S. DOE, *EnergyPlus Engineering Reference*, "One and Two Speed
       Fluid Coolers" and "Variable Speed Cooling Towers Empirical Models"
       (fan power and cycling conventions).
    .. [2] ASHRAE, *Handbook — HVAC Systems and Equipment*, 2020, ch. 41.

    Examples
    --------
    >>> from coolsim import Q_
    >>> dc = DryCooler(Q_(1, "MW"), Q_(8, "K"), precooler=AdiabaticPrecooler(0.8))
    >>> op = dc.operate(Q_(1, "MW"), Q_(34, "degC"), Q_(35, "degC"), Q_(22, "degC"))
    >>> bool(op.wet), round(float(op.t_leaving.to("degC").m), 2)
    (True, 34.0)
    """

    design_heat_rejection: object
    design_approach: object
    fan_power_ratio: float = 0.020
    min_fan_speed: float = 0.2
    precooler: AdiabaticPrecooler | None = None
    design_air_temperature_rise: object = None

    def __post_init__(self):
        if self.design_air_temperature_rise is None:
            object.__setattr__(self, "design_air_temperature_rise", Q_(10.0, "K"))
        field_si(self, "design_heat_rejection", POWER.positive())
        field_si(self, "design_approach", TEMPERATURE_DIFFERENCE.spec(0.0, 40.0, lo_open=True))
        field_si(self, "fan_power_ratio", DIMENSIONLESS.between(0.0, 0.2))
        field_si(self, "min_fan_speed", FRACTION)
        field_si(self, "design_air_temperature_rise", TEMPERATURE_DIFFERENCE.spec(0.0, 60.0, lo_open=True))
        if self.precooler is not None and not isinstance(self.precooler, AdiabaticPrecooler):
            raise OutOfRangeError(f"parameter 'precooler' must be an AdiabaticPrecooler or None; got {self.precooler!r}")

    def leaving_fluid_si(self, t_dry_bulb):
        """Leaving fluid at design approach, dry [K] (SI core of :meth:`leaving_fluid`)."""
        return t_dry_bulb + self._s.design_approach

    @quantity_io(returns=TEMPERATURE, t_dry_bulb=TEMPERATURE.positive())
    def leaving_fluid(self, t_dry_bulb):
        """Leaving fluid temperature at the design approach, dry, :math:`T_{db} + a_d` [K]."""
        return self.leaving_fluid_si(t_dry_bulb)

    def operate_si(self, heat_rejected, t_supply_required, t_dry_bulb, t_wet_bulb=None) -> DryCoolerOperationSI:
        """SI core of :meth:`operate`."""
        scalar = is_scalar(heat_rejected, t_supply_required, t_dry_bulb, t_wet_bulb)
        a_full, treq, tdb, r, ok, wet, t_air = self._airflow_si(heat_rejected, t_supply_required, t_dry_bulb,
                                                                t_wet_bulb)
        feas = finish(Feasibility.check(ok, "requested supply below entering air + approach at full fan"),
                      "DryCooler.operate", scalar)
        r = np.where(ok, r, 1.0)
        t_leave = np.where(ok, treq, t_air + a_full)
        fan = self._fan_power(r)
        water = self._water(r, tdb, t_air, wet)
        out = DryCoolerOperationSI(t_leave, t_air, wet, r, fan, water, feas)
        if scalar:
            out = DryCoolerOperationSI(float(t_leave), float(t_air), bool(wet), float(r), float(fan), float(water), feas)
        return out

    # -- pieces shared by operate_si and the plant's fast path (same arithmetic) ---
    def _approach_full(self, q):
        """Approach at full airflow, :math:`a_d\\,Q/Q_d` [K]."""
        return self._s.design_approach * (q / self._s.design_heat_rejection)

    def _airflow_si(self, heat_rejected, t_supply_required, t_dry_bulb, t_wet_bulb):
        """Approach at full airflow, broadcast request and dry bulb, airflow ratio (before the
        full-fan cut), feasibility, wet mask and coil air temperature."""
        q, treq, tdb = np.broadcast_arrays(*(np.asarray(v, float) for v in (heat_rejected, t_supply_required, t_dry_bulb)))
        a_full = self._approach_full(q)
        r_dry, ok_dry = _airflow(a_full, treq - tdb)
        t_air = tdb
        wet = np.zeros(q.shape, bool)
        if self.precooler is not None:
            if t_wet_bulb is None:
                raise OutOfRangeError("parameter 't_wet_bulb' is required when the dry cooler has a precooler; got None")
            twb = np.broadcast_to(np.asarray(t_wet_bulb, float), q.shape)
            if np.any(twb > tdb):
                raise OutOfRangeError("parameter 't_wet_bulb' must not exceed 't_dry_bulb'; got "
                                      f"{float(np.max(twb - tdb)):.4g} K above it")
            t_pre = tdb - self.precooler.saturation_effectiveness * (tdb - twb)
            r_wet, ok_wet = _airflow(a_full, treq - t_pre)
            wet = ~ok_dry
            t_air = np.where(wet, t_pre, tdb)
            r, ok = np.where(wet, r_wet, r_dry), ok_dry | ok_wet
        else:
            r, ok = r_dry, ok_dry
        return a_full, treq, tdb, r, ok, wet, t_air

    def _fan_power(self, r):
        """Fan power at airflow ratio ``r`` [W]."""
        return sized_fan_power(self._s, r)

    def _water(self, r, tdb, t_air, wet):
        """Pre-cooling evaporation [m³/s], zero where the coil runs dry (computed only where wet)."""
        qd, rise = self._s.design_heat_rejection, self._s.design_air_temperature_rise
        if np.ndim(wet) == 0:
            m_air = r * qd / (CP_AIR * rise)
            return np.where(wet, evaporation_rate.si(m_air * CP_AIR * (tdb - t_air)), 0.0)
        water = np.zeros(np.broadcast_shapes(np.shape(r), np.shape(qd), np.shape(tdb), np.shape(t_air), wet.shape))
        if wet.any():
            idx = np.broadcast_to(wet, water.shape)
            r_w, qd_w, tdb_w, tair_w = (np.broadcast_to(a, water.shape)[idx] for a in (r, qd, tdb, t_air))
            m_air = r_w * qd_w / (CP_AIR * rise)
            water[idx] = evaporation_rate.si(m_air * CP_AIR * (tdb_w - tair_w))
        return water

    def _plant_duty_si(self, heat_rejected, t_supply_required, t_dry_bulb, t_wet_bulb=None):
        """Fan power [W] and pre-cooling water [m³/s] only (the plant's fast path).

        Identical to the ``fan_power`` and ``water`` of :meth:`operate_si`
        without the outputs a plant does not use; scalar calls go through
        :meth:`operate_si` (which raises for an infeasible scalar).
        """
        if is_scalar(heat_rejected, t_supply_required, t_dry_bulb, t_wet_bulb):
            op = self.operate_si(heat_rejected, t_supply_required, t_dry_bulb, t_wet_bulb)
            return op.fan_power, op.water
        _, _, tdb, r, ok, wet, t_air = self._airflow_si(heat_rejected, t_supply_required, t_dry_bulb, t_wet_bulb)
        r = np.where(ok, r, 1.0)
        return self._fan_power(r), self._water(r, tdb, t_air, wet)

    @quantity_io(heat_rejected=POWER.nonnegative(), t_supply_required=TEMPERATURE.positive(),
                 t_dry_bulb=TEMPERATURE.positive(), t_wet_bulb=optional(TEMPERATURE.positive()))
    def operate(self, heat_rejected, t_supply_required, t_dry_bulb, t_wet_bulb=None) -> DryCoolerOperation:
        """Supply a fluid temperature with the least fan power, pre-cooling only if needed.

        Parameters
        ----------
        heat_rejected : pint.Quantity
            Heat rejected [W].
        t_supply_required : pint.Quantity
            Requested leaving fluid temperature [K].
        t_dry_bulb : pint.Quantity
            Outdoor dry bulb [K].
        t_wet_bulb : pint.Quantity or None
            Outdoor wet bulb; required with a precooler [K].

        Returns
        -------
        DryCoolerOperation
            Temperatures [K], fan power [W], water [m³/s], feasibility.
        """
        r = self.operate_si(heat_rejected, t_supply_required, t_dry_bulb, t_wet_bulb)
        t = TEMPERATURE.quantity
        return DryCoolerOperation(t(r.t_leaving), t(r.t_air_entering), r.wet, r.airflow_ratio,
                                  POWER.quantity(r.fan_power), VOLUMETRIC_FLOW.quantity(r.water), r.feasibility)


def _airflow(a_full, a_available):
    """Airflow ratio holding ``a_available``; feasible where positive and ≤ 1."""
    above = a_available > 0
    r = np.full(np.broadcast_shapes(np.shape(a_full), np.shape(above)), np.inf)
    with np.errstate(divide="ignore", invalid="ignore"):
        np.divide(a_full, a_available, out=r, where=above)  # inf where the air is not colder than the request
    return r, above & (r <= 1.0 + 1e-12)
