"""Tests of coolsim.capture.cold_plate (sources: tests/data/sources/capture_direct_to_chip.md)."""

import numpy as np
import pytest
from hypothesis import given

from coolsim import Q_
from coolsim.capture.cold_plate import OCP_OAM_FLOWS_LPM, OCP_OAM_RESISTANCES, ColdPlate, ocp_oam_fit
from coolsim.coolants import propylene_glycol, water
from coolsim.errors import OutOfRangeError, UnitError
from strategies import floats

PLATE = ColdPlate()
PG25 = propylene_glycol(0.25)
W = water()
LPM = 1e-3 / 60

# R26: OCP OAI System Liquid Cooling Guidelines (2023) fig. 8, typed here independently of the module.
R26_FLOW = np.array([2.0, 3.0, 4.0, 5.0])
R26_R = np.array([0.0172, 0.0160, 0.0154, 0.0151])


def test_ocp_oam_fit_ocp2023():
    # Refit R = Rb + beta/(rho cp V) from the published points; tolerance 3 % is what R26 asks,
    # the fit achieves 0.2 %, so also check the module's constants agree with the refit to 1e-9.
    assert np.allclose(OCP_OAM_FLOWS_LPM, R26_FLOW) and np.allclose(OCP_OAM_RESISTANCES, R26_R)
    rho_cp = W.density_si(298.15) * W.specific_heat_si(298.15)
    x = 1.0 / (rho_cp * R26_FLOW * LPM)
    rb, beta = np.polyfit(x, R26_R, 1)[::-1]
    fit = ocp_oam_fit()
    assert fit.base_resistance == pytest.approx(rb, rel=1e-9)
    assert fit.caloric_factor == pytest.approx(beta, rel=1e-9)
    assert np.max(np.abs(fit.relative_residuals)) < 0.03
    assert np.max(np.abs(fit.relative_residuals)) < 0.002  # recorded in the docs: 0.19 %
    # physical reading: beta close to 1/2 (case follows the mean coolant temperature)
    assert 0.45 < beta < 0.55


def test_resistance_ocp2023():
    # The public method reproduces every R26 point within 3 % (R26 tolerance).
    r = PLATE.resistance(Q_(R26_FLOW, "L/min"), W, Q_(25, "degC")).m
    assert np.all(np.abs(r / R26_R - 1) < 0.03)


def test_pressure_drop_r26():
    # Nominal point 50 kPa at 10 L/min PG25 reproduced exactly (1e-12) at the reference temperature,
    # and the 1.85 exponent: half the flow gives 0.5**1.85 of the drop.
    dp = PLATE.pressure_drop_si(np.array([10.0, 5.0]) * LPM, PG25, 308.15)
    assert dp[0] == pytest.approx(50e3, rel=1e-12)
    assert dp[1] / dp[0] == pytest.approx(0.5**1.85, rel=1e-12)
    # water is less viscous than PG25: lower drop at the same flow
    assert PLATE.pressure_drop_si(10 * LPM, W, 308.15) < dp[0]


def test_glycol_raises_resistance():
    # PG25 conducts less and stores less heat per volume than water: higher R at equal flow.
    assert PLATE.resistance_si(2 * LPM, PG25, 308.15) > PLATE.resistance_si(2 * LPM, W, 308.15)


@given(v1=floats(0.5, 10.0), v2=floats(0.5, 10.0), t=floats(275.0, 340.0))
def test_resistance_decreases_with_flow(v1, v2, t):
    lo, hi = sorted((v1, v2))
    assert PLATE.resistance_si(hi * LPM, PG25, t) <= PLATE.resistance_si(lo * LPM, PG25, t)


@given(p1=floats(0.0, 2000.0), p2=floats(0.0, 2000.0), t1=floats(280.0, 330.0), t2=floats(280.0, 330.0),
       v=floats(0.5, 10.0))
def test_case_temperature_monotone(p1, p2, t1, t2, v):
    # increases with power and with inlet temperature
    lo, hi = sorted((p1, p2))
    assert PLATE.case_temperature_si(hi, v * LPM, t1, PG25) >= PLATE.case_temperature_si(lo, v * LPM, t1, PG25)
    tl, th = sorted((t1, t2))
    assert PLATE.case_temperature_si(p1, v * LPM, th, PG25) >= PLATE.case_temperature_si(p1, v * LPM, tl, PG25)


@given(v=floats(0.5, 10.0))
def test_resistance_unit_invariance(v):
    a = PLATE.resistance(Q_(v, "L/min"), PG25, Q_(35, "degC")).m
    b = PLATE.resistance(Q_(v, "L/min").to("gpm"), PG25, Q_(95, "degF")).m
    assert a == pytest.approx(b, rel=1e-9)


def test_array_equals_scalar():
    v = np.array([0.7, 1.5, 4.0]) * LPM
    arr = PLATE.junction_temperature_si(700.0, v, 310.0, PG25)
    assert np.allclose(arr, [PLATE.junction_temperature_si(700.0, float(x), 310.0, PG25) for x in v], rtol=1e-12)


@pytest.mark.parametrize("kwargs, exc, name", [
    (dict(film_fraction=1.5), OutOfRangeError, "film_fraction"),
    (dict(base_resistance=Q_(-0.01, "K/W")), OutOfRangeError, "base_resistance"),
    (dict(base_resistance=Q_(0.01, "W/K")), UnitError, "base_resistance"),
    (dict(pressure_exponent=2.5), OutOfRangeError, "pressure_exponent"),
    (dict(nominal_flow=Q_(float("nan"), "L/min")), OutOfRangeError, "nominal_flow"),
    (dict(reference_coolant="water"), UnitError, "reference_coolant"),
])
def test_bad_construction(kwargs, exc, name):
    with pytest.raises(exc, match=name):
        ColdPlate(**kwargs)


def test_bad_calls():
    with pytest.raises(OutOfRangeError, match="flow"):
        PLATE.resistance(Q_(-1, "L/min"), W, Q_(25, "degC"))
    with pytest.raises(OutOfRangeError, match="flow"):
        PLATE.resistance(Q_(float("nan"), "L/min"), W, Q_(25, "degC"))
    with pytest.raises(UnitError, match="coolant"):
        PLATE.resistance(Q_(1, "L/min"), "pg25", Q_(25, "degC"))
    with pytest.raises(OutOfRangeError, match="freezing"):
        PLATE.case_temperature(Q_(700, "W"), Q_(1, "L/min"), Q_(-20, "degC"), PG25)
    with pytest.raises(UnitError, match="power"):
        PLATE.case_temperature(Q_(700, "K"), Q_(1, "L/min"), Q_(20, "degC"), PG25)
