"""Tests of coolsim.psychrometrics: published values (R01-R03, R34, traced in
tests/data/sources/psychrometrics.md), a grid comparison against psychrolib (test-only oracle),
hypothesis properties and bad inputs."""

import numpy as np
import psychrolib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim import psychrometrics as ps
from coolsim.errors import ConvergenceError, OutOfRangeError, UnitError, ValidityRangeError
from strategies import floats, pressure_q, temperature_q

psychrolib.SetUnitSystem(psychrolib.SI)
T0 = 273.15


def degc(q):
    return float(q.to("degC").m)


# ---------------------------------------------------------------------------
# validation against published values
# ---------------------------------------------------------------------------
# R01, ASHRAE 2017 ch. 1 Example 1: 40 °C dry bulb, 20 °C wet bulb, 101.325 kPa. The handbook
# answers (W 0.0065, h 56.7 kJ/kg, v 0.896 m³/kg, φ 14 %, t_d ≈ 7 °C) are rounded and were
# worked with real-gas table values (Table 2) where coolsim uses the perfect-gas relations the
# same chapter gives; tolerances are those of the rounding plus that documented difference.
EX1 = dict(dry_bulb=Q_(40, "degC"), wet_bulb=Q_(20, "degC"), pressure=Q_(101.325, "kPa"))


def _ex1_w():
    return ps.humidity_ratio_from_wet_bulb(**EX1)


def test_humidity_ratio_from_wet_bulb_ashrae_example1():
    # ±1e-4: handbook prints 0.0065 (2 s.f.) from the real-gas W_s* of its Table 2.
    assert _ex1_w() == pytest.approx(0.0065, abs=1e-4)


def test_moist_air_enthalpy_ashrae_example1():
    # ±0.1 kJ/kg: the handbook's rounding of 56.7 kJ/kg.
    h = ps.moist_air_enthalpy(Q_(40, "degC"), _ex1_w())
    assert h.to("kJ/kg").m == pytest.approx(56.7, abs=0.1)


def test_moist_air_specific_volume_ashrae_example1():
    # ±1 %: rounding of 0.896 plus the perfect-gas vs real-gas difference (< 0.7 %, ch. 1).
    v = ps.moist_air_specific_volume(Q_(40, "degC"), _ex1_w(), Q_(101.325, "kPa"))
    assert v.to("m**3/kg").m == pytest.approx(0.896, rel=0.01)


def test_relative_humidity_ashrae_example1():
    # ±0.01: the handbook prints φ = 14 %.
    assert ps.relative_humidity(Q_(40, "degC"), _ex1_w()) == pytest.approx(0.14, abs=0.01)


def test_dew_point_ashrae_example1():
    # ±0.5 K: the handbook reads t_d ≈ 7 °C off Table 3 by interpolation.
    assert degc(ps.dew_point(_ex1_w())) == pytest.approx(7.0, abs=0.5)


def test_wet_bulb_ashrae_example1_inverse():
    # The inverse of the example's W must return its 20 °C wet bulb; 1e-6 K is far above the
    # 1e-8 K solver tolerance and far below any physical significance.
    assert degc(ps.wet_bulb(Q_(40, "degC"), _ex1_w())) == pytest.approx(20.0, abs=1e-6)


@pytest.mark.parametrize("t_c, p_pa", [(5, 872.6), (25, 3169.7), (50, 12351.3), (100, 101418.0)])
def test_saturation_vapour_pressure_ashrae_table3(t_c, p_pa):
    # R02, rel 3e-4: Table 3 is tabulated from the full formulation, eq. 6 reproduces it to
    # ~1.5e-4 (the handbook's stated fit quality).
    assert ps.saturation_vapour_pressure(Q_(t_c, "degC")).m == pytest.approx(p_pa, rel=3e-4)


@pytest.mark.parametrize("z, p_pa, t_c", [(500, 95461, 11.75), (1000, 89875, 8.5), (1500, 84556, 5.25)])
def test_standard_atmosphere_ashrae_table1(z, p_pa, t_c):
    # R03, ±1 Pa (Table 1 prints kPa to 3 decimals) and ±0.1 K (printed to 0.1 K or better).
    assert ps.standard_atmosphere_pressure(Q_(z, "m")).m == pytest.approx(p_pa, abs=1.0)
    assert degc(ps.standard_atmosphere_temperature(Q_(z, "m"))) == pytest.approx(t_c, abs=0.1)


def test_dew_point_from_relative_humidity_ashrae_tc99():
    # R34, ±0.2 K: the TC 9.9 envelope discussion quotes the dew point to 0.1 K.
    td = ps.dew_point_from_relative_humidity(Q_(27, "degC"), Q_(60, "percent"))
    assert degc(td) == pytest.approx(18.6, abs=0.2)
    assert degc(td) > 15.0  # outside the recommended envelope (dew point <= 15 °C)


# ---------------------------------------------------------------------------
# grid comparison against psychrolib (same ASHRAE 2017 equations, scalar Python)
# ---------------------------------------------------------------------------
T_GRID = np.arange(-10.0, 50.01, 2.5)
RH_GRID = np.arange(0.05, 0.951, 0.05)
P_GRID = [101325.0, psychrolib.GetStandardAtmPressure(1600.0)]


@pytest.fixture(scope="module", params=P_GRID, ids=["sea_level", "1600m"])
def grid(request):
    p = request.param
    t, rh = (a.ravel() for a in np.meshgrid(T_GRID, RH_GRID))
    ref = {
        "pws": [psychrolib.GetSatVapPres(x) for x in t],
        "w": [psychrolib.GetHumRatioFromRelHum(x, r, p) for x, r in zip(t, rh)],
        "h": [],
        "td": [],
        "twb": [],
    }
    for x, w in zip(t, ref["w"]):
        ref["h"].append(psychrolib.GetMoistAirEnthalpy(x, w))
        ref["td"].append(psychrolib.GetTDewPointFromHumRatio(x, w, p))
        ref["twb"].append(psychrolib.GetTWetBulbFromHumRatio(x, w, p))
    return t + T0, rh, p, {k: np.array(v) for k, v in ref.items()}


def test_grid_saturation_pressure_humidity_ratio_enthalpy_vs_psychrolib(grid):
    t, rh, p, ref = grid
    # rel 1e-12: identical closed-form equations; only floating-point rounding differs.
    np.testing.assert_allclose(ps.saturation_vapour_pressure.si(t), ref["pws"], rtol=1e-12)
    w = ps.humidity_ratio_from_relative_humidity.si(t, rh, p)
    np.testing.assert_allclose(w, ref["w"], rtol=1e-12)
    np.testing.assert_allclose(ps.moist_air_enthalpy.si(t, w), ref["h"], rtol=1e-12)


def test_grid_dew_point_vs_psychrolib(grid):
    t, rh, p, ref = grid
    # 1e-3 K: psychrolib stops its Newton iteration at 0.001 K; coolsim iterates to 1e-8 K.
    td = ps.dew_point.si(ps.humidity_ratio_from_relative_humidity.si(t, rh, p), p)
    np.testing.assert_allclose(td - T0, ref["td"], atol=1e-3, rtol=0)


def test_grid_wet_bulb_vs_psychrolib(grid):
    t, rh, p, ref = grid
    w = ps.humidity_ratio_from_relative_humidity.si(t, rh, p)
    twb = ps.wet_bulb.si(t, w, p)
    # 2e-3 K: psychrolib bisects to a 0.001 K bracket.
    close = np.abs(twb - T0 - ref["twb"]) <= 2e-3
    # Where eqs. 33 and 35 both have a root (W between eq. 33 at t* = 0 °C and eq. 35 at
    # t* = 0- °C), coolsim returns the liquid root and psychrolib's bisection may land on the
    # ice root. Every disagreement must lie in that band, and psychrolib's answer there must
    # still satisfy eq. 35 (W within 2e-6, its 0.001 K tolerance times dW/dt* < 1e-3 /K).
    tc = t - T0
    ws0 = psychrolib.GetSatHumRatio(0.0, p)  # W_s* at t* = 0 °C, as both libraries use it
    w_liquid_at_0 = (2501 * ws0 - 1.006 * tc) / (2501 + 1.86 * tc)  # eq. 33 at t* = 0 °C
    w_ice_at_0 = (2830 * ws0 - 1.006 * tc) / (2830 + 1.86 * tc)  # eq. 35 at t* = 0- °C
    band = (tc > 0) & (w >= w_liquid_at_0) & (w < w_ice_at_0)
    assert np.all(close | band)
    assert np.all(twb[band] >= T0)
    psy = ref["twb"][~close] + T0
    assert np.all(psy < T0)
    np.testing.assert_allclose(ps.humidity_ratio_from_wet_bulb.si(t[~close], psy, p), w[~close], atol=2e-6)
    assert close.mean() > 0.9  # the band is narrow: the comparison is not vacuous


# ---------------------------------------------------------------------------
# hypothesis properties
# ---------------------------------------------------------------------------
air_t = floats(253.15, 323.15)  # -20 ... 50 °C, outdoor and data-hall air
rh_s = floats(0.01, 1.0)
p_s = floats(7.0e4, 1.05e5)  # sea level to ~3000 m


@given(air_t, rh_s, p_s)
def test_wet_bulb_between_dew_point_and_dry_bulb(t, rh, p):
    w = ps.humidity_ratio_from_relative_humidity.si(t, rh, p)
    twb = ps.wet_bulb.si(t, w, p)
    td = ps.dew_point.si(w, p)
    # 1e-6 K: solver tolerance 1e-8 K plus the 0.01 K ice/water switch of the dew point.
    assert td - 1e-6 <= twb <= t + 1e-6


@given(air_t, floats(0.0, 0.03), floats(1e-6, 0.02))
def test_enthalpy_increases_with_humidity_ratio(t, w, dw):
    assert ps.moist_air_enthalpy.si(t, w + dw) > ps.moist_air_enthalpy.si(t, w)


@given(air_t, rh_s, p_s)
def test_relative_humidity_dew_point_round_trip(t, rh, p):
    td = ps.dew_point_from_relative_humidity.si(t, rh)
    back = ps.relative_humidity.si(t, ps.humidity_ratio_from_dew_point.si(td, p), p)
    # rel 1e-7: a 1e-8 K dew-point tolerance moves p_ws by < 1e-9 relative; rounding at
    # RH = 0.01 amplifies that by at most ~100.
    assert back == pytest.approx(rh, rel=1e-7)


@given(air_t, rh_s, p_s)
def test_wet_bulb_humidity_ratio_round_trip(t, rh, p):
    w = ps.humidity_ratio_from_relative_humidity.si(t, rh, p)
    twb = ps.wet_bulb.si(t, w, p)
    # abs 1e-10 kg/kg: 1e-8 K solver tolerance times dW/dt* < 1e-2 /K.
    assert ps.humidity_ratio_from_wet_bulb.si(t, twb, p) == pytest.approx(w, abs=1e-10)


@given(st.lists(st.tuples(air_t, rh_s), min_size=1, max_size=12), p_s)
def test_array_equals_per_element(pairs, p):
    t = np.array([a for a, _ in pairs])
    rh = np.array([b for _, b in pairs])
    arr = ps.wet_bulb_from_relative_humidity.si(t, rh, p)
    one = [ps.wet_bulb_from_relative_humidity.si(a, b, p) for a, b in pairs]
    # 1e-9 K: in an array, converged elements keep iterating until the slowest one converges.
    np.testing.assert_allclose(arr, one, atol=1e-9, rtol=0)
    tds = ps.dew_point_from_relative_humidity.si(t, rh)
    np.testing.assert_allclose(tds, [ps.dew_point_from_relative_humidity.si(a, b) for a, b in pairs], atol=1e-9)


@given(air_t.flatmap(lambda t: st.tuples(st.just(t), temperature_q(t))), rh_s,
       p_s.flatmap(lambda p: st.tuples(st.just(p), pressure_q(p))))
def test_unit_invariance(t_pair, rh, p_pair):
    (t, tq), (p, pq) = t_pair, p_pair
    ref = ps.wet_bulb_from_relative_humidity.si(t, rh, p)
    got = ps.wet_bulb_from_relative_humidity(tq, Q_(100 * rh, "percent"), pq)
    # 1e-9 K: unit conversion of degF/degR/kPa/psi rounds at ~1e-13 relative.
    assert got.to("K").m == pytest.approx(ref, abs=1e-9)
    assert ps.humidity_ratio_from_relative_humidity(tq, rh, pq) == pytest.approx(
        ps.humidity_ratio_from_relative_humidity.si(t, rh, p), rel=1e-11)


def test_scalar_and_array_types():
    assert isinstance(ps.humidity_ratio_from_relative_humidity(Q_(20, "degC"), 0.5), float)
    out = ps.wet_bulb_from_relative_humidity(Q_([20.0, 30.0], "degC"), np.array([[0.2], [0.8]]))
    assert out.m.shape == (2, 2)


def test_percent_equals_fraction():
    a = ps.wet_bulb_from_relative_humidity(Q_(30, "degC"), Q_(45, "percent"))
    b = ps.wet_bulb_from_relative_humidity(Q_(30, "degC"), 0.45)
    assert a.m == pytest.approx(b.m, rel=1e-15)


def test_density_times_specific_heat_is_basis_consistent():
    # ρ·cp must equal (1006 + 1860 W)/v exactly (per-moist-air basis on both factors).
    t, w = 303.15, 0.012
    lhs = ps.moist_air_density.si(t, w) * ps.moist_air_specific_heat.si(w)
    assert lhs == pytest.approx((1006 + 1860 * w) / ps.moist_air_specific_volume.si(t, w), rel=1e-14)


# ---------------------------------------------------------------------------
# bad inputs
# ---------------------------------------------------------------------------
def _raises(err, name, func, *args):
    with pytest.raises(err) as info:
        func(*args)
    assert f"'{name}'" in str(info.value)


def test_nan_dry_bulb():
    _raises(OutOfRangeError, "dry_bulb", ps.wet_bulb_from_relative_humidity, Q_(np.nan, "degC"), 0.5)


def test_nan_in_array_names_index():
    with pytest.raises(OutOfRangeError, match="index 1"):
        ps.relative_humidity(Q_([20.0, 25.0], "degC"), np.array([0.01, np.nan]))


@pytest.mark.parametrize("rh", [1.2, -0.1, Q_(120, "percent")])
def test_relative_humidity_out_of_range(rh):
    _raises(OutOfRangeError, "relative_humidity", ps.humidity_ratio_from_relative_humidity, Q_(20, "degC"), rh)


def test_wet_bulb_above_dry_bulb():
    _raises(OutOfRangeError, "wet_bulb", ps.humidity_ratio_from_wet_bulb, Q_(20, "degC"), Q_(21, "degC"))


def test_wet_bulb_too_low():
    _raises(OutOfRangeError, "wet_bulb", ps.humidity_ratio_from_wet_bulb, Q_(40, "degC"), Q_(5, "degC"))


def test_dew_point_above_dry_bulb():
    _raises(OutOfRangeError, "dew_point", ps.wet_bulb_from_dew_point, Q_(20, "degC"), Q_(22, "degC"))


def test_supersaturated_humidity_ratio():
    _raises(OutOfRangeError, "humidity_ratio", ps.relative_humidity, Q_(20, "degC"), 0.02)
    _raises(OutOfRangeError, "humidity_ratio", ps.wet_bulb, Q_(20, "degC"), 0.02)


def test_humidity_ratio_negative():
    _raises(OutOfRangeError, "humidity_ratio", ps.moist_air_enthalpy, Q_(20, "degC"), -0.001)


def test_temperature_as_difference():
    _raises(UnitError, "dry_bulb", ps.wet_bulb_from_relative_humidity, Q_(20, "delta_degC"), 0.5)


def test_temperature_without_units():
    _raises(UnitError, "temperature", ps.saturation_vapour_pressure, 293.15)


def test_wrong_dimension():
    _raises(UnitError, "pressure", ps.wet_bulb_from_relative_humidity, Q_(20, "degC"), 0.5, Q_(1, "m"))
    _raises(UnitError, "relative_humidity", ps.dew_point_from_relative_humidity, Q_(20, "degC"), Q_(1, "m"))


@pytest.mark.parametrize("t_c", [-120.0, 250.0])
def test_temperature_outside_correlation(t_c):
    _raises(ValidityRangeError, "temperature", ps.saturation_vapour_pressure, Q_(t_c, "degC"))


def test_dry_bulb_above_boiling():
    _raises(OutOfRangeError, "dry_bulb", ps.humidity_ratio_from_relative_humidity, Q_(120, "degC"), 1.0)


def test_dew_point_of_dry_air():
    _raises(ValidityRangeError, "humidity_ratio", ps.dew_point, 0.0)
    _raises(ValidityRangeError, "relative_humidity", ps.dew_point_from_relative_humidity, Q_(20, "degC"), 0.0)


def test_altitude_outside_troposphere():
    _raises(ValidityRangeError, "altitude", ps.standard_atmosphere_pressure, Q_(20, "km"))


def test_vapour_pressure_above_total():
    _raises(OutOfRangeError, "vapour_pressure", ps.humidity_ratio_from_vapour_pressure, Q_(2, "bar"))


def test_solver_reports_non_convergence():
    # A bracket that can only be halved cannot reach 1e-8 K in 3 iterations.
    def fun(x):
        return x - 300.0, np.full_like(x, np.nan)

    with pytest.raises(ConvergenceError, match="did not converge"):
        ps._core._newton(fun, np.array([400.0]), np.array([200.0]), np.array([400.0]), "test", max_iter=3)
