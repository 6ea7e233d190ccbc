"""Validity-range and flag checks shared by the convection correlations (private).

Every correlation in :mod:`coolsim.convection` refuses inputs outside its
published range with :class:`~coolsim.errors.ValidityRangeError` naming the
parameter, the value and the range; boolean switches are checked here too.
"""

from __future__ import annotations

import numpy as np

from ..errors import UnitError, ValidityRangeError
from ..units import DIMENSIONLESS

_POSITIVE = DIMENSIONLESS.positive()
_NONNEG = DIMENSIONLESS.nonnegative()


def _check_validity(name, value, lo, hi, correlation, hint=""):
    """Raise ValidityRangeError if any element of ``value`` is outside [lo, hi]."""
    bad = np.zeros(np.shape(value), dtype=bool)
    if lo is not None:
        bad |= np.less(value, lo)
    if hi is not None:
        bad |= np.greater(value, hi)
    if not np.any(bad):
        return
    if np.ndim(value) == 0:
        got = f"{float(value)!r}"
    else:
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        where = idx if len(idx) > 1 else idx[0]
        got = f"{float(value[idx])!r} at index {where} ({int(bad.sum())} of {np.size(value)} values)"
    lo_s = "-inf" if lo is None else f"{lo:g}"
    hi_s = "inf" if hi is None else f"{hi:g}"
    raise ValidityRangeError(
        f"parameter '{name}' is outside the validity range of {correlation}: "
        f"allowed {lo_s} <= {name} <= {hi_s}; got {got}{hint}. "
        "coolsim does not extrapolate correlations."
    )


def _check_bool(name, value, meaning):
    """Accept a bool or an array of bools; return it as bool or bool array."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, np.ndarray) and value.dtype == bool:
        return value
    raise UnitError(f"parameter '{name}' must be True or False ({meaning}); got {value!r}")
