package footprint.optimize;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Figure;
import footprint.model.Network;
import footprint.model.Objective;
import footprint.model.PlantStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Finds the best plan of a network: freezes it, builds the MILP ({@link Formulation}), solves it
 * with the chosen OR-Tools backend, reads the plan, and solves the LP with every integer decision
 * fixed (GLOP) for the capacity shadow prices. No OR-Tools type leaves this class; an infeasible or
 * time-limited solve is a {@link Plan} with its status, never an exception.
 */
public final class Optimizer {
    private static final double SECONDS_BETWEEN_TICKS = 5;
    private static boolean loaded;

    private Optimizer() {}

    /** Loads OR-Tools' native libraries once (about 0.5 s). */
    static synchronized void loadNatives() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /** Solves with the default options. */
    public static Plan solve(Network network) {
        return solve(network, SolveOptions.defaults(), SolveListener.NONE);
    }

    /** Solves with every figure at its nominal value. */
    public static Plan solve(Network network, SolveOptions options, SolveListener listener) {
        return solve(network, Figure::nominal, options, listener);
    }

    /**
     * Solves with every figure valued by {@code valueOf} (a risk analysis passes sampled values).
     */
    public static Plan solve(
            Network network, ToDoubleFunction<Figure> valueOf, SolveOptions options, SolveListener listener) {
        return solve(network, valueOf, Outages.NONE, options, listener);
    }

    /**
     * Solves with every figure valued by {@code valueOf} and the plants, lanes and trade of {@code
     * outages} out of use (the best plan for one future known in advance).
     */
    public static Plan solve(
            Network network,
            ToDoubleFunction<Figure> valueOf,
            Outages outages,
            SolveOptions options,
            SolveListener listener) {
        loadNatives();
        long start = System.nanoTime();
        listener.message("Building the model");
        FrozenNetwork f = FrozenNetwork.of(network, valueOf, outages);
        return solve(f, Formulation.Settings.milp(), options, listener, start);
    }

    /**
     * The MILP of a network in free MPS format, rows and columns named after the model, for any
     * other solver.
     */
    public static String mps(Network network) {
        return mps(network, true);
    }

    /**
     * The MILP in MPS format, with or without the rows that are there for strength only (the
     * per-flow linking rows and the demand cover): the weak form has the same optimum and a weaker
     * LP relaxation, for measuring a stock solver on both.
     */
    public static String mps(Network network, boolean strong) {
        loadNatives();
        FrozenNetwork f = FrozenNetwork.of(network);
        MPSolver solver = MPSolver.createSolver("SCIP");
        try {
            Formulation.Settings milp = Formulation.Settings.milp();
            Formulation.build(f, solver, strong ? milp : milp.without(Formulation.Family.STRENGTH));
            return solver.exportModelAsMpsFormat(false, false);
        } finally {
            solver.delete();
        }
    }

    /**
     * Solves with flows the plan must carry beyond the model's rules (what {@code footprint explain}
     * asks of a lane the plan leaves empty). No shadow prices or why: they would ignore those rows.
     */
    public static Plan solve(
            Network network, SolveOptions options, SolveListener listener, List<MinimumFlow> minimums) {
        loadNatives();
        long start = System.nanoTime();
        listener.message("Building the model");
        FrozenNetwork f = FrozenNetwork.of(network);
        return solve(
                f,
                Formulation.Settings.milp(),
                options.withShadowPrices(false),
                listener,
                start,
                form -> MinimumFlow.addRows(form, minimums));
    }

    /**
     * Whether some plan satisfies every rule of a network (and the minimum flows), whatever it is
     * worth: {@link SolveStatus#INFEASIBLE} when the LP relaxation is already infeasible (GLOP, fast),
     * else the status of the MILP solved without an objective (OPTIMAL: a plan exists).
     */
    public static SolveStatus feasibility(Network network, List<MinimumFlow> minimums, SolveOptions options) {
        loadNatives();
        long start = System.nanoTime();
        FrozenNetwork f = FrozenNetwork.of(network);
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            Formulation relaxed = Formulation.build(
                    f,
                    lp,
                    new Formulation.Settings(false, Formulation.Settings.milp().families()));
            MinimumFlow.addRows(relaxed, minimums);
            lp.objective().clear();
            if (lp.solve() == MPSolver.ResultStatus.INFEASIBLE) {
                return SolveStatus.INFEASIBLE;
            }
        } finally {
            lp.delete();
        }
        Consumer<Formulation> noObjective = form -> {
            MinimumFlow.addRows(form, minimums);
            form.solver.objective().clear();
        };
        return solve(
                        f,
                        Formulation.Settings.milp(),
                        options.withShadowPrices(false),
                        SolveListener.NONE,
                        start,
                        noObjective)
                .status();
    }

    /** Solves a frozen network with the families of {@code settings} (tests leave one out). */
    static Plan solve(
            FrozenNetwork f, Formulation.Settings settings, SolveOptions options, SolveListener listener, long start) {
        return solve(f, settings, options, listener, start, NO_ROWS);
    }

    /** No rows beyond the model's: the only case the speed techniques ({@link Accelerated}) serve. */
    private static final Consumer<Formulation> NO_ROWS = form -> {};

    /** Solves with rows added to the built formulation by {@code moreRows}. */
    static Plan solve(
            FrozenNetwork f,
            Formulation.Settings settings,
            SolveOptions options,
            SolveListener listener,
            long start,
            Consumer<Formulation> moreRows) {
        return solve(f, settings, options, listener, start, moreRows, null);
    }

    /**
     * Changes a solver's plan before it is read: the values in place, by the solver's variable
     * index, to another plan of the model no worse by the objective (whose new value is read from
     * them), noting what it did.
     */
    interface Polish {
        void apply(Formulation form, double[] x, List<String> notes);
    }

    /**
     * Solves with rows added by {@code moreRows}, the solver's plan changed by {@code polish} (where
     * given) before it is read: used on a model whose integers are all fixed, an LP, where the polish
     * only lowers costs of the fixed decisions that the flows' optimum does not depend on, so that
     * objective and bound move by the same amount.
     */
    static Plan solve(
            FrozenNetwork f,
            Formulation.Settings settings,
            SolveOptions options,
            SolveListener listener,
            long start,
            Consumer<Formulation> moreRows,
            Polish polish) {
        TechniqueChoice choice;
        SolveOptions chosen;
        if (moreRows != NO_ROWS) {
            // the techniques serve the model's own rows only (explain's minimum flows, feasibility)
            chosen = options.withTechniques(Set.of());
            choice = new TechniqueChoice(
                    Set.of(), options.autoTechniques(), "the rows this question adds take the plain MILP");
        } else {
            AutoTechniques.Resolved r = AutoTechniques.resolve(f, options);
            chosen = r.options();
            choice = r.choice();
            if (choice.auto()) {
                listener.message("Techniques: " + choice.line());
            }
        }
        return solveWith(f, settings, chosen, listener, start, moreRows, polish).withTechniques(choice);
    }

    /** {@link #solve} with the techniques settled: none chosen by Footprint any more. */
    private static Plan solveWith(
            FrozenNetwork f,
            Formulation.Settings settings,
            SolveOptions options,
            SolveListener listener,
            long start,
            Consumer<Formulation> moreRows,
            Polish polish) {
        loadNatives();
        if (options.techniques().contains(Technique.DECOMPOSITION) && moreRows == NO_ROWS) {
            return Decomposition.solve(f, settings, options, listener, start);
        }
        if (options.techniques().contains(Technique.COLUMN_GENERATION) && moreRows == NO_ROWS) {
            return solveByColumns(f, settings, options, listener, start);
        }
        List<String> notes = new ArrayList<>();
        Backend backend = options.backend();
        MPSolver solver = MPSolver.createSolver(backend.ortoolsId());
        if (solver == null) {
            notes.add("OR-Tools has no " + backend.word() + " solver on this machine");
            return planless(SolveStatus.ERROR, f, backend, Double.NaN, seconds(start), 0, null, notes);
        }
        try {
            boolean fast = !options.techniques().isEmpty() && moreRows == NO_ROWS;
            Formulation form =
                    Formulation.build(f, solver, fast ? Accelerated.buildSettings(settings, options) : settings);
            moreRows.accept(form);
            Plan.Size size = form.size();
            double buildSeconds = seconds(start);
            listener.message(String.format(
                    Locale.ROOT,
                    "Built the model in %.2f s: %d variables (%d binary), %d rows, %d nonzeros",
                    buildSeconds,
                    size.variables(),
                    size.binaries(),
                    size.rows(),
                    size.nonzeros()));
            listener.message("Solving with " + backend.word());
            long solveStart = System.nanoTime();
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "footprint-solve-clock");
                t.setDaemon(true);
                return t;
            });
            long tick = (long) (SECONDS_BETWEEN_TICKS * 1000);
            ScheduledFuture<?> ticking = clock.scheduleAtFixedRate(
                    () -> listener.elapsed(seconds(solveStart)), tick, tick, TimeUnit.MILLISECONDS);
            Outcome out;
            try {
                Accelerated speed = fast ? Accelerated.prepare(form, settings, options, listener, notes, start) : null;
                SolveOptions milp = speed == null ? options : speed.milpOptions();
                String extra = speed == null ? "" : speed.highsExtra();
                if (speed != null && speed.proven()) {
                    out = null;
                } else {
                    out = backend == Backend.HIGHS
                            ? solveHighs(form, milp, notes, extra)
                            : solveMpSolver(form, milp, notes);
                }
                if (speed != null) {
                    out = speed.finish(out);
                    size = form.size();
                }
            } finally {
                ticking.cancel(false);
                clock.shutdownNow();
            }
            double solveSeconds = seconds(solveStart);
            SolveStatus status = out.status();
            if (status.hasPlan() && out.values() == null) {
                status = timedOut(options, solveSeconds) ? SolveStatus.TIME_LIMIT : SolveStatus.ERROR;
            }
            if (status == SolveStatus.ERROR && timedOut(options, solveSeconds)) {
                status = SolveStatus.TIME_LIMIT;
            }
            if (!status.hasPlan()) {
                listener.message(
                        "No plan: " + status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                return planless(status, f, backend, out.bound(), buildSeconds, solveSeconds, size, notes);
            }
            if (polish != null) {
                // the bound moves with the objective: the polish changes costs the flows do not see
                double before = form.objectiveOf(out.values());
                polish.apply(form, out.values(), notes);
                double change = form.objectiveOf(out.values()) - before;
                out = new Outcome(out.status(), out.objective() + change, out.bound() + change, out.values());
            }
            listener.incumbent(out.objective(), out.bound(), solveSeconds);
            SolutionReader reader = new SolutionReader(form, out.values());
            double[][] shadow = null;
            if (options.shadowPrices()) {
                listener.message("Shadow prices from the LP with the integer decisions fixed");
                shadow = shadowPrices(f, settings, reader, notes);
            }
            Why why = options.shadowPrices() ? Marginals.read(f, settings, reader, notes) : Why.NONE;
            double gap = Math.abs(out.objective() - out.bound()) / Math.max(1, Math.abs(out.objective()));
            return reader.plan(
                    status,
                    backend.word(),
                    out.objective(),
                    out.bound(),
                    gap,
                    buildSeconds,
                    solveSeconds,
                    size,
                    shadow,
                    notes,
                    why);
        } finally {
            solver.delete();
        }
    }

    /**
     * The full network solved on the arcs column generation keeps ({@link ColumnGeneration}), with
     * the full problem's bound; the full MILP after all when that bound leaves more than the gap
     * asked for and the full network has at most {@link #FULL_AFTER_COLUMNS} arcs.
     */
    private static Plan solveByColumns(
            FrozenNetwork full,
            Formulation.Settings settings,
            SolveOptions options,
            SolveListener listener,
            long start) {
        EnumSet<Technique> others = EnumSet.noneOf(Technique.class);
        others.addAll(options.techniques());
        others.remove(Technique.COLUMN_GENERATION);
        SolveOptions rest = options.withTechniques(others);
        boolean limited = options.timeLimitSeconds() > 0;
        long deadline = limited ? start + (long) (deadlineSeconds(options) * 1e9) : Long.MAX_VALUE;
        listener.message("Column generation on the " + full.arcs.size() + " arcs of the network");
        ColumnGeneration.Result cg = ColumnGeneration.run(full, settings.families(), options, listener, deadline);
        if (cg == null && full.arcs.size() <= FULL_AFTER_COLUMNS) {
            Plan p = solve(full, settings, rest, listener, start);
            return withNotes(p, "column generation: the first restricted LP had no optimum; the full model was solved");
        }
        if (cg == null) {
            // the full model of a network this size would not do better
            SolveStatus status = limited && seconds(start) >= 0.95 * deadlineSeconds(options)
                    ? SolveStatus.TIME_LIMIT
                    : SolveStatus.ERROR;
            return planless(
                    status,
                    full,
                    options.backend(),
                    Double.NaN,
                    seconds(start),
                    0,
                    null,
                    List.of("column generation: the first restricted LP had no optimum"
                            + (status == SolveStatus.TIME_LIMIT
                                    ? " in its share of the time (40 %)"
                                    : " (infeasible or numerically troubled)")
                            + "; the full model (" + full.arcs.size() + " arcs) is too big to solve instead"));
        }
        String summary = String.format(
                Locale.ROOT,
                "column generation: %d of %d arcs after %d LP rounds (%.1f s, of which LP %.1f s), %s",
                cg.arcs(),
                full.arcs.size(),
                cg.rounds(),
                cg.seconds(),
                cg.lpSeconds(),
                cg.converged()
                        ? "bound: the full LP relaxation"
                        : "bound: the full problem's Lagrangian bound at the last LP's duals");
        Plan p = solve(cg.restricted(), settings, timeLeft(rest, options, start), listener, System.nanoTime());
        if (!p.status().hasPlan()) {
            return withNotes(p, summary);
        }
        double bound = cg.bound();
        double gap = Math.abs(p.objective() - bound) / Math.max(1, Math.abs(p.objective()));
        boolean proven = gap <= options.relativeGap() + 1e-12;
        if (!proven
                && full.arcs.size() <= FULL_AFTER_COLUMNS
                && (!limited || seconds(start) < options.timeLimitSeconds())) {
            listener.message("The bound leaves a gap above the one asked for: solving the full model");
            Plan whole = solve(full, settings, timeLeft(rest, options, start), listener, System.nanoTime());
            String why = summary
                    + String.format(
                            Locale.ROOT,
                            "; its plan was %.3g %% from the bound, so the full model (%d arcs) was solved",
                            100 * gap,
                            full.arcs.size());
            boolean npv = full.mode == Objective.NPV;
            boolean better = whole.status().hasPlan()
                    && (npv ? whole.objective() >= p.objective() : whole.objective() <= p.objective());
            if (better) {
                return withNotes(whole, why);
            }
            // the full model gave nothing better in the time left: the restricted plan stands, with
            // the tighter of the two bounds of the full problem
            if (!Double.isNaN(whole.bestBound())) {
                bound = npv ? Math.min(bound, whole.bestBound()) : Math.max(bound, whole.bestBound());
            }
            gap = Math.abs(p.objective() - bound) / Math.max(1, Math.abs(p.objective()));
            proven = gap <= options.relativeGap() + 1e-12;
            summary = why + ", and gave no better plan in the time left";
        }
        SolveStatus status =
                proven ? SolveStatus.OPTIMAL : p.status() == SolveStatus.OPTIMAL ? SolveStatus.FEASIBLE : p.status();
        List<String> notes = new ArrayList<>(p.notes());
        notes.add(summary);
        return restated(p, status, bound, gap, cg.seconds() + p.buildSeconds(), notes);
    }

    /** {@code rest} with what is left of {@code options}' time limit since {@code start} (at least 1 s). */
    static SolveOptions timeLeft(SolveOptions rest, SolveOptions options, long start) {
        return options.timeLimitSeconds() > 0
                ? rest.withTimeLimit(Math.max(1, options.timeLimitSeconds() - seconds(start)))
                : rest;
    }

    /** The time column generation may take: 40 % of the limit. */
    private static double deadlineSeconds(SolveOptions options) {
        return 0.4 * options.timeLimitSeconds();
    }

    /** Above this many arcs, column generation's plan stands with its own gap (the full MILP would not fit). */
    static final int FULL_AFTER_COLUMNS = 200_000;

    static Plan withNotes(Plan p, String note) {
        List<String> notes = new ArrayList<>(p.notes());
        notes.add(note);
        return restated(p, p.status(), p.bestBound(), p.gap(), p.buildSeconds(), notes);
    }

    /** A plan with another status, bound, gap, build time and notes; the decisions and flows kept. */
    static Plan restated(
            Plan p, SolveStatus status, double bound, double gap, double buildSeconds, List<String> notes) {
        return restated(p, status, bound, gap, buildSeconds, p.solveSeconds(), notes);
    }

    /** A plan with another status, bound, gap, build and solve times and notes; the decisions and flows kept. */
    static Plan restated(
            Plan p,
            SolveStatus status,
            double bound,
            double gap,
            double buildSeconds,
            double solveSeconds,
            List<String> notes) {
        return new Plan(
                status,
                p.mode(),
                p.backend(),
                p.objective(),
                bound,
                gap,
                buildSeconds,
                solveSeconds,
                p.size(),
                p.kpis(),
                p.plants(),
                p.flows(),
                p.lostSales(),
                p.componentFlows(),
                p.investments(),
                p.decisions(),
                notes,
                p.why());
    }

    /** What a backend returned: the values by variable index (null without a plan). */
    @SuppressWarnings("ArrayRecordComponent") // private, built once, never compared
    record Outcome(SolveStatus status, double objective, double bound, double[] values) {}

    /** SCIP and CBC through the MPSolver interface (the relative gap is a common parameter there). */
    static Outcome solveMpSolver(Formulation form, SolveOptions o, List<String> notes) {
        MPSolver s = form.solver;
        if (o.timeLimitSeconds() > 0) {
            s.setTimeLimit((long) Math.ceil(o.timeLimitSeconds() * 1000));
        }
        if (o.backend() == Backend.SCIP) {
            if (!s.setSolverSpecificParametersAsString("randomization/randomseedshift = " + o.seed())) {
                notes.add("scip refused the seed " + o.seed());
            }
            if (o.threads() > 1) {
                notes.add("scip runs on one thread in OR-Tools; --threads " + o.threads() + " was ignored");
            }
        } else {
            if (o.seed() != 0) {
                notes.add(o.backend().word() + " takes no seed through OR-Tools; the seed was ignored");
            }
            if (o.threads() > 1) {
                notes.add(o.backend().word() + " runs on one thread in this build; --threads was ignored");
            }
        }
        MPSolverParameters params = new MPSolverParameters();
        try {
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, o.relativeGap());
            MPSolver.ResultStatus rs = s.solve(params);
            SolveStatus status = switch (rs) {
                case OPTIMAL -> SolveStatus.OPTIMAL;
                case FEASIBLE -> SolveStatus.FEASIBLE;
                case INFEASIBLE -> SolveStatus.INFEASIBLE;
                case UNBOUNDED -> SolveStatus.UNBOUNDED;
                default -> SolveStatus.ERROR;
            };
            if (status == SolveStatus.ERROR) {
                notes.add(o.backend().word() + " returned " + rs);
            }
            if (!status.hasPlan()) {
                return new Outcome(status, Double.NaN, Double.NaN, null);
            }
            MPSolutionResponse r = s.createSolutionResponseProto();
            return new Outcome(status, s.objective().value(), s.objective().bestBound(), values(r, s.numVariables()));
        } finally {
            params.delete();
        }
    }

    /**
     * HiGHS through OR-Tools' proto interface: the only way to pass its seed and to keep its
     * banner off the terminal (the MPSolver interface refuses HiGHS parameters).
     */
    static Outcome solveHighs(Formulation form, SolveOptions o, List<String> notes) {
        return solveHighs(form, o, notes, "");
    }

    /** HiGHS options for a solve that prints nothing, on {@code threads} threads (0: HiGHS's choice). */
    static String quietHighs(int threads) {
        return "output_flag=false\n" + (threads > 0 ? "threads=" + threads + "\n" : "");
    }

    /** HiGHS with more options ({@code name=value} lines), e.g. an objective cutoff. */
    static Outcome solveHighs(Formulation form, SolveOptions o, List<String> notes, String moreParameters) {
        StringBuilder params = new StringBuilder()
                .append("output_flag=false\n")
                .append("mip_rel_gap=")
                .append(o.relativeGap())
                .append('\n')
                // only the relative gap asked for ends the search (HiGHS also stops within 1e-6 absolute
                // by default), so that the bound below holds
                .append("mip_abs_gap=0\n")
                .append("random_seed=")
                .append(o.seed())
                .append('\n');
        if (o.threads() > 0) {
            params.append("threads=").append(o.threads()).append('\n');
        }
        params.append(moreParameters);
        MPModelRequest.Builder request = MPModelRequest.newBuilder()
                .setModel(form.solver.exportModelToProto())
                .setSolverType(MPModelRequest.SolverType.HIGHS_MIXED_INTEGER_PROGRAMMING)
                .setEnableInternalSolverOutput(false)
                .setSolverSpecificParameters(params.toString());
        if (o.timeLimitSeconds() > 0) {
            request.setSolverTimeLimitSeconds(o.timeLimitSeconds());
        }
        long asked = System.nanoTime();
        MPSolutionResponse r = MPSolver.solveWithProto(request.build());
        MPSolverResponseStatus rs = r.getStatus();
        SolveStatus status = switch (rs) {
            case MPSOLVER_OPTIMAL -> SolveStatus.OPTIMAL;
            case MPSOLVER_FEASIBLE -> SolveStatus.FEASIBLE;
            case MPSOLVER_INFEASIBLE -> SolveStatus.INFEASIBLE;
            case MPSOLVER_UNBOUNDED -> SolveStatus.UNBOUNDED;
            default -> SolveStatus.ERROR;
        };
        if (status == SolveStatus.ERROR && timedOut(o, seconds(asked))) {
            notes.add("highs stopped at the time limit; OR-Tools returns no plan then, even if HiGHS had one"
                    + " (ask for a gap, or add --techniques warm-start for a first plan of its own)");
        } else if (status == SolveStatus.ERROR) {
            notes.add("highs returned " + rs + (r.getStatusStr().isEmpty() ? "" : ": " + r.getStatusStr())
                    + (o.threads() > 0 ? " (HiGHS keeps the thread count of its first solve in a process)" : ""));
        }
        if (!status.hasPlan()) {
            return new Outcome(status, Double.NaN, Double.NaN, null);
        }
        double objective = r.getObjectiveValue();
        return new Outcome(
                status,
                objective,
                // stopped early (a limit), HiGHS's bound is unknown
                status == SolveStatus.OPTIMAL
                        ? highsBound(
                                objective,
                                o.relativeGap(),
                                form.solver.objective().maximization())
                        : Double.NaN,
                values(r, form.solver.numVariables()));
    }

    /**
     * The bound of a MILP that HiGHS solved to {@code objective} with the relative gap {@code gap}.
     * OR-Tools' HiGHS interface (9.15) returns the objective as the best bound, whatever gap HiGHS
     * stopped at (on M with seed 4 at 0.5 %: 7.94609e10 as plan and bound, where the optimum is
     * 7.94801e10); HiGHS stops only once its bound is within the relative gap of the objective
     * (|objective − bound| ≤ gap·|objective|; its absolute gap is set to 0), so that far beyond the
     * objective is a bound (with |objective| taken as 1 at least: a wider bound, never a narrower one).
     */
    static double highsBound(double objective, double gap, boolean maximize) {
        double slack = gap * Math.max(1, Math.abs(objective));
        return maximize ? objective + slack : objective - slack;
    }

    private static double[] values(MPSolutionResponse r, int n) {
        if (r.getVariableValueCount() != n) {
            return null;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.getVariableValue(i);
        }
        return v;
    }

    /**
     * The value of one more vehicle of capacity at each running plant and year: the dual of the
     * capacity row in the LP with every integer decision fixed at the plan's (GLOP). Positive when
     * capacity binds: NPV gained, or cost saved, per vehicle, in present value.
     */
    private static double[][] shadowPrices(
            FrozenNetwork f, Formulation.Settings milp, SolutionReader plan, List<String> notes) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            var families = EnumSet.noneOf(Formulation.Family.class);
            families.addAll(milp.families());
            families.remove(Formulation.Family.STRENGTH);
            Formulation fixed = Formulation.build(f, lp, new Formulation.Settings(false, families));
            fixIntegers(fixed, plan);
            MPSolver.ResultStatus rs = lp.solve();
            if (rs != MPSolver.ResultStatus.OPTIMAL) {
                notes.add("no shadow prices: the LP with the integer decisions fixed ended " + rs);
                return null;
            }
            double sign = f.mode == Objective.NPV ? 1 : -1;
            double[][] out = new double[f.nP][f.nT];
            for (int p = 0; p < f.nP; p++) {
                for (int t = 0; t < f.nT; t++) {
                    MPConstraint row = fixed.capacityRow[p][t];
                    out[p][t] = row == null ? 0 : sign * row.dualValue();
                }
            }
            return out;
        } finally {
            lp.delete();
        }
    }

    /** Fixes the plant states and tooling of an LP formulation at a plan's values. */
    private static void fixIntegers(Formulation lp, SolutionReader plan) {
        FrozenNetwork f = lp.f;
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                PlantStatus s = plan.status(p, t);
                fixAt(lp.run[p][t], s == PlantStatus.RUNNING);
                fixAt(lp.idle[p][t], s == PlantStatus.IDLE);
                fixAt(lp.closed[p][t], s == PlantStatus.CLOSED);
                for (int pf = 0; pf < f.nF; pf++) {
                    if (lp.tool[p][pf][t] != null) {
                        fixAt(lp.tool[p][pf][t], plan.tooled(p, pf, t));
                    }
                }
            }
        }
    }

    private static void fixAt(MPVariable v, boolean on) {
        double x = on ? 1 : 0;
        v.setBounds(x, x);
    }

    private static boolean timedOut(SolveOptions o, double solveSeconds) {
        return o.timeLimitSeconds() > 0 && solveSeconds >= 0.95 * o.timeLimitSeconds();
    }

    /** A plan without decisions: the status, the bound if any, the times and the notes. */
    static Plan planless(
            SolveStatus status,
            FrozenNetwork f,
            Backend backend,
            double bound,
            double buildSeconds,
            double solveSeconds,
            Plan.Size size,
            List<String> notes) {
        return new Plan(
                status,
                f.mode,
                backend.word(),
                Double.NaN,
                bound,
                Double.NaN,
                buildSeconds,
                solveSeconds,
                size == null ? new Plan.Size(0, 0, 0, 0) : size,
                Plan.Kpis.ZERO,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                notes);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
