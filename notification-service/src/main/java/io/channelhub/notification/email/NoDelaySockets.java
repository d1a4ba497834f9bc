package io.channelhub.notification.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * SMTP sockets with Nagle's algorithm off (D-122). An e-mail's DATA goes out in several segments and ends with a
 * small "CRLF . CRLF"; with Nagle on, that last segment waits for the server to acknowledge the one before, and a
 * server that delays its acknowledgment (40 ms on Linux) holds every e-mail that long: 19 invoice e-mails a second
 * on one connection, both ends idle. JavaMail has no setting for it; it takes a socket factory
 * ({@code mail.smtp.socketFactory}) and connects the socket it gets.
 */
public final class NoDelaySockets extends SocketFactory {

    @Override
    public Socket createSocket() throws SocketException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
