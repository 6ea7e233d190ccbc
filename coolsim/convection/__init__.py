"""Single-phase convection: dimensionless groups and Nusselt-number correlations.

Internal forced convection (cold-plate channels, CDU pipework) and natural
convection (immersion tanks, passive surfaces).  Every correlation checks its
published validity range and raises :class:`~coolsim.errors.ValidityRangeError`
naming the parameter, the value and the range; nothing is extrapolated.

Dimensionless numbers (Re, Pr, Nu, Gr, Ra, aspect ratio, friction factor) are
plain floats or float64 arrays; dimensional inputs are pint Quantities.

Submodules, all re-exported here:

- :mod:`.groups` — Re, Pr, Gr, Ra, Nu, h = Nu·k/L and standard gravity;
- :mod:`.internal` — Dittus–Boelter, Petukhov friction factor, Gnielinski,
  laminar circular tube and Shah & London rectangular channels;
- :mod:`.natural` — Churchill & Chu vertical plate and horizontal cylinder.

The kinds :data:`ACCELERATION` and :data:`THERMAL_EXPANSION_COEFFICIENT` are
defined in :mod:`coolsim.units` and re-exported here.
"""

from __future__ import annotations

from . import _validity, groups, internal, natural
from .groups import (
    ACCELERATION,
    STANDARD_GRAVITY,
    THERMAL_EXPANSION_COEFFICIENT,
    grashof,
    heat_transfer_coefficient,
    nusselt_number,
    prandtl,
    rayleigh,
    reynolds,
)
from .internal import (
    NU_LAMINAR_CIRCULAR_H,
    NU_LAMINAR_CIRCULAR_T,
    friction_factor_petukhov,
    nusselt_dittus_boelter,
    nusselt_gnielinski,
    nusselt_laminar_circular,
    nusselt_rectangular_h1,
    nusselt_rectangular_t,
)
from .natural import (
    nusselt_churchill_chu_horizontal_cylinder,
    nusselt_churchill_chu_vertical_plate,
    nusselt_churchill_chu_vertical_plate_laminar,
)

__all__ = [
    "ACCELERATION", "THERMAL_EXPANSION_COEFFICIENT", "STANDARD_GRAVITY",
    "NU_LAMINAR_CIRCULAR_T", "NU_LAMINAR_CIRCULAR_H",
    "reynolds", "prandtl", "grashof", "rayleigh", "nusselt_number", "heat_transfer_coefficient",
    "nusselt_dittus_boelter", "friction_factor_petukhov", "nusselt_gnielinski",
    "nusselt_rectangular_h1", "nusselt_rectangular_t", "nusselt_laminar_circular",
    "nusselt_churchill_chu_vertical_plate", "nusselt_churchill_chu_vertical_plate_laminar",
    "nusselt_churchill_chu_horizontal_cylinder",
]

# Private names of the former single module, kept importable from this path.
_POSITIVE = _validity._POSITIVE
_NONNEG = _validity._NONNEG
_check_validity = _validity._check_validity
_check_bool = _validity._check_bool
_REF_INCROPERA = groups._REF_INCROPERA
_FRICTION = internal._FRICTION
_RECT_DOC = internal._RECT_DOC
_H1 = internal._H1
_T = internal._T
_rect = internal._rect
_psi = natural._psi
_CC_DOC = natural._CC_DOC
_PLATE = natural._PLATE
