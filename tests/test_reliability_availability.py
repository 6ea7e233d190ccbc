"""Tests of coolsim.reliability.availability. Numbers traced in tests/data/sources/reliability.md."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.reliability import (
    UPTIME_TIER_LEGACY_AVAILABILITY,
    availability,
    downtime_per_year,
    k_of_n_availability,
    parallel_availability,
    series_availability,
    spares_for_service_level,
    spares_service_level,
    unavailability,
)
from tests.strategies import floats, fraction


def test_availability_identity():
    # A = MTBF/(MTBF+MTTR): 999 h and 1 h give exactly 0.999 (round-off only)
    assert availability(Q_(999, "hour"), Q_(1, "hour")) == pytest.approx(0.999, rel=1e-15)
    assert unavailability(Q_(999, "hour"), Q_(60, "minute")) == pytest.approx(0.001, rel=1e-12)
    # downtime = (1 - A) x 8760 h = 8.76 h
    assert downtime_per_year(0.999).m_as("hour") == pytest.approx(8.76, rel=1e-12)


def test_downtime_per_year_uptime_tiers_legacy():
    # Legacy tier figures and the downtimes quoted with them (28.8, 22, 1.6, 0.4 h), to the printed digits.
    quoted = {1: (28.8, 0.05), 2: (22.7, 0.05), 3: (1.6, 0.05), 4: (0.4, 0.05)}
    for tier, (hours, tol) in quoted.items():
        assert downtime_per_year(UPTIME_TIER_LEGACY_AVAILABILITY[tier]).m_as("hour") == pytest.approx(hours, abs=tol)


def test_spares_for_service_level_hand_poisson():
    # mean = 20 x 1e-3/h x 100 h = 2. Hand: P(N<=3) = e^-2 (1+2+2+4/3) = 0.85712, P(N<=4) = 0.94735,
    # P(N<=5) = 0.98344: 4 spares for 90 %, 5 for 95 %, 6 for 99 %.
    args = (Q_(1e-3, "1/hour"), Q_(100, "hour"), 20)
    assert spares_for_service_level(*args, 0.90) == 4
    assert spares_for_service_level(*args, 0.95) == 5
    assert spares_for_service_level(*args, 0.99) == 6
    assert spares_service_level(5, *args) == pytest.approx(0.98344, abs=5e-6)
    np.testing.assert_array_equal(spares_for_service_level(*args, np.array([0.9, 0.95])), [4, 5])


def test_k_of_n_closed_forms():
    a = 0.97
    assert k_of_n_availability(a, 3, 3) == pytest.approx(series_availability([a] * 3), rel=1e-12)
    assert k_of_n_availability(a, 1, 3) == pytest.approx(parallel_availability([a] * 3), rel=1e-12)
    assert k_of_n_availability(a, 2, 3) == pytest.approx(3 * a**2 - 2 * a**3, rel=1e-12)


@given(floats(1e-3, 1e7), floats(0.0, 1e5))
def test_availability_in_unit_interval(mtbf, mttr):
    a = availability(Q_(mtbf, "hour"), Q_(mttr, "hour"))
    u = unavailability(Q_(mtbf, "hour"), Q_(mttr, "hour"))
    assert 0.0 <= a <= 1.0
    assert a + u == pytest.approx(1.0, rel=1e-12)


@given(st.lists(fraction, min_size=1, max_size=6))
def test_blocks_in_unit_interval_and_ordered(a):
    s, p = series_availability(a), parallel_availability(a)
    assert 0.0 <= s <= min(a) + 1e-15
    assert max(a) - 1e-15 <= p <= 1.0


@given(fraction, st.integers(1, 8), st.integers(0, 4))
def test_more_redundancy_never_lowers_availability(a, k, extra):
    assert k_of_n_availability(a, k, k + extra + 1) >= k_of_n_availability(a, k, k + extra) - 1e-12


@given(floats(1e-6, 1e-2), floats(1.0, 1e3), st.integers(1, 5000), st.integers(0, 50))
def test_more_spares_never_lower_service_level(rate, window, units, s):
    args = (Q_(rate, "1/hour"), Q_(window, "hour"), units)
    lo, hi = spares_service_level(s, *args), spares_service_level(s + 1, *args)
    assert 0.0 <= lo <= hi <= 1.0


@given(floats(1e-6, 1e-2), floats(1.0, 1e3), st.integers(1, 5000), floats(0.0, 0.999))
def test_spares_meet_service_level(rate, window, units, level):
    args = (Q_(rate, "1/hour"), Q_(window, "hour"), units)
    s = spares_for_service_level(*args, level)
    assert spares_service_level(s, *args) >= level - 1e-12
    if s > 0:
        assert spares_service_level(s - 1, *args) < level + 1e-12


@pytest.mark.parametrize("bad, name", [
    (lambda: availability(Q_(0, "hour"), Q_(1, "hour")), "mtbf"),
    (lambda: availability(Q_(10, "hour"), Q_(-1, "hour")), "mttr"),
    (lambda: downtime_per_year(1.2), "availability"),
    (lambda: downtime_per_year(-0.1), "availability"),
    (lambda: series_availability([0.9, 1.1]), "availabilities"),
    (lambda: parallel_availability([np.nan]), "availabilities"),
    (lambda: k_of_n_availability(1.5, 1, 2), "availability"),
    (lambda: k_of_n_availability(0.9, 3, 2), "k"),
    (lambda: k_of_n_availability(0.9, 1.5, 2), "k"),
    (lambda: spares_for_service_level(Q_(1e-3, "1/hour"), Q_(1, "hour"), 10, 1.0), "service_level"),
    (lambda: spares_for_service_level(Q_(1e-3, "1/hour"), Q_(1, "hour"), 10, -0.1), "service_level"),
    (lambda: spares_for_service_level(Q_(-1e-3, "1/hour"), Q_(1, "hour"), 10, 0.9), "failure_rate"),
    (lambda: spares_for_service_level(Q_(1e-3, "1/hour"), Q_(0, "hour"), 10, 0.9), "window"),
    (lambda: spares_service_level(-1, Q_(1e-3, "1/hour"), Q_(1, "hour"), 10), "spares"),
])
def test_bad_inputs(bad, name):
    with pytest.raises(OutOfRangeError, match=f"'{name}'"):
        bad()


def test_unit_errors():
    with pytest.raises(UnitError, match="'mtbf'"):
        availability(1000.0, Q_(1, "hour"))
    with pytest.raises(UnitError, match="'window'"):
        spares_for_service_level(Q_(1e-3, "1/hour"), Q_(1, "m"), 10, 0.9)
