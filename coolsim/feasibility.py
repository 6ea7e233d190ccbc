"""Feasibility masks with reasons.

Array computations (hours × configurations) do not raise when some elements
are physically infeasible — a supply temperature a dry cooler cannot reach on
a hot afternoon, a GPU over its limit at one flow rate.  They return a
:class:`Feasibility`: a boolean mask (``True`` where feasible) plus, for each
reason, the mask of the elements it applies to.  Nothing is clamped: the
numbers at infeasible elements are what the physics gives, flagged.

Examples
--------
>>> import numpy as np
>>> f = Feasibility.check(np.array([30.0, 50.0]) <= 45.0, "GPU case above 45 degC")
>>> g = f & Feasibility.check(np.array([True, True]), "never shown")
>>> g.feasible.tolist(), g.reasons_anywhere()
([True, False], ['GPU case above 45 degC'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["Feasibility"]


@dataclass(frozen=True)
class Feasibility:
    """Where a result is feasible, and why not elsewhere.

    Attributes
    ----------
    feasible : numpy.ndarray of bool
        ``True`` where every condition holds (broadcast shape of the result).
    reasons : tuple of (str, numpy.ndarray of bool)
        Each reason with the mask of the elements where it applies.
    """

    feasible: np.ndarray
    reasons: tuple = field(default=())

    @classmethod
    def ok(cls, shape=()) -> "Feasibility":
        """Everything feasible, for results of the given shape."""
        return cls(np.ones(shape, dtype=bool), ())

    @classmethod
    def check(cls, condition, reason: str) -> "Feasibility":
        """Feasible where ``condition`` holds; ``reason`` explains the rest."""
        cond = np.asarray(condition, dtype=bool)
        bad = ~cond
        return cls(cond, ((reason, bad),) if bad.any() else ())

    def __and__(self, other: "Feasibility") -> "Feasibility":
        return Feasibility(np.logical_and(self.feasible, other.feasible), self.reasons + other.reasons)

    @property
    def all(self) -> bool:
        """``True`` when every element is feasible."""
        return bool(np.all(self.feasible))

    def reasons_anywhere(self) -> list[str]:
        """The reasons that apply to at least one element, in order, once each."""
        seen = []
        for reason, mask in self.reasons:
            if np.any(mask) and reason not in seen:
                seen.append(reason)
        return seen

    def reasons_at(self, index) -> list[str]:
        """The reasons that apply at one element (an index into the result)."""
        out = []
        for reason, mask in self.reasons:
            m = np.broadcast_to(mask, np.shape(self.feasible))
            if m[index] and reason not in out:
                out.append(reason)
        return out

    def count(self) -> int:
        """Number of infeasible elements."""
        return int(np.size(self.feasible) - np.count_nonzero(self.feasible))
