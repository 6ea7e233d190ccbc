"""Design-point comparison at scale: 10^6 configurations in one vectorised call
against a loop of single-configuration calls (the loop is timed on a sample
and scaled, as the line says)."""

import dataclasses
import time

import numpy as np

from coolsim import Q_, architectures
from coolsim.it_equipment import ITLoad, by_name
from coolsim.site import design_site


def benchmarks():
    hall = ITLoad(by_name("dgx-h100"), racks=500, servers_per_rack=4)
    site = design_site("sterling-va")
    base = architectures.direct_to_chip()
    n = 100  # 100 supply temperatures x 100 liquid shares x 100 utilisations = 10^6
    temps = Q_(np.linspace(30.0, 40.0, n).reshape(n, 1, 1), "degC")
    shares = np.linspace(0.6, 0.85, n).reshape(1, n, 1)
    util = np.linspace(0.5, 1.0, n).reshape(1, 1, n)
    cap = dataclasses.replace(base.capture, tcs_supply_temperature=temps, liquid_share=shares)
    chain = dataclasses.replace(base, capture=cap)
    t0 = time.perf_counter()
    result = chain.run(hall, site, util)
    t_vec = time.perf_counter() - t0
    size = np.size(result.pue)

    sample = 100
    rng = np.random.default_rng(0)
    picks = [(rng.integers(n), rng.integers(n), rng.integers(n)) for _ in range(sample)]
    t0 = time.perf_counter()
    for i, j, k in picks:
        one = dataclasses.replace(base, capture=dataclasses.replace(
            base.capture, tcs_supply_temperature=Q_(float(temps.magnitude[i, 0, 0]), "degC"),
            liquid_share=float(shares[0, j, 0])))
        one.run(hall, site, float(util[0, 0, k]))
    t_loop = (time.perf_counter() - t0) / sample * size
    yield (
        "chain_design_point_1e6_configurations",
        f"{t_vec:.2f} s vectorised vs loop {t_loop:.0f} s (est.: {sample} single runs timed, x{size // sample}) "
        f"= {t_loop / t_vec:.0f}x faster",
        "vectorised >= 100x the loop",
    )
