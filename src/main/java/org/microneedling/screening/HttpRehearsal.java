package org.microneedling.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.microneedling.security.Rehearsals;

/**
 * Sends the warm-up's questionnaires to this service's own {@code POST /api/v1/screenings} over loopback, so that
 * the HTTP layer (Vert.x, RESTEasy, the authentication, the JSON writer, the access log's filter) is compiled before
 * readiness as well as the decision. Its connections each keep one request in flight until the deadline, as a load
 * balancer's clients would, starting with a few and adding one each round; the requests carry the rehearsal key, so
 * they are answered and never recorded in the audit trail.
 * <p>
 * It is plain blocking sockets on the warm-up's own thread, with the requests written out in advance: an HTTP client
 * on the event loops took half of their time from the server it was warming, and its code had to be compiled as
 * well.
 */
final class HttpRehearsal {

    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
    private static final int FIRST_CONNECTIONS = 4;
    private static final String[] LANGUAGES = { "en", "es" };
    private static final byte[] END_OF_HEADERS = { '\r', '\n', '\r', '\n' };

    private final String host;
    private final int port;
    private final List<byte[]> requests;
    private final Runnable onAnswered;
    private final int connections;

    /** @param onAnswered called on every answer 200, as it arrives */
    HttpRehearsal(String host, int port, String key, List<byte[]> questionnaires, int connections,
            Runnable onAnswered) {
        this.host = host;
        this.port = port;
        this.connections = Math.max(1, connections);
        this.onAnswered = onAnswered;
        this.requests = new ArrayList<>(questionnaires.size() * LANGUAGES.length);
        for (String language : LANGUAGES) {
            for (byte[] questionnaire : questionnaires) {
                requests.add(request(key, language, questionnaire));
            }
        }
    }

    private byte[] request(String key, String language, byte[] body) {
        String authority = host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
        byte[] head = ("POST " + Rehearsals.ENDPOINT + " HTTP/1.1\r\n"
                + "Host: " + authority + "\r\n"
                + "Content-Type: " + Rehearsals.JSON + "\r\n"
                + "Accept-Language: " + language + "\r\n"
                + Rehearsals.HEADER + ": " + key + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /**
     * Screens until {@code deadlineNanos} ({@link System#nanoTime()}); answers still missing shortly after it are let
     * go, so that readiness never waits on a slow one.
     *
     * @return how many were answered 200
     * @throws IllegalStateException at the first request that could not be sent or was answered otherwise than 200:
     *         the caller goes on without the HTTP layer
     */
    long run(long deadlineNanos) {
        List<Lane> lanes = new ArrayList<>(connections);
        long answered = 0;
        long sequence = 0;
        try {
            while (System.nanoTime() < deadlineNanos) {
                // A few connections first, one more each round: a client's request that arrives as the server
                // begins to listen is not queued behind dozens of rehearsals run by the interpreter.
                int open = Math.min(Math.max(FIRST_CONNECTIONS, lanes.size() + 1), connections);
                while (lanes.size() < open) {
                    lanes.add(new Lane(host, port));
                }
                for (Lane lane : lanes) {
                    lane.send(requests.get((int) (sequence++ % requests.size())));
                }
                for (Lane lane : lanes) {
                    int status = lane.status(deadlineNanos + GRACE_NANOS);
                    if (status < 0) {
                        return answered;
                    }
                    if (status != 200) {
                        throw new IllegalStateException(Rehearsals.ENDPOINT + " answered " + status);
                    }
                    answered++;
                    onAnswered.run();
                }
            }
            return answered;
        } catch (IOException e) {
            throw new IllegalStateException(e.toString(), e);
        } finally {
            for (Lane lane : lanes) {
                lane.close();
            }
        }
    }

    /** One keep-alive connection with at most one request in flight. */
    private static final class Lane {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private byte[] buffer = new byte[16 * 1024];

        Lane(String host, int port) throws IOException {
            socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                out = socket.getOutputStream();
                in = socket.getInputStream();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        void send(byte[] request) throws IOException {
            out.write(request);
            out.flush();
        }

        /**
         * Reads one whole answer and returns its status code, or -1 when none came by {@code giveUpNanos}.
         *
         * @throws IOException when the connection fails or the answer is not one this class can read
         */
        int status(long giveUpNanos) throws IOException {
            int filled = 0;
            int headersEnd = -1;
            int total = Integer.MAX_VALUE;
            while (filled < total) {
                long left = TimeUnit.NANOSECONDS.toMillis(giveUpNanos - System.nanoTime());
                if (left <= 0) {
                    return -1;
                }
                socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                if (filled == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int read;
                try {
                    read = in.read(buffer, filled, buffer.length - filled);
                } catch (SocketTimeoutException e) {
                    return -1;
                }
                if (read < 0) {
                    throw new IOException("the connection closed before an answer was read");
                }
                filled += read;
                if (headersEnd < 0) {
                    headersEnd = indexOf(buffer, filled, END_OF_HEADERS);
                    if (headersEnd >= 0) {
                        total = headersEnd + END_OF_HEADERS.length + contentLength(headersEnd);
                    }
                }
            }
            return statusCode();
        }

        private int contentLength(int headersEnd) throws IOException {
            String headers = new String(buffer, 0, headersEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            for (String line : headers.split("\r\n")) {
                if (line.startsWith("content-length:")) {
                    try {
                        return Integer.parseInt(line.substring("content-length:".length()).strip());
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
            }
            throw new IOException("an answer without a Content-Length");
        }

        private int statusCode() throws IOException {
            // "HTTP/1.1 200 OK": the code is the three digits after the first space.
            if (buffer[8] != ' ') {
                throw new IOException("an answer that is not HTTP/1.1");
            }
            try {
                return Integer.parseInt(new String(buffer, 9, 3, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("an answer without a status code", e);
            }
        }

        private static int indexOf(byte[] data, int length, byte[] wanted) {
            for (int i = 0; i + wanted.length <= length; i++) {
                if (data[i] == wanted[0] && data[i + 1] == wanted[1] && data[i + 2] == wanted[2]
                        && data[i + 3] == wanted[3]) {
                    return i;
                }
            }
            return -1;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a loopback socket that is no longer needed: nothing to do about a failure.
            }
        }
    }
}
