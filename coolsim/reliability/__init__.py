"""Reliability and service: failure models (the published Llama 3
interruption table as default data, exponential and Weibull lifetimes,
Arrhenius temperature acceleration, cooling-plant redundancy), repair
workflows per cooling architecture, analytic availability and spares, and a
vectorised fleet Monte Carlo, synchronous training-job goodput with
checkpointing and spares, and cooling ride-through transients. See
``docs/models/reliability.md`` and ``docs/models/reliability_training.md``.
"""

from .availability import *  # noqa: F401,F403
from .availability import __all__ as _availability
from .failures import *  # noqa: F401,F403
from .failures import __all__ as _failures
from .fleet import *  # noqa: F401,F403
from .fleet import __all__ as _fleet
from .repair import *  # noqa: F401,F403
from .repair import __all__ as _repair
from .ride_through import *  # noqa: F401,F403
from .ride_through import __all__ as _ride_through
from .training import *  # noqa: F401,F403
from .training import __all__ as _training

__all__ = [*_failures, *_repair, *_availability, *_fleet, *_training, *_ride_through]
