"""Pool boiling: critical heat flux (Zuber), nucleate boiling (Rohsenow), CHF margin.

For two-phase immersion cooling: how close a device's heat flux is to the
critical heat flux (CHF) of the dielectric bath, and the wall superheat the
boiling surface runs at below CHF.

Fluid properties are passed in as Quantities (surface tension, latent heat,
densities, viscosity ...), evaluated at saturation by the caller, so this
module needs no property library.  All functions broadcast over arrays.
"""

from __future__ import annotations

import math

import numpy as np

from .convection import ACCELERATION, STANDARD_GRAVITY
from .errors import OutOfRangeError, ValidityRangeError
from .units import (
    AREA,
    DENSITY,
    DIMENSIONLESS,
    DYNAMIC_VISCOSITY,
    HEAT_FLUX,
    POWER,
    SPECIFIC_ENTHALPY,
    SPECIFIC_HEAT,
    SURFACE_TENSION,
    TEMPERATURE_DIFFERENCE,
    THERMAL_CONDUCTIVITY,
    quantity_io,
)

__all__ = [
    "ZUBER_K",
    "LIENHARD_DHIR_K",
    "critical_heat_flux_zuber",
    "rohsenow_heat_flux",
    "rohsenow_wall_superheat",
    "chf_margin",
]

#: Zuber's (1959) hydrodynamic-instability constant, π/24 ≈ 0.1309.
ZUBER_K = math.pi / 24.0
#: Lienhard & Dhir's (1973) constant for large flat heaters, 0.149.
LIENHARD_DHIR_K = 0.149

_PROPERTY_SPECS = dict(
    surface_tension=SURFACE_TENSION.positive(),
    latent_heat=SPECIFIC_ENTHALPY.positive(),
    density_liquid=DENSITY.positive(),
    density_vapor=DENSITY.positive(),
    gravity=ACCELERATION.positive(),
)
_K_SPEC = DIMENSIONLESS.between(0.05, 0.3)


def _check_densities(density_liquid, density_vapor):
    """Refuse vapour at least as dense as the liquid (at or above the critical point)."""
    bad = np.less_equal(density_liquid, density_vapor)
    if not np.any(bad):
        return
    if np.ndim(bad) == 0:
        got = f"density_vapor {float(density_vapor)!r} kg/m**3 >= density_liquid {float(density_liquid)!r} kg/m**3"
    else:
        got = f"density_vapor >= density_liquid in {int(bad.sum())} of {bad.size} values"
    raise OutOfRangeError(
        "parameter 'density_vapor' must be below 'density_liquid' (a liquid boiling below "
        f"its critical point); got {got}"
    )


@quantity_io(returns=HEAT_FLUX, k=_K_SPEC, **_PROPERTY_SPECS)
def critical_heat_flux_zuber(
    surface_tension, latent_heat, density_liquid, density_vapor, k=ZUBER_K, gravity=STANDARD_GRAVITY
):
    """Critical heat flux of saturated pool boiling on a large horizontal surface.

    Parameters
    ----------
    surface_tension : pint.Quantity
        Liquid–vapour surface tension at saturation [N/m].
    latent_heat : pint.Quantity
        Latent heat of vaporisation h_fg [J/kg].
    density_liquid : pint.Quantity
        Saturated liquid density [kg/m³].
    density_vapor : pint.Quantity
        Saturated vapour density, below ``density_liquid`` [kg/m³].
    k : float or array_like, optional
        The constant K: :data:`ZUBER_K` (π/24 ≈ 0.131, default, the lower and
        so more conservative value) or :data:`LIENHARD_DHIR_K` (0.149, large
        flat heaters); other published values (e.g. 0.18) may be passed.
        Accepted between 0.05 and 0.3 to catch slips, not a validity range [-].
    gravity : pint.Quantity, optional
        Acceleration of gravity; default 9.80665 m/s² [m/s²].

    Returns
    -------
    pint.Quantity
        Critical heat flux q''_CHF [W/m²].

    Raises
    ------
    OutOfRangeError
        Non-positive or non-finite property, or vapour at least as dense as
        the liquid.

    Notes
    -----
    .. math:: q''_{CHF} = K\\,h_{fg}\\,\\rho_v
              \\left[\\frac{\\sigma g (\\rho_l - \\rho_v)}{\\rho_v^2}\\right]^{1/4}

    Saturated liquid, pool boiling, clean well-wetted surface, heater large
    compared with the capillary length :math:`\\sqrt{\\sigma/(g\\Delta\\rho)}`
    (Lienhard & Dhir: dimensionless heater size L' ≳ 27 for K = 0.149).
    Subcooling, small heaters, surface coatings and orientation change CHF;
    they are not modelled.

    References
    ----------
    .. [1] Zuber, N. *Hydrodynamic Aspects of Boiling Heat Transfer*, AEC
       Report AECU-4439, 1959.
    .. [2] Lienhard, J. H., Dhir, V. K. *Extended Hydrodynamic Theory of the
       Peak and Minimum Pool Boiling Heat Fluxes*, NASA CR-2270, 1973.
    .. [3] Bergman, T. L. et al. *Fundamentals of Heat and Mass Transfer*,
       7th ed., Wiley, 2011, eq. 10.7.

    Examples
    --------
    >>> from coolsim import Q_
    >>> q = critical_heat_flux_zuber(Q_(8.2, "mN/m"), Q_(272, "kJ/kg"),
    ...                              Q_(567, "kg/m**3"), Q_(18.09, "kg/m**3"), k=LIENHARD_DHIR_K)
    >>> round(float(q.m_as("kW/m**2")), 1)
    444.3
    """
    _check_densities(density_liquid, density_vapor)
    return k * latent_heat * np.sqrt(density_vapor) * (surface_tension * gravity * (density_liquid - density_vapor)) ** 0.25


def _rohsenow_group(surface_tension, latent_heat, density_liquid, density_vapor, dynamic_viscosity,
                    thermal_conductivity, specific_heat, c_sf, n, gravity):
    """Return (A, B) with q'' = A·(B·ΔT)³: A = μ h_fg √(gΔρ/σ), B = c_p/(C_sf h_fg Pr^n)."""
    _check_densities(density_liquid, density_vapor)
    pr = specific_heat * dynamic_viscosity / thermal_conductivity
    a = dynamic_viscosity * latent_heat * np.sqrt(gravity * (density_liquid - density_vapor) / surface_tension)
    b = specific_heat / (c_sf * latent_heat * pr**n)
    return a, b


_ROHSENOW_SPECS = dict(
    _PROPERTY_SPECS,
    dynamic_viscosity=DYNAMIC_VISCOSITY.positive(),
    thermal_conductivity=THERMAL_CONDUCTIVITY.positive(),
    specific_heat=SPECIFIC_HEAT.positive(),
    c_sf=DIMENSIONLESS.between(1e-4, 0.1),
    n=DIMENSIONLESS.between(0.5, 2.5),
)

_ROHSENOW_DOC_PARAMS = """surface_tension : pint.Quantity
        Liquid–vapour surface tension at saturation [N/m].
    latent_heat : pint.Quantity
        Latent heat of vaporisation h_fg [J/kg].
    density_liquid : pint.Quantity
        Saturated liquid density [kg/m³].
    density_vapor : pint.Quantity
        Saturated vapour density [kg/m³].
    dynamic_viscosity : pint.Quantity
        Saturated liquid dynamic viscosity μ_l [Pa·s].
    thermal_conductivity : pint.Quantity
        Saturated liquid thermal conductivity k_l [W/(m·K)].
    specific_heat : pint.Quantity
        Saturated liquid specific heat c_p,l [J/(kg·K)].
    c_sf : float or array_like
        Surface–fluid constant C_sf, fitted to boiling data of the pair
        (tabulated values about 0.0027–0.015); accepted 1e-4–0.1 to catch
        slips [-].
    n : float or array_like
        Prandtl exponent: 1.0 for water, 1.7 for other fluids in Rohsenow's
        original form; accepted 0.5–2.5 [-].
    gravity : pint.Quantity, optional
        Acceleration of gravity; default 9.80665 m/s² [m/s²]."""

_ROHSENOW_NOTES = """.. math:: q''_s = \\mu_l h_{fg}\\left[\\frac{g(\\rho_l-\\rho_v)}{\\sigma}\\right]^{1/2}
              \\left(\\frac{c_{p,l}\\,\\Delta T_e}{C_{s,f}\\,h_{fg}\\,Pr_l^{n}}\\right)^{3}

    Nucleate pool boiling of a saturated liquid on a clean surface, between
    the onset of nucleate boiling and the critical heat flux; heat fluxes
    above the Zuber CHF with K = 0.149 are refused.  The error is typically
    ±100 % in q'' for a given ΔT_e (±30 % in ΔT_e for a given q'') [3]_, and
    C_sf must come from data for the fluid–surface pair."""

_ROHSENOW_REFS = """.. [1] Rohsenow, W. M. "A method of correlating heat-transfer data for
       surface boiling of liquids." Trans. ASME 74 (1952) 969–976.
    .. [2] Pioro, I. L. "Experimental evaluation of constants for the Rohsenow
       pool boiling correlation." Int. J. Heat Mass Transfer 42 (1999)
       2003–2013.
    .. [3] Bergman, T. L. et al. *Fundamentals of Heat and Mass Transfer*,
       7th ed., Wiley, 2011, eq. 10.5 and Table 10.1."""


def _refuse_beyond_chf(name, q, surface_tension, latent_heat, density_liquid, density_vapor, gravity):
    """Raise ValidityRangeError where the heat flux ``q`` exceeds the Zuber CHF (K = 0.149)."""
    q_max = critical_heat_flux_zuber.si(surface_tension, latent_heat, density_liquid, density_vapor,
                                        LIENHARD_DHIR_K, gravity)
    bad = np.greater(q, q_max * (1.0 + 1e-12))  # a flux at the CHF, rounded up in a round trip, is at the CHF
    if not np.any(bad):
        return
    if np.ndim(bad) == 0:
        got = f"heat flux {float(q):.6g} W/m**2 against a CHF of {float(q_max):.6g} W/m**2"
    else:
        q_b, m_b = np.broadcast_arrays(q, q_max)
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        got = (f"heat flux {float(q_b[idx]):.6g} W/m**2 against a CHF of {float(m_b[idx]):.6g} W/m**2 "
               f"at index {idx if len(idx) > 1 else idx[0]} ({int(bad.sum())} of {bad.size} values)")
    raise ValidityRangeError(
        f"parameter '{name}' is outside the validity range of Rohsenow nucleate boiling: the heat "
        f"flux must not exceed the critical heat flux (Zuber, K = 0.149); got {got}. "
        "coolsim does not extrapolate correlations."
    )


@quantity_io(returns=HEAT_FLUX, delta_t_sat=TEMPERATURE_DIFFERENCE.positive(), **_ROHSENOW_SPECS)
def rohsenow_heat_flux(delta_t_sat, surface_tension, latent_heat, density_liquid, density_vapor,
                       dynamic_viscosity, thermal_conductivity, specific_heat, c_sf, n,
                       gravity=STANDARD_GRAVITY):
    """Nucleate pool-boiling heat flux for a wall superheat, Rohsenow (1952).

    Parameters
    ----------
    delta_t_sat : pint.Quantity
        Wall superheat ΔT_e = T_s − T_sat [K].
    {params}

    Returns
    -------
    pint.Quantity
        Heat flux q''_s [W/m²].

    Raises
    ------
    ValidityRangeError
        If the resulting heat flux exceeds the critical heat flux.

    Notes
    -----
    {notes}

    References
    ----------
    {refs}

    Examples
    --------
    Saturated water at 1 atm (properties from IAPWS-95 via CoolProp, rounded)
    with an illustrative C_sf = 0.013, n = 1.0:

    >>> from coolsim import Q_
    >>> q = rohsenow_heat_flux(Q_(10, "K"), Q_(58.9, "mN/m"), Q_(2256.5, "kJ/kg"),
    ...     Q_(958.4, "kg/m**3"), Q_(0.5977, "kg/m**3"), Q_(281.7e-6, "Pa*s"),
    ...     Q_(0.6772, "W/(m*K)"), Q_(4216, "J/(kg*K)"), 0.013, 1.0)
    >>> round(float(q.m_as("kW/m**2")), 1)
    139.7
    """
    a, b = _rohsenow_group(surface_tension, latent_heat, density_liquid, density_vapor, dynamic_viscosity,
                           thermal_conductivity, specific_heat, c_sf, n, gravity)
    q = a * (b * delta_t_sat) ** 3
    _refuse_beyond_chf("delta_t_sat", q, surface_tension, latent_heat, density_liquid, density_vapor, gravity)
    return q


@quantity_io(returns=TEMPERATURE_DIFFERENCE, heat_flux=HEAT_FLUX.positive(), **_ROHSENOW_SPECS)
def rohsenow_wall_superheat(heat_flux, surface_tension, latent_heat, density_liquid, density_vapor,
                            dynamic_viscosity, thermal_conductivity, specific_heat, c_sf, n,
                            gravity=STANDARD_GRAVITY):
    """Wall superheat that carries a nucleate-boiling heat flux (Rohsenow, inverted).

    Parameters
    ----------
    heat_flux : pint.Quantity
        Heat flux from the boiling surface, at most the critical heat flux [W/m²].
    {params}

    Returns
    -------
    pint.Quantity
        Wall superheat ΔT_e = T_s − T_sat [K].

    Raises
    ------
    ValidityRangeError
        If ``heat_flux`` exceeds the critical heat flux (no nucleate boiling
        solution exists).

    Notes
    -----
    Closed-form inverse of :func:`rohsenow_heat_flux`:
    :math:`\\Delta T_e = (C_{{s,f}} h_{{fg}} Pr_l^n / c_{{p,l}})\\,
    \\{{q''_s / (\\mu_l h_{{fg}}) \\, [\\sigma/(g\\Delta\\rho)]^{{1/2}}\\}}^{{1/3}}`.

    {notes}

    References
    ----------
    {refs}

    Examples
    --------
    >>> from coolsim import Q_
    >>> dt = rohsenow_wall_superheat(Q_(100, "kW/m**2"), Q_(58.9, "mN/m"), Q_(2256.5, "kJ/kg"),
    ...     Q_(958.4, "kg/m**3"), Q_(0.5977, "kg/m**3"), Q_(281.7e-6, "Pa*s"),
    ...     Q_(0.6772, "W/(m*K)"), Q_(4216, "J/(kg*K)"), 0.013, 1.0)
    >>> round(float(dt.m_as("K")), 2)
    8.95
    """
    _refuse_beyond_chf("heat_flux", heat_flux, surface_tension, latent_heat, density_liquid, density_vapor, gravity)
    a, b = _rohsenow_group(surface_tension, latent_heat, density_liquid, density_vapor, dynamic_viscosity,
                           thermal_conductivity, specific_heat, c_sf, n, gravity)
    return np.cbrt(heat_flux / a) / b


for _f in (rohsenow_heat_flux, rohsenow_wall_superheat):
    _f.__doc__ = _f.__doc__.format(params=_ROHSENOW_DOC_PARAMS, notes=_ROHSENOW_NOTES, refs=_ROHSENOW_REFS)
    _f.si.__doc__ = _f.__doc__
del _f


@quantity_io(
    returns=(HEAT_FLUX, DIMENSIONLESS, None),
    power=POWER.positive(),
    boiling_area=AREA.positive(),
    critical_heat_flux=HEAT_FLUX.positive(),
    required_margin=DIMENSIONLESS.spec(1.0, None),
)
def chf_margin(power, boiling_area, critical_heat_flux, required_margin=1.0):
    """Margin of a device's boiling heat flux to the critical heat flux.

    Parameters
    ----------
    power : pint.Quantity
        Heat the device rejects into the bath [W].
    boiling_area : pint.Quantity
        Wetted boiling area (die or boiling-enhancement coating area) [m²].
    critical_heat_flux : pint.Quantity
        Critical heat flux of the fluid–surface pair, e.g. from
        :func:`critical_heat_flux_zuber` [W/m²].
    required_margin : float or array_like, optional
        Margin (CHF over heat flux) that counts as feasible, ≥ 1; default 1.0
        (any operation below CHF).  Design practice often asks for more [-].

    Returns
    -------
    heat_flux : pint.Quantity
        Device heat flux q'' = P / A [W/m²].
    margin : float or numpy.ndarray
        q''_CHF / q''; above 1 means below CHF [-].
    feasible : bool or numpy.ndarray of bool
        ``margin >= required_margin`` element by element [-].

    Notes
    -----
    :math:`q'' = P/A`, margin :math:`= q''_{CHF}/q''`.  Arrays return a
    ``feasible`` mask instead of raising, so that a sweep over devices or
    operating points keeps its infeasible points visible.

    References
    ----------
    .. [1] Bergman, T. L. et al. *Fundamentals of Heat and Mass Transfer*,
       7th ed., Wiley, 2011, sec. 10.4 (boiling curve: operation beyond the
       critical heat flux leads to film boiling and burnout).

    Examples
    --------
    >>> from coolsim import Q_
    >>> q, margin, ok = chf_margin(Q_(1000, "W"), Q_(8, "cm**2"), Q_(15, "W/cm**2"))
    >>> q.to("W/cm**2"), round(float(margin), 2), ok
    (<Quantity(125.0, 'watt / centimeter ** 2')>, 0.12, False)
    """
    heat_flux = power / boiling_area
    margin = critical_heat_flux / heat_flux
    feasible = np.greater_equal(margin, required_margin)
    if np.ndim(feasible) == 0:
        feasible = bool(feasible)
    return heat_flux, margin, feasible
