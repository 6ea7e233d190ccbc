"""Machine curves of fans and pumps: the curve type, its construction and evaluation at speed.

Holds :class:`TurboCurve` (rated-speed SI polynomials of pressure rise and
efficiency, built from coefficients, from catalogue points or with a
best-efficiency-point parabola, and checked for a stable falling branch), and
:func:`pressure_rise` and :func:`efficiency` at a flow and speed ratio by the
affinity laws.

References: ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans"
(fan laws) and ch. 44 "Centrifugal pumps"; Ulanicki, B., Kahler, J., Coulbeck,
B., "Modeling the efficiency and power characteristics of a pump group",
J. Water Resour. Plann. Manage. 134(1), 88–93 (2008),
doi:10.1061/(ASCE)0733-9496(2008)134:1(88).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..errors import OutOfRangeError, ValidityRangeError
from ..units import (
    DIMENSIONLESS,
    PRESSURE,
    PRESSURE_PER_FLOW,
    PRESSURE_PER_FLOW_SQUARED,
    VOLUMETRIC_FLOW,
    to_si,
    quantity_io,
)

__all__ = ["TurboCurve", "pressure_rise", "efficiency"]

_SPEED = DIMENSIONLESS.positive()
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
