"""Interruptions of a synchronous training job: job rate, MTBI and per-node MTBF from a record.

A synchronous data-parallel job needs all of its ``N`` nodes, so with
independent, exponentially distributed node failures of rate :math:`\\lambda`
the job is interrupted at rate :math:`N\\lambda` and its mean time between
interruptions is :math:`\\mathrm{MTBF}_{node}/N`.  Read backwards, a job's
interruption record gives the per-node figure (the Llama 3 pre-training run:
2,048 hosts, 419 unexpected interruptions in 54 days, 6,334.6 h per host).

References
----------
.. [1] A. Grattafiori (Dubey) et al., "The Llama 3 Herd of Models",
   arXiv:2407.21783, 2024, §3.3.4 and Table 5.
"""

from __future__ import annotations

from coolsim.units import DIMENSIONLESS, FREQUENCY, TIME, quantity_io

__all__ = [
    "job_interruption_rate",
    "job_mtbi",
    "node_mtbf_from_observation",
]

_NODES = DIMENSIONLESS.spec(1.0, None)


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
