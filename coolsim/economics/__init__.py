"""Economics of cooling architectures: capex and opex per architecture, NPV,
IRR, payback and levelised cost of a retrofit, the power share of cost under
named definitions, one-at-a-time sensitivities, and the ``economics`` object
of ``coolsim compare --json``.  See ``docs/models/economics.md`` and
``docs/economics.md``.

Money is a Quantity in ``USD`` (a base dimension ``[currency]``; ``cent``
works) at the boundary; cores work in SI floats (USD, USD/J, USD/s).
"""

from .costs import *  # noqa: F401,F403
from .costs import __all__ as _costs
from .finance import *  # noqa: F401,F403
from .finance import __all__ as _finance
from .plotting import *  # noqa: F401,F403
from .plotting import __all__ as _plotting
from .retrofit import *  # noqa: F401,F403
from .retrofit import __all__ as _retrofit

__all__ = [*_finance, *_costs, *_retrofit, *_plotting]
