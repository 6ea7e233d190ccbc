"""Tests of coolsim.reliability.failures. Numbers traced in tests/data/sources/reliability.md."""

import math

import numpy as np
import pytest
from hypothesis import given

from coolsim import Q_
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.reliability import (
    COOLING_PUMP,
    LLAMA3_405B_INTERRUPTIONS,
    CoolingComponent,
    FailureCategory,
    FailureDataset,
    RedundantGroup,
    accelerated_failure_rate,
    arrhenius_factor,
    exponential_reliability,
    failure_rate_from_counts,
    mean_time_between_failures,
    weibull_hazard,
    weibull_mean_life,
    weibull_reliability,
)
from tests.strategies import floats, temperature_k

D = LLAMA3_405B_INTERRUPTIONS


# ---------------------------------------------------------------------------
# Validation (R40, R41)
# ---------------------------------------------------------------------------
def test_failure_dataset_counts_R40():
    # R40: the published counts, exactly (integers).
    assert D.total == 419
    expected = {"Faulty GPU": 148, "GPU HBM3 Memory": 72, "Software Bug": 54, "Network Switch/Cable": 35,
                "Host Maintenance": 32, "GPU SRAM Memory": 19, "GPU System Processor": 17}
    for name, n in expected.items():
        assert D.count(name) == n
    assert (D.units, D.gpus_per_unit, D.units * D.gpus_per_unit) == (2048, 8, 16384)
    # The printed 30.1 % is not 148/419: shares come from counts (35.3 %, 3 digits printed).
    assert D.fraction("Faulty GPU") == pytest.approx(0.353, abs=5e-4)


def test_mean_time_between_failures_R40():
    # Job MTBI 54 d x 24 h / 419 = 3.0931 h; tolerance: round-off only.
    assert D.job_mtbi().m_as("hour") == pytest.approx(54 * 24 / 419, rel=1e-12)
    assert D.job_mtbi().m_as("hour") == pytest.approx(3.09, abs=5e-3)


def test_mean_time_between_failures_R41():
    # R41: 2,048 x 1,296 h / 419 = 6,334.6 h per host (printed to 0.1 h).
    assert D.unit_mtbi().m_as("hour") == pytest.approx(6334.6, abs=0.05)
    assert mean_time_between_failures(Q_(1296, "hour"), 419, 2048).m_as("hour") == pytest.approx(2048 * 1296 / 419, rel=1e-12)


def test_unit_failure_rate_inverse_of_mtbi():
    # identity lambda = 1/MTBI (round-off only)
    assert D.unit_failure_rate().m_as("1/hour") * D.unit_mtbi().m_as("hour") == pytest.approx(1.0, rel=1e-12)
    rates = D.category_rates()
    assert sum(r.m_as("1/hour") for r in rates.values()) == pytest.approx(D.unit_failure_rate().m_as("1/hour"), rel=1e-12)
    gpu = D.unit_failure_rate(["Faulty GPU", "GPU HBM3 Memory"])
    assert gpu.m_as("1/hour") == pytest.approx(220 / (2048 * 1296), rel=1e-12)


def test_arrhenius_factor_hand_value():
    # Ea/k = 0.7 eV / 8.617333e-5 eV/K = 8123.1 K; 65 vs 85 degC -> exp(-1.3414) = 0.26148 (hand, 5 digits)
    assert arrhenius_factor(Q_(65, "degC"), Q_(85, "degC"), Q_(0.7, "eV")) == pytest.approx(0.26148, rel=1e-4)
    assert arrhenius_factor(Q_(65, "degC"), Q_(85, "degC")) == pytest.approx(0.26148, rel=1e-4)  # default 0.7 eV


def test_weibull_identities():
    # beta = 1 reduces to the exponential model (exact up to round-off)
    t = Q_(np.linspace(0, 5e4, 11), "hour")
    np.testing.assert_allclose(weibull_reliability(t, Q_(1e4, "hour"), 1.0), exponential_reliability(t, Q_(1e-4, "1/hour")), rtol=1e-12)
    assert weibull_hazard(Q_(7, "hour"), Q_(1e4, "hour"), 1.0).m_as("1/hour") == pytest.approx(1e-4, rel=1e-12)
    # mean life of beta = 2: eta*sqrt(pi)/2 (closed form)
    assert weibull_mean_life(Q_(1000, "hour"), 2.0).m_as("hour") == pytest.approx(1000 * math.sqrt(math.pi) / 2, rel=1e-12)


def test_redundant_group_pump():
    # pump a = 21660/(21660+7.825); N+1 of 2 = a^3 + 3 a^2 (1-a) (closed form, round-off only)
    a = 21660 / (21660 + 7.825)
    assert COOLING_PUMP.availability() == pytest.approx(a, rel=1e-14)
    assert RedundantGroup.n(COOLING_PUMP, 2).availability() == pytest.approx(a**2, rel=1e-12)
    assert RedundantGroup.n_plus_1(COOLING_PUMP, 2).availability() == pytest.approx(a**3 + 3 * a**2 * (1 - a), rel=1e-12)
    assert RedundantGroup.two_n(COOLING_PUMP, 1).availability() == pytest.approx(1 - (1 - a) ** 2, rel=1e-12)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
@given(temperature_k, temperature_k, floats(0.1, 1.5))
def test_cooler_device_lowers_hazard(t1, t2, ea):
    lo, hi = sorted((t1, t2))
    r = Q_(1e-4, "1/hour")
    a = accelerated_failure_rate(r, Q_(lo, "K"), Q_(hi, "K"), Q_(ea, "eV")).m_as("1/hour")
    b = accelerated_failure_rate(r, Q_(hi, "K"), Q_(hi, "K"), Q_(ea, "eV")).m_as("1/hour")
    assert a <= b * (1 + 1e-12)
    assert b == pytest.approx(1e-4, rel=1e-12)  # AF = 1 at the reference


@given(floats(0.0, 1e6), floats(10.0, 1e6), floats(0.3, 5.0))
def test_weibull_reliability_in_unit_interval_and_decreasing(t, eta, beta):
    r1 = weibull_reliability(Q_(t, "hour"), Q_(eta, "hour"), beta)
    r2 = weibull_reliability(Q_(t * 1.1 + 1, "hour"), Q_(eta, "hour"), beta)
    assert 0.0 <= r2 <= r1 <= 1.0


@given(floats(1.0, 1e4), floats(1.0, 1e6))
def test_rate_mtbf_round_trip(n, hours):
    m = mean_time_between_failures(Q_(hours, "hour"), n)
    lam = failure_rate_from_counts(n, Q_(hours, "hour"))
    assert (m * lam).m_as("") == pytest.approx(1.0, rel=1e-12)


# ---------------------------------------------------------------------------
# Bad inputs
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("bad, name", [
    (lambda: mean_time_between_failures(Q_(54, "day"), 0), "failures"),
    (lambda: mean_time_between_failures(Q_(-1, "day"), 3), "duration"),
    (lambda: failure_rate_from_counts(-1, Q_(1, "day")), "failures"),
    (lambda: exponential_reliability(Q_(1, "hour"), Q_(-1e-5, "1/hour")), "failure_rate"),
    (lambda: weibull_reliability(Q_(1, "hour"), Q_(0, "hour"), 2.0), "scale"),
    (lambda: weibull_reliability(Q_(1, "hour"), Q_(1, "hour"), 0.0), "shape"),
    (lambda: weibull_hazard(Q_(0, "hour"), Q_(1, "hour"), 0.5), "time"),
    (lambda: arrhenius_factor(Q_(300, "K"), Q_(320, "K"), Q_(0, "eV")), "activation_energy"),
    (lambda: CoolingComponent("p", Q_(0, "hour"), Q_(1, "hour")), "mtbf"),
    (lambda: CoolingComponent("p", Q_(10, "hour"), Q_(-1, "hour")), "mttr"),
    (lambda: FailureCategory("x", "y", -1), "count"),
    (lambda: RedundantGroup(COOLING_PUMP, 3, 2), "installed"),
    (lambda: D.count("Flux capacitor"), "component"),
])
def test_bad_inputs(bad, name):
    with pytest.raises(OutOfRangeError, match=f"'{name}'"):
        bad()


def test_unit_errors():
    with pytest.raises(UnitError, match="'duration'"):
        mean_time_between_failures(54, 419)
    with pytest.raises(UnitError, match="'failure_rate'"):
        exponential_reliability(Q_(1, "hour"), Q_(1, "hour"))
    with pytest.raises(OutOfRangeError, match="'categories'"):
        FailureDataset("x", (), 1, 1, Q_(1, "day"))
