"""Case study d: immersion vs direct-to-chip in service - the drain hour, spares, lost GPU-hours.

Drain time of single-phase immersion from 0 to 3 h against the hot-swap and quick-disconnect
workflows of forced air and direct-to-chip (``coolsim.maintenance``), for an independent-job
fleet and for one synchronous training job with hot spares (``coolsim.reliability``).

Run: ``python cases/d_immersion_vs_d2c_maintenance.py [--fast]``
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as C  # noqa: E402

from coolsim import Q_  # noqa: E402
from coolsim.cases import load_case  # noqa: E402
from coolsim.maintenance import SERVICE_COMPONENTS, maintenance_summary  # noqa: E402
from coolsim.reliability import (  # noqa: E402
    LLAMA3_405B_INTERRUPTIONS,
    checkpoint_interval_young,
    goodput_with_spares,
    spares_for_availability,
)

# ---------------------------------------------------------------------------- inputs
CASE_FILE = C.CASES / "reference.toml"
INPUTS = {
    "hall": C.Input("2,000 DGX H100, 16,000 GPUs", "cases/reference.toml (founding article)"),
    "failure data": C.Input("419 interruptions / 54 d / 2,048 hosts",
                            "Llama 3 405B pre-training, Dubey et al. 2024, Table 5"),
    "service failures": C.Input(321, "GPU, host and unplanned-maintenance rows need hands on the server "
                                "(coolsim.maintenance, an interpretation of the table)"),
    "GPU-hour price": C.Input(Q_(4, "USD/hour"), "founding article (market 2-3.5 USD, 2ND)"),
    "drain time": C.Input(Q_(1, "hour"), "founding article; no published measurement found (assumption, swept 0-3 h)"),
    "restock time": C.Input(Q_(7, "day"), "coolsim.maintenance default (assumption)"),
    "spares service level": C.Input(0.99, "coolsim.maintenance default"),
    "training job": C.Input("2,048 nodes", "Llama 3 405B: 2,048 hosts of 8 H100"),
    "checkpoint write time": C.Input(Q_(2, "minute"), "assumption (order of magnitude of large-model checkpoints "
                                     "to a parallel file system)"),
    "spare availability target": C.Input(0.99, "assumption"),
}
DRAINS_FULL = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)
DRAINS_FAST = (0.0, 1.0, 3.0)
JOB_NODES = 2048
CHECKPOINT = Q_(2.0, "minute")
SPARE_TARGET = 0.99


def main(fast: bool = False) -> dict:
    """Run the study, print the report and return the headline numbers."""
    case = load_case(CASE_FILE)
    results = case.run()
    names = list(results)
    r = C.Report("Case study d - immersion vs direct-to-chip in service: the drain hour, spares and goodput")

    r.section("QUESTION")
    r.text("An immersed server must be lifted out and drained (about an hour, says the founding article) before "
           "a technician can work on it; a cold-plated server is pulled after undoing dripless quick disconnects. "
           "What does that cost in availability, GPU-hours, revenue and spares for the reference hall, and how "
           "does the picture change for one synchronous training job that stalls on every node failure?")

    r.section("SYSTEM AND ASSUMPTIONS")
    r.inputs(INPUTS)
    r.text("Repair workflows (coolsim.reliability.repair): hot swap (forced air), quick-disconnect pull "
           "(direct-to-chip), lift + drain + re-immersion (single-phase), lid opening with vapour recovery "
           "(two-phase). Availability A = MTBF/(MTBF + MTTR); lost GPU-hours = (1 - A) x 8,760 h x GPUs. The "
           "training view uses Daly's goodput with a hot-spare pool: a failure costs detection + restart + "
           "either a 5-minute swap (spare ready) or the whole repair (no spare).")

    head = {}
    policy = case.maintenance
    sums = {n: maintenance_summary(case.architectures[n], results[n], case.it_load, policy) for n in names}
    rows = []
    for n in names:
        m = sums[n]
        rev = float(m.lost_revenue_per_year.to("USD/year").m)
        rows.append([n, m.workflow.name, f"{m.repair_time.to('hour').m:.2f}", f"{100 * m.availability:.3f}",
                     f"{float(m.lost_gpu_hours_per_year):,.0f}", f"{rev:,.0f}", f"{m.spares_needed}"])
        head[f"repair_hours_{n}"] = float(m.repair_time.to("hour").m)
        head[f"lost_gpu_hours_per_year_{n}"] = float(m.lost_gpu_hours_per_year)
        head[f"lost_revenue_usd_per_year_{n}"] = rev
        head[f"spares_{n}"] = float(m.spares_needed)

    r.section("RESULTS")
    r.table(["architecture", "workflow", "repair [h]", "availability [%]", "lost GPU-h/y", "lost revenue [USD/y]",
             "spares"], rows, "Independent-job fleet, 2,000 servers (drain time 1 h)")

    # synchronous training job
    data = LLAMA3_405B_INTERRUPTIONS
    node_mtbf = data.unit_mtbi()
    service_share = sum(data.count(c) for c in SERVICE_COMPONENTS) / data.total
    mtbi = node_mtbf / JOB_NODES
    interval = checkpoint_interval_young(CHECKPOINT, mtbi)
    rate = service_share * JOB_NODES / node_mtbf
    trows = []
    for n in names:
        rep = sums[n].repair_time
        s99 = int(spares_for_availability(rate, rep, SPARE_TARGET))
        g0 = float(goodput_with_spares(node_mtbf, JOB_NODES, 0, rep, CHECKPOINT, interval,
                                       replacement_fraction=service_share))
        g99 = float(goodput_with_spares(node_mtbf, JOB_NODES, s99, rep, CHECKPOINT, interval,
                                        replacement_fraction=service_share))
        trows.append([n, f"{rep.to('hour').m:.2f}", f"{100 * g0:.2f}", f"{s99}", f"{100 * g99:.2f}"])
        head[f"goodput_no_spares_{n}"] = g0
        head[f"goodput_with_spares_{n}"] = g99
        head[f"spares_for_99pct_{n}"] = float(s99)
    r.text(f"Synchronous job of {JOB_NODES:,} nodes: node MTBF {node_mtbf.to('hour').m:,.0f} h (all interruptions), "
           f"job MTBI {mtbi.to('hour').m:.2f} h, {100 * service_share:.1f} % of interruptions take a node out for "
           f"service; checkpoint every {interval.to('minute').m:.0f} min (Young) at {CHECKPOINT.to('minute').m:g} "
           "min per checkpoint.")
    r.table(["architecture", "repair [h]", "goodput, no spares [%]", f"spares for {SPARE_TARGET:.0%} ready",
             "goodput with them [%]"], trows, "Synchronous training job")
    head["job_mtbi_hours"] = float(mtbi.to("hour").m)

    r.section("SENSITIVITY")
    imm = [n for n in names if results[n].kind == "immersion_single_phase"][0]
    base_rev = head["lost_revenue_usd_per_year_forced_air"]
    drows = []
    for d in (DRAINS_FAST if fast else DRAINS_FULL):
        p = dataclasses.replace(policy, drain_time=Q_(d, "hour"))
        m = maintenance_summary(case.architectures[imm], results[imm], case.it_load, p)
        rev = float(m.lost_revenue_per_year.to("USD/year").m)
        s99 = int(spares_for_availability(rate, m.repair_time, SPARE_TARGET))
        g99 = float(goodput_with_spares(node_mtbf, JOB_NODES, s99, m.repair_time, CHECKPOINT, interval,
                                        replacement_fraction=service_share))
        g0 = float(goodput_with_spares(node_mtbf, JOB_NODES, 0, m.repair_time, CHECKPOINT, interval,
                                       replacement_fraction=service_share))
        drows.append([f"{d:.1f}", f"{m.repair_time.to('hour').m:.2f}", f"{float(m.lost_gpu_hours_per_year):,.0f}",
                      f"{rev:,.0f}", f"{rev - base_rev:+,.0f}", f"{m.spares_needed}", f"{100 * g0:.2f}", f"{s99}",
                      f"{100 * g99:.2f}"])
        head[f"lost_revenue_usd_per_year_single_phase_drain_{d:g}h"] = rev
        head[f"goodput_no_spares_single_phase_drain_{d:g}h"] = g0
        head[f"spares_for_99pct_single_phase_drain_{d:g}h"] = float(s99)
    r.table(["drain [h]", "repair [h]", "lost GPU-h/y", "lost revenue [USD/y]", "vs forced air [USD/y]",
             "fleet spares", "job goodput, no spares [%]", "job spares 99 %", "job goodput with them [%]"], drows,
            "Single-phase immersion: drain time (fleet of 2,000 servers; job of 2,048 nodes)")
    head["drain_hour_cost_usd_per_year"] = (head["lost_revenue_usd_per_year_single_phase_drain_3h"]
                                            - head["lost_revenue_usd_per_year_single_phase_drain_0h"]) / 3.0

    r.section("FINDINGS")
    r.bullets([
        f"For an independent-job fleet each drain hour costs about {head['drain_hour_cost_usd_per_year']:,.0f} USD a "
        f"year of GPU-hour revenue for the 16,000-GPU hall at 4 USD/GPU-hour; single-phase immersion with a 1 h "
        f"drain loses {head['lost_revenue_usd_per_year_immersion_single_phase']:,.0f} USD/y against "
        f"{head['lost_revenue_usd_per_year_direct_to_chip']:,.0f} USD/y for direct-to-chip - small next to the "
        "millions a year of energy that liquid cooling saves (case study a).",
        "Fleet spares are set by the 7-day restock window, not by the repair time: the same count for every "
        "architecture.",
        f"For a synchronous job without spares every node failure stalls the whole job for the full repair: goodput "
        f"{100 * head['goodput_no_spares_direct_to_chip']:.1f} % (direct-to-chip) vs "
        f"{100 * head['goodput_no_spares_immersion_single_phase']:.1f} % (single-phase immersion).",
        f"With hot spares sized for {SPARE_TARGET:.0%} readiness the stall is a swap, whatever the architecture: "
        f"goodput {100 * head['goodput_with_spares_direct_to_chip']:.2f} % vs "
        f"{100 * head['goodput_with_spares_immersion_single_phase']:.2f} %; the drain hour then costs spares "
        f"({head['spares_for_99pct_direct_to_chip']:.0f} vs {head['spares_for_99pct_immersion_single_phase']:.0f}), "
        "not training time.",
    ])

    r.section("LIMITATIONS")
    r.bullets([
        "Failure rates come from one published 54-day run (Llama 3); which rows need hands on the server is an "
        "interpretation, and temperature acceleration is off (a model option).",
        "Repair stage durations, the drain time and the stall-model times (detection 5 min, swap 5 min, restart "
        "10 min) are assumptions; no published immersion drain time was found.",
        "Technicians and tank hoists are unlimited (no repair queue); a busy crew lengthens every repair.",
        "Revenue counts only GPU-hours of downtime at list price; no SLA penalties, no cost of lost training "
        "progress beyond goodput.",
    ])
    r.close()
    return head


if __name__ == "__main__":
    main(fast=C.parse_fast())
