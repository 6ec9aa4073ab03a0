package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.model.Ban;
import footprint.model.ComponentPlant;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.Objective;
import footprint.model.Plant;
import footprint.model.PlantStatus;
import footprint.model.Product;
import footprint.model.ToolingOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariants every solved plan keeps, checked against the network itself (not the frozen
 * model the optimiser built), so that a mistake in freezing shows up here.
 */
final class PlanInvariants {
    private static final double TOL = 1e-5;

    private PlanInvariants() {}

    static void check(Network n, Plan plan) {
        assertThat(plan.status().hasPlan())
                .as("status %s has a plan", plan.status())
                .isTrue();
        kpisAddUp(n, plan);
        boundNoWorse(n, plan);
        flowsAreAllowed(n, plan);
        capacityHolds(n, plan);
        demandHolds(n, plan);
        componentsHold(n, plan);
    }

    static void kpisAddUp(Network n, Plan plan) {
        double scale = Math.max(1, Math.abs(plan.objective()));
        assertThat(plan.kpis().objective(n.objective()))
                .as("KPIs add up to the objective")
                .isCloseTo(plan.objective(), within(1e-6 * scale));
        assertThat(plan.kpis().npv())
                .as("npv = revenue - cost")
                .isCloseTo(plan.kpis().revenue() - plan.kpis().cost(), within(1e-6 * scale));
    }

    static void boundNoWorse(Network n, Plan plan) {
        double slack = 1e-6 * Math.max(1, Math.abs(plan.objective()));
        if (n.objective() == Objective.NPV) {
            assertThat(plan.bestBound()).as("bound").isGreaterThanOrEqualTo(plan.objective() - slack);
        } else {
            assertThat(plan.bestBound()).as("bound").isLessThanOrEqualTo(plan.objective() + slack);
        }
    }

    private static boolean covers(Network n, List<String> places, String country) {
        return places.stream().anyMatch(p -> n.placeCovers(p, country));
    }

    static void flowsAreAllowed(Network n, Plan plan) {
        for (Plan.Flow f : plan.flows()) {
            Plant plant = n.plant(f.plant()).orElseThrow();
            Product product = n.product(f.product()).orElseThrow();
            Market market = n.market(f.market()).orElseThrow();
            assertThat(n.lanes().stream()
                            .anyMatch(
                                    l -> l.from().equals(f.plant()) && l.to().equals(f.market()) && l.isOpen(f.year())))
                    .as("an open lane carries %s", f)
                    .isTrue();
            for (Ban b : n.bans()) {
                boolean banned = b.years().contains(f.year())
                        && b.coversVehicle(product.brand(), product.id())
                        && covers(n, b.from(), plant.country())
                        && covers(n, b.to(), market.country());
                assertThat(banned).as("%s is banned by %s", f, b.id()).isFalse();
            }
            String platform = product.platform();
            if (!plant.platforms().contains(platform)) {
                ToolingOption option = plant.toolingFor(platform).orElseThrow();
                assertThat(f.year())
                        .as("lead time of %s", f)
                        .isGreaterThanOrEqualTo(n.horizon().firstYear()
                                + (int) Math.round(option.leadTimeYears().nominal()));
                assertThat(plan.investments().stream()
                                .anyMatch(i -> i.plant().equals(f.plant())
                                        && i.platform().equals(platform)
                                        && i.year() <= f.year()))
                        .as("platform of %s tooled", f)
                        .isTrue();
            }
            assertThat(plan.plant(f.plant(), f.year()).orElseThrow().status())
                    .as("plant of %s runs", f)
                    .isEqualTo(PlantStatus.RUNNING);
        }
        for (Plan.ComponentFlow c : plan.componentFlows()) {
            ComponentPlant cp = n.componentPlant(c.componentPlant()).orElseThrow();
            Plant plant = n.plant(c.plant()).orElseThrow();
            for (Ban b : n.bans()) {
                boolean banned = b.years().contains(c.year())
                        && b.coversComponent(cp.component())
                        && covers(n, b.from(), cp.country())
                        && covers(n, b.to(), plant.country());
                assertThat(banned).as("%s is banned by %s", c, b.id()).isFalse();
            }
            assertThat(n.lanes().stream()
                            .anyMatch(l -> l.from().equals(c.componentPlant())
                                    && l.to().equals(c.plant())
                                    && l.isOpen(c.year())))
                    .as("an open lane carries %s", c)
                    .isTrue();
        }
    }

    static void capacityHolds(Network n, Plan plan) {
        for (Plan.PlantYear py : plan.plants()) {
            Plant plant = n.plant(py.plant()).orElseThrow();
            double output = plan.flows().stream()
                    .filter(f -> f.plant().equals(py.plant()) && f.year() == py.year())
                    .mapToDouble(Plan.Flow::volume)
                    .sum();
            assertThat(py.output()).isCloseTo(output, within(TOL));
            double cap = py.running() ? plant.capacity().nominal(py.year()) : 0;
            assertThat(output).as("output of %s", py).isLessThanOrEqualTo(cap + TOL * Math.max(1, cap));
            for (var e : plant.lineCapacity().entrySet()) {
                double line = plan.flows().stream()
                        .filter(f -> f.plant().equals(py.plant())
                                && f.year() == py.year()
                                && n.product(f.product())
                                        .orElseThrow()
                                        .platform()
                                        .equals(e.getKey()))
                        .mapToDouble(Plan.Flow::volume)
                        .sum();
                double lineCap = e.getValue().nominal(py.year());
                assertThat(line)
                        .as("line %s of %s", e.getKey(), py)
                        .isLessThanOrEqualTo(lineCap + TOL * Math.max(1, lineCap));
            }
        }
    }

    static void demandHolds(Network n, Plan plan) {
        Map<String, Double> served = new HashMap<>();
        for (Plan.Flow f : plan.flows()) {
            served.merge(f.market() + "|" + f.product() + "|" + f.year(), f.volume(), Double::sum);
        }
        Map<String, Double> lost = new HashMap<>();
        for (Plan.LostSale l : plan.lostSales()) {
            lost.merge(l.market() + "|" + l.product() + "|" + l.year(), l.volume(), Double::sum);
        }
        for (Market m : n.markets()) {
            for (Product k : n.products()) {
                for (int year : n.horizon().years().toArray()) {
                    String key = m.id() + "|" + k.id() + "|" + year;
                    double demand = m.demandFor(k.id(), year);
                    double s = served.getOrDefault(key, 0.0);
                    double l = lost.getOrDefault(key, 0.0);
                    double tol = TOL * Math.max(1, demand);
                    assertThat(s + l).as("served + lost of %s", key).isCloseTo(Math.max(0, demand), within(tol));
                    if (n.objective() == Objective.COST && m.lostSalePenalty().isEmpty()) {
                        assertThat(l)
                                .as("lost sales of %s in cost mode without a penalty", key)
                                .isLessThanOrEqualTo(tol);
                    }
                }
            }
        }
    }

    static void componentsHold(Network n, Plan plan) {
        for (ComponentPlant cp : n.componentPlants()) {
            for (int year : n.horizon().years().toArray()) {
                double shipped = plan.componentFlows().stream()
                        .filter(c -> c.componentPlant().equals(cp.id()) && c.year() == year)
                        .mapToDouble(Plan.ComponentFlow::volume)
                        .sum();
                assertThat(shipped).as("shipped by %s in %d", cp.id(), year).isGreaterThanOrEqualTo(-TOL);
            }
        }
        for (Plant plant : n.plants()) {
            for (int year : n.horizon().years().toArray()) {
                for (var c : n.components()) {
                    boolean made = n.componentPlants().stream()
                            .anyMatch(cp -> cp.component().equals(c.id()));
                    if (!made) {
                        continue;
                    }
                    double need = 0;
                    for (Plan.Flow f : plan.flows()) {
                        if (f.plant().equals(plant.id()) && f.year() == year) {
                            var units =
                                    n.product(f.product()).orElseThrow().bom().get(c.id());
                            need += units == null ? 0 : units.nominal() * f.volume();
                        }
                    }
                    double got = plan.componentFlows().stream()
                            .filter(cf -> cf.plant().equals(plant.id())
                                    && cf.year() == year
                                    && cf.component().equals(c.id()))
                            .mapToDouble(Plan.ComponentFlow::volume)
                            .sum();
                    assertThat(got)
                            .as("%s at %s in %d", c.id(), plant.id(), year)
                            .isGreaterThanOrEqualTo(need - TOL * Math.max(1, need));
                }
            }
        }
        // component plant capacity, in the plan's own units (no unit conversion in the test models)
        for (ComponentPlant cp : n.componentPlants()) {
            for (int year : n.horizon().years().toArray()) {
                double shipped = plan.componentFlows().stream()
                        .filter(c -> c.componentPlant().equals(cp.id()) && c.year() == year)
                        .mapToDouble(Plan.ComponentFlow::volume)
                        .sum();
                boolean converted =
                        cp.capacity().figures().stream().anyMatch(f -> f.unit().isPresent());
                if (!converted) {
                    double cap = cp.capacity().nominal(year);
                    assertThat(shipped)
                            .as("capacity of %s in %d", cp.id(), year)
                            .isLessThanOrEqualTo(cap + TOL * Math.max(1, cap));
                }
            }
        }
    }
}
