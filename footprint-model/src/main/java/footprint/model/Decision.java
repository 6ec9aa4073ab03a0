package footprint.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision forced or forbidden by policy for a span of years: {@code force idle kaluga 2022-},
 * {@code force tool zaragoza leap-c 2026-}, {@code forbid close kaluga}.
 *
 * @param platform the platform, for {@link Action#TOOL} only
 */
public record Decision(
        String id,
        Rule rule,
        Action action,
        String plant,
        Optional<String> platform,
        YearRange years,
        Optional<Source> source) {
    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(plant, "plant");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(years, "years");
        Objects.requireNonNull(source, "source");
    }

    /** Whether the decision must or must not be taken. */
    public enum Rule {
        FORCE,
        FORBID;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What is decided. */
    public enum Action {
        /** The plant runs. */
        RUN,
        /** The plant is idle. */
        IDLE,
        /** The plant is closed. */
        CLOSE,
        /** The platform is tooled at the plant (and may be used). */
        TOOL;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
