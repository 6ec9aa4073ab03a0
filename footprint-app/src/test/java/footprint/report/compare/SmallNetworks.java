package footprint.report.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small network for comparison and trace tests (solves in well under a second): a French plant
 * (north) and a Russian joint venture (east, in roubles, 70 % owned) build one van for France and
 * Russia, with engines from a component plant, duties both ways, and a crossover north could tool
 * for from 2025; and scenarios of it.
 */
public final class SmallNetworks {
    private SmallNetworks() {}

    public static final String BASE = """
            footprint: 1
            name: Two plants, two markets
            horizon: {from: 2024, to: 2027}
            currency: EUR
            source: assumption
            discount-rate: {low: 6%, high: 10%, mode: 8%, source: "assumption: cost of capital"}
            fx:
              RUB: {low: 0.009, high: 0.012, mode: 0.010, source: "assumption: the rouble"}
            countries:
              FR: {bloc: EU}
              RU: {bloc: EAEU, currency: RUB}
            platforms:
              van: {}
              suv: {}
            components:
              engine: {unit: engine}
            plants:
              north:
                country: FR
                capacity: {value: 1000, source: "seed 000: about 1,000 a year"}
                workforce: {value: 900, source: "seed 000: 900 people"}
                idle-workforce: {low: 50, high: 150, mode: 100}
                fixed-cost: {low: 0.8e6, high: 1.2e6, mode: 1.0e6}
                idle-cost: {low: 0.2e6, high: 0.4e6, mode: 0.3e6}
                reopening-cost: {low: 0.1e6, high: 0.3e6, mode: 0.2e6}
                variable-cost: {low: 9000, high: 11000, mode: 10000}
                platforms: [van]
                tooling:
                  suv: {investment: {low: 0.5e6, high: 1.5e6, mode: 1.0e6}, lead-time: 1}
              east:
                country: RU
                currency: RUB
                ownership: {low: 0.6, high: 0.8, mode: 0.7}
                capacity: {low: 500, high: 700, mode: 600}
                workforce: {low: 300, high: 500, mode: 400}
                idle-workforce: {low: 30, high: 70, mode: 50}
                fixed-cost: {low: 40e6, high: 60e6, mode: 50e6}
                idle-cost: {low: 5e6, high: 15e6, mode: 10e6}
                closure-cost: {low: 20e6, high: 40e6, mode: 30e6}
                reopening-cost: {low: 10e6, high: 30e6, mode: 20e6}
                variable-cost: {low: 550000, high: 650000, mode: 600000}
                platforms: [van]
            products:
              expert:
                brand: Peugeot
                segment: van
                platform: van
                bom: {engine: 1}
                price: {FR: {low: 28000, high: 32000, mode: 30000}, RU: {low: 2.3e6, high: 2.7e6, mode: 2.5e6}}
              crossover:
                brand: Peugeot
                segment: passenger-car
                platform: suv
                price: {FR: {low: 38000, high: 42000, mode: 40000}}
            component-plants:
              motors:
                country: FR
                component: engine
                capacity: {low: 4000, high: 6000, mode: 5000}
                unit-cost: {low: 1800, high: 2200, mode: 2000}
                fixed-cost: {low: 0.05e6, high: 0.15e6, mode: 0.1e6}
            markets:
              FR: {country: FR, demand: {expert: {low: 1100, high: 1300, mode: 1200}, crossover: {2024: 0, 2026: {low: 150, high: 250, mode: 200}}}}
              RU: {country: RU, currency: RUB, demand: {expert: {low: 250, high: 350, mode: 300}}}
            lanes:
              - {from: north, to: FR, cost: {low: 200, high: 400, mode: 300}}
              - {from: north, to: RU, cost: {low: 800, high: 1200, mode: 1000}}
              - {from: east, to: RU, cost: {low: 150, high: 250, mode: 200}}
              - {from: east, to: FR, mode: rail, cost: {low: 800, high: 1000, mode: 900}}
              - {from: motors, to: north, cost: {low: 10, high: 30, mode: 20}}
              - {from: motors, to: east, cost: {low: 100, high: 200, mode: 150}}
            trade:
              duties:
                - {id: eu-to-eaeu, from: EU, to: EAEU, rate: {low: 15%, high: 25%, mode: 20%}}
                - {id: eaeu-to-eu, from: EAEU, to: EU, rate: {low: 8%, high: 12%, mode: 10%}}
            """;

    /** From 2026 Russian vans may not enter the EU and east is forced idle. */
    public static final String PAUSE = """
            footprint: 1
            extends: base.yaml
            name: Pause
            changes:
              - add: trade.bans
                value: {id: no-russian-vans, from: RU, to: EU, brands: [Peugeot], years: 2026-, source: "seed 000: exports paused"}
              - {force: idle, plant: east, years: 2026-, id: east-paused, source: "seed 001: paused"}
            """;

    /** North gets twice the capacity: the French vans move from east to north. */
    public static final String BIGGER_NORTH = """
            footprint: 1
            extends: base.yaml
            name: Bigger north
            changes:
              - set: plants[north].capacity
                to: {value: 2000, source: "assumption: a second shift"}
            """;

    /** Writes the base model as base.yaml and the scenarios beside it; returns the folder. */
    public static Path write(Path dir) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Files.writeString(dir.resolve("pause.yaml"), PAUSE);
        Files.writeString(dir.resolve("bigger-north.yaml"), BIGGER_NORTH);
        return dir;
    }
}
