package io.channelhub.localstack;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops what started in reverse order: services before the SMTP server and viewer, those before the broker, so
 * nothing loses what it depends on while it still flushes or commits. Runs once, whether called by Ctrl-C's
 * shutdown hook or by a failed start.
 */
final class ShutdownSequence {

    private static final Logger log = LoggerFactory.getLogger(ShutdownSequence.class);

    private record Step(String name, AutoCloseable stop) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();

    synchronized void add(String name, AutoCloseable stop) {
        steps.push(new Step(name, stop));
    }

    synchronized void run() {
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            try {
                step.stop().close();
                log.info("Stopped {}", step.name());
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", step.name(), e.toString());
            }
        }
    }
}
