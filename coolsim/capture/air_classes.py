"""ASHRAE TC 9.9 air classes and the Rack Cooling Index.

An :class:`AirClass` is an object holding the recommended and allowable
envelopes of IT inlet air (dry bulb and dew point).  :data:`AIR_CLASSES` holds
the five classes of the 2021 guidelines (A1, A2, A3, A4 and the new
high-density class H1); :func:`air_class` finds one by name.
:func:`class_compliance` returns the masks *inside recommended* and *inside
allowable* for inlet temperatures (and dew points); :func:`rack_cooling_index`
computes Herrlin's RCI_HI and RCI_LO against a class.

Class table (ASHRAE TC 9.9, *Thermal Guidelines for Data Processing
Environments*, 5th ed., 2021; grades as in the project's domain primer):

=====  ===============  ================  ==================  ======
class  recommended DB   allowable DB      max dew point       grade
=====  ===============  ================  ==================  ======
A1     18-27 °C         15-32 °C          17 °C               SPEC
A2     18-27 °C         10-35 °C          21 °C               SPEC
A3     18-27 °C          5-40 °C          24 °C               SPEC
A4     18-27 °C          5-45 °C          24 °C               SPEC
H1     18-22 °C          5-25 °C          17 °C               2ND
=====  ===============  ================  ==================  ======

The recommended dew-point band is -9 to 15 °C for every class (for H1 the
same band is assumed, 2ND).  The allowable minimum dew point (-12 °C) and the
relative-humidity limits are not modelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..errors import OutOfRangeError
from ..units import Q_, TEMPERATURE, to_si

__all__ = ["AirClass", "AIR_CLASSES", "air_class", "class_compliance", "rack_cooling_index"]

_T = TEMPERATURE.between(223.15, 373.15)  # -50 ... 100 °C: any envelope or inlet a hall can see


@dataclass(frozen=True)
class AirClass:
    """An IT inlet-air envelope (an ASHRAE TC 9.9 class or a custom one).

    Parameters
    ----------
    name : str
        Label, e.g. ``"A1"``.
    recommended_min, recommended_max : pint.Quantity
        Recommended dry-bulb range at the IT inlet [K].
    allowable_min, allowable_max : pint.Quantity
        Allowable dry-bulb range, containing the recommended one [K].
    max_dew_point : pint.Quantity
        Allowable maximum dew point [K].
    recommended_max_dew_point : pint.Quantity, optional
        Recommended maximum dew point [K]; default 15 °C (ASHRAE 2021).
    grade : str
        Source grade of the figures (SPEC, 2ND, custom ...).

    Examples
    --------
    >>> AIR_CLASSES["A2"].allowable_max.to("degC")
    <Quantity(35.0, 'degree_Celsius')>
    >>> round(AIR_CLASSES["A2"].si["allowable_max"], 2)
    308.15
    """

    name: str
    recommended_min: object
    recommended_max: object
    allowable_min: object
    allowable_max: object
    max_dew_point: object
    recommended_max_dew_point: object = field(default_factory=lambda: Q_(15.0, "degC"))
    grade: str = "custom"
    _si: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        for name in ("recommended_min", "recommended_max", "allowable_min", "allowable_max",
                     "max_dew_point", "recommended_max_dew_point"):
            v = to_si(getattr(self, name), _T, name)
            if np.ndim(v) != 0:
                raise OutOfRangeError(
                    f"parameter '{name}' of an AirClass must be a scalar temperature; got shape {np.shape(v)}")
            self._si[name] = float(v)
        s = self._si
        if not s["allowable_min"] <= s["recommended_min"] < s["recommended_max"] <= s["allowable_max"]:
            raise OutOfRangeError(
                f"AirClass '{self.name}': need allowable_min <= recommended_min < recommended_max <= allowable_max; "
                f"got {s['allowable_min']} <= {s['recommended_min']} < {s['recommended_max']} <= {s['allowable_max']} K"
            )

    @property
    def si(self) -> dict:
        """The envelope in SI (K), keyed by field name."""
        return self._si


def _c(t):
    return Q_(t + 273.15, "K")


#: The ASHRAE TC 9.9 (2021) air classes; H1 figures are 2ND grade.
AIR_CLASSES: dict[str, AirClass] = {
    c.name: c
    for c in (
        AirClass("A1", _c(18.0), _c(27.0), _c(15.0), _c(32.0), _c(17.0), grade="SPEC"),
        AirClass("A2", _c(18.0), _c(27.0), _c(10.0), _c(35.0), _c(21.0), grade="SPEC"),
        AirClass("A3", _c(18.0), _c(27.0), _c(5.0), _c(40.0), _c(24.0), grade="SPEC"),
        AirClass("A4", _c(18.0), _c(27.0), _c(5.0), _c(45.0), _c(24.0), grade="SPEC"),
        AirClass("H1", _c(18.0), _c(22.0), _c(5.0), _c(25.0), _c(17.0), grade="2ND"),
    )
}


def air_class(name) -> AirClass:
    """An ASHRAE class by name (``"A1"`` ... ``"A4"``, ``"H1"``), or an AirClass passed through.

    Parameters
    ----------
    name : str or AirClass
        Class name, case-insensitive [-].

    Returns
    -------
    AirClass
        The class object.

    Raises
    ------
    OutOfRangeError
        For an unknown name (the known names are listed).

    Examples
    --------
    >>> air_class("h1").recommended_max.to("degC")
    <Quantity(22.0, 'degree_Celsius')>
    """
    if isinstance(name, AirClass):
        return name
    if not isinstance(name, str) or name.strip().upper() not in AIR_CLASSES:
        raise OutOfRangeError(f"parameter 'air_class' must be an AirClass or one of {', '.join(AIR_CLASSES)}; got {name!r}")
    return AIR_CLASSES[name.strip().upper()]


def _class_compliance_si(inlet_temperature, air_class, dew_point=None):
    c = globals()["air_class"](air_class).si
    t = np.asarray(inlet_temperature)
    rec = (t >= c["recommended_min"]) & (t <= c["recommended_max"])
    allow = (t >= c["allowable_min"]) & (t <= c["allowable_max"])
    if dew_point is not None:
        d = np.asarray(dew_point)
        rec = rec & (d <= c["recommended_max_dew_point"])
        allow = allow & (d <= c["max_dew_point"])
    return rec, allow


def class_compliance(inlet_temperature, air_class, dew_point=None):
    """Masks: inlet inside the recommended / inside the allowable envelope of a class.

    Parameters
    ----------
    inlet_temperature : pint.Quantity
        IT inlet dry-bulb temperature, scalar or array [K].
    air_class : AirClass or str
        The class (see :data:`AIR_CLASSES`).
    dew_point : pint.Quantity, optional
        Inlet dew point, broadcasting with ``inlet_temperature`` [K].  When
        given, the recommended mask also needs dew point <= the recommended
        maximum (15 °C) and the allowable mask dew point <= the class maximum.

    Returns
    -------
    in_recommended, in_allowable : numpy.ndarray of bool
        Element-wise masks (0-d arrays for scalar input) [-].

    Notes
    -----
    Closed intervals: :math:`T_{min} \\le T \\le T_{max}` on the class table
    (module docstring).  Lower dew-point and RH limits are not checked.  The
    core is :func:`class_compliance.si` (SI inputs).

    References
    ----------
    .. [1] ASHRAE TC 9.9, *Thermal Guidelines for Data Processing
       Environments*, 5th ed., ASHRAE, 2021, ch. 2 (environmental classes).

    Examples
    --------
    >>> rec, allow = class_compliance(Q_([24, 30, 36], "degC"), "A2")
    >>> rec.tolist(), allow.tolist()
    ([True, False, False], [True, True, False])
    """
    t = to_si(inlet_temperature, TEMPERATURE.positive(), "inlet_temperature")
    d = None if dew_point is None else to_si(dew_point, TEMPERATURE.positive(), "dew_point")
    return _class_compliance_si(t, air_class, d)


class_compliance.si = _class_compliance_si


def _rci_si(inlet_temperature, air_class, axis=None):
    c = globals()["air_class"](air_class).si
    t = np.asarray(inlet_temperature, dtype=np.float64)
    over = np.maximum(t - c["recommended_max"], 0.0) / (c["allowable_max"] - c["recommended_max"])
    under = np.maximum(c["recommended_min"] - t, 0.0) / (c["recommended_min"] - c["allowable_min"])
    if axis is not None:
        over, under = over.mean(axis=axis), under.mean(axis=axis)
    hi, lo = 100.0 * (1.0 - over), 100.0 * (1.0 - under)
    if np.ndim(hi) == 0:
        return float(hi), float(lo)
    return hi, lo


def rack_cooling_index(inlet_temperatures, air_class, axis=None):
    """Rack Cooling Index RCI_HI and RCI_LO of IT inlet temperatures against a class.

    Parameters
    ----------
    inlet_temperatures : pint.Quantity
        IT intake temperatures [K].
    air_class : AirClass or str
        Class whose recommended and allowable limits are used.
    axis : int, optional
        Axis along which the intakes of one hall lie (the index averages over
        it).  ``None`` (default): each element is a hall whose intakes all see
        that temperature (identical racks) [-].

    Returns
    -------
    rci_hi, rci_lo : float or numpy.ndarray
        Indices in per cent [%]; 100 % means no intake outside the
        recommended range on that side.

    Notes
    -----
    Herrlin (2005):

    .. math:: RCI_{HI} = \\Big[1 - \\frac{\\sum_x (T_x - T_{max,rec})_{T_x > T_{max,rec}}}
              {(T_{max,all} - T_{max,rec})\\,n}\\Big]\\,100\\%,

    and :math:`RCI_{LO}` likewise with the recommended and allowable minima.
    Herrlin rates >= 96 % good and < 90 % poor.  The index is not floored:
    values below 0 mean the mean over-temperature exceeds the width of the
    allowable band.  For H1 (recommended max 22 °C, allowable max 25 °C) the
    band is only 3 K, so the index is steep.

    References
    ----------
    .. [1] M. K. Herrlin, "Rack Cooling Effectiveness in Data Centers and
       Telecom Central Offices: The Rack Cooling Index (RCI)", ASHRAE
       Transactions 111(2), 725-731 (2005).
    .. [2] M. K. Herrlin, "Improved Data Center Energy Efficiency and Thermal
       Performance by Advanced Airflow Analysis", ASHRAE Journal, Jan. 2009,
       p. 39 (variable definitions).

    Examples
    --------
    >>> rack_cooling_index(Q_([26, 29.5], "degC"), "A1", axis=0)
    (75.0, 100.0)
    """
    t = to_si(inlet_temperatures, TEMPERATURE.positive(), "inlet_temperatures")
    return _rci_si(t, air_class, axis)


rack_cooling_index.si = _rci_si
