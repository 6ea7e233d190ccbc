"""Kinematics and geometry of duct flow: mean velocity, hydraulic diameter and
Reynolds number (re-exported by :mod:`coolsim.hydraulics`).

Definitions only (no validity range); flows are volumetric [m³/s] and
non-negative.
"""

from __future__ import annotations

import math

from ..units import DENSITY, DYNAMIC_VISCOSITY, LENGTH, VELOCITY, VOLUMETRIC_FLOW, quantity_io

__all__ = ["flow_velocity", "hydraulic_diameter_rectangular", "reynolds_number", "reynolds_number_from_flow"]


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
    >>> from coolsim import Q_
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
    >>> from coolsim import Q_
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
    >>> from coolsim import Q_
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
    >>> from coolsim import Q_
    >>> rho, mu = Q_(62.36, "lb/ft**3"), Q_(7.536e-4, "lb/(ft*s)")
    >>> round(reynolds_number_from_flow(Q_(0.2, "ft**3/s"), Q_(2, "inch"), rho, mu), -2)
    126400.0
    """
    return 4.0 * density * flow / (math.pi * diameter * viscosity)
