package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.Network;
import footprint.model.check.NetworkValidator;
import footprint.model.check.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property: random corruptions of a valid file (tiny.yaml, and the same model written as
 * JSON) give problems or a clean read, and never an exception.
 */
class CorruptionTest {
    private static final int SEEDS = 200;

    /** A value after "key: " in a flow or block mapping, up to the next separator. */
    private static final Pattern SCALAR = Pattern.compile("(?<=: )[^,{}\\[\\]\\n]+");

    /** An innermost flow mapping or list. */
    private static final Pattern FLOW = Pattern.compile("\\{[^{}\\[\\]]*\\}|\\[[^{}\\[\\]]*\\]");

    private static final List<String> WRONG_SCALARS = List.of(
            "lots",
            "\"1000\"",
            "[1, 2]",
            "{x: 1}",
            "''",
            "~",
            "-5",
            "-0",
            ".nan",
            "-.inf",
            "1e999",
            "1__000",
            "12%%",
            "2024-2020",
            "99999",
            "0x1F",
            "true",
            "*alias",
            "&anchor x",
            "!!binary aGk=",
            "\"\\u0000\"",
            "|\n  block",
            "'unclosed",
            "{",
            "]");

    private static final String NOISE = " \n\t:-[]{},#&*!|>'\"%@`?\\aZ09.";

    private static final List<String> WRONG_COLLECTIONS =
            List.of("[a, b]", "text", "{}", "[]", "{a: {b: {c: 1}}}", "[[], [[]]]", "42", "null");

    /** How a valid file is broken. */
    enum Corruption {
        DELETE_LINE,
        SWAP_VALUES,
        WRONG_TYPE,
        TRUNCATE,
        RANDOM_BYTES,
        DUPLICATE_LINE
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(Corruption.values())
                .flatMap(c -> LongStream.range(0, SEEDS).mapToObj(seed -> Arguments.of(c, seed)));
    }

    private static final String YAML = TinyModel.raw();
    private static final String JSON =
            ModelWriter.toJson(ModelReader.read(YAML, "tiny.yaml").network().orElseThrow());

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void a_corrupted_file_gives_problems_or_a_clean_read_and_never_an_exception(Corruption kind, long seed) {
        check(kind, seed, YAML, "tiny.yaml");
        check(kind, seed, JSON, "tiny.json");
    }

    private static void check(Corruption kind, long seed, String valid, String file) {
        byte[] corrupted = corrupt(kind, new Random(seed), valid);
        String what = kind + " seed " + seed + " of " + file;
        ModelRead read;
        try {
            read = ModelReader.read(corrupted, file);
        } catch (Throwable t) { // a StackOverflowError or OutOfMemoryError must fail with the seed too
            throw new AssertionError(
                    what + " threw " + t + " reading:\n" + new String(corrupted, StandardCharsets.UTF_8), t);
        }
        String shown = what + "\n" + read.problems() + "\n" + new String(corrupted, StandardCharsets.UTF_8);
        assertThat(read.file()).isEqualTo(file);
        assertThat(read.ok()).as(shown).isEqualTo(read.errors().isEmpty());
        assertThat(read.network().isPresent()).as(shown).isEqualTo(read.errors().isEmpty());
        for (Problem p : read.problems()) {
            assertThat(p.location()).as(shown).isPresent();
            assertThat(p.location().get().file()).as(shown).isEqualTo(file);
            assertThat(p.location().get().line()).as(shown).isNotNegative();
            assertThat(p.message()).as(shown).isNotBlank();
        }
        if (read.ok()) {
            Network n = read.network().get();
            assertThat(NetworkValidator.validate(n).stream().filter(Problem::isError))
                    .as(shown)
                    .isEmpty();
            RoundTripTest.assertRoundTrips(n, what);
        }
    }

    // ---- corruptions -------------------------------------------------------------------------------

    static byte[] corrupt(Corruption kind, Random r, String text) {
        return switch (kind) {
            case DELETE_LINE -> deleteLine(r, text);
            case DUPLICATE_LINE -> duplicateLine(r, text);
            case SWAP_VALUES -> swapValues(r, text);
            case WRONG_TYPE -> wrongType(r, text);
            case TRUNCATE -> truncate(r, text);
            case RANDOM_BYTES -> randomBytes(r, text);
        };
    }

    private static byte[] deleteLine(Random r, String text) {
        List<String> lines = lines(text);
        lines.remove(r.nextInt(lines.size()));
        return bytes(String.join("\n", lines));
    }

    private static byte[] duplicateLine(Random r, String text) {
        List<String> lines = lines(text);
        int i = r.nextInt(lines.size());
        lines.add(i + r.nextInt(2), lines.get(i));
        return bytes(String.join("\n", lines));
    }

    private static byte[] swapValues(Random r, String text) {
        List<int[]> values = matches(SCALAR, text);
        int[] a = values.get(r.nextInt(values.size()));
        int[] b = values.get(r.nextInt(values.size()));
        if (a[0] > b[0]) {
            int[] t = a;
            a = b;
            b = t;
        }
        if (a[0] == b[0]) {
            return bytes(text);
        }
        return bytes(text.substring(0, a[0])
                + text.substring(b[0], b[1])
                + text.substring(a[1], b[0])
                + text.substring(a[0], a[1])
                + text.substring(b[1]));
    }

    /** Text where a number is, a list where a mapping is, and the like. */
    private static byte[] wrongType(Random r, String text) {
        boolean collection = r.nextInt(3) == 0;
        List<int[]> spans = matches(collection ? FLOW : SCALAR, text);
        int[] s = spans.get(r.nextInt(spans.size()));
        String with = collection
                ? WRONG_COLLECTIONS.get(r.nextInt(WRONG_COLLECTIONS.size()))
                : WRONG_SCALARS.get(r.nextInt(WRONG_SCALARS.size()));
        return bytes(text.substring(0, s[0]) + with + text.substring(s[1]));
    }

    private static byte[] truncate(Random r, String text) {
        byte[] all = bytes(text);
        return Arrays.copyOf(all, r.nextInt(all.length));
    }

    private static byte[] randomBytes(Random r, String text) {
        byte[] all = bytes(text);
        int count = 1 + r.nextInt(8);
        byte[] out = Arrays.copyOf(all, all.length + count);
        for (int k = 0; k < count; k++) {
            int at = r.nextInt(all.length + k + 1);
            System.arraycopy(out, at, out, at + 1, all.length + k - at);
            // mostly printable and structural characters, sometimes any byte at all
            out[at] = r.nextInt(4) == 0 ? (byte) r.nextInt(256) : (byte) NOISE.charAt(r.nextInt(NOISE.length()));
        }
        return out;
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<int[]> matches(Pattern p, String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }
}
