"""Pipe hydraulics: Reynolds number, Darcy friction factor, pressure drop of
pipes and fittings (re-exported by :mod:`coolsim.hydraulics`).

Conventions: flows are volumetric [m³/s] and non-negative (reverse flow is not
modelled); the friction factor is the **Darcy** (Moody) factor, four times the
Fanning factor; branch arrays (parallel or series elements) lie along the
**last axis** and every other axis broadcasts against the flow.

Regime limits are documented constants: laminar for ``Re < RE_LAMINAR_MAX``
(2300); turbulent correlations from 2300 to ``RE_MAX`` (1e8, the Moody chart's
edge); relative roughness in [0, ``RELATIVE_ROUGHNESS_MAX``] (0.05, also the
chart's edge).  Outside them functions raise
:class:`~coolsim.errors.ValidityRangeError`; nothing is extrapolated.

This module gathers its sibling modules, where the models live:

- :mod:`.kinematics` — mean velocity, hydraulic diameter, Reynolds number;
- :mod:`.friction` — regime limits and the Darcy friction factor (laminar,
  Colebrook–White, Churchill, the regime switch);
- :mod:`.fittings` — Crane equivalent lengths and loss coefficients, minor losses;
- :mod:`.pressure_drop` — straight pipes and loops of segments in series.
"""

from __future__ import annotations

from . import fittings, friction, kinematics, pressure_drop
from .fittings import (
    CRANE_ROUGHNESS,
    K_ENTRANCE_PROJECTING,
    K_ENTRANCE_SHARP,
    K_EXIT,
    LD_BALL_VALVE_FULL_PORT,
    LD_BEND_90_R1_5D,
    LD_ELBOW_45_STANDARD,
    LD_ELBOW_90_STANDARD,
    LD_GATE_VALVE,
    LD_GLOBE_VALVE,
    LD_RETURN_BEND_CLOSE,
    LD_SWING_CHECK_VALVE,
    LD_TEE_THROUGH_BRANCH,
    LD_TEE_THROUGH_RUN,
    fitting_k_crane,
    minor_loss_pressure_drop,
)
from .friction import (
    RE_LAMINAR_MAX,
    RE_MAX,
    RELATIVE_ROUGHNESS_MAX,
    darcy_friction_factor,
    friction_factor_churchill,
    friction_factor_colebrook,
    friction_factor_laminar,
)
from .kinematics import flow_velocity, hydraulic_diameter_rectangular, reynolds_number, reynolds_number_from_flow
from .pressure_drop import PipeSegment, loop_pressure_drop, pipe_pressure_drop

__all__ = [
    "RE_LAMINAR_MAX", "RE_MAX", "RELATIVE_ROUGHNESS_MAX", "CRANE_ROUGHNESS",
    "LD_ELBOW_90_STANDARD", "LD_ELBOW_45_STANDARD", "LD_BEND_90_R1_5D", "LD_RETURN_BEND_CLOSE",
    "LD_TEE_THROUGH_RUN", "LD_TEE_THROUGH_BRANCH", "LD_GATE_VALVE", "LD_BALL_VALVE_FULL_PORT",
    "LD_GLOBE_VALVE", "LD_SWING_CHECK_VALVE", "K_ENTRANCE_SHARP", "K_ENTRANCE_PROJECTING", "K_EXIT",
    "flow_velocity", "hydraulic_diameter_rectangular", "reynolds_number", "reynolds_number_from_flow",
    "friction_factor_laminar", "friction_factor_colebrook", "friction_factor_churchill",
    "darcy_friction_factor", "minor_loss_pressure_drop",
    "fitting_k_crane", "pipe_pressure_drop", "PipeSegment", "loop_pressure_drop",
]

# Private names of the former single module, kept importable from this path (read-only
# copies: the Colebrook solver reads its settings from coolsim.hydraulics.friction).
_LN10 = friction._LN10
_TOL = friction._TOL
_MAXITER = friction._MAXITER
_out = friction._out
_require = friction._require
_check_rr = friction._check_rr
_core = friction._core
_RE_RR = friction._RE_RR
_FLUID = kinematics._FLUID
_fully_rough = fittings._fully_rough
_pipe_dp = pressure_drop._pipe_dp
_SEGMENT = pressure_drop._SEGMENT
