"""Flow arrangements of a two-stream exchanger and their closed-form ε-NTU relations.

Holds the :class:`FlowArrangement` base (unit-free ``effectiveness_si``,
``ntu_si``, ``max_effectiveness_si``), the closed-form arrangements
(counterflow, 1 pass – 1 pass plate, parallel flow, crossflow with the Cmax or
the Cmin stream mixed) with their instances, and the numeric helpers the other
submodules share.  The unmixed-crossflow arrangement is in
:mod:`coolsim.heat_exchangers.crossflow_unmixed`.

References: Incropera et al., *Fundamentals of Heat and Mass Transfer*, 7th ed.,
Wiley, 2011, sec. 11.4, Tables 11.3/11.4; Shah & Sekulić, *Fundamentals of Heat
Exchanger Design*, Wiley, 2003, secs. 3.3 and 3.6, DOI 10.1002/9780470172605.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import InfeasibleError, UnitError

__all__ = [
    "FlowArrangement", "Counterflow", "ParallelFlow", "CrossflowCmaxMixed", "CrossflowCminMixed",
    "PlateExchanger", "COUNTERFLOW", "PARALLEL_FLOW", "CROSSFLOW_CMAX_MIXED", "CROSSFLOW_CMIN_MIXED", "PLATE",
]  # fmt: skip


def _h(a):
    """(1 − e^(−a))/a, equal to 1 at a = 0."""
    a = np.asarray(a, dtype=np.float64)
    safe = np.where(a == 0.0, 1.0, a)
    return np.where(a == 0.0, 1.0, -np.expm1(-safe) / safe)


def _L(y):
    """ln(1 + y)/y for y > −1, equal to 1 at y = 0."""
    y = np.asarray(y, dtype=np.float64)
    safe = np.where(y == 0.0, 1.0, y)
    return np.where(y == 0.0, 1.0, np.log1p(safe) / safe)


def _out(x):
    """A Python float for a 0-d result, the float64 array otherwise."""
    x = np.asarray(x, dtype=np.float64)
    return float(x) if x.ndim == 0 else x


def _refuse(bad, error, message, *values):
    """Raise ``error`` if any ``bad``; ``message`` gets the first offending values and ``{at}``."""
    bad = np.asarray(bad)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0]) if bad.ndim else ()
        at = f" at index {idx[0] if len(idx) == 1 else idx} ({int(bad.sum())} of {bad.size} values)" if idx else ""
        raise error(message.format(*(float(np.broadcast_to(v, bad.shape)[idx]) for v in values), at=at))


def _check_arrangement(arrangement):
    if not isinstance(arrangement, FlowArrangement):
        raise UnitError(
            "parameter 'arrangement' must be a FlowArrangement such as COUNTERFLOW, PARALLEL_FLOW "
            f"or CROSSFLOW_UNMIXED (not a string); got {type(arrangement).__name__} {arrangement!r}"
        )


@dataclass(frozen=True)
class FlowArrangement:
    """A two-stream flow arrangement: its ε(NTU, Cr) relation and inverse.

    Subclasses implement ``_eps``, ``_ntu`` and ``max_effectiveness_si`` on
    broadcast float64 arrays.  ``parallel_lmtd`` says whether the LMTD of the
    arrangement is built on parallel-flow terminal differences.
    """

    name: str = "flow arrangement"
    parallel_lmtd = False

    def effectiveness_si(self, ntu, cr):
        """Effectiveness ε [-] at ``ntu`` ≥ 0 [-] and ``cr`` in [0, 1] [-] (unit-free core)."""
        ntu, cr = np.broadcast_arrays(np.asarray(ntu, np.float64), np.asarray(cr, np.float64))
        return _out(self._eps(ntu, cr))

    def max_effectiveness_si(self, cr):
        """Limit of ε as NTU → ∞ at ``cr`` [-]; 1 unless overridden."""
        return _out(np.ones_like(np.asarray(cr, np.float64)))

    def ntu_si(self, eps, cr, name="eps"):
        """NTU [-] giving effectiveness ``eps`` [-] at ``cr`` [-] (unit-free core).

        Raises :class:`~coolsim.errors.InfeasibleError` (naming ``name``) if
        ``eps`` is not below :meth:`max_effectiveness_si`.
        """
        eps, cr = np.broadcast_arrays(np.asarray(eps, np.float64), np.asarray(cr, np.float64))
        emax = self.max_effectiveness_si(cr)
        _refuse(eps >= emax, InfeasibleError,
                f"parameter '{name}' = {{0:.6g}}{{at}} cannot be reached by {self.name}: at Cr = {{2:.6g}} "
                "the effectiveness must be < {1:.6g} (its NTU → ∞ limit)", eps, emax, cr)  # fmt: skip
        return _out(self._ntu(eps, cr))


@dataclass(frozen=True)
class Counterflow(FlowArrangement):
    """Pure counterflow, ε = (1 − e^(−N(1−Cr)))/(1 − Cr e^(−N(1−Cr))); N/(1+N) at Cr = 1.

    Evaluated as ε = φ/(φ + e^(−a)), a = N(1 − Cr), φ = N(1 − e^(−a))/a,
    which is exact and continuous through Cr = 1.

    Examples
    --------
    >>> round(COUNTERFLOW.effectiveness_si(5.0, 0.7), 5), round(COUNTERFLOW.ntu_si(0.5, 1.0), 9)
    (0.92067, 1.0)
    """

    name: str = "counterflow"

    def _eps(self, ntu, cr):
        a = ntu * (1.0 - cr)
        phi = ntu * _h(a)
        return phi / (phi + np.exp(-a))

    def _ntu(self, eps, cr):
        b = eps / (1.0 - eps)  # N = ln((1 − ε Cr)/(1 − ε))/(1 − Cr) = b·L(b(1 − Cr))
        return b * _L(b * (1.0 - cr))


@dataclass(frozen=True)
class PlateExchanger(Counterflow):
    """Plate exchanger, 1 pass – 1 pass, counterflow ports: modelled as pure counterflow.

    With many thermal plates the end-plate effect is negligible and the pack
    behaves as pure counterflow (Shah & Sekulić 2003, sec. 3.6, plate
    heat exchangers).  Multi-pass plate arrangements are not modelled.
    """

    name: str = "plate exchanger (1 pass - 1 pass, counterflow)"


@dataclass(frozen=True)
class ParallelFlow(FlowArrangement):
    """Pure parallel flow, ε = (1 − e^(−N(1+Cr)))/(1 + Cr); ε_max = 1/(1 + Cr)."""

    name: str = "parallel flow"
    parallel_lmtd = True

    def _eps(self, ntu, cr):
        return -np.expm1(-ntu * (1.0 + cr)) / (1.0 + cr)

    def max_effectiveness_si(self, cr):
        return _out(1.0 / (1.0 + np.asarray(cr, np.float64)))

    def _ntu(self, eps, cr):
        return -np.log1p(-eps * (1.0 + cr)) / (1.0 + cr)


@dataclass(frozen=True)
class CrossflowCmaxMixed(FlowArrangement):
    """Crossflow, Cmax mixed, Cmin unmixed: ε = (1 − e^(−Cr(1 − e^(−N))))/Cr; ε_max = (1 − e^(−Cr))/Cr."""

    name: str = "crossflow, Cmax mixed, Cmin unmixed"

    def _eps(self, ntu, cr):
        u = -np.expm1(-ntu)
        return u * _h(cr * u)

    def max_effectiveness_si(self, cr):
        return _out(_h(cr))

    def _ntu(self, eps, cr):
        return -np.log1p(-eps * _L(-eps * cr))  # inner term = −ln(1 − ε Cr)/Cr


@dataclass(frozen=True)
class CrossflowCminMixed(FlowArrangement):
    """Crossflow, Cmin mixed, Cmax unmixed: ε = 1 − exp(−(1 − e^(−Cr N))/Cr); ε_max = 1 − e^(−1/Cr)."""

    name: str = "crossflow, Cmin mixed, Cmax unmixed"

    def _eps(self, ntu, cr):
        return -np.expm1(-ntu * _h(cr * ntu))

    def max_effectiveness_si(self, cr):
        cr = np.asarray(cr, np.float64)
        big = cr > 1e-3  # below, e^(−1/Cr) < e^(−1000) = 0 in float64: ε_max is exactly 1
        return _out(np.where(big, -np.expm1(-1.0 / np.where(big, cr, 1.0)), 1.0))

    def _ntu(self, eps, cr):
        v = -np.log1p(-eps)
        return v * _L(-cr * v)  # = −ln(1 − Cr v)/Cr


COUNTERFLOW = Counterflow()
PARALLEL_FLOW = ParallelFlow()
CROSSFLOW_CMAX_MIXED = CrossflowCmaxMixed()
CROSSFLOW_CMIN_MIXED = CrossflowCminMixed()
PLATE = PlateExchanger()
