"""Pipe and loop hydraulics: Reynolds number, Darcy friction factor, pressure
drop of pipes and fittings (:mod:`.pipes`), and series/parallel loop networks
with system curves (:mod:`.networks`).

Conventions: flows are volumetric [m³/s] and non-negative (reverse flow is not
modelled); the friction factor is the **Darcy** (Moody) factor, four times the
Fanning factor; branch arrays (parallel or series elements) lie along the
**last axis** and every other axis broadcasts against the flow.

Regime limits are documented constants: laminar for ``Re < RE_LAMINAR_MAX``
(2300); turbulent correlations from 2300 to ``RE_MAX`` (1e8, the Moody chart's
edge); relative roughness in [0, ``RELATIVE_ROUGHNESS_MAX``] (0.05, also the
chart's edge).  Outside them functions raise
:class:`~coolsim.errors.ValidityRangeError`; nothing is extrapolated.
"""

from .networks import *  # noqa: F401,F403
from .networks import __all__ as _networks
from .pipes import *  # noqa: F401,F403
from .pipes import __all__ as _pipes

__all__ = [*_pipes, *_networks]
