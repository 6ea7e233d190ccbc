"""Side-by-side comparison of architectures: the table and the JSON of ``coolsim compare``.

:func:`comparison_rows` gives the figures with their display units;
:func:`format_table` prints them; :func:`comparison_json` returns the
machine-readable form, in which every quantity is
``{"magnitude": number, "units": "<unit>"}`` with a unit string that stock
pint parses to the right meaning (SI base units, never ``cfm``).
"""

from __future__ import annotations

import math

import numpy as np

from . import __version__
from .errors import OutOfRangeError
from .economics.charges import VOLUME_PRICE
from .units import ENERGY_PRICE, MONEY_RATE, POWER, PRESSURE, TEMPERATURE, TIME, VOLUMETRIC_FLOW, WATER_PER_ENERGY

__all__ = ["comparison_rows", "format_table", "comparison_json", "JSON_FIELDS", "case_title", "infeasible_architectures",
           "economics_settings", "economics_notes"]

# (label, key in ChainResult.summary() or a callable, display unit or None for a ratio, format)
_ROWS = [
    ("IT power (incl. server fans)", "it_power", "kW", "{:,.0f}"),
    ("  server fans", "server_fan_power", "kW", "{:,.0f}"),
    ("IT airflow", "it_airflow", "cfm", "{:,.0f}"),
    ("cooling-unit airflow", "cooling_airflow", "cfm", "{:,.0f}"),
    ("coolant flow", "coolant_flow", "L/min", "{:,.0f}"),
    ("coolant flow", "coolant_flow", "gpm", "{:,.0f}"),
    ("coolant loop pressure drop", "coolant_pressure_drop", "kPa", "{:,.0f}"),
    ("air movers (CRAH / fan wall)", "air_mover_power", "kW", "{:,.0f}"),
    ("pumps", "pump_power", "kW", "{:,.0f}"),
    ("heat rejection (chillers, towers, dry coolers)", "heat_rejection_power", "kW", "{:,.0f}"),
    ("  of which chillers", "chiller_power", "kW", "{:,.0f}"),
    ("electrical losses and lighting", "electrical_losses", "kW", "{:,.0f}"),
    ("total facility power", "facility_power", "kW", "{:,.0f}"),
    ("PUE", "pue", None, "{:.3f}"),
    ("ITUE", "itue", None, "{:.3f}"),
    ("TUE", "tue", None, "{:.3f}"),
    ("WUE", "wue", "L/kWh", "{:.2f}"),
    ("hottest device", "max_device_temperature", "degC", "{:.1f}"),
]


def _scalar(x):
    a = np.asarray(getattr(x, "magnitude", x), dtype=float)
    return float(a) if a.ndim == 0 else float(np.max(a))


def comparison_rows(results: dict) -> list[tuple[str, list[str]]]:
    """Rows of (label with unit, one formatted cell per architecture).

    Parameters
    ----------
    results : dict
        ``{name: ChainResult}`` in case order.
    """
    summaries = {name: r.summary() for name, r in results.items()}
    rows = [("kind", [r.kind for r in results.values()])]
    rows.append(("feasible", ["yes" if r.feasibility.all else "NO" for r in results.values()]))
    for label, key, unit, fmt in _ROWS:
        cells = []
        for s in summaries.values():
            value = s[key]
            if value is None:
                cells.append("—")
                continue
            m = _scalar(value.to(unit)) if unit else _scalar(value)
            cells.append(fmt.format(m))
        rows.append((f"{label} [{unit}]" if unit else label, cells))
    noise = []
    for r in results.values():
        lw = r.capture.sound_power_level
        noise.append("—" if lw is None else f"{_scalar(lw):.0f}")
    rows.append(("air-mover sound power [dB re 1 pW]", noise))
    return rows


def maintenance_rows(case, results: dict) -> list[tuple[str, list[str]]]:
    """Rows of maintenance figures (downtime, lost GPU-hours and revenue, spares, ride-through)."""
    from .maintenance import maintenance_summary

    sums = [maintenance_summary(case.architectures[n], r, case.it_load, case.maintenance) for n, r in results.items()]
    return [
        ("repair time per failure [h]", [f"{float(m.repair_time.to('hour').m):.2f}" for m in sums]),
        ("availability per server [%]", [f"{100 * m.availability:.3f}" for m in sums]),
        ("downtime per server-year [h]", [f"{float(m.downtime_per_server_year.to('hour').m):.2f}" for m in sums]),
        ("lost GPU-hours per year", [f"{float(np.max(m.lost_gpu_hours_per_year)):,.0f}" for m in sums]),
        ("lost revenue per year [USD]", [f"{float(np.max(m.lost_revenue_per_year.to('USD/year').m)):,.0f}" for m in sums]),
        ("spares for 99 % service level", [f"{int(np.max(m.spares_needed))}" for m in sums]),
        ("ride-through after plant loss [min]", [f"{float(m.ride_through_time.to('minute').m):.1f}" for m in sums]),
    ]


def format_table(results: dict, title: str = "", extra_rows=(), *, annual: dict | None = None, notes=()) -> str:
    """A plain-text side-by-side table.

    Parameters
    ----------
    results : dict
        ``{name: ChainResult}`` in case order.
    title : str
        Printed above the table.
    extra_rows : sequence of (label, cells)
        Rows appended after the design-point rows (maintenance, annual, economics).
    annual : dict, optional
        ``{name: AnnualResult}``: the feasibility notes then also give each
        architecture's infeasible hours of the year and their reasons.
    notes : sequence of str
        Lines printed right under the table (e.g. :func:`economics_notes`).
    """
    rows = comparison_rows(results) + list(extra_rows)
    names = list(results)
    w0 = max(len(label) for label, _ in rows)
    widths = [max(len(n), *(len(cells[i]) for _, cells in rows)) for i, n in enumerate(names)]
    lines = []
    if title:
        lines += [title, ""]
    lines.append(" " * w0 + "  " + "  ".join(n.rjust(w) for n, w in zip(names, widths)))
    lines.append("-" * (w0 + 2 + sum(widths) + 2 * (len(widths) - 1)))
    for label, cells in rows:
        lines.append(label.ljust(w0) + "  " + "  ".join(c.rjust(w) for c, w in zip(cells, widths)))
    lines += list(notes)
    out = []
    for name, r in results.items():
        for reason in r.feasibility.reasons_anywhere():
            out.append(f"  {name}: {reason}")
    for name, a in (annual or {}).items():
        hours = int(getattr(a, "infeasible_hours", 0) or 0)
        if hours:
            why = "; ".join(f"{k}: {int(v):,} h" for k, v in (getattr(a, "infeasible_reasons", {}) or {}).items())
            total = int(getattr(a, "hours", 8760))
            out.append(f"  {name}: {hours:,} of {total:,} hours infeasible" + (f" ({why})" if why else ""))
    if out:
        lines += ["", "Feasibility notes:"] + out
    return "\n".join(lines)


def infeasible_architectures(results: dict, annual: dict | None = None) -> list[str]:
    """Names of the architectures infeasible at the design point or in any hour of the year.

    Parameters
    ----------
    results : dict
        ``{name: ChainResult}`` at the design point.
    annual : dict, optional
        ``{name: AnnualResult}`` (anything with ``infeasible_hours``).
    """
    annual = annual or {}
    return [n for n, r in results.items()
            if not r.feasibility.all or int(getattr(annual.get(n), "infeasible_hours", 0) or 0) > 0]


def case_title(case, file_site: str | None = None) -> str:
    """The case's name, with " — run at <site>" when it runs at another site than its case file names.

    Parameters
    ----------
    case : Case
        The case as run (after ``--site``).
    file_site : str, optional
        Name of the site the case file itself gives; by default read again
        from ``case.path`` (no suffix when the file cannot be read, e.g. a
        case built from text).
    """
    if file_site is None:
        from .cases import load_case
        from .errors import CoolsimError

        if case.path is None:
            return case.name
        try:
            file_site = load_case(case.path).site.name
        except (CoolsimError, OSError):
            return case.name
    return case.name if file_site == case.site.name else f"{case.name} — run at {case.site.name}"


def _q(value, kind):
    """A Quantity (or SI array) as {"magnitude", "units"} in SI base units."""
    if value is None:
        return None
    mag = np.asarray(getattr(value, "magnitude", value), dtype=float)
    units = f"{kind.unit:D}" if not kind.dimensionless else ""
    m = float(mag) if mag.ndim == 0 else mag.tolist()
    if isinstance(m, float) and not math.isfinite(m):
        m = None
    return {"magnitude": m, "units": units}


JSON_FIELDS = (
    "kind", "feasible", "infeasible_reasons", "it_power", "facility_power", "pue", "tue", "itue",
    "it_airflow", "cooling_airflow", "coolant_flow", "coolant_pressure_drop", "server_fan_power", "air_mover_power", "pump_power",
    "heat_rejection_power", "electrical_losses", "max_device_temperature",
)


def _ratio(x):
    a = np.asarray(x, dtype=float)
    return float(a) if a.ndim == 0 else a.tolist()


def comparison_json(case, results: dict, annual: dict | None = None, costs: dict | None = None) -> dict:
    """The JSON document of ``coolsim compare --json``.

    Parameters
    ----------
    case : Case
        The case (name, hall, architectures, maintenance and economics settings).
    results : dict
        ``{name: ChainResult}`` at the design point.
    annual : dict, optional
        ``{name: AnnualResult}`` over the case's weather year.
    costs : dict, optional
        ``{name: ArchitectureCosts}`` (:func:`economics_for`).

    Top-level keys: ``coolsim_version``, ``case``, ``economics_settings``
    (:func:`economics_settings`) and one object per architecture, keyed by its
    name in the case (case files may not name an architecture
    ``coolsim_version`` or ``case``; ``economics_settings`` is refused here).
    Each architecture has the design-point figures (``wue`` in m³/J, SI like
    the rest), a ``maintenance`` object, an ``annual`` object when ``annual``
    results are given and an ``economics`` object when ``costs`` are given,
    with ``feasible``: the design point and every hour hold their limits.
    """
    econ = None
    if costs:
        from .economics.retrofit import economics_json

        econ = economics_json(costs, **_econ_args(case))["architectures"]
    if "economics_settings" in results:
        raise OutOfRangeError("architecture name 'economics_settings' is reserved (a key of the JSON output); "
                              "choose another name")
    bad = set(infeasible_architectures(results, annual))
    weather = getattr(case, "weather", None)
    out = {"coolsim_version": __version__, "case": {"name": case.name, "description": case.description,
                                                    "path": None if case.path is None else str(case.path),
                                                    "site": case.site.name,
                                                    "weather": None if weather is None else weather.name},
           "economics_settings": economics_settings(case, results, annual)}
    for name, r in results.items():
        s = r.summary()
        c = r.capture
        entry = {
            "kind": r.kind,
            "feasible": bool(r.feasibility.all),
            "infeasible_reasons": [x for x in r.feasibility.reasons_anywhere() if not x.startswith("advisory")],
            "warnings": [x for x in r.feasibility.reasons_anywhere() if x.startswith("advisory")],
            "it_power": _q(s["it_power"], POWER),
            "facility_power": _q(s["facility_power"], POWER),
            "pue": _ratio(s["pue"]),
            "tue": _ratio(s["tue"]),
            "itue": _ratio(s["itue"]),
            "wue": _q(s["wue"].to(WATER_PER_ENERGY.unit), WATER_PER_ENERGY),
            "it_airflow": _q(s["it_airflow"], VOLUMETRIC_FLOW),
            "cooling_airflow": _q(s["cooling_airflow"], VOLUMETRIC_FLOW),
            "coolant_flow": _q(s["coolant_flow"], VOLUMETRIC_FLOW),
            "coolant_pressure_drop": _q(s["coolant_pressure_drop"], PRESSURE),
            "server_fan_power": _q(s["server_fan_power"], POWER),
            "air_mover_power": _q(s["air_mover_power"], POWER),
            "pump_power": _q(s["pump_power"], POWER),
            "chiller_power": _q(s["chiller_power"], POWER),
            "heat_rejection_power": _q(s["heat_rejection_power"], POWER),
            "electrical_losses": _q(s["electrical_losses"], POWER),
            "water_use": _q(s["water_use"], VOLUMETRIC_FLOW),
            "max_device_temperature": _q(s["max_device_temperature"], TEMPERATURE),
            "sound_power_level_db": None if c.sound_power_level is None else _ratio(c.sound_power_level),
        }
        if case.architectures.get(name) is not None:
            from .maintenance import maintenance_summary

            entry["maintenance"] = maintenance_summary(case.architectures[name], r, case.it_load,
                                                       case.maintenance).to_json()
        if annual and name in annual:
            entry["annual"] = annual[name].to_json()
        if econ and name in econ:
            entry["economics"] = {**econ[name], "feasible": name not in bad}
        out[name] = entry
    return out


FACILITY_TERMS = (
    ("compute (IT less server fans)", lambda r: r.capture.compute_power),
    ("server fans (IT power)", lambda r: r.capture.server_fan_power),
    ("CRAH / fan-wall fans", lambda r: r.capture.air_mover_power),
    ("technology pumps (CDU, tank oil)", lambda r: r.capture.pump_power),
    ("plant pumps (facility and condenser water)", lambda r: r.rejection.pump_power),
    ("chillers", lambda r: r.rejection.chiller_power),
    ("tower / dry-cooler fans", lambda r: r.rejection.sink_fan_power),
    ("UPS losses", lambda r: r.ups_loss),
    ("PDU / transformer losses", lambda r: r.pdu_loss),
    ("lighting", lambda r: r.lighting_power),
)
"""The terms that add up to the facility power of a ChainResult: (label, SI getter) [W]."""

_BUILDUP = [
    *FACILITY_TERMS[:2],
    ("**IT power**", lambda r: r.capture.it_power),
    *FACILITY_TERMS[2:],
    ("**facility power**", lambda r: r.facility_power_si),
]


def buildup_markdown(results: dict) -> str:
    """The term-by-term power build-up of a comparison, as a Markdown table (kW)."""
    names = list(results)
    lines = ["| kW | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for label, get in _BUILDUP:
        lines.append(f"| {label} | " + " | ".join(f"{_scalar(get(r)) / 1e3:,.0f}" for r in results.values()) + " |")
    for label, get in (("PUE = facility / IT", lambda r: r.pue), ("ITUE = IT / compute", lambda r: r.itue),
                       ("TUE = ITUE × PUE = facility / compute", lambda r: r.tue)):
        lines.append(f"| {label} | " + " | ".join(f"{_scalar(get(r)):.3f}" for r in results.values()) + " |")
    return "\n".join(lines)


def annual_rows(annual: dict) -> list[tuple[str, list[str]]]:
    """Rows of annual figures (one cell per architecture) from ``{name: AnnualResult}``."""
    if not annual:
        return []
    per = [dict(getattr(a, "table_rows", lambda: [])()) for a in annual.values()]
    labels = list(dict.fromkeys(label for p in per for label in p))
    return [(f"{label}", [p.get(label, "—") for p in per]) for label in labels]


def economics_for(case, results: dict, annual: dict | None = None):
    """``{name: ArchitectureCosts}`` for a case: annual energy and water from the
    weather year when available (else design-point power × 8,760 h), downtime from
    the maintenance model."""
    import dataclasses

    from .economics.costs import architecture_costs
    from .economics.settings import EconomicsSettings
    from .maintenance import maintenance_summary

    settings = getattr(case, "economics", None) or EconomicsSettings()
    prices = dataclasses.replace(settings.prices, gpu_hour=case.maintenance.gpu_hour_price)
    costs = {}
    for name, r in results.items():
        chain = case.architectures[name]
        m = maintenance_summary(chain, r, case.it_load, case.maintenance)
        downtime = m.downtime_per_server_year * case.it_load.server_count
        kw = dict(server_downtime=downtime.to("s"), workflow=m.workflow, name=name, prices=prices,
                  unit_costs=settings.unit_costs)
        if annual and name in annual:
            kw.update(annual_energy=annual[name].facility_energy, annual_water=annual[name].water_use)
        costs[name] = architecture_costs(chain, r, case.it_load, **kw)
    return costs


def _econ_args(case):
    from .economics.settings import EconomicsSettings

    s = getattr(case, "economics", None) or EconomicsSettings()
    return dict(baseline=s.baseline or None, rate=s.discount_rate, horizon=s.horizon, mode=s.mode)


def economics_rows(costs: dict, case=None, infeasible=()) -> list[tuple[str, list[str]]]:
    """Headline economics rows for the comparison table (baseline: the case's, else the first).

    ``infeasible`` names the architectures whose cells are marked ``*``
    (:func:`infeasible_architectures`; all of them when it holds the baseline).
    """
    from .economics.retrofit import table_rows

    return table_rows(costs, **(_econ_args(case) if case is not None else {}), infeasible=infeasible)



# (JSON key, Prices field, display of the SI value, Kind, short source of the default)
_PRICES = (
    ("electricity_price", "electricity", lambda si: f"{si * 3.6e8:.2f} ¢/kWh", ENERGY_PRICE,
     "Northern Virginia, 2023 EIA state average for data centres"),
    ("water_price", "water", lambda si: f"{si * 3.785411784:.2f} USD/kgal", VOLUME_PRICE,
     "Loudoun Water 2024, Northern Virginia"),
)


def _usd(value, kind):
    """:func:`_q` with money written ``USD``, as in the ``economics`` objects."""
    q = _q(value, kind)
    return {**q, "units": q["units"].replace("US_dollar", "USD")}


def _origin(differs: bool) -> str:
    return "case" if differs else "default"


def economics_settings(case, results: dict | None = None, annual: dict | None = None) -> dict:
    """The ``economics_settings`` object of ``coolsim compare --json``: what the economics used.

    Parameters
    ----------
    case : Case
        The case (its ``economics`` and ``maintenance`` settings).
    results : dict, optional
        ``{name: ChainResult}``; names the default baseline (the first).
    annual : dict, optional
        ``{name: AnnualResult}``; whether energy and water are from a weather year.

    Returns
    -------
    dict
        ``electricity_price`` [USD/J], ``water_price`` [USD/m³],
        ``gpu_hour_price`` [USD/s], ``discount_rate`` [-] and ``horizon``
        [s] as ``{"magnitude", "units", "origin"}`` (prices add a
        ``source``); ``mode`` and ``baseline`` as ``{"value", "origin"}``;
        ``annual_energy_basis``.  ``origin`` is ``"case"`` when the case sets
        a value other than coolsim's default, else ``"default"``.
    """
    from .economics.prices import Prices
    from .economics.settings import EconomicsSettings
    from .maintenance import MaintenancePolicy
    from .units import DIMENSIONLESS

    s = getattr(case, "economics", None) or EconomicsSettings()
    d = EconomicsSettings()
    mine, dflt = s.prices.si, Prices().si
    out = {}
    for key, field, _show, kind, source in _PRICES:
        differs = not np.isclose(mine[field], dflt[field], rtol=1e-12, atol=0.0)
        out[key] = {**_usd(mine[field], kind), "origin": _origin(differs),
                    "source": "the case file" if differs else source}
    policy = getattr(case, "maintenance", None) or MaintenancePolicy()
    gpu = float(policy.gpu_hour_price.to("USD/s").m)
    gpu_default = float(MaintenancePolicy().gpu_hour_price.to("USD/s").m)
    differs = not np.isclose(gpu, gpu_default, rtol=1e-12, atol=0.0)
    out["gpu_hour_price"] = {**_usd(gpu, MONEY_RATE), "origin": _origin(differs),
                             "source": "the case file ([maintenance] gpu_hour_price)" if differs else "founding article"}
    out["discount_rate"] = {**_q(s.discount_rate, DIMENSIONLESS), "origin": _origin(s.discount_rate != d.discount_rate)}
    h, hd = (float(x.to("s").m) for x in (s.horizon, d.horizon))
    out["horizon"] = {**_q(h, TIME), "origin": _origin(not np.isclose(h, hd, rtol=1e-12, atol=0.0))}
    out["mode"] = {"value": s.mode, "origin": _origin(s.mode != d.mode)}
    first = next(iter(results)) if results else None
    out["baseline"] = {"value": s.baseline or first, "origin": _origin(bool(s.baseline))}
    out["annual_energy_basis"] = "weather year" if annual else "design-point power x 8,760 h (no weather year)"
    return out


def economics_notes(case, results: dict, annual: dict | None = None) -> list[str]:
    """Lines printed under the economics block of ``coolsim compare``.

    What capex, the retrofit NPV and the TCO each count; the ``*`` legend when
    an architecture (or the baseline) is infeasible; the prices and settings
    with their origin; and, with no weather year, that annual energy is
    design-point power × 8,760 h.

    Parameters
    ----------
    case : Case
        The case (economics and maintenance settings).
    results : dict
        ``{name: ChainResult}`` at the design point.
    annual : dict, optional
        ``{name: AnnualResult}`` over the weather year (none: design-only site).

    Returns
    -------
    list of str
        The note lines, in print order.
    """
    st = economics_settings(case, results, annual)
    from .economics.settings import EconomicsSettings

    life = float((getattr(case, "economics", None) or EconomicsSettings()).unit_costs.infrastructure_life.to("year").m)
    if st["mode"]["value"] == "retrofit":
        npv = "the retrofit NPV, IRR and payback count only the new equipment the baseline lacks (incremental capex)"
    else:
        npv = "the greenfield NPV, IRR and payback count the difference in cooling capex (incremental capex)"
    lines = [f"note: capex is the greenfield total (servers, building, cooling); {npv} against the annual saving; "
             f"TCO allocates building and cooling capex over their {life:g}-year service life (that is why TCO < capex)."]
    bad = infeasible_architectures(results, annual)
    if bad:
        base = st["baseline"]["value"]
        whom = ", ".join(bad) + (f"; the baseline {base} is one, so every comparison is marked" if base in bad else "")
        lines.append("* infeasible at the design point or in some hours: economics of a design that does not hold "
                     f"its limits ({whom})")
    parts = []
    for key, _field, show, _kind, source in _PRICES:
        e = st[key]
        parts.append(f"{key.split('_')[0]} {show(e['magnitude'])} "
                     + ("(case)" if e["origin"] == "case" else f"(default: {source})"))
    g = st["gpu_hour_price"]
    parts.append(f"GPU-hour {g['magnitude'] * 3600:.2f} USD "
                 + ("(case)" if g["origin"] == "case" else "(default: founding article)"))
    r, h = st["discount_rate"], st["horizon"]
    parts.append(f"discount rate {100 * r['magnitude']:g} % ({r['origin']})")
    parts.append(f"horizon {h['magnitude'] / (365.25 * 86400):g} y ({h['origin']})")
    parts.append(f"mode {st['mode']['value']} ({st['mode']['origin']})")
    b = st["baseline"]
    parts.append(f"baseline {b['value']} ({'case' if b['origin'] == 'case' else 'default: the first architecture'})")
    lines.append("prices: " + ", ".join(parts))
    if not annual:
        lines.append("note: no weather year at this site: annual energy and water are design-point power × 8,760 h.")
    return lines
