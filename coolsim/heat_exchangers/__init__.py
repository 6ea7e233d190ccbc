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

Submodules (everything public is re-exported here):

- :mod:`.arrangements`: the :class:`FlowArrangement` base and the closed-form
  arrangements (counterflow, plate, parallel flow, mixed crossflow);
- :mod:`.crossflow_unmixed`: crossflow with both fluids unmixed, exact series
  and closed-form approximation, and the numerical NTU inversion;
- :mod:`.ntu_method`: ε and NTU of an arrangement, rating (duty and outlet
  temperatures) and sizing (UA for a duty);
- :mod:`.lmtd_method`: log-mean temperature difference, correction factor F
  and the CDU approach temperature.

References: Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed.,
Wiley, 2011, ch. 11; Shah & Sekulić, *Fundamentals of Heat Exchanger Design*,
Wiley, 2003, ch. 3, DOI 10.1002/9780470172605.
"""

from .arrangements import (
    COUNTERFLOW,
    CROSSFLOW_CMAX_MIXED,
    CROSSFLOW_CMIN_MIXED,
    PARALLEL_FLOW,
    PLATE,
    Counterflow,
    CrossflowCmaxMixed,
    CrossflowCminMixed,
    FlowArrangement,
    ParallelFlow,
    PlateExchanger,
)
from .crossflow_unmixed import CROSSFLOW_UNMIXED, CROSSFLOW_UNMIXED_APPROX, CrossflowUnmixed
from .lmtd_method import approach_temperature, lmtd, lmtd_correction_factor
from .ntu_method import (
    capacity_rate_from_duty,
    effectiveness,
    exchanger_duty,
    ntu_from_effectiveness,
    ua_for_duty,
)

__all__ = [
    "FlowArrangement", "Counterflow", "ParallelFlow", "CrossflowUnmixed", "CrossflowCmaxMixed",
    "CrossflowCminMixed", "PlateExchanger", "COUNTERFLOW", "PARALLEL_FLOW", "CROSSFLOW_UNMIXED",
    "CROSSFLOW_UNMIXED_APPROX", "CROSSFLOW_CMAX_MIXED", "CROSSFLOW_CMIN_MIXED", "PLATE",
    "effectiveness", "ntu_from_effectiveness", "capacity_rate_from_duty", "exchanger_duty",
    "ua_for_duty",
    "lmtd", "lmtd_correction_factor", "approach_temperature",
]  # fmt: skip
