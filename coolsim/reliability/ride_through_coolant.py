"""Coolant-inventory ride-through: liquid loops, single-phase and two-phase immersion tanks.

Once heat rejection stops, the coolant that circulates — a direct-to-chip
technology cooling system loop or a single-phase immersion tank — absorbs the
load as sensible heat until it reaches its supply limit.  A two-phase tank with
its condenser off first warms any subcooled bath to saturation, then fills its
free headspace with vapour; after that the inventory boils off at
:math:`P/h_{fg}`.

References
----------
.. [1] T. L. Bergman, A. S. Lavine, F. P. Incropera, D. P. DeWitt, *Fundamentals
   of Heat and Mass Transfer*, 7th ed., Wiley, 2011, §5.3 and ch. 10.
.. [2] 3M, Novec 649 / Novec 7100 Engineered Fluid product information (latent
   heat, boiling point).
"""

from __future__ import annotations

import numpy as np

from coolsim.coolants import Coolant, TwoPhaseFluid
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.units import MASS, MASS_FLOW, POWER, TEMPERATURE_DIFFERENCE, TIME, VOLUME, quantity_io

from .ride_through_lumped import _POS_T, _integral_cp, _out, _require_rise

__all__ = [
    "coolant_ride_through",
    "two_phase_ride_through",
    "boil_off_rate",
]


def _check_fluid(fluid, cls, name):
    if not isinstance(fluid, cls):
        raise UnitError(
            f"parameter '{name}' must be a coolsim.coolants.{cls.__name__} "
            f"(e.g. coolants.MINERAL_OIL_PNF or coolants.NOVEC_649); got {type(fluid).__name__}"
        )


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
