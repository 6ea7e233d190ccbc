"""Maintenance figures of the chain: service failure rate, workflows, sensitivity, case-file policy."""

import pytest
from hypothesis import given, settings

from coolsim import Q_
from coolsim.cases import REFERENCE_CASE, case_from_text, load_case
from coolsim.compare import comparison_json
from coolsim.errors import CaseFileError
from coolsim.maintenance import SERVICE_COMPONENTS, MaintenancePolicy, maintenance_summary

from strategies import floats

CASE = load_case(REFERENCE_CASE)
RESULTS = CASE.run()


def _summary(name, policy=None):
    return maintenance_summary(CASE.architectures[name], RESULTS[name], CASE.it_load, policy)


def test_service_failure_rate_from_llama3_counts():
    # R40: rows needing a technician (GPU, host, unplanned maintenance) = 268 + 21 + 32
    # = 321 of 419; per server MTBF = 2,048 hosts x 1,296 h / 321 = 8,268.6 h.
    assert len(SERVICE_COMPONENTS) == 14
    m = _summary("forced_air")
    assert float(m.server_mtbf.to("hour").m) == pytest.approx(2048 * 1296 / 321, rel=1e-9)


def test_availability_identity_and_lost_gpu_hours():
    m = _summary("immersion_single_phase")
    mtbf, mttr = float(m.server_mtbf.to("hour").m), float(m.repair_time.to("hour").m)
    assert m.availability == pytest.approx(mtbf / (mtbf + mttr), rel=1e-12)
    assert float(m.downtime_per_server_year.to("hour").m) == pytest.approx((1 - m.availability) * 8760, rel=1e-9)
    assert m.lost_gpu_hours_per_year == pytest.approx(16000 * (1 - m.availability) * 8760, rel=1e-9)
    # $4 per GPU-hour (the founding article's figure, the policy default)
    assert float(m.lost_revenue_per_year.to("USD/year").m) == pytest.approx(4 * m.lost_gpu_hours_per_year, rel=1e-9)


def test_immersion_repairs_take_longest():
    times = {k: float(_summary(k).repair_time.to("hour").m) for k in RESULTS}
    assert times["immersion_single_phase"] > times["direct_to_chip"] > times["forced_air"]


@settings(max_examples=20)
@given(drain=floats(0.0, 3.0), extra=floats(0.01, 1.0))
def test_longer_drain_never_lowers_immersion_downtime(drain, extra):
    a = _summary("immersion_single_phase", MaintenancePolicy(drain_time=Q_(drain, "hour")))
    b = _summary("immersion_single_phase", MaintenancePolicy(drain_time=Q_(drain + extra, "hour")))
    assert b.downtime_per_server_year >= a.downtime_per_server_year


def test_drain_time_moves_immersion_downtime_one_for_one():
    # One extra hour of draining per repair adds (8760 / MTBF) hours per server-year
    # to first order: ~1.06 h at MTBF 8,269 h.
    a = _summary("immersion_single_phase", MaintenancePolicy(drain_time=Q_(0, "hour")))
    b = _summary("immersion_single_phase", MaintenancePolicy(drain_time=Q_(1, "hour")))
    delta = float((b.downtime_per_server_year - a.downtime_per_server_year).to("hour").m)
    assert delta == pytest.approx(8760 / (2048 * 1296 / 321), rel=0.01)


def test_ride_through_is_positive_and_labelled():
    for name in RESULTS:
        m = _summary(name)
        assert float(m.ride_through_time.to("s").m) > 0
        assert m.ride_through_limit


def test_json_maintenance_object_fields():
    doc = comparison_json(CASE, RESULTS)
    for name in RESULTS:
        m = doc[name]["maintenance"]
        for key in ("availability", "downtime_per_server_year", "lost_gpu_hours_per_year",
                    "lost_revenue_per_year", "spares_needed", "ride_through_time"):
            assert key in m, (name, key)
        assert 0 <= m["availability"] <= 1


def test_case_file_sets_maintenance_policy():
    text = REFERENCE_CASE.read_text() + '\n[maintenance]\ngpu_hour_price = "250 cent/hour"\ndrain_time = "2 hour"\n'
    case = case_from_text(text)
    assert case.maintenance.drain_time == Q_(2, "hour")
    m = maintenance_summary(case.architectures["immersion_single_phase"], RESULTS["immersion_single_phase"],
                            case.it_load, case.maintenance)
    assert float(m.lost_revenue_per_year.to("USD/year").m) == pytest.approx(2.5 * m.lost_gpu_hours_per_year, rel=1e-9)


@pytest.mark.parametrize("line, key", [('drain_time = "-1 hour"', "drain_time"),
                                       ("service_level = 1.5", "service_level"),
                                       ('gpu_hour_price = "4 kW"', "gpu_hour_price")])
def test_bad_maintenance_inputs(line, key):
    with pytest.raises(CaseFileError, match=key):
        case_from_text(REFERENCE_CASE.read_text() + f"\n[maintenance]\n{line}\n")


def test_ride_through_is_zero_when_a_junction_is_already_at_its_limit():
    # A junction limit below the running junction temperature leaves nothing to ride
    # through: 0 s with that reason, not a time computed from a clamped margin.
    import dataclasses

    chain = CASE.architectures["direct_to_chip"]
    hot = dataclasses.replace(chain, capture=dataclasses.replace(chain.capture, junction_limit=Q_(50, "degC")))
    r = hot.run(CASE.it_load, CASE.site, CASE.utilisation)
    m = maintenance_summary(hot, r, CASE.it_load)
    assert float(m.ride_through_time.to("s").m) == 0.0
    assert "already at or above its limit" in m.ride_through_limit
