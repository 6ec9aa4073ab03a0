package footprint.model;

import java.util.Objects;
import java.util.Optional;

/** A country, the trade bloc it belongs to (EU, UK, EAEU, CN, ...) and its currency. */
public record Country(String code, String name, String bloc, Optional<String> currency) {
    public Country {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bloc, "bloc");
        Objects.requireNonNull(currency, "currency");
    }
}
