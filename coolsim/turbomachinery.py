"""Machine curves, operating points, affinity laws and power for fans and pumps.

What fans (:mod:`coolsim.fans`) and pumps (:mod:`coolsim.pumps`) share lives
here: one frozen curve type, :class:`TurboCurve`, holding SI polynomial
coefficients of the pressure rise and of the efficiency; the intersection of
that curve, at any speed ratio, with a system curve
:math:`\\Delta p_{sys} = \\Delta p_{st} + k\\,Q^n`; the affinity laws; and the
fluid, shaft and electrical power.

Speed enters through the affinity laws (similar operating points, same
impeller): with speed ratio :math:`s = N/N_{rated}` and
:math:`q = Q/s`, the curve at speed :math:`s` is

.. math:: \\Delta p(Q, s) = s^2\\,P(Q/s), \\qquad \\eta(Q, s) = E(Q/s),

where :math:`P(q) = \\sum_i a_i q^i` and :math:`E(q) = \\sum_i e_i q^i` are the
rated-speed polynomials.  The operating-point solver therefore works in
:math:`q`, where the stable branch of the curve, :math:`[q_{peak}, q_{free}]`,
does not depend on speed.

Array policy: :func:`operating_point` raises :class:`~coolsim.errors.InfeasibleError`
if the machine cannot drive any one of the systems given (a primitive raises);
:func:`operating_point_with_mask` returns ``NaN`` flow and pressure together
with a boolean ``feasible`` mask that says which systems the machine cannot
drive (reason: the system needs more than the curve's peak pressure at that
speed — for a curve that falls from shut-off, the static pressure is at or
above the shut-off pressure).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .errors import ConvergenceError, InfeasibleError, OutOfRangeError, ValidityRangeError
from .units import (
    DIMENSIONLESS,
    POWER,
    PRESSURE,
    VOLUMETRIC_FLOW,
    to_si,
    quantity_io,
)

__all__ = [
    "TurboCurve",
    "PRESSURE_PER_FLOW",
    "PRESSURE_PER_FLOW_SQUARED",
    "pressure_rise",
    "efficiency",
    "operating_point",
    "operating_point_with_mask",
    "affinity_laws",
    "speed_ratio_for_flow",
]

#: Linear coefficient of a machine or system curve [Pa·s/m³] (kind local to this module).
from .units import PRESSURE_PER_FLOW, PRESSURE_PER_FLOW_SQUARED  # noqa: E402  (defined in coolsim.units)
#: Quadratic coefficient of a machine or system curve [Pa·s²/m⁶] (kind local to this module).

_SPEED = DIMENSIONLESS.positive()
_EXPONENT = DIMENSIONLESS.spec(0.0, 3.0, lo_open=True)
_EFF = DIMENSIONLESS.spec(0.0, 1.0, lo_open=True)


def _horner(coeffs, x):
    """Evaluate sum(c_i x**i) (coefficients in increasing order) on arrays."""
    if len(coeffs) == 1:
        out = np.zeros_like(x) + coeffs[0]
    else:
        out = coeffs[-1] * x + coeffs[-2]
        for c in coeffs[-3::-1]:
            out = out * x + c
    return float(out) if np.ndim(out) == 0 else out


@dataclass(frozen=True)
class TurboCurve:
    """Rated-speed performance curve of a fan or pump, in SI.

    Parameters
    ----------
    pressure_coefficients : tuple of float
        :math:`a_0, a_1, \\dots` of :math:`\\Delta p(Q) = \\sum a_i Q^i` at rated
        speed [Pa, Pa·s/m³, Pa·s²/m⁶, …]; :math:`a_0 > 0` is the shut-off pressure.
    efficiency_coefficients : tuple of float or None
        :math:`e_0, e_1, \\dots` of :math:`\\eta(Q) = \\sum e_i Q^i` at rated speed
        [-, s/m³, …]; ``None`` when the efficiency is not known.  Must lie in
        [0, 1] on the curve and be > 0 inside it.

    Notes
    -----
    On construction the curve is checked: the free-delivery flow
    :math:`q_{free}` (first positive root of :math:`P`) must exist, and the
    curve must fall monotonically from its peak :math:`q_{peak}` (0 for a
    curve that falls from shut-off) to :math:`q_{free}`.  Operating points
    are only sought on that stable branch; a curve rising from shut-off to a
    peak (the surge/stall region) is allowed but that part is never used.
    Efficiency may be constant (one coefficient), a polynomial fitted to
    catalogue points, or the best-efficiency-point parabola of
    :meth:`with_bep_efficiency`.

    References
    ----------
    .. [1] ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans",
       fan laws and system effect; ch. 44 "Centrifugal pumps".
    .. [2] Ulanicki, B., Kahler, J., Coulbeck, B., "Modeling the efficiency and
       power characteristics of a pump group", J. Water Resour. Plann. Manage.
       134(1), 88–93 (2008), doi:10.1061/(ASCE)0733-9496(2008)134:1(88).

    Examples
    --------
    >>> curve = TurboCurve((500.0, 0.0, -100.0), (0.6,))
    >>> round(curve.free_flow, 4), curve.peak_flow
    (2.2361, 0.0)
    """

    pressure_coefficients: tuple
    efficiency_coefficients: tuple | None = None
    free_flow: float = field(init=False)
    peak_flow: float = field(init=False)
    peak_pressure: float = field(init=False)

    def __post_init__(self):
        a = tuple(float(c) for c in np.atleast_1d(np.asarray(self.pressure_coefficients, dtype=float)))
        if len(a) < 2 or not np.all(np.isfinite(a)):
            raise OutOfRangeError(
                f"parameter 'pressure_coefficients' must be >= 2 finite numbers (a0, a1, ...); got {a!r}"
            )
        if a[0] <= 0.0:
            raise OutOfRangeError(
                f"parameter 'pressure_coefficients' needs a shut-off pressure a0 > 0 Pa; got a0 = {a[0]!r}"
            )
        roots = np.roots(a[::-1])
        pos = sorted(r.real for r in roots if abs(r.imag) <= 1e-9 * max(1.0, abs(r)) and r.real > 0)
        if not pos:
            raise OutOfRangeError(
                f"parameter 'pressure_coefficients' {a!r} never reaches zero pressure at positive flow: "
                "a machine curve must fall to a free-delivery flow"
            )
        q_free = pos[0]
        da = [i * a[i] for i in range(1, len(a))]
        crit = sorted(
            r.real for r in np.roots(da[::-1]) if abs(r.imag) <= 1e-9 * max(1.0, abs(r)) and 0 < r.real < q_free
        ) if len(da) > 1 else []
        cand = [0.0] + crit
        vals = [_horner(a, np.float64(c)) for c in cand]
        q_peak = cand[int(np.argmax(vals))]
        grid = np.linspace(q_peak, q_free, 513)[1:-1]
        if np.any(_horner(da, grid) > 0.0):
            raise OutOfRangeError(
                f"parameter 'pressure_coefficients' {a!r}: the curve must fall monotonically from its "
                f"peak (Q = {q_peak:.6g} m³/s) to free delivery (Q = {q_free:.6g} m³/s)"
            )
        e = None
        if self.efficiency_coefficients is not None:
            e = tuple(float(c) for c in np.atleast_1d(np.asarray(self.efficiency_coefficients, dtype=float)))
            q = np.linspace(0.0, q_free, 1025)
            eta = _horner(e, q)
            if not np.all(np.isfinite(e)) or np.any(eta > 1.0) or np.any(eta[1:-1] <= 0.0) or eta[0] < 0 or eta[-1] < 0:
                raise OutOfRangeError(
                    f"parameter 'efficiency_coefficients' {e!r} must give an efficiency in [0, 1], "
                    f"> 0 inside the curve, for 0 <= Q <= {q_free:.6g} m³/s; got a range "
                    f"{eta.min():.4g} … {eta.max():.4g}"
                )
        object.__setattr__(self, "pressure_coefficients", a)
        object.__setattr__(self, "efficiency_coefficients", e)
        object.__setattr__(self, "free_flow", float(q_free))
        object.__setattr__(self, "peak_flow", float(q_peak))
        object.__setattr__(self, "peak_pressure", float(_horner(a, np.float64(q_peak))))

    # -- constructors --------------------------------------------------------------------
    @classmethod
    def from_coefficients(cls, shutoff_pressure, linear, quadratic, efficiency=None):
        """Quadratic curve :math:`\\Delta p = a_0 + a_1 Q + a_2 Q^2` from Quantities.

        Parameters
        ----------
        shutoff_pressure : pint.Quantity
            :math:`a_0`, pressure rise at zero flow [Pa].
        linear : pint.Quantity
            :math:`a_1` [Pa·s/m³], e.g. ``Q_(-20, 'Pa/(m**3/s)')``.
        quadratic : pint.Quantity
            :math:`a_2` [Pa·s²/m⁶], e.g. ``Q_(-100, 'Pa/(m**3/s)**2')``.
        efficiency : float, optional
            A constant efficiency [-] in (0, 1].

        Examples
        --------
        >>> from coolsim import Q_
        >>> c = TurboCurve.from_coefficients(Q_(2.0, "inH2O"), Q_(0, "Pa/(m**3/s)"),
        ...                                  Q_(-100, "Pa/(m**3/s)**2"), efficiency=0.6)
        >>> round(c.pressure_coefficients[0], 2)
        498.18
        """
        a0 = to_si(shutoff_pressure, PRESSURE.positive(), "shutoff_pressure")
        a1 = to_si(linear, PRESSURE_PER_FLOW.any(), "linear")
        a2 = to_si(quadratic, PRESSURE_PER_FLOW_SQUARED.any(), "quadratic")
        e = None if efficiency is None else (to_si(efficiency, _EFF, "efficiency"),)
        return cls((float(a0), float(a1), float(a2)), e)

    @classmethod
    def from_points(cls, flows, pressures, degree=2, efficiencies=None, efficiency_degree=2):
        """Least-squares polynomial fit to catalogue points.

        Parameters
        ----------
        flows : pint.Quantity
            Catalogue flows, at least ``degree + 1`` of them, >= 0 [m³/s].
        pressures : pint.Quantity
            Pressure rise at those flows [Pa].
        degree : int
            Degree of the pressure polynomial [-] (2 is the usual quadratic).
        efficiencies : array_like, optional
            Efficiency at those flows [-], each in (0, 1].
        efficiency_degree : int
            Degree of the efficiency polynomial [-].

        Examples
        --------
        >>> from coolsim import Q_
        >>> c = TurboCurve.from_points(Q_([0, 1000, 2000, 3000], "cfm"),
        ...                            Q_([2.0, 1.9, 1.5, 0.8], "inH2O"))
        >>> round(c.free_flow * 2118.88)
        3822
        """
        q = to_si(flows, VOLUMETRIC_FLOW.nonnegative(), "flows")
        p = to_si(pressures, PRESSURE.any(), "pressures")
        eta = None if efficiencies is None else to_si(efficiencies, _EFF, "efficiencies")
        return _fit_curve(q, p, degree, eta, efficiency_degree)

    def with_bep_efficiency(self, peak_efficiency, bep_flow):
        """Copy of the curve with the best-efficiency-point parabola.

        :math:`\\eta(q) = \\eta^*\\,[2 q/q^* - (q/q^*)^2]`: zero at shut-off,
        maximum :math:`\\eta^*` at :math:`q^*`, the quadratic-through-origin form
        of Ulanicki et al. (2008).

        Parameters
        ----------
        peak_efficiency : float
            :math:`\\eta^*` in (0, 1] [-].
        bep_flow : pint.Quantity
            :math:`q^*` at rated speed, >= half the free-delivery flow [m³/s].

        Examples
        --------
        >>> from coolsim import Q_
        >>> c = TurboCurve((500.0, 0.0, -100.0)).with_bep_efficiency(0.7, Q_(1.2, "m**3/s"))
        >>> round(float(efficiency(c, Q_(1.2, "m**3/s"))), 3)
        0.7
        """
        eta = to_si(peak_efficiency, _EFF, "peak_efficiency")
        qs = to_si(bep_flow, VOLUMETRIC_FLOW.positive(), "bep_flow")
        if qs < 0.5 * self.free_flow:
            raise OutOfRangeError(
                f"parameter 'bep_flow' must be >= half the free-delivery flow ({0.5 * self.free_flow:.6g} m³/s) "
                f"so the efficiency stays > 0 on the curve; got {qs!r} m³/s"
            )
        return TurboCurve(self.pressure_coefficients, (0.0, 2.0 * eta / qs, -eta / qs**2))


def _fit_curve(q, p, degree, eta, efficiency_degree):
    """Least-squares TurboCurve from SI arrays (flows q, pressures p, efficiencies eta or None)."""
    q, p = np.atleast_1d(q), np.atleast_1d(p)
    if q.shape != p.shape or q.ndim != 1:
        raise OutOfRangeError(
            f"parameters 'flows' and 'pressures' must be 1-D of one length; got shapes {q.shape}, {p.shape}"
        )
    for name, deg in (("degree", degree), ("efficiency_degree", efficiency_degree)):
        if int(deg) != deg or not 1 <= deg < q.size:
            raise OutOfRangeError(f"parameter '{name}' must be an integer in [1, {q.size - 1}]; got {deg!r}")
    a = np.polynomial.polynomial.polyfit(q, p, int(degree))
    e = None
    if eta is not None:
        eta = np.atleast_1d(eta)
        if eta.shape != q.shape:
            raise OutOfRangeError(f"parameter 'efficiencies' must have the shape of 'flows' {q.shape}; got {eta.shape}")
        e = tuple(np.polynomial.polynomial.polyfit(q, eta, int(efficiency_degree)))
    return TurboCurve(tuple(a), e)


def _check_on_curve(curve, flow, speed_ratio):
    q = flow / speed_ratio
    bad = q > curve.free_flow * (1.0 + 1e-12)
    if np.any(bad):
        raise ValidityRangeError(
            f"parameter 'flow' must lie on the curve, 0 <= Q <= free delivery "
            f"({curve.free_flow:.6g} m³/s × speed ratio); got {np.max(flow)!r} m³/s at speed ratio "
            f"{np.broadcast_to(speed_ratio, np.shape(bad))[np.unravel_index(np.argmax(bad), np.shape(bad))]!r}"
        )
    return q


@quantity_io(returns=PRESSURE, flow=VOLUMETRIC_FLOW.nonnegative(), speed_ratio=_SPEED)
def pressure_rise(curve, flow, speed_ratio=1.0):
    """Pressure rise of a machine at a flow and speed ratio (affinity-scaled curve).

    Parameters
    ----------
    curve : TurboCurve
        Rated-speed curve.
    flow : pint.Quantity
        Volumetric flow, 0 … free delivery × speed ratio [m³/s].
    speed_ratio : float
        :math:`s = N/N_{rated}` > 0 [-].

    Returns
    -------
    pint.Quantity
        Pressure rise [Pa].

    Notes
    -----
    :math:`\\Delta p(Q, s) = s^2 \\sum_i a_i (Q/s)^i` (affinity laws, [1]_).
    Valid on the curve only: a flow above free delivery raises
    :class:`~coolsim.errors.ValidityRangeError`.

    References
    ----------
    .. [1] ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans", fan laws.

    Examples
    --------
    >>> from coolsim import Q_
    >>> c = TurboCurve((500.0, 0.0, -100.0))
    >>> pressure_rise(c, Q_(0.8, "m**3/s"), 0.8)
    <Quantity(256.0, 'pascal')>
    """
    q = _check_on_curve(curve, flow, speed_ratio)
    return speed_ratio**2 * _horner(curve.pressure_coefficients, q)


@quantity_io(returns=None, flow=VOLUMETRIC_FLOW.nonnegative(), speed_ratio=_SPEED)
def efficiency(curve, flow, speed_ratio=1.0):
    """Efficiency of a machine at a flow and speed ratio.

    Parameters
    ----------
    curve : TurboCurve
        Rated-speed curve with efficiency coefficients.
    flow : pint.Quantity
        Volumetric flow, 0 … free delivery × speed ratio [m³/s].
    speed_ratio : float
        :math:`s = N/N_{rated}` > 0 [-].

    Returns
    -------
    float or numpy.ndarray
        Efficiency [-].

    Notes
    -----
    :math:`\\eta(Q, s) = \\sum_i e_i (Q/s)^i`: efficiency is constant along the
    affinity parabolas (similar operating points), as in [1]_.  Reynolds-number
    and motor effects at low speed (below about 40 % speed) are not modelled.

    References
    ----------
    .. [1] Ulanicki, B., Kahler, J., Coulbeck, B., J. Water Resour. Plann.
       Manage. 134(1), 88–93 (2008), doi:10.1061/(ASCE)0733-9496(2008)134:1(88).

    Examples
    --------
    >>> from coolsim import Q_
    >>> efficiency(TurboCurve((500.0, 0.0, -100.0), (0.6,)), Q_(1, "m**3/s"))
    0.6
    """
    if curve.efficiency_coefficients is None:
        raise OutOfRangeError("parameter 'curve' has no efficiency_coefficients; build it with an efficiency")
    q = _check_on_curve(curve, flow, speed_ratio)
    return _horner(curve.efficiency_coefficients, q)


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
