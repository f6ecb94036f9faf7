# Reference results for backpain.esm.mlvar: the node-wise multilevel VAR(1) fitted by
# lme4/lmerTest on two simulated studies (no real person):
# - tests/data/esm/long_study.csv with random intercepts (mlVAR's temporal = "fixed"):
#   tests/data/esm/mlvar_lme4.csv. With correlated random slopes every node-wise fit on
#   this small study is singular in lme4, so those are not a stable reference;
# - tests/data/esm/slopes_study.csv (make_slopes_study.py: persons whose lagged effects
#   differ) with correlated random slopes (temporal = "correlated"), where no fit is
#   singular: tests/data/esm/mlvar_slopes_lme4.csv.
# Fixed effects with Satterthwaite df, the random-effect SDs, the REML criterion.
# Regenerate from the repository root with:  Rscript tests/data/esm/mlvar_lme4.R
suppressPackageStartupMessages({library(lme4); library(lmerTest)})
vars <- c("pain", "stress", "mood")
nodewise <- function(path, slopes) {
  d <- read.csv(path, stringsAsFactors = FALSE)
  d <- d[order(d$id, d$day, d$beep), ]
  # the previous prompt of the same person and day (beep - 1): nothing runs across the night
  key <- paste(d$id, d$day, d$beep)
  prev <- match(paste(d$id, d$day, d$beep - 1), key)
  for (v in vars) d[[paste0(v, "_prev")]] <- d[[v]][prev]
  d <- d[complete.cases(d[, c(vars, paste0(vars, "_prev"))]), ]
  for (v in vars) {
    p <- paste0(v, "_prev")
    m <- ave(d[[p]], d$id)
    d[[paste0(v, "_w")]] <- d[[p]] - m
    d[[paste0(v, "_b")]] <- m
  }
  out <- NULL
  for (v in vars) {
    fixed <- paste(c(paste0(vars, "_w"), paste0(vars, "_b")), collapse = " + ")
    re <- if (slopes) paste0("(1 + ", paste(paste0(vars, "_w"), collapse = " + "), " | id)") else "(1 | id)"
    f <- as.formula(paste(v, "~", fixed, "+", re))
    fit <- lmer(f, data = d, REML = TRUE,
                control = lmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5)))
    co <- summary(fit)$coefficients
    sds <- attr(VarCorr(fit)$id, "stddev")
    out <- rbind(out, data.frame(random_slopes = slopes, outcome = v, term = rownames(co),
                                 estimate = co[, "Estimate"], se = co[, "Std. Error"],
                                 df = co[, "df"], random_sd = unname(sds[rownames(co)]),
                                 singular = isSingular(fit), reml = REMLcrit(fit),
                                 n_obs = nrow(d), row.names = NULL))
  }
  out
}
write.csv(nodewise("tests/data/esm/long_study.csv", FALSE),
          "tests/data/esm/mlvar_lme4.csv", row.names = FALSE)
write.csv(nodewise("tests/data/esm/slopes_study.csv", TRUE),
          "tests/data/esm/mlvar_slopes_lme4.csv", row.names = FALSE)
