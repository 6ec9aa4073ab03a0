package footprint.model;

/** The state of an assembly plant in a year. */
public enum PlantStatus {
    /** Building vehicles, paying its fixed cost. */
    RUNNING,
    /** Kept but not building: pays its idle cost, may restart. */
    IDLE,
    /** Closed for good after a one-time closure cost (it may reopen at a reopening cost). */
    CLOSED
}
