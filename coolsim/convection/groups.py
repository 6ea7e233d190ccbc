"""Dimensionless groups of convection: Re, Pr, Gr, Ra, Nu and h = Nu·k/L.

Definitions only (no validity range).  The two kinds used by :func:`grashof`,
:data:`ACCELERATION` and :data:`THERMAL_EXPANSION_COEFFICIENT`, come from
:mod:`coolsim.units` and are re-exported by :mod:`coolsim.convection`.
"""

from __future__ import annotations

from ..units import (
    ACCELERATION,
    DENSITY,
    DIMENSIONLESS,
    DYNAMIC_VISCOSITY,
    HEAT_TRANSFER_COEFFICIENT,
    KINEMATIC_VISCOSITY,
    LENGTH,
    SPECIFIC_HEAT,
    TEMPERATURE_DIFFERENCE,
    THERMAL_CONDUCTIVITY,
    THERMAL_EXPANSION_COEFFICIENT,
    VELOCITY,
    quantity_io,
)
from ._validity import _NONNEG, _POSITIVE

__all__ = [
    "ACCELERATION", "THERMAL_EXPANSION_COEFFICIENT", "STANDARD_GRAVITY",
    "reynolds", "prandtl", "grashof", "rayleigh", "nusselt_number", "heat_transfer_coefficient",
]

#: Standard acceleration of gravity [m/s²] (CGPM 1901, exact).
STANDARD_GRAVITY = 9.80665


# ---------------------------------------------------------------------------
# Dimensionless groups (definitions: no validity range)
# ---------------------------------------------------------------------------
_REF_INCROPERA = """.. [1] Bergman, T. L., Lavine, A. S., Incropera, F. P., DeWitt, D. P.
       *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, {where}."""


@quantity_io(returns=DIMENSIONLESS, density=DENSITY.positive(), velocity=VELOCITY.nonnegative(),
             length=LENGTH.positive(), dynamic_viscosity=DYNAMIC_VISCOSITY.positive())
def reynolds(density, velocity, length, dynamic_viscosity):
    """Reynolds number.

    Parameters
    ----------
    density : pint.Quantity
        Fluid density [kg/m³].
    velocity : pint.Quantity
        Mean (bulk) velocity [m/s].
    length : pint.Quantity
        Characteristic length, the hydraulic diameter 4A/P for ducts [m].
    dynamic_viscosity : pint.Quantity
        Dynamic viscosity [Pa·s].

    Returns
    -------
    float or numpy.ndarray
        :math:`Re = \\rho V L / \\mu` [-].

    Notes
    -----
    Definition, :math:`Re = \\rho V L / \\mu`; no validity range.

    References
    ----------
    {ref}

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(reynolds(Q_(997, "kg/m**3"), Q_(1, "m/s"), Q_(10, "mm"), Q_(0.89, "mPa*s")))
    11202
    """
    return density * velocity * length / dynamic_viscosity


@quantity_io(returns=DIMENSIONLESS, specific_heat=SPECIFIC_HEAT.positive(),
             dynamic_viscosity=DYNAMIC_VISCOSITY.positive(), thermal_conductivity=THERMAL_CONDUCTIVITY.positive())
def prandtl(specific_heat, dynamic_viscosity, thermal_conductivity):
    """Prandtl number.

    Parameters
    ----------
    specific_heat : pint.Quantity
        Specific heat at constant pressure [J/(kg·K)].
    dynamic_viscosity : pint.Quantity
        Dynamic viscosity [Pa·s].
    thermal_conductivity : pint.Quantity
        Thermal conductivity [W/(m·K)].

    Returns
    -------
    float or numpy.ndarray
        :math:`Pr = c_p \\mu / k` [-].

    Notes
    -----
    Definition, :math:`Pr = c_p \\mu / k`; no validity range.

    References
    ----------
    {ref}

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(prandtl(Q_(4.18, "kJ/(kg*K)"), Q_(0.89, "mPa*s"), Q_(0.607, "W/(m*K)")), 3)
    6.129
    """
    return specific_heat * dynamic_viscosity / thermal_conductivity


@quantity_io(returns=DIMENSIONLESS, expansion_coefficient=THERMAL_EXPANSION_COEFFICIENT.positive(),
             delta_t=TEMPERATURE_DIFFERENCE.nonnegative(), length=LENGTH.positive(),
             kinematic_viscosity=KINEMATIC_VISCOSITY.positive(), gravity=ACCELERATION.positive())
def grashof(expansion_coefficient, delta_t, length, kinematic_viscosity, gravity=STANDARD_GRAVITY):
    """Grashof number.

    Parameters
    ----------
    expansion_coefficient : pint.Quantity
        Volumetric thermal expansion coefficient β; 1/T for an ideal gas [1/K].
    delta_t : pint.Quantity
        Magnitude of the surface-to-fluid temperature difference :math:`|T_s - T_\\infty|` [K].
    length : pint.Quantity
        Characteristic length (plate height, cylinder diameter) [m].
    kinematic_viscosity : pint.Quantity
        Kinematic viscosity ν [m²/s].
    gravity : pint.Quantity, optional
        Acceleration of gravity; default standard gravity 9.80665 m/s² [m/s²].

    Returns
    -------
    float or numpy.ndarray
        :math:`Gr = g \\beta \\Delta T L^3 / \\nu^2` [-].

    Notes
    -----
    Definition, :math:`Gr = g \\beta \\Delta T L^3 / \\nu^2`; no validity range.

    References
    ----------
    {ref}

    Examples
    --------
    >>> from coolsim import Q_
    >>> f"{{grashof(Q_(1/300, '1/K'), Q_(10, 'K'), Q_(0.5, 'm'), Q_(1.589e-5, 'm**2/s')):.4g}}"
    '1.618e+08'
    """
    return gravity * expansion_coefficient * delta_t * length**3 / kinematic_viscosity**2


@quantity_io(returns=DIMENSIONLESS, grashof=_NONNEG, prandtl=_POSITIVE)
def rayleigh(grashof, prandtl):
    """Rayleigh number.

    Parameters
    ----------
    grashof : float or array_like
        Grashof number, see :func:`grashof` [-].
    prandtl : float or array_like
        Prandtl number [-].

    Returns
    -------
    float or numpy.ndarray
        :math:`Ra = Gr\\,Pr = g \\beta \\Delta T L^3 / (\\nu \\alpha)` [-].

    Notes
    -----
    Definition, :math:`Ra = Gr\\,Pr`; no validity range.

    References
    ----------
    {ref}

    Examples
    --------
    >>> f"{{rayleigh(2.63e9, 0.69):.5g}}"
    '1.8147e+09'
    """
    return grashof * prandtl


@quantity_io(returns=DIMENSIONLESS, heat_transfer_coefficient=HEAT_TRANSFER_COEFFICIENT.nonnegative(),
             length=LENGTH.positive(), thermal_conductivity=THERMAL_CONDUCTIVITY.positive())
def nusselt_number(heat_transfer_coefficient, length, thermal_conductivity):
    """Nusselt number from a heat transfer coefficient (inverse of :func:`heat_transfer_coefficient`).

    Parameters
    ----------
    heat_transfer_coefficient : pint.Quantity
        Convective heat transfer coefficient [W/(m²·K)].
    length : pint.Quantity
        Characteristic length (hydraulic diameter, height, diameter) [m].
    thermal_conductivity : pint.Quantity
        Fluid thermal conductivity [W/(m·K)].

    Returns
    -------
    float or numpy.ndarray
        :math:`Nu = h L / k` [-].

    Notes
    -----
    Definition, :math:`Nu = h L / k`; no validity range.

    References
    ----------
    {ref}

    Examples
    --------
    >>> from coolsim import Q_
    >>> round(nusselt_number(Q_(2200, "W/(m**2*K)"), Q_(1, "mm"), Q_(0.6, "W/(m*K)")), 4)
    3.6667
    """
    return heat_transfer_coefficient * length / thermal_conductivity


@quantity_io(returns=HEAT_TRANSFER_COEFFICIENT, nusselt=_NONNEG,
             thermal_conductivity=THERMAL_CONDUCTIVITY.positive(), length=LENGTH.positive())
def heat_transfer_coefficient(nusselt, thermal_conductivity, length):
    """Heat transfer coefficient from a Nusselt number.

    Parameters
    ----------
    nusselt : float or array_like
        Nusselt number based on ``length`` [-].
    thermal_conductivity : pint.Quantity
        Fluid thermal conductivity [W/(m·K)].
    length : pint.Quantity
        The length the Nusselt number is based on (hydraulic diameter for ducts) [m].

    Returns
    -------
    pint.Quantity
        :math:`h = Nu\\,k / D_h` [W/(m²·K)].

    Notes
    -----
    Definition of the Nusselt number, :math:`h = Nu\\,k/L`; no validity range.

    References
    ----------
    {ref}

    Examples
    --------
    >>> from coolsim import Q_
    >>> heat_transfer_coefficient(4.36, Q_(0.6, "W/(m*K)"), Q_(1, "mm"))
    <Quantity(2616.0, 'watt / meter ** 2 / kelvin')>
    """
    return nusselt * thermal_conductivity / length


for _f, _where in ((reynolds, "eq. 8.1"), (prandtl, "eq. 6.42"), (grashof, "eq. 9.12"),
                   (rayleigh, "eq. 9.25"), (nusselt_number, "eq. 6.50"), (heat_transfer_coefficient, "eq. 6.50")):
    _f.__doc__ = _f.si.__doc__ = _f.__doc__.format(ref=_REF_INCROPERA.format(where=_where))
del _f, _where
