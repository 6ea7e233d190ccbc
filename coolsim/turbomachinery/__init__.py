"""Machine curves, operating points, affinity laws and power for fans and pumps.

What fans (:mod:`coolsim.fans`) and pumps (:mod:`coolsim.pumps`) share lives
here: one frozen curve type, :class:`TurboCurve`, holding SI polynomial
coefficients of the pressure rise and of the efficiency; the intersection of
that curve, at any speed ratio, with a system curve
:math:`\\Delta p_{sys} = \\Delta p_{st} + k\\,Q^n`; and the affinity laws.
The power chain (fluid, shaft and electrical power) is in :mod:`coolsim.pumps`.

Speed enters through the affinity laws (similar operating points, same
impeller): with speed ratio :math:`s = N/N_{rated}` and
:math:`q = Q/s`, the curve at speed :math:`s` is

.. math:: \\Delta p(Q, s) = s^2\\,P(Q/s), \\qquad \\eta(Q, s) = E(Q/s),

where :math:`P(q) = \\sum_i a_i q^i` and :math:`E(q) = \\sum_i e_i q^i` are the
rated-speed polynomials.  The operating-point solver therefore works in
:math:`q`, where the stable branch of the curve, :math:`[q_{peak}, q_{free}]`,
does not depend on speed.

Array policy: :func:`operating_point` raises :class:`~coolsim.errors.InfeasibleError`
if the machine cannot drive any one of the systems given (a primitive raises);
:func:`operating_point_with_mask` returns ``NaN`` flow and pressure together
with a boolean ``feasible`` mask that says which systems the machine cannot
drive (reason: the system needs more than the curve's peak pressure at that
speed — for a curve that falls from shut-off, the static pressure is at or
above the shut-off pressure).

Submodules (everything public is re-exported here):

- :mod:`.curves`: :class:`TurboCurve` (construction and checks) and the
  pressure rise and efficiency at a flow and speed ratio;
- :mod:`.operating_points`: intersection with a system curve, raising or with
  a feasibility mask, and its solver;
- :mod:`.affinity`: the affinity (fan) laws and the speed ratio for a target flow.

References: ASHRAE Handbook—HVAC Systems and Equipment (2020), ch. 21 "Fans"
and ch. 44 "Centrifugal pumps".
"""

from __future__ import annotations

from . import curves as _curves
from ..units import PRESSURE_PER_FLOW, PRESSURE_PER_FLOW_SQUARED  # kinds defined in coolsim.units
from .affinity import affinity_laws, speed_ratio_for_flow
from .curves import TurboCurve, efficiency, pressure_rise
from .operating_points import operating_point, operating_point_with_mask

__all__ = [
    "TurboCurve",
    "PRESSURE_PER_FLOW",
    "PRESSURE_PER_FLOW_SQUARED",
    "pressure_rise",
    "efficiency",
    "operating_point",
    "operating_point_with_mask",
    "affinity_laws",
    "speed_ratio_for_flow",
]

# Private helpers that coolsim.pumps imports from this package (not part of __all__).
_EFF, _SPEED, _fit_curve = _curves._EFF, _curves._SPEED, _curves._fit_curve
