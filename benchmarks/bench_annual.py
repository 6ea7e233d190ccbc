"""A year at a site: one architecture-year of the reference case, and the throughput of a
1,000-configuration annual sweep (configuration-years per second, single process)."""

import time

import numpy as np

from coolsim import Q_
from coolsim.annual import run_year
from coolsim.cases import REFERENCE_CASE, load_case
from coolsim.sweep import sweep
from coolsim.weather import load_climate

try:
    from timing import best_of
except ImportError:  # run from the repository root
    from benchmarks.timing import best_of


def benchmarks():
    case = load_case(REFERENCE_CASE)
    w = load_climate("sterling-va")
    chain = case.architectures["direct_to_chip"]
    t_year = best_of(lambda: run_year(chain, case.it_load, w), repeat=7)
    yield ("annual_direct_to_chip_one_year_8760h", f"{t_year * 1e3:.1f} ms per architecture-year", "<= 10 ms")

    n_share, n_temp = 25, 40  # 1,000 configurations x 8,760 h = 8.76 M elements
    shares = np.linspace(0.6, 0.9, n_share)
    temps = Q_(np.linspace(30.0, 45.0, n_temp), "degC")
    t0 = time.perf_counter()
    r = sweep({"dtc": chain}, case.it_load, {"sterling": w}, liquid_share=shares, tcs_supply_temperature=temps)
    t = time.perf_counter() - t0
    n = r.pue.size
    yield ("annual_sweep_1000_configurations", f"{n / t:,.0f} configuration-years/s ({t:.2f} s for {n:,}, "
           f"{n * 8760 / t / 1e6:.1f} M element-hours/s, chunks of 16)", ">= 1,000 per core")

    # scale-out: a sweep four times larger, serial and with a process pool of one worker per core,
    # side by side (pool start-up included: what a user waits for; the platform's default start method)
    import os
    from concurrent.futures import ProcessPoolExecutor

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    big = dict(liquid_share=np.linspace(0.6, 0.9, 4 * n_share), tcs_supply_temperature=temps)
    t0 = time.perf_counter()
    rs = sweep({"dtc": chain}, case.it_load, {"sterling": w}, **big)
    ts = time.perf_counter() - t0
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=cores) as ex:
        rp = sweep({"dtc": chain}, case.it_load, {"sterling": w}, executor=ex, **big)
    tp = time.perf_counter() - t0
    m = rs.pue.size
    same = all(getattr(rp, k).tobytes() == getattr(rs, k).tobytes() for k in ("pue", "wue", "facility_energy"))
    yield ("annual_sweep_4000_configurations_process_pool",
           f"{m / tp:,.0f} configuration-years/s with {cores} worker processes ({tp:.2f} s incl. start-up) vs "
           f"{m / ts:,.0f} serial ({ts:.2f} s) = {ts / tp:.2f}x; numbers identical: {same}", "> 1x on more than one core")
