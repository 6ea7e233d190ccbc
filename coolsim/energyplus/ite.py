"""EnergyPlus-compatible air-cooled IT equipment: the ``ElectricEquipment:ITE:AirCooled`` equations.

A user with an EnergyPlus data-centre model can carry its IT description (design power, fan
power fraction, the CPU-power, airflow, fan-power, recirculation and power-supply curves) into
coolsim unchanged, and coolsim can write a coolsim server back out as that object
(:meth:`AirCooledITE.from_server`).

Equations ([1]_, "Heat Gain from IT Equipment"; [2]_ for the approach-temperature fields),
with :math:`P_d` the design power input, :math:`f_{fan}` the design fan power fraction,
:math:`S` the design-level schedule, :math:`u` the CPU loading:

.. math::
   P_{CPU,d} = P_d (1 - f_{fan}), \\quad P_{fan,d} = P_d f_{fan}, \\quad
   R = R_d\\,g_R(u, T_s), \\quad T_{in} = T_s (1 - R) + T_z R \\;
   (\\text{or } T_{in} = T_s + \\Delta T_{supply}),

   P_{CPU} = P_{CPU,d}\\,S\\,g_{CPU}(u, T_{in}), \\quad
   F = g_{V}(u, T_{in}), \\quad V = V_d F, \\quad P_{fan} = P_{fan,d}\\,S\\,g_{fan}(F),

   PLR = \\frac{P_{CPU} + P_{fan}}{P_{CPU,d} + P_{fan,d}}, \\quad
   P_{UPS} = (P_{CPU} + P_{fan})\\,(1 - \\eta_{d}\\,g_{UPS}(PLR)),

   T_{out} = T_{in} + \\frac{P_{CPU} + P_{fan}}{\\rho c_p V}, \\quad
   SHI = \\frac{T_{in} - T_s}{T_{out} - T_s}.

Curves are EnergyPlus ``Curve:Biquadratic`` (x = loading, y = temperature in °C) and
``Curve:Quadratic``/``Curve:Cubic`` objects.  EnergyPlus holds every curve input at the
curve's limits and every output inside its output limits; :class:`ITECurve` does the same
and reports where it did (``within_curve_range``), never silently.

The default curves are those of the EnergyPlus example file
``1ZoneDataCenterCRAC_wApproachTemp.idf`` [3]_: CPU power :math:`-1 + u + 0.06667\\,T`
(1 at full load and 15 °C, the example's design inlet), airflow :math:`-1.4 + 0.9u + 0.1T`,
fan power = flow fraction, UPS efficiency curve = 1, recirculation curve = 1.

References
----------
.. [1] U.S. DOE, *EnergyPlus Engineering Reference*, "Internal Heat Gains: Heat Gain from IT
   Equipment" (ElectricEquipment:ITE:AirCooled), EnergyPlus 9-25,
   https://energyplus.net/documentation.
.. [2] U.S. DOE, *EnergyPlus Input Output Reference*, "ElectricEquipment:ITE:AirCooled"
   (fields Supply/Return Temperature Difference, FlowControlWithApproachTemperatures).
.. [3] EnergyPlus example file ``testfiles/1ZoneDataCenterCRAC_wApproachTemp.idf``,
   github.com/NREL/EnergyPlus (commit 014051f2), objects ``Data Center Servers Power
   fLoadTemp``, ``Data Center Servers Airflow fLoadTemp``, ``ECM FanPower fFlow``,
   ``UPS Efficiency fPLR``, ``Data Center Recirculation fLoadTemp``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from ..errors import OutOfRangeError
from ..units import (DIMENSIONLESS, FRACTION, POWER, TEMPERATURE, TEMPERATURE_DIFFERENCE, VOLUMETRIC_FLOW, Kind, Q_,
                     quantity_io, to_si)

__all__ = [
    "ITECurve", "CPU_POWER_CURVE", "AIRFLOW_CURVE", "FAN_POWER_CURVE", "UPS_EFFICIENCY_CURVE",
    "RECIRCULATION_CURVE", "FLOW_PER_POWER", "ite_inlet_temperature", "ite_power", "ITEResult", "AirCooledITE",
]

#: Airflow per unit design power [m³/(s·W)] (EnergyPlus "Design Fan Air Flow Rate per Power Input").
FLOW_PER_POWER = Kind("airflow per power", "m**3/(s*W)", "Q_(0.0001, 'm**3/s/W')")
_ZERO_C = 273.15
_T_AIR = TEMPERATURE.between(233.15, 373.15)  # -40 ... 100 degC, any air an ITE inlet may see


@dataclass(frozen=True)
class ITECurve:
    """An EnergyPlus performance curve: biquadratic in (x, y) or polynomial in x.

    Parameters
    ----------
    coefficients : tuple of float
        ``(c1, c2, c3, c4, c5, c6)`` of ``Curve:Biquadratic``
        (:math:`c_1 + c_2 x + c_3 x^2 + c_4 y + c_5 y^2 + c_6 x y`), or ``(c1, c2, c3)`` of
        ``Curve:Quadratic`` / ``(c1, c2, c3, c4)`` of ``Curve:Cubic`` (powers of x) [-].
    x_limits, y_limits : tuple of float
        Input limits; ``y_limits`` only for a biquadratic (y in °C) [-].
    output_limits : tuple of float
        Output limits (EnergyPlus ``Minimum/Maximum Curve Output``) [-].
    name : str
        The EnergyPlus object name written to an input file.
    """

    coefficients: tuple
    x_limits: tuple = (0.0, 99.0)
    y_limits: tuple | None = None
    output_limits: tuple | None = None
    name: str = ""

    def __post_init__(self):
        n = len(self.coefficients)
        if self.y_limits is None and n not in (3, 4) or self.y_limits is not None and n != 6:
            raise OutOfRangeError(f"parameter 'coefficients' must have 6 values with y_limits (biquadratic) or 3-4 "
                                  f"without (quadratic/cubic); got {n} values, y_limits {self.y_limits!r}")
        for lim, nm in ((self.x_limits, "x_limits"), (self.y_limits, "y_limits"), (self.output_limits, "output_limits")):
            if lim is not None and not (len(lim) == 2 and lim[0] <= lim[1]):
                raise OutOfRangeError(f"parameter '{nm}' must be (low, high) with low <= high; got {lim!r}")

    @property
    def biquadratic(self) -> bool:
        """Whether the curve has a second input (temperature)."""
        return self.y_limits is not None

    def evaluate(self, x, y=None):
        """Curve value and a mask of where every input and the output were inside their limits.

        Inputs outside the limits are held at the limit and the output is held inside the
        output limits, as EnergyPlus does; the mask reports it.
        """
        x = np.asarray(x, dtype=float)
        xc = np.clip(x, *self.x_limits)
        inside = x == xc
        c = self.coefficients
        if self.biquadratic:
            y = np.asarray(y, dtype=float)
            yc = np.clip(y, *self.y_limits)
            inside = inside & (y == yc)
            v = c[0] + c[1] * xc + c[2] * xc * xc + c[3] * yc + c[4] * yc * yc + c[5] * xc * yc
        else:
            v = sum(ci * xc**i for i, ci in enumerate(c))
        if self.output_limits is not None:
            vc = np.clip(v, *self.output_limits)
            inside = inside & (v == vc)
            v = vc
        return v, inside


_BQ = dict(x_limits=(0.0, 1.5), y_limits=(-10.0, 99.0), output_limits=(0.0, 99.0))
#: ``Data Center Servers Power fLoadTemp`` of [3]: -1 + x + 0.06667 y.
CPU_POWER_CURVE = ITECurve((-1.0, 1.0, 0.0, 0.06667, 0.0, 0.0), name="Data Center Servers Power fLoadTemp", **_BQ)
#: ``Data Center Servers Airflow fLoadTemp`` of [3]: -1.4 + 0.9 x + 0.1 y.
AIRFLOW_CURVE = ITECurve((-1.4, 0.9, 0.0, 0.1, 0.0, 0.0), name="Data Center Servers Airflow fLoadTemp", **_BQ)
#: ``ECM FanPower fFlow`` of [3]: x (fan power proportional to flow fraction).
FAN_POWER_CURVE = ITECurve((0.0, 1.0, 0.0), (0.0, 99.0), name="ECM FanPower fFlow")
#: ``UPS Efficiency fPLR`` of [3]: 1 (constant efficiency).
UPS_EFFICIENCY_CURVE = ITECurve((1.0, 0.0, 0.0), (0.0, 99.0), name="UPS Efficiency fPLR")
#: ``Data Center Recirculation fLoadTemp`` of [3]: 1.
RECIRCULATION_CURVE = ITECurve((1.0, 0.0, 0.0, 0.0, 0.0, 0.0), name="Data Center Recirculation fLoadTemp", **_BQ)


@quantity_io(returns=TEMPERATURE, supply_temperature=_T_AIR, zone_temperature=_T_AIR,
             recirculation_fraction=FRACTION)
def ite_inlet_temperature(supply_temperature, zone_temperature, recirculation_fraction):
    """IT inlet temperature of the ``AdjustedSupply`` connection: supply air mixed with zone air.

    Parameters
    ----------
    supply_temperature : pint.Quantity
        Supply-air node temperature :math:`T_s` [K].
    zone_temperature : pint.Quantity
        Zone (room/return) air temperature :math:`T_z` [K].
    recirculation_fraction : float
        Recirculation fraction :math:`R = R_d\\,g_R(u, T_s)`, in [0, 1] [-].

    Returns
    -------
    pint.Quantity
        :math:`T_{in} = T_s (1 - R) + T_z R` [K].

    Notes
    -----
    EnergyPlus Engineering Reference, "Heat Gain from IT Equipment", ``AdjustedSupply``.
    A well-mixed blend; valid for any temperatures.  coolsim's containment model
    (:func:`coolsim.capture.air.containment_air_path`) with bypass *b* and recirculation *r*
    gives the same inlet with :math:`R = r/(1-b)` when :math:`T_z` is the return temperature.

    References
    ----------
    .. [1] U.S. DOE, *EnergyPlus Engineering Reference*, "Heat Gain from IT Equipment".

    Examples
    --------
    >>> ite_inlet_temperature(Q_(24, "degC"), Q_(34, "degC"), 0.1).to("degC")
    <Quantity(25.0, 'degree_Celsius')>
    """
    return supply_temperature * (1.0 - recirculation_fraction) + zone_temperature * recirculation_fraction


class ITEResult(NamedTuple):
    """What :func:`ite_power` and :meth:`AirCooledITE.evaluate_si` return (SI)."""

    cpu_power: object  #: CPU (everything but fans) electric power [W]
    fan_power: object  #: server fan electric power [W]
    ups_power: object  #: electric power supply (UPS) loss [W]
    airflow: object  #: IT airflow [m³/s]
    part_load_ratio: object  #: power-supply part-load ratio [-]
    within_curve_range: object  #: bool, every curve input and output inside its limits


@quantity_io(utilisation=DIMENSIONLESS.nonnegative(), inlet_temperature=_T_AIR, design_power=POWER.nonnegative(),
             fan_power_fraction=FRACTION, flow_per_power=FLOW_PER_POWER.nonnegative(),
             ups_efficiency=DIMENSIONLESS.between(0.0, 1.0, lo_open=True), schedule=DIMENSIONLESS.nonnegative())
def ite_power(utilisation, inlet_temperature, design_power, fan_power_fraction=0.4, flow_per_power=1e-4,
              ups_efficiency=0.9, schedule=1.0, cpu_curve=CPU_POWER_CURVE, airflow_curve=AIRFLOW_CURVE,
              fan_curve=FAN_POWER_CURVE, ups_curve=UPS_EFFICIENCY_CURVE):
    """CPU, fan and power-supply power and airflow of ``ElectricEquipment:ITE:AirCooled``.

    Parameters
    ----------
    utilisation : float or array_like
        CPU loading schedule value :math:`u` (EnergyPlus allows up to 1.5 on the default curves) [-].
    inlet_temperature : pint.Quantity
        Air inlet temperature :math:`T_{in}` [K].
    design_power : pint.Quantity
        Design power input :math:`P_d` (full load, design inlet) of all units together [W].
    fan_power_fraction : float
        Design fan power input fraction :math:`f_{fan}`; default 0.4 (example file [2]) [-].
    flow_per_power : pint.Quantity
        Design airflow per design power input; default 1e-4 m³/(s·W) (example file [2]) [m³/(s·W)].
    ups_efficiency : float
        Design electric power supply efficiency :math:`\\eta_d`; default 0.9 (example file) [-].
    schedule : float
        Design power input schedule value :math:`S` (fraction powered up); default 1 [-].
    cpu_curve, airflow_curve, fan_curve, ups_curve : ITECurve
        :math:`g_{CPU}(u, T)`, :math:`g_V(u, T)`, :math:`g_{fan}(F)`, :math:`g_{UPS}(PLR)`;
        defaults: the example file's curves (module docstring) [-].

    Returns
    -------
    ITEResult
        ``cpu_power`` [W], ``fan_power`` [W], ``ups_power`` [W], ``airflow`` [m³/s],
        ``part_load_ratio`` [-], ``within_curve_range`` (bool).

    Notes
    -----
    Equations in the module docstring ([1]_).  Curve inputs outside their limits are held at
    the limits, as in EnergyPlus, and flagged in ``within_curve_range``; results are not
    clipped at zero other than by the curves' own output limits.  Valid where the curves were
    fitted (the example curves: loading 0-1.5, inlet -10-99 °C by declaration; physically the
    class envelope of the servers).

    References
    ----------
    .. [1] U.S. DOE, *EnergyPlus Engineering Reference*, "Heat Gain from IT Equipment".
    .. [2] EnergyPlus ``testfiles/1ZoneDataCenterCRAC_wApproachTemp.idf``, ``Data Center Servers``.

    Examples
    --------
    The example file's 100 × 500 W servers at full load and 15 °C inlet:

    >>> r = ite_power(1.0, Q_(15, "degC"), Q_(50, "kW"))
    >>> round(float(r.cpu_power.to("kW").m), 3), round(float(r.fan_power.to("kW").m), 3)
    (30.001, 20.0)
    >>> round(float(r.ups_power.to("kW").m), 3), round(float(r.airflow.to("m**3/s").m), 3)
    (5.0, 5.0)
    """
    out = _ite_power_si(utilisation, inlet_temperature, design_power, fan_power_fraction, flow_per_power,
                        ups_efficiency, schedule, cpu_curve, airflow_curve, fan_curve, ups_curve)
    w = POWER.quantity
    return ITEResult(w(out.cpu_power), w(out.fan_power), w(out.ups_power), VOLUMETRIC_FLOW.quantity(out.airflow),
                     out.part_load_ratio, out.within_curve_range)


def _f(x):
    return float(x) if np.ndim(x) == 0 else x


def _b(x):
    return bool(x) if np.ndim(x) == 0 else x


def _ite_power_si(u, t_in, p_design, f_fan=0.4, flow_per_power=1e-4, eta_ups=0.9, schedule=1.0,
                  cpu_curve=CPU_POWER_CURVE, airflow_curve=AIRFLOW_CURVE, fan_curve=FAN_POWER_CURVE,
                  ups_curve=UPS_EFFICIENCY_CURVE):
    """SI core of :func:`ite_power` (same arguments in SI, same defaults); returns :class:`ITEResult`."""
    for nm, c in (("cpu_curve", cpu_curve), ("airflow_curve", airflow_curve), ("fan_curve", fan_curve),
                  ("ups_curve", ups_curve)):
        if not isinstance(c, ITECurve):
            raise OutOfRangeError(f"parameter '{nm}' must be an ITECurve; got {type(c).__name__}")
        if c.biquadratic != (nm in ("cpu_curve", "airflow_curve")):
            raise OutOfRangeError(f"parameter '{nm}' must be a {'biquadratic' if not c.biquadratic else 'one-input'} "
                                  f"curve; got coefficients {c.coefficients!r}")
    t_c = np.asarray(t_in, dtype=float) - _ZERO_C
    p_cpu_d = p_design * (1.0 - f_fan)
    p_fan_d = p_design * f_fan
    g_cpu, ok1 = cpu_curve.evaluate(u, t_c)
    flow_frac, ok2 = airflow_curve.evaluate(u, t_c)
    g_fan, ok3 = fan_curve.evaluate(flow_frac)
    cpu = p_cpu_d * schedule * g_cpu
    fan = p_fan_d * schedule * g_fan
    airflow = p_design * flow_per_power * flow_frac
    total_d = p_cpu_d + p_fan_d
    plr = (cpu + fan) / total_d if total_d > 0 else np.zeros_like(cpu + fan)
    g_ups, ok4 = ups_curve.evaluate(plr)
    ups = (cpu + fan) * np.maximum(1.0 - eta_ups * g_ups, 0.0)
    return ITEResult(_f(cpu), _f(fan), _f(ups), _f(airflow), _f(plr), _b(ok1 & ok2 & ok3 & ok4))


ite_power.si = _ite_power_si


@dataclass(frozen=True)
class AirCooledITE:
    """One ``ElectricEquipment:ITE:AirCooled`` object: design figures, curves and air connection.

    Parameters
    ----------
    design_power : pint.Quantity
        Design power input of all units (watts per unit × number of units) [W].
    fan_power_fraction : float
        Design fan power input fraction [-]; default 0.4 (example file).
    flow_per_power : pint.Quantity
        Design airflow per design power [m³/(s·W)]; default 1e-4 (example file).
    design_inlet_temperature : pint.Quantity
        Design entering air temperature [K]; default 15 °C (example file).
    ups_efficiency : float
        Design electric power supply efficiency [-]; default 0.9 (example file).
    ups_loss_to_zone : float
        Fraction of power-supply losses to the zone [-]; default 1 (example file).
    recirculation_fraction : float
        Design recirculation fraction (``AdjustedSupply``) [-]; default 0.1 (example file).
    supply_approach, return_approach : pint.Quantity or None
        ``FlowControlWithApproachTemperatures`` supply and return temperature differences
        [K]; default ``None`` (``FlowFromSystem`` with recirculation).  The example file uses
        2 K and -1 K.
    cpu_curve, airflow_curve, fan_curve, ups_curve, recirculation_curve : ITECurve
        Defaults: the example file's curves.

    Examples
    --------
    >>> ite = AirCooledITE(Q_(50, "kW"))
    >>> r = ite.evaluate(1.0, Q_(13.9, "degC"), Q_(30, "degC"))
    >>> round(float(r.cpu_power.to("kW").m), 2)  # inlet 0.9 x 13.9 + 0.1 x 30 = 15.51 degC
    31.02
    """

    design_power: object
    fan_power_fraction: float = 0.4
    flow_per_power: object = field(default_factory=lambda: Q_(1e-4, "m**3/s/W"))
    design_inlet_temperature: object = field(default_factory=lambda: Q_(15.0, "degC"))
    ups_efficiency: float = 0.9
    ups_loss_to_zone: float = 1.0
    recirculation_fraction: float = 0.1
    supply_approach: object = None
    return_approach: object = None
    cpu_curve: ITECurve = CPU_POWER_CURVE
    airflow_curve: ITECurve = AIRFLOW_CURVE
    fan_curve: ITECurve = FAN_POWER_CURVE
    ups_curve: ITECurve = UPS_EFFICIENCY_CURVE
    recirculation_curve: ITECurve = RECIRCULATION_CURVE
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        s = self._si
        for name, spec in (("design_power", POWER.positive()), ("fan_power_fraction", FRACTION),
                           ("flow_per_power", FLOW_PER_POWER.positive()), ("design_inlet_temperature", _T_AIR),
                           ("ups_efficiency", DIMENSIONLESS.between(0.0, 1.0, lo_open=True)),
                           ("ups_loss_to_zone", FRACTION), ("recirculation_fraction", FRACTION)):
            s[name] = float(to_si(getattr(self, name), spec, name))
        if (self.supply_approach is None) != (self.return_approach is None):
            raise OutOfRangeError("parameters 'supply_approach' and 'return_approach' must be given together")
        if self.supply_approach is not None:
            for name in ("supply_approach", "return_approach"):
                s[name] = float(to_si(getattr(self, name), TEMPERATURE_DIFFERENCE.between(-20.0, 20.0), name))
        if not (isinstance(self.recirculation_curve, ITECurve) and self.recirculation_curve.biquadratic):
            raise OutOfRangeError("parameter 'recirculation_curve' must be a biquadratic ITECurve")

    @property
    def si(self) -> dict:
        """Scalar SI parameters."""
        return self._si

    def inlet_temperature_si(self, utilisation, supply_temperature, zone_temperature):
        """IT inlet temperature [K] and the recirculation curve's range mask."""
        s = self._si
        if "supply_approach" in s:
            t = np.asarray(supply_temperature, float) + s["supply_approach"]
            return _f(t), _b(np.ones(np.shape(t), bool))
        g, ok = self.recirculation_curve.evaluate(utilisation, np.asarray(supply_temperature, float) - _ZERO_C)
        r = np.clip(s["recirculation_fraction"] * g, 0.0, 1.0)
        ok = ok & (s["recirculation_fraction"] * g == r)
        return _f(ite_inlet_temperature.si(supply_temperature, zone_temperature, r)), _b(ok)

    def evaluate_si(self, utilisation, supply_temperature, zone_temperature=None, schedule=1.0) -> ITEResult:
        """SI core of :meth:`evaluate` (utilisation [-], temperatures [K])."""
        s = self._si
        u = DIMENSIONLESS.nonnegative().check(utilisation, "utilisation")
        ts = _T_AIR.check(supply_temperature, "supply_temperature")
        if zone_temperature is None:
            if "supply_approach" not in s:
                raise OutOfRangeError("parameter 'zone_temperature' is required with recirculation "
                                      "(AdjustedSupply); give it or use supply/return approaches")
            zone_temperature = ts
        tz = _T_AIR.check(zone_temperature, "zone_temperature")
        t_in, ok = self.inlet_temperature_si(u, ts, tz)
        r = _ite_power_si(u, t_in, s["design_power"], s["fan_power_fraction"], s["flow_per_power"],
                          s["ups_efficiency"], schedule, self.cpu_curve, self.airflow_curve, self.fan_curve,
                          self.ups_curve)
        return r._replace(within_curve_range=_b(np.asarray(r.within_curve_range) & ok))

    def evaluate(self, utilisation, supply_temperature, zone_temperature=None, schedule=1.0) -> ITEResult:
        """Powers and airflow at a CPU loading, a supply-air and a zone temperature.

        Parameters
        ----------
        utilisation : float or array_like
            CPU loading [-].
        supply_temperature : pint.Quantity
            Supply-air node temperature [K].
        zone_temperature : pint.Quantity, optional
            Zone air temperature (needed for recirculation) [K].
        schedule : float
            Design power input schedule value [-].

        Returns
        -------
        ITEResult
            As :func:`ite_power`, with Quantities.
        """
        ts = to_si(supply_temperature, _T_AIR, "supply_temperature")
        tz = None if zone_temperature is None else to_si(zone_temperature, _T_AIR, "zone_temperature")
        r = self.evaluate_si(utilisation, ts, tz, to_si(schedule, DIMENSIONLESS.nonnegative(), "schedule"))
        w = POWER.quantity
        return ITEResult(w(r.cpu_power), w(r.fan_power), w(r.ups_power), VOLUMETRIC_FLOW.quantity(r.airflow),
                         r.part_load_ratio, r.within_curve_range)

    def outlet_temperature_si(self, result: ITEResult, inlet_temperature, density=1.2, specific_heat=1006.0):
        """Air outlet temperature [K]: :math:`T_{in} + (P_{CPU}+P_{fan})/(\\rho c_p V)`."""
        q = np.asarray(result.cpu_power) + np.asarray(result.fan_power)
        v = np.asarray(result.airflow)
        if np.any(v <= 0.0):
            raise OutOfRangeError("parameter 'result': the ITE airflow must be positive to find an outlet temperature")
        return _f(inlet_temperature + q / (density * specific_heat * v))

    @classmethod
    def from_server(cls, server, count, inlet_temperature, recirculation_fraction=0.0, ups_efficiency=1.0,
                    ups_curve=UPS_EFFICIENCY_CURVE, it_delta_t=11.1):
        """The ITE object equivalent to ``count`` coolsim servers below their fan knee.

        coolsim's server (:mod:`coolsim.it_equipment`): power :math:`P(u) = P_i + (P_m - P_i)u`,
        fans :math:`P_{f,ref}\\,\\max(P(u)/P_m, 0.2)^3` at inlets up to the fan knee.  As ITE:
        :math:`P_d = n P_m`, :math:`f_{fan} = P_{f,ref}/P_m`, CPU curve
        :math:`(P_i - P_{f,ref} + (P_m - P_i)u)/(P_m - P_{f,ref})` (no temperature term),
        flow curve :math:`(P_i + (P_m - P_i)u)/P_m`, fan curve :math:`F^3`.  Exact for
        :math:`P_i/P_m \\ge 0.2` and inlets at or below the knee (the temperature term of
        coolsim's fan model is not polynomial; it is dropped, and ``inlet_temperature`` above
        the knee raises).  ``it_delta_t`` [K] sets the design airflow per power.
        """
        s = server._si
        t_in = float(to_si(inlet_temperature, _T_AIR, "inlet_temperature"))
        if t_in > s["fan_knee_temperature"]:
            raise OutOfRangeError(f"parameter 'inlet_temperature' ({t_in - _ZERO_C:.4g} degC) is above the fan knee "
                                  f"of '{server.name}' ({s['fan_knee_temperature'] - _ZERO_C:.4g} degC), where the "
                                  "ITE curves written here do not reproduce coolsim's fan model")
        pm, pi, pf = s["max_power"], s["idle_power"], s["fan_power_ref"]
        if pi / pm < 0.2:
            raise OutOfRangeError(f"parameter 'server': idle/max power {pi / pm:.3g} < 0.2 (coolsim's fan floor)")
        lim = dict(x_limits=(0.0, 1.0), y_limits=(-10.0, 99.0), output_limits=(0.0, 99.0))
        cpu = ITECurve(((pi - pf) / (pm - pf), (pm - pi) / (pm - pf), 0.0, 0.0, 0.0, 0.0),
                       name=f"{server.name} CPU power fLoadTemp", **lim)
        flow = ITECurve((pi / pm, (pm - pi) / pm, 0.0, 0.0, 0.0, 0.0), name=f"{server.name} airflow fLoadTemp", **lim)
        fan = ITECurve((0.0, 0.0, 0.0, 1.0), (0.0, 1.5), name=f"{server.name} fan power fFlow")
        return cls(Q_(pm * count, "W"), pf / pm, Q_(1.0 / (1.2 * 1006.0 * float(it_delta_t)), "m**3/s/W"),
                   Q_(t_in, "K"), ups_efficiency, 0.0, recirculation_fraction, cpu_curve=cpu,
                   airflow_curve=flow, fan_curve=fan, ups_curve=ups_curve)
