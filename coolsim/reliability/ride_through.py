"""Cooling ride-through: lumped-capacitance transients after a chiller, pump or power failure.

When heat rejection stops but the IT keeps running (on UPS), every watt goes
into thermal mass: room air and structure, the coolant inventory of a loop or
tank, the cold plate under a GPU.  With one well-mixed temperature per mass
(lumped capacitance, Biot number small or mixing fast) the energy balance

.. math:: C(T)\\,\\frac{dT}{dt} = P

integrates in closed form, and the time until a temperature limit is reached is
the stored energy between the initial and limit temperatures divided by the
power.  Results are ride-through times in s (Quantities); ``numpy.inf`` means
the limit is never reached (:func:`lumped_time_to_limit`).

Left out: spatial non-uniformity (with fans off, exhaust recirculates to the
nearest inlets before the room mean reaches the limit — pass only the air that
mixes, e.g. a contained aisle), wall losses and IT throttling.

The models live in domain modules beside this one and are re-exported here:
:mod:`~coolsim.reliability.ride_through_room` (room air, fans on UPS, chilled-water
storage), :mod:`~coolsim.reliability.ride_through_coolant` (coolant loops,
immersion tanks, two-phase boil-off), :mod:`~coolsim.reliability.ride_through_device`
(GPU and cold plate) and :mod:`~coolsim.reliability.ride_through_lumped` (the shared
lumped-capacitance basis).

References
----------
.. [1] T. L. Bergman, A. S. Lavine, F. P. Incropera, D. P. DeWitt, *Fundamentals
   of Heat and Mass Transfer*, 7th ed., Wiley, 2011, §5.1–5.3 (lumped capacitance).
.. [2] P. Lin, S. Zhang, J. VanGilder, "Data Center Temperature Rise During a
   Cooling System Outage", Schneider Electric White Paper 179, rev. 0.
.. [3] K. Khankari, "Rate of heating analysis of data centers during power
   shutdown", ASHRAE Transactions 117(1), 2011, paper LV-11-C026.
"""

from __future__ import annotations

from coolsim import units as _units

from . import ride_through_coolant as _coolant
from . import ride_through_lumped as _lumped
from . import ride_through_room as _room
from .ride_through_coolant import boil_off_rate, coolant_ride_through, two_phase_ride_through
from .ride_through_device import (
    DEFAULT_DEVICE_HEAT_CAPACITY,
    device_ride_through,
    device_time_constant,
    lumped_time_to_limit,
)
from .ride_through_room import (
    room_air_ride_through,
    room_air_ride_through_fans_on_ups,
    thermal_storage_for_ride_through,
)

__all__ = [
    "DEFAULT_DEVICE_HEAT_CAPACITY",
    "room_air_ride_through",
    "room_air_ride_through_fans_on_ups",
    "coolant_ride_through",
    "two_phase_ride_through",
    "boil_off_rate",
    "device_ride_through",
    "device_time_constant",
    "lumped_time_to_limit",
    "thermal_storage_for_ride_through",
]

# Constants, kinds and helpers importable from this path before the split.
R_DRY_AIR = _room.R_DRY_AIR
CP_AIR = _room.CP_AIR
HEAT_CAPACITY = _units.HEAT_CAPACITY
MASS = _units.MASS
_POS_T = _lumped._POS_T
_GL_X = _lumped._GL_X
_GL_W = _lumped._GL_W
_out = _lumped._out
_require_rise = _lumped._require_rise
_integral_cp = _lumped._integral_cp
_check_fluid = _coolant._check_fluid
_air_energy = _room._air_energy
_ROOM = _room._ROOM
