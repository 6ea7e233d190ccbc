"""Analytic availability: MTBF/MTTR, downtime per year, series, parallel and
k-of-n blocks, legacy Uptime-tier figures, spares from the Poisson
distribution of failures in the restock window, and cooling-plant components
(pumps, CDUs, fans, quick disconnects, tank seals) in N, N+1 and 2N groups."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import binom, poisson

from ..errors import OutOfRangeError
from ..units import DIMENSIONLESS, FRACTION, TIME, Q_, quantity_io
from .failures import FAILURE_RATE, _field, _int_field

__all__ = [
    "HOURS_PER_YEAR",
    "UPTIME_TIER_LEGACY_AVAILABILITY",
    "availability",
    "unavailability",
    "downtime_per_year",
    "series_availability",
    "parallel_availability",
    "k_of_n_availability",
    "spares_for_service_level",
    "spares_service_level",
    "CoolingComponent",
    "COOLING_PUMP",
    "COOLANT_DISTRIBUTION_UNIT",
    "COOLING_FAN",
    "QUICK_DISCONNECT_LEAK",
    "IMMERSION_TANK_SEAL",
    "RedundantGroup",
]

#: 8,760 h: the 365-day year behind the quoted tier downtimes.
HOURS_PER_YEAR = 8760.0

#: Site availabilities often quoted for Uptime Institute tiers I–IV (Turner,
#: Seader and Brill, "Tier Classifications Define Site Infrastructure
#: Performance", Uptime Institute white paper, 2001/2006). **Legacy
#: estimates**: the tier standard certifies topology (N, N+1, concurrently
#: maintainable, 2N fault tolerant), not a percentage.
UPTIME_TIER_LEGACY_AVAILABILITY = {1: 0.99671, 2: 0.99741, 3: 0.99982, 4: 0.99995}

_YEAR_S = HOURS_PER_YEAR * 3600.0


@quantity_io(mtbf=TIME.positive(), mttr=TIME.nonnegative())
def availability(mtbf, mttr):
    """Steady-state availability of a repairable item.

    Parameters
    ----------
    mtbf : pint.Quantity
        Mean time between failures (mean up time) [s].
    mttr : pint.Quantity
        Mean time to repair (mean down time, incl. waits) [s].

    Returns
    -------
    float or ndarray
        :math:`A = \\mathrm{MTBF}/(\\mathrm{MTBF}+\\mathrm{MTTR})`, in (0, 1] [-].

    Notes
    -----
    Long-run fraction of time up of an alternating renewal process; holds for
    any up- and down-time distributions with these means.

    References
    ----------
    .. [1] Barlow, R. E. and Proschan, F., *Statistical Theory of Reliability
       and Life Testing*, Holt, Rinehart and Winston (1975), ch. 7.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(availability(Q_(6334.6, "hour"), Q_(4, "hour"))), 6)
    0.999369
    """
    return mtbf / (mtbf + mttr)


@quantity_io(mtbf=TIME.positive(), mttr=TIME.nonnegative())
def unavailability(mtbf, mttr):
    """Steady-state unavailability, :math:`\\mathrm{MTTR}/(\\mathrm{MTBF}+\\mathrm{MTTR})` [-].

    Parameters
    ----------
    mtbf : pint.Quantity
        Mean time between failures [s].
    mttr : pint.Quantity
        Mean time to repair [s].

    Returns
    -------
    float or ndarray
        :math:`1 - A` computed without cancellation [-].

    Notes
    -----
    See :func:`availability`.

    References
    ----------
    .. [1] Barlow and Proschan (1975), ch. 7.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(unavailability(Q_(999, "hour"), Q_(1, "hour"))), 6)
    0.001
    """
    return mttr / (mtbf + mttr)


@quantity_io(returns=TIME, availability=FRACTION, period=TIME.positive())
def downtime_per_year(availability, period=_YEAR_S):
    """Expected downtime in a period at a given availability.

    Parameters
    ----------
    availability : float or array_like
        Availability in [0, 1] [-].
    period : pint.Quantity
        Period; default a 365-day year (8,760 h) [s].

    Returns
    -------
    pint.Quantity
        :math:`(1 - A)\\,T` [s].

    Notes
    -----
    Exact identity for the expected value; the actual downtime of one year is
    random (see :mod:`coolsim.reliability.fleet`).

    References
    ----------
    .. [1] Turner, Seader and Brill, "Tier Classifications Define Site
       Infrastructure Performance", Uptime Institute (2006): Tier I 99.671 %
       is quoted as 28.8 h per year.

    Examples
    --------
    >>> round(float(downtime_per_year(0.99671).m_as("hour")), 1)
    28.8
    """
    return (1.0 - availability) * period


def _check_fraction_array(a, name):
    a = np.asarray(a, dtype=float)
    bad = ~np.isfinite(a) | (a < 0.0) | (a > 1.0)
    if bad.any():
        raise OutOfRangeError(f"parameter '{name}' must hold availabilities in [0, 1]; got {a[bad].flat[0]!r}")
    return a


def series_availability(availabilities, axis=-1):
    """Availability of blocks in series (all must be up).

    Parameters
    ----------
    availabilities : array_like
        Block availabilities in [0, 1], blocks along ``axis`` [-].
    axis : int
        Axis holding the blocks.

    Returns
    -------
    float or ndarray
        :math:`\\prod_i A_i` [-].

    Notes
    -----
    Independent blocks (separate repair crews).

    References
    ----------
    .. [1] Billinton, R. and Allan, R. N., *Reliability Evaluation of
       Engineering Systems*, 2nd ed., Plenum (1992), ch. 4.

    Examples
    --------
    >>> round(float(series_availability([0.999, 0.998])), 6)
    0.997002
    """
    a = _check_fraction_array(availabilities, "availabilities")
    out = np.prod(a, axis=axis)
    return out if out.ndim else float(out)


def parallel_availability(availabilities, axis=-1):
    """Availability of blocks in parallel (one of them suffices).

    Parameters
    ----------
    availabilities : array_like
        Block availabilities in [0, 1], blocks along ``axis`` [-].
    axis : int
        Axis holding the blocks.

    Returns
    -------
    float or ndarray
        :math:`1 - \\prod_i (1 - A_i)` [-].

    Notes
    -----
    Independent blocks; 2N is two identical blocks in parallel.

    References
    ----------
    .. [1] Billinton and Allan (1992), ch. 4.

    Examples
    --------
    >>> round(float(parallel_availability([0.99, 0.99])), 6)
    0.9999
    """
    a = _check_fraction_array(availabilities, "availabilities")
    out = 1.0 - np.prod(1.0 - a, axis=axis)
    return out if out.ndim else float(out)


def _check_int(value, name, lo):
    v = np.asarray(value)
    if v.dtype.kind not in "iu" and not (v.dtype.kind == "f" and np.all(np.isfinite(v)) and np.all(v == np.round(v))):
        raise OutOfRangeError(f"parameter '{name}' must be an integer count; got {value!r}")
    if np.any(v < lo):
        raise OutOfRangeError(f"parameter '{name}' must be >= {lo}; got {value!r}")
    return v.astype(np.int64)


@quantity_io(availability=FRACTION)
def k_of_n_availability(availability, k, n):
    """Availability of ``n`` identical independent units of which ``k`` must be up.

    Parameters
    ----------
    availability : float or array_like
        Unit availability :math:`a` in [0, 1] [-].
    k : int or array_like
        Units required, 1 <= k <= n [-].
    n : int or array_like
        Units installed [-].

    Returns
    -------
    float or ndarray
        :math:`\\sum_{i=k}^{n}\\binom{n}{i} a^i (1-a)^{n-i}` [-].

    Notes
    -----
    N: k = n; N+1: n = k + 1; 2N: n = 2k. Assumes independent failures and
    repairs (enough crews); common-cause failures are not modelled.

    References
    ----------
    .. [1] Billinton and Allan (1992), ch. 4 (k-out-of-n systems).

    Examples
    --------
    >>> round(float(k_of_n_availability(0.99, 2, 3)), 6)
    0.999702
    """
    k = _check_int(k, "k", 1)
    n = _check_int(n, "n", 1)
    if np.any(k > n):
        raise OutOfRangeError(f"parameter 'k' must be <= n (units required <= installed); got k={k!r}, n={n!r}")
    out = binom.sf(k - 1, n, availability)
    return out if np.ndim(out) else float(out)


_POISSON_SPECS = dict(failure_rate=FAILURE_RATE.nonnegative(), window=TIME.positive(), units=DIMENSIONLESS.positive())


@quantity_io(service_level=DIMENSIONLESS.between(0.0, 1.0, hi_open=True), **_POISSON_SPECS)
def spares_for_service_level(failure_rate, window, units, service_level):
    """Spares that cover the failures of a repair/restock window at a service level.

    Parameters
    ----------
    failure_rate : pint.Quantity
        Failure rate per unit [1/s].
    window : pint.Quantity
        Repair or restock lead time during which a used spare is not replaced [s].
    units : float or array_like
        Units in service [-].
    service_level : float or array_like
        Probability that the stock is not exhausted in a window, in [0, 1) [-].

    Returns
    -------
    ndarray or int
        Smallest :math:`s` with :math:`P(N \\le s) \\ge` ``service_level``,
        :math:`N \\sim \\mathrm{Poisson}(n\\lambda W)` [-].

    Notes
    -----
    Base-stock (one-for-one) policy with constant failure rate; exact for
    Poisson demand (Palm's theorem: the number of units in resupply is
    Poisson with mean :math:`n\\lambda W` for any lead-time distribution).

    References
    ----------
    .. [1] Sherbrooke, C. C., *Optimal Inventory Modeling of Systems:
       Multi-Echelon Techniques*, 2nd ed., Kluwer (2004), ch. 2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> int(spares_for_service_level(Q_(1e-3, "1/hour"), Q_(100, "hour"), 20, 0.95))
    5
    """
    mean = units * failure_rate * window
    # scipy's ppf(0) is -1 (left end of the support); the smallest count >= 0 is 0.
    out = np.maximum(poisson.ppf(service_level, mean), 0.0).astype(np.int64)
    return out if np.ndim(out) else int(out)


@quantity_io(**_POISSON_SPECS)
def spares_service_level(spares, failure_rate, window, units):
    """Probability that ``spares`` cover the failures of one window.

    Parameters
    ----------
    spares : int or array_like
        Spares on hand, >= 0 [-].
    failure_rate : pint.Quantity
        Failure rate per unit [1/s].
    window : pint.Quantity
        Restock lead time [s].
    units : float or array_like
        Units in service [-].

    Returns
    -------
    float or ndarray
        :math:`P(N \\le s)`, :math:`N \\sim \\mathrm{Poisson}(n\\lambda W)` [-].

    Notes
    -----
    Inverse of :func:`spares_for_service_level`.

    References
    ----------
    .. [1] Sherbrooke (2004), ch. 2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(spares_service_level(5, Q_(1e-3, "1/hour"), Q_(100, "hour"), 20)), 4)
    0.9834
    """
    s = _check_int(spares, "spares", 0)
    out = poisson.cdf(s, units * failure_rate * window)
    return out if np.ndim(out) else float(out)


# ---------------------------------------------------------------------------
# Cooling-plant components and redundancy
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class CoolingComponent:
    """A repairable cooling component with a constant failure rate.

    Parameters
    ----------
    name : str
        Label.
    mtbf : pint.Quantity
        Mean time between failures [s].
    mttr : pint.Quantity
        Mean time to repair [s].
    source : str
        Where the figures come from, or "assumption".

    Examples
    --------
    >>> round(COOLING_PUMP.availability(), 5)
    0.99964
    """

    name: str
    mtbf: object
    mttr: object
    source: str = "assumption"

    def __post_init__(self):
        _field(self, "mtbf", TIME.positive())
        _field(self, "mttr", TIME.positive())

    def availability(self) -> float:
        """Steady-state availability MTBF/(MTBF+MTTR) [-]."""
        return self._s.mtbf / (self._s.mtbf + self._s.mttr)

    def failure_rate(self):
        """1/MTBF [1/s]."""
        return Q_(1.0 / self._s.mtbf, "1/s")


#: Centrifugal open-impeller pump: MTBF 21,660 h, MTTR 7.825 h (Schultz and
#: Parr 1981, as tabulated in Tung, Yen and Melching, *Hydrosystems
#: Engineering Reliability Assessment and Risk Analysis*, McGraw-Hill 2006,
#: Table 5.2; a secondary source for water-distribution pumps).
COOLING_PUMP = CoolingComponent("pump", Q_(21660, "hour"), Q_(7.825, "hour"), "Schultz & Parr 1981 via Tung et al. 2006, Table 5.2")
#: CDU (pumps, exchanger, controls) as one unit: MTBF 50,000 h, MTTR 8 h (assumption).
COOLANT_DISTRIBUTION_UNIT = CoolingComponent("CDU", Q_(50_000, "hour"), Q_(8, "hour"))
#: Fan (CRAH / fan wall EC fan): MTBF 70,000 h, MTTR 2 h (assumption, of the order of vendor L10 lives).
COOLING_FAN = CoolingComponent("fan", Q_(70_000, "hour"), Q_(2, "hour"))
#: Quick-disconnect pair leaking in service: MTBF 1,000,000 h, MTTR 2 h (assumption).
QUICK_DISCONNECT_LEAK = CoolingComponent("quick disconnect leak", Q_(1.0e6, "hour"), Q_(2, "hour"))
#: Immersion tank lid/gasket seal: MTBF 200,000 h, MTTR 24 h (assumption).
IMMERSION_TANK_SEAL = CoolingComponent("tank seal", Q_(200_000, "hour"), Q_(24, "hour"))


@dataclass(frozen=True)
class RedundantGroup:
    """``installed`` identical components of which ``required`` must run.

    Build with :meth:`n`, :meth:`n_plus_1` or :meth:`two_n`, or directly for
    any k-of-n group.

    Parameters
    ----------
    component : CoolingComponent
        The component.
    required : int
        Units needed to carry the load (N) [-].
    installed : int
        Units installed [-].

    Notes
    -----
    Independent failures and repairs (one crew per unit):
    :math:`A = \\sum_{i=k}^{n} \\binom{n}{i} a^i (1-a)^{n-i}` with the unit
    availability :math:`a`.

    Examples
    --------
    >>> g1, g2 = RedundantGroup.n(COOLING_PUMP, 2), RedundantGroup.n_plus_1(COOLING_PUMP, 2)
    >>> round(g1.availability(), 5), round(g2.availability(), 8)
    (0.99928, 0.99999961)
    """

    component: CoolingComponent
    required: int
    installed: int

    def __post_init__(self):
        if not isinstance(self.component, CoolingComponent):
            raise OutOfRangeError(f"parameter 'component' must be a CoolingComponent; got {self.component!r}")
        _int_field(self, "required", 1)
        _int_field(self, "installed", self.required)

    @classmethod
    def n(cls, component, required):
        """No redundancy (N)."""
        return cls(component, required, required)

    @classmethod
    def n_plus_1(cls, component, required):
        """One spare unit (N+1)."""
        return cls(component, required, required + 1)

    @classmethod
    def two_n(cls, component, required):
        """Fully duplicated (2N)."""
        return cls(component, required, 2 * required)

    def availability(self) -> float:
        """Steady-state availability of the group [-]."""
        return float(k_of_n_availability(self.component.availability(), self.required, self.installed))
