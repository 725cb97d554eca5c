package io.tributary.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, byte for byte, for what {@code java.net.http} refuses to send: a Content-Length of
 * the caller's own, header bytes outside ASCII, over-long headers, a request target that is no valid URI. Header
 * values and the target are written as ISO-8859-1, one byte per char, so any byte sequence can be sent. Every
 * request closes its connection, so an answer ends where the stream does.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    /** How the body travels. */
    enum Framing {
        /** With its length in a Content-Length header. */
        CONTENT_LENGTH,
        /** In chunks (Transfer-Encoding: chunked), so only reading it finds its size. */
        CHUNKED,
        /** As it is, with whatever framing headers the request names itself. */
        AS_GIVEN
    }

    /** @param value null for a line sent as it is, without a colon */
    record Header(String name, String value) {
    }

    record Request(String method, String target, List<Header> headers, byte[] body, Framing framing) {
    }

    record Answer(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + headers + " " + (text.length() > 500 ? text.substring(0, 500) + "…" : text);
        }
    }

    private final String host;
    private final int port;

    RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    Answer send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head(request));
                writeBody(out, request);
                out.flush();
            } catch (IOException e) {
                // The server may answer (e.g. 413) and stop reading before the whole body is sent: read its answer.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + abbreviated(request.target()) + ": " + e, e);
        }
    }

    private byte[] head(Request request) {
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Connection: close\r\n");
        for (Header header : request.headers()) {
            head.append(header.name()).append(header.value() == null ? "" : ": " + header.value()).append("\r\n");
        }
        if (request.body() != null && request.framing() == Framing.CONTENT_LENGTH) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        } else if (request.body() != null && request.framing() == Framing.CHUNKED) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void writeBody(OutputStream out, Request request) throws IOException {
        byte[] body = request.body();
        if (body == null) {
            return;
        }
        if (request.framing() != Framing.CHUNKED) {
            out.write(body);
            return;
        }
        int chunk = 16 * 1024;
        for (int offset = 0; offset < body.length; offset += chunk) {
            int length = Math.min(chunk, body.length - offset);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("no HTTP answer, only " + all.length + " bytes: "
                    + new String(all, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip(), (first, second) -> first + ", " + second);
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOf(chunked, position, "\r\n".getBytes(StandardCharsets.US_ASCII));
            String size = new String(chunked, position, lineEnd - position, StandardCharsets.US_ASCII).split(";")[0];
            int length = Integer.parseInt(size.strip(), 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, length);
            position = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
