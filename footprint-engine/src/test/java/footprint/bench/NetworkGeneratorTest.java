package footprint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.bench.NetworkGenerator.Size;
import footprint.io.ModelReader;
import footprint.io.ModelWriter;
import footprint.model.Network;
import footprint.model.check.NetworkValidator;
import footprint.model.check.Problem;
import footprint.model.check.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The synthetic networks: deterministic, of their documented sizes, valid, and readable back. */
class NetworkGeneratorTest {
    @ParameterizedTest
    @EnumSource(
            value = Size.class,
            names = {"S", "M", "L"})
    void the_same_seed_gives_an_equal_network(Size size) {
        assertThat(NetworkGenerator.generate(size.spec(), 7)).isEqualTo(NetworkGenerator.generate(size.spec(), 7));
        assertThat(NetworkGenerator.generate(size)).isEqualTo(NetworkGenerator.generate(size));
    }

    @Test
    void another_seed_gives_another_network() {
        assertThat(NetworkGenerator.generate(Size.S.spec(), 2))
                .isNotEqualTo(NetworkGenerator.generate(Size.S.spec(), 3));
    }

    @ParameterizedTest
    @EnumSource(
            value = Size.class,
            names = {"S", "M", "L"})
    void has_the_documented_numbers_of_everything(Size size) {
        NetworkGenerator.Spec spec = size.spec();
        Network n = NetworkGenerator.generate(size);

        assertThat(n.countries()).hasSize(spec.countries());
        assertThat(n.blocs().count()).isEqualTo(spec.regions());
        assertThat(n.markets()).hasSize(spec.markets());
        assertThat(n.plants()).hasSize(spec.plants());
        assertThat(n.componentPlants()).hasSize(spec.componentPlants());
        assertThat(n.platforms()).hasSize(spec.platforms());
        assertThat(n.products()).hasSize(spec.products());
        assertThat(n.components()).hasSize(spec.components());
        assertThat(n.horizon().size()).isEqualTo(spec.years());
        // the structure the generator promises
        assertThat(n.duties()).isNotEmpty();
        assertThat(n.bans()).isNotEmpty();
        assertThat(n.localContent()).hasSize(1);
        assertThat(n.decisions()).isNotEmpty();
        assertThat(n.plants()).allSatisfy(p -> assertThat(p.platforms()).isNotEmpty());
        assertThat(n.plants().stream().filter(p -> !p.tooling().isEmpty())).isNotEmpty();
        assertThat(n.markets().stream().mapToInt(m -> m.demand().size()).sum()).isPositive();
    }

    @Test
    void the_xl_size_is_that_of_the_largest_commercial_models() {
        NetworkGenerator.Spec xl = Size.XL.spec();
        assertThat(xl.sites()).isEqualTo(1000);
        assertThat(xl.markets()).isEqualTo(700);
        assertThat(xl.products()).isEqualTo(1300);
        assertThat(xl.years()).isEqualTo(12);
    }

    @ParameterizedTest
    @EnumSource(
            value = Size.class,
            names = {"S", "M", "L"})
    void generated_networks_have_no_errors(Size size) {
        List<Problem> errors = NetworkValidator.validate(NetworkGenerator.generate(size)).stream()
                .filter(p -> p.severity() == Severity.ERROR)
                .toList();
        assertThat(errors).isEmpty();
    }

    @Test
    void a_written_network_reads_back_equal() {
        Network n = NetworkGenerator.generate(Size.S);
        String yaml = ModelWriter.toYaml(n);
        Network back = ModelReader.read(yaml, "S.yaml").network().orElseThrow();

        assertThat(ModelWriter.toYaml(back)).isEqualTo(yaml);
        assertThat(back.plants()).isEqualTo(n.plants());
        assertThat(back.markets()).isEqualTo(n.markets());
    }
}
