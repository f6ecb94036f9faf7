# Fit one linear mixed model with lme4 + lmerTest (REML, Satterthwaite df) and
# write its fixed effects, variance components and per-subject coefficients.
#
#   Rscript lmer.R data.csv "pain ~ sw + sb + (1 | subject)" out/prefix [subject]
#
# writes prefix_fixed.csv (term, coef, se, dof, p_val, n_obs), prefix_var.csv
# (as.data.frame(VarCorr(m))) and, with a fourth argument "subject",
# prefix_subject.csv (coef(m)$subject: fixed effects plus each person's BLUPs).
# A tight optimiser (bobyqa, rhoend = 1e-12) makes lme4 report its optimum, not
# where its default stopping rule ends (about 1e-4 from it on the variances).
# Called by generate_lme4.py, which writes the data and keeps the results beside it.
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(lmerTest))
d <- read.csv(args[1])
m <- lmer(as.formula(args[2]), data = d, REML = TRUE,
          control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12)))
co <- summary(m)$coefficients
write.csv(data.frame(term = rownames(co), coef = co[, 1], se = co[, 2], dof = co[, 3],
                     p_val = co[, 5], n_obs = nobs(m)),
          paste0(args[3], "_fixed.csv"), row.names = FALSE)
write.csv(as.data.frame(VarCorr(m)), paste0(args[3], "_var.csv"), row.names = FALSE)
if (length(args) > 3 && args[4] == "subject") {
  write.csv(coef(m)$subject, paste0(args[3], "_subject.csv"))
}
