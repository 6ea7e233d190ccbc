"""Frictional pressure drop of straight circular pipes and of loops of pipe
segments in series with their fittings (re-exported by :mod:`coolsim.hydraulics`).

Flows are volumetric [m³/s] and non-negative; the friction model and its
validity limits are those of :mod:`.friction`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..units import DIMENSIONLESS, LENGTH, PRESSURE, VOLUMETRIC_FLOW, Q_, quantity_io, to_si
from .friction import RE_LAMINAR_MAX, RE_MAX, _check_rr, _core, _out, _require
from .kinematics import _FLUID

__all__ = ["pipe_pressure_drop", "PipeSegment", "loop_pressure_drop"]


def _pipe_dp(flow, diameter, length, density, viscosity, roughness, turbulent):
    """SI pressure drop and velocity of a straight pipe, broadcast over all inputs."""
    flow, diameter, length, density, viscosity, roughness = np.broadcast_arrays(
        *(np.asarray(a, dtype=float) for a in (flow, diameter, length, density, viscosity, roughness)))
    rr = roughness / diameter
    _check_rr("roughness", rr, "the pipe friction correlations (as roughness/diameter)")
    v = 4.0 * flow / (math.pi * diameter**2)
    re = density * v * diameter / viscosity
    _require("flow", "Reynolds number ρvD/μ", re, 0.0, RE_MAX, "the pipe friction correlations")
    lam = re < RE_LAMINAR_MAX
    dp = np.empty(re.shape)
    # Hagen–Poiseuille 32 μ L v / D²: the same as 64/Re, and exactly 0 at zero flow.
    dp[lam] = 32.0 * viscosity[lam] * length[lam] * v[lam] / diameter[lam] ** 2
    t = ~lam
    if t.any():
        dp[t] = _core(turbulent)(re[t], rr[t]) * length[t] / diameter[t] * 0.5 * density[t] * v[t] ** 2
    return dp, v


@quantity_io(returns=PRESSURE, flow=VOLUMETRIC_FLOW.nonnegative(), diameter=LENGTH.positive(),
             length=LENGTH.nonnegative(), roughness=LENGTH.nonnegative(), **_FLUID)
def pipe_pressure_drop(flow, diameter, length, density, viscosity, roughness=0.0, turbulent=None):
    """Frictional pressure drop of a straight circular pipe at a given flow.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric flow, >= 0 [m³/s].
    diameter : pint.Quantity
        Inner diameter, > 0 [m].
    length : pint.Quantity
        Pipe length, >= 0 [m].
    density : pint.Quantity
        Fluid density, > 0 [kg/m³].
    viscosity : pint.Quantity
        Dynamic viscosity, > 0 [Pa·s].
    roughness : pint.Quantity, optional
        Wall roughness ε with ε/D ≤ 0.05; default 0 (hydraulically smooth: an
        assumption suited to drawn copper, stainless and plastic tube) [m].
    turbulent : callable, optional
        Turbulent correlation (default :func:`friction_factor_colebrook`) [-].

    Returns
    -------
    pint.Quantity
        Pressure drop [Pa].

    Notes
    -----
    :math:`\\Delta p = f\\,(L/D)\\,\\rho v^2/2` with :func:`darcy_friction_factor`'s
    rule: Hagen–Poiseuille :math:`32\\mu L v/D^2` for Re < 2300 (zero flow gives
    zero drop), the turbulent correlation for 2300 ≤ Re ≤ 1e8 (else
    ValidityRangeError naming ``flow``).  Fully developed, incompressible,
    isothermal flow; no entrance effects.

    References
    ----------
    .. [1] Y. A. Cengel, J. M. Cimbala, *Fluid Mechanics*, 1st ed., McGraw-Hill, 2006, Example 8-3.

    Examples
    --------
    >>> dp = pipe_pressure_drop(Q_(0.2, "ft**3/s"), Q_(2, "inch"), Q_(200, "ft"), Q_(62.36, "lb/ft**3"),
    ...                         Q_(7.536e-4, "lb/(ft*s)"), Q_(7e-6, "ft"))
    >>> round(float(dp.to("psi").m), 1)
    11.8
    """
    return _out(_pipe_dp(flow, diameter, length, density, viscosity, roughness, turbulent)[0])


_SEGMENT = {"length": LENGTH.nonnegative(), "diameter": LENGTH.positive(),
            "roughness": LENGTH.nonnegative(), "k_minor": DIMENSIONLESS.nonnegative()}


@dataclass(frozen=True)
class PipeSegment:
    """One straight run of a loop plus the fittings in it (checked on construction).

    Parameters
    ----------
    length : pint.Quantity
        Straight length, >= 0 [m].
    diameter : pint.Quantity
        Inner diameter, > 0 [m].
    roughness : pint.Quantity, optional
        Wall roughness; default 0 m (smooth, assumption) [m].
    k_minor : float, optional
        Sum of the loss coefficients of the segment's fittings at its own velocity,
        e.g. ``4 * fitting_k_crane(LD_ELBOW_90_STANDARD, d) + K_EXIT`` [-].

    Attributes
    ----------
    si : tuple of float
        ``(length, diameter, roughness, k_minor)`` in SI units.
    """

    length: object
    diameter: object
    roughness: object = Q_(0.0, "m")
    k_minor: float = 0.0
    si: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "si", tuple(to_si(getattr(self, k), s, k) for k, s in _SEGMENT.items()))


@quantity_io(returns=PRESSURE, flow=VOLUMETRIC_FLOW.nonnegative(), **_FLUID)
def loop_pressure_drop(flow, segments, density, viscosity, turbulent=None):
    """Pressure drop of a loop made of pipe segments in series.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric flow through every segment, >= 0 [m³/s].
    segments : sequence of PipeSegment
        The segments with length, diameter, roughness and fittings [-].
    density : pint.Quantity
        Fluid density, > 0 [kg/m³].
    viscosity : pint.Quantity
        Dynamic viscosity, > 0 [Pa·s].
    turbulent : callable, optional
        Turbulent correlation (default :func:`friction_factor_colebrook`) [-].

    Returns
    -------
    pint.Quantity
        Total pressure drop, shaped like ``flow`` [Pa].

    Notes
    -----
    :math:`\\Delta p = \\sum_i [\\Delta p_{pipe,i} + K_i\\,\\rho v_i^2/2]` with each
    segment's own velocity; friction model and validity as in
    :func:`pipe_pressure_drop`.

    References
    ----------
    .. [1] Crane Co., *Flow of Fluids Through Valves, Fittings, and Pipe*, Technical Paper
       No. 410, 1988, ch. 2.

    Examples
    --------
    >>> from coolsim.hydraulics import K_EXIT, LD_ELBOW_90_STANDARD, fitting_k_crane
    >>> d = Q_(25, "mm")
    >>> loop = [PipeSegment(Q_(10, "m"), d, k_minor=4 * fitting_k_crane(LD_ELBOW_90_STANDARD, d)),
    ...         PipeSegment(Q_(2, "m"), Q_(15, "mm"), k_minor=K_EXIT)]
    >>> dp = loop_pressure_drop(Q_(20, "L/min"), loop, Q_(997, "kg/m**3"), Q_(0.89, "mPa*s"))
    >>> round(float(dp.to("kPa").m), 2)
    10.3
    """
    total = np.zeros(np.shape(flow))
    for seg in segments:
        length, diameter, roughness, k_minor = seg.si
        dp, v = _pipe_dp(flow, diameter, length, density, viscosity, roughness, turbulent)
        total = total + dp + k_minor * 0.5 * density * v**2
    return _out(total)
