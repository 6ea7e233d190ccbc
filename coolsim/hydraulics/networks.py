"""Loop networks: system curves Δp = k·Qⁿ, elements in series and parallel
branches (re-exported by :mod:`coolsim.hydraulics`).

Branch arrays lie along the **last axis**; every other axis broadcasts
against the flow.  Exponents n in [1, 2] (laminar to fully rough).
"""

from __future__ import annotations

import numpy as np

from ..errors import ConvergenceError
from ..units import DIMENSIONLESS, PRESSURE, VOLUMETRIC_FLOW, Q_, quantity_io  # noqa: F401 (Q_: doctest name)
from .friction import _MAXITER, _TOL, _out

__all__ = [
    "system_resistance", "system_pressure", "system_pressure_si", "system_flow_si",
    "series_branches", "parallel_branches",
]

_N = DIMENSIONLESS.between(1.0, 2.0)
_REF = {"dp_ref": PRESSURE.positive(), "q_ref": VOLUMETRIC_FLOW.positive(), "n": _N}


@quantity_io(**_REF)
def system_resistance(dp_ref, q_ref, n=2.0):
    """Resistance coefficient k of a system curve Δp = k·Qⁿ through a reference point.

    Parameters
    ----------
    dp_ref : pint.Quantity
        Pressure drop at the reference flow, > 0 [Pa].
    q_ref : pint.Quantity
        Reference flow, > 0 [m³/s].
    n : float or array_like, optional
        Exponent from 1 (laminar) to 2 (fully turbulent, default); about
        1.75–1.9 for cold plates [-].

    Returns
    -------
    float or numpy.ndarray
        :math:`k = \\Delta p_{ref}/Q_{ref}^n` as a plain SI number, whose unit
        depends on n, so it is for SI cores such as :func:`system_pressure_si` only
        [Pa·(m³/s)⁻ⁿ].

    Notes
    -----
    Power-law system curve; valid over flows in which the regime (so n) holds.

    References
    ----------
    .. [1] ASHRAE Handbook—HVAC Systems and Equipment, 2020, ch. 44 (system curves).

    Examples
    --------
    >>> system_resistance(Q_(400, "Pa"), Q_(1, "m**3/s"))
    400.0
    """
    return dp_ref / q_ref**n


def system_pressure_si(flow, k, n=2.0):
    """SI core of a system curve for solvers: Δp = k·Qⁿ (unchecked; see :func:`system_pressure`).

    Parameters
    ----------
    flow : float or numpy.ndarray
        Volumetric flow, >= 0 [m³/s].
    k : float or numpy.ndarray
        Resistance coefficient from :func:`system_resistance` [Pa·(s/m³)ⁿ].
    n : float
        Exponent, 1 … 2 [-].
    """
    return _out(k * np.asarray(flow, dtype=float) ** n)


def system_flow_si(pressure, k, n=2.0):
    """SI core inverse of :func:`system_pressure_si`: Q = (Δp/k)^(1/n) (unchecked).

    Parameters
    ----------
    pressure : float or numpy.ndarray
        Pressure difference, >= 0 [Pa].
    k : float or numpy.ndarray
        Resistance coefficient [Pa·(s/m³)ⁿ].
    n : float
        Exponent, 1 … 2 [-].
    """
    return _out((np.asarray(pressure, dtype=float) / k) ** (1.0 / n))


@quantity_io(returns=PRESSURE, flow=VOLUMETRIC_FLOW.nonnegative(), **_REF)
def system_pressure(flow, dp_ref, q_ref, n=2.0):
    """Pressure drop on a system curve through a reference point.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric flow, >= 0 [m³/s].
    dp_ref : pint.Quantity
        Pressure drop at the reference flow, > 0 [Pa].
    q_ref : pint.Quantity
        Reference flow, > 0 [m³/s].
    n : float or array_like, optional
        Exponent 1 … 2 (default 2, fully turbulent) [-].

    Returns
    -------
    pint.Quantity
        Pressure drop [Pa].

    Notes
    -----
    :math:`\\Delta p = \\Delta p_{ref}\\,(Q/Q_{ref})^n = kQ^n`.

    References
    ----------
    .. [1] ASHRAE Handbook—HVAC Systems and Equipment, 2020, ch. 44 (system curves).

    Examples
    --------
    >>> system_pressure(Q_(30, "L/min"), Q_(40, "kPa"), Q_(60, "L/min")).to("kPa")
    <Quantity(10.0, 'kilopascal')>
    """
    return dp_ref * (flow / q_ref) ** n


def _branches(flow, dp_ref, q_ref, n):
    dp_ref, q_ref, n = np.broadcast_arrays(*(np.atleast_1d(np.asarray(a, dtype=float)) for a in (dp_ref, q_ref, n)))
    return np.asarray(flow, dtype=float), dp_ref / q_ref**n, n


@quantity_io(returns=PRESSURE, flow=VOLUMETRIC_FLOW.nonnegative(), **_REF)
def series_branches(flow, dp_ref, q_ref, n=2.0):
    """Pressure drop of elements in series, each on its own system curve.

    Parameters
    ----------
    flow : pint.Quantity
        Flow through every element, >= 0 [m³/s].
    dp_ref : pint.Quantity
        Reference pressure drops, elements along the last axis, > 0 [Pa].
    q_ref : pint.Quantity
        Reference flows, broadcast with ``dp_ref``, > 0 [m³/s].
    n : float or array_like, optional
        Exponents 1 … 2, broadcast with ``dp_ref`` (default 2) [-].

    Returns
    -------
    pint.Quantity
        Total pressure drop [Pa].

    Notes
    -----
    Same flow through all, drops add: :math:`\\Delta p = \\sum_i k_i Q^{n_i}`.

    References
    ----------
    .. [1] F. M. White, *Fluid Mechanics*, 7th ed., McGraw-Hill, 2011, sec. 6.9.

    Examples
    --------
    >>> series_branches(Q_(1, "L/s"), Q_([10, 30], "kPa"), Q_(1, "L/s")).to("kPa")
    <Quantity(40.0, 'kilopascal')>
    """
    flow, k, n = _branches(flow, dp_ref, q_ref, n)
    return _out(np.sum(k * flow[..., None] ** n, axis=-1))


@quantity_io(returns=(VOLUMETRIC_FLOW, PRESSURE), flow=VOLUMETRIC_FLOW.nonnegative(), **_REF)
def parallel_branches(flow, dp_ref, q_ref, n=2.0):
    """Flow split and common pressure drop of branches in parallel.

    Parameters
    ----------
    flow : pint.Quantity
        Total flow into the parallel set, >= 0 [m³/s].
    dp_ref : pint.Quantity
        Branch reference pressure drops, branches along the last axis, > 0 [Pa].
    q_ref : pint.Quantity
        Branch reference flows, broadcast with ``dp_ref``, > 0 [m³/s].
    n : float or array_like, optional
        Branch exponents 1 … 2, broadcast with ``dp_ref`` (default 2) [-].

    Returns
    -------
    branch_flows : pint.Quantity
        Flow of each branch, shape ``flow.shape + (branches,)`` [m³/s].
    pressure_drop : pint.Quantity
        Common pressure drop, shaped like ``flow`` [Pa].

    Notes
    -----
    Branch i obeys :math:`\\Delta p = k_i Q_i^{n_i}` and :math:`\\sum_i Q_i = Q`.
    With one exponent the split is analytic,
    :math:`Q_i = Q\\,k_i^{-1/n}/\\sum_j k_j^{-1/n}`,
    :math:`\\Delta p = Q^n(\\sum_j k_j^{-1/n})^{-n}`.  With mixed exponents
    :math:`s = \\ln\\Delta p` solves :math:`\\ln\\sum_i e^{(s-\\ln k_i)/n_i} = \\ln Q`,
    increasing and convex in s, by Newton's method (monotone after the first
    step) to a relative step of 1e-12, else ConvergenceError.

    References
    ----------
    .. [1] F. M. White, *Fluid Mechanics*, 7th ed., McGraw-Hill, 2011, sec. 6.9.

    Examples
    --------
    >>> q, dp = parallel_branches(Q_(3, "L/s"), Q_([10, 40], "kPa"), Q_(1, "L/s"))
    >>> q.to("L/s"), dp.to("kPa")
    (<Quantity([2. 1.], 'liter / second')>, <Quantity(40.0, 'kilopascal')>)
    """
    flow, k, n = _branches(flow, dp_ref, q_ref, n)
    if np.all(n == n.flat[0]):
        n0 = n.flat[0]
        c = k ** (-1.0 / n0)
        csum = np.sum(c, axis=-1)
        return flow[..., None] * c / csum[..., None], _out(flow**n0 * csum**-n0)
    shape = np.broadcast_shapes(flow.shape, k.shape[:-1])
    full = shape + k.shape[-1:]
    pos = np.broadcast_to(flow, shape) > 0.0  # zero flow: zero drop, solved without logs
    log_q = np.log(np.broadcast_to(flow, shape)[pos])
    log_k = np.broadcast_to(np.log(k), full)[pos]
    inv_n = np.broadcast_to(1.0 / n, full)[pos]
    s = np.mean(log_k, axis=-1) + np.mean(1.0 / inv_n, axis=-1) * log_q  # an "average branch"
    for _ in range(_MAXITER):
        z = (s[..., None] - log_k) * inv_n
        zmax = z.max(axis=-1, keepdims=True)
        w = np.exp(z - zmax)
        wsum = w.sum(axis=-1)
        step = (np.log(wsum) + zmax[..., 0] - log_q) / (np.sum(w * inv_n, axis=-1) / wsum)
        s = s - step
        if np.all(np.abs(step) <= _TOL):  # a step in ln Δp is a relative step in Δp
            break
    else:
        raise ConvergenceError(f"parallel_branches: Newton on ln Δp did not converge to {_TOL:g} in {_MAXITER} steps")
    dp = np.zeros(shape)
    dp[pos] = np.exp(s)
    flows = np.zeros(full)
    flows[pos] = np.exp((s[..., None] - log_k) * inv_n)
    return flows, _out(dp)
