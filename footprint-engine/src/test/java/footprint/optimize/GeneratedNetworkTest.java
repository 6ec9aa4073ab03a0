package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.bench.NetworkGenerator;
import footprint.model.Network;
import org.junit.jupiter.api.Test;

/** The benchmark's S network solves to optimality and its plan keeps every invariant. */
class GeneratedNetworkTest {
    @Test
    void the_s_network_solves_to_optimality_within_the_invariants() {
        Network n = NetworkGenerator.generate(NetworkGenerator.Size.S);
        Plan plan = Optimizer.solve(n, SolveOptions.plain().withThreads(1), SolveListener.NONE);

        assertThat(plan.status()).isEqualTo(SolveStatus.OPTIMAL);
        // the gap asked for, up to rounding (HiGHS's bound is the one its stopping rule guarantees)
        assertThat(plan.gap()).isLessThanOrEqualTo(SolveOptions.DEFAULT_GAP + 1e-12);
        PlanInvariants.check(n, plan);
        // the decisions the generator means to be real ones are taken both ways
        assertThat(plan.plants()).anyMatch(Plan.PlantYear::running);
        assertThat(plan.plants()).anyMatch(p -> !p.running());
    }
}
