package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.WalIndex;

/**
 * What a WAL database's write-ahead log did in one measured window, from samples of its wal-index
 * ({@link WalIndex.State}) and of the {@code -wal} file's size. Plain arithmetic: tests feed it
 * samples directly.
 *
 * <p><b>Peak bytes</b>: the most the WAL held at any sample (header plus frames), or the file's size
 * if the file grew during the window: SQLite never shrinks the {@code -wal} file while connections
 * are open (journal_size_limit is -1 by default), so a file that grew reached its new size in
 * this window, and that size is exact even between samples.
 *
 * <p><b>Incomplete checkpoints</b>: commits that appended to a WAL already holding at least the
 * autocheckpoint size (PRAGMA wal_autocheckpoint, 1000 pages by default). SQLite runs a PASSIVE
 * checkpoint after every commit that leaves the WAL at that size or more
 * (sqlite.org/c3ref/wal_autocheckpoint.html), and the next writer rewinds the WAL to its start
 * once "the entire WAL has been transferred into the database" and "no readers are making use of
 * the WAL" (wal.html, "Avoiding Excessively Large WAL Files"). A commit that appends past that
 * size instead therefore follows exactly one checkpoint that could not complete, or could not let
 * the WAL rewind because a reader still used it: the "checkpoint starvation" wal.html describes.
 * Counted from the wal-index's commit counter between two samples of one WAL generation (no
 * rewind between them) of which the first already held that size: every commit between them
 * appended past it. Exact while the WAL stays past that size, as it does under starvation; a
 * lower bound otherwise, since the commits between the last sample below the size and the first
 * above it, or around a rewind, are not counted (a rewind means a checkpoint did complete).
 */
public final class WalWindow {
    private final long autocheckpointPages;
    private WalIndex.State previous;
    private long fileBytesAtStart = -1;
    private long peakBytes;
    private long incompleteCheckpoints;
    private long samples;

    /** @param autocheckpointPages the WAL size in pages that triggers an automatic checkpoint; 0 or less: none runs */
    public WalWindow(long autocheckpointPages) {
        this.autocheckpointPages = autocheckpointPages > 0 ? autocheckpointPages : Long.MAX_VALUE;
    }

    /** One sample: the wal-index header (null if none could be read) and the -wal file's size. */
    public void observe(WalIndex.State state, long walFileBytes) {
        if (state == null) {
            return;
        }
        samples++;
        if (fileBytesAtStart < 0) {
            fileBytesAtStart = walFileBytes;
        }
        peakBytes = Math.max(peakBytes, state.walBytes());
        if (walFileBytes > fileBytesAtStart) {
            peakBytes = Math.max(peakBytes, walFileBytes);
        }
        if (previous != null && previous.resets() == state.resets()) {
            long commits = WalIndex.State.since(previous.commits(), state.commits());
            if (previous.frames() >= autocheckpointPages) {
                incompleteCheckpoints += commits;
            }
        }
        previous = state;
    }

    public long peakBytes() { return peakBytes; }

    public long incompleteCheckpoints() { return incompleteCheckpoints; }

    /** Samples taken: 0 when the database is not in WAL mode (or the window saw none). */
    public long samples() { return samples; }
}
