"""Psychrometrics of moist air: ASHRAE Handbook--Fundamentals (2017) ch. 1 in SI, vectorised.

Every function broadcasts, so one state, an 8,760-hour weather year and a sweep share one
code path; the inverses (dew point, wet bulb) are bracketed Newton iterations on whole arrays.
Temperatures are absolute (``degC``, ``degF``, ``K``). The humidity ratio W is kg of vapour per
kg of dry air, a plain number (``Q_(10, 'g/kg')`` is accepted); relative humidity is a fraction
0 ... 1 (``Q_(60, 'percent')`` is accepted). Enthalpy and specific volume are per kg of *dry
air*, as in the handbook. Pressure defaults to the standard sea-level atmosphere, 101 325 Pa.
Moist air is a mixture of ideal gases (the handbook's perfect-gas relations, within 0.7 % of
its real-gas tables for W, h and v at standard pressure between -50 and 50 °C).
"""

from __future__ import annotations

import numpy as np

from ..errors import OutOfRangeError
from ..units import DENSITY, LENGTH, PRESSURE, SPECIFIC_ENTHALPY, SPECIFIC_HEAT, TEMPERATURE, Kind, quantity_io

__all__ = [
    "STANDARD_PRESSURE", "SPECIFIC_VOLUME", "HUMIDITY_RATIO", "RELATIVE_HUMIDITY",
    "saturation_vapour_pressure", "standard_atmosphere_pressure", "standard_atmosphere_temperature",
    "humidity_ratio_from_vapour_pressure", "humidity_ratio_from_relative_humidity",
    "humidity_ratio_from_dew_point", "humidity_ratio_from_wet_bulb", "relative_humidity",
    "dew_point", "dew_point_from_relative_humidity", "wet_bulb", "wet_bulb_from_relative_humidity",
    "wet_bulb_from_dew_point", "moist_air_enthalpy", "moist_air_specific_volume",
    "moist_air_density", "moist_air_specific_heat",
]

#: Standard sea-level pressure [Pa] (ASHRAE 2017 ch. 1 Table 1; eq. 3 at Z = 0).
STANDARD_PRESSURE = 101325.0
#: Specific volume [m³/kg] (per kg of dry air for moist air); not (yet) a kind in coolsim.units.
from ..units import SPECIFIC_VOLUME  # noqa: E402  (defined once, in coolsim.units)
#: Humidity ratio [kg/kg], 0 ... 1 at the boundary; saturation is checked where T and p are known.
HUMIDITY_RATIO = Kind("humidity ratio", "", "0.0105 or Q_(10.5, 'g/kg')").between(0.0, 1.0)
#: Relative humidity, a fraction in [0, 1].
RELATIVE_HUMIDITY = Kind("relative humidity", "", "0.6 or Q_(60, 'percent')").between(0.0, 1.0)

from ._core import (  # noqa: E402  (unit-free helpers and constants)
    _CP_DA,
    _CP_V,
    _EPS,
    _H_G0,
    _R_DA,
    _SAT_TOL,
    _T0,
    _WB_ICE,
    _WB_WATER,
    _check_altitude,
    _check_not_above,
    _check_temperature,
    _dew_point_from_pw,
    _doc,
    _out,
    _pws,
    _w_from_pw,
    _wet_bulb,
    _where_first,
)

# ---------------------------------------------------------------------------
# public functions
# ---------------------------------------------------------------------------
@quantity_io(returns=PRESSURE, temperature=TEMPERATURE.positive())
@_doc
def saturation_vapour_pressure(temperature):
    """Saturation pressure of water vapour, over ice below 0.01 °C and over liquid water above.

    Parameters
    ----------
    temperature : pint.Quantity
        Temperature; ``degC``, ``degF`` or ``K`` [K].

    Returns
    -------
    pint.Quantity
        Saturation vapour pressure [Pa].

    Notes
    -----
    Hyland and Wexler (1983): :math:`\\ln p_{ws} = C_1/T + C_2 + C_3T + C_4T^2 + C_5T^3 + C_6T^4
    + C_7\\ln T` over ice ([1]_ eq. 5), :math:`C_8/T + C_9 + C_{10}T + C_{11}T^2 + C_{12}T^3 +
    C_{13}\\ln T` over liquid water (eq. 6). Validity 173.15 ... 473.15 K (-100 ... 200 °C).

    References
    ----------
    %(ref)s

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(saturation_vapour_pressure(Q_(25, "degC")).m), 1)
    3169.2
    """
    _check_temperature("temperature", temperature)
    return _pws(temperature)


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
