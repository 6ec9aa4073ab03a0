package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The small valid model of {@code models/tiny.yaml}, and text edits that put one mistake into it. */
final class TinyModel {
    static final String RESOURCE = "/models/tiny.yaml";

    /** The one line of tiny.yaml with a warning (an assumption given as a single number). */
    static final String POINT_ASSUMPTION = "shares: {expert: {value: 1, source: assumption}}";

    private final String text;

    private TinyModel(String text) {
        this.text = text;
    }

    /** tiny.yaml as it is (one warning: FP-W109). */
    static String raw() {
        try (InputStream in = Objects.requireNonNull(TinyModel.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** tiny.yaml with its one warning removed: it reads with no problem at all. */
    static TinyModel clean() {
        return new TinyModel(raw()).replace(POINT_ASSUMPTION, "shares: {expert: {value: 1, source: \"seed 001\"}}");
    }

    /** The text with the one occurrence of {@code from} replaced. */
    TinyModel replace(String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("tiny.yaml should contain '%s'", from).isNotNegative();
        assertThat(text.indexOf(from, at + 1))
                .as("tiny.yaml should contain '%s' once", from)
                .isNegative();
        return new TinyModel(text.substring(0, at) + to + text.substring(at + from.length()));
    }

    /** The text with lines inserted after the one line that contains {@code marker}. */
    TinyModel insertAfterLineWith(String marker, String lines) {
        int line = lineOf(marker);
        List<String> all = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        all.add(line, lines.endsWith("\n") ? lines.substring(0, lines.length() - 1) : lines);
        return new TinyModel(String.join("\n", all));
    }

    String text() {
        return text;
    }

    /** The line (from 1) of the one occurrence of {@code marker}. */
    int lineOf(String marker) {
        int at = text.indexOf(marker);
        assertThat(at).as("model should contain '%s'", marker).isNotNegative();
        assertThat(text.indexOf(marker, at + 1))
                .as("model should contain '%s' once", marker)
                .isNegative();
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The column (from 1) of the one occurrence of {@code marker}. */
    int columnOf(String marker) {
        int at = text.indexOf(marker);
        lineOf(marker);
        return at - text.lastIndexOf('\n', at - 1);
    }

    ModelRead read() {
        return ModelReader.read(text, "tiny.yaml");
    }
}
