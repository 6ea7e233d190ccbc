"""Immersion cooling: single-phase (pumped oil) and two-phase (boiling dielectric) tanks.

Both components implement the capture contract (:class:`~coolsim.capture.base.CaptureResult`)
with the server fans removed, so that IT power equals compute power:

* :class:`SinglePhaseImmersion` (kind ``immersion_single_phase``) — tank fluid heated by
  the IT load, pumped through a fluid-to-facility-water exchanger
  (:mod:`coolsim.capture.immersion_single_phase`);
* :class:`TwoPhaseImmersion` (kind ``immersion_two_phase``) — pool boiling at the fluid's
  saturation temperature, vapour condensed on facility-water coils, critical-heat-flux
  margin per GPU (:mod:`coolsim.capture.immersion_two_phase`).

Equations, validity ranges, sources and every default: ``docs/models/capture_immersion.md``.
"""

from .immersion_single_phase import SinglePhaseImmersion
from .immersion_two_phase import SECONDS_PER_YEAR, TwoPhaseImmersion

__all__ = ["SinglePhaseImmersion", "TwoPhaseImmersion", "SECONDS_PER_YEAR"]
