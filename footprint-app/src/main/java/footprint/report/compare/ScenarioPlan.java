package footprint.report.compare;

import footprint.io.ModelRead;
import footprint.model.Network;
import footprint.optimize.Plan;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One model or scenario of a comparison and what solving it gave.
 *
 * @param label its name in tables and sentences: the file name without extension ({@code russia-pause})
 * @param read the model as read, with its problems (no network when it has errors)
 * @param plan the solve's answer (empty when the model has errors)
 */
public record ScenarioPlan(String label, Path file, ModelRead read, Optional<Plan> plan) {
    public ScenarioPlan {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(plan, "plan");
    }

    /** Whether the model has errors (it was not solved). */
    public boolean badInput() {
        return read.network().isEmpty();
    }

    /** Whether the solve found a plan. */
    public boolean hasPlan() {
        return plan.map(Plan::hasPlan).orElse(false);
    }

    public Network network() {
        return read.network().orElseThrow();
    }

    /** The plan; call only when {@link #hasPlan()}. */
    public Plan solved() {
        return plan.orElseThrow();
    }
}
