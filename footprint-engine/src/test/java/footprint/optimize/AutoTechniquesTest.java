package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.io.ModelReader;
import footprint.model.Network;
import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code --techniques auto}: the choice of techniques per network shape ({@link AutoTechniques}),
 * and the gap and time limit it sets only where the caller left them to it.
 */
class AutoTechniquesTest {
    private static final String COMPONENTS = "components come from component plants";

    private static AutoTechniques.Shape facilityLocation(int plants, int markets) {
        return new AutoTechniques.Shape("", plants, markets, 1, (long) plants * markets, plants);
    }

    private static AutoTechniques.Shape withComponents(long arcs) {
        return new AutoTechniques.Shape(COMPONENTS, 12, 24, 5, arcs, 60);
    }

    @Test
    void a_large_facility_location_network_takes_the_lagrangian_the_warm_start_and_the_fixing() {
        AutoTechniques.Pick pick = AutoTechniques.choose(facilityLocation(100, 1000), SolveOptions.DEFAULT_GAP);

        assertThat(pick.techniques()).isEqualTo(Technique.recommended());
        assertThat(pick.reason()).startsWith("facility-location shape, 100 plants x 1,000 markets");
        assertThat(pick.gap()).isEmpty();
        assertThat(pick.timeLimitSeconds()).isEmpty();
    }

    @Test
    void a_small_facility_location_network_takes_the_plain_milp() {
        AutoTechniques.Pick pick = AutoTechniques.choose(facilityLocation(16, 50), SolveOptions.DEFAULT_GAP);

        assertThat(pick.techniques()).isEmpty();
        assertThat(pick.reason()).contains("16 plants x 50 markets").contains("plain MILP");
    }

    @Test
    void a_network_with_component_plants_at_the_default_gap_takes_the_plain_milp() {
        AutoTechniques.Pick pick = AutoTechniques.choose(withComponents(5_536), SolveOptions.DEFAULT_GAP);

        assertThat(pick.techniques()).isEmpty();
        assertThat(pick.reason()).startsWith(COMPONENTS).contains("5,536 arcs").contains("0.01 %");
    }

    @Test
    void a_network_with_component_plants_at_a_loose_gap_takes_the_warm_start_from_the_lp() {
        AutoTechniques.Pick pick = AutoTechniques.choose(withComponents(5_536), 0.005);

        assertThat(pick.techniques()).containsExactly(Technique.WARM_START);
        assertThat(pick.reason()).contains("0.5 %");
    }

    @Test
    void a_network_too_big_for_the_full_milp_takes_the_decomposition_with_the_gap_and_limit_it_needs() {
        AutoTechniques.Pick ll = AutoTechniques.choose(withComponents(184_717), SolveOptions.DEFAULT_GAP);
        AutoTechniques.Pick xl = AutoTechniques.choose(withComponents(13_433_260), SolveOptions.DEFAULT_GAP);

        assertThat(ll.techniques()).containsExactly(Technique.DECOMPOSITION);
        assertThat(ll.reason()).contains("184,717 arcs, too many for the full MILP");
        assertThat(ll.gap()).hasValue(0.01);
        assertThat(ll.timeLimitSeconds()).hasValue(120);
        assertThat(xl.techniques()).containsExactly(Technique.DECOMPOSITION);
        assertThat(xl.timeLimitSeconds()).hasValue(900);
    }

    @Test
    void the_decomposition_takes_its_gap_and_limit_and_says_so_when_the_caller_gave_none() {
        AutoTechniques.Resolved r = AutoTechniques.resolve(() -> withComponents(184_717), SolveOptions.defaults());

        assertThat(r.options().techniques()).containsExactly(Technique.DECOMPOSITION);
        assertThat(r.options().relativeGap()).isEqualTo(0.01);
        assertThat(r.options().timeLimitSeconds()).isEqualTo(120);
        assertThat(r.choice().auto()).isTrue();
        assertThat(r.choice().line())
                .startsWith("decomposition (auto: " + COMPONENTS)
                .endsWith(": a gap of 1 % and a time limit of 120 s)");
    }

    @Test
    void the_callers_gap_and_time_limit_always_win() {
        SolveOptions asked = SolveOptions.defaults().withGap(1e-3).withTimeLimit(30);
        AutoTechniques.Resolved r = AutoTechniques.resolve(() -> withComponents(184_717), asked);

        assertThat(r.options().techniques()).containsExactly(Technique.DECOMPOSITION);
        assertThat(r.options().relativeGap()).isEqualTo(1e-3);
        assertThat(r.options().timeLimitSeconds()).isEqualTo(30);
        assertThat(r.choice().reason()).endsWith(": the gap asked for and the time limit asked for");

        AutoTechniques.Resolved gapOnly = AutoTechniques.resolve(
                () -> withComponents(184_717), SolveOptions.defaults().withGap(0.02));
        assertThat(gapOnly.options().relativeGap()).isEqualTo(0.02);
        assertThat(gapOnly.options().timeLimitSeconds()).isEqualTo(120);
    }

    @Test
    void named_techniques_are_kept_and_the_shape_is_not_looked_at() {
        SolveOptions none = SolveOptions.defaults().withTechniques("none");
        AutoTechniques.Resolved r = AutoTechniques.resolve(
                () -> {
                    throw new AssertionError("the shape of a network whose techniques are named");
                },
                none);

        assertThat(r.options()).isEqualTo(none);
        assertThat(r.choice().auto()).isFalse();
        assertThat(r.choice().line()).isEqualTo("none (as asked)");
        assertThat(AutoTechniques.resolve(
                                () -> withComponents(184_717),
                                SolveOptions.defaults().withTechniques(EnumSet.of(Technique.LAGRANGIAN)))
                        .choice()
                        .line())
                .isEqualTo("lagrangian (as asked)");
    }

    @Test
    void the_default_options_let_footprint_choose_and_plain_ones_do_not() {
        assertThat(SolveOptions.defaults().autoTechniques()).isTrue();
        assertThat(SolveOptions.defaults().auto()).containsExactlyInAnyOrder(SolveOptions.Auto.values());
        assertThat(SolveOptions.plain().autoTechniques()).isFalse();
        assertThat(SolveOptions.plain().techniques()).isEmpty();
        assertThat(SolveOptions.defaults().withTechniques("auto").autoTechniques())
                .isTrue();
        assertThat(SolveOptions.defaults().withTechniques("recommended").techniques())
                .isEqualTo(Technique.recommended());
        assertThat(SolveOptions.plain().withTechniques(" AUTO ").autoTechniques())
                .isTrue();
        assertThat(SolveOptions.defaults().withGap(0.01).auto())
                .containsExactlyInAnyOrder(SolveOptions.Auto.TECHNIQUES, SolveOptions.Auto.TIME_LIMIT);
        assertThatThrownBy(() -> SolveOptions.defaults().withTechniques("auto,lagrangian"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stands alone");
        assertThatThrownBy(() -> SolveOptions.defaults().withTechniques("magic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose auto, none, all, recommended");
        assertThatThrownBy(() -> new SolveOptions(
                        Backend.DEFAULT,
                        0,
                        SolveOptions.DEFAULT_GAP,
                        0,
                        0,
                        true,
                        Set.of(Technique.LAGRANGIAN),
                        Set.of(SolveOptions.Auto.TECHNIQUES)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_shape_is_read_from_the_frozen_network() {
        Network cap41 = OrLibCap.parse(
                OrLibCapTest.read(OrLibCapTest.DIR.resolve("cap41.txt")), "cap41", OptionalDouble.empty());
        AutoTechniques.Shape s = AutoTechniques.Shape.of(FrozenNetwork.of(cap41));
        assertThat(s.facilityLocation()).isTrue();
        assertThat(s.plants()).isEqualTo(16);
        assertThat(s.markets()).isEqualTo(50);
        assertThat(s.arcs()).isEqualTo(800);

        Network kaluga = ModelReader.read(ReferenceCaseTest.BASE).network().orElseThrow();
        AutoTechniques.Shape k = AutoTechniques.Shape.of(FrozenNetwork.of(kaluga));
        assertThat(k.facilityLocation()).isFalse();
        assertThat(k.notFacilityLocation()).isEqualTo(COMPONENTS);
        assertThat(k.years()).isEqualTo(kaluga.horizon().size());
    }

    @Test
    void a_solve_records_what_it_chose_and_why() {
        Network cap41 = OrLibCap.parse(
                OrLibCapTest.read(OrLibCapTest.DIR.resolve("cap41.txt")), "cap41", OptionalDouble.empty());
        Plan auto = Optimizer.solve(cap41, SolveOptions.defaults(), SolveListener.NONE);
        Plan none = Optimizer.solve(cap41, SolveOptions.plain(), SolveListener.NONE);

        assertThat(auto.techniques().auto()).isTrue();
        assertThat(auto.techniques().line())
                .isEqualTo("none (auto: facility-location shape, 16 plants x 50 markets, 800 arcs: small enough"
                        + " for the plain MILP)");
        assertThat(none.techniques().auto()).isFalse();
        assertThat(none.techniques().line()).isEqualTo("none (as asked)");
    }
}
