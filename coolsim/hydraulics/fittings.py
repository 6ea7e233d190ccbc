"""Fittings and minor losses: Crane TP-410 equivalent lengths and loss
coefficients, K = (L/D)·f_T, and Δp = K·ρv²/2 (re-exported by
:mod:`coolsim.hydraulics`).
"""

from __future__ import annotations

import numpy as np

from ..units import DENSITY, DIMENSIONLESS, LENGTH, PRESSURE, VELOCITY, quantity_io
from .friction import _check_rr, _out

__all__ = [
    "CRANE_ROUGHNESS",
    "LD_ELBOW_90_STANDARD", "LD_ELBOW_45_STANDARD", "LD_BEND_90_R1_5D", "LD_RETURN_BEND_CLOSE",
    "LD_TEE_THROUGH_RUN", "LD_TEE_THROUGH_BRANCH", "LD_GATE_VALVE", "LD_BALL_VALVE_FULL_PORT",
    "LD_GLOBE_VALVE", "LD_SWING_CHECK_VALVE", "K_ENTRANCE_SHARP", "K_ENTRANCE_PROJECTING", "K_EXIT",
    "minor_loss_pressure_drop", "fitting_k_crane",
]

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


def _fully_rough(rr):
    """Fully rough (Re → ∞) limit of Colebrook, the f_T of Crane TP-410."""
    return 0.25 / np.log10(rr / 3.7) ** 2


# ---------------------------------------------------------------------------
# Minor losses
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
    >>> from coolsim import Q_
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
    >>> from coolsim import Q_
    >>> round(fitting_k_crane(LD_ELBOW_90_STANDARD, Q_(2.067, "inch")), 2)  # 2-in sch. 40
    0.57
    """
    rr = roughness / diameter
    _check_rr("diameter", rr, "fitting_k_crane (as roughness/diameter)")
    return _out(l_over_d * _fully_rough(rr))
