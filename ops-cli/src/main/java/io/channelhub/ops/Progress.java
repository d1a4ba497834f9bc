package io.channelhub.ops;

import java.io.PrintWriter;

/** "replay: 3000 of at most 12000 records" on stderr every so often, so a long run is seen to move. */
final class Progress {

    private final PrintWriter err;
    private final String command;
    private final long every;
    private final long atMost;
    private long count;

    /**
     * @param atMost an upper bound of the records to come (transaction markers take offsets too)
     */
    Progress(PrintWriter err, String command, long every, long atMost) {
        this.err = err;
        this.command = command;
        this.every = every;
        this.atMost = atMost;
    }

    void tick() {
        if (++count % every == 0) {
            err.println(command + ": " + count + " of at most " + atMost + " records");
            err.flush();
        }
    }
}
