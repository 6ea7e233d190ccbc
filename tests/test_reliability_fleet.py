"""Tests of coolsim.reliability.fleet (Monte Carlo). Numbers traced in tests/data/sources/reliability.md."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coolsim import Q_
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.reliability import (
    AIR_HOT_SWAP,
    LLAMA3_405B_INTERRUPTIONS,
    Fleet,
    immersion_single_phase,
    simulate_fleet,
)
import coolsim.reliability.fleet as F
from coolsim.reliability.fleet import _process
from tests.strategies import floats

FAST = Q_(1 / 500, "1/hour")  # a high rate so that small fleets see many failures


def _reference_queue(t, mu, r, h, c, p, ell):
    """Per-event loop oracle (tests only): one crew pool of c crews, FIFO, pooled work; base-stock spares."""
    out = []
    for row in t:
        work, last, total, n = 0.0, 0.0, 0.0, 0
        for i, ti in enumerate(row):
            work = max(0.0, work - c * (ti - last)) if c else 0.0
            last = ti
            wc = work / c if c else 0.0
            ws = 0.0 if p is None else (ell if p == 0 else (max(0.0, row[i - p] + ell - ti) if i >= p else 0.0))
            if ti < mu:
                n += 1
                total += min(mu - ti, r + max(wc, ws))
            if c:
                work += h
        out.append((total, n))
    return np.array(out)


# ---------------------------------------------------------------------------
# Validation against analytic values and an event-loop oracle
# ---------------------------------------------------------------------------
def test_simulate_fleet_mean_converges_to_analytic():
    # Unlimited crews and spares: the mean unavailability must contain R/(MTBF+R) in its 99.9 % interval.
    # Model bias (horizon cut, Palm-Khintchine) is O(R/T) ~ 1e-4 relative, far inside the ~1 % half-width.
    fleet = Fleet(64, FAST, AIR_HOT_SWAP)
    res = simulate_fleet(fleet, Q_(2, "year"), replications=400, seed=7)
    mean, lo, hi = res.mean_unavailability(0.999)
    analytic = 1.0 - fleet.analytic_availability()
    assert lo <= analytic <= hi
    assert (hi - lo) / analytic < 0.05  # the interval is informative, not vacuous


def test_simulate_fleet_llama_rate_failures_R41():
    # Llama 3 per-host rate (R41) on 2,048 hosts for 54 days: mean failures per replication ~ 419 x 6334.6/(6334.6+2).
    # 200 replications: standard error sqrt(419/200) = 1.45; 4.5 sigma tolerance = 6.5 failures.
    fleet = Fleet(2048, LLAMA3_405B_INTERRUPTIONS.unit_failure_rate())
    res = simulate_fleet(fleet, Q_(54, "day"), replications=200, seed=3)
    expected = 419 * 6334.6 / (6334.6 + 2.0)
    assert res.failures.mean() == pytest.approx(expected, abs=6.5)


@pytest.mark.parametrize("c, p", [(1, None), (3, None), (None, 0), (None, 2), (2, 1)])
def test_process_matches_event_loop(c, p):
    # The vectorised Lindley / base-stock solution equals a per-event loop to round-off (1e-9 relative).
    rng = np.random.default_rng(11)
    t = np.cumsum(rng.standard_exponential((3, 400)), axis=1)
    mu, r, h, ell = 300.0, 1.7, 0.9, 4.0
    got_d, got_n, _ = _process(t, mu, r, h, c, p, ell)
    ref = _reference_queue(t, mu, r, h, c, p, ell)
    np.testing.assert_allclose(got_d, ref[:, 0], rtol=1e-9)
    np.testing.assert_array_equal(got_n, ref[:, 1])


def test_same_seed_identical_for_any_chunking():
    fleet = Fleet(40, FAST, immersion_single_phase(), crews=2, spares=3, restock_time=Q_(3, "day"))
    runs = [simulate_fleet(fleet, Q_(1, "year"), 37, seed=5, chunk_replications=ch) for ch in (None, 1, 8, 24, 1000)]
    for other in runs[1:]:
        assert np.array_equal(runs[0].downtime_s, other.downtime_s)  # bit-identical
        assert np.array_equal(runs[0].failures, other.failures)
    other_seed = simulate_fleet(fleet, Q_(1, "year"), 37, seed=6)
    assert not np.array_equal(runs[0].downtime_s, other_seed.downtime_s)


def test_outputs_consistent_and_progress():
    calls = []
    fleet = Fleet(16, FAST, price_usd_per_gpu_hour=2.5)
    res = simulate_fleet(fleet, Q_(1, "year"), 20, seed=1, chunk_replications=8, progress=lambda d, n: calls.append((d, n)))
    assert calls[-1] == (20, 20) and len(calls) == 3
    np.testing.assert_allclose(res.lost_gpu_hours, res.downtime.m_as("hour") * 8, rtol=1e-14)
    np.testing.assert_allclose(res.lost_revenue_usd, res.lost_gpu_hours * 2.5, rtol=1e-14)
    assert np.all(res.fluid_cost_usd == 0.0)


# ---------------------------------------------------------------------------
# Properties (same seed = common random numbers)
# ---------------------------------------------------------------------------
SMALL = dict(horizon=Q_(1, "year"), replications=8, seed=2)


@settings(max_examples=15)
@given(st.integers(1, 6), st.integers(1, 4))
def test_more_crews_never_lengthen_repairs(c, extra):
    f1 = Fleet(24, FAST, immersion_single_phase(), crews=c)
    f2 = Fleet(24, FAST, immersion_single_phase(), crews=c + extra)
    d1, d2 = simulate_fleet(f1, **SMALL).downtime_s, simulate_fleet(f2, **SMALL).downtime_s
    assert np.all(d2 <= d1 * (1 + 1e-12))


@settings(max_examples=15)
@given(st.integers(0, 20), st.integers(1, 4))
def test_more_spares_never_lower_availability(p, extra):
    f1 = Fleet(24, FAST, spares=p, restock_time=Q_(5, "day"))
    f2 = Fleet(24, FAST, spares=min(p + extra, 24), restock_time=Q_(5, "day"))
    u1, u2 = simulate_fleet(f1, **SMALL).unavailability, simulate_fleet(f2, **SMALL).unavailability
    assert np.all(u2 <= u1 * (1 + 1e-12))
    assert np.all((u1 >= 0) & (u1 <= 1))


@settings(max_examples=15)
@given(floats(0.1, 6.0), floats(0.0, 6.0), st.sampled_from([None, 2]))
def test_longer_drain_never_lowers_immersion_downtime(h, extra, crews):
    # The mean over replications of the same seed (fleet failure times stretch slightly with R).
    f1 = Fleet(24, FAST, immersion_single_phase(Q_(h, "hour")), crews=crews)
    f2 = Fleet(24, FAST, immersion_single_phase(Q_(h + extra, "hour")), crews=crews)
    assert simulate_fleet(f2, **SMALL).downtime_s.mean() >= simulate_fleet(f1, **SMALL).downtime_s.mean() * (1 - 1e-12)


@settings(max_examples=10)
@given(floats(1e-5, 0.05), st.sampled_from([None, 1]), st.sampled_from([None, 0, 3]))
def test_unavailability_in_unit_interval(rate, crews, spares):
    res = simulate_fleet(Fleet(8, Q_(rate, "1/hour"), crews=crews, spares=spares), Q_(30, "day"), 8, seed=4)
    u = res.unavailability
    assert np.all((u >= 0.0) & (u <= 1.0))


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("bad, name", [
    (lambda: Fleet(10, Q_(0, "1/hour")), "failure_rate"),
    (lambda: Fleet(10, Q_(-1e-4, "1/hour")), "failure_rate"),
    (lambda: Fleet(0), "servers"),
    (lambda: Fleet(10, crews=0), "crews"),
    (lambda: Fleet(10, spares=11), "spares"),
    (lambda: Fleet(10, spares=-1), "spares"),
    (lambda: Fleet(10, restock_time=Q_(0, "day")), "restock_time"),
    (lambda: Fleet(10, price_usd_per_gpu_hour=-1.0), "price_usd_per_gpu_hour"),
    (lambda: Fleet(10, workflow="immersion"), "workflow"),
    (lambda: simulate_fleet(Fleet(10), Q_(-1, "year")), "horizon"),
    (lambda: simulate_fleet(Fleet(10), Q_(1, "year"), 0), "replications"),
    (lambda: simulate_fleet(Fleet(10), Q_(1, "year"), 8, chunk_replications=0), "chunk_replications"),
    (lambda: simulate_fleet(Fleet(10), Q_(1, "year"), 8, progress=3), "progress"),
    (lambda: simulate_fleet(Fleet(10), Q_(1, "year"), 8).mean_unavailability(1.5), "level"),
])
def test_bad_inputs(bad, name):
    with pytest.raises(OutOfRangeError, match=f"'{name}'"):
        bad()


def test_unit_errors():
    with pytest.raises(UnitError, match="'failure_rate'"):
        Fleet(10, Q_(1, "hour"))
    with pytest.raises(UnitError, match="'horizon'"):
        simulate_fleet(Fleet(10), 6)


# ---------------------------------------------------------------------------
# Fast paths
# ---------------------------------------------------------------------------
def _process_vectorised(t, mu, r, h, c, p, ell):
    """The waits as whole-array passes (the formulas of the module docstring; oracle for _process)."""
    rows, k = t.shape
    wait = None
    if c is not None:
        s = np.arange(k, dtype=np.float64) * (h / c) - t
        wait = s - np.minimum.accumulate(s, axis=1)
    if p is not None:
        wait = np.zeros_like(t) if wait is None else wait
        wait[:, p:] = np.maximum(wait[:, p:], t[:, : k - p] - t[:, p:] + ell)
    out = []
    for i in range(rows):
        n = int(np.searchsorted(t[i], mu))
        wi = np.zeros(n) if wait is None else wait[i, :n]
        total, dmax = n * r + float(wi.sum()), r + (float(wi.max()) if n else 0.0)
        j = int(np.searchsorted(t[i], mu - dmax))
        if j < n:
            total -= float(np.maximum((r if wait is None else r + wait[i, j:n]) - (mu - t[i, j:n]), 0.0).sum())
        out.append((total, n))
    return np.array(out)


@pytest.mark.parametrize("c, p", [(1, None), (2, 3), (None, 0), (None, 5), (3, 1)])
def test_process_row_by_row_equals_vectorised_bitwise(c, p):
    # Waits computed row by row (in cache, up to the horizon only) are the same numbers (tolerance 0).
    t = np.cumsum(np.random.default_rng(5).standard_exponential((4, 900)), axis=1)
    d, n, _ = _process(t, 800.0, 1.3, 0.8, c, p, 6.0)
    ref = _process_vectorised(t, 800.0, 1.3, 0.8, c, p, 6.0)
    assert d.tobytes() == ref[:, 0].tobytes()
    np.testing.assert_array_equal(n, ref[:, 1])


def test_unlimited_partial_sums_equal_running_sum(monkeypatch):
    # Without limits, the counts come from partial sums certified against the running sum: counts must be
    # identical and down times equal to rounding (rel 1e-12; the summation order differs, ~1e-15 in practice).
    # Rows the partial sums cannot certify (here: forced for every other row) take the running sum.
    import coolsim.reliability.fleet as F

    fleet = Fleet(512, FAST, AIR_HOT_SWAP)
    fast = simulate_fleet(fleet, Q_(1, "year"), 40, seed=9)
    real = F._unlimited

    def half_unsure(x, mu, r, sums=None):
        d, n = real(x, mu, r, sums)
        n = n.copy()
        n[::2] = -1
        return d, n

    monkeypatch.setattr(F, "_unlimited", half_unsure)
    mixed = simulate_fleet(fleet, Q_(1, "year"), 40, seed=9)
    monkeypatch.setattr(F, "_unlimited", lambda *a, **k: None)
    exact = simulate_fleet(fleet, Q_(1, "year"), 40, seed=9)
    for res in (fast, mixed):
        np.testing.assert_array_equal(res.failures, exact.failures)
        np.testing.assert_allclose(res.downtime_s, exact.downtime_s, rtol=1e-12)
    assert mixed.downtime_s[::2].tobytes() == exact.downtime_s[::2].tobytes()


def _event_order(x):
    """Event times per replication of column-laid gaps x[i, j, q] (event j*m + i of replication q)."""
    m, ncol, rows = x.shape
    return np.cumsum(x.transpose(2, 1, 0).reshape(rows, ncol * m), axis=1)


def _columns_vs_direct(x, mu, r, hc, crews, p, ell):
    """_columns and the direct S_n - running-min formula (_process, itself checked against the event loop)."""
    got = F._columns(x.copy(), mu, r, hc, crews is not None, p, ell, F._ColumnScratch(x.shape[1], x.shape[2]))
    ref = _process(_event_order(x), mu, r, hc * crews if crews else 0.0, crews, p, ell)
    return got, ref


# loads: light (0.2, the benchmark's), busy (0.6), overloaded (1.2: waits grow without end, every column carries
# a minimum from the earlier ones, through all its rows); spares: lag of whole columns, not, none, zero, > events
@pytest.mark.parametrize("hc, crews, p, ell", [
    (0.22, 2, 32, 23.3), (0.6, 1, 5, 4.0), (0.45, 3, 40, 20.0), (0.0, None, 7, 9.0), (0.4, 2, None, 9.0),
    (0.4, 2, 0, 9.0), (1.2, 1, 3, 9.0), (0.3, 1, 70, 60.0), (0.3, 2, 5000, 9.0),
])
def test_columns_equal_direct_formula(hc, crews, p, ell):
    # Counts identical; down times and waits equal to rounding: the direct formula loses ~n ulp of the event
    # times (~1e-13 here) in S_n - min S_j, the columns far less; 1e-11 relative is >= 100x that and far below
    # any model effect.
    x = np.random.default_rng(17).standard_exponential((F._COLUMN, 45, 8))
    (d, n, w), (d0, n0, w0) = _columns_vs_direct(x, 1200.0, 0.84, hc, crews, p, ell)
    np.testing.assert_array_equal(n, n0)
    np.testing.assert_allclose(d, d0, rtol=1e-11)
    np.testing.assert_allclose(w, w0, rtol=1e-11, atol=1e-9)


@settings(max_examples=25)
@given(floats(0.0, 1.5), st.sampled_from([None, 1, 3]), st.one_of(st.none(), st.integers(0, 90)), floats(0.5, 60.0),
       floats(0.05, 30.0), st.integers(0, 2**16))
def test_columns_equal_direct_formula_random(hc, crews, p, ell, r, seed):
    # Any load, lag and restock time: same counts, down time to 1e-11 relative (reasons above).
    hc = hc if crews else 0.0
    x = np.random.default_rng(seed).standard_exponential((F._COLUMN, 14, 8))
    (d, n, w), (d0, n0, w0) = _columns_vs_direct(x, 300.0, r, hc, crews, p, ell)
    np.testing.assert_array_equal(n, n0)
    np.testing.assert_allclose(d, d0, rtol=1e-11, atol=1e-9)


def test_columns_none_when_horizon_beyond_last_column():
    x = np.random.default_rng(1).standard_exponential((F._COLUMN, 4, 8))  # 128 events, about 128 time units
    assert F._columns(x, 1000.0, 0.8, 0.2, True, 3, 9.0, F._ColumnScratch(4, 8)) is None


def test_simulate_fleet_fallback_equals_columns(monkeypatch):
    # A block the columns cannot finish is redrawn in event order and solved by _process: forcing it for every
    # block must give the same counts and down times to rounding (1e-11 relative, as above).
    fleet = Fleet(40, FAST, immersion_single_phase(), crews=2, spares=3, restock_time=Q_(3, "day"))
    fast = simulate_fleet(fleet, Q_(1, "year"), 24, seed=8)
    monkeypatch.setattr(F, "_columns", lambda *a: None)
    slow = simulate_fleet(fleet, Q_(1, "year"), 24, seed=8)
    np.testing.assert_array_equal(fast.failures, slow.failures)
    np.testing.assert_allclose(fast.downtime_s, slow.downtime_s, rtol=1e-11)


def test_more_spares_than_events_never_short():
    # A pool larger than the events drawn (spares >= events) never runs short: no wait at all, and the very
    # same numbers as no spare limit (tolerance 0: the spare comparison is skipped, nothing else changes).
    x = np.random.default_rng(3).standard_exponential((F._COLUMN, 10, 8))
    scratch = F._ColumnScratch(10, 8)
    d, n, w = F._columns(x.copy(), 250.0, 0.8, 0.0, False, 320, 30.0, scratch)
    d0, n0, w0 = F._columns(x.copy(), 250.0, 0.8, 0.0, False, None, 30.0, scratch)
    assert np.all(w == 0.0) and d.tobytes() == d0.tobytes()
    np.testing.assert_array_equal(n, n0)
