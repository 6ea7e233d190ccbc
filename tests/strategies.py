"""Hypothesis strategies by physical kind, in SI, with generous but physical ranges.

Module-specific strategies live in the test module that needs them; kinds
shared by several modules live here.
"""

from hypothesis import strategies as st

from coolsim.units import Q_


def floats(lo, hi):
    """Finite floats in [lo, hi]."""
    return st.floats(min_value=lo, max_value=hi, allow_nan=False, allow_infinity=False)


#: Absolute temperatures of data-centre air and coolants [K] (−20 … 90 °C).
temperature_k = floats(253.15, 363.15)
#: Temperature rises across IT, cold plates and exchangers [K].
delta_t_k = floats(0.5, 40.0)
#: Heat loads from a single device to a hall [W].
power_w = floats(1.0, 5.0e7)
#: Volumetric flows from a cold plate to a fan wall [m³/s].
volumetric_flow_m3s = floats(1e-6, 500.0)
#: Gauge pressures / pressure drops [Pa].
pressure_pa = floats(1.0, 1.0e6)
#: Fractions in [0, 1].
fraction = floats(0.0, 1.0)

# Equivalent spellings of one value in other units: (unit, factor, offset) such
# that value_in_unit = si * factor + offset.
_TEMPERATURE_UNITS = [("K", 1.0, 0.0), ("degC", 1.0, -273.15), ("degF", 1.8, -459.67), ("degR", 1.8, 0.0)]
_DELTA_T_UNITS = [("K", 1.0), ("delta_degC", 1.0), ("delta_degF", 1.8), ("delta_degR", 1.8)]
_POWER_UNITS = [("W", 1.0), ("kW", 1e-3), ("Btu/hour", 3.412141633), ("refrigeration_ton", 1 / 3516.8528)]
_VOLFLOW_UNITS = [("m**3/s", 1.0), ("L/min", 60000.0), ("cfm", 2118.880003), ("gpm", 15850.32314)]
_PRESSURE_UNITS = [("Pa", 1.0), ("kPa", 1e-3), ("psi", 1.450377377e-4), ("inH2O", 4.014630786e-3)]


def as_quantity_in_random_unit(si_value, units):
    """Strategy: ``si_value`` expressed as a Quantity in one of ``units``."""

    def build(entry):
        unit, factor, *offset = entry
        value = si_value * factor + (offset[0] if offset else 0.0)
        q = Q_(value, unit)
        return q

    return st.sampled_from(units).map(build)


def temperature_q(si_value):
    return as_quantity_in_random_unit(si_value, _TEMPERATURE_UNITS)


def delta_t_q(si_value):
    return as_quantity_in_random_unit(si_value, _DELTA_T_UNITS)


def power_q(si_value):
    return as_quantity_in_random_unit(si_value, _POWER_UNITS)


def volumetric_flow_q(si_value):
    return as_quantity_in_random_unit(si_value, _VOLFLOW_UNITS)


def pressure_q(si_value):
    return as_quantity_in_random_unit(si_value, _PRESSURE_UNITS)
