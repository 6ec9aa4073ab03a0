package footprint.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Limits that protect readers from malformed or malicious input: a file larger than {@link
 * #MAX_BYTES}, nested deeper than {@link #MAX_DEPTH}, or using YAML aliases is refused before it
 * is read, and so is anything that is not a regular file ({@link #notARegularFile}).
 */
public final class ReadLimits {
    /** 32 MiB: a model of a thousand plants and markets over a decade is a few MiB. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    /** The format needs about eight levels; anything much deeper is not a model. */
    public static final int MAX_DEPTH = 40;

    private ReadLimits() {}

    /**
     * Why a path may not be read as a model, scenario or workbook, checked from its attributes
     * without opening it (opening a named pipe blocks until someone writes to it; a device may never
     * end): it does not exist, it is a directory, or it is a pipe, socket or device. Empty when it is
     * a regular file (a link to one is followed). The reason reads after "the file".
     */
    public static Optional<String> notARegularFile(Path path) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.of("does not exist.");
        } catch (AccessDeniedException e) {
            return Optional.of("cannot be read: permission denied.");
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot be read (the system could not look at it).");
        }
        if (a.isDirectory()) {
            return Optional.of("is a directory, not a model file.");
        }
        if (!a.isRegularFile()) {
            return Optional.of("is not a regular file but a named pipe, socket or device; Footprint reads models,"
                    + " scenarios and workbooks only from regular files (save it to one first).");
        }
        return Optional.empty();
    }
}
