"""Checkpointing of a synchronous training job: optimum intervals and goodput.

A job loses, per interruption, the work since its last checkpoint plus the time
to get going again, and each checkpoint costs time.  This module gives the
optimum compute time between checkpoints (Young's first-order and Daly's
higher-order estimates) and the fraction of wall time doing useful work
("goodput", effective training time ratio) to first order and exactly for
exponential failures.

References
----------
.. [1] J. W. Young, "A first order approximation to the optimum checkpoint
   interval", Commun. ACM 17(9) (1974) 530–531, doi:10.1145/361147.361115.
.. [2] J. T. Daly, "A higher order estimate of the optimum checkpoint interval
   for restart dumps", Future Gener. Comput. Syst. 22(3) (2006) 303–312,
   doi:10.1016/j.future.2004.11.016.
"""

from __future__ import annotations

import numpy as np

from coolsim.errors import ValidityRangeError
from coolsim.units import TIME, quantity_io

__all__ = [
    "checkpoint_interval_young",
    "checkpoint_interval_daly",
    "goodput_first_order",
    "goodput_exponential",
]


def _out(x):
    """Plain float for a scalar result, float64 array otherwise."""
    x = np.asarray(x, dtype=np.float64)
    return float(x) if x.ndim == 0 else x


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
