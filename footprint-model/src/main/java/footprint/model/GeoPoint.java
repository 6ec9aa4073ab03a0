package footprint.model;

/** A place on the map, in degrees: latitude from -90 to 90, longitude from -180 to 180. */
public record GeoPoint(double lat, double lon) {
    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException(
                    "a location needs lat from -90 to 90 and lon from -180 to 180, not " + lat + ", " + lon);
        }
    }
}
