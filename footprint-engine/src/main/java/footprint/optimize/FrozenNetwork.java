package footprint.optimize;

import footprint.model.Ban;
import footprint.model.Commitment;
import footprint.model.Component;
import footprint.model.ComponentPlant;
import footprint.model.Country;
import footprint.model.Decision;
import footprint.model.Disruption;
import footprint.model.Duty;
import footprint.model.Figure;
import footprint.model.Lane;
import footprint.model.LocalContent;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.Objective;
import footprint.model.Plant;
import footprint.model.PlantStatus;
import footprint.model.Product;
import footprint.model.Series;
import footprint.model.ToolingOption;
import footprint.model.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A {@link Network} frozen into dense integer indices and plain numbers, once, before any row is
 * built: plants {@code p}, products {@code k}, platforms {@code f}, components {@code c}, component
 * plants {@code q}, markets {@code m} and the horizon's years {@code t} (0 for the first year).
 *
 * <p>Every number is valued by one {@code ToDoubleFunction<Figure>} (the nominal value for a plan; a
 * sampled value for risk analysis) and converted to the base currency at that year's exchange rate.
 * Money here is undiscounted and at 100 %: the formulation applies discounting and ownership.
 *
 * <p>Lanes, bans, duties, tooling and plant statuses are resolved here, so that the formulation
 * never looks an id up: {@link #arcs} lists every flow that may exist (plant, product, market,
 * year), {@link #supplyArcs} every component flow (component plant, plant, year).
 */
final class FrozenNetwork {
    /** How a plant holds a platform. */
    enum Tooling {
        /** It cannot build the platform. */
        NONE,
        /** Tooled at the start of the horizon. */
        START,
        /** It could take the platform on, at an investment, after a lead time. */
        OPTION
    }

    /**
     * A possible flow of vehicles: product {@code k} built at plant {@code p} and sold in market
     * {@code m} in year {@code t}, over the cheapest lane open that year.
     *
     * @param freightPerUnit base currency per vehicle
     * @param dutyRate the sum of the duties that apply, as a fraction of the price
     */
    record Arc(int index, int plant, int product, int market, int year, double freightPerUnit, double dutyRate) {}

    /** A possible flow of components from component plant {@code q} to plant {@code p} in year {@code t}. */
    record SupplyArc(int index, int componentPlant, int plant, int year, double freightPerUnit) {}

    /** One local-content row: a rule, a destination market it covers and a year. */
    record LocalRow(String rule, int market, int year, double minShare) {}

    /** One commitment in one year; NaN where the commitment gives no such minimum. */
    record CommitmentRow(String id, int plant, int year, double minOutput, double minJobs) {}

    /**
     * A plant status given by the planner ({@code rule} is "status") or a forced or forbidden
     * decision ({@code rule} is the decision's id), for one year.
     */
    record StateRule(String rule, int plant, int year, PlantStatus status, boolean force) {}

    /** A forced or forbidden tooling decision for one year. */
    record ToolRule(String rule, int plant, int platform, int year, boolean force) {}

    final Network network;
    final Objective mode;
    final String currency;

    // years
    final int nT;
    final int firstYear;
    final double[] discount;

    // plants
    final int nP;
    final String[] plantId;
    final double[] ownership;
    final double[][] capacity;
    final double[][] fixedCost;
    final double[][] idleCost;
    final double[][] closureCost;
    final double[][] reopeningCost;
    final double[] workforce;
    final double[] idleWorkforce;
    final PlantStatus[] priorStatus;
    /** Whether the plant may run in a year at all (no given status or rule says otherwise). */
    final boolean[][] mayRun;

    // platforms and tooling
    final int nF;
    final String[] platformId;
    final Tooling[][] tooling;
    /** First year index at which an optional platform may be used (lead time). */
    final int[][] earliestTooling;
    /** Investment paid in the year a tooling option is first used, base currency. */
    final double[][][] investment;
    /** Whether a platform tooled at the start may be used in a year (a forbid rule may stop it). */
    final boolean[][][] startUsable;
    /** Vehicles a year per plant, platform and year; NaN where no line capacity is given. */
    final double[][][] lineCapacity;

    // products
    final int nK;
    final String[] productId;
    final int[] productPlatform;
    /** Component units per vehicle, [k][c]. */
    final double[][] bom;
    /** Variable cost per vehicle, [p][k][t], base currency. */
    final double[][][] variableCost;

    // components
    final int nC;
    final String[] componentId;
    /** Whether some component plant makes the component (else its supply is not limited). */
    final boolean[] supplied;
    /** The value of one unit of component in local-content rules: the mean unit cost of its makers. */
    final double[][] componentValue;

    // component plants
    final int nQ;
    final String[] componentPlantId;
    final int[] componentOf;
    final int[] componentPlantBloc;
    final double[] componentPlantOwnership;
    final double[][] componentCapacity;
    final double[][] componentUnitCost;
    final double[][] componentFixedCost;

    // markets
    final int nM;
    final String[] marketId;
    final int[] marketBloc;
    final double[][][] demand;
    /** Price per vehicle [m][k][t], base currency; 0 where none is given. */
    final double[][][] price;
    /** Lost-sale penalty [m][t], base currency; NaN where the market has none. */
    final double[][] penalty;

    final int[] plantBloc;
    final List<String> blocs;

    final List<Arc> arcs;
    final List<SupplyArc> supplyArcs;
    /** Arcs an outage stops this time: they exist (the LP keeps its shape) with an upper bound of 0. */
    final BitSet arcStopped;

    final BitSet supplyStopped;
    final List<LocalRow> localRows;
    final List<CommitmentRow> commitments;
    final List<StateRule> stateRules;
    final List<ToolRule> toolRules;

    // groupings of arcs, by dense keys
    final int[][][] arcsByPlantYear;
    final int[][][] arcsByMarketYear;
    final int[][][] supplyByPlantYear;
    final int[][][] supplyByComponentPlantYear;

    private FrozenNetwork(Network n, ToDoubleFunction<Figure> valueOf, Outages outages) {
        this.network = n;
        this.mode = n.objective();
        this.currency = n.currency();
        this.firstYear = n.horizon().firstYear();
        this.nT = n.horizon().size();
        double rate = valueOf.applyAsDouble(n.discountRate());
        discount = new double[nT];
        for (int t = 0; t < nT; t++) {
            discount[t] = Math.pow(1 + rate, -t);
        }

        // ---- places
        Map<String, String> blocOfCountry = new HashMap<>();
        for (Country c : n.countries()) {
            blocOfCountry.put(c.code(), c.bloc());
        }
        List<String> blocList = new ArrayList<>();
        Map<String, Integer> blocIndex = new HashMap<>();
        java.util.function.ToIntFunction<String> blocOf = country -> {
            String bloc = blocOfCountry.getOrDefault(country, country);
            return blocIndex.computeIfAbsent(bloc, b -> {
                blocList.add(b);
                return blocList.size() - 1;
            });
        };
        Places places = new Places(blocOfCountry);

        // ---- indices
        nP = n.plants().size();
        nK = n.products().size();
        nF = n.platforms().size();
        nC = n.components().size();
        nQ = n.componentPlants().size();
        nM = n.markets().size();
        plantId = n.plants().stream().map(Plant::id).toArray(String[]::new);
        productId = n.products().stream().map(Product::id).toArray(String[]::new);
        platformId = n.platforms().stream().map(footprint.model.Platform::id).toArray(String[]::new);
        componentId = n.components().stream().map(Component::id).toArray(String[]::new);
        componentPlantId = n.componentPlants().stream().map(ComponentPlant::id).toArray(String[]::new);
        marketId = n.markets().stream().map(Market::id).toArray(String[]::new);
        Map<String, Integer> plantIx = index(plantId);
        Map<String, Integer> platformIx = index(platformId);
        Map<String, Integer> componentIx = index(componentId);
        Map<String, Integer> componentPlantIx = index(componentPlantId);
        Map<String, Integer> marketIx = index(marketId);

        // ---- plants
        ownership = new double[nP];
        capacity = new double[nP][nT];
        fixedCost = new double[nP][nT];
        idleCost = new double[nP][nT];
        closureCost = new double[nP][nT];
        reopeningCost = new double[nP][nT];
        workforce = new double[nP];
        idleWorkforce = new double[nP];
        priorStatus = new PlantStatus[nP];
        mayRun = new boolean[nP][nT];
        plantBloc = new int[nP];
        tooling = new Tooling[nP][nF];
        earliestTooling = new int[nP][nF];
        investment = new double[nP][nF][nT];
        startUsable = new boolean[nP][nF][nT];
        lineCapacity = new double[nP][nF][nT];
        variableCost = new double[nP][nK][nT];
        productPlatform = new int[nK];
        for (int k = 0; k < nK; k++) {
            productPlatform[k] = require(platformIx, n.products().get(k).platform(), "platform");
        }
        for (int p = 0; p < nP; p++) {
            Plant plant = n.plants().get(p);
            String cur = plant.currency().orElse(currency);
            plantBloc[p] = blocOf.applyAsInt(plant.country());
            ownership[p] = plant.ownership().map(valueOf::applyAsDouble).orElse(1.0);
            workforce[p] = plant.workforce().map(valueOf::applyAsDouble).orElse(0.0);
            idleWorkforce[p] = plant.idleWorkforce().map(valueOf::applyAsDouble).orElse(0.0);
            priorStatus[p] = plant.givenStatus(firstYear).orElse(PlantStatus.RUNNING);
            for (int t = 0; t < nT; t++) {
                int year = firstYear + t;
                double fx = n.fxRate(cur, year, valueOf);
                capacity[p][t] = plant.capacity().valueAt(year, valueOf);
                fixedCost[p][t] = fx * seriesAt(plant.fixedCost(), year, valueOf);
                idleCost[p][t] = fx * seriesAt(plant.idleCost(), year, valueOf);
                closureCost[p][t] =
                        fx * plant.closureCost().map(valueOf::applyAsDouble).orElse(0.0);
                reopeningCost[p][t] =
                        fx * plant.reopeningCost().map(valueOf::applyAsDouble).orElse(0.0);
                mayRun[p][t] = true;
                for (int k = 0; k < nK; k++) {
                    Product product = n.products().get(k);
                    variableCost[p][k][t] = fx
                            * plant.variableCostOf(product.id(), product.platform())
                                    .map(s -> s.valueAt(year, valueOf))
                                    .orElse(0.0);
                }
            }
            for (int f = 0; f < nF; f++) {
                String platform = platformId[f];
                Arrays.fill(lineCapacity[p][f], Double.NaN);
                Series line = plant.lineCapacity().get(platform);
                if (line != null) {
                    for (int t = 0; t < nT; t++) {
                        lineCapacity[p][f][t] = line.valueAt(firstYear + t, valueOf);
                    }
                }
                Optional<ToolingOption> option = plant.toolingFor(platform);
                if (plant.platforms().contains(platform)) {
                    tooling[p][f] = Tooling.START;
                    Arrays.fill(startUsable[p][f], true);
                } else if (option.isPresent()) {
                    tooling[p][f] = Tooling.OPTION;
                    earliestTooling[p][f] = (int) Math.max(
                            0, Math.round(valueOf.applyAsDouble(option.get().leadTimeYears())));
                    for (int t = 0; t < nT; t++) {
                        investment[p][f][t] = n.fxRate(cur, firstYear + t, valueOf)
                                * valueOf.applyAsDouble(option.get().investment());
                    }
                } else {
                    tooling[p][f] = Tooling.NONE;
                }
            }
        }

        // ---- statuses given and decisions forced or forbidden
        List<StateRule> states = new ArrayList<>();
        List<ToolRule> tools = new ArrayList<>();
        for (int p = 0; p < nP; p++) {
            Plant plant = n.plants().get(p);
            for (int t = 0; t < nT; t++) {
                int pp = p;
                int tt = t;
                plant.givenStatus(firstYear + t).ifPresent(s -> states.add(new StateRule("status", pp, tt, s, true)));
            }
        }
        for (Decision d : n.decisions()) {
            int p = require(plantIx, d.plant(), "plant");
            boolean force = d.rule() == Decision.Rule.FORCE;
            for (int t = 0; t < nT; t++) {
                if (!d.years().contains(firstYear + t)) {
                    continue;
                }
                switch (d.action()) {
                    case RUN -> states.add(new StateRule(d.id(), p, t, PlantStatus.RUNNING, force));
                    case IDLE -> states.add(new StateRule(d.id(), p, t, PlantStatus.IDLE, force));
                    case CLOSE -> states.add(new StateRule(d.id(), p, t, PlantStatus.CLOSED, force));
                    case TOOL -> {
                        int f = require(
                                platformIx,
                                d.platform()
                                        .orElseThrow(() -> new IllegalArgumentException(d.id() + " names no platform")),
                                "platform");
                        if (tooling[p][f] == Tooling.START) {
                            if (!force) {
                                startUsable[p][f][t] = false;
                            }
                        } else {
                            tools.add(new ToolRule(d.id(), p, f, t, force));
                        }
                    }
                }
            }
        }
        for (StateRule r : states) {
            if (r.force() ? r.status() != PlantStatus.RUNNING : r.status() == PlantStatus.RUNNING) {
                mayRun[r.plant()][r.year()] = false;
            }
        }
        stateRules = List.copyOf(states);
        toolRules = List.copyOf(tools);

        // ---- components and component plants
        bom = new double[nK][nC];
        for (int k = 0; k < nK; k++) {
            for (var e : n.products().get(k).bom().entrySet()) {
                int c = require(componentIx, e.getKey(), "component");
                String unit = n.components().get(c).unit();
                bom[k][c] = valueOf.applyAsDouble(e.getValue()) * unitFactor(e.getValue(), unit);
            }
        }
        supplied = new boolean[nC];
        componentOf = new int[nQ];
        componentPlantBloc = new int[nQ];
        componentPlantOwnership = new double[nQ];
        componentCapacity = new double[nQ][nT];
        componentUnitCost = new double[nQ][nT];
        componentFixedCost = new double[nQ][nT];
        componentValue = new double[nC][nT];
        int[] makers = new int[nC];
        for (int q = 0; q < nQ; q++) {
            ComponentPlant cp = n.componentPlants().get(q);
            int c = require(componentIx, cp.component(), "component");
            componentOf[q] = c;
            supplied[c] = true;
            makers[c]++;
            componentPlantBloc[q] = blocOf.applyAsInt(cp.country());
            componentPlantOwnership[q] =
                    cp.ownership().map(valueOf::applyAsDouble).orElse(1.0);
            String cur = cp.currency().orElse(currency);
            String unit = n.components().get(c).unit();
            for (int t = 0; t < nT; t++) {
                int year = firstYear + t;
                double fx = n.fxRate(cur, year, valueOf);
                componentCapacity[q][t] = inUnit(cp.capacity(), unit, year, valueOf);
                componentUnitCost[q][t] = fx * seriesAt(cp.unitCost(), year, valueOf);
                componentFixedCost[q][t] = fx * seriesAt(cp.fixedCost(), year, valueOf);
                componentValue[c][t] += componentUnitCost[q][t];
            }
        }
        for (int c = 0; c < nC; c++) {
            for (int t = 0; t < nT; t++) {
                componentValue[c][t] = makers[c] == 0 ? 0 : componentValue[c][t] / makers[c];
            }
        }

        // ---- markets
        marketBloc = new int[nM];
        demand = new double[nM][nK][nT];
        price = new double[nM][nK][nT];
        penalty = new double[nM][nT];
        for (int m = 0; m < nM; m++) {
            Market market = n.markets().get(m);
            marketBloc[m] = blocOf.applyAsInt(market.country());
            String cur = market.currency().orElse(currency);
            for (int t = 0; t < nT; t++) {
                int year = firstYear + t;
                double fx = n.fxRate(cur, year, valueOf);
                penalty[m][t] = market.lostSalePenalty()
                        .map(f -> fx * valueOf.applyAsDouble(f))
                        .orElse(Double.NaN);
                for (int k = 0; k < nK; k++) {
                    Product product = n.products().get(k);
                    demand[m][k][t] = Math.max(0, market.demandFor(product.id(), year, valueOf));
                    price[m][k][t] = fx
                            * product.price()
                                    .lookup(market.id())
                                    .map(s -> s.valueAt(year, valueOf))
                                    .orElse(0.0);
                }
            }
        }
        blocs = List.copyOf(blocList);

        // ---- outages: which plants, lanes and trade relations are out in which years
        Struck struck = new Struck(n, outages, plantIx, componentPlantIx, places);

        // ---- vehicle arcs: lane open, not banned, platform usable, plant may run, demand
        double[][][] laneCost = cheapestLanes(n, plantIx, marketIx, valueOf, null);
        double[][][] laneCostNow = struck.anyLane() ? cheapestLanes(n, plantIx, marketIx, valueOf, struck) : laneCost;
        List<Arc> arcList = new ArrayList<>();
        BitSet stoppedArcs = new BitSet();
        // the products sold in each market-year and the platforms usable at each plant-year, so that
        // the loop below visits arcs rather than every plant, market, year and product (XL: 7 billion)
        int[][][] sold = new int[nM][nT][];
        for (int m = 0; m < nM; m++) {
            for (int t = 0; t < nT; t++) {
                int at = t;
                int mm = m;
                sold[m][t] = java.util.stream.IntStream.range(0, nK)
                        .filter(k -> demand[mm][k][at] > 0)
                        .toArray();
            }
        }
        boolean[][][] usable = new boolean[nP][nT][nF];
        for (int p = 0; p < nP; p++) {
            for (int t = 0; t < nT; t++) {
                for (int pf = 0; pf < nF; pf++) {
                    usable[p][t][pf] = platformUsable(p, pf, t);
                }
            }
        }
        // the bans and duties between two countries, looked up once per pair (XL has 13 million arcs)
        Map<String, List<Ban>> bansBetween = new HashMap<>();
        Map<String, List<Duty>> dutiesBetween = new HashMap<>();
        for (int p = 0; p < nP; p++) {
            Plant plant = n.plants().get(p);
            for (int m = 0; m < nM; m++) {
                Market market = n.markets().get(m);
                String pair = plant.country() + "\n" + market.country();
                List<Ban> bans = bansBetween.computeIfAbsent(
                        pair,
                        x -> n.bans().stream()
                                .filter(b -> places.coversAny(b.from(), plant.country())
                                        && places.coversAny(b.to(), market.country()))
                                .toList());
                List<Duty> duties = dutiesBetween.computeIfAbsent(
                        pair,
                        x -> n.duties().stream()
                                .filter(d -> places.coversAny(d.from(), plant.country())
                                        && places.coversAny(d.to(), market.country()))
                                .toList());
                for (int t = 0; t < nT; t++) {
                    if (Double.isNaN(laneCost[p][m][t]) || !mayRun[p][t]) {
                        continue;
                    }
                    int year = firstYear + t;
                    for (int k : sold[m][t]) {
                        if (!usable[p][t][productPlatform[k]]) {
                            continue;
                        }
                        Product product = n.products().get(k);
                        if (places.banned(bans, plant.country(), market.country(), product, year)) {
                            continue;
                        }
                        double duty =
                                places.dutyRate(duties, plant.country(), market.country(), product, year, valueOf);
                        boolean stopped = struck.plant(p, t)
                                || struck.trade(plant.country(), market.country(), t)
                                || Double.isNaN(laneCostNow[p][m][t]);
                        double freight = Double.isNaN(laneCostNow[p][m][t]) ? laneCost[p][m][t] : laneCostNow[p][m][t];
                        stoppedArcs.set(arcList.size(), stopped);
                        arcList.add(new Arc(arcList.size(), p, k, m, t, freight, duty));
                    }
                }
            }
        }
        arcs = List.copyOf(arcList);
        arcStopped = stoppedArcs;

        // ---- component arcs: lane open, not banned, the plant consumes the component that year
        boolean[][][] consumes = new boolean[nP][nC][nT];
        for (Arc a : arcs) {
            for (int c = 0; c < nC; c++) {
                if (bom[a.product()][c] > 0) {
                    consumes[a.plant()][c][a.year()] = true;
                }
            }
        }
        double[][][] supplyCost = cheapestSupplyLanes(n, componentPlantIx, plantIx, valueOf, null);
        double[][][] supplyCostNow =
                struck.anyLane() ? cheapestSupplyLanes(n, componentPlantIx, plantIx, valueOf, struck) : supplyCost;
        List<SupplyArc> supplyList = new ArrayList<>();
        BitSet stoppedSupply = new BitSet();
        for (int q = 0; q < nQ; q++) {
            ComponentPlant cp = n.componentPlants().get(q);
            for (int p = 0; p < nP; p++) {
                for (int t = 0; t < nT; t++) {
                    if (Double.isNaN(supplyCost[q][p][t]) || !consumes[p][componentOf[q]][t]) {
                        continue;
                    }
                    if (places.bannedComponent(
                            n.bans(), cp.country(), n.plants().get(p).country(), cp.component(), firstYear + t)) {
                        continue;
                    }
                    boolean stopped = struck.componentPlant(q, t)
                            || struck.plant(p, t)
                            || struck.trade(cp.country(), n.plants().get(p).country(), t)
                            || Double.isNaN(supplyCostNow[q][p][t]);
                    double freight =
                            Double.isNaN(supplyCostNow[q][p][t]) ? supplyCost[q][p][t] : supplyCostNow[q][p][t];
                    stoppedSupply.set(supplyList.size(), stopped);
                    supplyList.add(new SupplyArc(supplyList.size(), q, p, t, freight));
                }
            }
        }
        supplyArcs = List.copyOf(supplyList);
        supplyStopped = stoppedSupply;

        // ---- local content, commitments
        List<LocalRow> local = new ArrayList<>();
        for (LocalContent lc : n.localContent()) {
            for (int m = 0; m < nM; m++) {
                String country = n.markets().get(m).country();
                if (lc.to().stream().noneMatch(place -> places.covers(place, country))) {
                    continue;
                }
                for (int t = 0; t < nT; t++) {
                    if (lc.years().contains(firstYear + t)) {
                        local.add(new LocalRow(lc.id(), m, t, valueOf.applyAsDouble(lc.minShare())));
                    }
                }
            }
        }
        localRows = List.copyOf(local);
        List<CommitmentRow> promises = new ArrayList<>();
        for (Commitment c : n.commitments()) {
            int p = require(plantIx, c.plant(), "plant");
            for (int t = 0; t < nT; t++) {
                int at = t;
                if (c.years().contains(firstYear + t)) {
                    promises.add(new CommitmentRow(
                            c.id(),
                            p,
                            t,
                            // force majeure: a plant an outage touches (struck itself, or shipping or
                            // supplied across a struck border or lane) owes no minimum output that year
                            c.minOutput()
                                    .map(f -> struck.touched(p, at) ? 0 : valueOf.applyAsDouble(f))
                                    .orElse(Double.NaN),
                            c.minJobs().map(valueOf::applyAsDouble).orElse(Double.NaN)));
                }
            }
        }
        commitments = List.copyOf(promises);

        // ---- groupings
        arcsByPlantYear = group(
                nP, nT, arcs.size(), i -> arcs.get(i).plant(), i -> arcs.get(i).year());
        arcsByMarketYear = group(
                nM, nT, arcs.size(), i -> arcs.get(i).market(), i -> arcs.get(i).year());
        supplyByPlantYear = group(
                nP,
                nT,
                supplyArcs.size(),
                i -> supplyArcs.get(i).plant(),
                i -> supplyArcs.get(i).year());
        supplyByComponentPlantYear = group(
                nQ,
                nT,
                supplyArcs.size(),
                i -> supplyArcs.get(i).componentPlant(),
                i -> supplyArcs.get(i).year());
    }

    /**
     * The same network with only the vehicle arcs of {@code keep} (indices into {@code full.arcs}),
     * numbered afresh in their order; everything else is shared with {@code full}, not copied. A plan
     * of the restricted network is a plan of the full one (its flows use arcs the full network has).
     */
    private FrozenNetwork(FrozenNetwork full, BitSet keep) {
        this.network = full.network;
        this.mode = full.mode;
        this.currency = full.currency;
        this.nT = full.nT;
        this.firstYear = full.firstYear;
        this.discount = full.discount;
        this.nP = full.nP;
        this.plantId = full.plantId;
        this.ownership = full.ownership;
        this.capacity = full.capacity;
        this.fixedCost = full.fixedCost;
        this.idleCost = full.idleCost;
        this.closureCost = full.closureCost;
        this.reopeningCost = full.reopeningCost;
        this.workforce = full.workforce;
        this.idleWorkforce = full.idleWorkforce;
        this.priorStatus = full.priorStatus;
        this.mayRun = full.mayRun;
        this.nF = full.nF;
        this.platformId = full.platformId;
        this.tooling = full.tooling;
        this.earliestTooling = full.earliestTooling;
        this.investment = full.investment;
        this.startUsable = full.startUsable;
        this.lineCapacity = full.lineCapacity;
        this.nK = full.nK;
        this.productId = full.productId;
        this.productPlatform = full.productPlatform;
        this.bom = full.bom;
        this.variableCost = full.variableCost;
        this.nC = full.nC;
        this.componentId = full.componentId;
        this.supplied = full.supplied;
        this.componentValue = full.componentValue;
        this.nQ = full.nQ;
        this.componentPlantId = full.componentPlantId;
        this.componentOf = full.componentOf;
        this.componentPlantBloc = full.componentPlantBloc;
        this.componentPlantOwnership = full.componentPlantOwnership;
        this.componentCapacity = full.componentCapacity;
        this.componentUnitCost = full.componentUnitCost;
        this.componentFixedCost = full.componentFixedCost;
        this.nM = full.nM;
        this.marketId = full.marketId;
        this.marketBloc = full.marketBloc;
        this.demand = full.demand;
        this.price = full.price;
        this.penalty = full.penalty;
        this.plantBloc = full.plantBloc;
        this.blocs = full.blocs;
        this.supplyArcs = full.supplyArcs;
        this.supplyStopped = full.supplyStopped;
        this.localRows = full.localRows;
        this.commitments = full.commitments;
        this.stateRules = full.stateRules;
        this.toolRules = full.toolRules;
        this.supplyByPlantYear = full.supplyByPlantYear;
        this.supplyByComponentPlantYear = full.supplyByComponentPlantYear;
        List<Arc> kept = new ArrayList<>(keep.cardinality());
        BitSet stopped = new BitSet();
        for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
            Arc a = full.arcs.get(i);
            stopped.set(kept.size(), full.arcStopped.get(i));
            kept.add(new Arc(
                    kept.size(), a.plant(), a.product(), a.market(), a.year(), a.freightPerUnit(), a.dutyRate()));
        }
        this.arcs = List.copyOf(kept);
        this.arcStopped = stopped;
        this.arcsByPlantYear = group(
                nP, nT, arcs.size(), i -> arcs.get(i).plant(), i -> arcs.get(i).year());
        this.arcsByMarketYear = group(
                nM, nT, arcs.size(), i -> arcs.get(i).market(), i -> arcs.get(i).year());
    }

    /**
     * Year t of this network alone, as a network of one year (named as the same year, so that its
     * variables carry the names of year t's variables here), the year before it in the states of
     * {@code prior}. With every plant's states and tooling fixed the years of a model are
     * independent, so the flows of a fixed plan can be solved year by year ({@link Decomposition}).
     * A one-year network pays an optional platform's investment in full in its year; with the tooling
     * fixed that only shifts the objective by a constant.
     */
    FrozenNetwork year(int t, PlantStatus[] prior) {
        return new FrozenNetwork(this, t, prior);
    }

    private FrozenNetwork(FrozenNetwork full, int t, PlantStatus[] prior) {
        this.network = full.network;
        this.mode = full.mode;
        this.currency = full.currency;
        this.nT = 1;
        this.firstYear = full.firstYear + t;
        this.discount = new double[] {full.discount[t]};
        this.nP = full.nP;
        this.plantId = full.plantId;
        this.ownership = full.ownership;
        this.capacity = column(full.capacity, t);
        this.fixedCost = column(full.fixedCost, t);
        this.idleCost = column(full.idleCost, t);
        this.closureCost = column(full.closureCost, t);
        this.reopeningCost = column(full.reopeningCost, t);
        this.workforce = full.workforce;
        this.idleWorkforce = full.idleWorkforce;
        this.priorStatus = prior.clone();
        this.mayRun = new boolean[nP][1];
        for (int p = 0; p < nP; p++) {
            mayRun[p][0] = full.mayRun[p][t];
        }
        this.nF = full.nF;
        this.platformId = full.platformId;
        this.tooling = full.tooling;
        this.earliestTooling = new int[nP][nF];
        for (int p = 0; p < nP; p++) {
            for (int f = 0; f < nF; f++) {
                earliestTooling[p][f] = Math.max(0, full.earliestTooling[p][f] - t);
            }
        }
        this.investment = column(full.investment, t);
        this.startUsable = new boolean[nP][nF][1];
        for (int p = 0; p < nP; p++) {
            for (int f = 0; f < nF; f++) {
                startUsable[p][f][0] = full.startUsable[p][f][t];
            }
        }
        this.lineCapacity = column(full.lineCapacity, t);
        this.nK = full.nK;
        this.productId = full.productId;
        this.productPlatform = full.productPlatform;
        this.bom = full.bom;
        this.variableCost = column(full.variableCost, t);
        this.nC = full.nC;
        this.componentId = full.componentId;
        this.supplied = full.supplied;
        this.componentValue = column(full.componentValue, t);
        this.nQ = full.nQ;
        this.componentPlantId = full.componentPlantId;
        this.componentOf = full.componentOf;
        this.componentPlantBloc = full.componentPlantBloc;
        this.componentPlantOwnership = full.componentPlantOwnership;
        this.componentCapacity = column(full.componentCapacity, t);
        this.componentUnitCost = column(full.componentUnitCost, t);
        this.componentFixedCost = column(full.componentFixedCost, t);
        this.nM = full.nM;
        this.marketId = full.marketId;
        this.marketBloc = full.marketBloc;
        this.demand = column(full.demand, t);
        this.price = column(full.price, t);
        this.penalty = column(full.penalty, t);
        this.plantBloc = full.plantBloc;
        this.blocs = full.blocs;
        List<Arc> arcsOfYear = new ArrayList<>();
        BitSet stopped = new BitSet();
        for (int p = 0; p < nP; p++) {
            for (int i : full.arcsByPlantYear[p][t]) {
                Arc a = full.arcs.get(i);
                stopped.set(arcsOfYear.size(), full.arcStopped.get(i));
                arcsOfYear.add(new Arc(
                        arcsOfYear.size(), a.plant(), a.product(), a.market(), 0, a.freightPerUnit(), a.dutyRate()));
            }
        }
        this.arcs = List.copyOf(arcsOfYear);
        this.arcStopped = stopped;
        List<SupplyArc> supplyOfYear = new ArrayList<>();
        BitSet supplyOff = new BitSet();
        for (SupplyArc s : full.supplyArcs) {
            if (s.year() == t) {
                supplyOff.set(supplyOfYear.size(), full.supplyStopped.get(s.index()));
                supplyOfYear.add(
                        new SupplyArc(supplyOfYear.size(), s.componentPlant(), s.plant(), 0, s.freightPerUnit()));
            }
        }
        this.supplyArcs = List.copyOf(supplyOfYear);
        this.supplyStopped = supplyOff;
        this.localRows = full.localRows.stream()
                .filter(r -> r.year() == t)
                .map(r -> new LocalRow(r.rule(), r.market(), 0, r.minShare()))
                .toList();
        this.commitments = full.commitments.stream()
                .filter(c -> c.year() == t)
                .map(c -> new CommitmentRow(c.id(), c.plant(), 0, c.minOutput(), c.minJobs()))
                .toList();
        this.stateRules = full.stateRules.stream()
                .filter(r -> r.year() == t)
                .map(r -> new StateRule(r.rule(), r.plant(), 0, r.status(), r.force()))
                .toList();
        this.toolRules = full.toolRules.stream()
                .filter(r -> r.year() == t)
                .map(r -> new ToolRule(r.rule(), r.plant(), r.platform(), 0, r.force()))
                .toList();
        this.arcsByPlantYear = group(nP, 1, arcs.size(), i -> arcs.get(i).plant(), i -> 0);
        this.arcsByMarketYear = group(nM, 1, arcs.size(), i -> arcs.get(i).market(), i -> 0);
        this.supplyByPlantYear =
                group(nP, 1, supplyArcs.size(), i -> supplyArcs.get(i).plant(), i -> 0);
        this.supplyByComponentPlantYear =
                group(nQ, 1, supplyArcs.size(), i -> supplyArcs.get(i).componentPlant(), i -> 0);
    }

    /** Column t of a table by year, as a table of one year. */
    private static double[][] column(double[][] byYear, int t) {
        double[][] out = new double[byYear.length][1];
        for (int i = 0; i < byYear.length; i++) {
            out[i][0] = byYear[i][t];
        }
        return out;
    }

    private static double[][][] column(double[][][] byYear, int t) {
        double[][][] out = new double[byYear.length][][];
        for (int i = 0; i < byYear.length; i++) {
            out[i] = column(byYear[i], t);
        }
        return out;
    }

    /** This network with only the vehicle arcs whose indices {@code keep} holds (column generation). */
    FrozenNetwork restrict(BitSet keep) {
        return new FrozenNetwork(this, keep);
    }

    /** Freezes a network with every figure at its nominal value. */
    static FrozenNetwork of(Network network) {
        return of(network, Figure::nominal);
    }

    /** Freezes a network with every figure valued by {@code valueOf}. */
    static FrozenNetwork of(Network network, ToDoubleFunction<Figure> valueOf) {
        return new FrozenNetwork(network, valueOf, Outages.NONE);
    }

    /** Freezes a network valued by {@code valueOf} with the plants, lanes and trade of {@code outages} out. */
    static FrozenNetwork of(Network network, ToDoubleFunction<Figure> valueOf, Outages outages) {
        return new FrozenNetwork(network, valueOf, outages);
    }

    int year(int t) {
        return firstYear + t;
    }

    /** Whether plant p may use platform f in year t (tooled at the start, or an option past its lead time). */
    boolean platformUsable(int p, int f, int t) {
        return switch (tooling[p][f]) {
            case START -> startUsable[p][f][t];
            case OPTION -> t >= earliestTooling[p][f];
            case NONE -> false;
        };
    }

    // ---- helpers of the constructor ------------------------------------------------------------

    private static Map<String, Integer> index(String[] ids) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            m.put(ids[i], i);
        }
        return m;
    }

    private static int require(Map<String, Integer> index, String id, String kind) {
        Integer i = index.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + id + "': validate the model first");
        }
        return i;
    }

    private static double seriesAt(Optional<Series> series, int year, ToDoubleFunction<Figure> valueOf) {
        return series.map(s -> s.valueAt(year, valueOf)).orElse(0.0);
    }

    private static double unitFactor(Figure figure, String unit) {
        return figure.unit().map(u -> Units.factor(u, unit).orElse(1.0)).orElse(1.0);
    }

    /**
     * A component plant's capacity in the component's unit: each anchor figure converted from its
     * own unit (GWh/year to kWh); a growth rate is a fraction and is never converted.
     */
    private static double inUnit(Series series, String unit, int year, ToDoubleFunction<Figure> valueOf) {
        Set<Figure> rates = Collections.newSetFromMap(new IdentityHashMap<>());
        if (series instanceof Series.ByYear by) {
            by.growth().ifPresent(g -> rates.add(g.rate()));
        }
        return series.valueAt(
                year,
                f -> rates.contains(f) ? valueOf.applyAsDouble(f) : valueOf.applyAsDouble(f) * unitFactor(f, unit));
    }

    /** Cost of the cheapest lane open from each plant to each market in each year; NaN where none is. */
    private double[][][] cheapestLanes(
            Network n,
            Map<String, Integer> plantIx,
            Map<String, Integer> marketIx,
            ToDoubleFunction<Figure> valueOf,
            Struck struck) {
        double[][][] cost = new double[nP][nM][nT];
        for (double[][] a : cost) {
            for (double[] b : a) {
                Arrays.fill(b, Double.NaN);
            }
        }
        for (Lane lane : n.lanes()) {
            Integer p = plantIx.get(lane.from());
            Integer m = marketIx.get(lane.to());
            if (p == null || m == null) {
                continue;
            }
            cheapest(lane, cost[p][m], valueOf, struck);
        }
        return cost;
    }

    private double[][][] cheapestSupplyLanes(
            Network n,
            Map<String, Integer> cpIx,
            Map<String, Integer> plantIx,
            ToDoubleFunction<Figure> valueOf,
            Struck struck) {
        double[][][] cost = new double[nQ][nP][nT];
        for (double[][] a : cost) {
            for (double[] b : a) {
                Arrays.fill(b, Double.NaN);
            }
        }
        for (Lane lane : n.lanes()) {
            Integer q = cpIx.get(lane.from());
            Integer p = plantIx.get(lane.to());
            if (q == null || p == null) {
                continue;
            }
            cheapest(lane, cost[q][p], valueOf, struck);
        }
        return cost;
    }

    private void cheapest(Lane lane, double[] byYear, ToDoubleFunction<Figure> valueOf, Struck struck) {
        for (int t = 0; t < nT; t++) {
            int year = firstYear + t;
            // struck is null when choosing which arcs exist at all: outages never remove one
            if (!lane.isOpen(year) || (struck != null && struck.lane(lane.id(), t))) {
                continue;
            }
            double c = seriesAt(lane.costPerUnit(), year, valueOf);
            if (Double.isNaN(byYear[t]) || c < byYear[t]) {
                byYear[t] = c;
            }
        }
    }

    private interface IntOf {
        int of(int i);
    }

    private static int[][][] group(int n1, int n2, int count, IntOf first, IntOf second) {
        int[][] sizes = new int[n1][n2];
        for (int i = 0; i < count; i++) {
            sizes[first.of(i)][second.of(i)]++;
        }
        int[][][] out = new int[n1][n2][];
        for (int a = 0; a < n1; a++) {
            for (int b = 0; b < n2; b++) {
                out[a][b] = new int[sizes[a][b]];
                sizes[a][b] = 0;
            }
        }
        for (int i = 0; i < count; i++) {
            int a = first.of(i);
            int b = second.of(i);
            out[a][b][sizes[a][b]++] = i;
        }
        return out;
    }

    /** The outages of one freezing, indexed: which plants, lanes and trade relations are out when. */
    private final class Struck {
        private final boolean[][] plants;
        /** Plants an outage touches in a year: struck, or shipping or supplied across a struck border or lane. */
        private final boolean[][] touched;

        private final boolean[][] componentPlants;
        private final java.util.Set<String> lanes = new java.util.HashSet<>();
        private final List<Disruption> trade = new ArrayList<>();
        private final List<Integer> tradeYear = new ArrayList<>();
        private final Places places;

        Struck(
                Network n,
                Outages outages,
                Map<String, Integer> plantIx,
                Map<String, Integer> componentPlantIx,
                Places places) {
            this.places = places;
            plants = new boolean[nP][nT];
            touched = new boolean[nP][nT];
            componentPlants = new boolean[nQ][nT];
            for (Outages.Strike s : outages.strikes()) {
                int t = s.year() - firstYear;
                if (t < 0 || t >= nT) {
                    continue;
                }
                Disruption d = s.disruption();
                switch (d.kind()) {
                    case PLANT -> {
                        Integer p = plantIx.get(d.plant().get());
                        Integer q = componentPlantIx.get(d.plant().get());
                        if (p == null && q == null) {
                            throw new IllegalArgumentException("disruption " + d.id() + ": no plant or component plant "
                                    + d.plant().get());
                        }
                        if (p != null) {
                            plants[p][t] = true;
                            touched[p][t] = true;
                        }
                        if (q != null) {
                            componentPlants[q][t] = true;
                        }
                    }
                    case LANE -> {
                        lanes.add(d.lane().get() + "@" + t);
                        for (Lane l : n.lanes()) {
                            Integer p = plantIx.get(l.to());
                            Integer from = plantIx.get(l.from());
                            if (l.id().equals(d.lane().get())) {
                                if (from != null) {
                                    touched[from][t] = true;
                                }
                                if (p != null) {
                                    touched[p][t] = true;
                                }
                            }
                        }
                    }
                    case TRADE -> {
                        trade.add(d);
                        tradeYear.add(t);
                        for (int p = 0; p < nP; p++) {
                            String country = n.plants().get(p).country();
                            if (places.coversAny(d.from(), country) || places.coversAny(d.to(), country)) {
                                touched[p][t] = true;
                            }
                        }
                    }
                }
            }
        }

        boolean anyLane() {
            return !lanes.isEmpty();
        }

        boolean plant(int p, int t) {
            return plants[p][t];
        }

        boolean touched(int p, int t) {
            return touched[p][t];
        }

        boolean componentPlant(int q, int t) {
            return componentPlants[q][t];
        }

        boolean lane(String laneId, int t) {
            return lanes.contains(laneId + "@" + t);
        }

        boolean trade(String fromCountry, String toCountry, int t) {
            for (int i = 0; i < trade.size(); i++) {
                Disruption d = trade.get(i);
                if (tradeYear.get(i) == t
                        && places.coversAny(d.from(), fromCountry)
                        && places.coversAny(d.to(), toCountry)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Matching of trade rules' places (country codes or blocs) against countries. */
    private record Places(Map<String, String> blocOfCountry) {
        boolean covers(String place, String country) {
            return place.equals(country) || place.equals(blocOfCountry.getOrDefault(country, country));
        }

        boolean coversAny(List<String> placesOfRule, String country) {
            for (String place : placesOfRule) {
                if (covers(place, country)) {
                    return true;
                }
            }
            return false;
        }

        boolean banned(List<Ban> bans, String from, String to, Product product, int year) {
            for (Ban b : bans) {
                if (b.years().contains(year)
                        && b.coversVehicle(product.brand(), product.id())
                        && coversAny(b.from(), from)
                        && coversAny(b.to(), to)) {
                    return true;
                }
            }
            return false;
        }

        boolean bannedComponent(List<Ban> bans, String from, String to, String component, int year) {
            for (Ban b : bans) {
                if (b.years().contains(year)
                        && b.coversComponent(component)
                        && coversAny(b.from(), from)
                        && coversAny(b.to(), to)) {
                    return true;
                }
            }
            return false;
        }

        /** The duties that apply add up (a base tariff and an anti-dumping duty both count). */
        double dutyRate(
                List<Duty> duties,
                String from,
                String to,
                Product product,
                int year,
                ToDoubleFunction<Figure> valueOf) {
            double rate = 0;
            for (Duty d : duties) {
                boolean everyVehicle = d.brands().isEmpty() && d.products().isEmpty();
                boolean vehicle = everyVehicle
                        || d.brands().contains(product.brand())
                        || d.products().contains(product.id());
                if (vehicle && d.years().contains(year) && coversAny(d.from(), from) && coversAny(d.to(), to)) {
                    rate += d.rate().valueAt(year, valueOf);
                }
            }
            return rate;
        }
    }
}
