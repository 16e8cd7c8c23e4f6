package io.github.schemachurn.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Owner-only temp directories (for a database, for a churner process's native library) under
 * {@code -Dschemachurn.tmpdir} or {@code java.io.tmpdir}, and their removal.
 */
public final class PrivateDirectory {
    private PrivateDirectory() {}

    /** @throws IllegalStateException with one line naming the root and why, e.g. the root is a file */
    public static Path create(String prefix, String purpose) {
        Path root = Paths.get(System.getProperty(Database.TMPDIR_PROPERTY, System.getProperty("java.io.tmpdir")));
        try {
            return Files.createTempDirectory(root, prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot create a private " + purpose + " directory under " + root
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Removes the directory and everything in it. A connection still open on another thread (a
     * shutdown hook runs while the benchmark's threads do) may create or delete its WAL, shm or
     * journal file meanwhile: a vanished file is skipped, and a directory that refills is walked again.
     *
     * @throws UncheckedIOException if it cannot be removed
     */
    public static void delete(Path directory) {
        for (int attempt = 1; ; attempt++) {
            try {
                walkAndDelete(directory);
                return;
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof DirectoryNotEmptyException) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Removes it, or says on standard error why it could not: for cleanup that must not throw (shutdown hooks, teardown). */
    public static void deleteOrWarn(Path directory) {
        try {
            delete(directory);
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage() + ": " + e.getCause());
        }
    }

    private static void walkAndDelete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory, e);
        }
    }
}
