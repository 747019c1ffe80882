package org.camrin.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks for the launchers, and free ports for tests. */
public final class Ports {

    private Ports() {
    }

    /**
     * Checks that {@code port} can be bound on the loopback address.
     *
     * @throws StackStartException when another process listens on the port
     */
    public static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new StackStartException("Port " + port + " on localhost is already in use: "
                    + "stop the process listening on it or choose another port.", e);
        }
    }

    /**
     * Returns a port that was free on the loopback address when this method ran. Another process
     * may take it before the caller binds it, which is rare enough for tests.
     */
    public static int findFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on localhost", e);
        }
    }
}
