"""Psychrometrics of moist air: ASHRAE Handbook--Fundamentals (2017) ch. 1 in SI, vectorised.

Every function broadcasts, so one state, an 8,760-hour weather year and a sweep share one
code path; the inverses (dew point, wet bulb) are bracketed Newton iterations on whole arrays.
Temperatures are absolute (``degC``, ``degF``, ``K``). The humidity ratio W is kg of vapour per
kg of dry air, a plain number (``Q_(10, 'g/kg')`` is accepted); relative humidity is a fraction
0 ... 1 (``Q_(60, 'percent')`` is accepted). Enthalpy and specific volume are per kg of *dry
air*, as in the handbook. Pressure defaults to the standard sea-level atmosphere, 101 325 Pa.
Moist air is a mixture of ideal gases (the handbook's perfect-gas relations, within 0.7 % of
its real-gas tables for W, h and v at standard pressure between -50 and 50 °C).

Modules, by physical domain (everything is re-exported here, so
``from coolsim.psychrometrics import wet_bulb`` is the way to use them):

- :mod:`~coolsim.psychrometrics.atmosphere`: ``STANDARD_PRESSURE`` and the standard atmosphere;
- :mod:`~coolsim.psychrometrics.saturation`: saturation vapour pressure (Hyland-Wexler);
- :mod:`~coolsim.psychrometrics.humidity`: humidity ratio and relative humidity conversions,
  and the ``HUMIDITY_RATIO`` / ``RELATIVE_HUMIDITY`` Kinds;
- :mod:`~coolsim.psychrometrics.dew_and_wet_bulb`: dew point and thermodynamic wet bulb;
- :mod:`~coolsim.psychrometrics.moist_air`: enthalpy, specific volume, density, specific heat;
- :mod:`~coolsim.psychrometrics._core`: the unit-free constants, correlation and solvers.
"""

from __future__ import annotations

from ..units import SPECIFIC_VOLUME  # specific volume [m³/kg] (per kg of dry air for moist air)
from .atmosphere import STANDARD_PRESSURE, standard_atmosphere_pressure, standard_atmosphere_temperature
from .dew_and_wet_bulb import (
    dew_point,
    dew_point_from_relative_humidity,
    wet_bulb,
    wet_bulb_from_dew_point,
    wet_bulb_from_relative_humidity,
)
from .humidity import (
    HUMIDITY_RATIO,
    RELATIVE_HUMIDITY,
    humidity_ratio_from_dew_point,
    humidity_ratio_from_relative_humidity,
    humidity_ratio_from_vapour_pressure,
    humidity_ratio_from_wet_bulb,
    relative_humidity,
)
from .moist_air import moist_air_density, moist_air_enthalpy, moist_air_specific_heat, moist_air_specific_volume
from .saturation import saturation_vapour_pressure

__all__ = [
    "STANDARD_PRESSURE", "SPECIFIC_VOLUME", "HUMIDITY_RATIO", "RELATIVE_HUMIDITY",
    "saturation_vapour_pressure", "standard_atmosphere_pressure", "standard_atmosphere_temperature",
    "humidity_ratio_from_vapour_pressure", "humidity_ratio_from_relative_humidity",
    "humidity_ratio_from_dew_point", "humidity_ratio_from_wet_bulb", "relative_humidity",
    "dew_point", "dew_point_from_relative_humidity", "wet_bulb", "wet_bulb_from_relative_humidity",
    "wet_bulb_from_dew_point", "moist_air_enthalpy", "moist_air_specific_volume",
    "moist_air_density", "moist_air_specific_heat",
]
