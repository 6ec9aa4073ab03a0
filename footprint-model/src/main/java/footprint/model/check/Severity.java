package footprint.model.check;

/** How serious a problem is. */
public enum Severity {
    /** The model cannot be used until it is fixed. */
    ERROR,
    /** Legal but suspicious; {@code --strict} treats it as an error. */
    WARNING
}
