"""coolsim: unit-aware heat-transfer and cooling physics for GPU data centres."""

from .errors import (
    CaseFileError,
    ConvergenceError,
    CoolsimError,
    InfeasibleError,
    OutOfRangeError,
    UnitError,
    ValidityRangeError,
)
from .units import Q_, ureg

__version__ = "0.1.0"

__all__ = [
    "Q_",
    "ureg",
    "CoolsimError",
    "UnitError",
    "OutOfRangeError",
    "ValidityRangeError",
    "InfeasibleError",
    "ConvergenceError",
    "CaseFileError",
    "__version__",
]
