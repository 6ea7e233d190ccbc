"""Fan operating points for 10^5 systems with a non-integer exponent: vectorised core vs a brentq loop."""

import numpy as np
from scipy.optimize import brentq
from timing import best_of

from coolsim.turbomachinery import TurboCurve, operating_point_with_mask

N = 100_000
N_LOOP = 2_000  # the brentq loop is timed on this many systems and scaled to N


def _systems(n, seed=1):
    rng = np.random.default_rng(seed)
    p_st = rng.uniform(0.0, 300.0, n)  # static pressure [Pa]
    k = rng.uniform(50.0, 800.0, n)  # system coefficient [Pa/(m³/s)^1.9]
    s = rng.uniform(0.5, 1.2, n)  # speed ratio [-]
    return p_st, k, s


def benchmarks():
    curve = TurboCurve((500.0, 0.0, -100.0))
    a0, _, a2 = curve.pressure_coefficients
    n_exp = 1.9
    p_st, k, s = _systems(N)
    q_d = 1.0
    p_d = p_st + k  # system through (1 m³/s, p_st + k)

    def vectorised():
        return operating_point_with_mask.si(curve, p_st, q_d, p_d, n_exp, s)

    def loop():
        out = np.empty(N_LOOP)
        for i in range(N_LOOP):
            si, pi, ki = s[i], p_st[i], k[i]
            hi = curve.free_flow * si
            if a0 * si * si <= pi:
                out[i] = np.nan
                continue
            out[i] = brentq(lambda x: a0 * si * si + a2 * x * x - pi - ki * x**n_exp, 0.0, hi, xtol=1e-14)
        return out

    t_vec = best_of(vectorised, repeat=5)
    t_loop = best_of(loop, repeat=3) * (N / N_LOOP)
    yield (
        "fan_operating_points_1e5",
        f"{t_vec * 1e3:.1f} ms vs brentq loop {t_loop:.2f} s (est.: {N_LOOP} systems timed, x{N // N_LOOP}) "
        f"= {t_loop / t_vec:.0f}x faster (n = 1.9, safeguarded Newton)",
        ">= 100x",
    )
    # equality of the two is checked in tests/test_fans.py (not timed); spot-check here too
    q, _, ok = vectorised()
    ref = loop()
    err = np.nanmax(np.abs(q[:N_LOOP] - ref) / ref)
    yield ("fan_operating_points_vs_brentq_max_rel_diff", f"{err:.1e}", "<= 1e-9")
