# Reference results for backpain.esm.mlvar: the node-wise multilevel VAR(1) fitted by
# lme4/lmerTest on tests/data/esm/long_study.csv (a simulated study, no real person).
# Regenerate from the repository root with:  Rscript tests/data/esm/mlvar_lme4.R
# Writes tests/data/esm/mlvar_lme4.csv (fixed effects with Satterthwaite df).
suppressPackageStartupMessages({library(lme4); library(lmerTest)})
d <- read.csv("tests/data/esm/long_study.csv", stringsAsFactors = FALSE)
vars <- c("pain", "stress", "mood")
d <- d[order(d$id, d$day, d$beep), ]
# the previous prompt of the same person and day (beep - 1): nothing runs across the night
key <- paste(d$id, d$day, d$beep)
prev <- match(paste(d$id, d$day, d$beep - 1), key)
for (v in vars) d[[paste0(v, "_prev")]] <- d[[v]][prev]
keep <- complete.cases(d[, c(vars, paste0(vars, "_prev"))])
d <- d[keep, ]
for (v in vars) {
  p <- paste0(v, "_prev")
  m <- ave(d[[p]], d$id)
  d[[paste0(v, "_w")]] <- d[[p]] - m
  d[[paste0(v, "_b")]] <- m
}
out <- NULL
# random intercepts (mlVAR's temporal = "fixed"); with correlated random slopes every
# node-wise fit on this small study is singular in lme4, so those are not a stable reference
for (slopes in c(FALSE)) {
  for (v in vars) {
    fixed <- paste(c(paste0(vars, "_w"), paste0(vars, "_b")), collapse = " + ")
    re <- if (slopes) paste0("(1 + ", paste(paste0(vars, "_w"), collapse = " + "), " | id)") else "(1 | id)"
    f <- as.formula(paste(v, "~", fixed, "+", re))
    fit <- lmer(f, data = d, REML = TRUE,
                control = lmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5)))
    co <- summary(fit)$coefficients
    out <- rbind(out, data.frame(random_slopes = slopes, outcome = v, term = rownames(co),
                                 estimate = co[, "Estimate"], se = co[, "Std. Error"],
                                 df = co[, "df"], singular = isSingular(fit),
                                 n_obs = nrow(d), row.names = NULL))
  }
}
write.csv(out, "tests/data/esm/mlvar_lme4.csv", row.names = FALSE)
