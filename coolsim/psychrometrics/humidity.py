"""Humidity conversions: humidity ratio from vapour pressure, relative humidity, dew point or
wet bulb, and relative humidity from the humidity ratio (ASHRAE Handbook--Fundamentals 2017
ch. 1 eqs. 12, 20, 33, 35).

Also the boundary Kinds of the package: :data:`HUMIDITY_RATIO` (kg water per kg dry air) and
:data:`RELATIVE_HUMIDITY` (a fraction 0 ... 1).
"""

from __future__ import annotations

import numpy as np

from ..errors import OutOfRangeError
from ..units import PRESSURE, TEMPERATURE, Kind, quantity_io
from ._core import (
    _CP_DA,
    _CP_V,
    _EPS,
    _SAT_TOL,
    _T0,
    _WB_ICE,
    _WB_WATER,
    _check_not_above,
    _check_temperature,
    _doc,
    _out,
    _pws,
    _w_from_pw,
    _where_first,
)
from .atmosphere import STANDARD_PRESSURE

__all__ = [
    "HUMIDITY_RATIO", "RELATIVE_HUMIDITY", "humidity_ratio_from_vapour_pressure",
    "humidity_ratio_from_relative_humidity", "humidity_ratio_from_dew_point",
    "humidity_ratio_from_wet_bulb", "relative_humidity",
]

#: Humidity ratio [kg/kg], 0 ... 1 at the boundary; saturation is checked where T and p are known.
HUMIDITY_RATIO = Kind("humidity ratio", "", "0.0105 or Q_(10.5, 'g/kg')").between(0.0, 1.0)
#: Relative humidity, a fraction in [0, 1].
RELATIVE_HUMIDITY = Kind("relative humidity", "", "0.6 or Q_(60, 'percent')").between(0.0, 1.0)


@quantity_io(vapour_pressure=PRESSURE.nonnegative(), pressure=PRESSURE.positive())
@_doc
def humidity_ratio_from_vapour_pressure(vapour_pressure, pressure=STANDARD_PRESSURE):
    """Humidity ratio from the partial pressure of water vapour.

    Parameters
    ----------
    vapour_pressure : pint.Quantity
        Partial pressure of water vapour, below ``pressure`` [Pa].
    %(p)s

    Returns
    -------
    float or numpy.ndarray
        Humidity ratio [kg water / kg dry air].

    Notes
    -----
    :math:`W = 0.621945\\,p_w/(p - p_w)` ([1]_ eq. 20).

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(humidity_ratio_from_vapour_pressure(Q_(2, "kPa")), 6)
    0.012523
    """
    return _w_from_pw(vapour_pressure, pressure, "vapour_pressure")


@quantity_io(dry_bulb=TEMPERATURE.positive(), relative_humidity=RELATIVE_HUMIDITY, pressure=PRESSURE.positive())
@_doc
def humidity_ratio_from_relative_humidity(dry_bulb, relative_humidity, pressure=STANDARD_PRESSURE):
    """Humidity ratio from dry bulb and relative humidity (use 1 for saturated air).

    Parameters
    ----------
    %(dry_bulb)s
    %(rh)s
    %(p)s

    Returns
    -------
    float or numpy.ndarray
        Humidity ratio [kg water / kg dry air].

    Notes
    -----
    :math:`p_w = \\phi\\,p_{ws}(t)` ([1]_ eq. 12), :math:`W = 0.621945\\,p_w/(p - p_w)` (eq. 20);
    -100 ... 200 °C and :math:`p_w < p`.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(humidity_ratio_from_relative_humidity(Q_(27, "degC"), Q_(60, "percent")), 5)
    0.01342
    """
    _check_temperature("dry_bulb", dry_bulb)
    return _w_from_pw(relative_humidity * _pws(dry_bulb), pressure, "dry_bulb")


@quantity_io(dew_point=TEMPERATURE.positive(), pressure=PRESSURE.positive())
@_doc
def humidity_ratio_from_dew_point(dew_point, pressure=STANDARD_PRESSURE):
    """Humidity ratio from the dew-point temperature (frost point below 0.01 °C).

    Parameters
    ----------
    dew_point : pint.Quantity
        Dew-point temperature [K].
    %(p)s

    Returns
    -------
    float or numpy.ndarray
        Humidity ratio [kg water / kg dry air].

    Notes
    -----
    :math:`W = 0.621945\\,p_{ws}(t_d)/(p - p_{ws}(t_d))` ([1]_ eqs. 5, 6, 20); -100 ... 200 °C.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(humidity_ratio_from_dew_point(Q_(15, "degC")), 6)
    0.010647
    """
    _check_temperature("dew_point", dew_point)
    return _w_from_pw(_pws(dew_point), pressure, "dew_point")


@quantity_io(dry_bulb=TEMPERATURE.positive(), wet_bulb=TEMPERATURE.positive(), pressure=PRESSURE.positive())
@_doc
def humidity_ratio_from_wet_bulb(dry_bulb, wet_bulb, pressure=STANDARD_PRESSURE):
    """Humidity ratio from dry-bulb and thermodynamic wet-bulb temperatures.

    Parameters
    ----------
    %(dry_bulb)s
    wet_bulb : pint.Quantity
        Thermodynamic wet-bulb temperature, at most ``dry_bulb`` [K].
    %(p)s

    Returns
    -------
    float or numpy.ndarray
        Humidity ratio [kg water / kg dry air].

    Notes
    -----
    With t, t* in °C and :math:`W_s^*` saturated at t*: :math:`W = ((2501 - 2.326t^*)W_s^* -
    1.006(t - t^*))/(2501 + 1.86t - 4.186t^*)` for :math:`t^* \\ge 0` ([1]_ eq. 33), and
    :math:`((2830 - 0.24t^*)W_s^* - 1.006(t - t^*))/(2830 + 1.86t - 2.1t^*)` below (eq. 35).
    -100 ... 200 °C; a wet bulb so low that W < 0 is refused.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(humidity_ratio_from_wet_bulb(Q_(40, "degC"), Q_(20, "degC")), 5)
    0.0064
    """
    _check_temperature("dry_bulb", dry_bulb)
    _check_temperature("wet_bulb", wet_bulb)
    _check_not_above("wet_bulb", wet_bulb, dry_bulb)
    ws = _w_from_pw(_pws(wet_bulb), pressure, "wet_bulb")
    tc, wc = dry_bulb - _T0, wet_bulb - _T0
    water = wc >= 0.0
    a, b, e = (np.where(water, cw, ci) for cw, ci in zip(_WB_WATER, _WB_ICE))
    w = ((a - b * wc) * ws - _CP_DA * (tc - wc)) / (a + _CP_V * tc - e * wc)
    if np.any(w < 0.0):
        raise OutOfRangeError(
            "parameter 'wet_bulb' is below the wet bulb of perfectly dry air at 'dry_bulb' "
            f"(the humidity ratio would be negative); got {_where_first(wet_bulb, w < 0.0, 'K')}"
        )
    return _out(w)


@quantity_io(dry_bulb=TEMPERATURE.positive(), humidity_ratio=HUMIDITY_RATIO, pressure=PRESSURE.positive())
@_doc
def relative_humidity(dry_bulb, humidity_ratio, pressure=STANDARD_PRESSURE):
    """Relative humidity from dry bulb and humidity ratio.

    Parameters
    ----------
    %(dry_bulb)s
    %(W)s
    %(p)s

    Returns
    -------
    float or numpy.ndarray
        Relative humidity, a fraction 0 ... 1 [-].

    Notes
    -----
    :math:`\\phi = p_w/p_{ws}(t)`, :math:`p_w = pW/(0.621945 + W)` ([1]_ eqs. 12, 20);
    -100 ... 200 °C. Supersaturated air (φ > 1) is refused; within a rounding allowance
    of 1e-9 of saturation, φ = 1 is returned.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(relative_humidity(Q_(27, "degC"), 0.01342), 3)
    0.6
    """
    _check_temperature("dry_bulb", dry_bulb)
    phi = pressure * humidity_ratio / (_EPS + humidity_ratio) / _pws(dry_bulb)
    over = phi > 1.0 + _SAT_TOL
    if np.any(over):
        raise OutOfRangeError(
            "parameter 'humidity_ratio' exceeds saturation at 'dry_bulb' (the relative humidity "
            f"would be {_where_first(phi, over)}; allowed <= 1)"
        )
    return _out(np.minimum(phi, 1.0))
