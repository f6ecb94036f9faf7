"""Benchmark backpain.stats: within_corr against pingouin.rm_corr, and linear growth.

Run from the repository root::

    .venv/bin/python benchmarks/bench_stats.py            # 300 vs pingouin; 1k, 3k, 10k
    .venv/bin/python benchmarks/bench_stats.py --quick    # smaller sizes, for a smoke test

What it measures (simulated diaries from :func:`backpain.simulate_cohort`, 365 days,
about 10% of days missing):

1. ``within_corr(diary, x="stress", y="pain")`` and ``pingouin.rm_corr`` on the same
   300-subject cohort: wall time of each, the speed ratio, and the largest
   difference in r, dof, p and CI (pingouin's CI is rounded to 2 decimals, so the
   CI is compared after rounding ours the same way).
2. ``within_corr`` alone at 1,000, 3,000 and 10,000 subjects: wall time and time
   per row; linear growth means a constant time per row.
3. ``correlate`` (6 predictors, lags 0 and 1) at the largest size.

Times are the best of ``--repeat`` runs (pingouin: one run, it is slow).
This is not the full read -> classify -> correlate pipeline benchmark.
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd

from backpain.simulate import simulate_cohort
from backpain.stats import correlate, within_corr


def _best(func, repeat: int) -> tuple[float, object]:
    best, out = np.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = func()
        best = min(best, time.perf_counter() - t0)
    return best, out


def _pingouin(diary: pd.DataFrame) -> tuple[float, pd.Series]:
    import pingouin as pg

    with warnings.catch_warnings():
        # pingouin's ancova calls DataFrame.rename(inplace=True), deprecated in pandas 3
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        ref = pg.rm_corr(diary, "stress", "pain", "subject").iloc[0]
        return time.perf_counter() - t0, ref


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke test)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best is kept)")
    args = parser.parse_args(argv)
    days = 365
    vs_n = 100 if args.quick else 300
    sizes = (300, 1000) if args.quick else (1000, 3000, 10000)

    print(f"# within_corr vs pingouin.rm_corr ({vs_n} subjects x {days} days)")
    diary = simulate_cohort(vs_n, days, seed=1)
    t_ours, ours = _best(lambda: within_corr(diary, x="stress", y="pain"), args.repeat)
    ours = ours.table.iloc[0]
    t_pg, ref = _pingouin(diary)
    ci_ref = np.asarray(ref["CI95"], dtype=float)
    ci_ours = np.round([ours["ci95_low"], ours["ci95_high"]], 2)
    print(f"rows                {len(diary):>12,}")
    print(f"pingouin.rm_corr    {t_pg:>12.3f} s")
    print(f"within_corr         {t_ours:>12.5f} s")
    print(f"speed ratio         {t_pg / t_ours:>12,.0f} x")
    print(f"|r diff|            {abs(ours['r'] - ref['r']):>12.1e}")
    print(f"|p diff|            {abs(ours['p_val'] - ref['pval']):>12.1e}")
    print(f"dof equal           {ours['dof'] == ref['dof']!s:>12}")
    print(f"CI (2 dp) equal     {bool(np.array_equal(ci_ours, ci_ref))!s:>12}")
    print()

    print(f"# within_corr growth ({days} days, best of {args.repeat})")
    print(f"{'subjects':>9} {'rows':>11} {'seconds':>9} {'ns/row':>8}")
    big = None
    for n in sizes:
        big = simulate_cohort(n, days, seed=2)
        t, _ = _best(lambda d=big: within_corr(d, x="stress", y="pain"), args.repeat)
        print(f"{n:>9,} {len(big):>11,} {t:>9.4f} {t / len(big) * 1e9:>8.1f}")
    print()

    print(f"# correlate, 6 predictors x lags (0, 1), {sizes[-1]:,} subjects x {days} days")
    t, res = _best(lambda: correlate(big, lags=(0, 1)), args.repeat)
    print(f"rows {len(big):,}: {t:.3f} s for {len(res.table)} result rows")


if __name__ == "__main__":
    main()
