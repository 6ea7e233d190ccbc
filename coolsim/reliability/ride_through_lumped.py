"""Lumped-capacitance basis shared by the cooling ride-through models.

One well-mixed temperature per thermal mass: the time to a limit is the sensible
heat stored between the initial and limit temperatures divided by the power.
This module holds what the room, coolant and device models have in common —
the check that the limit lies above the initial temperature, the stored
sensible heat per unit mass :math:`\\int c_p\\,dT` of a coolant (4-point
Gauss–Legendre quadrature, exact for a cubic :math:`c_p(T)`) and the
scalar-or-array result convention.  It has no public functions; the models are
re-exported by :mod:`coolsim.reliability.ride_through`.

References
----------
.. [1] T. L. Bergman, A. S. Lavine, F. P. Incropera, D. P. DeWitt, *Fundamentals
   of Heat and Mass Transfer*, 7th ed., Wiley, 2011, §5.1–5.3 (lumped capacitance).
"""

from __future__ import annotations

import numpy as np

from coolsim.errors import OutOfRangeError
from coolsim.units import TEMPERATURE

__all__: list[str] = []

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
