"""Heat-rejection plant: chillers, cooling towers, dry coolers and the
free-cooling (economizer) decision.

Every model takes site conditions (wet bulb, dry bulb) as inputs, broadcasts
over arrays (hours × configurations), and reports physically infeasible
elements with a :class:`~coolsim.feasibility.Feasibility` mask; a call with
only scalar inputs raises :class:`~coolsim.errors.InfeasibleError` instead.
See ``docs/models/rejection.md``.
"""

from .chillers import *  # noqa: F401,F403
from .chillers import __all__ as _chillers
from .dry_coolers import *  # noqa: F401,F403
from .dry_coolers import __all__ as _dry
from .economizer import *  # noqa: F401,F403
from .economizer import __all__ as _eco
from .towers import *  # noqa: F401,F403
from .towers import __all__ as _towers

__all__ = [*_chillers, *_towers, *_dry, *_eco]
