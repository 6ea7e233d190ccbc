"""Dew point and thermodynamic wet bulb (ASHRAE Handbook--Fundamentals 2017 ch. 1 eqs. 5, 6,
20, 33, 35, 37, 38): the inverses of the saturation and wet-bulb relations, solved by the
vectorised bracketed Newton iterations of :mod:`coolsim.psychrometrics._core`.
"""

from __future__ import annotations

from ..units import PRESSURE, TEMPERATURE, quantity_io
from ._core import _EPS, _check_not_above, _check_temperature, _dew_point_from_pw, _doc, _pws, _wet_bulb
from .atmosphere import STANDARD_PRESSURE
from .humidity import (
    HUMIDITY_RATIO,
    RELATIVE_HUMIDITY,
    humidity_ratio_from_dew_point,
    humidity_ratio_from_relative_humidity,
)

__all__ = [
    "dew_point", "dew_point_from_relative_humidity", "wet_bulb", "wet_bulb_from_relative_humidity",
    "wet_bulb_from_dew_point",
]


@quantity_io(returns=TEMPERATURE, humidity_ratio=HUMIDITY_RATIO, pressure=PRESSURE.positive())
@_doc
def dew_point(humidity_ratio, pressure=STANDARD_PRESSURE):
    """Dew-point temperature (frost point below 0.01 °C) from the humidity ratio.

    Parameters
    ----------
    %(W)s
    %(p)s

    Returns
    -------
    pint.Quantity
        Dew-point temperature [K].

    Notes
    -----
    Solves :math:`p_{ws}(t_d) = pW/(0.621945 + W)` ([1]_ eqs. 5, 6, 20) by bracketed Newton
    iterations on :math:`\\ln p_{ws}` over the whole array (tolerance 1e-8 K), started from the
    handbook's fits (eqs. 37, 38). Dew points -100 ... 200 °C; W = 0 raises ValidityRangeError.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> round(float(dew_point(0.01).to("degC").m), 2)
    14.05
    """
    return _dew_point_from_pw(pressure * humidity_ratio / (_EPS + humidity_ratio), "humidity_ratio")


@quantity_io(returns=TEMPERATURE, dry_bulb=TEMPERATURE.positive(), relative_humidity=RELATIVE_HUMIDITY)
@_doc
def dew_point_from_relative_humidity(dry_bulb, relative_humidity):
    """Dew-point temperature (frost point below 0.01 °C) from dry bulb and relative humidity.

    Parameters
    ----------
    %(dry_bulb)s
    %(rh)s

    Returns
    -------
    pint.Quantity
        Dew-point temperature [K].

    Notes
    -----
    :math:`p_{ws}(t_d) = \\phi\\,p_{ws}(t)` ([1]_ eqs. 5, 6, 12), solved as in :func:`dew_point`;
    independent of total pressure. Relative humidity 0 raises ValidityRangeError.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(dew_point_from_relative_humidity(Q_(27, "degC"), 0.6).to("degC").m), 2)
    18.58
    """
    _check_temperature("dry_bulb", dry_bulb)
    return _dew_point_from_pw(relative_humidity * _pws(dry_bulb), "relative_humidity")


@quantity_io(returns=TEMPERATURE, dry_bulb=TEMPERATURE.positive(), humidity_ratio=HUMIDITY_RATIO,
             pressure=PRESSURE.positive())
@_doc
def wet_bulb(dry_bulb, humidity_ratio, pressure=STANDARD_PRESSURE):
    """Thermodynamic wet-bulb temperature from dry bulb and humidity ratio.

    Parameters
    ----------
    %(dry_bulb)s
    %(W)s
    %(p)s

    Returns
    -------
    pint.Quantity
        Thermodynamic wet-bulb temperature [K].

    Notes
    -----
    Solves [1]_ eqs. 33 and 35 (see :func:`humidity_ratio_from_wet_bulb`) for t* by bracketed
    Newton iterations over the whole array (tolerance 1e-8 K, ConvergenceError otherwise).
    The two equations disagree at 0 °C, so in a narrow band (dry bulb below ~11 °C, wet bulb
    within ~1 K of 0 °C) both a liquid root t* >= 0 and an ice root exist: the liquid root is
    returned. -100 ... 200 °C; W above saturation is refused.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(wet_bulb(Q_(40, "degC"), 0.0064).to("degC").m), 2)
    20.0
    """
    return _wet_bulb(dry_bulb, humidity_ratio, pressure)


@quantity_io(returns=TEMPERATURE, dry_bulb=TEMPERATURE.positive(), relative_humidity=RELATIVE_HUMIDITY,
             pressure=PRESSURE.positive())
@_doc
def wet_bulb_from_relative_humidity(dry_bulb, relative_humidity, pressure=STANDARD_PRESSURE):
    """Thermodynamic wet-bulb temperature from dry bulb and relative humidity.

    Parameters
    ----------
    %(dry_bulb)s
    %(rh)s
    %(p)s

    Returns
    -------
    pint.Quantity
        Thermodynamic wet-bulb temperature [K].

    Notes
    -----
    :func:`humidity_ratio_from_relative_humidity`, then :func:`wet_bulb` ([1]_ eqs. 12, 20, 33, 35).

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(wet_bulb_from_relative_humidity(Q_(95, "degF"), Q_(40, "percent")).to("degF").m), 1)
    75.1
    """
    w = humidity_ratio_from_relative_humidity.si(dry_bulb, relative_humidity, pressure)
    return _wet_bulb(dry_bulb, w, pressure)


@quantity_io(returns=TEMPERATURE, dry_bulb=TEMPERATURE.positive(), dew_point=TEMPERATURE.positive(),
             pressure=PRESSURE.positive())
@_doc
def wet_bulb_from_dew_point(dry_bulb, dew_point, pressure=STANDARD_PRESSURE):
    """Thermodynamic wet-bulb temperature from dry-bulb and dew-point temperatures.

    Parameters
    ----------
    %(dry_bulb)s
    dew_point : pint.Quantity
        Dew-point temperature, at most ``dry_bulb`` [K].
    %(p)s

    Returns
    -------
    pint.Quantity
        Thermodynamic wet-bulb temperature [K].

    Notes
    -----
    :func:`humidity_ratio_from_dew_point`, then :func:`wet_bulb` ([1]_ eqs. 5, 6, 20, 33, 35).

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(wet_bulb_from_dew_point(Q_(35, "degC"), Q_(20, "degC")).to("degC").m), 2)
    24.29
    """
    _check_not_above("dew_point", dew_point, dry_bulb)
    return _wet_bulb(dry_bulb, humidity_ratio_from_dew_point.si(dew_point, pressure), pressure)
