package footprint.model;

/** How a lane carries goods. */
public enum LaneMode {
    ROAD,
    RAIL,
    SEA,
    AIR
}
