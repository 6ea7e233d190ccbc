"""Properties of moist air as a mixture of ideal gases: enthalpy and specific volume per kg of
dry air, density and isobaric specific heat per kg of moist air (ASHRAE Handbook--Fundamentals
2017 ch. 1 eqs. 11, 26, 30).
"""

from __future__ import annotations

from ..units import DENSITY, PRESSURE, SPECIFIC_ENTHALPY, SPECIFIC_HEAT, SPECIFIC_VOLUME, TEMPERATURE, quantity_io
from ._core import _CP_DA, _CP_V, _H_G0, _R_DA, _T0, _check_temperature, _doc
from .atmosphere import STANDARD_PRESSURE
from .humidity import HUMIDITY_RATIO

__all__ = ["moist_air_enthalpy", "moist_air_specific_volume", "moist_air_density", "moist_air_specific_heat"]


@quantity_io(returns=SPECIFIC_ENTHALPY, dry_bulb=TEMPERATURE.positive(), humidity_ratio=HUMIDITY_RATIO)
@_doc
def moist_air_enthalpy(dry_bulb, humidity_ratio):
    """Specific enthalpy of moist air per kg of dry air (zero for dry air at 0 °C).

    Parameters
    ----------
    %(dry_bulb)s
    %(W)s

    Returns
    -------
    pint.Quantity
        Specific enthalpy [J/kg dry air].

    Notes
    -----
    :math:`h = 1.006\\,t + W(2501 + 1.86\\,t)` kJ/kg with t in °C ([1]_ eq. 30); -100 ... 200 °C.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(moist_air_enthalpy(Q_(40, "degC"), 0.0064).to("kJ/kg").m), 2)
    56.72
    """
    _check_temperature("dry_bulb", dry_bulb)
    tc = dry_bulb - _T0
    return _CP_DA * tc + humidity_ratio * (_H_G0 + _CP_V * tc)


@quantity_io(returns=SPECIFIC_VOLUME, dry_bulb=TEMPERATURE.positive(), humidity_ratio=HUMIDITY_RATIO,
             pressure=PRESSURE.positive())
@_doc
def moist_air_specific_volume(dry_bulb, humidity_ratio, pressure=STANDARD_PRESSURE):
    """Specific volume of moist air per kg of dry air.

    Parameters
    ----------
    %(dry_bulb)s
    %(W)s
    %(p)s

    Returns
    -------
    pint.Quantity
        Specific volume [m³/kg dry air].

    Notes
    -----
    :math:`v = R_{da}T(1 + 1.607858\\,W)/p` with :math:`R_{da}` = 287.042 J/(kg·K) ([1]_ eq. 26);
    -100 ... 200 °C.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(moist_air_specific_volume(Q_(40, "degC"), 0.0064).m), 4)
    0.8962
    """
    _check_temperature("dry_bulb", dry_bulb)
    return _R_DA * dry_bulb * (1.0 + 1.607858 * humidity_ratio) / pressure


@quantity_io(returns=DENSITY, dry_bulb=TEMPERATURE.positive(), humidity_ratio=HUMIDITY_RATIO,
             pressure=PRESSURE.positive())
@_doc
def moist_air_density(dry_bulb, humidity_ratio, pressure=STANDARD_PRESSURE):
    """Density of moist air: mass of dry air plus vapour per unit volume.

    Parameters
    ----------
    %(dry_bulb)s
    %(W)s
    %(p)s

    Returns
    -------
    pint.Quantity
        Density [kg moist air / m³].

    Notes
    -----
    :math:`\\rho = (1 + W)/v` ([1]_ eq. 11) with v from :func:`moist_air_specific_volume`. Pair it
    with :func:`moist_air_specific_heat` (per kg of moist air) in :math:`\\rho c_p \\dot V \\Delta T`.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(moist_air_density(Q_(20, "degC"), 0.0).m), 4)
    1.2042
    """
    return (1.0 + humidity_ratio) / moist_air_specific_volume.si(dry_bulb, humidity_ratio, pressure)


@quantity_io(returns=SPECIFIC_HEAT, humidity_ratio=HUMIDITY_RATIO)
@_doc
def moist_air_specific_heat(humidity_ratio):
    """Isobaric specific heat of moist air per kg of moist air.

    Parameters
    ----------
    %(W)s

    Returns
    -------
    pint.Quantity
        Specific heat [J/(kg·K)], per kg of moist air.

    Notes
    -----
    The humid specific heat :math:`1006 + 1860\\,W` J/(kg dry air·K) is :math:`\\partial h/\\partial t`
    of [1]_ eq. 30; divided by :math:`1 + W` it is per kg of moist air, consistent with
    :func:`moist_air_density`: :math:`\\rho c_p = (1006 + 1860W)/v`. Ideal gases, -100 ... 200 °C.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> round(float(moist_air_specific_heat(0.01).m), 1)
    1014.5
    """
    return (_CP_DA + _CP_V * humidity_ratio) / (1.0 + humidity_ratio)
