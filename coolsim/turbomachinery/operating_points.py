"""Operating points: a machine curve at a speed ratio against a system curve.

Holds :func:`operating_point` (raises
:class:`~coolsim.errors.InfeasibleError` if the machine cannot drive any one
of the systems given) and :func:`operating_point_with_mask` (``NaN`` flow and
pressure with a boolean ``feasible`` mask instead), on the system curve
:math:`\\Delta p_{sys} = \\Delta p_{st} + k\\,Q^n`, with the closed-form
root and the safeguarded vectorised Newton solver behind them.

References: ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans",
"Fan and system pressure relationships".
"""

from __future__ import annotations

import numpy as np

from ..errors import ConvergenceError, InfeasibleError, OutOfRangeError
from ..units import DIMENSIONLESS, PRESSURE, VOLUMETRIC_FLOW, quantity_io
from .curves import _SPEED, _horner

__all__ = ["operating_point", "operating_point_with_mask"]

_EXPONENT = DIMENSIONLESS.spec(0.0, 3.0, lo_open=True)


def _newton(a, lo_q, hi_q, c, ks, n, feasible, max_iterations):
    """Root of g(q) = P(q) - c - ks q^n on [lo_q, hi_q] (g falls there), for feasible elements.

    Safeguarded Newton (bisection when a step leaves the bracket); converged
    elements are dropped once they are the majority.  For a quadratic curve the
    initial guess is the closed-form root with the system replaced by k2 q²,
    k2 matched to ks q^n (three rounds), so a few iterations suffice.
    """
    shape = c.shape
    c, ks = c.ravel(), ks.ravel()
    n_arr = np.ndim(n) > 0
    if n_arr:
        n = np.ravel(n)
    out = np.full(c.shape, np.nan)
    if feasible.all():
        idx = np.arange(c.size)
    else:
        idx = np.flatnonzero(feasible.ravel())
        c, ks = c[idx], ks[idx]
        if n_arr:
            n = n[idx]
    da = [i * a[i] for i in range(1, len(a))]
    lo = np.full(idx.shape, lo_q)
    hi = np.full(idx.shape, hi_q)
    if len(a) <= 3:  # closed-form root with the system replaced by k2 q², k2 matched to ks q^n twice
        a2 = a[2] if len(a) == 3 else 0.0
        q = np.full(idx.shape, 0.5 * (lo_q + hi_q))
        for _ in range(3):
            k2 = ks * q ** (n - 2.0)
            sq = np.sqrt(np.maximum(a[1] * a[1] - 4.0 * (a2 - k2) * (a[0] - c), 0.0))
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                q = (a[1] + sq) / (2.0 * (k2 - a2)) if a[1] > 0.0 else 2.0 * (a[0] - c) / (sq - a[1])
            q = np.where((q > lo_q) & (q < hi_q), q, 0.5 * (lo_q + hi_q))
    else:
        q = np.full(idx.shape, 0.5 * (lo_q + hi_q))
    tol = 1e-15 * hi_q
    active = np.ones(idx.shape, dtype=bool)
    for _ in range(max_iterations):
        if not active.any():
            break
        if active.sum() < 0.5 * active.size:  # drop converged elements once they are the majority
            out[idx[~active]] = q[~active]
            idx, q, lo, hi, c, ks = idx[active], q[active], lo[active], hi[active], c[active], ks[active]
            if n_arr:
                n = n[active]
            active = np.ones(idx.shape, dtype=bool)
        qn1 = q ** (n - 1.0)
        gq = _horner(a, q) - c - ks * qn1 * q
        pos = gq > 0.0
        lo = np.where(pos, q, lo)
        hi = np.where(pos, hi, q)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # a bad step is bisected
            qn = q - gq / (_horner(da, q) - n * ks * qn1)
        inside = (qn > lo) & (qn < hi)
        # Newton converges quadratically: after a step d the error is ~ |g''/2g'| d² ~ d²/q,
        # so a step below 1e-6 q leaves ~1e-12 q.
        conv = np.abs(qn - q) <= 1e-6 * q + tol  # (gq == 0 gives a zero step)
        qn = np.where(inside, qn, np.where(conv, q, 0.5 * (lo + hi)))
        conv |= hi - lo <= tol
        q = np.where(active, qn, q)
        active &= ~conv
    out[idx[~active]] = q[~active]
    idx = idx[active]
    if idx.size:
        first = tuple(int(i) for i in np.unravel_index(idx[0], shape)) if shape else ()
        raise ConvergenceError(
            f"operating point: {idx.size} systems did not converge in {max_iterations} iterations "
            f"(first at index {first}); tolerance 1e-6 relative step on Q/speed_ratio"
        )
    return out.reshape(shape)


def _solve(curve, p_st, k, n, s, max_iterations=60):
    """Operating point on SI arrays; returns (flow, pressure, feasible)."""
    p_st, k, n, s = (np.asarray(x, dtype=np.float64) for x in (p_st, k, n, s))
    shape = np.broadcast_shapes(p_st.shape, k.shape, n.shape, s.shape)
    p_st, k, s = (np.broadcast_to(x, shape) for x in (p_st, k, s))
    n = float(n) if n.ndim == 0 else np.broadcast_to(n, shape)  # a scalar exponent stays scalar (faster pow)
    a = curve.pressure_coefficients
    lo_q, hi_q = curve.peak_flow, curve.free_flow
    inv_s2 = 1.0 / (s * s)
    ks = k if np.all(n == 2.0) else k * s ** (n - 2.0)  # system term in q-space over s²: ks * q**n
    # g(q) = P(q) - p_st/s² - ks q^n, decreasing on [q_peak, q_free]
    c = p_st * inv_s2
    feasible = curve.peak_pressure - c > (ks * lo_q**n if lo_q > 0.0 else 0.0)
    if len(a) <= 3 and np.all(n == 2.0):
        a1 = a[1]
        a2 = a[2] if len(a) == 3 else 0.0
        A = a2 - ks
        C = a[0] - c
        D = np.maximum(a1 * a1 - 4.0 * A * C, 0.0)
        sq = np.sqrt(D)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # infeasible ones -> NaN below
            q = (a1 + sq) / (-2.0 * A) if a1 > 0.0 else 2.0 * C / (sq - a1)
    else:
        q = _newton(a, lo_q, hi_q, c, ks, n, feasible, max_iterations)
    q = np.where(feasible, q, np.nan)
    flow = q * s
    pressure = s * s * _horner(a, q)
    if flow.ndim == 0:
        return float(flow), float(pressure), bool(feasible)
    return flow, pressure, feasible


def _system_k(static_pressure, design_flow, design_pressure, exponent):
    bad = design_pressure < static_pressure
    if np.any(bad):
        raise OutOfRangeError(
            "parameter 'design_pressure' must be >= 'static_pressure' (a system curve rises with flow); "
            f"got design_pressure {np.min(design_pressure)!r} Pa < static_pressure {np.max(static_pressure)!r} Pa"
        )
    return (design_pressure - static_pressure) / design_flow**exponent


_SYSTEM_SPECS = dict(
    static_pressure=PRESSURE.nonnegative(),
    design_flow=VOLUMETRIC_FLOW.positive(),
    design_pressure=PRESSURE.positive(),
    exponent=_EXPONENT,
    speed_ratio=_SPEED,
)


@quantity_io(returns=(VOLUMETRIC_FLOW, PRESSURE, None), **_SYSTEM_SPECS)
def operating_point_with_mask(curve, static_pressure, design_flow, design_pressure, exponent=2.0,
                              speed_ratio=1.0, max_iterations=60):
    """Operating points for arrays of systems/speeds, with a ``feasible`` mask.

    Parameters
    ----------
    curve : TurboCurve
        Rated-speed machine curve.
    static_pressure : pint.Quantity
        :math:`\\Delta p_{st}`, system pressure at zero flow, >= 0 [Pa].
    design_flow : pint.Quantity
        Any flow on the system curve, > 0 [m³/s].
    design_pressure : pint.Quantity
        System pressure at ``design_flow``, >= ``static_pressure`` [Pa].
    exponent : float
        :math:`n` in (0, 3] [-]; 2 for fully turbulent flow, 1.8–1.9 typical.
    speed_ratio : float or array_like
        :math:`s = N/N_{rated}` > 0 [-].
    max_iterations : int
        Iteration cap of the safeguarded Newton solver [-].

    Returns
    -------
    flow : pint.Quantity
        Operating flow, NaN where infeasible [m³/s].
    pressure : pint.Quantity
        Operating pressure rise, NaN where infeasible [Pa].
    feasible : bool or numpy.ndarray
        False where the machine cannot drive the system: the system needs more
        than the curve's peak pressure at that speed (for a curve falling from
        shut-off: static pressure >= shut-off pressure × s²).

    Notes
    -----
    Solves :math:`s^2 P(q) = \\Delta p_{st} + k (s q)^n` with
    :math:`k = (\\Delta p_d - \\Delta p_{st})/Q_d^n` on the stable branch
    :math:`q \\in [q_{peak}, q_{free}]`, where the left side falls and the right
    side rises, so the root is unique.  Closed form (stable quadratic root) for
    a curve of degree <= 2 and :math:`n = 2`; otherwise a vectorised Newton
    iteration safeguarded by bisection on the bracket (stops after a Newton
    step below :math:`10^{-6} q`, leaving a relative error of order :math:`10^{-12}`), raising
    :class:`~coolsim.errors.ConvergenceError` if any element fails.

    References
    ----------
    .. [1] ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans",
       "Fan and system pressure relationships".

    Examples
    --------
    >>> import numpy as np
    >>> from coolsim import Q_
    >>> from coolsim.turbomachinery import TurboCurve
    >>> c = TurboCurve((500.0, 0.0, -100.0))
    >>> q, p, ok = operating_point_with_mask(c, Q_([0, 600], "Pa"), Q_(1, "m**3/s"),
    ...                                      Q_(1000, "Pa"))
    >>> np.round(q.m, 4), ok
    (array([0.6742,    nan]), array([ True, False]))
    """
    k = _system_k(static_pressure, design_flow, design_pressure, exponent)
    return _solve(curve, static_pressure, k, exponent, speed_ratio, max_iterations)


@quantity_io(returns=(VOLUMETRIC_FLOW, PRESSURE), **_SYSTEM_SPECS)
def operating_point(curve, static_pressure, design_flow, design_pressure, exponent=2.0,
                    speed_ratio=1.0, max_iterations=60):
    """Intersection of a machine curve at a speed ratio with a system curve.

    Parameters
    ----------
    curve : TurboCurve
        Rated-speed machine curve.
    static_pressure : pint.Quantity
        System pressure at zero flow, >= 0 [Pa].
    design_flow : pint.Quantity
        Any flow on the system curve, > 0 [m³/s].
    design_pressure : pint.Quantity
        System pressure at ``design_flow``, >= ``static_pressure`` [Pa].
    exponent : float
        System exponent :math:`n` in (0, 3] [-].
    speed_ratio : float or array_like
        :math:`s = N/N_{rated}` > 0 [-].
    max_iterations : int
        Iteration cap of the safeguarded Newton solver [-].

    Returns
    -------
    flow, pressure : pint.Quantity
        Operating flow [m³/s] and pressure rise [Pa].

    Raises
    ------
    InfeasibleError
        If the machine cannot drive the system (any element, for arrays);
        :func:`operating_point_with_mask` returns a mask instead.

    Notes
    -----
    Equations, solver and validity as in :func:`operating_point_with_mask`.

    References
    ----------
    .. [1] ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans".

    Examples
    --------
    >>> from coolsim import Q_
    >>> from coolsim.turbomachinery import TurboCurve
    >>> c = TurboCurve((500.0, 0.0, -100.0))
    >>> q, p = operating_point(c, Q_(0, "Pa"), Q_(1, "m**3/s"), Q_(400, "Pa"), 2.0, 0.8)
    >>> round(q.m, 6), round(p.m, 6)
    (0.8, 256.0)
    """
    k = _system_k(static_pressure, design_flow, design_pressure, exponent)
    flow, pressure, feasible = _solve(curve, static_pressure, k, exponent, speed_ratio, max_iterations)
    if not np.all(feasible):
        bad = ~np.asarray(feasible)
        idx = tuple(int(i) for i in np.unravel_index(np.argmax(bad), bad.shape)) if bad.ndim else None
        where = "" if idx is None else f" ({int(bad.sum())} of {bad.size} systems; first at index {idx})"
        p_st = np.broadcast_to(static_pressure, bad.shape)[idx] if idx is not None else static_pressure
        s = np.broadcast_to(speed_ratio, bad.shape)[idx] if idx is not None else speed_ratio
        raise InfeasibleError(
            f"the machine cannot drive the system{where}: static_pressure {float(p_st)!r} Pa with "
            f"speed_ratio {float(s)!r} needs more than the curve's peak pressure "
            f"{curve.peak_pressure * float(s) ** 2:.6g} Pa at that speed"
        )
    return flow, pressure
