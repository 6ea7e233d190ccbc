"""Internal forced convection: Nusselt numbers and the smooth-tube friction factor.

Turbulent tube flow (Dittus–Boelter, Gnielinski with Petukhov's friction
factor) and fully developed laminar flow in circular tubes and rectangular
channels (Shah & London), the cases of cold-plate channels and CDU pipework.
"""

from __future__ import annotations

import numpy as np

from ..units import DIMENSIONLESS, quantity_io
from ._validity import _NONNEG, _POSITIVE, _check_bool, _check_validity

__all__ = [
    "NU_LAMINAR_CIRCULAR_T", "NU_LAMINAR_CIRCULAR_H",
    "nusselt_dittus_boelter", "friction_factor_petukhov", "nusselt_gnielinski",
    "nusselt_rectangular_h1", "nusselt_rectangular_t", "nusselt_laminar_circular",
]

#: Fully developed laminar Nu in a circular tube, uniform wall temperature
#: (Shah & London 1978, 3.6568; Incropera 7th ed. eq. 8.55 rounds to 3.66).
NU_LAMINAR_CIRCULAR_T = 3.6568
#: Fully developed laminar Nu in a circular tube, uniform heat flux: 48/11
#: (exact; Incropera 7th ed. eq. 8.53 rounds to 4.36).
NU_LAMINAR_CIRCULAR_H = 48.0 / 11.0


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
