package footprint.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A production network over a horizon of years: the whole model a planner writes. Immutable; made
 * by a reader or by code, checked by {@link footprint.model.check.NetworkValidator}.
 *
 * @param currency the base currency every amount is converted to
 * @param discountRate the yearly rate at which later years count less, as a fraction
 * @param fx the value of one unit of each other currency in the base currency, by year
 * @param disruptions events that may put a plant, a lane or a trade relation out for a year (risk
 *     analysis draws them; the optimiser plans as if none strikes)
 * @param locations where countries, plants, component plants and markets are on the map, keyed by
 *     field path ({@code plants[kaluga]}, {@code countries[RU]}); for reports only
 */
public record Network(
        String name,
        String description,
        Horizon horizon,
        String currency,
        Figure discountRate,
        Objective objective,
        Map<String, Series> fx,
        List<Country> countries,
        List<Platform> platforms,
        List<Component> components,
        List<Plant> plants,
        List<Product> products,
        List<ComponentPlant> componentPlants,
        List<Market> markets,
        List<Lane> lanes,
        List<Duty> duties,
        List<Ban> bans,
        List<LocalContent> localContent,
        List<Commitment> commitments,
        List<Decision> decisions,
        List<Disruption> disruptions,
        Map<String, GeoPoint> locations) {
    public Network {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(discountRate, "discountRate");
        Objects.requireNonNull(objective, "objective");
        fx = Ordered.copyOf(fx);
        countries = List.copyOf(countries);
        platforms = List.copyOf(platforms);
        components = List.copyOf(components);
        plants = List.copyOf(plants);
        products = List.copyOf(products);
        componentPlants = List.copyOf(componentPlants);
        markets = List.copyOf(markets);
        lanes = List.copyOf(lanes);
        duties = List.copyOf(duties);
        bans = List.copyOf(bans);
        localContent = List.copyOf(localContent);
        commitments = List.copyOf(commitments);
        decisions = List.copyOf(decisions);
        disruptions = List.copyOf(disruptions);
        locations = Ordered.copyOf(locations);
    }

    /** A network without disruptions or map locations. */
    public Network(
            String name,
            String description,
            Horizon horizon,
            String currency,
            Figure discountRate,
            Objective objective,
            Map<String, Series> fx,
            List<Country> countries,
            List<Platform> platforms,
            List<Component> components,
            List<Plant> plants,
            List<Product> products,
            List<ComponentPlant> componentPlants,
            List<Market> markets,
            List<Lane> lanes,
            List<Duty> duties,
            List<Ban> bans,
            List<LocalContent> localContent,
            List<Commitment> commitments,
            List<Decision> decisions) {
        this(
                name,
                description,
                horizon,
                currency,
                discountRate,
                objective,
                fx,
                countries,
                platforms,
                components,
                plants,
                products,
                componentPlants,
                markets,
                lanes,
                duties,
                bans,
                localContent,
                commitments,
                decisions,
                List.of(),
                Map.of());
    }

    /** This network with other disruptions. */
    public Network withDisruptions(List<Disruption> events) {
        return new Network(
                name,
                description,
                horizon,
                currency,
                discountRate,
                objective,
                fx,
                countries,
                platforms,
                components,
                plants,
                products,
                componentPlants,
                markets,
                lanes,
                duties,
                bans,
                localContent,
                commitments,
                decisions,
                events,
                locations);
    }

    /**
     * Where a plant, component plant or market is on the map: its own location, else its
     * country's. Locations are keyed by field path: {@code plants[kaluga]}, {@code markets[FR]},
     * {@code countries[FR]}.
     */
    public Optional<GeoPoint> locationOf(String id) {
        for (String kind : List.of("plants", "component-plants", "markets")) {
            GeoPoint own = locations.get(kind + "[" + id + "]");
            if (own != null) {
                return Optional.of(own);
            }
        }
        Optional<String> country = plant(id)
                .map(Plant::country)
                .or(() -> componentPlant(id).map(ComponentPlant::country))
                .or(() -> market(id).map(Market::country));
        return country.map(c -> locations.get("countries[" + c + "]"));
    }

    private static <T> Optional<T> find(List<T> items, Function<T, String> id, String wanted) {
        return items.stream().filter(i -> id.apply(i).equals(wanted)).findFirst();
    }

    public Optional<Country> country(String code) {
        return find(countries, Country::code, code);
    }

    public Optional<Platform> platform(String id) {
        return find(platforms, Platform::id, id);
    }

    public Optional<Component> component(String id) {
        return find(components, Component::id, id);
    }

    public Optional<Plant> plant(String id) {
        return find(plants, Plant::id, id);
    }

    public Optional<Product> product(String id) {
        return find(products, Product::id, id);
    }

    public Optional<ComponentPlant> componentPlant(String id) {
        return find(componentPlants, ComponentPlant::id, id);
    }

    public Optional<Market> market(String id) {
        return find(markets, Market::id, id);
    }

    /** Every trade bloc a country belongs to. */
    public Stream<String> blocs() {
        return countries.stream().map(Country::bloc).distinct();
    }

    /**
     * Whether a place named in a trade rule (a country code or a bloc) covers a country.
     */
    public boolean placeCovers(String place, String countryCode) {
        return place.equals(countryCode)
                || country(countryCode).map(c -> c.bloc().equals(place)).orElse(false);
    }

    /** The bloc of a country, or the country code itself if the country is not listed. */
    public String blocOf(String countryCode) {
        return country(countryCode).map(Country::bloc).orElse(countryCode);
    }

    /**
     * The value of one unit of a currency in the base currency in a year, with each figure valued
     * by {@code valueOf} (1 for the base currency).
     */
    public double fxRate(String currencyCode, int year, java.util.function.ToDoubleFunction<Figure> valueOf) {
        if (currencyCode.equals(currency)) {
            return 1.0;
        }
        Series rate = fx.get(currencyCode);
        if (rate == null) {
            throw new IllegalArgumentException("no exchange rate for " + currencyCode);
        }
        return rate.valueAt(year, valueOf);
    }

    /** The nominal exchange rate of a currency in a year. */
    public double fxRate(String currencyCode, int year) {
        return fxRate(currencyCode, year, Figure::nominal);
    }

    /** The discount factor of a year: 1 in the horizon's first year. */
    public double discountFactor(int year) {
        return Math.pow(1 + discountRate.nominal(), -(year - horizon.firstYear()));
    }
}
