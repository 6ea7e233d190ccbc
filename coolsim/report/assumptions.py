"""The assumptions of a case and where each comes from, as table rows (no HTML).

:func:`assumption_tables` lists every input of a run — hall, site,
electrical defaults, maintenance policy, module constants and each
architecture's component fields — with its value, whether the case file set
it, and the documentation that states its source.  The report renders the
rows (:mod:`coolsim.report.sections`).
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re

import numpy as np

__all__ = ["assumption_tables"]


# ----------------------------------------------------------------------------- assumptions
def _param_docs(cls) -> dict:
    """{field name: description} from the numpydoc Parameters/Attributes sections of a class."""
    out = {}
    for klass in getattr(cls, "__mro__", (cls,)):
        doc = inspect.getdoc(klass) or ""
        lines = doc.splitlines()
        section, names, desc = None, [], []

        def flush():
            for n in names:
                out.setdefault(n, " ".join(desc).strip())

        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if nxt.startswith("---") and line.strip():
                flush()
                section, names, desc = line.strip(), [], []
            elif section in ("Parameters", "Attributes") and not line.startswith(" ") and not line.startswith("-"):
                m = re.match(r"^(\w+(?:\s*,\s*\w+)*)\s*(?::|$)", line)
                if m:
                    flush()
                    names, desc = [n.strip() for n in m.group(1).split(",")], []
            elif section in ("Parameters", "Attributes") and line.startswith(" "):
                desc.append(line.strip())
        flush()
    return out


def _source_of(root, key: str) -> str:
    obj = root
    parts = key.split(".")
    for part in parts[:-1]:
        obj = getattr(obj, part, None)
    text = _param_docs(type(obj)).get(parts[-1], "")
    return re.sub(r":\w+:`~?([^`]+)`", r"\1", text).replace("``", "") or "not documented"


def _field(root, key):
    obj = root
    for part in key.split("."):
        obj = getattr(obj, part, None)
    return obj


def _same(a, b) -> bool:
    """Whether two field values are equal (Quantities compared in the same units)."""
    try:
        if hasattr(a, "units") and hasattr(b, "units"):
            return a.dimensionality == b.dimensionality and bool(np.allclose(a.to(b.units).m, b.m, rtol=1e-12, atol=0))
        return bool(np.all(a == b))
    except (TypeError, ValueError, ArithmeticError):
        return False


def _schema_value(text: str) -> str:
    """The value of a case-schema row: the reference choice, or the quoted value without its note.

    >>> _schema_value('"propylene glycol 25 % by mass" (a coolant or fluid by name)')
    'propylene glycol 25 % by mass'
    >>> _schema_value('"tower" / "dry_cooler" (reference: "tower")'), _schema_value("50 kPa")
    ('tower', '50 kPa')
    """
    m = re.search(r'\(reference: "([^"]*)"\)', text) or re.fullmatch(r'"([^"]*)" \(.*\)', text)
    return m.group(1) if m else text.strip('"')


def _constant_notes(module, names) -> list:
    """(name, value, note) of module constants: the string after the assignment, or the comment block above."""
    lines = inspect.getsource(module).splitlines()
    tree = ast.parse("\n".join(lines))
    body = tree.body
    out = []
    for k, node in enumerate(body):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id in names):
            continue
        note = ""
        nxt = body[k + 1] if k + 1 < len(body) else None
        if isinstance(nxt, ast.Expr) and isinstance(getattr(nxt, "value", None), ast.Constant) \
                and isinstance(nxt.value.value, str):
            note = " ".join(nxt.value.value.split())
        else:
            j, comments = node.lineno - 2, []
            while j >= 0 and re.match(r"^[A-Z_]+ = ", lines[j]):
                j -= 1
            while j >= 0 and lines[j].startswith("#"):
                comments.insert(0, lines[j].lstrip("#").strip())
                j -= 1
            note = " ".join(comments)
        out.append((node.targets[0].id, getattr(module, node.targets[0].id), note or "not documented"))
    return out


def assumption_tables(case):
    """The assumptions of a case, with their sources.

    Returns
    -------
    general : list
        ``[input, value, origin, source]`` rows for the hall, site, electrical
        defaults, maintenance policy and module constants.
    per_architecture : dict
        ``{name: rows}``: every settable input of each architecture's capture
        and rejection components (the case-file schema,
        :func:`coolsim.cases.component_schema`), its value, whether the case
        file changed it from the reference default of its kind, and the
        documentation of the field (which states the default's source).
    prose : str
        The plant choices of :mod:`coolsim.architectures`.
    """
    from .. import architectures as arch
    from .. import chain as chain_mod
    from .. import electrical, maintenance
    from ..cases import component_schema
    from ..site import DESIGN_SITES

    it, site = case.it_load, case.site
    builtin = any(site.name == v[0] for v in DESIGN_SITES.values())
    site_src = ("ASHRAE Handbook—Fundamentals 2009 cooling design conditions via the TMY3 EPW header "
                "(0.4 % dry bulb with the 0.4 % evaporation wet bulb)" if builtin else "case file")
    general = [
        ["server", it.server.name, "case file", " ".join(it.server.sources.split())],
        ["servers, racks", f"{it.server_count:,} in {it.racks:,} racks of {it.servers_per_rack}", "case file", "case file"],
        ["utilisation", f"{case.utilisation:g}", "case file", "case file (1 = design point, maximum power)"],
        ["site", site.name, "built-in design site" if builtin else "case file", site_src],
    ]
    for label, attr, unit in (("dry bulb", "dry_bulb", "degC"), ("wet bulb", "wet_bulb", "degC"),
                              ("elevation", "elevation", "m")):
        general.append([f"site {label}", f"{float(np.max(getattr(site, attr).to(unit).m)):g} {unit}",
                        "built-in design site" if builtin else "case file", site_src])
    policy = case.maintenance or maintenance.MaintenancePolicy()
    reference = maintenance.MaintenancePolicy()
    docs = _param_docs(maintenance.MaintenancePolicy)
    for f in dataclasses.fields(policy):
        value = getattr(policy, f.name)
        origin = "reference default" if value == getattr(reference, f.name) else "case file"
        general.append([f"maintenance.{f.name}", f"{value:~P}" if hasattr(value, "units") else repr(value), origin,
                        docs.get(f.name, "not documented")])
    for module, names in ((chain_mod, ("UPS_DESIGN_LOADING", "WHITE_SPACE_PER_RACK")),
                          (electrical, ("UPS_NO_LOAD", "UPS_PROPORTIONAL", "UPS_SQUARE", "PDU_NO_LOAD", "PDU_COPPER")),
                          (maintenance, ("HALL_HEIGHT", "TCS_INVENTORY", "SERVER_HEAT_CAPACITY", "TWO_PHASE_HEADSPACE"))):
        for name, value, note in _constant_notes(module, names):
            general.append([f"{module.__name__.split('.')[-1]}.{name}", f"{value:g}", "coolsim constant", note])
    general.append(["lighting power density", "10 W/m²", "coolsim constant", _param_docs(electrical.Lighting).get(
        "power_density", " ".join((electrical.Lighting.__doc__ or "").split()))])
    per_arch = {}
    for name, chain in case.architectures.items():
        kind = next((k for k, f in arch.KINDS.items() if type(f().capture) is type(chain.capture)), None)
        ref = arch.KINDS[kind]() if kind else None
        rows = []
        for part in ("capture", "rejection"):
            ref_values = dict(component_schema(getattr(ref, part), part)) if ref else {}
            for key, text in component_schema(getattr(chain, part), part):
                same = ref_values.get(key) == text or (key in ref_values and _same(_field(chain, key), _field(ref, key)))
                origin = "reference default" if same else "case file"
                rows.append([key, _schema_value(text), origin, _source_of(chain, key)])
        per_arch[f"{name} (kind {kind})"] = rows
    doc = arch.__doc__ or ""
    prose = " ".join(doc.split("=" * 10)[-1].split("\n", 1)[-1].split()) if "=" * 10 in doc else ""
    prose = re.sub(r":\w+:`~?([^`]+)`", r"\1", prose).replace("``", "")
    return general, per_arch, prose
