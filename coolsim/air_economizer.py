"""Air-side economizer: outdoor air does the coils' work when it is cool and dry enough.

:class:`AirSideEconomizer` wraps the chilled-water :class:`~coolsim.plant.Plant`
that serves the air coils (CRAH / fan-wall units).  In each element (hour,
configuration) it decides from the outdoor dry bulb and dew point whether
outdoor air can make the supply air by itself (*free*: outdoor air mixed with
return air), only part of it (*partial*: 100 % outdoor air, the coils trim the
rest) or not at all (*off*: the water plant serves the whole load).  It
returns the same :class:`~coolsim.plant.PlantResult` as a plant (an
:class:`AirEconomizerResult`, a subclass with the air-side decision attached),
so it can stand wherever a plant serves the chilled-water stream:
``HeatRejection(chilled_water=AirSideEconomizer(plant))``.

Model (draw-through units: mixing box → coil → fans → supply):

* coil-leaving (mixed-air) temperature needed :math:`T_m = T_{sa} - \\Delta T_{fan}`;
* return air :math:`T_{ra} = T_{sa} + \\Delta T_{ra}`;
* outdoor air usable when :math:`T_{oa} < T_{ra}` (differential dry-bulb high
  limit, ASHRAE 90.1 Table 6.5.1.1.3) and its dew point lies in
  :math:`[T_{dp,min}, T_{dp,max}]` with relative humidity at the supply
  temperature :math:`p_{ws}(T_{dp})/p_{ws}(T_{sa}) \\le \\phi_{max}` (ASHRAE
  TC 9.9 envelope);
* free where usable and :math:`T_{oa} \\le T_m`: outdoor-air fraction
  :math:`x = (T_{ra} - T_m)/(T_{ra} - T_{oa})`;
* partial where usable and :math:`T_m < T_{oa} < T_{ra}`: coil share
  :math:`(T_{oa} - T_m)/(T_{ra} - T_m)` of the load, served by the water plant;
* off otherwise: the water plant serves the full load.

A data hall has no internal moisture source, so in steady economizer
operation the supply air carries the outdoor humidity ratio: the humidity
limits are applied to the outdoor air (no humidification or dehumidification
is modelled; such hours are left to the water plant).

References
----------
.. [1] ASHRAE TC 9.9, *Thermal Guidelines for Data Processing Environments*,
   5th ed., ASHRAE, 2021, ch. 2 (recommended envelope 18-27 °C, dew point
   -9 to 15 °C, 70 % RH).
.. [2] ANSI/ASHRAE/IES Standard 90.1-2016, *Energy Standard for Buildings
   Except Low-Rise Residential Buildings*, sec. 6.5.1.1 and Table 6.5.1.1.3
   (air economizer high-limit shutoff: fixed or differential dry bulb, fixed
   or differential enthalpy, with a fixed dry bulb).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from . import psychrometrics as _psy
from .capture.base import HeatStream
from .errors import OutOfRangeError
from .plant import Plant, PlantResult
from .rejection import CoolingMode
from .units import DIMENSIONLESS, FRACTION, Q_, TEMPERATURE, TEMPERATURE_DIFFERENCE, quantity_io, to_si

__all__ = ["AirMode", "AirEconomizerSI", "air_economizer_mode", "AirSideEconomizer", "AirEconomizerResult",
           "OUTDOOR_AIR"]

OUTDOOR_AIR = CoolingMode.DRY_COOLER
"""The :class:`~coolsim.rejection.CoolingMode` value reported in hours served by outdoor air alone
(value 0: no water and no compressor; :class:`CoolingMode` has no member of its own for outdoor air)."""


class AirMode(enum.IntEnum):
    """Air-side economizer decision per element (an ``int8`` array holds these values)."""

    FREE = 0  #: outdoor air mixed with return air makes the supply air; coils idle
    PARTIAL = 1  #: 100 % outdoor air, the coils trim the rest
    OFF = 2  #: outdoor air unusable (too warm, too humid or too dry); the water plant serves the load


class AirEconomizerSI(NamedTuple):
    """What ``air_economizer_mode.si`` returns (SI)."""

    mode: object  #: int8 array of :class:`AirMode`
    outdoor_air_fraction: object  #: outdoor air in the supply air [-]
    coil_share: object  #: share of the load left to the coils (water plant) [-]
    humidity_ok: object  #: outdoor dew point and RH inside the limits (bool)


_T = TEMPERATURE.between(173.15, 373.15)
_DT = TEMPERATURE_DIFFERENCE.nonnegative()
_DTP = TEMPERATURE_DIFFERENCE.positive()


@quantity_io(t_outdoor=_T, dew_point=_T, t_supply_air=_T, return_air_rise=_DTP, fan_temperature_rise=_DT,
             min_dew_point=_T, max_dew_point=_T, max_relative_humidity=DIMENSIONLESS.spec(0.0, 1.0, lo_open=True))
def air_economizer_mode(t_outdoor, dew_point, t_supply_air, return_air_rise, fan_temperature_rise=1.0,
                        min_dew_point=264.15, max_dew_point=288.15, max_relative_humidity=0.70):
    """Air-side economizer decision: free, partial or off, element by element.

    Parameters
    ----------
    t_outdoor : pint.Quantity
        Outdoor dry bulb [K].
    dew_point : pint.Quantity
        Outdoor dew point [K].
    t_supply_air : pint.Quantity
        Supply-air temperature the units make [K].
    return_air_rise : pint.Quantity
        Return air minus supply air [K].
    fan_temperature_rise : pint.Quantity
        Temperature rise across the unit fans after the coil [K]; default 1 K.
    min_dew_point, max_dew_point : pint.Quantity
        Outdoor dew-point band; defaults -9 °C and 15 °C (ASHRAE recommended) [K].
    max_relative_humidity : float
        Highest RH of outdoor air warmed (or cooled) to the supply temperature;
        default 0.70 (ASHRAE recommended) [-].

    Returns
    -------
    AirEconomizerSI
        ``mode`` (int8 :class:`AirMode`), ``outdoor_air_fraction`` [-],
        ``coil_share`` [-], ``humidity_ok`` (bool).

    Notes
    -----
    :math:`T_m = T_{sa} - \\Delta T_{fan}`, :math:`T_{ra} = T_{sa} + \\Delta T_{ra}`.
    Usable: :math:`T_{oa} < T_{ra}`, :math:`T_{dp,min} \\le T_{dp} \\le T_{dp,max}`,
    :math:`p_{ws}(T_{dp})/p_{ws}(T_{sa}) \\le \\phi_{max}`.  Free where usable
    and :math:`T_{oa} \\le T_m` with :math:`x = (T_{ra}-T_m)/(T_{ra}-T_{oa})`;
    partial where usable and :math:`T_{oa} > T_m`, coil share
    :math:`(T_{oa}-T_m)/(T_{ra}-T_m)`; else off (coil share 1).  Sensible
    mixing with equal specific heats (error < 1 % for air at 0-40 °C).
    Valid for outdoor air -100 to 100 °C (saturation pressure range).

    References
    ----------
    .. [1] ASHRAE TC 9.9, *Thermal Guidelines for Data Processing Environments*, 5th ed., 2021, ch. 2.
    .. [2] ANSI/ASHRAE/IES Standard 90.1-2016, Table 6.5.1.1.3 (high-limit shutoff controls).

    Examples
    --------
    >>> from coolsim import Q_
    >>> r = air_economizer_mode(Q_([5, 27, 30, 40], "degC"), Q_([0, 10, 20, 10], "degC"),
    ...                         Q_(24, "degC"), Q_(11, "K"))
    >>> [AirMode(m).name for m in r.mode], [round(float(c), 3) for c in r.coil_share]
    (['FREE', 'PARTIAL', 'OFF', 'OFF'], [0.0, 0.333, 1.0, 1.0])
    """
    if np.any(np.asarray(dew_point) > np.asarray(t_outdoor) + 1e-9):
        raise OutOfRangeError("parameter 'dew_point' must not exceed 't_outdoor' (supersaturated air)")
    if np.any(np.asarray(min_dew_point) > np.asarray(max_dew_point)):
        raise OutOfRangeError(f"parameter 'min_dew_point' must be <= 'max_dew_point'; got {min_dew_point!r} K > "
                              f"{max_dew_point!r} K")
    t_oa, tdp = np.asarray(t_outdoor, float), np.asarray(dew_point, float)
    t_m = t_supply_air - fan_temperature_rise
    t_ra = np.asarray(t_supply_air + return_air_rise, float)
    rh = _psy.saturation_vapour_pressure.si(tdp) / _psy.saturation_vapour_pressure.si(t_supply_air)
    humid_ok = (tdp >= min_dew_point) & (tdp <= max_dew_point) & (rh <= max_relative_humidity)
    usable = humid_ok & (t_oa < t_ra)
    free = usable & (t_oa <= t_m)
    shape = np.broadcast_shapes(np.shape(free), np.shape(t_m))
    mode = np.full(shape, AirMode.OFF, np.int8)
    mode[np.broadcast_to(usable, shape)] = AirMode.PARTIAL
    mode[np.broadcast_to(free, shape)] = AirMode.FREE
    with np.errstate(divide="ignore", invalid="ignore"):
        x_free = (t_ra - t_m) / np.where(free, t_ra - t_oa, 1.0)
        coil = (t_oa - t_m) / (t_ra - t_m)
    oa = np.where(free, x_free, np.where(usable, 1.0, 0.0))
    coil = np.where(free, 0.0, np.where(usable, coil, 1.0))
    oa, coil, humid_ok = (np.broadcast_to(a, shape) for a in (oa, coil, humid_ok))
    if not shape:
        return AirEconomizerSI(AirMode(int(mode)), float(oa), float(coil), bool(humid_ok))
    return AirEconomizerSI(mode, oa, coil, humid_ok)


@dataclass(frozen=True)
class AirEconomizerResult(PlantResult):
    """A :class:`~coolsim.plant.PlantResult` plus the air-side decision.

    Extra attributes: ``air_mode`` (int8 :class:`AirMode`), ``outdoor_air_fraction``
    and ``coil_share`` [-], ``economizer_fan_power`` (the part of ``sink_fan_power``
    due to the outdoor-air path) [W], and ``water`` (the water plant's own result).
    """

    air_mode: np.ndarray | None = None
    outdoor_air_fraction: np.ndarray | float = 0.0
    coil_share: np.ndarray | float = 1.0
    economizer_fan_power: np.ndarray | float = 0.0
    water: PlantResult | None = None


@dataclass(frozen=True)
class AirSideEconomizer:
    """An air-side economizer in front of the chilled-water plant of the air coils.

    Parameters
    ----------
    water_plant : Plant
        The chilled-water plant that serves the coils when outdoor air cannot
        (or only partly can); it serves liquid streams unchanged.
    max_dew_point, min_dew_point : pint.Quantity
        Outdoor dew-point band for economizer operation; defaults 15 °C and
        -9 °C, the ASHRAE TC 9.9 (2021) recommended band [K].
    max_humidity : float
        Largest relative humidity the outdoor air may have at the supply-air
        temperature; default 0.70 (ASHRAE TC 9.9 recommended) [-].
    fan_power_penalty : float
        Extra fan power (relief/return fans, outdoor-air filters and dampers)
        per watt of load, times the outdoor-air fraction; default 0.015
        (assumption: ~125 Pa extra on supply fans of ~0.28 W/cfm at 375 Pa,
        with 0.16 cfm per watt at an 11 K air rise) [-].
    fan_temperature_rise : pint.Quantity
        Air temperature rise across the unit fans after the coil; default 1 K
        (assumption: 0.3-0.6 W/cfm of fan heat is 0.5-1 K) [K].
    return_air_rise : pint.Quantity
        Return air minus supply air; default 10.8 K, that of the reference
        forced-air hall (20 °F IT rise, 5 % bypass, 2 % recirculation) [K].
    label : str
        Name for reports.

    Examples
    --------
    >>> from coolsim import architectures as A
    >>> from coolsim.capture.base import HeatStream
    >>> from coolsim.site import Site
    >>> eco = AirSideEconomizer(A._chilled_water_plant())
    >>> s = HeatStream(1e6, 290.0, 296.7, "coils", air_supply_temperature=297.15)
    >>> r = eco.serve_si(s, Site("cold", Q_(5, "degC"), Q_(2, "degC")).si)
    >>> AirMode(int(r.air_mode)).name, float(r.chiller_power)
    ('FREE', 0.0)
    """

    water_plant: Plant
    max_dew_point: object = field(default_factory=lambda: Q_(15.0, "degC"))
    min_dew_point: object = field(default_factory=lambda: Q_(-9.0, "degC"))
    max_humidity: float = 0.70
    fan_power_penalty: float = 0.015
    fan_temperature_rise: object = field(default_factory=lambda: Q_(1.0, "K"))
    return_air_rise: object = field(default_factory=lambda: Q_(10.8, "K"))
    label: str = "air-side economizer"

    def __post_init__(self):
        if not callable(getattr(self.water_plant, "serve_si", None)):
            raise OutOfRangeError("parameter 'water_plant' must be a Plant (with serve_si); got "
                                  f"{type(self.water_plant).__name__}")
        si = {
            "dp_max": to_si(self.max_dew_point, _T, "max_dew_point"),
            "dp_min": to_si(self.min_dew_point, _T, "min_dew_point"),
            "rh_max": to_si(self.max_humidity, DIMENSIONLESS.spec(0.0, 1.0, lo_open=True), "max_humidity"),
            "penalty": to_si(self.fan_power_penalty, FRACTION, "fan_power_penalty"),
            "dt_fan": to_si(self.fan_temperature_rise, _DT, "fan_temperature_rise"),
            "dt_ra": to_si(self.return_air_rise, _DTP, "return_air_rise"),
        }
        if np.any(np.asarray(si["dp_min"]) > np.asarray(si["dp_max"])):
            raise OutOfRangeError(f"parameter 'min_dew_point' must be <= 'max_dew_point'; got {si['dp_min']!r} K > "
                                  f"{si['dp_max']!r} K")
        object.__setattr__(self, "_si", si)

    def serve_si(self, stream, site, design_heat=None) -> PlantResult:
        """Serve one heat stream at a site (all SI), like :meth:`coolsim.plant.Plant.serve_si`.

        Streams without ``air_supply_temperature`` (liquid streams) go to the
        water plant unchanged.  ``design_heat`` sizes the water plant's sink;
        in a design run (``design_heat`` None) the returned ``heat_rejected``
        is the water plant's at the *full* load, because outdoor air may be
        unusable in any hour (humidity, smoke) and the water plant is sized
        to carry everything.
        """
        if stream.air_supply_temperature is None:
            return self.water_plant.serve_si(stream, site, design_heat)
        s = self._si
        q = np.asarray(stream.heat, float)
        eco = air_economizer_mode.si(site.dry_bulb, site.dew_point, stream.air_supply_temperature, s["dt_ra"],
                                     s["dt_fan"], s["dp_min"], s["dp_max"], s["rh_max"])
        shape = np.broadcast_shapes(q.shape, np.shape(eco.mode), np.shape(stream.supply_temperature),
                                    np.shape(stream.return_temperature))
        air_mode = np.broadcast_to(np.asarray(eco.mode, np.int8), shape)
        coil = np.broadcast_to(np.asarray(eco.coil_share, float), shape)
        oa = np.broadcast_to(np.asarray(eco.outdoor_air_fraction, float), shape)
        q = np.broadcast_to(q, shape)
        trimmed = HeatStream(q * coil, stream.supply_temperature, stream.return_temperature, stream.label,
                             stream.circuit, stream.air_supply_temperature)
        w = self.water_plant.serve_si(trimmed, site, design_heat)
        w_mode = np.broadcast_to(np.asarray(w.mode), shape)
        w_free = np.broadcast_to(np.asarray(w.free_fraction, float), shape)
        mode = np.where(air_mode == AirMode.FREE, OUTDOOR_AIR, w_mode).astype(np.int8)
        air_share = 1.0 - coil
        free_fraction = np.where(air_mode == AirMode.FREE, 1.0, air_share + coil * w_free)
        eco_fans = s["penalty"] * q * oa
        rejected = w.heat_rejected
        if design_heat is None:
            rejected = self.water_plant.serve_si(stream, site, None).heat_rejected
        return AirEconomizerResult(
            chiller_power=w.chiller_power, sink_fan_power=w.sink_fan_power + eco_fans, pump_power=w.pump_power,
            water_use=w.water_use, free_fraction=free_fraction, mode=mode, facility_flow=w.facility_flow,
            feasibility=w.feasibility, heat_rejected=rejected, air_mode=air_mode, outdoor_air_fraction=oa,
            coil_share=coil, economizer_fan_power=eco_fans, water=w)
