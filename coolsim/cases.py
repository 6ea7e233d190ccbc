"""Case files: a hall, a site and the architectures to compare, in TOML.

A case names the IT equipment, the site and one table per architecture.
Each architecture starts from a reference chain of its ``kind``
(:mod:`coolsim.architectures`) and overrides any field of its components:
the keys of a table are the field names of the component's dataclass, nested
components are sub-tables, dimensional values are strings with units.  The
schema is generated from the components themselves (see
:func:`component_schema` and ``docs/cases.md``), so it cannot drift from the
code.

::

    [case]
    name = "Reference hall"

    [it]
    server = "dgx-h100"
    servers = 2000
    servers_per_rack = 4
    utilisation = 1.0

    [site]
    design = "sterling-va"          # or dry_bulb / wet_bulb / elevation

    [architectures.air]
    kind = "forced_air"
    [architectures.air.capture.air_side]
    supply_temperature = "75 degF"

Errors (unknown keys with a suggestion, missing values, wrong dimensions,
``degC`` for a temperature rise, malformed TOML) are
:class:`~coolsim.errors.CaseFileError` naming the file, the line and the key.
"""

from __future__ import annotations

import dataclasses
import enum
import typing
from dataclasses import dataclass
from pathlib import Path

import pint

from . import architectures as _arch
from . import coolants as _coolants
from . import it_equipment as _it
from .casefile import Table, parse_quantity, read_case_text, unit_suggestion
from .chain import CoolingChain
from .errors import CaseFileError, CoolsimError
from .economics.settings import EconomicsSettings
from .maintenance import MaintenancePolicy
from .annual import design_site_for
from .site import DESIGN_SITES, Site, design_site
from .weather import CLIMATES, load_climate, weather_for
from .units import FRACTION, LENGTH, TEMPERATURE, Q_, case_file_messages, to_si

__all__ = ["Case", "load_case", "case_from_text", "component_schema", "REFERENCE_CASE"]

REFERENCE_CASE = Path(__file__).with_name("data") / "reference_case.toml"
"""The built-in reference case (also in ``cases/reference.toml``)."""

#: Fields of a component that a case file sets in another table (dotted key -> where).
_SET_ELSEWHERE = {
    "economics.prices.gpu_hour": "the GPU-hour price is set once, as gpu_hour_price in [maintenance]",
}


@dataclass(frozen=True)
class Case:
    """A parsed case: what to run."""

    name: str
    description: str
    it_load: _it.ITLoad
    utilisation: float
    site: Site
    architectures: dict  # name -> CoolingChain
    path: Path | None = None
    maintenance: object = None  # MaintenancePolicy
    weather: object = None  # coolsim.weather.Weather for the annual results, or None
    economics: object = None  # EconomicsSettings

    def run(self) -> dict:
        """Run every architecture at the design point; ``{name: ChainResult}`` in case order."""
        return {name: chain.run(self.it_load, self.site, self.utilisation) for name, chain in self.architectures.items()}

    def run_year(self) -> dict:
        """Run every architecture over the case's weather year; ``{name: AnnualResult}``
        (empty when the case has no hourly weather)."""
        if self.weather is None:
            return {}
        from .annual import run_year

        return {name: run_year(chain, self.it_load, self.weather, self.utilisation, design_site=self.site)
                for name, chain in self.architectures.items()}

    def with_weather(self, weather) -> "Case":
        """The same case at another site's weather (design point from that weather)."""
        return dataclasses.replace(self, weather=weather, site=design_site_for(weather))


def load_case(path) -> Case:
    """Read a case file (TOML).

    Parameters
    ----------
    path : str or os.PathLike
        The case file; the schema is in ``docs/cases.md``.

    Returns
    -------
    Case

    Raises
    ------
    CaseFileError
        With the file, line and key of the problem.
    """
    text, data = read_case_text(path)
    with case_file_messages():
        return _build(Table(data, Path(path), text), Path(path))


def case_from_text(text: str, path="<case>") -> Case:
    """Parse a case from TOML text.

    Parameters
    ----------
    text : str
        The TOML of a case.
    path : str
        Name used in error messages (and to resolve relative weather files).
    """
    with case_file_messages():
        return _build(Table.from_text(text, path), Path(path) if path != "<case>" else None)


# ---------------------------------------------------------------------------
def _build(root: Table, path) -> Case:
    meta = root.table("case")
    name = meta.string("name", default="case") if meta else "case"
    description = meta.string("description", default="") if meta else ""
    if meta:
        meta.finish()
    it = root.table("it", required=True)
    server_name = it.string("server", required=True)
    try:
        server = _it.by_name(server_name)
    except CoolsimError as err:
        raise it.error("server", str(err)) from None
    servers = it.integer("servers", minimum=1, required=True)
    per_rack = it.integer("servers_per_rack", minimum=1, default=server.units_per_rack)
    if servers % per_rack:
        raise it.error("servers", _it.rack_fit_problem(servers, per_rack))
    utilisation = it.number("utilisation", FRACTION, default=1.0)
    it.finish()
    it_load = _it.ITLoad(server, racks=servers // per_rack, servers_per_rack=per_rack)
    site, weather = _site(root.table("site", required=True))
    arch_table = root.table("architectures", required=True)
    chains = {}
    for arch_name, table in arch_table.tables().items():
        if arch_name in ("coolsim_version", "case", "economics_settings"):
            raise arch_table.error(arch_name, f"'{arch_name}' is reserved (a key of the JSON output); choose another name")
        chains[arch_name] = _architecture(arch_name, table)
    if not chains:
        raise CaseFileError("no architectures to compare: add at least one [architectures.<name>] table", path=path)
    policy = _override(MaintenancePolicy(), root.table("maintenance"))
    economics = _override(EconomicsSettings(), root.table("economics"))
    if economics.baseline and economics.baseline not in chains:
        raise CaseFileError(f"economics baseline '{economics.baseline}' is not an architecture of the case "
                            f"({', '.join(chains)})", path=path, key="economics.baseline")
    root.finish()
    return Case(name, description, it_load, float(utilisation), site, chains, path, policy, weather, economics)


def _site(t: Table):
    """The design site and, when known, the hourly weather of the case."""
    weather = None
    if t.has("weather"):
        raw = t.string("weather")
        where = Path(t.path).parent / raw if t.path else Path(raw)  # relative to the case file
        is_path = raw.lower().endswith(".epw") or "/" in raw or "\\" in raw
        if raw not in CLIMATES and is_path and not where.is_file():
            raise t.error("weather", f"no such weather file '{raw}': looked for {where.resolve()} (a relative path "
                                     "is read from the case file's folder); give the path of an EPW file or a "
                                     f"built-in climate: {', '.join(CLIMATES)}")
        try:  # a name that is no file beside the case is a climate name (the closest is suggested)
            weather = weather_for(where) if raw not in CLIMATES and where.is_file() else load_climate(raw)
        except CoolsimError as err:
            raise t.error("weather", str(err)) from None
    if t.has("design"):
        key = t.string("design", choices=DESIGN_SITES)
        t.finish()
        if weather is None and key in CLIMATES:
            weather = load_climate(key)
        return design_site(key), weather
    if weather is not None and not t.has("dry_bulb"):
        t.finish()
        return design_site_for(weather), weather
    label = t.string("name", default="custom site")
    db = t.quantity("dry_bulb", TEMPERATURE.between(223.15, 333.15), required=True)
    wb = t.quantity("wet_bulb", TEMPERATURE.between(223.15, 333.15), required=True)
    z = t.quantity("elevation", LENGTH.between(-500.0, 6000.0), default=Q_(0.0, "m"))
    t.finish()
    try:
        return Site(label, db, wb, z), weather
    except CoolsimError as err:
        raise t.error("wet_bulb", str(err)) from None


def _architecture(name: str, t: Table) -> CoolingChain:
    kinds = _arch.KINDS
    kind = t.string("kind", choices=kinds, required=True)
    chain = kinds[kind]()
    capture = _override(chain.capture, t.table("capture"))
    rejection = _override(chain.rejection, t.table("rejection"))
    t.finish()
    return dataclasses.replace(chain, capture=capture, rejection=rejection, name=name)


# ---------------------------------------------------------------------------
# Reflection: a component's dataclass fields are its schema.
# ---------------------------------------------------------------------------
def _public_fields(obj):
    return [f for f in dataclasses.fields(obj) if f.init and not f.name.startswith("_")]


def _override(component, t: Table | None):
    """``component`` with the fields given in table ``t`` replaced."""
    if t is None:
        return component
    changes = {}
    for f in _public_fields(component):
        if t._name(f.name) in _SET_ELSEWHERE:
            t.elsewhere(f.name, _SET_ELSEWHERE[t._name(f.name)])
            continue
        if not t.has(f.name):
            continue
        current = getattr(component, f.name)
        value = t.data[f.name]
        slot = _arch.SLOTS.get(f.name)
        if slot is not None:
            changes[f.name] = _slot(t, f.name, slot, current)
        elif isinstance(current, _coolants.Coolant) or f.name in ("coolant", "fluid"):
            changes[f.name] = _value(t, f.name, current, value)  # fluids are given by name
        elif dataclasses.is_dataclass(current) and not isinstance(current, type):
            changes[f.name] = _override(current, t.table(f.name))
        else:
            changes[f.name] = _value(t, f.name, current, value)
    t.finish()
    try:
        return dataclasses.replace(component, **changes)
    except CoolsimError as err:
        key = _guess_key(str(err), changes) or next(iter(changes), None)
        raise (t.error(key, str(err)) if key else CaseFileError(str(err), path=t.path)) from None
    except TypeError as err:
        raise CaseFileError(f"[{t.prefix}]: {err}", path=t.path) from None


def _slot(t: Table, key, slot: dict, current):
    """A field that takes one of several component types: ``key = "none"`` or a
    sub-table whose ``type`` picks the component (default: the current one's type)."""
    raw = t.data[key]
    if isinstance(raw, str):
        choice = t.string(key, choices=slot)
        factory = slot[choice]
        return None if factory is None else factory()
    sub = t.table(key)
    if sub.has("type"):
        choice = sub.string("type", choices=slot)
        factory = slot[choice]
        if factory is None:
            sub.finish()
            return None
        base = factory()
    elif current is None:
        raise t.error(key, f"give the type of [{t._name(key)}]: type = one of {', '.join(slot)}")
    else:
        base = current
    return _override(base, sub)


def _guess_key(message, changes):
    for key in changes:
        if f"'{key}'" in message:
            return key
    return None


def _value(t: Table, key, current, raw):
    """Read ``raw`` for a field whose current value is ``current``."""
    t._used.add(key)
    if isinstance(current, pint.Quantity):
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            raise t.error(key, f"missing unit: write a string with units, e.g. "
                               f"{unit_suggestion(raw, current=current)}; got {raw!r}")
        if not isinstance(raw, str):
            raise t.error(key, f"write a string with units, e.g. {unit_suggestion(None, current=current)}"
                               f"; got {raw!r}")
        try:
            q = parse_quantity(raw)
        except (pint.errors.PintError, ValueError, TypeError, AttributeError) as err:
            raise t.error(key, f"cannot read {raw!r} as a quantity ({err}); write e.g. "
                               f"{unit_suggestion(None, current=current)}") from None
        if not isinstance(q, pint.Quantity) or (not q._units and not current.dimensionless):
            raise t.error(key, f"missing unit: write {unit_suggestion(getattr(q, 'magnitude', q), current=current)}")
        if q.dimensionality != current.dimensionality:
            raise t.error(key, f"\"{raw}\" has the wrong dimension ({q.dimensionality}): write e.g. "
                               f"{unit_suggestion(q.magnitude, current=current)}")
        return q
    if isinstance(current, bool):
        if not isinstance(raw, bool):
            raise t.error(key, f"expected true or false; got {raw!r}")
        return raw
    if isinstance(current, enum.Enum):
        names = {m.name.lower(): m for m in type(current)}
        choice = t.string(key, choices=names)
        return names[choice]
    if isinstance(current, _coolants.Coolant) or key in ("coolant", "fluid"):
        try:
            return _coolants.by_name(raw)
        except CoolsimError as err:
            raise t.error(key, str(err)) from None
    if isinstance(current, (int, float)) or current is None:
        if isinstance(raw, str):
            try:
                return parse_quantity(raw)
            except (pint.errors.PintError, ValueError, TypeError, AttributeError) as err:
                raise t.error(key, f"cannot read {raw!r} ({err})") from None
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise t.error(key, f"expected a number; got {raw!r}")
        return float(raw) if isinstance(current, float) else raw
    if isinstance(current, str):
        return t.string(key)
    raise t.error(key, f"this field cannot be set from a case file (type {type(current).__name__})")


def component_schema(component, prefix="") -> list[tuple[str, str]]:
    """(dotted key, default as written in a case file) for every settable field.

    Parameters
    ----------
    component : dataclass instance
        A component (capture, plant, policy …) whose fields a case file can set.
    prefix : str
        Dotted key prefix of the component in the case file.
    """
    rows = []
    for f in _public_fields(component):
        value = getattr(component, f.name)
        key = f"{prefix}.{f.name}" if prefix else f.name
        if key in _SET_ELSEWHERE:
            continue
        slot = _arch.SLOTS.get(f.name)
        if slot is not None:
            if f.name == "air_class":
                current = getattr(value, "name", value)
            else:
                current = next((name for name, make in slot.items()
                                if (make is None and value is None) or (make is not None and value is not None
                                                                        and type(make()) is type(value))), None)
            choices = " / ".join(f'"{name}"' for name in slot)
            rows.append((key, f"{choices} (reference: \"{current}\")" if current else choices))
            if value is not None and dataclasses.is_dataclass(value) and f.name != "air_class":
                rows.extend(component_schema(value, key))
        elif isinstance(value, _coolants.Coolant):
            rows.append((key, f'"{value.name}" (a coolant or fluid by name)'))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            rows.extend(component_schema(value, key))
        elif isinstance(value, tuple):
            continue  # curve coefficients: set in Python, not in case files
        elif isinstance(value, pint.Quantity):
            rows.append((key, f'"{value.magnitude:g} {_ascii_units(value.units)}"'))
        elif isinstance(value, enum.Enum):
            rows.append((key, f'"{value.name.lower()}"'))
        elif isinstance(value, _coolants.Coolant):
            rows.append((key, f'"{value.name}"'))
        else:
            rows.append((key, repr(value)))
    return rows


_ = typing  # (kept for type hints in future schema work)
_ = to_si


def _ascii_units(units) -> str:
    """Units as a case file writes them (``degC``, ``delta_degF``, ``K/W``)."""
    text = format(units, "~")
    for symbol, name in (("Δ°C", "delta_degC"), ("Δ°F", "delta_degF"), ("°C", "degC"), ("°F", "degF")):
        text = text.replace(symbol, name)
    return text.replace(" / ", "/").replace(" * ", "*").replace(" ** ", "**")


def schema_markdown() -> str:
    """The per-kind key tables of ``docs/cases.md`` (generated from the components)."""
    out = []
    for kind, factory in _arch.KINDS.items():
        chain = factory()
        out.append(f"### kind = \"{kind}\"\n")
        out.append("| key | default |")
        out.append("|---|---|")
        for key, default in component_schema(chain.capture, "capture"):
            out.append(f"| `{key}` | `{default}` |")
        for key, default in component_schema(chain.rejection, "rejection"):
            out.append(f"| `{key}` | `{default}` |")
        out.append("")
    return "\n".join(out)
