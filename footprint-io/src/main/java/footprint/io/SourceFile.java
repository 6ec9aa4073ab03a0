package footprint.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A file a model was read from, named by the SHA-256 of its bytes: the model file itself, or a file
 * its scenario chain {@code extends}. A plan names its model by these, so that a later command can
 * tell whether the model it is given is the one the plan was solved from.
 *
 * @param file the file as it was opened (a base file as an absolute path)
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits
 */
public record SourceFile(Path file, String sha256) {
    public SourceFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * The SHA-256 of a file's bytes, read as a stream (a workbook is not held in memory twice).
     *
     * @throws IOException when the file cannot be read
     */
    public static SourceFile of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return new SourceFile(file, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * One hash for a model and its chain, in the order read (the model file first, then the file it
     * extends, and so on): the SHA-256 of each file's hex digest followed by a line feed. It changes
     * when any byte of any file of the chain changes, or when the chain does; not when files move.
     */
    public static String combined(List<SourceFile> chain) {
        return combinedOf(chain.stream().map(SourceFile::sha256).toList());
    }

    /** {@link #combined} of the files' hex digests, in order. */
    public static String combinedOf(List<String> sha256s) {
        MessageDigest digest = newDigest();
        for (String h : sha256s) {
            digest.update((h + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The files in the order read, each hashed; empty when one of them cannot be read again. */
    static List<SourceFile> hashAll(List<Path> files) {
        List<SourceFile> out = new ArrayList<>();
        try {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    return List.of();
                }
                out.add(of(f));
            }
        } catch (IOException e) {
            return List.of();
        }
        return List.copyOf(out);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
