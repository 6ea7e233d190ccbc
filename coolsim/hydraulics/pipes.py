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
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..errors import ConvergenceError, ValidityRangeError
from ..units import (
    DENSITY,
    DIMENSIONLESS,
    DYNAMIC_VISCOSITY,
    LENGTH,
    PRESSURE,
    VELOCITY,
    VOLUMETRIC_FLOW,
    Q_,
    quantity_io,
    to_si,
)

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

#: Upper Reynolds number of laminar pipe flow [-] (usual engineering value,
#: Cengel & Cimbala 2006, sec. 8-2).  2300–4000 is transitional: the turbulent
#: correlations are used there, giving the larger (conservative) f.
RE_LAMINAR_MAX = 2300.0
#: Upper Reynolds number of the turbulent correlations [-] (Moody 1944 chart edge).
RE_MAX = 1.0e8
#: Largest relative roughness ε/D accepted [-] (Moody 1944 chart edge).
RELATIVE_ROUGHNESS_MAX = 0.05
#: Roughness implied by Crane TP-410's fully turbulent friction factors f_T:
#: clean commercial steel, 0.0018 in = 45.72 µm [m].
CRANE_ROUGHNESS = 0.0018 * 0.0254

# Equivalent lengths L/D, K = (L/D)·f_T (Crane TP-410, 1988, pp. ), fully open.
LD_ELBOW_90_STANDARD = 30.0  #: standard (threaded) 90° elbow
LD_ELBOW_45_STANDARD = 16.0  #: standard (threaded) 45° elbow
LD_BEND_90_R1_5D = 14.0  #: 90° pipe bend or butt-welded elbow, r/D = 1.5
LD_RETURN_BEND_CLOSE = 50.0  #: close-pattern 180° return bend
LD_TEE_THROUGH_RUN = 20.0  #: standard tee, flow through run
LD_TEE_THROUGH_BRANCH = 60.0  #: standard tee, flow through branch
LD_GATE_VALVE = 8.0  #: gate valve
LD_BALL_VALVE_FULL_PORT = 3.0  #: full-port ball valve
LD_GLOBE_VALVE = 340.0  #: globe valve
LD_SWING_CHECK_VALVE = 100.0  #: conventional swing check valve
# Size-independent loss coefficients (Crane TP-410, 1988, p. A-29).
K_ENTRANCE_SHARP = 0.5  #: flush, sharp-edged entrance from a vessel
K_ENTRANCE_PROJECTING = 0.78  #: inward-projecting pipe entrance
K_EXIT = 1.0  #: pipe exit into a vessel (all kinetic energy lost)

_LN10 = math.log(10.0)
_TOL = 1e-12
_MAXITER = 50


def _out(x):
    """Return a 0-d result as float, arrays unchanged."""
    return float(x) if np.ndim(x) == 0 else x


def _require(name, what, value, lo, hi, model, *, lo_open=False, hi_open=False):
    """Raise ValidityRangeError naming ``name`` if any ``value`` is outside [lo, hi]."""
    v = np.asarray(value, dtype=float)
    bad = ((v <= lo) if lo_open else (v < lo)) | ((v >= hi) if hi_open else (v > hi)) | ~np.isfinite(v)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        first = v[idx] if idx else float(v)
        at = f" at index {idx if len(idx) > 1 else idx[0]} ({int(bad.sum())} of {v.size} values)" if idx else ""
        raise ValidityRangeError(
            f"parameter '{name}' ({what}) = {first:.6g}{at} is outside the validity range of {model}: "
            f"{'>' if lo_open else '>='} {lo:g} and {'<' if hi_open else '<='} {hi:g}. "
            "coolsim does not extrapolate."
        )


def _check_rr(name, rr, model):
    # 1e-12 relative slack so that ε/D computed as 5 mm / 100 mm is not refused for round-off.
    _require(name, "relative roughness ε/D", rr, 0.0, RELATIVE_ROUGHNESS_MAX * (1 + 1e-12), model)


def _core(turbulent):
    """The SI core of a turbulent correlation given as wrapper, core or None (Colebrook)."""
    return getattr(turbulent, "si", turbulent) or friction_factor_colebrook.si


# ---------------------------------------------------------------------------
# Kinematics and geometry
# ---------------------------------------------------------------------------
@quantity_io(returns=VELOCITY, flow=VOLUMETRIC_FLOW.nonnegative(), diameter=LENGTH.positive())
def flow_velocity(flow, diameter):
    """Mean velocity of a volumetric flow in a circular pipe.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric flow, >= 0 [m³/s].
    diameter : pint.Quantity
        Inner diameter, > 0 [m].

    Returns
    -------
    pint.Quantity
        Mean (bulk) velocity [m/s].

    Notes
    -----
    Continuity, :math:`v = 4Q/(\\pi D^2)`; exact in any flow regime.

    References
    ----------
    .. [1] Y. A. Cengel, J. M. Cimbala, *Fluid Mechanics: Fundamentals and Applications*,
       1st ed., McGraw-Hill, 2006, Example 8-3.

    Examples
    --------
    >>> round(float(flow_velocity(Q_(0.2, "ft**3/s"), Q_(2, "inch")).to("ft/s").m), 2)
    9.17
    """
    return 4.0 * flow / (math.pi * diameter**2)


@quantity_io(returns=LENGTH, width=LENGTH.positive(), height=LENGTH.positive())
def hydraulic_diameter_rectangular(width, height):
    """Hydraulic diameter of a rectangular channel.

    Parameters
    ----------
    width : pint.Quantity
        Channel width, > 0 [m].
    height : pint.Quantity
        Channel height, > 0 [m].

    Returns
    -------
    pint.Quantity
        Hydraulic diameter 4A/P [m].

    Notes
    -----
    :math:`D_h = 4wh/(2(w+h)) = 2wh/(w+h)`: the side of a square, twice the gap
    of a wide slot.  With :math:`D_h` the turbulent friction factors hold within
    about ±15 %; laminar flow in a rectangle needs the aspect-ratio-dependent
    :math:`f\\,Re` of Shah & London, not 64/Re.

    References
    ----------
    .. [1] F. M. White, *Fluid Mechanics*, 7th ed., McGraw-Hill, 2011, sec. 6.8.

    Examples
    --------
    >>> hydraulic_diameter_rectangular(Q_(1, "mm"), Q_(3, "mm")).to("mm")
    <Quantity(1.5, 'millimeter')>
    """
    return 2.0 * width * height / (width + height)


_FLUID = {"density": DENSITY.positive(), "viscosity": DYNAMIC_VISCOSITY.positive()}


@quantity_io(velocity=VELOCITY.nonnegative(), diameter=LENGTH.positive(), **_FLUID)
def reynolds_number(velocity, diameter, density, viscosity):
    """Reynolds number of a duct flow, :math:`Re = \\rho v D/\\mu`.

    Parameters
    ----------
    velocity : pint.Quantity
        Mean velocity, >= 0 [m/s].
    diameter : pint.Quantity
        Inner or hydraulic diameter, > 0 [m].
    density : pint.Quantity
        Fluid density, > 0 [kg/m³].
    viscosity : pint.Quantity
        Dynamic viscosity, > 0 [Pa·s].

    Returns
    -------
    float or numpy.ndarray
        Reynolds number [-].

    Notes
    -----
    Definition, :math:`Re = \\rho v D/\\mu`; no validity limit.

    References
    ----------
    .. [1] Y. A. Cengel, J. M. Cimbala, *Fluid Mechanics*, 1st ed., McGraw-Hill, 2006, eq. 8-3.

    Examples
    --------
    >>> round(reynolds_number(Q_(1, "m/s"), Q_(25, "mm"), Q_(997, "kg/m**3"), Q_(0.89, "mPa*s")))
    28006
    """
    return density * velocity * diameter / viscosity


@quantity_io(flow=VOLUMETRIC_FLOW.nonnegative(), diameter=LENGTH.positive(), **_FLUID)
def reynolds_number_from_flow(flow, diameter, density, viscosity):
    """Reynolds number of a volumetric flow in a circular pipe.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric flow, >= 0 [m³/s].
    diameter : pint.Quantity
        Inner diameter of the circular pipe, > 0 [m].
    density : pint.Quantity
        Fluid density, > 0 [kg/m³].
    viscosity : pint.Quantity
        Dynamic viscosity, > 0 [Pa·s].

    Returns
    -------
    float or numpy.ndarray
        Reynolds number [-].

    Notes
    -----
    :math:`Re = 4\\rho Q/(\\pi D\\mu)`, circular section only; for other shapes
    use :func:`reynolds_number` with the real velocity and hydraulic diameter.

    References
    ----------
    .. [1] Y. A. Cengel, J. M. Cimbala, *Fluid Mechanics*, 1st ed., McGraw-Hill, 2006, Example 8-3.

    Examples
    --------
    >>> rho, mu = Q_(62.36, "lb/ft**3"), Q_(7.536e-4, "lb/(ft*s)")
    >>> round(reynolds_number_from_flow(Q_(0.2, "ft**3/s"), Q_(2, "inch"), rho, mu), -2)
    126400.0
    """
    return 4.0 * density * flow / (math.pi * diameter * viscosity)


# ---------------------------------------------------------------------------
# Darcy friction factor
# ---------------------------------------------------------------------------
_RE_RR = {"re": DIMENSIONLESS.positive(), "relative_roughness": DIMENSIONLESS.nonnegative()}


@quantity_io(re=DIMENSIONLESS.positive())
def friction_factor_laminar(re):
    """Darcy friction factor of fully developed laminar flow, :math:`f = 64/Re`.

    Parameters
    ----------
    re : float or array_like
        Reynolds number, 0 < Re < 2300 [-].

    Returns
    -------
    float or numpy.ndarray
        Darcy friction factor [-].

    Notes
    -----
    Hagen–Poiseuille, exact for fully developed laminar flow in a circular pipe
    and independent of roughness; valid for Re < ``RE_LAMINAR_MAX`` (2300),
    otherwise ValidityRangeError.

    References
    ----------
    .. [1] F. M. White, *Fluid Mechanics*, 7th ed., McGraw-Hill, 2011, eq. 6.49.

    Examples
    --------
    >>> friction_factor_laminar(1000.0)
    0.064
    """
    _require("re", "Reynolds number", re, 0.0, RE_LAMINAR_MAX, "laminar 64/Re", lo_open=True, hi_open=True)
    return 64.0 / re


@quantity_io(**_RE_RR)
def friction_factor_colebrook(re, relative_roughness):
    """Darcy friction factor of turbulent pipe flow, Colebrook–White equation.

    Parameters
    ----------
    re : float or array_like
        Reynolds number, 2300 <= Re <= 1e8 [-].
    relative_roughness : float or array_like
        Relative roughness ε/D, 0 … 0.05 [-].

    Returns
    -------
    float or numpy.ndarray
        Darcy friction factor [-].

    Notes
    -----
    .. math:: 1/\\sqrt f = -2\\log_{10}\\left(\\frac{\\varepsilon/D}{3.7} + \\frac{2.51}{Re\\sqrt f}\\right)

    Solved for :math:`x = 1/\\sqrt f` by Newton's method on all elements at once,
    from the Swamee–Jain (1976) estimate; 3–5 steps reach a relative step of
    1e-12 (else ConvergenceError).  Valid for turbulent flow to the Moody chart's
    edge, Re ≤ 1e8 and ε/D ≤ 0.05 (else ValidityRangeError); in the transitional
    band 2300 ≤ Re < 4000 it is an upper estimate.

    References
    ----------
    .. [1] C. F. Colebrook, "Turbulent flow in pipes, with particular reference to the
       transition region between the smooth and rough pipe laws", *J. Inst. Civil Eng.*
       11 (1939) 133–156, https://doi.org/10.1680/ijoti.1939.13150.
    .. [2] P. K. Swamee, A. K. Jain, "Explicit equations for pipe-flow problems",
       *J. Hydraul. Div. ASCE* 102 (1976) 657–664.

    Examples
    --------
    >>> round(friction_factor_colebrook(1e5, 1e-4), 9)
    0.018513866
    """
    re = np.asarray(re, dtype=float)
    rr = np.asarray(relative_roughness, dtype=float)
    _require("re", "Reynolds number", re, RE_LAMINAR_MAX, RE_MAX, "Colebrook–White")
    _check_rr("relative_roughness", rr, "Colebrook–White")
    a = rr / 3.7
    b = 2.51 / re
    x = -2.0 * np.log10(a + 5.74 / re**0.9)  # Swamee–Jain, within ~1 % of the root
    active = np.ones(x.shape, dtype=bool)  # converged elements are frozen: array == scalars
    for _ in range(_MAXITER):
        arg = a + b * x
        step = (x + 2.0 * np.log10(arg)) / (1.0 + 2.0 * b / (_LN10 * arg))
        x = np.where(active, x - step, x)
        active &= np.abs(step) > _TOL * x
        if not active.any():
            return _out(1.0 / (x * x))
    raise ConvergenceError(
        f"friction_factor_colebrook: Newton iteration did not reach a relative step of {_TOL:g} "
        f"in {_MAXITER} iterations (largest relative step {float(np.max(np.abs(step / x))):.3g})"
    )


@quantity_io(**_RE_RR)
def friction_factor_churchill(re, relative_roughness):
    """Darcy friction factor for all flow regimes, Churchill (1977).

    Parameters
    ----------
    re : float or array_like
        Reynolds number, 0 < Re <= 1e8 [-].
    relative_roughness : float or array_like
        Relative roughness ε/D, 0 … 0.05 [-].

    Returns
    -------
    float or numpy.ndarray
        Darcy friction factor [-].

    Notes
    -----
    .. math:: f = 8\\left[(8/Re)^{12} + (A+B)^{-3/2}\\right]^{1/12},\\;
              A = \\left[2.457\\ln\\frac{1}{(7/Re)^{0.9} + 0.27\\,\\varepsilon/D}\\right]^{16},\\;
              B = (37530/Re)^{16}

    Explicit and continuous across laminar, transitional and turbulent flow:
    64/Re when laminar; within 3.1 % of Colebrook for 4e3 ≤ Re ≤ 1e8 (2 % above 1e4).
    Through the transition f rises with Re, up to Re ≈ 3100 (smooth) … 4600 (ε/D 0.05).  Evaluated
    in logarithms so no term overflows.  Re ≤ 1e8 and ε/D ≤ 0.05, else
    ValidityRangeError.

    References
    ----------
    .. [1] S. W. Churchill, "Friction-factor equation spans all fluid-flow regimes",
       *Chemical Engineering* 84(24) (1977) 91–92.

    Examples
    --------
    >>> round(friction_factor_churchill(1e5, 1e-4), 7)
    0.0184626
    """
    re = np.asarray(re, dtype=float)
    rr = np.asarray(relative_roughness, dtype=float)
    _require("re", "Reynolds number", re, 0.0, RE_MAX, "Churchill (1977)", lo_open=True)
    _check_rr("relative_roughness", rr, "Churchill (1977)")
    with np.errstate(divide="ignore"):  # the ln term is 0 near Re ≈ 7: log A = -inf is harmless
        log_a = 16.0 * np.log(np.abs(2.457 * np.log(1.0 / ((7.0 / re) ** 0.9 + 0.27 * rr))))
    log_b = 16.0 * np.log(37530.0 / re)
    log_sum = np.logaddexp(12.0 * np.log(8.0 / re), -1.5 * np.logaddexp(log_a, log_b))
    return _out(8.0 * np.exp(log_sum / 12.0))


def _fully_rough(rr):
    """Fully rough (Re → ∞) limit of Colebrook, the f_T of Crane TP-410."""
    return 0.25 / np.log10(rr / 3.7) ** 2


@quantity_io(**_RE_RR)
def darcy_friction_factor(re, relative_roughness, turbulent=None):
    """Darcy friction factor, laminar or turbulent according to the Reynolds number.

    Parameters
    ----------
    re : float or array_like
        Reynolds number, 0 < Re <= 1e8 [-].
    relative_roughness : float or array_like
        Relative roughness ε/D, 0 … 0.05 [-].
    turbulent : callable, optional
        Turbulent correlation of ``(re, relative_roughness)``:
        :func:`friction_factor_colebrook` (default) or :func:`friction_factor_churchill`,
        wrapper or ``.si`` core [-].

    Returns
    -------
    float or numpy.ndarray
        Darcy friction factor [-].

    Notes
    -----
    Element-wise and explicit: :math:`f = 64/Re` where Re < ``RE_LAMINAR_MAX``
    (2300), the turbulent correlation where 2300 ≤ Re ≤ 1e8.  f jumps upward at
    2300, conservative for pressure drop in the transitional band.

    References
    ----------
    .. [1] L. F. Moody, "Friction factors for pipe flow", *Trans. ASME* 66 (1944) 671–684.

    Examples
    --------
    >>> darcy_friction_factor([1000.0, 1e5], 1e-4).round(6)
    array([0.064   , 0.018514])
    """
    re, rr = np.broadcast_arrays(np.asarray(re, dtype=float), np.asarray(relative_roughness, dtype=float))
    _check_rr("relative_roughness", rr, "darcy_friction_factor")
    _require("re", "Reynolds number", re, 0.0, RE_MAX, "darcy_friction_factor", lo_open=True)
    lam = re < RE_LAMINAR_MAX
    out = np.empty(re.shape)
    out[lam] = 64.0 / re[lam]
    if not lam.all():
        out[~lam] = _core(turbulent)(re[~lam], rr[~lam])
    return _out(out)


# ---------------------------------------------------------------------------
# Pressure drop
# ---------------------------------------------------------------------------
@quantity_io(returns=PRESSURE, k=DIMENSIONLESS.nonnegative(), density=DENSITY.positive(),
             velocity=VELOCITY.nonnegative())
def minor_loss_pressure_drop(k, density, velocity):
    """Pressure drop of a fitting, valve or component with loss coefficient K.

    Parameters
    ----------
    k : float or array_like
        Loss coefficient, >= 0, e.g. ``K_EXIT`` or from :func:`fitting_k_crane` [-].
    density : pint.Quantity
        Fluid density, > 0 [kg/m³].
    velocity : pint.Quantity
        Mean velocity in the pipe K refers to, >= 0 [m/s].

    Returns
    -------
    pint.Quantity
        Pressure drop [Pa].

    Notes
    -----
    :math:`\\Delta p = K\\,\\rho v^2/2`; K is constant in turbulent flow
    (Re ≳ 1e4); at low Re the real K rises (Hooper's 2-K method).

    References
    ----------
    .. [1] Crane Co., *Flow of Fluids Through Valves, Fittings, and Pipe*, Technical Paper
       No. 410, 1988, eq. 2-4.

    Examples
    --------
    >>> minor_loss_pressure_drop(K_EXIT, Q_(1000, "kg/m**3"), Q_(2, "m/s"))
    <Quantity(2000.0, 'pascal')>
    """
    return k * 0.5 * density * velocity**2


@quantity_io(l_over_d=DIMENSIONLESS.nonnegative(), diameter=LENGTH.positive(), roughness=LENGTH.positive())
def fitting_k_crane(l_over_d, diameter, roughness=CRANE_ROUGHNESS):
    """Loss coefficient of a fitting from its Crane equivalent length, K = (L/D)·f_T.

    Parameters
    ----------
    l_over_d : float or array_like
        Equivalent length in diameters, e.g. ``LD_ELBOW_90_STANDARD`` [-].
    diameter : pint.Quantity
        Inner diameter of the connecting pipe, > 0 [m].
    roughness : pint.Quantity, optional
        Roughness setting f_T; default ``CRANE_ROUGHNESS`` = 0.0018 in (45.72 µm),
        clean commercial steel as implied by Crane's f_T table [m].

    Returns
    -------
    float or numpy.ndarray
        Loss coefficient K [-].

    Notes
    -----
    :math:`f_T` is Colebrook's fully rough limit,
    :math:`1/\\sqrt{f_T} = -2\\log_{10}(\\varepsilon/(3.7D))`, which gives
    Crane's tabulated f_T within about ±2 % for ½–24 in pipe.  Needs
    ε/D ≤ 0.05 (else ValidityRangeError, e.g. for tubes under 1 mm).

    References
    ----------
    .. [1] Crane Co., *Flow of Fluids Through Valves, Fittings, and Pipe*, Technical Paper
       No. 410, 1988, pp. A-26 to A-29.

    Examples
    --------
    >>> round(fitting_k_crane(LD_ELBOW_90_STANDARD, Q_(2.067, "inch")), 2)  # 2-in sch. 40
    0.57
    """
    rr = roughness / diameter
    _check_rr("diameter", rr, "fitting_k_crane (as roughness/diameter)")
    return _out(l_over_d * _fully_rough(rr))


def _pipe_dp(flow, diameter, length, density, viscosity, roughness, turbulent):
    """SI pressure drop and velocity of a straight pipe, broadcast over all inputs."""
    flow, diameter, length, density, viscosity, roughness = np.broadcast_arrays(
        *(np.asarray(a, dtype=float) for a in (flow, diameter, length, density, viscosity, roughness)))
    rr = roughness / diameter
    _check_rr("roughness", rr, "the pipe friction correlations (as roughness/diameter)")
    v = 4.0 * flow / (math.pi * diameter**2)
    re = density * v * diameter / viscosity
    _require("flow", "Reynolds number ρvD/μ", re, 0.0, RE_MAX, "the pipe friction correlations")
    lam = re < RE_LAMINAR_MAX
    dp = np.empty(re.shape)
    # Hagen–Poiseuille 32 μ L v / D²: the same as 64/Re, and exactly 0 at zero flow.
    dp[lam] = 32.0 * viscosity[lam] * length[lam] * v[lam] / diameter[lam] ** 2
    t = ~lam
    if t.any():
        dp[t] = _core(turbulent)(re[t], rr[t]) * length[t] / diameter[t] * 0.5 * density[t] * v[t] ** 2
    return dp, v


@quantity_io(returns=PRESSURE, flow=VOLUMETRIC_FLOW.nonnegative(), diameter=LENGTH.positive(),
             length=LENGTH.nonnegative(), roughness=LENGTH.nonnegative(), **_FLUID)
def pipe_pressure_drop(flow, diameter, length, density, viscosity, roughness=0.0, turbulent=None):
    """Frictional pressure drop of a straight circular pipe at a given flow.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric flow, >= 0 [m³/s].
    diameter : pint.Quantity
        Inner diameter, > 0 [m].
    length : pint.Quantity
        Pipe length, >= 0 [m].
    density : pint.Quantity
        Fluid density, > 0 [kg/m³].
    viscosity : pint.Quantity
        Dynamic viscosity, > 0 [Pa·s].
    roughness : pint.Quantity, optional
        Wall roughness ε with ε/D ≤ 0.05; default 0 (hydraulically smooth: an
        assumption suited to drawn copper, stainless and plastic tube) [m].
    turbulent : callable, optional
        Turbulent correlation (default :func:`friction_factor_colebrook`) [-].

    Returns
    -------
    pint.Quantity
        Pressure drop [Pa].

    Notes
    -----
    :math:`\\Delta p = f\\,(L/D)\\,\\rho v^2/2` with :func:`darcy_friction_factor`'s
    rule: Hagen–Poiseuille :math:`32\\mu L v/D^2` for Re < 2300 (zero flow gives
    zero drop), the turbulent correlation for 2300 ≤ Re ≤ 1e8 (else
    ValidityRangeError naming ``flow``).  Fully developed, incompressible,
    isothermal flow; no entrance effects.

    References
    ----------
    .. [1] Y. A. Cengel, J. M. Cimbala, *Fluid Mechanics*, 1st ed., McGraw-Hill, 2006, Example 8-3.

    Examples
    --------
    >>> dp = pipe_pressure_drop(Q_(0.2, "ft**3/s"), Q_(2, "inch"), Q_(200, "ft"), Q_(62.36, "lb/ft**3"),
    ...                         Q_(7.536e-4, "lb/(ft*s)"), Q_(7e-6, "ft"))
    >>> round(float(dp.to("psi").m), 1)
    11.8
    """
    return _out(_pipe_dp(flow, diameter, length, density, viscosity, roughness, turbulent)[0])


_SEGMENT = {"length": LENGTH.nonnegative(), "diameter": LENGTH.positive(),
            "roughness": LENGTH.nonnegative(), "k_minor": DIMENSIONLESS.nonnegative()}


@dataclass(frozen=True)
class PipeSegment:
    """One straight run of a loop plus the fittings in it (checked on construction).

    Parameters
    ----------
    length : pint.Quantity
        Straight length, >= 0 [m].
    diameter : pint.Quantity
        Inner diameter, > 0 [m].
    roughness : pint.Quantity, optional
        Wall roughness; default 0 m (smooth, assumption) [m].
    k_minor : float, optional
        Sum of the loss coefficients of the segment's fittings at its own velocity,
        e.g. ``4 * fitting_k_crane(LD_ELBOW_90_STANDARD, d) + K_EXIT`` [-].

    Attributes
    ----------
    si : tuple of float
        ``(length, diameter, roughness, k_minor)`` in SI units.
    """

    length: object
    diameter: object
    roughness: object = Q_(0.0, "m")
    k_minor: float = 0.0
    si: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "si", tuple(to_si(getattr(self, k), s, k) for k, s in _SEGMENT.items()))


@quantity_io(returns=PRESSURE, flow=VOLUMETRIC_FLOW.nonnegative(), **_FLUID)
def loop_pressure_drop(flow, segments, density, viscosity, turbulent=None):
    """Pressure drop of a loop made of pipe segments in series.

    Parameters
    ----------
    flow : pint.Quantity
        Volumetric flow through every segment, >= 0 [m³/s].
    segments : sequence of PipeSegment
        The segments with length, diameter, roughness and fittings [-].
    density : pint.Quantity
        Fluid density, > 0 [kg/m³].
    viscosity : pint.Quantity
        Dynamic viscosity, > 0 [Pa·s].
    turbulent : callable, optional
        Turbulent correlation (default :func:`friction_factor_colebrook`) [-].

    Returns
    -------
    pint.Quantity
        Total pressure drop, shaped like ``flow`` [Pa].

    Notes
    -----
    :math:`\\Delta p = \\sum_i [\\Delta p_{pipe,i} + K_i\\,\\rho v_i^2/2]` with each
    segment's own velocity; friction model and validity as in
    :func:`pipe_pressure_drop`.

    References
    ----------
    .. [1] Crane Co., *Flow of Fluids Through Valves, Fittings, and Pipe*, Technical Paper
       No. 410, 1988, ch. 2.

    Examples
    --------
    >>> d = Q_(25, "mm")
    >>> loop = [PipeSegment(Q_(10, "m"), d, k_minor=4 * fitting_k_crane(LD_ELBOW_90_STANDARD, d)),
    ...         PipeSegment(Q_(2, "m"), Q_(15, "mm"), k_minor=K_EXIT)]
    >>> dp = loop_pressure_drop(Q_(20, "L/min"), loop, Q_(997, "kg/m**3"), Q_(0.89, "mPa*s"))
    >>> round(float(dp.to("kPa").m), 2)
    10.3
    """
    total = np.zeros(np.shape(flow))
    for seg in segments:
        length, diameter, roughness, k_minor = seg.si
        dp, v = _pipe_dp(flow, diameter, length, density, viscosity, roughness, turbulent)
        total = total + dp + k_minor * 0.5 * density * v**2
    return _out(total)
