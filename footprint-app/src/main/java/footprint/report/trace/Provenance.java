package footprint.report.trace;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.io.ParsedTree;
import footprint.io.scenario.Change;
import footprint.io.scenario.Scenario;
import footprint.io.scenario.ScenarioReader;
import footprint.model.Figure;
import footprint.model.Network;
import footprint.model.NetworkFigures;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the inputs of a model come from: each figure's field path, the file and line it was
 * written at, and, when that line is in a scenario file, the scenario change that wrote it.
 */
public final class Provenance {
    /** A change of a scenario file in the chain a model was read through. */
    public record ScenarioChange(String scenarioFile, Change change) {
        public ScenarioChange {
            Objects.requireNonNull(scenarioFile, "scenarioFile");
            Objects.requireNonNull(change, "change");
        }

        /** {@code russia-pause.yaml:48: add decisions (seed 001: ...)}. */
        public String describe() {
            return change.location() + ": " + change.describe()
                    + change.source().map(s -> " (" + s + ")").orElse("");
        }
    }

    private final ModelRead read;
    private final Map<Figure, String> paths = new IdentityHashMap<>();
    private final List<Scenario> chain;

    private Provenance(ModelRead read, List<Scenario> chain) {
        this.read = read;
        this.chain = List.copyOf(chain);
        for (NetworkFigures.Entry e : NetworkFigures.of(read.network().orElseThrow())) {
            paths.putIfAbsent(e.figure(), e.path());
        }
    }

    /** The provenance of a model read from {@code file} (a model or a scenario). */
    public static Provenance of(Path file, ModelRead read) {
        if (read.network().isEmpty()) {
            throw new IllegalArgumentException(file + " has errors; read it with footprint validate");
        }
        return new Provenance(read, chain(file));
    }

    /** The scenarios a file extends through, itself first; empty for a model. */
    public static List<Scenario> chain(Path file) {
        List<Scenario> out = new ArrayList<>();
        Path at = file;
        for (int i = 0; i < ScenarioReader.MAX_CHAIN; i++) {
            ParsedTree parsed = ModelReader.parseFile(at);
            if (parsed.tree().isEmpty()
                    || !ScenarioReader.isScenario(parsed.tree().get())) {
                break;
            }
            List<Problem> problems = new ArrayList<>();
            Optional<Scenario> s = ScenarioReader.parse(parsed.tree().get(), at.toString(), problems);
            if (s.isEmpty()) {
                break;
            }
            out.add(s.get());
            at = Path.of(s.get().base());
        }
        return out;
    }

    public Network network() {
        return read.network().orElseThrow();
    }

    /** The scenarios the model was read through, the file itself first. */
    public List<Scenario> scenarios() {
        return chain;
    }

    /** A figure's field path ({@code plants[kaluga].fixed-cost}), if it is one of the model's. */
    public Optional<String> pathOf(Figure f) {
        return Optional.ofNullable(paths.get(f));
    }

    /** Where a field path was written. */
    public Optional<Location> placeOf(String path) {
        return read.placeOf(path);
    }

    /** The scenario change that wrote the field at a path, if a scenario did. */
    public Optional<ScenarioChange> changeOf(String path) {
        return placeOf(path).flatMap(this::changeAt);
    }

    /** The scenario change written at a place (the last change starting at or before its line). */
    public Optional<ScenarioChange> changeAt(Location place) {
        Path file = normal(place.file());
        for (Scenario s : chain) {
            if (!normal(s.file()).equals(file)) {
                continue;
            }
            Change best = null;
            for (Change c : s.changes()) {
                if (c.location().line() <= place.line()
                        && (best == null
                                || c.location().line() >= best.location().line())) {
                    best = c;
                }
            }
            return Optional.ofNullable(best).map(c -> new ScenarioChange(s.file(), c));
        }
        return Optional.empty();
    }

    private static Path normal(String file) {
        return Path.of(file).toAbsolutePath().normalize();
    }
}
