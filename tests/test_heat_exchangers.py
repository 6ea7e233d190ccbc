"""Tests of coolsim.heat_exchangers: validation, ht oracle grid, properties, bad inputs.

Every validation number is traced in tests/data/sources/heat_exchangers.md.
"""

import math

import ht
import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim.errors import ConvergenceError, InfeasibleError, OutOfRangeError, UnitError
from coolsim.heat_exchangers import (
    COUNTERFLOW,
    CROSSFLOW_CMAX_MIXED,
    CROSSFLOW_CMIN_MIXED,
    CROSSFLOW_UNMIXED,
    CROSSFLOW_UNMIXED_APPROX,
    PARALLEL_FLOW,
    PLATE,
    approach_temperature,
    capacity_rate_from_duty,
    effectiveness,
    exchanger_duty,
    lmtd,
    lmtd_correction_factor,
    ntu_from_effectiveness,
    ua_for_duty,
)
from tests.strategies import floats, temperature_k, temperature_q

ALL = [COUNTERFLOW, PARALLEL_FLOW, CROSSFLOW_UNMIXED, CROSSFLOW_UNMIXED_APPROX,
       CROSSFLOW_CMAX_MIXED, CROSSFLOW_CMIN_MIXED, PLATE]  # fmt: skip
arrangements = st.sampled_from(ALL)
ntu_s = floats(0.0, 20.0)
cr_s = floats(0.0, 1.0)
capacity_s = floats(10.0, 1e6)  # W/K: a cold plate loop to a CDU/chiller plant


# ---------------------------------------------------------------------------
# Validation against published results
# ---------------------------------------------------------------------------
def test_effectiveness_R20():
    # R20: counterflow, NTU 5, Cr 0.7 / 1.0 -> 0.92067 / 0.83333 (Incropera Table 11.3).
    # Tolerance 1e-5: the reference values are quoted to 5 decimals.
    assert effectiveness(COUNTERFLOW, 5.0, 0.7) == pytest.approx(0.92067, abs=1e-5)
    assert effectiveness(COUNTERFLOW, 5.0, 1.0) == pytest.approx(0.83333, abs=1e-5)
    assert effectiveness(PLATE, 5.0, 0.7) == pytest.approx(0.92067, abs=1e-5)  # plate = counterflow


def test_ua_for_duty_R21():
    # R21: CDU, 1 MW, TCS 42 -> 32 °C, facility water 28 °C in with ΔT 8 K, counterflow.
    # Capacity rates from the duty and the ΔTs (no fluid properties needed). Tolerance 0.5 %
    # (the reference values are rounded to 3 significant figures).
    q = Q_(1.0, "MW")
    c_hot = capacity_rate_from_duty(q, Q_(42.0 - 32.0, "delta_degC"))
    c_cold = capacity_rate_from_duty(q, Q_(8.0, "K"))
    t_hi, t_ci = Q_(42.0, "degC"), Q_(28.0, "degC")
    ua = ua_for_duty(COUNTERFLOW, q, t_hi, t_ci, c_hot, c_cold)
    assert ua.to("kW/K").m == pytest.approx(203.0, rel=5e-3)
    cmin = min(c_hot, c_cold)
    assert (ua / cmin).to("").m == pytest.approx(2.03, rel=5e-3)  # NTU
    eps = effectiveness(COUNTERFLOW, (ua / cmin).to("").m, (c_hot / c_cold).to("").m)
    assert eps == pytest.approx(0.714, rel=5e-3)
    q2, t_ho, t_co = exchanger_duty(COUNTERFLOW, ua, t_hi, t_ci, c_hot, c_cold)
    assert q2.to("MW").m == pytest.approx(1.0, rel=1e-9)  # sizing and rating are inverses
    assert t_co.to("degC").m == pytest.approx(36.0, abs=1e-6)
    assert approach_temperature(t_ho, t_ci).to("K").m == pytest.approx(4.0, rel=5e-3)


def test_lmtd_incropera_example_11_1():
    # Incropera 7th ed. Example 11.1: counterflow oil cooler, oil 0.1 kg/s cp 2131, 100 -> 60 °C;
    # water 0.2 kg/s cp 4178 in at 30 °C. Book: q 8524 W, Tc,o 40.2 °C, ΔTlm 43.2 °C, U 38.1 W/(m²K),
    # Di 25 mm, L 65.9 m. Tolerances: the book rounds to 0.1 K and 3 significant figures.
    c_hot, c_cold = Q_(0.1 * 2131, "W/K"), Q_(0.2 * 4178, "W/K")
    q = c_hot * Q_(40.0, "K")
    assert q.to("W").m == pytest.approx(8524.0, abs=0.5)
    t_co = Q_(303.15 + (q / c_cold).to("K").m, "K")
    assert t_co.to("degC").m == pytest.approx(40.2, abs=0.05)
    dt_lm = lmtd(Q_(100.0, "degC"), Q_(60.0, "degC"), Q_(30.0, "degC"), t_co)
    assert dt_lm.to("K").m == pytest.approx(43.2, abs=0.05)
    ua_book = 38.1 * math.pi * 0.025 * 65.9  # U·π·Di·L [W/K]; 3 s.f. each -> 0.5 % tolerance
    ua = ua_for_duty(COUNTERFLOW, q, Q_(100.0, "degC"), Q_(30.0, "degC"), c_hot, c_cold)
    assert ua.to("W/K").m == pytest.approx(ua_book, rel=5e-3)
    assert ua.to("W/K").m == pytest.approx((q / dt_lm).to("W/K").m, rel=1e-12)  # ε-NTU = LMTD
    _, t_ho, _ = exchanger_duty(COUNTERFLOW, Q_(ua_book, "W/K"), Q_(100, "degC"), Q_(30, "degC"), c_hot, c_cold)
    assert t_ho.to("degC").m == pytest.approx(60.0, abs=0.2)


def test_effectiveness_nellis_klein():
    # EES Heat Transfer Library (Nellis & Klein), crossflow both unmixed, UA 75 W/K, C 50 and 30 W/K
    # -> ε 0.7632; ε 0.61 -> NTU 1.341. The library uses the closed-form approximation
    # (Incropera eq. 11.32), so it validates CROSSFLOW_UNMIXED_APPROX. Tolerance: half the last digit.
    assert effectiveness(CROSSFLOW_UNMIXED_APPROX, 75 / 30, 30 / 50) == pytest.approx(0.7632, abs=5e-5)
    assert ntu_from_effectiveness(CROSSFLOW_UNMIXED_APPROX, 0.61, 0.6) == pytest.approx(1.341, abs=5e-4)


# ---------------------------------------------------------------------------
# Grid comparison against the ht library (test-only oracle)
# ---------------------------------------------------------------------------
NTU_GRID = np.geomspace(0.01, 20.0, 17)
CR_GRID = np.linspace(0.0, 1.0, 11)
HT_NAMES = [
    (COUNTERFLOW, "counterflow", 1e-12),
    (PLATE, "counterflow", 1e-12),
    (PARALLEL_FLOW, "parallel", 1e-12),
    (CROSSFLOW_UNMIXED_APPROX, "crossflow approximate", 1e-12),
    (CROSSFLOW_CMAX_MIXED, "crossflow, mixed Cmax", 1e-12),
    (CROSSFLOW_CMIN_MIXED, "crossflow, mixed Cmin", 1e-12),
    # ht integrates the exact solution with scipy quad: agree to quadrature accuracy.
    (CROSSFLOW_UNMIXED, "crossflow", 1e-9),
]


@pytest.mark.parametrize("arrangement, subtype, tol", HT_NAMES, ids=lambda v: getattr(v, "name", str(v)))
def test_effectiveness_matches_ht_grid(arrangement, subtype, tol):
    # Closed forms: same equation, different algebra -> rounding level (1e-12 absolute).
    n, c = np.meshgrid(NTU_GRID, CR_GRID, indexing="ij")
    ours = effectiveness(arrangement, n, c)
    # ht divides by Cr in the crossflow forms; at Cr = 0 every relation is 1 − e^(−NTU).
    ref = np.array([[1 - math.exp(-a) if b == 0 and "cross" in subtype else ht.effectiveness_from_NTU(a, b, subtype)
                     for a, b in zip(ra, rb)] for ra, rb in zip(n, c)])  # fmt: skip
    np.testing.assert_allclose(ours, ref, rtol=0, atol=tol)


@pytest.mark.parametrize("arrangement, subtype, tol", HT_NAMES[:-1], ids=lambda v: getattr(v, "name", str(v)))
def test_ntu_from_effectiveness_matches_ht_grid(arrangement, subtype, tol):
    # ε on a grid below each arrangement's maximum; relative 1e-9 (ht's numerical inverse for the
    # approximation is a secant solve to ~1e-10; closed forms agree to rounding).
    cr = CR_GRID[1:]
    e = np.outer(np.linspace(0.01, 0.97, 13), arrangement.max_effectiveness_si(cr))
    c = np.broadcast_to(cr, e.shape)
    ours = ntu_from_effectiveness(arrangement, e, c)
    ref = np.vectorize(lambda a, b: ht.NTU_from_effectiveness(a, b, subtype))(e, c)
    np.testing.assert_allclose(ours, ref, rtol=1e-9)


def test_ntu_from_effectiveness_exact_crossflow_matches_ht():
    # ht solves the exact (quad) relation numerically; relative 1e-6 covers its solver tolerance.
    e = np.array([0.05, 0.3, 0.6, 0.8, 0.9])
    for cr in (0.1, 0.5, 1.0):
        ref = [ht.NTU_from_effectiveness(x, cr, "crossflow") for x in e]
        np.testing.assert_allclose(ntu_from_effectiveness(CROSSFLOW_UNMIXED, e, cr), ref, rtol=1e-6)


def test_lmtd_matches_ht_grid():
    # Same closed form: relative 1e-12. Includes near-equal terminal differences.
    t_hi, t_ci = 330.0, 300.0
    for t_ho in np.linspace(301.0, 329.0, 9):
        for t_co in np.linspace(300.5, 329.5, 9):
            if t_hi - t_co <= 0 or t_ho - t_ci <= 0 or abs((t_hi - t_co) - (t_ho - t_ci)) < 1e-9:
                continue
            ours = lmtd(Q_(t_hi, "K"), Q_(t_ho, "K"), Q_(t_ci, "K"), Q_(t_co, "K")).m
            assert ours == pytest.approx(ht.LMTD(t_hi, t_ho, t_ci, t_co), rel=1e-12)
            if t_ho - t_co > 0:
                par = lmtd(Q_(t_hi, "K"), Q_(t_ho, "K"), Q_(t_ci, "K"), Q_(t_co, "K"), PARALLEL_FLOW).m
                assert par == pytest.approx(ht.LMTD(t_hi, t_ho, t_ci, t_co, counterflow=False), rel=1e-12)


def test_lmtd_equal_terminal_differences_exact():
    # ΔT1 = ΔT2: the limit is that difference, computed without 0/0 (exact to rounding).
    assert lmtd(Q_(50, "degC"), Q_(40, "degC"), Q_(30, "degC"), Q_(40, "degC")).to("K").m == pytest.approx(10.0)


# ---------------------------------------------------------------------------
# Hypothesis properties
# ---------------------------------------------------------------------------
@given(arrangements, floats(0.0, 0.98), cr_s)
def test_ntu_effectiveness_round_trip(arrangement, frac, cr):
    # ε -> NTU -> ε to 1e-12 absolute (the inverse is solved/evaluated to ~1e-15).
    eps = frac * arrangement.max_effectiveness_si(cr)
    ntu = ntu_from_effectiveness(arrangement, eps, cr)
    assert effectiveness(arrangement, ntu, cr) == pytest.approx(eps, abs=1e-12)


@given(arrangements, floats(0.0, 5.0), cr_s)
def test_effectiveness_ntu_round_trip(arrangement, ntu, cr):
    # NTU -> ε -> NTU, relative 1e-7 where ε is not within 1e-9 of its plateau (ill-conditioned).
    eps = effectiveness(arrangement, ntu, cr)
    assume(eps < arrangement.max_effectiveness_si(cr) * (1 - 1e-6))
    assert ntu_from_effectiveness(arrangement, eps, cr) == pytest.approx(ntu, rel=1e-7, abs=1e-12)


@given(arrangements, ntu_s, ntu_s, cr_s, cr_s)
def test_effectiveness_monotone_and_bounded(arrangement, n1, n2, c1, c2):
    # ε rises with NTU and falls with Cr; never above its NTU -> ∞ limit (rounding slack 1e-15).
    (n1, n2), (c1, c2) = sorted((n1, n2)), sorted((c1, c2))
    e = arrangement.effectiveness_si
    assert e(n1, c1) <= e(n2, c1) + 1e-15
    assert e(n1, c2) <= e(n1, c1) + 1e-15
    assert 0.0 <= e(n2, c1) <= arrangement.max_effectiveness_si(c1) + 1e-15


@given(arrangements, ntu_s, floats(0.0, 1e-6))
def test_effectiveness_small_cr_limit(arrangement, ntu, cr):
    # Cr -> 0: every arrangement tends to 1 − e^(−NTU); at Cr = 0 exactly, and O(Cr·NTU²) nearby.
    limit = -math.expm1(-ntu)
    assert effectiveness(arrangement, ntu, 0.0) == pytest.approx(limit, rel=1e-14, abs=1e-300)
    assert effectiveness(arrangement, ntu, cr) == pytest.approx(limit, rel=1e-14, abs=cr * (1 + ntu**2))


@given(ntu_s, cr_s)
def test_effectiveness_ordering(ntu, cr):
    # Counterflow ≥ each crossflow (exact) ≥ parallel at equal NTU and Cr (rounding slack 1e-15).
    cf = effectiveness(COUNTERFLOW, ntu, cr)
    par = effectiveness(PARALLEL_FLOW, ntu, cr)
    for arrangement in (CROSSFLOW_UNMIXED, CROSSFLOW_CMAX_MIXED, CROSSFLOW_CMIN_MIXED):
        e = effectiveness(arrangement, ntu, cr)
        assert par - 1e-15 <= e <= cf + 1e-15


@given(arrangements, floats(0.0, 5e6), temperature_k, floats(0.0, 60.0), capacity_s, capacity_s)
def test_exchanger_duty_energy_balance(arrangement, ua, t_ci, dt_in, c_hot, c_cold):
    # Q = C_h(T_h,i − T_h,o) = C_c(T_c,o − T_c,i) ≤ Cmin·ΔT_in. Tolerance: relative 1e-9 plus the
    # rounding of absolute temperatures (~1e-15·T) multiplied by the capacity rate.
    t_hi = t_ci + dt_in
    q, t_ho, t_co = exchanger_duty(arrangement, Q_(ua, "W/K"), Q_(t_hi, "K"), Q_(t_ci, "K"),
                                   Q_(c_hot, "W/K"), Q_(c_cold, "W/K"))  # fmt: skip
    slack = 4e-15 * t_hi * max(c_hot, c_cold)
    assert c_hot * (t_hi - t_ho.m) == pytest.approx(q.m, rel=1e-9, abs=slack)
    assert c_cold * (t_co.m - t_ci) == pytest.approx(q.m, rel=1e-9, abs=slack)
    assert 0.0 <= q.m <= min(c_hot, c_cold) * (t_hi - t_ci) * (1 + 1e-12)
    assert t_ci - 1e-12 * t_hi <= t_ho.m and t_co.m <= t_hi * (1 + 1e-12)


@given(arrangements, floats(1.0, 2e5), floats(5.0, 40.0), floats(1e3, 1e5), floats(1e3, 1e5), st.data())
def test_ua_for_duty_inverts_rating_and_unit_invariant(arrangement, ua, dt_in, c_hot, c_cold, data):
    # Rating then sizing returns the UA (relative 1e-7), with inlets given in random units.
    t_ci = 300.0
    t_hi_q = data.draw(temperature_q(t_ci + dt_in))
    t_ci_q = data.draw(temperature_q(t_ci))
    args = (t_hi_q, t_ci_q, Q_(c_hot, "W/K"), Q_(c_cold / 1000, "kW/K"))
    q, _, _ = exchanger_duty(arrangement, Q_(ua, "W/K"), *args)
    cmin = min(c_hot, c_cold)
    assume(q.m < 0.999999 * arrangement.max_effectiveness_si(cmin / max(c_hot, c_cold)) * cmin * dt_in)
    assert ua_for_duty(arrangement, q, *args).to("W/K").m == pytest.approx(ua, rel=1e-6)


@given(arrangements, floats(0.05, 5.0), floats(0.05, 1.0), floats(5.0, 40.0), st.booleans())
def test_lmtd_correction_factor_consistent_with_rating(arrangement, ntu, cr, dt_in, hot_is_min):
    # Q = UA·F·ΔT_lm,cf for every arrangement; F = 1 for counterflow, F ≤ 1 (relative 1e-7).
    cmin = 1000.0
    c_hot, c_cold = (cmin, cmin / cr) if hot_is_min else (cmin / cr, cmin)
    ua = ntu * cmin
    t = dict(t_hot_in=Q_(300.0 + dt_in, "K"), t_cold_in=Q_(300.0, "K"))
    q, t_ho, t_co = exchanger_duty(arrangement, Q_(ua, "W/K"), t["t_hot_in"], t["t_cold_in"],
                                   Q_(c_hot, "W/K"), Q_(c_cold, "W/K"))  # fmt: skip
    eps = q.m / (cmin * dt_in)
    assume(eps < arrangement.max_effectiveness_si(cr) * (1 - 1e-6))
    temps = (t["t_hot_in"], t_ho, t["t_cold_in"], t_co)
    f = lmtd_correction_factor(arrangement, *temps)
    assert q.m == pytest.approx(ua * f * lmtd(*temps).m, rel=1e-7)
    assert f <= 1.0 + 1e-12
    if arrangement in (COUNTERFLOW, PLATE):
        assert f == 1.0
    if arrangement is PARALLEL_FLOW:
        assert q.m == pytest.approx(ua * lmtd(*temps, arrangement=PARALLEL_FLOW).m, rel=1e-7)


@given(arrangements, st.lists(st.tuples(ntu_s, cr_s), min_size=1, max_size=6))
def test_array_equals_scalar(arrangement, pairs):
    # Broadcasting: an array gives the per-element scalar results (relative 1e-14: same operations).
    n, c = np.array(pairs).T
    arr_e = effectiveness(arrangement, n, c)
    np.testing.assert_allclose(arr_e, [effectiveness(arrangement, a, b) for a, b in pairs], rtol=1e-14, atol=0)
    e = np.minimum(arr_e, 0.98 * arrangement.max_effectiveness_si(c))
    arr_n = ntu_from_effectiveness(arrangement, e, c)
    np.testing.assert_allclose(arr_n, [ntu_from_effectiveness(arrangement, a, b) for a, b in zip(e, c)],
                               rtol=1e-14, atol=0)  # fmt: skip


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------
def _args(**over):
    a = dict(t_hot_in=Q_(42, "degC"), t_cold_in=Q_(28, "degC"), c_hot=Q_(100, "kW/K"), c_cold=Q_(125, "kW/K"))
    a.update(over)
    return a


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: effectiveness(COUNTERFLOW, float("nan"), 0.5), OutOfRangeError, ["'ntu'", "finite"]),
        (lambda: effectiveness(COUNTERFLOW, -0.1, 0.5), OutOfRangeError, ["'ntu'", ">= 0"]),
        (lambda: effectiveness(COUNTERFLOW, [1.0, -1.0], 0.5), OutOfRangeError, ["'ntu'", "index 1"]),
        (lambda: effectiveness(COUNTERFLOW, 1.0, 1.2), OutOfRangeError, ["'cr'", "<= 1"]),
        (lambda: effectiveness(COUNTERFLOW, 1.0, float("nan")), OutOfRangeError, ["'cr'", "finite"]),
        (lambda: effectiveness("counterflow", 1.0, 0.5), UnitError, ["'arrangement'", "COUNTERFLOW"]),
        (lambda: ntu_from_effectiveness(COUNTERFLOW, 1.0, 0.5), OutOfRangeError, ["'eps'", "< 1"]),
        (lambda: ntu_from_effectiveness(COUNTERFLOW, float("nan"), 0.5), OutOfRangeError, ["'eps'"]),
        (lambda: ntu_from_effectiveness(PARALLEL_FLOW, 0.6, 0.7), InfeasibleError, ["'eps'", "0.588235"]),
        (lambda: ntu_from_effectiveness(CROSSFLOW_CMAX_MIXED, 0.7, 1.0), InfeasibleError, ["'eps'", "0.632121"]),
        (lambda: ntu_from_effectiveness(CROSSFLOW_CMIN_MIXED, 0.7, 1.0), InfeasibleError, ["'eps'", "0.632121"]),
        (lambda: ntu_from_effectiveness(CROSSFLOW_UNMIXED, 0.99999, 1.0), ConvergenceError, ["'eps'", "NTU >"]),
        (lambda: exchanger_duty(COUNTERFLOW, Q_(1, "kW/K"), **_args(t_hot_in=Q_(20, "degC"))),
         OutOfRangeError, ["'t_hot_in'", "'t_cold_in'"]),
        (lambda: ua_for_duty(COUNTERFLOW, Q_(1, "MW"), **_args(t_cold_in=Q_([20, 50], "degC"))),
         OutOfRangeError, ["'t_hot_in'", "'t_cold_in'", "index 1"]),
        (lambda: capacity_rate_from_duty(Q_(1, "MW"), Q_(8, "degC")), UnitError, ["'delta_t'", "delta_degC"]),
        (lambda: capacity_rate_from_duty(Q_(1, "MW"), Q_(0, "K")), OutOfRangeError, ["'delta_t'", "> 0"]),
        (lambda: exchanger_duty(COUNTERFLOW, Q_(1, "kW/K"), **_args(c_hot=Q_(100, "kW"))), UnitError, ["'c_hot'"]),
        (lambda: exchanger_duty(COUNTERFLOW, Q_(1, "kW/K"), **_args(t_hot_in=Q_(42, "delta_degC"))),
         UnitError, ["'t_hot_in'", "absolute"]),
        (lambda: exchanger_duty(COUNTERFLOW, 1000.0, **_args()), UnitError, ["'ua'"]),
        (lambda: exchanger_duty(COUNTERFLOW, Q_(-1, "kW/K"), **_args()), OutOfRangeError, ["'ua'"]),
        (lambda: exchanger_duty(COUNTERFLOW, Q_(1, "kW/K"), **_args(c_cold=Q_(0, "kW/K"))), OutOfRangeError,
         ["'c_cold'"]),
        (lambda: ua_for_duty(PARALLEL_FLOW, Q_(1, "MW"), **_args()), InfeasibleError, ["'q'", "777778"]),
        (lambda: ua_for_duty(COUNTERFLOW, Q_(1, "W"), **_args(t_cold_in=Q_(42, "degC"))), InfeasibleError, ["'q'"]),
        (lambda: lmtd(Q_(50, "degC"), Q_(40, "degC"), Q_(30, "degC"), Q_(55, "degC")), OutOfRangeError,
         ["'t_hot_in'", "'t_cold_out'", "cross"]),
        (lambda: lmtd(Q_(50, "degC"), Q_(60, "degC"), Q_(30, "degC"), Q_(35, "degC")), OutOfRangeError,
         ["'t_hot_out'", "'t_hot_in'"]),
        (lambda: lmtd(Q_(50, "degC"), Q_(40, "degC"), Q_(30, "degC"), Q_(42, "degC"), PARALLEL_FLOW),
         OutOfRangeError, ["'t_hot_out'", "'t_cold_out'"]),
        (lambda: lmtd_correction_factor(PARALLEL_FLOW, Q_(80, "degC"), Q_(40, "degC"), Q_(20, "degC"),
                                        Q_(60, "degC")), InfeasibleError, ["t_hot_out", "0.5"]),
        (lambda: lmtd_correction_factor(COUNTERFLOW, Q_(80, "degC"), Q_(80, "degC"), Q_(20, "degC"),
                                        Q_(60, "degC")), OutOfRangeError, ["'t_hot_in'", "'t_hot_out'"]),
        (lambda: approach_temperature(Q_(27, "degC"), Q_(28, "degC")), OutOfRangeError,
         ["'t_hot_out'", "'t_cold_in'"]),
    ],
)  # fmt: skip
def test_bad_inputs_raise_named_errors(call, error, words):
    with pytest.raises(error) as info:
        call()
    for w in words:
        assert w in str(info.value)
