package footprint.io;

import footprint.model.Network;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import footprint.model.check.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What reading a model file gave: the network (present only when no problem is an error), every
 * problem sorted by place in the file, and where each field path of the model was written (a
 * scenario's changes point into the scenario file), so later answers (a conflict, a trace) can
 * name the file and line of a rule or figure.
 *
 * <p>{@code sources} are the files a model read from disk came from, in the order read (the file
 * itself, then the file it extends, and so on), each with the SHA-256 of its bytes; empty for a
 * model read from text or bytes, or one with errors.
 */
public record ModelRead(
        String file,
        Optional<Network> network,
        List<Problem> problems,
        Map<String, Location> places,
        List<SourceFile> sources) {
    public ModelRead {
        problems = problems.stream().sorted(Problem.ORDER).toList();
        places = Map.copyOf(places);
        sources = List.copyOf(sources);
    }

    /** A result whose files are not known. */
    public ModelRead(String file, Optional<Network> network, List<Problem> problems, Map<String, Location> places) {
        this(file, network, problems, places, List.of());
    }

    /** A result without places (a file refused before it was read). */
    public ModelRead(String file, Optional<Network> network, List<Problem> problems) {
        this(file, network, problems, Map.of());
    }

    /**
     * Where a field path (as in problems: {@code commitments[1]}, {@code plants[kaluga].capacity.2027})
     * was written: its own place, else that of the nearest enclosing field that has one.
     */
    public Optional<Location> placeOf(String path) {
        return ModelReader.locate(path, places);
    }

    /** The same result, read from these files. */
    public ModelRead withSources(List<SourceFile> files) {
        return new ModelRead(file, network, problems, places, files);
    }

    /**
     * The hash that names the model and its scenario chain ({@link SourceFile#combined}); empty when
     * the files are not known.
     */
    public Optional<String> sha256() {
        return sources.isEmpty() ? Optional.empty() : Optional.of(SourceFile.combined(sources));
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public boolean ok() {
        return network.isPresent();
    }

    /** The same result with every warning counted as an error ({@code --strict}). */
    public ModelRead strict() {
        List<Problem> all =
                problems.stream().map(p -> p.withSeverity(Severity.ERROR)).toList();
        return new ModelRead(file, all.isEmpty() ? network : Optional.empty(), all, places, sources);
    }
}
