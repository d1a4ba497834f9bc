package io.channelhub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks done before anything starts, so a busy port fails fast with a hint instead of halfway through. */
public final class Ports {
    private Ports() {
    }

    /** A port the OS reports free on the loopback interface now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails when something already listens on the port. Binds the wildcard address, which the OS refuses when any
     * interface, loopback included, has the port taken.
     */
    public static void requireFree(int port, String what, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for " + what + " is in use (another local stack or "
                    + "server running?); stop it or choose another with " + option);
        }
    }
}
