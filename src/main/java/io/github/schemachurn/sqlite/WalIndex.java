package io.github.schemachurn.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the state of a WAL database from its wal-index (the {@code -shm} file) without taking a
 * lock or running a checkpoint: the layout of sqlite.org/walformat.html, section 2.1 (the
 * wal-index header, written twice, in native byte order) and 2.2 (the checkpoint info after it).
 *
 * <p>The file is opened once and kept open until {@link #close()}, which must come after every
 * connection of this process to the database is closed: closing any descriptor of a file drops
 * every POSIX lock the process holds on it, SQLite's locks on the wal-index included (sqlite.org,
 * "How To Corrupt An SQLite Database File", 2.2).
 */
public final class WalIndex implements AutoCloseable {
    /** The wal-index header's iVersion (WALINDEX_MAX_VERSION in SQLite's wal.c). */
    private static final int VERSION = 3007000;
    private static final int HEADER_BYTES = 48;
    /** Two copies of the header: all that is read. */
    private static final int READ_BYTES = 2 * HEADER_BYTES;
    /** The WAL file's own header, and each frame's header before its page (fileformat2.html, 4.1). */
    static final int WAL_HEADER_BYTES = 32;
    static final int FRAME_HEADER_BYTES = 24;

    /**
     * One consistent reading of the wal-index header. {@code commits} is iChange (SQLite adds one
     * per committed write transaction); {@code resets} is salt-1 (SQLite adds one each time a
     * writer rewinds the WAL to its start; stored big-endian); {@code frames} is mxFrame, the
     * frames the WAL holds now. Counters wrap at 2^32: compare them with {@link #since}.
     */
    public record State(int commits, int resets, long frames, int pageSize) {
        /** The bytes of the WAL these frames fill: the size the {@code -wal} file has at least. */
        public long walBytes() {
            return frames == 0 ? 0 : WAL_HEADER_BYTES + frames * (FRAME_HEADER_BYTES + pageSize);
        }

        /** How far a wrapping 32-bit counter moved from {@code earlier} to {@code later}. */
        public static long since(int earlier, int later) {
            return Integer.toUnsignedLong(later - earlier);
        }
    }

    private final FileChannel shm;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES).order(ByteOrder.nativeOrder());

    private WalIndex(FileChannel shm) {
        this.shm = shm;
    }

    /** The wal-index of the database file, or null if it has none (not in WAL mode, or no connection open). */
    public static WalIndex open(Path database) throws IOException {
        try {
            return new WalIndex(FileChannel.open(shmFile(database), StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    public static Path walFile(Path database) {
        return database.resolveSibling(database.getFileName() + "-wal");
    }

    public static Path shmFile(Path database) {
        return database.resolveSibling(database.getFileName() + "-shm");
    }

    /** The -wal file's size now, 0 if there is none. */
    public static long walFileBytes(Path database) {
        try {
            return Files.size(walFile(database));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The header now, or null if no consistent copy could be read: a writer writes the second copy,
     * then the first, so a reader that finds them equal has one whole header (wal.c does the same).
     */
    public State read() throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            buffer.clear();
            while (buffer.hasRemaining() && shm.read(buffer, buffer.position()) > 0) {
                // read the whole prefix
            }
            if (buffer.position() < READ_BYTES) {
                return null;
            }
            if (buffer.slice(0, HEADER_BYTES).equals(buffer.slice(HEADER_BYTES, HEADER_BYTES))
                    && buffer.getInt(0) == VERSION && buffer.get(12) == 1) {
                int size = Short.toUnsignedInt(buffer.getShort(14));
                int pageSize = (size & 0xfe00) + ((size & 0x0001) << 16); // 65536 is stored as 1
                int salt1 = buffer.duplicate().order(ByteOrder.BIG_ENDIAN).getInt(32);
                return new State(buffer.getInt(8), salt1, Integer.toUnsignedLong(buffer.getInt(16)), pageSize);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        shm.close();
    }
}
