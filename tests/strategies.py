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

# Units a user may write each kind in.  The value in the other unit is obtained
# with pint's own conversion: these strategies test that coolsim's *physics*
# gives the same SI result whatever units its inputs arrive in (the exact unit
# factors themselves are tested in tests/test_units.py).
_TEMPERATURE_UNITS = ["K", "degC", "degF", "degR"]
_DELTA_T_UNITS = ["K", "delta_degC", "delta_degF", "degR"]
_POWER_UNITS = ["W", "kW", "Btu/hour", "refrigeration_ton"]
_VOLFLOW_UNITS = ["m**3/s", "L/min", "cfm", "gpm"]
_PRESSURE_UNITS = ["Pa", "kPa", "psi", "inH2O"]


def as_quantity_in_random_unit(si_value, si_unit, units):
    """Strategy: ``si_value`` [si_unit] expressed as a Quantity in one of ``units``."""
    return st.sampled_from(units).map(lambda unit: Q_(si_value, si_unit).to(unit))


def temperature_q(si_value):
    return as_quantity_in_random_unit(si_value, "K", _TEMPERATURE_UNITS)


def delta_t_q(si_value):
    return as_quantity_in_random_unit(si_value, "K", _DELTA_T_UNITS)


def power_q(si_value):
    return as_quantity_in_random_unit(si_value, "W", _POWER_UNITS)


def volumetric_flow_q(si_value):
    return as_quantity_in_random_unit(si_value, "m**3/s", _VOLFLOW_UNITS)


def pressure_q(si_value):
    return as_quantity_in_random_unit(si_value, "Pa", _PRESSURE_UNITS)
