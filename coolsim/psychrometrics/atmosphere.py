"""Standard atmosphere (ASHRAE Handbook--Fundamentals 2017 ch. 1 eqs. 3, 4 and Table 1).

The default total pressure of every psychrometric function, :data:`STANDARD_PRESSURE`, and the
barometric pressure and air temperature of the U.S. standard atmosphere at an altitude.
"""

from __future__ import annotations

from ..units import LENGTH, PRESSURE, TEMPERATURE, quantity_io
from ._core import _T0, _check_altitude, _doc

__all__ = ["STANDARD_PRESSURE", "standard_atmosphere_pressure", "standard_atmosphere_temperature"]

#: Standard sea-level pressure [Pa] (ASHRAE 2017 ch. 1 Table 1; eq. 3 at Z = 0).
STANDARD_PRESSURE = 101325.0


@quantity_io(returns=PRESSURE, altitude=LENGTH.any())
@_doc
def standard_atmosphere_pressure(altitude):
    """Barometric pressure of the U.S. standard atmosphere at an altitude.

    Parameters
    ----------
    altitude : pint.Quantity
        Altitude above mean sea level [m].

    Returns
    -------
    pint.Quantity
        Pressure [Pa].

    Notes
    -----
    :math:`p = 101.325\\,(1 - 2.25577\\times10^{-5} Z)^{5.2559}` kPa ([1]_ eq. 3);
    the troposphere, -500 ... 11 000 m (the range of [1]_ Table 1).

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(standard_atmosphere_pressure(Q_(1000, "m")).m))
    89875
    """
    _check_altitude(altitude)
    return STANDARD_PRESSURE * (1.0 - 2.25577e-5 * altitude) ** 5.2559


@quantity_io(returns=TEMPERATURE, altitude=LENGTH.any())
@_doc
def standard_atmosphere_temperature(altitude):
    """Air temperature of the U.S. standard atmosphere at an altitude.

    Parameters
    ----------
    altitude : pint.Quantity
        Altitude above mean sea level [m].

    Returns
    -------
    pint.Quantity
        Temperature [K].

    Notes
    -----
    :math:`t = 15 - 0.0065\\,Z` °C ([1]_ eq. 4); -500 ... 11 000 m.

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> standard_atmosphere_temperature(Q_(1000, "m")).to("degC")
    <Quantity(8.5, 'degree_Celsius')>
    """
    _check_altitude(altitude)
    return _T0 + 15.0 - 0.0065 * altitude
