"""Tests of coolsim.reliability.repair. Numbers traced in tests/data/sources/reliability.md."""

import pytest
from hypothesis import given

from coolsim import Q_
from coolsim.errors import OutOfRangeError, UnitError
from coolsim.reliability import (
    AIR_HOT_SWAP,
    COLD_PLATE_QD,
    DRIPLESS_QD_SPILL,
    IMMERSION_SINGLE_PHASE,
    IMMERSION_TWO_PHASE,
    ORDINARY_QD_SPILL,
    RepairWorkflow,
    Stage,
    fluid_cost_usd,
    immersion_single_phase,
    immersion_two_phase,
    lid_opening_vapour_loss,
    qd_spill_volume,
)
from tests.strategies import floats


def test_immersion_drain_default_founding_article():
    # The drain/drip default is the founding article's ~1 h (an assumption: no published figure).
    assert IMMERSION_SINGLE_PHASE.stage("drain/drip").duration.m_as("s") == pytest.approx(3600.0, rel=1e-15)
    assert IMMERSION_SINGLE_PHASE.stage("drain/drip").attended is False


def test_qd_spill_volume_primer_vendor_range():
    # VENDOR (primer): dripless 0.01-0.03 mL per disconnect vs 1-3 mL ordinary; defaults are mid values.
    assert 0.01 <= DRIPLESS_QD_SPILL.m_as("mL") <= 0.03
    assert 1.0 <= ORDINARY_QD_SPILL.m_as("mL") <= 3.0
    assert qd_spill_volume(2, Q_(0.03, "mL")).m_as("mL") == pytest.approx(0.06, rel=1e-12)
    # a cold-plate swap with ordinary couplings spills 100x more (exact ratio of mid values)
    ordinary = qd_spill_volume(2, ORDINARY_QD_SPILL)
    assert ordinary.m_as("m**3") / COLD_PLATE_QD.fluid_loss_si == pytest.approx(100.0, rel=1e-12)


def test_workflow_totals_hand_sum():
    # stage sums by hand (exact in binary to round-off)
    assert AIR_HOT_SWAP.duration().m_as("hour") == pytest.approx(2.0, rel=1e-12)
    assert AIR_HOT_SWAP.crew_time().m_as("hour") == pytest.approx(0.75, rel=1e-12)
    assert COLD_PLATE_QD.duration().m_as("hour") == pytest.approx(2.6, rel=1e-12)
    assert IMMERSION_SINGLE_PHASE.duration().m_as("hour") == pytest.approx(4.25, rel=1e-12)
    assert IMMERSION_SINGLE_PHASE.labour().m_as("hour") == pytest.approx(0.5 * 2 + 1.0 + 0.5 * 2, rel=1e-12)
    assert IMMERSION_TWO_PHASE.duration().m_as("hour") == pytest.approx(3.1, rel=1e-12)


def test_lid_opening_vapour_loss_hand():
    # 0.5 x 0.2 m3 x 12.8/1600 = 8e-4 m3 = 0.8 L (hand)
    v = lid_opening_vapour_loss(Q_(0.2, "m**3"), Q_(12.8, "kg/m**3"), Q_(1600, "kg/m**3"), 0.5)
    assert v.m_as("L") == pytest.approx(0.8, rel=1e-12)
    assert immersion_two_phase(lid_openings=3).fluid_loss_si == pytest.approx(3 * 8e-4, rel=1e-12)
    assert IMMERSION_TWO_PHASE.fluid_cost_usd() == pytest.approx(0.8 * 80.0, rel=1e-12)


def test_fluid_cost_hand():
    assert fluid_cost_usd(Q_(0.5, "L"), 3.5) == pytest.approx(1.75, rel=1e-12)
    assert IMMERSION_SINGLE_PHASE.fluid_cost_usd() == pytest.approx(1.75, rel=1e-12)
    assert AIR_HOT_SWAP.fluid_cost_usd() == 0.0


@given(floats(0.01, 48.0), floats(0.0, 48.0))
def test_longer_drain_never_shortens_immersion_repair(h, extra):
    a = immersion_single_phase(Q_(h, "hour")).duration().m_as("hour")
    b = immersion_single_phase(Q_(h + extra, "hour")).duration().m_as("hour")
    assert b >= a
    assert b - a == pytest.approx(extra, abs=1e-9)  # drain adds one-for-one


@given(floats(0.01, 10.0))
def test_with_stage_duration_equals_factory(h):
    a = IMMERSION_SINGLE_PHASE.with_stage_duration("drain/drip", Q_(h, "hour"))
    b = immersion_single_phase(Q_(h, "hour"))
    assert a.duration_si == pytest.approx(b.duration_si, rel=1e-14)
    assert a.crew_time_si == b.crew_time_si  # drain is unattended


@pytest.mark.parametrize("bad, name", [
    (lambda: Stage("x", Q_(-1, "hour")), "duration"),
    (lambda: Stage("x", Q_(1, "hour"), technicians=0), "technicians"),
    (lambda: RepairWorkflow("x", ()), "stages"),
    (lambda: RepairWorkflow("x", (Stage("a", Q_(1, "hour")),), fluid_loss=Q_(-1, "L")), "fluid_loss"),
    (lambda: RepairWorkflow("x", (Stage("a", Q_(1, "hour")),), fluid_price_usd_per_litre=-1.0), "fluid_price_usd_per_litre"),
    (lambda: immersion_single_phase(Q_(-0.5, "hour")), "duration"),
    (lambda: immersion_two_phase(lid_openings=-1), "lid_openings"),
    (lambda: lid_opening_vapour_loss(Q_(0.2, "m**3"), Q_(12.8, "kg/m**3"), Q_(1600, "kg/m**3"), 1.5), "fraction_lost"),
    (lambda: qd_spill_volume(-1, DRIPLESS_QD_SPILL), "disconnects"),
    (lambda: IMMERSION_SINGLE_PHASE.with_stage_duration("drain", Q_(1, "hour")), "name"),
])
def test_bad_inputs(bad, name):
    with pytest.raises(OutOfRangeError, match=f"'{name}'"):
        bad()


def test_unit_error_drain_time():
    with pytest.raises(UnitError, match="'duration'"):
        immersion_single_phase(1.0)


def test_zero_drain_time_is_allowed_for_sensitivity_studies():
    # A drain-time sweep from 0 to 3 h starts at 0: a zero-length stage is valid.
    w0 = immersion_single_phase(Q_(0, "hour"))
    w1 = immersion_single_phase(Q_(1, "hour"))
    assert w1.duration_si - w0.duration_si == pytest.approx(3600.0)


def test_components_keep_their_quantities_and_replace_works():
    # Fields keep what the user gave (SI lives privately), so dataclasses.replace works.
    import dataclasses

    stage = Stage("swap", Q_(90, "minute"))
    assert stage.duration == Q_(90, "minute")
    twice = dataclasses.replace(stage, technicians=2)
    assert twice.duration == Q_(90, "minute") and twice.technicians == 2
