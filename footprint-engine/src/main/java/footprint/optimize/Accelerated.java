package footprint.optimize;

import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Objective;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The speed techniques of {@link SolveOptions#techniques} around one MILP solve: {@link
 * Optimizer} builds the model with {@link #buildSettings}, calls {@link #prepare} before handing it
 * to the backend and {@link #finish} after. In between the model may have lost its linking rows
 * (added back where the LP needs them), gained fixed plant decisions, a hint or an objective cutoff;
 * {@link #finish} turns the backend's answer on that model back into an answer on the network,
 * with an honest bound:
 *
 * <pre>
 *   bound = max(Lagrangian bound, min(MILP bound on the restricted model, best plan when fixing))
 * </pre>
 *
 * since every plan a fixing cut off is worse than the plan known when it was made. Values are in the
 * minimisation sense inside (NPV negated), in the model's sense outside.
 */
final class Accelerated {
    private static final double INF = Double.POSITIVE_INFINITY;

    private final Formulation form;
    private final FrozenNetwork f;
    private final SolveOptions options;
    private final List<String> notes;
    private final double sign;
    private final long deadline;
    private final long begin;

    /** The Lagrangian bound (−∞ without one). */
    private double bound = -INF;
    /** The best plan of the heuristic (null without one). */
    private PrimalRepair.Incumbent incumbent;
    /** The best plan's value when decisions were fixed (+∞: nothing fixed). */
    private double fixedAt = INF;
    /** The objective cutoff handed to HiGHS (NaN: none). */
    private double cutoff = Double.NaN;
    /** Whether the bound already proves the incumbent: no MILP needed. */
    private boolean proven;
    /** Whether every plant-year is fixed, as the incumbent has it. */
    private boolean allFixed;

    private Accelerated(Formulation form, SolveOptions options, List<String> notes, long start) {
        this.form = form;
        this.f = form.f;
        this.options = options;
        this.notes = notes;
        this.sign = f.mode == Objective.NPV ? -1 : 1;
        this.deadline =
                options.timeLimitSeconds() > 0 ? start + (long) (options.timeLimitSeconds() * 1e9) : Long.MAX_VALUE;
        this.begin = System.nanoTime();
    }

    /** The families to build the MILP with: without the rows for strength when they come lazily. */
    static Formulation.Settings buildSettings(Formulation.Settings settings, SolveOptions options) {
        if (options.techniques().contains(Technique.LAZY_LINKING)
                && settings.families().contains(Formulation.Family.STRENGTH)) {
            return settings.without(Formulation.Family.STRENGTH);
        }
        return settings;
    }

    private boolean on(Technique t) {
        return options.techniques().contains(t);
    }

    /**
     * Applies the techniques to a MILP built with {@link #buildSettings} from {@code settings}.
     *
     * @param start when the solve started (the time limit counts from it)
     */
    static Accelerated prepare(
            Formulation form,
            Formulation.Settings settings,
            SolveOptions options,
            SolveListener listener,
            List<String> notes,
            long start) {
        Accelerated a = new Accelerated(form, options, notes, start);
        a.run(settings, listener);
        return a;
    }

    private void run(Formulation.Settings settings, SolveListener listener) {
        boolean lazy = on(Technique.LAZY_LINKING) && settings.families().contains(Formulation.Family.STRENGTH);
        if (lazy) {
            LinkingCuts.addCover(form);
        }
        boolean heuristic = on(Technique.LAGRANGIAN) || on(Technique.WARM_START) || on(Technique.REDUCED_COST_FIXING);
        String why = heuristic ? Lagrangian.notApplicable(form) : null;
        if (heuristic && why != null) {
            if (on(Technique.WARM_START)) {
                notes.add("no Lagrangian or fixing: " + why + "; warm start from the LP relaxation instead");
                relaxAndFix(settings, listener);
            } else {
                notes.add("no Lagrangian, heuristic or fixing: " + why);
            }
        } else if (heuristic) {
            lagrangian(listener);
        }
        if (lazy && !proven) {
            listener.message("Linking rows where the LP relaxation needs them");
            LinkingCuts.Result r = LinkingCuts.addViolated(form, highsParameters(), shareOfWhatIsLeft(0.4));
            listener.message(String.format(
                    Locale.ROOT,
                    "LP relaxation %s %.6e after %d rounds (%.2f s): %d linking rows of %d",
                    r.optimal() ? "optimal at" : "stopped at",
                    r.objective(),
                    r.rounds(),
                    r.seconds(),
                    r.rows().count(),
                    LinkingCuts.candidates(f).count()));
        }
        if (on(Technique.WARM_START) && incumbent != null && !proven) {
            warmStart();
        }
    }

    /** The Lagrangian ascent with repaired plans, the fixings, and a second ascent on what is left. */
    private void lagrangian(SolveListener listener) {
        long t0 = System.nanoTime();
        listener.message("Lagrangian bound and repaired plans");
        Lagrangian lag = new Lagrangian(form);
        PrimalRepair repair = new PrimalRepair(lag, options.threads());
        // the subproblem's plant decisions seen, with the best L at which each was seen; a few
        // are repaired during the ascent (for the step's target), the best by L after it
        Map<String, Seen> pool = new HashMap<>();
        Set<String> repaired = new HashSet<>();
        long ascentEnd = phaseEnd(0.2);
        Lagrangian.Watcher watcher = (pt, it) -> {
            String k = key(pt.state());
            Seen old = pool.get(k);
            if (old == null || old.value() < pt.value()) {
                pool.put(k, new Seen(pt.value(), pt.state()));
            }
            if ((it == 5 || it % 25 == 0) && System.nanoTime() < ascentEnd && repaired.add(k)) {
                keep(repair.repair(pt.state()));
            }
            return incumbent == null ? INF : incumbent.value();
        };
        double gap = Math.min(options.relativeGap(), 1e-6);
        Lagrangian.Ascent first = lag.ascend(lag.start(), null, watcher, gap, 3000, ascentEnd);
        List<PrimalRepair.Incumbent> plans = repairBest(repair, pool, repaired, 20, phaseEnd(0.3));
        long improveEnd = phaseEnd(0.4);
        for (int i = 0; i < Math.min(3, plans.size()); i++) {
            long now = System.nanoTime();
            keep(repair.improve(plans.get(i), now + (improveEnd - now) / (Math.min(3, plans.size()) - i)));
        }
        Lagrangian.Ascent second = lag.ascend(first.u(), null, watcher, gap, 1500, phaseEnd(0.5));
        List<PrimalRepair.Incumbent> more = repairBest(repair, pool, repaired, 10, phaseEnd(0.53));
        if (!more.isEmpty() && more.get(0).value() < incumbent.value() * (1 + 0.01) + 1e-9) {
            keep(repair.improve(more.get(0), phaseEnd(0.58)));
        }
        Lagrangian.Ascent best = second.bound() >= first.bound() ? second : first;
        bound = Math.max(first.bound(), second.bound());
        byte[][] fixed = null;
        int fixedCount = 0;
        if (on(Technique.REDUCED_COST_FIXING) && incumbent != null && !closed(bound)) {
            fixed = new byte[f.nP][f.nT];
            fixedCount = fix(lag, best.u(), fixed);
            if (fixedCount > 0) {
                // the bound of what is left is higher, and may fix more
                Lagrangian.Ascent third = lag.ascend(best.u(), fixed, watcher, gap, 1500, phaseEnd(0.63));
                if (third.bound() < INF) {
                    fixedCount += fix(lag, third.u(), fixed);
                    fixedCount += probe(lag, third.u(), fixed, phaseEnd(0.75));
                }
                fixedAt = incumbent.value();
                apply(fixed);
                allFixed = everyRunFixed(lag, fixed);
            }
        }
        proven = incumbent != null && closed(bound);
        listener.message(String.format(
                Locale.ROOT,
                "Lagrangian bound %.6e, best plan %s (%d plans repaired, %d ascent steps, %d plant-years fixed,"
                        + " %.2f s)",
                sign * bound,
                incumbent == null ? "none" : String.format(Locale.ROOT, "%.6e", sign * incumbent.value()),
                repair.evaluations,
                first.iterations() + second.iterations(),
                fixedCount,
                (System.nanoTime() - t0) / 1e9));
        if (!on(Technique.LAGRANGIAN)) {
            // the ascent only served the heuristic or the fixing: its bound is not reported
            bound = -INF;
            proven = false;
        }
        // with every plant-year fixed as in the best plan, that plan is the restricted model's
        // optimum (its flows solve the LP left): no MILP needed
        proven |= allFixed;
    }

    /** The LP relaxation's bound and the plan of the MILP with the LP's integral decisions fixed. */
    private void relaxAndFix(Formulation.Settings settings, SolveListener listener) {
        listener.message("LP relaxation, then a dive to integral decisions from it");
        RelaxAndFix.Result r = RelaxAndFix.run(form, settings, options, phaseEnd(0.4), phaseEnd(0.7));
        bound = Math.max(bound, r.bound());
        keep(r.incumbent());
        proven = closed(bound);
        listener.message(String.format(
                Locale.ROOT,
                "LP%s bound %.6e, plan %s (%d decisions integral, %d not; %d LPs in the dive%s, %.2f s)",
                r.weak() ? " (without the rows for strength)" : "",
                sign * r.bound(),
                incumbent == null ? "none" : String.format(Locale.ROOT, "%.6e", sign * incumbent.value()),
                r.fixed(),
                r.free(),
                r.dived(),
                r.incumbent() == null || r.byDive() ? "" : ", plan from the MILP with the integral ones fixed",
                r.seconds()));
    }

    /** A subproblem solution seen in the ascent, with the best L it was seen at. */
    private record Seen(double value, int[][] state) {}

    /** Repairs the {@code count} subproblem solutions of highest L not yet repaired; the plans, best first. */
    private List<PrimalRepair.Incumbent> repairBest(
            PrimalRepair repair, Map<String, Seen> pool, Set<String> repaired, int count, long end) {
        List<Map.Entry<String, Seen>> order = new ArrayList<>(pool.entrySet());
        order.sort((x, y) -> Double.compare(y.getValue().value(), x.getValue().value()));
        List<PrimalRepair.Incumbent> plans = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        if (incumbent != null) {
            plans.add(incumbent);
            distinct.add(key(incumbent.running()));
        }
        int done = 0;
        for (Map.Entry<String, Seen> e : order) {
            if (done >= count || System.nanoTime() >= end) {
                break;
            }
            if (!repaired.add(e.getKey())) {
                continue;
            }
            done++;
            PrimalRepair.Incumbent c = repair.repair(e.getValue().state());
            if (c != null && distinct.add(key(c.running()))) {
                plans.add(c);
                keep(c);
            }
        }
        plans.sort((x, y) -> Double.compare(x.value(), y.value()));
        return plans;
    }

    /** Whether a bound proves the incumbent within the gap asked for. */
    private boolean closed(double lower) {
        return incumbent != null && within(incumbent.value(), lower);
    }

    /**
     * Whether {@code lower} proves {@code best} within the gap asked for, up to rounding: relative to
     * the values' size, since the bound of a HiGHS solve is its plan plus exactly the gap (on the
     * reference case, 8.0e9 and a gap of 1e-4, the difference came out 5e-17 above the gap).
     */
    private boolean within(double best, double lower) {
        return best - lower <= (options.relativeGap() + GAP_ROUNDING) * Math.max(1, Math.abs(best));
    }

    /** Relative rounding allowed on a gap. */
    private static final double GAP_ROUNDING = 1e-9;

    private void keep(PrimalRepair.Incumbent c) {
        if (c != null && (incumbent == null || c.value() < incumbent.value())) {
            incumbent = c;
        }
    }

    /**
     * Fixes each free plant-year whose flipped decision has a Lagrangian bound above the best plan:
     * every plan with that decision flipped is worse. Returns how many were fixed.
     */
    private int fix(Lagrangian lag, double[] u, byte[][] fixed) {
        lag.knapsacks(u);
        double limit = incumbent.value() + 1e-9 * Math.max(1, Math.abs(incumbent.value()));
        int count = 0;
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                if (fixed[p][t] != Lagrangian.FREE || !lag.allowed[p][t][Lagrangian.RUN]) {
                    continue;
                }
                fixed[p][t] = Lagrangian.ON;
                double on = lag.decide(u, fixed, false).value();
                fixed[p][t] = Lagrangian.OFF;
                double off = lag.decide(u, fixed, false).value();
                fixed[p][t] = Lagrangian.FREE;
                if (on > limit && off <= limit) {
                    fixed[p][t] = Lagrangian.OFF;
                    count++;
                } else if (off > limit && on <= limit) {
                    fixed[p][t] = Lagrangian.ON;
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Probing: for each free plant-year, a short ascent with its decision forced the other way than
     * the subproblem takes it (from the multipliers u); if that bound passes the best plan, the
     * decision is fixed. Stronger than {@link #fix}, which keeps u. Returns how many were fixed.
     */
    private int probe(Lagrangian lag, double[] u, byte[][] fixed, long end) {
        double limit = incumbent.value() + 1e-9 * Math.max(1, Math.abs(incumbent.value()));
        lag.knapsacks(u);
        Lagrangian.Point at = lag.decide(u, fixed, false);
        if (at.state() == null) {
            return 0;
        }
        // most promising first: the forced bound at u closest to the best plan
        List<double[]> order = new ArrayList<>();
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                if (fixed[p][t] != Lagrangian.FREE || !lag.allowed[p][t][Lagrangian.RUN]) {
                    continue;
                }
                byte flip = at.state()[p][t] == Lagrangian.RUN ? Lagrangian.OFF : Lagrangian.ON;
                fixed[p][t] = flip;
                double v = lag.decide(u, fixed, false).value();
                fixed[p][t] = Lagrangian.FREE;
                order.add(new double[] {v, p, t, flip});
            }
        }
        order.sort((x, y) -> Double.compare(y[0], x[0]));
        Lagrangian.Watcher target = (pt, it) -> incumbent.value();
        int count = 0;
        for (double[] o : order) {
            if (System.nanoTime() >= end) {
                break;
            }
            int p = (int) o[1];
            int t = (int) o[2];
            byte flip = (byte) o[3];
            byte[][] trial = new byte[f.nP][];
            for (int q = 0; q < f.nP; q++) {
                trial[q] = fixed[q].clone();
            }
            trial[p][t] = flip;
            Lagrangian.Ascent a = lag.ascend(u, trial, target, 0, PROBE_STEPS, end);
            if (a.bound() > limit) {
                fixed[p][t] = flip == Lagrangian.ON ? Lagrangian.OFF : Lagrangian.ON;
                count++;
            }
        }
        return count;
    }

    /** Ascent steps of one probe. */
    private static final int PROBE_STEPS = 150;

    /** Whether every plant-year that may run is fixed, and fixed as the best plan has it. */
    private boolean everyRunFixed(Lagrangian lag, byte[][] fixed) {
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                if (!lag.allowed[p][t][Lagrangian.RUN]) {
                    continue;
                }
                byte want = incumbent.running()[p][t] ? Lagrangian.ON : Lagrangian.OFF;
                if (fixed[p][t] != want) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Puts fixed plant-year decisions into the MILP as bounds on run. */
    private void apply(byte[][] fixed) {
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                MPVariable run = form.run[p][t];
                if (fixed[p][t] == Lagrangian.ON) {
                    run.setLb(1);
                } else if (fixed[p][t] == Lagrangian.OFF) {
                    run.setUb(0);
                    // implied by the capacity row; said as bounds, the LP and MILP presolves drop them
                    for (int a : f.arcsByPlantYear[p][t]) {
                        form.flow[a].setUb(0);
                    }
                }
            }
        }
    }

    /**
     * Hands the incumbent to the MILP: SCIP and CBC as a hint; HiGHS as an objective cutoff (in
     * cost mode), since OR-Tools 9.15's HiGHS proto interface crashes the process on a hint.
     */
    private void warmStart() {
        if (options.backend() == Backend.HIGHS) {
            if (f.mode == Objective.COST && form.offset() == 0) {
                cutoff = incumbent.value() + 1e-9 * Math.max(1, Math.abs(incumbent.value()));
            } else {
                notes.add("no cutoff for highs in NPV mode or with a constant in the objective; the plan found first"
                        + " is kept if the MILP finds no better");
            }
            return;
        }
        form.solver.setHint(form.solver.variables(), incumbent.values());
    }

    /** Whether the MILP need not run: the Lagrangian bound proves the heuristic's plan. */
    boolean proven() {
        return proven;
    }

    /** HiGHS options for the MILP beyond the usual ones (the cutoff), one per line. */
    String highsExtra() {
        return Double.isNaN(cutoff) ? "" : "objective_bound=" + cutoff + "\n";
    }

    private String highsParameters() {
        return Optimizer.quietHighs(options.threads());
    }

    /** The options of the MILP itself: the time left. */
    SolveOptions milpOptions() {
        if (deadline == Long.MAX_VALUE) {
            return options;
        }
        // HiGHS may overrun its limit by a few seconds on these models: leave it some room
        return options.withTimeLimit(Math.max(0.5, 0.92 * (deadline - System.nanoTime()) / 1e9));
    }

    /**
     * The end of a phase that ends at this share of the time from the start of the techniques to the
     * deadline (of 120 s without a time limit).
     */
    private long phaseEnd(double share) {
        double total = deadline == Long.MAX_VALUE ? 120e9 : deadline - begin;
        return Math.min(deadline, begin + (long) (share * total));
    }

    /** The time when this share of the time left to the deadline has passed (of 120 s without one). */
    private long shareOfWhatIsLeft(double share) {
        long now = System.nanoTime();
        return deadline == Long.MAX_VALUE ? now + (long) (share * 120e9) : now + (long) (share * (deadline - now));
    }

    /** The answer on the network from the backend's answer on the model as prepared (null: not run). */
    Optimizer.Outcome finish(Optimizer.Outcome out) {
        double milpValue = INF;
        double[] values = null;
        // not run: nothing learnt, unless every decision was fixed as in the best plan
        double milpBound = out == null && allFixed ? incumbent.value() : -INF;
        SolveStatus s = out == null ? SolveStatus.ERROR : out.status();
        if (out != null && s.hasPlan() && out.values() != null) {
            milpValue = sign * out.objective();
            values = out.values();
            milpBound = Double.isNaN(out.bound()) ? -INF : sign * out.bound();
        } else if (out != null && s == SolveStatus.INFEASIBLE) {
            // nothing in the restricted model below the cutoff, if any
            milpBound = Double.isNaN(cutoff) ? INF : cutoff;
        } else if (out != null && !Double.isNaN(out.bound())) {
            milpBound = sign * out.bound();
        }
        double best = milpValue;
        if (incumbent != null && incumbent.value() < best) {
            best = incumbent.value();
            values = incumbent.values();
        }
        if (values == null) {
            if (s == SolveStatus.INFEASIBLE && (fixedAt < INF || !Double.isNaN(cutoff))) {
                notes.add("the fixed decisions or the cutoff left no plan: report the solve without techniques");
                return new Optimizer.Outcome(SolveStatus.ERROR, Double.NaN, Double.NaN, null);
            }
            return out;
        }
        double lower = Math.max(bound, Math.min(milpBound, fixedAt));
        lower = Math.min(lower, best);
        boolean optimal = within(best, lower);
        return new Optimizer.Outcome(
                optimal ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE, sign * best, sign * lower, values);
    }

    private static String key(int[][] state) {
        StringBuilder b = new StringBuilder();
        for (int[] row : state) {
            for (int s : row) {
                b.append((char) ('0' + s));
            }
        }
        return b.toString();
    }

    private static String key(boolean[][] running) {
        StringBuilder b = new StringBuilder();
        for (boolean[] row : running) {
            for (boolean r : row) {
                b.append(r ? '1' : '0');
            }
        }
        return b.toString();
    }
}
