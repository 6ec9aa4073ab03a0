package footprint.io;

import footprint.model.Network;
import footprint.model.check.Problem;
import footprint.model.check.Severity;
import java.util.List;
import java.util.Optional;

/**
 * What reading a model file gave: the network (present only when no problem is an error) and
 * every problem, sorted by place in the file.
 */
public record ModelRead(String file, Optional<Network> network, List<Problem> problems) {
    public ModelRead {
        problems = problems.stream().sorted(Problem.ORDER).toList();
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
        return new ModelRead(file, all.isEmpty() ? network : Optional.empty(), all);
    }
}
