"""Cooling ride-through: lumped-capacitance transients after a chiller, pump or power failure.

When heat rejection stops but the IT keeps running (on UPS), every watt goes
into thermal mass: room air and structure, the coolant inventory of a loop or
tank, the cold plate under a GPU.  With one well-mixed temperature per mass
(lumped capacitance, Biot number small or mixing fast) the energy balance

.. math:: C(T)\\,\\frac{dT}{dt} = P

integrates in closed form, and the time until a temperature limit is reached is
the stored energy between the initial and limit temperatures divided by the
power.  Results are ride-through times in s (Quantities); ``numpy.inf`` means
the limit is never reached (:func:`lumped_time_to_limit`).

Left out: spatial non-uniformity (with fans off, exhaust recirculates to the
nearest inlets before the room mean reaches the limit — pass only the air that
mixes, e.g. a contained aisle), wall losses and IT throttling.

References
----------
.. [1] T. L. Bergman, A. S. Lavine, F. P. Incropera, D. P. DeWitt, *Fundamentals
   of Heat and Mass Transfer*, 7th ed., Wiley, 2011, §5.1–5.3 (lumped capacitance).
.. [2] P. Lin, S. Zhang, J. VanGilder, "Data Center Temperature Rise During a
   Cooling System Outage", Schneider Electric White Paper 179, rev. 0.
.. [3] K. Khankari, "Rate of heating analysis of data centers during power
   shutdown", ASHRAE Transactions 117(1), 2011, paper LV-11-C026.
"""

from __future__ import annotations

import numpy as np

from coolsim.coolants import Coolant, TwoPhaseFluid, water
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.units import (
    DIMENSIONLESS,
    ENERGY,
    MASS_FLOW,
    POWER,
    PRESSURE,
    TEMPERATURE,
    TEMPERATURE_DIFFERENCE,
    THERMAL_RESISTANCE,
    TIME,
    VOLUME,
    quantity_io,
)

__all__ = [
    "DEFAULT_DEVICE_HEAT_CAPACITY",
    "room_air_ride_through",
    "room_air_ride_through_fans_on_ups",
    "coolant_ride_through",
    "two_phase_ride_through",
    "boil_off_rate",
    "device_ride_through",
    "device_time_constant",
    "lumped_time_to_limit",
    "thermal_storage_for_ride_through",
]

R_DRY_AIR = 287.042
"""Gas constant of dry air [J/(kg·K)] (ASHRAE Handbook—Fundamentals 2017, ch. 1)."""
CP_AIR = 1006.0
"""Specific heat of dry air near 20 °C [J/(kg·K)] (ASHRAE Handbook—Fundamentals 2017, ch. 1)."""
DEFAULT_DEVICE_HEAT_CAPACITY = 400.0
"""Heat capacity of a GPU with its cold plate [J/K] — assumption: 0.5 kg of copper
(cp 385 J/(kg·K), Bergman et al. 2011, Table A.1) plus 0.05 kg of water held in the
plate (4180 J/(kg·K)), ≈ 400 J/K; the die and package add little."""

# Kinds missing from coolsim.units (candidates to move there).
from ..units import HEAT_CAPACITY, MASS  # noqa: E402  (defined in coolsim.units)

_POS_T = TEMPERATURE.positive()
# Gauss–Legendre 4-point rule on [-1, 1] for ∫cp dT (exact for cubic cp(T)).
_GL_X, _GL_W = np.polynomial.legendre.leggauss(4)


def _out(x):
    x = np.asarray(x, dtype=np.float64)
    return float(x) if x.ndim == 0 else x


def _require_rise(initial, limit, name="limit_temperature"):
    bad = np.asarray(limit) <= np.asarray(initial)
    if np.any(bad):
        raise OutOfRangeError(
            f"parameter '{name}' must be above the initial temperature; got "
            f"{np.min(np.asarray(limit) - np.asarray(initial)):.4g} K from the initial value"
        )


def _integral_cp(coolant, t_lo, t_hi):
    """∫ cp dT from t_lo to t_hi [J/kg], 4-point Gauss–Legendre, broadcasting."""
    t_lo, t_hi = np.broadcast_arrays(np.asarray(t_lo, float), np.asarray(t_hi, float))
    half, mid = 0.5 * (t_hi - t_lo), 0.5 * (t_hi + t_lo)
    nodes = mid[None, ...] + half[None, ...] * _GL_X.reshape((4,) + (1,) * mid.ndim)
    cp = coolant.specific_heat_si(nodes)
    return half * np.tensordot(_GL_W, cp, axes=1)


def _check_fluid(fluid, cls, name):
    if not isinstance(fluid, cls):
        raise UnitError(
            f"parameter '{name}' must be a coolsim.coolants.{cls.__name__} "
            f"(e.g. coolants.MINERAL_OIL_PNF or coolants.NOVEC_649); got {type(fluid).__name__}"
        )


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
    returns=TIME,
    power=POWER.positive(),
    volume=VOLUME.positive(),
    initial_temperature=_POS_T,
    limit_temperature=_POS_T,
)
def coolant_ride_through(power, volume, coolant, initial_temperature, limit_temperature):
    """Time until a coolant inventory reaches its limit once heat rejection stops.

    Parameters
    ----------
    power : pint.Quantity
        Heat still going into the coolant (IT load captured by the loop or tank,
        plus pump heat) [W].
    volume : pint.Quantity
        Coolant inventory that circulates (TCS loop, or single-phase immersion
        tank fluid) at the initial temperature [m³].
    coolant : coolsim.coolants.Coolant
        The liquid, e.g. ``coolants.propylene_glycol(0.25)`` or
        ``coolants.MINERAL_OIL_PNF``.
    initial_temperature : pint.Quantity
        Mixed coolant temperature when rejection stops [K].
    limit_temperature : pint.Quantity
        Allowed coolant (supply) temperature [K].

    Returns
    -------
    pint.Quantity
        Ride-through time [s].

    Notes
    -----
    :math:`m\\,c_p(T)\\,dT/dt = P` with :math:`m = \\rho(T_0) V` (expansion goes
    to the expansion tank) gives :math:`t = m\\int_{T_0}^{T_l} c_p\\,dT / P`;
    the integral uses 4-point Gauss–Legendre quadrature of the coolant's cp
    (error < 1e-6 relative for coolsim's smooth property tables).  Both
    temperatures must lie in the coolant's valid range.  Assumes the pumps keep
    the inventory mixed; a stagnant tank stratifies.

    References
    ----------
    .. [1] Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., 2011, §5.3.

    Examples
    --------
    A 1,000 L mineral-oil tank at 40 °C taking 100 kW, limit 50 °C:

    >>> from coolsim import Q_
    >>> from coolsim.coolants import MINERAL_OIL_PNF
    >>> t = coolant_ride_through(Q_(100, "kW"), Q_(1000, "L"), MINERAL_OIL_PNF,
    ...                          Q_(40, "degC"), Q_(50, "degC"))
    >>> round(float(t.to("s").m))
    171
    """
    _check_fluid(coolant, Coolant, "coolant")
    coolant.check_temperature_si(initial_temperature, "initial_temperature")
    coolant.check_temperature_si(limit_temperature, "limit_temperature")
    _require_rise(initial_temperature, limit_temperature)
    mass = coolant.density_si(initial_temperature) * volume
    return _out(mass * _integral_cp(coolant, initial_temperature, limit_temperature) / power)


@quantity_io(
    returns=TIME,
    power=POWER.positive(),
    liquid_mass=MASS.nonnegative(),
    headspace_volume=VOLUME.nonnegative(),
    subcooling=TEMPERATURE_DIFFERENCE.nonnegative(),
)
def two_phase_ride_through(power, fluid, liquid_mass, headspace_volume, subcooling=0.0):
    """Time until a two-phase tank with its condenser off starts to vent vapour.

    Parameters
    ----------
    power : pint.Quantity
        Heat going into the bath [W].
    fluid : coolsim.coolants.TwoPhaseFluid
        The boiling fluid, e.g. ``coolants.NOVEC_649``.
    liquid_mass : pint.Quantity
        Liquid in the bath [kg].
    headspace_volume : pint.Quantity
        Free volume between the normal vapour level and the lid or vent that the
        vapour can fill (air is pushed out through the breather) [m³].
    subcooling : pint.Quantity, optional
        Bath temperature below the boiling point when the condenser stops;
        default 0 (a boiling bath is saturated) [K].

    Returns
    -------
    pint.Quantity
        Time until vapour reaches the vent [s]; beyond it the fluid is lost at
        :func:`boil_off_rate`.

    Notes
    -----
    Model: the bath first warms to saturation, then all heat makes vapour at
    1 atm that fills the headspace:

    .. math:: t = \\frac{m_l\\,c_p\\,\\Delta T_{sub} + \\rho_v V_h h_{fg}}{P}

    with :math:`c_p` at the mean subcooled temperature, :math:`h_{fg}` and
    :math:`\\rho_v` at the normal boiling point (``fluid.latent_heat_si``,
    ``fluid.vapour_density_si``).  Condensation on tank walls is neglected
    (conservative).  Vapour is dense but small in volume, so :math:`t` is
    seconds unless the bath is subcooled: a two-phase tank relies on its
    condenser, and after the vent point the inventory boils off.

    References
    ----------
    .. [1] 3M, Novec 649 / Novec 7100 product information (latent heat, boiling point).
    .. [2] Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., 2011, ch. 10.

    Examples
    --------
    >>> from coolsim import Q_
    >>> from coolsim.coolants import NOVEC_649
    >>> t = two_phase_ride_through(Q_(100, "kW"), NOVEC_649, Q_(800, "kg"), Q_(0.2, "m**3"))
    >>> round(float(t.to("s").m), 2)
    2.25
    """
    _check_fluid(fluid, TwoPhaseFluid, "fluid")
    t_cold = fluid.boiling_point - np.asarray(subcooling)
    if np.any(t_cold < fluid.t_min):
        raise OutOfRangeError(
            f"parameter 'subcooling' puts the bath below the valid range of {fluid.name} "
            f"({fluid.t_min:.2f} K); got up to {float(np.max(subcooling)):.4g} K of subcooling"
        )
    cp = fluid.specific_heat_si(fluid.boiling_point - 0.5 * np.asarray(subcooling))
    energy = liquid_mass * cp * subcooling + fluid.vapour_density_si * headspace_volume * fluid.latent_heat_si
    return _out(energy / power)


@quantity_io(returns=MASS_FLOW, power=POWER.nonnegative())
def boil_off_rate(power, fluid):
    """Rate at which a boiling bath with no condensing loses fluid as vapour.

    Parameters
    ----------
    power : pint.Quantity
        Heat going into the saturated bath [W].
    fluid : coolsim.coolants.TwoPhaseFluid
        The boiling fluid.

    Returns
    -------
    pint.Quantity
        Vapour mass flow leaving the tank [kg/s].

    Notes
    -----
    :math:`\\dot m = P / h_{fg}` at the normal boiling point; the time to lose a
    mass :math:`m` is :math:`m h_{fg}/P`.

    References
    ----------
    .. [1] 3M, Novec 649 Engineered Fluid, product information (h_fg 88 kJ/kg).

    Examples
    --------
    >>> from coolsim import Q_
    >>> from coolsim.coolants import NOVEC_649
    >>> round(float(boil_off_rate(Q_(88, "kW"), NOVEC_649).to("kg/s").m), 6)
    1.0
    """
    _check_fluid(fluid, TwoPhaseFluid, "fluid")
    return power / fluid.latent_heat_si


@quantity_io(
    returns=TIME,
    power=POWER.positive(),
    initial_temperature=_POS_T,
    limit_temperature=_POS_T,
    heat_capacity=HEAT_CAPACITY.positive(),
)
def device_ride_through(power, initial_temperature, limit_temperature, heat_capacity=DEFAULT_DEVICE_HEAT_CAPACITY):
    """Time until a GPU reaches its limit after the coolant flow through its cold plate stops.

    Parameters
    ----------
    power : pint.Quantity
        Device power while it keeps running [W].
    initial_temperature : pint.Quantity
        Device (junction or case) temperature when the flow stops [K].
    limit_temperature : pint.Quantity
        Throttle or shutdown temperature of the same point [K].
    heat_capacity : pint.Quantity, optional
        Lumped heat capacity of device, cold plate and the coolant held in it;
        default 400 J/K (assumption, see ``DEFAULT_DEVICE_HEAT_CAPACITY``) [J/K].

    Returns
    -------
    pint.Quantity
        Ride-through time [s].

    Notes
    -----
    Adiabatic: :math:`t = C (T_l - T_0)/P`.  The junction-to-cold-plate drop
    :math:`P R_{jc}` is the same before and after, so junction temperatures can
    be used directly.  Seconds for a 700 W GPU: the loop must keep flowing.
    For a residual path to a sink use :func:`lumped_time_to_limit`.

    References
    ----------
    .. [1] Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed.,
       2011, §5.3 and Table A.1 (copper cp 385 J/(kg·K)).

    Examples
    --------
    >>> from coolsim import Q_
    >>> device_ride_through(Q_(700, "W"), Q_(65, "degC"), Q_(90, "degC")).to("s")
    <Quantity(14.2857143, 'second')>
    """
    _require_rise(initial_temperature, limit_temperature)
    return heat_capacity * (limit_temperature - initial_temperature) / power


@quantity_io(returns=TIME, heat_capacity=HEAT_CAPACITY.positive(), thermal_resistance=THERMAL_RESISTANCE.positive())
def device_time_constant(heat_capacity, thermal_resistance):
    """Thermal time constant of a lumped device, :math:`\\tau = R C`.

    Parameters
    ----------
    heat_capacity : pint.Quantity
        Lumped heat capacity [J/K].
    thermal_resistance : pint.Quantity
        Resistance from the lump to its sink (to the coolant while it flows; to
        stagnant fluid and surroundings once it stops, which makes τ long and
        the response almost adiabatic) [K/W].

    Returns
    -------
    pint.Quantity
        Time constant [s].

    Notes
    -----
    Valid for a Biot number below ~0.1 (Bergman et al. 2011, §5.2).

    References
    ----------
    .. [1] Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., 2011, eq. 5.7.

    Examples
    --------
    >>> from coolsim import Q_
    >>> device_time_constant(Q_(400, "J/K"), Q_(0.02, "K/W")).to("s")
    <Quantity(8.0, 'second')>
    """
    return heat_capacity * thermal_resistance


@quantity_io(
    returns=TIME,
    power=POWER.positive(),
    heat_capacity=HEAT_CAPACITY.positive(),
    thermal_resistance=THERMAL_RESISTANCE.positive(),
    sink_temperature=_POS_T,
    initial_temperature=_POS_T,
    limit_temperature=_POS_T,
)
def lumped_time_to_limit(
    power, heat_capacity, thermal_resistance, sink_temperature, initial_temperature, limit_temperature
):
    """Time for a lumped mass with a residual path to a sink to reach a limit.

    Parameters
    ----------
    power : pint.Quantity
        Heat generated in the mass [W].
    heat_capacity : pint.Quantity
        Lumped heat capacity [J/K].
    thermal_resistance : pint.Quantity
        Resistance from the mass to the sink that remains [K/W].
    sink_temperature : pint.Quantity
        Sink temperature, held constant [K].
    initial_temperature : pint.Quantity
        Temperature of the mass at t = 0 [K].
    limit_temperature : pint.Quantity
        Limit [K], above the initial temperature.

    Returns
    -------
    pint.Quantity
        Time [s]; ``inf`` where the steady temperature
        :math:`T_\\infty = T_s + P R` does not exceed the limit.

    Notes
    -----
    :math:`C\\,dT/dt = P - (T - T_s)/R` gives
    :math:`T(t) = T_\\infty + (T_0 - T_\\infty) e^{-t/RC}`, so
    :math:`t = RC \\ln[(T_\\infty - T_0)/(T_\\infty - T_l)]`.  Tends to
    :func:`device_ride_through` as :math:`R \\to \\infty`.

    References
    ----------
    .. [1] Bergman et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., 2011, §5.3.

    Examples
    --------
    >>> from coolsim import Q_
    >>> t = lumped_time_to_limit(Q_(700, "W"), Q_(400, "J/K"), Q_(0.1, "K/W"),
    ...                          Q_(40, "degC"), Q_(65, "degC"), Q_(90, "degC"))
    >>> round(float(t.to("s").m), 2)
    32.44
    """
    _require_rise(initial_temperature, limit_temperature)
    t_inf = sink_temperature + power * thermal_resistance
    reached = t_inf > limit_temperature
    ratio = np.where(reached, (t_inf - initial_temperature) / np.where(reached, t_inf - limit_temperature, 1.0), 1.0)
    return _out(np.where(reached, heat_capacity * thermal_resistance * np.log(ratio), np.inf))


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
