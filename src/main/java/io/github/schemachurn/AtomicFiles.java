package io.github.schemachurn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file whole or not at all: into a temporary file in the target's directory, then an
 * atomic rename over the target. A failure never leaves a half-written report, or results file,
 * over a good one. Every failure is an {@link UncheckedIOException} whose message is one line
 * naming the file; the command lines print it as it is.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] bytes) {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: keep its default permissions.
            }
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write it (" + reason(e) + ")", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // Best effort: the temporary file is hidden and named after the target.
                }
            }
        }
    }

    /** Why an I/O operation failed, in one line: the file and the file system's reason. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + ((FileSystemException) e).getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return "a file is in the way: " + f.getFile();
        }
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return "no such directory: " + f.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile();
        }
        return e.getMessage() == null ? "no detail" : e.getMessage().lines().findFirst().orElse("").trim();
    }
}
