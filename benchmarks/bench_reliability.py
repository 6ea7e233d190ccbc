"""Fleet Monte Carlo: 2,048 servers (16,384 GPUs) x 6 years x 1,000 replications,
with crews and a spares pool, vs drawing the same random numbers alone."""

import time

from coolsim import Q_
from coolsim.reliability import COLD_PLATE_QD, Fleet, fleet_draws_only, simulate_fleet

SERVERS, REPLICATIONS = 2048, 1000
HORIZON = Q_(6, "year")


def _once(func):
    t0 = time.perf_counter()
    func()
    return time.perf_counter() - t0


def benchmarks():
    limited = Fleet(SERVERS, workflow=COLD_PLATE_QD, crews=2, spares=32, restock_time=Q_(3, "day"))
    unlimited = Fleet(SERVERS, workflow=COLD_PLATE_QD)
    # side by side, alternating, best of 3 (the machine is shared and noisy)
    t_draw, t_lim, t_unl = [], [], []
    for _ in range(3):
        t_draw.append(_once(lambda: fleet_draws_only(limited, HORIZON, REPLICATIONS, seed=1)))
        t_lim.append(_once(lambda: simulate_fleet(limited, HORIZON, REPLICATIONS, seed=1)))
        t_unl.append(_once(lambda: simulate_fleet(unlimited, HORIZON, REPLICATIONS, seed=1)))
    d, lim, unl = min(t_draw), min(t_lim), min(t_unl)
    yield (
        "fleet_mc_2048x6yx1000_crews_spares",
        f"{lim:.2f} s vs draws alone {d:.2f} s = {lim / d:.2f}x (about 17M failures)",
        "<= 1.5x",
    )
    yield (
        "fleet_mc_2048x6yx1000_unlimited",
        f"{unl:.2f} s vs draws alone {d:.2f} s = {unl / d:.2f}x",
        "<= 1.5x",
    )
