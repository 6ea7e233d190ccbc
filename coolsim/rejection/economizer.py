"""Water-side economizer decision: free cooling, partial (series pre-cooling
with chiller trim) or full mechanical cooling, element by element."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..errors import OutOfRangeError
from ..units import TEMPERATURE, TEMPERATURE_DIFFERENCE, quantity_io
from ._common import check_order, optional

__all__ = ["CoolingMode", "EconomizerSI", "Economizer", "economizer_mode"]


class CoolingMode(enum.IntEnum):
    """Plant mode per element (an ``int8`` array holds these values)."""

    DRY_COOLER = 0  #: the dry cooler alone meets the supply temperature (no water, no compressor)
    TOWER = 1  #: the cooling tower alone meets it (through the loop heat exchanger)
    PARTIAL = 2  #: the colder sink pre-cools the return in series; the chiller trims the rest
    MECHANICAL = 3  #: no free cooling; the chiller carries the whole load


class EconomizerSI(NamedTuple):
    """What ``economizer_mode.si`` returns (SI)."""

    mode: object  #: int8 array of :class:`CoolingMode`
    free_fraction: object  #: share of the loop heat removed without compressor [-]
    chiller_fraction: object  #: share the chiller removes, 1 − free_fraction [-]
    lift: object  #: condenser entering minus chilled-water supply where the chiller runs, else 0 [K]
    t_condenser: object  #: coldest condenser water the plant offers [K]
    t_precooled: object  #: loop water entering the chiller evaporator [K]


@dataclass(frozen=True)
class Economizer:
    """Unit-aware :class:`EconomizerSI`."""

    mode: object
    free_fraction: object
    chiller_fraction: object
    lift: object
    t_condenser: object
    t_precooled: object


def _validate(t_supply, t_return, t_wet_bulb, t_dry_bulb, tower_approach, dry_cooler_approach):
    check_order(t_supply, t_return, "t_supply", "t_return", "the loop returns warmer than it is supplied")
    if tower_approach is None and dry_cooler_approach is None:
        raise OutOfRangeError("parameters 'tower_approach' and 'dry_cooler_approach' are both None; "
                              "give at least one heat sink")
    for approach, temp, tname in ((tower_approach, t_wet_bulb, "t_wet_bulb"),
                                  (dry_cooler_approach, t_dry_bulb, "t_dry_bulb")):
        if approach is not None and temp is None:
            raise OutOfRangeError(f"parameter '{tname}' is required for its heat sink; got None")
    if t_wet_bulb is not None and t_dry_bulb is not None and np.any(np.asarray(t_wet_bulb) > np.asarray(t_dry_bulb)):
        raise OutOfRangeError("parameter 't_wet_bulb' must not exceed 't_dry_bulb'")


def _decide(t_supply, t_return, t_wet_bulb, t_dry_bulb, tower_approach, dry_cooler_approach, hx_approach):
    """Mode, free share and condenser water, each computed at the smallest shape it needs.

    Returns ``(mode, free, t_cond, t_best, ts, tr, shape)``: ``mode`` (int8)
    and ``free`` have the broadcast ``shape`` of the four temperatures;
    ``t_cond`` and ``t_best`` only that of the sinks (the hours, when the
    approaches are scalars), ``ts`` and ``tr`` that of the loop.  Element by
    element these are the values of the formulas in :func:`economizer_mode`
    (a missing sink is an infinitely warm one: ``min(x, inf)`` is ``x``).
    """
    ts, tr = np.asarray(t_supply, float), np.asarray(t_return, float)
    arrays = [ts, tr] + [np.asarray(v, float) for v in (t_wet_bulb, t_dry_bulb) if v is not None]
    shape = np.broadcast_shapes(*(a.shape for a in arrays))
    sink_tw = None if tower_approach is None else t_wet_bulb + tower_approach
    sink_dc = None if dry_cooler_approach is None else t_dry_bulb + dry_cooler_approach
    if sink_dc is None:
        t_cond = np.asarray(sink_tw, float)
    elif sink_tw is None:
        t_cond = np.asarray(sink_dc, float)
    else:
        t_cond = np.minimum(sink_tw, sink_dc)  # the chiller condenser is served by the colder sink
    t_best = np.asarray(t_cond + hx_approach, float)  # coldest loop water the sinks can make through the exchanger
    mode = np.full(shape, CoolingMode.MECHANICAL, np.int8)
    np.subtract(mode, t_best < tr, out=mode, casting="unsafe")  # PARTIAL where the sinks pre-cool the return
    for sink, value in ((sink_tw, CoolingMode.TOWER), (sink_dc, CoolingMode.DRY_COOLER)):
        alone = (np.inf if sink is None else sink) + hx_approach <= ts
        if np.any(alone):
            np.copyto(mode, np.int8(value), where=alone)
    free = np.empty(shape)
    np.subtract(tr, t_best, out=free)
    np.divide(free, tr - ts, out=free)
    np.clip(free, 0.0, 1.0, out=free)  # series pre-cooling share, a physical bound
    return mode, free, t_cond, t_best, ts, tr, shape


def _core(t_supply, t_return, t_wet_bulb=None, t_dry_bulb=None, tower_approach=None,
          dry_cooler_approach=None, hx_approach=0.0):
    _validate(t_supply, t_return, t_wet_bulb, t_dry_bulb, tower_approach, dry_cooler_approach)
    mode, free, t_cond, t_best, ts, tr, shape = _decide(t_supply, t_return, t_wet_bulb, t_dry_bulb, tower_approach,
                                                        dry_cooler_approach, hx_approach)
    lift = np.empty(shape)
    np.subtract(t_cond, ts, out=lift)
    np.copyto(lift, 0.0, where=mode < CoolingMode.PARTIAL)  # the chiller runs only in PARTIAL and MECHANICAL
    t_pre = np.empty(shape)
    np.maximum(t_best, ts, out=t_pre)
    np.minimum(t_pre, tr, out=t_pre)
    out = EconomizerSI(mode, free, 1.0 - free, lift, np.array(np.broadcast_to(t_cond, shape)), t_pre)
    if not shape:
        out = EconomizerSI(CoolingMode(int(mode)), *(float(v) for v in out[1:]))
    return out


@quantity_io(t_supply=TEMPERATURE.positive(), t_return=TEMPERATURE.positive(),
             t_wet_bulb=optional(TEMPERATURE.positive()), t_dry_bulb=optional(TEMPERATURE.positive()),
             tower_approach=optional(TEMPERATURE_DIFFERENCE.nonnegative()),
             dry_cooler_approach=optional(TEMPERATURE_DIFFERENCE.nonnegative()),
             hx_approach=TEMPERATURE_DIFFERENCE.nonnegative())
def economizer_mode(t_supply, t_return, t_wet_bulb=None, t_dry_bulb=None, tower_approach=None,
                    dry_cooler_approach=None, hx_approach=0.0):
    """Which part of the plant cools the loop, and how much lift the chiller needs.

    Parameters
    ----------
    t_supply : pint.Quantity
        Loop supply temperature the architecture needs [K].
    t_return : pint.Quantity
        Loop return temperature, above ``t_supply`` [K].
    t_wet_bulb, t_dry_bulb : pint.Quantity or None
        Outdoor wet and dry bulb; each required when its sink is present [K].
    tower_approach, dry_cooler_approach : pint.Quantity or None
        Approach of the cooling tower (to the wet bulb) and dry cooler (to the
        dry bulb); ``None`` = that device is not installed [K].
    hx_approach : pint.Quantity
        Approach of the exchanger between sink water and loop; 0 when the sink
        water runs in the loop directly [K].

    Returns
    -------
    Economizer
        ``mode`` (int8 array of :class:`CoolingMode`), ``free_fraction`` and
        ``chiller_fraction`` [-], ``lift`` [K], ``t_condenser`` [K],
        ``t_precooled`` [K].

    Notes
    -----
    Sink water :math:`T_{tw} = T_{wb} + a_{tw}`, :math:`T_{dc} = T_{db} + a_{dc}`;
    loop water available :math:`T_{sink} + a_{hx}`.  Order of preference: dry
    cooler alone if :math:`T_{dc} + a_{hx} \\le T_s`, else tower alone if
    :math:`T_{tw} + a_{hx} \\le T_s`, else partial if the colder sink is below
    the return (series pre-cooling), else mechanical.  Free share
    :math:`f = (T_r - T_{best})/(T_r - T_s)` bounded to [0, 1] (it is a share
    of the loop range).  Lift :math:`= \\min(T_{tw}, T_{dc}) - T_s` where the
    chiller runs; it may be ≤ 0 when only ``hx_approach`` stops free cooling.
    Approaches are design values; part-load approach changes are left to the
    device models.

    References
    ----------
    .. [1] ASHRAE, *Handbook — HVAC Applications*, 2019, ch. 20 "Data Centers
       and Telecommunication Facilities" (water-side economizers, series
       pre-cooling).
    .. [2] ASHRAE TC 9.9, *Liquid Cooling Guidelines for Datacom Equipment
       Centers*, 2nd ed., 2014 (facility water from towers and dry coolers).

    Examples
    --------
    >>> from coolsim import Q_
    >>> e = economizer_mode(Q_(30, "degC"), Q_(40, "degC"), Q_(20, "degC"), Q_(32, "degC"),
    ...                     Q_(4, "K"), Q_(8, "K"), Q_(2, "K"))
    >>> e.mode.name, round(e.free_fraction, 2)
    ('TOWER', 1.0)
    """
    r = _core(t_supply, t_return, t_wet_bulb, t_dry_bulb, tower_approach, dry_cooler_approach, hx_approach)
    t, k = TEMPERATURE.quantity, TEMPERATURE_DIFFERENCE.quantity
    return Economizer(r.mode, r.free_fraction, r.chiller_fraction, k(r.lift), t(r.t_condenser), t(r.t_precooled))


#: SI core (plain arrays in, :class:`EconomizerSI` out).
economizer_mode.si = _core
