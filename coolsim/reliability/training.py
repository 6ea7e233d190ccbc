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

The models live in domain modules beside this one and are re-exported here:
:mod:`~coolsim.reliability.training_interruptions` (job interruption rate, MTBI,
per-node MTBF from a record), :mod:`~coolsim.reliability.training_checkpoints`
(checkpoint intervals and goodput) and :mod:`~coolsim.reliability.training_spares`
(service access times, hot-spare availability, stall and goodput with spares).

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

from . import training_checkpoints as _checkpoints
from . import training_interruptions as _interruptions
from . import training_spares as _spares
from .training_checkpoints import (
    checkpoint_interval_daly,
    checkpoint_interval_young,
    goodput_exponential,
    goodput_first_order,
)
from .training_interruptions import job_interruption_rate, job_mtbi, node_mtbf_from_observation
from .training_spares import (
    SERVICE_ACCESS_TIME_AIR,
    SERVICE_ACCESS_TIME_COLD_PLATE,
    SERVICE_ACCESS_TIME_IMMERSION,
    expected_stall,
    goodput_with_spares,
    spare_availability,
    spares_for_availability,
)

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

# Helpers and defaults importable from this path before the split.
_DETECTION_TIME = _spares._DETECTION_TIME
_SWAP_TIME = _spares._SWAP_TIME
_RESTART_TIME = _spares._RESTART_TIME
_NODES = _interruptions._NODES
_COUNT = _spares._COUNT
_TARGET = _spares._TARGET
_out = _checkpoints._out
_check_integer = _spares._check_integer
_GOODPUT_SPECS = _checkpoints._GOODPUT_SPECS
