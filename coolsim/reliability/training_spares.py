"""Hot spares for a synchronous training job: spare availability, stall per interruption, goodput.

A pool of hot spares turns a node repair — whose length depends on the cooling
architecture through its service access time — into a short stall.  Nodes in
the repair pipeline are Poisson (Palm's theorem), which gives the probability
that a spare is ready; that sets the expected stall per interruption, which
enters the exponential-failure goodput as the restart time.

Service access times by architecture (module constants, all assumptions):
``SERVICE_ACCESS_TIME_AIR`` 5 min (hot-swap sled pulled from the front),
``SERVICE_ACCESS_TIME_COLD_PLATE`` 15 min (dripless quick disconnects undone, server
pulled) and ``SERVICE_ACCESS_TIME_IMMERSION`` 1 h (lift the server out of the tank
and let it drain, as stated by a GPU-cloud operator in an interview; no published
drain time was found).  A node repair time is the access time plus the hands-on fix (a user input).

References
----------
.. [1] C. C. Sherbrooke, *Optimal Inventory Modeling of Systems: Multi-Echelon
   Techniques*, 2nd ed., Kluwer, 2004, ch. 2 (Palm's theorem: units in repair
   are Poisson with mean demand rate × turnaround time).
.. [2] J. T. Daly, "A higher order estimate of the optimum checkpoint interval
   for restart dumps", Future Gener. Comput. Syst. 22(3) (2006) 303–312,
   doi:10.1016/j.future.2004.11.016.
"""

from __future__ import annotations

import numpy as np
from scipy.special import gammaincc
from scipy.stats import poisson

from coolsim.errors import OutOfRangeError
from coolsim.units import DIMENSIONLESS, FRACTION, FREQUENCY, TIME, Q_, quantity_io

from .training_checkpoints import _out, goodput_exponential
from .training_interruptions import _NODES

__all__ = [
    "SERVICE_ACCESS_TIME_AIR",
    "SERVICE_ACCESS_TIME_COLD_PLATE",
    "SERVICE_ACCESS_TIME_IMMERSION",
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

_COUNT = DIMENSIONLESS.nonnegative()
_TARGET = DIMENSIONLESS.spec(0.0, 1.0, hi_open=True)


def _check_integer(x, name):
    bad = np.asarray(x) != np.floor(x)
    if np.any(bad):
        first = np.atleast_1d(x)[np.atleast_1d(bad)][0]
        raise OutOfRangeError(f"parameter '{name}' must be a whole number (a count); got {first!r}")


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
