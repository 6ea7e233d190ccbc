"""Room-air ride-through and chilled-water storage after a chiller or power failure.

With cooling lost and the IT still on UPS, the room air (and whatever structure
keeps pace with it) warms until the IT inlet reaches its limit; chilled water
still circulating through the CRAH coils, or held in a storage tank, adds its
sensible heat when the fans and pumps stay on UPS.  The room breathes at
constant pressure, so its air mass falls as it warms.  Well-mixed: an upper
bound on the time where exhaust recirculates locally with the fans off.

References
----------
.. [1] P. Lin, S. Zhang, J. VanGilder, "Data Center Temperature Rise During a
   Cooling System Outage", Schneider Electric White Paper 179, rev. 0.
.. [2] K. Khankari, "Rate of heating analysis of data centers during power
   shutdown", ASHRAE Transactions 117(1), 2011, paper LV-11-C026.
.. [3] ASHRAE, *Handbook—Fundamentals*, 2017, ch. 1 (dry-air constants);
   *Handbook—HVAC Applications*, 2019, ch. 51 "Thermal Storage".
"""

from __future__ import annotations

import numpy as np

from coolsim.coolants import water
from coolsim.errors import OutOfRangeError
from coolsim.units import (
    DIMENSIONLESS,
    ENERGY,
    HEAT_CAPACITY,
    POWER,
    PRESSURE,
    TEMPERATURE_DIFFERENCE,
    TIME,
    VOLUME,
    quantity_io,
)

from .ride_through_lumped import _POS_T, _integral_cp, _out, _require_rise

__all__ = [
    "room_air_ride_through",
    "room_air_ride_through_fans_on_ups",
    "thermal_storage_for_ride_through",
]

R_DRY_AIR = 287.042
"""Gas constant of dry air [J/(kg·K)] (ASHRAE Handbook—Fundamentals 2017, ch. 1)."""
CP_AIR = 1006.0
"""Specific heat of dry air near 20 °C [J/(kg·K)] (ASHRAE Handbook—Fundamentals 2017, ch. 1)."""


def _air_energy(air_volume, t0, t1, pressure):
    # Constant-pressure room that breathes: m(T) = pV/(R T), dQ = m(T) cp dT.
    return pressure * air_volume * CP_AIR / R_DRY_AIR * np.log(t1 / t0)


_ROOM = dict(
    it_power=POWER.positive(),
    air_volume=VOLUME.positive(),
    initial_temperature=_POS_T,
    limit_temperature=_POS_T,
    structure_heat_capacity=HEAT_CAPACITY.nonnegative(),
    pressure=PRESSURE.positive(),
)


@quantity_io(returns=TIME, **_ROOM)
def room_air_ride_through(
    it_power, air_volume, initial_temperature, limit_temperature, structure_heat_capacity=0.0, pressure=101325.0
):
    """Time until the IT inlet air reaches its limit with CRAH cooling and fans off.

    Parameters
    ----------
    it_power : pint.Quantity
        IT load, still running on UPS [W].
    air_volume : pint.Quantity
        Air volume that mixes with the IT exhaust (whole room, or a contained
        aisle) [m³].
    initial_temperature : pint.Quantity
        Inlet (mixed air) temperature when cooling stops [K].
    limit_temperature : pint.Quantity
        Allowed inlet temperature, e.g. 32 °C (ASHRAE A1 allowable) [K].
    structure_heat_capacity : pint.Quantity, optional
        Effective heat capacity of structure and equipment that follows the air
        temperature; default 0 (assumption: conservative, air only).  A measured
        2U server behaved as ~12 kJ/K (Ibrahim et al., ITherm 2012), but only the
        part that keeps pace with the air over the outage should be counted [J/K].
    pressure : pint.Quantity, optional
        Room pressure; default 101,325 Pa (sea level) [Pa].

    Returns
    -------
    pint.Quantity
        Ride-through time [s].

    Notes
    -----
    The room breathes at constant pressure, so its air mass falls as it warms,
    :math:`m = pV/(R_a T)`, and :math:`(m(T) c_p + C_s)\\,dT/dt = P` integrates to

    .. math:: t = \\frac{(p V c_p / R_a)\\ln(T_l/T_0) + C_s (T_l - T_0)}{P}.

    Dry air, :math:`R_a` = 287.042 J/(kg·K), :math:`c_p` = 1006 J/(kg·K)
    (humidity changes cp by < 2 %).  Well-mixed: an upper bound on the time
    when fans are off and exhaust recirculates locally.

    References
    ----------
    .. [1] P. Lin, S. Zhang, J. VanGilder, Schneider Electric White Paper 179.
    .. [2] ASHRAE, *Handbook—Fundamentals*, 2017, ch. 1 (dry-air constants).

    Examples
    --------
    A 1 MW hall with 3,000 m³ of air, 25 → 32 °C:

    >>> from coolsim import Q_
    >>> round(float(room_air_ride_through(Q_(1, "MW"), Q_(3000, "m**3"), Q_(25, "degC"),
    ...                                   Q_(32, "degC")).to("s").m), 1)
    24.7
    """
    _require_rise(initial_temperature, limit_temperature)
    energy = _air_energy(air_volume, initial_temperature, limit_temperature, pressure)
    energy = energy + structure_heat_capacity * (limit_temperature - initial_temperature)
    return _out(energy / it_power)


@quantity_io(
    returns=TIME,
    fan_power=POWER.nonnegative(),
    chilled_water_volume=VOLUME.nonnegative(),
    chilled_water_temperature=_POS_T,
    coil_approach=TEMPERATURE_DIFFERENCE.nonnegative(),
    **_ROOM,
)
def room_air_ride_through_fans_on_ups(
    it_power, fan_power, air_volume, initial_temperature, limit_temperature, chilled_water_volume,
    chilled_water_temperature, coil_approach, structure_heat_capacity=0.0, pressure=101325.0,
):
    """Inlet-air ride-through when chillers stop but CRAH fans and pumps stay on UPS.

    Parameters
    ----------
    it_power : pint.Quantity
        IT load [W].
    fan_power : pint.Quantity
        CRAH fan and chilled-water pump power on UPS, which also becomes heat [W].
    air_volume : pint.Quantity
        Room air volume [m³].
    initial_temperature : pint.Quantity
        Inlet air temperature when the chillers stop [K].
    limit_temperature : pint.Quantity
        Allowed inlet temperature [K].
    chilled_water_volume : pint.Quantity
        Chilled water still circulating through the coils (pipes, coils, buffer
        or storage tank) [m³].
    chilled_water_temperature : pint.Quantity
        Its temperature when the chillers stop [K].
    coil_approach : pint.Quantity
        Supply air minus chilled-water temperature across the coil [K].
    structure_heat_capacity : pint.Quantity, optional
        As in :func:`room_air_ride_through`; default 0 (assumption) [J/K].
    pressure : pint.Quantity, optional
        Room pressure; default 101,325 Pa [Pa].

    Returns
    -------
    pint.Quantity
        Ride-through time [s].

    Notes
    -----
    Quasi-steady coil: the supply air follows the water at a fixed approach,
    so the limit is reached when the water reaches :math:`T_l - a`:

    .. math::

        t = \\frac{E_{air} + C_s (T_l - T_0) + m_w \\int_{T_{w0}}^{T_l - a} c_{p,w}\\,dT}
                 {P_{IT} + P_{fan}}

    with :math:`E_{air}` as in :func:`room_air_ride_through` and
    :math:`m_w = \\rho_w(T_{w0}) V_w` (water properties from
    :func:`coolsim.coolants.water`).  With no water volume, fans on UPS only
    add heat in this well-mixed model (their real benefit is avoiding local
    recirculation).  Needs :math:`T_{w0} < T_l - a`.

    References
    ----------
    .. [1] P. Lin, S. Zhang, J. VanGilder, Schneider Electric White Paper 179
       (fans and pumps on UPS, chilled-water storage).

    Examples
    --------
    The same hall with 50 m³ of 12 °C chilled water and a 3 K coil approach:

    >>> from coolsim import Q_
    >>> t = room_air_ride_through_fans_on_ups(Q_(1, "MW"), Q_(50, "kW"), Q_(3000, "m**3"),
    ...     Q_(25, "degC"), Q_(32, "degC"), Q_(50, "m**3"), Q_(12, "degC"), Q_(3, "K"))
    >>> round(float(t.to("minute").m), 1)
    56.8
    """
    _require_rise(initial_temperature, limit_temperature)
    water_top = limit_temperature - coil_approach
    if np.any(np.asarray(chilled_water_temperature) >= water_top):
        raise OutOfRangeError(
            "parameter 'chilled_water_temperature' must be below 'limit_temperature' minus "
            "'coil_approach' (otherwise the supply air is already at its limit); got a margin of "
            f"{float(np.min(water_top - chilled_water_temperature)):.4g} K"
        )
    w = water()
    mass = w.density_si(w.check_temperature_si(chilled_water_temperature, "chilled_water_temperature"))
    w.check_temperature_si(water_top, "limit_temperature - coil_approach")
    energy = _air_energy(air_volume, initial_temperature, limit_temperature, pressure)
    energy = energy + structure_heat_capacity * (limit_temperature - initial_temperature)
    energy = energy + chilled_water_volume * mass * _integral_cp(w, chilled_water_temperature, water_top)
    return _out(energy / (it_power + fan_power))


@quantity_io(
    returns=(ENERGY, VOLUME),
    load=POWER.nonnegative(),
    duration=TIME.nonnegative(),
    temperature_rise=TEMPERATURE_DIFFERENCE.positive(),
    supply_temperature=_POS_T,
    usable_fraction=DIMENSIONLESS.between(0.0, 1.0, lo_open=True),
)
def thermal_storage_for_ride_through(load, duration, temperature_rise, supply_temperature, usable_fraction=1.0):
    """Cold storage needed to carry a load through an outage.

    Parameters
    ----------
    load : pint.Quantity
        Heat to absorb during the outage (IT plus fans and pumps on UPS) [W].
    duration : pint.Quantity
        Outage to ride through, e.g. chiller restart time [s].
    temperature_rise : pint.Quantity
        Allowed rise of the stored chilled water (supply to return) [K].
    supply_temperature : pint.Quantity
        Stored water temperature [K].
    usable_fraction : float, optional
        Fraction of the tank's ideal capacity that can be drawn (stratified tanks
        lose some to the thermocline and mixing); default 1 (assumption: ideal) [-].

    Returns
    -------
    tuple of pint.Quantity
        Stored cold energy [J] and water volume [m³].

    Notes
    -----
    :math:`E = P t / \\eta`, :math:`V = E / (\\rho c_p \\Delta T)` with water
    properties at the mean temperature :math:`T_s + \\Delta T/2`
    (:func:`coolsim.coolants.water`).

    References
    ----------
    .. [1] ASHRAE, *Handbook—HVAC Applications*, 2019, ch. 51 "Thermal Storage".

    Examples
    --------
    >>> from coolsim import Q_
    >>> e, v = thermal_storage_for_ride_through(Q_(1, "MW"), Q_(10, "minute"), Q_(10, "K"),
    ...                                         Q_(12, "degC"))
    >>> round(float(e.to("kWh").m), 1), round(float(v.to("m**3").m), 2)
    (166.7, 14.35)
    """
    w = water()
    t_mean = w.check_temperature_si(supply_temperature + 0.5 * temperature_rise, "supply_temperature")
    energy = load * duration / usable_fraction
    volume = energy / (w.density_si(t_mean) * w.specific_heat_si(t_mean) * temperature_rise)
    return _out(energy), _out(volume)
