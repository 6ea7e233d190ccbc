"""Single-phase convection: dimensionless groups and Nusselt-number correlations.

Internal forced convection (cold-plate channels, CDU pipework) and natural
convection (immersion tanks, passive surfaces).  Every correlation checks its
published validity range and raises :class:`~coolsim.errors.ValidityRangeError`
naming the parameter, the value and the range; nothing is extrapolated.

Dimensionless numbers (Re, Pr, Nu, Gr, Ra, aspect ratio, friction factor) are
plain floats or float64 arrays; dimensional inputs are pint Quantities.

Two kinds used here are not (yet) in :mod:`coolsim.units` and are defined in
this module: :data:`ACCELERATION` and :data:`THERMAL_EXPANSION_COEFFICIENT`.
"""

from __future__ import annotations

import numpy as np

from .errors import UnitError, ValidityRangeError
from .units import (
    DENSITY,
    DIMENSIONLESS,
    DYNAMIC_VISCOSITY,
    HEAT_TRANSFER_COEFFICIENT,
    KINEMATIC_VISCOSITY,
    LENGTH,
    SPECIFIC_HEAT,
    TEMPERATURE_DIFFERENCE,
    THERMAL_CONDUCTIVITY,
    VELOCITY,
    quantity_io,
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

#: Acceleration (gravity) [m/s²]; local kind, candidate for ``coolsim.units``.
from .units import ACCELERATION, THERMAL_EXPANSION_COEFFICIENT  # noqa: E402  (defined in coolsim.units)
#: Volumetric thermal expansion coefficient β [1/K]; local kind.

#: Standard acceleration of gravity [m/s²] (CGPM 1901, exact).
STANDARD_GRAVITY = 9.80665

#: Fully developed laminar Nu in a circular tube, uniform wall temperature
#: (Shah & London 1978, 3.6568; Incropera 7th ed. eq. 8.55 rounds to 3.66).
NU_LAMINAR_CIRCULAR_T = 3.6568
#: Fully developed laminar Nu in a circular tube, uniform heat flux: 48/11
#: (exact; Incropera 7th ed. eq. 8.53 rounds to 4.36).
NU_LAMINAR_CIRCULAR_H = 48.0 / 11.0

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


# ---------------------------------------------------------------------------
# Internal forced convection
# ---------------------------------------------------------------------------
@quantity_io(
    returns=DIMENSIONLESS, reynolds=_POSITIVE, prandtl=_POSITIVE, length_over_diameter=_POSITIVE
)
def nusselt_dittus_boelter(reynolds, prandtl, length_over_diameter, heating=True):
    """Turbulent, fully developed Nu in a smooth tube (Dittus–Boelter form).

    Parameters
    ----------
    reynolds : float or array_like
        Reynolds number on the (hydraulic) diameter [-].
    prandtl : float or array_like
        Prandtl number at the bulk mean temperature [-].
    length_over_diameter : float or array_like
        Tube length over diameter L/D, checked against the fully developed
        requirement L/D ≥ 10 [-].
    heating : bool or array of bool, optional
        True when the fluid is heated (T_s > T_m, n = 0.4; the cold-plate
        case), False when it is cooled (n = 0.3).  Default True [-].

    Returns
    -------
    float or numpy.ndarray
        Nusselt number [-].


    Notes
    -----
    :math:`Nu_D = 0.023\\,Re_D^{4/5}\\,Pr^n`, n = 0.4 (heating) or 0.3 (cooling).
    Valid for :math:`Re_D \\ge 10^4`, :math:`0.6 \\le Pr \\le 160`,
    :math:`L/D \\ge 10`, moderate property variation; errors up to 25 % [1]_.
    The coefficient 0.023 for both cases is the form given in [1]_ (the
    original paper used 0.0243/0.0265, see [2]_).

    References
    ----------
    .. [1] Bergman, T. L. et al. *Fundamentals of Heat and Mass
       Transfer*, 7th ed., Wiley, 2011, eq. 8.60.
    .. [2] Winterton, R. H. S. "Where did the Dittus and Boelter equation
       come from?" Int. J. Heat Mass Transfer 41 (1998) 809–810.

    Examples
    --------
    >>> round(float(nusselt_dittus_boelter(1e5, 1.2, 50.0)), 2)
    247.4
    """
    heating = _check_bool("heating", heating, "True: fluid heated, n = 0.4; False: fluid cooled, n = 0.3")
    _check_validity("reynolds", reynolds, 1e4, None, "Dittus-Boelter")
    _check_validity("prandtl", prandtl, 0.6, 160.0, "Dittus-Boelter")
    _check_validity(
        "length_over_diameter", length_over_diameter, 10.0, None, "Dittus-Boelter",
        " (the flow must be fully developed)",
    )
    n = np.where(heating, 0.4, 0.3) if isinstance(heating, np.ndarray) else (0.4 if heating else 0.3)
    return 0.023 * reynolds**0.8 * prandtl**n


@quantity_io(returns=DIMENSIONLESS, reynolds=_POSITIVE)
def friction_factor_petukhov(reynolds):
    """Darcy friction factor of a smooth tube, Petukhov (1970).

    Parameters
    ----------
    reynolds : float or array_like
        Reynolds number [-].

    Returns
    -------
    float or numpy.ndarray
        Darcy (Moody) friction factor [-].


    Notes
    -----
    :math:`f = (0.790 \\ln Re_D - 1.64)^{-2}`, smooth tubes,
    :math:`3000 \\le Re_D \\le 5\\times10^6` [1]_.

    References
    ----------
    .. [1] Bergman, T. L. et al. *Fundamentals of Heat and Mass
       Transfer*, 7th ed., Wiley, 2011, eq. 8.21; after Petukhov, B. S., Adv. Heat
       Transfer 6 (1970) 503–564.

    Examples
    --------
    >>> round(float(friction_factor_petukhov(1e5)), 5)
    0.01799
    """
    _check_validity("reynolds", reynolds, 3000.0, 5e6, "the Petukhov friction factor")
    return (0.790 * np.log(reynolds) - 1.64) ** -2


_FRICTION = DIMENSIONLESS.between(0.005, 0.1)


@quantity_io(returns=DIMENSIONLESS, reynolds=_POSITIVE, prandtl=_POSITIVE)
def nusselt_gnielinski(reynolds, prandtl, friction_factor=None):
    """Turbulent and transitional fully developed Nu in a tube, Gnielinski (1976).

    Parameters
    ----------
    reynolds : float or array_like
        Reynolds number on the (hydraulic) diameter [-].
    prandtl : float or array_like
        Prandtl number at the bulk mean temperature [-].
    friction_factor : float or array_like, optional
        Darcy friction factor, 0.005–0.1 (the span of the Moody chart in the
        turbulent range); default the smooth-tube Petukhov value
        :func:`friction_factor_petukhov` [-].

    Returns
    -------
    float or numpy.ndarray
        Nusselt number [-].


    Notes
    -----
    .. math:: Nu_D = \\frac{(f/8)(Re_D - 1000)\\,Pr}
                          {1 + 12.7\\,(f/8)^{1/2}\\,(Pr^{2/3} - 1)}

    Valid for :math:`3000 \\le Re_D \\le 5\\times10^6` and
    :math:`0.5 \\le Pr \\le 2000` [1]_; rough tubes through ``friction_factor``.

    References
    ----------
    .. [1] Gnielinski, V. "New equations for heat and mass transfer in
       turbulent pipe and channel flow." Int. Chem. Eng. 16 (1976) 359–368;
       as given in Bergman, T. L. et al. *Fundamentals of Heat and Mass
       Transfer*, 7th ed., Wiley, 2011, eq. 8.62.

    Examples
    --------
    >>> round(float(nusselt_gnielinski(1e5, 1.2, 0.0185)), 2)
    254.63
    """
    _check_validity("reynolds", reynolds, 3000.0, 5e6, "Gnielinski")
    _check_validity("prandtl", prandtl, 0.5, 2000.0, "Gnielinski")
    if friction_factor is None:
        f = friction_factor_petukhov.si(reynolds)
    else:
        f = _FRICTION.check(DIMENSIONLESS.convert(friction_factor, "friction_factor"), "friction_factor")
    f8 = f / 8.0
    return f8 * (reynolds - 1000.0) * prandtl / (1.0 + 12.7 * np.sqrt(f8) * (prandtl ** (2.0 / 3.0) - 1.0))


_RECT_DOC = """Fully developed laminar Nu of a rectangular duct, {bc}.

    Parameters
    ----------
    aspect_ratio : float or array_like
        Short side over long side, 0 ≤ α* ≤ 1 (0: parallel plates) [-].

    Returns
    -------
    float or numpy.ndarray
        Nusselt number on the hydraulic diameter [-].

    Notes
    -----
    .. math:: Nu_{{{sym}}} = {c0}\\,(1 {c[0]:+}\\alpha^* {c[1]:+}\\alpha^{{*2}} {c[2]:+}\\alpha^{{*3}}
              {c[3]:+}\\alpha^{{*4}} {c[4]:+}\\alpha^{{*5}})

    Polynomial fit to the exact solutions for 0 ≤ α* ≤ 1, hydrodynamically
    and thermally fully developed laminar flow (Re ≲ 2300, long channel) [1]_,
    [2]_; α* → 0 gives the parallel-plate value {c0}.  Outside [0, 1]:
    ValidityRangeError.

    References
    ----------
    .. [1] Shah, R. K., London, A. L. *Laminar Flow Forced Convection in
       Ducts*, Adv. Heat Transfer Suppl. 1, Academic Press, 1978.
    .. [2] Shah, R. K., Bhatti, M. S. "Laminar convective heat transfer in
       ducts", in Kakaç, Shah, Aung (eds.), *Handbook of Single-Phase
       Convective Heat Transfer*, Wiley, 1987, ch. 3, eq. {eq}.

    Examples
    --------
    >>> round(float({name}({ex})), 4)
    {val}
    """

_H1 = (8.235, (-2.0421, 3.0853, -2.4765, 1.0578, -0.1861))
_T = (7.541, (-2.610, 4.970, -5.119, 2.702, -0.548))


def _rect(aspect_ratio, coeffs):
    _check_validity(
        "aspect_ratio", aspect_ratio, 0.0, 1.0, "the Shah & London rectangular-duct fit",
        " (use short side / long side; 0 is the parallel-plate limit)",
    )
    c0, (c1, c2, c3, c4, c5) = coeffs
    a = aspect_ratio
    return c0 * (1.0 + a * (c1 + a * (c2 + a * (c3 + a * (c4 + c5 * a)))))


@quantity_io(returns=DIMENSIONLESS, aspect_ratio=_NONNEG)
def nusselt_rectangular_h1(aspect_ratio):
    return _rect(aspect_ratio, _H1)


@quantity_io(returns=DIMENSIONLESS, aspect_ratio=_NONNEG)
def nusselt_rectangular_t(aspect_ratio):
    return _rect(aspect_ratio, _T)


nusselt_rectangular_h1.__doc__ = nusselt_rectangular_h1.si.__doc__ = _RECT_DOC.format(
    bc="H1 boundary condition.\n\n    H1: axially uniform heat flux, peripherally uniform wall temperature\n"
    "    (a cold-plate channel in a conductive copper base)",
    sym="H1", c0=_H1[0], c=_H1[1], eq="3.161", name="nusselt_rectangular_h1", ex="1.0", val="3.6102",
)
nusselt_rectangular_t.__doc__ = nusselt_rectangular_t.si.__doc__ = _RECT_DOC.format(
    bc="uniform wall temperature (T)", sym="T", c0=_T[0], c=_T[1], eq="3.159",
    name="nusselt_rectangular_t", ex="0.0", val="7.541",
)


@quantity_io(returns=DIMENSIONLESS)
def nusselt_laminar_circular(constant_heat_flux=True):
    """Fully developed laminar Nu of a circular tube.

    Parameters
    ----------
    constant_heat_flux : bool or array of bool, optional
        True for a uniform wall heat flux (Nu = 48/11 ≈ 4.36), False for a
        uniform wall temperature (Nu = 3.66).  Default True [-].

    Returns
    -------
    float or numpy.ndarray
        Nusselt number on the diameter [-].

    Notes
    -----
    Exact solutions for hydrodynamically and thermally fully developed
    laminar flow (Re ≲ 2300): :math:`Nu_H = 48/11`, :math:`Nu_T = 3.6568` [1]_.

    References
    ----------
    .. [1] Bergman, T. L. et al. *Fundamentals of Heat and Mass
       Transfer*, 7th ed., Wiley, 2011, eqs. 8.53 and 8.55; Shah & London (1978).

    Examples
    --------
    >>> round(nusselt_laminar_circular(True), 2), round(nusselt_laminar_circular(False), 2)
    (4.36, 3.66)
    """
    flag = _check_bool("constant_heat_flux", constant_heat_flux, "True: uniform heat flux; False: uniform wall temperature")
    if isinstance(flag, np.ndarray):
        return np.where(flag, NU_LAMINAR_CIRCULAR_H, NU_LAMINAR_CIRCULAR_T)
    return NU_LAMINAR_CIRCULAR_H if flag else NU_LAMINAR_CIRCULAR_T


# ---------------------------------------------------------------------------
# Natural convection (Churchill & Chu 1975)
# ---------------------------------------------------------------------------
def _psi(prandtl, c):
    return 1.0 + (c / prandtl) ** (9.0 / 16.0)


_CC_DOC = """Average Nu of an isothermal {body}, Churchill & Chu{form}.

    Parameters
    ----------
    rayleigh : float or array_like
        Rayleigh number on the {length} [-].
    prandtl : float or array_like
        Prandtl number at the film temperature [-].

    Returns
    -------
    float or numpy.ndarray
        Average Nusselt number on the {length} [-].

    Notes
    -----
    .. math:: {eq}

    Valid for {valid}, all Pr [1]_, [2]_; outside: ValidityRangeError.{extra}

    References
    ----------
    .. [1] Churchill, S. W., Chu, H. H. S. "Correlating equations for laminar and turbulent
       free convection from a {paper}." Int. J. Heat Mass Transfer 18 (1975) {pages},
       doi:{doi}.
    .. [2] Bergman, T. L., Lavine, A. S., Incropera, F. P., DeWitt, D. P.
       *Fundamentals of Heat and Mass Transfer*, 7th ed., Wiley, 2011, {where}.

    Examples
    --------
    >>> round(float({name}({ex})), 2)
    {val}
    """
_PLATE = dict(body="vertical plate", length="plate height", paper="vertical plate", pages="1323-1329",
              doi="10.1016/0017-9310(75)90243-4")


@quantity_io(returns=DIMENSIONLESS, rayleigh=_NONNEG, prandtl=_POSITIVE)
def nusselt_churchill_chu_vertical_plate(rayleigh, prandtl):
    _check_validity("rayleigh", rayleigh, 0.1, 1e12, "Churchill-Chu (vertical plate)")
    root = 0.825 + 0.387 * rayleigh ** (1.0 / 6.0) / _psi(prandtl, 0.492) ** (8.0 / 27.0)
    return root * root


@quantity_io(returns=DIMENSIONLESS, rayleigh=_NONNEG, prandtl=_POSITIVE)
def nusselt_churchill_chu_vertical_plate_laminar(rayleigh, prandtl):
    _check_validity("rayleigh", rayleigh, 0.0, 1e9, "Churchill-Chu laminar (vertical plate)")
    return 0.68 + 0.670 * rayleigh**0.25 / _psi(prandtl, 0.492) ** (4.0 / 9.0)


@quantity_io(returns=DIMENSIONLESS, rayleigh=_NONNEG, prandtl=_POSITIVE)
def nusselt_churchill_chu_horizontal_cylinder(rayleigh, prandtl):
    _check_validity("rayleigh", rayleigh, 1e-5, 1e12, "Churchill-Chu (horizontal cylinder)")
    root = 0.60 + 0.387 * rayleigh ** (1.0 / 6.0) / _psi(prandtl, 0.559) ** (8.0 / 27.0)
    return root * root


for _f, _kw in (
    (nusselt_churchill_chu_vertical_plate, dict(
        _PLATE, form=" (all Ra)", valid=":math:`10^{-1} \\le Ra_L \\le 10^{12}` (the span of the data in [1]_)",
        eq="\\overline{Nu}_L = \\{0.825 + 0.387\\,Ra_L^{1/6} / [1 + (0.492/Pr)^{9/16}]^{8/27}\\}^2",
        extra="\n    Laminar, transitional and turbulent; also vertical cylinders with\n"
              "    :math:`D/L \\ge 35/Gr_L^{1/4}` [2]_.",
        where="eq. 9.26 and Example 9.2", ex="0.69 * 2.63e9, 0.69", val="147.16")),
    (nusselt_churchill_chu_vertical_plate_laminar, dict(
        _PLATE, form=" (laminar form)", valid=":math:`0 \\le Ra_L \\le 10^9`",
        eq="\\overline{Nu}_L = 0.68 + 0.670\\,Ra_L^{1/4} / [1 + (0.492/Pr)^{9/16}]^{4/9}",
        extra="\n    Slightly more accurate than the all-Ra form in laminar flow [2]_.",
        where="eq. 9.27", ex="1e8, 0.7", val="52.02")),
    (nusselt_churchill_chu_horizontal_cylinder, dict(
        body="horizontal cylinder", form="", length="diameter", paper="horizontal cylinder",
        pages="1049-1053", doi="10.1016/0017-9310(75)90222-7",
        valid=":math:`10^{-5} \\le Ra_D \\le 10^{12}`",
        eq="\\overline{Nu}_D = \\{0.60 + 0.387\\,Ra_D^{1/6} / [1 + (0.559/Pr)^{9/16}]^{8/27}\\}^2",
        extra="", where="eq. 9.34", ex="0.69 * 2.63e9, 0.69", val="139.13")),
):
    _f.__doc__ = _f.si.__doc__ = _CC_DOC.format(name=_f.__name__, **_kw)
del _f, _kw
