"""The room air path: containment, cooling units (CRAH / fan wall) and the chilled-water stream.

* :func:`containment_air_path` — IT airflow, cooling-unit airflow, IT inlet,
  exhaust and return temperatures for a bypass and a recirculation fraction.
* :func:`return_temperature_index`, :func:`supply_heat_index` — RTI and SHI.
* :class:`CoolingUnit` — a CRAH or fan-wall unit: rated airflow, fan curve,
  coil approach, chilled-water ΔT, redundancy, sound power.
* :class:`AirSide` — containment + cooling units + supply air temperature +
  air class; :meth:`AirSide.evaluate_si` is the interface used by every
  capture component with an air path::

      AirSide(...).evaluate_si(heat_to_air [W], it_airflow [m³/s], site: SiteSI,
                               *, design_heat_to_air=None, design_it_airflow=None)
          -> AirSideResult(inlet_temperature, exhaust_temperature, return_temperature,
                           cooling_airflow, fan_power, units_installed, units_running,
                           sound_power_level, stream (HeatStream), feasibility, details)

  Units are sized from ``design_*`` (the full-load airflow) when given, else
  from the airflow being evaluated, element by element.

Air-path model (well-mixed streams, one density).  Of the cooling-unit
airflow :math:`V_{cu}` a share *b* (bypass) returns without passing IT; a share
*r* of the IT intake :math:`V_{it}` is hot exhaust (recirculation):

.. math::
   T_{in} = T_s + \\frac{r}{1-r}\\,\\Delta T_{it}, \\quad
   T_{ex} = T_{in} + \\Delta T_{it}, \\quad
   V_{cu} = \\frac{(1-r)\\,V_{it}}{1-b}, \\quad
   T_{ret} = (1-b)\\,T_{ex} + b\\,T_s,

so that :math:`\\rho c_p V_{cu}(T_{ret} - T_s) = \\rho c_p V_{it}\\Delta T_{it} = Q`
exactly, RTI = :math:`(1-b)/(1-r) = V_{it}/V_{cu}` and SHI = *r*.
Volumetric flows are at the supply-air state (draw-through units: the fans
sit after the coil).

References
----------
.. [1] M. K. Herrlin, "Airflow and Cooling Performance of Data Centers: Two
   Performance Metrics", ASHRAE Transactions 114(2), 182-187 (2008) (RTI).
.. [2] R. K. Sharma, C. E. Bash, C. D. Patel, "Dimensionless Parameters for
   Evaluation of Thermal Design and Performance of Large-Scale Data
   Centers", AIAA-2002-3091 (2002) (SHI).
.. [3] ASHRAE TC 9.9, *Thermal Guidelines for Data Processing Environments*,
   5th ed. (2021).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .. import fans as _fans
from .. import psychrometrics as _psy
from ..errors import OutOfRangeError
from ..feasibility import Feasibility
from ..units import (DENSITY, DIMENSIONLESS, LENGTH, POWER, PRESSURE, SPECIFIC_HEAT, TEMPERATURE,
                     TEMPERATURE_DIFFERENCE, VOLUMETRIC_FLOW, Q_, quantity_io, to_si)
from .air_classes import _class_compliance_si, _rci_si, air_class
from .base import HeatStream

__all__ = [
    "STANDARD_AIR_DENSITY", "STANDARD_AIR_CP", "containment_air_path", "return_temperature_index",
    "supply_heat_index", "CoolingUnit", "AirSide", "AirSideResult",
]

#: "Standard air" of HVAC practice: 1.2 kg/m³ and 1006 J/(kg·K) (ASHRAE HoF 2017 ch. 1; the 1.08 Btu/(h·cfm·°F) rule).
STANDARD_AIR_DENSITY = 1.2
STANDARD_AIR_CP = 1006.0

_SHARE = DIMENSIONLESS.spec(0.0, 1.0, hi_open=True)  # bypass, recirculation: 0 <= x < 1
_T_AIR = TEMPERATURE.between(273.15, 323.15)  # supply air 0 ... 50 °C
_EFF = DIMENSIONLESS.spec(0.0, 1.0, lo_open=True)


def _mix(heat, it_airflow, supply_temperature, bypass, recirculation, rho_cp):
    """Mixing balance on SI arrays; returns (dT_it, V_cu, T_in, T_ex, T_ret)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        dt = np.where(it_airflow > 0.0, heat / (rho_cp * np.where(it_airflow > 0.0, it_airflow, 1.0)), 0.0)
    t_in = supply_temperature + recirculation / (1.0 - recirculation) * dt
    t_ex = t_in + dt
    v_cu = (1.0 - recirculation) * it_airflow / (1.0 - bypass)
    t_ret = (1.0 - bypass) * t_ex + bypass * supply_temperature
    return dt, v_cu, t_in, t_ex, t_ret


def _f(x):
    return float(x) if np.ndim(x) == 0 else x


@quantity_io(returns=(VOLUMETRIC_FLOW, VOLUMETRIC_FLOW, TEMPERATURE, TEMPERATURE, TEMPERATURE),
             heat=POWER.nonnegative(), it_delta_t=TEMPERATURE_DIFFERENCE.positive(),
             supply_temperature=_T_AIR, bypass=_SHARE, recirculation=_SHARE,
             density=DENSITY.positive(), specific_heat=SPECIFIC_HEAT.positive())
def containment_air_path(heat, it_delta_t, supply_temperature, bypass=0.05, recirculation=0.02,
                         density=STANDARD_AIR_DENSITY, specific_heat=STANDARD_AIR_CP):
    """Airflows and temperatures of a contained (or open) hall with bypass and recirculation.

    Parameters
    ----------
    heat : pint.Quantity
        IT heat given to the air [W].
    it_delta_t : pint.Quantity
        Air temperature rise across the IT equipment, held by the server fans [K].
    supply_temperature : pint.Quantity
        Air temperature leaving the cooling units, 0-50 °C [K].
    bypass : float
        Share *b* of cooling-unit air returning without passing IT, 0 <= b < 1
        [-]; default 0.05 (assumption for a hot-aisle-contained hall).
    recirculation : float
        Share *r* of IT intake that is hot exhaust, 0 <= r < 1 [-]; default
        0.02 (assumption for a hot-aisle-contained hall).
    density : pint.Quantity
        Air density at which the volumetric flows are stated [kg/m³]; default
        1.2 (standard air).
    specific_heat : pint.Quantity
        Air specific heat [J/(kg·K)]; default 1006.

    Returns
    -------
    it_airflow : pint.Quantity
        :math:`V_{it} = Q/(\\rho c_p \\Delta T_{it})` [m³/s].
    cooling_airflow : pint.Quantity
        :math:`V_{cu} = (1-r) V_{it}/(1-b)` [m³/s].
    inlet_temperature, exhaust_temperature, return_temperature : pint.Quantity
        :math:`T_{in}`, :math:`T_{ex}`, :math:`T_{ret}` [K].

    Notes
    -----
    Equations in the module docstring: two well-mixed streams (a lumped,
    zero-dimensional hall; no CFD).  Valid when every rack sees the same
    recirculation; real halls have a spread of inlet temperatures, for which
    pass arrays per rack.  Containment typically brings *b* and *r* to a few
    per cent; open halls see 10-50 % (assumption-grade ranges, see the model page).

    References
    ----------
    .. [1] M. K. Herrlin, ASHRAE Transactions 114(2), 182-187 (2008).
    .. [2] ASHRAE HoF 2017 ch. 1 (standard air).

    Examples
    --------
    R05: a 10.2 kW server at a 20 K rise in standard air, no bypass or recirculation:

    >>> v_it, v_cu, t_in, t_ex, t_ret = containment_air_path(
    ...     Q_(10.2, "kW"), Q_(20, "K"), Q_(24, "degC"), 0.0, 0.0)
    >>> round(v_it.to("cfm").m, 1), round(t_ret.to("degC").m, 2)
    (895.2, 44.0)
    """
    v_it = heat / (density * specific_heat * it_delta_t)
    _, v_cu, t_in, t_ex, t_ret = _mix(heat, v_it, supply_temperature, bypass, recirculation, density * specific_heat)
    return _f(v_it), _f(v_cu), _f(t_in), _f(t_ex), _f(t_ret)


@quantity_io(returns=None, supply_temperature=TEMPERATURE.positive(), return_temperature=TEMPERATURE.positive(),
             it_delta_t=TEMPERATURE_DIFFERENCE.positive())
def return_temperature_index(supply_temperature, return_temperature, it_delta_t):
    """Return Temperature Index, RTI = (T_return - T_supply)/ΔT_it × 100 %.

    Parameters
    ----------
    supply_temperature : pint.Quantity
        Cooling-unit supply air temperature [K].
    return_temperature : pint.Quantity
        Cooling-unit return air temperature [K].
    it_delta_t : pint.Quantity
        Mean temperature rise across the IT equipment [K].

    Returns
    -------
    float or numpy.ndarray
        RTI [%]: 100 % balanced, > 100 % recirculation dominates, < 100 % bypass.

    Notes
    -----
    Herrlin (2008).  By the energy balance it equals the IT-to-cooling-unit
    mass-flow ratio, :math:`V_{it}/V_{cu} = (1-b)/(1-r)` in this model.

    References
    ----------
    .. [1] M. K. Herrlin, "Airflow and Cooling Performance of Data Centers: Two
       Performance Metrics", ASHRAE Transactions 114(2), 182-187 (2008).

    Examples
    --------
    >>> round(return_temperature_index(Q_(24, "degC"), Q_(34, "degC"), Q_(11.1, "K")), 1)
    90.1
    """
    return _f(100.0 * (return_temperature - supply_temperature) / it_delta_t)


@quantity_io(returns=None, supply_temperature=TEMPERATURE.positive(), inlet_temperature=TEMPERATURE.positive(),
             exhaust_temperature=TEMPERATURE.positive())
def supply_heat_index(supply_temperature, inlet_temperature, exhaust_temperature):
    """Supply Heat Index, SHI = (T_in - T_supply)/(T_exhaust - T_supply).

    Parameters
    ----------
    supply_temperature : pint.Quantity
        Supply (reference) air temperature [K].
    inlet_temperature : pint.Quantity
        IT inlet temperature [K].
    exhaust_temperature : pint.Quantity
        IT exhaust temperature, above the supply [K].

    Returns
    -------
    float or numpy.ndarray
        SHI [-]: 0 without recirculation; equals *r* in this model.

    Raises
    ------
    OutOfRangeError
        If the exhaust is not warmer than the supply.

    Notes
    -----
    Sharma, Bash & Patel (2002): the share of the rack's enthalpy rise that
    the inlet air already carries from mixing with exhaust.

    References
    ----------
    .. [1] R. K. Sharma, C. E. Bash, C. D. Patel, AIAA-2002-3091 (2002).

    Examples
    --------
    >>> round(supply_heat_index(Q_(24, "degC"), Q_(25, "degC"), Q_(44, "degC")), 3)
    0.05
    """
    if np.any(np.asarray(exhaust_temperature) <= np.asarray(supply_temperature)):
        raise OutOfRangeError("parameter 'exhaust_temperature' must be above 'supply_temperature' for SHI")
    return _f((inlet_temperature - supply_temperature) / (exhaust_temperature - supply_temperature))


def _int_at_least(value, lo, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < lo:
        raise OutOfRangeError(f"parameter '{name}' must be an integer >= {lo}; got {value!r}")
    return int(value)


@dataclass(frozen=True)
class CoolingUnit:
    """A CRAH or fan-wall unit (draw-through: coil, then fans).

    Parameters
    ----------
    rated_airflow : pint.Quantity
        Airflow of one unit at full speed [m³/s]; default 20,000 cfm
        (assumption: large chilled-water CRAHs are rated ~10,000-30,000 cfm).
    design_pressure : pint.Quantity
        Fan total pressure at ``rated_airflow`` (coil, filter, plenum,
        containment) [Pa]; default 375 Pa ≈ 1.5 inH₂O (assumption).
    static_pressure : pint.Quantity
        Flow-independent part of the system curve [Pa]; default 0 (the system
        is a pure resistance, so operating points are similar).
    system_exponent : float
        Exponent *n* of the system curve :math:`p_{st} + kQ^n` [-]; default 2.
    fan_curve : coolsim.fans.FanCurve, optional
        Rated-speed curve of one unit's fans (quadratic, with efficiency).
        Default: shut-off at 1.5 × design pressure, falling as :math:`Q^2` through
        the design point, with the best-efficiency parabola peaking at the rated
        flow with ``fan_efficiency`` (assumption).
    fan_efficiency : float
        Peak fan total efficiency for the default curve [-]; default 0.70
        (assumption: backward-curved plenum fans 0.65-0.75).
    motor_efficiency, drive_efficiency : float
        [-]; defaults 0.92 (EC/PM motor) and 0.97 (VFD) (assumptions).
        With the defaults the unit draws about 0.28 W per cfm at rated flow,
        inside the 0.2-0.5 W/cfm typical of CRAHs (2ND).
    coil_approach : pint.Quantity
        Coil leaving-air temperature minus chilled-water supply [K]; default 3 K (assumption).
    chilled_water_delta_t : pint.Quantity
        Chilled-water temperature rise [K]; default 6.7 K (12 °F, assumption).
    redundancy : int
        Spare units installed beyond those needed (N+1 default) [-].
    sound_power_level : float, optional
        Unweighted sound power of one unit at rated speed [dB re 1 pW];
        default: estimated with :func:`coolsim.fans.fan_sound_power_level` at the
        rated point for ``fan_type``.
    fan_type : coolsim.fans.FanType
        For the sound estimate; default ``CENTRIFUGAL_AIRFOIL_SMALL`` (plenum fans).

    Examples
    --------
    >>> u = CoolingUnit()
    >>> round(u.si["rated_airflow"], 3), round(u.sound_power_level_rated, 1)
    (9.439, 97.2)
    """

    rated_airflow: object = field(default_factory=lambda: Q_(20000.0, "cfm"))
    design_pressure: object = field(default_factory=lambda: Q_(375.0, "Pa"))
    static_pressure: object = field(default_factory=lambda: Q_(0.0, "Pa"))
    system_exponent: float = 2.0
    fan_curve: object = None
    fan_efficiency: float = 0.70
    motor_efficiency: float = 0.92
    drive_efficiency: float = 0.97
    coil_approach: object = field(default_factory=lambda: Q_(3.0, "K"))
    chilled_water_delta_t: object = field(default_factory=lambda: Q_(6.7, "K"))
    redundancy: int = 1
    sound_power_level: float | None = None
    fan_type: object = _fans.FanType.CENTRIFUGAL_AIRFOIL_SMALL
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        s = self._si
        for name, spec in (("rated_airflow", VOLUMETRIC_FLOW.positive()), ("design_pressure", PRESSURE.positive()),
                           ("static_pressure", PRESSURE.nonnegative()),
                           ("system_exponent", DIMENSIONLESS.spec(0.0, 3.0, lo_open=True)),
                           ("fan_efficiency", _EFF), ("motor_efficiency", _EFF), ("drive_efficiency", _EFF),
                           ("coil_approach", TEMPERATURE_DIFFERENCE.nonnegative()),
                           ("chilled_water_delta_t", TEMPERATURE_DIFFERENCE.positive())):
            v = to_si(getattr(self, name), spec, name)
            if np.ndim(v) != 0:
                raise OutOfRangeError(f"parameter '{name}' of a CoolingUnit must be a scalar; got shape {np.shape(v)}")
            s[name] = float(v)
        _int_at_least(self.redundancy, 0, "redundancy")
        if s["static_pressure"] >= s["design_pressure"]:
            raise OutOfRangeError(f"parameter 'static_pressure' must be < design_pressure ({s['design_pressure']} Pa); "
                                  f"got {s['static_pressure']} Pa")
        if not isinstance(self.fan_type, _fans.FanType):
            raise OutOfRangeError(f"parameter 'fan_type' must be a coolsim.fans.FanType; got {self.fan_type!r}")
        q, p = s["rated_airflow"], s["design_pressure"]
        curve = self.fan_curve
        if curve is None:
            curve = _fans.FanCurve((1.5 * p, 0.0, -0.5 * p / q**2)).with_bep_efficiency(self.fan_efficiency, Q_(q, "m**3/s"))
        if not isinstance(curve, _fans.FanCurve):
            raise OutOfRangeError(f"parameter 'fan_curve' must be a coolsim.fans.FanCurve; got {type(curve).__name__}")
        if len(curve.pressure_coefficients) > 3 or curve.efficiency_coefficients is None:
            raise OutOfRangeError("parameter 'fan_curve' must be quadratic (<= 3 pressure coefficients) and carry "
                                  f"efficiency coefficients; got {curve.pressure_coefficients!r}, "
                                  f"efficiency {curve.efficiency_coefficients!r}")
        object.__setattr__(self, "fan_curve", curve)
        s["k"] = (p - s["static_pressure"]) / q ** s["system_exponent"]
        if self.sound_power_level is None:
            lw = _fans.fan_sound_power_level.si(q, p, self.fan_type, 0.0)
        else:
            lw = to_si(self.sound_power_level, DIMENSIONLESS.between(0.0, 200.0), "sound_power_level")
        s["sound_power_level"] = float(lw)
        if self.speed_ratio_si(q) > 1.0 + 1e-9:
            raise OutOfRangeError("parameter 'fan_curve' cannot deliver 'rated_airflow' against 'design_pressure' at "
                                  f"full speed (speed ratio {self.speed_ratio_si(q):.4g} needed)")

    @property
    def si(self) -> dict:
        """Scalar SI parameters (K, Pa, m³/s, dB)."""
        return self._si

    @property
    def sound_power_level_rated(self) -> float:
        """Sound power level of one unit at rated speed [dB re 1 pW]."""
        return self._si["sound_power_level"]

    def system_pressure_si(self, flow):
        """System pressure [Pa] at a per-unit flow [m³/s]: :math:`p_{st} + kQ^n`."""
        s = self._si
        return s["static_pressure"] + s["k"] * flow ** s["system_exponent"]

    def speed_ratio_si(self, flow):
        """Fan speed ratio [-] at which one unit delivers ``flow`` [m³/s] against its system.

        Solves :math:`s^2 P(Q/s) = p_{sys}(Q)` in closed form for a quadratic
        curve :math:`P(q) = a_0 + a_1 q + a_2 q^2`:
        :math:`a_0 s^2 + a_1 Q s + a_2 Q^2 - p_{sys} = 0`, larger root (the
        stable branch).  Affinity laws (ASHRAE HVAC S&E 2020 ch. 21).
        """
        a = self.fan_curve.pressure_coefficients + (0.0,) * (3 - len(self.fan_curve.pressure_coefficients))
        q = np.asarray(flow, dtype=np.float64)
        c = a[2] * q * q - self.system_pressure_si(q)
        disc = np.maximum(a[1] * a[1] * q * q - 4.0 * a[0] * c, 0.0)
        return _f((-a[1] * q + np.sqrt(disc)) / (2.0 * a[0]))

    def power_si(self, flow):
        """Electrical power [W] of one unit delivering ``flow`` [m³/s]; also returns the speed ratio.

        :math:`P = Q\\,p_{sys}(Q) / (\\eta(Q, s)\\,\\eta_{motor}\\,\\eta_{drive})`,
        the fan efficiency read on the curve at the affinity-scaled point.
        """
        s = self._si
        q = np.asarray(flow, dtype=np.float64)
        speed = np.asarray(self.speed_ratio_si(q))
        on = (q > 0.0) & (speed > 0.0)
        qs = np.where(on, q, s["rated_airflow"])
        sp = np.where(on, speed, 1.0)
        eta = np.asarray(_fans.efficiency.si(self.fan_curve, qs, sp))
        p = np.where(on, qs * self.system_pressure_si(qs) / (eta * s["motor_efficiency"] * s["drive_efficiency"]), 0.0)
        return _f(p), _f(speed)


@dataclass(frozen=True)
class AirSideResult:
    """Result of :meth:`AirSide.evaluate_si` (SI floats or arrays).

    Temperatures [K], flows [m³/s], powers [W], levels [dB]; ``stream`` is the
    chilled-water :class:`~coolsim.capture.base.HeatStream`; ``details`` maps
    names to ``(value, unit)``.
    """

    inlet_temperature: object
    exhaust_temperature: object
    return_temperature: object
    supply_temperature: float
    it_delta_t: object
    it_airflow: object
    cooling_airflow: object
    fan_power: object
    units_installed: object
    units_running: object
    speed_ratio: object
    sound_power_level: object
    stream: HeatStream
    feasibility: Feasibility
    details: dict


@dataclass(frozen=True)
class AirSide:
    """The room air path: containment, cooling units, supply air temperature and air class.

    Parameters
    ----------
    supply_temperature : pint.Quantity
        Supply air temperature leaving the units [K]; default 24 °C
        (assumption: inside the ASHRAE recommended 18-27 °C with margin for
        recirculation).
    bypass, recirculation : float
        Shares *b* and *r* in [0, 1) [-]; defaults 0.05 and 0.02
        (assumption for hot-aisle containment; see :func:`containment_air_path`).
    cooling_unit : CoolingUnit
        The unit type (default :class:`CoolingUnit`).
    air_class : AirClass or str
        Class the IT inlets are held to; default A1 (ASHRAE 2021).
    room_dew_point : pint.Quantity
        Dew point of the hall air [K]; default 10 °C (assumption: mid
        recommended band, -9 to 15 °C).  Sets density and the dew-point check.
    units_installed : int, optional
        Fix the number of installed units; default ``None`` sizes N from the
        design airflow plus ``cooling_unit.redundancy``.  All installed units
        run and share the flow (usual VFD practice: N+1 units at part speed
        draw less than N at full speed).
    listener_distance : pint.Quantity
        Distance from one unit for the sound-pressure estimate [m]; default 1 m.

    Examples
    --------
    >>> from coolsim.site import design_site
    >>> r = AirSide().evaluate_si(1.0e6, 75.0, design_site("sterling-va").si)
    >>> round(float(r.inlet_temperature) - 273.15, 2), int(r.units_installed)
    (24.23, 10)
    """

    supply_temperature: object = field(default_factory=lambda: Q_(24.0, "degC"))
    bypass: float = 0.05
    recirculation: float = 0.02
    cooling_unit: CoolingUnit = field(default_factory=CoolingUnit)
    air_class: object = "A1"
    room_dew_point: object = field(default_factory=lambda: Q_(10.0, "degC"))
    units_installed: int | None = None
    listener_distance: object = field(default_factory=lambda: Q_(1.0, "m"))
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        s = self._si
        s["supply_temperature"] = float(to_si(self.supply_temperature, _T_AIR, "supply_temperature"))
        s["bypass"] = float(to_si(self.bypass, _SHARE, "bypass"))
        s["recirculation"] = float(to_si(self.recirculation, _SHARE, "recirculation"))
        s["room_dew_point"] = float(to_si(self.room_dew_point, TEMPERATURE.between(233.15, 303.15), "room_dew_point"))
        s["listener_distance"] = float(to_si(self.listener_distance, LENGTH.positive(), "listener_distance"))
        if not isinstance(self.cooling_unit, CoolingUnit):
            raise OutOfRangeError(f"parameter 'cooling_unit' must be a CoolingUnit; got {type(self.cooling_unit).__name__}")
        object.__setattr__(self, "air_class", air_class(self.air_class))
        if self.units_installed is not None:
            _int_at_least(self.units_installed, 1, "units_installed")
        if s["room_dew_point"] > s["supply_temperature"]:
            raise OutOfRangeError(f"parameter 'room_dew_point' ({s['room_dew_point']} K) must not exceed "
                                  f"'supply_temperature' ({s['supply_temperature']} K): supply air cannot be supersaturated")

    @property
    def si(self) -> dict:
        """Scalar SI parameters."""
        return self._si

    def air_properties_si(self, site):
        """Density [kg/m³] and specific heat [J/(kg·K)] of the supply air at the site pressure."""
        p = site.pressure
        w = _psy.humidity_ratio_from_dew_point.si(self._si["room_dew_point"], p)
        return (float(_psy.moist_air_density.si(self._si["supply_temperature"], w, p)),
                float(_psy.moist_air_specific_heat.si(w)))

    def inlet_temperature_si(self, it_delta_t):
        """IT inlet temperature [K] for a rise across IT ``it_delta_t`` [K]."""
        r = self._si["recirculation"]
        return self._si["supply_temperature"] + r / (1.0 - r) * it_delta_t

    def evaluate_si(self, heat_to_air, it_airflow, site, *, design_heat_to_air=None, design_it_airflow=None,
                    air_properties=None):
        """Evaluate the air path for IT heat to air [W] and IT airflow [m³/s] at a site (SiteSI).

        Returns an :class:`AirSideResult`.  ``design_heat_to_air`` and
        ``design_it_airflow`` (both or neither) size the units; without them
        each element is sized for its own airflow.  Fan heat is counted
        indoors: the chilled-water stream carries ``heat_to_air + fan_power``.
        ``air_properties``: :meth:`air_properties_si` at this site, when the caller
        already has it.
        """
        s, cu = self._si, self.cooling_unit
        b, r, ts = s["bypass"], s["recirculation"], s["supply_temperature"]
        q = POWER.nonnegative().check(heat_to_air, "heat_to_air")
        v_it = VOLUMETRIC_FLOW.nonnegative().check(it_airflow, "it_airflow")
        rho, cp = self.air_properties_si(site) if air_properties is None else air_properties
        dt, v_cu, t_in, t_ex, t_ret = _mix(q, v_it, ts, b, r, rho * cp)
        if (design_heat_to_air is None) != (design_it_airflow is None):
            raise OutOfRangeError("parameters 'design_heat_to_air' and 'design_it_airflow' must be given together")
        if self.units_installed is not None:
            installed = np.asarray(self.units_installed)
        else:
            v_des = v_cu if design_it_airflow is None else (1.0 - r) * VOLUMETRIC_FLOW.nonnegative().check(
                design_it_airflow, "design_it_airflow") / (1.0 - b)
            need = np.maximum(np.ceil(np.asarray(v_des) / cu.si["rated_airflow"] - 1e-9), 1.0)
            installed = need + cu.redundancy
        running = installed
        per_unit = v_cu / running
        p_unit, speed = cu.power_si(per_unit)
        fan_power = running * p_unit
        with np.errstate(divide="ignore"):
            lw_unit = np.where(np.asarray(speed) > 0.0,
                               cu.si["sound_power_level"] + 50.0 * np.log10(np.where(np.asarray(speed) > 0.0, speed, 1.0)),
                               -np.inf)
        lw_hall = lw_unit + 10.0 * np.log10(running)
        lp_unit = _fans.sound_pressure_level_at_distance.si(lw_unit, s["listener_distance"], 2.0)
        # draw-through: the fans after the coil warm the air; the coil leaves it colder by the fan heat
        with np.errstate(divide="ignore", invalid="ignore"):
            dt_fan = np.where(v_cu > 0.0, fan_power / (rho * cp * np.where(v_cu > 0.0, v_cu, 1.0)), 0.0)
        t_coil = ts - dt_fan
        chw_supply = t_coil - cu.si["coil_approach"]
        stream = HeatStream(heat=_f(q + fan_power), supply_temperature=_f(chw_supply),
                            return_temperature=_f(chw_supply + cu.si["chilled_water_delta_t"]),
                            label="chilled water to CRAH / fan-wall coils",
                            air_supply_temperature=_f(s["supply_temperature"] + 0.0 * q))
        dew = s["room_dew_point"]
        rec, allow = _class_compliance_si(t_in, self.air_class, dew)
        c = self.air_class.si
        feas = (Feasibility.check(np.asarray(t_in) <= c["allowable_max"],
                                  f"IT inlet above the class {self.air_class.name} allowable maximum")
                & Feasibility.check(np.asarray(t_in) >= c["allowable_min"],
                                    f"IT inlet below the class {self.air_class.name} allowable minimum")
                & Feasibility.check(np.broadcast_to(dew <= c["max_dew_point"], np.shape(t_in)),
                                    f"room dew point above the class {self.air_class.name} maximum")
                & Feasibility.check(np.asarray(speed) <= 1.0 + 1e-9, "cooling units above their rated airflow")
                & Feasibility.check(np.asarray(chw_supply) > 273.15 + 1.0, "chilled-water supply within 1 K of freezing"))
        soft = ~np.asarray(rec)
        if soft.any():  # advisory: outside recommended but inside allowable does not make the result infeasible
            feas = Feasibility(feas.feasible, feas.reasons + (
                (f"advisory: IT inlet outside the class {self.air_class.name} recommended range", soft),))
        rti = 100.0 * (1.0 - b) / (1.0 - r)
        rci_hi, rci_lo = _rci_si(t_in, self.air_class)
        details = {
            "rti": (rti, "%"), "shi": (r, ""), "rci_hi": (rci_hi, "%"), "rci_lo": (rci_lo, "%"),
            "bypass": (b, ""), "recirculation": (r, ""), "supply_air_temperature": (ts, "K"),
            "coil_leaving_air_temperature": (_f(t_coil), "K"), "fan_temperature_rise": (_f(dt_fan), "K"),
            "chilled_water_supply_temperature": (_f(chw_supply), "K"),
            "units_installed": (_f(installed * 1.0), ""), "units_running": (_f(running * 1.0), ""),
            "fan_speed_ratio": (speed, ""), "air_density": (rho, "kg/m**3"), "air_specific_heat": (cp, "J/(kg*K)"),
            "room_dew_point": (dew, "K"), "inlet_in_recommended": (rec, ""), "inlet_in_allowable": (allow, ""),
            "unit_sound_power_level": (_f(lw_unit), "dB"),
            "unit_sound_pressure_level": (_f(lp_unit), "dB"), "listener_distance": (s["listener_distance"], "m"),
        }
        return AirSideResult(
            inlet_temperature=_f(t_in), exhaust_temperature=_f(t_ex), return_temperature=_f(t_ret),
            supply_temperature=ts, it_delta_t=_f(dt), it_airflow=_f(v_it), cooling_airflow=_f(v_cu),
            fan_power=_f(fan_power), units_installed=_f(installed * 1.0), units_running=_f(running * 1.0),
            speed_ratio=speed, sound_power_level=_f(lw_hall), stream=stream, feasibility=feas, details=details)
