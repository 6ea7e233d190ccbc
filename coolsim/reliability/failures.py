"""Failure models: counts to rates, exponential and Weibull lifetimes,
Arrhenius temperature acceleration, the published Llama 3 interruption table
as a default dataset, and cooling-plant components with N, N+1 and 2N
redundancy.

Rates are per unit of equipment (a host, a pump) in ``1/s`` at the boundary
(:data:`FAILURE_RATE`); durations are :data:`~coolsim.units.TIME`.
"""

from __future__ import annotations

from types import SimpleNamespace
from dataclasses import dataclass

import numpy as np
from scipy.special import gamma as _gamma

from ..errors import OutOfRangeError
from ..units import DIMENSIONLESS, ENERGY, TEMPERATURE, TIME, Q_, quantity_io, to_si

__all__ = [
    "FAILURE_RATE",
    "BOLTZMANN",
    "DEFAULT_ACTIVATION_ENERGY",
    "mean_time_between_failures",
    "failure_rate_from_counts",
    "exponential_reliability",
    "weibull_reliability",
    "weibull_hazard",
    "weibull_mean_life",
    "arrhenius_factor",
    "accelerated_failure_rate",
    "FailureCategory",
    "FailureDataset",
    "LLAMA3_405B_INTERRUPTIONS",
]

#: Failure rate: failures per unit time per unit of equipment [1/s]. Local
#: kind (units.py has none yet): the lead may move it to ``coolsim/units.py``.
from ..units import FAILURE_RATE  # noqa: E402  (defined in coolsim.units)

#: Boltzmann constant [J/K] (CODATA 2018, exact in the 2019 SI).
BOLTZMANN = 1.380649e-23
#: 0.7 eV in joules: the activation energy device makers assume when the
#: mechanism is unknown (AMD/Xilinx UG116 "Device Reliability Report",
#: "Failure Rate Determination"). A model choice, not a measured GPU value.
DEFAULT_ACTIVATION_ENERGY = 0.7 * 1.602176634e-19

_COUNT = DIMENSIONLESS.positive()


def _field(obj, name, spec):
    """Check a dataclass field in ``__post_init__`` (errors name the field) and keep its SI
    value in the private namespace ``obj._s``; the public field keeps what the user gave,
    so ``dataclasses.replace`` works on every component."""
    ns = obj.__dict__.get("_s")
    if ns is None:
        ns = SimpleNamespace()
        object.__setattr__(obj, "_s", ns)
    setattr(ns, name, float(to_si(getattr(obj, name), spec, name)))


def _int(value, name, lo, hi=None) -> int:
    """Check an integer count; errors name the parameter."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise OutOfRangeError(f"parameter '{name}' must be an integer; got {value!r}")
    if value < lo or (hi is not None and value > hi):
        allowed = f">= {lo}" + (f" and <= {hi}" if hi is not None else "")
        raise OutOfRangeError(f"parameter '{name}' must be {allowed}; got {value!r}")
    return int(value)


def _int_field(obj, name, lo, hi=None):
    object.__setattr__(obj, name, _int(getattr(obj, name), name, lo, hi))


@quantity_io(returns=TIME, duration=TIME.positive(), failures=_COUNT, units=_COUNT)
def mean_time_between_failures(duration, failures, units=1.0):
    """Mean time between failures from an observed count.

    Parameters
    ----------
    duration : pint.Quantity
        Observation window [s].
    failures : float or array_like
        Failures observed in the window, > 0 [-].
    units : float or array_like
        Units of equipment observed; 1 gives the whole system's mean time
        between failures, the host count gives the per-host value [-].

    Returns
    -------
    pint.Quantity
        :math:`\\mathrm{MTBF} = n\\,T / N` [s].

    Notes
    -----
    Point estimate of an exponential (constant-rate) model; valid when the
    failures are a stationary Poisson process over the window.

    References
    ----------
    .. [1] Dubey, A. et al., "The Llama 3 Herd of Models", arXiv:2407.21783
       (2024), sec. 3.3.4 and Table 5 (the 54-day, 419-interruption record).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(mean_time_between_failures(Q_(54, "day"), 419).m_as("hour")), 3)
    3.093
    >>> round(float(mean_time_between_failures(Q_(54, "day"), 419, 2048).m_as("hour")), 1)
    6334.6
    """
    return units * duration / failures


@quantity_io(returns=FAILURE_RATE, failures=DIMENSIONLESS.nonnegative(), duration=TIME.positive(), units=_COUNT)
def failure_rate_from_counts(failures, duration, units=1.0):
    """Constant failure rate per unit from an observed count.

    Parameters
    ----------
    failures : float or array_like
        Failures observed, >= 0 [-].
    duration : pint.Quantity
        Observation window [s].
    units : float or array_like
        Units observed [-].

    Returns
    -------
    pint.Quantity
        :math:`\\lambda = N / (n\\,T)` [1/s].

    Notes
    -----
    Maximum-likelihood rate of a Poisson process; the inverse of
    :func:`mean_time_between_failures`.

    References
    ----------
    .. [1] O'Connor, P. and Kleyner, A., *Practical Reliability Engineering*,
       5th ed., Wiley (2012), ch. 2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(failure_rate_from_counts(419, Q_(54, "day"), 2048).m_as("1/hour")) * 1e6, 2)
    157.86
    """
    return failures / (units * duration)


@quantity_io(time=TIME.nonnegative(), failure_rate=FAILURE_RATE.nonnegative())
def exponential_reliability(time, failure_rate):
    """Probability of surviving ``time`` at a constant failure rate.

    Parameters
    ----------
    time : pint.Quantity
        Mission time [s].
    failure_rate : pint.Quantity
        Constant hazard :math:`\\lambda` [1/s].

    Returns
    -------
    float or ndarray
        :math:`R(t) = e^{-\\lambda t}` [-].

    Notes
    -----
    Useful life of the bathtub curve (no infant mortality, no wear-out).

    References
    ----------
    .. [1] O'Connor and Kleyner (2012), ch. 2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(exponential_reliability(Q_(1000, "hour"), Q_(1e-3, "1/hour"))), 4)
    0.3679
    """
    return np.exp(-failure_rate * time)


_WEIBULL = dict(scale=TIME.positive(), shape=DIMENSIONLESS.positive())


@quantity_io(time=TIME.nonnegative(), **_WEIBULL)
def weibull_reliability(time, scale, shape):
    """Two-parameter Weibull survival probability.

    Parameters
    ----------
    time : pint.Quantity
        Age [s].
    scale : pint.Quantity
        Characteristic life :math:`\\eta` (63.2 % failed) [s].
    shape : float
        Shape :math:`\\beta`: < 1 infant mortality, 1 exponential, > 1 wear-out [-].

    Returns
    -------
    float or ndarray
        :math:`R(t) = \\exp[-(t/\\eta)^\\beta]` [-].

    Notes
    -----
    Any :math:`t \\ge 0`, :math:`\\eta, \\beta > 0`.

    References
    ----------
    .. [1] Weibull, W., "A statistical distribution function of wide
       applicability", J. Appl. Mech. 18 (1951) 293–297.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(weibull_reliability(Q_(5, "year"), Q_(5, "year"), 2.0)), 4)
    0.3679
    """
    return np.exp(-((time / scale) ** shape))


@quantity_io(returns=FAILURE_RATE, time=TIME.positive(), **_WEIBULL)
def weibull_hazard(time, scale, shape):
    """Weibull hazard (instantaneous failure rate) at age ``time``.

    Parameters
    ----------
    time : pint.Quantity
        Age, > 0 (the hazard is infinite at 0 for :math:`\\beta < 1`) [s].
    scale : pint.Quantity
        Characteristic life :math:`\\eta` [s].
    shape : float
        Shape :math:`\\beta` [-].

    Returns
    -------
    pint.Quantity
        :math:`h(t) = (\\beta/\\eta)(t/\\eta)^{\\beta-1}` [1/s].

    Notes
    -----
    :math:`\\beta = 1` gives the constant rate :math:`1/\\eta`.

    References
    ----------
    .. [1] Weibull (1951); O'Connor and Kleyner (2012), ch. 2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(weibull_hazard(Q_(1, "hour"), Q_(1000, "hour"), 1.0).m_as("1/hour")), 6)
    0.001
    """
    return shape / scale * (time / scale) ** (shape - 1.0)


@quantity_io(returns=TIME, **_WEIBULL)
def weibull_mean_life(scale, shape):
    """Mean life of a Weibull distribution.

    Parameters
    ----------
    scale : pint.Quantity
        Characteristic life :math:`\\eta` [s].
    shape : float
        Shape :math:`\\beta` [-].

    Returns
    -------
    pint.Quantity
        :math:`\\eta\\,\\Gamma(1 + 1/\\beta)` [s].

    Notes
    -----
    For a renewal process this is the MTBF to use in
    :func:`~coolsim.reliability.availability.availability` (long-run limit).

    References
    ----------
    .. [1] Weibull (1951).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(weibull_mean_life(Q_(1000, "hour"), 2.0).m_as("hour")), 2)
    886.23
    """
    return scale * _gamma(1.0 + 1.0 / shape)


@quantity_io(
    temperature=TEMPERATURE.positive(),
    reference_temperature=TEMPERATURE.positive(),
    activation_energy=ENERGY.positive(),
)
def arrhenius_factor(temperature, reference_temperature, activation_energy=DEFAULT_ACTIVATION_ENERGY):
    """Arrhenius acceleration of a failure rate from a reference temperature.

    Parameters
    ----------
    temperature : pint.Quantity
        Device (junction) temperature in use, e.g. from the cooling chain [K].
    reference_temperature : pint.Quantity
        Temperature at which the base rate was observed [K].
    activation_energy : pint.Quantity
        :math:`E_a`; default 0.7 eV, the value device makers assume when the
        mechanism is unknown (a model choice) [J]; write ``Q_(0.7, "eV")``.

    Returns
    -------
    float or ndarray
        :math:`AF = \\exp[(E_a/k_B)(1/T_{ref} - 1/T)]`; < 1 for a cooler device [-].

    Notes
    -----
    Applies to thermally activated mechanisms only (not to software faults,
    cables or mechanical wear); use it on the hardware share of a rate.
    Typical :math:`E_a` 0.3–1.2 eV depending on mechanism; extrapolations far
    from the reference temperature are uncertain (Jensen 1985).

    References
    ----------
    .. [1] JEDEC, *Dictionary*: "acceleration factor, temperature (AT)"
       (JEP122, JESD74).
    .. [2] AMD, *Device Reliability Report* UG116, "Failure Rate
       Determination" (0.7 eV assumed).
    .. [3] Jensen, F., "Activation energies and the Arrhenius equation",
       Qual. Reliab. Eng. Int. 1 (1985) 13–17, doi:10.1002/qre.4680010104.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(arrhenius_factor(Q_(65, "degC"), Q_(85, "degC"), Q_(0.7, "eV"))), 3)
    0.261
    """
    return np.exp(activation_energy / BOLTZMANN * (1.0 / reference_temperature - 1.0 / temperature))


@quantity_io(
    returns=FAILURE_RATE,
    failure_rate=FAILURE_RATE.nonnegative(),
    temperature=TEMPERATURE.positive(),
    reference_temperature=TEMPERATURE.positive(),
    activation_energy=ENERGY.positive(),
)
def accelerated_failure_rate(failure_rate, temperature, reference_temperature, activation_energy=DEFAULT_ACTIVATION_ENERGY):
    """Failure rate at ``temperature`` from a rate observed at a reference.

    Parameters
    ----------
    failure_rate : pint.Quantity
        Rate at the reference temperature [1/s].
    temperature : pint.Quantity
        Device temperature in use [K].
    reference_temperature : pint.Quantity
        Temperature of the observed rate [K].
    activation_energy : pint.Quantity
        Default 0.7 eV (model choice, see :func:`arrhenius_factor`) [J].

    Returns
    -------
    pint.Quantity
        :math:`\\lambda(T) = \\lambda_{ref}\\,AF(T)` [1/s].

    Notes
    -----
    See :func:`arrhenius_factor` for the validity caveats.

    References
    ----------
    .. [1] JEDEC JEP122 (Arrhenius acceleration factor).

    Examples
    --------
    >>> from coolsim import Q_
    >>> r = accelerated_failure_rate(Q_(1e-4, "1/hour"), Q_(60, "degC"), Q_(80, "degC"))
    >>> round(float(r.m_as("1/hour")) * 1e4, 3)
    0.251
    """
    return failure_rate * arrhenius_factor.si(temperature, reference_temperature, activation_energy)


# ---------------------------------------------------------------------------
# The published dataset
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class FailureCategory:
    """One row of a root-cause table: component, category and count [-]."""

    component: str
    category: str
    count: int

    def __post_init__(self):
        _int_field(self, "count", 0)


@dataclass(frozen=True)
class FailureDataset:
    """Interruption counts of a fleet observed over a window.

    Parameters
    ----------
    name : str
        Label.
    categories : tuple of FailureCategory
        Root-cause rows.
    units : int
        Units observed (hosts) [-].
    gpus_per_unit : int
        GPUs per unit [-].
    duration : pint.Quantity
        Observation window [s].
    source : str
        Citation.

    Examples
    --------
    >>> d = LLAMA3_405B_INTERRUPTIONS
    >>> d.total, round(float(d.job_mtbi().m_as("hour")), 2), round(float(d.unit_mtbi().m_as("hour")), 1)
    (419, 3.09, 6334.6)
    >>> round(d.fraction("Faulty GPU"), 3)
    0.353
    """

    name: str
    categories: tuple
    units: int
    gpus_per_unit: int
    duration: object
    source: str = ""

    def __post_init__(self):
        _int_field(self, "units", 1)
        _int_field(self, "gpus_per_unit", 1)
        _field(self, "duration", TIME.positive())
        cats = tuple(self.categories)
        if not cats or not all(isinstance(c, FailureCategory) for c in cats):
            raise OutOfRangeError(f"parameter 'categories' must be a non-empty tuple of FailureCategory; got {self.categories!r}")
        if sum(c.count for c in cats) <= 0:
            raise OutOfRangeError("parameter 'categories' must hold at least one failure; all counts are 0")
        object.__setattr__(self, "categories", cats)

    @property
    def total(self) -> int:
        """Total interruptions [-]."""
        return sum(c.count for c in self.categories)

    def count(self, component: str) -> int:
        """Count of one component row (exact name) [-]."""
        for c in self.categories:
            if c.component == component:
                return c.count
        names = ", ".join(c.component for c in self.categories)
        raise OutOfRangeError(f"parameter 'component' must be one of: {names}; got {component!r}")

    def fraction(self, component: str) -> float:
        """Share of the total by count (not the printed percentage) [-]."""
        return self.count(component) / self.total

    def job_mtbi(self):
        """Mean time between interruptions of the whole job, :math:`T/N` [s]."""
        return mean_time_between_failures(Q_(self._s.duration, "s"), self.total)

    def unit_mtbi(self):
        """Per-unit mean time between interruptions, :math:`nT/N` [s]."""
        return mean_time_between_failures(Q_(self._s.duration, "s"), self.total, self.units)

    def unit_failure_rate(self, components=None):
        """Per-unit rate of all rows, or of the named ``components`` only [1/s]."""
        n = self.total if components is None else sum(self.count(c) for c in components)
        return failure_rate_from_counts(n, Q_(self._s.duration, "s"), self.units)

    def category_rates(self) -> dict:
        """Per-unit rate of each component row, {component: Quantity [1/s]}."""
        return {c.component: failure_rate_from_counts(c.count, Q_(self._s.duration, "s"), self.units) for c in self.categories}


#: Unexpected interruptions of the Llama 3 405B pre-training run (54 days,
#: 16,384 H100 in 2,048 hosts of 8), Dubey et al., arXiv:2407.21783 (2024),
#: Table 5. Counts as printed; the printed 30.1 % for "Faulty GPU" is 35.3 %
#: by count (148/419), so shares are computed from the counts.
LLAMA3_405B_INTERRUPTIONS = FailureDataset(
    name="Llama 3 405B pre-training, 54-day snapshot",
    categories=tuple(
        FailureCategory(*row)
        for row in (
            ("Faulty GPU", "GPU", 148),
            ("GPU HBM3 Memory", "GPU", 72),
            ("Software Bug", "Dependency", 54),
            ("Network Switch/Cable", "Network", 35),
            ("Host Maintenance", "Unplanned Maintenance", 32),
            ("GPU SRAM Memory", "GPU", 19),
            ("GPU System Processor", "GPU", 17),
            ("NIC", "Host", 7),
            ("NCCL Watchdog Timeouts", "Unknown", 7),
            ("Silent Data Corruption", "GPU", 6),
            ("GPU Thermal Interface + Sensor", "GPU", 6),
            ("SSD", "Host", 3),
            ("Power Supply", "Host", 3),
            ("Server Chassis", "Host", 2),
            ("IO Expansion Board", "Host", 2),
            ("Dependency", "Dependency", 2),
            ("CPU", "Host", 2),
            ("System Memory", "Host", 2),
        )
    ),
    units=2048,
    gpus_per_unit=8,
    duration=Q_(54, "day"),
    source='Dubey, A. et al., "The Llama 3 Herd of Models", arXiv:2407.21783 (2024), Table 5',
)
