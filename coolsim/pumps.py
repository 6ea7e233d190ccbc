"""Pumps: head ↔ pressure, pump curves in head, hydraulic and electrical power.

Curves, operating points and affinity laws are shared with fans and live in
:mod:`coolsim.turbomachinery`; they are re-exported here
(:class:`PumpCurve` is :class:`~coolsim.turbomachinery.TurboCurve`, whose
coefficients are in pressure, Pa).  This module adds what is particular to
pumps: head :math:`H` and the pressure :math:`\\rho g H` it stands for, and the
power chain fluid → shaft → motor → drive (also used by, and re-exported from,
:mod:`coolsim.fans`) with IE3 motor efficiencies.
"""

from __future__ import annotations

import numpy as np

from .errors import OutOfRangeError
from .turbomachinery import (
    _EFF,
    _SPEED,
    TurboCurve,
    _fit_curve,
    affinity_laws,
    efficiency,
    operating_point,
    operating_point_with_mask,
    pressure_rise,
    speed_ratio_for_flow,
)
from .units import DENSITY, LENGTH, POWER, PRESSURE, VOLUMETRIC_FLOW, quantity_io, to_si

__all__ = [
    "PumpCurve",
    "STANDARD_GRAVITY",
    "pressure_from_head",
    "head_from_pressure",
    "pump_curve_from_head_points",
    "hydraulic_power_from_head",
    "fluid_power",
    "shaft_power",
    "electrical_power",
    "curve_shaft_power",
    "ie3_motor_efficiency",
    # re-exported from coolsim.turbomachinery
    "operating_point",
    "operating_point_with_mask",
    "pressure_rise",
    "efficiency",
    "affinity_laws",
    "speed_ratio_for_flow",
]

#: A pump curve is a :class:`~coolsim.turbomachinery.TurboCurve` (pressure in Pa).
PumpCurve = TurboCurve

#: Standard acceleration of gravity [m/s²] (3rd CGPM, 1901; exact by definition).
STANDARD_GRAVITY = 9.80665


@quantity_io(returns=PRESSURE, head=LENGTH.any(), density=DENSITY.positive())
def pressure_from_head(head, density):
    """Pressure corresponding to a head of liquid, :math:`p = \\rho g H`.

    Parameters
    ----------
    head : pint.Quantity
        Head [m] (may be negative, e.g. a suction lift).
    density : pint.Quantity
        Liquid density [kg/m³].

    Returns
    -------
    pint.Quantity
        Pressure [Pa].

    Notes
    -----
    Hydrostatics with standard gravity :math:`g = 9.80665` m/s² [1]_; local
    gravity differs by < 0.3 % on Earth's surface.

    References
    ----------
    .. [1] BIPM, The International System of Units (SI Brochure), 9th ed.
       (2019), standard acceleration of gravity (3rd CGPM, 1901).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(pressure_from_head(Q_(10, "m"), Q_(1000, "kg/m**3")).to("kPa").m, 4)
    98.0665
    """
    return density * STANDARD_GRAVITY * head


@quantity_io(returns=LENGTH, pressure=PRESSURE.any(), density=DENSITY.positive())
def head_from_pressure(pressure, density):
    """Head of liquid corresponding to a pressure, :math:`H = p/(\\rho g)`.

    Parameters
    ----------
    pressure : pint.Quantity
        Pressure (rise) [Pa].
    density : pint.Quantity
        Liquid density [kg/m³].

    Returns
    -------
    pint.Quantity
        Head [m].

    Notes
    -----
    Inverse of :func:`pressure_from_head`, standard gravity [1]_.

    References
    ----------
    .. [1] BIPM, SI Brochure, 9th ed. (2019), standard acceleration of gravity.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(head_from_pressure(Q_(250, "kPa"), Q_(998.2, "kg/m**3")).m, 3)
    25.539
    """
    return pressure / (density * STANDARD_GRAVITY)


@quantity_io(returns=POWER, flow=VOLUMETRIC_FLOW.nonnegative(), head=LENGTH.nonnegative(),
             density=DENSITY.positive())
def hydraulic_power_from_head(flow, head, density):
    """Hydraulic power of a pump, :math:`P_h = \\rho g Q H`.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric flow [m³/s].
    head : pint.Quantity
        Total dynamic head [m].
    density : pint.Quantity
        Liquid density [kg/m³].

    Returns
    -------
    pint.Quantity
        Hydraulic power [W].

    Notes
    -----
    Definition of pump power output [1]_; incompressible liquid.

    References
    ----------
    .. [1] ANSI/HI 14.6-2016, Rotodynamic Pumps for Hydraulic Performance
       Acceptance Tests, definition of pump power output.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(hydraulic_power_from_head(Q_(100, "gpm"), Q_(30, "ft"), Q_(998, "kg/m**3")).m, 1)
    564.6
    """
    return density * STANDARD_GRAVITY * flow * head


@quantity_io(returns=None, flows=VOLUMETRIC_FLOW.nonnegative(), heads=LENGTH.any(), density=DENSITY.positive())
def pump_curve_from_head_points(flows, heads, density, degree=2, efficiencies=None, efficiency_degree=2):
    """Fit a :class:`PumpCurve` to catalogue points given in head.

    Parameters
    ----------
    flows : pint.Quantity
        Catalogue flows, >= 0 [m³/s].
    heads : pint.Quantity
        Pump head at those flows [m].
    density : pint.Quantity
        Density of the liquid pumped, turning head into pressure [kg/m³].
    degree : int
        Degree of the pressure polynomial [-].
    efficiencies : array_like, optional
        Pump efficiency at those flows, each in (0, 1] [-].
    efficiency_degree : int
        Degree of the efficiency polynomial [-].

    Returns
    -------
    PumpCurve
        Curve with pressure coefficients in SI (Pa vs m³/s).

    Notes
    -----
    :math:`p_i = \\rho g H_i`, then a least-squares polynomial (see
    :meth:`TurboCurve.from_points`).  Head curves are fluid-independent for
    water-like viscosities; for glycol mixtures above about 5 mPa·s correct the
    curve for viscosity first (ANSI/HI 9.6.7) [1]_.

    References
    ----------
    .. [1] ANSI/HI 9.6.7-2015, Effects of Liquid Viscosity on Rotodynamic Pump Performance.

    Examples
    --------
    >>> from coolsim import Q_
    >>> c = pump_curve_from_head_points(Q_([0, 1000, 2000], "L/min"), Q_([40, 36, 24], "m"),
    ...                                 Q_(1000, "kg/m**3"))
    >>> round(c.pressure_coefficients[0] / 1000, 2)
    392.27
    """
    eta = None if efficiencies is None else to_si(efficiencies, _EFF, "efficiencies")
    return _fit_curve(flows, density * STANDARD_GRAVITY * heads, degree, eta, efficiency_degree)


@quantity_io(returns=POWER, flow=VOLUMETRIC_FLOW.nonnegative(), pressure=PRESSURE.nonnegative())
def fluid_power(flow, pressure):
    """Air or hydraulic power given to the fluid, :math:`P = Q\\,\\Delta p`.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric flow [m³/s].
    pressure : pint.Quantity
        Pressure rise (total pressure for fans; ρ·g·H for pumps) [Pa].

    Returns
    -------
    pint.Quantity
        Fluid power [W].

    Notes
    -----
    Incompressible flow (fan pressure ratio below about 1.03, [1]_).

    References
    ----------
    .. [1] ANSI/AMCA 210-16, "Laboratory Methods of Testing Fans for Certified
       Aerodynamic Performance Rating", definition of fan air power.

    Examples
    --------
    >>> from coolsim import Q_
    >>> fluid_power(Q_(1800, "L/min"), Q_(250, "kPa")).to("kW")
    <Quantity(7.5, 'kilowatt')>
    """
    return flow * pressure


@quantity_io(returns=POWER, flow=VOLUMETRIC_FLOW.nonnegative(), pressure=PRESSURE.nonnegative(),
             efficiency=_EFF)
def shaft_power(flow, pressure, efficiency):
    """Shaft power :math:`P_{sh} = Q\\,\\Delta p/\\eta`.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric flow [m³/s].
    pressure : pint.Quantity
        Pressure rise [Pa].
    efficiency : float
        Fan or pump efficiency in (0, 1] (total efficiency for fans) [-].

    Returns
    -------
    pint.Quantity
        Shaft power [W].

    Notes
    -----
    Definition of machine efficiency [1]_.

    References
    ----------
    .. [1] ANSI/AMCA 210-16, fan total efficiency = air power / fan input power.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(shaft_power(Q_(1, "m**3/s"), Q_(400, "Pa"), 0.6).m, 1)
    666.7
    """
    return flow * pressure / efficiency


@quantity_io(returns=POWER, flow=VOLUMETRIC_FLOW.nonnegative(), pressure=PRESSURE.nonnegative(),
             efficiency=_EFF, motor_efficiency=_EFF, drive_efficiency=_EFF)
def electrical_power(flow, pressure, efficiency, motor_efficiency, drive_efficiency=1.0):
    """Electrical input :math:`P_{el} = Q\\,\\Delta p/(\\eta\\,\\eta_{motor}\\,\\eta_{drive})`.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric flow [m³/s].
    pressure : pint.Quantity
        Pressure rise [Pa].
    efficiency : float
        Fan or pump efficiency in (0, 1] [-].
    motor_efficiency : float
        Motor efficiency in (0, 1] [-]; see :func:`ie3_motor_efficiency`.
    drive_efficiency : float
        Variable-frequency drive efficiency in (0, 1] [-]; default 1.0 means
        no drive (direct on line).  Assumption if unknown: 0.97 at full load.

    Returns
    -------
    pint.Quantity
        Electrical power [W].

    Notes
    -----
    Losses in series; motor and drive efficiencies fall at part load, which
    the caller supplies (not modelled here).

    References
    ----------
    .. [1] IEC 60034-30-1:2014, efficiency classes of line-operated AC motors.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(electrical_power(Q_(1800, "L/min"), Q_(250, "kPa"), 0.75, 0.94).to("kW").m, 2)
    10.64
    """
    return flow * pressure / (efficiency * motor_efficiency * drive_efficiency)


# IEC 60034-30-1:2014 interpolation for IE3, 50 Hz, 0.75–200 kW:
# eta[%] = A x³ + B x² + C x + D with x = log10(P/kW); above 200 kW a constant.
_IE3 = {2: (0.3569, -3.3076, 11.6108, 82.2503, 95.8),
        4: (0.0773, -1.8951, 9.2984, 83.7025, 96.0),
        6: (0.1252, -2.613, 11.9963, 80.4769, 95.8)}


@quantity_io(returns=None, rated_power=POWER.between(750.0, 1.0e6))
def ie3_motor_efficiency(rated_power, poles=4):
    """Minimum full-load efficiency of an IE3 (premium) 50 Hz motor.

    Parameters
    ----------
    rated_power : pint.Quantity
        Motor rated output, 0.75 kW … 1000 kW [W].
    poles : {2, 4, 6}
        Number of poles [-].

    Returns
    -------
    float or numpy.ndarray
        Efficiency [-].

    Notes
    -----
    :math:`\\eta = A x^3 + B x^2 + C x + D` [%], :math:`x = \\log_{10}(P_N/1\\,kW)`,
    for 0.75–200 kW; constant above 200 kW (95.8/96.0/95.8 % for 2/4/6 poles).
    Reproduces the tabulated IE3 values (e.g. 4-pole 7.5 kW 90.4 %, 11 kW 91.4 %)
    to 0.05 %.  Full load, line operation; part load and drive operation lower it.

    References
    ----------
    .. [1] IEC 60034-30-1:2014, Rotating electrical machines — Part 30-1:
       Efficiency classes of line operated AC motors (IE code), Table 3 and
       interpolation coefficients; as reproduced in Commission Regulation (EU)
       2019/1781, Annex I, and UK SI 2021/745 Schedule 16, Table 28.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(ie3_motor_efficiency(Q_(7.5, "kW")), 3)
    0.904
    """
    if poles not in _IE3:
        raise OutOfRangeError(f"parameter 'poles' must be 2, 4 or 6; got {poles!r}")
    A, B, C, D, top = _IE3[poles]
    x = np.log10(np.minimum(rated_power, 2.0e5) / 1000.0)
    eta = np.where(rated_power > 2.0e5, top, ((A * x + B) * x + C) * x + D) / 100.0
    return float(eta) if eta.ndim == 0 else eta


@quantity_io(returns=POWER, flow=VOLUMETRIC_FLOW.nonnegative(), speed_ratio=_SPEED)
def curve_shaft_power(curve, flow, speed_ratio=1.0):
    """Shaft power at a point on the curve, :math:`Q\\,\\Delta p(Q,s)/\\eta(Q,s)`.

    Parameters
    ----------
    curve : TurboCurve
        Rated-speed curve with efficiency coefficients.
    flow : pint.Quantity
        Flow on the curve, where the efficiency is > 0 [m³/s].
    speed_ratio : float
        :math:`s` > 0 [-].

    Returns
    -------
    pint.Quantity
        Shaft power [W]; scales as :math:`s^3` between similar points.

    Notes
    -----
    Combines :func:`pressure_rise` and :func:`efficiency` (affinity laws, [1]_).

    References
    ----------
    .. [1] ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans", fan laws.

    Examples
    --------
    >>> from coolsim import Q_
    >>> c = TurboCurve((500.0, 0.0, -100.0), (0.6,))
    >>> round(curve_shaft_power(c, Q_(0.8, "m**3/s"), 0.8).m, 1)
    341.3
    """
    dp = pressure_rise.si(curve, flow, speed_ratio)
    eta = efficiency.si(curve, flow, speed_ratio)
    if np.any(eta <= 0.0):
        raise OutOfRangeError(
            f"parameter 'flow': the curve's efficiency is 0 at flow {np.min(flow)!r} m³/s, so shaft power is undefined"
        )
    return flow * dp / eta
