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
