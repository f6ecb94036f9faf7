# Reference results for backpain.mixed_model on a momentary table (one row per prompt):
# random intercept per person, person-mean centring over the rows in the model, lags in
# prompts within the day. Fitted by lme4/lmerTest on tests/data/esm/long_study.csv
# (a simulated study, no real person).
# Regenerate from the repository root with:  Rscript tests/data/esm/mixed_lme4.R
# Writes tests/data/esm/mixed_lme4.csv (fixed effects with Satterthwaite df, random SDs).
suppressPackageStartupMessages({library(lme4); library(lmerTest)})
d <- read.csv("tests/data/esm/long_study.csv", stringsAsFactors = FALSE)
d <- d[order(d$id, d$day, d$beep), ]
# stress at the previous prompt of the same person and day (beep - 1): never across the night
key <- paste(d$id, d$day, d$beep)
d$stress_lag1 <- d$stress[match(paste(d$id, d$day, d$beep - 1), key)]
centre <- function(d, cols) {
  for (p in cols) {
    m <- ave(d[[p]], d$id)
    d[[paste0(p, "_w")]] <- d[[p]] - m
    d[[paste0(p, "_b")]] <- m
  }
  d
}
fits <- list(
  # model: (rows needed, within terms, between terms, random part)
  same_prompt = list(c("pain", "stress", "mood"), c("stress_w", "mood_w"),
                     c("stress_b", "mood_b"), "(1 | id)"),
  lagged = list(c("pain", "stress", "stress_lag1", "mood"),
                c("stress_w", "stress_lag1_w", "mood_w"), c("stress_b", "mood_b"), "(1 | id)"),
  slope = list(c("pain", "stress"), c("stress_w"), c("stress_b"), "(1 + stress_w | id)")
)
out <- NULL
for (name in names(fits)) {
  spec <- fits[[name]]
  rows <- centre(d[complete.cases(d[, spec[[1]]]), ], setdiff(spec[[1]], "pain"))
  f <- as.formula(paste("pain ~", paste(c(spec[[2]], spec[[3]]), collapse = " + "), "+", spec[[4]]))
  fit <- lmer(f, data = rows, REML = TRUE,
              control = lmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5)))
  co <- summary(fit)$coefficients
  sds <- attr(VarCorr(fit)$id, "stddev")
  out <- rbind(out, data.frame(model = name, term = rownames(co),
                               estimate = co[, "Estimate"], se = co[, "Std. Error"],
                               df = co[, "df"], random_sd = unname(sds[rownames(co)]),
                               singular = isSingular(fit), n_obs = nrow(rows),
                               row.names = NULL))
}
write.csv(out, "tests/data/esm/mixed_lme4.csv", row.names = FALSE)
