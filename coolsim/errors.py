"""Typed errors raised by coolsim.

Every error coolsim raises derives from :class:`CoolsimError`, so a caller can
catch one type.  The subclasses also derive from the matching built-in
exception (``ValueError``, ``TypeError``, ``RuntimeError``) so that generic
handlers keep working.  Messages name the parameter, the value received and
what is allowed.
"""

from __future__ import annotations

__all__ = [
    "CoolsimError",
    "UnitError",
    "OutOfRangeError",
    "ValidityRangeError",
    "InfeasibleError",
    "ConvergenceError",
    "CaseFileError",
]


class CoolsimError(Exception):
    """Base class of every error raised by coolsim."""


class UnitError(CoolsimError, TypeError):
    """A value has the wrong dimension, no units, or a temperature where a
    temperature difference is required (or the reverse)."""


class OutOfRangeError(CoolsimError, ValueError):
    """A value is outside its physical range: NaN or infinite, negative flow,
    zero temperature difference, a coolant below its freezing point, a fluid
    outside its datasheet range."""


class ValidityRangeError(OutOfRangeError):
    """An input lies outside the range over which a correlation was fitted or
    validated (for example a Reynolds number outside Gnielinski's range)."""


class InfeasibleError(CoolsimError, ValueError):
    """The requested operation cannot be met: a setpoint that cannot be
    reached, a device over its temperature limit, critical heat flux
    exceeded, a fan that cannot overcome its system."""


class ConvergenceError(CoolsimError, RuntimeError):
    """An iterative solver did not converge to its tolerance."""


class CaseFileError(CoolsimError, ValueError):
    """A case file is malformed, misses a required key, has an unknown key or
    a value that cannot be read.  The message names the file, and where known
    the line and the key, and suggests the closest valid key."""

    def __init__(self, message: str, *, path=None, line=None, key=None):
        self.path = path
        self.line = line
        self.key = key
        where = []
        if path is not None:
            where.append(str(path))
        if line is not None:
            where.append(f"line {line}")
        if key is not None:
            where.append(f"key '{key}'")
        prefix = (", ".join(where) + ": ") if where else ""
        super().__init__(prefix + message)
