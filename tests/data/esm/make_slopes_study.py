"""Write tests/data/esm/slopes_study.csv: a simulated study whose persons differ in their lagged effects.

A self-written, seeded fixture (no real person) for the random-slope comparison of
``backpain.esm.mlvar`` with lme4 (tests/data/esm/mlvar_lme4.R): 60 persons x
10 days x 6 prompts in the long layout (id, day, beep, items). Each person's VAR(1)
matrix is the common one plus person deviations (SD 0.12 on every element), so the
random slopes of the node-wise models are clearly above zero and lme4's fits are not
singular; each person's values also drift over the day at a rate of their own (SD 4
a prompt), which the person means of the lagged values do not explain, so the random
intercepts are not zero either. A prompt is missed with probability 0.15. Regenerate from the repository root:

    python tests/data/esm/make_slopes_study.py
"""

from pathlib import Path

import numpy as np

B = np.array([[0.35, 0.20, -0.10], [0.10, 0.30, 0.00], [-0.10, -0.15, 0.40]])
SIGMA = np.array([[64.0, 20.0, -16.0], [20.0, 64.0, -12.0], [-16.0, -12.0, 49.0]])


def main() -> None:
    rng = np.random.default_rng(20261208)
    persons, days, beeps = 60, 10, 6
    lines = ["id,day,beep,pain,stress,mood"]
    chol = np.linalg.cholesky(SIGMA)
    for i in range(persons):
        while True:  # a stationary person: spectral radius below 0.9
            b = B + rng.normal(0, 0.12, size=B.shape)
            if np.abs(np.linalg.eigvals(b)).max() < 0.9:
                break
        mean = np.array([50.0, 40.0, 60.0]) + rng.normal(0, [10, 8, 8])
        drift = rng.normal(0, 4.0, size=3)  # the person's own course over the day
        for d in range(1, days + 1):
            dev = chol @ rng.normal(size=3)
            for k in range(1, beeps + 1):
                if k > 1:
                    dev = b @ dev + chol @ rng.normal(size=3)
                v = mean + drift * (k - 3.5) + dev
                if rng.random() < 0.15:
                    lines.append(f"P{i + 1:02d},{d},{k},,,")
                else:
                    lines.append(f"P{i + 1:02d},{d},{k}," + ",".join(f"{x:.2f}" for x in v))
    out = Path(__file__).with_name("slopes_study.csv")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
