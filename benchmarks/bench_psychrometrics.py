"""Benchmark: 8,760 hourly wet-bulb temperatures, coolsim (vectorised) vs psychrolib (scalar loop).

Both are timed side by side in this run on the same synthetic weather year (seasonal plus
diurnal dry bulb, -8 ... 36 °C, relative humidity 20 ... 95 %, sea level). Target: <= 20 ms
for coolsim's public, unit-aware call.
"""

from __future__ import annotations

import numpy as np
import psychrolib

from coolsim import Q_
from coolsim import psychrometrics as ps
from timing import best_of

TARGET_S = 0.020


def _weather_year():
    hours = np.arange(8760.0)
    season = np.sin(2 * np.pi * (hours / 8760.0 - 0.3))
    day = np.sin(2 * np.pi * (hours / 24.0 - 0.4))
    noise = np.random.default_rng(8760).normal(0.0, 1.5, hours.size)
    t_c = 14.0 + 13.0 * season + 6.0 * day + noise
    rh = np.clip(0.6 - 0.25 * day + 0.05 * noise, 0.2, 0.95)
    td_c = np.asarray(ps.dew_point_from_relative_humidity.si(t_c + 273.15, rh)) - 273.15
    return t_c, rh, td_c


def _line(coolsim_s, psychrolib_s):
    return (f"{coolsim_s * 1e3:.1f} ms vs psychrolib {psychrolib_s * 1e3:.0f} ms = "
            f"{psychrolib_s / coolsim_s:.0f}x faster")


def benchmarks():
    psychrolib.SetUnitSystem(psychrolib.SI)
    t_c, rh, td_c = _weather_year()
    t_q, td_q = Q_(t_c, "degC"), Q_(td_c, "degC")
    p = 101325.0

    def coolsim_rh():
        return ps.wet_bulb_from_relative_humidity(t_q, rh)

    def psychrolib_rh():
        return [psychrolib.GetTWetBulbFromRelHum(t, r, p) for t, r in zip(t_c.tolist(), rh.tolist())]

    def coolsim_td():
        return ps.wet_bulb_from_dew_point(t_q, td_q)

    def psychrolib_td():
        return [psychrolib.GetTWetBulbFromTDewPoint(t, d, p) for t, d in zip(t_c.tolist(), td_c.tolist())]

    # Agreement check, so that both sides compute the same thing: within psychrolib's 1e-3 K
    # tolerance except in the narrow band near a 0 °C wet bulb where ASHRAE eqs. 33 and 35 both
    # have a root (coolsim returns the liquid one; see coolsim.psychrometrics.wet_bulb).
    diff = np.abs(coolsim_rh().to("degC").m - np.array(psychrolib_rh()))
    agree = f"agree to 2e-3 K on {int((diff <= 2e-3).sum())} of 8760 h"
    target = f"<= {TARGET_S * 1e3:.0f} ms"
    c, r = best_of(coolsim_rh, repeat=7), best_of(psychrolib_rh, repeat=2)
    yield "psychrometrics_wet_bulb_8760h", f"{_line(c, r)} ({agree})", target
    c, r = best_of(coolsim_td, repeat=7), best_of(psychrolib_td, repeat=2)
    yield "psychrometrics_wet_bulb_from_dew_point_8760h", _line(c, r), target
    core = best_of(lambda: ps.wet_bulb_from_relative_humidity.si(t_c + 273.15, rh, p), repeat=7)
    yield "psychrometrics_wet_bulb_8760h_si_core", f"{core * 1e3:.1f} ms (no unit boundary)", target
