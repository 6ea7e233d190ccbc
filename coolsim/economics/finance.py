"""Discounted cash flows: annuities, NPV, IRR, simple and discounted payback,
levelised cost per GPU-hour.

Conventions (used by every function here and by :mod:`coolsim.economics`):

* Money is a Quantity in ``USD`` at the boundary (a base dimension
  ``[currency]`` of coolsim's registry; ``cent`` works too); cores work in
  SI floats: USD, USD/J, USD/s.
* An *annual* amount at the boundary is a money rate (kind ``MONEY_RATE``,
  e.g. ``Q_(1.2e6, "USD/year")``); cores turn it into USD per year with
  :data:`YEAR_S`, pint's ``year`` (365.25 days), so ``"USD/year"`` means the
  same thing in and out.
* Cash flows fall at year ends: capex at year 0, the annual amounts at years
  1 … n; the horizon is a whole number of years (default the 6-year
  depreciation life of the founding article, which matches Microsoft's and
  Alphabet's server lives).
* The discount rate ``r`` is a plain fraction per year, ``r > −1``.

References for the formulas: R. A. Brealey, S. C. Myers, F. Allen,
*Principles of Corporate Finance*, 13th ed., McGraw-Hill, 2020, ch. 2 (present
value, annuities) and ch. 5 (IRR, payback); W. Short, D. J. Packey, T. Holt,
*A Manual for the Economic Evaluation of Energy Efficiency and Renewable Energy
Technologies*, NREL/TP-462-5173, 1995, §4 (levelised cost, discounted payback).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import ConvergenceError, OutOfRangeError
from ..units import DIMENSIONLESS, MONEY, MONEY_RATE, TIME, FRACTION, Kind, Q_, quantity_io

__all__ = [
    "YEAR_S",
    "DEFAULT_HORIZON",
    "DEFAULT_DISCOUNT_RATE",
    "DISCOUNT_RATE",
    "MONEY_PER_GPU_TIME",
    "horizon_years",
    "annuity_factor",
    "npv",
    "npv_of_cash_flows",
    "IRRResult",
    "irr",
    "PaybackResult",
    "payback",
    "levelised_cost_per_gpu_hour",
]

#: Seconds in pint's ``year`` (365.25 days): the accounting year of annual amounts.
YEAR_S = 365.25 * 86400.0
#: Default horizon: the 6-year server depreciation life (founding article; matches
#: Microsoft and Alphabet, domain primer).
DEFAULT_HORIZON = Q_(6.0, "year")
_DEFAULT_HORIZON_S = 6.0 * YEAR_S
#: Default discount rate, 8 %/year (assumption: a typical weighted average cost of
#: capital for data-centre owners; vary it).
DEFAULT_DISCOUNT_RATE = 0.08

#: A discount rate per year, strictly above −100 %.
DISCOUNT_RATE = DIMENSIONLESS.spec(-1.0, None, lo_open=True)
#: Price per GPU-time, e.g. a GPU-hour price (kind defined here; same SI unit as MONEY_RATE).
MONEY_PER_GPU_TIME = Kind("money per GPU-time", "USD/s", "Q_(4, 'USD/hour') per GPU")

_HORIZON = TIME.positive()


def horizon_years(horizon_s, name="horizon"):
    """Whole number of years in a horizon given in seconds (raises if not whole or < 1).

    Parameters
    ----------
    horizon_s : float
        Horizon in seconds [s].
    name : str
        Parameter name for error messages.
    """
    n = np.asarray(horizon_s, dtype=np.float64) / YEAR_S
    k = np.round(n)
    if np.any(np.abs(n - k) > 1e-6) or np.any(k < 1):
        raise OutOfRangeError(
            f"parameter '{name}' must be a whole number of years >= 1 (cash flows fall at year ends); "
            f"got {float(np.ravel(n)[0]):g} year"
        )
    return k


def _af(rate, n):
    """Annuity factor core: sum_{k=1..n} (1+r)^-k, with the r -> 0 limit n."""
    rate = np.asarray(rate, dtype=np.float64)
    small = np.abs(rate) < 1e-9
    safe = np.where(small, 1.0, rate)
    value = -np.expm1(-n * np.log1p(safe)) / safe
    out = np.where(small, n * (1.0 - 0.5 * (n + 1.0) * rate), value)
    return float(out) if out.ndim == 0 else out


@quantity_io(rate=DISCOUNT_RATE, horizon=_HORIZON)
def annuity_factor(rate, horizon):
    """Present value of 1 USD a year for ``horizon`` years at ``rate``.

    Parameters
    ----------
    rate : float or array_like
        Discount rate per year, > −1 [-].
    horizon : pint.Quantity
        Whole number of years, ≥ 1 year [s].

    Returns
    -------
    float or ndarray
        :math:`A(r, n)` [year].

    Notes
    -----
    :math:`A = \\sum_{k=1}^{n} (1+r)^{-k} = (1-(1+r)^{-n})/r`, and :math:`A = n`
    at :math:`r = 0` (evaluated with ``expm1``/``log1p`` so that it is smooth
    through zero).  Valid for any :math:`r > -1`.

    References
    ----------
    .. [1] Brealey, Myers & Allen, *Principles of Corporate Finance*, 13th ed., 2020, ch. 2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(annuity_factor(0.10, Q_(3, "year")), 4)
    2.4869
    """
    return _af(rate, horizon_years(horizon))


@quantity_io(returns=MONEY, capex=MONEY.any(), annual_saving=MONEY_RATE.any(), rate=DISCOUNT_RATE, horizon=_HORIZON)
def npv(capex, annual_saving, rate, horizon):
    """Net present value of an investment that saves a constant amount each year.

    Parameters
    ----------
    capex : pint.Quantity
        Up-front (year 0) investment; negative if the alternative is cheaper up front [USD].
    annual_saving : pint.Quantity
        Saving each year, years 1 … n (negative: it costs more to run) [USD/s].
    rate : float or array_like
        Discount rate per year, > −1 [-].
    horizon : pint.Quantity
        Whole number of years ≥ 1 [s].

    Returns
    -------
    pint.Quantity
        :math:`\\mathrm{NPV} = -C + S\\,A(r, n)` [USD].

    Notes
    -----
    End-of-year cash flows, no salvage value at the horizon (conservative for
    equipment that outlives it), no taxes, no inflation (real rate).

    References
    ----------
    .. [1] Brealey, Myers & Allen, *Principles of Corporate Finance*, 13th ed., 2020, ch. 2 and 5.

    Examples
    --------
    >>> from coolsim import Q_
    >>> npv(Q_(1000, "USD"), Q_(400, "USD/year"), 0.10, Q_(3, "year")).to("USD")
    <Quantity(-5.25920361, 'US_dollar')>
    """
    return -capex + annual_saving * YEAR_S * _af(rate, horizon_years(horizon))


@quantity_io(returns=MONEY, cash_flows=MONEY.any(), rate=DISCOUNT_RATE)
def npv_of_cash_flows(cash_flows, rate):
    """Net present value of yearly cash flows (last axis = years 0, 1, …).

    Parameters
    ----------
    cash_flows : pint.Quantity
        Cash flows, index 0 at year 0; the last axis is time; positive = inflow [USD].
    rate : float or array_like
        Discount rate per year, > −1, broadcasting against the leading axes [-].

    Returns
    -------
    pint.Quantity
        :math:`\\sum_k c_k (1+r)^{-k}` [USD].

    Notes
    -----
    The general form behind :func:`npv`; valid for any :math:`r > -1`.

    References
    ----------
    .. [1] Brealey, Myers & Allen, *Principles of Corporate Finance*, 13th ed., 2020, ch. 2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(npv_of_cash_flows(Q_([-100, 60, 60], "USD"), 0.10).m), 4)
    4.1322
    """
    c = np.atleast_1d(np.asarray(cash_flows, dtype=np.float64))
    k = np.arange(c.shape[-1], dtype=np.float64)
    r = np.asarray(rate, dtype=np.float64)[..., None]
    out = np.sum(c * np.exp(-k * np.log1p(r)), axis=-1)
    return float(out) if out.ndim == 0 else out


@dataclass(frozen=True)
class IRRResult:
    """Internal rate of return, or why there is none.

    Attributes
    ----------
    rate : float or ndarray or None
        IRR per year [-]; ``None`` (scalar) or NaN elements (arrays) where none exists.
    exists : bool or ndarray
        Where an IRR was found.
    reason : str
        ``""`` when every element has a unique IRR; otherwise why not.
    """

    rate: object
    exists: object
    reason: str = ""


_IRR_LO, _IRR_HI = -0.999, 100.0


@quantity_io(cash_flows=MONEY.any())
def irr(cash_flows):
    """Internal rate of return of yearly cash flows (last axis = years 0, 1, …).

    Parameters
    ----------
    cash_flows : pint.Quantity
        Cash flows, index 0 at year 0; leading axes are independent cases [USD].

    Returns
    -------
    IRRResult
        The rate :math:`r` with :math:`\\sum_k c_k (1+r)^{-k} = 0`, or "no IRR"
        (``exists`` False, a reason) where the cash flows never change sign.

    Raises
    ------
    ConvergenceError
        If the flows change sign but no root lies in the bracket
        −99.9 % … +10,000 % per year (NPV of the same sign at both ends).

    Notes
    -----
    Vectorised bisection on :math:`r \\in [-0.999, 100]` (200 halvings: the
    bracket shrinks below 1e-12).  With one sign change (a conventional
    investment) the root is unique (Descartes' rule of signs); with several
    the root found is one of possibly many and ``reason`` says so.

    References
    ----------
    .. [1] Brealey, Myers & Allen, *Principles of Corporate Finance*, 13th ed., 2020, ch. 5.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(irr(Q_([-100, 60, 60], "USD")).rate, 6)
    0.130662
    >>> irr(Q_([100, 60, 60], "USD")).reason
    'no IRR: the cash flows never change sign'
    """
    c = np.atleast_1d(np.asarray(cash_flows, dtype=np.float64))
    scalar = c.ndim == 1
    c2 = c.reshape(-1, c.shape[-1])
    sign = np.sign(c2)
    last = np.maximum.accumulate(np.where(c2 != 0.0, np.arange(c2.shape[-1]), 0), axis=-1)
    filled = np.take_along_axis(sign, last, axis=-1)  # each zero takes the sign before it
    changes = np.count_nonzero(filled[:, 1:] * filled[:, :-1] < 0, axis=-1)
    exists = changes > 0
    k = np.arange(c2.shape[-1], dtype=np.float64)

    def f(r):
        return np.sum(c2 * np.exp(-k * np.log1p(r)[:, None]), axis=-1)

    lo = np.full(c2.shape[0], _IRR_LO)
    hi = np.full(c2.shape[0], _IRR_HI)
    flo, fhi = f(lo), f(hi)
    bad = exists & (np.sign(flo) == np.sign(fhi))
    if bad.any():
        raise ConvergenceError(
            "parameter 'cash_flows': no IRR in the bracket -99.9 % ... +10,000 % per year "
            f"(NPV has the same sign at both ends for {int(bad.sum())} case(s)); the flows change sign "
            "but their root lies outside any rate of practical meaning"
        )
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        fm = f(mid)
        left = np.sign(fm) == np.sign(flo)
        lo = np.where(left, mid, lo)
        flo = np.where(left, fm, flo)
        hi = np.where(left, hi, mid)
    rate = np.where(exists, 0.5 * (lo + hi), np.nan)
    reason = ""
    if not exists.all():
        reason = "no IRR: the cash flows never change sign"
    elif (changes > 1).any():
        reason = "the cash flows change sign more than once: the IRR may not be unique"
    if scalar:
        return IRRResult(float(rate[0]) if exists[0] else None, bool(exists[0]), reason)
    shape = c.shape[:-1]
    return IRRResult(rate.reshape(shape), exists.reshape(shape), reason)


@dataclass(frozen=True)
class PaybackResult:
    """When an investment pays back, or why it never does within the horizon.

    Attributes
    ----------
    years : pint.Quantity or None
        Payback time (scalar: ``None`` when it does not pay back; arrays: ``inf``
        where it never pays back) [s].
    pays_back : bool or ndarray
        Pays back within the horizon.
    reason : str or ndarray of str
        ``""`` where it pays back within the horizon; otherwise why not.
    """

    years: object
    pays_back: object
    reason: object


@quantity_io(capex=MONEY.any(), annual_saving=MONEY_RATE.any(), rate=DISCOUNT_RATE, horizon=_HORIZON)
def payback(capex, annual_saving, rate=0.0, horizon=_DEFAULT_HORIZON_S):
    """Simple (``rate = 0``) or discounted payback time of a constant annual saving.

    Parameters
    ----------
    capex : pint.Quantity
        Up-front investment [USD].
    annual_saving : pint.Quantity
        Saving per year [USD/s].
    rate : float or array_like
        Discount rate per year, > −1; 0 for simple payback [-].
    horizon : pint.Quantity
        Horizon within which payback counts, whole years ≥ 1 [s].

    Returns
    -------
    PaybackResult
        Years to pay back, whether within the horizon, and the reason if not.

    Notes
    -----
    Simple: :math:`n = C/S`.  Discounted: the :math:`n` at which
    :math:`S\\,A(r,n) = C`, i.e. :math:`n = -\\ln(1 - rC/S)/\\ln(1+r)` (the
    annuity extended to fractional years); none exists when
    :math:`S \\le rC` (the saving never covers the return forgone on the
    capex).  No investment (:math:`C \\le 0`) with :math:`S \\ge 0` pays back at 0.

    References
    ----------
    .. [1] Short, Packey & Holt, NREL/TP-462-5173, 1995, §4.4 (discounted payback).

    Examples
    --------
    >>> from coolsim import Q_
    >>> p = payback(Q_(1000, "USD"), Q_(400, "USD/year"))
    >>> round(float(p.years.m_as("year")), 3), p.pays_back
    (2.5, True)
    >>> payback(Q_(1000, "USD"), Q_(50, "USD/year"), 0.08).reason
    'the annual saving (50 USD) never covers the return forgone on the capex at 8 %/year (80 USD)'
    """
    n_max = horizon_years(horizon)
    c, s, r = np.broadcast_arrays(*(np.asarray(x, dtype=np.float64) for x in (capex, annual_saving * YEAR_S, rate)))
    free = c <= 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        x = 1.0 - r * c / np.where(s > 0, s, 1.0)
        simple = c / np.where(s > 0, s, 1.0)
        disc = np.where(np.abs(r) < 1e-12, simple, -np.log(np.where(x > 0, x, 1.0)) / np.log1p(np.where(r == 0, 1.0, r)))
    years = np.where(free & (s >= 0), 0.0, np.where((s > 0) & (x > 0), disc, np.inf))
    ok = years <= n_max + 1e-12
    reasons = np.full(years.shape, "", dtype=object)
    reasons[free & (s < 0)] = "the alternative is cheaper up front but costs more every year: nothing to pay back"
    reasons[~free & (s <= 0)] = "the alternative costs at least as much to run: annual saving <= 0"
    never = ~free & (s > 0) & (x <= 0)
    reasons[never] = "the annual saving never covers the return forgone on the capex at this discount rate"
    reasons[np.isfinite(years) & ~ok] = f"pays back beyond the {n_max:g}-year horizon"
    if years.ndim == 0 and never:
        reasons = np.asarray(f"the annual saving ({float(s):,.0f} USD) never covers the return forgone on the "
                             f"capex at {100 * float(r):g} %/year ({float(r * c):,.0f} USD)", dtype=object)
    elif years.ndim == 0 and np.isfinite(years) and not ok:
        reasons = np.asarray(f"pays back after {float(years):.2f} years, beyond the {n_max:g}-year horizon", dtype=object)
    if years.ndim == 0:
        y = float(years)
        return PaybackResult(Q_(y * YEAR_S, "s").to("year") if np.isfinite(y) else None, bool(ok), str(reasons[()]))
    return PaybackResult(Q_(years * YEAR_S, "s").to("year"), ok, reasons.astype(str))


@quantity_io(
    returns=MONEY_PER_GPU_TIME,
    capex=MONEY.nonnegative(),
    annual_cost=MONEY_RATE.nonnegative(),
    gpus=DIMENSIONLESS.positive(),
    availability=FRACTION,
    rate=DISCOUNT_RATE,
    horizon=_HORIZON,
)
def levelised_cost_per_gpu_hour(capex, annual_cost, gpus, availability=1.0, rate=DEFAULT_DISCOUNT_RATE, horizon=_DEFAULT_HORIZON_S):
    """Levelised cost of one delivered GPU-hour.

    Parameters
    ----------
    capex : pint.Quantity
        Up-front cost (servers, cooling, facility share) [USD].
    annual_cost : pint.Quantity
        Operating cost per year [USD/s].
    gpus : float or array_like
        GPUs installed [-].
    availability : float or array_like
        Share of GPU-time delivered (1 − unavailability), in [0, 1] [-].
    rate : float or array_like
        Discount rate per year, > −1 [-].
    horizon : pint.Quantity
        Whole years ≥ 1 [s].

    Returns
    -------
    pint.Quantity
        Cost per delivered GPU-time; read it with ``.to("USD/hour")`` [USD/s].

    Raises
    ------
    OutOfRangeError
        If ``availability`` is 0 (no GPU-time is delivered).

    Notes
    -----
    :math:`LC = (C + O\\,A(r,n)) / (G\\,a\\,Y\\,A(r,n))`: discounted cost over
    discounted output, :math:`Y` one year of GPU-time per GPU.  Valid for a
    constant yearly output and cost.

    References
    ----------
    .. [1] Short, Packey & Holt, NREL/TP-462-5173, 1995, §4.8 (levelised cost of energy).

    Examples
    --------
    >>> from coolsim import Q_
    >>> lc = levelised_cost_per_gpu_hour(Q_(250000, "USD"), Q_(0, "USD/year"), 8, 1.0, 0.0, Q_(6, "year"))
    >>> round(float(lc.m_as("USD/hour")), 4)
    0.5942
    """
    if np.any(np.asarray(availability) == 0.0):
        raise OutOfRangeError("parameter 'availability' must be > 0 for a levelised cost; got 0")
    a = _af(rate, horizon_years(horizon))
    return (capex + annual_cost * YEAR_S * a) / (gpus * availability * YEAR_S * a)
