package footprint.io;

/**
 * Limits that protect readers from malformed or malicious input: a file larger than {@link
 * #MAX_BYTES}, nested deeper than {@link #MAX_DEPTH}, or using YAML aliases is refused before it
 * is read.
 */
public final class ReadLimits {
    /** 32 MiB: a model of a thousand plants and markets over a decade is a few MiB. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    /** The format needs about eight levels; anything much deeper is not a model. */
    public static final int MAX_DEPTH = 40;

    private ReadLimits() {}
}
