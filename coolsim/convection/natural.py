"""Natural convection from isothermal vertical plates and horizontal cylinders.

Churchill & Chu (1975) correlations of the average Nusselt number, the cases
of immersion-tank walls, heaters and passive surfaces.
"""

from __future__ import annotations

from ..units import DIMENSIONLESS, quantity_io
from ._validity import _NONNEG, _POSITIVE, _check_validity

__all__ = [
    "nusselt_churchill_chu_vertical_plate", "nusselt_churchill_chu_vertical_plate_laminar",
    "nusselt_churchill_chu_horizontal_cylinder",
]


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
