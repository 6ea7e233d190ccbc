"""Affinity laws: flow, pressure and power of a machine at another speed.

Holds :func:`affinity_laws` (fan laws 1a–1c) and :func:`speed_ratio_for_flow`
(the speed ratio that gives a target flow on a through-origin system).

References: ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans",
Table 2 (fan laws).
"""

from __future__ import annotations

from ..units import POWER, PRESSURE, VOLUMETRIC_FLOW, quantity_io
from .curves import _SPEED

__all__ = ["affinity_laws", "speed_ratio_for_flow"]


@quantity_io(returns=(VOLUMETRIC_FLOW, PRESSURE, POWER), flow=VOLUMETRIC_FLOW.nonnegative(),
             pressure=PRESSURE.nonnegative(), power=POWER.nonnegative(), speed_ratio=_SPEED)
def affinity_laws(flow, pressure, power, speed_ratio):
    """Flow, pressure and shaft power of a machine at a new speed (affinity laws).

    Parameters
    ----------
    flow : pint.Quantity
        Flow at the original speed [m³/s].
    pressure : pint.Quantity
        Pressure rise at the original speed [Pa].
    power : pint.Quantity
        Shaft power at the original speed [W].
    speed_ratio : float or array_like
        :math:`s = N_2/N_1` > 0 [-].

    Returns
    -------
    flow, pressure, power : pint.Quantity
        :math:`Q_2 = Q_1 s` [m³/s], :math:`\\Delta p_2 = \\Delta p_1 s^2` [Pa],
        :math:`P_2 = P_1 s^3` [W].

    Notes
    -----
    Fan laws 1a–1c [1]_ (same machine, same density, similar operating points,
    i.e. a through-origin quadratic system, constant efficiency).  Electrical
    power falls less than :math:`s^3` because motor and drive efficiencies drop
    at part load; Reynolds effects make them approximate below about 40 % speed.

    References
    ----------
    .. [1] ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans", Table 2 (fan laws).

    Examples
    --------
    >>> from coolsim import Q_
    >>> q, p, w = affinity_laws(Q_(1, "m**3/s"), Q_(400, "Pa"), Q_(666.667, "W"), 0.8)
    >>> round(q.m, 6), round(p.m, 6), round(w.m, 1)
    (0.8, 256.0, 341.3)
    """
    return flow * speed_ratio, pressure * speed_ratio**2, power * speed_ratio**3


@quantity_io(returns=None, flow=VOLUMETRIC_FLOW.positive(), target_flow=VOLUMETRIC_FLOW.positive())
def speed_ratio_for_flow(flow, target_flow):
    """Speed ratio that moves ``flow`` to ``target_flow`` on a through-origin system.

    Parameters
    ----------
    flow : pint.Quantity
        Present operating flow [m³/s].
    target_flow : pint.Quantity
        Wanted flow [m³/s].

    Returns
    -------
    float or numpy.ndarray
        :math:`s = Q_{target}/Q` [-].

    Notes
    -----
    Exact only for a system :math:`k Q^2` through the origin (no static
    pressure), where operating points are similar; with static pressure use
    :func:`operating_point` instead.

    References
    ----------
    .. [1] ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans", fan law 1a.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(speed_ratio_for_flow(Q_(2000, "cfm"), Q_(1600, "cfm")), 6)
    0.8
    """
    return target_flow / flow
