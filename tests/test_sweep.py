"""Tests of coolsim.sweep: a sweep element equals the single-configuration run_year, labels, CSV, errors."""

import csv
import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coolsim import Q_
from coolsim import architectures as A
from coolsim.annual import run_year
from coolsim.errors import OutOfRangeError
from coolsim.it_equipment import ITLoad, by_name
from coolsim.sweep import replace_path, sweep
from coolsim.weather import load_climate

HALL = ITLoad(by_name("dgx-h100"), racks=20)
GOLDEN = load_climate("golden-co")
SHARES = [0.65, 0.8]
TEMPS = Q_([33.0, 38.0, 42.0], "degC")


@pytest.fixture(scope="module")
def grid():
    return sweep({"fa": A.forced_air(), "dtc": A.direct_to_chip()}, HALL, {"golden": GOLDEN, "tampa": "tampa-fl"},
                 chunk=4, liquid_share=SHARES, tcs_supply_temperature=TEMPS)


def test_shape_and_labels(grid):
    assert grid.axes == ("architecture", "site", "liquid_share", "tcs_supply_temperature")
    assert grid.shape == (2, 2, 2, 3)
    assert grid.coords["architecture"] == ["fa", "dtc"] and grid.vectorised == {"fa": True, "dtc": True}
    # forced air has neither field: constant along both parameter axes (exact)
    assert np.all(grid.pue[0] == grid.pue[0, :, :1, :1])


def _single(share, temp, weather):
    c = A.direct_to_chip()
    c = dataclasses.replace(c, capture=dataclasses.replace(c.capture, liquid_share=share,
                                                           tcs_supply_temperature=Q_(temp, "degC")))
    return run_year(c, HALL, weather)


def test_sweep_element_equals_run_year(grid):
    # same physics on differently shaped arrays: equal to 1e-12 relative (floating-point order only)
    for i, share in enumerate(SHARES):
        for j, temp in enumerate(TEMPS.m):
            y = _single(share, temp, GOLDEN)
            assert grid.pue[1, 0, i, j] == pytest.approx(y.pue, rel=1e-12)
            assert grid.tue[1, 0, i, j] == pytest.approx(y.tue, rel=1e-12)
            assert grid.facility_energy[1, 0, i, j] == pytest.approx(y.facility_energy.m, rel=1e-12)
            assert grid.wue[1, 0, i, j] == pytest.approx(y.wue.m, rel=1e-12)
            assert grid.economizer_hours[1, 0, i, j] == y.economizer_hours
            assert grid.infeasible_hours[1, 0, i, j] == y.infeasible_hours


def test_scalar_only_field_falls_back_to_loop():
    # AirSide.supply_temperature is scalar-only: the sweep runs configuration by configuration, same numbers
    temps = Q_([22.0, 26.0], "degC")
    r = sweep({"fa": A.forced_air()}, HALL, {"golden": GOLDEN}, **{"air_side.supply_temperature": temps})
    assert r.vectorised == {"fa": False}
    for k, t in enumerate(temps):
        c = A.forced_air()
        c = dataclasses.replace(c, capture=replace_path(c.capture, "air_side.supply_temperature", t))
        assert r.pue[0, 0, k] == pytest.approx(run_year(c, HALL, GOLDEN).pue, rel=1e-12)
    assert r.economizer_hours[0, 0, 1] >= r.economizer_hours[0, 0, 0]


def test_to_csv_and_dataframe(grid, tmp_path):
    path = tmp_path / "s.csv"
    grid.to_csv(path)
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 24
    assert "tcs_supply_temperature [degree_Celsius]" in rows[0] and "wue [L/kWh]" in rows[0]
    assert float(rows[-1]["pue"]) == pytest.approx(grid.pue[1, 1, 1, 2], rel=1e-12)
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pandas"):
            grid.to_dataframe()
    else:
        assert len(grid.to_dataframe()) == 24


@settings(max_examples=8)
@given(st.floats(0.6, 0.9), st.floats(30.0, 42.0))
def test_sweep_element_property(share, temp):
    r = sweep({"dtc": A.direct_to_chip()}, HALL, {"golden": GOLDEN}, liquid_share=[share],
              tcs_supply_temperature=Q_([temp], "degC"))
    assert r.pue[0, 0, 0, 0] == pytest.approx(_single(share, temp, GOLDEN).pue, rel=1e-12)


def test_bad_input():
    with pytest.raises(OutOfRangeError, match="liquid_shar"):
        sweep({"fa": A.forced_air()}, HALL, {"g": GOLDEN}, liquid_shar=[0.5])
    with pytest.raises(OutOfRangeError, match="chains"):
        sweep({}, HALL, {"g": GOLDEN})
    with pytest.raises(OutOfRangeError, match="chunk"):
        sweep({"fa": A.forced_air()}, HALL, {"g": GOLDEN}, chunk=0)
    with pytest.raises(OutOfRangeError, match="liquid_share"):
        sweep({"dtc": A.direct_to_chip()}, HALL, {"g": GOLDEN}, liquid_share=[[0.5, 0.6]])
    with pytest.raises(OutOfRangeError, match="liquid_share"):
        sweep({"dtc": A.direct_to_chip()}, HALL, {"g": GOLDEN}, liquid_share=[1.5])
    with pytest.raises(OutOfRangeError, match="no field"):
        replace_path(A.forced_air().capture, "air_side.nope", 1.0)


def test_chunk_size_changes_no_number():
    # Chunks of 1, 5 and 16 configurations (different repeated rows, design slices and electrical
    # shortcuts) give the same numbers bit for bit (tolerance 0: every element is computed the same way).
    runs = [sweep({"dtc": A.direct_to_chip(), "i2": A.two_phase_immersion()}, HALL, {"g": GOLDEN}, chunk=ch,
                  liquid_share=[0.6, 0.75, 0.9], tcs_supply_temperature=Q_([30.0, 36.0, 40.0, 45.0], "degC"))
            for ch in (1, 5, 16)]
    for other in runs[1:]:
        for key in ("pue", "tue", "wue", "facility_energy", "water_use", "economizer_hours", "infeasible_hours"):
            assert getattr(other, key).tobytes() == getattr(runs[0], key).tobytes(), key


def test_repeated_configurations_served_once_same_result():
    # A stream with repeated rows is served on its distinct rows and spread back: every array of the
    # plant result equals the plain run bit for bit (tolerance 0), masks and reasons included.
    from coolsim.plant import _serve

    chain = A.direct_to_chip()
    site = GOLDEN.site().si
    heat = np.array([[2.0e6], [2.0e6], [1.5e6], [2.0e6]])
    for plant, ts, tr in ((chain.rejection.chilled_water, 291.0, 299.0), (chain.rejection.facility_water, 305.0, 315.0)):
        stream = dataclasses.replace(chain.capture.capture_si(HALL, 1.0, site).streams[0], heat=heat,
                                     supply_temperature=np.full((4, 1), ts), return_temperature=np.full((4, 1), tr))
        design = heat * 1.3
        fast, plain = _serve(plant, stream, site, design), plant.serve_si(stream, site, design)
        for f in dataclasses.fields(plain):
            if f.name == "feasibility":
                continue
            a, b = np.asarray(getattr(fast, f.name)), np.asarray(getattr(plain, f.name))
            assert a.shape == b.shape and a.tobytes() == b.tobytes(), f.name
        assert np.array_equal(fast.feasibility.feasible, plain.feasibility.feasible)
        assert [r for r, _ in fast.feasibility.reasons] == [r for r, _ in plain.feasibility.reasons]


def test_ups_on_mechanical_load_takes_the_full_path():
    # With the UPS carrying the cooling plant too, losses vary by the hour: the per-configuration shortcut
    # must not be used, and the sweep still equals run_year (rel 1e-12: different array shapes only).
    from coolsim.chain import default_electrical

    c = A.direct_to_chip()
    c = dataclasses.replace(c, electrical=dataclasses.replace(default_electrical(HALL), ups_serves_mechanical=True))
    r = sweep({"dtc": c}, HALL, {"g": GOLDEN}, liquid_share=[0.7, 0.8])
    for i, share in enumerate([0.7, 0.8]):
        y = run_year(dataclasses.replace(c, capture=dataclasses.replace(c.capture, liquid_share=share)), HALL, GOLDEN)
        assert r.pue[0, 0, i] == pytest.approx(y.pue, rel=1e-12)


def _same(a, b):
    for key in ("pue", "tue", "wue", "facility_energy", "it_energy", "water_use", "economizer_hours",
                "mechanical_hours", "infeasible_hours"):
        assert getattr(a, key).tobytes() == getattr(b, key).tobytes(), key
    assert a.vectorised == b.vectorised


def test_executor_changes_no_number(grid):
    # Blocks of configurations in a thread pool give the serial sweep bit for bit (tolerance 0:
    # each block is a smaller sweep of the same configurations, computed element by element alike)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as ex:
        par = sweep({"fa": A.forced_air(), "dtc": A.direct_to_chip()}, HALL, {"golden": GOLDEN, "tampa": "tampa-fl"},
                    chunk=4, executor=ex, liquid_share=SHARES, tcs_supply_temperature=TEMPS)
    _same(par, grid)


def test_process_pool_executor_same_numbers():
    # worker processes (spawned: nothing inherited) compute the same numbers as this process
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    args = ({"dtc": A.direct_to_chip()}, HALL, {"golden": GOLDEN})
    grid_ = dict(liquid_share=np.linspace(0.6, 0.9, 4), tcs_supply_temperature=Q_([32.0, 40.0], "degC"))
    serial = sweep(*args, chunk=2, **grid_)
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as ex:
        par = sweep(*args, chunk=2, executor=ex, **grid_)
    _same(par, serial)


def test_executor_must_submit():
    with pytest.raises(OutOfRangeError, match="parameter 'executor'"):
        sweep({"dtc": A.direct_to_chip()}, HALL, {"golden": GOLDEN}, executor=object(), liquid_share=SHARES)
