"""Tests of coolsim.fans and the shared curve/operating-point code in coolsim.turbomachinery."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import brentq

from coolsim import Q_
from coolsim.errors import (
    ConvergenceError,
    InfeasibleError,
    OutOfRangeError,
    UnitError,
    ValidityRangeError,
)
from coolsim.fans import (
    FanCurve,
    FanType,
    combine_identical_sources,
    curve_shaft_power,
    fan_octave_sound_power,
    fan_sound_power_level,
    off_peak_correction,
    shaft_power,
    sound_power_change_with_speed,
    sound_pressure_level_at_distance,
)
from coolsim.turbomachinery import (
    TurboCurve,
    affinity_laws,
    efficiency,
    operating_point,
    operating_point_with_mask,
    pressure_rise,
    speed_ratio_for_flow,
)

from strategies import floats, pressure_q, volumetric_flow_q

M3S = "m**3/s"
R10_FAN = TurboCurve((500.0, 0.0, -100.0), (0.6,))  # R10: Δp = 500 − 100·Q², η 0.6


def _op(curve, p_st, q_d, p_d, n=2.0, s=1.0):
    q, p = operating_point(curve, Q_(p_st, "Pa"), Q_(q_d, M3S), Q_(p_d, "Pa"), n, s)
    return q.m_as(M3S), p.m_as("Pa")


# --------------------------------------------------------------------------- validation
def test_operating_point_R10():
    # R10 (validation-cases.md): analytic; closed-form root, so 1e-12 relative (round-off only).
    q, p = _op(R10_FAN, 0.0, 1.0, 400.0)
    assert q == pytest.approx(1.0, rel=1e-12)
    assert p == pytest.approx(400.0, rel=1e-12)
    w = shaft_power(Q_(q, M3S), Q_(p, "Pa"), 0.6)
    assert w.m_as("W") == pytest.approx(666.6667, rel=1e-6)  # 666.7 W printed to 4 digits; 1e-6 covers our 7


def test_operating_point_R11():
    # R11: same fan at 0.8 speed on the same quadratic system; analytic, 1e-12 relative.
    q, p = _op(R10_FAN, 0.0, 1.0, 400.0, s=0.8)
    assert q == pytest.approx(0.8, rel=1e-12)
    assert p == pytest.approx(256.0, rel=1e-12)
    w = curve_shaft_power(R10_FAN, Q_(q, M3S), 0.8).m_as("W")
    assert w == pytest.approx(341.3333, rel=1e-6)  # 341.3 W printed; exact 1024/3
    # and the affinity laws applied to the R10 point give the same three numbers
    q2, p2, w2 = affinity_laws(Q_(1.0, M3S), Q_(400.0, "Pa"), Q_(2000 / 3, "W"), 0.8)
    assert (q2.m, p2.m, w2.m) == pytest.approx((0.8, 256.0, 1024 / 3), rel=1e-12)
    # ΔLw = 50·log10(0.8) = −4.845 dB, printed −4.85 (rounded to 0.01 dB)
    assert sound_power_change_with_speed(0.8) == pytest.approx(-4.85, abs=0.005)


def test_fan_octave_sound_power_long_table_13_5():
    # Long (2014) Eq. 13.1 with Table 13.5 Kw (airfoil, > 0.75 m: 40 40 39 34 30 23 19 17) and
    # Table 13.7 BFI (+3 dB in the 250 Hz band); hand computation at 10,000 cfm and 2 inH2O:
    # 10·log10(10000) + 20·log10(2) = 46.0206 dB.  Tolerance 1e-3 dB: pint's inH2O (249.0889 Pa)
    # and the reference pressure are the same number, so only round-off remains.
    lw = fan_octave_sound_power(Q_(10000, "cfm"), Q_(2, "inH2O"), FanType.CENTRIFUGAL_AIRFOIL_LARGE)
    expected = np.array([40, 40, 39 + 3, 34, 30, 23, 19, 17]) + 46.0206
    np.testing.assert_allclose(lw, expected, atol=1e-3)
    total = 10 * np.log10(np.sum(10 ** (expected / 10)))
    assert fan_sound_power_level(Q_(10000, "cfm"), Q_(2, "inH2O"),
                                 FanType.CENTRIFUGAL_AIRFOIL_LARGE) == pytest.approx(total, abs=1e-3)


def test_off_peak_correction_long_table_13_6():
    # Long (2014) Table 13.6 steps, exact integers.
    ratios = [1.0, 0.9, 0.87, 0.8, 0.7, 0.6, 0.52, 0.3]
    assert list(off_peak_correction(np.array(ratios))) == [0, 0, 3, 6, 9, 12, 15, 16]


def test_sound_pressure_level_at_distance_bies_hansen():
    # Hemisphere: Lp = Lw − 10·log10(2π r²); at 1 m, 10·log10(2π) = 7.9818 dB (exact arithmetic).
    assert sound_pressure_level_at_distance(90.0, Q_(1, "m")) == pytest.approx(90 - 7.9818, abs=1e-4)
    # free field at 10 m: Lw − 10·log10(4π·100) = Lw − 30.992 dB
    assert sound_pressure_level_at_distance(90.0, Q_(10, "m"), 1.0) == pytest.approx(90 - 30.992, abs=1e-3)
    # doubling distance: −6.02 dB (inverse square law)
    d = sound_pressure_level_at_distance(90.0, Q_(2, "m")) - sound_pressure_level_at_distance(90.0, Q_(4, "m"))
    assert d == pytest.approx(20 * math.log10(2), rel=1e-12)


def test_combine_identical_sources_bies_hansen():
    # energy sum: 2 sources +3.01 dB, 10 sources +10 dB (exact).
    assert combine_identical_sources(80.0, 2) == pytest.approx(83.0103, abs=1e-4)
    assert combine_identical_sources(80.0, 10) == pytest.approx(90.0, abs=1e-12)


def test_operating_point_matches_brentq_noninteger_exponent():
    # Vectorised safeguarded Newton vs scipy brentq per system, n = 1.9 (the benchmark case);
    # both converge to ~1e-14, so 1e-9 relative is a safe but meaningful bound.
    rng = np.random.default_rng(7)
    m = 300
    curve = TurboCurve((600.0, 40.0, -120.0))  # rises to a peak near 0.17 m³/s first
    p_st = rng.uniform(0, 400, m)
    k = rng.uniform(10, 500, m)
    s = rng.uniform(0.6, 1.2, m)
    q, p, ok = operating_point_with_mask.si(curve, p_st, 1.0, p_st + k, 1.9, s)
    for i in range(m):
        f = lambda x: s[i] ** 2 * np.polyval([-120.0, 40.0, 600.0], x / s[i]) - p_st[i] - k[i] * x**1.9  # noqa: E731
        lo, hi = curve.peak_flow * s[i], curve.free_flow * s[i]
        if f(lo) <= 0:
            assert not ok[i]
            continue
        assert ok[i]
        assert q[i] == pytest.approx(brentq(f, lo, hi, xtol=1e-14, rtol=1e-14), rel=1e-9)


def test_curve_fit_recovers_quadratic():
    # Fit to 5 exact points of a quadratic: least squares is exact up to round-off (1e-9).
    qs = np.linspace(0, 2, 5)
    c = TurboCurve.from_points(Q_(qs, M3S), Q_(500 - 100 * qs**2, "Pa"),
                               efficiencies=0.6 * (2 * qs / 1.2 - (qs / 1.2) ** 2) + 0.01)
    np.testing.assert_allclose(c.pressure_coefficients, (500, 0, -100), atol=1e-9)
    assert efficiency(c, Q_(1.2, M3S)) == pytest.approx(0.61, rel=1e-9)


def test_bep_efficiency_peak():
    # η(q) = η*(2q/q* − (q/q*)²): maximum η* at q*, zero at shut-off (definition, exact).
    c = R10_FAN.with_bep_efficiency(0.7, Q_(1.3, M3S))
    assert efficiency(c, Q_(1.3, M3S)) == pytest.approx(0.7, rel=1e-12)
    assert efficiency(c, Q_(0, M3S)) == 0.0
    assert efficiency(c, Q_(0.65, M3S), 0.5) == pytest.approx(0.7, rel=1e-12)  # similar point at half speed


# --------------------------------------------------------------------------- properties
@st.composite
def fans_and_systems(draw, exponent=None):
    """A valid quadratic fan curve (some with a rising part near shut-off) and a
    system it can drive on its stable branch, in SI."""
    a0 = draw(floats(50.0, 3000.0))
    q_free = draw(floats(0.1, 50.0))
    a1 = draw(floats(-0.5, 0.3)) * a0 / q_free
    a2 = -(a0 + a1 * q_free) / q_free**2
    curve = TurboCurve((a0, a1, a2))
    s = draw(floats(0.3, 1.5))
    p_st = draw(floats(0.0, 0.9)) * a0 * s**2
    n = exponent if exponent is not None else draw(st.one_of(st.just(2.0), floats(1.6, 2.2)))
    q_d = draw(floats(0.05, 2.0)) * q_free
    if curve.peak_flow > 0.0:  # keep the system below the peak: k < (s²·P_peak − p_st)/(s·q_peak)^n
        k = draw(floats(0.01, 0.99)) * (curve.peak_pressure * s**2 - p_st) / (s * curve.peak_flow) ** n
    else:
        k = draw(floats(0.01, 100.0)) * a0 / q_free**n
    return curve, p_st, q_d, p_st + k * q_d**n, n, s


@given(fans_and_systems(exponent=2.0), floats(0.3, 1.5))
def test_affinity_laws_on_through_origin_system(case, s2):
    # On k·Q² through the origin, points at two speeds are similar: Q ∝ N, Δp ∝ N², P ∝ N³.
    curve, p_st, q_d, p_d, n, s1 = case
    curve = curve.with_bep_efficiency(0.7, Q_(0.6 * curve.free_flow, M3S))
    p_d -= p_st  # drop the static part: the same k, through the origin (feasible at every speed)
    q1, p1 = _op(curve, 0.0, q_d, p_d, n, s1)
    q2, p2 = _op(curve, 0.0, q_d, p_d, n, s2)
    r = s2 / s1
    assert q2 == pytest.approx(q1 * r, rel=1e-9)  # closed form; 1e-9 allows round-off
    assert p2 == pytest.approx(p1 * r**2, rel=1e-9)
    w1 = curve_shaft_power(curve, Q_(q1, M3S), s1).m
    w2 = curve_shaft_power(curve, Q_(q2, M3S), s2).m
    assert w2 == pytest.approx(w1 * r**3, rel=1e-8)


@given(fans_and_systems())
def test_operating_point_lies_on_both_curves(case):
    curve, p_st, q_d, p_d, n, s = case
    q, p = _op(curve, p_st, q_d, p_d, n, s)
    k = (p_d - p_st) / q_d**n
    scale = curve.peak_pressure * s**2
    # residuals relative to the pressure scale: 1e-9 (the solver stops at ~1e-14 in q)
    assert p == pytest.approx(pressure_rise(curve, Q_(q, M3S), s).m, abs=1e-9 * scale)
    assert p == pytest.approx(p_st + k * q**n, abs=1e-9 * scale)
    assert curve.peak_flow * s * (1 - 1e-12) <= q <= curve.free_flow * s * (1 + 1e-12)


@given(fans_and_systems(), floats(1.0, 10.0))
def test_stiffer_system_never_increases_flow(case, factor):
    curve, p_st, q_d, p_d, n, s = case
    q1, _ = _op(curve, p_st, q_d, p_d, n, s)
    q2, _, ok = operating_point_with_mask.si(curve, p_st, q_d, p_st + factor * (p_d - p_st), n, s)
    # a stiffer system may leave the stable branch (surge; flagged infeasible), never gain flow
    assert not ok or q2 <= q1 * (1 + 1e-12)


@given(st.lists(fans_and_systems(), min_size=1, max_size=6), st.booleans())
def test_array_equals_scalar_solves(cases, integer_exponent):
    # One curve (the first case's) against every case's system; some may be infeasible
    # for that curve, so compare the masked results element by element.
    curve = cases[0][0]
    p_st, q_d, p_d, s = (np.array([c[i] for c in cases]) for i in (1, 2, 3, 5))
    n = 2.0 if integer_exponent else 1.85
    q, p, ok = operating_point_with_mask(curve, Q_(p_st, "Pa"), Q_(q_d, M3S), Q_(p_d, "Pa"), n, s)
    for i in range(len(cases)):
        qi, pi, oki = operating_point_with_mask.si(curve, p_st[i], q_d[i], p_d[i], n, s[i])
        assert ok[i] == oki
        # same algorithm on one element; both stop at ~1e-12 relative error -> 1e-10
        np.testing.assert_allclose([q.m[i], p.m[i]], [qi, pi], rtol=1e-10, atol=1e-12)


@given(fans_and_systems(), st.data())
def test_unit_invariance(case, data):
    curve, p_st, q_d, p_d, n, s = case
    q_si, p_si = _op(curve, p_st, q_d, p_d, n, s)
    q, p = operating_point(curve, data.draw(pressure_q(p_st)), data.draw(volumetric_flow_q(q_d)),
                           data.draw(pressure_q(p_d)), n, s)
    # unit conversion factors carry ~1e-10 relative error in the strategies' tables
    assert q.m_as(M3S) == pytest.approx(q_si, rel=1e-8)
    assert p.m_as("Pa") == pytest.approx(p_si, rel=1e-8)


@given(floats(0.01, 100.0), floats(1.0, 5000.0), floats(0.3, 1.5))
def test_sound_estimate_follows_50log_speed_law(flow, pressure, s):
    # 10·log10(Q) + 20·log10(p) scaled by (s, s²) gives 50·log10(s) exactly.
    t = FanType.VANEAXIAL_HUB_MEDIUM
    l1 = fan_sound_power_level(Q_(flow, M3S), Q_(pressure, "Pa"), t)
    l2 = fan_sound_power_level(Q_(flow * s, M3S), Q_(pressure * s * s, "Pa"), t)
    assert l2 - l1 == pytest.approx(sound_power_change_with_speed(s), abs=1e-9)


def test_speed_ratio_for_flow_round_trip():
    s = speed_ratio_for_flow(Q_(1.0, M3S), Q_(0.8, M3S))
    q, _ = _op(R10_FAN, 0.0, 1.0, 400.0, s=s)
    assert q == pytest.approx(0.8, rel=1e-12)


# --------------------------------------------------------------------------- bad inputs
def _raises(err, name, func, *args, **kw):
    with pytest.raises(err) as info:
        func(*args, **kw)
    assert name in str(info.value)


def test_bad_inputs():
    sys = (Q_(0, "Pa"), Q_(1, M3S), Q_(400, "Pa"))
    _raises(OutOfRangeError, "flow", shaft_power, Q_(-1, M3S), Q_(400, "Pa"), 0.6)
    _raises(OutOfRangeError, "efficiency", shaft_power, Q_(1, M3S), Q_(400, "Pa"), 0.0)
    _raises(OutOfRangeError, "efficiency", shaft_power, Q_(1, M3S), Q_(400, "Pa"), 1.2)
    _raises(OutOfRangeError, "speed_ratio", operating_point, R10_FAN, *sys, 2.0, 0.0)
    _raises(OutOfRangeError, "speed_ratio", operating_point, R10_FAN, *sys, 2.0, -0.5)
    _raises(OutOfRangeError, "static_pressure", operating_point, R10_FAN, Q_(np.nan, "Pa"), *sys[1:])
    _raises(OutOfRangeError, "exponent", operating_point, R10_FAN, *sys, 3.5)
    _raises(OutOfRangeError, "design_pressure", operating_point, R10_FAN, Q_(500, "Pa"), Q_(1, M3S), Q_(400, "Pa"))
    _raises(UnitError, "design_flow", operating_point, R10_FAN, Q_(0, "Pa"), Q_(1, "m"), Q_(400, "Pa"))
    _raises(UnitError, "static_pressure", operating_point, R10_FAN, 0.0, Q_(1, M3S), Q_(400, "Pa"))
    _raises(ValidityRangeError, "flow", pressure_rise, R10_FAN, Q_(3, M3S))
    _raises(OutOfRangeError, "fan_type", fan_sound_power_level, Q_(1, M3S), Q_(100, "Pa"), "propeller")
    _raises(OutOfRangeError, "count", combine_identical_sources, 80.0, 2.5)
    _raises(OutOfRangeError, "distance", sound_pressure_level_at_distance, 80.0, Q_(0, "m"))
    _raises(OutOfRangeError, "level", combine_identical_sources, float("nan"), 2)


def test_bad_curves():
    _raises(OutOfRangeError, "pressure_coefficients", TurboCurve, (0.0, 0.0, -1.0))
    _raises(OutOfRangeError, "pressure_coefficients", TurboCurve, (100.0, 0.0, 1.0))  # never reaches 0
    # rises, dips and rises again before free delivery: not monotone on the stable branch
    _raises(OutOfRangeError, "pressure_coefficients", TurboCurve, (100.0, -60.0, 20.0, -2.0))
    _raises(OutOfRangeError, "efficiency_coefficients", TurboCurve, (500.0, 0.0, -100.0), (1.2,))
    _raises(OutOfRangeError, "bep_flow", R10_FAN.with_bep_efficiency, 0.7, Q_(0.5, M3S))
    _raises(OutOfRangeError, "degree", TurboCurve.from_points, Q_([0, 1], M3S), Q_([5, 1], "Pa"))
    _raises(UnitError, "linear", TurboCurve.from_coefficients, Q_(500, "Pa"), Q_(1, "Pa"), Q_(-100, "Pa*s**2/m**6"))


def test_infeasible_system():
    # shut-off 500 Pa < static 600 Pa: scalar raises, naming the static pressure
    _raises(InfeasibleError, "static_pressure", operating_point, R10_FAN, Q_(600, "Pa"), Q_(1, M3S), Q_(900, "Pa"))
    # at 0.9 speed the shut-off is 405 Pa < 450 Pa
    _raises(InfeasibleError, "speed_ratio", operating_point, R10_FAN, Q_(450, "Pa"), Q_(1, M3S), Q_(900, "Pa"), 2, 0.9)
    # arrays: the raising API names the index; the mask API flags it
    p_st = Q_([0.0, 600.0, 100.0], "Pa")
    _raises(InfeasibleError, "index (1,)", operating_point, R10_FAN, p_st, Q_(1, M3S), Q_(900, "Pa"))
    q, p, ok = operating_point_with_mask(R10_FAN, p_st, Q_(1, M3S), Q_(900, "Pa"), 1.9)
    assert list(ok) == [True, False, True]
    assert np.isnan(q.m[1]) and np.isnan(p.m[1]) and np.all(np.isfinite(q.m[[0, 2]]))


def test_convergence_error():
    # one Newton iteration from the matched-quadratic start cannot pass the 1e-6 relative step test
    _raises(ConvergenceError, "did not converge", operating_point, R10_FAN, Q_(50, "Pa"), Q_(1, M3S),
            Q_(400, "Pa"), 1.9, 1.0, 1)


def test_fancurve_is_turbocurve():
    assert FanCurve is TurboCurve
