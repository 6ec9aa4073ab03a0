package footprint.risk;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Network;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Models for the risk tests. */
final class RiskModels {
    static final Path PAUSE = Path.of("..", "examples", "kaluga", "russia-pause.yaml");

    private RiskModels() {}

    static Network read(String yaml) {
        ModelRead read = ModelReader.read(yaml, "test.yaml");
        if (read.network().isEmpty()) {
            throw new AssertionError("the test model has errors:\n"
                    + read.errors().stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
        return read.network().get();
    }

    static Network read(Path file) {
        ModelRead read = ModelReader.read(file);
        if (read.network().isEmpty()) {
            throw new AssertionError(file + " has errors: " + read.errors());
        }
        return read.network().get();
    }

    /**
     * One plant, one market, one year, no discounting; demand uniform on [600, 1400] and capacity
     * 5000 (never binding), so NPV = (30000 − 10000 − 300)·D − 12e6 = 19700·D − 12e6, linear in D.
     */
    static final String LINEAR = """
            footprint: 1
            name: linear
            horizon: {from: 2024, to: 2024}
            currency: EUR
            countries:
              FR: {bloc: EU}
            platforms:
              van: {}
            plants:
              north: {country: FR, capacity: 5000, fixed-cost: 12.0e6, variable-cost: 10000, platforms: [van]}
            products:
              expert: {brand: Peugeot, segment: van, platform: van, price: 30000}
            markets:
              FR: {country: FR, demand: {expert: {low: 600, high: 1400}}}
            lanes:
              - {from: north, to: FR, cost: 300}
            """;

    /** Every form of quantity, one per field, for goodness-of-fit tests. */
    static final String FORMS = """
            footprint: 1
            name: forms
            horizon: {from: 2024, to: 2025}
            currency: EUR
            countries:
              FR: {bloc: EU}
              DE: {bloc: EU}
            platforms:
              van: {}
            plants:
              north: {country: FR, capacity: 5000, platforms: [van],
                      fixed-cost: {low: 1.0e6, high: 3.0e6},
                      idle-cost: {low: 1.0e5, high: 4.0e5, mode: 2.0e5},
                      closure-cost: {dist: triangular, low: 1.0e6, mode: 1.5e6, high: 4.0e6},
                      reopening-cost: {dist: uniform, low: 2.0e5, high: 6.0e5},
                      variable-cost: {dist: normal, mean: 10000, sd: 800}}
            products:
              expert: {brand: Peugeot, segment: van, platform: van, price: {dist: lognormal, mean: 30000, sd: 4000}}
              partner: {brand: Peugeot, segment: van, platform: van, price: 20000}
            markets:
              FR: {country: FR, demand: {expert: {low: 600, high: 1400}, partner: {low: 100, high: 900, mode: 300}}}
              DE: {country: DE, demand: {expert: {low: 500, high: 1500}}}
            lanes:
              - {from: north, to: FR, cost: 300}
              - {from: north, to: DE, cost: 500}
            """;
}
