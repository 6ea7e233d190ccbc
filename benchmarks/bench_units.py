"""Boundary overhead: coolsim's quantity_io against pint's ureg.wraps."""

from timing import best_of

from coolsim.units import POWER, Q_, TEMPERATURE_DIFFERENCE, THERMAL_CONDUCTANCE, quantity_io, ureg


def _core(ua, dt):
    return ua * dt


def benchmarks():
    ours = quantity_io(returns=POWER, ua=THERMAL_CONDUCTANCE.positive(), dt=TEMPERATURE_DIFFERENCE.positive())(_core)
    theirs = ureg.wraps("W", ("W/K", "K"))(_core)
    ua, dt = Q_(2000.0, "W/K"), Q_(5.0, "K")  # already in SI
    n = 20000
    t_core = best_of(lambda: _core(2000.0, 5.0), repeat=5, number=n)
    t_ours = best_of(lambda: ours(ua, dt), repeat=5, number=n)
    t_wraps = best_of(lambda: theirs(ua, dt), repeat=5, number=n // 10)
    overhead = (t_ours - t_core) * 1e6
    yield (
        "boundary_overhead_si_inputs",
        f"{overhead:.2f} us/call (ureg.wraps {t_wraps * 1e6:.1f} us/call, {t_wraps / t_ours:.0f}x slower)",
        "<= 5 us/call",
    )
    ua_ip, dt_ip = Q_(6824.28, "Btu/hour/delta_degF"), Q_(9.0, "delta_degF")
    t_conv = best_of(lambda: ours(ua_ip, dt_ip), repeat=5, number=n // 4)
    yield ("boundary_overhead_ip_inputs", f"{(t_conv - t_core) * 1e6:.1f} us/call (converted once each)", "informational")
