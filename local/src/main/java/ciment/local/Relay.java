package ciment.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A container's own way to a service (the emulator): a loopback port whose connections are relayed, byte for
 * byte, to the service. Cutting it is the container's death as the world sees it: its open connections are
 * closed and new ones refused, so nothing a killed container would still do reaches the table.
 */
final class Relay implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private Relay(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** A relay to an http:// service; starts accepting at once. */
    static Relay to(URI service) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Relay relay = new Relay(server, new InetSocketAddress(service.getHost(), service.getPort()));
            Thread.ofVirtual().name("ciment-relay-" + server.getLocalPort()).start(relay::accept);
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a relay to " + service, e);
        }
    }

    /** Where the container is told the service is. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void accept() {
        while (!cut) {
            try {
                Socket in = server.accept();
                Socket out = new Socket(target.getAddress(), target.getPort());
                open.add(in);
                open.add(out);
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                if (!cut) {
                    System.err.println("ciment: a relay to " + target + " failed to connect: " + e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException closed) {
                // either side went away: both are closed below
            } finally {
                close(from);
                close(to);
            }
        });
    }

    /** Closes every connection and refuses new ones. */
    void cut() {
        cut = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        List.copyOf(open).forEach(this::close);
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        cut();
    }
}
