"""Run every benchmark and print one line each: ``<name>: <measured> (target <target>)``.

Each ``benchmarks/bench_*.py`` module defines ``benchmarks()``, yielding
``(name, measured, target)`` strings.  Every figure is a ratio or a time
measured side by side in this one run (the machine is noisy): never compare
numbers from different runs.

Usage::

    python benchmarks/run.py            # all
    python benchmarks/run.py units fans # only bench_units.py and bench_fans.py
"""

from __future__ import annotations

import importlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    sys.path.insert(0, str(HERE))
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if argv:
        names = [n for n in names if n.removeprefix("bench_") in argv]
    for name in names:
        module = importlib.import_module(name)
        for bench, measured, target in module.benchmarks():
            print(f"{bench}: {measured} (target {target})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
