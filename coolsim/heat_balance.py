"""Sensible heat balance: heat ↔ mass flow and volumetric flow.

The steady-flow energy balance of a stream that is heated (or cooled) without
phase change,

.. math:: Q = \\dot m\\, c_p\\, \\Delta T = \\rho\\, \\dot V\\, c_p\\, \\Delta T,

links the heat a stream carries to its flow and temperature change.  The
functions here solve it for any one of the unknowns, for a stream whose
properties are given explicitly, for moist air at a stated state (properties
from :mod:`coolsim.psychrometrics`), and for a liquid coolant at its
temperature (properties from :mod:`coolsim.coolants`).

Properties are evaluated at the one temperature given (for a coolant, usually
the mean of inlet and outlet; for air, the state where the volumetric flow is
measured — fans and CFM ratings usually refer to the inlet).  Over the 5–20 K
rises of data-centre streams, cp varies by < 0.5 % for water and air, so one
evaluation is adequate; pass the mean temperature when it is known.

References
----------
.. [1] ASHRAE, *Handbook—Fundamentals*, 2017, ch. 1 (moist air) and ch. 3
   (steady-flow energy equation).
.. [2] T. L. Bergman, A. S. Lavine, F. P. Incropera, D. P. DeWitt,
   *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, eq. 1.12e.
"""

from __future__ import annotations

from . import psychrometrics as _psy
from .units import (
    DENSITY,
    DIMENSIONLESS,
    MASS_FLOW,
    POWER,
    PRESSURE,
    SPECIFIC_HEAT,
    TEMPERATURE,
    TEMPERATURE_DIFFERENCE,
    VOLUMETRIC_FLOW,
    quantity_io,
)

__all__ = [
    "mass_flow_for_heat",
    "heat_from_mass_flow",
    "delta_t_from_mass_flow",
    "volumetric_flow_for_heat",
    "air_volumetric_flow_for_heat",
    "air_heat_from_volumetric_flow",
    "air_delta_t_from_volumetric_flow",
    "coolant_volumetric_flow_for_heat",
    "coolant_delta_t_from_volumetric_flow",
    "coolant_heat_from_volumetric_flow",
]

STANDARD_PRESSURE = 101325.0
"""Standard sea-level atmospheric pressure [Pa] (ASHRAE HoF 2017 ch. 1, Table 1)."""

_HUMIDITY = DIMENSIONLESS.between(0.0, 0.1)


@quantity_io(
    returns=MASS_FLOW,
    heat=POWER.nonnegative(),
    delta_t=TEMPERATURE_DIFFERENCE.positive(),
    specific_heat=SPECIFIC_HEAT.positive(),
)
def mass_flow_for_heat(heat, delta_t, specific_heat):
    """Mass flow that carries ``heat`` with a temperature change ``delta_t``.

    Parameters
    ----------
    heat : pint.Quantity
        Heat carried by the stream [W].
    delta_t : pint.Quantity
        Temperature change of the stream, a difference (``K``, ``delta_degC``) [K].
    specific_heat : pint.Quantity
        Specific heat at constant pressure [J/(kg·K)].

    Returns
    -------
    pint.Quantity
        Mass flow [kg/s].

    Notes
    -----
    :math:`\\dot m = Q / (c_p\\,\\Delta T)`; valid for sensible heating without
    phase change.

    Examples
    --------
    >>> from coolsim import Q_
    >>> mass_flow_for_heat(Q_(100, "kW"), Q_(10, "K"), Q_(4184, "J/(kg*K)"))
    <Quantity(2.39006, 'kilogram / second')>
    """
    return heat / (specific_heat * delta_t)


@quantity_io(
    returns=POWER,
    mass_flow=MASS_FLOW.nonnegative(),
    delta_t=TEMPERATURE_DIFFERENCE.any(),
    specific_heat=SPECIFIC_HEAT.positive(),
)
def heat_from_mass_flow(mass_flow, delta_t, specific_heat):
    """Heat carried by a stream of ``mass_flow`` changing by ``delta_t``.

    Parameters
    ----------
    mass_flow : pint.Quantity
        Mass flow [kg/s].
    delta_t : pint.Quantity
        Temperature change (outlet − inlet) [K].
    specific_heat : pint.Quantity
        Specific heat at constant pressure [J/(kg·K)].

    Returns
    -------
    pint.Quantity
        Heat picked up by the stream (negative if it is cooled) [W].

    Examples
    --------
    >>> from coolsim import Q_
    >>> heat_from_mass_flow(Q_(1, "kg/s"), Q_(18, "delta_degF"), Q_(4.184, "kJ/(kg*K)")).to("kW")
    <Quantity(41.84, 'kilowatt')>
    """
    return mass_flow * specific_heat * delta_t


@quantity_io(
    returns=TEMPERATURE_DIFFERENCE,
    heat=POWER.any(),
    mass_flow=MASS_FLOW.positive(),
    specific_heat=SPECIFIC_HEAT.positive(),
)
def delta_t_from_mass_flow(heat, mass_flow, specific_heat):
    """Temperature change of a stream of ``mass_flow`` that takes up ``heat``.

    Parameters
    ----------
    heat : pint.Quantity
        Heat taken up by the stream [W].
    mass_flow : pint.Quantity
        Mass flow [kg/s].
    specific_heat : pint.Quantity
        Specific heat at constant pressure [J/(kg·K)].

    Returns
    -------
    pint.Quantity
        Temperature change [K].

    Examples
    --------
    >>> from coolsim import Q_
    >>> delta_t_from_mass_flow(Q_(100, "kW"), Q_(2.39, "kg/s"), Q_(4184, "J/(kg*K)"))
    <Quantity(10.0002, 'kelvin')>
    """
    return heat / (mass_flow * specific_heat)


@quantity_io(
    returns=VOLUMETRIC_FLOW,
    heat=POWER.nonnegative(),
    delta_t=TEMPERATURE_DIFFERENCE.positive(),
    density=DENSITY.positive(),
    specific_heat=SPECIFIC_HEAT.positive(),
)
def volumetric_flow_for_heat(heat, delta_t, density, specific_heat):
    """Volumetric flow of a stream of known density that carries ``heat``.

    Parameters
    ----------
    heat : pint.Quantity
        Heat carried [W].
    delta_t : pint.Quantity
        Temperature change of the stream [K].
    density : pint.Quantity
        Density where the flow is measured [kg/m³].
    specific_heat : pint.Quantity
        Specific heat at constant pressure [J/(kg·K)].

    Returns
    -------
    pint.Quantity
        Volumetric flow [m³/s].

    Notes
    -----
    :math:`\\dot V = Q / (\\rho\\, c_p\\, \\Delta T)`.

    Examples
    --------
    A 10.2 kW server at a 20 K air rise, ρ = 1.2 kg/m³, cp = 1006 J/(kg·K):

    >>> from coolsim import Q_
    >>> volumetric_flow_for_heat(Q_(10.2, "kW"), Q_(20, "K"), Q_(1.2, "kg/m**3"),
    ...                          Q_(1006, "J/(kg*K)")).to("cfm")
    <Quantity(895.2, 'cubic_foot_per_minute')>
    """
    return heat / (density * specific_heat * delta_t)


def _air_props(temperature, pressure, humidity_ratio):
    rho = _psy.moist_air_density.si(temperature, humidity_ratio, pressure)
    cp = _psy.moist_air_specific_heat.si(humidity_ratio)
    return rho, cp


_AIR_SPECS = dict(
    temperature=TEMPERATURE.between(173.15, 473.15),
    pressure=PRESSURE.positive(),
    humidity_ratio=_HUMIDITY,
)


@quantity_io(returns=VOLUMETRIC_FLOW, heat=POWER.nonnegative(), delta_t=TEMPERATURE_DIFFERENCE.positive(), **_AIR_SPECS)
def air_volumetric_flow_for_heat(heat, delta_t, temperature, pressure=STANDARD_PRESSURE, humidity_ratio=0.0):
    """Airflow that removes ``heat`` at an air temperature rise ``delta_t``.

    Parameters
    ----------
    heat : pint.Quantity
        Sensible heat removed [W].
    delta_t : pint.Quantity
        Air temperature rise [K].
    temperature : pint.Quantity
        Air temperature where the flow is measured, usually the inlet [K].
    pressure : pint.Quantity, optional
        Barometric pressure [Pa]; default standard sea level, 101,325 Pa.
    humidity_ratio : float, optional
        Humidity ratio [kg water/kg dry air]; default 0 (dry air).

    Returns
    -------
    pint.Quantity
        Volumetric flow of moist air at ``temperature`` [m³/s].

    Notes
    -----
    :math:`\\dot V = Q / (\\rho\\, c_{p,ma}\\, \\Delta T)` with the moist-air
    density ρ and humid specific heat :math:`c_{p,ma}` per kg of moist air from
    :mod:`coolsim.psychrometrics`.  The familiar rule *CFM = 3.16 · W / ΔT(°F)*
    is this equation for standard air (ρ = 1.2 kg/m³, cp ≈ 1006 J/(kg·K)).

    Examples
    --------
    >>> from coolsim import Q_
    >>> air_volumetric_flow_for_heat(Q_(1, "kW"), Q_(20, "delta_degF"), Q_(20, "degC")).to("cfm")
    <Quantity(157.4, 'cubic_foot_per_minute')>
    """
    rho, cp = _air_props(temperature, pressure, humidity_ratio)
    return heat / (rho * cp * delta_t)


@quantity_io(returns=POWER, flow=VOLUMETRIC_FLOW.nonnegative(), delta_t=TEMPERATURE_DIFFERENCE.any(), **_AIR_SPECS)
def air_heat_from_volumetric_flow(flow, delta_t, temperature, pressure=STANDARD_PRESSURE, humidity_ratio=0.0):
    """Sensible heat picked up by an airflow warming by ``delta_t``.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric airflow at ``temperature`` [m³/s].
    delta_t : pint.Quantity
        Air temperature rise [K].
    temperature : pint.Quantity
        Air temperature where the flow is measured [K].
    pressure : pint.Quantity, optional
        Barometric pressure [Pa]; default 101,325 Pa.
    humidity_ratio : float, optional
        Humidity ratio [kg/kg]; default 0.

    Returns
    -------
    pint.Quantity
        Heat [W].

    Examples
    --------
    >>> from coolsim import Q_
    >>> air_heat_from_volumetric_flow(Q_(1000, "cfm"), Q_(20, "delta_degF"), Q_(68, "degF")).to("kW")
    <Quantity(6.35, 'kilowatt')>
    """
    rho, cp = _air_props(temperature, pressure, humidity_ratio)
    return rho * flow * cp * delta_t


@quantity_io(returns=TEMPERATURE_DIFFERENCE, heat=POWER.any(), flow=VOLUMETRIC_FLOW.positive(), **_AIR_SPECS)
def air_delta_t_from_volumetric_flow(heat, flow, temperature, pressure=STANDARD_PRESSURE, humidity_ratio=0.0):
    """Air temperature rise when an airflow takes up ``heat``.

    Parameters
    ----------
    heat : pint.Quantity
        Sensible heat taken up [W].
    flow : pint.Quantity
        Volumetric airflow at ``temperature`` [m³/s].
    temperature : pint.Quantity
        Air temperature where the flow is measured [K].
    pressure : pint.Quantity, optional
        Barometric pressure [Pa]; default 101,325 Pa.
    humidity_ratio : float, optional
        Humidity ratio [kg/kg]; default 0.

    Returns
    -------
    pint.Quantity
        Temperature rise [K].

    Examples
    --------
    >>> from coolsim import Q_
    >>> air_delta_t_from_volumetric_flow(Q_(10.2, "kW"), Q_(1600, "cfm"), Q_(24, "degC")).to("delta_degF")
    <Quantity(20.3, 'delta_degree_Fahrenheit')>
    """
    rho, cp = _air_props(temperature, pressure, humidity_ratio)
    return heat / (rho * flow * cp)


def _coolant_props(coolant, temperature):
    coolant.check_temperature_si(temperature, "temperature")
    return coolant.density_si(temperature), coolant.specific_heat_si(temperature)


@quantity_io(returns=VOLUMETRIC_FLOW, heat=POWER.nonnegative(), delta_t=TEMPERATURE_DIFFERENCE.positive(), temperature=TEMPERATURE.any())
def coolant_volumetric_flow_for_heat(heat, delta_t, coolant, temperature):
    """Liquid coolant flow that removes ``heat`` at a temperature rise ``delta_t``.

    Parameters
    ----------
    heat : pint.Quantity
        Heat removed [W].
    delta_t : pint.Quantity
        Coolant temperature rise [K].
    coolant : coolsim.coolants.Coolant
        The coolant (``coolants.water()``, ``coolants.propylene_glycol(0.25)``, …).
    temperature : pint.Quantity
        Temperature at which properties are taken, usually the mean of inlet
        and outlet [K].  Below the coolant's freezing point, or outside its
        datasheet range, is an :class:`~coolsim.errors.OutOfRangeError`.

    Returns
    -------
    pint.Quantity
        Volumetric flow at ``temperature`` [m³/s].

    Examples
    --------
    100 kW at a 10 K rise in water (the "500 · gpm · ΔT(°F)" rule gives 37.9 gpm):

    >>> from coolsim import Q_, coolants
    >>> coolant_volumetric_flow_for_heat(Q_(100, "kW"), Q_(10, "K"), coolants.water(),
    ...                                  Q_(20, "degC")).to("gpm")
    <Quantity(37.95, 'gallon_per_minute')>
    """
    rho, cp = _coolant_props(coolant, temperature)
    return heat / (rho * cp * delta_t)


@quantity_io(returns=TEMPERATURE_DIFFERENCE, heat=POWER.any(), flow=VOLUMETRIC_FLOW.positive(), temperature=TEMPERATURE.any())
def coolant_delta_t_from_volumetric_flow(heat, flow, coolant, temperature):
    """Coolant temperature rise when a flow takes up ``heat``.

    Parameters
    ----------
    heat : pint.Quantity
        Heat taken up [W].
    flow : pint.Quantity
        Volumetric coolant flow [m³/s].
    coolant : coolsim.coolants.Coolant
        The coolant.
    temperature : pint.Quantity
        Temperature at which properties are taken [K].

    Returns
    -------
    pint.Quantity
        Temperature rise [K].

    Examples
    --------
    A 1 kW GPU cold plate at the OCP guidance of 1.5 L/min, in PG25 at 35 °C:

    >>> from coolsim import Q_, coolants
    >>> dt = coolant_delta_t_from_volumetric_flow(Q_(1, "kW"), Q_(1.5, "L/min"),
    ...                                           coolants.propylene_glycol(0.25), Q_(35, "degC"))
    >>> round(dt.to("K").magnitude, 1)
    10.0
    """
    rho, cp = _coolant_props(coolant, temperature)
    return heat / (rho * flow * cp)


@quantity_io(returns=POWER, flow=VOLUMETRIC_FLOW.nonnegative(), delta_t=TEMPERATURE_DIFFERENCE.any(), temperature=TEMPERATURE.any())
def coolant_heat_from_volumetric_flow(flow, delta_t, coolant, temperature):
    """Heat carried by a coolant flow that changes temperature by ``delta_t``.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric coolant flow [m³/s].
    delta_t : pint.Quantity
        Temperature change [K].
    coolant : coolsim.coolants.Coolant
        The coolant.
    temperature : pint.Quantity
        Temperature at which properties are taken [K].

    Returns
    -------
    pint.Quantity
        Heat [W].

    Examples
    --------
    >>> from coolsim import Q_, coolants
    >>> coolant_heat_from_volumetric_flow(Q_(10, "gpm"), Q_(10, "delta_degF"), coolants.water(),
    ...                                   Q_(60, "degF")).to("Btu/hour")
    <Quantity(50034.3, 'british_thermal_unit / hour')>
    """
    rho, cp = _coolant_props(coolant, temperature)
    return rho * flow * cp * delta_t
