package footprint.cli;

import footprint.io.ModelRead;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The files a command writes and the files it reads, declared before it does any work, so that a
 * long solve never ends in a refused file; and the one way every command writes a file.
 *
 * <p>{@link #check} refuses (exit code 2, a message that names the file and says what to do):
 *
 * <ul>
 *   <li>an output that exists, unless {@code --force} is given (or the file is the command's own
 *       earlier output that it regenerates, see {@link #regenerated});
 *   <li>an output that is one of the command's inputs (the model, the base files of a scenario, a
 *       plan), even with {@code --force}: by {@link Files#isSameFile}, so a symbolic link, a hard
 *       link or {@code ./m.yaml} for {@code m.yaml} are caught;
 *   <li>two outputs that name one file;
 *   <li>an output that is not a regular file (a device such as {@code /dev/null} or {@code
 *       /dev/full}, a FIFO, a socket, a folder), even with {@code --force}: it would be replaced by a
 *       regular file, or never finish;
 *   <li>an output in a folder that does not exist.
 * </ul>
 *
 * <p>{@link #write} writes through a temporary file in the target's own folder and renames it over
 * the target in one step, so a failed write leaves the old file whole and no half file behind. An
 * output that is a symbolic link to a regular file replaces that file and keeps the link.
 */
final class Outputs {
    /** How a command writes a file's content to the path it is given (a temporary file). */
    @FunctionalInterface
    interface Body {
        void to(Path file) throws IOException;
    }

    private record Output(String option, Path path, Optional<Predicate<String>> own) {}

    private record Input(Path path, String role) {}

    private final boolean force;
    private final List<Output> outputs = new ArrayList<>();
    private final List<Input> inputs = new ArrayList<>();

    private Outputs(boolean force) {
        this.force = force;
    }

    /** The outputs of a command run with ({@code true}) or without {@code --force}. */
    static Outputs of(boolean force) {
        return new Outputs(force);
    }

    /** Declares an output written by {@code option} (nothing when the option was not given). */
    Outputs output(String option, Path path) {
        if (path != null) {
            outputs.add(new Output(option, path, Optional.empty()));
        }
        return this;
    }

    /**
     * Declares an output that the command regenerates: an existing file whose beginning (its first
     * 4,096 characters) passes {@code own} is the command's own earlier output and is replaced
     * without {@code --force}; any other existing file needs {@code --force}.
     */
    Outputs regenerated(String option, Path path, Predicate<String> own) {
        if (path != null) {
            outputs.add(new Output(option, path, Optional.of(own)));
        }
        return this;
    }

    /** Declares a file the command reads ({@code role}: "the model", "a plan", ...). */
    Outputs input(Path path, String role) {
        if (path != null) {
            inputs.add(new Input(path, role));
        }
        return this;
    }

    /**
     * Declares the files a model read came from: the file named, and every file a field or a
     * problem of it was placed in (a scenario's base files, the chain of its {@code extends}).
     */
    Outputs inputs(ModelRead read, String role) {
        Set<String> files = new LinkedHashSet<>();
        files.add(read.file());
        read.places().values().forEach(l -> files.add(l.file()));
        for (Problem p : read.problems()) {
            p.location().map(Location::file).ifPresent(files::add);
        }
        for (String f : files) {
            try {
                input(Path.of(f), f.equals(read.file()) ? role : "a base file of " + Quote.of(read.file()));
            } catch (InvalidPathException e) {
                // a name that is no path here was never opened: nothing to protect
            }
        }
        return this;
    }

    /** Whether any output was declared. */
    boolean any() {
        return !outputs.isEmpty();
    }

    /**
     * Refuses, with exit code 2, an output that exists (without {@code --force}), is an input, is
     * named twice, is not a regular file or lies in a folder that does not exist. Call it before
     * any work, and again once the inputs a reader found are declared.
     */
    void check() {
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            checkOne(o);
            for (int j = 0; j < i; j++) {
                Output other = outputs.get(j);
                if (same(o.path(), other.path())) {
                    throw new UserError(
                            other.option() + " and " + o.option() + " both name " + Quote.of(o.path())
                                    + ": give each output a file of its own",
                            ExitCode.USAGE);
                }
            }
        }
    }

    private void checkOne(Output o) {
        Path p = o.path();
        String name = Quote.of(p);
        Optional<BasicFileAttributes> attrs = attributes(p);
        if (attrs.isEmpty()) {
            if (Files.isSymbolicLink(p)) {
                throw new UserError(
                        name + " (" + o.option() + ") is a symbolic link to a file that does not exist;"
                                + " name the file itself",
                        ExitCode.USAGE);
            }
            Path folder = p.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                throw new UserError(
                        "cannot write " + name + " (" + o.option() + "): the folder " + Quote.of(folder)
                                + " does not exist",
                        ExitCode.USAGE);
            }
            writableFolder(o, folder);
            for (Input in : inputs) {
                if (!Files.exists(in.path())
                        && in.path()
                                .toAbsolutePath()
                                .normalize()
                                .equals(p.toAbsolutePath().normalize())) {
                    throw new UserError(
                            name + " (" + o.option() + ") is also " + in.role()
                                    + ", an input of this command: write to another file",
                            ExitCode.USAGE);
                }
            }
            return;
        }
        if (!attrs.get().isRegularFile()) {
            throw new UserError(
                    name + " (" + o.option() + ") is " + kind(p, attrs.get())
                            + ", not a regular file; Footprint writes only regular files (even with --force):"
                            + " name a file",
                    ExitCode.USAGE);
        }
        for (Input in : inputs) {
            if (sameFile(p, in.path())) {
                throw new UserError(
                        name + " (" + o.option() + ") is " + in.role()
                                + (Quote.of(in.path()).equals(name) ? "" : " (" + Quote.of(in.path()) + ")")
                                + ", an input of this command; writing it would destroy it, even with --force:"
                                + " write to another file",
                        ExitCode.USAGE);
            }
        }
        if (!force && !own(o)) {
            throw new UserError(name + " exists; pass --force to replace it", ExitCode.USAGE);
        }
        writableFolder(o, target(p).getParent());
    }

    /** The folder a file is written into must let this user make the temporary file there. */
    private static void writableFolder(Output o, Path folder) {
        if (folder != null && !Files.isWritable(folder)) {
            throw new UserError(
                    "cannot write " + Quote.of(o.path()) + " (" + o.option() + "): the folder " + Quote.of(folder)
                            + " is not writable for you",
                    ExitCode.USAGE);
        }
    }

    /** Writes text to a declared output (UTF-8), safely: see {@link #write(Path, Body)}. */
    void write(Path path, String text) {
        write(path, file -> Files.writeString(file, text, StandardCharsets.UTF_8));
    }

    /**
     * Writes a declared output: {@code body} writes a temporary file in the target's folder, which
     * is flushed to the disk and renamed over the target in one step. A failure (a full disk, no
     * permission) is reported with exit code 3 and leaves the old file as it was.
     */
    void write(Path path, Body body) {
        Output o = outputs.stream()
                .filter(x -> x.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(path + " was not declared as an output"));
        checkOne(o); // again: the file may have come or changed while the command ran
        Path target = target(path);
        Path tmp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".part");
        try {
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                body.to(tmp);
                try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
                keepPermissions(target, tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserError(
                    "cannot write " + Quote.of(path) + ": " + reason(e) + " (nothing written; an existing file is"
                            + " left as it was)",
                    ExitCode.BAD_INPUT);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Optional<BasicFileAttributes> attributes(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file a write lands in: a symbolic link's target, else the path in its real folder. */
    private static Path target(Path p) {
        try {
            if (Files.exists(p)) {
                return p.toRealPath();
            }
            Path abs = p.toAbsolutePath();
            Path folder = abs.getParent();
            return folder == null ? abs : folder.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Whether two paths name one file: the same file on disk, or the same place for a new one. */
    private static boolean same(Path a, Path b) {
        return sameFile(a, b) || target(a).equals(target(b));
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static boolean own(Output o) {
        if (o.own().isEmpty()) {
            return false;
        }
        try (InputStream in = Files.newInputStream(o.path())) {
            byte[] head = in.readNBytes(4096);
            return o.own().get().test(new String(head, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
    }

    /** What a file that is not a regular file is, in words. */
    private static String kind(Path p, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a folder";
        }
        try {
            Object mode = Files.getAttribute(p, "unix:mode");
            if (mode instanceof Integer m) {
                String named = switch (m & 0170000) {
                    case 0020000 -> "a character device";
                    case 0060000 -> "a block device";
                    case 0010000 -> "a FIFO (named pipe)";
                    case 0140000 -> "a socket";
                    default -> "";
                };
                if (!named.isEmpty()) {
                    return named;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix attributes here: say it generally
        }
        return "a device, FIFO or socket";
    }

    /** A replaced file keeps its permissions; a new one gets the folder's usual ones. */
    private static void keepPermissions(Path target, Path tmp) {
        try {
            if (Files.isRegularFile(target)) {
                PosixFileAttributes a = Files.readAttributes(target, PosixFileAttributes.class);
                Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setPermissions(a.permissions());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system, or not ours to read: the new file keeps the default permissions
        }
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        if (t instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return Quote.text(f.getReason());
        }
        return Quote.text(String.valueOf(t.getMessage()));
    }
}
