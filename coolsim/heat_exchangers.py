"""Two-stream heat exchangers: ε-NTU relations, rating, sizing and LMTD.

A flow arrangement is an object, not a string; pass one of these to the
public functions: ``COUNTERFLOW``, ``PARALLEL_FLOW``, ``CROSSFLOW_UNMIXED``
(single-pass crossflow, both fluids unmixed, exact series),
``CROSSFLOW_UNMIXED_APPROX`` (the same, Incropera's closed-form
approximation eq. 11.32), ``CROSSFLOW_CMAX_MIXED``, ``CROSSFLOW_CMIN_MIXED``
and ``PLATE`` (1 pass – 1 pass counterflow plate exchanger, modelled as pure
counterflow).  Each has unit-free methods ``effectiveness_si(ntu, cr)``,
``ntu_si(eps, cr)`` and ``max_effectiveness_si(cr)`` on floats or float64
arrays, with ``cr`` = Cmin/Cmax in [0, 1].

"Mixed" in the crossflow arrangements refers to the stream with the larger
(Cmax) or smaller (Cmin) capacity rate, whichever of hot and cold that is
(Incropera's convention): if the capacity rates of a sweep cross over, the
physically mixed stream changes role.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import gammainc

from .errors import ConvergenceError, InfeasibleError, OutOfRangeError, UnitError
from .units import (
    DIMENSIONLESS,
    POWER,
    TEMPERATURE,
    TEMPERATURE_DIFFERENCE,
    THERMAL_CONDUCTANCE,
    quantity_io,
)

__all__ = [
    "FlowArrangement", "Counterflow", "ParallelFlow", "CrossflowUnmixed", "CrossflowCmaxMixed",
    "CrossflowCminMixed", "PlateExchanger", "COUNTERFLOW", "PARALLEL_FLOW", "CROSSFLOW_UNMIXED",
    "CROSSFLOW_UNMIXED_APPROX", "CROSSFLOW_CMAX_MIXED", "CROSSFLOW_CMIN_MIXED", "PLATE",
    "effectiveness", "ntu_from_effectiveness", "capacity_rate_from_duty", "exchanger_duty",
    "ua_for_duty",
    "lmtd", "lmtd_correction_factor", "approach_temperature",
]  # fmt: skip


def _h(a):
    """(1 − e^(−a))/a, equal to 1 at a = 0."""
    a = np.asarray(a, dtype=np.float64)
    safe = np.where(a == 0.0, 1.0, a)
    return np.where(a == 0.0, 1.0, -np.expm1(-safe) / safe)


def _L(y):
    """ln(1 + y)/y for y > −1, equal to 1 at y = 0."""
    y = np.asarray(y, dtype=np.float64)
    safe = np.where(y == 0.0, 1.0, y)
    return np.where(y == 0.0, 1.0, np.log1p(safe) / safe)


def _out(x):
    """A Python float for a 0-d result, the float64 array otherwise."""
    x = np.asarray(x, dtype=np.float64)
    return float(x) if x.ndim == 0 else x


def _refuse(bad, error, message, *values):
    """Raise ``error`` if any ``bad``; ``message`` gets the first offending values and ``{at}``."""
    bad = np.asarray(bad)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0]) if bad.ndim else ()
        at = f" at index {idx[0] if len(idx) == 1 else idx} ({int(bad.sum())} of {bad.size} values)" if idx else ""
        raise error(message.format(*(float(np.broadcast_to(v, bad.shape)[idx]) for v in values), at=at))


def _check_arrangement(arrangement):
    if not isinstance(arrangement, FlowArrangement):
        raise UnitError(
            "parameter 'arrangement' must be a FlowArrangement such as COUNTERFLOW, PARALLEL_FLOW "
            f"or CROSSFLOW_UNMIXED (not a string); got {type(arrangement).__name__} {arrangement!r}"
        )


@dataclass(frozen=True)
class FlowArrangement:
    """A two-stream flow arrangement: its ε(NTU, Cr) relation and inverse.

    Subclasses implement ``_eps``, ``_ntu`` and ``max_effectiveness_si`` on
    broadcast float64 arrays.  ``parallel_lmtd`` says whether the LMTD of the
    arrangement is built on parallel-flow terminal differences.
    """

    name: str = "flow arrangement"
    parallel_lmtd = False

    def effectiveness_si(self, ntu, cr):
        """Effectiveness ε [-] at ``ntu`` ≥ 0 [-] and ``cr`` in [0, 1] [-] (unit-free core)."""
        ntu, cr = np.broadcast_arrays(np.asarray(ntu, np.float64), np.asarray(cr, np.float64))
        return _out(self._eps(ntu, cr))

    def max_effectiveness_si(self, cr):
        """Limit of ε as NTU → ∞ at ``cr`` [-]; 1 unless overridden."""
        return _out(np.ones_like(np.asarray(cr, np.float64)))

    def ntu_si(self, eps, cr, name="eps"):
        """NTU [-] giving effectiveness ``eps`` [-] at ``cr`` [-] (unit-free core).

        Raises :class:`~coolsim.errors.InfeasibleError` (naming ``name``) if
        ``eps`` is not below :meth:`max_effectiveness_si`.
        """
        eps, cr = np.broadcast_arrays(np.asarray(eps, np.float64), np.asarray(cr, np.float64))
        emax = self.max_effectiveness_si(cr)
        _refuse(eps >= emax, InfeasibleError,
                f"parameter '{name}' = {{0:.6g}}{{at}} cannot be reached by {self.name}: at Cr = {{2:.6g}} "
                "the effectiveness must be < {1:.6g} (its NTU → ∞ limit)", eps, emax, cr)  # fmt: skip
        return _out(self._ntu(eps, cr))


@dataclass(frozen=True)
class Counterflow(FlowArrangement):
    """Pure counterflow, ε = (1 − e^(−N(1−Cr)))/(1 − Cr e^(−N(1−Cr))); N/(1+N) at Cr = 1.

    Evaluated as ε = φ/(φ + e^(−a)), a = N(1 − Cr), φ = N(1 − e^(−a))/a,
    which is exact and continuous through Cr = 1.

    Examples
    --------
    >>> round(COUNTERFLOW.effectiveness_si(5.0, 0.7), 5), round(COUNTERFLOW.ntu_si(0.5, 1.0), 9)
    (0.92067, 1.0)
    """

    name: str = "counterflow"

    def _eps(self, ntu, cr):
        a = ntu * (1.0 - cr)
        phi = ntu * _h(a)
        return phi / (phi + np.exp(-a))

    def _ntu(self, eps, cr):
        b = eps / (1.0 - eps)  # N = ln((1 − ε Cr)/(1 − ε))/(1 − Cr) = b·L(b(1 − Cr))
        return b * _L(b * (1.0 - cr))


@dataclass(frozen=True)
class PlateExchanger(Counterflow):
    """Plate exchanger, 1 pass – 1 pass, counterflow ports: modelled as pure counterflow.

    With many thermal plates the end-plate effect is negligible and the pack
    behaves as pure counterflow (Shah & Sekulić 2003, sec. 3.6, plate
    heat exchangers).  Multi-pass plate arrangements are not modelled.
    """

    name: str = "plate exchanger (1 pass - 1 pass, counterflow)"


@dataclass(frozen=True)
class ParallelFlow(FlowArrangement):
    """Pure parallel flow, ε = (1 − e^(−N(1+Cr)))/(1 + Cr); ε_max = 1/(1 + Cr)."""

    name: str = "parallel flow"
    parallel_lmtd = True

    def _eps(self, ntu, cr):
        return -np.expm1(-ntu * (1.0 + cr)) / (1.0 + cr)

    def max_effectiveness_si(self, cr):
        return _out(1.0 / (1.0 + np.asarray(cr, np.float64)))

    def _ntu(self, eps, cr):
        return -np.log1p(-eps * (1.0 + cr)) / (1.0 + cr)


@dataclass(frozen=True)
class CrossflowCmaxMixed(FlowArrangement):
    """Crossflow, Cmax mixed, Cmin unmixed: ε = (1 − e^(−Cr(1 − e^(−N))))/Cr; ε_max = (1 − e^(−Cr))/Cr."""

    name: str = "crossflow, Cmax mixed, Cmin unmixed"

    def _eps(self, ntu, cr):
        u = -np.expm1(-ntu)
        return u * _h(cr * u)

    def max_effectiveness_si(self, cr):
        return _out(_h(cr))

    def _ntu(self, eps, cr):
        return -np.log1p(-eps * _L(-eps * cr))  # inner term = −ln(1 − ε Cr)/Cr


@dataclass(frozen=True)
class CrossflowCminMixed(FlowArrangement):
    """Crossflow, Cmin mixed, Cmax unmixed: ε = 1 − exp(−(1 − e^(−Cr N))/Cr); ε_max = 1 − e^(−1/Cr)."""

    name: str = "crossflow, Cmin mixed, Cmax unmixed"

    def _eps(self, ntu, cr):
        return -np.expm1(-ntu * _h(cr * ntu))

    def max_effectiveness_si(self, cr):
        cr = np.asarray(cr, np.float64)
        big = cr > 1e-3  # below, e^(−1/Cr) < e^(−1000) = 0 in float64: ε_max is exactly 1
        return _out(np.where(big, -np.expm1(-1.0 / np.where(big, cr, 1.0)), 1.0))

    def _ntu(self, eps, cr):
        v = -np.log1p(-eps)
        return v * _L(-cr * v)  # = −ln(1 − Cr v)/Cr


_EXACT_TAIL = 1e-17  # relative size of the last series term kept
_EXACT_MAX_TERMS = 200_000
_ILLINOIS_MAX_ITER = 200


@dataclass(frozen=True)
class CrossflowUnmixed(FlowArrangement):
    """Single-pass crossflow, both fluids unmixed (ε_max = 1).

    ``exact=True`` sums the exact series (Mason 1954; Shah & Sekulić 2003,
    Table 3.3), ε = Σₙ P(n+1, N)·P(n+1, Cr N)/(Cr N), n = 0 … ∞, with P the
    regularised lower incomplete gamma function, to relative 1e-17.
    ``exact=False`` is Incropera's closed-form *approximation* (eq. 11.32),
    ε = 1 − exp[N^0.22 (e^(−Cr N^0.78) − 1)/Cr]: within 0.034 of the exact
    value for N ≤ 20, and up to 0.006 below parallel flow for N ≲ 0.5.  NTU from ε
    is solved by a vectorised Illinois iteration (|Δε| ≤ 2e-15), up to NTU
    1e6 (exact) or 1e12 (approximation).
    """

    name: str = "crossflow, both fluids unmixed"
    exact: bool = True

    def _eps(self, ntu, cr):
        if self.exact:
            return _crossflow_series(ntu, cr)
        return -np.expm1(-ntu * _h(cr * ntu**0.78))

    def _ntu(self, eps, cr):
        cap = 1e6 if self.exact else 1e12  # exact series costs ~0.2 s per evaluation at NTU 1e6
        return _invert_increasing(self._eps, eps, cr, COUNTERFLOW._ntu(eps, cr), self.name, cap)


def _crossflow_series(ntu, cr):
    """Exact unmixed-crossflow series; each element sums its own window of terms."""
    shape, big_n = np.shape(ntu), np.ravel(ntu).astype(np.float64)
    y = np.ravel(cr * ntu).astype(np.float64)
    ysafe = np.where(y > 0.0, y, 1.0)
    # Terms with n + 1 <= y − 12√y − 5 equal 1/y to better than 1e-30 (Poisson tail): count them.
    skip = np.floor(np.maximum(y - 12.0 * np.sqrt(y) - 5.0, 0.0))
    total = -np.expm1(-big_n) * _h(y) + np.where(y > 0.0, skip / ysafe, 0.0)  # n = 0 and skipped terms
    idx = np.flatnonzero(y > 0.0)  # at Cr·NTU = 0 every term n ≥ 1 vanishes
    n, acc = skip[idx] + 1.0, total[idx]
    for _ in range(_EXACT_MAX_TERMS):
        if idx.size == 0:
            return total.reshape(shape)
        yi = y[idx]
        term = gammainc(n + 1.0, big_n[idx]) * gammainc(n + 1.0, yi) / yi
        acc = acc + term
        fin = (n > yi) & (term <= _EXACT_TAIL * acc)
        total[idx[fin]] = acc[fin]
        idx, n, acc = idx[~fin], n[~fin] + 1.0, acc[~fin]
    raise ConvergenceError(f"crossflow series did not converge for parameter 'ntu' = {float(big_n[idx[0]]):.6g}")


def _invert_increasing(f, eps, cr, lower, what, cap):
    """Vectorised Illinois solve of f(N, cr) = eps for N ≥ lower, f increasing in N.

    Each element iterates only until it converges, so its result does not
    depend on the other elements of the array.
    """
    shape = np.shape(eps)
    eps, cr, a = (np.ravel(v).astype(np.float64) for v in (eps, cr, lower))
    fa = f(a, cr) - eps
    x = a.copy()
    over = fa > 0.0  # only from rounding (e.g. Cr = 0): restart the bracket at N = 0
    a[over], fa[over] = 0.0, -eps[over]
    idx = np.flatnonzero(fa < 0.0)  # fa == 0: the lower bound is the root
    a, fa, e, r = a[idx], fa[idx], eps[idx], cr[idx]
    b = np.maximum(2.0 * a, 1e-3)
    fb = f(b, r) - e
    need = fb < 0.0
    while need.any():  # double the upper end until it brackets the root
        _refuse(need & (b > cap), ConvergenceError,
                f"NTU for {what}: parameter 'eps' = {{0:.17g}} at Cr = {{1:.17g}} needs NTU > {cap:g}, "
                "beyond this solver's range", e, r)  # fmt: skip
        a[need], fa[need], b[need] = b[need], fb[need], 2.0 * b[need]
        fb[need] = f(b[need], r[need]) - e[need]
        need = fb < 0.0
    side = np.zeros(idx.size, dtype=np.int8)
    x[idx] = b
    for _ in range(_ILLINOIS_MAX_ITER):
        fin = (fb == 0.0) | (b - a <= 1e-14 * b)
        idx, a, b, fa, fb, e, r, side = (v[~fin] for v in (idx, a, b, fa, fb, e, r, side))
        if idx.size == 0:
            return x.reshape(shape)
        c = (a * fb - b * fa) / (fb - fa)  # fa < 0 <= fb: no division by zero
        fc = f(c, r) - e
        x[idx] = c
        left = fc < 0.0
        fb = np.where(left & (side == -1), 0.5 * fb, fb)  # Illinois: halve the stale end
        fa = np.where(~left & (side == 1), 0.5 * fa, fa)
        a, fa = np.where(left, c, a), np.where(left, fc, fa)
        b, fb = np.where(left, b, c), np.where(left, fb, fc)
        fb = np.where(np.abs(fc) <= 2e-15, 0.0, fb)  # converged in ε: finish
        side = np.where(left, -1, 1).astype(np.int8)
    raise ConvergenceError(
        f"NTU for {what} did not converge in {_ILLINOIS_MAX_ITER} iterations for "
        f"parameter 'eps' = {e[0]:.17g}, Cr = {r[0]:.17g}"
    )


COUNTERFLOW = Counterflow()
PARALLEL_FLOW = ParallelFlow()
CROSSFLOW_UNMIXED = CrossflowUnmixed()
CROSSFLOW_UNMIXED_APPROX = CrossflowUnmixed(name="crossflow, both unmixed (Incropera eq. 11.32)", exact=False)
CROSSFLOW_CMAX_MIXED = CrossflowCmaxMixed()
CROSSFLOW_CMIN_MIXED = CrossflowCminMixed()
PLATE = PlateExchanger()


@quantity_io(returns=DIMENSIONLESS, ntu=DIMENSIONLESS.nonnegative(), cr=DIMENSIONLESS.between(0.0, 1.0))
def effectiveness(arrangement, ntu, cr):
    """Effectiveness of a two-stream exchanger from NTU and capacity ratio.

    Parameters
    ----------
    arrangement : FlowArrangement
        Flow arrangement, e.g. ``COUNTERFLOW`` or ``CROSSFLOW_CMAX_MIXED`` [-].
    ntu : float or array_like
        Number of transfer units UA/Cmin, ≥ 0 [-].
    cr : float or array_like
        Capacity-rate ratio Cmin/Cmax in [0, 1] [-].

    Returns
    -------
    float or numpy.ndarray
        Effectiveness ε = Q/Q_max [-].

    Notes
    -----
    Incropera Table 11.3 (equation in each arrangement's docstring).  Every
    relation tends to ε = 1 − e^(−NTU) as Cr → 0 and counterflow to
    NTU/(1 + NTU) at Cr = 1; both limits are evaluated exactly.  Valid for
    constant capacity rates and U, no heat loss, no axial conduction.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.4, Table 11.3.
    .. [2] Shah & Sekulić, *Fundamentals of Heat Exchanger Design*, Wiley, 2003, Table 3.3.

    Examples
    --------
    >>> round(effectiveness(COUNTERFLOW, 5.0, 0.7), 5), round(effectiveness(PARALLEL_FLOW, 5.0, 0.7), 4)
    (0.92067, 0.5881)
    """
    _check_arrangement(arrangement)
    return arrangement.effectiveness_si(ntu, cr)


@quantity_io(
    returns=DIMENSIONLESS, eps=DIMENSIONLESS.between(0.0, 1.0, hi_open=True), cr=DIMENSIONLESS.between(0.0, 1.0)
)
def ntu_from_effectiveness(arrangement, eps, cr):
    """Number of transfer units that gives effectiveness ``eps``.

    Parameters
    ----------
    arrangement : FlowArrangement
        Flow arrangement [-].
    eps : float or array_like
        Effectiveness in [0, 1), below the arrangement's maximum [-].
    cr : float or array_like
        Capacity-rate ratio Cmin/Cmax in [0, 1] [-].

    Returns
    -------
    float or numpy.ndarray
        NTU = UA/Cmin [-].

    Raises
    ------
    InfeasibleError
        If ``eps`` reaches the NTU → ∞ limit: 1/(1 + Cr) for parallel flow,
        (1 − e^(−Cr))/Cr for Cmax mixed and 1 − e^(−1/Cr) for Cmin mixed.
    ConvergenceError
        If the numerical inversion (crossflow, both unmixed) fails.

    Notes
    -----
    Closed forms (Incropera Table 11.4) except for crossflow with both fluids
    unmixed: bracketed vectorised Illinois iteration to |Δε| ≤ 2e-15.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.4, Table 11.4.

    Examples
    --------
    >>> round(ntu_from_effectiveness(COUNTERFLOW, 0.714286, 0.8), 3)
    2.027
    >>> round(ntu_from_effectiveness(CROSSFLOW_UNMIXED, 0.8, 0.5), 4)
    2.7147
    """
    _check_arrangement(arrangement)
    return arrangement.ntu_si(eps, cr, name="eps")


@quantity_io(returns=THERMAL_CONDUCTANCE, q=POWER.positive(), delta_t=TEMPERATURE_DIFFERENCE.positive())
def capacity_rate_from_duty(q, delta_t):
    """Capacity rate C = ṁ·cp of a stream that carries ``q`` with a temperature change ``delta_t``.

    Parameters
    ----------
    q : pint.Quantity
        Heat carried by the stream [W].
    delta_t : pint.Quantity
        The stream's temperature change, a difference (``K`` or ``delta_degC``) [K].

    Returns
    -------
    pint.Quantity
        Capacity rate [W/K].

    Notes
    -----
    Steady-flow energy balance :math:`C = Q/\\Delta T` (Incropera sec. 11.2, C = ṁ·cp);
    lets a CDU be sized from its duty and loop ΔTs without fluid properties.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> capacity_rate_from_duty(Q_(1, "MW"), Q_(8, "delta_degC")).to("kW/K")
    <Quantity(125.0, 'kilowatt / kelvin')>
    """
    return q / delta_t


def _streams(t_hot_in, t_cold_in, c_hot, c_cold):
    _refuse(t_hot_in < t_cold_in, OutOfRangeError,
            "parameter 't_hot_in' ({0:.6g} K) is below parameter 't_cold_in' ({1:.6g} K){at}: the hot "
            "inlet must be at least as warm as the cold inlet (swap the streams)", t_hot_in, t_cold_in)  # fmt: skip
    cmin = np.minimum(c_hot, c_cold)
    return cmin, cmin / np.maximum(c_hot, c_cold), t_hot_in - t_cold_in


_T, _C = TEMPERATURE.positive(), THERMAL_CONDUCTANCE.positive()
_STREAMS = dict(t_hot_in=_T, t_cold_in=_T, c_hot=_C, c_cold=_C)


@quantity_io(returns=(POWER, TEMPERATURE, TEMPERATURE), ua=THERMAL_CONDUCTANCE.nonnegative(), **_STREAMS)
def exchanger_duty(arrangement, ua, t_hot_in, t_cold_in, c_hot, c_cold):
    """Rate an exchanger: heat duty and both outlet temperatures (ε-NTU).

    Parameters
    ----------
    arrangement : FlowArrangement
        Flow arrangement [-].
    ua : pint.Quantity
        Overall conductance UA ≥ 0 [W/K].
    t_hot_in, t_cold_in : pint.Quantity
        Hot- and cold-stream inlet temperatures, hot ≥ cold [K].
    c_hot, c_cold : pint.Quantity
        Hot- and cold-stream capacity rates ṁ·cp [W/K].

    Returns
    -------
    q : pint.Quantity
        Heat duty [W].
    t_hot_out, t_cold_out : pint.Quantity
        Hot- and cold-stream outlet temperatures [K].

    Notes
    -----
    NTU = UA/Cmin, Cr = Cmin/Cmax, ε from the arrangement, then
    :math:`Q = \\varepsilon C_{min}(T_{h,i} - T_{c,i})`,
    :math:`T_{h,o} = T_{h,i} - Q/C_h`, :math:`T_{c,o} = T_{c,i} + Q/C_c`
    (Incropera sec. 11.4).  Constant C and U, no heat loss.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.4.

    Examples
    --------
    >>> from coolsim import Q_
    >>> q, tho, tco = exchanger_duty(COUNTERFLOW, Q_(202.7, "kW/K"), Q_(42, "degC"),
    ...                              Q_(28, "degC"), Q_(100, "kW/K"), Q_(125, "kW/K"))
    >>> round(float(q.to("kW").m)), round(float(tho.to("degC").m), 2), round(float(tco.to("degC").m), 2)
    (1000, 32.0, 36.0)
    """
    _check_arrangement(arrangement)
    cmin, cr, dt = _streams(t_hot_in, t_cold_in, c_hot, c_cold)
    q = _out(arrangement.effectiveness_si(ua / cmin, cr) * cmin * dt)
    return q, t_hot_in - q / c_hot, t_cold_in + q / c_cold


@quantity_io(returns=THERMAL_CONDUCTANCE, q=POWER.nonnegative(), **_STREAMS)
def ua_for_duty(arrangement, q, t_hot_in, t_cold_in, c_hot, c_cold):
    """Size an exchanger: the UA needed to transfer ``q`` (ε-NTU).

    Parameters
    ----------
    arrangement : FlowArrangement
        Flow arrangement [-].
    q : pint.Quantity
        Required heat duty ≥ 0 [W].
    t_hot_in, t_cold_in : pint.Quantity
        Hot- and cold-stream inlet temperatures, hot ≥ cold [K].
    c_hot, c_cold : pint.Quantity
        Hot- and cold-stream capacity rates ṁ·cp [W/K].

    Returns
    -------
    pint.Quantity
        Required overall conductance UA [W/K].

    Raises
    ------
    InfeasibleError
        If ``q`` > 0 is not below ε_max·Cmin·(T_h,i − T_c,i), the most this
        arrangement can transfer with any area.

    Notes
    -----
    :math:`\\varepsilon = Q/(C_{min}(T_{h,i}-T_{c,i}))`, NTU(ε, Cr) from
    Incropera Table 11.4, :math:`UA = \\mathrm{NTU}\\,C_{min}`.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.5.

    Examples
    --------
    >>> from coolsim import Q_
    >>> ua = ua_for_duty(COUNTERFLOW, Q_(1, "MW"), Q_(42, "degC"), Q_(28, "degC"),
    ...                  Q_(100, "kW/K"), Q_(125, "kW/K"))
    >>> round(float(ua.to("kW/K").m), 1)
    202.7
    """
    _check_arrangement(arrangement)
    cmin, cr, dt = _streams(t_hot_in, t_cold_in, c_hot, c_cold)
    qmax = arrangement.max_effectiveness_si(cr) * cmin * dt
    _refuse((q >= qmax) & (q > 0.0), InfeasibleError,
            f"parameter 'q' = {{0:.6g}} W{{at}} cannot be transferred by {arrangement.name} with these inlet "
            "temperatures and capacity rates: it must be < {1:.6g} W (ε_max·Cmin·(t_hot_in − t_cold_in))",
            q, qmax)  # fmt: skip
    eps = np.where(q > 0.0, q / (cmin * np.where(dt > 0.0, dt, 1.0)), 0.0)
    return _out(arrangement._ntu(*np.broadcast_arrays(eps, cr)) * cmin)


_TEMPS4 = dict(t_hot_in=_T, t_hot_out=_T, t_cold_in=_T, t_cold_out=_T)


@quantity_io(returns=TEMPERATURE_DIFFERENCE, **_TEMPS4)
def lmtd(t_hot_in, t_hot_out, t_cold_in, t_cold_out, arrangement=COUNTERFLOW):
    """Log-mean temperature difference.

    Parameters
    ----------
    t_hot_in, t_hot_out : pint.Quantity
        Hot-stream inlet and outlet temperatures [K].
    t_cold_in, t_cold_out : pint.Quantity
        Cold-stream inlet and outlet temperatures [K].
    arrangement : FlowArrangement, optional
        ``PARALLEL_FLOW`` uses parallel-flow terminal differences, every other
        arrangement the counterflow ones (the basis of the correction factor
        F); default ``COUNTERFLOW`` [-].

    Returns
    -------
    pint.Quantity
        ΔT_lm [K].

    Notes
    -----
    :math:`\\Delta T_{lm} = (\\Delta T_1 - \\Delta T_2)/\\ln(\\Delta T_1/\\Delta T_2)`,
    ΔT₁ = T_h,i − T_c,o, ΔT₂ = T_h,o − T_c,i (counterflow) or ΔT₁ = T_h,i −
    T_c,i, ΔT₂ = T_h,o − T_c,o (parallel), Incropera sec. 11.3.
    Evaluated as ΔT₂·r/ln(1 + r), r = ΔT₁/ΔT₂ − 1, so that equal terminal
    differences give exactly that difference.  Both must be > 0.

    References
    ----------
    .. [1] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.3.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(lmtd(Q_(100, "degC"), Q_(60, "degC"), Q_(30, "degC"), Q_(40.2, "degC")).m), 1)
    43.2
    """
    _check_arrangement(arrangement)
    for lo, hi, n1, n2 in ((t_hot_out, t_hot_in, "t_hot_out", "t_hot_in"),
                           (t_cold_in, t_cold_out, "t_cold_in", "t_cold_out")):
        _refuse(lo > hi, OutOfRangeError, f"parameter '{n1}' ({{0:.6g}} K) exceeds parameter '{n2}' ({{1:.6g}} K)"
                "{at}: the hot stream must cool and the cold stream warm", lo, hi)  # fmt: skip
    if arrangement.parallel_lmtd:
        ends = ((t_hot_in, t_cold_in, "t_hot_in", "t_cold_in"), (t_hot_out, t_cold_out, "t_hot_out", "t_cold_out"))
    else:
        ends = ((t_hot_in, t_cold_out, "t_hot_in", "t_cold_out"), (t_hot_out, t_cold_in, "t_hot_out", "t_cold_in"))
    for th, tc, n1, n2 in ends:
        _refuse(th <= tc, OutOfRangeError,
                f"terminal difference '{n1}' − '{n2}' = {{0:.6g}} K{{at}} must be > 0 "
                f"(a temperature cross is impossible for {arrangement.name})", th - tc)  # fmt: skip
    d1, d2 = ends[0][0] - ends[0][1], ends[1][0] - ends[1][1]
    return _out(d2 / _L(d1 / d2 - 1.0))


@quantity_io(returns=DIMENSIONLESS, **_TEMPS4)
def lmtd_correction_factor(arrangement, t_hot_in, t_hot_out, t_cold_in, t_cold_out):
    """LMTD correction factor F of an arrangement, relative to counterflow.

    Parameters
    ----------
    arrangement : FlowArrangement
        Flow arrangement [-].
    t_hot_in, t_hot_out : pint.Quantity
        Hot-stream inlet and outlet temperatures; the hot stream must cool [K].
    t_cold_in, t_cold_out : pint.Quantity
        Cold-stream inlet and outlet temperatures; the cold stream must warm [K].

    Returns
    -------
    float or numpy.ndarray
        F such that Q = UA·F·ΔT_lm,counterflow; 1 for counterflow [-].

    Raises
    ------
    InfeasibleError
        If the arrangement cannot reach these terminal temperatures.

    Notes
    -----
    From the terminal temperatures Cr = min(ΔT_h, ΔT_c)/max(ΔT_h, ΔT_c) and
    ε = max(ΔT_h, ΔT_c)/(T_h,i − T_c,i); then
    :math:`F = \\mathrm{NTU}_{cf}(\\varepsilon, C_r)/\\mathrm{NTU}(\\varepsilon, C_r)`,
    the link between the LMTD and ε-NTU methods (Shah & Sekulić 2003,
    sec. 3.7.2).  Both streams must change temperature.

    References
    ----------
    .. [1] Shah & Sekulić, *Fundamentals of Heat Exchanger Design*, Wiley, 2003, sec. 3.7,
       DOI 10.1002/9780470172605.
    .. [2] Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, sec. 11.3.

    Examples
    --------
    >>> from coolsim import Q_
    >>> f = lmtd_correction_factor(CROSSFLOW_UNMIXED, Q_(80, "degC"), Q_(50, "degC"),
    ...                            Q_(20, "degC"), Q_(40, "degC"))
    >>> round(f, 3)
    0.941
    """
    _check_arrangement(arrangement)
    _streams(t_hot_in, t_cold_in, 1.0, 1.0)
    dth, dtc = t_hot_in - t_hot_out, t_cold_out - t_cold_in
    for d, n1, n2 in ((dth, "t_hot_in", "t_hot_out"), (dtc, "t_cold_out", "t_cold_in")):
        _refuse(d <= 0.0, OutOfRangeError,
                f"'{n1}' − '{n2}' = {{0:.6g}} K{{at}} must be > 0: F needs both streams to change temperature", d)
    big = np.maximum(dth, dtc)
    eps, cr = big / (t_hot_in - t_cold_in), np.minimum(dth, dtc) / big
    _refuse(eps >= 1.0, OutOfRangeError,
            "the terminal temperatures imply an effectiveness {0:.6g}{at} ≥ 1: a stream leaves beyond the "
            "other's inlet (need 't_hot_out' > 't_cold_in' and 't_cold_out' < 't_hot_in')", eps)  # fmt: skip
    ntu = arrangement.ntu_si(eps, cr, name="t_hot_out/t_cold_out (effectiveness)")
    return _out(COUNTERFLOW._ntu(*np.broadcast_arrays(eps, cr)) / ntu)


@quantity_io(returns=TEMPERATURE_DIFFERENCE, t_hot_out=_T, t_cold_in=_T)
def approach_temperature(t_hot_out, t_cold_in):
    """Approach temperature of a CDU: secondary supply minus primary supply.

    Parameters
    ----------
    t_hot_out : pint.Quantity
        Hot-stream outlet; for a CDU the secondary (technology cooling system)
        supply temperature [K].
    t_cold_in : pint.Quantity
        Cold-stream inlet; for a CDU the primary (facility water) supply
        temperature [K].

    Returns
    -------
    pint.Quantity
        Approach ΔT = T_h,o − T_c,i ≥ 0 [K].

    Notes
    -----
    The cold-end terminal difference of a counterflow exchanger, the
    "approach" on CDU datasheets.  The hot-end difference T_h,i − T_c,o is the
    other terminal difference; when C_hot < C_cold the cold end is the smaller
    of the two.  A negative value is impossible for a two-stream exchanger
    and is refused.

    References
    ----------
    .. [1] ASHRAE TC 9.9, *Liquid Cooling Guidelines for Datacom Equipment Centers*, 2nd ed., 2014.

    Examples
    --------
    >>> from coolsim import Q_
    >>> approach_temperature(Q_(32, "degC"), Q_(28, "degC")).to("delta_degC")
    <Quantity(4.0, 'delta_degree_Celsius')>
    """
    _refuse(t_hot_out < t_cold_in, OutOfRangeError,
            "parameter 't_hot_out' ({0:.6g} K) is below parameter 't_cold_in' ({1:.6g} K){at}: a stream "
            "cannot be cooled below the other stream's inlet", t_hot_out, t_cold_in)  # fmt: skip
    return t_hot_out - t_cold_in
