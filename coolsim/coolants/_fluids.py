"""Named coolants: water, glycol mixtures, dielectric fluids, lookup (see :mod:`coolsim.coolants`)."""

from __future__ import annotations

import difflib
import functools
import math
import re

import pint

from ..errors import OutOfRangeError
from ..units import _CASE_STYLE, DIMENSIONLESS, to_si
from ._base import (
    LOOP_PRESSURE,
    STANDARD_PRESSURE,
    Coolant,
    TwoPhaseFluid,
    _andrade,
    _CoolPropTable,
    _linear,
    _Mixed,
    _R,
    _T25,
    props_si,
)


# --------------------------------------------------------------------------- water, glycols
@functools.lru_cache(maxsize=None)
def _water():
    tab = _CoolPropTable("Water", 273.15, 373.15, pressure=LOOP_PRESSURE)
    return Coolant(
        "water", 273.15, 373.15, "CoolProp 'Water' (IAPWS-95) at 200 kPa", freezing_point=273.15, _backend=tab
    )


def water():
    """Pure water at the nominal loop pressure (200 kPa), 0–100 °C.

    Returns
    -------
    Coolant
        Water, valid from its freezing point 273.15 K to 373.15 K [K].

    Notes
    -----
    Properties from CoolProp's IAPWS-95 formulation (density, cp) and the IAPWS
    viscosity and conductivity formulations, tabulated at 0.1 K.  Freezing point
    0 °C (ice point at 1 atm; the 0.01 K depression at 2 bar is ignored).

    References
    ----------
    .. [1] W. Wagner, A. Pruß, "The IAPWS formulation 1995 for the thermodynamic
       properties of ordinary water substance", J. Phys. Chem. Ref. Data 31 (2002)
       387–535, doi:10.1063/1.1461829.

    Examples
    --------
    >>> from coolsim.coolants import water
    >>> round(water().specific_heat_si(298.15))
    4181
    """
    return _water()


def _mass_fraction(value, name="mass_fraction"):
    if isinstance(value, pint.Quantity):
        x = to_si(value, DIMENSIONLESS.any(), name)
    else:
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise OutOfRangeError(f"parameter '{name}' must be a number or a percent Quantity; got {value!r}") from None
    if not (math.isfinite(x) and 0.0 < x <= 0.6):
        pct = f'"{x:g} %"' if _CASE_STYLE.get() else f"Q_({x:g}, 'percent')"  # as the caller writes it
        hint = f" (for {x:g} % write {x / 100:g} or {pct})" if 1.0 < x <= 60.0 else ""
        raise OutOfRangeError(
            f"parameter '{name}' must be a glycol mass fraction in (0, 0.6] (CoolProp/Melinder "
            f"range); got {x!r}{hint}"
        )
    return round(x, 6)


@functools.lru_cache(maxsize=64)
def _glycol(code, label, x):
    fluid = f"INCOMP::{code}[{x}]"
    t_freeze = float(props_si("T_freeze", "T", 300.0, "P", STANDARD_PRESSURE, fluid))
    tab = _CoolPropTable(fluid, t_freeze, 373.15, pressure=STANDARD_PRESSURE)
    return Coolant(
        f"{label} {100 * x:g} % by mass",
        t_freeze,
        373.15,
        f"CoolProp INCOMP::{code} (Melinder 2010 fit), mass fraction {x:g}",
        freezing_point=t_freeze,
        _backend=tab,
    )


def propylene_glycol(mass_fraction):
    """Propylene glycol–water mixture.

    Parameters
    ----------
    mass_fraction : float or pint.Quantity
        Glycol mass fraction in (0, 0.6] [-], or a percent Quantity such as
        ``Q_(30, "percent")``.

    Returns
    -------
    Coolant
        Valid from the mixture's freezing point to 373.15 K [K].

    Notes
    -----
    CoolProp's ``INCOMP::MPG`` (mass-based) polynomial fits to Melinder's tables,
    including the freezing point ``T_freeze``.  Valid for 0 < x ≤ 0.6 and from the
    freezing point to 100 °C.  Pressure effect neglected (incompressible fit).

    References
    ----------
    .. [1] Å. Melinder, "Properties of Secondary Working Fluids for Indirect
       Systems", 2nd ed., IIR, Paris, 2010.
    .. [2] ASHRAE Handbook — Fundamentals (2021), ch. 31, "Physical properties of
       secondary coolants (brines)", propylene glycol tables.

    Examples
    --------
    >>> from coolsim.coolants import propylene_glycol
    >>> round(propylene_glycol(0.30).freezing_point - 273.15, 1)
    -12.8
    """
    return _glycol("MPG", "propylene glycol", _mass_fraction(mass_fraction))


def ethylene_glycol(mass_fraction):
    """Ethylene glycol–water mixture.

    Parameters
    ----------
    mass_fraction : float or pint.Quantity
        Glycol mass fraction in (0, 0.6] [-], or a percent Quantity.

    Returns
    -------
    Coolant
        Valid from the mixture's freezing point to 373.15 K [K].

    Notes
    -----
    CoolProp's ``INCOMP::MEG`` (mass-based) fits to Melinder's tables; valid for
    0 < x ≤ 0.6 and from the freezing point to 100 °C.

    References
    ----------
    .. [1] Å. Melinder, "Properties of Secondary Working Fluids for Indirect
       Systems", 2nd ed., IIR, Paris, 2010.

    Examples
    --------
    >>> from coolsim.coolants import ethylene_glycol
    >>> round(ethylene_glycol(0.3).freezing_point - 273.15, 1)
    -14.6
    """
    return _glycol("MEG", "ethylene glycol", _mass_fraction(mass_fraction))


# --------------------------------------------------------------------------- dielectrics
# 3M Novec 7100 (methoxy-nonafluorobutane).  Datasheet values at 25 °C: 3M "Aerosol
# formulations using 3M Novec Engineered Fluids" properties table (p. 1) and 3M Novec
# 7100 Product Information (Table 1): Tb 61 °C, h_fg 112 kJ/kg, ρ 1.51 g/cm³,
# μ 0.58 cP, cp 1183 J/(kg·K), σ 13.6 mN/m, M 250 g/mol, GWP 297, k 0.069 W/(m·K),
# Tc 195.3 °C.  Temperature shapes: CoolProp INCOMP::HFE2 (Skovrup 2013 fit to 3M
# 2007 data), scaled to the datasheet at 25 °C (its viscosity level, 0.37 mPa·s,
# matches the datasheet *kinematic* 0.38 cSt, so only its shape is used).
_N7100_REF = dict(rho=1510.0, cp=1183.0, mu=0.58e-3, k=0.069)
_N7100_TB = 334.15
_N7100_M = 0.250
_hfe2 = _CoolPropTable("INCOMP::HFE2", 193.15, _N7100_TB, pressure=STANDARD_PRESSURE)
_hfe2_25 = [float(_hfe2.direct(p, _T25)) for p in "DCVL"]
_hfe2.scale = tuple(v / r for v, r in zip(_N7100_REF.values(), _hfe2_25))

#: 3M Novec 7100, two-phase; valid −80 °C (HFE2 fit limit) to its boiling point 61 °C.
NOVEC_7100 = TwoPhaseFluid(
    "Novec 7100",
    193.15,
    _N7100_TB,
    "3M Novec 7100 datasheet at 25 °C; T-shape from CoolProp INCOMP::HFE2",
    None,
    _hfe2,
    boiling_point=_N7100_TB,
    latent_heat_si=112.0e3,
    vapour_density_si=STANDARD_PRESSURE * _N7100_M / (_R * _N7100_TB),  # ideal gas at Tb
    molar_mass=_N7100_M,
    critical_temperature=468.45,
    sigma_ref=13.6e-3,
    gwp=297.0,
)

# 3M Novec 649 (FK-5-1-12).  Datasheet values at 25 °C, 3M Novec 649 Product
# Information (typical properties, p. 1): Tb 49 °C, h_fg 88 kJ/kg, ρ 1.60 g/mL,
# cp 1.103 J/(g·K), μ 0.64 cP, k 0.059 W/(m·K), σ 10.8 mN/m, M 316 g/mol, GWP 1.
# Density and cp vs T: CoolProp HEOS 'Novec649' saturated liquid (McLinden et al.
# 2015), which reproduces the datasheet within 0.2 %.  Viscosity: Andrade form at the
# datasheet value with B from Wen et al. (2017) Table 4 liquid points (250 K:
# 2377.5 µPa·s, 350 K: 587.87 µPa·s).  Conductivity: assumption — the relative slope
# of Novec 7100's (HFE2 fit, −0.284 %/K).  Vapour density: EOS at 1 atm.
_N649_TB = 322.15
_N649_B = math.log(2377.5 / 587.87) / (1.0 / 250.0 - 1.0 / 350.0)
_N649_KSLOPE = -1.9548e-4 / 0.068827
_n649 = _Mixed(
    _CoolPropTable("Novec649", 253.15, _N649_TB, quality=0.0),
    V=_andrade(0.64e-3, _T25, _N649_B),
    L=_linear(0.059, _T25, _N649_KSLOPE),
)

#: 3M Novec 649, two-phase; valid −20 °C to its boiling point 49 °C.
NOVEC_649 = TwoPhaseFluid(
    "Novec 649",
    253.15,
    _N649_TB,
    "3M Novec 649 datasheet at 25 °C; ρ, cp from CoolProp 'Novec649' EOS",
    None,
    _n649,
    boiling_point=_N649_TB,
    latent_heat_si=88.0e3,
    vapour_density_si=12.78,
    molar_mass=0.316044,
    critical_temperature=441.81,
    sigma_ref=10.8e-3,
    gwp=1.0,
)

#: Single-phase white mineral oil (Paratherm NF) from CoolProp INCOMP::PNF, fitted to the
#: manufacturer's data; datasheet range −10 °C to 315 °C.
MINERAL_OIL_PNF = Coolant(
    "mineral oil (Paratherm NF)",
    263.15,
    588.15,
    "Paratherm NF data via CoolProp INCOMP::PNF",
    None,
    _CoolPropTable("INCOMP::PNF", 263.15, 588.15, pressure=STANDARD_PRESSURE),
)


# --------------------------------------------------------------------------- lookup
_NAMED = {
    "water": water,
    "novec7100": lambda: NOVEC_7100,
    "hfe7100": lambda: NOVEC_7100,
    "novec649": lambda: NOVEC_649,
    "fk5112": lambda: NOVEC_649,
    "mineraloil": lambda: MINERAL_OIL_PNF,
    "mineraloilpnf": lambda: MINERAL_OIL_PNF,
    "parathermnf": lambda: MINERAL_OIL_PNF,
}
_GLYCOL = re.compile(r"^(pg|mpg|propyleneglycol|eg|meg|ethyleneglycol)(\d+(?:\.\d+)?)%?$")


def by_name(name):
    """Look a coolant up by name, as written in a case file.

    Parameters
    ----------
    name : str
        ``"water"``, ``"novec 7100"``, ``"novec 649"``, ``"mineral oil"``, or a glycol
        with its mass percent: ``"pg30"``, ``"PG 25 %"``, ``"eg40"``,
        ``"propylene_glycol_30"`` [-].

    Returns
    -------
    Coolant
        The coolant (a :class:`TwoPhaseFluid` for the Novec fluids).

    Raises
    ------
    OutOfRangeError
        For an unknown name, with the closest known names suggested.

    Notes
    -----
    Case, spaces, ``-`` and ``_`` are ignored.  Glycol percentages are by mass.

    References
    ----------
    .. [1] Python standard library, ``difflib.get_close_matches`` (suggestions).

    Examples
    --------
    >>> from coolsim.coolants import by_name
    >>> by_name("PG 30%").name
    'propylene glycol 30 % by mass'
    """
    if not isinstance(name, str):
        raise OutOfRangeError(f"parameter 'name' must be a coolant name (str); got {name!r}")
    key = re.sub(r"[\s_\-]", "", name.lower())
    if key in _NAMED:
        return _NAMED[key]()
    m = _GLYCOL.match(key)
    if m:
        x = float(m.group(2)) / 100.0
        return propylene_glycol(x) if "p" in m.group(1) else ethylene_glycol(x)
    known = sorted(_NAMED) + ["pg30", "eg30"]
    close = difflib.get_close_matches(key, known, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise OutOfRangeError(
        f"parameter 'name': unknown coolant {name!r}{hint} Known: water, novec 7100, novec 649, "
        f"mineral oil, pg<percent>, eg<percent> (e.g. 'pg30')."
    )
