"""Economic settings of a case: prices, unit costs, discount rate, horizon, baseline."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import OutOfRangeError
from ..units import DIMENSIONLESS, TIME, to_si
from .costs import Prices, UnitCosts
from .finance import DEFAULT_DISCOUNT_RATE, DEFAULT_HORIZON

__all__ = ["EconomicsSettings"]


@dataclass(frozen=True)
class EconomicsSettings:
    """What a case sets for its economics (the ``[economics]`` table of a case file).

    Parameters
    ----------
    prices : Prices
        Electricity, water, labour and fluid prices (defaults and sources in
        :class:`~coolsim.economics.prices.Prices`).  The GPU-hour price is set
        once, in the case's ``[maintenance]`` table, and used for both the
        downtime and the economics.
    unit_costs : UnitCosts
        Capital cost per unit of equipment (defaults and sources in
        :class:`~coolsim.economics.prices.UnitCosts`).
    discount_rate : float
        Real discount rate per year; default 0.08 (assumption, see
        :mod:`coolsim.economics.finance`) [-].
    horizon : pint.Quantity
        Evaluation horizon; default 6 years, the server depreciation life [s].
    baseline : str
        Name of the baseline architecture; default ``""``: the first in the case.
    mode : str
        ``"retrofit"`` (the baseline's plant exists; alternatives pay only what
        they add) or ``"greenfield"`` (everything is new).
    """

    prices: Prices = field(default_factory=Prices)
    unit_costs: UnitCosts = field(default_factory=UnitCosts)
    discount_rate: float = DEFAULT_DISCOUNT_RATE
    horizon: object = field(default_factory=lambda: DEFAULT_HORIZON)
    baseline: str = ""
    mode: str = "retrofit"

    def __post_init__(self):
        to_si(self.discount_rate, DIMENSIONLESS.spec(-1.0, None, lo_open=True), "discount_rate")
        to_si(self.horizon, TIME.positive(), "horizon")
        if self.mode not in ("retrofit", "greenfield"):
            raise OutOfRangeError(f"parameter 'mode' must be 'retrofit' or 'greenfield'; got {self.mode!r}")
