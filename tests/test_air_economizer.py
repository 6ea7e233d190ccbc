"""Tests of coolsim.air_economizer: limit cases, mixing balance, plant duck typing, bad input."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim import architectures as A
from coolsim.air_economizer import OUTDOOR_AIR, AirMode, AirSideEconomizer, air_economizer_mode
from coolsim.annual import run_year
from coolsim.capture.base import Circuit, HeatStream
from coolsim.errors import OutOfRangeError
from coolsim.it_equipment import ITLoad, by_name
from coolsim.plant import HeatRejection, PlantResult
from coolsim.rejection import CoolingMode
from coolsim.site import Site

T0 = 273.15
STREAM = HeatStream(1.0e6, T0 + 20.4, T0 + 27.1, "coils", air_supply_temperature=T0 + 24.0)
ECO = AirSideEconomizer(A._chilled_water_plant())


def _serve(db, wb, stream=STREAM, eco=ECO):
    return eco.serve_si(stream, Site("s", Q_(db, "degC"), Q_(wb, "degC")).si)


def test_cold_dry_hour_is_free():
    r = _serve(5.0, 1.0)  # dew point about -4 degC: inside -9 ... 15 degC
    assert isinstance(r, PlantResult)
    assert AirMode(int(r.air_mode)) is AirMode.FREE and int(r.mode) == OUTDOOR_AIR
    assert float(r.chiller_power) == 0.0 and float(r.water_use) == 0.0 and float(r.free_fraction) == 1.0
    # mixing: x T_oa + (1 - x) T_ra = T_sa - fan rise (energy balance of the mixing box, exact to 1e-12)
    x = float(r.outdoor_air_fraction)
    assert x * (T0 + 5.0) + (1 - x) * (T0 + 34.8) == pytest.approx(T0 + 23.0, abs=1e-9)


def test_hot_hour_is_mechanical():
    r = _serve(35.0, 24.0)  # above the return air: outdoor air unusable
    assert AirMode(int(r.air_mode)) is AirMode.OFF
    assert int(r.mode) == CoolingMode.MECHANICAL and float(r.chiller_power) > 0.0
    plain = A._chilled_water_plant().serve_si(STREAM, Site("s", Q_(35, "degC"), Q_(24, "degC")).si)
    # off: exactly the water plant serving the whole load (tolerance 1e-12, same arithmetic)
    assert float(r.chiller_power) == pytest.approx(float(plain.chiller_power), rel=1e-12)
    assert float(r.economizer_fan_power) == 0.0


def test_humid_mild_hour_is_mechanical_because_of_dew_point():
    # 22 degC dry bulb would be free by temperature, but its dew point (~19 degC) is above 15 degC
    r = _serve(22.0, 20.0)
    assert AirMode(int(r.air_mode)) is AirMode.OFF
    assert float(r.coil_share) == 1.0
    dry = _serve(22.0, 12.0)  # same dry bulb, dew point ~5 degC: usable
    assert AirMode(int(dry.air_mode)) is AirMode.FREE


def test_too_dry_hour_is_not_economized():
    r = air_economizer_mode(Q_(-10, "degC"), Q_(-25, "degC"), Q_(24, "degC"), Q_(10.8, "K"))
    assert r.mode is AirMode.OFF and not r.humidity_ok


def test_partial_hour_trims_with_water_plant():
    r = _serve(28.0, 16.0)  # between the 23 degC mixed-air need and the 34.8 degC return air
    assert AirMode(int(r.air_mode)) is AirMode.PARTIAL
    share = (28.0 - 23.0) / (34.8 - 23.0)  # coil share of the load, sensible balance
    assert float(r.coil_share) == pytest.approx(share, rel=1e-12)
    assert float(r.outdoor_air_fraction) == 1.0
    assert float(r.water.facility_flow) == pytest.approx(float(
        A._chilled_water_plant().serve_si(STREAM, Site("s", Q_(28, "degC"), Q_(16, "degC")).si).facility_flow) * share,
        rel=1e-9)


def test_liquid_stream_passes_through():
    liquid = HeatStream(1e6, T0 + 32, T0 + 42, "cdu", Circuit.FACILITY_WATER)
    site = Site("s", Q_(5, "degC"), Q_(1, "degC")).si
    a, b = ECO.serve_si(liquid, site), A._chilled_water_plant().serve_si(liquid, site)
    assert float(a.sink_fan_power) == float(b.sink_fan_power) and int(a.mode) == int(b.mode)


def test_air_economizer_in_a_chain_year():
    # outdoor air can only add free hours to a water-side economizer plant (it serves fewer hours by water)
    hall = ITLoad(by_name("dgx-h100"), racks=20)
    base = A.forced_air()
    eco = dataclasses.replace(base, rejection=HeatRejection(AirSideEconomizer(base.rejection.chilled_water)))
    y0, y1 = run_year(base, hall, "san-francisco-ca"), run_year(eco, hall, "san-francisco-ca")
    assert y1.economizer_hours >= y0.economizer_hours
    assert y1.energy["chillers"].m <= y0.energy["chillers"].m
    assert y1.infeasible_hours == 0


@given(st.floats(-20.0, 45.0), st.floats(0.05, 1.0))
def test_modes_and_shares_consistent(db, rh):
    from coolsim.psychrometrics import wet_bulb_from_relative_humidity

    wb = float(wet_bulb_from_relative_humidity.si(T0 + db, rh, 101325.0)) - T0
    r = _serve(db, min(wb, db))
    coil, oa = float(r.coil_share), float(r.outdoor_air_fraction)
    assert 0.0 <= coil <= 1.0 and 0.0 <= oa <= 1.0
    assert 0.0 <= float(r.free_fraction) <= 1.0
    mode = AirMode(int(r.air_mode))
    assert (coil == 0.0) == (mode is AirMode.FREE)
    assert (oa == 0.0) == (mode is AirMode.OFF)


@given(st.floats(-10.0, 40.0), st.floats(0.1, 5.0))
def test_warmer_supply_air_never_lowers_free_cooling(t_oa, rise):
    a = air_economizer_mode.si(T0 + t_oa, T0 + t_oa - 12.0, T0 + 22.0, 10.8)
    b = air_economizer_mode.si(T0 + t_oa, T0 + t_oa - 12.0, T0 + 22.0 + rise, 10.8)
    assert b.coil_share <= a.coil_share + 1e-12


def test_bad_input():
    with pytest.raises(OutOfRangeError, match="water_plant"):
        AirSideEconomizer("plant")
    with pytest.raises(OutOfRangeError, match="max_humidity"):
        AirSideEconomizer(A._chilled_water_plant(), max_humidity=1.5)
    with pytest.raises(OutOfRangeError, match="min_dew_point"):
        AirSideEconomizer(A._chilled_water_plant(), min_dew_point=Q_(20, "degC"))
    with pytest.raises(OutOfRangeError, match="fan_power_penalty"):
        AirSideEconomizer(A._chilled_water_plant(), fan_power_penalty=-0.1)
    with pytest.raises(OutOfRangeError, match="dew_point"):
        air_economizer_mode(Q_(10, "degC"), Q_(12, "degC"), Q_(24, "degC"), Q_(10, "K"))
    with pytest.raises(OutOfRangeError, match="return_air_rise"):
        air_economizer_mode(Q_(10, "degC"), Q_(2, "degC"), Q_(24, "degC"), Q_(0, "K"))
