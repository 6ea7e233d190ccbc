"""Shared pieces of the heat-rejection subpackage: optional specs, water
properties, the part-load fan law and the scalar-infeasibility rule."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np

from ..errors import InfeasibleError, OutOfRangeError
from ..feasibility import Feasibility
from ..units import POWER, Kind, Spec, to_si

#: Latent heat of vaporisation of water at 30 °C [J/kg]: 2429.8 kJ/kg
#: (IAPWS-IF97 via CoolProp, checked in ``tests/test_rejection.py``).
LATENT_HEAT_WATER = 2.4298e6
#: Density of liquid water at 30 °C [kg/m³] (IAPWS-IF97 via CoolProp, 995.6).
DENSITY_WATER = 995.6
#: Specific heat of liquid water at 30 °C [J/(kg·K)] (IAPWS-IF97 via CoolProp, 4180).
CP_WATER = 4180.0
#: Specific heat of dry air near 20 °C [J/(kg·K)] (ASHRAE HoF 2017 ch. 1: 1006).
CP_AIR = 1006.0


class _OptionalKind(Kind):
    """A Kind whose ``convert`` lets ``None`` through (an absent device)."""

    def convert(self, value, name):  # noqa: D102
        return None if value is None else super().convert(value, name)


@dataclass(frozen=True)
class _OptionalSpec(Spec):
    def check(self, m, name):  # noqa: D102
        return None if m is None else super().check(m, name)


def optional(spec: Spec) -> Spec:
    """The same spec, but ``None`` passes through the boundary unchanged."""
    k = spec.kind
    kind = _OptionalKind(k.name, k.si, k.example, k.temperature)
    return _OptionalSpec(kind, spec.lo, spec.hi, spec.lo_open, spec.hi_open, spec.nonzero)


def field_si(obj, name: str, spec, *, allow_none: bool = False):
    """Convert a dataclass field to SI in ``__post_init__`` (errors name the field).

    The SI value is stored in the instance's private namespace ``obj._s``;
    the public field keeps the Quantity the user gave, so
    ``dataclasses.replace`` and case files see the original value.
    """
    ns = obj.__dict__.get("_s")
    if ns is None:
        ns = SimpleNamespace()
        object.__setattr__(obj, "_s", ns)
    value = getattr(obj, name)
    if value is None and allow_none:
        setattr(ns, name, None)
        return
    m = to_si(value, spec, name)
    setattr(ns, name, m)


def resized(sink, design_heat):
    """A copy of a tower or dry cooler sized to ``design_heat`` [W] (positive and
    finite, already checked by the caller), its other fields not re-validated."""
    new = copy.copy(sink)
    ns = SimpleNamespace(**vars(sink._s))
    ns.design_heat_rejection = design_heat
    object.__setattr__(new, "_s", ns)
    object.__setattr__(new, "design_heat_rejection", POWER.quantity(design_heat))
    return new


def fan_power_fraction(airflow_ratio, min_speed):
    """Fan power / design fan power for a variable-speed fan [-].

    Cube law (fan affinity laws, fixed system) above the minimum speed; below
    it the fan cycles at minimum speed, so the time-averaged power is the
    minimum-speed power times the on-fraction ``r / r_min``.
    """
    r = np.asarray(airflow_ratio, dtype=float)
    # r³ above the minimum speed and r_min³ (r / r_min) = r_min² r below it, as one branch-free
    # product max(r, r_min)² r (two products: a third of the time of a general power)
    out = np.maximum(r, min_speed) if min_speed > 0 else r
    out = out * out
    out *= r
    return out if out.ndim else float(out)


def check_order(lo, hi, lo_name, hi_name, what):
    """Raise OutOfRangeError where ``lo >= hi`` (naming ``lo_name``)."""
    bad = np.asarray(lo) >= np.asarray(hi)
    if np.any(bad):
        lo_b, hi_b = np.broadcast_arrays(np.asarray(lo, float), np.asarray(hi, float))
        i = np.argwhere(np.broadcast_to(bad, lo_b.shape))[0]
        raise OutOfRangeError(
            f"parameter '{lo_name}' must be below '{hi_name}' ({what}); got "
            f"{lo_b[tuple(i)]!r} K >= {hi_b[tuple(i)]!r} K at index {tuple(int(j) for j in i)}"
        )


def finish(feasibility: Feasibility, what: str, scalar: bool):
    """Scalar calls raise :class:`InfeasibleError`; array calls keep the mask."""
    if scalar and not feasibility.all:
        raise InfeasibleError(f"{what}: " + "; ".join(feasibility.reasons_anywhere()))
    return feasibility


def is_scalar(*values) -> bool:
    return all(np.ndim(v) == 0 for v in values if v is not None)


def sized_fan_power(s, r):
    """Fan power [W] of a sink with SI namespace ``s`` (``fan_power_ratio``,
    ``design_heat_rejection``, ``min_fan_speed``) at airflow ratio ``r`` [-];
    a fresh array for an array ``r`` (shared by towers and dry coolers)."""
    frac = fan_power_fraction(r, s.min_fan_speed)
    coef = s.fan_power_ratio * s.design_heat_rejection
    if isinstance(frac, np.ndarray) and frac.shape == np.broadcast_shapes(np.shape(coef), frac.shape):
        frac *= coef  # (ratio * Q_d) * fraction, in place
        return frac
    return coef * frac
