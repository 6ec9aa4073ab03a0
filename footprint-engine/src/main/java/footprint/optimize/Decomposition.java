package footprint.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Objective;
import footprint.model.PlantStatus;
import footprint.optimize.FrozenNetwork.Arc;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * {@link Technique#DECOMPOSITION}: a network too big for one MILP solved by plants. The bound is
 * {@link NetworkLagrangian}'s (demand, component capacity, local content and minimum output rows
 * relaxed; each plant's path over the years solved exactly), its multipliers moved by deflected
 * subgradient steps; the plan fixes every plant's states and tooling as the subproblem chose them
 * over the last steps ({@link #consensus}) and solves the flows, an LP once the integers are fixed:
 *
 * <ol>
 *   <li>demand prices where the descent starts: on networks of at most {@link #pricesUpTo} arcs
 *       from each year's LP relaxation on the best arcs of every plant ({@link #prices}, up to 30 %
 *       of the time limit), on larger ones from each year's transportation problem ({@link
 *       FlowPrices}, a min-cost flow; years not priced by 10 % of the limit keep {@link
 *       NetworkLagrangian#start});
 *   <li>a first descent (to 55 % of the time limit after the prices, else 40 %) aiming 2 % below its
 *       best bound;
 *   <li>a plan running every plant-year two of the descent's points ran ({@link #consensus}), its
 *       plants then trimmed to what its flows use ({@link #trim}); where that plan took under a
 *       twentieth of the limit and meets the gap, a leaner one as well ({@link #leanConsensus});
 *   <li>where the gap is not met, a second descent aiming at that plan's value, and a second, lean
 *       plan if the first plan's time fits before the end (otherwise the descent runs to the end).
 * </ol>
 *
 * The plan's arcs: every arc of the plants that run (and whose platform is tooled) that year. (The
 * {@link #PER_CELL} best a cell among them made plans 1.0 % worse on XL and 0.1 % on LL, for 8 %
 * less time in the LPs on XL.) On networks of more than {@link #sliceAbove} arcs that LP is solved year by year (the years
 * are independent once the plants' paths are fixed), by CLP, a year per thread, and the years'
 * values are read as one plan of the model of all years. The plan is a plan of the full network;
 * its gap is against the Lagrangian bound. Where
 * that gap is above the one asked for and the full network has at most {@link
 * Optimizer#FULL_AFTER_COLUMNS} arcs, the full MILP is solved as well and the better plan kept, so
 * that small networks get the plain MILP's answer.
 */
final class Decomposition {
    /**
     * Networks of at most this many arcs start the descent from the years' LP prices ({@link
     * #prices}). Measured: on LL (184,717 arcs) the LPs take 1.5 s a year and the decomposition
     * proves 0.44 to 0.52 % in 24 to 26 s (2.2 % in 120 s from {@link NetworkLagrangian#start}); on XL (13.4
     * million) they take 75 to 150 s a year, and with them the 900 s run ended at 53 % against 40 %.
     * Larger networks start from the years' flows ({@link #flowPrices}). Not final: tests lower it
     * to take that path on small networks.
     */
    static int pricesUpTo = Optimizer.FULL_AFTER_COLUMNS;

    /** Arcs kept per demand cell for the LP prices, best margin first. */
    static final int PER_CELL = 6;

    private Decomposition() {}

    /** A plan and the Lagrangian bound that rates it. */
    static Plan solve(
            FrozenNetwork full,
            Formulation.Settings settings,
            SolveOptions options,
            SolveListener listener,
            long start) {
        String why = NetworkLagrangian.notApplicable(full);
        EnumSet<Technique> others = EnumSet.noneOf(Technique.class);
        others.addAll(options.techniques());
        others.remove(Technique.DECOMPOSITION);
        SolveOptions rest = options.withTechniques(others);
        if (why != null) {
            Plan p = Optimizer.solve(full, settings, rest, listener, start);
            return Optimizer.withNotes(p, "no decomposition: " + why);
        }
        boolean limited = options.timeLimitSeconds() > 0;
        long end = limited ? start + (long) (options.timeLimitSeconds() * 1e9) : Long.MAX_VALUE;
        double sign = full.mode == Objective.NPV ? 1 : -1;
        listener.message("Decomposition by plant: Lagrangian bound on the " + full.arcs.size() + " arcs");
        long t0 = System.nanoTime();
        NetworkLagrangian lag = new NetworkLagrangian(full, threads(options));
        double buildSeconds = seconds(start);
        List<NetworkLagrangian.Point> window = new ArrayList<>();
        NetworkLagrangian.Watcher progress = (it, pt, best) -> {
            if (it % WINDOW_EVERY == 0) {
                window.add(pt);
                if (window.size() > WINDOW) {
                    window.remove(0);
                }
            }
            if (it % 50 == 0) {
                listener.message(String.format(
                        Locale.ROOT, "Lagrangian step %d: bound %.6e (%.1f s)", it, sign * best, seconds(t0)));
            }
            return true;
        };
        double gapAim = options.relativeGap() / 4;
        boolean priceFirst = full.arcs.size() <= pricesUpTo;
        double[] y0 = priceFirst
                ? prices(full, lag, settings, rest, listener, share(start, end, 0.3))
                : flowPrices(lag, options, listener, share(start, end, 0.1));
        NetworkLagrangian.Descent first =
                lag.descend(y0, Double.NaN, gapAim, MAX_STEPS, share(start, end, priceFirst ? 0.55 : 0.4), progress);
        if (first.bound() == Double.POSITIVE_INFINITY || first.point() == null) {
            Plan p = Optimizer.solve(full, settings, rest, listener, start);
            return Optimizer.withNotes(p, "no decomposition: a plant has no path its statuses and decisions allow");
        }
        long p0 = System.nanoTime();
        Plan plan = fixedPlan(full, lag, consensus(lag, window, first.point()), settings, rest, listener, end);
        long planNanos = System.nanoTime() - p0;
        buildSeconds += plan.buildSeconds();
        double bound = first.bound();
        int steps = first.iterations();
        if (plan.status().hasPlan()
                && closed(sign * plan.objective(), bound, options.relativeGap())
                && (end == Long.MAX_VALUE || planNanos < (end - start) / CHEAP)) {
            // the gap asked for is met, but where a plan is cheap the lean choice is tried as well:
            // LL (120 s limit, 1 % asked) 0.36 % with it, 0.73 % without
            Plan lean = fixedPlan(full, lag, leanConsensus(lag, window, first.point()), settings, rest, listener, end);
            buildSeconds += lean.buildSeconds();
            plan = better(plan, lean, sign);
        }
        if (plan.status().hasPlan() && !closed(sign * plan.objective(), bound, options.relativeGap())) {
            // the second descent leaves time for a second plan where the first one's time fits
            // before the end; otherwise it runs to the end and the first plan stands
            long now = System.nanoTime();
            boolean again = end == Long.MAX_VALUE || end - (long) (1.3 * planNanos) > now + (end - start) / 10;
            long secondEnd = end == Long.MAX_VALUE ? end : again ? end - (long) (1.3 * planNanos) : end;
            NetworkLagrangian.Descent second =
                    lag.descend(first.y(), sign * plan.objective(), gapAim, MAX_STEPS, secondEnd, progress);
            steps += second.iterations();
            bound = Math.min(bound, second.bound());
            if (again && second.point() != null) {
                // the first plan runs every plant-year two of the window's points ran; the second
                // a leaner choice, better where the first ran more plants than the flows need
                Plan other =
                        fixedPlan(full, lag, leanConsensus(lag, window, second.point()), settings, rest, listener, end);
                buildSeconds += other.buildSeconds();
                plan = better(plan, other, sign);
            }
        }
        double lagSeconds = seconds(t0);
        String summary = String.format(
                Locale.ROOT,
                "decomposition: Lagrangian bound %.6e after %d steps, plan from the plants' paths (%.1f s in all)",
                sign * bound,
                steps,
                lagSeconds);
        double gap = plan.status().hasPlan()
                ? Math.abs(plan.objective() - sign * bound) / Math.max(1, Math.abs(plan.objective()))
                : Double.NaN;
        boolean proven = gap <= options.relativeGap() + 1e-12;
        // with a plan in hand, the full model is tried only with a fifth of the time limit left: a
        // MILP given seconds still builds its model and starts HiGHS, which does not always stop at
        // its limit (LL: HiGHS given 19 s took 61 s, through OR-Tools' request or its own option)
        boolean fullWanted = !proven && full.arcs.size() <= Optimizer.FULL_AFTER_COLUMNS;
        long left = end - System.nanoTime();
        boolean timeForFull = !limited || left > 0 && (!plan.status().hasPlan() || left >= (end - start) / 5);
        if (fullWanted && !timeForFull) {
            summary += String.format(
                    Locale.ROOT, "; the full model was not solved: %.1f s of the limit left", Math.max(0, left / 1e9));
        }
        if (fullWanted && timeForFull) {
            listener.message("The bound leaves a gap above the one asked for: solving the full model");
            Plan whole = Optimizer.solve(
                    full, settings, Optimizer.timeLeft(rest, options, start), listener, System.nanoTime());
            summary += plan.status().hasPlan()
                    ? String.format(
                            Locale.ROOT,
                            "; its plan was %.3g %% from the bound, so the full model was solved",
                            100 * gap)
                    : "; the plants' paths gave no plan, so the full model was solved";
            if (!plan.status().hasPlan()
                    || whole.status().hasPlan() && sign * whole.objective() >= sign * plan.objective()) {
                if (!whole.status().hasPlan() || whole.status() == SolveStatus.OPTIMAL) {
                    return Optimizer.withNotes(whole, summary);
                }
                // the full model's plan, rated by the tighter of its bound and the Lagrangian's
                double b = Double.isNaN(whole.bestBound()) ? bound : Math.min(bound, sign * whole.bestBound());
                double g = Math.abs(whole.objective() - sign * b) / Math.max(1, Math.abs(whole.objective()));
                List<String> notes = new ArrayList<>(whole.notes());
                notes.add(summary);
                return Optimizer.restated(
                        whole,
                        g <= options.relativeGap() + 1e-12 ? SolveStatus.OPTIMAL : whole.status(),
                        sign * b,
                        g,
                        whole.buildSeconds(),
                        notes);
            }
            if (!Double.isNaN(whole.bestBound())) {
                bound = Math.min(bound, sign * whole.bestBound());
            }
            gap = Math.abs(plan.objective() - sign * bound) / Math.max(1, Math.abs(plan.objective()));
            proven = gap <= options.relativeGap() + 1e-12;
        }
        if (!plan.status().hasPlan()) {
            // the fixed paths gave no plan; that says nothing of the network's own feasibility
            return Optimizer.planless(
                    limited && System.nanoTime() >= end ? SolveStatus.TIME_LIMIT : SolveStatus.ERROR,
                    full,
                    options.backend(),
                    sign * bound,
                    buildSeconds,
                    seconds(start) - buildSeconds,
                    null,
                    List.of(summary + "; the flows with the plants' paths fixed had no solution (" + plan.status()
                            + ")"));
        }
        List<String> notes = new ArrayList<>(plan.notes());
        notes.add(summary);
        SolveStatus status = proven ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
        return Optimizer.restated(plan, status, sign * bound, gap, buildSeconds, seconds(start) - buildSeconds, notes);
    }

    /** {@code other} where it is a plan better than {@code kept} (sign: 1 to maximise, −1 to minimise), else {@code kept}. */
    private static Plan better(Plan kept, Plan other, double sign) {
        return other.status().hasPlan() && sign * other.objective() > sign * kept.objective() ? other : kept;
    }

    /** The points whose plant decisions make the plan's: one in {@link #WINDOW_EVERY} steps, the last this many. */
    static final int WINDOW = 400;

    /** A descent's steps between two points of the window. */
    static final int WINDOW_EVERY = 5;

    /**
     * The plant decisions of the plan: a plant-year runs if it ran at {@link #RUNS} of the window's
     * points at least (the subproblem at any one point runs too few: on LL, 6.44e11 from the best
     * point against 6.60e11 from the last 100 points at 10 %, with the best plan known 6.74e11),
     * and is otherwise as at the best point (idle where that point runs it); a platform is tooled
     * from the first year any of those points tooled it. A plant whose path this makes one its
     * rules forbid keeps the best point's path. The plan's flows then leave the plant-years they do
     * not need ({@link #trim}). Measured on XL (one descent of 1,300 steps, plans from its points;
     * bound 8.8650e12): the last 100 steps' points at a share of 10 % run 4,214 plant-years, 1.43 %
     * below the bound (1.44 % from the 100 before step 900); at 2 %, 4,239 and 1.39 %; one point in
     * five of the last 1,000 steps at 2 %, 4,322 and 1.09 %; one in five of all 1,300 at two
     * points, 4,675 and 0.85 % (the plan's LPs 398 s of LP against 310 s); one in six of the last
     * 600 at 30 %, 4,118 and 1.89 %. More plants cost more fixed cost than the flows need, but
     * the flows leave those unused, and the trimming idles them.
     */
    static NetworkLagrangian.Point consensus(
            NetworkLagrangian lag, java.util.Collection<NetworkLagrangian.Point> window, NetworkLagrangian.Point best) {
        return consensus(lag, window, Math.min(RUNS, Math.max(1, window.size())), best);
    }

    /**
     * The plant decisions of a second plan, leaner than {@link #consensus}'s: a plant-year runs if
     * it ran at {@link #LEAN_SHARE} of the points of the last {@link #LEAN_STEPS} steps. On LL over
     * twelve years (plans from the same descent's points) this plan is 0.46 % below the bound and
     * {@link #consensus}'s 0.66 %; on XL 1.89 % and 0.85 %.
     */
    static NetworkLagrangian.Point leanConsensus(
            NetworkLagrangian lag, java.util.List<NetworkLagrangian.Point> window, NetworkLagrangian.Point best) {
        List<NetworkLagrangian.Point> last =
                window.subList(Math.max(0, window.size() - LEAN_STEPS / WINDOW_EVERY), window.size());
        return consensus(lag, last, Math.max(1, (int) Math.ceil(LEAN_SHARE * last.size())), best);
    }

    /** The steps whose points make the lean plan. */
    static final int LEAN_STEPS = 600;

    /** The share of the lean plan's points at which a plant-year must run to run in it. */
    static final double LEAN_SHARE = 0.3;

    private static NetworkLagrangian.Point consensus(
            NetworkLagrangian lag,
            java.util.Collection<NetworkLagrangian.Point> window,
            int needed,
            NetworkLagrangian.Point best) {
        FrozenNetwork f = lag.f;
        int[][] states = new int[f.nP][];
        int[][] tools = new int[f.nP][];
        for (int p = 0; p < f.nP; p++) {
            int[] st = new int[f.nT];
            int[] tl = new int[f.nT];
            for (int t = 0; t < f.nT; t++) {
                int runs = 0;
                for (NetworkLagrangian.Point pt : window) {
                    runs += pt.state()[p][t] == Lagrangian.RUN ? 1 : 0;
                    tl[t] |= pt.tools()[p][t];
                }
                int at = best.state()[p][t];
                st[t] = runs >= needed ? Lagrangian.RUN : at == Lagrangian.RUN ? Lagrangian.IDLE : at;
                if (t > 0) {
                    tl[t] |= tl[t - 1];
                }
            }
            boolean ok = !window.isEmpty() && lag.allows(p, st, tl);
            states[p] = ok ? st : best.state()[p];
            tools[p] = ok ? tl : best.tools()[p];
        }
        return new NetworkLagrangian.Point(best.bound(), null, states, tools, null);
    }

    /** The window's points at which a plant-year must run to run in the plan (all of them in a smaller window). */
    static final int RUNS = 2;

    /**
     * A plan is cheap if it takes less than this share of the time limit (one over it): then a
     * second, leaner one is made even when the first meets the gap asked for.
     */
    static final int CHEAP = 20;

    /** Subgradient steps a descent takes at most. */
    static final int MAX_STEPS = 5000;

    private static boolean closed(double plan, double bound, double gap) {
        return bound - plan <= gap * Math.max(1, Math.abs(plan));
    }

    private static long share(long start, long end, double part) {
        return end == Long.MAX_VALUE ? Long.MAX_VALUE : start + (long) ((end - start) * part);
    }

    /**
     * The plan with every plant's states and tooling as the subproblem chose them at {@code point},
     * its flows solved on the arcs {@link #keep} selects.
     */
    static Plan fixedPlan(
            FrozenNetwork full,
            NetworkLagrangian lag,
            NetworkLagrangian.Point point,
            Formulation.Settings settings,
            SolveOptions options,
            SolveListener listener,
            long end) {
        BitSet keep = keep(full, lag, point);
        FrozenNetwork restricted = full.restrict(keep);
        listener.message(String.format(
                Locale.ROOT,
                "Flows with the plants' paths fixed, on %d of %d arcs",
                keep.cardinality(),
                full.arcs.size()));
        Formulation.Settings flows = new Formulation.Settings(
                false, settings.without(Formulation.Family.STRENGTH).families());
        if (full.arcs.size() > sliceAbove) {
            return byYear(restricted, lag, point, flows, options, listener, end);
        }
        // with every integer fixed the model is the LP of the flows: solved as one
        SolveOptions o = options;
        if (end != Long.MAX_VALUE) {
            o = options.withTimeLimit(Math.max(1, (end - System.nanoTime()) / 1e9));
        }
        return Optimizer.solve(
                restricted,
                flows,
                o,
                listener,
                System.nanoTime(),
                form -> fix(form, lag, point, 0, full.nT),
                (form, x, notes) -> trim(lag, form, x, notes, listener));
    }

    /** Above this many arcs the flows of a fixed plan are solved year by year. */
    static int sliceAbove = Optimizer.FULL_AFTER_COLUMNS;

    /** Fixes the plants' states and tooling of years [from, from + years) of {@code point} in a model of those years. */
    private static void fix(
            Formulation form, NetworkLagrangian lag, NetworkLagrangian.Point point, int from, int years) {
        for (int p = 0; p < lag.f.nP; p++) {
            for (int y = 0; y < years; y++) {
                int t = from + y;
                int st = point.state()[p][t];
                double run = st == Lagrangian.RUN ? 1 : 0;
                double idle = st == Lagrangian.IDLE ? 1 : 0;
                double closed = st == Lagrangian.CLOSED ? 1 : 0;
                form.run[p][y].setBounds(run, run);
                form.idle[p][y].setBounds(idle, idle);
                form.closed[p][y].setBounds(closed, closed);
                int[] opts = lag.options[p];
                for (int o = 0; o < opts.length; o++) {
                    double on = (point.tools()[p][t] & (1 << o)) != 0 ? 1 : 0;
                    form.tool[p][opts[o]][y].setBounds(on, on);
                }
            }
        }
    }

    /**
     * Makes a plan's plants leaner where its flows allow, in place: each plant's path becomes the
     * cheapest its rules allow that still runs in every year the plant builds in and tools every
     * platform it builds on that year. A plant-year the flows left without output goes idle (or
     * closes, where that costs less), a platform tooled and never used is tooled later or not at
     * all. The flows stay as they are and stay optimal, for the plants they need still run; only
     * the plants' own costs change, never up (were the objective to fall, every change is undone).
     *
     * @param form the model of the plan's flows, of all years, its plants indexed as {@code lag}'s
     * @param x the plan's values, by the solver's variable index
     * @param notes where a note of the plants changed and the objective gained goes (none if none)
     */
    static void trim(NetworkLagrangian lag, Formulation form, double[] x, List<String> notes, SolveListener listener) {
        FrozenNetwork f = form.f;
        boolean[][] builds = new boolean[f.nP][f.nT];
        int[][] uses = new int[f.nP][f.nT];
        for (Arc a : f.arcs) {
            MPVariable v = form.flow[a.index()];
            if (v == null || x[v.index()] <= BUILDS) {
                continue;
            }
            int p = a.plant();
            int t = a.year();
            builds[p][t] = true;
            int o = lag.slot[p][f.productPlatform[a.product()]];
            if (o >= 0) {
                uses[p][t] |= 1 << o;
            }
        }
        double sign = f.mode == Objective.NPV ? 1 : -1;
        double before = form.objectiveOf(x);
        Map<Integer, Double> undo = new java.util.HashMap<>();
        int changed = 0;
        for (int p = 0; p < f.nP; p++) {
            int[][] lean = lag.leanestPath(p, builds[p], uses[p]);
            if (lean == null) {
                continue;
            }
            int[] states = lean[0];
            int[] tools = lean[1];
            boolean differs = false;
            for (int t = 0; t < f.nT && !differs; t++) {
                differs = states[t] != stateIn(form, x, p, t) || tools[t] != toolsIn(form, lag, x, p, t);
            }
            if (!differs) {
                continue;
            }
            changed++;
            int prior = Lagrangian.stateIndex(f.priorStatus[p]);
            for (int t = 0; t < f.nT; t++) {
                int st = states[t];
                int was = t == 0 ? prior : states[t - 1];
                set(x, form.run[p][t], st == Lagrangian.RUN ? 1 : 0, undo);
                set(x, form.idle[p][t], st == Lagrangian.IDLE ? 1 : 0, undo);
                set(x, form.closed[p][t], st == Lagrangian.CLOSED ? 1 : 0, undo);
                // as the LP sets them: at 1 where paid for (a negative cost), else at their rows' least
                boolean closes = st == Lagrangian.CLOSED && was != Lagrangian.CLOSED;
                boolean reopens = st == Lagrangian.RUN && was != Lagrangian.RUN;
                set(x, form.closes[p][t], f.closureCost[p][t] < 0 || closes ? 1 : 0, undo);
                set(x, form.reopens[p][t], f.reopeningCost[p][t] < 0 || reopens ? 1 : 0, undo);
                int[] opts = lag.options[p];
                for (int o = 0; o < opts.length; o++) {
                    set(x, form.tool[p][opts[o]][t], (tools[t] & (1 << o)) != 0 ? 1 : 0, undo);
                }
            }
        }
        if (changed == 0) {
            return;
        }
        double after = form.objectiveOf(x);
        if (sign * after < sign * before - 1e-9 * Math.max(1, Math.abs(before))) {
            undo.forEach((i, v) -> x[i] = v);
            return;
        }
        String note = String.format(
                Locale.ROOT,
                "%d plants' paths made leaner where the flows left a plant-year or a platform unused (objective %+.6g)",
                changed,
                after - before);
        notes.add(note);
        listener.message(note);
    }

    /** A flow above this many vehicles makes its plant-year run. */
    private static final double BUILDS = 1e-9;

    private static void set(double[] x, MPVariable v, double value, Map<Integer, Double> undo) {
        if (v != null) {
            undo.putIfAbsent(v.index(), x[v.index()]);
            x[v.index()] = value;
        }
    }

    /** Plant p's state in year t at values x. */
    private static int stateIn(Formulation form, double[] x, int p, int t) {
        if (x[form.run[p][t].index()] > 0.5) {
            return Lagrangian.RUN;
        }
        return x[form.idle[p][t].index()] > 0.5 ? Lagrangian.IDLE : Lagrangian.CLOSED;
    }

    /** Plant p's option bits tooled in year t at values x. */
    private static int toolsIn(Formulation form, NetworkLagrangian lag, double[] x, int p, int t) {
        int bits = 0;
        int[] opts = lag.options[p];
        for (int o = 0; o < opts.length; o++) {
            MPVariable v = form.tool[p][opts[o]][t];
            if (v != null && x[v.index()] > 0.5) {
                bits |= 1 << o;
            }
        }
        return bits;
    }

    /**
     * The flows of a fixed plan solved year by year (CLP, one year per thread at a time), put
     * together into the model of all years by the variables' names, and read as one plan.
     */
    private static Plan byYear(
            FrozenNetwork restricted,
            NetworkLagrangian lag,
            NetworkLagrangian.Point point,
            Formulation.Settings flows,
            SolveOptions options,
            SolveListener listener,
            long end) {
        long begin = System.nanoTime();
        int nT = restricted.nT;
        Map<String, Double> values = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        double[] lpSeconds = new double[nT];
        eachYear(nT, threads(options), t -> {
            PlantStatus[] prior = new PlantStatus[restricted.nP];
            for (int p = 0; p < restricted.nP; p++) {
                prior[p] = t == 0 ? restricted.priorStatus[p] : Lagrangian.status(point.state()[p][t - 1]);
            }
            FrozenNetwork year = restricted.year(t, prior);
            MPSolver solver = MPSolver.createSolver(LP_SOLVER);
            try {
                Formulation form = Formulation.build(year, solver, flows);
                fix(form, lag, point, t, 1);
                if (end != Long.MAX_VALUE) {
                    solver.setTimeLimit(Math.max(1000, (end - System.nanoTime()) / 1_000_000));
                }
                long t0 = System.nanoTime();
                MPSolver.ResultStatus st = solver.solve();
                lpSeconds[t] = (System.nanoTime() - t0) / 1e9;
                if (st != MPSolver.ResultStatus.OPTIMAL) {
                    failures.add(year.firstYear + ": " + st);
                    return;
                }
                for (MPVariable v : form.variables()) {
                    // the years are put together by name: a name twice would mix two variables
                    if (values.put(v.name(), v.solutionValue()) != null) {
                        failures.add(year.firstYear + ": the variable name " + v.name() + " is not unique");
                        return;
                    }
                }
                listener.message(String.format(
                        Locale.ROOT,
                        "Flows of %d solved (%d arcs, LP %.1f s); %d of %d years",
                        year.firstYear,
                        year.arcs.size(),
                        lpSeconds[t],
                        done.incrementAndGet(),
                        nT));
            } finally {
                solver.delete();
            }
        });
        double solveSeconds = (System.nanoTime() - begin) / 1e9;
        if (!failures.isEmpty()) {
            boolean late = end != Long.MAX_VALUE && System.nanoTime() >= end;
            return Optimizer.planless(
                    late ? SolveStatus.TIME_LIMIT : SolveStatus.ERROR,
                    restricted,
                    options.backend(),
                    Double.NaN,
                    0,
                    solveSeconds,
                    null,
                    List.of("the flows of a year had no optimum with the plants' paths fixed: " + failures));
        }
        // the model of all years, not solved: its variables take the years' values by name
        listener.message("Reading the plan of all years");
        long b0 = System.nanoTime();
        MPSolver solver = MPSolver.createSolver(LP_SOLVER);
        try {
            Formulation form = Formulation.build(restricted, solver, flows);
            double buildSeconds = (System.nanoTime() - b0) / 1e9;
            List<MPVariable> vars = form.variables();
            double[] x = new double[vars.size()];
            List<String> missing = new ArrayList<>();
            for (MPVariable v : vars) {
                Double value = values.get(v.name());
                if (value == null) {
                    missing.add(v.name());
                } else {
                    x[v.index()] = value;
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("variables of the horizon that no year has: "
                        + missing.subList(0, Math.min(5, missing.size())));
            }
            List<String> notes = new ArrayList<>();
            trim(lag, form, x, notes, listener);
            double objective = form.objectiveOf(x);
            SolutionReader reader = new SolutionReader(form, x);
            double lp = 0;
            for (double s : lpSeconds) {
                lp += s;
            }
            notes.add(String.format(
                    Locale.ROOT,
                    "flows solved year by year with the plants' paths fixed (%d LPs, %.1f s of LP); no shadow prices",
                    nT,
                    lp));
            return reader.plan(
                    SolveStatus.OPTIMAL,
                    options.backend().word(),
                    objective,
                    objective,
                    0,
                    buildSeconds,
                    solveSeconds,
                    form.size(),
                    null,
                    notes,
                    Why.NONE);
        } finally {
            solver.delete();
        }
    }

    /** The LP solver of the years: CLP (on LL's LP relaxation 14 s against HiGHS's 39 s). */
    static final String LP_SOLVER = "CLP";

    /**
     * Demand prices to start the descent from: each year's LP relaxation without the rows for
     * strength (a plant's fixed cost spread over its capacity), on the {@link #PER_CELL} best arcs a
     * demand cell among every plant, the plants' prior statuses before each year; a demand row's
     * dual, in the maximisation sense, is its cell's multiplier (any multipliers give a bound; these
     * give a closer one sooner). Measured: the descent from them comes within 0.35 % of L's optimum
     * in 1,000 steps and 0.33 % of M's, against 0.65 % and 2.5 % from {@link NetworkLagrangian#start}.
     * Cells of a year whose LP does not end by {@code end} keep their start values.
     */
    static double[] prices(
            FrozenNetwork full,
            NetworkLagrangian lag,
            Formulation.Settings settings,
            SolveOptions options,
            SolveListener listener,
            long end) {
        double[] y = lag.start();
        FrozenNetwork restricted = full.restrict(keep(full, lag, null));
        Formulation.Settings weak = new Formulation.Settings(
                false, settings.without(Formulation.Family.STRENGTH).families());
        double sign = full.mode == Objective.NPV ? 1 : -1;
        int nT = full.nT;
        AtomicInteger priced = new AtomicInteger();
        eachYear(nT, threads(options), t -> {
            if (System.nanoTime() >= end) {
                return;
            }
            FrozenNetwork year = restricted.year(t, restricted.priorStatus);
            MPSolver solver = MPSolver.createSolver(LP_SOLVER);
            try {
                Formulation form = Formulation.build(year, solver, weak);
                if (end != Long.MAX_VALUE) {
                    solver.setTimeLimit(Math.max(1000, (end - System.nanoTime()) / 1_000_000));
                }
                long t0 = System.nanoTime();
                if (solver.solve() != MPSolver.ResultStatus.OPTIMAL) {
                    return;
                }
                for (int m = 0; m < year.nM; m++) {
                    for (int k = 0; k < year.nK; k++) {
                        MPConstraint row = form.demandRow[m][k][0];
                        if (row != null) {
                            y[lag.cell(m, k, t)] = sign * row.dualValue();
                        }
                    }
                }
                listener.message(String.format(
                        Locale.ROOT,
                        "Demand prices of %d from its LP (%d arcs, %.1f s); %d of %d years",
                        year.firstYear,
                        year.arcs.size(),
                        (System.nanoTime() - t0) / 1e9,
                        priced.incrementAndGet(),
                        nT));
            } finally {
                solver.delete();
            }
        });
        return y;
    }

    /**
     * Demand prices to start the descent from on networks too big for the years' LPs: each year's
     * transportation problem ({@link FlowPrices}). Measured: XL's L there is 9.52e12 against 1.06e13
     * at {@link NetworkLagrangian#start}, in 22 to 52 s for the twelve years; LL's descent from them comes
     * to 6.790e11 in 1,000 steps, against 7.02e11 from the start and 6.771e11 from the LPs' prices.
     */
    private static double[] flowPrices(
            NetworkLagrangian lag, SolveOptions options, SolveListener listener, long deadline) {
        long t0 = System.nanoTime();
        FlowPrices.Priced priced = FlowPrices.of(lag, threads(options), deadline);
        listener.message(String.format(
                Locale.ROOT,
                "Demand prices from each year's flows: %d of %d years (%.1f s)",
                priced.years(),
                lag.f.nT,
                seconds(t0)));
        return priced.y();
    }

    /** Runs {@code work} for the years 0 to nT − 1 on (at most) {@code threads} threads, and waits. */
    static void eachYear(int nT, int threads, java.util.function.IntConsumer work) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Math.min(threads, nT)));
        try {
            pool.submit(() -> IntStream.range(0, nT).parallel().forEach(work)).join();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The arcs of plants that run, on platforms tooled, that year at {@code point}: all of them. With
     * no point (every plant and platform): per demand cell the {@link #PER_CELL} of best margin, and
     * all of a plant with a minimum output that year.
     */
    static BitSet keep(FrozenNetwork f, NetworkLagrangian lag, NetworkLagrangian.Point point) {
        double[] margin = lag.margins();
        boolean[][] output = new boolean[f.nP][f.nT];
        for (FrozenNetwork.CommitmentRow c : f.commitments) {
            if (!Double.isNaN(c.minOutput())) {
                output[c.plant()][c.year()] = true;
            }
        }
        BitSet keep = new BitSet(f.arcs.size());
        // without a point, per cell the best PER_CELL usable arcs: a small sorted list per cell, filled arc by arc
        int cells = point != null ? 0 : f.nM * f.nK * f.nT;
        int[] chosen = new int[cells * PER_CELL];
        java.util.Arrays.fill(chosen, -1);
        for (Arc a : f.arcs) {
            int i = a.index();
            int p = a.plant();
            int t = a.year();
            if (!(margin[i] > Double.NEGATIVE_INFINITY) || point != null && point.state()[p][t] != Lagrangian.RUN) {
                continue;
            }
            int o = lag.slot[p][f.productPlatform[a.product()]];
            if (point != null && o >= 0 && (point.tools()[p][t] & (1 << o)) == 0) {
                continue;
            }
            if (output[p][t] || point != null) {
                keep.set(i);
            }
            if (point != null) {
                continue;
            }
            int base = lag.arcCell[i] * PER_CELL;
            int j = PER_CELL - 1;
            if (chosen[base + j] >= 0 && margin[chosen[base + j]] >= margin[i]) {
                continue;
            }
            while (j > 0 && (chosen[base + j - 1] < 0 || margin[chosen[base + j - 1]] < margin[i])) {
                chosen[base + j] = chosen[base + j - 1];
                j--;
            }
            chosen[base + j] = i;
        }
        for (int c : chosen) {
            if (c >= 0) {
                keep.set(c);
            }
        }
        return keep;
    }

    /** The threads to use: those asked for, or every core (0, the solvers' default). */
    static int threads(SolveOptions options) {
        return options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
