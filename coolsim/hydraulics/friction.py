"""Darcy friction factor of pipe flow: laminar, Colebrook–White, Churchill, and
the regime switch between them (re-exported by :mod:`coolsim.hydraulics`).

The friction factor is the **Darcy** (Moody) factor, four times the Fanning
factor.  Regime limits are the documented constants below: laminar for
``Re < RE_LAMINAR_MAX`` (2300); turbulent correlations from 2300 to ``RE_MAX``
(1e8, the Moody chart's edge); relative roughness in
[0, ``RELATIVE_ROUGHNESS_MAX``] (0.05, also the chart's edge).  Outside them
functions raise :class:`~coolsim.errors.ValidityRangeError`; nothing is
extrapolated.  The range checks and the Newton settings here are shared by the
sibling modules of :mod:`coolsim.hydraulics`.
"""

from __future__ import annotations

import math

import numpy as np

from ..errors import ConvergenceError, ValidityRangeError
from ..units import DIMENSIONLESS, quantity_io

__all__ = [
    "RE_LAMINAR_MAX", "RE_MAX", "RELATIVE_ROUGHNESS_MAX",
    "friction_factor_laminar", "friction_factor_colebrook", "friction_factor_churchill",
    "darcy_friction_factor",
]

#: Upper Reynolds number of laminar pipe flow [-] (usual engineering value,
#: Cengel & Cimbala 2006, sec. 8-2).  2300–4000 is transitional: the turbulent
#: correlations are used there, giving the larger (conservative) f.
RE_LAMINAR_MAX = 2300.0
#: Upper Reynolds number of the turbulent correlations [-] (Moody 1944 chart edge).
RE_MAX = 1.0e8
#: Largest relative roughness ε/D accepted [-] (Moody 1944 chart edge).
RELATIVE_ROUGHNESS_MAX = 0.05

_LN10 = math.log(10.0)
_TOL = 1e-12
_MAXITER = 50


def _out(x):
    """Return a 0-d result as float, arrays unchanged."""
    return float(x) if np.ndim(x) == 0 else x


def _require(name, what, value, lo, hi, model, *, lo_open=False, hi_open=False):
    """Raise ValidityRangeError naming ``name`` if any ``value`` is outside [lo, hi]."""
    v = np.asarray(value, dtype=float)
    bad = ((v <= lo) if lo_open else (v < lo)) | ((v >= hi) if hi_open else (v > hi)) | ~np.isfinite(v)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        first = v[idx] if idx else float(v)
        at = f" at index {idx if len(idx) > 1 else idx[0]} ({int(bad.sum())} of {v.size} values)" if idx else ""
        raise ValidityRangeError(
            f"parameter '{name}' ({what}) = {first:.6g}{at} is outside the validity range of {model}: "
            f"{'>' if lo_open else '>='} {lo:g} and {'<' if hi_open else '<='} {hi:g}. "
            "coolsim does not extrapolate."
        )


def _check_rr(name, rr, model):
    # 1e-12 relative slack so that ε/D computed as 5 mm / 100 mm is not refused for round-off.
    _require(name, "relative roughness ε/D", rr, 0.0, RELATIVE_ROUGHNESS_MAX * (1 + 1e-12), model)


def _core(turbulent):
    """The SI core of a turbulent correlation given as wrapper, core or None (Colebrook)."""
    return getattr(turbulent, "si", turbulent) or friction_factor_colebrook.si


# ---------------------------------------------------------------------------
# Darcy friction factor
# ---------------------------------------------------------------------------
_RE_RR = {"re": DIMENSIONLESS.positive(), "relative_roughness": DIMENSIONLESS.nonnegative()}


@quantity_io(re=DIMENSIONLESS.positive())
def friction_factor_laminar(re):
    """Darcy friction factor of fully developed laminar flow, :math:`f = 64/Re`.

    Parameters
    ----------
    re : float or array_like
        Reynolds number, 0 < Re < 2300 [-].

    Returns
    -------
    float or numpy.ndarray
        Darcy friction factor [-].

    Notes
    -----
    Hagen–Poiseuille, exact for fully developed laminar flow in a circular pipe
    and independent of roughness; valid for Re < ``RE_LAMINAR_MAX`` (2300),
    otherwise ValidityRangeError.

    References
    ----------
    .. [1] F. M. White, *Fluid Mechanics*, 7th ed., McGraw-Hill, 2011, eq. 6.49.

    Examples
    --------
    >>> friction_factor_laminar(1000.0)
    0.064
    """
    _require("re", "Reynolds number", re, 0.0, RE_LAMINAR_MAX, "laminar 64/Re", lo_open=True, hi_open=True)
    return 64.0 / re


@quantity_io(**_RE_RR)
def friction_factor_colebrook(re, relative_roughness):
    """Darcy friction factor of turbulent pipe flow, Colebrook–White equation.

    Parameters
    ----------
    re : float or array_like
        Reynolds number, 2300 <= Re <= 1e8 [-].
    relative_roughness : float or array_like
        Relative roughness ε/D, 0 … 0.05 [-].

    Returns
    -------
    float or numpy.ndarray
        Darcy friction factor [-].

    Notes
    -----
    .. math:: 1/\\sqrt f = -2\\log_{10}\\left(\\frac{\\varepsilon/D}{3.7} + \\frac{2.51}{Re\\sqrt f}\\right)

    Solved for :math:`x = 1/\\sqrt f` by Newton's method on all elements at once,
    from the Swamee–Jain (1976) estimate; 3–5 steps reach a relative step of
    1e-12 (else ConvergenceError).  Valid for turbulent flow to the Moody chart's
    edge, Re ≤ 1e8 and ε/D ≤ 0.05 (else ValidityRangeError); in the transitional
    band 2300 ≤ Re < 4000 it is an upper estimate.

    References
    ----------
    .. [1] C. F. Colebrook, "Turbulent flow in pipes, with particular reference to the
       transition region between the smooth and rough pipe laws", *J. Inst. Civil Eng.*
       11 (1939) 133–156, https://doi.org/10.1680/ijoti.1939.13150.
    .. [2] P. K. Swamee, A. K. Jain, "Explicit equations for pipe-flow problems",
       *J. Hydraul. Div. ASCE* 102 (1976) 657–664.

    Examples
    --------
    >>> round(friction_factor_colebrook(1e5, 1e-4), 9)
    0.018513866
    """
    re = np.asarray(re, dtype=float)
    rr = np.asarray(relative_roughness, dtype=float)
    _require("re", "Reynolds number", re, RE_LAMINAR_MAX, RE_MAX, "Colebrook–White")
    _check_rr("relative_roughness", rr, "Colebrook–White")
    a = rr / 3.7
    b = 2.51 / re
    x = -2.0 * np.log10(a + 5.74 / re**0.9)  # Swamee–Jain, within ~1 % of the root
    active = np.ones(x.shape, dtype=bool)  # converged elements are frozen: array == scalars
    for _ in range(_MAXITER):
        arg = a + b * x
        step = (x + 2.0 * np.log10(arg)) / (1.0 + 2.0 * b / (_LN10 * arg))
        x = np.where(active, x - step, x)
        active &= np.abs(step) > _TOL * x
        if not active.any():
            return _out(1.0 / (x * x))
    raise ConvergenceError(
        f"friction_factor_colebrook: Newton iteration did not reach a relative step of {_TOL:g} "
        f"in {_MAXITER} iterations (largest relative step {float(np.max(np.abs(step / x))):.3g})"
    )


@quantity_io(**_RE_RR)
def friction_factor_churchill(re, relative_roughness):
    """Darcy friction factor for all flow regimes, Churchill (1977).

    Parameters
    ----------
    re : float or array_like
        Reynolds number, 0 < Re <= 1e8 [-].
    relative_roughness : float or array_like
        Relative roughness ε/D, 0 … 0.05 [-].

    Returns
    -------
    float or numpy.ndarray
        Darcy friction factor [-].

    Notes
    -----
    .. math:: f = 8\\left[(8/Re)^{12} + (A+B)^{-3/2}\\right]^{1/12},\\;
              A = \\left[2.457\\ln\\frac{1}{(7/Re)^{0.9} + 0.27\\,\\varepsilon/D}\\right]^{16},\\;
              B = (37530/Re)^{16}

    Explicit and continuous across laminar, transitional and turbulent flow:
    64/Re when laminar; within 3.1 % of Colebrook for 4e3 ≤ Re ≤ 1e8 (2 % above 1e4).
    Through the transition f rises with Re, up to Re ≈ 3100 (smooth) … 4600 (ε/D 0.05).  Evaluated
    in logarithms so no term overflows.  Re ≤ 1e8 and ε/D ≤ 0.05, else
    ValidityRangeError.

    References
    ----------
    .. [1] S. W. Churchill, "Friction-factor equation spans all fluid-flow regimes",
       *Chemical Engineering* 84(24) (1977) 91–92.

    Examples
    --------
    >>> round(friction_factor_churchill(1e5, 1e-4), 7)
    0.0184626
    """
    re = np.asarray(re, dtype=float)
    rr = np.asarray(relative_roughness, dtype=float)
    _require("re", "Reynolds number", re, 0.0, RE_MAX, "Churchill (1977)", lo_open=True)
    _check_rr("relative_roughness", rr, "Churchill (1977)")
    with np.errstate(divide="ignore"):  # the ln term is 0 near Re ≈ 7: log A = -inf is harmless
        log_a = 16.0 * np.log(np.abs(2.457 * np.log(1.0 / ((7.0 / re) ** 0.9 + 0.27 * rr))))
    log_b = 16.0 * np.log(37530.0 / re)
    log_sum = np.logaddexp(12.0 * np.log(8.0 / re), -1.5 * np.logaddexp(log_a, log_b))
    return _out(8.0 * np.exp(log_sum / 12.0))



@quantity_io(**_RE_RR)
def darcy_friction_factor(re, relative_roughness, turbulent=None):
    """Darcy friction factor, laminar or turbulent according to the Reynolds number.

    Parameters
    ----------
    re : float or array_like
        Reynolds number, 0 < Re <= 1e8 [-].
    relative_roughness : float or array_like
        Relative roughness ε/D, 0 … 0.05 [-].
    turbulent : callable, optional
        Turbulent correlation of ``(re, relative_roughness)``:
        :func:`friction_factor_colebrook` (default) or :func:`friction_factor_churchill`,
        wrapper or ``.si`` core [-].

    Returns
    -------
    float or numpy.ndarray
        Darcy friction factor [-].

    Notes
    -----
    Element-wise and explicit: :math:`f = 64/Re` where Re < ``RE_LAMINAR_MAX``
    (2300), the turbulent correlation where 2300 ≤ Re ≤ 1e8.  f jumps upward at
    2300, conservative for pressure drop in the transitional band.

    References
    ----------
    .. [1] L. F. Moody, "Friction factors for pipe flow", *Trans. ASME* 66 (1944) 671–684.

    Examples
    --------
    >>> darcy_friction_factor([1000.0, 1e5], 1e-4).round(6)
    array([0.064   , 0.018514])
    """
    re, rr = np.broadcast_arrays(np.asarray(re, dtype=float), np.asarray(relative_roughness, dtype=float))
    _check_rr("relative_roughness", rr, "darcy_friction_factor")
    _require("re", "Reynolds number", re, 0.0, RE_MAX, "darcy_friction_factor", lo_open=True)
    lam = re < RE_LAMINAR_MAX
    out = np.empty(re.shape)
    out[lam] = 64.0 / re[lam]
    if not lam.all():
        out[~lam] = _core(turbulent)(re[~lam], rr[~lam])
    return _out(out)
