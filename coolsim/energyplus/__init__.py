"""EnergyPlus side by side: the ITE:AirCooled equations in coolsim, an EnergyPlus input written from a
coolsim case, running EnergyPlus (optional extra ``coolsim[energyplus]``) and the comparison."""

from .ite import *  # noqa: F401,F403
from .ite import __all__ as _ite

__all__ = [*_ite]
