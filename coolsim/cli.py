"""The ``coolsim`` command line.

``coolsim compare [CASE.toml] [--json PATH]`` compares the architectures of a
case side by side (with no case: the built-in reference case, the founding
article's 16,000-GPU cluster in Northern Virginia).  ``coolsim example``
prints a short worked example of the physics.  Errors in user input end with a one-line
message and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from .errors import CoolsimError

__all__ = ["main"]


def _example(args) -> int:
    from . import Q_, coolants
    from .heat_balance import air_volumetric_flow_for_heat, coolant_volumetric_flow_for_heat
    from .it_equipment import by_name

    server = by_name("dgx-h100")
    power = server.power(1.0)
    rise_air = Q_(20, "delta_degF")
    inlet = Q_(75, "degF")
    air = air_volumetric_flow_for_heat(power, rise_air, inlet)
    liquid_share = server.liquid_capturable_fraction
    pg25 = coolants.propylene_glycol(0.25)
    flow = coolant_volumetric_flow_for_heat(power * liquid_share, Q_(10, "K"), pg25, Q_(40, "degC"))
    print(f"coolsim worked example: one {server.name} server at full load ({power.to('kW'):.1f~P})")
    print(f"  forced air, {rise_air:~P} rise at {inlet:~P} inlet: {air.to('cfm'):.0f~P} "
          f"({air.to('m**3/h'):.0f~P})")
    print(f"  cold plates taking {liquid_share:.0%} of the heat, {pg25.name}, 10 K rise at 40 degC mean: "
          f"{flow.to('L/min'):.1f~P} = {flow.to('gpm'):.2f~P}"
          f" ({(flow / (power * liquid_share)).to('L/min/kW'):.2f~P})")
    hall = 2000
    print(f"  a hall of {hall:,} such servers: {(air * hall).to('cfm'):,.0f~P} of air, or "
          f"{(flow * hall).to('L/min'):,.0f~P} of coolant")
    return 0


def _compare(args) -> int:
    import json

    from .cases import REFERENCE_CASE, load_case
    from .compare import comparison_json, format_table, maintenance_rows

    path = args.case if args.case is not None else REFERENCE_CASE
    case = load_case(path)
    results = case.run()
    title = f"{case.name}\n{case.it_load.server_count:,} x {case.it_load.server.name}, " \
            f"{case.it_load.gpu_count:,} GPUs, utilisation {case.utilisation:.0%}; site: {case.site.name}"
    print(format_table(results, title, maintenance_rows(case, results)))
    if args.json is not None:
        doc = comparison_json(case, results)
        _write_atomic(args.json, json.dumps(doc, indent=2) + "\n")
        print(f"\nwrote {args.json}")
    return 0


def _write_atomic(path, text):
    import os
    import tempfile
    from pathlib import Path

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coolsim",
        description="Unit-aware cooling physics for GPU data centres.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("example", help="print a short worked example")
    ex.set_defaults(func=_example)
    cmp_ = sub.add_parser("compare", help="compare cooling architectures for a case (default: the reference case)")
    cmp_.add_argument("case", nargs="?", default=None, help="case file (TOML); default: the built-in reference case")
    cmp_.add_argument("--json", metavar="PATH", default=None, help="also write the results as JSON")
    cmp_.set_defaults(func=_compare)
    return parser


def main(argv=None) -> int:
    """Entry point of the ``coolsim`` command."""
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except CoolsimError as err:
        print(f"coolsim: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
