package footprint.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Values given per key (per product, platform or market), with an optional default for the keys
 * not listed: {@code {default: 9000, expert: 9500}}.
 */
public record PerKey<T>(Optional<T> fallback, Map<String, T> byKey) {
    public PerKey {
        Objects.requireNonNull(fallback, "fallback");
        byKey = Ordered.copyOf(byKey);
    }

    public static <T> PerKey<T> empty() {
        return new PerKey<>(Optional.empty(), Map.of());
    }

    public static <T> PerKey<T> always(T value) {
        return new PerKey<>(Optional.of(value), Map.of());
    }

    /** The value of the first key listed that has one, else the default. */
    public Optional<T> lookup(String... keys) {
        for (String key : keys) {
            T value = byKey.get(key);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return fallback;
    }

    public boolean isEmpty() {
        return fallback.isEmpty() && byKey.isEmpty();
    }
}
