package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The reference case (examples/kaluga/base.yaml) solves to optimality and its plan keeps the invariants. */
class ReferenceCaseTest {
    static final Path BASE = Path.of("..", "examples", "kaluga", "base.yaml");

    @Test
    void the_kaluga_base_case_solves_to_optimality() {
        Assumptions.assumeTrue(Files.exists(BASE), "no reference case yet");
        ModelRead read = ModelReader.read(BASE);
        assertThat(read.errors()).isEmpty();
        Network n = read.network().orElseThrow();
        Plan plan = Optimizer.solve(n);

        assertThat(plan.status()).isEqualTo(SolveStatus.OPTIMAL);
        // the gap asked for, up to rounding (HiGHS's bound is the one its stopping rule guarantees)
        assertThat(plan.gap()).isLessThanOrEqualTo(SolveOptions.DEFAULT_GAP + 1e-12);
        PlanInvariants.check(n, plan);
        assertThat(plan.plants()).hasSize(n.plants().size() * n.horizon().size());
    }
}
