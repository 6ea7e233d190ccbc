"""Tests of coolsim.reliability.training: interruptions, checkpoints, goodput, spares."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from coolsim import Q_
from coolsim.errors import OutOfRangeError, UnitError, ValidityRangeError
from coolsim.reliability.training import (
    SERVICE_ACCESS_TIME_AIR,
    SERVICE_ACCESS_TIME_IMMERSION,
    checkpoint_interval_daly,
    checkpoint_interval_young,
    expected_stall,
    goodput_exponential,
    goodput_first_order,
    goodput_with_spares,
    job_interruption_rate,
    job_mtbi,
    node_mtbf_from_observation,
    spare_availability,
    spares_for_availability,
)

from strategies import floats

HOUR = 3600.0
LLAMA3_HOSTS = 2048  # 16,384 H100 GPUs / 8 per host (R40)
LLAMA3_DAYS = 54
LLAMA3_INTERRUPTIONS = 419


# --- validation: Llama 3 record (tests/data/SOURCES.md R40, R41) ----------------------
def test_node_mtbf_from_observation_llama3():
    # R41: 2,048 hosts x 1,296 h / 419 = 6,334.6 h; the figure is printed to 0.1 h,
    # so 1e-5 relative (0.06 h) covers only its rounding.
    mtbf = node_mtbf_from_observation(Q_(LLAMA3_DAYS, "day"), LLAMA3_HOSTS, LLAMA3_INTERRUPTIONS)
    assert mtbf.to("hour").m == pytest.approx(6334.6, rel=1e-5)


def test_job_mtbi_llama3():
    # R40: 54 d x 24 h / 419 = 3.0931 h ("one interruption every ~3 h"); from the R41
    # per-host figure the job MTBI must come back exactly (1e-12: round-off only) and
    # match the printed 3.09 h to its last digit (±0.005 h).
    mtbf = node_mtbf_from_observation(Q_(LLAMA3_DAYS, "day"), LLAMA3_HOSTS, LLAMA3_INTERRUPTIONS)
    m = job_mtbi(mtbf, LLAMA3_HOSTS).to("hour").m
    assert m == pytest.approx(LLAMA3_DAYS * 24 / LLAMA3_INTERRUPTIONS, rel=1e-12)
    assert abs(m - 3.09) <= 0.005


def test_job_interruption_rate_llama3():
    # R40/R41: 2,048 hosts at the per-host rate 1/6,334.6 h give 419/54 = 7.76 per day
    # and 419 interruptions in 54 days; 2e-5 relative covers the 0.1 h rounding of R41.
    rate = job_interruption_rate(Q_(1 / 6334.6, "1/hour"), LLAMA3_HOSTS)
    assert rate.to("1/day").m == pytest.approx(419 / 54, rel=2e-5)
    assert (rate * Q_(54, "day")).to("").m == pytest.approx(419, rel=2e-5)


# --- checkpoint intervals (hand arithmetic) ------------------------------------------
def test_checkpoint_interval_young_hand():
    # delta = 0.1 h, M = 5 h: sqrt(2 * 0.1 * 5) = sqrt(1) = 1 h.
    assert checkpoint_interval_young(Q_(0.1, "hour"), Q_(5, "hour")).to("hour").m == pytest.approx(1.0, rel=1e-12)
    # delta = 2 min = 120 s, M = 3 h = 10,800 s: sqrt(2 * 120 * 10,800) = sqrt(2,592,000) = 1,609.969 s.
    t = checkpoint_interval_young(Q_(2, "minute"), Q_(3, "hour")).to("s").m
    assert t == pytest.approx(1609.9689437998485, rel=1e-12)


def test_checkpoint_interval_daly_hand():
    # delta = 0.1 h, M = 5 h: x = delta/(2M) = 0.01, sqrt(x) = 0.1;
    # sqrt(2 delta M) = 1 h;  1 * (1 + 0.1/3 + 0.01/9) - 0.1 = 1 + 0.0333333 + 0.0011111 - 0.1
    # = 0.9344444 h.
    t = checkpoint_interval_daly(Q_(0.1, "hour"), Q_(5, "hour")).to("hour").m
    assert t == pytest.approx(1.0 + 0.1 / 3 + 0.01 / 9 - 0.1, rel=1e-12)
    # delta >= 2M: Daly's second branch, tau = M.
    assert checkpoint_interval_daly(Q_(3, "hour"), Q_(1, "hour")).to("hour").m == pytest.approx(1.0, rel=1e-12)


def test_young_maximises_first_order_goodput():
    # G = 1 - d/t - (t/2 + R)/M has dG/dt = d/t^2 - 1/(2M) = 0 at t = sqrt(2 d M):
    # a bounded scalar optimiser (xatol 1e-6 s) must land on Young's interval (1e-5 rel).
    d, r, m = 120.0, 600.0, 3.0 * HOUR
    res = minimize_scalar(lambda t: -goodput_first_order.si(d, r, t, m), bounds=(200.0, 8000.0),
                          method="bounded", options={"xatol": 1e-6})
    assert res.x == pytest.approx(checkpoint_interval_young.si(d, m), rel=1e-5)


@pytest.mark.parametrize("ratio", [1e-3, 1e-2, 0.1])
def test_daly_near_exponential_optimum(ratio):
    # Daly (2006) reports his estimate is close to the true optimum of the exponential
    # model for delta < 2M; the goodput at Daly's interval must be within 1e-4 (absolute)
    # of the numerically maximised goodput (a flat maximum: the interval itself may differ more).
    m = 10.0 * HOUR
    d = ratio * m
    tau = checkpoint_interval_daly.si(d, m)
    res = minimize_scalar(lambda t: -goodput_exponential.si(d, 0.0, t, m), bounds=(1e-3 * d, 5 * m),
                          method="bounded", options={"xatol": 1e-3})
    assert goodput_exponential.si(d, 0.0, tau, m) == pytest.approx(-res.fun, abs=1e-4)
    assert abs(tau - res.x) / res.x < 0.05


def test_goodput_exponential_monte_carlo():
    # Independent oracle: simulate segments of tau + delta work with exponential failures
    # (mean M) that can also hit the restart R; each failure costs R before the segment is
    # redone.  Mean wall time per segment vs M e^{R/M} (e^{(tau+delta)/M} - 1): within 4
    # standard errors of the 200,000-sample mean (a fixed seed, so deterministic).
    rng = np.random.default_rng(20240723)
    m, tau, d, r = 1.0, 0.5, 0.1, 0.2
    n = 200_000
    total = np.zeros(n)
    need = np.full(n, tau + d)  # first attempt: no restart
    active = np.ones(n, bool)
    while active.any():
        t_fail = rng.exponential(m, active.sum())
        ok = t_fail >= need[active]
        idx = np.flatnonzero(active)
        total[idx[ok]] += need[idx[ok]]
        total[idx[~ok]] += t_fail[~ok]
        need[idx[~ok]] = r + tau + d
        active[idx[ok]] = False
    expected = m * math.exp(r / m) * math.expm1((tau + d) / m)
    se = total.std() / math.sqrt(n)
    assert abs(total.mean() - expected) < 4 * se
    assert goodput_exponential.si(d, r, tau, m) == pytest.approx(tau / expected, rel=1e-12)


def test_goodput_no_failure_limits():
    # M -> infinity: exponential model -> tau/(tau + delta); first order -> 1 - delta/tau.
    # At M = 1e12 s the remaining terms are O(tau/M) ~ 1e-9: 1e-8 relative.
    d, r, tau, m = 120.0, 600.0, 1800.0, 1e12
    assert goodput_exponential.si(d, r, tau, m) == pytest.approx(tau / (tau + d), rel=1e-8)
    assert goodput_first_order.si(d, r, tau, m) == pytest.approx(1 - d / tau, rel=1e-8)


def test_goodput_first_order_agrees_with_exponential_when_small():
    # delta/tau = 0.01 and (tau + R)/M = 0.02: the models differ by second-order terms
    # (~ products of these ratios, ~1e-4): 1e-3 absolute.
    d, r, tau, m = 36.0, 360.0, 3600.0, 200.0 * HOUR
    assert goodput_first_order.si(d, r, tau, m) == pytest.approx(goodput_exponential.si(d, r, tau, m), abs=1e-3)


# --- spares ------------------------------------------------------------------------------
def test_spare_availability_hand():
    # mu = 0.5/h * 2 h = 1: P(X <= 1) = e^-1 (1 + 1) = 0.735759 (2 spares); 0 spares -> 0;
    # no demand -> 1.  Round-off only: 1e-12.
    assert spare_availability(Q_(0.5, "1/hour"), Q_(2, "hour"), 2) == pytest.approx(2 * math.exp(-1), rel=1e-12)
    assert spare_availability(Q_(0.5, "1/hour"), Q_(2, "hour"), 0) == 0.0
    assert spare_availability(Q_(0, "1/hour"), Q_(2, "hour"), 1) == pytest.approx(1.0, rel=1e-12)


def test_expected_stall_hand():
    # a = 0.9, T_rep = 120 min, defaults t_d 5, t_s 5, t_r 10 min, f = 1:
    # 5 + 10 + 0.9*5 + 0.1*120 = 31.5 min.  With f = 0.5: 15 + 0.5*16.5 = 23.25 min.
    assert expected_stall(0.9, Q_(2, "hour")).to("minute").m == pytest.approx(31.5, rel=1e-12)
    assert expected_stall(0.9, Q_(2, "hour"), replacement_fraction=0.5).to("minute").m == pytest.approx(23.25, rel=1e-12)


def test_immersion_drain_hour_moves_spares_not_stall():
    # Llama-3-sized job (2,048 nodes, per-node MTBI 6,334.6 h, R41); every interruption
    # pulls a node (f = 1, conservative); a 2 h bench fix (assumption) after the
    # architecture's access time: air 5 min, immersion 1 h (drain; assumption).
    # Hand check: lambda = 2048/6334.6 h = 0.3233/h; mu_air = 0.3233 * 2.083 = 0.674,
    # mu_imm = 0.3233 * 3 = 0.970; P(X <= 3 | 0.674) = 0.9935, P(X <= 3 | 0.970) = 0.983,
    # P(X <= 4 | 0.970) = 0.9966: 4 spares for air, 5 for immersion at 99 %.
    rate = Q_(2048 / 6334.6, "1/hour")
    fix = Q_(2, "hour")
    rep_air = (SERVICE_ACCESS_TIME_AIR + fix).to("hour")
    rep_imm = (SERVICE_ACCESS_TIME_IMMERSION + fix).to("hour")
    s_air = spares_for_availability(rate, rep_air, 0.99)
    s_imm = spares_for_availability(rate, rep_imm, 0.99)
    assert (s_air, s_imm) == (4.0, 5.0)
    spares_change = (s_imm - s_air) / s_air  # +25 %

    # Once the pool is sized (5 spares for both), the stall barely depends on the repair.
    s = s_imm
    stall_air = expected_stall(spare_availability(rate, rep_air, s), rep_air).to("minute").m
    stall_imm = expected_stall(spare_availability(rate, rep_imm, s), rep_imm).to("minute").m
    stall_change = (stall_imm - stall_air) / stall_air
    assert 0.0 <= stall_change < 0.05
    assert spares_change > 5 * stall_change
    # Without spares the drain hour goes straight into every stall (+55 min of 140).
    bare_air = expected_stall(0.0, rep_air).to("minute").m
    bare_imm = expected_stall(0.0, rep_imm).to("minute").m
    assert bare_imm - bare_air == pytest.approx(55.0, rel=1e-12)


# --- properties ------------------------------------------------------------------------
rates_per_h = floats(1e-3, 5.0)
times_h = floats(0.01, 72.0)


@given(rate=rates_per_h, window=times_h, target=floats(0.0, 0.9999))
def test_spares_for_availability_is_smallest(rate, window, target):
    s = spares_for_availability(Q_(rate, "1/hour"), Q_(window, "hour"), target)
    assert s == math.floor(s) and s >= 0
    assert spare_availability(Q_(rate, "1/hour"), Q_(window, "hour"), s) >= target
    if s > 0:
        assert spare_availability(Q_(rate, "1/hour"), Q_(window, "hour"), s - 1) < target


@given(rep=times_h, extra=floats(0.0, 48.0), f=floats(0.0, 1.0))
def test_longer_repair_never_lowers_stall_without_spares(rep, extra, f):
    a = expected_stall(0.0, Q_(rep, "hour"), replacement_fraction=f).to("s").m
    b = expected_stall(0.0, Q_(rep + extra, "hour"), replacement_fraction=f).to("s").m
    assert b >= a


@given(s=st.integers(0, 30), rep=times_h, nodes=floats(1.0, 1e5), swap=floats(0.0, 5.0))
def test_more_spares_never_lower_goodput(s, rep, nodes, swap):
    args = (Q_(50_000, "hour"), nodes)
    rest = (Q_(rep, "hour"), Q_(2, "minute"), Q_(1, "hour"))
    g0 = goodput_with_spares(*args, s, *rest, swap_time=Q_(swap, "hour"))
    g1 = goodput_with_spares(*args, s + 1, *rest, swap_time=Q_(swap, "hour"))
    assert g1 >= g0


@given(d=floats(1.0, 3600.0), r=floats(0.0, 7200.0), tau=floats(10.0, 1e5), m=floats(600.0, 1e8))
def test_goodput_exponential_in_unit_interval(d, r, tau, m):
    g = goodput_exponential.si(d, r, tau, m)
    assert 0.0 < g <= 1.0
    assert g <= tau / (tau + d) * (1 + 1e-12)  # never better than without failures


@given(d=floats(1.0, 3600.0), r=floats(0.0, 7200.0), tau=floats(10.0, 1e5), m=floats(600.0, 1e8),
       k=floats(1.0, 10.0))
def test_goodput_rises_with_mtbi_and_falls_with_restart(d, r, tau, m, k):
    g = goodput_exponential.si(d, r, tau, m)
    assert goodput_exponential.si(d, r, tau, m * k) >= g * (1 - 1e-12)
    assert goodput_exponential.si(d, r * k + 1.0, tau, m) <= g


@given(d=floats(1.0, 1e4), m=floats(2.5e4, 1e8))
def test_daly_close_to_young_for_small_delta(d, m):
    # With x = d/(2M), d/tau_Y = sqrt(x), so tau_D/tau_Y = 1 - 2 sqrt(x)/3 + x/9 -> 1 as
    # x -> 0, and |tau_D - tau_Y| / tau_Y = 2 sqrt(x)/3 - x/9 <= sqrt(x).
    x = d / (2 * m)
    ty, td = checkpoint_interval_young.si(d, m), checkpoint_interval_daly.si(d, m)
    assert abs(td - ty) / ty <= math.sqrt(x)


@given(st.lists(st.tuples(floats(1.0, 3600.0), floats(600.0, 1e7)), min_size=1, max_size=8))
def test_array_equals_elementwise(pairs):
    d = np.array([p[0] for p in pairs])
    m = np.array([p[1] for p in pairs])
    arr = checkpoint_interval_daly(Q_(d, "s"), Q_(m, "s")).to("s").m
    g = goodput_exponential(Q_(d, "s"), Q_(60.0, "s"), Q_(arr, "s"), Q_(m, "s"))
    for i in range(len(pairs)):
        assert arr[i] == checkpoint_interval_daly(Q_(d[i], "s"), Q_(m[i], "s")).to("s").m
        assert g[i] == goodput_exponential(Q_(d[i], "s"), Q_(60.0, "s"), Q_(arr[i], "s"), Q_(m[i], "s"))


@given(d=floats(1.0, 3600.0), m=floats(1.0, 1000.0))
def test_unit_invariance(d, m):
    a = checkpoint_interval_daly(Q_(d, "s"), Q_(m, "hour")).to("s").m
    b = checkpoint_interval_daly(Q_(d / 60.0, "minute"), Q_(m / 24.0, "day")).to("s").m
    assert a == pytest.approx(b, rel=1e-12)


# --- bad inputs --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: job_interruption_rate(Q_(-1e-4, "1/hour"), 100), "node_failure_rate"),
        (lambda: job_interruption_rate(Q_(0, "1/hour"), 100), "node_failure_rate"),
        (lambda: job_mtbi(Q_(1000, "hour"), 0), "nodes"),
        (lambda: job_mtbi(Q_(0, "hour"), 10), "node_mtbf"),
        (lambda: node_mtbf_from_observation(Q_(54, "day"), 2048, 0), "interruptions"),
        (lambda: checkpoint_interval_daly(Q_(0, "s"), Q_(1, "hour")), "checkpoint_time"),
        (lambda: checkpoint_interval_daly(Q_(60, "s"), Q_(-1, "hour")), "mtbi"),
        (lambda: checkpoint_interval_young(Q_(float("nan"), "s"), Q_(1, "hour")), "checkpoint_time"),
        (lambda: goodput_exponential(Q_(60, "s"), Q_(-1, "s"), Q_(1, "hour"), Q_(3, "hour")), "restart_time"),
        (lambda: goodput_exponential(Q_(60, "s"), Q_(0, "s"), Q_(0, "hour"), Q_(3, "hour")), "interval"),
        (lambda: spare_availability(Q_(1, "1/hour"), Q_(1, "hour"), 2.5), "spares"),
        (lambda: spare_availability(Q_(1, "1/hour"), Q_(1, "hour"), -1), "spares"),
        (lambda: spares_for_availability(Q_(1, "1/hour"), Q_(1, "hour"), 1.0), "target"),
        (lambda: spares_for_availability(Q_(1, "1/hour"), Q_(1, "hour"), -0.1), "target"),
        (lambda: expected_stall(1.5, Q_(1, "hour")), "availability"),
        (lambda: expected_stall(0.5, Q_(1, "hour"), replacement_fraction=2.0), "replacement_fraction"),
        (lambda: goodput_with_spares(Q_(5e4, "hour"), 100, 3, Q_(-1, "hour"), Q_(1, "minute"),
                                     Q_(1, "hour")), "repair_time"),
    ],
)
def test_bad_input_out_of_range(call, name):
    with pytest.raises(OutOfRangeError, match=name):
        call()


def test_young_refuses_delta_near_mtbi():
    with pytest.raises(ValidityRangeError, match="checkpoint_time"):
        checkpoint_interval_young(Q_(1, "hour"), Q_(1, "hour"))
    with pytest.raises(ValidityRangeError, match="checkpoint_time"):
        checkpoint_interval_young(Q_([0.01, 0.6], "hour"), Q_(1, "hour"))


def test_first_order_refuses_waste_above_one():
    with pytest.raises(ValidityRangeError, match="goodput_exponential"):
        goodput_first_order(Q_(1, "hour"), Q_(1, "hour"), Q_(2, "hour"), Q_(3, "hour"))


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: job_mtbi(Q_(1000, "W"), 10), "node_mtbf"),
        (lambda: job_mtbi(1000.0, 10), "node_mtbf"),
        (lambda: job_interruption_rate(Q_(1, "hour"), 10), "node_failure_rate"),
        (lambda: expected_stall(0.5, Q_(1, "degC")), "repair_time"),
    ],
)
def test_bad_units(call, name):
    with pytest.raises(UnitError, match=name):
        call()
