"""Synchronous training jobs: interruptions, checkpoint intervals, goodput and spares.

A synchronous data-parallel training job needs all of its ``N`` nodes: any one
node's failure stops the whole job, which then restarts from its last
checkpoint.  With independent, exponentially distributed node failures of rate
:math:`\\lambda` (mean time between failures :math:`1/\\lambda`) the job is
interrupted at rate :math:`N\\lambda`, so its mean time between interruptions
(MTBI) is :math:`M = \\mathrm{MTBF}_{node}/N`.  The Llama 3 pre-training run
(16,384 H100 GPUs on 2,048 hosts, 419 unexpected interruptions in 54 days)
gives a job MTBI of 3.09 h and a per-host MTBI of 6,334.6 h.

What a job loses per interruption is the work since the last checkpoint plus
the time to get going again; checkpoints themselves cost time.  This module
gives the classic optimum checkpoint intervals (Young 1974, Daly 2006), the
fraction of wall time doing useful work ("goodput", effective training time
ratio), and how a pool of hot spares turns a node repair — whose length
depends on the cooling architecture — into a short stall.

Service access times by architecture (module constants, all assumptions):
``SERVICE_ACCESS_TIME_AIR`` 5 min (hot-swap sled pulled from the front),
``SERVICE_ACCESS_TIME_COLD_PLATE`` 15 min (dripless quick disconnects undone, server
pulled) and ``SERVICE_ACCESS_TIME_IMMERSION`` 1 h (lift the server out of the tank
and let it drain, as stated by a GPU-cloud operator in an interview; no published
drain time was found).  A node repair time is the access time plus the hands-on fix (a user input).

References
----------
.. [1] A. Grattafiori (Dubey) et al., "The Llama 3 Herd of Models",
   arXiv:2407.21783, 2024, §3.3.4 and Table 5.
.. [2] J. W. Young, "A first order approximation to the optimum checkpoint
   interval", Commun. ACM 17(9) (1974) 530–531, doi:10.1145/361147.361115.
.. [3] J. T. Daly, "A higher order estimate of the optimum checkpoint interval
   for restart dumps", Future Gener. Comput. Syst. 22(3) (2006) 303–312,
   doi:10.1016/j.future.2004.11.016.
.. [4] C. C. Sherbrooke, *Optimal Inventory Modeling of Systems: Multi-Echelon
   Techniques*, 2nd ed., Kluwer, 2004, ch. 2 (Palm's theorem: units in repair
   are Poisson with mean demand rate × turnaround time).
"""

from __future__ import annotations

import numpy as np
from scipy.special import gammaincc
from scipy.stats import poisson

from coolsim.errors import OutOfRangeError, ValidityRangeError
from coolsim.units import DIMENSIONLESS, FRACTION, FREQUENCY, TIME, Q_, quantity_io

__all__ = [
    "SERVICE_ACCESS_TIME_AIR",
    "SERVICE_ACCESS_TIME_COLD_PLATE",
    "SERVICE_ACCESS_TIME_IMMERSION",
    "job_interruption_rate",
    "job_mtbi",
    "node_mtbf_from_observation",
    "checkpoint_interval_young",
    "checkpoint_interval_daly",
    "goodput_first_order",
    "goodput_exponential",
    "spare_availability",
    "spares_for_availability",
    "expected_stall",
    "goodput_with_spares",
]

#: Access time to service an air-cooled node (assumption: front hot-swap sled).
SERVICE_ACCESS_TIME_AIR = Q_(5.0, "minute")
#: Access time to service a cold-plate node (assumption: dripless QD pull).
SERVICE_ACCESS_TIME_COLD_PLATE = Q_(15.0, "minute")
#: Access time to service an immersed node: lift and drain, ~1 h (assumption from
#: the founding interview; no published drain time was found).
SERVICE_ACCESS_TIME_IMMERSION = Q_(1.0, "hour")

# Defaults of the stall model [s]; all assumptions (no public breakdown found).
_DETECTION_TIME = 300.0  # 5 min: health checks / collective timeout notice the fault
_SWAP_TIME = 300.0  # 5 min: scheduler moves the rank set onto an idle hot spare
_RESTART_TIME = 600.0  # 10 min: relaunch, NCCL init, checkpoint reload

_NODES = DIMENSIONLESS.spec(1.0, None)
_COUNT = DIMENSIONLESS.nonnegative()
_TARGET = DIMENSIONLESS.spec(0.0, 1.0, hi_open=True)


def _out(x):
    """Plain float for a scalar result, float64 array otherwise."""
    x = np.asarray(x, dtype=np.float64)
    return float(x) if x.ndim == 0 else x


def _check_integer(x, name):
    bad = np.asarray(x) != np.floor(x)
    if np.any(bad):
        first = np.atleast_1d(x)[np.atleast_1d(bad)][0]
        raise OutOfRangeError(f"parameter '{name}' must be a whole number (a count); got {first!r}")


# --------------------------------------------------------------------------- interruptions
@quantity_io(returns=FREQUENCY, node_failure_rate=FREQUENCY.positive(), nodes=_NODES)
def job_interruption_rate(node_failure_rate, nodes):
    """Interruption rate of a synchronous job that needs all ``nodes``.

    Parameters
    ----------
    node_failure_rate : pint.Quantity
        Rate of job-interrupting failures of one node [1/s].
    nodes : float or array_like
        Number of nodes the job needs, ≥ 1 [-].

    Returns
    -------
    pint.Quantity
        Job interruption rate [1/s].

    Notes
    -----
    :math:`\\lambda_{job} = N\\,\\lambda_{node}` for independent, exponentially
    distributed failures (a superposition of Poisson processes).  Valid while
    failures are independent (no shared-cause outages such as a power or cooling
    event taking many nodes at once).

    References
    ----------
    .. [1] Dubey et al., "The Llama 3 Herd of Models", arXiv:2407.21783, 2024, §3.3.4.

    Examples
    --------
    >>> from coolsim import Q_
    >>> rate = job_interruption_rate(Q_(1 / 6334.6, "1/hour"), 2048)
    >>> round(float(rate.to("1/day").m), 2)
    7.76
    """
    return node_failure_rate * nodes


@quantity_io(returns=TIME, node_mtbf=TIME.positive(), nodes=_NODES)
def job_mtbi(node_mtbf, nodes):
    """Mean time between interruptions of a job that needs all ``nodes``.

    Parameters
    ----------
    node_mtbf : pint.Quantity
        Mean time between job-interrupting failures of one node [s].
    nodes : float or array_like
        Number of nodes the job needs, ≥ 1 [-].

    Returns
    -------
    pint.Quantity
        Job MTBI :math:`M` [s].

    Notes
    -----
    :math:`M = \\mathrm{MTBF}_{node} / N`; same assumptions as
    :func:`job_interruption_rate`.

    References
    ----------
    .. [1] Dubey et al., "The Llama 3 Herd of Models", arXiv:2407.21783, 2024, §3.3.4.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(job_mtbi(Q_(6334.6, "hour"), 2048).to("hour").m), 2)
    3.09
    """
    return node_mtbf / nodes


@quantity_io(returns=TIME, observed_time=TIME.positive(), nodes=_NODES, interruptions=DIMENSIONLESS.positive())
def node_mtbf_from_observation(observed_time, nodes, interruptions):
    """Per-node mean time between interruptions inferred from a job's record.

    Parameters
    ----------
    observed_time : pint.Quantity
        Wall time of the observation [s].
    nodes : float or array_like
        Number of nodes in the job, ≥ 1 [-].
    interruptions : float or array_like
        Interruptions counted in ``observed_time`` (> 0) [-].

    Returns
    -------
    pint.Quantity
        Per-node MTBI, node-hours per interruption [s].

    Notes
    -----
    Point estimate :math:`\\mathrm{MTBF}_{node} = N\\,T/k` (total node time over
    failures).  With :math:`k` failures the relative standard error is about
    :math:`1/\\sqrt{k}` (≈ 5 % for the Llama 3 record's k = 419).

    References
    ----------
    .. [1] Dubey et al., "The Llama 3 Herd of Models", arXiv:2407.21783, 2024,
       Table 5 (419 unexpected interruptions in a 54-day snapshot).

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(node_mtbf_from_observation(Q_(54, "day"), 2048, 419).to("hour").m), 1)
    6334.6
    """
    return nodes * observed_time / interruptions


# --------------------------------------------------------------------------- checkpoints
@quantity_io(returns=TIME, checkpoint_time=TIME.positive(), mtbi=TIME.positive())
def checkpoint_interval_young(checkpoint_time, mtbi):
    """Young's first-order optimum compute time between checkpoints.

    Parameters
    ----------
    checkpoint_time : pint.Quantity
        Time :math:`\\delta` the job spends writing one checkpoint [s].
    mtbi : pint.Quantity
        Job mean time between interruptions :math:`M` [s].

    Returns
    -------
    pint.Quantity
        Compute time between checkpoints :math:`\\tau` [s].

    Raises
    ------
    ValidityRangeError
        If :math:`\\delta > M/2`, where :math:`\\tau > M` and the first-order
        expansion behind the formula has no meaning (use
        :func:`checkpoint_interval_daly`).

    Notes
    -----
    :math:`\\tau = \\sqrt{2\\,\\delta\\,M}`: minimises the first-order waste
    :math:`\\delta/\\tau + \\tau/(2M)` (see :func:`goodput_first_order`).
    Accurate when :math:`\\delta \\ll M`; coolsim refuses :math:`\\delta > M/2`.

    References
    ----------
    .. [1] J. W. Young, "A first order approximation to the optimum checkpoint
       interval", Commun. ACM 17(9) (1974) 530–531, doi:10.1145/361147.361115.

    Examples
    --------
    >>> from coolsim import Q_
    >>> checkpoint_interval_young(Q_(0.1, "hour"), Q_(5, "hour")).to("hour")
    <Quantity(1.0, 'hour')>
    """
    ratio = checkpoint_time / mtbi
    if np.any(ratio > 0.5):
        raise ValidityRangeError(
            f"parameter 'checkpoint_time' is {float(np.max(ratio)):.3g} x the job MTBI 'mtbi'; "
            "Young's first-order interval needs checkpoint_time << mtbi (coolsim allows "
            "checkpoint_time <= mtbi/2): use checkpoint_interval_daly"
        )
    return _out(np.sqrt(2.0 * checkpoint_time * mtbi))


@quantity_io(returns=TIME, checkpoint_time=TIME.positive(), mtbi=TIME.positive())
def checkpoint_interval_daly(checkpoint_time, mtbi):
    """Daly's higher-order optimum compute time between checkpoints.

    Parameters
    ----------
    checkpoint_time : pint.Quantity
        Time :math:`\\delta` the job spends writing one checkpoint [s].
    mtbi : pint.Quantity
        Job mean time between interruptions :math:`M` [s].

    Returns
    -------
    pint.Quantity
        Compute time between checkpoints :math:`\\tau` [s].

    Notes
    -----
    .. math::

        \\tau = \\sqrt{2\\delta M}\\left[1 + \\tfrac13\\sqrt{\\tfrac{\\delta}{2M}}
                + \\tfrac19\\,\\tfrac{\\delta}{2M}\\right] - \\delta
        \\quad (\\delta < 2M), \\qquad \\tau = M \\quad (\\delta \\ge 2M).

    An approximate maximiser of the exponential-failure goodput
    (:func:`goodput_exponential`); valid for any :math:`\\delta > 0` (the second
    branch is Daly's choice where checkpointing barely helps).

    References
    ----------
    .. [1] J. T. Daly, "A higher order estimate of the optimum checkpoint interval
       for restart dumps", Future Gener. Comput. Syst. 22(3) (2006) 303–312,
       doi:10.1016/j.future.2004.11.016.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(float(checkpoint_interval_daly(Q_(0.1, "hour"), Q_(5, "hour")).to("hour").m), 6)
    0.934444
    """
    x = checkpoint_time / (2.0 * mtbi)
    tau = np.sqrt(2.0 * checkpoint_time * mtbi) * (1.0 + np.sqrt(x) / 3.0 + x / 9.0) - checkpoint_time
    out = np.where(checkpoint_time < 2.0 * mtbi, tau, mtbi * np.ones_like(tau))
    return _out(out)


_GOODPUT_SPECS = dict(
    checkpoint_time=TIME.nonnegative(),
    restart_time=TIME.nonnegative(),
    interval=TIME.positive(),
    mtbi=TIME.positive(),
)


@quantity_io(**_GOODPUT_SPECS)
def goodput_first_order(checkpoint_time, restart_time, interval, mtbi):
    """Fraction of wall time doing useful work, first-order model.

    Parameters
    ----------
    checkpoint_time : pint.Quantity
        Time :math:`\\delta` to write one checkpoint [s].
    restart_time : pint.Quantity
        Time :math:`R` from an interruption until work resumes (detection,
        repair or swap, relaunch, checkpoint reload) [s].
    interval : pint.Quantity
        Compute time :math:`\\tau` between checkpoints [s].
    mtbi : pint.Quantity
        Job mean time between interruptions :math:`M` [s].

    Returns
    -------
    float or numpy.ndarray
        Goodput (effective training time ratio) in (0, 1] [-].

    Raises
    ------
    ValidityRangeError
        If the first-order waste reaches 1 (goodput ≤ 0): the model is far
        outside its range; use :func:`goodput_exponential`.

    Notes
    -----
    :math:`G = 1 - \\delta/\\tau - (\\tau/2 + R)/M`: checkpoint overhead plus, per
    interruption, half an interval of lost work and the restart.  First order in
    :math:`\\delta/\\tau` and :math:`(\\tau + R)/M`; good to a few per cent when
    both are below ~0.1.  Its maximum over :math:`\\tau` is exactly Young's
    :math:`\\sqrt{2\\delta M}`.  Without failures (:math:`M\\to\\infty`)
    :math:`G = 1 - \\delta/\\tau`.

    References
    ----------
    .. [1] J. W. Young, Commun. ACM 17(9) (1974) 530–531, doi:10.1145/361147.361115.
    .. [2] J. T. Daly, Future Gener. Comput. Syst. 22(3) (2006) 303–312, §2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> goodput_first_order(Q_(0.1, "hour"), Q_(0.2, "hour"), Q_(1, "hour"), Q_(5, "hour"))
    0.76
    """
    g = 1.0 - checkpoint_time / interval - (0.5 * interval + restart_time) / mtbi
    bad = g <= 0.0
    if np.any(bad):
        raise ValidityRangeError(
            "goodput_first_order: the first-order waste delta/tau + (tau/2 + R)/M reaches 1 "
            f"(goodput {float(np.min(g)):.3g}) for the given 'checkpoint_time', 'restart_time', "
            "'interval' and 'mtbi'; the model needs delta << interval << mtbi: use goodput_exponential"
        )
    return _out(g)


@quantity_io(**_GOODPUT_SPECS)
def goodput_exponential(checkpoint_time, restart_time, interval, mtbi):
    """Fraction of wall time doing useful work, exponential failures (Daly).

    Parameters
    ----------
    checkpoint_time : pint.Quantity
        Time :math:`\\delta` to write one checkpoint [s].
    restart_time : pint.Quantity
        Time :math:`R` from an interruption until work resumes [s].
    interval : pint.Quantity
        Compute time :math:`\\tau` between checkpoints [s].
    mtbi : pint.Quantity
        Job mean time between interruptions :math:`M` [s].

    Returns
    -------
    float or numpy.ndarray
        Goodput in (0, 1) [-] (exactly 1 only for :math:`\\delta = 0` in the
        failure-free limit).

    Notes
    -----
    Expected wall time per segment of :math:`\\tau` useful work when failures
    are exponential (rate :math:`1/M`), can strike during work, checkpoint and
    restart alike, and each costs :math:`R` before the segment is redone:
    :math:`T_w = M e^{R/M}(e^{(\\tau+\\delta)/M} - 1)`, so

    .. math:: G = \\frac{\\tau}{M\\,e^{R/M}\\,\\left(e^{(\\tau+\\delta)/M} - 1\\right)}.

    Exact for that model at any :math:`\\tau, \\delta, R` (apart from the last,
    partial segment of a finite job); :math:`G \\to \\tau/(\\tau+\\delta)` without
    failures; to first order it is :func:`goodput_first_order`.  Non-exponential
    (e.g. infant-mortality) failures are outside it.

    References
    ----------
    .. [1] J. T. Daly, "A higher order estimate of the optimum checkpoint interval
       for restart dumps", Future Gener. Comput. Syst. 22(3) (2006) 303–312,
       doi:10.1016/j.future.2004.11.016.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(goodput_exponential(Q_(0.1, "hour"), Q_(0.2, "hour"), Q_(1, "hour"), Q_(5, "hour")), 4)
    0.7809
    """
    x = (interval + checkpoint_time) / mtbi
    # log(e^x - 1) without overflow for long intervals (x > 30: x + log(1 - e^-x)).
    log_em1 = np.where(x > 30.0, x + np.log1p(-np.exp(-np.maximum(x, 30.0))), np.log(np.expm1(np.minimum(x, 30.0))))
    return _out(np.exp(np.log(interval / mtbi) - restart_time / mtbi - log_em1))


# --------------------------------------------------------------------------- spares
@quantity_io(replacement_rate=FREQUENCY.nonnegative(), turnaround_time=TIME.nonnegative(), spares=_COUNT)
def spare_availability(replacement_rate, turnaround_time, spares):
    """Probability that a hot spare is ready when a node must be replaced.

    Parameters
    ----------
    replacement_rate : pint.Quantity
        Rate at which nodes are pulled for repair, :math:`\\lambda_r` [1/s].
    turnaround_time : pint.Quantity
        Time from pulling a node until it is back in the spare pool (repair,
        including the architecture's access time, plus requalification) [s].
    spares : float or array_like
        Hot spares in the pool, a whole number ≥ 0 [-].

    Returns
    -------
    float or numpy.ndarray
        :math:`P(\\text{spare ready})` in [0, 1] [-].

    Notes
    -----
    By Palm's theorem the number of nodes in the repair pipeline is Poisson with
    mean :math:`\\mu = \\lambda_r T` whatever the turnaround distribution
    (infinite repair capacity).  A spare is ready if fewer than :math:`S` nodes
    are in the pipeline: :math:`P = P(X \\le S-1) = Q(S, \\mu)` (regularised
    upper incomplete gamma); 0 for :math:`S = 0`.

    References
    ----------
    .. [1] C. C. Sherbrooke, *Optimal Inventory Modeling of Systems*, 2nd ed.,
       Kluwer, 2004, ch. 2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(spare_availability(Q_(0.5, "1/hour"), Q_(2, "hour"), 2), 4)
    0.7358
    """
    _check_integer(spares, "spares")
    mu = replacement_rate * turnaround_time
    p = np.where(spares >= 1.0, gammaincc(np.maximum(spares, 1.0), mu), 0.0)
    return _out(p)


@quantity_io(replacement_rate=FREQUENCY.nonnegative(), turnaround_time=TIME.nonnegative(), target=_TARGET)
def spares_for_availability(replacement_rate, turnaround_time, target):
    """Fewest hot spares for which a spare is ready with probability ≥ ``target``.

    Parameters
    ----------
    replacement_rate : pint.Quantity
        Rate at which nodes are pulled for repair [1/s].
    turnaround_time : pint.Quantity
        Time until a pulled node is back in the spare pool [s].
    target : float or array_like
        Required probability that a spare is ready, in [0, 1) [-].

    Returns
    -------
    float or numpy.ndarray
        Whole number of spares :math:`S` [-].

    Notes
    -----
    Smallest :math:`S` with :math:`Q(S, \\lambda_r T) \\ge` ``target`` (see
    :func:`spare_availability`): one more than the Poisson quantile.

    References
    ----------
    .. [1] C. C. Sherbrooke, *Optimal Inventory Modeling of Systems*, 2nd ed.,
       Kluwer, 2004, ch. 2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> spares_for_availability(Q_(0.5, "1/hour"), Q_(2, "hour"), 0.99)
    5.0
    """
    mu = replacement_rate * turnaround_time
    s = np.maximum(poisson.ppf(target, mu) + 1.0, 0.0)
    # Guard against round-off in the quantile: step to the exact smallest S.
    s = np.where(spare_availability.si(replacement_rate, turnaround_time, s) < target, s + 1.0, s)
    lower = np.maximum(s - 1.0, 0.0)
    s = np.where((s > 0.0) & (spare_availability.si(replacement_rate, turnaround_time, lower) >= target), lower, s)
    return _out(s)


@quantity_io(
    returns=TIME,
    availability=FRACTION,
    repair_time=TIME.nonnegative(),
    detection_time=TIME.nonnegative(),
    swap_time=TIME.nonnegative(),
    restart_time=TIME.nonnegative(),
    replacement_fraction=FRACTION,
)
def expected_stall(
    availability, repair_time, detection_time=_DETECTION_TIME, swap_time=_SWAP_TIME, restart_time=_RESTART_TIME,
    replacement_fraction=1.0,
):
    """Expected time a job stands still per interruption.

    Parameters
    ----------
    availability : float or array_like
        Probability that a hot spare is ready (:func:`spare_availability`) [-].
    repair_time : pint.Quantity
        Time to get the failed node back in service when no spare is ready:
        access time of the architecture (``SERVICE_ACCESS_TIME_*``) plus the fix [s].
    detection_time : pint.Quantity, optional
        Time to detect and localise the fault; default 5 min (assumption) [s].
    swap_time : pint.Quantity, optional
        Time to move the job onto a ready hot spare; default 5 min (assumption) [s].
    restart_time : pint.Quantity, optional
        Relaunch and checkpoint reload; default 10 min (assumption) [s].
    replacement_fraction : float or array_like, optional
        Fraction of interruptions that take a node out of service (the rest need
        only a restart); default 1.0, conservative (assumption; one H200 operator
        reported 41.5 %) [-].

    Returns
    -------
    pint.Quantity
        Expected stall per interruption, excluding the lost work since the last
        checkpoint [s].

    Notes
    -----
    .. math:: E[s] = t_d + t_r + f\\,[\\,a\\,\\min(t_s, T_{rep}) + (1-a)\\,T_{rep}\\,]

    A ready spare is used only when it is faster than the repair.  Without a
    spare the job waits for the full repair of its own node (an upper bound: a
    node already in the pipeline may return sooner).  Once spares are ready,
    the stall no longer depends on the repair time, whatever the architecture.

    References
    ----------
    .. [1] J. T. Daly, Future Gener. Comput. Syst. 22(3) (2006) 303–312 (restart
       time R in the waste model).

    Examples
    --------
    >>> from coolsim import Q_
    >>> expected_stall(0.9, Q_(2, "hour")).to("minute")
    <Quantity(31.5, 'minute')>
    """
    # a·min(t_s, T) + (1 − a)·T, written so that it is exactly monotone in a and T.
    replace = repair_time - availability * np.maximum(repair_time - swap_time, 0.0)
    return _out(detection_time + restart_time + replacement_fraction * replace)


@quantity_io(
    node_mtbf=TIME.positive(),
    nodes=_NODES,
    spares=_COUNT,
    repair_time=TIME.nonnegative(),
    checkpoint_time=TIME.nonnegative(),
    interval=TIME.positive(),
    restock_time=TIME.nonnegative(),
    detection_time=TIME.nonnegative(),
    swap_time=TIME.nonnegative(),
    restart_time=TIME.nonnegative(),
    replacement_fraction=FRACTION,
)
def goodput_with_spares(
    node_mtbf, nodes, spares, repair_time, checkpoint_time, interval, restock_time=0.0,
    detection_time=_DETECTION_TIME, swap_time=_SWAP_TIME, restart_time=_RESTART_TIME, replacement_fraction=1.0,
):
    """Goodput of a synchronous job with a pool of hot spares.

    Parameters
    ----------
    node_mtbf : pint.Quantity
        Mean time between job-interrupting failures of one node [s].
    nodes : float or array_like
        Nodes the job needs, ≥ 1 [-].
    spares : float or array_like
        Hot spares, a whole number ≥ 0 [-].
    repair_time : pint.Quantity
        Time to get a pulled node back in service (access + fix) [s].
    checkpoint_time : pint.Quantity
        Time to write one checkpoint [s].
    interval : pint.Quantity
        Compute time between checkpoints [s].
    restock_time : pint.Quantity, optional
        Extra time after the repair before the node is a ready spare again
        (burn-in, requalification); default 0 [s].
    detection_time, swap_time, restart_time : pint.Quantity, optional
        As in :func:`expected_stall` (defaults 5, 5 and 10 min, assumptions) [s].
    replacement_fraction : float or array_like, optional
        Fraction of interruptions that take a node out; default 1.0 (assumption) [-].

    Returns
    -------
    float or numpy.ndarray
        Goodput in (0, 1) [-].

    Notes
    -----
    :math:`M = \\mathrm{MTBF}/N`; nodes are pulled at :math:`\\lambda_r = fN/\\mathrm{MTBF}`
    and return after :math:`T_{rep} + T_{restock}`; the spare availability
    (:func:`spare_availability`) sets the expected stall (:func:`expected_stall`),
    which enters :func:`goodput_exponential` as the restart time.  Using the mean
    stall inside :math:`e^{R/M}` slightly underestimates the loss when stalls
    vary widely (Jensen's inequality); negligible while :math:`T_{rep} \\ll M`.

    References
    ----------
    .. [1] J. T. Daly, Future Gener. Comput. Syst. 22(3) (2006) 303–312.
    .. [2] C. C. Sherbrooke, *Optimal Inventory Modeling of Systems*, 2nd ed., 2004, ch. 2.

    Examples
    --------
    >>> from coolsim import Q_
    >>> g = goodput_with_spares(Q_(6334.6, "hour"), 2048, 4, Q_(3, "hour"),
    ...                         Q_(2, "minute"), Q_(30, "minute"))
    >>> round(g, 3)
    0.759
    """
    mtbi = node_mtbf / nodes
    rate = replacement_fraction * nodes / node_mtbf
    avail = spare_availability.si(rate, repair_time + restock_time, spares)
    stall = expected_stall.si(avail, repair_time, detection_time, swap_time, restart_time, replacement_fraction)
    return goodput_exponential.si(checkpoint_time, stall, interval, mtbi)
