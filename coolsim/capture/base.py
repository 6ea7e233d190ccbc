"""What every capture technology returns to the chain.

A capture component (forced air, direct-to-chip, single- or two-phase
immersion) takes the IT load and the site and returns a
:class:`CaptureResult`: the IT-side powers, the air and coolant flows, the
power of the movers it owns (CRAH fans, technology-loop pumps), the hottest
device temperature, and up to two :class:`HeatStream` s — the heat it hands to
the facility's water loops, each with the warmest supply temperature it can
accept.  The heat-rejection plant (:mod:`coolsim.plant`) serves those streams.

All values are SI floats or float64 arrays broadcast to the result's shape.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

import numpy as np

from ..feasibility import Feasibility

__all__ = ["Circuit", "HeatStream", "CaptureResult"]


class Circuit(enum.Enum):
    """Which facility water circuit a heat stream belongs to."""

    CHILLED_WATER = "chilled water"  #: cold water for air coils (CRAH, fan wall, rear door)
    FACILITY_WATER = "facility water"  #: warm water for CDUs, tank exchangers, condensers


@dataclass(frozen=True)
class HeatStream:
    """Heat handed to a facility water loop.

    Attributes
    ----------
    heat : array
        Heat the loop must carry away, including the heat of fans and pumps
        that run indoors on this path [W].
    supply_temperature : array
        Warmest facility-water supply temperature at which every limit on this
        path (air inlet class, device temperature, CDU approach …) still holds [K].
    return_temperature : array
        Facility-water return temperature at that supply [K].
    label : str
        What the loop serves, for reports ("chilled water to CRAH coils").
    circuit : Circuit
        The facility circuit: :attr:`Circuit.CHILLED_WATER` (air coils, the
        default) or :attr:`Circuit.FACILITY_WATER` (liquid capture); the
        :class:`~coolsim.plant.HeatRejection` routes streams by it.
    air_supply_temperature : array or None
        For chilled-water streams that feed air coils: the supply-air
        temperature the coils make [K].  An air-side economizer uses it to
        decide when outdoor air can do the coils' job.
    """

    heat: np.ndarray | float
    supply_temperature: np.ndarray | float
    return_temperature: np.ndarray | float
    label: str
    circuit: Circuit = Circuit.CHILLED_WATER
    air_supply_temperature: np.ndarray | float | None = None


@dataclass(frozen=True)
class CaptureResult:
    """The result of a capture component, in SI.

    Attributes
    ----------
    kind : str
        ``forced_air``, ``direct_to_chip``, ``immersion_single_phase`` or
        ``immersion_two_phase`` (a label for reports and JSON, not a switch).
    it_power : array
        Power into the IT equipment, server fans included [W].
    server_fan_power : array
        Power of the fans inside the servers (IT power) [W].
    compute_power : array
        IT power less server fans [W] (the ITUE denominator).
    heat_to_air, heat_to_liquid : array
        IT heat removed by room air and by liquid [W]; they sum to ``it_power``.
    it_airflow : array
        Airflow through the IT equipment [m³/s].
    cooling_airflow : array
        Airflow delivered by the cooling units (CRAH / fan wall) [m³/s].
    air_mover_power : array
        Electrical power of CRAH / fan-wall fans [W].
    coolant_flow : array or None
        Technology-side coolant flow (cold-plate loop, tank fluid) [m³/s];
        ``None`` for forced air.
    pump_power : array
        Electrical power of technology-side pumps (CDU, tank circulation) [W].
    max_device_temperature : array
        Hottest device (GPU case or junction, as the component documents) [K].
    it_inlet_temperature : array or None
        Air temperature at the IT inlets [K]; ``None`` without an air path.
    sound_power_level : array or None
        Sound power level of the air movers, unweighted [dB re 1 pW].
    streams : tuple of HeatStream
        Heat handed to facility water loops: ``chilled_water`` first (for air
        coils) when there is an air path, then ``facility_water`` (for CDUs,
        tank exchangers, condensers).
    feasibility : Feasibility
        Where the capture meets every limit, and the reasons where not.
    details : dict
        Further named SI results of the technology (RCI, RTI, SHI, CDU UA,
        fluid volume, CHF margin …), each ``(value, unit)``.
    coolant_pressure_drop : array or None
        Pressure drop of the technology-side pumped loop at its flow (the
        cold-plate TCS through plates, hoses, quick disconnects, manifolds
        and CDU; the tank circuit of single-phase immersion) [Pa]; ``None``
        where the technology has no pumped coolant loop (forced air,
        two-phase immersion, whose vapour condenses passively).
    """

    kind: str
    it_power: np.ndarray | float
    server_fan_power: np.ndarray | float
    compute_power: np.ndarray | float
    heat_to_air: np.ndarray | float
    heat_to_liquid: np.ndarray | float
    it_airflow: np.ndarray | float
    cooling_airflow: np.ndarray | float
    air_mover_power: np.ndarray | float
    coolant_flow: np.ndarray | float | None
    pump_power: np.ndarray | float
    max_device_temperature: np.ndarray | float
    it_inlet_temperature: np.ndarray | float | None
    sound_power_level: np.ndarray | float | None
    streams: tuple = ()
    feasibility: Feasibility = field(default_factory=Feasibility.ok)
    details: dict = field(default_factory=dict)
    coolant_pressure_drop: np.ndarray | float | None = None

    @property
    def indoor_mechanical_power(self):
        """Power of fans and pumps that ends up as heat indoors [W]."""
        return self.air_mover_power + self.pump_power
